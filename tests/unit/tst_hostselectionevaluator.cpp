#include <QElapsedTimer>
#include <QTest>

#include "HostSelectionEvaluator.h"
#include "SelectionPreview.h"

using namespace Qt::StringLiterals;

using Verdict = HostSelectionEvaluator::Verdict;
using Match = HostSelectionEvaluator::Match;
using Kind = HostSelectionEvaluator::ConditionKind;

Q_DECLARE_METATYPE(HostSelectionEvaluator::Verdict)
Q_DECLARE_METATYPE(Host)

class TestHostSelectionEvaluator final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void evaluate_data();
    void evaluate();
    void explainEveryCondition();
    void explainHostGroupsUnknown();
    void explainEmptySelection();
    void preview();
    void previewUnchanged();
    void fastEnough();
};

static Host web01()
{
    Host h;
    h.name = u"web01"_s;
    h.folder = u"/linux/web"_s;
    h.site = u"central"_s;
    h.tags = { { u"criticality"_s, u"prod"_s }, { u"agent"_s, u"cmk-agent"_s } };
    h.labels = { { u"os"_s, u"linux"_s } };
    h.hostGroups = { u"web"_s, u"linux"_s };
    h.hostGroupsKnown = true;
    return h;
}

void TestHostSelectionEvaluator::evaluate_data()
{
    QTest::addColumn<QVariantMap>("selection");
    QTest::addColumn<Host>("host");
    QTest::addColumn<Verdict>("expected");

    const Host h = web01();
    Host root = h;
    root.folder = u"/"_s;
    Host lookalike = h;
    lookalike.folder = u"/linux/webshop"_s;
    Host groupsUnknown = h;
    groupsUnknown.hostGroupsKnown = false;
    groupsUnknown.hostGroups.clear();

    auto sel = [](const QString &key, const QVariant &value) { return QVariantMap { { key, value } }; };
    QTest::newRow("empty selects all") << QVariantMap() << h << Verdict::Selected;
    QTest::newRow("site yes") << sel(u"match_site"_s, QStringList { u"remote"_s, u"central"_s })
                              << h << Verdict::Selected;
    QTest::newRow("site no") << sel(u"match_site"_s, QStringList { u"remote"_s }) << h
                             << Verdict::NotSelected;
    QTest::newRow("folder exact") << sel(u"match_folders"_s, QStringList { u"linux/web"_s }) << h
                                  << Verdict::Selected;
    QTest::newRow("folder parent covers subfolder")
        << sel(u"match_folders"_s, QStringList { u"linux"_s }) << h << Verdict::Selected;
    QTest::newRow("folder root covers all")
        << sel(u"match_folders"_s, QStringList { QString() }) << h << Verdict::Selected;
    QTest::newRow("folder sibling no") << sel(u"match_folders"_s, QStringList { u"windows"_s })
                                       << h << Verdict::NotSelected;
    QTest::newRow("folder prefix is not a parent")
        << sel(u"match_folders"_s, QStringList { u"linux/web"_s }) << lookalike
        << Verdict::NotSelected;
    QTest::newRow("folder subfolder does not cover parent")
        << sel(u"match_folders"_s, QStringList { u"linux/web/eu"_s }) << h << Verdict::NotSelected;
    QTest::newRow("host in root, folder selected")
        << sel(u"match_folders"_s, QStringList { u"linux"_s }) << root << Verdict::NotSelected;
    QTest::newRow("tags all match")
        << sel(u"match_hosttags"_s,
               QVariantMap { { u"criticality"_s, u"prod"_s }, { u"agent"_s, u"cmk-agent"_s } })
        << h << Verdict::Selected;
    QTest::newRow("tag differs") << sel(u"match_hosttags"_s, QVariantMap { { u"criticality"_s, u"test"_s } })
                                 << h << Verdict::NotSelected;
    QTest::newRow("tag group missing")
        << sel(u"match_hosttags"_s, QVariantMap { { u"networking"_s, u"lan"_s } }) << h
        << Verdict::NotSelected;
    QTest::newRow("label match") << sel(u"match_hostlabels"_s, QVariantMap { { u"os"_s, u"linux"_s } })
                                 << h << Verdict::Selected;
    QTest::newRow("label value differs")
        << sel(u"match_hostlabels"_s, QVariantMap { { u"os"_s, u"windows"_s } }) << h
        << Verdict::NotSelected;
    QTest::newRow("group any of") << sel(u"match_hostgroups"_s, QStringList { u"db"_s, u"web"_s })
                                  << h << Verdict::Selected;
    QTest::newRow("group none") << sel(u"match_hostgroups"_s, QStringList { u"db"_s }) << h
                                << Verdict::NotSelected;
    QTest::newRow("group unknown") << sel(u"match_hostgroups"_s, QStringList { u"web"_s })
                                   << groupsUnknown << Verdict::Unknown;
    QVariantMap unknownButOtherFails = sel(u"match_hostgroups"_s, QStringList { u"web"_s });
    unknownButOtherFails.insert(u"match_site"_s, QStringList { u"remote"_s });
    QTest::newRow("group unknown, other condition fails")
        << unknownButOtherFails << groupsUnknown << Verdict::NotSelected;
    QTest::newRow("host listed") << sel(u"match_hosts"_s, QStringList { u"web01"_s }) << h
                                 << Verdict::Selected;
    QTest::newRow("host not listed") << sel(u"match_hosts"_s, QStringList { u"web02"_s }) << h
                                     << Verdict::NotSelected;
    QTest::newRow("host excluded") << sel(u"match_exclude_hosts"_s, QStringList { u"web01"_s })
                                   << h << Verdict::NotSelected;
    QTest::newRow("other host excluded")
        << sel(u"match_exclude_hosts"_s, QStringList { u"web02"_s }) << h << Verdict::Selected;
    QVariantMap listedAndExcluded = sel(u"match_hosts"_s, QStringList { u"web01"_s });
    listedAndExcluded.insert(u"match_exclude_hosts"_s, QStringList { u"web01"_s });
    QTest::newRow("exclusion wins over listing") << listedAndExcluded << h << Verdict::NotSelected;
}

void TestHostSelectionEvaluator::evaluate()
{
    QFETCH(QVariantMap, selection);
    QFETCH(Host, host);
    QFETCH(Verdict, expected);
    const HostSelectionEvaluator evaluator(HostSelection::fromVariant(selection));
    QCOMPARE(evaluator.evaluate(host), expected);
    QCOMPARE(evaluator.selects(host), expected == Verdict::Selected);
    // explain() must reach the same verdict as the fast path.
    QCOMPARE(evaluator.explain(host).verdict, expected);
}

void TestHostSelectionEvaluator::explainEveryCondition()
{
    HostSelection s;
    s.sites = { u"central"_s };
    s.folders = { u"linux"_s };
    s.hostTags = { { u"criticality"_s, u"test"_s } };
    s.hostLabels = { { u"os"_s, u"linux"_s } };
    s.hostGroups = { u"web"_s };
    s.hosts = { u"web01"_s, u"web02"_s };
    s.excludeHosts = { u"web01"_s };
    const auto explanation = HostSelectionEvaluator(s).explain(web01());
    QCOMPARE(explanation.verdict, Verdict::NotSelected);
    const auto &c = explanation.conditions;
    QCOMPARE(c.size(), 7);
    QCOMPARE(c[0].kind, Kind::Site);
    QCOMPARE(c[0].actual, u"central"_s);
    QCOMPARE(c[0].match, Match::Yes);
    QCOMPARE(c[1].kind, Kind::Folder);
    QCOMPARE(c[1].expected, u"/linux"_s);
    QCOMPARE(c[1].actual, u"/linux/web"_s);
    QCOMPARE(c[1].match, Match::Yes);
    QCOMPARE(c[2].kind, Kind::HostTag);
    QCOMPARE(c[2].key, u"criticality"_s);
    QCOMPARE(c[2].expected, u"test"_s);
    QCOMPARE(c[2].actual, u"prod"_s);
    QCOMPARE(c[2].match, Match::No);
    QCOMPARE(c[3].kind, Kind::HostLabel);
    QCOMPARE(c[3].match, Match::Yes);
    QCOMPARE(c[4].kind, Kind::HostGroup);
    QCOMPARE(c[4].actual, u"web, linux"_s);
    QCOMPARE(c[4].match, Match::Yes);
    QCOMPARE(c[5].kind, Kind::HostName);
    QCOMPARE(c[5].expected, u"web01, web02"_s);
    QCOMPARE(c[5].match, Match::Yes);
    QCOMPARE(c[6].kind, Kind::ExcludedHost);
    QCOMPARE(c[6].match, Match::No);
    QCOMPARE(HostSelectionEvaluator::kindName(Kind::ExcludedHost), u"Excluded hosts"_s);
}

void TestHostSelectionEvaluator::explainHostGroupsUnknown()
{
    HostSelection s;
    s.sites = { u"central"_s };
    s.hostGroups = { u"web"_s };
    Host h = web01();
    h.hostGroupsKnown = false;
    h.hostGroups.clear();
    const auto explanation = HostSelectionEvaluator(s).explain(h);
    QCOMPARE(explanation.verdict, Verdict::Unknown);
    QCOMPARE(explanation.conditions.size(), 2);
    QCOMPARE(explanation.conditions[1].match, Match::Unknown);
    QVERIFY(explanation.conditions[1].note.contains(u"cannot be evaluated locally"_s));
}

void TestHostSelectionEvaluator::explainEmptySelection()
{
    const auto explanation = HostSelectionEvaluator(HostSelection()).explain(web01());
    QVERIFY(explanation.conditions.isEmpty());
    QCOMPARE(explanation.verdict, Verdict::Selected);
}

static QList<Host> smallInventory()
{
    QList<Host> hosts;
    const QStringList folders { u"/linux/web"_s, u"/linux/db"_s, u"/windows"_s, u"/"_s };
    for (int i = 0; i < 8; ++i) {
        Host h;
        h.name = u"host%1"_s.arg(i);
        h.folder = folders[i % 4];
        h.site = i < 4 ? u"central"_s : u"remote"_s;
        h.hostGroupsKnown = i != 7;
        h.hostGroups = { i % 2 ? u"odd"_s : u"even"_s };
        hosts.append(h);
    }
    return hosts;
}

void TestHostSelectionEvaluator::preview()
{
    HostSelection saved;
    saved.sites = { u"central"_s }; // host0..host3
    HostSelection edited;
    edited.folders = { u"linux"_s }; // host0, host1, host4, host5
    edited.excludeHosts = { u"host1"_s };
    const SelectionPreview p = SelectionPreview::compute(smallInventory(), saved, edited);
    QCOMPARE(p.selected, QStringList({ u"host0"_s, u"host4"_s, u"host5"_s }));
    QCOMPARE(p.count(), 3);
    QCOMPARE(p.added, QStringList({ u"host4"_s, u"host5"_s }));
    QCOMPARE(p.removed, QStringList({ u"host1"_s, u"host2"_s, u"host3"_s }));
    QVERIFY(p.unknown.isEmpty());

    HostSelection groups;
    groups.hostGroups = { u"odd"_s };
    const SelectionPreview g = SelectionPreview::compute(smallInventory(), saved, groups);
    QCOMPARE(g.selected, QStringList({ u"host1"_s, u"host3"_s, u"host5"_s }));
    QCOMPARE(g.unknown, QStringList({ u"host7"_s }));
    QCOMPARE(g.removed, QStringList({ u"host0"_s, u"host2"_s }));
    QCOMPARE(g.added, QStringList({ u"host5"_s }));
}

void TestHostSelectionEvaluator::previewUnchanged()
{
    HostSelection saved;
    saved.sites = { u"remote"_s };
    const SelectionPreview p = SelectionPreview::compute(smallInventory(), saved, saved);
    QCOMPARE(p.count(), 4);
    QVERIFY(p.added.isEmpty());
    QVERIFY(p.removed.isEmpty());
    const SelectionPreview all = SelectionPreview::compute(smallInventory(), saved, HostSelection());
    QCOMPARE(all.count(), 8);
    QCOMPARE(all.added.size(), 4);
}

void TestHostSelectionEvaluator::fastEnough()
{
    QList<Host> hosts;
    hosts.reserve(100000);
    for (int i = 0; i < 100000; ++i) {
        Host h;
        h.name = u"host%1"_s.arg(i);
        h.folder = i % 3 ? u"/linux/web"_s : u"/windows"_s;
        h.site = i % 5 ? u"central"_s : u"remote"_s;
        h.tags = { { u"criticality"_s, i % 7 ? u"prod"_s : u"test"_s } };
        h.labels = { { u"os"_s, u"linux"_s } };
        hosts.append(h);
    }
    HostSelection s;
    s.sites = { u"central"_s };
    s.folders = { u"linux"_s };
    s.hostTags = { { u"criticality"_s, u"prod"_s } };
    s.hostLabels = { { u"os"_s, u"linux"_s } };
    s.excludeHosts = { u"host10"_s };
    const HostSelectionEvaluator evaluator(s);
    QElapsedTimer timer;
    timer.start();
    int selected = 0;
    for (const Host &h : hosts)
        selected += evaluator.selects(h);
    const qint64 ms = timer.elapsed();
    QVERIFY(selected > 40000);
    // The budget is 20 ms on a normal machine; allow slack for loaded CI runners.
    QVERIFY2(ms < 200, qPrintable(u"took %1 ms"_s.arg(ms)));
}

QTEST_GUILESS_MAIN(TestHostSelectionEvaluator)
#include "tst_hostselectionevaluator.moc"
