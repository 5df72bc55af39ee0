#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "PackageSigner.h"
#include "SecureBuffer.h"
#include "SignatureVerifier.h"
#include "SigningKeyGenerator.h"

using namespace Qt::StringLiterals;
using State = SignatureVerdict::State;

Q_DECLARE_METATYPE(SignatureVerdict::State)

namespace {

const char passphraseText[] = "signing passphrase 123";

SigningKeyResult makeKey(const QString &alias, const QDateTime &notBefore = {},
                         const QDateTime &notAfter = {})
{
    SigningKeyRequest request;
    request.alias = alias;
    request.siteId = u"signing"_s;
    request.userId = u"tester"_s;
    request.keyBits = 2048;
    request.notBefore = notBefore;
    request.notAfter = notAfter;
    return SigningKeyGenerator::generate(request, SecureBuffer(QByteArray(passphraseText)));
}

QByteArray signBase64(const QByteArray &package, const SigningKeyResult &key)
{
    return PackageSigner::sign(package, key.privateKeyPem, SecureBuffer(QByteArray(passphraseText)))
        .toBase64();
}

} // namespace

class TestCryptoSigning final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void wrongPassphraseSignsNothing();
    void signatureIsPkcs1Sha256();
    void verdicts_data();
    void verdicts();
    void anyValid();

private:
    QByteArray m_package;
    SigningKeyResult m_a;
    SigningKeyResult m_b;
    SigningKeyResult m_expired;
    SigningKeyResult m_future;
    QDateTime m_now;
};

void TestCryptoSigning::initTestCase()
{
    m_now = QDateTime::currentDateTimeUtc();
    m_package = QByteArray("\x7f"
                           "ELF agent package payload ",
                           26)
                    .repeated(4000);
    m_a = makeKey(u"key A"_s);
    m_b = makeKey(u"key B"_s);
    m_expired = makeKey(u"old key"_s, m_now.addDays(-60), m_now.addDays(-1));
    m_future = makeKey(u"future key"_s, m_now.addDays(5), m_now.addDays(400));
    QVERIFY(m_a.ok && m_b.ok && m_expired.ok && m_future.ok);
}

void TestCryptoSigning::wrongPassphraseSignsNothing()
{
    QString error;
    QVERIFY(PackageSigner::sign(m_package, m_a.privateKeyPem, SecureBuffer("not the passphrase"_ba),
                                &error)
                .isEmpty());
    QVERIFY2(error.contains(u"passphrase does not open"_s), qPrintable(error));
    error.clear();
    QVERIFY(PackageSigner::sign(m_package, m_a.certificatePem,
                                SecureBuffer(QByteArray(passphraseText)), &error)
                .isEmpty());
    QVERIFY2(error.contains(u"No encrypted private key"_s), qPrintable(error));
}

void TestCryptoSigning::signatureIsPkcs1Sha256()
{
    // The openssl command line (what the updater's check amounts to) accepts our signature.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto write = [&dir](const QString &name, const QByteArray &bytes) {
        QFile file(dir.filePath(name));
        return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
    };
    QString error;
    const QByteArray signature = PackageSigner::sign(
        m_package, m_a.privateKeyPem, SecureBuffer(QByteArray(passphraseText)), &error);
    QVERIFY2(!signature.isEmpty(), qPrintable(error));
    QCOMPARE(signature.size(), 256);
    QVERIFY(write(u"package"_s, m_package));
    QVERIFY(write(u"sig"_s, signature));
    QVERIFY(write(u"cert.pem"_s, m_a.certificatePem));
    QProcess pub;
    pub.start(u"openssl"_s,
              { u"x509"_s, u"-in"_s, dir.filePath(u"cert.pem"_s), u"-noout"_s, u"-pubkey"_s,
                u"-out"_s, dir.filePath(u"pub.pem"_s) });
    QVERIFY(pub.waitForFinished(30000));
    QCOMPARE(pub.exitCode(), 0);
    QProcess verify;
    verify.setProcessChannelMode(QProcess::MergedChannels);
    verify.start(u"openssl"_s,
                 { u"dgst"_s, u"-sha256"_s, u"-verify"_s, dir.filePath(u"pub.pem"_s),
                   u"-signature"_s, dir.filePath(u"sig"_s), dir.filePath(u"package"_s) });
    QVERIFY(verify.waitForFinished(30000));
    const QByteArray output = verify.readAll();
    QCOMPARE(verify.exitCode(), 0);
    QCOMPARE(output.trimmed(), "Verified OK"_ba);
    // PKCS#1 v1.5 is deterministic: signing twice gives the same bytes.
    QCOMPARE(
        PackageSigner::sign(m_package, m_a.privateKeyPem, SecureBuffer(QByteArray(passphraseText))),
        signature);
}

void TestCryptoSigning::verdicts_data()
{
    QTest::addColumn<QByteArray>("package");
    QTest::addColumn<QByteArray>("certificate");
    QTest::addColumn<QByteArray>("signature");
    QTest::addColumn<QList<QByteArray>>("accepted");
    QTest::addColumn<State>("state");
    QTest::addColumn<QString>("reasonPart");

    const QByteArray sigA = signBase64(m_package, m_a);
    const QByteArray sigB = signBase64(m_package, m_b);
    QByteArray tampered = m_package;
    tampered[1000] = char(tampered[1000] ^ 0x01);
    QByteArray crlfA = m_a.certificatePem;
    crlfA.replace("\n", "\r\n");
    const QList<QByteArray> acceptA { m_a.certificatePem };

    QTest::newRow("valid") << m_package << m_a.certificatePem << sigA << acceptA << State::Valid
                           << u"key A"_s;
    QTest::newRow("valid, accepted list has CRLF and other keys")
        << m_package << m_a.certificatePem << sigA
        << QList<QByteArray> { m_b.certificatePem, crlfA + "\r\n"_ba } << State::Valid
        << u"Valid"_s;
    QTest::newRow("tampered package") << tampered << m_a.certificatePem << sigA << acceptA
                                      << State::BadSignature << u"does not match"_s;
    QTest::newRow("truncated package")
        << m_package.left(m_package.size() - 1) << m_a.certificatePem << sigA << acceptA
        << State::BadSignature << u"does not match"_s;
    QTest::newRow("signature of B under A's certificate")
        << m_package << m_a.certificatePem << sigB << acceptA << State::BadSignature
        << u"another key"_s;
    QTest::newRow("certificate not accepted") << m_package << m_b.certificatePem << sigB << acceptA
                                              << State::NotAccepted << u"not among the accepted"_s;
    QTest::newRow("nothing accepted") << m_package << m_a.certificatePem << sigA
                                      << QList<QByteArray>() << State::NotAccepted << u"key A"_s;
    QTest::newRow("expired certificate")
        << m_package << m_expired.certificatePem << signBase64(m_package, m_expired)
        << QList<QByteArray> { m_expired.certificatePem } << State::Expired << u"expired"_s;
    QTest::newRow("not yet valid certificate")
        << m_package << m_future.certificatePem << signBase64(m_package, m_future)
        << QList<QByteArray> { m_future.certificatePem } << State::Expired << u"not valid before"_s;
    QTest::newRow("bad base64") << m_package << m_a.certificatePem << "!!not base64!!"_ba << acceptA
                                << State::Malformed << u"base64"_s;
    QTest::newRow("empty signature") << m_package << m_a.certificatePem << QByteArray() << acceptA
                                     << State::Malformed << u"base64"_s;
    QTest::newRow("bad PEM") << m_package << "-----BEGIN CERTIFICATE-----\nxyz\n"_ba << sigA
                             << acceptA << State::Malformed << u"does not parse"_s;
    QTest::newRow("two certificates") << m_package << m_a.certificatePem + m_b.certificatePem
                                      << sigA << acceptA << State::Malformed << u"more than one"_s;
}

void TestCryptoSigning::verdicts()
{
    QFETCH(QByteArray, package);
    QFETCH(QByteArray, certificate);
    QFETCH(QByteArray, signature);
    QFETCH(QList<QByteArray>, accepted);
    QFETCH(State, state);
    QFETCH(QString, reasonPart);
    const SignatureVerifier verifier(accepted);
    const SignatureVerdict verdict
        = verifier.verifyOne(package, PackageSignature { certificate, signature }, m_now);
    QVERIFY2(verdict.state == state, qPrintable(verdict.reason));
    QVERIFY2(verdict.reason.contains(reasonPart), qPrintable(verdict.reason));
}

void TestCryptoSigning::anyValid()
{
    const QByteArray sigA = signBase64(m_package, m_a);
    const QByteArray sigB = signBase64(m_package, m_b);
    const SignatureVerifier verifier({ m_a.certificatePem });
    const QList<SignatureVerdict> mixed = verifier.verify(
        m_package, { { m_b.certificatePem, sigB }, { m_a.certificatePem, sigA } }, m_now);
    QCOMPARE(mixed.size(), 2);
    QCOMPARE(mixed.at(0).state, State::NotAccepted);
    QCOMPARE(mixed.at(1).state, State::Valid);
    QCOMPARE(mixed.at(1).commonName, u"key A"_s);
    QVERIFY(!mixed.at(1).md5Digest.isEmpty());
    QVERIFY(SignatureVerifier::anyValid(mixed));
    QVERIFY(!SignatureVerifier::anyValid(
        verifier.verify(m_package, { { m_b.certificatePem, sigB } }, m_now)));
    QVERIFY(!SignatureVerifier::anyValid(verifier.verify(m_package, {}, m_now)));
    // The same certificate later in time: the signature no longer counts.
    const QList<SignatureVerdict> later
        = verifier.verify(m_package, { { m_a.certificatePem, sigA } }, m_now.addYears(11));
    QCOMPARE(later.at(0).state, State::Expired);
}

QTEST_GUILESS_MAIN(TestCryptoSigning)
#include "tst_crypto_signing.moc"
