// The built `agentdesk` on a machine without a display (ctest unsets DISPLAY, WAYLAND_DISPLAY
// and QT_QPA_PLATFORM for this test; each run here removes them again, so it holds when run by
// hand under a desktop too): --help, --version and the commands work, mistakes in the options
// are named, and the window says in one line that it needs a display instead of aborting.
#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestHeadlessCli final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void environmentHasNoDisplay();
    void help_data();
    void help();
    void version();
    void versionWithQtOptions();
    void commandHelp_data();
    void commandHelp();
    void registerListsEveryMissingOption();
    void registerNamesOneMissingOption();
    void usageErrors_data();
    void usageErrors();
    void showConfigRuns();
    void windowWithoutDisplaySaysSo();

private:
    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    static Run agentdesk(const QStringList &arguments);
    static void verifyNoQtOptions(const QByteArray &help);
};

TestHeadlessCli::Run TestHeadlessCli::agentdesk(const QStringList &arguments)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &name : { u"DISPLAY"_s, u"WAYLAND_DISPLAY"_s, u"QT_QPA_PLATFORM"_s })
        env.remove(name);
    QProcess p;
    p.setProcessEnvironment(env);
    p.setProcessChannelMode(QProcess::SeparateChannels);
    p.setStandardInputFile(QProcess::nullDevice());
    // The test binary is in <build>/tests, the application in <build>/app.
    p.start(QCoreApplication::applicationDirPath() + u"/../app/agentdesk"_s, arguments);
    Run r;
    if (!p.waitForFinished(60000))
        return r;
    // A crash (Qt's abort without a platform plugin) is not an exit code.
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

void TestHeadlessCli::verifyNoQtOptions(const QByteArray &help)
{
    // What QCommandLineParser::addHelpOption's --help-all would add (Qt's own options).
    for (const char *qtOption : { "-platform", "-qmljsdebugger", "-style", "-reverse",
                                  "-qwindowgeometry", "--help-all", "-stylesheet" })
        QVERIFY2(!help.contains(qtOption), qtOption);
}

void TestHeadlessCli::environmentHasNoDisplay()
{
    // ctest's ENVIRONMENT_MODIFICATION for this test: nothing below may lean on a display.
    QVERIFY(qEnvironmentVariableIsEmpty("DISPLAY"));
    QVERIFY(qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"));
    QVERIFY(!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"));
}

void TestHeadlessCli::help_data()
{
    QTest::addColumn<QString>("option");
    QTest::newRow("--help") << u"--help"_s;
    QTest::newRow("-h") << u"-h"_s;
    QTest::newRow("--help-all") << u"--help-all"_s;
}

void TestHeadlessCli::help()
{
    QFETCH(QString, option);
    const Run r = agentdesk({ option });
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.err, QByteArray());
    QVERIFY2(r.out.startsWith("Usage: agentdesk [--demo"), r.out.constData());
    QVERIFY(r.out.contains("\n       agentdesk register --server S --site I --hostname H"));
    QVERIFY(r.out.contains("\n       agentdesk show-config"));
    QVERIFY(r.out.contains("--demo-hosts <n>"));
    QVERIFY(r.out.contains("--connection <name>"));
    QVERIFY(r.out.contains("xvfb-run agentdesk --demo"));
    verifyNoQtOptions(r.out);
}

void TestHeadlessCli::version()
{
    for (const QString &option : { u"--version"_s, u"-v"_s }) {
        const Run r = agentdesk({ option });
        QCOMPARE(r.exitCode, 0);
        // AGENTDESK_CMAKE_VERSION is project(VERSION), given to this test by tests/CMakeLists.txt.
        QCOMPARE(r.out, QByteArray("AgentDesk " AGENTDESK_CMAKE_VERSION "\n"));
        QCOMPARE(r.err, QByteArray());
    }
}

void TestHeadlessCli::versionWithQtOptions()
{
    // Qt's own options are QApplication's: accepted, never an "unknown option".
    const Run r = agentdesk({ u"-style"_s, u"fusion"_s, u"-reverse"_s, u"--version"_s });
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QByteArray("AgentDesk " AGENTDESK_CMAKE_VERSION "\n"));
}

void TestHeadlessCli::commandHelp_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("usage");
    QTest::addColumn<QString>("lastExitCode");
    const QString registerUsage = u"Usage: agentdesk register --server S --site I --hostname H "
                                  "--user U (--secret-file F | --password-file F) [options]\n"_s;
    const QString showConfigUsage = u"Usage: agentdesk show-config [--cfg P] [--state P]\n"_s;
    QTest::newRow("register --help")
        << QStringList { u"register"_s, u"--help"_s } << registerUsage << u"8  site not found"_s;
    QTest::newRow("register --help-all") << QStringList { u"register"_s, u"--help-all"_s }
                                         << registerUsage << u"8  site not found"_s;
    QTest::newRow("show-config --help") << QStringList { u"show-config"_s, u"--help"_s }
                                        << showConfigUsage << u"6  a file cannot be read"_s;
    QTest::newRow("show-config -h") << QStringList { u"show-config"_s, u"-h"_s } << showConfigUsage
                                    << u"6  a file cannot be read"_s;
}

void TestHeadlessCli::commandHelp()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, usage);
    QFETCH(QString, lastExitCode);
    const Run r = agentdesk(arguments);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.err, QByteArray());
    QVERIFY2(r.out.startsWith(usage.toUtf8()), r.out.constData());
    QVERIFY(r.out.contains("\nExit codes:\n"));
    QVERIFY2(r.out.contains(lastExitCode.toUtf8()), r.out.constData());
    verifyNoQtOptions(r.out);
    if (arguments.first() == u"register"_s) // the deadline a script can set
        QVERIFY2(r.out.contains("--timeout <seconds>"), r.out.constData());
}

void TestHeadlessCli::registerListsEveryMissingOption()
{
    const Run r = agentdesk({ u"register"_s });
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.out, QByteArray());
    QCOMPARE(r.err.trimmed().count('\n'), 0); // one line
    QCOMPARE(r.err,
             QByteArray("agentdesk register: missing --server; --site; --hostname; --user; one "
                        "of --secret-file and --password-file (agentdesk register --help lists "
                        "the options)\n"));
}

void TestHeadlessCli::registerNamesOneMissingOption()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const Run r = agentdesk({ u"register"_s, u"--server"_s, u"example.com"_s, u"--site"_s,
                              u"mysite"_s, u"--user"_s, u"automation"_s, u"--secret-file"_s,
                              dir.filePath(u"secret"_s) });
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.startsWith("agentdesk register: missing --hostname ("), r.err.constData());
}

void TestHeadlessCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("error");
    QTest::newRow("unknown option")
        << QStringList { u"--bogus"_s }
        << u"agentdesk: Unknown option 'bogus' (agentdesk --help lists the options)\n"_s;
    QTest::newRow("unknown command")
        << QStringList { u"regster"_s }
        << u"agentdesk: unknown command \"regster\" (the commands are register and "
           "show-config)\n"_s;
    QTest::newRow("demo hosts not a number")
        << QStringList { u"--demo"_s, u"--demo-hosts"_s, u"many"_s }
        << u"agentdesk: --demo-hosts: expected a whole number from 0 to 200000\n"_s;
    QTest::newRow("demo and connection")
        << QStringList { u"--demo"_s, u"--connection"_s, u"prod"_s }
        << u"agentdesk: --demo and --connection exclude each other\n"_s;
    QTest::newRow("register: unknown option")
        << QStringList { u"register"_s, u"--sever"_s, u"x"_s }
        << u"agentdesk register: Unknown option 'sever' (agentdesk register --help lists the "
           "options)\n"_s;
    QTest::newRow("show-config: stray argument")
        << QStringList { u"show-config"_s, u"/etc/x.cfg"_s }
        << u"agentdesk show-config: unexpected argument \"/etc/x.cfg\" (agentdesk show-config "
           "--help lists the options)\n"_s;
}

void TestHeadlessCli::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, error);
    const Run r = agentdesk(arguments);
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(QString::fromUtf8(r.err), error);
    QCOMPARE(r.out, QByteArray());
}

void TestHeadlessCli::showConfigRuns()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile cfg(dir.filePath(u"cmk-update-agent.cfg"_s));
    QVERIFY(cfg.open(QIODevice::WriteOnly));
    cfg.write("{'server': 'monitoring.example.com', 'site': 'prod'}\n");
    cfg.close();
    const Run r = agentdesk({ u"show-config"_s, u"--cfg"_s, cfg.fileName(), u"--state"_s,
                              dir.filePath(u"none.state"_s) });
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains("server = monitoring.example.com  (cmk-update-agent.cfg)"),
             r.out.constData());
    QVERIFY(r.out.contains("site = prod  (cmk-update-agent.cfg)"));
}

void TestHeadlessCli::windowWithoutDisplaySaysSo()
{
    for (const QStringList &arguments : { QStringList { u"--demo"_s }, QStringList {} }) {
        const Run r = agentdesk(arguments);
        QCOMPARE(r.exitCode, 1); // not Qt's abort (a crash, -2 here)
        QCOMPARE(r.out, QByteArray());
        QCOMPARE(r.err.trimmed().count('\n'), 0);
        QVERIFY2(r.err.startsWith("agentdesk: no display (DISPLAY and WAYLAND_DISPLAY are not "
                                  "set)"),
                 r.err.constData());
        QVERIFY(r.err.contains("xvfb-run agentdesk --demo"));
        QVERIFY(r.err.contains("agentdesk --help"));
    }
}

QTEST_GUILESS_MAIN(TestHeadlessCli)
#include "tst_headless_cli.moc"
