#include <QTest>

#include "ApiError.h"
#include "Host.h"

using namespace Qt::StringLiterals;

class TestApiError final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void summary_data();
    void summary();
    void fieldMessagesSorted();
    void remedies();
    void hostNames_data();
    void hostNames();
};

void TestApiError::summary_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("detail");
    QTest::addColumn<QString>("expected");
    QTest::newRow("full") << 412 << u"Precondition Failed"_s << u"ETag differs"_s
                          << u"412 Precondition Failed: ETag differs"_s;
    QTest::newRow("no status") << 0 << u"Timeout"_s << u"after 30 s"_s << u"Timeout: after 30 s"_s;
    QTest::newRow("detail equals title")
        << 404 << u"Not Found"_s << u"Not Found"_s << u"404 Not Found"_s;
    QTest::newRow("detail only") << 0 << QString() << u"boom"_s << u"boom"_s;
}

void TestApiError::summary()
{
    QFETCH(int, status);
    QFETCH(QString, title);
    QFETCH(QString, detail);
    QFETCH(QString, expected);
    ApiError e;
    e.kind = ApiError::Kind::Http;
    e.status = status;
    e.title = title;
    e.detail = detail;
    QCOMPARE(e.summary(), expected);
}

void TestApiError::fieldMessagesSorted()
{
    ApiError e;
    e.fields.insert(u"passphrase"_s, { u"Wrong passphrase"_s });
    e.fields.insert(u"alias"_s, { u"Missing"_s, u"Too long"_s });
    QCOMPARE(e.fieldMessages(),
             QStringList(
                 { u"alias: Missing"_s, u"alias: Too long"_s, u"passphrase: Wrong passphrase"_s }));
}

// The one classification the banners and the dialogs offer their actions from.
void TestApiError::remedies()
{
    ApiError e;
    e.kind = ApiError::Kind::Http;
    e.status = 401;
    QCOMPARE(e.remedy(), ApiError::Remedy::EditConnection);
    e.status = 404; // the web server's: no site of that name
    QCOMPARE(e.remedy(), ApiError::Remedy::EditConnection);
    e.problemDocument = true; // the API's: an object that is not there
    QCOMPARE(e.remedy(), ApiError::Remedy::None);
    e.status = 400;
    QCOMPARE(e.remedy(), ApiError::Remedy::None);
    ApiError tls;
    tls.kind = ApiError::Kind::Tls;
    QCOMPARE(tls.remedy(), ApiError::Remedy::None); // nothing to show
    tls.certificateChain = { CertificateDetails() };
    QCOMPARE(tls.remedy(), ApiError::Remedy::ShowCertificate);
    ApiError down;
    down.kind = ApiError::Kind::Network;
    QCOMPARE(down.remedy(), ApiError::Remedy::Retry);
    down.kind = ApiError::Kind::Timeout;
    QCOMPARE(down.remedy(), ApiError::Remedy::Retry);
    QCOMPARE(ApiError::local(u"x"_s).remedy(), ApiError::Remedy::None);
}

void TestApiError::hostNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");
    QTest::newRow("plain") << u"web01"_s << true;
    QTest::newRow("fqdn") << u"db-1.example.com"_s << true;
    QTest::newRow("underscore") << u"my_host"_s << true;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("space") << u"my host"_s << false;
    QTest::newRow("slash") << u"a/b"_s << false;
    QTest::newRow("umlaut") << u"m\u00fcller"_s << false;
}

void TestApiError::hostNames()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    QCOMPARE(Host::isValidName(name), valid);
}

QTEST_GUILESS_MAIN(TestApiError)
#include "tst_apierror.moc"
