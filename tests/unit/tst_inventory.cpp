// The shared inventory: read from a host_config reply as another client's site sends it (with
// fields the console does not know), looked up by name and prefix, and its bitset selection
// agreeing with the per-host evaluator on every condition kind.
#include <QAbstractItemModelTester>
#include <QRandomGenerator>
#include <QTest>

#include "HostInventoryReader.h"
#include "HostNameCompletionModel.h"
#include "HostSelectionEvaluator.h"
#include "Inventory.h"
#include "InventoryBuilder.h"

using namespace Qt::StringLiterals;

class TestInventory final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsReply();
    void malformedReplies_data();
    void malformedReplies();
    void namesAndPrefixes();
    void selectionAgreesWithEvaluator();
    void completionModel();
};

void TestInventory::readsReply()
{
    // Shaped like a real site's reply: links, members, meta_data, a null tag, unknown keys.
    const QByteArray body = R"({"links":[],"id":"host","domainType":"host_config","value":[
      {"links":[{"rel":"self","href":"x"}],"domainType":"host_config","id":"web01","title":"web01",
       "members":{},"extensions":{"folder":"/linux/web","attributes":{"site":"own","tag_os":"x",
       "meta_data":{"created_at":"2024-01-01T00:00:00+00:00","created_by":"admin"}},
       "effective_attributes":{"site":"central","tag_os":"linux","tag_gone":null,
       "labels":{"env":"prod","cmk/os_family":"linux"},"meta_data":{"created_by":"admin"},
       "snmp_community":{"type":"v1_v2_community","community":"x"}},
       "is_cluster":false,"host_groups":["web","linux"]}},
      {"domainType":"host_config","id":"db\u00e402","extensions":{"folder":"/",
       "attributes":{"site":"remote","labels":{"env":"test"}}}}
    ],"extensions":{}})";
    ApiError error;
    const auto inventory = HostInventoryReader::read(body, &error);
    QVERIFY2(inventory, qPrintable(error.detail));
    QCOMPARE(inventory->size(), 2);
    const Host web = inventory->host(0);
    QCOMPARE(web.name, u"web01"_s);
    QCOMPARE(web.folder, u"/linux/web"_s);
    QCOMPARE(web.site, u"central"_s); // the effective attributes win
    QCOMPARE(web.tags, (QHash<QString, QString> { { u"os"_s, u"linux"_s } }));
    QCOMPARE(web.labels.value(u"cmk/os_family"_s), u"linux"_s);
    QVERIFY(web.hostGroupsKnown);
    QCOMPARE(web.hostGroups, QStringList({ u"web"_s, u"linux"_s }));
    const Host db = inventory->host(1);
    QCOMPARE(db.name, u"dbä02"_s);
    QCOMPARE(db.site, u"remote"_s); // no effective attributes: the host's own
    QVERIFY(!db.hostGroupsKnown);
    QCOMPARE(inventory->sites(), QStringList({ u"central"_s, u"remote"_s }));
    QCOMPARE(inventory->folders(), QStringList({ QString(), u"linux"_s, u"linux/web"_s }));
    QCOMPARE(inventory->labelValues(u"env"_s), QStringList({ u"prod"_s, u"test"_s }));
    QCOMPARE(inventory->hostFolderCount(), 2);
}

void TestInventory::malformedReplies_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("part");
    QTest::newRow("not json") << QByteArray("{\"value\":[{\"id\":") << u"not valid JSON"_s;
    QTest::newRow("no value") << QByteArray("{\"values\":[]}") << u"\"value\""_s;
    QTest::newRow("no id") << QByteArray(R"({"value":[{"extensions":{"folder":"/"}}]})")
                           << u"entry 0 has no \"id\""_s;
    QTest::newRow("entry not object") << QByteArray(R"({"value":[1]})") << u"not valid JSON"_s;
}

void TestInventory::malformedReplies()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, part);
    ApiError error;
    QVERIFY(!HostInventoryReader::read(body, &error));
    QCOMPARE(error.kind, ApiError::Kind::MalformedReply);
    QVERIFY2(error.detail.contains(part), qPrintable(error.detail));
}

void TestInventory::namesAndPrefixes()
{
    InventoryBuilder builder;
    for (const QString &name : { u"web10"_s, u"Web2"_s, u"db1"_s, u"WEB1"_s, u"web1"_s }) {
        Host h;
        h.name = name;
        builder.addHost(h);
    }
    const auto inventory = builder.finish();
    QCOMPARE(inventory->indexOf(u"web1"), 4);
    QCOMPARE(inventory->indexOf(u"WEB1"), 3);
    QCOMPARE(inventory->indexOf(u"Web1"), -1); // names are exact
    QCOMPARE(inventory->indexOf(u"nothing"), -1);
    QStringList names;
    for (const qsizetype i : inventory->withPrefix(u"wEb", 10))
        names << inventory->name(i).toString();
    QCOMPARE(names, QStringList({ u"WEB1"_s, u"web1"_s, u"web10"_s, u"Web2"_s }));
    QCOMPARE(inventory->withPrefix(u"web", 2).size(), 2);
    QVERIFY(inventory->withPrefix(u"x", 10).isEmpty());
}

void TestInventory::selectionAgreesWithEvaluator()
{
    // Random hosts and random selections of every condition kind: the bitsets say exactly what
    // the evaluator says host by host (selected, not selected, cannot be decided).
    QRandomGenerator random(12);
    const QStringList sites { u"a"_s, u"b"_s, u"c"_s };
    const QStringList folders { u"/"_s, u"/linux"_s, u"/linux/web"_s, u"/linuxish"_s, u"/win"_s };
    QList<Host> hosts;
    InventoryBuilder builder;
    for (int i = 0; i < 3000; ++i) {
        Host h;
        h.name = u"h%1"_s.arg(i);
        h.site = sites.at(random.bounded(3));
        h.folder = folders.at(random.bounded(5));
        h.tags.insert(u"crit"_s, random.bounded(2) ? u"prod"_s : u"test"_s);
        if (random.bounded(3))
            h.labels.insert(u"env"_s, random.bounded(2) ? u"prod"_s : QString());
        h.labels.insert(u"id"_s, u"unique-%1"_s.arg(i)); // one value per host: a sparse list
        h.hostGroupsKnown = random.bounded(10) != 0;
        if (h.hostGroupsKnown && random.bounded(2))
            h.hostGroups << (random.bounded(2) ? u"g1"_s : u"g2"_s);
        hosts << h;
        builder.addHost(h);
    }
    const auto inventory = builder.finish();
    for (int round = 0; round < 60; ++round) {
        HostSelection s;
        if (random.bounded(2))
            s.sites = { sites.at(random.bounded(3)) };
        if (random.bounded(2))
            s.folders = { random.bounded(2) ? u"linux"_s : u"/win"_s };
        if (random.bounded(2))
            s.hostTags.insert(u"crit"_s, random.bounded(2) ? u"prod"_s : u"none"_s);
        if (random.bounded(2))
            s.hostLabels.insert(u"env"_s, random.bounded(2) ? u"prod"_s : QString());
        if (random.bounded(4) == 0)
            s.hostLabels.insert(u"id"_s, u"unique-%1"_s.arg(random.bounded(3000)));
        if (random.bounded(2))
            s.hostGroups = { u"g1"_s };
        if (random.bounded(4) == 0)
            s.hosts = { u"h1"_s, u"h2"_s, u"h3"_s, u"nope"_s };
        if (random.bounded(2))
            s.excludedHosts = { u"h5"_s, u"h7"_s };
        HostBitset unknown;
        const HostBitset selected = inventory->select(s, &unknown);
        const HostSelectionEvaluator evaluator(s);
        for (qsizetype i = 0; i < hosts.size(); ++i) {
            const auto verdict = evaluator.evaluate(hosts.at(i));
            QCOMPARE(selected.test(i), verdict == HostSelectionEvaluator::Verdict::Selected);
            QCOMPARE(unknown.test(i), verdict == HostSelectionEvaluator::Verdict::Unknown);
        }
        // The host read back is the host put in.
        const qsizetype probe = random.bounded(3000);
        const Host back = inventory->host(probe);
        QCOMPARE(back.name, hosts.at(probe).name);
        QCOMPARE(back.tags, hosts.at(probe).tags);
        QCOMPARE(back.labels, hosts.at(probe).labels);
        QCOMPARE(back.hostGroups, hosts.at(probe).hostGroups);
    }
}

void TestInventory::completionModel()
{
    InventoryBuilder builder;
    for (int i = 0; i < 500; ++i) {
        Host h;
        h.name = u"srv%1"_s.arg(i);
        builder.addHost(h);
    }
    HostNameCompletionModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPrefix(u"srv4"_s);
    QCOMPARE(model.rowCount(), 0); // no inventory yet
    model.setInventory(builder.finish());
    QCOMPARE(model.rowCount(), 50); // srv4, srv40.., srv400..: a screenful at most
    QCOMPARE(model.index(0, 0).data().toString(), u"srv4"_s);
    model.setPrefix(u"SRV49"_s);
    QCOMPARE(model.rowCount(), 11);
    model.setPrefix(QString());
    QCOMPARE(model.rowCount(), 0);
}

QTEST_GUILESS_MAIN(TestInventory)
#include "tst_inventory.moc"
