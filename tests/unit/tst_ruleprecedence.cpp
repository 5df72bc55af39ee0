#include <QTest>

#include "PythonLiteral.h"
#include "RulePrecedence.h"

using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Host)

class TestRulePrecedence final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ruleMatches_data();
    void ruleMatches();
    void firstRulePerParameterWins();
    void disabledAndNonMatchingRulesSkipped();
    void noMatchingRule();
    void evaluationOrder();
};

static Host host()
{
    Host h;
    h.name = u"web01"_s;
    h.folder = u"/linux/web"_s;
    h.site = u"central"_s;
    h.tags = { { u"criticality"_s, u"prod"_s } };
    h.labels = { { u"os"_s, u"linux"_s } };
    return h;
}

static AgentUpdaterRule rule(const QString &id, const QString &folder, const QString &value)
{
    AgentUpdaterRule r;
    r.id = id;
    r.folder = folder;
    PythonLiteral::Error error;
    r.value = PythonLiteral::parse(value, &error).toMap();
    Q_ASSERT(!error.isError());
    return r;
}

void TestRulePrecedence::ruleMatches_data()
{
    QTest::addColumn<AgentUpdaterRule>("rule");
    QTest::addColumn<Host>("host");
    QTest::addColumn<bool>("expected");
    const Host h = host();
    AgentUpdaterRule r;
    QTest::newRow("root rule") << r << h << true;
    r.folder = u"/linux"_s;
    QTest::newRow("parent folder") << r << h << true;
    r.folder = u"~linux~web"_s;
    QTest::newRow("same folder, tilde") << r << h << true;
    r.folder = u"/lin"_s;
    QTest::newRow("folder prefix only") << r << h << false;
    r.folder = u"/linux/web/eu"_s;
    QTest::newRow("subfolder rule") << r << h << false;
    r = {};
    using Tag = RuleConditions::TagOperator;
    using Op = RuleConditions::LabelOperator;
    r.conditions.hostTags = { { u"criticality"_s, Tag::Is, { u"prod"_s } } };
    QTest::newRow("tag is") << r << h << true;
    r.conditions.hostTags = { { u"criticality"_s, Tag::IsNot, { u"prod"_s } } };
    QTest::newRow("tag is not") << r << h << false;
    r.conditions.hostTags = { { u"networking"_s, Tag::IsNot, { u"dmz"_s } } };
    QTest::newRow("missing tag is not") << r << h << true;
    r.conditions.hostTags = { { u"criticality"_s, Tag::OneOf, { u"test"_s, u"prod"_s } } };
    QTest::newRow("tag one of") << r << h << true;
    r.conditions.hostTags = { { u"criticality"_s, Tag::NoneOf, { u"test"_s, u"prod"_s } } };
    QTest::newRow("tag none of") << r << h << false;
    r.conditions.hostTags = { { u"criticality"_s, Tag::NoneOf, { u"test"_s } } };
    QTest::newRow("tag none of, other tag") << r << h << true;
    r = {};
    r.conditions.hostLabelGroups = { { Op::And, { { Op::And, u"os:linux"_s } } } };
    QTest::newRow("label is") << r << h << true;
    r.conditions.hostLabelGroups = { { Op::And, { { Op::And, u"os:windows"_s } } } };
    QTest::newRow("label differs") << r << h << false;
    r.conditions.hostLabelGroups
        = { { Op::And, { { Op::And, u"os:windows"_s }, { Op::Or, u"os:linux"_s } } } };
    QTest::newRow("label or") << r << h << true;
    r.conditions.hostLabelGroups = { { Op::And, { { Op::And, u"os:linux"_s } } },
                                     { Op::Not, { { Op::And, u"os:linux"_s } } } };
    QTest::newRow("label group and not") << r << h << false;
    r.conditions.hostLabelGroups = { { Op::And, { { Op::Not, u"os:windows"_s } } } };
    QTest::newRow("label not") << r << h << true;
    r = {};
    r.conditions.hostNames = RuleConditions::HostNames { { u"db01"_s, u"web01"_s }, false };
    QTest::newRow("name listed") << r << h << true;
    r.conditions.hostNames->negate = true;
    QTest::newRow("name listed, negated") << r << h << false;
    r = {};
    r.conditions.hostNames = RuleConditions::HostNames { { u"~web"_s }, false };
    QTest::newRow("name regex prefix") << r << h << true;
    r.conditions.hostNames = RuleConditions::HostNames { { u"~eb"_s }, false };
    QTest::newRow("name regex anchored at start") << r << h << false;
    r.conditions.hostNames = RuleConditions::HostNames { { u"~("_s }, false };
    QTest::newRow("invalid regex matches nothing") << r << h << false;
}

void TestRulePrecedence::ruleMatches()
{
    QFETCH(AgentUpdaterRule, rule);
    QFETCH(Host, host);
    QFETCH(bool, expected);
    QCOMPARE(rule.matches(host), expected);
}

void TestRulePrecedence::firstRulePerParameterWins()
{
    const QList<AgentUpdaterRule> rules {
        rule(u"r1"_s, u"/linux/web"_s, u"{'interval': 600}"_s),
        rule(u"r2"_s, u"/linux"_s, u"{'interval': 1200, 'edition': 'script'}"_s),
        rule(u"r3"_s, u"/"_s,
             u"{'activated': 'enabled', 'edition': 'bit64', 'server_data': {'server': 's', "
             "'site': 'x'}}"_s),
    };
    const EffectiveRuleValue e = RulePrecedence::effectiveValue(host(), rules);
    QCOMPARE(e.matchingRules, QStringList({ u"r1"_s, u"r2"_s, u"r3"_s }));
    QCOMPARE(e.value.value(u"interval"_s).toInt(), 600);
    QCOMPARE(e.ruleFor(u"interval"_s), u"r1"_s);
    QCOMPARE(e.value.value(u"edition"_s).toString(), u"script"_s);
    QCOMPARE(e.ruleFor(u"edition"_s), u"r2"_s);
    QCOMPARE(e.ruleFor(u"activated"_s), u"r3"_s);
    QCOMPARE(e.ruleFor(u"server_data"_s), u"r3"_s);
    QCOMPARE(e.ruleFor(u"proxy"_s), QString());
    const AgentUpdaterConfig c = e.config();
    QCOMPARE(c.effectiveInterval(), 600);
    QCOMPARE(c.serverData->server, u"s"_s);
}

void TestRulePrecedence::disabledAndNonMatchingRulesSkipped()
{
    AgentUpdaterRule disabled = rule(u"off"_s, u"/"_s, u"{'interval': 60}"_s);
    disabled.properties.disabled = true;
    AgentUpdaterRule other = rule(u"win"_s, u"/windows"_s, u"{'interval': 120}"_s);
    const QList<AgentUpdaterRule> rules { disabled, other,
                                          rule(u"base"_s, u"/"_s, u"{'interval': 3600}"_s) };
    const EffectiveRuleValue e = RulePrecedence::effectiveValue(host(), rules);
    QCOMPARE(e.matchingRules, QStringList({ u"base"_s }));
    QCOMPARE(e.ruleFor(u"interval"_s), u"base"_s);
}

void TestRulePrecedence::noMatchingRule()
{
    const EffectiveRuleValue e = RulePrecedence::effectiveValue(
        host(), { rule(u"win"_s, u"/windows"_s, u"{'interval': 120}"_s) });
    QVERIFY(e.isEmpty());
    QVERIFY(e.matchingRules.isEmpty());
    QCOMPARE(e.config().effectiveInterval(), AgentUpdaterConfig::defaultInterval);
}

void TestRulePrecedence::evaluationOrder()
{
    const QList<AgentUpdaterRule> rules {
        rule(u"root1"_s, u"/"_s, u"{}"_s),
        rule(u"linux"_s, u"/linux"_s, u"{}"_s),
        rule(u"root2"_s, u"/"_s, u"{}"_s),
        rule(u"web"_s, u"/linux/web"_s, u"{}"_s),
    };
    QStringList ids;
    for (const AgentUpdaterRule &r : RulePrecedence::inEvaluationOrder(rules))
        ids.append(r.id);
    QCOMPARE(ids, QStringList({ u"web"_s, u"linux"_s, u"root1"_s, u"root2"_s }));
}

QTEST_GUILESS_MAIN(TestRulePrecedence)
#include "tst_ruleprecedence.moc"
