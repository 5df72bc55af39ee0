#include "RegistrationClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkCookieJar>
#include <QUrl>

#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <vector>

#include "CertificateDetailsReader.h"
#include "DisplayText.h"
#include "RestClient.h"
#include "RestReply.h"

using namespace Qt::StringLiterals;

namespace {

// Appends "name=value" percent-encoded to a body that holds a secret. The caller reserved
// enough room: no reallocation leaves a copy of the secret behind in freed memory.
void appendField(QByteArray &body, const char *name, const QByteArray &value)
{
    static const char hex[] = "0123456789ABCDEF";
    if (!body.isEmpty())
        body += '&';
    body += name;
    body += '=';
    for (const char ch : value) {
        const auto c = static_cast<unsigned char>(ch);
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
            || c == '.' || c == '_' || c == '~') {
            body += char(c);
        } else {
            body += '%';
            body += hex[c >> 4];
            body += hex[c & 15];
        }
    }
}

// A form body with room for every field percent-encoded, as one SecureBuffer.
std::shared_ptr<const SecureBuffer>
secretForm(std::initializer_list<std::pair<const char *, const QByteArray *>> fields)
{
    qsizetype room = 0;
    for (const auto &f : fields)
        room += qsizetype(std::strlen(f.first)) + 2 + 3 * f.second->size();
    QByteArray body;
    body.reserve(room);
    for (const auto &f : fields)
        appendField(body, f.first, *f.second);
    return std::make_shared<const SecureBuffer>(std::move(body));
}

// The texts a Checkmk site answers with, instead of JSON, when the login did not work: the
// automation login's MKAuthException, and the login page (after a wrong password, or after a
// redirect to login.py because the session is missing).
bool looksLikeLoginFailure(const RestResult &r)
{
    if (r.status == 401 || r.status == 403)
        return true;
    const QByteArray body = r.body.left(64 * 1024).toLower();
    return body.contains("invalid automation secret") || body.contains("invalid credentials")
        || body.contains("incorrect username or password") || body.contains("name=\"_login\"")
        || body.contains("<title>checkmk login") || body.contains("<title>login");
}

ApiError failure(ApiError base, const QString &title, const QString &detail)
{
    base.title = title;
    base.detail = detail;
    return base;
}

} // namespace

RegistrationClient::RegistrationClient(QObject *parent)
    : QObject(parent)
{ }

RegistrationClient::~RegistrationClient()
{
    m_done = nullptr;
    delete m_client;
}

void RegistrationClient::cancel()
{
    m_done = nullptr;
    if (m_client)
        m_client->cancelAll();
}

void RegistrationClient::registerHost(const RegistrationRequest &request, SecureBuffer credential,
                                      Callback done)
{
    cancel();
    m_done = std::move(done);
    delete m_client;
    // A fresh client (and cookie jar) per registration: no session outlives it.
    m_client = new RestClient(request.toConnection(), this);
    m_client->setDeadlineMs(m_deadlineMs);

    if (request.login == RegistrationRequest::Login::AutomationSecret) {
        sendRegistration(request, credential);
        return;
    }
    RestRequest login;
    login.method = RestRequest::Method::Post;
    login.base = RestRequest::Base::Checkmk;
    login.path = u"login.py"_s;
    login.authenticate = false;
    login.accept = "text/html, */*;q=0.5"_ba;
    login.maxRetries = 0;
    // A good login is a 302 with the session cookie: the answer itself, never a place to go.
    login.redirects = RestRequest::Redirects::None;
    login.maxReplyBytes = RestRequest::smallReplyBytes;
    const QByteArray one = "1"_ba;
    const QByteArray user = request.user.toUtf8();
    const QByteArray target = "index.py"_ba;
    login.secretFormBody = secretForm({ { "_login", &one },
                                        { "_username", &user },
                                        { "_password", &credential.bytes() },
                                        { "_origtarget", &target } });
    credential.clear();
    RestReply *reply = m_client->send(std::move(login));
    connect(reply, &RestReply::finished, this, [this, request](const RestResult &r) {
        RegistrationOutcome outcome;
        outcome.hostName = request.hostName;
        const QList<QNetworkCookie> cookies
            = m_client->networkAccessManager()->cookieJar()->cookiesForUrl(
                m_client->connection().checkmkUrl());
        const bool session
            = std::any_of(cookies.cbegin(), cookies.cend(),
                          [](const QNetworkCookie &c) { return c.name().startsWith("auth_"); });
        const bool redirected = !r.redirectTarget.isEmpty();
        if (r.error.kind == ApiError::Kind::Tls) {
            outcome.failure = RegistrationOutcome::Failure::Tls;
            outcome.error = r.error;
        } else if (session && (r.ok() || redirected)) {
            sendRegistration(request, SecureBuffer());
            return;
        } else if (redirected) {
            // No session, but a pointer elsewhere: say where, and go nowhere.
            outcome.failure = RegistrationOutcome::Failure::Network;
            outcome.error = r.error;
        } else if (r.ok() || r.error.kind == ApiError::Kind::Http) {
            outcome.failure = RegistrationOutcome::Failure::Authentication;
            outcome.error
                = failure(r.error, tr("Wrong user or password"),
                          tr("The site did not accept the login of “%1”.").arg(request.user));
            outcome.error.kind = ApiError::Kind::Http;
        } else {
            outcome.failure = RegistrationOutcome::Failure::Network;
            outcome.error = r.error;
        }
        complete(std::move(outcome));
    });
}

void RegistrationClient::sendRegistration(const RegistrationRequest &request,
                                          const SecureBuffer &credential)
{
    RestRequest r;
    r.method = RestRequest::Method::Post;
    r.base = RestRequest::Base::Checkmk;
    r.path = u"register_agent.py"_s;
    r.authenticate = false;
    // Not "application/json" only: a failed login answers with HTML, which we must read.
    r.accept = "*/*"_ba;
    r.maxRetries = 0;
    // The secret goes to this address and no other: a redirect is reported, not followed.
    r.redirects = RestRequest::Redirects::None;
    r.maxReplyBytes = RestRequest::smallReplyBytes;
    const QByteArray host = request.hostName.toUtf8();
    const QByteArray api = "2"_ba;
    const QByteArray user = request.user.toUtf8();
    if (request.login == RegistrationRequest::Login::AutomationSecret)
        r.secretFormBody = secretForm({ { "host", &host },
                                        { "au_api", &api },
                                        { "_username", &user },
                                        { "_secret", &credential.bytes() } });
    else
        r.secretFormBody = secretForm({ { "host", &host }, { "au_api", &api } });
    RestReply *reply = m_client->send(std::move(r));
    const QString hostName = request.hostName;
    const bool verified = request.protocol == SiteConnection::Protocol::Https
        && request.trust != RegistrationRequest::Trust::Insecure;
    connect(reply, &RestReply::finished, this,
            [this, hostName, verified](const RestResult &result) {
                complete(readReply(result, hostName, verified));
            });
}

RegistrationOutcome RegistrationClient::readReply(const RestResult &r, const QString &hostName,
                                                  bool verifiedConnection)
{
    RegistrationOutcome outcome;
    outcome.hostName = hostName;
    if (r.error.kind == ApiError::Kind::Tls) {
        outcome.failure = RegistrationOutcome::Failure::Tls;
        outcome.error = r.error;
        return outcome;
    }
    if ((r.error.isError() && r.error.kind != ApiError::Kind::Http)
        || !r.redirectTarget.isEmpty()) {
        outcome.failure = RegistrationOutcome::Failure::Network;
        outcome.error = r.error;
        return outcome;
    }
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(r.body, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject()) {
        if (looksLikeLoginFailure(r)) {
            outcome.failure = RegistrationOutcome::Failure::Authentication;
            outcome.error = failure(r.error, tr("Wrong user or secret"),
                                    tr("The site did not accept the credentials."));
        } else {
            outcome.failure = RegistrationOutcome::Failure::Network;
            outcome.error = failure(r.error, tr("The site's answer is not the updater's protocol"),
                                    tr("HTTP %1, %2 bytes of %3.")
                                        .arg(r.status)
                                        .arg(r.body.size())
                                        .arg(DisplayText::sanitized(r.contentType, 100)));
        }
        if (!outcome.error.isError())
            outcome.error.kind = ApiError::Kind::MalformedReply;
        outcome.error.status = r.status;
        return outcome;
    }
    const QJsonObject o = doc.object();
    const int code = o.value(u"result_code"_s).toInt(-1);
    if (code != 0) {
        outcome.failure = RegistrationOutcome::Failure::Refused;
        outcome.error.kind = ApiError::Kind::Http;
        outcome.error.status = r.status;
        outcome.error.url = r.error.url;
        outcome.error.title = tr("The site refused the registration");
        // The site's own words, escaped and capped: they reach terminals and labels.
        outcome.error.detail = o.value(u"result"_s).isString()
            ? DisplayText::sanitized(o.value(u"result"_s).toString(), maxRefusalLength)
            : tr("result_code %1 without a reason").arg(code);
        return outcome;
    }
    const QJsonObject result = o.value(u"result"_s).toObject();
    QByteArray secret = result.value(u"host_secret"_s).toString().toUtf8();
    if (secret.size() != hostSecretLength) {
        outcome.failure = RegistrationOutcome::Failure::Refused;
        outcome.error.kind = ApiError::Kind::MalformedReply;
        outcome.error.title = tr("The site sent an unusable host secret");
        outcome.error.detail = tr("A host secret has %1 characters; this one has %2.")
                                   .arg(hostSecretLength)
                                   .arg(secret.size());
        SecureBuffer::wipe(secret);
        return outcome;
    }
    outcome.hostSecret = SecureBuffer(std::move(secret));
    outcome.monitored = result.value(u"monitored"_s).toBool(true);
    outcome.updateUrl = result.value(u"update_url"_s).toString();
    QStringList sent;
    const QJsonArray certificates = result.value(u"certificates"_s).toArray();
    for (const QJsonValue &c : certificates) {
        if (c.isString())
            sent << c.toString();
        else
            outcome.rejectedCertificates << tr("an entry that is not a PEM text");
    }
    outcome.certificatesPem
        = checkCertificates(sent, r.peerChain, verifiedConnection, &outcome.rejectedCertificates);
    return outcome;
}

void RegistrationClient::complete(RegistrationOutcome &&outcome)
{
    Callback done = std::move(m_done);
    m_done = nullptr;
    if (done)
        done(std::move(outcome));
}

QVariantMap RegistrationClient::stateValues(const RegistrationRequest &request,
                                            const RegistrationOutcome &outcome,
                                            const QVariantMap &currentState)
{
    QStringList certificates = currentState.value(u"local_certificates"_s).toStringList();
    const QStringList added = (request.trust == RegistrationRequest::Trust::TrustCertificate
                                   ? request.trustedCertificatesPem
                                   : QStringList())
        + outcome.certificatesPem;
    for (const QString &pem : added) {
        if (!certificates.contains(pem))
            certificates << pem;
    }
    QVariantMap values {
        { u"host_name"_s, outcome.hostName },
        { u"host_secret"_s, QString::fromLatin1(outcome.hostSecret.bytes()) },
        { u"user"_s, request.user },
        { u"server"_s, request.server },
        { u"site"_s, request.site },
        { u"protocol"_s,
          request.protocol == SiteConnection::Protocol::Https ? u"https"_s : u"http"_s },
        { u"local_certificates"_s, QVariant(certificates).toList() },
    };
    if (!outcome.updateUrl.isEmpty())
        values.insert(u"update_url"_s, outcome.updateUrl);
    return values;
}

namespace {

struct X509Deleter
{
    void operator()(X509 *x) const { X509_free(x); }
};
using X509Ptr = std::unique_ptr<X509, X509Deleter>;

X509Ptr toX509(const QSslCertificate &certificate)
{
    const QByteArray der = certificate.toDer();
    const auto *p = reinterpret_cast<const unsigned char *>(der.constData());
    return X509Ptr(d2i_X509(nullptr, &p, long(der.size())));
}

// Whether ca (a CA certificate) issued child: names and key identifiers match, and child's
// signature verifies with ca's key.
bool issued(X509 *ca, X509 *child)
{
    if (X509_check_issued(ca, child) != X509_V_OK)
        return false;
    EVP_PKEY *key = X509_get0_pubkey(ca);
    return key && X509_verify(child, key) == 1;
}

} // namespace

QStringList RegistrationClient::checkCertificates(const QStringList &pems,
                                                  const QList<QSslCertificate> &presented,
                                                  bool verifiedConnection, QStringList *rejected)
{
    QStringList kept;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QStringList presentedSha;
    std::vector<X509Ptr> presentedX509;
    for (const QSslCertificate &c : presented) {
        presentedSha << CertificateDetailsReader::sha256Hex(c);
        if (X509Ptr x = toX509(c))
            presentedX509.push_back(std::move(x));
    }
    const auto reject = [&](const QString &subject, const QString &reason) {
        if (rejected)
            *rejected << (subject.isEmpty() ? reason : subject + u": "_s + reason);
    };
    for (const QString &pem : pems) {
        // A PEM text may hold several certificates, or none: each is judged on its own.
        const QList<QSslCertificate> certificates
            = QSslCertificate::fromData(pem.toLatin1(), QSsl::Pem);
        if (certificates.isEmpty() || pem.size() > 64 * 1024) {
            reject({}, tr("not a certificate; dropped"));
            continue;
        }
        for (const QSslCertificate &certificate : certificates) {
            const CertificateDetails details = CertificateDetailsReader::read(certificate);
            const QString subject = DisplayText::sanitized(details.subject, 200);
            X509Ptr x = toX509(certificate);
            if (certificate.isNull() || !x) {
                reject({}, tr("not a certificate; dropped"));
                continue;
            }
            if (!verifiedConnection) {
                reject(subject,
                       tr("sent over a connection that was not verified, so nothing shows it "
                          "came from the site; not kept"));
                continue;
            }
            if (!details.isValidAt(now)) {
                reject(subject,
                       tr("not valid now (%1 to %2); not kept")
                           .arg(details.notBefore.toString(Qt::ISODate),
                                details.notAfter.toString(Qt::ISODate)));
                continue;
            }
            if (presentedSha.contains(details.sha256)) {
                kept << QString::fromLatin1(certificate.toPem()); // the site's own certificate
                continue;
            }
            const bool isCa = X509_check_ca(x.get()) >= 1;
            const bool issuedPresented = isCa
                && std::any_of(presentedX509.begin(), presentedX509.end(),
                               [&](const X509Ptr &p) { return issued(x.get(), p.get()); });
            if (issuedPresented) {
                kept << QString::fromLatin1(certificate.toPem()); // the CA of the site's chain
                continue;
            }
            reject(subject,
                   isCa ? tr("a CA that issued none of the certificates the server presented; "
                             "not kept")
                        : tr("neither the server's certificate nor a CA certificate; not kept"));
        }
    }
    kept.removeDuplicates();
    return kept;
}

QStringList RegistrationClient::trustWarnings(const QString &pem, const QString &server)
{
    QStringList warnings;
    const QSslCertificate certificate(pem.toLatin1(), QSsl::Pem);
    X509Ptr x = toX509(certificate);
    if (certificate.isNull() || !x)
        return { tr("the server's certificate cannot be read") };
    const CertificateDetails details = CertificateDetailsReader::read(certificate);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (details.notAfter < now)
        warnings << tr("the certificate expired on %1").arg(details.notAfter.toString(Qt::ISODate));
    else if (details.notBefore > now)
        warnings << tr("the certificate is not valid before %1")
                        .arg(details.notBefore.toString(Qt::ISODate));
    // The host the user asked for, without a port; an address is matched as an address.
    const QString host = QUrl(u"https://"_s + server).host();
    const QByteArray hostBytes = host.toUtf8();
    const bool matches = X509_check_ip_asc(x.get(), hostBytes.constData(), 0) == 1
        || X509_check_host(x.get(), hostBytes.constData(), size_t(hostBytes.size()), 0, nullptr)
            == 1;
    if (!matches)
        warnings << tr("the certificate does not name %1 (it is for %2)")
                        .arg(DisplayText::sanitized(host, 200),
                             DisplayText::sanitized(details.subject, 200));
    return warnings;
}
