#pragma once

#include <QObject>
#include <QSet>

#include <map>

#include "ApiError.h"
#include "SecureBuffer.h"
#include "SiteConnection.h"

class ConnectionManagerDialog;
class LocalConfigPage;
class MigrationAssistant;
class MigrationController;
class RegistrationController;
class RegistrationWizard;
class MainWindow;
class SecretStore;
class SiteOverviewPage;
class KeysController;
class KeysPage;
class AgentsPage;
class BakeryController;
class HostSelectionPage;
class InventoryLoader;
class SelectionController;
class SetupController;
class SetupPage;
class SiteSession;
class SitesController;
class SitesPage;
class StatusController;
class UpdateStatusPage;

// Wires the window to the site: connections and their secrets, the session, and each page's
// controller. Owns nothing of the layers' logic itself.
class AppController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AppController)

public:
    explicit AppController(QObject *parent = nullptr);
    ~AppController() override;

    MainWindow *window() const { return m_window; }
    SiteSession *session() const { return m_session; }
    StatusController *statusController() const { return m_status; }
    SetupController *setupController() const { return m_setup; }
    SetupPage *setupPage() const { return m_setupPage; }
    KeysPage *keysPage() const { return m_keysPage; }
    KeysController *keysController() const { return m_keys; }
    HostSelectionPage *selectionPage() const { return m_selectionPage; }
    SelectionController *selectionController() const { return m_selection; }
    AgentsPage *agentsPage() const { return m_agentsPage; }
    BakeryController *bakeryController() const { return m_bakery; }
    UpdateStatusPage *statusPage() const { return m_statusPage; }
    SecretStore *secrets() const { return m_secrets; }
    RegistrationController *registrationController() const { return m_registration; }
    SitesPage *sitesPage() const { return m_sitesPage; }
    SitesController *sitesController() const { return m_sites; }

    // Connects to the named saved connection, or the last used one when empty.
    void start(const QString &connectionName = {});
    // Adds the embedded demo site as a connection for this run and connects to it.
    // The admin password is shown on the overview for the wizard's "User and password".
    void startDemo(const SiteConnection &connection, const QByteArray &secret,
                   const QByteArray &adminPassword = {});
    SiteOverviewPage *overviewPage() const { return m_overview; }
    RegistrationWizard *registrationWizard() const { return m_registrationWizard; }
    void openConnectionManager();
    // What the connection manager's OK does: saves `edited`, removes the secrets no connection
    // uses any more (deleted, or server/site/user changed), keeps typed secrets (by name) until
    // the site accepts them, and connects to `chosen` when that changed.
    void applyConnectionChanges(const QList<SiteConnection> &edited,
                                QHash<QString, QByteArray> typedSecrets, const QString &chosen);
    QList<SiteConnection> connections() const { return m_connections; }
    // The assistant that moves hosts to a new site (File menu); created when first opened.
    void openMigrationAssistant();
    MigrationAssistant *migrationAssistant() const { return m_migrationAssistant; }
    MigrationController *migrationController() const { return m_migration; }

private:
    void connectTo(const QString &name);
    void showConnectionError(const ApiError &error);
    void refreshNames();
    void loadOverview();
    void loadSites();
    void loadVisiblePage();
    void testConnection(ConnectionManagerDialog *dialog, const SiteConnection &connection,
                        const QByteArray &secret);
    void saveConnections();

    MainWindow *m_window;
    SecretStore *m_secrets;
    SiteSession *m_session;
    SiteOverviewPage *m_overview;
    UpdateStatusPage *m_statusPage;
    StatusController *m_status;
    SetupPage *m_setupPage;
    SetupController *m_setup;
    KeysPage *m_keysPage;
    KeysController *m_keys;
    HostSelectionPage *m_selectionPage;
    InventoryLoader *m_inventory; // the one inventory, shared by the overview and selection
    SelectionController *m_selection;
    AgentsPage *m_agentsPage;
    BakeryController *m_bakery;
    RegistrationWizard *m_registrationWizard;
    LocalConfigPage *m_localConfigPage;
    RegistrationController *m_registration;
    MigrationAssistant *m_migrationAssistant = nullptr;
    MigrationController *m_migration = nullptr;
    SitesPage *m_sitesPage;
    SitesController *m_sites;
    QList<SiteConnection> m_connections;
    QByteArray m_demoSecret;
    QByteArray m_demoPassword;
    // Secrets typed in the connection manager, by keychain key, not yet accepted by their site.
    std::map<QString, SecureBuffer> m_unconfirmedSecrets;
    QSet<QString> m_loadedPages; // pages that load on first view, since the last connect
};
