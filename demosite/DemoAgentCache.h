#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

#include <optional>

// A remote site's cache of agent packages it fetched from its central site, by hash (the
// manual: a remote site caches the packages while they are valid and checks requests for
// consistency so that it does not ask the central site needlessly). A package is served
// from here only to a host whose host secret and target hash the central site confirmed in
// its last status reply; when the central's target hash for a host changes, the old package
// is dropped once no host targets it any more.
class DemoAgentCache final
{
public:
    // The central site answered a status request of `host` (with this host secret's digest):
    // `targetHash` is its TargetHash, empty when no agent is available.
    void noteStatus(const QString &host, const QByteArray &secretDigest, const QString &targetHash);
    // The central site refused the host (unknown, wrong secret): nothing is served to it.
    void forgetHost(const QString &host);
    // True when `hash` is the target the central site confirmed for this host and secret.
    bool isConfirmedTarget(const QString &host, const QByteArray &secretDigest,
                           const QString &hash) const;
    // The cached package for a confirmed request, nullopt when it has to be fetched.
    std::optional<QByteArray> lookup(const QString &host, const QByteArray &secretDigest,
                                     const QString &hash) const;
    void store(const QString &hash, const QByteArray &package);

    QStringList hashes() const { return m_packages.keys(); }
    static QByteArray digestOf(const QString &hostSecret);

private:
    void dropUnlessTargeted(const QString &hash);

    struct HostEntry
    {
        QByteArray secretDigest; // SHA-256 of the host secret: the secret itself is not kept
        QString target;
    };
    QHash<QString, HostEntry> m_hosts;
    QHash<QString, QByteArray> m_packages;
};
