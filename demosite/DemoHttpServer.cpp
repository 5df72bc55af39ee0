#include "DemoHttpServer.h"

#include <QHttpServerRequest>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>

#include "DemoPendingReply.h"
#include "DemoRecorder.h"
#include "DemoState.h"

using namespace Qt::StringLiterals;

namespace {

QByteArray methodName(QHttpServerRequest::Method m)
{
    switch (m) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    default:
        return "OTHER";
    }
}

bool acceptsJson(const QByteArray &accept)
{
    if (accept.isEmpty())
        return true;
    const QList<QByteArray> types = accept.split(',');
    for (const QByteArray &t : types) {
        const QByteArray type = t.split(';').value(0).trimmed().toLower();
        if (type == "application/json" || type == "*/*" || type == "application/*"
            || type == "application/problem+json" || type == "application/octet-stream"
            || type == "application/x-pem-file")
            return true;
    }
    return false;
}

enum BodyMode { Normal = 0, Malformed, Truncated, Close };

// The scheme and user of an Authorization header, the secret replaced.
QString redacted(const QByteArray &authorization)
{
    const QList<QByteArray> parts = authorization.split(' ');
    QStringList kept;
    for (qsizetype i = 0; i < parts.size() && i < 2; ++i)
        kept << QString::fromLatin1(parts.at(i));
    if (parts.size() > 2 || kept.size() < 2)
        kept << u"<redacted>"_s;
    return kept.join(u' ');
}

// Compares without stopping at the first difference.
bool sameSecret(const QByteArray &given, const QByteArray &expected)
{
    if (expected.isEmpty() || given.size() != expected.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < given.size(); ++i)
        diff |= static_cast<unsigned char>(given.at(i) ^ expected.at(i));
    return diff == 0;
}

} // namespace

DemoHttpServer::DemoHttpServer(DemoState &state, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_state(state)
{ }

QString DemoHttpServer::normalizedPath(const QString &path)
{
    // A client that joins "https://host/" with "/site" asks for "//site/...": Apache serves it
    // as "/site/...", and so does a real site.
    QString out;
    out.reserve(path.size());
    for (const QChar c : path) {
        if (c == u'/' && out.endsWith(u'/'))
            continue;
        out += c;
    }
    return out;
}

DemoReply DemoHttpServer::dispatch(const QHttpServerRequest &request, DemoRequest &demo,
                                   bool *isApi)
{
    const QString path = normalizedPath(request.url().path(QUrl::FullyEncoded));
    const QString prefix = u'/' + m_state.siteName();
    if (!path.startsWith(prefix + u'/'))
        return DemoReply::raw("Not Found", "text/plain", 404);
    demo.sitePath = path.mid(prefix.size());
    *isApi = demo.sitePath.startsWith(u"/check_mk/api/"_s);

    auto match = m_router.match(demo.method, demo.sitePath, &demo.params);
    if (!match.handler) {
        if (match.pathKnown)
            return DemoReply::problem(405, u"Method Not Allowed"_s,
                                      u"Method %1 not allowed for this endpoint."_s.arg(
                                          QString::fromLatin1(demo.method)));
        return DemoReply::problem(404, u"Not Found"_s,
                                  u"The requested URL was not found on the server."_s);
    }
    if (match.auth == DemoRouter::Auth::Control) {
        const QList<QByteArray> parts = demo.header("authorization").split(' ');
        if (parts.size() != 3 || parts.at(0) != "Bearer" || parts.at(1) != "demo-control"
            || !sameSecret(parts.at(2), m_state.controlToken))
            return DemoReply::problem(401, u"Unauthorized"_s,
                                      u"The demo-control endpoints need the control token of "
                                      "this demo site process (see its READY line)."_s);
    } else if (match.auth == DemoRouter::Auth::Bearer) {
        const QByteArray authorization = demo.header("authorization");
        if (authorization.isEmpty())
            return DemoReply::problem(401, u"Unauthorized"_s,
                                      u"You need to be authenticated to use the REST API."_s);
        const QList<QByteArray> parts = authorization.split(' ');
        const QString user = QString::fromUtf8(parts.value(1));
        if (parts.size() != 3 || parts.at(0) != "Bearer" || !m_state.users.contains(user)
            || m_state.users.value(user) != parts.at(2))
            return DemoReply::problem(401, u"Unauthorized"_s,
                                      u"Wrong credentials (Bearer header)"_s);
        demo.user = user;
    }
    if (*isApi && !acceptsJson(demo.header("accept")))
        return DemoReply::problem(
            406, u"Not Acceptable"_s,
            u"Can not send a response with the content type specified in the 'Accept' Header. Accept Header: %1. Supported content types: [application/json]"_s
                .arg(QString::fromLatin1(demo.header("accept"))));
    if (*isApi && !demo.body.isEmpty()
        && !demo.header("content-type").toLower().startsWith("application/json"))
        return DemoReply::problem(415, u"Unsupported Media Type"_s,
                                  u"Content-Type %1 not supported for this endpoint."_s.arg(
                                      QString::fromLatin1(demo.header("content-type"))));
    return (*match.handler)(demo);
}

bool DemoHttpServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    DemoRequest demo;
    demo.method = methodName(request.method());
    demo.query = request.query();
    demo.body = request.body();
    QJsonObject headersJson;
    for (const auto &[name, value] : request.headers()) {
        demo.headers.insert(name.toLower(), value);
        // Recorded for the last-request endpoint: whether credentials came, never what they
        // are (a test reading it must not learn a secret that another origin was sent).
        headersJson.insert(QString::fromLatin1(name.toLower()),
                           name.toLower() == "authorization" ? redacted(value)
                                                             : QString::fromLatin1(value));
    }

    // Faults are looked up first: they may replace the whole answer.
    const QString path = normalizedPath(request.url().path(QUrl::FullyEncoded));
    const QString prefix = u'/' + m_state.siteName();
    const QString sitePath = path.startsWith(prefix) ? path.mid(prefix.size()) : path;
    const auto fault = sitePath.startsWith(u"/demo-control/"_s)
        ? std::nullopt
        : m_state.faults.take(demo.method, sitePath);
    const QJsonObject previous = m_state.lastRequest;
    m_state.lastRequest = QJsonObject { { u"method"_s, QString::fromLatin1(demo.method) },
                                        { u"path"_s, path },
                                        { u"headers"_s, headersJson } };
    if (sitePath == u"/demo-control/last-request"_s)
        m_state.lastRequest = previous; // asking must not overwrite the answer

    QJsonObject recorded;
    if (m_recorder)
        recorded = m_recorder->requestPart(demo);
    bool isApi = false;
    DemoReply reply;
    int bodyMode = Normal;
    if (fault && !fault->redirectTo.isEmpty()) {
        reply = DemoReply::noContent().withHeader("Location", fault->redirectTo.toUtf8());
        reply.status = 302;
    } else if (fault && fault->status != 0) {
        reply = DemoReply::problem(fault->status,
                                   QString::fromLatin1(DemoReply::reasonPhrase(fault->status)),
                                   u"Forced by the demo site's fault injection."_s);
    } else {
        reply = dispatch(request, demo, &isApi);
    }
    if (fault)
        bodyMode = int(fault->body);
    // A path of another site never reaches this one: the web server answers it (404, not the
    // REST API's problem document), so it is no exchange the site's contract speaks for.
    const bool recordIt
        = m_recorder && !sitePath.startsWith(u"/demo-control/"_s) && path.startsWith(prefix + u'/');
    const int latency = m_state.options().latencyMs + (fault ? fault->latencyMs : 0);
    QPointer<QTcpSocket> guarded(socket);
    auto finish = [this, guarded, recordIt, recorded = std::move(recorded), path, bodyMode, latency,
                   faulted = fault.has_value()](DemoReply reply) mutable {
        if (recordIt && m_recorder)
            m_recorder->record(std::move(recorded), path, reply, faulted);
        if (latency > 0) {
            QTimer::singleShot(latency, this, [this, guarded, reply, bodyMode] {
                send(guarded, reply, bodyMode);
            });
        } else {
            send(guarded, std::move(reply), bodyMode);
        }
    };
    if (reply.pending) {
        // Answered later (a remote site waits for its central site); the server stays free.
        QPointer<DemoHttpServer> self(this);
        const std::shared_ptr<DemoPendingReply> pending = reply.pending;
        pending->onReady([self, finish = std::move(finish)](DemoReply later) mutable {
            if (self)
                finish(std::move(later));
        });
    } else {
        finish(std::move(reply));
    }
    return true;
}

void DemoHttpServer::missingHandler(const QHttpServerRequest &, QTcpSocket *socket)
{
    send(socket, DemoReply::raw("Not Found", "text/plain", 404), Normal);
}

void DemoHttpServer::send(QPointer<QTcpSocket> socket, DemoReply reply, int bodyMode)
{
    if (!socket || socket->state() != QAbstractSocket::ConnectedState)
        return;
    if (bodyMode == Malformed)
        reply.body = R"({"site": "demo", "versions": {"checkmk": )";
    QByteArray head = "HTTP/1.1 " + QByteArray::number(reply.status) + ' '
        + DemoReply::reasonPhrase(reply.status) + "\r\n";
    head += "X-Checkmk-Edition: cee\r\nX-Checkmk-Version: 2.4.0p17\r\n";
    if (!reply.contentType.isEmpty() && reply.status != 204)
        head += "Content-Type: " + reply.contentType + "\r\n";
    for (const auto &[name, value] : std::as_const(reply.headers))
        head += name + ": " + value + "\r\n";
    if (bodyMode == Close) {
        // Status line and part of the headers, then the connection goes away.
        socket->write(head);
        socket->flush();
        socket->abort();
        return;
    }
    head += "Content-Length: " + QByteArray::number(reply.body.size()) + "\r\n\r\n";
    socket->write(head);
    if (bodyMode == Truncated) {
        socket->write(reply.body.left(reply.body.size() / 2));
        socket->flush();
        socket->disconnectFromHost();
        return;
    }
    socket->write(reply.body);
}
