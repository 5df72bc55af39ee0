#include "CommandLineTool.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QTextStream>

#include <cstdio>
#include <cstring>

#include "DisplayText.h"
#include "RegistrationClient.h"
#include "RestClient.h"
#include "TranslationLoader.h"
#include "UpdaterStateFile.h"

using namespace Qt::StringLiterals;

namespace {

int fail(const QString &command, int code, const QString &message)
{
    // One line, escaped and capped: scripts grep and log it, and a site's text in it must not
    // drive the terminal.
    const QString line = DisplayText::sanitized(message, 2000);
    std::fprintf(stderr, "agentdesk %s: %s\n", qPrintable(command), qPrintable(line));
    return code;
}

// The secret or password from a file: its first line, without the line break.
bool readSecretFile(const QString &path, QByteArray *secret, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = CommandLineTool::tr("cannot read %1: %2").arg(path, file.errorString());
        return false;
    }
    QByteArray bytes = file.readAll();
    const qsizetype end = bytes.indexOf('\n');
    *secret = end < 0 ? bytes : bytes.left(end);
    if (secret->endsWith('\r'))
        secret->chop(1);
    SecureBuffer::wipe(bytes);
    if (secret->isEmpty()) {
        *error = CommandLineTool::tr("%1 is empty").arg(path);
        return false;
    }
    return true;
}

void print(FILE *stream, const QString &text)
{
    std::fputs(text.toLocal8Bit().constData(), stream);
}

// Our own help options: addHelpOption() adds --help-all, which lists Qt's options.
void addHelpOptions(QCommandLineParser &parser)
{
    parser.addOption({ { u"h"_s, u"help"_s }, CommandLineTool::tr("Show this help.") });
    QCommandLineOption all(u"help-all"_s, CommandLineTool::tr("Show this help."));
    all.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(all);
}

bool isHelpRequested(const QCommandLineParser &parser)
{
    return parser.isSet(u"help"_s) || parser.isSet(u"help-all"_s);
}

// The parser's first line is "Usage: /full/path [options]"; ours names the command and what it
// needs, and the exit codes follow the options.
void printHelp(const QCommandLineParser &parser, const QString &usage, const QString &epilogue)
{
    QString text = parser.helpText();
    text.remove(0, text.indexOf(u'\n') + 1);
    print(stdout, usage + u'\n' + text + u'\n' + epilogue + u'\n');
}

QString usageError(const QString &command, const QString &error)
{
    QString text = error.trimmed();
    if (text.endsWith(u'.'))
        text.chop(1);
    return CommandLineTool::tr("%1 (agentdesk %2 --help lists the options)").arg(text, command);
}

// A 404 for the site's own pages (login.py, register_agent.py) means no site of that name on the
// server: the server answered, so it is no network error, and no credential was judged.
bool siteNotFound(const RegistrationOutcome &outcome)
{
    return outcome.error.status == 404
        && (outcome.failure == RegistrationOutcome::Failure::Network
            || outcome.failure == RegistrationOutcome::Failure::Authentication);
}

RegistrationOutcome registerOnce(const RegistrationRequest &request, const QByteArray &secret,
                                 int deadlineMs)
{
    RegistrationClient client;
    // Each request (login, registration) gets the whole deadline: one byte every half second
    // must not keep a script waiting for minutes.
    client.setDeadlineMs(deadlineMs);
    RegistrationOutcome result;
    QEventLoop loop;
    client.registerHost(request, SecureBuffer(QByteArray(secret.constData(), secret.size())),
                        [&](RegistrationOutcome &&outcome) {
                            result = std::move(outcome);
                            loop.quit();
                        });
    loop.exec();
    return result;
}

} // namespace

bool CommandLineTool::handles(int argc, char **argv)
{
    return argc > 1
        && (std::strcmp(argv[1], "register") == 0 || std::strcmp(argv[1], "show-config") == 0);
}

int CommandLineTool::run(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"AgentDesk"_s);
    // As the window does: without it "%n second(s)" reached the terminal as written in the
    // source, and a German system got English messages.
    TranslationLoader translations;
    translations.install();
    QStringList arguments = QCoreApplication::arguments();
    const QString command = arguments.value(1);
    arguments.removeAt(1); // the parser sees "agentdesk --options…"
    if (command == u"register"_s)
        return registerMachine(arguments);
    return showConfig(arguments);
}

namespace {
// --timeout: an hour is longer than any registration needs, and seconds * 1000 fits an int.
constexpr int maxTimeoutSeconds = 3600;
} // namespace

int CommandLineTool::registerMachine(const QStringList &arguments)
{
    const QString cmd = u"register"_s;
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Registers this machine for automatic agent updates, as `cmk-update-agent register` "
           "does, and writes the updater's state file."));
    parser.addOptions({
        { { u"s"_s, u"server"_s }, tr("Server of the site (host[:port])."), u"server"_s },
        { { u"i"_s, u"site"_s }, tr("Name of the site."), u"site"_s },
        { { u"H"_s, u"hostname"_s }, tr("Name of this host in the site."), u"host"_s },
        { { u"p"_s, u"protocol"_s }, tr("https (default) or http."), u"protocol"_s, u"https"_s },
        { { u"U"_s, u"user"_s }, tr("Automation user, or a user with a password."), u"user"_s },
        { u"secret-file"_s, tr("File holding the automation secret."), u"file"_s },
        { u"password-file"_s, tr("File holding the user's password."), u"file"_s },
        { u"state-file"_s,
          tr("Where to write the state (default %1).").arg(UpdaterStateFile::defaultStatePath()),
          u"path"_s, UpdaterStateFile::defaultStatePath() },
        { u"trust-cert"_s,
          tr("Trust the server's certificate when it does not verify, and keep "
             "it as a local certificate.") },
        { u"insecure"_s, tr("Do not verify the server's certificate at all.") },
        { u"timeout"_s,
          tr("Give up on a request to the site that has not finished after this many seconds "
             "(1 to %1, default %2); exit code 7.")
              .arg(maxTimeoutSeconds)
              .arg(RestClient::defaultDeadlineMs / 1000),
          u"seconds"_s },
    });
    addHelpOptions(parser);
    if (!parser.parse(arguments))
        return fail(cmd, Usage, usageError(cmd, parser.errorText()));
    if (isHelpRequested(parser)) {
        printHelp(parser,
                  tr("Usage: agentdesk register --server S --site I --hostname H --user U "
                     "(--secret-file F | --password-file F) [options]"),
                  tr("Exit codes:\n"
                     "  0  registered, the state file written\n"
                     "  2  usage: an option missing or wrong\n"
                     "  3  the server's certificate is not trusted (see --trust-cert)\n"
                     "  4  wrong user, secret or password\n"
                     "  5  the site refused the registration\n"
                     "  6  the state file cannot be read or written\n"
                     "  7  network: no answer, a timeout (see --timeout), or not the updater's "
                     "protocol\n"
                     "  8  site not found: the server answers 404 for the site's pages"));
        return Ok;
    }
    if (!parser.positionalArguments().isEmpty())
        return fail(
            cmd, Usage,
            usageError(cmd,
                       tr("unexpected argument \"%1\"").arg(parser.positionalArguments().first())));
    // Every missing option at once: a script's author fixes them in one go.
    QStringList missing;
    for (const QString &option : { u"server"_s, u"site"_s, u"hostname"_s, u"user"_s }) {
        if (parser.value(option).trimmed().isEmpty())
            missing << u"--"_s + option;
    }
    if (!parser.isSet(u"secret-file"_s) && !parser.isSet(u"password-file"_s))
        missing << tr("one of --secret-file and --password-file");
    if (!missing.isEmpty())
        return fail(cmd, Usage, usageError(cmd, tr("missing %1").arg(missing.join(tr("; ")))));

    RegistrationRequest request;
    request.server = parser.value(u"server"_s);
    request.site = parser.value(u"site"_s);
    request.hostName = parser.value(u"hostname"_s);
    request.user = parser.value(u"user"_s);
    const QString protocol = parser.value(u"protocol"_s);
    if (protocol != u"https"_s && protocol != u"http"_s)
        return fail(cmd, Usage, tr("--protocol must be https or http"));
    request.protocol
        = protocol == u"http"_s ? SiteConnection::Protocol::Http : SiteConnection::Protocol::Https;
    if (parser.isSet(u"secret-file"_s) && parser.isSet(u"password-file"_s))
        return fail(cmd, Usage, tr("give only one of --secret-file and --password-file"));
    if (parser.isSet(u"trust-cert"_s) && parser.isSet(u"insecure"_s))
        return fail(cmd, Usage, tr("--trust-cert and --insecure exclude each other"));
    request.login = parser.isSet(u"password-file"_s) ? RegistrationRequest::Login::Password
                                                     : RegistrationRequest::Login::AutomationSecret;
    if (parser.isSet(u"insecure"_s))
        request.trust = RegistrationRequest::Trust::Insecure;
    if (const QString invalid = request.validationError(); !invalid.isEmpty())
        return fail(cmd, Usage, invalid);
    int deadlineMs = RestClient::defaultDeadlineMs;
    if (parser.isSet(u"timeout"_s)) {
        bool ok = false;
        const int seconds = parser.value(u"timeout"_s).trimmed().toInt(&ok);
        if (!ok || seconds < 1 || seconds > maxTimeoutSeconds)
            return fail(cmd, Usage,
                        tr("--timeout: expected a whole number of seconds from 1 to %1")
                            .arg(maxTimeoutSeconds));
        deadlineMs = seconds * 1000;
    }

    const QString statePath = parser.value(u"state-file"_s);
    const UpdaterStateFile::ReadResult current = UpdaterStateFile::read(statePath);
    if (!current.ok())
        return fail(cmd, StateFileError, current.error);
    if (!UpdaterStateFile::isWritable(statePath))
        return fail(cmd, StateFileError,
                    tr("cannot write %1 (run as root, or choose another path with --state-file)")
                        .arg(statePath));
    // Certificates trusted at an earlier registration stay trusted, as for the updater.
    const QStringList known = current.parsed.values.value(u"local_certificates"_s).toStringList();
    if (!known.isEmpty() && request.trust == RegistrationRequest::Trust::Verify) {
        request.trust = RegistrationRequest::Trust::TrustCertificate;
        request.trustedCertificatesPem = known;
    }

    QByteArray secret;
    QString error;
    const QString secretPath
        = parser.value(parser.isSet(u"secret-file"_s) ? u"secret-file"_s : u"password-file"_s);
    if (!readSecretFile(secretPath, &secret, &error))
        return fail(cmd, Usage, error);

    RegistrationOutcome outcome = registerOnce(request, secret, deadlineMs);
    if (outcome.failure == RegistrationOutcome::Failure::Tls && parser.isSet(u"trust-cert"_s)
        && !outcome.error.certificateChain.isEmpty()) {
        const CertificateDetails &leaf = outcome.error.certificateChain.first();
        // A notice, not an error: stderr keeps its one line for a failure.
        std::fprintf(stdout, "Trusting the server's certificate %s (%s)\n",
                     qPrintable(leaf.sha256Display()),
                     qPrintable(DisplayText::sanitized(leaf.subject, 300)));
        for (const QString &warning : RegistrationClient::trustWarnings(leaf.pem, request.server))
            std::fprintf(stdout, "Warning: %s\n", qPrintable(DisplayText::sanitized(warning)));
        request.trust = RegistrationRequest::Trust::TrustCertificate;
        request.trustedCertificatesPem << leaf.pem;
        request.pinnedSha256 << leaf.sha256;
        outcome = registerOnce(request, secret, deadlineMs);
    }
    SecureBuffer::wipe(secret);

    if (siteNotFound(outcome))
        return fail(cmd, SiteNotFound,
                    tr("site not found: %1 answered %2 for %3; check --site (the site's name, as "
                       "in https://server/SITE/) and --server")
                        .arg(request.server)
                        .arg(outcome.error.status)
                        .arg(outcome.error.url));
    switch (outcome.failure) {
    case RegistrationOutcome::Failure::None:
        break;
    case RegistrationOutcome::Failure::Tls: {
        const QString fingerprint = outcome.error.certificateChain.isEmpty()
            ? tr("no certificate")
            : outcome.error.certificateChain.first().sha256Display();
        return fail(cmd, TlsNotTrusted,
                    tr("the server's certificate is not trusted (SHA-256 %1): %2; use --trust-cert "
                       "to trust it")
                        .arg(fingerprint, outcome.error.detail));
    }
    case RegistrationOutcome::Failure::Authentication:
        return fail(cmd, AuthenticationFailed,
                    tr("wrong user or secret: the site did not accept the credentials of %1")
                        .arg(request.user));
    case RegistrationOutcome::Failure::Refused:
        return fail(cmd, RegistrationRefused, outcome.error.title + u": "_s + outcome.error.detail);
    case RegistrationOutcome::Failure::Network:
        return fail(cmd, NetworkError, outcome.error.summary());
    }

    UpdaterStateFile file(statePath);
    if (!file.update(RegistrationClient::stateValues(request, outcome, current.parsed.values),
                     &error))
        return fail(cmd, StateFileError, error);
    QTextStream out(stdout);
    out << tr("Registered %1 at site %2; state written to %3.")
               .arg(outcome.hostName, request.site, statePath)
        << '\n';
    for (const QString &dropped : std::as_const(outcome.rejectedCertificates))
        out << tr("Note: a certificate the site sent was not kept: %1")
                   .arg(DisplayText::sanitized(dropped, 500))
            << '\n';
    if (!outcome.monitored)
        out << tr("Note: the host is not yet monitored; activate the pending changes on the "
                  "site.")
            << '\n';
    return Ok;
}

int CommandLineTool::showConfig(const QStringList &arguments)
{
    const QString cmd = u"show-config"_s;
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Prints the agent updater's configuration: each key, its value (secrets masked) and "
           "the file it comes from. Values in the .cfg override the .state."));
    parser.addOptions({
        { u"cfg"_s, tr("The .cfg file (default %1).").arg(UpdaterStateFile::defaultConfigPath()),
          u"path"_s, UpdaterStateFile::defaultConfigPath() },
        { u"state"_s, tr("The .state file (default %1).").arg(UpdaterStateFile::defaultStatePath()),
          u"path"_s, UpdaterStateFile::defaultStatePath() },
    });
    addHelpOptions(parser);
    if (!parser.parse(arguments))
        return fail(cmd, Usage, usageError(cmd, parser.errorText()));
    if (isHelpRequested(parser)) {
        printHelp(parser, tr("Usage: agentdesk show-config [--cfg P] [--state P]"),
                  tr("Exit codes:\n"
                     "  0  shown\n"
                     "  2  usage: an option wrong\n"
                     "  6  a file cannot be read or parsed"));
        return Ok;
    }
    if (!parser.positionalArguments().isEmpty())
        return fail(
            cmd, Usage,
            usageError(cmd,
                       tr("unexpected argument \"%1\"").arg(parser.positionalArguments().first())));
    const auto cfg = UpdaterStateFile::read(parser.value(u"cfg"_s));
    if (!cfg.ok())
        return fail(cmd, StateFileError, cfg.error);
    const auto state = UpdaterStateFile::read(parser.value(u"state"_s));
    if (!state.ok())
        return fail(cmd, StateFileError, state.error);
    QTextStream out(stdout);
    const auto entries = UpdaterConfigView::merge(cfg.parsed.values, state.parsed.values);
    for (const UpdaterConfigEntry &e : entries) {
        out << DisplayText::sanitized(e.key, 200) << " = "
            << DisplayText::sanitized(UpdaterConfigView::displayValue(e.key, e.value, false), 4000)
            << "  (" << UpdaterConfigView::sourceName(e.source)
            << (e.overridesState ? tr(", overrides the .state") : QString()) << ")\n";
    }
    if (entries.isEmpty())
        out << tr("No configuration: neither %1 nor %2 has any key.")
                   .arg(parser.value(u"cfg"_s), parser.value(u"state"_s))
            << '\n';
    return Ok;
}
