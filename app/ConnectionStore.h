#pragma once

#include <QList>

#include "SiteConnection.h"

// The saved connections (never their secrets) in QSettings, in the user's order.
class ConnectionStore final
{
public:
    QList<SiteConnection> load() const;
    void save(const QList<SiteConnection> &connections) const;
    QString lastUsed() const;
    void setLastUsed(const QString &name) const;

    // Keychain keys that `before` used and `after` no longer does: deleted connections and
    // those whose server, site or user changed. Their secrets are to be removed.
    static QStringList orphanedSecretKeys(const QList<SiteConnection> &before,
                                          const QList<SiteConnection> &after);
    // Whether the entries keyed by connection name (AgentDesk 0.1) still have to be removed.
    // They are dropped, not migrated: nothing tells which server such a secret was accepted by.
    bool hasLegacySecrets() const;
    void setLegacySecretsRemoved() const;
};
