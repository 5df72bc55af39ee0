#pragma once

#include <QCoreApplication>
#include <QStringList>

// `agentdesk register` and `agentdesk show-config`: the registration and the updater's
// configuration for scripts. Never asks a question (reads no stdin), needs no display, prints
// one line per error on stderr and reports through the exit code:
//   0 ok, 2 usage, 3 TLS not trusted, 4 authentication failed, 5 site refused registration,
//   6 cannot read or write the state file (show-config: cannot read or parse a file),
//   7 network (no answer, timeout, or not the updater's protocol), 8 site not found (the
//   server answers 404 for the site's pages: a wrong --site, or not a Checkmk server).
class CommandLineTool final
{
    // tr() for the members and, as CommandLineTool::tr(), for the helpers in the .cpp: one
    // context lupdate sees, so that every message of the tool reaches the translations.
    Q_DECLARE_TR_FUNCTIONS(CommandLineTool)

public:
    enum ExitCode {
        Ok = 0,
        Usage = 2,
        TlsNotTrusted = 3,
        AuthenticationFailed = 4,
        RegistrationRefused = 5,
        StateFileError = 6,
        NetworkError = 7,
        SiteNotFound = 8,
    };

    // True when argv[1] names one of the commands.
    static bool handles(int argc, char **argv);
    // Runs the command in its own QCoreApplication; returns the exit code.
    static int run(int argc, char **argv);

private:
    static int registerMachine(const QStringList &arguments);
    static int showConfig(const QStringList &arguments);
};
