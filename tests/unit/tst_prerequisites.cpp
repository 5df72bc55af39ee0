#include <QTest>

#include "Prerequisites.h"
#include "PythonLiteral.h"

using namespace Qt::StringLiterals;
using State = Prerequisites::State;

class TestPrerequisites final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptySite();
    void allMet();
    void unknownWhenUnreadable();
    void ruleWithDeletedKey();
    void unsignedAgents();

private:
    static Prerequisites::Input complete();
};

namespace {
const QByteArray certA = "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n";
const QByteArray certB = "-----BEGIN CERTIFICATE-----\nBBBB\n-----END CERTIFICATE-----\n";

AgentUpdaterRule rule(const QByteArray &acceptedPem)
{
    AgentUpdaterRule r;
    r.id = u"r1"_s;
    r.value
        = PythonLiteral::parse(
              uR"({'activated': 'enabled', 'server_data': {'server': 'mon', 'site': 'prod', 'protocol': 'https', 'usage': 'always'}, 'interval': 3600, 'signature_keys': ['%1']})"_s
                  .arg(QString::fromLatin1(acceptedPem).replace(u"\n"_s, u"\\n"_s)),
              nullptr)
              .toMap();
    return r;
}
} // namespace

Prerequisites::Input TestPrerequisites::complete()
{
    Prerequisites::Input in;
    in.keys = QList<Prerequisites::KeyInfo> { { 1, u"A"_s, certA }, { 2, u"B"_s, certB } };
    in.rules = QList<AgentUpdaterRule> { rule(certA) };
    in.agents = QList<Prerequisites::AgentInfo> { { u"0123456789abcdef"_s, { 1 } },
                                                  { u"fedcba9876543210"_s, { 1, 2 } } };
    in.registeredHosts = 12;
    in.masterSwitch = true;
    return in;
}

void TestPrerequisites::emptySite()
{
    Prerequisites::Input in;
    in.keys = QList<Prerequisites::KeyInfo> {};
    in.rules = QList<AgentUpdaterRule> {};
    in.agents = QList<Prerequisites::AgentInfo> {};
    in.registeredHosts = 0;
    in.masterSwitch = false;
    const auto results = Prerequisites::evaluate(in);
    QCOMPARE(results.size(), 5);
    for (const auto &r : results) {
        QCOMPARE(r.state, State::NotMet);
        QVERIFY(!r.reason.isEmpty());
    }
    QCOMPARE(Prerequisites::missing(results).size(), 4); // the switch itself is not "missing"
}

void TestPrerequisites::allMet()
{
    const auto results = Prerequisites::evaluate(complete());
    for (const auto &r : results)
        QVERIFY2(r.state == State::Met, qPrintable(r.title + u": "_s + r.reason));
    QVERIFY(Prerequisites::missing(results).isEmpty());
    QCOMPARE(Prerequisites::acceptedKeyIds(complete()), QList<int> { 1 });
    QVERIFY(results.at(1).reason.contains(u"mon"_s));
}

void TestPrerequisites::unknownWhenUnreadable()
{
    Prerequisites::Input in = complete();
    in.keys.reset();
    in.masterSwitch.reset();
    const auto results = Prerequisites::evaluate(in);
    QCOMPARE(results.at(0).state, State::Unknown);
    QCOMPARE(results.at(1).state, State::Unknown);
    QCOMPARE(results.at(4).state, State::Unknown);
    QCOMPARE(results.at(3).state, State::Met);
}

void TestPrerequisites::ruleWithDeletedKey()
{
    Prerequisites::Input in = complete();
    in.rules = QList<AgentUpdaterRule> { rule(
        "-----BEGIN CERTIFICATE-----\nGONE\n-----END CERTIFICATE-----\n") };
    const auto results = Prerequisites::evaluate(in);
    QCOMPARE(results.at(1).state, State::NotMet);
    QVERIFY(results.at(1).reason.contains(u"no longer exist"_s));
    QCOMPARE(results.at(2).state, State::NotMet);
}

void TestPrerequisites::unsignedAgents()
{
    Prerequisites::Input in = complete();
    in.agents = QList<Prerequisites::AgentInfo> { { u"0123456789abcdef"_s, { 2 } },
                                                  { u"fedcba9876543210"_s, {} } };
    const auto results = Prerequisites::evaluate(in);
    QCOMPARE(results.at(2).state, State::NotMet);
    QVERIFY(results.at(2).reason.contains(u"2 agent configuration"_s));
}

QTEST_GUILESS_MAIN(TestPrerequisites)
#include "tst_prerequisites.moc"
