#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <QVariantMap>

#include <optional>

// The value of an "Agent updater" rule (agent_config:cmk_update_agent) as typed fields.
// Every field is optional because a rule sets only some parameters (first rule per parameter
// wins); toVariant() writes back exactly the keys that are set, plus unknown ones untouched.
struct AgentUpdaterConfig
{
    struct ServerData
    {
        QString server;
        QString site;
        QString protocol = QStringLiteral("https"); // http | https
        QString usage = QStringLiteral("always"); // registration | always
        friend bool operator==(const ServerData &, const ServerData &) = default;
    };

    enum class ProxyMode { NoProxy, EnvProxy, ExplicitProxy };
    struct Proxy
    {
        ProxyMode mode = ProxyMode::NoProxy;
        QString server; // explicit_proxy only
        int port = 0;
        QString protocol = QStringLiteral("http"); // http | socks4 | socks5
        QVariant credentials; // kept as the site sends it; absent when invalid
        bool asTuple = true; // Checkmk's CascadingDropdown form ('explicit_proxy', {...})
        friend bool operator==(const Proxy &, const Proxy &) = default;
    };

    enum class Severity { Warning, Error };
    struct Issue
    {
        QString field; // key path: "interval", "server_data.server", "signature_keys[1]"
        Severity severity = Severity::Error;
        QString message;
    };

    static constexpr int defaultInterval = 3600;
    static constexpr int recommendedMinimumInterval = 600;

    std::optional<bool> activated; // "enabled" / "disabled"
    std::optional<ServerData> serverData;
    std::optional<QStringList> certificates; // PEM
    std::optional<int> interval; // seconds
    std::optional<Proxy> proxy;
    std::optional<QString> edition; // bit64 (packaged binary) | script (Python)
    std::optional<QStringList> signatureKeys; // certificate PEM of each accepted key
    QVariantMap otherKeys;

    int effectiveInterval() const { return interval.value_or(defaultInterval); }

    // Reads a rule value; a key whose value has the wrong shape is kept in otherKeys and
    // reported by validate() rather than silently dropped.
    static AgentUpdaterConfig fromVariant(const QVariantMap &value);
    QVariantMap toVariant() const;

    // The rule editor's label for an issue's field ("server_data.server" → "Update server",
    // "signature_keys[1]" → "Accepted signature keys (2)"), so that messages use the words
    // the user sees next to the input; an unknown key is returned as it is.
    static QString fieldLabel(const QString &field);
    // A top-level key's value in words and the editor's units, as the rule editor shows it:
    // ('no_proxy', None) → "No proxy", interval 3600 → "60 minutes", bit64 → "Packaged binary
    // (64 bit)". A value of an unexpected form is shown as its Python literal.
    static QString displayValue(const QString &key, const QVariant &value);

    // Field-named problems: errors stop a save, warnings are shown.
    QList<Issue> validate() const;
    bool hasErrors() const;

    friend bool operator==(const AgentUpdaterConfig &, const AgentUpdaterConfig &) = default;
};

Q_DECLARE_METATYPE(AgentUpdaterConfig)
