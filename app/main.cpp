#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>

#include "AppController.h"
#include "CommandLineTool.h"
#include "DemoSite.h"
#include "DemoSiteThread.h"
#include "TranslationLoader.h"

using namespace Qt::StringLiterals;

int main(int argc, char **argv)
{
    // `agentdesk register` / `show-config`: for scripts, without widgets or a display.
    if (CommandLineTool::handles(argc, argv))
        return CommandLineTool::run(argc, argv);

    QApplication app(argc, argv);
    QApplication::setApplicationName(u"AgentDesk"_s);
    QApplication::setApplicationDisplayName(u"AgentDesk"_s);
    QApplication::setOrganizationName(u"AgentDesk"_s);
    QApplication::setApplicationVersion(u"0.1.0"_s);
    QApplication::setDesktopFileName(u"agentdesk"_s);
    QApplication::setWindowIcon(QIcon(u":/icons/agentdesk.svg"_s));
    TranslationLoader translations;
    translations.install(); // the system's language (LANG, LC_MESSAGES)

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate(
        "main", "A console for the automatic agent updates of Checkmk sites."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demo(
        u"demo"_s,
        QApplication::translate("main", "Start the embedded demo site and connect to it."));
    const QCommandLineOption demoHosts(
        u"demo-hosts"_s,
        QApplication::translate("main", "Number of hosts of the demo site (default 2000)."), u"n"_s,
        u"2000"_s);
    const QCommandLineOption connection(
        u"connection"_s, QApplication::translate("main", "Connect to the saved connection NAME."),
        u"name"_s);
    parser.addOptions({ demo, demoHosts, connection });
    parser.process(app);

    AppController controller;
    DemoSiteThread demoSite;
    if (parser.isSet(demo)) {
        DemoSiteOptions options;
        bool ok = false;
        options.hostCount = parser.value(demoHosts).toInt(&ok);
        if (!ok || options.hostCount < 0 || options.hostCount > DemoSiteOptions::maxHosts) {
            qCritical("--demo-hosts: expected a whole number from 0 to %d",
                      DemoSiteOptions::maxHosts);
            return 2;
        }
        QString error;
        if (!demoSite.start(options, &error)) {
            QMessageBox::critical(
                nullptr, QApplication::translate("main", "Demo site"),
                QApplication::translate("main", "The demo site could not start: %1").arg(error));
            return 1;
        }
        SiteConnection c;
        c.name = QApplication::translate("main", "Demo site");
        c.server = u"127.0.0.1:%1"_s.arg(demoSite.site()->port());
        c.site = options.siteName;
        c.user = u"automation"_s;
        c.pinnedSha256 = { QString::fromLatin1(demoSite.site()->certificateSha256()) };
        c.demo = true;
        controller.startDemo(c, demoSite.site()->automationSecret(),
                             demoSite.site()->adminPassword());
    } else {
        controller.start(parser.value(connection));
    }
    return QApplication::exec();
}
