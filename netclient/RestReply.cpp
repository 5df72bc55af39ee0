#include "RestReply.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslError>
#include <QTimer>

#include "CertificateDetailsReader.h"
#include "ProblemDocument.h"
#include "RestClient.h"

using namespace Qt::StringLiterals;

namespace {

bool sameOrigin(const QUrl &a, const QUrl &b)
{
    return a.scheme() == b.scheme() && a.host().compare(b.host(), Qt::CaseInsensitive) == 0
        && a.port(a.scheme() == u"https"_s ? 443 : 80)
        == b.port(b.scheme() == u"https"_s ? 443 : 80);
}

QString urlForDisplay(const QUrl &url)
{
    return url.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery);
}

bool isJsonType(const QByteArray &contentType)
{
    const QByteArray type = contentType.split(';').value(0).trimmed().toLower();
    return type == "application/json" || type == "application/problem+json"
        || type.endsWith("+json");
}

} // namespace

RestReply::RestReply(RestClient *client, RestRequest request, const QUrl &url)
    : QObject(client)
    , m_client(client)
    , m_request(std::move(request))
    , m_url(url)
    , m_originalUrl(url)
{ }

RestReply::~RestReply()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
    if (m_client)
        m_client->replyDone(this);
}

void RestReply::start()
{
    if (!m_client || m_finished)
        return;
    m_tlsErrors.clear();
    m_chain.clear();
    const QNetworkRequest nr = m_client->makeRequest(m_request, m_url, m_sendAuthorization);
    QByteArray body;
    if (m_request.json)
        body = m_request.json->toJson(QJsonDocument::Compact);
    else
        body = m_request.formBody;
    QNetworkAccessManager *manager = m_client->networkAccessManager();
    switch (m_request.method) {
    case RestRequest::Method::Get:
        m_reply = manager->get(nr);
        break;
    case RestRequest::Method::Post:
        m_reply = manager->post(nr, body);
        break;
    case RestRequest::Method::Put:
        m_reply = manager->put(nr, body);
        break;
    case RestRequest::Method::Delete:
        m_reply = body.isEmpty() ? manager->deleteResource(nr)
                                 : manager->sendCustomRequest(nr, "DELETE", body);
        break;
    }
    connect(m_reply, &QNetworkReply::finished, this, &RestReply::onNetworkFinished);
    connect(m_reply, &QNetworkReply::sslErrors, this, &RestReply::onSslErrors);
    connect(m_reply, &QNetworkReply::downloadProgress, this, &RestReply::downloadProgress);
    // Take the body as it arrives: one readAll() of a 50 MB reply at the end would block the
    // UI thread for a noticeable time.
    m_body.clear();
    connect(m_reply, &QNetworkReply::metaDataChanged, this, [this] {
        const qint64 length = m_reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
        if (length > 0 && length < (qint64(1) << 31))
            m_body.reserve(qsizetype(length));
    });
    connect(m_reply, &QNetworkReply::readyRead, this, [this] { m_body += m_reply->readAll(); });
}

void RestReply::cancel()
{
    if (m_finished)
        return;
    m_cancelled = true;
    if (m_retryTimer)
        m_retryTimer->stop();
    if (m_reply) {
        m_reply->abort(); // finished() follows, which reports the cancellation
        return;
    }
    RestResult result;
    result.error.kind = ApiError::Kind::Cancelled;
    result.error.title = tr("Cancelled");
    result.error.url = urlForDisplay(m_url);
    finish(std::move(result));
}

void RestReply::onSslErrors(const QList<QSslError> &errors)
{
    const QList<QSslCertificate> chain = m_reply->sslConfiguration().peerCertificateChain();
    QSslCertificate leaf = chain.value(0);
    if (leaf.isNull() && !errors.isEmpty())
        leaf = errors.first().certificate();
    if (m_client && m_client->acceptsPeer(errors, leaf)) {
        // Only the errors seen now, for this reply: never a blanket ignore.
        m_reply->ignoreSslErrors(errors);
        return;
    }
    for (const QSslError &e : errors)
        m_tlsErrors << e.errorString();
    m_chain = CertificateDetailsReader::readChain(chain.isEmpty() ? QList<QSslCertificate> { leaf }
                                                                  : chain);
}

void RestReply::onNetworkFinished()
{
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    reply->deleteLater();
    reply->disconnect(this);

    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (!m_cancelled
        && (status == 301 || status == 302 || status == 303 || status == 307 || status == 308)) {
        const QUrl target = m_url.resolved(reply->header(QNetworkRequest::LocationHeader).toUrl());
        if (followRedirect(target, status))
            return;
    }

    RestResult result = interpret(reply);
    if (shouldRetry(result)) {
        ++m_attempt;
        if (!m_retryTimer) {
            m_retryTimer = new QTimer(this);
            m_retryTimer->setSingleShot(true);
            connect(m_retryTimer, &QTimer::timeout, this, &RestReply::start);
        }
        m_retryTimer->start(300 * (1 << (2 * (m_attempt - 1)))); // 300 ms, 1.2 s, 4.8 s
        return;
    }
    finish(std::move(result));
}

bool RestReply::followRedirect(const QUrl &target, int status)
{
    if (!target.isValid() || ++m_redirects > 5)
        return false;
    const bool upgrade = m_url.scheme() == u"http"_s && target.scheme() == u"https"_s
        && m_url.host().compare(target.host(), Qt::CaseInsensitive) == 0;
    if (m_url.scheme() == u"https"_s && target.scheme() == u"http"_s)
        return false; // never downgrade
    if (!sameOrigin(m_originalUrl, target) && !upgrade)
        m_sendAuthorization = false; // another origin never sees the secret
    if (status == 303) {
        m_request.method = RestRequest::Method::Get;
        m_request.json.reset();
        m_request.formBody.clear();
    }
    m_url = target;
    start();
    return true;
}

bool RestReply::shouldRetry(const RestResult &result) const
{
    if (m_cancelled || !result.error.isError() || m_attempt >= m_request.effectiveRetries())
        return false;
    switch (result.error.kind) {
    case ApiError::Kind::Network:
    case ApiError::Kind::Timeout:
        return true;
    case ApiError::Kind::Http:
        return result.status == 502 || result.status == 503 || result.status == 504;
    default:
        return false;
    }
}

RestResult RestReply::interpret(QNetworkReply *reply)
{
    RestResult r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.etag = reply->rawHeader("ETag");
    r.contentType = reply->rawHeader("Content-Type");
    if (reply->isOpen())
        m_body += reply->readAll();
    r.body = std::exchange(m_body, QByteArray());
    r.cookies = reply->header(QNetworkRequest::SetCookieHeader).value<QList<QNetworkCookie>>();
    r.error.url = urlForDisplay(m_url);

    const QNetworkReply::NetworkError netError = reply->error();
    if (m_cancelled) {
        r.error.kind = ApiError::Kind::Cancelled;
        r.error.title = tr("Cancelled");
        return r;
    }
    if (r.status == 0
        || (netError != QNetworkReply::NoError && netError < QNetworkReply::ContentAccessDenied)) {
        // No HTTP answer at all (or it broke off): classify the transport failure.
        switch (netError) {
        case QNetworkReply::OperationCanceledError:
        case QNetworkReply::TimeoutError:
            r.error.kind = ApiError::Kind::Timeout;
            r.error.title = tr("The site did not answer in time");
            r.error.detail
                = tr("No reply within %n second(s).", nullptr, m_request.timeoutMs / 1000);
            break;
        case QNetworkReply::SslHandshakeFailedError:
            r.error.kind = ApiError::Kind::Tls;
            r.error.title = m_tlsErrors.isEmpty() ? tr("The TLS handshake failed")
                                                  : tr("The site's certificate is not trusted");
            r.error.detail
                = m_tlsErrors.isEmpty() ? reply->errorString() : m_tlsErrors.join(u"; "_s);
            r.error.tlsErrors = m_tlsErrors;
            r.error.certificateChain = m_chain;
            break;
        case QNetworkReply::RemoteHostClosedError:
            r.error.kind = ApiError::Kind::Network;
            r.error.title = tr("The site closed the connection before the reply was complete");
            r.error.detail = reply->errorString();
            break;
        default:
            r.error.kind = ApiError::Kind::Network;
            r.error.title = tr("Cannot reach the site");
            r.error.detail = reply->errorString();
            break;
        }
        r.error.status = 0; // no complete HTTP answer
        return r;
    }

    const bool json = isJsonType(r.contentType);
    if (r.status >= 400) {
        r.error.kind = ApiError::Kind::Http;
        r.error.status = r.status;
        r.error.title = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
        if (json) {
            ProblemDocument::read(r.body, &r.error, &r.json);
        } else {
            // Not a problem document (the updater's pages answer in plain text or HTML).
            r.error.detail = QString::fromUtf8(r.body.left(500)).trimmed();
        }
        return r;
    }

    if (netError != QNetworkReply::NoError) {
        r.error.kind = ApiError::Kind::Network;
        r.error.title = tr("The reply could not be read completely");
        r.error.detail = reply->errorString();
        return r;
    }
    const qint64 announced = reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
    if (announced > 0 && r.body.size() < announced) {
        r.error.kind = ApiError::Kind::MalformedReply;
        r.error.title = tr("The reply was cut short");
        r.error.detail = tr("Received %1 of %2 bytes.").arg(r.body.size()).arg(announced);
        return r;
    }
    // A read, and a write that answers with the object, both give the ETag for the next write.
    if (m_request.method == RestRequest::Method::Get
        || m_request.method == RestRequest::Method::Put)
        m_client->rememberEtag(m_request.path, r.etag);
    else if (m_request.method == RestRequest::Method::Delete)
        m_client->forgetEtag(m_request.path);
    if (m_request.accept.contains("json") && !r.body.isEmpty() && r.status != 204) {
        if (!json) {
            r.error.kind = ApiError::Kind::MalformedReply;
            r.error.title = tr("The site's reply is not JSON");
            r.error.detail = tr("Content-Type was \"%1\".").arg(QString::fromLatin1(r.contentType));
            return r;
        }
        if (!m_request.parseJson)
            return r;
        QJsonParseError pe;
        r.json = QJsonDocument::fromJson(r.body, &pe);
        if (pe.error != QJsonParseError::NoError) {
            r.error.kind = ApiError::Kind::MalformedReply;
            r.error.title = tr("The site's reply is not valid JSON");
            r.error.detail = tr("%1 at byte %2.").arg(pe.errorString()).arg(pe.offset);
            return r;
        }
    }
    return r;
}

void RestReply::finish(RestResult result)
{
    if (m_finished)
        return;
    m_finished = true;
    m_result = std::move(result);
    if (m_client) {
        m_client->replyDone(this);
        if (m_result.error.kind == ApiError::Kind::Tls)
            Q_EMIT m_client->untrustedCertificate(m_result.error);
    }
    Q_EMIT finished(m_result);
    deleteLater();
}
