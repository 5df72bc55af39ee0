#include <QApplication>
#include <QIcon>
#include <QMessageBox>

#include <cstdio>

#include "AgentDeskVersion.h"
#include "AppController.h"
#include "CommandLineTool.h"
#include "DemoSite.h"
#include "DemoSiteThread.h"
#include "GuiCommandLine.h"
#include "TranslationLoader.h"

using namespace Qt::StringLiterals;

int main(int argc, char **argv)
{
    // `agentdesk register` / `show-config`: for scripts, without widgets or a display.
    if (CommandLineTool::handles(argc, argv))
        return CommandLineTool::run(argc, argv);

    // The command line is read before QApplication exists: --help, --version and mistakes in
    // the options must work on a machine without a display (QApplication aborts there).
    GuiCommandLine::Options options;
    {
        QCoreApplication core(argc, argv);
        const QStringList arguments = QCoreApplication::arguments();
        if (const int code = GuiCommandLine::parse(arguments, &options); code >= 0)
            return code;
        if (!GuiCommandLine::hasDisplay(arguments)) {
            std::fprintf(stderr, "%s\n", qPrintable(GuiCommandLine::noDisplayMessage()));
            return GuiCommandLine::NoWindow;
        }
    }

    QApplication app(argc, argv);
    QApplication::setApplicationName(u"AgentDesk"_s);
    QApplication::setApplicationDisplayName(u"AgentDesk"_s);
    QApplication::setOrganizationName(u"AgentDesk"_s);
    QApplication::setApplicationVersion(QStringLiteral(AGENTDESK_VERSION));
    QApplication::setDesktopFileName(u"io.github.agentdesk.AgentDesk"_s);
    QApplication::setWindowIcon(QIcon(u":/icons/agentdesk.svg"_s));
    TranslationLoader translations;
    translations.install(); // the system's language (LANG, LC_MESSAGES)

    AppController controller;
    DemoSiteThread demoSite;
    if (options.demo) {
        DemoSiteOptions demoOptions;
        demoOptions.hostCount = options.demoHosts;
        QString error;
        if (!demoSite.start(demoOptions, &error)) {
            QMessageBox::critical(
                nullptr, QApplication::translate("main", "Demo site"),
                QApplication::translate("main", "The demo site could not start: %1").arg(error));
            return GuiCommandLine::NoWindow;
        }
        SiteConnection c;
        c.name = QApplication::translate("main", "Demo site");
        c.server = u"127.0.0.1:%1"_s.arg(demoSite.site()->port());
        c.site = demoOptions.siteName;
        c.user = u"automation"_s;
        c.pinnedSha256 = { QString::fromLatin1(demoSite.site()->certificateSha256()) };
        c.demo = true;
        controller.startDemo(c, demoSite.site()->automationSecret(),
                             demoSite.site()->adminPassword());
    } else {
        controller.start(options.connection);
    }
    return QApplication::exec();
}
