#include "UpdaterConfigView.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

const QString maskText = QString(8, QChar(0x2022));

QVariant masked(const QString &key, const QVariant &value)
{
    if (UpdaterConfigView::isSecretKey(key) && !value.isNull())
        return maskText;
    if (value.typeId() == QMetaType::QVariantMap) {
        QVariantMap map = value.toMap();
        for (auto it = map.begin(); it != map.end(); ++it)
            *it = masked(it.key(), *it);
        return map;
    }
    return value;
}

bool isPem(const QVariant &v)
{
    return v.typeId() == QMetaType::QString
        && v.toString().contains(u"-----BEGIN CERTIFICATE-----"_s);
}

} // namespace

UpdaterConfigView::Parsed UpdaterConfigView::parse(QStringView text)
{
    Parsed parsed;
    if (text.trimmed().isEmpty())
        return parsed; // the updater treats an empty file as an empty dict
    const QVariant value = PythonLiteral::parse(text, &parsed.error);
    if (parsed.error.isError())
        return parsed;
    if (value.typeId() != QMetaType::QVariantMap) {
        parsed.message
            = QCoreApplication::translate("UpdaterConfigView", "The file holds no Python dict.");
        return parsed;
    }
    parsed.values = value.toMap();
    return parsed;
}

QList<UpdaterConfigEntry> UpdaterConfigView::merge(const QVariantMap &cfg, const QVariantMap &state)
{
    QList<UpdaterConfigEntry> entries;
    for (auto it = state.cbegin(); it != state.cend(); ++it) {
        if (cfg.contains(it.key()))
            continue;
        entries.append(
            { it.key(), *it, UpdaterConfigEntry::Source::State, false, {}, isSecretKey(it.key()) });
    }
    for (auto it = cfg.cbegin(); it != cfg.cend(); ++it) {
        const bool both = state.contains(it.key());
        entries.append({ it.key(), *it, UpdaterConfigEntry::Source::Cfg, both,
                         both ? state.value(it.key()) : QVariant(), isSecretKey(it.key()) });
    }
    std::sort(
        entries.begin(), entries.end(),
        [](const UpdaterConfigEntry &a, const UpdaterConfigEntry &b) { return a.key < b.key; });
    return entries;
}

bool UpdaterConfigView::isSecretKey(const QString &key)
{
    const QString k = key.toLower();
    return k == u"host_secret"_s || k.contains(u"password"_s) || k.contains(u"secret"_s)
        || k.contains(u"passphrase"_s);
}

QString UpdaterConfigView::displayValue(const QString &key, const QVariant &value, bool reveal)
{
    const QVariant shown = reveal ? value : masked(key, value);
    if (shown.typeId() == QMetaType::QString)
        return shown.toString();
    if (shown.typeId() == QMetaType::QVariantList || shown.typeId() == QMetaType::QStringList) {
        const QVariantList list = shown.toList();
        if (!list.isEmpty() && std::all_of(list.cbegin(), list.cend(), isPem))
            return QCoreApplication::translate("UpdaterConfigView", "%n PEM certificate(s)",
                                               nullptr, int(list.size()));
    }
    const QString literal = PythonLiteral::write(shown);
    return literal.isEmpty() ? shown.toString() : literal;
}

QString UpdaterConfigView::readableValue(const QString &key, const QVariant &value, bool reveal)
{
    const QVariant shown = reveal ? value : masked(key, value);
    if (shown.typeId() == QMetaType::QString)
        return shown.toString();
    // Words, local dates and the rule editor's units rather than Python literals and epochs.
    if (!shown.isValid() || shown.isNull())
        return QCoreApplication::translate("UpdaterConfigView", "(none)");
    if (shown.typeId() == QMetaType::Bool)
        return shown.toBool() ? QCoreApplication::translate("UpdaterConfigView", "yes")
                              : QCoreApplication::translate("UpdaterConfigView", "no");
    bool numeric = false;
    const double number = shown.toDouble(&numeric);
    numeric = numeric
        && (shown.typeId() == QMetaType::Double || shown.typeId() == QMetaType::Int
            || shown.typeId() == QMetaType::LongLong);
    if (numeric && (key == u"last_check"_s || key == u"last_update"_s) && number > 0)
        return QLocale().toString(QDateTime::fromMSecsSinceEpoch(qint64(number * 1000)),
                                  QLocale::ShortFormat);
    if (numeric && key == u"interval"_s && number > 0) {
        const auto seconds = int(number);
        const int minutes = seconds / 60; // (not inside translate(): lupdate misreads it there)
        if (seconds % 60 == 0)
            return QCoreApplication::translate("UpdaterConfigView", "%n minute(s)", nullptr,
                                               minutes);
        return QCoreApplication::translate("UpdaterConfigView", "%n second(s)", nullptr, seconds);
    }
    return displayValue(key, value, reveal);
}

QString UpdaterConfigView::sourceName(UpdaterConfigEntry::Source source)
{
    return source == UpdaterConfigEntry::Source::Cfg ? u"cmk-update-agent.cfg"_s
                                                     : u"cmk-update-agent.state"_s;
}
