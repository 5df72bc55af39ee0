#include "DemoAgentCache.h"

#include <QCryptographicHash>

#include <algorithm>

QByteArray DemoAgentCache::digestOf(const QString &hostSecret)
{
    return QCryptographicHash::hash(hostSecret.toUtf8(), QCryptographicHash::Sha256);
}

void DemoAgentCache::noteStatus(const QString &host, const QByteArray &secretDigest,
                                const QString &targetHash)
{
    HostEntry &entry = m_hosts[host];
    const QString previous = entry.target;
    entry.secretDigest = secretDigest;
    entry.target = targetHash;
    if (!previous.isEmpty() && previous != targetHash)
        dropUnlessTargeted(previous); // a new bake or no agent any more: the old one is stale
}

void DemoAgentCache::forgetHost(const QString &host)
{
    const QString previous = m_hosts.value(host).target;
    m_hosts.remove(host);
    if (!previous.isEmpty())
        dropUnlessTargeted(previous);
}

bool DemoAgentCache::isConfirmedTarget(const QString &host, const QByteArray &secretDigest,
                                       const QString &hash) const
{
    const auto it = m_hosts.constFind(host);
    return it != m_hosts.cend() && !hash.isEmpty() && it->target == hash
        && it->secretDigest == secretDigest;
}

std::optional<QByteArray> DemoAgentCache::lookup(const QString &host,
                                                 const QByteArray &secretDigest,
                                                 const QString &hash) const
{
    if (!isConfirmedTarget(host, secretDigest, hash))
        return std::nullopt;
    const auto it = m_packages.constFind(hash);
    if (it == m_packages.cend())
        return std::nullopt;
    return *it;
}

void DemoAgentCache::store(const QString &hash, const QByteArray &package)
{
    m_packages.insert(hash, package);
}

void DemoAgentCache::dropUnlessTargeted(const QString &hash)
{
    const bool targeted = std::any_of(m_hosts.cbegin(), m_hosts.cend(),
                                      [&hash](const HostEntry &e) { return e.target == hash; });
    if (!targeted)
        m_packages.remove(hash);
}
