// Which keys the hosts of one agent accept: each host from the rule effective for it, so rules
// whose conditions differ make the hosts of one agent accept different keys.
#include <QTest>

#include "AgentKeyAcceptance.h"

using namespace Qt::StringLiterals;

namespace {
QString pem(const char *body)
{
    return u"-----BEGIN CERTIFICATE-----\n%1\n-----END CERTIFICATE-----\n"_s.arg(
        QString::fromLatin1(body));
}

AgentUpdaterRule rule(const QString &id, const QString &folder, const QString &description,
                      const QVariantMap &value)
{
    AgentUpdaterRule r;
    r.id = id;
    r.folder = folder;
    r.properties.description = description;
    r.value = value;
    return r;
}

Host host(const QString &name, const QString &folder, const QString &criticality)
{
    Host h;
    h.name = name;
    h.folder = folder;
    h.tags.insert(u"criticality"_s, criticality);
    return h;
}
} // namespace

class TestAgentKeyAcceptance final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hostsOfOneAgentAcceptDifferentKeys();
    void noRuleSettingKeys();
    void lineEndsDoNotMatter();
};

void TestAgentKeyAcceptance::hostsOfOneAgentAcceptDifferentKeys()
{
    const QString keyA = pem("AAAA");
    const QString keyB = pem("BBBB");
    const QString keyC = pem("CCCC");
    // 1: production hosts in /linux accept A only.
    AgentUpdaterRule prod = rule(u"prod"_s, u"/linux"_s, u"Production: new key"_s,
                                 { { u"signature_keys"_s, QStringList { keyA } } });
    prod.conditions.hostTags.append(
        { u"criticality"_s, RuleConditions::TagOperator::Is, { u"prod"_s } });
    // 2: disabled, would accept C everywhere.
    AgentUpdaterRule off = rule(u"off"_s, u"/"_s, u"Old key, switched off"_s,
                                { { u"signature_keys"_s, QStringList { keyC } } });
    off.properties.disabled = true;
    // 3: sets only the interval for /linux/web: the keys come from a later rule.
    AgentUpdaterRule interval
        = rule(u"interval"_s, u"/linux/web"_s, u"Web: interval"_s, { { u"interval"_s, 1800 } });
    // 4: everybody else accepts B and A.
    AgentUpdaterRule all = rule(u"all"_s, u"/"_s, u"All hosts"_s,
                                { { u"signature_keys"_s, QStringList { keyB, keyA } } });
    const QList<AgentUpdaterRule> rules { prod, off, interval, all };

    const QList<Host> hosts { host(u"web-prod"_s, u"/linux/web"_s, u"prod"_s),
                              host(u"web-test"_s, u"/linux/web"_s, u"test"_s),
                              host(u"win"_s, u"/windows"_s, u"prod"_s) };
    const QList<AgentKeyAcceptance::Group> groups = AgentKeyAcceptance::groups(hosts, rules);
    QCOMPARE(groups.size(), 2);
    // The deeper rule wins for the production host; the interval rule does not set keys.
    QCOMPARE(groups.at(0).ruleId, u"prod"_s);
    QCOMPARE(groups.at(0).ruleNumber, 1);
    QCOMPARE(groups.at(0).ruleDescription, u"Production: new key"_s);
    QCOMPARE(groups.at(0).ruleFolder, u"/linux"_s);
    QCOMPARE(groups.at(0).hosts, QStringList({ u"web-prod"_s }));
    QVERIFY(AgentKeyAcceptance::accepts(groups.at(0), keyA.toUtf8()));
    QVERIFY(!AgentKeyAcceptance::accepts(groups.at(0), keyB.toUtf8()));
    QCOMPARE(groups.at(1).ruleId, u"all"_s);
    QCOMPARE(groups.at(1).ruleNumber, 4);
    QCOMPARE(groups.at(1).hosts, QStringList({ u"web-test"_s, u"win"_s }));
    QVERIFY(AgentKeyAcceptance::accepts(groups.at(1), keyB.toUtf8()));
    QVERIFY(AgentKeyAcceptance::accepts(groups.at(1), keyA.toUtf8()));
    // The disabled rule's key is accepted by nobody.
    for (const AgentKeyAcceptance::Group &g : groups)
        QVERIFY(!AgentKeyAcceptance::accepts(g, keyC.toUtf8()));

    // Signing with B: the production hosts refuse it, named by the rule that makes them.
    const QList<AgentKeyAcceptance::Agent> agents {
        { u"Linux web servers"_s, AgentKeyAcceptance::groups({ hosts.at(0), hosts.at(1) }, rules),
          u"0000000000000001"_s },
        { u"Windows servers"_s, AgentKeyAcceptance::groups({ hosts.at(2) }, rules),
          u"0000000000000002"_s }
    };
    const QList<AgentKeyAcceptance::Refusal> refusedB
        = AgentKeyAcceptance::refusals(agents, keyB.toUtf8());
    QCOMPARE(refusedB.size(), 1);
    QCOMPARE(refusedB.at(0).ruleId, u"prod"_s);
    QCOMPARE(refusedB.at(0).ruleNumber, 1);
    QCOMPARE(refusedB.at(0).hosts, 1);
    QCOMPARE(refusedB.at(0).agents, QStringList({ u"Linux web servers"_s }));
    QCOMPARE(refusedB.at(0).someHosts, QStringList({ u"web-prod"_s }));
    // A is accepted everywhere; C (only in the disabled rule) nowhere.
    QVERIFY(AgentKeyAcceptance::refusals(agents, keyA.toUtf8()).isEmpty());
    const QList<AgentKeyAcceptance::Refusal> refusedC
        = AgentKeyAcceptance::refusals(agents, keyC.toUtf8());
    QCOMPARE(refusedC.size(), 2);
    QCOMPARE(refusedC.at(1).ruleId, u"all"_s);
    QCOMPARE(refusedC.at(1).hosts, 2);
    QCOMPARE(refusedC.at(1).agents, QStringList({ u"Linux web servers"_s, u"Windows servers"_s }));

    // An agent whose only hosts are the test hosts: B is fine there, and A too.
    const QList<AgentKeyAcceptance::Group> testOnly
        = AgentKeyAcceptance::groups({ hosts.at(1) }, rules);
    QCOMPARE(testOnly.size(), 1);
    QCOMPARE(testOnly.at(0).ruleId, u"all"_s);
}

void TestAgentKeyAcceptance::noRuleSettingKeys()
{
    const QList<AgentUpdaterRule> rules { rule(u"interval"_s, u"/"_s, u"Interval only"_s,
                                               { { u"interval"_s, 600 } }) };
    const QList<AgentKeyAcceptance::Group> groups
        = AgentKeyAcceptance::groups({ host(u"h1"_s, u"/"_s, u"prod"_s) }, rules);
    QCOMPARE(groups.size(), 1);
    QVERIFY(groups.at(0).ruleId.isEmpty());
    QCOMPARE(groups.at(0).ruleNumber, 0);
    QVERIFY(groups.at(0).certificates.isEmpty());
    QVERIFY(!AgentKeyAcceptance::accepts(groups.at(0), pem("AAAA").toUtf8()));
    QVERIFY(AgentKeyAcceptance::groups({}, rules).isEmpty());
}

void TestAgentKeyAcceptance::lineEndsDoNotMatter()
{
    const QByteArray unix = pem("AAAA").toUtf8();
    QByteArray windows = unix;
    windows.replace("\n", "\r\n");
    QCOMPARE(AgentKeyAcceptance::normalizedPem(windows), AgentKeyAcceptance::normalizedPem(unix));
    QCOMPARE(AgentKeyAcceptance::normalizedPem(unix + "\n\n"),
             AgentKeyAcceptance::normalizedPem(unix));
}

QTEST_MAIN(TestAgentKeyAcceptance)
#include "tst_agentkeyacceptance.moc"
