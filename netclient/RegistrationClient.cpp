#include "RegistrationClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkCookieJar>
#include <QUrl>

#include "HostSecret.h"
#include "RestClient.h"
#include "RestReply.h"

using namespace Qt::StringLiterals;

namespace {

QByteArray formField(const char *name, const QByteArray &value)
{
    return QByteArray(name) + '=' + QUrl::toPercentEncoding(QString::fromUtf8(value));
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
    login.formBody = "_login=1&" + formField("_username", request.user.toUtf8()) + '&'
        + formField("_password", credential.bytes()) + "&_origtarget=index.py";
    RestReply *reply = m_client->send(login);
    SecureBuffer::wipe(login.formBody);
    credential.clear();
    connect(reply, &RestReply::finished, this, [this, request](const RestResult &r) {
        RegistrationOutcome outcome;
        outcome.hostName = request.hostName;
        const QList<QNetworkCookie> cookies
            = m_client->networkAccessManager()->cookieJar()->cookiesForUrl(
                m_client->connection().checkmkUrl());
        const bool session
            = std::any_of(cookies.cbegin(), cookies.cend(),
                          [](const QNetworkCookie &c) { return c.name().startsWith("auth_"); });
        if (r.error.kind == ApiError::Kind::Tls) {
            outcome.failure = RegistrationOutcome::Failure::Tls;
            outcome.error = r.error;
        } else if (!session && (r.ok() || r.error.kind == ApiError::Kind::Http)) {
            outcome.failure = RegistrationOutcome::Failure::Authentication;
            outcome.error
                = failure(r.error, tr("Wrong user or password"),
                          tr("The site did not accept the login of “%1”.").arg(request.user));
            outcome.error.kind = ApiError::Kind::Http;
        } else if (!r.ok() && !session) {
            outcome.failure = RegistrationOutcome::Failure::Network;
            outcome.error = r.error;
        } else {
            sendRegistration(request, SecureBuffer());
            return;
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
    r.formBody = formField("host", request.hostName.toUtf8()) + "&au_api=2";
    if (request.login == RegistrationRequest::Login::AutomationSecret)
        r.formBody += '&' + formField("_username", request.user.toUtf8()) + '&'
            + formField("_secret", credential.bytes());
    RestReply *reply = m_client->send(r);
    SecureBuffer::wipe(r.formBody);
    const QString host = request.hostName;
    connect(reply, &RestReply::finished, this,
            [this, host](const RestResult &result) { complete(readReply(result, host)); });
}

RegistrationOutcome RegistrationClient::readReply(const RestResult &r, const QString &hostName)
{
    RegistrationOutcome outcome;
    outcome.hostName = hostName;
    if (r.error.kind == ApiError::Kind::Tls) {
        outcome.failure = RegistrationOutcome::Failure::Tls;
        outcome.error = r.error;
        return outcome;
    }
    if (r.error.isError() && r.error.kind != ApiError::Kind::Http) {
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
                                        .arg(QString::fromLatin1(r.contentType)));
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
        outcome.error.detail = o.value(u"result"_s).isString()
            ? o.value(u"result"_s).toString()
            : tr("result_code %1 without a reason").arg(code);
        return outcome;
    }
    const QJsonObject result = o.value(u"result"_s).toObject();
    QByteArray secret = result.value(u"host_secret"_s).toString().toUtf8();
    // The updater's alphabet only: anything else would be stored garbled (the state file holds
    // it as Latin-1) or not be what the site will accept from the updater later.
    if (const QString invalid = HostSecret::validationError(secret); !invalid.isEmpty()) {
        outcome.failure = RegistrationOutcome::Failure::Refused;
        outcome.error.kind = ApiError::Kind::MalformedReply;
        outcome.error.title = tr("The site sent an unusable host secret");
        outcome.error.detail = invalid;
        SecureBuffer::wipe(secret);
        return outcome;
    }
    outcome.hostSecret = SecureBuffer(std::move(secret));
    outcome.monitored = result.value(u"monitored"_s).toBool(true);
    outcome.updateUrl = result.value(u"update_url"_s).toString();
    const QJsonArray certificates = result.value(u"certificates"_s).toArray();
    for (const QJsonValue &c : certificates) {
        if (c.isString())
            outcome.certificatesPem << c.toString();
    }
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
