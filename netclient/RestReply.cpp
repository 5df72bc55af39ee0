#include "RestReply.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslError>
#include <QTimer>

#include <new>

#include "CertificateDetailsReader.h"
#include "DisplayText.h"
#include "ProblemDocument.h"
#include "RestClient.h"
#include "UploadBody.h"

using namespace Qt::StringLiterals;

namespace {

// Where a body stops growing by doubling and starts growing in large mapped steps.
constexpr qint64 kLargeBody = qint64(1) << 20;
constexpr qint64 kLargeStep = qint64(64) << 20;

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
    if (!m_deadline) {
        // One clock for the whole request: redirects and retries spend from it too.
        m_deadline = new QTimer(this);
        m_deadline->setSingleShot(true);
        connect(m_deadline, &QTimer::timeout, this, &RestReply::onDeadline);
        m_deadline->start(m_request.deadlineMs > 0 ? m_request.deadlineMs
                                                   : RestClient::defaultDeadlineMs);
    }
    m_tlsErrors.clear();
    m_chain.clear();
    m_cap = m_request.replyCap();
    QNetworkRequest nr = m_client->makeRequest(m_request, m_url, sameOrigin(m_originalUrl, m_url));
    QNetworkAccessManager *manager = m_client->networkAccessManager();
    if (m_request.method == RestRequest::Method::Get) {
        m_reply = manager->get(nr);
    } else {
        // Every other method sends its body from a device that can be read once: Qt cannot
        // send the request a second time behind our back, and a secret is read from its own
        // buffer instead of being copied into shared QByteArrays that no wipe reaches.
        std::shared_ptr<const SecureBuffer> bytes = m_request.secretFormBody;
        if (!bytes) {
            QByteArray plain = m_request.json ? m_request.json->toJson(QJsonDocument::Compact)
                                              : QByteArray(m_request.formBody);
            bytes = std::make_shared<const SecureBuffer>(std::move(plain));
        }
        auto *body = new UploadBody(std::move(bytes));
        nr.setHeader(QNetworkRequest::ContentLengthHeader, body->size());
        nr.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
        // HTTP/1.1 only: Qt 6 offers HTTP/2 by ALPN on every https request, and its HTTP/2
        // stack has its own rules for requeueing requests on a new connection (GOAWAY, a
        // connection lost before the stream started) that the device above was never tested
        // against. On HTTP/1.1 a write that the server drops fails instead of being re-sent.
        nr.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
        switch (m_request.method) {
        case RestRequest::Method::Post:
            m_reply = manager->post(nr, body);
            break;
        case RestRequest::Method::Put:
            m_reply = manager->put(nr, body);
            break;
        case RestRequest::Method::Get:
        case RestRequest::Method::Delete:
            m_reply = manager->sendCustomRequest(nr, m_request.verb(), body);
            break;
        }
        body->setParent(m_reply);
    }
    // Back-pressure: Qt stops reading from the socket while this much is waiting for us, so a
    // reply that never ends cannot fill the memory faster than readyRead() checks the cap.
    m_reply->setReadBufferSize(readBufferBytes);
    connect(m_reply, &QNetworkReply::finished, this, &RestReply::onNetworkFinished);
    connect(m_reply, &QNetworkReply::sslErrors, this, &RestReply::onSslErrors);
    connect(m_reply, &QNetworkReply::downloadProgress, this, &RestReply::downloadProgress);
    // Take the body as it arrives (one readAll() of a 50 MB reply at the end would block the
    // UI thread), and never more than the cap. Nothing is reserved from Content-Length: that
    // is a number the server chose; the body grows by what actually arrived (onReadyRead()).
    m_body.clear();
    m_announcedTooLarge = false;
    m_tooLarge = false;
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &RestReply::onMetaData);
    connect(m_reply, &QNetworkReply::readyRead, this, &RestReply::onReadyRead);
}

void RestReply::onMetaData()
{
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status >= 400 || (status >= 300 && status < 400))
        m_cap = qMin(m_cap, RestRequest::smallReplyBytes); // an error or a redirect is short
    bool ok = false;
    const qint64 announced = m_reply->rawHeader("Content-Length").trimmed().toLongLong(&ok);
    if (ok && announced > m_cap) {
        m_tooLarge = true;
        m_announcedTooLarge = true;
        m_announcedBytes = announced;
        m_reply->abort(); // finished() follows and reports it
        return;
    }
}

void RestReply::onReadyRead()
{
    if (!m_reply)
        return;
    const qint64 available = m_reply->bytesAvailable();
    if (m_body.size() + available > m_cap) {
        m_tooLarge = true;
        m_reply->abort();
        return;
    }
    // Read straight into the body (no chunk allocated and copied once more). A body past
    // 1 MiB grows in steps of at least 64 MiB (never past the cap): glibc then maps it as its own
    // block and later growth remaps it instead of copying the whole body again on the UI thread
    // (a 60 or 100 MB body grown by doubling below the 32 MB mmap threshold was copied step by
    // step). The step follows bytes received, never the server's Content-Length.
    const qsizetype had = m_body.size();
    const qint64 needed = had + available;
    if (needed > m_body.capacity() && needed >= kLargeBody) {
        const qint64 step = qMin<qint64>(m_cap, qMax<qint64>(2 * needed, kLargeStep));
        try {
            m_body.reserve(step);
        } catch (const std::bad_alloc &) {
            // Address space refused (strict overcommit): the body grows as it arrives instead.
        }
    }
    m_body.resize(had + available);
    const qint64 got = m_reply->read(m_body.data() + had, available);
    m_body.resize(had + qMax<qint64>(got, 0));
}

void RestReply::onDeadline()
{
    if (m_finished)
        return;
    m_deadlineExpired = true;
    if (m_retryTimer)
        m_retryTimer->stop();
    if (m_reply) {
        m_reply->abort(); // finished() follows and reports the deadline
        return;
    }
    RestResult result;
    result.error = deadlineError();
    finish(std::move(result));
}

ApiError RestReply::deadlineError() const
{
    ApiError e;
    e.kind = ApiError::Kind::Timeout;
    e.title = tr("The site did not finish its reply in time");
    const int seconds = qMax(1, m_request.deadlineMs / 1000);
    e.detail = tr("The request was stopped after %n second(s), its deadline.", nullptr, seconds);
    e.url = urlForDisplay(m_url);
    return e;
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
    if (!m_cancelled && !m_deadlineExpired && !m_tooLarge && status >= 300 && status < 400
        && reply->hasRawHeader(QByteArrayLiteral("Location"))) {
        const QUrl target = m_url.resolved(QUrl::fromEncoded(reply->rawHeader("Location")));
        const QString refusal = redirectRefusal(target);
        if (refusal.isEmpty()) {
            m_visited << m_url;
            m_url = target;
            start();
            return;
        }
        RestResult result;
        result.status = status;
        result.redirectTarget = target;
        result.contentType = reply->rawHeader("Content-Type");
        result.cookies
            = reply->header(QNetworkRequest::SetCookieHeader).value<QList<QNetworkCookie>>();
        result.error.kind = ApiError::Kind::Http;
        result.error.status = status;
        result.error.url = urlForDisplay(m_url);
        result.error.title = tr("The site redirected the request");
        result.error.detail = tr("It pointed to %1; %2").arg(urlForDisplay(target), refusal);
        finish(std::move(result));
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

QString RestReply::redirectRefusal(const QUrl &target) const
{
    // Each case says that nothing was sent there: that is what the user needs to know.
    if (m_request.redirects == RestRequest::Redirects::None)
        return tr("this request follows no redirect, so nothing was sent there.");
    if (!target.isValid() || target.host().isEmpty())
        return tr("that is not a valid address, so nothing was sent there.");
    if (m_url.scheme() == u"https"_s && target.scheme() != u"https"_s)
        return tr("that would leave https, so nothing was sent there.");
    if (m_request.method != RestRequest::Method::Get)
        return tr("a %1 request is sent only to the address it was made for, so nothing was "
                  "sent there.")
            .arg(QString::fromLatin1(m_request.verb()));
    if (!sameOrigin(m_originalUrl, target))
        return tr("that is another server, so nothing was sent there.");
    if (target == m_url || m_visited.contains(target))
        return tr("the redirects go round in a loop.");
    if (m_visited.size() >= maxRedirects)
        return tr("more than %n redirect(s) in a row.", nullptr, maxRedirects);
    return {};
}

bool RestReply::shouldRetry(const RestResult &result) const
{
    if (m_cancelled || m_deadlineExpired || !m_request.isIdempotent() || !result.error.isError()
        || m_attempt >= m_request.effectiveRetries())
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
    if (m_url.scheme() == u"https"_s)
        r.peerChain = reply->sslConfiguration().peerCertificateChain();
    r.error.url = urlForDisplay(m_url);

    const QNetworkReply::NetworkError netError = reply->error();
    if (m_cancelled) {
        r.error.kind = ApiError::Kind::Cancelled;
        r.error.title = tr("Cancelled");
        return r;
    }
    if (m_deadlineExpired) {
        const QString url = r.error.url;
        r.error = deadlineError();
        r.error.url = url;
        r.body.clear();
        return r;
    }
    if (m_tooLarge) {
        // Nothing half-read is handed on: a cut JSON document is no document.
        r.body.clear();
        r.error.kind = ApiError::Kind::MalformedReply;
        r.error.status = r.status;
        r.error.title = tr("The site's reply is too large");
        const QString cap = QLocale::c().formattedDataSize(m_cap, 0, QLocale::DataSizeIecFormat);
        r.error.detail = m_announcedTooLarge
            ? tr("It announced %1 bytes, more than the %2 this request takes; the transfer was "
                 "stopped.")
                  .arg(m_announcedBytes)
                  .arg(cap)
            : tr("It went on past the %1 this request takes; the transfer was stopped.").arg(cap);
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
        case QNetworkReply::ContentReSendError:
            // Qt wanted to send the request again after the server closed the connection
            // without an answer; UploadBody refused, as it must for a write.
            r.error.kind = ApiError::Kind::Network;
            r.error.title = tr("The site closed the connection without answering");
            r.error.detail = tr("The %1 request was not sent again; it may or may not have "
                                "taken effect on the site.")
                                 .arg(QString::fromLatin1(m_request.verb()));
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
        // Every text of an error comes from the site: escaped and capped here, once, before
        // it can reach a label, a terminal or a log.
        r.error.title = DisplayText::sanitized(
            reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString(),
            maxTitleLength);
        if (json) {
            // Title, detail and field messages escaped and capped (they are the site's words).
            r.error.problemDocument = ProblemDocument::read(r.body, &r.error, &r.json);
        } else {
            // Not a problem document (the updater's pages answer in plain text or HTML).
            r.error.detail = DisplayText::sanitized(r.body.left(4 * 500), 500).trimmed();
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
            r.error.detail
                = tr("Content-Type was \"%1\".").arg(DisplayText::sanitized(r.contentType, 100));
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
