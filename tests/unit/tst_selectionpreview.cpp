#include <QElapsedTimer>
#include <QTest>

#include "HostSelectionEvaluator.h"
#include "SelectionPreview.h"

using namespace Qt::StringLiterals;

class TestSelectionPreview final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void preview();
    void previewUnchanged();
    void fastEnough();
};

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

void TestSelectionPreview::preview()
{
    HostSelection saved;
    saved.sites = { u"central"_s }; // host0..host3
    HostSelection edited;
    edited.folders = { u"linux"_s }; // host0, host1, host4, host5
    edited.excludedHosts = { u"host1"_s };
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

void TestSelectionPreview::previewUnchanged()
{
    HostSelection saved;
    saved.sites = { u"remote"_s };
    const SelectionPreview p = SelectionPreview::compute(smallInventory(), saved, saved);
    QCOMPARE(p.count(), 4);
    QVERIFY(p.added.isEmpty());
    QVERIFY(p.removed.isEmpty());
    const SelectionPreview all
        = SelectionPreview::compute(smallInventory(), saved, HostSelection());
    QCOMPARE(all.count(), 8);
    QCOMPARE(all.added.size(), 4);
}

void TestSelectionPreview::fastEnough()
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
    s.excludedHosts = { u"host10"_s };
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

QTEST_GUILESS_MAIN(TestSelectionPreview)
#include "tst_selectionpreview.moc"
