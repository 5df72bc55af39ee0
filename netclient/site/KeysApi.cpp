#include "KeysApi.h"

#include <QJsonObject>

#include "SecureBuffer.h"
#include "SiteCall.h"
#include "SiteReplyReader.h"

using namespace Qt::StringLiterals;

namespace {
const QString collectionPath = u"/domain-types/agent_signature_key/collections/all"_s;

QString objectPath(int id)
{
    return u"/objects/agent_signature_key/%1"_s.arg(id);
}
} // namespace

RestReply *KeysApi::keys(QObject *context, Keys done) const
{
    return SiteCall::send<QList<SignatureKey>>(
        m_client, RestRequest::get(collectionPath), context,
        [](const RestResult &r, ApiError *error) {
            return SiteReplyReader::signatureKeys(r.json, error);
        },
        std::move(done));
}

RestReply *KeysApi::upload(const QString &alias, const QByteArray &certificatePem,
                           const QByteArray &privateKeyPem, const SecureBuffer &passphrase,
                           QObject *context, Ack done) const
{
    QJsonObject body { { u"alias"_s, alias },
                       { u"certificate"_s, QString::fromLatin1(certificatePem) },
                       { u"private_key"_s, QString::fromLatin1(privateKeyPem) },
                       { u"passphrase"_s, QString::fromUtf8(passphrase.bytes()) } };
    RestRequest request = RestRequest::post(collectionPath, QJsonDocument(body));
    body = {};
    return SiteCall::send<std::monostate>(m_client, std::move(request), context, SiteCall::nothing,
                                          std::move(done));
}

RestReply *KeysApi::download(int id, const SecureBuffer &passphrase, QObject *context,
                             Bytes done) const
{
    QJsonObject body { { u"passphrase"_s, QString::fromUtf8(passphrase.bytes()) } };
    RestRequest request
        = RestRequest::post(objectPath(id) + u"/actions/download/invoke"_s, QJsonDocument(body))
              .withAccept("application/x-pem-file");
    body = {};
    return SiteCall::send<QByteArray>(
        m_client, std::move(request), context,
        [](const RestResult &r, ApiError *) -> std::optional<QByteArray> { return r.body; },
        std::move(done));
}

RestReply *KeysApi::remove(int id, QObject *context, Ack done) const
{
    return SiteCall::send<std::monostate>(m_client,
                                          RestRequest::del(objectPath(id)).withIfMatch("*"),
                                          context, SiteCall::nothing, std::move(done));
}
