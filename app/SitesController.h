#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

#include "DistributedSite.h"
#include "SiteConnection.h"
#include "SiteSetting.h"
#include "StaleVersionDialog.h"
#include "TlsCheckResult.h"

class SecretStore;
class SiteSession;
class SitesPage;

// The sites page: reads the central site's site_connection collection, each site's version
// (the central's own from the session; a remote site's through a saved connection to it), the
// automatic-update settings globally and per site, and activates the pending changes on the
// sites the user ticks. Settings are written with the ETag they were read with; a 412 asks.
// Each remote site's URL is checked first with a bare TLS handshake: a certificate the console
// does not trust is shown as such and nothing is sent to that site until the user trusts it
// (Show certificate…), which pins it for that site only, with the central's connection.
class SitesController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SitesController)

public:
    SitesController(SiteSession *session, SitesPage *page, SecretStore *secrets,
                    QObject *parent = nullptr);

    void refresh();
    // The saved connections: a remote site's version is read through the one that reaches it.
    void setConnections(const QList<SiteConnection> &connections) { m_connections = connections; }

    void edit(const SiteSetting &setting);
    // The certificate the site's URL presented, in the certificate dialog; trusted there, it is
    // pinned for this site and the site is checked again.
    void showCertificate(const QString &site);
    void reset(const SiteSetting &setting);
    void activate(const QStringList &sites);

    // The editor gets the setting and the site's answer to the last attempt (empty the first
    // time); nullopt when the user cancels. Tests edit here instead of in the dialog.
    using Editor = std::function<std::optional<SiteSetting>(const SiteSetting &, const QString &)>;
    void setEditor(Editor editor) { m_editor = std::move(editor); }
    // Asked on a 412: the user's value and the site's (nullopt with the reason when it could
    // not be read).
    using ConflictResolver = std::function<StaleVersionDialog::Choice(
        const SiteSetting &mine, const std::optional<SiteSetting> &theirs,
        const QString &theirsError)>;
    void setConflictResolver(ConflictResolver resolver) { m_resolver = std::move(resolver); }

    QList<DistributedSite> sites() const { return m_sites; }
    QList<SiteSetting> settings() const { return m_settings; }
    // Lines describing a setting for the stale-version question.
    static QStringList describe(const SiteSetting &setting);

Q_SIGNALS:
    void sitesLoaded(bool ok);
    void settingsLoaded(bool ok);
    void versionShown(const QString &site, const QString &text);
    // A remote site's URL answered the TLS handshake: with a certificate trusted or not.
    void certificateChecked(const QString &site, bool trusted);
    void settingSaved(bool ok);
    // `sites`: the sites the site says it activated.
    void activationFinished(bool ok, const QStringList &sites);

private:
    void loadVersions();
    // A remote site's URL as a connection: the saved connection's (its secret, its own trust)
    // when there is one, plus the certificates pinned for the site on this page; false when
    // the URL is not {protocol}://{server}/{site}/check_mk.
    bool remoteConnection(const DistributedSite &site, SiteConnection *connection) const;
    void checkRemote(const DistributedSite &site);
    void readRemoteVersion(const DistributedSite &site, const SiteConnection &connection);
    void showVersion(const QString &site, const QString &text, const QString &why = {});
    void loadSettings();
    void loadPendingChanges();
    void openEditor(const SiteSetting &setting, const QString &lastError);
    void save(const SiteSetting &edited, const QByteArray &etag);
    void onConflict(const SiteSetting &mine, std::function<void(StaleVersionDialog::Choice)> then);
    void pollActivation(const QString &id);
    void savedSetting(const QString &message);

    SiteSession *m_session;
    SitesPage *m_page;
    SecretStore *m_secrets;
    QList<SiteConnection> m_connections;
    QList<DistributedSite> m_sites;
    QList<SiteSetting> m_settings;
    QHash<QString, TlsCheckResult> m_certificates; // by site: the last handshake's result
    QByteArray m_pendingEtag;
    Editor m_editor;
    ConflictResolver m_resolver;
    int m_generation = 0; // replies of an older refresh are ignored
};
