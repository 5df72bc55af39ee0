#include "AppController.h"

#include <QPointer>
#include <QSet>

#include "ActivationApi.h"
#include "AgentsPage.h"
#include "BakeryController.h"
#include "ConnectionManagerDialog.h"
#include "ConnectionStore.h"
#include "ErrorBanner.h"
#include "HostSelectionPage.h"
#include "Inventory.h"
#include "InventoryApi.h"
#include "InventoryLoader.h"
#include "KeysController.h"
#include "KeysPage.h"
#include "LocalConfigPage.h"
#include "MainWindow.h"
#include "MigrationAssistant.h"
#include "MigrationController.h"
#include "PageHelp.h"
#include "RegistrationController.h"
#include "RegistrationWizard.h"
#include "RestClient.h"
#include "RestReply.h"
#include "RulePrecedence.h"
#include "SecretStore.h"
#include "SelectionController.h"
#include "SetupController.h"
#include "SetupPage.h"
#include "SiteInfoApi.h"
#include "SiteOverviewPage.h"
#include "SiteSession.h"
#include "SitesController.h"
#include "SitesPage.h"
#include "StatusController.h"
#include "UpdateStatusPage.h"

using namespace Qt::StringLiterals;

// The icons live in a static library: without a reference to its initialiser the linker
// drops it. Q_INIT_RESOURCE must be used outside any namespace.
static void initResources()
{
    Q_INIT_RESOURCE(agentdesk);
}

namespace {

QString noKeychainMessage(const QString &reason)
{
    return AppController::tr("No keychain is available (%1). Secrets are kept for this session "
                             "only and asked for again next time; they are never written to "
                             "disk.")
        .arg(reason);
}

MainWindow::TlsState tlsStateOf(const SiteConnection &c)
{
    if (c.protocol == SiteConnection::Protocol::Http)
        return MainWindow::TlsState::PlainHttp;
    if (c.insecure)
        return MainWindow::TlsState::Insecure;
    if (!c.pinnedSha256.isEmpty() || !c.trustedCertificatesPem.isEmpty())
        return MainWindow::TlsState::TrustedByUser;
    return MainWindow::TlsState::Verified;
}

} // namespace

AppController::AppController(QObject *parent)
    : QObject(parent)
    , m_window((initResources(), new MainWindow))
    , m_secrets(new SecretStore(this))
    , m_session(new SiteSession(m_secrets, m_window, this))
    , m_overview(new SiteOverviewPage)
    , m_statusPage(new UpdateStatusPage)
    , m_status(new StatusController(m_session, m_statusPage, this))
    , m_setupPage(new SetupPage)
    , m_setup(new SetupController(m_session, m_setupPage, m_statusPage->model(), this))
    , m_keysPage(new KeysPage)
    , m_keys(new KeysController(m_session, m_keysPage, this))
    , m_selectionPage(new HostSelectionPage)
    , m_inventory(new InventoryLoader(m_session, this))
    , m_selection(new SelectionController(m_session, m_selectionPage, this, m_inventory))
    , m_agentsPage(new AgentsPage)
    , m_bakery(new BakeryController(m_session, m_agentsPage, this, m_inventory))
    , m_registrationWizard(new RegistrationWizard)
    , m_localConfigPage(new LocalConfigPage)
    , m_registration(
          new RegistrationController(m_registrationWizard, m_localConfigPage, m_secrets, this))
    , m_sitesPage(new SitesPage)
    , m_sites(new SitesController(m_session, m_sitesPage, m_secrets, this))
{
    // The setup checklist is the landing page once connected.
    m_window->addPage(u"setup"_s, tr("Setup"), QIcon(u":/icons/setup.svg"_s), m_setupPage);
    m_window->addPage(u"status"_s, tr("Update status"), QIcon(u":/icons/status.svg"_s),
                      m_statusPage);
    m_window->addPage(u"selection"_s, tr("Host selection"), QIcon(u":/icons/selection.svg"_s),
                      m_selectionPage);
    m_window->addPage(u"keys"_s, tr("Signature keys"), QIcon(u":/icons/keys.svg"_s), m_keysPage);
    m_window->addPage(u"agents"_s, tr("Agents and baking"), QIcon(u":/icons/agents.svg"_s),
                      m_agentsPage);
    // The wizard lives in the page; after Finish it starts over for the next registration.
    m_registrationWizard->setWindowFlags(Qt::Widget);
    connect(m_registrationWizard, &QWizard::finished, m_registrationWizard, [this] {
        m_registrationWizard->restart();
        m_registrationWizard->show();
    });
    m_window->addPage(u"register"_s, tr("Register machine"), QIcon(u":/icons/agentdesk.svg"_s),
                      m_registrationWizard);
    // What's This on a wizard page's own area gives that page's help, as F1 does.
    for (const int id : m_registrationWizard->pageIds())
        m_registrationWizard->page(id)->setWhatsThis(
            PageHelp::html(RegistrationWizard::helpTopic(id)));
    m_window->addPage(u"local-config"_s, tr("Local updater config"),
                      QIcon(u":/icons/agentdesk.svg"_s), m_localConfigPage);
    m_window->addPage(u"overview"_s, tr("Site overview"), QIcon(u":/icons/agentdesk.svg"_s),
                      m_overview);
    m_window->addPage(u"sites"_s, tr("Sites"), QIcon(u":/icons/agentdesk.svg"_s), m_sitesPage);

    connect(m_setupPage, &SetupPage::goToRequested, this, [this](Prerequisites::Item item) {
        switch (item) {
        case Prerequisites::Item::SignatureKey:
            m_window->showPage(u"keys"_s);
            break;
        case Prerequisites::Item::SignedAgents:
            m_window->showPage(u"agents"_s);
            break;
        case Prerequisites::Item::RegisteredHost:
            m_window->showPage(u"register"_s);
            break;
        default:
            break;
        }
    });
    // Fresh state: every write makes the overview (pending changes) stale; it reloads when shown.
    connect(m_session, &SiteSession::written, this, [this] {
        m_loadedPages.remove(u"overview"_s);
        if (m_window->currentPage() == u"overview"_s)
            loadVisiblePage();
    });
    // The registration wizard is pre-filled from the rules of the setup page's last refresh.
    connect(m_setup, &SetupController::refreshed, this, [this] {
        m_registration->setRules(RulePrecedence::inEvaluationOrder(m_setup->rules()));
    });
    // The shared inventory is fetched in the background once the status table has loaded (one
    // large reply at a time keeps the peak memory down); the two pages that show it fill from it
    // when first shown, or fetch it themselves when shown earlier.
    m_selection->setLoadOnConnect(false);
    connect(m_status, &StatusController::loaded, m_inventory, &InventoryLoader::ensureLoaded);
    // The wizard's rule server is the one of the rule effective for the host: its folder, tags
    // and labels come from the inventory.
    connect(m_inventory, &InventoryLoader::loaded, m_registration,
            &RegistrationController::setInventory);
    m_setup->setStatusModelFilledElsewhere(true);
    connect(m_window, &MainWindow::pageChanged, this, &AppController::loadVisiblePage);
    connect(m_window, &MainWindow::manageConnectionsRequested, this,
            &AppController::openConnectionManager);
    connect(m_window, &MainWindow::connectionChosen, this, &AppController::connectTo);
    connect(m_window, &MainWindow::migrationRequested, this,
            &AppController::openMigrationAssistant);
    connect(m_window, &MainWindow::refreshRequested, this, [this] {
        if (m_window->currentPage() == u"overview"_s)
            loadOverview();
        else if (m_window->currentPage() == u"status"_s)
            m_status->refresh();
        else if (m_window->currentPage() == u"setup"_s)
            m_setup->refresh();
        else if (m_window->currentPage() == u"keys"_s)
            m_keys->refresh();
        else if (m_window->currentPage() == u"selection"_s)
            m_selection->refresh();
        else if (m_window->currentPage() == u"agents"_s)
            m_bakery->refresh();
        else if (m_window->currentPage() == u"sites"_s)
            loadSites();
    });
    connect(m_overview, &SiteOverviewPage::refreshRequested, this, &AppController::loadOverview);
    // Distributed monitoring: the wizard offers the set-up's sites and says which one will serve
    // the host's updates (the one monitoring it, from the shared inventory).
    connect(m_sites, &SitesController::sitesLoaded, this, [this](bool ok) {
        if (!ok)
            return;
        QStringList remotes;
        for (const DistributedSite &site : m_sites->sites()) {
            if (site.isRemote())
                remotes << site.id;
        }
        m_registrationWizard->setSetupSites(m_sites->sites(),
                                            m_session->connection().checkmkUrl().toString());
        m_registration->setRemoteSites(remotes);
    });
    m_registrationWizard->setMonitoringSiteLookup([this](const QString &host) {
        const std::shared_ptr<const Inventory> inventory = m_inventory->inventory();
        const qsizetype index = inventory ? inventory->indexOf(host) : -1;
        return index < 0 ? QString() : inventory->host(index).site;
    });
    // Every page's error banner offers the fix of a wrong secret or site, or of an untrusted
    // certificate, next to the message (the main banner has its own, in showConnectionError).
    const auto remedies = [this](ErrorBanner *banner, const ApiError &error) {
        switch (error.remedy()) {
        case ApiError::Remedy::EditConnection:
            banner->addAction(tr("Edit connection…"), [this] { openConnectionManager(); });
            break;
        case ApiError::Remedy::ShowCertificate:
            banner->addAction(tr("Show certificate…"),
                              [this, error] { m_session->reviewCertificate(error); });
            break;
        case ApiError::Remedy::Retry: // a page's own Refresh (F5) asks again
        case ApiError::Remedy::None:
            break;
        }
    };
    for (QWidget *page : std::initializer_list<QWidget *> { m_setupPage, m_statusPage, m_keysPage,
                                                            m_selectionPage, m_agentsPage }) {
        for (ErrorBanner *banner : page->findChildren<ErrorBanner *>())
            banner->setRemedies(remedies);
    }
    connect(m_secrets, &SecretStore::keychainUnavailable, this, [this](const QString &reason) {
        m_window->errorBanner()->showMessage(noKeychainMessage(reason), true);
    });

    connect(m_session, &SiteSession::connecting, this, [this](const QString &name) {
        m_window->setConnecting(name);
        m_overview->setNotConnected(tr("Connecting to %1…").arg(name));
    });
    connect(m_session, &SiteSession::connected, this, [this](const SiteVersion &version) {
        const SiteConnection &c = m_session->connection();
        if (m_secrets->keychainAvailable())
            m_window->errorBanner()->hide();
        else // stays said: the secret will be asked for again next time
            m_window->errorBanner()->showMessage(noKeychainMessage(m_secrets->unavailableReason()),
                                                 true);
        m_window->setConnected(version, tlsStateOf(c), c.demo);
        m_overview->setVersion(version, c.name, c.apiBaseUrl().toString());
        m_registration->setActiveConnection(c);
        m_registrationWizard->setSetupSites({}, {});
        m_registration->setRemoteSites({});
        if (c.demo)
            m_overview->setDemoCredentials(c.user, QString::fromLatin1(m_demoSecret), u"cmkadmin"_s,
                                           QString::fromLatin1(m_demoPassword));
        else
            m_overview->clearDemoCredentials();
        ConnectionStore().setLastUsed(c.name);
        m_loadedPages.clear();
        loadVisiblePage();
    });
    connect(m_session, &SiteSession::failed, this, [this](const ApiError &error) {
        m_window->setDisconnected(tr("Not connected: %1").arg(error.summary()));
        m_overview->setNotConnected(error.summary());
        showConnectionError(error);
    });
    connect(m_session, &SiteSession::secretNotStored, this, [this](const QString &reason) {
        m_window->errorBanner()->showMessage(
            tr("The site accepted the secret, but it could not be stored: %1").arg(reason), true);
    });
    connect(m_session, &SiteSession::connectionChanged, this, [this](const SiteConnection &c) {
        for (SiteConnection &existing : m_connections) {
            if (existing.name == c.name)
                existing = c;
        }
        saveConnections();
        // The wizard knows a certificate trusted for a remote site on the Sites page.
        m_registration->setKnownConnections(m_connections);
    });
}

AppController::~AppController()
{
    std::fill(m_demoSecret.begin(), m_demoSecret.end(), '\0');
    std::fill(m_demoPassword.begin(), m_demoPassword.end(), '\0');
    delete m_window;
}

void AppController::start(const QString &connectionName)
{
    m_connections = ConnectionStore().load();
    if (ConnectionStore().hasLegacySecrets()) {
        // Secrets of AgentDesk 0.1 were keyed by connection name alone: which server accepted
        // them is unknown, so they are removed unread and asked for again.
        for (const SiteConnection &c : std::as_const(m_connections))
            m_secrets->remove(c.legacyKeychainKey(), this, [](SecretResult &&) {});
        ConnectionStore().setLegacySecretsRemoved();
    }
    const QString name = connectionName.isEmpty() ? ConnectionStore().lastUsed() : connectionName;
    refreshNames();
    m_window->show();
    const bool known = std::any_of(m_connections.cbegin(), m_connections.cend(),
                                   [&](const SiteConnection &c) { return c.name == name; });
    if (known)
        connectTo(name);
    else if (m_connections.isEmpty())
        m_overview->setNotConnected(tr("No site connection yet. Add one with File › Site "
                                       "connections (Ctrl+Shift+C), or start with --demo."));
    else if (!connectionName.isEmpty())
        m_window->errorBanner()->showMessage(
            tr("There is no connection named \"%1\".").arg(connectionName), true);
}

void AppController::startDemo(const SiteConnection &connection, const QByteArray &secret,
                              const QByteArray &adminPassword)
{
    m_demoPassword = adminPassword;
    m_connections = ConnectionStore().load();
    m_connections.prepend(connection);
    m_demoSecret = secret;
    // The demo's credentials go where a real connection's would, so that every job (the
    // registration's "use the stored secret" included) works in the demo as on a real site.
    m_secrets->write(connection.keychainKey(), secret, this, [this](SecretResult &&r) {
        if (!r.ok)
            m_window->errorBanner()->showMessage(
                tr("The demo's secret could not be stored: %1").arg(r.error), true);
    });
    refreshNames();
    m_window->show();
    connectTo(connection.name);
}

void AppController::showConnectionError(const ApiError &error)
{
    // Say what to do, and put the action for it next to the message.
    const QString name = m_session->connection().name;
    ErrorBanner *banner = m_window->errorBanner();
    const auto retry = [this, name] {
        connectTo(name);
    };
    const auto edit = [this] {
        openConnectionManager();
    };
    QString context;
    if (error.kind == ApiError::Kind::Tls) {
        context = tr("The certificate of %1 is not trusted. Look at it and trust it if the "
                     "fingerprint is the one your site administrator gives you, or install a "
                     "certificate from a trusted authority on the site.")
                      .arg(name);
        banner->showError(error, context);
        banner->addAction(tr("Show certificate…"), retry);
        return;
    }
    if (error.kind == ApiError::Kind::Http && error.status == 401) {
        context = tr("%1 did not accept the user or its secret. Edit the connection and enter "
                     "the automation secret of the user (in Checkmk: Setup › Users, the "
                     "automation user's properties).")
                      .arg(name);
        banner->showError(error, context);
        banner->addAction(tr("Edit connection…"), edit);
        return;
    }
    if (error.kind == ApiError::Kind::Http && error.status == 403) {
        context = tr("The user of %1 may not use the REST API for this. Give the user the "
                     "role \"Administrator\" (or the permissions for agents, rules and "
                     "global settings), or use another user.")
                      .arg(name);
        banner->showError(error, context);
        banner->addAction(tr("Edit connection…"), edit);
        return;
    }
    if (error.kind == ApiError::Kind::Http && error.status == 404) {
        context = tr("The server answered, but there is no Checkmk site with this name at "
                     "this address. Check the site name (the OMD site, as in "
                     "https://server/SITE/check_mk/).");
        banner->showError(error, context);
        banner->addAction(tr("Edit connection…"), edit);
        return;
    }
    if (error.kind == ApiError::Kind::Network || error.kind == ApiError::Kind::Timeout) {
        context = tr("%1 could not be reached. Check the server name and port, and that the "
                     "site is running (omd status).")
                      .arg(name);
        banner->showError(error, context);
        banner->addAction(tr("Retry"), retry);
        banner->addAction(tr("Edit connection…"), edit);
        return;
    }
    banner->showError(error, tr("Could not connect to %1.").arg(name));
    banner->addAction(tr("Retry"), retry);
}

void AppController::refreshNames()
{
    QStringList names;
    for (const SiteConnection &c : std::as_const(m_connections))
        names << c.name;
    m_window->setConnectionNames(names, m_session->connection().name);
    m_registration->setKnownConnections(m_connections);
}

void AppController::connectTo(const QString &name)
{
    for (const SiteConnection &c : std::as_const(m_connections)) {
        if (c.name != name)
            continue;
        const auto typed = m_unconfirmedSecrets.find(c.keychainKey());
        if (c.demo) {
            m_session->openWithSecret(c, m_demoSecret);
        } else if (typed != m_unconfirmedSecrets.end()) {
            // Goes to the keychain once the site accepts it.
            m_session->openWithSecret(c, typed->second.bytes(), true);
            m_unconfirmedSecrets.erase(typed);
        } else {
            m_session->open(c);
        }
        refreshNames();
        return;
    }
}

void AppController::loadVisiblePage()
{
    const QString page = m_window->currentPage();
    if (!m_session->isConnected() || m_loadedPages.contains(page))
        return;
    if (page == u"overview"_s) {
        m_loadedPages.insert(page);
        loadOverview();
    } else if (page == u"selection"_s) {
        m_loadedPages.insert(page);
        m_selection->refresh();
    } else if (page == u"sites"_s || page == u"register"_s) {
        m_loadedPages.insert(page);
        loadSites();
    }
}

void AppController::loadSites()
{
    // A remote site's version is read through a saved connection to it.
    m_sites->setConnections(m_connections);
    m_sites->refresh();
}

void AppController::loadOverview()
{
    if (!m_session->isConnected())
        return;
    RestClient *client = m_session->client();
    auto summary = std::make_shared<SiteSummary>();
    auto pending = std::make_shared<int>(4); // replies still to come
    m_overview->setLoading(true);
    m_overview->setSummary(*summary);
    const auto done = [this, summary, pending] {
        m_overview->setSummary(*summary);
        if (--*pending == 0)
            m_overview->setLoading(false);
    };
    const auto fail = [this](const ApiError &error) {
        m_window->errorBanner()->showError(error, tr("Could not load the site's configuration."));
    };

    // Counted from the shared inventory (read once, in a worker, for every page).
    const auto count = [summary, done](const std::shared_ptr<const Inventory> &inventory) {
        summary->hosts = int(inventory->size());
        summary->folders = inventory->hostFolderCount();
        summary->sites = inventory->sites();
        done();
    };
    if (m_inventory->inventory() && !m_inventory->isLoading()) {
        count(m_inventory->inventory());
    } else {
        connect(m_inventory, &InventoryLoader::loaded, this, count, Qt::SingleShotConnection);
        connect(
            m_inventory, &InventoryLoader::failed, this,
            [fail, done](const ApiError &error) {
                fail(error);
                done();
            },
            Qt::SingleShotConnection);
        m_inventory->ensureLoaded();
    }
    InventoryApi(client).tagGroups(this, [summary, done, fail](SiteResult<QList<TagGroup>> r) {
        if (r.ok())
            summary->tagGroups = int(r.value->size());
        else
            fail(r.error);
        done();
    });
    InventoryApi(client).hostGroups(this, [summary, done, fail](SiteResult<QStringList> r) {
        if (r.ok())
            summary->hostGroups = int(r.value->size());
        else
            fail(r.error);
        done();
    });
    ActivationApi(client).pendingChanges(
        this, [summary, done, fail](SiteResult<Versioned<PendingChanges>> r) {
            if (r.ok())
                summary->pendingChanges = int(r.value->value.changes.size());
            else
                fail(r.error);
            done();
        });
}

void AppController::openMigrationAssistant()
{
    if (!m_migrationAssistant) {
        m_migrationAssistant = new MigrationAssistant(m_window);
        m_migration = new MigrationController(m_secrets, m_migrationAssistant, this);
    }
    // Open already (it is not modal): brought to the front as it is, never restarted under a
    // run that is going on.
    if (m_migrationAssistant->isVisible()) {
        m_migrationAssistant->raise();
        m_migrationAssistant->activateWindow();
        return;
    }
    // Two connections of its own: the pages' connection stays as it is.
    m_migration->setConnections(m_connections);
    QStringList names;
    for (const SiteConnection &c : std::as_const(m_connections))
        names << c.name;
    m_migrationAssistant->restart();
    m_migrationAssistant->setConnectionNames(names, m_session->connection().name);
    m_migrationAssistant->resize(900, 640);
    m_migrationAssistant->show();
    m_migrationAssistant->raise();
    m_migrationAssistant->activateWindow();
}

void AppController::openConnectionManager()
{
    ConnectionManagerDialog dialog(m_window);
    QList<SiteConnection> editable;
    for (const SiteConnection &c : std::as_const(m_connections)) {
        if (!c.demo)
            editable << c;
    }
    dialog.setConnections(editable, m_session->connection().name);
    connect(&dialog, &ConnectionManagerDialog::testRequested, this,
            [this, &dialog](const SiteConnection &c, const QByteArray &secret) {
                testConnection(&dialog, c, secret);
            });
    if (dialog.exec() != QDialog::Accepted)
        return;
    applyConnectionChanges(dialog.connections(), dialog.takeSecrets(), dialog.currentName());
}

void AppController::applyConnectionChanges(const QList<SiteConnection> &edited,
                                           QHash<QString, QByteArray> typedSecrets,
                                           const QString &chosen)
{
    // A secret belongs to (server, site, user): one that no connection points at any more is
    // removed, so neither a deleted connection nor a changed server keeps (or sends) it.
    for (const QString &key : ConnectionStore::orphanedSecretKeys(m_connections, edited)) {
        m_unconfirmedSecrets.erase(key);
        m_secrets->remove(key, this, [this](SecretResult &&r) {
            if (!r.ok)
                m_window->errorBanner()->showMessage(
                    tr("A removed connection's secret could not be deleted from the keychain: %1")
                        .arg(r.error),
                    true);
        });
    }
    bool typedForChosen = false;
    for (auto it = typedSecrets.begin(); it != typedSecrets.end(); ++it) {
        const auto c = std::find_if(edited.cbegin(), edited.cend(),
                                    [&](const SiteConnection &e) { return e.name == it.key(); });
        if (c != edited.cend()) {
            m_unconfirmedSecrets.insert_or_assign(
                c->keychainKey(), SecureBuffer(QByteArray(it->constData(), it->size())));
            typedForChosen = typedForChosen || c->name == chosen;
        }
        std::fill(it->begin(), it->end(), '\0');
    }
    const QList<SiteConnection> demo = [this] {
        QList<SiteConnection> d;
        for (const SiteConnection &c : std::as_const(m_connections))
            if (c.demo)
                d << c;
        return d;
    }();
    const SiteConnection current = m_session->connection();
    m_connections = demo + edited;
    saveConnections();
    refreshNames();
    const auto now = std::find_if(m_connections.cbegin(), m_connections.cend(),
                                  [&](const SiteConnection &c) { return c.name == chosen; });
    if (!chosen.isEmpty()
        && (chosen != current.name || !m_session->isConnected() || typedForChosen
            || (now != m_connections.cend() && !(*now == current))))
        connectTo(chosen);
}

void AppController::testConnection(ConnectionManagerDialog *dialog,
                                   const SiteConnection &connection, const QByteArray &secret)
{
    QPointer<ConnectionManagerDialog> guard(dialog);
    auto *client = new RestClient(connection, this);
    const auto run = [this, guard, client] {
        SiteInfoApi(client).version(
            this,
            [guard, client](SiteResult<SiteVersion> r) {
                client->deleteLater();
                if (!guard)
                    return;
                if (r.ok())
                    guard->setTestResult(*r.value);
                else
                    guard->setTestError(r.error);
            },
            0);
    };
    if (!secret.isEmpty()) {
        client->setSecret(SecureBuffer(QByteArray(secret.constData(), secret.size())));
        run();
        return;
    }
    m_secrets->read(connection.keychainKey(), this, [client, run](SecretResult &&r) {
        if (r.ok)
            client->setSecret(std::move(r.secret));
        run();
    });
}

void AppController::saveConnections()
{
    ConnectionStore().save(m_connections);
}
