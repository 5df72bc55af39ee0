#pragma once

#include <QObject>

#include "SecureBuffer.h"
#include <QPointer>

#include "ApiError.h"
#include "SiteConnection.h"
#include "SiteVersion.h"

class RestClient;
class SecretStore;
class QWidget;

// The live connection to one site: its REST client, the secret fetched from the keychain, the
// version probe and the certificate question. Page controllers follow connected()/disconnected().
class SiteSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SiteSession)

public:
    // What a write changed on the site; pages showing something derived from it refresh.
    enum class Change { Rules, HostSelection, MasterSwitch, Keys, Agents, Activation, Sites };
    Q_ENUM(Change)

    SiteSession(SecretStore *secrets, QWidget *dialogParent, QObject *parent = nullptr);
    ~SiteSession() override;

    // Connects (asking for the secret or about the certificate when needed).
    void open(const SiteConnection &connection);
    // With a known secret: the embedded demo site's (never stored), or one the user just typed
    // (remember: stored in the keychain once the site has accepted it, never before).
    void openWithSecret(const SiteConnection &connection, const QByteArray &secret,
                        bool remember = false);
    void close();

    bool isConnected() const { return m_connected; }
    RestClient *client() const { return m_client; }
    // A request of this session met a certificate it does not trust (the site's certificate
    // was replaced since): shows it as at connecting, and on trust reconnects with it pinned.
    void reviewCertificate(const ApiError &error);
    const SiteConnection &connection() const { return m_connection; }
    // A remote site's certificate the user trusted on the Sites page: pinned for that site only
    // (sitePinnedSha256, under SiteConnection::sitePinKey()), saved with this connection
    // (connectionChanged()).
    void trustSiteCertificate(const QString &pinKey, const QString &sha256);
    const SiteVersion &version() const { return m_version; }
    // Called by a controller after a successful write, so that every other page that shows
    // something derived from it (pending changes, prerequisites, key lists) reads it again.
    void reportWrite(Change what) { Q_EMIT written(what); }

Q_SIGNALS:
    void connecting(const QString &name);
    void connected(const SiteVersion &version);
    void failed(const ApiError &error);
    void disconnected();
    // The user changed the connection's trust settings (to be saved).
    void connectionChanged(const SiteConnection &connection);
    // A secret the site accepted could not be written to the keychain.
    void secretNotStored(const QString &reason);
    void written(SiteSession::Change what);

private:
    void probe();
    void askForSecret(const QString &why);
    void onUntrusted(const ApiError &error);

    SecretStore *m_secrets;
    QPointer<QWidget> m_dialogParent;
    RestClient *m_client = nullptr;
    SiteConnection m_connection;
    SiteVersion m_version;
    bool m_connected = false;
    // A typed secret waiting for the site's acceptance before it goes to the keychain.
    SecureBuffer m_unconfirmedSecret;
    int m_generation = 0; // replies of an older open() are ignored
};
