#include "TlsProbe.h"

#include <QSslConfiguration>
#include <QSslSocket>
#include <QTimer>
#include <QUrl>

#include "CertificateDetailsReader.h"

using namespace Qt::StringLiterals;

TlsProbe::TlsProbe(QObject *parent)
    : QObject(parent)
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, [this] {
        TlsCheckResult r = m_result;
        r.failure = tr("The server did not complete the TLS handshake in time.");
        finish(r);
    });
}

TlsProbe::~TlsProbe()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        delete m_socket;
    }
}

void TlsProbe::start(const SiteConnection &connection, int timeoutMs)
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
    }
    m_result = {};
    m_running = true;
    if (connection.protocol == SiteConnection::Protocol::Http) {
        TlsCheckResult r;
        r.plainHttp = true;
        // Queued, so that callers always see the signal after start() returns.
        QMetaObject::invokeMethod(
            this, [this, r] { finish(r); }, Qt::QueuedConnection);
        return;
    }
    const QUrl url(u"https://"_s + connection.server);
    const QString host = url.host();
    const quint16 port = quint16(url.port(443));

    auto *socket = new QSslSocket(this);
    m_socket = socket;
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    QList<QSslCertificate> cas = ssl.caCertificates();
    for (const QString &pem : connection.trustedCertificatesPem)
        cas += QSslCertificate::fromData(pem.toLatin1(), QSsl::Pem);
    ssl.setCaCertificates(cas);
    socket->setSslConfiguration(ssl);
    socket->setPeerVerifyName(host);

    connect(socket, &QSslSocket::sslErrors, this, [this, socket](const QList<QSslError> &errors) {
        for (const QSslError &e : errors)
            m_result.errors << e.errorString();
        QList<QSslCertificate> chain = socket->peerCertificateChain();
        if (chain.isEmpty() && !errors.isEmpty())
            chain << errors.first().certificate();
        m_result.chain = CertificateDetailsReader::readChain(chain);
        // Only to see the end of the handshake; nothing is sent over this connection.
        socket->ignoreSslErrors(errors);
    });
    const QStringList pinned = connection.pinnedSha256;
    connect(socket, &QSslSocket::encrypted, this, [this, socket, pinned] {
        TlsCheckResult r = m_result;
        r.reached = true;
        r.chain = CertificateDetailsReader::readChain(socket->peerCertificateChain());
        // A certificate the user pinned counts as trusted, as RestClient accepts it.
        r.verified = r.errors.isEmpty()
            || (!r.chain.isEmpty() && pinned.contains(r.chain.first().sha256, Qt::CaseInsensitive));
        if (r.verified)
            r.errors.clear();
        finish(r);
    });
    connect(socket, &QAbstractSocket::errorOccurred, this, [this, socket] {
        TlsCheckResult r = m_result;
        r.reached = !r.chain.isEmpty();
        r.failure = socket->errorString();
        finish(r);
    });
    m_timer->start(timeoutMs);
    socket->connectToHostEncrypted(host, port);
}

void TlsProbe::finish(TlsCheckResult result)
{
    if (!m_running)
        return;
    m_running = false;
    m_timer->stop();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
    }
    Q_EMIT finished(result);
}
