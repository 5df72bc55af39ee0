#include "GuiCommandLine.h"

#include <QCommandLineParser>

#include <cstdio>

#include "AgentDeskVersion.h"
#include "DemoSiteOptions.h"

using namespace Qt::StringLiterals;

namespace {

// Options QGuiApplication and QApplication take themselves (Qt 6 documentation of both): our
// parser must neither reject them nor list them in --help.
const QStringList qtOptionsWithValue = {
    u"platform"_s,      u"platformpluginpath"_s,
    u"platformtheme"_s, u"plugin"_s,
    u"qmljsdebugger"_s, u"qwindowgeometry"_s,
    u"qwindowicon"_s,   u"qwindowtitle"_s,
    u"session"_s,       u"display"_s,
    u"geometry"_s,      u"title"_s,
    u"icon"_s,          u"name"_s,
    u"style"_s,         u"stylesheet"_s,
};
const QStringList qtFlags = { u"reverse"_s, u"widgetcount"_s, u"nograb"_s, u"dograb"_s, u"sync"_s };

// "-style", "--style" and "-style=fusion" all name "style".
QString qtOptionName(const QString &argument, bool *hasInlineValue)
{
    *hasInlineValue = false;
    if (!argument.startsWith(u'-') || argument == u"-"_s || argument == u"--"_s)
        return {};
    QString name = argument.mid(argument.startsWith(u"--"_s) ? 2 : 1);
    if (const qsizetype eq = name.indexOf(u'='); eq >= 0) {
        name.truncate(eq);
        *hasInlineValue = true;
    }
    return name;
}

void print(FILE *stream, const QString &text)
{
    std::fputs(text.toLocal8Bit().constData(), stream);
}

} // namespace

QStringList GuiCommandLine::withoutQtOptions(const QStringList &arguments)
{
    QStringList kept;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        if (i == 0 || a == u"--"_s) {
            kept << a;
            continue;
        }
        bool inlineValue = false;
        const QString name = qtOptionName(a, &inlineValue);
        if (qtFlags.contains(name) && !inlineValue)
            continue;
        if (qtOptionsWithValue.contains(name)) {
            if (!inlineValue)
                ++i; // its value is the next argument
            continue;
        }
        kept << a;
    }
    return kept;
}

bool GuiCommandLine::hasDisplay(const QStringList &arguments)
{
#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN) && !defined(Q_OS_ANDROID)
    if (!qEnvironmentVariableIsEmpty("DISPLAY") || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
        || !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        return true;
    for (const QString &a : arguments) {
        bool inlineValue = false;
        if (qtOptionName(a, &inlineValue) == u"platform"_s)
            return true;
    }
    return false;
#else
    Q_UNUSED(arguments)
    return true;
#endif
}

QString GuiCommandLine::noDisplayMessage()
{
    return tr("agentdesk: no display (DISPLAY and WAYLAND_DISPLAY are not set), so the window "
              "cannot open; run it under Xvfb (xvfb-run agentdesk --demo), or use what needs "
              "none: agentdesk --help, --version, register, show-config.");
}

int GuiCommandLine::parse(const QStringList &arguments, Options *options)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("A console for the automatic agent updates of Checkmk sites."));
    // Our own help option: addHelpOption() would add --help-all, which lists Qt's options.
    const QCommandLineOption help({ u"h"_s, u"help"_s }, tr("Show this help."));
    QCommandLineOption helpAll(u"help-all"_s, tr("Show this help."));
    helpAll.setFlags(QCommandLineOption::HiddenFromHelp);
    const QCommandLineOption version({ u"v"_s, u"version"_s }, tr("Show the version."));
    const QCommandLineOption demo(u"demo"_s, tr("Start the embedded demo site and connect to it."));
    const QCommandLineOption demoHosts(
        u"demo-hosts"_s, tr("Number of hosts of the demo site (default 2000)."), u"n"_s, u"2000"_s);
    const QCommandLineOption connection(u"connection"_s,
                                        tr("Connect to the saved connection NAME."), u"name"_s);
    parser.addOptions({ help, helpAll, version, demo, demoHosts, connection });

    if (!parser.parse(withoutQtOptions(arguments))) {
        QString error = parser.errorText().trimmed();
        if (error.endsWith(u'.'))
            error.chop(1);
        print(stderr, tr("agentdesk: %1 (agentdesk --help lists the options)").arg(error) + u'\n');
        return Usage;
    }
    if (parser.isSet(help) || parser.isSet(helpAll)) {
        // The parser's first line is "Usage: /full/path [options]"; ours names the commands.
        QString text = parser.helpText();
        text.remove(0, text.indexOf(u'\n') + 1);
        print(stdout,
              tr("Usage: agentdesk [--demo [--demo-hosts N] | --connection NAME]\n"
                 "       agentdesk register --server S --site I --hostname H --user U "
                 "(--secret-file F | --password-file F) [options]\n"
                 "       agentdesk show-config [--cfg P] [--state P]\n")
                  + text
                  + tr("\nCommands (they need no display; see agentdesk COMMAND --help):\n"
                       "  register     Register this machine for automatic agent updates,\n"
                       "               as cmk-update-agent register does.\n"
                       "  show-config  Print the agent updater's configuration.\n"
                       "\nThe window needs a display (X11 or Wayland); without one, run it\n"
                       "under Xvfb: xvfb-run agentdesk --demo\n"));
        return Ok;
    }
    if (parser.isSet(version)) {
        print(stdout, u"AgentDesk " AGENTDESK_VERSION "\n"_s);
        return Ok;
    }
    if (!parser.positionalArguments().isEmpty()) {
        print(stderr,
              tr("agentdesk: unknown command \"%1\" (the commands are register and show-config)")
                      .arg(parser.positionalArguments().first())
                  + u'\n');
        return Usage;
    }
    bool ok = false;
    options->demo = parser.isSet(demo);
    options->demoHosts = parser.value(demoHosts).toInt(&ok);
    if (!ok || options->demoHosts < 0 || options->demoHosts > DemoSiteOptions::maxHosts) {
        print(stderr,
              tr("agentdesk: --demo-hosts: expected a whole number from 0 to %1")
                      .arg(DemoSiteOptions::maxHosts)
                  + u'\n');
        return Usage;
    }
    if (options->demo && parser.isSet(connection)) {
        print(stderr, tr("agentdesk: --demo and --connection exclude each other") + u'\n');
        return Usage;
    }
    options->connection = parser.value(connection);
    return -1;
}
