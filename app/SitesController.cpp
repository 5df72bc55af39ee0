#include "SitesController.h"

#include <QTimer>

#include <algorithm>

#include <memory>

#include "ActivationApi.h"
#include "CertificateTrustDialog.h"
#include "RestClient.h"
#include "SecretStore.h"
#include "SiteInfoApi.h"
#include "SiteSession.h"
#include "SiteSettingDialog.h"
#include "SitesApi.h"
#include "SitesPage.h"
#include "TlsProbe.h"

using namespace Qt::StringLiterals;

namespace {
// The saved connection that reaches `site` at its URL (same protocol, host, port and site
// id): a saved HTTPS connection's secret never goes to an http:// URL the central names.
const SiteConnection *connectionTo(const QList<SiteConnection> &connections,
                                   const DistributedSite &site)
{
    const QUrl url(site.url);
    for (const SiteConnection &c : connections) {
        const QUrl theirs = c.checkmkUrl();
        if (c.site == site.id && theirs.scheme() == url.scheme() && theirs.host() == url.host()
            && theirs.port(theirs.scheme() == u"http"_s ? 80 : 443)
                == url.port(url.scheme() == u"http"_s ? 80 : 443))
            return &c;
    }
    return nullptr;
}
} // namespace

SitesController::SitesController(SiteSession *session, SitesPage *page, SecretStore *secrets,
                                 QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_page(page)
    , m_secrets(secrets)
{
    m_editor = [page](const SiteSetting &setting, const QString &lastError) {
        SiteSettingDialog dialog(setting, page);
        dialog.setError(lastError);
        if (dialog.exec() != QDialog::Accepted)
            return std::optional<SiteSetting>();
        return std::optional(dialog.setting());
    };
    m_resolver = [page](const SiteSetting &mine, const std::optional<SiteSetting> &theirs,
                        const QString &theirsError) {
        StaleVersionDialog dialog(mine.site.isEmpty() ? tr("the global setting")
                                                      : tr("the setting of site %1").arg(mine.site),
                                  describe(mine), theirs ? describe(*theirs) : QStringList(),
                                  theirsError, page);
        dialog.exec();
        return dialog.choice();
    };
    connect(page, &SitesPage::refreshRequested, this, &SitesController::refresh);
    connect(page, &SitesPage::editRequested, this, &SitesController::edit);
    connect(page, &SitesPage::resetRequested, this, &SitesController::reset);
    connect(page, &SitesPage::activateRequested, this, &SitesController::activate);
    connect(page, &SitesPage::certificateRequested, this, &SitesController::showCertificate);
    connect(session, &SiteSession::disconnected, this, [this] {
        ++m_generation;
        m_sites.clear();
        m_settings.clear();
        m_page->setNotConnected(tr("Connect to a site to see the sites of its set-up."));
    });
    // Another page's write (or an activation there) changes the pending changes shown here.
    connect(session, &SiteSession::written, this, [this](SiteSession::Change what) {
        if (what != SiteSession::Change::Sites && !m_sites.isEmpty())
            loadPendingChanges();
    });
}

QStringList SitesController::describe(const SiteSetting &s)
{
    QStringList lines { SitesPage::settingTitle(s.varname), SitesPage::valueText(s) };
    if (!s.site.isEmpty())
        lines << (s.siteSpecific() ? tr("A value of site %1's own").arg(s.site)
                                   : tr("Site %1 follows the global value").arg(s.site));
    return lines;
}

void SitesController::refresh()
{
    if (!m_session->isConnected())
        return;
    const int generation = ++m_generation;
    m_page->setLoading(true);
    SitesApi(m_session->client())
        .sites(this, [this, generation](SiteResult<QList<DistributedSite>> r) {
            if (generation != m_generation)
                return;
            m_page->setLoading(false);
            if (!r.ok()) {
                m_page->setSitesError(r.error.summary());
                Q_EMIT sitesLoaded(false);
                return;
            }
            m_sites = *r.value;
            m_page->setSites(m_sites);
            Q_EMIT sitesLoaded(true);
            loadVersions();
            loadSettings();
            loadPendingChanges();
        });
}

void SitesController::loadVersions()
{
    m_certificates.clear();
    for (const DistributedSite &site : std::as_const(m_sites)) {
        if (!site.isRemote()) {
            const SiteVersion &v = m_session->version();
            showVersion(site.id, u"%1 %2"_s.arg(v.checkmkVersion, v.editionName()));
            continue;
        }
        checkRemote(site);
    }
}

void SitesController::showVersion(const QString &site, const QString &text, const QString &why)
{
    // `why` set: the version is not known, and this is why.
    m_page->setVersion(site, text, why);
    Q_EMIT versionShown(site, why.isEmpty() ? text : why);
}

bool SitesController::remoteConnection(const DistributedSite &site,
                                       SiteConnection *connection) const
{
    DistributedSite::Address address;
    if (!DistributedSite::parseUrl(site.url, &address))
        return false;
    const SiteConnection &central = m_session->connection();
    if (const SiteConnection *saved = connectionTo(m_connections, site)) {
        *connection = *saved;
    } else {
        *connection = SiteConnection();
        connection->name = site.id;
        connection->user = central.user;
        connection->timeoutMs = central.timeoutMs;
    }
    connection->server = address.server;
    connection->site = address.site;
    connection->protocol
        = address.https ? SiteConnection::Protocol::Https : SiteConnection::Protocol::Http;
    // Pins the user gave this site at this server only (not the central's own, not another
    // site's, not this site's at a server its URL no longer names).
    connection->pinnedSha256 << central.sitePinnedSha256.value(
        SiteConnection::sitePinKey(site.id, address.server));
    connection->pinnedSha256.removeDuplicates();
    return true;
}

void SitesController::checkRemote(const DistributedSite &site)
{
    const int generation = m_generation;
    SiteConnection connection;
    if (!remoteConnection(site, &connection)) {
        m_page->setCertificate(site.id, tr("unknown"),
                               tr("The site's URL does not have the form "
                                  "{protocol}://{server}/{site}/check_mk: %1")
                                   .arg(site.url),
                               false);
        showVersion(site.id, QString(),
                    tr("The site's URL does not have the form "
                       "{protocol}://{server}/{site}/check_mk."));
        return;
    }
    if (connection.protocol == SiteConnection::Protocol::Http) {
        m_page->setCertificate(site.id, tr("none (HTTP)"),
                               tr("The site is reached over plain HTTP: there is no certificate "
                                  "to check."),
                               false);
        readRemoteVersion(site, connection);
        return;
    }
    // A handshake only, nothing sent: a site whose certificate is not trusted gets no request
    // (and so no secret) from this page.
    m_page->setCertificate(site.id, tr("checking…"), {}, false);
    auto *probe = new TlsProbe(this);
    connect(probe, &TlsProbe::finished, this,
            [this, probe, generation, site, connection](const TlsCheckResult &result) {
                probe->deleteLater();
                if (generation != m_generation)
                    return;
                m_certificates.insert(site.id, result);
                if (!result.reached) {
                    m_page->setCertificate(site.id, tr("not reached"), result.failure, false);
                    readRemoteVersion(site, connection);
                    return;
                }
                const QString sha256
                    = result.chain.isEmpty() ? QString() : result.chain.first().sha256;
                if (!result.verified) {
                    m_page->setCertificate(
                        site.id, tr("not trusted"),
                        tr("%1\nSHA-256 %2\nNothing is sent to this site until you trust its "
                           "certificate (Show certificate…).")
                            .arg(result.errors.join(u'\n'), sha256),
                        !result.chain.isEmpty());
                    showVersion(site.id, QString(),
                                tr("The site's certificate is not trusted: nothing was sent "
                                   "to it. Select the site and choose Show certificate…."));
                    Q_EMIT certificateChecked(site.id, false);
                    return;
                }
                const bool pinnedHere
                    = m_session->connection()
                          .sitePinnedSha256
                          .value(SiteConnection::sitePinKey(site.id, connection.server))
                          .contains(sha256, Qt::CaseInsensitive);
                m_page->setCertificate(site.id,
                                       pinnedHere ? tr("trusted for this site") : tr("trusted"),
                                       tr("SHA-256 %1").arg(sha256), false);
                Q_EMIT certificateChecked(site.id, true);
                readRemoteVersion(site, connection);
            });
    probe->start(connection);
}

void SitesController::readRemoteVersion(const DistributedSite &site,
                                        const SiteConnection &connection)
{
    const int generation = m_generation;
    const QString id = site.id;
    // The central does not publish its remote sites' versions: they are read from the remote
    // site itself, through a connection the user saved (with its own secret and trust).
    if (!connectionTo(m_connections, site)) {
        showVersion(id, QString(),
                    tr("No saved connection to this site: add one (File › Site "
                       "connections) to see its version."));
        return;
    }
    m_secrets->read(
        connection.keychainKey(), this, [this, generation, connection, id](SecretResult &&secret) {
            if (generation != m_generation)
                return;
            if (!secret.ok) {
                showVersion(id, QString(),
                            tr("No secret stored for connection %1.").arg(connection.name));
                return;
            }
            auto *client = new RestClient(connection, this);
            client->setSecret(std::move(secret.secret));
            SiteInfoApi(client).version(
                client, [this, generation, client, id](SiteResult<SiteVersion> r) {
                    client->deleteLater();
                    if (generation != m_generation)
                        return;
                    if (r.ok())
                        showVersion(
                            id, u"%1 %2"_s.arg(r.value->checkmkVersion, r.value->editionName()));
                    else
                        showVersion(id, QString(), r.error.summary());
                });
        });
}

void SitesController::showCertificate(const QString &siteId)
{
    const QString site = siteId; // a copy: the caller's string may live in m_sites
    const auto checked = m_certificates.constFind(site);
    if (checked == m_certificates.cend() || checked->verified || checked->chain.isEmpty())
        return;
    const auto certificate = *checked;
    const auto found = std::find_if(m_sites.cbegin(), m_sites.cend(),
                                    [&site](const DistributedSite &s) { return s.id == site; });
    if (found == m_sites.cend())
        return;
    DistributedSite::Address address;
    if (!DistributedSite::parseUrl(found->url, &address))
        return;
    // A copy: the dialog's event loop may replace m_sites (a refresh, a disconnect).
    const DistributedSite remote = *found;
    const int generation = m_generation;
    const QString centralName = m_session->connection().name;
    const QUrl centralUrl = m_session->connection().checkmkUrl();
    // The connection's own certificate question, for this site's URL; no "without
    // verification" here: a remote site is trusted by its pin or not at all.
    ApiError error;
    error.kind = ApiError::Kind::Tls;
    error.title = tr("The certificate is not trusted");
    error.detail = certificate.errors.join(u'\n');
    error.url = remote.url;
    error.tlsErrors = certificate.errors;
    error.certificateChain = certificate.chain;
    CertificateTrustDialog dialog(tr("site %1 (%2)").arg(site, remote.url), error, m_page);
    dialog.setInsecureAllowed(false);
    dialog.exec();
    if (dialog.choice() != CertificateTrustDialog::Choice::TrustCertificate)
        return;
    // Only while the page still shows what the user looked at, for the same central.
    if (generation != m_generation || m_session->connection().name != centralName
        || m_session->connection().checkmkUrl() != centralUrl)
        return;
    m_session->trustSiteCertificate(SiteConnection::sitePinKey(site, address.server),
                                    dialog.trustedCertificate().sha256);
    checkRemote(remote);
}

void SitesController::loadSettings()
{
    const int generation = m_generation;
    // The global value of each setting, then each site's view of it, in that order.
    QList<SiteSetting> order;
    for (const QString &varname : SiteSetting::names()) {
        order.append(SiteSetting { varname, QString(), {}, true, {} });
        for (const DistributedSite &site : std::as_const(m_sites))
            order.append(SiteSetting { varname, site.id, {}, true, {} });
    }
    auto results = std::make_shared<QList<SiteSetting>>(order);
    auto remaining = std::make_shared<int>(int(order.size()));
    auto failed = std::make_shared<QString>();
    for (int i = 0; i < order.size(); ++i) {
        SitesApi(m_session->client())
            .setting(order.at(i).varname, order.at(i).site, this,
                     [this, generation, results, remaining, failed, i](SiteResult<SiteSetting> r) {
                         if (generation != m_generation)
                             return;
                         if (r.ok())
                             (*results)[i] = *r.value;
                         else if (failed->isEmpty())
                             *failed = r.error.summary();
                         if (--*remaining > 0)
                             return;
                         if (!failed->isEmpty()) {
                             m_settings.clear();
                             m_page->setSettingsError(*failed);
                             Q_EMIT settingsLoaded(false);
                             return;
                         }
                         m_settings = *results;
                         m_page->setSettings(m_settings);
                         Q_EMIT settingsLoaded(true);
                     });
    }
}

void SitesController::loadPendingChanges()
{
    const int generation = m_generation;
    // Until the new count is in, nothing can be activated: the ETag would be the old one.
    m_pendingEtag.clear();
    m_page->setPendingChanges(-1);
    ActivationApi(m_session->client())
        .pendingChanges(this, [this, generation](SiteResult<Versioned<PendingChanges>> r) {
            if (generation != m_generation)
                return;
            if (!r.ok()) {
                m_pendingEtag.clear();
                m_page->setPendingChanges(-1);
                return;
            }
            m_pendingEtag = r.value->etag;
            m_page->setPendingChanges(int(r.value->value.changes.size()));
        });
}

void SitesController::edit(const SiteSetting &setting)
{
    openEditor(setting, QString());
}

void SitesController::openEditor(const SiteSetting &setting, const QString &lastError)
{
    const std::optional<SiteSetting> edited = m_editor(setting, lastError);
    if (!edited)
        return;
    save(*edited, setting.etag);
}

void SitesController::save(const SiteSetting &edited, const QByteArray &etag)
{
    SitesApi(m_session->client())
        .setSetting(edited, etag, this, [this, edited](SiteResult<QByteArray> r) {
            if (r.ok()) {
                savedSetting(edited.site.isEmpty()
                                 ? tr("Saved. Activate the changes to make the sites use it.")
                                 : tr("Saved for site %1. Activate the changes on that site to "
                                      "make it use the value.")
                                       .arg(edited.site));
                return;
            }
            if (r.error.status == 412) {
                onConflict(edited, [this, edited](StaleVersionDialog::Choice choice) {
                    switch (choice) {
                    case StaleVersionDialog::Choice::Reload:
                        Q_EMIT settingSaved(false);
                        refresh();
                        break;
                    case StaleVersionDialog::Choice::Overwrite:
                        save(edited, "*"_ba);
                        break;
                    case StaleVersionDialog::Choice::KeepEditing:
                        openEditor(edited, tr("Somebody changed this setting meanwhile."));
                        break;
                    }
                });
                return;
            }
            // The editor opens again with everything typed and the site's reason.
            Q_EMIT settingSaved(false);
            openEditor(edited, r.error.summary());
        });
}

void SitesController::reset(const SiteSetting &setting)
{
    SitesApi(m_session->client())
        .resetSiteSetting(setting, setting.etag, this, [this, setting](SiteResult<QByteArray> r) {
            if (r.ok()) {
                savedSetting(tr("Site %1 follows the global value again. Activate the changes on "
                                "that site to make it use the value.")
                                 .arg(setting.site));
                return;
            }
            if (r.error.status == 412) {
                onConflict(setting, [this, setting](StaleVersionDialog::Choice choice) {
                    if (choice == StaleVersionDialog::Choice::Overwrite)
                        reset(SiteSetting { setting.varname, setting.site, setting.value,
                                            setting.isDefault, "*"_ba });
                    else if (choice == StaleVersionDialog::Choice::Reload)
                        refresh();
                });
                return;
            }
            m_page->showMessage(
                tr("The site's own value could not be removed: %1").arg(r.error.summary()));
            Q_EMIT settingSaved(false);
        });
}

void SitesController::onConflict(const SiteSetting &mine,
                                 std::function<void(StaleVersionDialog::Choice)> then)
{
    SitesApi(m_session->client())
        .setting(mine.varname, mine.site, this,
                 [this, mine, then = std::move(then)](SiteResult<SiteSetting> r) {
                     then(m_resolver(mine, r.value, r.ok() ? QString() : r.error.summary()));
                 });
}

void SitesController::savedSetting(const QString &message)
{
    m_page->showMessage(message);
    m_session->reportWrite(SiteSession::Change::Sites);
    Q_EMIT settingSaved(true);
    refresh();
}

void SitesController::activate(const QStringList &sites)
{
    if (sites.isEmpty())
        return;
    m_page->setActivation(true, tr("Starting the activation on %1…").arg(sites.join(u", "_s)));
    // The ETag of the pending changes the page counted: exactly those are activated.
    ActivationApi(m_session->client())
        .activate(
            m_pendingEtag, this,
            [this](SiteResult<ActivationRun> r) {
                if (!r.ok()) {
                    QString text;
                    if (r.error.status == 412)
                        text = tr("The pending changes changed meanwhile: review them and "
                                  "activate again.");
                    else if (r.error.status == 422)
                        text = tr("Nothing to activate.");
                    else if (r.error.status == 423)
                        text = tr("Another activation is running; try again when it has "
                                  "finished.");
                    else
                        text = tr("The changes could not be activated: %1").arg(r.error.summary());
                    m_page->setActivation(false, text);
                    loadPendingChanges();
                    Q_EMIT activationFinished(false, {});
                    return;
                }
                m_page->setActivation(true,
                                      tr("Activating on %1…").arg(r.value->sites.join(u", "_s)));
                pollActivation(r.value->id);
            },
            sites);
}

void SitesController::pollActivation(const QString &id)
{
    ActivationApi(m_session->client()).run(id, this, [this, id](SiteResult<ActivationRun> r) {
        if (!r.ok()) {
            m_page->setActivation(
                false, tr("The activation's status could not be read: %1").arg(r.error.summary()));
            Q_EMIT activationFinished(false, {});
            return;
        }
        if (r.value->running) {
            m_page->setActivation(true,
                                  tr("Activating… %1").arg(r.value->siteStates.join(u", "_s)));
            QTimer::singleShot(500, this, [this, id] { pollActivation(id); });
            return;
        }
        m_page->setActivation(
            false,
            tr("Changes activated on %1: %2")
                .arg(r.value->sites.join(u", "_s), r.value->siteStates.join(u", "_s)));
        m_session->reportWrite(SiteSession::Change::Sites);
        loadPendingChanges();
        Q_EMIT activationFinished(true, r.value->sites);
    });
}
