#include "HostileServer.h"

#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include "TlsListener.h"

namespace {

// The body of an endless reply is sent in pieces of this size, a new one each time the socket
// has written out the last; the client's cap, not this server, ends it.
constexpr qint64 endlessChunk = 64 * 1024;
// A client that keeps reading past this has no cap at all; stop so that the test ends.
constexpr qint64 endlessLimit = qint64(3) << 30;

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 204:
        return "No Content";
    case 301:
        return "Moved Permanently";
    case 302:
        return "Found";
    case 303:
        return "See Other";
    case 307:
        return "Temporary Redirect";
    case 308:
        return "Permanent Redirect";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    default:
        return "Status";
    }
}

} // namespace

QByteArray HostileServer::Request::header(const QByteArray &name) const
{
    const QByteArray lower = name.toLower();
    for (const auto &h : headers) {
        if (h.first == lower)
            return h.second;
    }
    return {};
}

HostileServer::Reply HostileServer::Reply::json(const QByteArray &body, int status)
{
    Reply r;
    r.status = status;
    r.body = body;
    return r;
}

HostileServer::Reply HostileServer::Reply::text(const QByteArray &body, int status,
                                                const QByteArray &type)
{
    Reply r;
    r.status = status;
    r.body = body;
    r.contentType = type;
    return r;
}

HostileServer::Reply HostileServer::Reply::redirect(int status, const QByteArray &location)
{
    Reply r;
    r.status = status;
    r.contentType = "text/html";
    r.headers.append({ "Location", location });
    return r;
}

HostileServer::Reply HostileServer::Reply::of(Mode mode)
{
    Reply r;
    r.mode = mode;
    return r;
}

HostileServer::HostileServer(QObject *parent)
    : QObject(parent)
{ }

HostileServer::~HostileServer()
{
    const QList<QTcpSocket *> sockets = m_buffers.keys();
    for (QTcpSocket *socket : sockets) {
        socket->disconnect(this);
        socket->abort();
    }
}

bool HostileServer::listen(const QHostAddress &address)
{
    m_tls = false;
    m_server = new QTcpServer(this);
    connect(m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_server->nextPendingConnection())
            accept(socket);
    });
    return m_server->listen(address, 0);
}

bool HostileServer::listenTls(const QSslCertificate &certificate, const QSslKey &key,
                              const QHostAddress &address, const QList<QByteArray> &alpn)
{
    m_tls = true;
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setLocalCertificate(certificate);
    ssl.setPrivateKey(key);
    ssl.setPeerVerifyMode(QSslSocket::VerifyNone);
    if (!alpn.isEmpty())
        ssl.setAllowedNextProtocols(alpn);
    m_server = new TlsListener(ssl, this);
    connect(m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_server->nextPendingConnection())
            accept(socket);
    });
    return m_server->listen(address, 0);
}

quint16 HostileServer::port() const
{
    return m_server ? m_server->serverPort() : 0;
}

QString HostileServer::server() const
{
    return m_server->serverAddress().toString() + u':' + QString::number(port());
}

QByteArray HostileServer::origin() const
{
    return (m_tls ? "https://" : "http://") + server().toLatin1();
}

void HostileServer::accept(QTcpSocket *socket)
{
    ++m_connections;
    m_buffers.insert(socket, {});
    connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
    connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
        m_buffers.remove(socket);
        socket->deleteLater();
    });
    if (socket->bytesAvailable() > 0)
        onReadyRead(socket);
}

void HostileServer::onReadyRead(QTcpSocket *socket)
{
    auto it = m_buffers.find(socket);
    if (it == m_buffers.end())
        return;
    QByteArray &buffer = *it;
    buffer += socket->readAll();
    const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return;
    Request request;
    const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    request.method = requestLine.value(0);
    request.target = requestLine.value(1);
    qint64 length = 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = lines[i].left(colon).trimmed().toLower();
        const QByteArray value = lines[i].mid(colon + 1).trimmed();
        request.headers.append({ name, value });
        if (name == "content-length")
            length = value.toLongLong();
    }
    if (buffer.size() < headerEnd + 4 + length)
        return; // the body is still on its way
    request.body = buffer.mid(headerEnd + 4, length);
    if (const auto *tls = qobject_cast<QSslSocket *>(socket))
        request.alpn = tls->sslConfiguration().nextNegotiatedProtocol();
    buffer.remove(0, headerEnd + 4 + length);
    m_requests.append(request);
    answer(socket, m_script ? m_script(request) : Reply::json("{}"));
}

void HostileServer::write(QTcpSocket *socket, const QByteArray &bytes)
{
    m_bytesSent += socket->write(bytes);
}

void HostileServer::answer(QTcpSocket *socket, const Reply &reply)
{
    if (reply.mode == Reply::Mode::CloseWithoutAnswer) {
        socket->disconnectFromHost();
        return;
    }
    if (reply.mode == Reply::Mode::Silent)
        return;
    QByteArray head = "HTTP/1.1 " + QByteArray::number(reply.status) + ' '
        + reasonPhrase(reply.status) + "\r\nConnection: close\r\n";
    if (!reply.contentType.isEmpty())
        head += "Content-Type: " + reply.contentType + "\r\n";
    for (const auto &h : reply.headers)
        head += h.first + ": " + h.second + "\r\n";
    if (reply.mode != Reply::Mode::EndlessBody)
        head += "Content-Length: "
            + QByteArray::number(reply.announcedLength >= 0 ? reply.announcedLength
                                                            : reply.body.size())
            + "\r\n";
    head += "\r\n";

    switch (reply.mode) {
    case Reply::Mode::Complete:
        write(socket, head + reply.body);
        if (reply.announcedLength < 0 || reply.announcedLength <= reply.body.size())
            socket->disconnectFromHost(); // else: keep the promise open, never kept
        return;
    case Reply::Mode::Trickle: {
        write(socket, head);
        auto *timer = new QTimer(socket);
        auto position = std::make_shared<qsizetype>(0);
        const QByteArray body = reply.body;
        connect(timer, &QTimer::timeout, socket, [this, socket, timer, position, body] {
            if (*position >= body.size()) {
                timer->stop();
                socket->disconnectFromHost();
                return;
            }
            write(socket, body.mid((*position)++, 1));
        });
        timer->start(reply.intervalMs);
        return;
    }
    case Reply::Mode::EndlessBody:
        write(socket, head);
        connect(socket, &QTcpSocket::bytesWritten, this, [this, socket] { feedEndless(socket); });
        feedEndless(socket);
        return;
    case Reply::Mode::CloseWithoutAnswer:
    case Reply::Mode::Silent:
        return;
    }
}

void HostileServer::feedEndless(QTcpSocket *socket)
{
    if (socket->state() != QAbstractSocket::ConnectedState || m_bytesSent > endlessLimit)
        return;
    if (socket->bytesToWrite() < endlessChunk)
        write(socket, QByteArray(endlessChunk, 'x'));
}
