#pragma once

#include <QHostAddress>
#include <QList>
#include <QString>
#include <QUrl>

#include <optional>

class QCommandLineParser;

// How a demo site is started: from the command line of agentdesk-demo-site, or in-process by
// `agentdesk --demo` and the tests.
struct DemoSiteOptions
{
    QHostAddress address = QHostAddress::LocalHost; // loopback only
    quint16 port = 0; // 0: any free port
    bool plainHttp = false;
    QString certificateFile; // PEM; empty: a self-signed certificate made at start
    QString keyFile;
    QString siteName = QStringLiteral("demo");
    QString automationSecret; // empty: random per start
    QString secretFile; // when set, the automation secret is written there with mode 0600
    QString adminPassword; // password of `cmkadmin`; empty: random per start
    int hostCount = 2000; // 0 .. 200000
    quint32 seed = 1;
    QString stateDir; // empty: a temporary directory removed at exit
    int activationMs = 3000; // how long an activation of changes runs
    int latencyMs = 0; // added to every reply
    double timeScale = 60.0; // simulated seconds per real second
    bool manualClock = false; // simulated time moves only through the demo-control endpoint
    bool emptySetup = false; // no key, no agents, no rule, master switch off
    // Serve only what a stock Checkmk 2.4 site serves: no extension endpoints or fields.
    bool stock = false;
    // Append every exchange as JSON lines here (tests/contract/validate.py reads them). Empty:
    // the directory in AGENTDESK_DEMO_RECORD, when set, gets a file per site.
    QString recordFile;

    // Distributed monitoring (site-api.md 7). A remote site forwards the updaters' requests to
    // its central site at centralUrl (the central's .../{site}/check_mk base), logging in there
    // as centralUser with the secret read from centralSecretFile. centralSha256 pins the
    // central's certificate (lower-case hex); empty: the system's trust store decides.
    QUrl centralUrl;
    QString centralUser = QStringLiteral("automation");
    QString centralSecretFile;
    QByteArray centralSha256;
    // A central site: its remote sites and the URL (.../{site}/check_mk) at which hosts reach
    // each, in the order given.
    struct RemoteSite
    {
        QString name;
        QUrl url;
    };
    QList<RemoteSite> remotes;
    bool isRemote() const { return !centralUrl.isEmpty(); }

    static constexpr int maxHosts = 200000;

    static void addOptions(QCommandLineParser &parser);
    // Reads the options added by addOptions(); nullopt with a one-line error on bad values.
    static std::optional<DemoSiteOptions> fromParser(const QCommandLineParser &parser,
                                                     QString *error);
};
