#include "KeyEndpoints.h"

#include <QDateTime>

#include "CertificateInfo.h"
#include "DemoRouter.h"
#include "DemoState.h"
#include "KeyBundle.h"
#include "PythonLiteral.h"
#include "SecureBuffer.h"
#include "SignatureVerifier.h"

using namespace Qt::StringLiterals;

namespace {

const QString base = u"/check_mk/api/1.0"_s;
const QString domainType = u"agent_signature_key"_s;

DemoReply fieldProblem(const QString &field, const QString &message)
{
    return DemoReply::problem(400, u"Bad Request"_s, u"These fields have problems: "_s + field,
                              { { field, QJsonArray { message } } });
}

DemoReply unknownKey(const QString &id)
{
    return DemoReply::problem(404, u"Not Found"_s,
                              u"The signature key with id %1 could not be found."_s.arg(id));
}

QJsonObject keyObject(const DemoState &state, const DemoKeyStore::Key &key)
{
    const CertificateInfo info = CertificateInfo::fromPem(key.certificatePem);
    const QJsonObject ext {
        { u"alias"_s, key.alias },
        { u"owner"_s, key.owner },
        { u"date"_s, key.date },
        { u"certificate"_s, QString::fromLatin1(key.certificatePem) },
        { u"digest_md5"_s, info.md5Digest() },
        { u"not_after"_s, info.notAfter().toSecsSinceEpoch() },
        { u"in_use"_s, KeyEndpoints::isInUse(state, key.certificatePem) },
        { u"not_downloaded"_s, key.notDownloaded },
    };
    return DemoReply::object(domainType, QString::number(key.id), key.alias, ext, base);
}

DemoKeyStore::Key *findKey(DemoState &state, const QString &id)
{
    bool ok = false;
    const int n = id.toInt(&ok);
    if (!ok)
        return nullptr;
    for (DemoKeyStore::Key &k : state.keys.keys) {
        if (k.id == n)
            return &k;
    }
    return nullptr;
}

// Takes the passphrase out of the body into a SecureBuffer and wipes the body's copies.
SecureBuffer takePassphrase(DemoRequest &request, QJsonObject &body)
{
    QString text = body.value(u"passphrase"_s).toString();
    body.remove(u"passphrase"_s);
    SecureBuffer passphrase = SecureBuffer::fromString(text);
    SecureBuffer::wipe(text);
    SecureBuffer::wipe(request.body);
    return passphrase;
}

} // namespace

bool KeyEndpoints::isInUse(const DemoState &state, const QByteArray &certificatePem)
{
    const QByteArray wanted = SignatureVerifier::normalizedPem(certificatePem);
    for (const DemoDeployment::Rule &rule : state.deployment.configured.rules) {
        PythonLiteral::Error error;
        const QVariantMap value = PythonLiteral::parse(rule.valueRaw, &error).toMap();
        if (error.isError())
            continue;
        for (const QVariant &pem : value.value(u"signature_keys"_s).toList()) {
            if (SignatureVerifier::normalizedPem(pem.toString().toUtf8()) == wanted)
                return true;
        }
    }
    return false;
}

void KeyEndpoints::install(DemoRouter &router, DemoState &state)
{
    const QString collection = base + u"/domain-types/agent_signature_key/collections/all"_s;
    router.add("GET", collection, [&state](DemoRequest &) {
        QJsonArray value;
        for (const DemoKeyStore::Key &k : std::as_const(state.keys.keys))
            value.append(keyObject(state, k));
        return DemoReply::json(DemoReply::collection(domainType, value, base));
    });

    router.add("POST", collection, [&state](DemoRequest &request) {
        QJsonObject body = request.json().object();
        const SecureBuffer passphrase = takePassphrase(request, body);
        const QString alias = body.value(u"alias"_s).toString().trimmed();
        if (alias.isEmpty())
            return fieldProblem(u"alias"_s, u"Missing data for required field."_s);
        const QByteArray keyPem = body.value(u"private_key"_s).toString().toUtf8();
        const QByteArray certPem = body.value(u"certificate"_s).toString().toUtf8();
        if (passphrase.isEmpty())
            return fieldProblem(u"passphrase"_s, u"Missing data for required field."_s);
        const KeyBundle keyOnly = KeyBundle::fromPem(keyPem);
        if (keyOnly.keyFormat() == KeyBundle::KeyFormat::None)
            return fieldProblem(u"private_key"_s, u"Not a PEM private key."_s);
        if (!keyOnly.hasEncryptedKey())
            return fieldProblem(
                u"private_key"_s,
                u"The private key is not encrypted. Upload a key protected by a passphrase."_s);
        QString error;
        const CertificateInfo certificate = CertificateInfo::fromPem(certPem, &error);
        if (!certificate.isValid())
            return fieldProblem(u"certificate"_s, u"Not a PEM certificate: "_s + error);
        if (certificate.keyType() != u"RSA"_s)
            return fieldProblem(
                u"private_key"_s,
                u"Only RSA keys can sign agents, this is a %1 key."_s.arg(certificate.keyType()));
        const KeyBundle bundle = KeyBundle::fromPem(keyPem + '\n' + certPem);
        if (!bundle.opens(passphrase, &error))
            return fieldProblem(u"passphrase"_s,
                                u"Invalid pass phrase: the key does not open with it."_s);
        if (!bundle.keyMatchesCertificate(passphrase, &error))
            return fieldProblem(u"certificate"_s,
                                u"The certificate does not belong to the private key."_s);
        const QString digest = certificate.md5Digest();
        for (const DemoKeyStore::Key &k : std::as_const(state.keys.keys)) {
            if (CertificateInfo::fromPem(k.certificatePem).md5Digest() == digest)
                return DemoReply::problem(
                    409, u"Conflict"_s,
                    u"The key with digest %1 already exists (id %2)."_s.arg(digest).arg(k.id));
        }
        DemoKeyStore::Key key;
        key.id = state.keys.nextId++;
        key.alias = alias;
        key.owner = request.user;
        key.date = QDateTime::currentSecsSinceEpoch();
        key.certificatePem = certificate.pem();
        key.privateKeyPem = bundle.privateKeyPem();
        key.notDownloaded = false; // the user has it already
        state.keys.keys.append(key);
        state.recordChange(request.user, u"upload-signature-key"_s,
                           u"Added signature key %1 (%2)."_s.arg(alias, digest));
        return DemoReply::json(keyObject(state, key));
    });

    const QString object = base + u"/objects/agent_signature_key/{key_id}"_s;
    router.add("POST", object + u"/actions/download/invoke"_s, [&state](DemoRequest &request) {
        QJsonObject body = request.json().object();
        const SecureBuffer passphrase = takePassphrase(request, body);
        DemoKeyStore::Key *key = findKey(state, request.param(u"key_id"_s));
        if (!key)
            return unknownKey(request.param(u"key_id"_s));
        QString error;
        if (passphrase.isEmpty()
            || !KeyBundle::fromPem(key->privateKeyPem).opens(passphrase, &error))
            return fieldProblem(u"passphrase"_s,
                                u"Invalid pass phrase: the key does not open with it."_s);
        key->notDownloaded = false;
        QByteArray pem = key->privateKeyPem;
        if (!pem.endsWith('\n'))
            pem += '\n';
        return DemoReply::raw(pem + key->certificatePem, "application/x-pem-file");
    });

    router.add("DELETE", object, [&state](DemoRequest &request) {
        const QString id = request.param(u"key_id"_s);
        const DemoKeyStore::Key *key = findKey(state, id);
        if (!key)
            return unknownKey(id);
        if (isInUse(state, key->certificatePem))
            return DemoReply::problem(409, u"Conflict"_s, u"This key is still used."_s);
        const QString text = u"Removed signature key %1 (%2)."_s.arg(
            key->alias, CertificateInfo::fromPem(key->certificatePem).md5Digest());
        const int keyId = key->id;
        state.keys.keys.removeIf([keyId](const DemoKeyStore::Key &k) { return k.id == keyId; });
        state.recordChange(request.user, u"delete-signature-key"_s, text);
        return DemoReply::noContent();
    });
}
