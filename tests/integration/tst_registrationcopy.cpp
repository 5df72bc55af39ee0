// The registration extension endpoints the migration assistant copies registrations with
// (RegistrationsApi against a demo-site process): listed without secrets, handed out with them,
// taken over whole or refused whole with the entry named, absent on a stock site.
#include <QTest>

#include "DemoSites.h"
#include "InventoryApi.h"
#include "RegistrationsApi.h"
#include "RestClient.h"

using namespace Qt::StringLiterals;

namespace {

template<typename T, typename Call> SiteResult<T> await(Call call)
{
    return DemoSites::await<T>(std::move(call));
}

RegistrationsApi::Entries entries(const QList<QPair<QString, QByteArray>> &list)
{
    RegistrationsApi::Entries out;
    for (const auto &[host, secret] : list)
        out.push_back({ host, SecureBuffer(secret), 1700000000, u"automation"_s });
    return out;
}

} // namespace

class TestRegistrationCopy final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void importExportAndRefusals();
    void stockSiteHasNone();

private:
    DemoSiteProcess m_site;
    DemoSiteProcess m_stock;
};

void TestRegistrationCopy::initTestCase()
{
    QVERIFY2(m_site.start({ u"--hosts"_s, u"10"_s, u"--empty-setup"_s }),
             qPrintable(m_site.error()));
    QVERIFY2(m_stock.start({ u"--hosts"_s, u"5"_s, u"--stock"_s }), qPrintable(m_stock.error()));
}

void TestRegistrationCopy::importExportAndRefusals()
{
    auto c = DemoSites::client(m_site);
    const RegistrationsApi api(c.get());
    const SiteResult<QList<Host>> hosts = await<QList<Host>>(
        [&](QObject *ctx, auto done) { InventoryApi(c.get()).hosts(ctx, done); });
    QVERIFY(hosts.ok());
    const QString a = hosts.value->at(0).name;
    const QString b = hosts.value->at(1).name;
    const QByteArray secretA(64, 'a');
    const QByteArray secretB = QByteArray(63, 'b') + '7';

    const auto registered = [&] {
        return await<QStringList>([&](QObject *ctx, auto done) { api.registeredHosts(ctx, done); });
    };
    QCOMPARE(registered().value, QStringList());

    // A host the site does not know: the whole list is refused, the entry named.
    SiteAck refused = await<std::monostate>([&](QObject *ctx, auto done) {
        api.importRegistrations(entries({ { a, secretA }, { u"no-such-host"_s, secretB } }), ctx,
                                done);
    });
    QCOMPARE(refused.error.status, 400);
    QVERIFY(refused.error.fields.contains(u"registrations[1].host_name"_s));
    QCOMPARE(registered().value, QStringList());

    // A secret that is not 64 letters and digits: refused too.
    refused = await<std::monostate>([&](QObject *ctx, auto done) {
        api.importRegistrations(entries({ { a, QByteArray(64, '-') } }), ctx, done);
    });
    QCOMPARE(refused.error.status, 400);
    QVERIFY(refused.error.fields.contains(u"registrations[0].host_secret"_s));
    QCOMPARE(registered().value, QStringList());

    const SiteAck ok = await<std::monostate>([&](QObject *ctx, auto done) {
        api.importRegistrations(entries({ { a, secretA }, { b, secretB } }), ctx, done);
    });
    QVERIFY2(ok.ok(), qPrintable(ok.error.summary()));
    QStringList both { a, b };
    both.sort();
    QCOMPARE(registered().value, both);

    // Handed out with the secrets they were taken over with; unregistered names left out.
    SiteResult<RegistrationsApi::Entries> exported
        = await<RegistrationsApi::Entries>([&](QObject *ctx, auto done) {
              api.exportRegistrations({ b, hosts.value->at(2).name }, ctx, done);
          });
    QVERIFY2(exported.ok(), qPrintable(exported.error.summary()));
    QCOMPARE(exported.value->size(), size_t(1));
    QCOMPARE(exported.value->front().hostName, b);
    QCOMPARE(exported.value->front().hostSecret.bytes(), secretB);
}

void TestRegistrationCopy::stockSiteHasNone()
{
    auto c = DemoSites::client(m_stock);
    const SiteResult<QStringList> names = await<QStringList>(
        [&](QObject *ctx, auto done) { RegistrationsApi(c.get()).registeredHosts(ctx, done); });
    QCOMPARE(names.error.status, 404);
}

QTEST_GUILESS_MAIN(TestRegistrationCopy)
#include "tst_registrationcopy.moc"
