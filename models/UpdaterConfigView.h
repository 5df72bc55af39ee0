#pragma once

#include <QList>
#include <QString>
#include <QVariant>
#include <QVariantMap>

#include "PythonLiteral.h"

// One key of the updater's effective configuration and where its value comes from.
struct UpdaterConfigEntry
{
    enum class Source { Cfg, State };

    QString key;
    QVariant value; // the effective value
    Source source = Source::State;
    bool overridesState = false; // the .state has this key too, but the .cfg wins
    QVariant shadowedStateValue; // the .state's value that the .cfg overrides
    bool secret = false;
};

// The agent updater's configuration as `cmk-update-agent show-config` sees it: the .cfg (from
// the bakery) merged over the .state (from registration and updates), key by key, with the
// source of each key; secrets masked for display unless revealed.
class UpdaterConfigView final
{
public:
    // One file's text parsed as the updater does: a Python dict literal (empty text: {}).
    struct Parsed
    {
        QVariantMap values;
        PythonLiteral::Error error;
        QString message; // "not a dict" and the like, when error has no position
        bool ok() const { return !error.isError() && message.isEmpty(); }
    };
    static Parsed parse(QStringView text);

    // Keys sorted by name; .cfg values override .state values.
    static QList<UpdaterConfigEntry> merge(const QVariantMap &cfg, const QVariantMap &state);

    // host_secret, and any key naming a password or secret (proxy passwords in the .cfg).
    static bool isSecretKey(const QString &key);
    // The value as one line: strings as they are, other values as Python literals; secrets
    // (also inside dicts) replaced by dots unless `reveal`; long PEM lists summarised.
    static QString displayValue(const QString &key, const QVariant &value, bool reveal);
    // For the window: as displayValue(), but in words, local dates and the rule editor's units
    // (True → "yes", None → "(none)", last_check → a local date, interval → minutes). The
    // command line keeps displayValue(), which matches cmk-update-agent show-config.
    static QString readableValue(const QString &key, const QVariant &value, bool reveal);
    static QString sourceName(UpdaterConfigEntry::Source source);
};
