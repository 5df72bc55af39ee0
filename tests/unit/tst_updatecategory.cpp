#include <QTest>

#include "ErrorDiagnosis.h"
#include "UpdateCategory.h"

using namespace Qt::StringLiterals;

class TestUpdateCategory final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void categorize_data();
    void categorize();
    void classify_data();
    void classify();
    void hashes();
};

namespace {
constexpr qint64 now = 1'800'000'000;
HostUpdateStatus upToDate()
{
    HostUpdateStatus s;
    s.hostName = u"h"_s;
    s.registered = true;
    s.selected = true;
    s.targetHash = 0xaaaa;
    s.installedHash = 0xaaaa;
    s.downloadedHash = 0xaaaa;
    s.lastCheck = now - 600;
    s.interval = 3600;
    return s;
}
} // namespace

void TestUpdateCategory::categorize_data()
{
    QTest::addColumn<int>("field");
    QTest::addColumn<bool>("enabled");
    QTest::addColumn<int>("expected");
    // field: which change to make to an up-to-date host
    QTest::newRow("up to date") << 0 << true << int(UpdateCategory::UpToDate);
    QTest::newRow("globally disabled") << 0 << false << int(UpdateCategory::GloballyDisabled);
    QTest::newRow("left out") << 1 << true << int(UpdateCategory::LeftOut);
    QTest::newRow("not registered") << 2 << true << int(UpdateCategory::NotRegistered);
    QTest::newRow("never contacted") << 3 << true << int(UpdateCategory::NeverContacted);
    QTest::newRow("failing") << 4 << true << int(UpdateCategory::Failing);
    QTest::newRow("stale") << 5 << true << int(UpdateCategory::Stale);
    QTest::newRow("pending") << 6 << true << int(UpdateCategory::UpdatePending);
    QTest::newRow("outdated") << 7 << true << int(UpdateCategory::Outdated);
    QTest::newRow("just within twice the interval") << 8 << true << int(UpdateCategory::UpToDate);
}

void TestUpdateCategory::categorize()
{
    QFETCH(int, field);
    QFETCH(bool, enabled);
    QFETCH(int, expected);
    HostUpdateStatus s = upToDate();
    switch (field) {
    case 1:
        s.selected = false;
        break;
    case 2:
        s.registered = false;
        break;
    case 3:
        s.lastCheck = -1;
        break;
    case 4:
        s.lastError = u"No valid signature found"_s;
        break;
    case 5:
        s.lastCheck = now - 7201;
        break;
    case 6:
        s.targetHash = 0xbbbb;
        s.downloadedHash = 0xbbbb;
        break;
    case 7:
        s.targetHash = 0xbbbb;
        break;
    case 8:
        s.lastCheck = now - 7200;
        break;
    }
    QCOMPARE(int(UpdateCategory::categorize(s, now, enabled)), expected);
    QVERIFY(!UpdateCategory::name(UpdateCategory::Category(expected)).isEmpty());
    QVERIFY(!UpdateCategory::description(UpdateCategory::Category(expected)).isEmpty());
}

void TestUpdateCategory::classify_data()
{
    QTest::addColumn<QString>("error");
    QTest::addColumn<QString>("id");
    // Texts as cmk-update-agent and the site write them.
    QTest::newRow("signature") << u"Error: No valid signature found."_s << u"signature"_s;
    QTest::newRow("certificate unknown")
        << u"Signature verification failed: certificate unknown"_s << u"signature"_s;
    QTest::newRow("not registered")
        << u"Host is not registered. Please register first."_s << u"not-registered"_s;
    QTest::newRow("404")
        << u"HTTP Error 404: Not Found (https://mon/oldsite/check_mk/deploy_agent.py)"_s
        << u"deploy-404"_s;
    QTest::newRow("404 requests")
        << u"404 Client Error: Not Found for url: https://mon/prod/check_mk/deploy_agent.py"_s
        << u"deploy-404"_s;
    QTest::newRow("tls")
        << u"<urlopen error [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer certificate (_ssl.c:1006)>"_s
        << u"tls"_s;
    QTest::newRow("noexec")
        << u"Error loading Python lib '/tmp/_MEIxS2Tbm/libpython3.12.so.1.0': dlopen: /tmp/_MEIxS2Tbm/libpython3.12.so.1.0: failed to map segment from shared object"_s
        << u"noexec-tmp"_s;
    QTest::newRow("prelink")
        << u"Cannot open self /usr/bin/cmk-update-agent or archive /usr/bin/cmk-update-agent.pkg"_s
        << u"prelink"_s;
    QTest::newRow("selinux")
        << u"error: can't create transaction lock on /var/lib/rpm/.rpm.lock (Permission denied)"_s
        << u"selinux-rpm"_s;
    QTest::newRow("host disabled")
        << u"Agent updates are disabled for host web01 (the host selection does not match)."_s
        << u"host-disabled"_s;
    QTest::newRow("globally disabled")
        << u"Automatic agent deployment is currently globally disabled."_s
        << u"globally-disabled"_s;
    QTest::newRow("selinux avc")
        << u"type=AVC msg=audit(1732448221.123:512): avc:  denied  { write } for  pid=4242 comm=\"rpm\" name=\".rpm.lock\" scontext=system_u:system_r:unconfined_service_t:s0"_s
        << u"selinux-rpm"_s;
    QTest::newRow("missing host secret")
        << u"Missing host secret. Please register this host first."_s << u"not-registered"_s;
    QTest::newRow("globally disabled, site text")
        << u"Agent updates are disabled: deployment is currently globally disabled"_s
        << u"globally-disabled"_s;
    QTest::newRow("unknown") << u"Something nobody has seen before"_s << u"unknown"_s;
}

void TestUpdateCategory::classify()
{
    QFETCH(QString, error);
    QFETCH(QString, id);
    const ErrorDiagnosis::Diagnosis d = ErrorDiagnosis::classify(error);
    QCOMPARE(d.id, id);
    QVERIFY(!d.title.isEmpty());
    QVERIFY(!d.explanation.isEmpty());
    QVERIFY(!d.action.isEmpty());
    if (id == u"unknown"_s)
        QVERIFY(d.explanation.contains(error));
}

void TestUpdateCategory::hashes()
{
    quint64 h = 0;
    QVERIFY(HostUpdateStatus::parseHash(u"0123456789abcdef", &h));
    QCOMPARE(HostUpdateStatus::hashText(h), u"0123456789abcdef"_s);
    QVERIFY(!HostUpdateStatus::parseHash(u"0123", &h));
    QVERIFY(!HostUpdateStatus::parseHash(u"0123456789abcdeg", &h));
    QCOMPARE(HostUpdateStatus::hashText(0), QString());
}

QTEST_GUILESS_MAIN(TestUpdateCategory)
#include "tst_updatecategory.moc"
