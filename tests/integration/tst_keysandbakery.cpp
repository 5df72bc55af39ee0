// Against a demo site: the signature-key extension endpoints and the Agent Bakery endpoints
// (bake, sign, bake_and_sign as a background job, agents and their signed packages).
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

#include <openssl/bio.h>
#include <openssl/pem.h>

#include "CertificateInfo.h"
#include "DemoConnection.h"
#include "DemoKeyStore.h"
#include "DemoSiteProcess.h"
#include "KeyBundle.h"
#include "RestClient.h"
#include "RestReply.h"
#include "SecureBuffer.h"
#include "SignatureVerifier.h"
#include "SigningKeyGenerator.h"

using namespace Qt::StringLiterals;

namespace {
const QString keys = u"/domain-types/agent_signature_key/collections/all"_s;
const QString agentActions = u"/domain-types/agent/actions/"_s;
const QByteArray uploadPassphrase = "upload-passphrase-2026";

QJsonDocument doc(const QJsonObject &o)
{
    return QJsonDocument(o);
}

// The key of the bundle without encryption, as a careless user might upload it.
QByteArray unencryptedPem(const QByteArray &encryptedPem, const QByteArray &passphrase)
{
    QString error;
    const ossl::Pkey key
        = KeyBundle::fromPem(encryptedPem).decryptKey(SecureBuffer(QByteArray(passphrase)), &error);
    if (!key)
        return {};
    BIO *bio = BIO_new(BIO_s_mem());
    PEM_write_bio_PrivateKey(bio, key.get(), nullptr, nullptr, 0, nullptr, nullptr);
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    const QByteArray pem(data, qsizetype(size));
    BIO_free(bio);
    return pem;
}
} // namespace

class TestKeysAndBakery final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void listsSeededKey();
    void uploadKey_data();
    void uploadKey();
    void downloadKey();
    void signWithUploadedKey();
    void bake();
    void bakeAndSignWithSeededKey();
    void downloadByHash();
    void deleteKeys();

private:
    RestResult run(RestRequest request);
    QJsonObject bakingStatus();
    // Waits until the job that was asked for at `asked` (epoch seconds) has finished.
    bool waitFinished(double asked);
    QJsonArray agents();
    QJsonObject seededKey();

    DemoSiteProcess m_site;
    std::unique_ptr<RestClient> m_client;
    SigningKeyResult m_uploaded; // generated here, uploaded by uploadKey()
    int m_uploadedId = 0;
};

RestResult TestKeysAndBakery::run(RestRequest request)
{
    RestReply *reply = m_client->send(std::move(request));
    QSignalSpy spy(reply, &RestReply::finished);
    if (!spy.wait(20000))
        return {};
    return spy.first().first().value<RestResult>();
}

QJsonObject TestKeysAndBakery::bakingStatus()
{
    const RestResult r = run(RestRequest::get(agentActions + u"baking_status/invoke"_s));
    return r.json.object().value(u"result"_s).toObject().value(u"value"_s).toObject();
}

bool TestKeysAndBakery::waitFinished(double asked)
{
    return QTest::qWaitFor(
        [&] {
            const QJsonObject status = bakingStatus();
            return status.value(u"state"_s).toString() == u"finished"_s
                && status.value(u"started"_s).toDouble() >= asked;
        },
        20000);
}

QJsonArray TestKeysAndBakery::agents()
{
    return run(RestRequest::get(u"/domain-types/agent/collections/all"_s))
        .json.object()
        .value(u"value"_s)
        .toArray();
}

QJsonObject TestKeysAndBakery::seededKey()
{
    const QJsonArray value = run(RestRequest::get(keys)).json.object().value(u"value"_s).toArray();
    for (const QJsonValue &k : value) {
        if (k.toObject().value(u"id"_s).toString() == u"1"_s)
            return k.toObject();
    }
    return {};
}

void TestKeysAndBakery::initTestCase()
{
    QVERIFY2(m_site.start({ u"--hosts"_s, u"200"_s }), qPrintable(m_site.error()));
    SiteConnection c = DemoConnection::make(m_site.server(), m_site.site(), m_site.sha256());
    m_client = std::make_unique<RestClient>(c);
    m_client->setSecret(SecureBuffer(m_site.secret()));

    SigningKeyRequest request;
    request.alias = u"Uploaded test key"_s;
    request.siteId = u"demo"_s;
    request.userId = u"tester"_s;
    request.keyBits = 2048; // for speed
    m_uploaded = SigningKeyGenerator::generate(request, SecureBuffer(QByteArray(uploadPassphrase)));
    QVERIFY2(m_uploaded.ok, qPrintable(m_uploaded.error));
}

void TestKeysAndBakery::listsSeededKey()
{
    const RestResult r = run(RestRequest::get(keys));
    QVERIFY2(r.ok(), qPrintable(r.error.summary()));
    const QJsonArray value = r.json.object().value(u"value"_s).toArray();
    QCOMPARE(value.size(), 1);
    const QJsonObject key = value.first().toObject();
    QCOMPARE(key.value(u"domainType"_s).toString(), u"agent_signature_key"_s);
    QCOMPARE(key.value(u"id"_s).toString(), u"1"_s);
    const QJsonObject ext = key.value(u"extensions"_s).toObject();
    QCOMPARE(key.value(u"title"_s).toString(), ext.value(u"alias"_s).toString());
    QVERIFY(ext.value(u"in_use"_s).toBool());
    QCOMPARE(ext.value(u"owner"_s).toString(), u"cmkadmin"_s);
    QVERIFY(ext.value(u"date"_s).toInteger() > 0);
    const CertificateInfo info
        = CertificateInfo::fromPem(ext.value(u"certificate"_s).toString().toUtf8());
    QVERIFY(info.isValid());
    QCOMPARE(ext.value(u"digest_md5"_s).toString(), info.md5Digest());
    QCOMPARE(ext.value(u"not_after"_s).toInteger(), info.notAfter().toSecsSinceEpoch());
    QVERIFY(!ext.contains(u"private_key"_s));
    QVERIFY(!r.body.contains("PRIVATE KEY"));
}

void TestKeysAndBakery::uploadKey_data()
{
    QTest::addColumn<QString>("alias");
    QTest::addColumn<QByteArray>("privateKey");
    QTest::addColumn<QByteArray>("certificate");
    QTest::addColumn<QByteArray>("passphrase");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("field");

    const QByteArray key = m_uploaded.privateKeyPem;
    const QByteArray cert = m_uploaded.certificatePem;
    const QByteArray seededCert
        = seededKey().value(u"extensions"_s).toObject().value(u"certificate"_s).toString().toUtf8();
    QTest::newRow("wrong passphrase")
        << u"Mine"_s << key << cert << QByteArray("not-the-passphrase") << 400 << u"passphrase"_s;
    QTest::newRow("unencrypted") << u"Mine"_s << unencryptedPem(key, uploadPassphrase) << cert
                                 << uploadPassphrase << 400 << u"private_key"_s;
    QTest::newRow("missing alias")
        << QString() << key << cert << uploadPassphrase << 400 << u"alias"_s;
    QTest::newRow("certificate of another key")
        << u"Mine"_s << key << seededCert << uploadPassphrase << 400 << u"certificate"_s;
    QTest::newRow("good") << u"Mine"_s << key << cert << uploadPassphrase << 200 << QString();
    QTest::newRow("duplicate") << u"Again"_s << key << cert << uploadPassphrase << 409 << QString();
}

void TestKeysAndBakery::uploadKey()
{
    QFETCH(QString, alias);
    QFETCH(QByteArray, privateKey);
    QFETCH(QByteArray, certificate);
    QFETCH(QByteArray, passphrase);
    QFETCH(int, status);
    QFETCH(QString, field);
    QVERIFY(!privateKey.isEmpty());

    QJsonObject body { { u"certificate"_s, QString::fromLatin1(certificate) },
                       { u"private_key"_s, QString::fromLatin1(privateKey) },
                       { u"passphrase"_s, QString::fromLatin1(passphrase) } };
    if (!alias.isNull())
        body.insert(u"alias"_s, alias);
    const RestResult r = run(RestRequest::post(keys, doc(body)));
    QCOMPARE(r.status, status);
    if (status != 200) {
        if (!field.isEmpty())
            QVERIFY2(r.error.fields.contains(field), qPrintable(r.error.summary()));
        QCOMPARE(run(RestRequest::get(keys)).json.object().value(u"value"_s).toArray().size(),
                 m_uploadedId ? 2 : 1);
        return;
    }
    const QJsonObject key = r.json.object();
    m_uploadedId = key.value(u"id"_s).toString().toInt();
    QVERIFY(m_uploadedId > 1);
    const QJsonObject ext = key.value(u"extensions"_s).toObject();
    QCOMPARE(ext.value(u"alias"_s).toString(), alias);
    QCOMPARE(ext.value(u"in_use"_s).toBool(), false);
    QCOMPARE(ext.value(u"digest_md5"_s).toString(),
             CertificateInfo::fromPem(m_uploaded.certificatePem).md5Digest());
    QVERIFY(!r.body.contains("PRIVATE KEY"));
    // The upload is a pending change.
    const RestResult pending
        = run(RestRequest::get(u"/domain-types/activation_run/collections/pending_changes"_s));
    QVERIFY(pending.body.contains("Added signature key"));
}

void TestKeysAndBakery::downloadKey()
{
    QVERIFY(m_uploadedId > 0);
    const QString path
        = u"/objects/agent_signature_key/%1/actions/download/invoke"_s.arg(m_uploadedId);
    const RestResult wrong
        = run(RestRequest::post(path, doc({ { u"passphrase"_s, u"wrong-passphrase-1"_s } }))
                  .withAccept("application/x-pem-file"));
    QCOMPARE(wrong.status, 400);
    QVERIFY(wrong.error.fields.contains(u"passphrase"_s));

    const RestResult unknown
        = run(RestRequest::post(u"/objects/agent_signature_key/99/actions/download/invoke"_s,
                                doc({ { u"passphrase"_s, QString::fromLatin1(uploadPassphrase) } }))
                  .withAccept("application/x-pem-file"));
    QCOMPARE(unknown.status, 404);

    RestRequest request = RestRequest::post(
        path, doc({ { u"passphrase"_s, QString::fromLatin1(uploadPassphrase) } }));
    request.withAccept("application/x-pem-file");
    request.parseJson = false;
    const RestResult r = run(request);
    QVERIFY2(r.ok(), qPrintable(r.error.summary()));
    QVERIFY(r.contentType.startsWith("application/x-pem-file"));
    QVERIFY(r.body.indexOf("ENCRYPTED PRIVATE KEY") < r.body.indexOf("BEGIN CERTIFICATE"));
    const KeyBundle bundle = KeyBundle::fromPem(r.body);
    QString error;
    QVERIFY2(bundle.check(SecureBuffer(QByteArray(uploadPassphrase)), &error), qPrintable(error));
    QCOMPARE(bundle.certificate().md5Digest(),
             CertificateInfo::fromPem(m_uploaded.certificatePem).md5Digest());
}

void TestKeysAndBakery::signWithUploadedKey()
{
    QVERIFY(m_uploadedId > 0);
    const QJsonArray before = agents();
    QCOMPARE(before.size(), 8);

    const RestResult wrong = run(RestRequest::post(
        agentActions + u"sign/invoke"_s,
        doc({ { u"key_id"_s, m_uploadedId }, { u"passphrase"_s, u"wrong-passphrase-1"_s } })));
    QCOMPARE(wrong.status, 400);
    QVERIFY(wrong.error.fields.contains(u"passphrase"_s));
    const RestResult unknown = run(RestRequest::post(
        agentActions + u"sign/invoke"_s,
        doc({ { u"key_id"_s, 99 }, { u"passphrase"_s, QString::fromLatin1(uploadPassphrase) } })));
    QCOMPARE(unknown.status, 400);
    QVERIFY(unknown.error.fields.contains(u"key_id"_s));
    QCOMPARE(bakingStatus().value(u"state"_s).toString(), u"initialized"_s);
    QCOMPARE(agents(), before); // nothing signed

    const double asked = double(QDateTime::currentMSecsSinceEpoch()) / 1000.0;
    const RestResult r = run(
        RestRequest::post(agentActions + u"sign/invoke"_s,
                          doc({ { u"key_id"_s, m_uploadedId },
                                { u"passphrase"_s, QString::fromLatin1(uploadPassphrase) } })));
    QCOMPARE(r.status, 204);
    QVERIFY(waitFinished(asked));
    const SignatureVerifier verifier({ m_uploaded.certificatePem });
    const QJsonArray after = agents();
    QCOMPARE(after.size(), before.size());
    for (int i = 0; i < after.size(); ++i) {
        const QJsonObject a = after.at(i).toObject();
        QCOMPARE(a.value(u"id"_s), before.at(i).toObject().value(u"id"_s)); // not baked anew
        bool found = false;
        for (const QJsonValue &s :
             a.value(u"extensions"_s).toObject().value(u"signatures"_s).toArray()) {
            found = found || s.toObject().value(u"key_id"_s).toInt() == m_uploadedId;
        }
        QVERIFY(found);
    }
    // The new signature verifies against the uploaded key's certificate.
    const QJsonObject first = after.first().toObject();
    const QJsonObject ext = first.value(u"extensions"_s).toObject();
    QUrlQuery q;
    q.addQueryItem(u"agent_hash"_s, first.value(u"id"_s).toString());
    q.addQueryItem(u"os_type"_s, ext.value(u"os_types"_s).toArray().first().toString());
    RestRequest download = RestRequest::get(agentActions + u"download_by_hash/invoke"_s, q);
    download.withAccept("application/octet-stream");
    download.parseJson = false;
    const RestResult package = run(download);
    QVERIFY2(package.ok(), qPrintable(package.error.summary()));
    bool valid = false;
    for (const QJsonValue &v : ext.value(u"signatures"_s).toArray()) {
        const PackageSignature signature { v[u"certificate"_s].toString().toUtf8(),
                                           v[u"signature"_s].toString().toLatin1() };
        valid = valid
            || verifier.verifyOne(package.body, signature, QDateTime::currentDateTimeUtc()).state
                == SignatureVerdict::State::Valid;
    }
    QVERIFY(valid);
}

void TestKeysAndBakery::bake()
{
    QSet<QString> oldHashes;
    for (const QJsonValue &a : agents())
        oldHashes << a.toObject().value(u"id"_s).toString();
    QCOMPARE(oldHashes.size(), 8);

    const double asked = double(QDateTime::currentMSecsSinceEpoch()) / 1000.0;
    const RestResult r = run(RestRequest::post(agentActions + u"bake/invoke"_s));
    // The document: 200 with an ActionResultScalar.
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json.object().value(u"resultType"_s).toString(), u"scalar"_s);
    const RestResult again = run(RestRequest::post(agentActions + u"bake/invoke"_s));
    QCOMPARE(again.status, 409);
    QCOMPARE(again.error.title, u"Background Job agent_baking already running"_s);
    const QJsonObject running = bakingStatus();
    QCOMPARE(running.value(u"state"_s).toString(), u"running"_s);
    QVERIFY(running.value(u"progress"_s).toDouble() < 1.0);
    // Still the old agents while the job runs.
    QVERIFY(oldHashes.contains(agents().first().toObject().value(u"id"_s).toString()));

    QVERIFY(waitFinished(asked));
    const QJsonObject status = bakingStatus();
    QCOMPARE(status.value(u"log"_s).toArray().size(), 8);
    QCOMPARE(status.value(u"progress"_s).toDouble(), 1.0);
    QVERIFY(status.value(u"log"_s).toArray().first().toString().startsWith(u"Baking agent for"_s));

    const QJsonArray baked = agents();
    QCOMPARE(baked.size(), 8);
    static const QRegularExpression hex(u"^[0-9a-f]{16}$"_s);
    for (const QJsonValue &v : baked) {
        const QJsonObject a = v.toObject();
        const QString id = a.value(u"id"_s).toString();
        QVERIFY2(hex.match(id).hasMatch(), qPrintable(id));
        QVERIFY(!oldHashes.contains(id));
        const QJsonObject ext = a.value(u"extensions"_s).toObject();
        QVERIFY(ext.value(u"signatures"_s).toArray().isEmpty()); // freshly baked: unsigned
        QVERIFY(!ext.value(u"os_types"_s).toArray().isEmpty());
        QCOMPARE(a.value(u"title"_s).toString(), ext.value(u"name"_s).toString());
        QVERIFY(status.value(u"log"_s).toArray().contains(
            u"Baking agent for %1… done (hash %2)"_s.arg(ext.value(u"name"_s).toString(), id)));
    }
    int hosts = 0;
    for (const QJsonValue &v : baked)
        hosts += v.toObject().value(u"extensions"_s).toObject().value(u"hosts"_s).toInt();
    QCOMPARE(hosts, 200);

    const QString one = baked.first().toObject().value(u"id"_s).toString();
    const RestResult object = run(RestRequest::get(u"/objects/agent/"_s + one));
    QVERIFY2(object.ok(), qPrintable(object.error.summary()));
    QCOMPARE(object.json.object().value(u"id"_s).toString(), one);
    const RestResult missing = run(RestRequest::get(u"/objects/agent/0123456789abcdef"_s));
    QCOMPARE(missing.status, 404);
    QCOMPARE(missing.error.detail, u"Unknown agent configuration"_s);
}

void TestKeysAndBakery::bakeAndSignWithSeededKey()
{
    const QString path = agentActions + u"bake_and_sign/invoke"_s;
    const RestResult wrong = run(RestRequest::post(
        path, doc({ { u"key_id"_s, 1 }, { u"passphrase"_s, u"wrong-passphrase-1"_s } })));
    QCOMPARE(wrong.status, 400);
    QVERIFY(wrong.error.fields.contains(u"passphrase"_s));

    const double asked = double(QDateTime::currentMSecsSinceEpoch()) / 1000.0;
    const RestResult r = run(RestRequest::post(
        path,
        doc({ { u"key_id"_s, 1 },
              { u"passphrase"_s, QString::fromLatin1(DemoKeyStore::seededPassphrase) } })));
    QCOMPARE(r.status, 200); // bake_and_sign: 200 with an ActionResultScalar
    QCOMPARE(r.json.object().value(u"resultType"_s).toString(), u"scalar"_s);
    QVERIFY(waitFinished(asked));

    const QByteArray seededCert
        = seededKey().value(u"extensions"_s).toObject().value(u"certificate"_s).toString().toUtf8();
    const SignatureVerifier verifier({ seededCert });
    const QJsonArray baked = agents();
    QCOMPARE(baked.size(), 8);
    for (const QJsonValue &v : baked) {
        const QJsonObject a = v.toObject();
        const QString hash = a.value(u"id"_s).toString();
        const QJsonArray signatures
            = a.value(u"extensions"_s).toObject().value(u"signatures"_s).toArray();
        QCOMPARE(signatures.size(), 1);
        const QJsonObject s = signatures.first().toObject();
        QCOMPARE(s.value(u"key_id"_s).toInt(), 1);
        QCOMPARE(s.value(u"digest_md5"_s).toString(),
                 CertificateInfo::fromPem(seededCert).md5Digest());

        const QString os
            = a.value(u"extensions"_s).toObject().value(u"os_types"_s).toArray().first().toString();
        QUrlQuery q;
        q.addQueryItem(u"agent_hash"_s, hash);
        q.addQueryItem(u"os_type"_s, os);
        RestRequest download = RestRequest::get(agentActions + u"download_by_hash/invoke"_s, q);
        download.withAccept("application/octet-stream");
        download.parseJson = false;
        const RestResult package = run(download);
        QVERIFY2(package.ok(), qPrintable(package.error.summary()));
        QVERIFY(package.contentType.startsWith("application/octet-stream"));
        const PackageSignature signature { s.value(u"certificate"_s).toString().toUtf8(),
                                           s.value(u"signature"_s).toString().toLatin1() };
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QCOMPARE(verifier.verifyOne(package.body, signature, now).state,
                 SignatureVerdict::State::Valid);
        QByteArray tampered = package.body;
        tampered[tampered.size() / 2] = char(tampered.at(tampered.size() / 2) ^ 0x01);
        QCOMPARE(verifier.verifyOne(tampered, signature, now).state,
                 SignatureVerdict::State::BadSignature);
    }
}

void TestKeysAndBakery::downloadByHash()
{
    const QJsonArray all = agents();
    QString linuxHash;
    for (const QJsonValue &v : all) {
        if (v.toObject().value(u"title"_s).toString() == u"Linux web servers"_s)
            linuxHash = v.toObject().value(u"id"_s).toString();
    }
    QVERIFY(!linuxHash.isEmpty());
    const auto fetch = [this](const QString &hash, const QString &os) {
        QUrlQuery q;
        q.addQueryItem(u"agent_hash"_s, hash);
        q.addQueryItem(u"os_type"_s, os);
        RestRequest r = RestRequest::get(agentActions + u"download_by_hash/invoke"_s, q);
        r.withAccept("application/octet-stream");
        r.parseJson = false;
        return run(r);
    };
    QCOMPARE(fetch(linuxHash, u"linux_rpm"_s).status, 200);
    QCOMPARE(fetch(linuxHash, u"windows_msi"_s).status, 400); // not built for this configuration
    QCOMPARE(fetch(linuxHash, u"beos_pkg"_s).status, 400); // no such package type
    const RestResult unknown = fetch(u"0123456789abcdef"_s, u"linux_deb"_s);
    QCOMPARE(unknown.status, 404);
    QCOMPARE(unknown.error.detail, u"Unknown agent configuration"_s);
}

void TestKeysAndBakery::deleteKeys()
{
    QVERIFY(m_uploadedId > 0);
    const RestResult used = run(RestRequest::del(u"/objects/agent_signature_key/1"_s));
    QCOMPARE(used.status, 409);
    QCOMPARE(used.error.detail, u"This key is still used."_s);

    const QString path = u"/objects/agent_signature_key/%1"_s.arg(m_uploadedId);
    QCOMPARE(run(RestRequest::del(path)).status, 204);
    QCOMPARE(run(RestRequest::del(path)).status, 404);
    const QJsonArray left = run(RestRequest::get(keys)).json.object().value(u"value"_s).toArray();
    QCOMPARE(left.size(), 1);
    QCOMPARE(left.first().toObject().value(u"id"_s).toString(), u"1"_s);
}

QTEST_GUILESS_MAIN(TestKeysAndBakery)
#include "tst_keysandbakery.moc"
