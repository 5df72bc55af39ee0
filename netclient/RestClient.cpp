#include "RestClient.h"

#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QSslCertificate>
#include <QSslError>

#include "AgentDeskVersion.h"
#include "CertificateDetailsReader.h"
#include "RestReply.h"

using namespace Qt::StringLiterals;

RestClient::RestClient(const SiteConnection &connection, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_manager(new QNetworkAccessManager(this))
{
    // Redirects are ours to follow: Authorization must never reach another origin.
    m_manager->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    rebuildSslConfiguration();
}

RestClient::~RestClient()
{
    // The owners of these replies may be half destroyed already: a reply cancelled now reports
    // to nobody.
    const QList<RestReply *> replies = m_inFlight;
    for (RestReply *reply : replies) {
        reply->disconnect();
        reply->cancel();
    }
}

void RestClient::setConnection(const SiteConnection &connection)
{
    cancelAll();
    if (connection.server != m_connection.server || connection.site != m_connection.site
        || connection.protocol != m_connection.protocol) {
        m_etags.clear();
    }
    m_connection = connection;
    rebuildSslConfiguration();
    // Forget TLS sessions and connections that were made under the old policy.
    m_manager->clearConnectionCache();
    m_manager->clearAccessCache();
}

void RestClient::setSecret(SecureBuffer secret)
{
    m_secret = std::move(secret);
}

void RestClient::setNetworkAccessManager(QNetworkAccessManager *manager)
{
    if (m_ownsManager)
        delete m_manager;
    m_manager = manager;
    m_ownsManager = false;
    m_manager->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

void RestClient::rebuildSslConfiguration()
{
    m_ssl = QSslConfiguration::defaultConfiguration();
    QList<QSslCertificate> cas = m_ssl.caCertificates();
    for (const QString &pem : std::as_const(m_connection.trustedCertificatesPem))
        cas += QSslCertificate::fromData(pem.toLatin1(), QSsl::Pem);
    m_ssl.setCaCertificates(cas);
}

QUrl RestClient::urlFor(const RestRequest &request) const
{
    QString base;
    switch (request.base) {
    case RestRequest::Base::Api:
        base = m_connection.apiBaseUrl().toString();
        break;
    case RestRequest::Base::InternalApi:
        base = m_connection.checkmkUrl().toString() + u"api/internal"_s;
        break;
    case RestRequest::Base::Checkmk:
        base = m_connection.checkmkUrl().toString();
        break;
    case RestRequest::Base::Site:
        base = m_connection.checkmkUrl().resolved(QUrl(u".."_s)).toString();
        break;
    }
    QString path = request.path;
    if (base.endsWith(u'/') && path.startsWith(u'/'))
        path.remove(0, 1);
    else if (!base.endsWith(u'/') && !path.startsWith(u'/'))
        path.prepend(u'/');
    QUrl url(base + path);
    if (!request.query.isEmpty())
        url.setQuery(request.query);
    return url;
}

RestReply *RestClient::send(RestRequest request)
{
    if (request.timeoutMs <= 0)
        request.timeoutMs = m_connection.timeoutMs;
    if (request.deadlineMs <= 0)
        request.deadlineMs = m_deadlineMs;
    if (request.method != RestRequest::Method::Get && request.method != RestRequest::Method::Post
        && request.ifMatch.isEmpty()) {
        request.ifMatch = m_etags.value(request.path);
    }
    const QUrl url = urlFor(request);
    auto *reply = new RestReply(this, std::move(request), url);
    m_inFlight << reply;
    reply->start();
    return reply;
}

void RestClient::cancelAll()
{
    const QList<RestReply *> replies = m_inFlight;
    for (RestReply *reply : replies)
        reply->cancel();
}

void RestClient::replyDone(RestReply *reply)
{
    m_inFlight.removeOne(reply);
}

QNetworkRequest RestClient::makeRequest(const RestRequest &request, const QUrl &url,
                                        bool withAuthorization) const
{
    QNetworkRequest r(url);
    r.setSslConfiguration(m_ssl);
    r.setTransferTimeout(request.timeoutMs);
    r.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    r.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    r.setRawHeader("Accept", request.accept);
    r.setHeader(QNetworkRequest::UserAgentHeader, QStringLiteral("AgentDesk/" AGENTDESK_VERSION));
    if (withAuthorization && request.authenticate && !m_secret.isEmpty()) {
        QByteArray value = "Bearer " + m_connection.user.toUtf8() + ' ' + m_secret.bytes();
        r.setRawHeader("Authorization", value);
        SecureBuffer::wipe(value);
    }
    if (request.json || (request.secretFormBody && request.secretBodyIsJson))
        r.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    else if (!request.formBody.isEmpty() || request.secretFormBody)
        r.setHeader(QNetworkRequest::ContentTypeHeader, u"application/x-www-form-urlencoded"_s);
    if (!request.ifMatch.isEmpty())
        r.setRawHeader("If-Match", request.ifMatch);
    return r;
}

void RestClient::rememberEtag(const QString &path, const QByteArray &etag)
{
    if (!etag.isEmpty())
        m_etags.insert(path, etag);
}

bool RestClient::acceptsPeer(const QList<QSslError> &errors, const QSslCertificate &leaf) const
{
    if (m_connection.insecure)
        return true;
    if (leaf.isNull() || errors.isEmpty())
        return false;
    return m_connection.pinnedSha256.contains(CertificateDetailsReader::sha256Hex(leaf),
                                              Qt::CaseInsensitive);
}
