#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

// The window's command line (`agentdesk [--demo [--demo-hosts N] | --connection NAME]`), read in
// a QCoreApplication before any window exists: --help, --version and mistakes in the options
// never need a display, and a missing display is said in one line instead of Qt's abort.
class GuiCommandLine final
{
    Q_DECLARE_TR_FUNCTIONS(GuiCommandLine)

public:
    struct Options
    {
        bool demo = false;
        int demoHosts = 2000;
        QString connection;
    };

    enum ExitCode {
        Ok = 0,
        NoWindow = 1, // no display, or the demo site could not start
        Usage = 2,
    };

    // Reads `arguments` (argv as given, Qt's own GUI options such as -platform or -style
    // included; they are left to QApplication). Returns -1 when the window should start with
    // `options`, otherwise the exit code after printing the help, the version or the error.
    static int parse(const QStringList &arguments, Options *options);

    // True when a window can open: a display (DISPLAY, WAYLAND_DISPLAY) or a platform chosen
    // with QT_QPA_PLATFORM or -platform. Always true outside X11/Wayland systems.
    static bool hasDisplay(const QStringList &arguments);
    // The one line printed when hasDisplay() is false, with how to get a display.
    static QString noDisplayMessage();

    // `arguments` without Qt's own GUI options and their values (public for tests).
    static QStringList withoutQtOptions(const QStringList &arguments);
};
