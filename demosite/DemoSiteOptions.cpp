#include "DemoSiteOptions.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <algorithm>

using namespace Qt::StringLiterals;

void DemoSiteOptions::addOptions(QCommandLineParser &parser)
{
    parser.addOptions({
        { u"port"_s, QCoreApplication::translate("DemoSite", "Port to listen on (0: any free)."),
          u"port"_s, u"0"_s },
        { u"http"_s,
          QCoreApplication::translate("DemoSite", "Serve plain HTTP instead of HTTPS.") },
        { u"cert"_s, QCoreApplication::translate("DemoSite", "TLS certificate (PEM)."), u"file"_s },
        { u"key"_s, QCoreApplication::translate("DemoSite", "TLS private key (PEM)."), u"file"_s },
        { u"site"_s, QCoreApplication::translate("DemoSite", "Site name."), u"name"_s, u"demo"_s },
        { u"secret"_s,
          QCoreApplication::translate("DemoSite", "Secret of the automation user (random)."),
          u"secret"_s },
        { u"secret-file"_s,
          QCoreApplication::translate("DemoSite",
                                      "Write the automation secret to this file (mode 0600)."),
          u"file"_s },
        { u"password"_s, QCoreApplication::translate("DemoSite", "Password of cmkadmin (random)."),
          u"password"_s },
        { u"hosts"_s, QCoreApplication::translate("DemoSite", "Number of hosts, 0 to 200000."),
          u"n"_s, u"2000"_s },
        { u"seed"_s, QCoreApplication::translate("DemoSite", "Seed of the inventory."), u"n"_s,
          u"1"_s },
        { u"state-dir"_s,
          QCoreApplication::translate("DemoSite", "Directory for keys and agents (temporary)."),
          u"dir"_s },
        { u"activation-ms"_s,
          QCoreApplication::translate("DemoSite", "Duration of an activation of changes."), u"ms"_s,
          u"3000"_s },
        { u"latency-ms"_s, QCoreApplication::translate("DemoSite", "Latency added to every reply."),
          u"ms"_s, u"0"_s },
        { u"time-scale"_s,
          QCoreApplication::translate("DemoSite", "Simulated seconds per real second."),
          u"factor"_s, u"60"_s },
        { u"empty-setup"_s,
          QCoreApplication::translate(
              "DemoSite",
              "Start with nothing set up: no key, no agents, no rule, master "
              "switch off (default: a roll-out under way).") },
        { u"stock"_s,
          QCoreApplication::translate(
              "DemoSite",
              "Serve only what a stock Checkmk 2.4 site serves: no extension endpoints "
              "(signature keys, update status) and no extension fields.") },
        { u"record"_s,
          QCoreApplication::translate(
              "DemoSite",
              "Append every request and reply (secrets redacted) as JSON lines to this file, "
              "for tests/contract/validate.py. Without it, AGENTDESK_DEMO_RECORD names a "
              "directory that gets one file per site."),
          u"file"_s },
        { u"central"_s,
          QCoreApplication::translate(
              "DemoSite",
              "Run as a remote site of this central site (its .../SITE/check_mk URL): "
              "register_agent.py and deploy_agent.py are forwarded there."),
          u"url"_s },
        { u"central-user"_s,
          QCoreApplication::translate("DemoSite",
                                      "Automation user a remote site logs in with at the central "
                                      "site."),
          u"user"_s, u"automation"_s },
        { u"central-secret-file"_s,
          QCoreApplication::translate("DemoSite",
                                      "File holding the secret of --central-user on the central "
                                      "site."),
          u"file"_s },
        { u"central-sha256"_s,
          QCoreApplication::translate("DemoSite",
                                      "SHA-256 fingerprint (hex) of the central site's TLS "
                                      "certificate, trusted instead of the system's CAs."),
          u"hex"_s },
        { u"remote"_s,
          QCoreApplication::translate(
              "DemoSite",
              "A remote site of this central site and the URL at which hosts reach it "
              "(NAME=https://HOST:PORT/NAME/check_mk); repeatable."),
          u"name=url"_s },
        { u"manual-clock"_s,
          QCoreApplication::translate(
              "DemoSite", "Simulated time advances only through the demo-control endpoint.") },
    });
}

namespace {

std::optional<long long> readInt(const QCommandLineParser &parser, const QString &name,
                                 long long min, long long max, QString *error)
{
    bool ok = false;
    const long long value = parser.value(name).toLongLong(&ok);
    if (!ok || value < min || value > max) {
        *error
            = QCoreApplication::translate("DemoSite", "--%1: expected a whole number from %2 to %3")
                  .arg(name)
                  .arg(min)
                  .arg(max);
        return std::nullopt;
    }
    return value;
}

// A site's .../{site}/check_mk base: http(s), with a host, the path naming the site. Without a
// trailing slash, as register_agent.py hands it out.
std::optional<QUrl> checkmkBase(const QString &text, QString *siteName)
{
    QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != u"https"_s && url.scheme() != u"http"_s)
        || url.host().isEmpty() || url.hasQuery() || url.hasFragment())
        return std::nullopt;
    const QStringList parts = url.path().split(u'/', Qt::SkipEmptyParts);
    if (parts.size() != 2 || parts.at(1) != u"check_mk"_s)
        return std::nullopt;
    *siteName = parts.at(0);
    url.setPath(u'/' + parts.at(0) + u"/check_mk"_s);
    return url;
}

bool readDistribution(const QCommandLineParser &parser, DemoSiteOptions &o, QString *error)
{
    const auto tr = [](const char *text) {
        return QCoreApplication::translate("DemoSite", text);
    };
    if (parser.isSet(u"central"_s)) {
        QString centralName;
        const auto url = checkmkBase(parser.value(u"central"_s), &centralName);
        if (!url) {
            *error = tr("--central: expected the central site's URL "
                        "http(s)://HOST[:PORT]/SITE/check_mk");
            return false;
        }
        if (centralName == o.siteName) {
            *error = tr("--central: a remote site needs a name other than its central site's");
            return false;
        }
        o.centralUrl = *url;
        o.centralUser = parser.value(u"central-user"_s);
        o.centralSecretFile = parser.value(u"central-secret-file"_s);
        if (o.centralUser.isEmpty() || o.centralSecretFile.isEmpty()) {
            *error = tr("--central needs --central-user and --central-secret-file (the "
                        "automation login on the central site)");
            return false;
        }
        o.centralSha256 = parser.value(u"central-sha256"_s).toLower().toLatin1();
        if (!o.centralSha256.isEmpty()
            && (o.centralSha256.size() != 64
                || QByteArray::fromHex(o.centralSha256).toHex() != o.centralSha256)) {
            *error = tr("--central-sha256: expected 64 hexadecimal digits");
            return false;
        }
    } else if (parser.isSet(u"central-secret-file"_s) || parser.isSet(u"central-sha256"_s)) {
        *error = tr("--central-secret-file and --central-sha256 belong to --central");
        return false;
    }
    const QStringList remotes = parser.values(u"remote"_s);
    if (!remotes.isEmpty() && o.isRemote()) {
        *error = tr("--remote: a remote site has no remote sites of its own");
        return false;
    }
    for (const QString &remote : remotes) {
        const qsizetype eq = remote.indexOf(u'=');
        const QString name = remote.left(eq);
        QString urlSite;
        const auto url = eq > 0 ? checkmkBase(remote.mid(eq + 1), &urlSite) : std::nullopt;
        if (!url || urlSite != name) {
            *error = tr("--remote: expected NAME=http(s)://HOST[:PORT]/NAME/check_mk");
            return false;
        }
        if (name == o.siteName
            || std::any_of(
                o.remotes.cbegin(), o.remotes.cend(),
                [&name](const DemoSiteOptions::RemoteSite &r) { return r.name == name; })) {
            *error = tr("--remote: each remote site once, and not the central site itself");
            return false;
        }
        o.remotes.append({ name, *url });
    }
    return true;
}

} // namespace

std::optional<DemoSiteOptions> DemoSiteOptions::fromParser(const QCommandLineParser &parser,
                                                           QString *error)
{
    DemoSiteOptions o;
    const auto port = readInt(parser, u"port"_s, 0, 65535, error);
    const auto hosts = readInt(parser, u"hosts"_s, 0, maxHosts, error);
    const auto seed = readInt(parser, u"seed"_s, 0, 0xffffffffLL, error);
    const auto activation = readInt(parser, u"activation-ms"_s, 0, 600000, error);
    const auto latency = readInt(parser, u"latency-ms"_s, 0, 600000, error);
    if (!port || !hosts || !seed || !activation || !latency)
        return std::nullopt;
    bool ok = false;
    const double scale = parser.value(u"time-scale"_s).toDouble(&ok);
    if (!ok || scale <= 0) {
        *error
            = QCoreApplication::translate("DemoSite", "--time-scale: expected a positive number");
        return std::nullopt;
    }
    o.port = quint16(*port);
    o.hostCount = int(*hosts);
    o.seed = quint32(*seed);
    o.activationMs = int(*activation);
    o.latencyMs = int(*latency);
    o.timeScale = scale;
    o.plainHttp = parser.isSet(u"http"_s);
    o.certificateFile = parser.value(u"cert"_s);
    o.keyFile = parser.value(u"key"_s);
    if (o.certificateFile.isEmpty() != o.keyFile.isEmpty()) {
        *error = QCoreApplication::translate("DemoSite", "--cert and --key go together");
        return std::nullopt;
    }
    o.siteName = parser.value(u"site"_s);
    if (o.siteName.isEmpty()) {
        *error = QCoreApplication::translate("DemoSite", "--site: expected a site name");
        return std::nullopt;
    }
    o.automationSecret = parser.value(u"secret"_s);
    o.secretFile = parser.value(u"secret-file"_s);
    o.adminPassword = parser.value(u"password"_s);
    o.stateDir = parser.value(u"state-dir"_s);
    o.manualClock = parser.isSet(u"manual-clock"_s);
    o.emptySetup = parser.isSet(u"empty-setup"_s);
    o.stock = parser.isSet(u"stock"_s);
    o.recordFile = parser.value(u"record"_s);
    if (!readDistribution(parser, o, error))
        return std::nullopt;
    return o;
}
