#pragma once

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPair>
#include <QSslCertificate>
#include <QSslKey>

#include <functional>

class QTcpServer;
class QTcpSocket;
class QTimer;

// A raw HTTP/1.1 server (plain or TLS) that misbehaves on purpose, scripted per test: redirects
// to other origins, a body that trickles in one byte at a time, a body that never ends, a
// Content-Length it never keeps, a connection closed without an answer, texts full of escape
// sequences. It records every request it received, so that a test can prove what reached it
// (and a second instance on another loopback address can prove that nothing did).
class HostileServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HostileServer)

public:
    struct Request
    {
        QByteArray method;
        QByteArray target; // as on the request line: "/demo/check_mk/register_agent.py"
        QList<QPair<QByteArray, QByteArray>> headers; // names in lower case
        QByteArray body;
        // The protocol agreed by ALPN on a TLS connection ("h2", "http/1.1"); empty when the
        // client offered none.
        QByteArray alpn;

        QByteArray header(const QByteArray &name) const;
    };

    struct Reply
    {
        enum class Mode {
            Complete, // status, headers and the whole body, then close
            CloseWithoutAnswer, // read the request, close the connection, answer nothing
            Trickle, // headers at once, then the body one byte per interval
            EndlessBody, // headers without a length, then data until the client gives up
            Silent, // read the request and never answer
        };
        Mode mode = Mode::Complete;
        int status = 200;
        QByteArray contentType = QByteArrayLiteral("application/json");
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;
        qint64 announcedLength = -1; // Content-Length sent; -1: the body's real size
        int intervalMs = 500; // Trickle

        static Reply json(const QByteArray &body, int status = 200);
        static Reply text(const QByteArray &body, int status, const QByteArray &type = "text/html");
        static Reply redirect(int status, const QByteArray &location);
        static Reply of(Mode mode);
    };
    using Script = std::function<Reply(const Request &)>;

    explicit HostileServer(QObject *parent = nullptr);
    ~HostileServer() override;

    // Plain HTTP on address (127.0.0.1 by default); false if it cannot listen.
    bool listen(const QHostAddress &address = QHostAddress::LocalHost);
    // TLS with the given certificate and key. alpn: the protocols offered in the handshake, in
    // the server's order of preference; {"h2", "http/1.1"} makes a client that allows HTTP/2
    // speak it (this server then records its connection preface as a "PRI" request).
    bool listenTls(const QSslCertificate &certificate, const QSslKey &key,
                   const QHostAddress &address = QHostAddress::LocalHost,
                   const QList<QByteArray> &alpn = {});
    void setScript(Script script) { m_script = std::move(script); }

    quint16 port() const;
    QString server() const; // "127.0.0.1:PORT", as a connection's server field
    // "http://127.0.0.1:PORT" or "https://…", without a trailing slash.
    QByteArray origin() const;

    const QList<Request> &requests() const { return m_requests; }
    int connectionCount() const { return m_connections; }
    qint64 bytesSent() const { return m_bytesSent; }
    // Connections currently open (a client that gave up has closed its side).
    int openConnections() const { return int(m_buffers.size()); }

private:
    void accept(QTcpSocket *socket);
    void onReadyRead(QTcpSocket *socket);
    void answer(QTcpSocket *socket, const Reply &reply);
    void write(QTcpSocket *socket, const QByteArray &bytes);
    void feedEndless(QTcpSocket *socket);

    QTcpServer *m_server = nullptr;
    bool m_tls = false;
    Script m_script;
    QList<Request> m_requests;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    int m_connections = 0;
    qint64 m_bytesSent = 0;
};
