#pragma once

#include <QHash>
#include <QList>
#include <QString>

#include <vector>

#include "HostUpdateStatus.h"

class DemoState;

// Simulates the agent updater of every host: at each check it follows the real rules (master
// switch, host selection, accepted signatures, registration) and downloads and installs the
// target agent. A seeded share of hosts fails the way real hosts do.
class DemoFleet final
{
public:
    enum class Trouble {
        None,
        NotRegistered,
        Silent,
        Offline,
        WrongSite,
        Tls,
        Noexec,
        Prelink,
        SELinux
    };

    explicit DemoFleet(DemoState &state);

    // Runs every check due up to the state's clock.
    void advance();
    const std::vector<HostUpdateStatus> &rows() const { return m_rows; }
    bool deploymentEnabled() const;
    // A machine registered through register_agent.py; its updater starts checking.
    void registerHost(const QString &hostName);
    bool isRegistered(const QString &hostName) const;
    // What a real updater told deploy_agent.py: its installed hash and last error.
    void report(const QString &hostName, const QString &installedHash, const QString &lastError);
    // The host selection of the active configuration picks the host.
    bool isSelected(const QString &hostName);
    // long_plugin_output of the host's Check_MK Agent service.
    QString details(int index) const;
    QString osOf(int index) const; // linux, windows, aix, solaris

private:
    // Hosts created through POST host_config join the simulation unregistered.
    void syncHosts();
    void updateService(int index);
    struct Updater
    {
        Trouble trouble = Trouble::None;
        qint64 nextCheck = 0;
    };
    void refreshDerived();
    void check(int index, qint64 when);
    QList<QByteArray> acceptedKeys(int *interval) const;

    DemoState &m_state;
    std::vector<HostUpdateStatus> m_rows;
    std::vector<Updater> m_updaters;
    std::vector<int> m_configuration; // agent configuration of each host
    // Derived from the active configuration; recomputed when it or the agents change.
    int m_derivedFor = -1;
    int m_agentsFor = -1;
    std::vector<quint64> m_targetOf; // per configuration: target hash
    std::vector<bool> m_signedOk; // per configuration: a valid signature of an accepted key
    std::vector<bool> m_selected; // per host
    int m_interval = 3600;
    std::vector<QString> m_details; // per host: long output of the Check_MK Agent service
    std::vector<bool> m_external; // per host: a real updater reports, the simulation stays off
    QString m_updateUrl;
};
