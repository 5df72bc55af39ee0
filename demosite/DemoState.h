#pragma once

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QStringList>

#include <memory>

#include "DemoAgents.h"
#include "DemoClock.h"
#include "DemoDeployment.h"
#include "DemoFaults.h"
#include "DemoInventory.h"
#include "DemoKeyStore.h"
#include "DemoRegistrations.h"
#include "DemoSiteOptions.h"
#include "DemoSiteSettings.h"

// Everything the demo site knows: users, the inventory, pending changes and activations, the
// clock and the injected faults. Endpoint classes read and change it; it lives in the server's
// thread.
class DemoState final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DemoState)

public:
    struct Change
    {
        QString id;
        QString user;
        QString action; // e.g. "edit-host", "edit-rule", "edit-configvar"
        QString text;
        qint64 time = 0;
        // The sites the change affects (empty: every site), and those it was activated on
        // already: it stays pending until it is activated on all of them.
        QStringList sites;
        QStringList activatedOn;
    };
    struct Activation
    {
        QString id;
        QString user;
        QStringList sites;
        QList<Change> changes;
        qint64 started = 0;
        qint64 ended = 0;
        bool running = true;
        bool forceForeign = false;
    };

    explicit DemoState(const DemoSiteOptions &options, QObject *parent = nullptr);
    ~DemoState() override;

    const DemoSiteOptions &options() const { return m_options; }
    QString siteName() const { return m_options.siteName; }
    QString stateDir() const { return m_stateDir; }
    void setStateDir(const QString &dir) { m_stateDir = dir; }

    // user -> secret; the automation user and cmkadmin.
    QHash<QString, QByteArray> users;
    // The per-process token of the demo-control endpoints (printed in the READY line).
    QByteArray controlToken;
    DemoInventory inventory;
    DemoClock clock;
    DemoFaults faults;
    DemoDeployment deployment;
    DemoKeyStore keys;
    DemoAgents agents;
    // Hosts registered through register_agent.py (with their host secrets) and Setup hosts not
    // yet activated; the fleet simulation and deploy_agent.py read them.
    DemoRegistrations registrations;
    // Settings of a distributed set-up, globally and per site (extension names).
    DemoSiteSettings siteSettings;
    bool keysChanged = false; // the fleet re-checks signatures
    std::unique_ptr<class DemoFleet> fleet; // set up by DemoSite::start()
    QJsonObject lastRequest; // method, path and headers of the previous request
    // Host attributes clients set that Host does not model (alias, ipaddress, ...), by host.
    QHash<QString, QJsonObject> extraHostAttributes;

    void recordChange(const QString &user, const QString &action, const QString &text,
                      const QStringList &sites = {});
    // Whether a change is pending on any of `sites` (empty: on any site).
    bool hasPendingFor(const QStringList &sites) const;
    const QList<Change> &pendingChanges() const { return m_pending; }
    QByteArray pendingEtag() const; // unquoted
    bool activationRunning() const;
    // Starts an activation of what is pending on `sites` (empty: every site); a change affecting
    // other sites too stays pending for them. The id of the run.
    QString startActivation(const QString &user, const QStringList &sites,
                            bool forceForeign = false);
    const Activation *activation(const QString &id) const;
    QList<const Activation *> activations() const;

Q_SIGNALS:
    // An activation finished: the changes now take effect.
    void activated(const QList<DemoState::Change> &changes);

private:
    void finishActivation(const QString &id);

    DemoSiteOptions m_options;
    QString m_stateDir;
    QList<Change> m_pending;
    QHash<QString, Activation> m_activations;
    int m_changeCounter = 0;
};
