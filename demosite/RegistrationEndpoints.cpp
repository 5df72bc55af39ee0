#include "RegistrationEndpoints.h"

#include "DemoFleet.h"
#include "DemoRouter.h"
#include "DemoState.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QUrl>
#include <QUrlQuery>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

QUrlQuery formOf(const DemoRequest &request)
{
    QUrlQuery form = request.form();
    // Values may come in the query string as well, as Checkmk's request vars do.
    for (const auto &item : request.query.queryItems(QUrl::FullyDecoded)) {
        if (!form.hasQueryItem(item.first))
            form.addQueryItem(item.first, item.second);
    }
    return form;
}

QString value(const QUrlQuery &form, const QString &name)
{
    return form.queryItemValue(name, QUrl::FullyDecoded);
}

DemoReply updaterReply(int code, const QJsonValue &result)
{
    return DemoReply::json(QJsonObject { { u"result_code"_s, code }, { u"result"_s, result } });
}

DemoReply html(const QByteArray &body, int status = 200)
{
    return DemoReply::raw(body, "text/html; charset=utf-8"_ba, status);
}

QByteArray htmlEscaped(const QString &text)
{
    return text.toHtmlEscaped().toUtf8();
}

// What a real site shows at login.py: an HTML form, HTTP 200, no JSON.
DemoReply loginPage(const QString &message)
{
    QByteArray page = "<!DOCTYPE html><html><head><title>Checkmk Login</title></head><body>"
                      "<form method=\"POST\" action=\"login.py\">"
                      "<input type=\"hidden\" name=\"_login\" value=\"1\">"
                      "<input name=\"_username\"><input type=\"password\" name=\"_password\">"_ba;
    if (!message.isEmpty())
        // A real site's error box: the updater looks for id="login_error" to report wrong
        // credentials.
        page += "<div id=\"login_error\">" + htmlEscaped(message) + "</div>";
    page += "</form></body></html>";
    return html(page);
}

// Server-side login sessions: cookie value -> user.
using Sessions = QHash<QString, QString>;

QByteArray cookieName(const DemoState &state)
{
    return "auth_" + state.siteName().toUtf8();
}

// The user of the request: _username/_secret, or the session cookie; empty when neither.
QString authenticatedUser(const DemoState &state, const Sessions &sessions,
                          const DemoRequest &request, const QUrlQuery &form)
{
    const QString user = value(form, u"_username"_s);
    const QString secret = value(form, u"_secret"_s);
    if (!secret.isEmpty()) {
        const auto it = state.users.constFind(user);
        return it != state.users.cend() && *it == secret.toUtf8() ? user : QString();
    }
    const QByteArray name = cookieName(state) + '=';
    const QList<QByteArray> cookies = request.header("cookie"_ba).split(';');
    for (const QByteArray &cookie : cookies) {
        const QByteArray c = cookie.trimmed();
        if (c.startsWith(name))
            return sessions.value(QString::fromLatin1(c.mid(name.size())));
    }
    return {};
}

DemoReply login(DemoState &state, Sessions &sessions, const DemoRequest &request)
{
    const QUrlQuery form = formOf(request);
    if (value(form, u"_login"_s) != u"1"_s)
        return loginPage({});
    const QString user = value(form, u"_username"_s);
    const auto it = state.users.constFind(user);
    if (it == state.users.cend() || it->isEmpty() || *it != value(form, u"_password"_s).toUtf8()) {
        // A real site answers a wrong password with its login page again: HTTP 200, HTML.
        return loginPage(u"Incorrect username or password. Please try again."_s);
    }
    QByteArray session(32, '0');
    for (char &c : session)
        c = "0123456789abcdef"[QRandomGenerator::system()->bounded(16)];
    sessions.insert(QString::fromLatin1(session), user);
    // A good login: 302 with the session cookie (site-api.md 4).
    DemoReply reply = DemoReply::raw({}, "text/html"_ba, 302);
    reply.withHeader("Location"_ba, "index.py"_ba);
    reply.withHeader("Set-Cookie"_ba,
                     cookieName(state) + '=' + session + "; Path=/" + state.siteName().toUtf8()
                         + "/; HttpOnly; SameSite=Lax");
    return reply;
}

DemoReply invalidSecret(const QUrlQuery &form)
{
    // The automation login of a real site raises MKAuthException("Invalid automation
    // secret for user …"), which its GUI renders as an HTML error page, not JSON.
    // Checkmk 2.2 to 2.4 send it with 401; older sites sent the same page with 200,
    // which is why the updater (and RegistrationClient) read the body, not the status.
    return html("<!DOCTYPE html><html><head><title>Permission denied</title></head>"
                "<body><div class=\"error\">Invalid automation secret for user "
                    + htmlEscaped(value(form, u"_username"_s)) + "</div></body></html>",
                401);
}

// The base URL hosts reach a site at: a remote site's as the central site knows it (its
// --remote option), this site's as the request reached it.
QString updateUrlOf(const DemoState &state, const DemoRequest &request, const QString &host)
{
    const int index = state.inventory.indexOf(host);
    const QString site = index >= 0 ? state.inventory.hosts.at(index).site : state.siteName();
    for (const DemoSiteOptions::RemoteSite &remote : state.options().remotes) {
        if (remote.name == site)
            return remote.url.toString();
    }
    const QString scheme = state.options().plainHttp ? u"http"_s : u"https"_s;
    return u"%1://%2/%3/check_mk"_s.arg(scheme, QString::fromLatin1(request.header("host"_ba)),
                                        state.siteName());
}

DemoReply registerAgent(DemoState &state, const Sessions &sessions, const DemoRequest &request,
                        const QByteArray &certificatePem,
                        const RegistrationEndpoints::Forwarding &forwarding)
{
    const QUrlQuery form = formOf(request);
    const QString user = authenticatedUser(state, sessions, request, form);
    if (user.isEmpty()) {
        if (!value(form, u"_secret"_s).isEmpty())
            return invalidSecret(form);
        // No session: a real site sends the browser to its login page.
        DemoReply reply = DemoReply::raw({}, "text/html"_ba, 302);
        reply.withHeader("Location"_ba, "login.py?_origtarget=register_agent.py"_ba);
        return reply;
    }
    if (value(form, u"au_api"_s) != u"2"_s)
        return updaterReply(1, u"This site speaks version 2 of the agent updater protocol."_s);
    const QString host = value(form, u"host"_s);
    if (host.isEmpty())
        return updaterReply(1, u"Missing the name of the host to register."_s);
    // A remote site: the user logged in here; the central site registers the host.
    if (forwarding.registerAgent)
        return forwarding.registerAgent(form);
    const bool unactivated = state.registrations.isUnactivated(host);
    if (state.inventory.indexOf(host) < 0 && !unactivated)
        return updaterReply(
            1, u"Host %1 does not exist in the setup of site %2."_s.arg(host, state.siteName()));
    const DemoRegisteredHost &registered = state.registrations.add(host, user, state.clock.now());
    if (state.fleet)
        state.fleet->registerHost(host);
    // The base of the site that serves this host's updates (the one monitoring it); the
    // updater appends /deploy_agent.py itself.
    const QString updateUrl = updateUrlOf(state, request, host);
    QJsonArray certificates;
    if (!certificatePem.isEmpty())
        certificates.append(QString::fromLatin1(certificatePem));
    return updaterReply(0,
                        QJsonObject {
                            { u"host_secret"_s, QString::fromLatin1(registered.hostSecret) },
                            { u"monitored"_s, !unactivated },
                            { u"update_url"_s, updateUrl },
                            { u"certificates"_s, certificates },
                        });
}

QString hashText(quint64 hash)
{
    return QString::number(hash, 16).rightJustified(16, u'0');
}

DemoReply noAgent()
{
    return updaterReply(0,
                        QJsonObject { { u"AgentAvailable"_s, false },
                                      { u"TargetHash"_s, QJsonValue::Null },
                                      { u"Signatures"_s, QJsonArray {} } });
}

// Agents handed out by deploy_agent.py, by host; demo-control shows them (a test checks
// whether a remote site forwarded a download or served it from its cache).
using Downloads = QHash<QString, int>;

DemoReply deployAgent(DemoState &state, Downloads &downloads, const DemoRequest &request,
                      const RegistrationEndpoints::Forwarding &forwarding)
{
    const QUrlQuery form = formOf(request);
    if (forwarding.deployAgent)
        return forwarding.deployAgent(form);
    // A remote site forwards with the automation login it has here; a wrong one is refused
    // as register_agent.py refuses it.
    if (form.hasQueryItem(u"_username"_s) || form.hasQueryItem(u"_secret"_s)) {
        const auto it = state.users.constFind(value(form, u"_username"_s));
        if (it == state.users.cend() || it->isEmpty() || *it != value(form, u"_secret"_s).toUtf8())
            return invalidSecret(form);
    }
    const QString host = value(form, u"host"_s);
    DemoRegisteredHost *registered = state.registrations.find(host);
    if (!registered || registered->hostSecret != value(form, u"host_secret"_s).toLatin1())
        return updaterReply(1,
                            u"Host %1 is not registered or its host secret is wrong. "
                            "Register it again."_s.arg(host));
    const QString mode = value(form, u"mode"_s);
    if (mode != u"status"_s && mode != u"agent"_s)
        return updaterReply(1, u"Unknown mode \"%1\"."_s.arg(mode));
    registered->lastCheck = state.clock.now();
    registered->installedHash = value(form, u"installed_aghash"_s);
    registered->lastError = value(form, u"last_error"_s).left(512);
    // What the updater reports is what the site's update status shows for it.
    if (state.fleet)
        state.fleet->report(host, registered->installedHash, registered->lastError);
    if (state.registrations.isUnactivated(host))
        return noAgent(); // known to Setup, not yet in the activated configuration
    const int index = state.inventory.indexOf(host);
    if (index < 0)
        return updaterReply(
            1, u"Host %1 does not exist in the setup of site %2."_s.arg(host, state.siteName()));
    // What the site decides at deploy time (site-api.md 4): nothing for a host while the
    // master switch is off, the host selection leaves it out, it is not yet activated or no
    // agent is baked for its OS type.
    if (!state.deployment.active.enabled || !state.fleet || !state.fleet->isSelected(host)
        || state.registrations.isUnactivated(host))
        return noAgent();
    const int configuration = DemoAgents::configurationOf(state.inventory.hosts.at(index).folder);
    if (configuration < 0 || configuration >= state.agents.agents.size())
        return noAgent();
    const DemoAgents::Agent *agent = &state.agents.agents.at(configuration);
    const QString os = value(form, u"os"_s);
    if (!os.isEmpty() && !agent->osTypes.contains(os))
        return noAgent();
    if (mode == u"status"_s) {
        QJsonArray signatures;
        for (const DemoAgents::Signature &s : agent->signatures)
            signatures.append(
                QJsonObject { { u"certificate"_s, QString::fromLatin1(s.certificatePem) },
                              { u"signature"_s, QString::fromLatin1(s.signature.toBase64()) } });
        return updaterReply(0,
                            QJsonObject { { u"AgentAvailable"_s, true },
                                          { u"TargetHash"_s, hashText(agent->hash) },
                                          { u"Signatures"_s, signatures } });
    }
    // mode agent: the updater asks for the hash the status told it; after a new bake that
    // agent is gone and it has to ask for the status again.
    const QString wanted = value(form, u"aghash"_s);
    if (!wanted.isEmpty() && wanted != hashText(agent->hash))
        return updaterReply(1,
                            u"The agent with hash %1 is not available (the current one is %2). "
                            "Ask for the status again."_s.arg(wanted, hashText(agent->hash)));
    ++downloads[host];
    return updaterReply(
        0, QJsonObject { { u"agent"_s, QString::fromLatin1(agent->package.toBase64()) } });
}

} // namespace

void RegistrationEndpoints::install(DemoRouter &router, DemoState &state,
                                    const QByteArray &certificatePem, const Forwarding &forwarding)
{
    using Auth = DemoRouter::Auth;
    auto sessions = std::make_shared<Sessions>();
    auto downloads = std::make_shared<Downloads>();
    // These pages carry their own login (form fields or the session cookie), not Bearer.
    router.add(
        "POST"_ba, u"/check_mk/login.py"_s,
        [&state, sessions](DemoRequest &r) { return login(state, *sessions, r); }, Auth::None);
    router.add(
        "GET"_ba, u"/check_mk/login.py"_s, [](DemoRequest &) { return loginPage({}); }, Auth::None);
    router.add(
        "GET"_ba, u"/check_mk/index.py"_s,
        [&state, sessions](DemoRequest &r) {
            if (authenticatedUser(state, *sessions, r, formOf(r)).isEmpty())
                return loginPage({});
            return html("<!DOCTYPE html><html><head><title>Main dashboard</title></head>"
                        "<body>Demo site</body></html>"_ba);
        },
        Auth::None);
    router.add(
        "POST"_ba, u"/check_mk/register_agent.py"_s,
        [&state, sessions, certificatePem, forwarding](DemoRequest &r) {
            return registerAgent(state, *sessions, r, certificatePem, forwarding);
        },
        Auth::None);
    router.add(
        "POST"_ba, u"/check_mk/deploy_agent.py"_s,
        [&state, downloads, forwarding](DemoRequest &r) {
            return deployAgent(state, *downloads, r, forwarding);
        },
        Auth::None);
    router.add("GET"_ba, u"/demo-control/agent-downloads"_s, [downloads](DemoRequest &) {
        QJsonObject byHost;
        for (auto it = downloads->cbegin(); it != downloads->cend(); ++it)
            byHost.insert(it.key(), it.value());
        return DemoReply::json(QJsonObject { { u"downloads"_s, byHost } });
    });
    router.add("POST"_ba, u"/demo-control/unactivated-hosts"_s, [&state](DemoRequest &r) {
        const QString host = r.json().object().value(u"host_name"_s).toString();
        if (host.isEmpty())
            return DemoReply::problem(
                400, u"Bad Request"_s, u"host_name: required"_s,
                QJsonObject { { u"host_name"_s, QJsonArray { u"Required."_s } } });
        state.registrations.addUnactivatedHost(host);
        return DemoReply::noContent();
    });
    // An activation puts the hosts added to Setup into the monitoring configuration.
    QObject::connect(&state, &DemoState::activated, &state,
                     [&state] { state.registrations.activateAll(); });
}
