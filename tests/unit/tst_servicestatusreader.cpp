// Reading the per-host update status of a stock site from its "Check_MK Agent" services.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QTimeZone>

#include "ServiceStatusReader.h"

using namespace Qt::StringLiterals;

class TestServiceStatusReader final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsTheRealCheckOutput();
    void disabledTextsAndUnregistered();
    void malformedIsAnError();
};

namespace {
QJsonObject service(const QString &host, int state, const QString &summary, const QString &details)
{
    return { { u"domainType"_s, u"service"_s },
             { u"id"_s, host },
             { u"links"_s, QJsonArray {} },
             { u"extensions"_s,
               QJsonObject { { u"host_name"_s, host },
                             { u"description"_s, u"Check_MK Agent"_s },
                             { u"state"_s, state },
                             { u"plugin_output"_s, summary },
                             { u"long_plugin_output"_s, details } } } };
}

QByteArray collection(const QJsonArray &value)
{
    return QJsonDocument(QJsonObject { { u"domainType"_s, u"service"_s },
                                       { u"links"_s, QJsonArray {} },
                                       { u"value"_s, value } })
        .toJson();
}
} // namespace

void TestServiceStatusReader::readsTheRealCheckOutput()
{
    const QByteArray body = collection(
        { service(u"web01"_s, 1,
                  u"Version: 2.4.0p17, OS: linux, Update error: Error: No valid signature "
                  "found.(!), Last update: 2026-11-01 10:00:00"_s,
                  u"Error: No valid signature found.\nsecond line\nLast update check: "
                  "2026-11-30 06:00:00\nUpdate URL: https://x/s/check_mk\nAgent configuration: "
                  "0123456789abcdef\nPending installation: fedcba9876543210"_s),
          service(u"db01"_s, 0, u"Version: 2.4.0p17, OS: linux"_s,
                  u"Last update check: 2026-11-30 06:30:00\nAgent configuration: "
                  "1111111111111111"_s),
          // another service of the host is not the updater's
          QJsonObject { { u"extensions"_s,
                          QJsonObject { { u"host_name"_s, u"db01"_s },
                                        { u"description"_s, u"CPU load"_s } } } } });
    ApiError error;
    const auto result = ServiceStatusReader::parse(body, &error);
    QVERIFY(result);
    QCOMPARE(result->rows.size(), size_t(2));
    const HostUpdateStatus &web = result->rows.at(0);
    QCOMPARE(web.hostName, u"web01"_s);
    QCOMPARE(int(web.checkState), 1);
    QCOMPARE(web.lastError, u"Error: No valid signature found.\nsecond line"_s);
    QCOMPARE(HostUpdateStatus::hashText(web.installedHash), u"0123456789abcdef"_s);
    QCOMPARE(HostUpdateStatus::hashText(web.pendingHash), u"fedcba9876543210"_s);
    QCOMPARE(web.targetHash, web.pendingHash); // the pending one is the target
    QCOMPARE(web.lastCheck,
             QDateTime(QDate(2026, 11, 30), QTime(6, 0), QTimeZone::utc()).toSecsSinceEpoch());
    QCOMPARE(web.lastUpdate,
             QDateTime(QDate(2026, 11, 1), QTime(10, 0), QTimeZone::utc()).toSecsSinceEpoch());
    QVERIFY(web.registered);
    const HostUpdateStatus &db = result->rows.at(1);
    QVERIFY(db.lastError.isEmpty());
    QCOMPARE(db.targetHash, quint64(0)); // not said by the site
    QCOMPARE(db.downloadedHash, db.installedHash);
}

void TestServiceStatusReader::disabledTextsAndUnregistered()
{
    const QByteArray body = collection(
        { service(u"a"_s, 1,
                  u"Version: 2.4.0p17, OS: linux, Automatic agent deployment is currently "
                  "globally disabled.(!)"_s,
                  {}),
          service(u"b"_s, 1,
                  u"Version: 2.4.0p17, OS: linux, Agent updates are disabled for host b.(!)"_s, {}),
          service(u"c"_s, 1,
                  u"Version: 2.4.0p17, OS: linux, Update error: The agent updater is not "
                  "registered at the deployment server(!), No successful connect to server "
                  "yet(!)"_s,
                  {}) });
    ApiError error;
    const auto result = ServiceStatusReader::parse(body, &error);
    QVERIFY(result);
    QCOMPARE(result->deploymentEnabled, std::optional<bool>(false));
    QVERIFY(!result->rows.at(1).selected);
    QVERIFY(!result->rows.at(2).registered);
    QCOMPARE(result->rows.at(2).lastCheck, qint64(-1));
}

void TestServiceStatusReader::malformedIsAnError()
{
    for (const QByteArray &bad : { QByteArray("{\"value\": [ {"), QByteArray("[]"),
                                   QByteArray("{\"value\": 3}"), QByteArray() }) {
        ApiError error;
        QVERIFY(!ServiceStatusReader::parse(bad, &error));
        QCOMPARE(error.kind, ApiError::Kind::MalformedReply);
        QVERIFY(!error.title.isEmpty());
    }
    // Entries of the wrong shape are skipped, not a crash.
    ApiError error;
    const auto result = ServiceStatusReader::parse(
        "{\"value\": [3, \"x\", {\"extensions\": {\"description\": \"Check_MK Agent\"}}]}", &error);
    QVERIFY(result);
    QCOMPARE(result->rows.size(), size_t(0));
}

QTEST_GUILESS_MAIN(TestServiceStatusReader)
#include "tst_servicestatusreader.moc"
