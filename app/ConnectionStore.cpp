#include "ConnectionStore.h"

#include <QSettings>

using namespace Qt::StringLiterals;

QList<SiteConnection> ConnectionStore::load() const
{
    QSettings settings;
    QList<SiteConnection> connections;
    const int count = settings.beginReadArray(u"connections"_s);
    for (int i = 0; i < count; ++i) {
        settings.setArrayIndex(i);
        const SiteConnection c
            = SiteConnection::fromVariant(settings.value(u"connection"_s).toMap());
        if (!c.name.isEmpty())
            connections << c;
    }
    settings.endArray();
    return connections;
}

void ConnectionStore::save(const QList<SiteConnection> &connections) const
{
    QSettings settings;
    settings.remove(u"connections"_s);
    settings.beginWriteArray(u"connections"_s, int(connections.size()));
    int i = 0;
    for (const SiteConnection &c : connections) {
        if (c.demo)
            continue; // the demo site is made anew at every start
        settings.setArrayIndex(i++);
        settings.setValue(u"connection"_s, c.toVariant());
    }
    settings.endArray();
}

QString ConnectionStore::lastUsed() const
{
    return QSettings().value(u"lastConnection"_s).toString();
}

void ConnectionStore::setLastUsed(const QString &name) const
{
    QSettings().setValue(u"lastConnection"_s, name);
}
