// PEM splitting is linear and right on hostile input: a 1 MiB+ key file made of unmatched
// BEGIN lines (minutes with the old regular expression), a real bundle behind 1 MiB of junk,
// and a 1 MiB+ list of certificates. The assertions are on the results; the time is measured
// by agentdesk-bench (key_file_load_1mib), not here.
#include <QFile>
#include <QTest>

#include "CertificateInfo.h"
#include "KeyBundle.h"
#include "PemBlocks.h"

using namespace Qt::StringLiterals;

class TestPemBlocks final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void splitsBlocks();
    void oddMarkers();
    void unmatchedBeginsOverOneMiB();
    void bundleBehindOneMiBOfJunk();
    void manyCertificates();

private:
    QByteArray m_bundle; // encrypted PKCS#8 key and its certificate
};

void TestPemBlocks::initTestCase()
{
    QFile f(
        QStringLiteral(AGENTDESK_SOURCE_DIR "/tests/fuzz/corpus/pem_keybundle/bundle-pkcs8.pem"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    m_bundle = f.readAll();
    QString error;
    QVERIFY2(KeyBundle::fromPem(m_bundle).isComplete(&error), qPrintable(error));
}

void TestPemBlocks::splitsBlocks()
{
    const auto blocks = PemBlocks::split("text\n-----BEGIN A B-----\nAAAA\n-----END A B-----\n"
                                         "between\n-----BEGIN C-----\nBB\n-----END C-----"_ba);
    QCOMPARE(blocks.size(), 2);
    QCOMPARE(blocks.at(0).label, "A B"_ba);
    QCOMPARE(blocks.at(0).text, "-----BEGIN A B-----\nAAAA\n-----END A B-----"_ba);
    QCOMPARE(blocks.at(1).label, "C"_ba);
    QCOMPARE(blocks.at(1).text, "-----BEGIN C-----\nBB\n-----END C-----"_ba);
}

void TestPemBlocks::oddMarkers()
{
    // A BEGIN without END is dropped, the next BEGIN starts over.
    auto blocks
        = PemBlocks::split("-----BEGIN X-----\n-----BEGIN Y-----\nQQ\n-----END Y-----\n"_ba);
    QCOMPARE(blocks.size(), 1);
    QCOMPARE(blocks.first().label, "Y"_ba);
    // An END of another label closes nothing.
    blocks = PemBlocks::split("-----BEGIN X-----\nQQ\n-----END Z-----\n-----END X-----"_ba);
    QCOMPARE(blocks.size(), 0);
    // Lower case, empty or overlong labels are no markers; dashes in the body are fine.
    QVERIFY(PemBlocks::split("-----BEGIN x-----\n-----END x-----"_ba).isEmpty());
    QVERIFY(PemBlocks::split("-----BEGIN -----\n-----END -----"_ba).isEmpty());
    const QByteArray longLabel(65, 'A');
    const QByteArray longBlock
        = "-----BEGIN " + longLabel + "-----\n-----END " + longLabel + "-----";
    QVERIFY(PemBlocks::split(longBlock).isEmpty());
    QCOMPARE(PemBlocks::split("-----BEGIN K-----\n-- -----x\n-----END K-----"_ba).size(), 1);
}

void TestPemBlocks::unmatchedBeginsOverOneMiB()
{
    QByteArray pem;
    while (pem.size() < 1100 * 1024)
        pem += "-----BEGIN CERTIFICATE-----\nMIIB\n-----BEGIN ENCRYPTED PRIVATE KEY-----\n";
    QVERIFY(PemBlocks::split(pem).isEmpty());
    const KeyBundle bundle = KeyBundle::fromPem(pem);
    QCOMPARE(bundle.keyFormat(), KeyBundle::KeyFormat::None);
    QString error;
    QVERIFY(!bundle.isComplete(&error));
    QVERIFY2(error.contains(u"No private key"_s), qPrintable(error));
    QVERIFY(CertificateInfo::allFromPem(pem, &error).isEmpty());
    QVERIFY2(error.contains(u"No PEM certificate"_s), qPrintable(error));
}

void TestPemBlocks::bundleBehindOneMiBOfJunk()
{
    QByteArray junk;
    while (junk.size() < 1024 * 1024)
        junk += "----- ---------- -----BEGIN -----END lower----- x\n";
    const KeyBundle bundle = KeyBundle::fromPem(junk + m_bundle + junk);
    QString error;
    QVERIFY2(bundle.isComplete(&error), qPrintable(error));
    QCOMPARE(bundle.keyFormat(), KeyBundle::KeyFormat::EncryptedPkcs8);
    QCOMPARE(bundle.certificate().commonName(), u"fuzz seed"_s);
}

void TestPemBlocks::manyCertificates()
{
    const QByteArray certificate = KeyBundle::fromPem(m_bundle).certificatePem();
    QVERIFY(!certificate.isEmpty());
    QByteArray list;
    int count = 0;
    while (list.size() < 1024 * 1024) {
        list += certificate;
        ++count;
    }
    QString error;
    const QList<CertificateInfo> all = CertificateInfo::allFromPem(list, &error);
    QCOMPARE(all.size(), count);
    QCOMPARE(all.last().sha256Fingerprint(), all.first().sha256Fingerprint());
    // A bundle with more than one certificate is refused by name, even at this size.
    const KeyBundle many = KeyBundle::fromPem(KeyBundle::fromPem(m_bundle).privateKeyPem() + list);
    QVERIFY(!many.isComplete(&error));
    QVERIFY2(error.contains(u"More than one certificate"_s), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestPemBlocks)
#include "tst_pemblocks.moc"
