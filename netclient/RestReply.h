#pragma once

#include <QObject>
#include <QPointer>
#include <QUrl>

#include "RestRequest.h"
#include "RestResult.h"

class QNetworkReply;
class QTimer;
class RestClient;

// One request in flight: follows redirects, retries idempotent requests, turns the answer into
// a RestResult and reports it once through finished(). Deletes itself after that signal.
class RestReply final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RestReply)

public:
    static constexpr int maxRedirects = 5;
    // How much Qt may hold for us before it stops reading from the socket.
    static constexpr qint64 readBufferBytes = 1024 * 1024;
    // Caps of the texts taken from an error reply.
    static constexpr qsizetype maxTitleLength = 300;
    static constexpr qsizetype maxDetailLength = 2000;

    ~RestReply() override;

    const RestRequest &request() const { return m_request; }
    const RestResult &result() const { return m_result; }
    bool isFinished() const { return m_finished; }
    // Stops the request; finished() then reports Kind::Cancelled.
    void cancel();

Q_SIGNALS:
    void finished(const RestResult &result);
    void downloadProgress(qint64 received, qint64 total);

private:
    friend class RestClient;
    RestReply(RestClient *client, RestRequest request, const QUrl &url);

    void start();
    void onNetworkFinished();
    void onMetaData();
    void onReadyRead();
    void onDeadline();
    ApiError deadlineError() const;
    void onSslErrors(const QList<class QSslError> &errors);
    // Empty when a redirect to target may be followed; otherwise why not, for the user.
    QString redirectRefusal(const QUrl &target) const;
    bool shouldRetry(const RestResult &result) const;
    void finish(RestResult result);
    RestResult interpret(QNetworkReply *reply);

    QPointer<RestClient> m_client;
    RestRequest m_request;
    RestResult m_result;
    QByteArray m_body; // the reply's body as it arrives
    QUrl m_url;
    QUrl m_originalUrl;
    QNetworkReply *m_reply = nullptr;
    QTimer *m_retryTimer = nullptr;
    QTimer *m_deadline = nullptr;
    qint64 m_cap = RestRequest::largeReplyBytes;
    qint64 m_announcedBytes = 0;
    bool m_tooLarge = false;
    bool m_announcedTooLarge = false;
    bool m_deadlineExpired = false;
    int m_attempt = 0;
    QList<QUrl> m_visited; // the addresses redirected from, to see loops
    bool m_cancelled = false;
    bool m_finished = false;
    QStringList m_tlsErrors;
    QList<CertificateDetails> m_chain;
};
