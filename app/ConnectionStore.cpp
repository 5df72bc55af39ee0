#include "ConnectionStore.h"

#include <QSet>
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

QStringList ConnectionStore::orphanedSecretKeys(const QList<SiteConnection> &before,
                                                const QList<SiteConnection> &after)
{
    QSet<QString> kept;
    for (const SiteConnection &c : after)
        kept.insert(c.keychainKey());
    QStringList orphaned;
    for (const SiteConnection &c : before) {
        const QString key = c.keychainKey();
        if (!c.demo && !kept.contains(key) && !orphaned.contains(key))
            orphaned << key;
    }
    return orphaned;
}

bool ConnectionStore::hasLegacySecrets() const
{
    return QSettings().value(u"secretKeying"_s).toString() != u"server-site-user"_s;
}

void ConnectionStore::setLegacySecretsRemoved() const
{
    QSettings().setValue(u"secretKeying"_s, u"server-site-user"_s);
}

QString ConnectionStore::lastUsed() const
{
    return QSettings().value(u"lastConnection"_s).toString();
}

void ConnectionStore::setLastUsed(const QString &name) const
{
    QSettings().setValue(u"lastConnection"_s, name);
}
