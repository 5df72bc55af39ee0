#pragma once

#include <QHash>
#include <QObject>
#include <QSslConfiguration>

#include "ApiError.h"
#include "RestRequest.h"
#include "SecureBuffer.h"
#include "SiteConnection.h"

class QNetworkAccessManager;
class QNetworkRequest;
class RestReply;

// The REST client of one site connection: one QNetworkAccessManager, Bearer auth, JSON in and
// out, problem+json as ApiError, ETags remembered on reads and sent as If-Match on writes,
// timeouts, cancellation, retries for idempotent requests, and the connection's TLS policy.
class RestClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RestClient)

public:
    explicit RestClient(const SiteConnection &connection, QObject *parent = nullptr);
    ~RestClient() override;

    const SiteConnection &connection() const { return m_connection; }
    void setConnection(const SiteConnection &connection);
    // The automation secret (or password); kept in a wiping buffer, never logged.
    void setSecret(SecureBuffer secret);
    bool hasSecret() const { return !m_secret.isEmpty(); }
    // Tests may inject their own manager; the client does not take ownership then.
    void setNetworkAccessManager(QNetworkAccessManager *manager);
    QNetworkAccessManager *networkAccessManager() const { return m_manager; }

    // The deadline of every request that sets none of its own (RestRequest::deadlineMs).
    static constexpr int defaultDeadlineMs = 60000;
    int deadlineMs() const { return m_deadlineMs; }
    void setDeadlineMs(int ms) { m_deadlineMs = ms > 0 ? ms : defaultDeadlineMs; }

    // Starts the request at once. The reply deletes itself after finished().
    RestReply *send(RestRequest request);

    QUrl urlFor(const RestRequest &request) const;
    QByteArray cachedEtag(const QString &path) const { return m_etags.value(path); }
    void forgetEtag(const QString &path) { m_etags.remove(path); }
    // Cancels everything in flight (when the connection changes or the window closes).
    void cancelAll();

Q_SIGNALS:
    // Emitted for every request that failed on an untrusted certificate.
    void untrustedCertificate(const ApiError &error);

private:
    friend class RestReply;
    QNetworkRequest makeRequest(const RestRequest &request, const QUrl &url,
                                bool withAuthorization) const;
    void rememberEtag(const QString &path, const QByteArray &etag);
    bool acceptsPeer(const QList<class QSslError> &errors, const QSslCertificate &leaf) const;
    void rebuildSslConfiguration();
    void replyDone(RestReply *reply);

    SiteConnection m_connection;
    SecureBuffer m_secret;
    QNetworkAccessManager *m_manager = nullptr;
    bool m_ownsManager = true;
    QSslConfiguration m_ssl;
    QHash<QString, QByteArray> m_etags;
    QList<RestReply *> m_inFlight;
    int m_deadlineMs = defaultDeadlineMs;
};
