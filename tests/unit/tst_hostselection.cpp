#include <QTest>

#include "HostSelectionEvaluator.h"

using namespace Qt::StringLiterals;
using Verdict = HostSelectionEvaluator::Verdict;

Q_DECLARE_METATYPE(HostSelection)

class TestHostSelection final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void evaluate_data();
    void evaluate();
    void explainGivesHostValues();
    void unknownHostGroups();
    void variantRoundTrip();

private:
    static Host web();
};

Host TestHostSelection::web()
{
    Host h;
    h.name = u"web-eu-00001"_s;
    h.folder = u"/linux/web"_s;
    h.site = u"demo_eu"_s;
    h.tags = { { u"criticality"_s, u"prod"_s }, { u"os"_s, u"linux"_s } };
    h.labels = { { u"env"_s, u"prod"_s }, { u"team"_s, u"search"_s } };
    h.hostGroups = { u"web"_s, u"linux"_s };
    h.hostGroupsKnown = true;
    return h;
}

void TestHostSelection::evaluate_data()
{
    QTest::addColumn<HostSelection>("selection");
    QTest::addColumn<bool>("selected");
    HostSelection s;
    QTest::newRow("empty selects all") << s << true;
    s = {};
    s.sites = { u"demo_eu"_s };
    QTest::newRow("site match") << s << true;
    s.sites = { u"demo"_s, u"demo_us"_s };
    QTest::newRow("site no match") << s << false;
    s = {};
    s.folders = { u"linux"_s };
    QTest::newRow("parent folder") << s << true;
    s.folders = { u"linux/web"_s };
    QTest::newRow("same folder") << s << true;
    s.folders = { u"lin"_s };
    QTest::newRow("folder prefix is not a parent") << s << false;
    s.folders = { u""_s };
    QTest::newRow("root folder") << s << true;
    s.folders = { u"windows"_s };
    QTest::newRow("other folder") << s << false;
    s = {};
    s.hostTags = { { u"criticality"_s, u"prod"_s } };
    QTest::newRow("tag") << s << true;
    s.hostTags = { { u"criticality"_s, u"test"_s } };
    QTest::newRow("tag differs") << s << false;
    s.hostTags = { { u"networking"_s, u"lan"_s } };
    QTest::newRow("tag group missing") << s << false;
    s = {};
    s.hostLabels = { { u"env"_s, u"prod"_s } };
    QTest::newRow("label") << s << true;
    s.hostLabels = { { u"env"_s, u"test"_s } };
    QTest::newRow("label differs") << s << false;
    s = {};
    s.hostGroups = { u"databases"_s, u"web"_s };
    QTest::newRow("one of the groups") << s << true;
    s.hostGroups = { u"databases"_s };
    QTest::newRow("group missing") << s << false;
    s = {};
    s.hosts = { u"web-eu-00001"_s, u"db-1"_s };
    QTest::newRow("explicit host") << s << true;
    s.hosts = { u"db-1"_s };
    QTest::newRow("not an explicit host") << s << false;
    s = {};
    s.excludedHosts = { u"web-eu-00001"_s };
    QTest::newRow("excluded") << s << false;
    s = {};
    s.sites = { u"demo_eu"_s };
    s.folders = { u"linux"_s };
    s.hostTags = { { u"criticality"_s, u"prod"_s } };
    s.hostLabels = { { u"team"_s, u"search"_s } };
    QTest::newRow("and of all") << s << true;
    s.hostLabels = { { u"team"_s, u"payments"_s } };
    QTest::newRow("and fails on one") << s << false;
    s.hostLabels.clear();
    s.excludedHosts = { u"web-eu-00001"_s };
    QTest::newRow("exclusion wins") << s << false;
}

void TestHostSelection::evaluate()
{
    QFETCH(HostSelection, selection);
    QFETCH(bool, selected);
    const HostSelectionEvaluator evaluator(selection);
    QCOMPARE(evaluator.selects(web()), selected);
    // explain() agrees with evaluate().
    bool all = true;
    for (const auto &r : evaluator.explain(web()))
        all = all && r.verdict == Verdict::Selected;
    QCOMPARE(all, selected);
}

void TestHostSelection::explainGivesHostValues()
{
    HostSelection s;
    s.sites = { u"demo"_s };
    s.hostTags = { { u"criticality"_s, u"test"_s } };
    s.hostLabels = { { u"region"_s, u"eu"_s } };
    const auto results = HostSelectionEvaluator(s).explain(web());
    QCOMPARE(results.size(), 3);
    QCOMPARE(results.at(0).condition, HostSelectionEvaluator::Condition::Site);
    QCOMPARE(results.at(0).hostValue, u"demo_eu"_s);
    QCOMPARE(results.at(0).verdict, Verdict::NotSelected);
    QCOMPARE(results.at(1).hostValue, u"criticality = prod"_s);
    QCOMPARE(results.at(2).hostValue, u"(no label region)"_s);
}

void TestHostSelection::unknownHostGroups()
{
    Host h = web();
    h.hostGroupsKnown = false;
    HostSelection s;
    s.hostGroups = { u"web"_s };
    const HostSelectionEvaluator evaluator(s);
    QCOMPARE(evaluator.evaluate(h), Verdict::Unknown);
    QCOMPARE(evaluator.explain(h).first().verdict, Verdict::Unknown);
    QVERIFY(evaluator.explain(h).first().hostValue.contains(u"cannot be evaluated locally"_s));
}

void TestHostSelection::variantRoundTrip()
{
    HostSelection s;
    s.sites = { u"demo"_s };
    s.folders = { u"linux/web"_s };
    s.hostTags = { { u"os"_s, u"linux"_s } };
    s.hostLabels = { { u"env"_s, u"prod"_s } };
    s.hostGroups = { u"web"_s };
    s.hosts = { u"a"_s };
    s.excludedHosts = { u"b"_s };
    QCOMPARE(HostSelection::fromVariant(s.toVariant()), s);
    QVERIFY(HostSelection().toVariant().isEmpty());
    QStringList unknown;
    HostSelection::fromVariant({ { u"match_sites"_s, QStringList() } }, &unknown);
    QCOMPARE(unknown, QStringList { u"match_sites"_s });
    QCOMPARE(HostSelection::normalFolder(u"~linux~web"_s), u"linux/web"_s);
    QCOMPARE(HostSelection::normalFolder(u"/"_s), QString());
}

QTEST_GUILESS_MAIN(TestHostSelection)
#include "tst_hostselection.moc"
