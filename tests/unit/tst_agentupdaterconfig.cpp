#include <QTest>

#include "AgentUpdaterConfig.h"
#include "PythonLiteral.h"

using namespace Qt::StringLiterals;

using Severity = AgentUpdaterConfig::Severity;

class TestAgentUpdaterConfig final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readFullValue();
    void roundTrip_data();
    void roundTrip();
    void partialValueWritesOnlyItsKeys();
    void validate_data();
    void validate();
};

static const QString kCert = u"-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"_s;

static QString fullValue()
{
    return u"{'activated': 'enabled', 'server_data': {'server': 'cmk.example.com', 'site': "
           "'mysite', 'protocol': 'https', 'usage': 'always'}, 'certificates': ["_s
        + PythonLiteral::write(kCert)
        + u"], 'interval': 3600, 'proxy': ('explicit_proxy', {'server': 'proxy', 'port': "
          "3128, 'proxy_protocol': 'socks5'}), 'edition': 'bit64', 'signature_keys': ["_s
        + PythonLiteral::write(kCert) + u"]}"_s;
}

void TestAgentUpdaterConfig::readFullValue()
{
    PythonLiteral::Error error;
    const QVariantMap raw = PythonLiteral::parse(fullValue(), &error).toMap();
    QVERIFY2(!error.isError(), qPrintable(error.toString()));
    const AgentUpdaterConfig c = AgentUpdaterConfig::fromVariant(raw);
    QCOMPARE(c.activated, std::optional<bool>(true));
    QVERIFY(c.serverData);
    QCOMPARE(c.serverData->server, u"cmk.example.com"_s);
    QCOMPARE(c.serverData->site, u"mysite"_s);
    QCOMPARE(c.serverData->protocol, u"https"_s);
    QCOMPARE(c.serverData->usage, u"always"_s);
    QCOMPARE(c.certificates, std::optional<QStringList>(QStringList { kCert }));
    QCOMPARE(c.effectiveInterval(), 3600);
    QVERIFY(c.proxy);
    QCOMPARE(c.proxy->mode, AgentUpdaterConfig::ProxyMode::ExplicitProxy);
    QCOMPARE(c.proxy->server, u"proxy"_s);
    QCOMPARE(c.proxy->port, 3128);
    QCOMPARE(c.proxy->protocol, u"socks5"_s);
    QCOMPARE(c.edition, std::optional<QString>(u"bit64"_s));
    QCOMPARE(c.signatureKeys->size(), 1);
    QVERIFY(c.otherKeys.isEmpty());
    QVERIFY(c.validate().isEmpty());
    QCOMPARE(c.toVariant(), raw);
}

void TestAgentUpdaterConfig::roundTrip_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("no proxy tuple") << u"{'proxy': ('no_proxy', None)}"_s;
    QTest::newRow("env proxy string") << u"{'proxy': 'env_proxy'}"_s;
    QTest::newRow("explicit proxy with credentials")
        << u"{'proxy': ('explicit_proxy', {'credentials': ('user', 'pw'), 'port': 8080, "
           "'proxy_protocol': 'http', 'server': 'p'})}"_s;
    QTest::newRow("disabled") << u"{'activated': 'disabled'}"_s;
    QTest::newRow("unknown keys kept") << u"{'future_option': [1, 2], 'interval': 900}"_s;
    QTest::newRow("wrong shape kept") << u"{'interval': 'often', 'proxy': 42}"_s;
    QTest::newRow("empty") << u"{}"_s;
}

void TestAgentUpdaterConfig::roundTrip()
{
    QFETCH(QString, text);
    PythonLiteral::Error error;
    const QVariantMap raw = PythonLiteral::parse(text, &error).toMap();
    QVERIFY2(!error.isError(), qPrintable(error.toString()));
    const AgentUpdaterConfig c = AgentUpdaterConfig::fromVariant(raw);
    QCOMPARE(PythonLiteral::write(c.toVariant()), text);
}

void TestAgentUpdaterConfig::partialValueWritesOnlyItsKeys()
{
    AgentUpdaterConfig c;
    c.interval = 7200;
    QCOMPARE(PythonLiteral::write(c.toVariant()), u"{'interval': 7200}"_s);
    QCOMPARE(AgentUpdaterConfig().effectiveInterval(), 3600);
}

void TestAgentUpdaterConfig::validate_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("field");
    QTest::addColumn<int>("severity");
    const QString base = u"'server_data': {'server': 's', 'site': 'x', 'protocol': 'https', "
                         "'usage': 'always'}, 'signature_keys': ["_s
        + PythonLiteral::write(kCert) + u"]"_s;
    QTest::newRow("short interval")
        << u"{"_s + base + u", 'interval': 300}"_s << u"interval"_s << int(Severity::Warning);
    QTest::newRow("zero interval")
        << u"{"_s + base + u", 'interval': 0}"_s << u"interval"_s << int(Severity::Error);
    QTest::newRow("no signature key") << u"{'server_data': {'server': 's', 'site': 'x'}}"_s
                                      << u"signature_keys"_s << int(Severity::Error);
    QTest::newRow("empty signature keys")
        << u"{'server_data': {'server': 's', 'site': 'x'}, 'signature_keys': []}"_s
        << u"signature_keys"_s << int(Severity::Error);
    QTest::newRow("bad signature key")
        << u"{'server_data': {'server': 's', 'site': 'x'}, 'signature_keys': ['abc']}"_s
        << u"signature_keys[0]"_s << int(Severity::Error);
    QTest::newRow("no server data")
        << u"{'signature_keys': ["_s + PythonLiteral::write(kCert) + u"]}"_s << u"server_data"_s
        << int(Severity::Error);
    QTest::newRow("empty server")
        << u"{'server_data': {'server': '', 'site': 'x'}, 'signature_keys': ["_s
            + PythonLiteral::write(kCert) + u"]}"_s
        << u"server_data.server"_s << int(Severity::Error);
    QTest::newRow("http") << u"{'server_data': {'server': 's', 'site': 'x', 'protocol': 'http'}, "
                             "'signature_keys': ["_s
            + PythonLiteral::write(kCert) + u"]}"_s
                          << u"server_data.protocol"_s << int(Severity::Warning);
    QTest::newRow("bad usage") << u"{"_s + base.left(base.indexOf(u"'usage'"_s))
            + u"'usage': 'sometimes'}, 'signature_keys': ["_s + PythonLiteral::write(kCert)
            + u"]}"_s << u"server_data.usage"_s
                               << int(Severity::Error);
    QTest::newRow("bad certificate") << u"{"_s + base + u", 'certificates': ['x']}"_s
                                     << u"certificates[0]"_s << int(Severity::Error);
    QTest::newRow("proxy port") << u"{"_s + base
            + u", 'proxy': ('explicit_proxy', {'server': 'p', 'port': 70000})}"_s
                                << u"proxy.port"_s << int(Severity::Error);
    QTest::newRow("proxy server") << u"{"_s + base
            + u", 'proxy': ('explicit_proxy', {'server': '', 'port': 80})}"_s
                                  << u"proxy.server"_s << int(Severity::Error);
    QTest::newRow("edition") << u"{"_s + base + u", 'edition': 'bit32'}"_s << u"edition"_s
                             << int(Severity::Error);
    QTest::newRow("wrong shape") << u"{"_s + base + u", 'interval': '1h'}"_s << u"interval"_s
                                 << int(Severity::Error);
}

void TestAgentUpdaterConfig::validate()
{
    QFETCH(QString, text);
    QFETCH(QString, field);
    QFETCH(int, severity);
    PythonLiteral::Error error;
    const QVariantMap raw = PythonLiteral::parse(text, &error).toMap();
    QVERIFY2(!error.isError(), qPrintable(error.toString()));
    const auto issues = AgentUpdaterConfig::fromVariant(raw).validate();
    QCOMPARE(issues.size(), 1);
    QCOMPARE(issues[0].field, field);
    QCOMPARE(int(issues[0].severity), severity);
    QVERIFY(!issues[0].message.isEmpty());
    QCOMPARE(AgentUpdaterConfig::fromVariant(raw).hasErrors(), severity == int(Severity::Error));
}

QTEST_GUILESS_MAIN(TestAgentUpdaterConfig)
#include "tst_agentupdaterconfig.moc"
