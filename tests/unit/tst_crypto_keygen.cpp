#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QtConcurrent/QtConcurrentRun>

#include "CertificateInfo.h"
#include "CertificateSummary.h"
#include "SecureBuffer.h"
#include "SigningKeyGenerator.h"

#include <atomic>

using namespace Qt::StringLiterals;

namespace {

const char passphraseText[] = "correct horse battery staple";

// Runs the openssl command line; the passphrase goes through the environment, not argv.
QByteArray runOpenSsl(const QStringList &arguments, int *exitCode,
                      const QByteArray &passphrase = {})
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"AGENTDESK_TEST_PASS"_s, QString::fromUtf8(passphrase));
    process.setProcessEnvironment(env);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(u"openssl"_s, arguments);
    if (!process.waitForFinished(60000)) {
        *exitCode = -1;
        return {};
    }
    *exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return process.readAll();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace

class TestCryptoKeygen final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void certificateFieldsReadBack();
    void openSslCommandLineReadsCertificate();
    void privateKeyIsEncryptedPkcs8();
    void openSslCommandLineOpensKey_data();
    void openSslCommandLineOpensKey();
    void md5DigestMatchesOpenSsl();
    void sha256FingerprintMatchesOpenSsl();
    void explicitValidity();
    void rsa4096();
    void refusesBadRequests_data();
    void refusesBadRequests();
    void cancelBeforeStart();
    void cancelWhileRunning();
    void readsChainAndDer();
    void rejectsGarbage();

private:
    SigningKeyResult m_key;
    QDateTime m_generatedAt;
    QTemporaryDir m_dir;
    QString m_keyPath;
    QString m_certPath;
};

void TestCryptoKeygen::initTestCase()
{
    QVERIFY(m_dir.isValid());
    SigningKeyRequest request;
    request.alias = u"Agent signing 2025"_s;
    request.siteId = u"mysite"_s;
    request.userId = u"cmkadmin"_s;
    request.keyBits = 2048;
    m_generatedAt = QDateTime::currentDateTimeUtc();
    m_key = SigningKeyGenerator::generate(request, SecureBuffer(QByteArray(passphraseText)));
    QVERIFY2(m_key.ok, qPrintable(m_key.error));
    QVERIFY(!m_key.cancelled);
    m_keyPath = m_dir.filePath(u"key.pem"_s);
    m_certPath = m_dir.filePath(u"cert.pem"_s);
    QVERIFY(writeFile(m_keyPath, m_key.privateKeyPem));
    QVERIFY(writeFile(m_certPath, m_key.certificatePem));
}

void TestCryptoKeygen::certificateFieldsReadBack()
{
    QString error;
    const CertificateInfo cert = CertificateInfo::fromPem(m_key.certificatePem, &error);
    QVERIFY2(cert.isValid(), qPrintable(error));
    QCOMPARE(cert.commonName(), u"Agent signing 2025"_s);
    QCOMPARE(cert.organization(), u"Checkmk Site mysite"_s);
    QCOMPARE(cert.organizationalUnit(), u"cmkadmin"_s);
    QCOMPARE(cert.subject(), cert.issuer());
    QVERIFY(cert.subject().contains(u"CN=Agent signing 2025"_s));
    QVERIFY(cert.isSelfSigned());
    QVERIFY(!cert.isCa());
    QCOMPARE(cert.keyType(), u"RSA"_s);
    QCOMPARE(cert.keyBits(), 2048);
    QCOMPARE(cert.signatureAlgorithm(), u"sha512WithRSAEncryption"_s);
    QCOMPARE(cert.keyUsage(), QStringList { u"Digital Signature"_s });
    QVERIFY(cert.hasKeyUsageDigitalSignature());
    QVERIFY(cert.isKeyUsageCritical());
    // Positive and at least 16 bytes: 32+ hex digits, the first below 8.
    QVERIFY2(cert.serialNumberHex().size() >= 32, qPrintable(cert.serialNumberHex()));
    QVERIFY(cert.serialNumberHex().at(0) < u'8');
    QVERIFY(qAbs(cert.notBefore().secsTo(m_generatedAt)) < 60);
    QCOMPARE(cert.notAfter(), cert.notBefore().addYears(10));
    QVERIFY(!cert.isExpiredAt(m_generatedAt.addYears(9)));
    QVERIFY(cert.isExpiredAt(m_generatedAt.addYears(10).addDays(1)));
    QCOMPARE(CertificateInfo::fromPem(cert.pem()).der(), cert.der());

    const CertificateSummary summary = cert.summary();
    QCOMPARE(summary.commonName, cert.commonName());
    QCOMPARE(summary.md5Digest, cert.md5Digest());
    QCOMPARE(summary.sha256Fingerprint, cert.sha256FingerprintDisplay());
    QCOMPARE(summary.notAfter, cert.notAfter());
    QCOMPARE(summary.keyBits, 2048);
    QCOMPARE(summary.pem, m_key.certificatePem);
    QVERIFY(CertificateInfo().summary().isEmpty());
}

void TestCryptoKeygen::openSslCommandLineReadsCertificate()
{
    int exitCode = 0;
    const QString text = QString::fromUtf8(
        runOpenSsl({ u"x509"_s, u"-noout"_s, u"-text"_s, u"-in"_s, m_certPath }, &exitCode));
    QCOMPARE(exitCode, 0);
    auto has = [&text](const QString &pattern) {
        return QRegularExpression(pattern).match(text).hasMatch();
    };
    QVERIFY2(has(u"Version: 3 \\(0x2\\)"_s), qPrintable(text));
    QVERIFY2(has(u"Subject: CN = Agent signing 2025, O = Checkmk Site mysite, OU = cmkadmin"_s),
             qPrintable(text));
    QVERIFY2(has(u"Issuer: CN = Agent signing 2025, O = Checkmk Site mysite, OU = cmkadmin"_s),
             qPrintable(text));
    QVERIFY2(has(u"Signature Algorithm: sha512WithRSAEncryption"_s), qPrintable(text));
    QVERIFY2(has(u"Public-Key: \\(2048 bit\\)"_s), qPrintable(text));
    QVERIFY2(has(u"X509v3 Key Usage: critical\\s+Digital Signature\\s*\\n"_s), qPrintable(text));
    QVERIFY2(has(u"X509v3 Basic Constraints: critical\\s+CA:FALSE"_s), qPrintable(text));
    QVERIFY2(has(u"X509v3 Subject Key Identifier:\\s+([0-9A-F]{2}:){19}[0-9A-F]{2}"_s),
             qPrintable(text));

    // About ten years: openssl's own view of the dates.
    const QString dates = QString::fromUtf8(
        runOpenSsl({ u"x509"_s, u"-noout"_s, u"-dates"_s, u"-in"_s, m_certPath }, &exitCode));
    QCOMPARE(exitCode, 0);
    const auto notAfter = QRegularExpression(u"notAfter=.* (\\d{4}) GMT"_s).match(dates);
    QVERIFY2(notAfter.hasMatch(), qPrintable(dates));
    QCOMPARE(notAfter.captured(1).toInt(), m_generatedAt.date().year() + 10);
}

void TestCryptoKeygen::privateKeyIsEncryptedPkcs8()
{
    QVERIFY(m_key.privateKeyPem.startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----\n"));
    QVERIFY(!m_key.privateKeyPem.contains(passphraseText));
    int exitCode = 0;
    const QString structure
        = QString::fromUtf8(runOpenSsl({ u"asn1parse"_s, u"-in"_s, m_keyPath }, &exitCode));
    QCOMPARE(exitCode, 0);
    QVERIFY2(structure.contains(u"PBES2"_s), qPrintable(structure));
    QVERIFY2(structure.contains(u"PBKDF2"_s), qPrintable(structure));
    QVERIFY2(structure.contains(u"aes-256-cbc"_s), qPrintable(structure));
}

void TestCryptoKeygen::openSslCommandLineOpensKey_data()
{
    QTest::addColumn<QByteArray>("passphrase");
    QTest::addColumn<bool>("opens");
    QTest::newRow("right") << QByteArray(passphraseText) << true;
    QTest::newRow("wrong") << "correct horse battery stapler"_ba << false;
    QTest::newRow("prefix") << "correct horse"_ba << false;
}

void TestCryptoKeygen::openSslCommandLineOpensKey()
{
    QFETCH(QByteArray, passphrase);
    QFETCH(bool, opens);
    int exitCode = 0;
    const QByteArray output = runOpenSsl(
        { u"pkey"_s, u"-in"_s, m_keyPath, u"-passin"_s, u"env:AGENTDESK_TEST_PASS"_s, u"-noout"_s },
        &exitCode, passphrase);
    QVERIFY2((exitCode == 0) == opens, output.constData());
}

void TestCryptoKeygen::md5DigestMatchesOpenSsl()
{
    int exitCode = 0;
    const QString output = QString::fromUtf8(runOpenSsl(
        { u"x509"_s, u"-noout"_s, u"-fingerprint"_s, u"-md5"_s, u"-in"_s, m_certPath }, &exitCode));
    QCOMPARE(exitCode, 0);
    const QString digest = CertificateInfo::fromPem(m_key.certificatePem).md5Digest();
    QVERIFY(QRegularExpression(u"^([0-9A-F]{2}:){15}[0-9A-F]{2}$"_s).match(digest).hasMatch());
    // openssl 3.0 writes "md5 Fingerprint=", older versions "MD5 Fingerprint=".
    QCOMPARE(output.trimmed().toUpper(), u"MD5 FINGERPRINT="_s + digest);
}

void TestCryptoKeygen::sha256FingerprintMatchesOpenSsl()
{
    int exitCode = 0;
    const QString output = QString::fromUtf8(runOpenSsl(
        { u"x509"_s, u"-noout"_s, u"-fingerprint"_s, u"-sha256"_s, u"-in"_s, m_certPath },
        &exitCode));
    QCOMPARE(exitCode, 0);
    const CertificateInfo cert = CertificateInfo::fromPem(m_key.certificatePem);
    QCOMPARE(output.trimmed(), u"sha256 Fingerprint="_s + cert.sha256FingerprintDisplay());
    QCOMPARE(cert.sha256Fingerprint(), cert.sha256FingerprintDisplay().remove(u':').toLower());
    QCOMPARE(cert.sha256Fingerprint().size(), 64);
}

void TestCryptoKeygen::explicitValidity()
{
    SigningKeyRequest request;
    request.alias = u"short lived"_s;
    request.siteId = u"s"_s;
    request.keyBits = 2048;
    request.notBefore = QDateTime(QDate(2024, 1, 1), QTime(0, 0), QTimeZone::utc());
    request.notAfter = QDateTime(QDate(2024, 1, 31), QTime(12, 0), QTimeZone::utc());
    const SigningKeyResult key
        = SigningKeyGenerator::generate(request, SecureBuffer(QByteArray(passphraseText)));
    QVERIFY2(key.ok, qPrintable(key.error));
    const CertificateInfo cert = CertificateInfo::fromPem(key.certificatePem);
    QCOMPARE(cert.notBefore(), request.notBefore);
    QCOMPARE(cert.notAfter(), request.notAfter);
    QVERIFY(cert.organizationalUnit().isEmpty());
    QVERIFY(cert.isExpiredAt(QDateTime(QDate(2024, 2, 1), QTime(0, 0), QTimeZone::utc())));
    QVERIFY(!cert.isExpiredAt(QDateTime(QDate(2024, 1, 15), QTime(0, 0), QTimeZone::utc())));
}

void TestCryptoKeygen::rsa4096()
{
    SigningKeyRequest request; // the defaults a site uses
    request.alias = u"Full size"_s;
    request.siteId = u"prod"_s;
    request.userId = u"automation"_s;
    QCOMPARE(request.keyBits, 4096);
    const SigningKeyResult key
        = SigningKeyGenerator::generate(request, SecureBuffer(QByteArray(passphraseText)));
    QVERIFY2(key.ok, qPrintable(key.error));
    const QString path = m_dir.filePath(u"cert4096.pem"_s);
    QVERIFY(writeFile(path, key.certificatePem));
    int exitCode = 0;
    const QString text = QString::fromUtf8(
        runOpenSsl({ u"x509"_s, u"-noout"_s, u"-text"_s, u"-in"_s, path }, &exitCode));
    QCOMPARE(exitCode, 0);
    QVERIFY2(text.contains(u"Public-Key: (4096 bit)"_s), qPrintable(text));
    QCOMPARE(CertificateInfo::fromPem(key.certificatePem).keyBits(), 4096);
}

void TestCryptoKeygen::refusesBadRequests_data()
{
    QTest::addColumn<QString>("alias");
    QTest::addColumn<QByteArray>("passphrase");
    QTest::addColumn<int>("bits");
    QTest::addColumn<int>("validDays");
    QTest::addColumn<QString>("errorPart");
    QTest::newRow("short passphrase") << u"a"_s << "elevenchars"_ba << 2048 << 10 << u"12"_s;
    QTest::newRow("empty passphrase") << u"a"_s << QByteArray() << 2048 << 10 << u"12"_s;
    QTest::newRow("no alias") << u"  "_s << QByteArray(passphraseText) << 2048 << 10 << u"alias"_s;
    QTest::newRow("small key") << u"a"_s << QByteArray(passphraseText) << 1024 << 10 << u"2048"_s;
    QTest::newRow("ends before start")
        << u"a"_s << QByteArray(passphraseText) << 2048 << -1 << u"before"_s;
}

void TestCryptoKeygen::refusesBadRequests()
{
    QFETCH(QString, alias);
    QFETCH(QByteArray, passphrase);
    QFETCH(int, bits);
    QFETCH(int, validDays);
    QFETCH(QString, errorPart);
    SigningKeyRequest request;
    request.alias = alias;
    request.siteId = u"s"_s;
    request.keyBits = bits;
    request.notBefore = QDateTime::currentDateTimeUtc();
    request.notAfter = request.notBefore.addDays(validDays);
    const SigningKeyResult key = SigningKeyGenerator::generate(request, SecureBuffer(passphrase));
    QVERIFY(!key.ok);
    QVERIFY(!key.cancelled);
    QVERIFY(key.privateKeyPem.isEmpty());
    QVERIFY(key.certificatePem.isEmpty());
    QVERIFY2(key.error.contains(errorPart), qPrintable(key.error));
}

void TestCryptoKeygen::cancelBeforeStart()
{
    const std::atomic_bool cancel { true };
    SigningKeyRequest request;
    request.alias = u"never"_s;
    request.siteId = u"s"_s;
    // How fast it ends is a figure of agentdesk-bench (keygen_cancel_latency), not asserted here:
    // a busy machine must not fail the suite. That it ends cancelled, without a key, is.
    const SigningKeyResult key
        = SigningKeyGenerator::generate(request, SecureBuffer(QByteArray(passphraseText)), &cancel);
    QVERIFY(key.cancelled);
    QVERIFY(!key.ok);
    QVERIFY(key.privateKeyPem.isEmpty());
}

void TestCryptoKeygen::cancelWhileRunning()
{
    // 8192 bits takes many seconds uncancelled; cancelled it must end at once.
    std::atomic_bool cancel { false };
    std::atomic_bool started { false };
    SigningKeyRequest request;
    request.alias = u"big"_s;
    request.siteId = u"s"_s;
    request.keyBits = 8192;
    auto future = QtConcurrent::run([&] {
        started = true;
        return SigningKeyGenerator::generate(request, SecureBuffer(QByteArray(passphraseText)),
                                             &cancel);
    });
    QTRY_VERIFY(started.load());
    cancel = true;
    // A generous wait: the latency is measured by agentdesk-bench (keygen_cancel_latency). A
    // generation that ignored the flag would finish with a key, which the checks below refuse.
    QTRY_VERIFY_WITH_TIMEOUT(future.isFinished(), 100000);
    const SigningKeyResult key = future.result();
    QVERIFY(key.cancelled);
    QVERIFY(!key.ok);
    QVERIFY(key.error.contains(u"cancelled"_s));
}

void TestCryptoKeygen::readsChainAndDer()
{
    SigningKeyRequest request;
    request.alias = u"second"_s;
    request.siteId = u"s"_s;
    request.keyBits = 2048;
    const SigningKeyResult other
        = SigningKeyGenerator::generate(request, SecureBuffer(QByteArray(passphraseText)));
    QVERIFY(other.ok);
    const QByteArray chain
        = "leading text\n"_ba + m_key.certificatePem + "\r\n"_ba + other.certificatePem;
    QString error;
    const QList<CertificateInfo> certs = CertificateInfo::allFromPem(chain, &error);
    QCOMPARE(certs.size(), 2);
    QCOMPARE(certs.at(0).commonName(), u"Agent signing 2025"_s);
    QCOMPARE(certs.at(1).commonName(), u"second"_s);
    QVERIFY(certs.at(0).md5Digest() != certs.at(1).md5Digest());

    const CertificateInfo fromDer = CertificateInfo::fromDer(certs.at(1).der(), &error);
    QVERIFY2(fromDer.isValid(), qPrintable(error));
    QCOMPARE(fromDer.md5Digest(), certs.at(1).md5Digest());
    QCOMPARE(fromDer.notAfter(), certs.at(1).notAfter());
}

void TestCryptoKeygen::rejectsGarbage()
{
    QString error;
    QVERIFY(!CertificateInfo::fromPem("hello"_ba, &error).isValid());
    QVERIFY(error.contains(u"No PEM certificate"_s));
    error.clear();
    QVERIFY(!CertificateInfo::fromPem(
                 "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"_ba, &error)
                 .isValid());
    QVERIFY(error.contains(u"does not parse"_s));
    error.clear();
    QVERIFY(!CertificateInfo::fromDer("\x30\x03\x02\x01"_ba, &error).isValid());
    QVERIFY(!error.isEmpty());
}

QTEST_GUILESS_MAIN(TestCryptoKeygen)
#include "tst_crypto_keygen.moc"
