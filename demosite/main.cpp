#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSocketNotifier>
#include <QTextStream>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

#include "AgentDeskVersion.h"
#include "DemoSite.h"
#include "DemoSiteOptions.h"

using namespace Qt::StringLiterals;

namespace {
int signalPipe[2];
void onSignal(int)
{
    const char c = 1;
    [[maybe_unused]] const auto n = ::write(signalPipe[1], &c, 1);
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"agentdesk-demo-site"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(AGENTDESK_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"A local stand-in for a Checkmk 2.4 site, for AgentDesk's demo and tests.\n"
        "Serves the REST API paths AgentDesk uses (plus demo-only control endpoints under\n"
        "/{site}/demo-control/) over HTTPS with a self-signed certificate on loopback.\n"
        "Prints 'READY url=<checkmk url> sha256=<certificate fingerprint>' once listening."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    DemoSiteOptions::addOptions(parser);
    parser.process(app);

    QString error;
    const auto options = DemoSiteOptions::fromParser(parser, &error);
    QTextStream err(stderr);
    if (!options) {
        err << "agentdesk-demo-site: " << error << Qt::endl;
        return 2;
    }
    DemoSite site;
    if (!site.start(*options, &error)) {
        err << "agentdesk-demo-site: " << error << Qt::endl;
        return 1;
    }

    ::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe);
    QSocketNotifier notifier(signalPipe[0], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &app,
                     [] { QCoreApplication::quit(); });
    std::signal(SIGTERM, onSignal);
    std::signal(SIGINT, onSignal);

    QTextStream out(stdout);
    out << "Site " << options->siteName << " with " << options->hostCount
        << " hosts. Users: automation (secret " << site.automationSecret()
        << "), cmkadmin (password " << site.adminPassword() << ")\n";
    out << "READY url=" << site.checkmkUrl().toString() << " sha256="
        << (site.certificateSha256().isEmpty() ? QByteArray("-") : site.certificateSha256())
        << Qt::endl;
    return QCoreApplication::exec();
}
