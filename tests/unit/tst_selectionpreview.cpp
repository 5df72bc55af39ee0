#include <QTest>

#include "HostSelectionEvaluator.h"
#include "Inventory.h"
#include "InventoryBuilder.h"
#include "SelectionPreview.h"

using namespace Qt::StringLiterals;

class TestSelectionPreview final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void preview();
    void previewUnchanged();
    void largeInventory();
};

static std::shared_ptr<const Inventory> inventoryOf(const QList<Host> &hosts)
{
    InventoryBuilder builder;
    for (const Host &h : hosts)
        builder.addHost(h);
    return builder.finish();
}

static QList<Host> smallHosts()
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

static const Inventory &smallInventory()
{
    static const auto inventory = inventoryOf(smallHosts());
    return *inventory;
}

static QStringList names(const HostBitset &set)
{
    return smallInventory().names(set, 1000);
}

void TestSelectionPreview::preview()
{
    HostSelection saved;
    saved.sites = { u"central"_s }; // host0..host3
    HostSelection edited;
    edited.folders = { u"linux"_s }; // host0, host1, host4, host5
    edited.excludedHosts = { u"host1"_s };
    const SelectionPreview p = SelectionPreview::compute(smallInventory(), saved, edited);
    QCOMPARE(names(p.selected), QStringList({ u"host0"_s, u"host4"_s, u"host5"_s }));
    QCOMPARE(p.count(), 3);
    QCOMPARE(names(p.added), QStringList({ u"host4"_s, u"host5"_s }));
    QCOMPARE(names(p.removed), QStringList({ u"host1"_s, u"host2"_s, u"host3"_s }));
    QVERIFY(p.unknown.none());

    HostSelection groups;
    groups.hostGroups = { u"odd"_s };
    const SelectionPreview g = SelectionPreview::compute(smallInventory(), saved, groups);
    QCOMPARE(names(g.selected), QStringList({ u"host1"_s, u"host3"_s, u"host5"_s }));
    QCOMPARE(names(g.unknown), QStringList({ u"host7"_s }));
    QCOMPARE(names(g.removed), QStringList({ u"host0"_s, u"host2"_s }));
    QCOMPARE(names(g.added), QStringList({ u"host5"_s }));
}

void TestSelectionPreview::previewUnchanged()
{
    HostSelection saved;
    saved.sites = { u"remote"_s };
    const SelectionPreview p = SelectionPreview::compute(smallInventory(), saved, saved);
    QCOMPARE(p.count(), 4);
    QVERIFY(p.added.none());
    QVERIFY(p.removed.none());
    QCOMPARE(p.savedCount, 4);
    const SelectionPreview all
        = SelectionPreview::compute(smallInventory(), saved, HostSelection());
    QCOMPARE(all.count(), 8);
    QCOMPARE(all.added.count(), 4);
}

void TestSelectionPreview::largeInventory()
{
    // Every condition kind at once over 100,000 hosts; the count is worked out independently
    // from the pattern. The time this takes is agentdesk-bench's selection_eval_100k.
    QList<Host> hosts;
    hosts.reserve(100000);
    int expected = 0;
    for (int i = 0; i < 100000; ++i) {
        Host h;
        h.name = u"host%1"_s.arg(i);
        h.folder = i % 3 ? u"/linux/web"_s : u"/windows"_s;
        h.site = i % 5 ? u"central"_s : u"remote"_s;
        h.tags = { { u"criticality"_s, i % 7 ? u"prod"_s : u"test"_s } };
        h.labels = { { u"os"_s, u"linux"_s } };
        hosts.append(h);
        expected += i % 3 != 0 && i % 5 != 0 && i % 7 != 0 && i != 10 ? 1 : 0;
    }
    HostSelection s;
    s.sites = { u"central"_s };
    s.folders = { u"linux"_s };
    s.hostTags = { { u"criticality"_s, u"prod"_s } };
    s.hostLabels = { { u"os"_s, u"linux"_s } };
    s.excludedHosts = { u"host10"_s };
    const HostSelectionEvaluator evaluator(s);
    int selected = 0;
    for (const Host &h : hosts)
        selected += evaluator.selects(h);
    QCOMPARE(selected, expected);
    const auto inventory = inventoryOf(hosts);
    const SelectionPreview p = SelectionPreview::compute(*inventory, HostSelection(), s);
    QCOMPARE(p.count(), expected);
    QCOMPARE(p.removed.count(), 100000 - expected);
    QVERIFY(p.added.none());
    // The bitsets agree with the evaluator host by host.
    for (qsizetype i = 0; i < hosts.size(); ++i)
        QCOMPARE(p.selected.test(i), evaluator.selects(hosts.at(i)));
}

QTEST_GUILESS_MAIN(TestSelectionPreview)
#include "tst_selectionpreview.moc"
