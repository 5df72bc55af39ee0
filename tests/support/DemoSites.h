#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTest>

#include <memory>
#include <optional>
#include <vector>

#include "DemoSiteProcess.h"
#include "RestResult.h"
#include "SiteConnection.h"
#include "SiteResult.h"

class RestClient;
class RestRequest;
class SecretStore;

// The demo sites a migration or distributed-monitoring test runs side by side, each its own
// agentdesk-demo-site process, and what those tests do with them: start a pair (old and new
// site) or a central with its remote sites, reach each as the automation user or through its
// demo-control endpoints, list its hosts, register a host and ask deploy_agent.py as the
// updater does. One place for this set-up (duplicate report D7), so that every such test
// starts and reaches its sites the same way.
class DemoSites final
{
public:
    // `count` processes made ahead (not started), so that a test can hold references to them
    // as members before it starts them (central(), remote(i), oldSite(), newSite()).
    explicit DemoSites(int count = 0);
    ~DemoSites() = default;
    DemoSites(const DemoSites &) = delete;
    DemoSites &operator=(const DemoSites &) = delete;

    // Two independent sites, e.g. {"--site", "oldsite", "--hosts", "40"} and the new one's.
    // False with error().
    bool startPair(const QStringList &oldArguments, const QStringList &newArguments);
    DemoSiteProcess &oldSite() { return site(0); }
    DemoSiteProcess &newSite() { return site(1); }

    // A central site ("--site central" plus `centralArguments`) and `remotes` remote sites
    // remote1, remote2, ... (each with `remoteArguments`), each its own process: the central
    // names each remote's URL (a port free a moment before), and each remote forwards to the
    // central with the central's automation secret and pinned certificate. `startRemotes`
    // false starts only the central (a test that starts some remotes itself, or none).
    bool startDistributed(const QStringList &centralArguments, int remotes,
                          const QStringList &remoteArguments = {}, bool startRemotes = true);
    // Starts remote `index` (0-based) of startDistributed(..., false) with its extra arguments.
    bool startRemote(int index, const QStringList &remoteArguments = {});
    DemoSiteProcess &central() { return site(0); }
    DemoSiteProcess &remote(int index) { return site(index + 1); }
    QString remoteName(int index) const { return QStringLiteral("remote%1").arg(index + 1); }
    QString
    remoteUrl(int index) const; // as the central lists it: https://127.0.0.1:P/remoteN/check_mk

    DemoSiteProcess &site(int index) { return *m_sites.at(size_t(index)); }
    QString error() const { return m_error; }

    // The automation user's connection to `site` with its certificate pinned.
    static SiteConnection connection(const DemoSiteProcess &site,
                                     const QString &name = QStringLiteral("demo"));
    // A client on that connection holding the site's automation secret.
    static std::unique_ptr<RestClient> client(const DemoSiteProcess &site);
    // One request and its result (empty when no answer came in 30 s). Paths starting with
    // "demo-control/" go to the demo-control endpoints with the process's control token; the
    // others as the automation user, with `secret` instead of the site's own when given.
    static RestResult send(const DemoSiteProcess &site, const RestRequest &request,
                           const QByteArray &secret = {});
    // The site's host names, sorted (empty when they could not be read).
    static QStringList hostNames(const DemoSiteProcess &site);
    // Registers `host` at `site` as cmk-update-agent register does (automation secret, the
    // site's certificate trusted); the host secret, empty when refused.
    static QByteArray registerHost(const DemoSiteProcess &site, const QString &host);
    // deploy_agent.py as the updater asks it (mode "status" or "agent").
    static RestResult deploy(const DemoSiteProcess &site, const QString &host,
                             const QByteArray &hostSecret,
                             const QString &mode = QStringLiteral("status"),
                             const QString &aghash = {});
    // The result_code of a deploy_agent.py status request (-1: no readable answer).
    static int deployResultCode(const DemoSiteProcess &site, const QString &host,
                                const QByteArray &hostSecret);
    // Writes a connection's secret into the keychain as the console would; false on failure.
    static bool storeSecret(SecretStore *store, const SiteConnection &connection,
                            const QByteArray &secret);

    // A typed site call awaited: `call(context, done)` starts it; the result, or an empty
    // result when nothing came within 60 s.
    template<typename T, typename Call> static SiteResult<T> await(Call call)
    {
        std::optional<SiteResult<T>> out;
        QObject context;
        call(&context, [&out](SiteResult<T> r) { out = std::move(r); });
        if (!QTest::qWaitFor([&] { return out.has_value(); }, 60000))
            return {};
        return std::move(*out);
    }

private:
    bool start(DemoSiteProcess &site, const QStringList &arguments);
    void reserve(int count);

    std::vector<std::unique_ptr<DemoSiteProcess>> m_sites;
    QList<quint16> m_remotePorts;
    QStringList m_remoteArguments;
    QString m_error;
};
