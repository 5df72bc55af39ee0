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
    void siteStatusDecidesWhatItReports();
    void siteStatusNotMetWins();
    void consoleDefectStillCounts();
    void partialSiteStatusFallsBackPerItem();
    void noSiteStatusSaysSo();
    void activatedSwitchDiffersFromConfigured();

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

// A stock site: keys and signatures cannot be read, but the site reports them itself.
void TestPrerequisites::siteStatusDecidesWhatItReports()
{
    Prerequisites::Input in = complete();
    in.keys.reset();
    in.agents = QList<Prerequisites::AgentInfo> { { u"0123456789abcdef"_s, {} } };
    DeploymentStatus site;
    site.deploymentEnabled = true;
    site.updaterRuleConfigured = true;
    site.signatureKeyConfigured = true;
    site.agentsBaked = true;
    site.agentsSigned = true;
    in.deployment = site;
    const auto results = Prerequisites::evaluate(in);
    QCOMPARE(results.size(), 5);
    for (const auto &r : results) {
        QVERIFY2(r.state == State::Met, qPrintable(r.title + u": "_s + r.reason));
        if (r.item == Prerequisites::Item::RegisteredHost) {
            QCOMPARE(r.source, Prerequisites::Source::Console);
            QVERIFY(r.sourceText.contains(u"does not report this item"_s));
        } else {
            QCOMPARE(r.source, Prerequisites::Source::Site);
            QVERIFY(r.sourceText.contains(u"Reported by the site"_s));
        }
    }
    // Without the site's status the same input leaves these unknown.
    in.deployment.reset();
    const auto fallback = Prerequisites::evaluate(in);
    QCOMPARE(fallback.at(0).state, State::Unknown);
    QCOMPARE(fallback.at(2).state, State::Unknown);
}

void TestPrerequisites::siteStatusNotMetWins()
{
    // The console's reading says all is well, the site says otherwise: the site decides.
    Prerequisites::Input in = complete();
    DeploymentStatus site;
    site.signatureKeyConfigured = false;
    site.updaterRuleConfigured = false;
    site.agentsBaked = true;
    site.agentsSigned = false;
    in.deployment = site;
    const auto results = Prerequisites::evaluate(in);
    QCOMPARE(results.at(0).state, State::NotMet);
    QVERIFY(results.at(0).reason.contains(u"no signature key"_s));
    QCOMPARE(results.at(1).state, State::NotMet);
    QCOMPARE(results.at(2).state, State::NotMet);
    QVERIFY(results.at(2).reason.contains(u"not signed"_s));
    for (int i = 0; i < 3; ++i)
        QCOMPARE(results.at(i).source, Prerequisites::Source::Site);

    // No agents baked: said so, whatever the signed flag.
    site.agentsBaked = false;
    site.agentsSigned.reset();
    in.deployment = site;
    QVERIFY(Prerequisites::evaluate(in).at(2).reason.contains(u"no baked agents"_s));
}

void TestPrerequisites::consoleDefectStillCounts()
{
    // The rule accepts only a deleted key: the site calls the rule configured, the console
    // knows that it cannot work.
    Prerequisites::Input in = complete();
    in.rules = QList<AgentUpdaterRule> { rule(
        "-----BEGIN CERTIFICATE-----\nGONE\n-----END CERTIFICATE-----\n") };
    DeploymentStatus site;
    site.updaterRuleConfigured = true;
    in.deployment = site;
    const auto results = Prerequisites::evaluate(in);
    QCOMPARE(results.at(1).state, State::NotMet);
    QVERIFY(results.at(1).reason.contains(u"no longer exist"_s));
    QVERIFY(results.at(1).sourceText.contains(u"reports this as met"_s));
}

void TestPrerequisites::partialSiteStatusFallsBackPerItem()
{
    // A site whose value object names only some items (or other fields): the rest the old way.
    Prerequisites::Input in = complete();
    in.keys = QList<Prerequisites::KeyInfo> {};
    DeploymentStatus site;
    site.updaterRuleConfigured = true;
    in.deployment = site;
    const auto results = Prerequisites::evaluate(in);
    QCOMPARE(results.at(0).state, State::NotMet); // from the (empty) key list
    QCOMPARE(results.at(0).source, Prerequisites::Source::Console);
    QVERIFY(results.at(0).sourceText.contains(u"does not report this item"_s));
    QCOMPARE(results.at(4).source, Prerequisites::Source::Console);
}

void TestPrerequisites::noSiteStatusSaysSo()
{
    Prerequisites::Input in = complete();
    in.deploymentUnavailable = u"this site does not offer it."_s;
    const auto results = Prerequisites::evaluate(in);
    for (const auto &r : results) {
        QCOMPARE(r.source, Prerequisites::Source::Console);
        QCOMPARE(r.sourceText, u"Checked by AgentDesk: this site does not offer it."_s);
        QCOMPARE(r.state, State::Met);
    }
}

void TestPrerequisites::activatedSwitchDiffersFromConfigured()
{
    Prerequisites::Input in = complete();
    in.masterSwitch = true; // configured on
    DeploymentStatus site;
    site.deploymentEnabled = false; // not yet activated
    in.deployment = site;
    auto results = Prerequisites::evaluate(in);
    QCOMPARE(results.at(4).state, State::NotMet);
    QVERIFY(results.at(4).reason.contains(u"once the changes are activated"_s));
    in.masterSwitch = false;
    site.deploymentEnabled = true;
    in.deployment = site;
    results = Prerequisites::evaluate(in);
    QCOMPARE(results.at(4).state, State::Met);
    QVERIFY(results.at(4).reason.contains(u"switched off"_s));
}

QTEST_GUILESS_MAIN(TestPrerequisites)
#include "tst_prerequisites.moc"
