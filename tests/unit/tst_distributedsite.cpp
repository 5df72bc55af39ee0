// Reading the site_connection collection's entries into sites, and a site's URL into the
// server, site and protocol the updater's configuration names.
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include "DistributedSite.h"
#include "SitesApi.h"

using namespace Qt::StringLiterals;

class TestDistributedSite final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readSite_data();
    void readSite();
    void siteWithoutIdIsAnError();
    void parseUrl_data();
    void parseUrl();
};

namespace {
QJsonObject entry(const QString &id, const QString &socket, bool loggedIn, bool disabled,
                  const QString &url)
{
    QJsonObject ext {
        { u"basic_settings"_s,
          QJsonObject { { u"alias"_s, QString(u"Alias "_s + id) }, { u"site_id"_s, id } } },
        { u"status_connection"_s,
          QJsonObject { { u"connection"_s, QJsonObject { { u"socket_type"_s, socket } } },
                        { u"disable_in_status_gui"_s, disabled } } },
        { u"configuration_connection"_s,
          QJsonObject { { u"enable_replication"_s, !url.isEmpty() },
                        { u"url_of_remote_site"_s, url } } },
    };
    if (socket != u"local"_s)
        ext.insert(u"logged_in"_s, loggedIn);
    return { { u"domainType"_s, u"site_connection"_s }, { u"id"_s, id }, { u"extensions"_s, ext } };
}
} // namespace

void TestDistributedSite::readSite_data()
{
    QTest::addColumn<QJsonObject>("object");
    QTest::addColumn<int>("state");
    QTest::addColumn<QString>("url");
    QTest::newRow("local") << entry(u"central"_s, u"local"_s, false, false, QString())
                           << int(DistributedSite::State::Local) << QString();
    QTest::newRow("logged in") << entry(u"r1"_s, u"tcp"_s, true, false, u"https://h/r1/check_mk/"_s)
                               << int(DistributedSite::State::LoggedIn)
                               << u"https://h/r1/check_mk/"_s;
    QTest::newRow("not logged in")
        << entry(u"r2"_s, u"tcp"_s, false, false, u"https://h/r2/check_mk/"_s)
        << int(DistributedSite::State::NotLoggedIn) << u"https://h/r2/check_mk/"_s;
    QTest::newRow("disabled") << entry(u"r3"_s, u"tcp6"_s, true, true, u"https://h/r3/check_mk/"_s)
                              << int(DistributedSite::State::Disabled)
                              << u"https://h/r3/check_mk/"_s;
}

void TestDistributedSite::readSite()
{
    QFETCH(QJsonObject, object);
    QFETCH(int, state);
    QFETCH(QString, url);
    ApiError error;
    const auto site = SitesApi::readSite(object, &error);
    QVERIFY(site);
    QCOMPARE(site->id, object.value(u"id"_s).toString());
    QCOMPARE(site->alias, u"Alias "_s + site->id);
    QCOMPARE(int(site->state), state);
    QCOMPARE(site->url, url);
    QCOMPARE(site->isRemote(), state != int(DistributedSite::State::Local));
}

void TestDistributedSite::siteWithoutIdIsAnError()
{
    ApiError error;
    QVERIFY(!SitesApi::readSite(QJsonObject { { u"extensions"_s, QJsonObject {} } }, &error));
    QCOMPARE(error.kind, ApiError::Kind::MalformedReply);
    QVERIFY(error.detail.contains(u"site id"_s));
}

void TestDistributedSite::parseUrl_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("server");
    QTest::addColumn<QString>("site");
    QTest::addColumn<bool>("https");
    QTest::newRow("with port") << u"https://127.0.0.1:8441/remote1/check_mk"_s << true
                               << u"127.0.0.1:8441"_s << u"remote1"_s << true;
    QTest::newRow("trailing slash, default port")
        << u"https://mon.example.com:443/r1/check_mk/"_s << true << u"mon.example.com"_s << u"r1"_s
        << true;
    QTest::newRow("http") << u"http://mon/central/check_mk/"_s << true << u"mon"_s << u"central"_s
                          << false;
    QTest::newRow("no check_mk") << u"https://mon/central/"_s << false << QString() << QString()
                                 << true;
    QTest::newRow("more path") << u"https://mon/a/b/check_mk"_s << false << QString() << QString()
                               << true;
    QTest::newRow("other scheme") << u"ftp://mon/a/check_mk"_s << false << QString() << QString()
                                  << true;
    QTest::newRow("empty") << QString() << false << QString() << QString() << true;
}

void TestDistributedSite::parseUrl()
{
    QFETCH(QString, url);
    QFETCH(bool, ok);
    DistributedSite::Address address;
    QCOMPARE(DistributedSite::parseUrl(url, &address), ok);
    if (!ok)
        return;
    QTEST(address.server, "server");
    QTEST(address.site, "site");
    QTEST(address.https, "https");
}

QTEST_GUILESS_MAIN(TestDistributedSite)
#include "tst_distributedsite.moc"
