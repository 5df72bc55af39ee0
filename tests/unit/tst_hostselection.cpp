#include <QTest>

#include "HostSelection.h"
#include "PythonLiteral.h"
#include "TagGroup.h"

using namespace Qt::StringLiterals;

class TestHostSelection final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void normalizeFolder_data();
    void normalizeFolder();
    void fromSettingLiteral();
    void emptyIsAllHosts();
    void toVariantWritesOnlySetConditions();
    void roundTripKeepsUnknownKeys();
    void wrongTypesIgnored();
    void tagGroupTitles();
};

void TestHostSelection::normalizeFolder_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("expected");
    QTest::newRow("rest path") << u"/linux/web"_s << u"linux/web"_s;
    QTest::newRow("setting path") << u"linux/web"_s << u"linux/web"_s;
    QTest::newRow("tilde path") << u"~linux~web"_s << u"linux/web"_s;
    QTest::newRow("trailing slash") << u"/linux/"_s << u"linux"_s;
    QTest::newRow("root slash") << u"/"_s << QString();
    QTest::newRow("root tilde") << u"~"_s << QString();
    QTest::newRow("root empty") << QString() << QString();
}

void TestHostSelection::normalizeFolder()
{
    QFETCH(QString, path);
    QFETCH(QString, expected);
    QCOMPARE(HostSelection::normalizeFolder(path), expected);
}

void TestHostSelection::fromSettingLiteral()
{
    const QVariant value = PythonLiteral::read(
        u"{'match_site': ['central', 'remote1'], 'match_folders': ['linux/web', ''], "
        "'match_hosttags': {'criticality': 'prod', 'agent': 'cmk-agent'}, "
        "'match_hostlabels': {'os': 'linux'}, 'match_hostgroups': ['web'], "
        "'match_hosts': ['a', 'b'], 'match_exclude_hosts': ['c']}"_s);
    const HostSelection s = HostSelection::fromVariant(value.toMap());
    QCOMPARE(s.sites, QStringList({ u"central"_s, u"remote1"_s }));
    QCOMPARE(s.folders, QStringList({ u"linux/web"_s, QString() }));
    QCOMPARE(s.hostTags.value(u"criticality"_s), u"prod"_s);
    QCOMPARE(s.hostTags.value(u"agent"_s), u"cmk-agent"_s);
    QCOMPARE(s.hostLabels.value(u"os"_s), u"linux"_s);
    QCOMPARE(s.hostGroups, QStringList({ u"web"_s }));
    QCOMPARE(s.hosts, QStringList({ u"a"_s, u"b"_s }));
    QCOMPARE(s.excludeHosts, QStringList({ u"c"_s }));
    QCOMPARE(s.conditionCount(), 7);
    QVERIFY(!s.isEmpty());
    QCOMPARE(HostSelection::fromVariant(s.toVariant()), s);
}

void TestHostSelection::emptyIsAllHosts()
{
    const HostSelection s = HostSelection::fromVariant({});
    QVERIFY(s.isEmpty());
    QCOMPARE(s.conditionCount(), 0);
    QCOMPARE(s.toVariant(), QVariantMap());
    QCOMPARE(PythonLiteral::write(s.toVariant()), u"{}"_s);
}

void TestHostSelection::toVariantWritesOnlySetConditions()
{
    HostSelection s;
    s.folders = { u"/linux/web"_s, u"/"_s };
    s.excludeHosts = { u"old01"_s };
    QCOMPARE(PythonLiteral::write(s.toVariant()),
             u"{'match_exclude_hosts': ['old01'], 'match_folders': ['linux/web', '']}"_s);
}

void TestHostSelection::roundTripKeepsUnknownKeys()
{
    const QVariantMap value { { u"match_site"_s, QVariantList { u"central"_s } },
                              { u"match_future"_s, QVariantList { 1, 2 } } };
    const HostSelection s = HostSelection::fromVariant(value);
    QCOMPARE(s.otherKeys.keys(), QStringList({ u"match_future"_s }));
    QCOMPARE(s.toVariant(), value);
}

void TestHostSelection::wrongTypesIgnored()
{
    const QVariantMap value { { u"match_site"_s, QVariantList { u"a"_s, 5, QVariant() } },
                              { u"match_hosttags"_s, QVariantMap { { u"g"_s, 1 } } },
                              { u"match_hosts"_s, u"not a list"_s } };
    const HostSelection s = HostSelection::fromVariant(value);
    QCOMPARE(s.sites, QStringList({ u"a"_s }));
    QVERIFY(s.hostTags.isEmpty());
    QVERIFY(s.hosts.isEmpty());
}

void TestHostSelection::tagGroupTitles()
{
    const TagGroup group { u"criticality"_s,
                           u"Criticality"_s,
                           { { u"prod"_s, u"Productive system"_s }, { u"test"_s, QString() } } };
    QCOMPARE(group.tagTitle(u"prod"_s), u"Productive system"_s);
    QCOMPARE(group.tagTitle(u"test"_s), u"test"_s);
    QCOMPARE(group.tagTitle(u"unknown"_s), u"unknown"_s);
    QVERIFY(group.hasTag(u"test"_s));
    QVERIFY(!group.hasTag(u"offline"_s));
}

QTEST_GUILESS_MAIN(TestHostSelection)
#include "tst_hostselection.moc"
