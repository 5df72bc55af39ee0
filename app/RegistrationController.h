#pragma once

#include <QObject>
#include <QPointer>

#include <memory>

#include "AgentUpdaterRule.h"
#include "RegistrationRequest.h"
#include "SiteConnection.h"

class Inventory;
class LocalConfigPage;
class RegistrationClient;
class RegistrationWizard;
class SecretStore;
class TlsProbe;

// Answers the registration wizard and the local updater configuration page: TLS check, host
// check over REST, the stored secret, the registration itself and the state file it writes.
class RegistrationController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RegistrationController)

public:
    RegistrationController(RegistrationWizard *wizard, LocalConfigPage *configPage,
                           SecretStore *secrets, QObject *parent = nullptr);
    ~RegistrationController() override;

    void setKnownConnections(const QList<SiteConnection> &connections);
    // The site the wizard suggests: the active connection, and the update server of the agent
    // updater rules as they take effect for the host name in the wizard (typed or pre-filled),
    // by Checkmk's first-rule-per-parameter precedence. A demo connection also moves the
    // suggested state file out of /etc, so trying the demo never replaces this machine's real
    // state.
    void setActiveConnection(const SiteConnection &connection);
    void setRules(const QList<AgentUpdaterRule> &rulesInEvaluationOrder);
    // The remote sites of the connected set-up: a registration there is forwarded to the central
    // site, so the remote's own setup says nothing about the host.
    void setRemoteSites(const QStringList &siteIds) { m_remoteSites = siteIds; }
    // The site's hosts, for the folder, tags and labels the rules' conditions look at; without
    // it (or for a host not in it) the host is taken as a bare name in the root folder.
    void setInventory(std::shared_ptr<const Inventory> inventory);
    // /etc/cmk-update-agent.state when this process may write it, else a file in the user's
    // data folder (to be moved into place). For the demo always the data folder.
    static QString chooseStatePath(bool *isDefault, bool demo = false);
    void reloadLocalConfig();

Q_SIGNALS:
    // A registration has written its state file.
    void registered(const QString &hostName, const QString &stateFilePath);

private:
    void checkConnection(const RegistrationRequest &request);
    void checkHost(const RegistrationRequest &request);
    void readStoredSecret(const QString &connectionName);
    void registerMachine(const RegistrationRequest &request);
    void suggestRuleServer();
    static QString siteNotFoundText(const RegistrationRequest &request);

    QPointer<RegistrationWizard> m_wizard;
    // The saved connections: their keychain entries are keyed by server, site and user.
    QList<SiteConnection> m_knownConnections;
    QPointer<LocalConfigPage> m_configPage;
    SecretStore *m_secrets;
    TlsProbe *m_probe;
    RegistrationClient *m_client;
    int m_hostCheckGeneration = 0;
    QStringList m_remoteSites;
    QList<AgentUpdaterRule> m_rules; // in evaluation order
    std::shared_ptr<const Inventory> m_inventory;
};
