// Values on screen in words and the editor's units: rule parameters as the rule editor names
// them, Python literals as words, intervals in minutes, epochs as local dates.
#include <QDateTime>
#include <QLocale>
#include <QTest>
#include <QTranslator>

#include "AgentUpdaterConfig.h"
#include "PythonLiteral.h"
#include "UpdaterConfigView.h"

using namespace Qt::StringLiterals;

class TestHumanValues final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void fieldLabels();
    void ruleValues();
    void localConfigValues();

private:
    QTranslator m_english;
};

void TestHumanValues::initTestCase()
{
    // The English plural forms live in the embedded translation, as in the application.
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QVERIFY(m_english.load(u":/i18n/agentdesk_en.qm"_s));
    QVERIFY(QCoreApplication::installTranslator(&m_english));
}

void TestHumanValues::fieldLabels()
{
    QCOMPARE(AgentUpdaterConfig::fieldLabel(u"server_data.server"_s), u"Update server"_s);
    QCOMPARE(AgentUpdaterConfig::fieldLabel(u"interval"_s), u"Check interval"_s);
    QCOMPARE(AgentUpdaterConfig::fieldLabel(u"signature_keys[1]"_s),
             u"Accepted signature keys (no. 2)"_s);
    QCOMPARE(AgentUpdaterConfig::fieldLabel(u"proxy.port"_s), u"Proxy: port"_s);
    // Every field validate() can name has a label: no key reaches the screen.
    AgentUpdaterConfig broken;
    broken.serverData = AgentUpdaterConfig::ServerData { {}, {}, u"ftp"_s, u"sometimes"_s };
    broken.interval = 0;
    broken.proxy = AgentUpdaterConfig::Proxy {
        AgentUpdaterConfig::ProxyMode::ExplicitProxy, {}, 0, u"gopher"_s, {}, true
    };
    broken.edition = u"exe"_s;
    broken.certificates = QStringList { u"not a pem"_s };
    broken.signatureKeys = QStringList();
    const auto issues = broken.validate();
    QVERIFY(issues.size() >= 8);
    for (const AgentUpdaterConfig::Issue &issue : issues)
        QVERIFY2(AgentUpdaterConfig::fieldLabel(issue.field) != issue.field,
                 qPrintable(issue.field));
}

void TestHumanValues::ruleValues()
{
    // As the site sends them: the proxy as a Python tuple, the interval in seconds.
    PythonLiteral::Error error;
    const QVariantMap value
        = PythonLiteral::parse(u"{'proxy': ('no_proxy', None), 'interval': 3600, "
                               "'edition': 'bit64', 'activated': 'enabled', "
                               "'server_data': {'server': 'cmk.example.com', 'site': 'prod', "
                               "'protocol': 'https', 'usage': 'always'}}"_s,
                               &error)
              .toMap();
    QVERIFY2(!error.isError(), qPrintable(error.toString()));
    QCOMPARE(AgentUpdaterConfig::displayValue(u"proxy"_s, value.value(u"proxy"_s)), u"No proxy"_s);
    QCOMPARE(AgentUpdaterConfig::displayValue(u"interval"_s, value.value(u"interval"_s)),
             u"60 minutes"_s);
    QCOMPARE(AgentUpdaterConfig::displayValue(u"edition"_s, value.value(u"edition"_s)),
             u"Packaged binary (64 bit)"_s);
    QCOMPARE(AgentUpdaterConfig::displayValue(u"activated"_s, value.value(u"activated"_s)),
             u"Deployed"_s);
    QCOMPARE(AgentUpdaterConfig::displayValue(u"server_data"_s, value.value(u"server_data"_s)),
             u"https://cmk.example.com/prod, for registration and updates"_s);
    // An unknown key keeps its literal rather than losing information.
    QCOMPARE(AgentUpdaterConfig::displayValue(u"future_key"_s, QVariant(u"x"_s)),
             PythonLiteral::write(QVariant(u"x"_s)));
}

void TestHumanValues::localConfigValues()
{
    // The state file holds the epoch as a float, as cmk-update-agent writes it.
    const double epoch = 1550232737.3699999;
    const QString shown = UpdaterConfigView::readableValue(u"last_check"_s, epoch, false);
    QCOMPARE(shown,
             QLocale().toString(QDateTime::fromMSecsSinceEpoch(qint64(epoch * 1000)),
                                QLocale::ShortFormat));
    QVERIFY(!shown.contains(u"1550232737"_s));
    QCOMPARE(UpdaterConfigView::readableValue(u"interval"_s, 3600, false), u"60 minutes"_s);
    QCOMPARE(UpdaterConfigView::readableValue(u"use_proxy_env"_s, false, false), u"no"_s);
    QCOMPARE(UpdaterConfigView::readableValue(u"update_url"_s, QVariant(), false), u"(none)"_s);
    // The command line keeps show-config's literal form.
    QCOMPARE(UpdaterConfigView::displayValue(u"interval"_s, 3600, false), u"3600"_s);
}

QTEST_GUILESS_MAIN(TestHumanValues)
#include "tst_humanvalues.moc"
