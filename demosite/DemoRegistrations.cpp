#include "DemoRegistrations.h"

#include <QRandomGenerator>

const DemoRegisteredHost &DemoRegistrations::add(const QString &hostName, const QString &user,
                                                 qint64 now)
{
    static constexpr char alphabet[]
        = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    QByteArray secret(64, '\0');
    for (char &c : secret)
        c = alphabet[QRandomGenerator::system()->bounded(quint32(sizeof alphabet - 1))];
    DemoRegisteredHost &host = m_hosts[hostName];
    host = DemoRegisteredHost { hostName, secret, now, user, 0, {}, {} };
    return host;
}

const DemoRegisteredHost &DemoRegistrations::restore(const QString &hostName,
                                                     const QByteArray &hostSecret,
                                                     qint64 registeredAt, const QString &user)
{
    DemoRegisteredHost &host = m_hosts[hostName];
    host = DemoRegisteredHost { hostName, hostSecret, registeredAt, user, 0, {}, {} };
    return host;
}

DemoRegisteredHost *DemoRegistrations::find(const QString &hostName)
{
    const auto it = m_hosts.find(hostName);
    return it == m_hosts.end() ? nullptr : &it->second;
}

const DemoRegisteredHost *DemoRegistrations::find(const QString &hostName) const
{
    const auto it = m_hosts.find(hostName);
    return it == m_hosts.end() ? nullptr : &it->second;
}

QList<DemoRegisteredHost> DemoRegistrations::all() const
{
    QList<DemoRegisteredHost> list;
    for (const auto &[name, host] : m_hosts)
        list << host;
    return list;
}
