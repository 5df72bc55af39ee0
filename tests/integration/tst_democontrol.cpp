// The demo site's control endpoints: only the process's control token opens them (not a site
// user's secret, not nothing), the recorded last request never holds a secret, and a clock
// advance of 1e300 seconds is refused instead of being converted with undefined behaviour.
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

#include "DemoConnection.h"
#include "DemoSiteProcess.h"
#include "RestClient.h"
#include "RestReply.h"

using namespace Qt::StringLiterals;

class TestDemoControl final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void controlNeedsTheToken_data();
    void controlNeedsTheToken();
    void lastRequestHidesSecrets();
    void hugeClockAdvanceRefused();

private:
    RestResult run(const SiteConnection &connection, const QByteArray &secret, RestRequest request);
    RestResult control(RestRequest request);
    DemoSiteProcess m_site;
};

void TestDemoControl::initTestCase()
{
    qRegisterMetaType<RestResult>();
    QVERIFY2(m_site.start({ u"--hosts"_s, u"5"_s, u"--manual-clock"_s }),
             qPrintable(m_site.error()));
    QCOMPARE(m_site.controlToken().size(), 32);
    QVERIFY(m_site.controlToken() != m_site.secret());
}

RestResult TestDemoControl::run(const SiteConnection &connection, const QByteArray &secret,
                                RestRequest request)
{
    RestClient client(connection);
    if (!secret.isEmpty())
        client.setSecret(SecureBuffer(QByteArray(secret)));
    request.base = RestRequest::Base::Site;
    request.maxRetries = 0;
    RestReply *reply = client.send(std::move(request));
    QSignalSpy spy(reply, &RestReply::finished);
    if (!spy.wait(20000))
        return {};
    return spy.first().first().value<RestResult>();
}

RestResult TestDemoControl::control(RestRequest request)
{
    return run(m_site.controlConnection(), m_site.controlToken(), std::move(request));
}

void TestDemoControl::controlNeedsTheToken_data()
{
    QTest::addColumn<QString>("who");
    QTest::addColumn<int>("status");
    QTest::newRow("nobody") << u"nobody"_s << 401;
    QTest::newRow("automation user") << u"automation"_s << 401;
    QTest::newRow("wrong token") << u"wrong"_s << 401;
    QTest::newRow("control token") << u"control"_s << 204;
}

void TestDemoControl::controlNeedsTheToken()
{
    QFETCH(QString, who);
    QFETCH(int, status);
    SiteConnection c = m_site.controlConnection();
    QByteArray secret = m_site.controlToken();
    RestRequest request = RestRequest::del(u"demo-control/faults"_s);
    if (who == u"nobody"_s) {
        request.authenticate = false;
        secret.clear();
    } else if (who == u"automation"_s) {
        c = DemoConnection::make(m_site.server(), m_site.site(), m_site.sha256());
        secret = m_site.secret();
    } else if (who == u"wrong"_s) {
        secret = QByteArray(secret.size(), 'x');
    }
    for (RestRequest r : { request, RestRequest::get(u"demo-control/last-request"_s),
                           RestRequest::get(u"demo-control/clock"_s) }) {
        r.authenticate = request.authenticate;
        const RestResult result = run(c, secret, r);
        if (status == 204)
            QVERIFY2(result.ok(), qPrintable(result.error.summary()));
        else
            QCOMPARE(result.status, status);
    }
}

void TestDemoControl::lastRequestHidesSecrets()
{
    const RestResult version
        = run(DemoConnection::make(m_site.server(), m_site.site(), m_site.sha256()),
              m_site.secret(), RestRequest::get(u"check_mk/api/1.0/version"_s));
    QVERIFY2(version.ok(), qPrintable(version.error.summary()));
    const RestResult last = control(RestRequest::get(u"demo-control/last-request"_s));
    QVERIFY2(last.ok(), qPrintable(last.error.summary()));
    QVERIFY(last.json.object().value(u"path"_s).toString().endsWith(u"/version"_s));
    // That credentials came is recorded; what they were is not.
    const QString authorization
        = last.json.object().value(u"headers"_s).toObject().value(u"authorization"_s).toString();
    QCOMPARE(authorization, u"Bearer automation <redacted>"_s);
    QVERIFY(!last.body.contains(m_site.secret()));
    QVERIFY(!last.body.contains(m_site.controlToken()));
}

void TestDemoControl::hugeClockAdvanceRefused()
{
    const RestResult before = control(RestRequest::get(u"demo-control/clock"_s));
    QVERIFY(before.ok());
    const double now = before.json.object().value(u"now"_s).toDouble();
    for (const QByteArray &body :
         { "{\"advance_seconds\": 1e300}"_ba, "{\"advance_seconds\": -1}"_ba,
           "{\"advance_seconds\": 1e19}"_ba }) {
        RestRequest r = RestRequest::post(u"demo-control/clock"_s, QJsonDocument::fromJson(body));
        QVERIFY(r.json->isObject());
        const RestResult result = control(r);
        QCOMPARE(result.status, 400);
    }
    const RestResult ok = control(RestRequest::post(
        u"demo-control/clock"_s, QJsonDocument(QJsonObject { { u"advance_seconds"_s, 60 } })));
    QVERIFY2(ok.ok(), qPrintable(ok.error.summary()));
    QCOMPARE(ok.json.object().value(u"now"_s).toDouble(), now + 60);
}

QTEST_GUILESS_MAIN(TestDemoControl)
#include "tst_democontrol.moc"
