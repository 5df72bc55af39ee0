#include "DemoSites.h"

#include <QJsonObject>
#include <QSignalSpy>
#include <QTcpServer>
#include <QUrl>

#include "DemoConnection.h"
#include "InventoryApi.h"
#include "RegistrationClient.h"
#include "RestClient.h"
#include "RestReply.h"
#include "RestRequest.h"
#include "SecretStore.h"
#include "SecureBuffer.h"

using namespace Qt::StringLiterals;

DemoSites::DemoSites(int count)
{
    reserve(count);
}

void DemoSites::reserve(int count)
{
    while (int(m_sites.size()) < count)
        m_sites.push_back(std::make_unique<DemoSiteProcess>());
}

bool DemoSites::start(DemoSiteProcess &site, const QStringList &arguments)
{
    if (site.start(arguments))
        return true;
    m_error = site.error();
    return false;
}

bool DemoSites::startPair(const QStringList &oldArguments, const QStringList &newArguments)
{
    reserve(2);
    return start(oldSite(), oldArguments) && start(newSite(), newArguments);
}

bool DemoSites::startDistributed(const QStringList &centralArguments, int remotes,
                                 const QStringList &remoteArguments, bool startRemotes)
{
    m_remotePorts.clear();
    m_remoteArguments = remoteArguments;
    // The central names its remotes' URLs before they run: each remote gets a port that was
    // free a moment ago.
    QStringList options { u"--site"_s, u"central"_s };
    for (int i = 0; i < remotes; ++i) {
        QTcpServer probe;
        if (!probe.listen(QHostAddress::LocalHost, 0)) {
            m_error = u"no free port for a remote site"_s;
            return false;
        }
        m_remotePorts << probe.serverPort();
        options << u"--remote"_s << u"%1=%2"_s.arg(remoteName(i), remoteUrl(i));
    }
    reserve(remotes + 1);
    if (!start(central(), options + centralArguments))
        return false;
    for (int i = 0; startRemotes && i < remotes; ++i) {
        if (!startRemote(i))
            return false;
    }
    return true;
}

bool DemoSites::startRemote(int index, const QStringList &remoteArguments)
{
    if (index < 0 || index >= m_remotePorts.size()) {
        m_error = u"no remote site %1 was planned"_s.arg(index + 1);
        return false;
    }
    const QString centralUrl = central().checkmkUrl().toString().chopped(1); // no trailing '/'
    if (!start(remote(index),
               QStringList { u"--site"_s, remoteName(index), u"--port"_s,
                             QString::number(m_remotePorts.at(index)), u"--central"_s, centralUrl,
                             u"--central-user"_s, u"automation"_s, u"--central-secret-file"_s,
                             central().secretFile(), u"--central-sha256"_s,
                             QString::fromLatin1(central().sha256()) }
                   + m_remoteArguments + remoteArguments))
        return false;
    if (remote(index).checkmkUrl().port() != m_remotePorts.at(index)) {
        m_error = u"%1 listens on another port than the central names"_s.arg(remoteName(index));
        return false;
    }
    return true;
}

QString DemoSites::remoteUrl(int index) const
{
    return u"https://127.0.0.1:%1/%2/check_mk"_s.arg(m_remotePorts.value(index))
        .arg(remoteName(index));
}

SiteConnection DemoSites::connection(const DemoSiteProcess &site, const QString &name)
{
    return DemoConnection::make(site.server(), site.site(), site.sha256(), name);
}

std::unique_ptr<RestClient> DemoSites::client(const DemoSiteProcess &site)
{
    auto c = std::make_unique<RestClient>(connection(site));
    c->setSecret(SecureBuffer(site.secret()));
    return c;
}

RestResult DemoSites::send(const DemoSiteProcess &site, const RestRequest &request,
                           const QByteArray &secret)
{
    // The demo-control endpoints take the process's control token, the others the automation
    // user's secret.
    const bool control = request.path.startsWith(u"demo-control/"_s);
    RestClient c(control ? site.controlConnection() : connection(site));
    c.setSecret(SecureBuffer(control                ? site.controlToken()
                                 : secret.isEmpty() ? site.secret()
                                                    : secret));
    RestRequest r = request;
    if (control)
        r.base = RestRequest::Base::Site;
    RestReply *reply = c.send(std::move(r));
    QSignalSpy spy(reply, &RestReply::finished);
    if (!spy.wait(30000))
        return {};
    return spy.first().first().value<RestResult>();
}

QStringList DemoSites::hostNames(const DemoSiteProcess &site)
{
    auto c = client(site);
    const SiteResult<QList<Host>> list = await<QList<Host>>(
        [&](QObject *ctx, auto done) { InventoryApi(c.get()).hosts(ctx, done); });
    QStringList names;
    if (list.ok()) {
        for (const Host &h : *list.value)
            names << h.name;
    }
    names.sort();
    return names;
}

QByteArray DemoSites::registerHost(const DemoSiteProcess &site, const QString &host)
{
    RegistrationRequest request;
    request.server = site.server();
    request.site = site.site();
    request.hostName = host;
    request.user = u"automation"_s;
    request.login = RegistrationRequest::Login::AutomationSecret;
    request.trust = RegistrationRequest::Trust::TrustCertificate;
    request.pinnedSha256 = { QString::fromLatin1(site.sha256()) };
    RegistrationClient registration;
    std::optional<RegistrationOutcome> outcome;
    registration.registerHost(request, SecureBuffer(site.secret()),
                              [&outcome](RegistrationOutcome &&o) { outcome = std::move(o); });
    if (!QTest::qWaitFor([&] { return outcome.has_value(); }, 30000) || !outcome->ok())
        return {};
    return outcome->hostSecret.bytes();
}

RestResult DemoSites::deploy(const DemoSiteProcess &site, const QString &host,
                             const QByteArray &hostSecret, const QString &mode,
                             const QString &aghash)
{
    // The updater's request, as cmk-update-agent sends it with its host secret.
    RestRequest r;
    r.method = RestRequest::Method::Post;
    r.base = RestRequest::Base::Checkmk;
    r.path = u"deploy_agent.py"_s;
    r.authenticate = false;
    r.formBody = "mode=" + mode.toUtf8() + "&host=" + host.toUtf8()
        + "&host_secret=" + QUrl::toPercentEncoding(QString::fromLatin1(hostSecret))
        + "&installed_aghash=&aghash=" + aghash.toUtf8() + "&os=linux_deb&last_error=&au_api=2";
    return send(site, r);
}

int DemoSites::deployResultCode(const DemoSiteProcess &site, const QString &host,
                                const QByteArray &hostSecret)
{
    const RestResult result = deploy(site, host, hostSecret);
    return result.ok() ? result.json.object().value(u"result_code"_s).toInt(-1) : -1;
}

bool DemoSites::storeSecret(SecretStore *store, const SiteConnection &connection,
                            const QByteArray &secret)
{
    bool done = false;
    bool ok = false;
    QObject context;
    store->write(connection.keychainKey(), secret, &context, [&](SecretResult &&r) {
        ok = r.ok;
        done = true;
    });
    return QTest::qWaitFor([&] { return done; }, 10000) && ok;
}
