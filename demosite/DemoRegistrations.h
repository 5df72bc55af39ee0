#pragma once

#include <QByteArray>
#include <QList>
#include <QSet>
#include <QString>

#include <map>

// One host registered for automatic updates, and what it last told the site.
struct DemoRegisteredHost
{
    QString hostName;
    QByteArray hostSecret; // 64 characters
    qint64 registeredAt = 0; // epoch seconds (simulated clock)
    QString registeredBy;
    // From the host's last deploy_agent.py call:
    qint64 lastCheck = 0;
    QString installedHash;
    QString lastError;
};

// The demo site's registrations (register_agent.py) and the hosts that were added to Setup but
// are not yet in the activated configuration. The update-status simulation reads these.
class DemoRegistrations final
{
public:
    // Registers (or re-registers, with a new secret) a host.
    const DemoRegisteredHost &add(const QString &hostName, const QString &user, qint64 now);
    // Takes over a registration copied from another site (the migration extension endpoint):
    // the host keeps its secret, so its updater goes on working against this site.
    const DemoRegisteredHost &restore(const QString &hostName, const QByteArray &hostSecret,
                                      qint64 registeredAt, const QString &user);
    DemoRegisteredHost *find(const QString &hostName);
    const DemoRegisteredHost *find(const QString &hostName) const;
    QList<DemoRegisteredHost> all() const;

    // Hosts known to Setup whose activation is still pending (register: monitored false).
    void addUnactivatedHost(const QString &hostName) { m_unactivated.insert(hostName); }
    bool isUnactivated(const QString &hostName) const { return m_unactivated.contains(hostName); }
    void activateAll() { m_unactivated.clear(); }

private:
    std::map<QString, DemoRegisteredHost> m_hosts;
    QSet<QString> m_unactivated;
};
