#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "KeyBundle.h"
#include "SecureBuffer.h"
#include "SigningKeyGenerator.h"

using namespace Qt::StringLiterals;

namespace {

const char passphraseText[] = "passphrase for the bundle";

QByteArray runOpenSsl(const QStringList &arguments, const QByteArray &passphrase)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"AGENTDESK_TEST_PASS"_s, QString::fromUtf8(passphrase));
    process.setProcessEnvironment(env);
    process.start(u"openssl"_s, arguments);
    if (!process.waitForFinished(60000) || process.exitCode() != 0)
        return {};
    return process.readAllStandardOutput();
}

SigningKeyResult makeKey(const QString &alias)
{
    SigningKeyRequest request;
    request.alias = alias;
    request.siteId = u"bundles"_s;
    request.keyBits = 2048;
    return SigningKeyGenerator::generate(request, SecureBuffer(QByteArray(passphraseText)));
}

} // namespace

class TestCryptoKeyBundle final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void check_data();
    void check();
    void opensAndMatchesSeparately();
    void partsReadBack();

private:
    QTemporaryDir m_dir;
    SigningKeyResult m_a;
    SigningKeyResult m_b;
    QByteArray m_unencryptedKeyA;
    QByteArray m_legacyKeyA;
    QByteArray m_ecKey;
    QByteArray m_ecCert;
};

void TestCryptoKeyBundle::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_a = makeKey(u"key A"_s);
    m_b = makeKey(u"key B"_s);
    QVERIFY(m_a.ok && m_b.ok);
    const QString keyPath = m_dir.filePath(u"a.pem"_s);
    QFile file(keyPath);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(m_a.privateKeyPem);
    file.close();
    const QString pass = u"env:AGENTDESK_TEST_PASS"_s;
    m_unencryptedKeyA
        = runOpenSsl({ u"pkey"_s, u"-in"_s, keyPath, u"-passin"_s, pass }, passphraseText);
    QVERIFY(m_unencryptedKeyA.startsWith("-----BEGIN PRIVATE KEY-----"));
    // What older sites (pyOpenSSL) wrote: traditional PEM with Proc-Type and DEK-Info headers.
    m_legacyKeyA = runOpenSsl({ u"pkey"_s, u"-in"_s, keyPath, u"-passin"_s, pass, u"-traditional"_s,
                                u"-aes256"_s, u"-passout"_s, pass },
                              passphraseText);
    QVERIFY2(m_legacyKeyA.contains("Proc-Type: 4,ENCRYPTED"), m_legacyKeyA.constData());

    const QString ecKeyPath = m_dir.filePath(u"ec.pem"_s);
    const QString ecCertPath = m_dir.filePath(u"eccert.pem"_s);
    runOpenSsl({ u"req"_s, u"-x509"_s, u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s,
                 u"ec_paramgen_curve:P-256"_s, u"-keyout"_s, ecKeyPath, u"-passout"_s, pass,
                 u"-subj"_s, u"/CN=elliptic"_s, u"-days"_s, u"1"_s, u"-out"_s, ecCertPath },
               passphraseText);
    QFile ecKey(ecKeyPath);
    QFile ecCert(ecCertPath);
    QVERIFY(ecKey.open(QIODevice::ReadOnly) && ecCert.open(QIODevice::ReadOnly));
    m_ecKey = ecKey.readAll();
    m_ecCert = ecCert.readAll();
    QVERIFY(m_ecKey.startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----"));
}

void TestCryptoKeyBundle::check_data()
{
    QTest::addColumn<QByteArray>("pem");
    QTest::addColumn<QByteArray>("passphrase");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("errorPart");
    const QByteArray pass(passphraseText);
    QByteArray crlf = m_a.privateKeyPem + m_a.certificatePem;
    crlf.replace("\n", "\r\n");

    QTest::newRow("key then certificate")
        << m_a.privateKeyPem + m_a.certificatePem << pass << true << QString();
    QTest::newRow("certificate then key, pasted with noise")
        << "Here is my key:\n"_ba + m_a.certificatePem + "\n\n"_ba + m_a.privateKeyPem + "  \n"_ba
        << pass << true << QString();
    QTest::newRow("windows line ends") << crlf << pass << true << QString();
    QTest::newRow("legacy encrypted key")
        << m_legacyKeyA + m_a.certificatePem << pass << true << QString();
    QTest::newRow("wrong passphrase")
        << m_a.privateKeyPem + m_a.certificatePem << "passphrase for the bundlE"_ba << false
        << u"passphrase does not open"_s;
    QTest::newRow("empty passphrase")
        << m_a.privateKeyPem + m_a.certificatePem << QByteArray() << false << u"No passphrase"_s;
    QTest::newRow("key and certificate differ")
        << m_a.privateKeyPem + m_b.certificatePem << pass << false << u"does not belong"_s;
    QTest::newRow("unencrypted key")
        << m_unencryptedKeyA + m_a.certificatePem << pass << false << u"not encrypted"_s;
    QTest::newRow("EC key") << m_ecKey + m_ecCert << pass << false << u"must be RSA"_s;
    QTest::newRow("no certificate") << m_a.privateKeyPem << pass << false << u"No certificate"_s;
    QTest::newRow("no key") << m_a.certificatePem << pass << false << u"No private key"_s;
    QTest::newRow("two keys") << m_a.privateKeyPem + m_b.privateKeyPem + m_a.certificatePem << pass
                              << false << u"More than one private key"_s;
    QTest::newRow("two certificates") << m_a.privateKeyPem + m_a.certificatePem + m_b.certificatePem
                                      << pass << false << u"More than one certificate"_s;
    QTest::newRow("damaged certificate")
        << m_a.privateKeyPem + "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"_ba
        << pass << false << u"damaged"_s;
    QTest::newRow("empty") << QByteArray() << pass << false << u"No private key"_s;
}

void TestCryptoKeyBundle::check()
{
    QFETCH(QByteArray, pem);
    QFETCH(QByteArray, passphrase);
    QFETCH(bool, ok);
    QFETCH(QString, errorPart);
    const KeyBundle bundle = KeyBundle::fromPem(pem);
    QString error;
    QCOMPARE(bundle.check(SecureBuffer(passphrase), &error), ok);
    if (ok)
        QVERIFY2(error.isEmpty(), qPrintable(error));
    else
        QVERIFY2(error.contains(errorPart), qPrintable(error));
}

void TestCryptoKeyBundle::opensAndMatchesSeparately()
{
    const SecureBuffer pass { QByteArray(passphraseText) };
    const KeyBundle mismatched = KeyBundle::fromPem(m_b.certificatePem + m_a.privateKeyPem);
    QString error;
    QVERIFY2(mismatched.isComplete(&error), qPrintable(error));
    QVERIFY2(mismatched.opens(pass, &error), qPrintable(error));
    QVERIFY(!mismatched.keyMatchesCertificate(pass, &error));
    QVERIFY(error.contains(u"key B"_s));

    error.clear();
    QVERIFY(!mismatched.opens(SecureBuffer("wrong wrong wrong"_ba), &error));
    QVERIFY(error.contains(u"passphrase"_s));
    // The callback must refuse, not truncate, a passphrase longer than OpenSSL's buffer.
    QVERIFY(!mismatched.opens(SecureBuffer(QByteArray(5000, 'x')), &error));
}

void TestCryptoKeyBundle::partsReadBack()
{
    const KeyBundle bundle = KeyBundle::fromPem(m_a.certificatePem + m_a.privateKeyPem);
    QCOMPARE(bundle.keyFormat(), KeyBundle::KeyFormat::EncryptedPkcs8);
    QVERIFY(bundle.hasEncryptedKey());
    QVERIFY(bundle.hasCertificate());
    QCOMPARE(bundle.privateKeyPem(), m_a.privateKeyPem);
    QCOMPARE(bundle.certificatePem(), m_a.certificatePem);
    QCOMPARE(bundle.certificate().commonName(), u"key A"_s);
    QCOMPARE(KeyBundle::fromPem(m_legacyKeyA).keyFormat(), KeyBundle::KeyFormat::EncryptedLegacy);
    QCOMPARE(KeyBundle::fromPem(m_unencryptedKeyA).keyFormat(), KeyBundle::KeyFormat::Unencrypted);
    QCOMPARE(KeyBundle::fromPem({}).keyFormat(), KeyBundle::KeyFormat::None);
}

QTEST_GUILESS_MAIN(TestCryptoKeyBundle)
#include "tst_crypto_keybundle.moc"
