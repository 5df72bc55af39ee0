#include <QJsonDocument>
#include <QTest>

#include "SiteConnection.h"
#include "SiteReplyReader.h"

using namespace Qt::StringLiterals;

class TestSiteReplyReader final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void version();
    void versionMalformed_data();
    void versionMalformed();
    void hosts();
    void hostsMalformed();
    void agentHosts();
    void connectionUrls();
    void connectionValidation_data();
    void connectionValidation();
    void connectionRoundTrip();
};

void TestSiteReplyReader::version()
{
    const auto doc
        = QJsonDocument::fromJson(R"({"site":"mysite","group":"","rest_api":{"revision":"0"},
        "versions":{"apache":[2,4],"checkmk":"2.4.0p17","python":"3.12"},"edition":"cee","demo":false})");
    ApiError e;
    const auto v = SiteReplyReader::version(doc, &e);
    QVERIFY(v);
    QCOMPARE(v->site, u"mysite"_s);
    QCOMPARE(v->checkmkVersion, u"2.4.0p17"_s);
    QCOMPARE(v->editionName(), u"Enterprise"_s);
    QVERIFY(!v->demo);
}

void TestSiteReplyReader::versionMalformed_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("array") << "[1,2]"_ba;
    QTest::newRow("no site") << R"({"versions":{"checkmk":"2.4.0"}})"_ba;
    QTest::newRow("no version") << R"({"site":"x"})"_ba;
    QTest::newRow("version not object") << R"({"site":"x","versions":"2.4"})"_ba;
}

void TestSiteReplyReader::versionMalformed()
{
    QFETCH(QByteArray, json);
    ApiError e;
    QVERIFY(!SiteReplyReader::version(QJsonDocument::fromJson(json), &e));
    QCOMPARE(e.kind, ApiError::Kind::MalformedReply);
    QVERIFY(e.detail.contains(u"versions.checkmk"_s));
}

void TestSiteReplyReader::hosts()
{
    const auto doc = QJsonDocument::fromJson(R"({"value":[
      {"id":"web01","extensions":{"folder":"/linux/web","attributes":{},
        "effective_attributes":{"site":"demo_eu","tag_criticality":"prod","tag_os":"linux",
          "labels":{"env":"prod"}},"host_groups":["web","linux"]}},
      {"id":"db01","extensions":{"folder":"/","attributes":{"site":"demo"}}}]})");
    ApiError e;
    const auto hosts = SiteReplyReader::hosts(doc, &e);
    QVERIFY(hosts);
    QCOMPARE(hosts->size(), 2);
    const Host &web = hosts->at(0);
    QCOMPARE(web.name, u"web01"_s);
    QCOMPARE(web.folder, u"/linux/web"_s);
    QCOMPARE(web.site, u"demo_eu"_s);
    QCOMPARE(web.tags.value(u"criticality"_s), u"prod"_s);
    QCOMPARE(web.labels.value(u"env"_s), u"prod"_s);
    QVERIFY(web.hostGroupsKnown);
    QCOMPARE(web.hostGroups, QStringList({ u"web"_s, u"linux"_s }));
    // Without effective attributes the host's own are used; host groups unknown, not empty.
    QCOMPARE(hosts->at(1).site, u"demo"_s);
    QVERIFY(!hosts->at(1).hostGroupsKnown);
}

void TestSiteReplyReader::hostsMalformed()
{
    ApiError e;
    QVERIFY(!SiteReplyReader::hosts(QJsonDocument::fromJson(R"({"value":{}})"), &e));
    QCOMPARE(e.kind, ApiError::Kind::MalformedReply);
    QVERIFY(
        !SiteReplyReader::hosts(QJsonDocument::fromJson(R"({"value":[{"extensions":{}}]})"), &e));
    QVERIFY(e.detail.contains(u"id"_s));
}

void TestSiteReplyReader::agentHosts()
{
    // The hosts of an agent: names where the site lists them, else a count or nothing.
    const auto doc = QJsonDocument::fromJson(R"({"value":[
      {"id":"0000000000000001","extensions":{"hosts":2,"host_names":["web01","web02"]}},
      {"id":"0000000000000002","extensions":{"hosts":["db01"]}},
      {"id":"0000000000000003","extensions":{"hosts":5}},
      {"id":"0000000000000004","extensions":{}}]})");
    ApiError e;
    const auto agents = SiteReplyReader::bakedAgents(doc, &e);
    QVERIFY(agents);
    QCOMPARE(agents->size(), 4);
    QVERIFY(agents->at(0).hostNamesKnown);
    QCOMPARE(agents->at(0).hostNames, QStringList({ u"web01"_s, u"web02"_s }));
    QCOMPARE(agents->at(0).hosts, 2);
    QVERIFY(agents->at(1).hostNamesKnown);
    QCOMPARE(agents->at(1).hostNames, QStringList({ u"db01"_s }));
    QCOMPARE(agents->at(1).hosts, 1);
    QVERIFY(!agents->at(2).hostNamesKnown);
    QCOMPARE(agents->at(2).hosts, 5);
    QVERIFY(!agents->at(3).hostNamesKnown);
    QCOMPARE(agents->at(3).hosts, -1);
}

void TestSiteReplyReader::connectionUrls()
{
    SiteConnection c;
    c.server = u"mon.example.com:8443"_s;
    c.site = u"prod"_s;
    QCOMPARE(c.apiBaseUrl().toString(), u"https://mon.example.com:8443/prod/check_mk/api/1.0"_s);
    c.protocol = SiteConnection::Protocol::Http;
    QCOMPARE(c.checkmkUrl().toString(), u"http://mon.example.com:8443/prod/check_mk/"_s);
}

void TestSiteReplyReader::connectionValidation_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("server");
    QTest::addColumn<QString>("site");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("fieldAtFault");
    QTest::newRow("ok") << u"A"_s << u"mon.example.com"_s << u"prod"_s << u"automation"_s
                        << QString();
    QTest::newRow("ipv6") << u"A"_s << u"[::1]:8443"_s << u"prod"_s << u"automation"_s << QString();
    QTest::newRow("no name") << u" "_s << u"h"_s << u"s"_s << u"u"_s << u"Name"_s;
    QTest::newRow("bad server") << u"A"_s << u"http://h"_s << u"s"_s << u"u"_s << u"Server"_s;
    QTest::newRow("bad site") << u"A"_s << u"h"_s << u"my site"_s << u"u"_s << u"Site"_s;
    QTest::newRow("no user") << u"A"_s << u"h"_s << u"s"_s << QString() << u"User"_s;
}

void TestSiteReplyReader::connectionValidation()
{
    QFETCH(QString, name);
    QFETCH(QString, server);
    QFETCH(QString, site);
    QFETCH(QString, user);
    QFETCH(QString, fieldAtFault);
    SiteConnection c;
    c.name = name;
    c.server = server;
    c.site = site;
    c.user = user;
    const QString error = c.validationError();
    if (fieldAtFault.isEmpty())
        QVERIFY2(error.isEmpty(), qPrintable(error));
    else
        QVERIFY2(error.startsWith(fieldAtFault + u':'), qPrintable(error));
}

void TestSiteReplyReader::connectionRoundTrip()
{
    SiteConnection c;
    c.name = u"Prod"_s;
    c.server = u"mon"_s;
    c.site = u"prod"_s;
    c.user = u"automation"_s;
    c.pinnedSha256 = { u"ab"_s };
    c.trustedCertificatesPem = { u"-----BEGIN CERTIFICATE-----"_s };
    c.insecure = true;
    c.timeoutMs = 12000;
    // Certificates trusted for one remote site each (the Sites page), kept per site.
    c.sitePinnedSha256 = { { u"remote1"_s, { u"cd"_s } }, { u"remote2"_s, { u"ef"_s, u"01"_s } } };
    QCOMPARE(SiteConnection::fromVariant(c.toVariant()), c);
    // A pin belongs to a site at a server: the key names both (host case does not matter).
    QCOMPARE(SiteConnection::sitePinKey(u"remote1"_s, u"Mon.Example:8443"_s),
             u"remote1@mon.example:8443"_s);
    QVERIFY(SiteConnection::sitePinKey(u"remote1"_s, u"a"_s)
            != SiteConnection::sitePinKey(u"remote1"_s, u"b"_s));
}

QTEST_GUILESS_MAIN(TestSiteReplyReader)
#include "tst_sitereplyreader.moc"
