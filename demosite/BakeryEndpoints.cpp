#include "BakeryEndpoints.h"

#include <memory>

#include "CertificateInfo.h"
#include "DemoBakingJob.h"
#include "DemoRouter.h"
#include "DemoState.h"
#include "KeyBundle.h"
#include "SecureBuffer.h"

using namespace Qt::StringLiterals;

namespace {

const QString base = u"/check_mk/api/1.0"_s;
const QStringList osTypes { u"aix_tgz"_s,     u"linux_deb"_s,   u"linux_rpm"_s,  u"linux_tgz"_s,
                            u"solaris_pkg"_s, u"solaris_tgz"_s, u"windows_msi"_s };

DemoReply fieldProblem(const QString &field, const QString &message)
{
    return DemoReply::problem(400, u"Bad Request"_s, u"These fields have problems: "_s + field,
                              { { field, QJsonArray { message } } });
}

DemoReply jobRunning()
{
    return DemoReply::problem(409, u"Background Job agent_baking already running"_s,
                              u"Background Job agent_baking already running"_s);
}

DemoReply unknownAgent()
{
    return DemoReply::problem(404, u"Not Found"_s, u"Unknown agent configuration"_s);
}

QString hashText(quint64 hash)
{
    return u"%1"_s.arg(hash, 16, 16, QLatin1Char('0'));
}

QJsonObject agentObject(const DemoState &state, const DemoAgents::Agent &agent, int configuration)
{
    QJsonArray signatures;
    for (const DemoAgents::Signature &s : agent.signatures) {
        signatures.append(QJsonObject {
            { u"key_id"_s, s.keyId },
            { u"digest_md5"_s, CertificateInfo::fromPem(s.certificatePem).md5Digest() },
            { u"certificate"_s, QString::fromLatin1(s.certificatePem) },
            { u"signature"_s, QString::fromLatin1(s.signature.toBase64()) } });
    }
    int hosts = 0;
    for (const Host &h : state.inventory.hosts)
        hosts += DemoAgents::configurationOf(h.folder) == configuration;
    const QJsonObject ext { { u"name"_s, agent.name },
                            { u"os_types"_s, QJsonArray::fromStringList(agent.osTypes) },
                            { u"signatures"_s, signatures },
                            { u"hosts"_s, hosts } };
    return DemoReply::object(u"agent"_s, hashText(agent.hash), agent.name, ext, base);
}

int indexOf(const DemoState &state, const QString &hashText)
{
    bool ok = false;
    const quint64 hash = hashText.size() == 16 ? hashText.toULongLong(&ok, 16) : 0;
    if (!ok)
        return -1;
    for (int i = 0; i < state.agents.agents.size(); ++i) {
        if (state.agents.agents.at(i).hash == hash)
            return i;
    }
    return -1;
}

// Reads {key_id, passphrase} and checks that the key opens: a problem reply when not. The
// passphrase moves into *passphrase and the request's copies are wiped.
std::optional<DemoReply> readSignRequest(DemoState &state, DemoRequest &request, int *keyId,
                                         SecureBuffer *passphrase)
{
    QJsonObject body = request.json().object();
    QString text = body.value(u"passphrase"_s).toString();
    *passphrase = SecureBuffer::fromString(text);
    SecureBuffer::wipe(text);
    body.remove(u"passphrase"_s);
    SecureBuffer::wipe(request.body);
    const QJsonValue id = body.value(u"key_id"_s);
    if (!id.isDouble() || id.toDouble() != double(id.toInt()) || id.toInt() < 1)
        return fieldProblem(u"key_id"_s, u"Must be an integer greater than or equal to 1."_s);
    *keyId = id.toInt();
    const DemoKeyStore::Key *key = state.keys.find(*keyId);
    if (!key)
        return fieldProblem(u"key_id"_s, u"Unknown signature key %1."_s.arg(*keyId));
    if (passphrase->isEmpty())
        return fieldProblem(u"passphrase"_s, u"Missing data for required field."_s);
    QString error;
    if (!KeyBundle::fromPem(key->privateKeyPem).opens(*passphrase, &error))
        return fieldProblem(u"passphrase"_s, u"Invalid pass phrase."_s);
    return std::nullopt;
}

} // namespace

void BakeryEndpoints::install(DemoRouter &router, DemoState &state)
{
    // Shared by the handlers; goes away with the router, before the state.
    const auto job = std::make_shared<DemoBakingJob>(state);
    const QString actions = base + u"/domain-types/agent/actions/"_s;

    router.add("POST", actions + u"bake/invoke"_s, [job](DemoRequest &) {
        if (!job->start(DemoBakingJob::Kind::Bake))
            return jobRunning();
        return DemoReply::noContent();
    });
    const auto signing = [job, &state](DemoBakingJob::Kind kind) {
        return [job, &state, kind](DemoRequest &request) {
            int keyId = 0;
            SecureBuffer passphrase;
            if (auto problem = readSignRequest(state, request, &keyId, &passphrase))
                return *problem;
            if (!job->start(kind, keyId, std::move(passphrase)))
                return jobRunning();
            return DemoReply::noContent();
        };
    };
    router.add("POST", actions + u"sign/invoke"_s, signing(DemoBakingJob::Kind::Sign));
    router.add("POST", actions + u"bake_and_sign/invoke"_s,
               signing(DemoBakingJob::Kind::BakeAndSign));
    router.add("GET", actions + u"baking_status/invoke"_s, [job](DemoRequest &) {
        return DemoReply::json(QJsonObject {
            { u"links"_s, QJsonArray {} },
            { u"resultType"_s, u"object"_s },
            { u"result"_s,
              QJsonObject { { u"links"_s, QJsonArray {} }, { u"value"_s, job->status() } } } });
    });

    router.add("GET", base + u"/domain-types/agent/collections/all"_s, [&state](DemoRequest &) {
        QJsonArray value;
        for (int i = 0; i < state.agents.agents.size(); ++i)
            value.append(agentObject(state, state.agents.agents.at(i), i));
        return DemoReply::json(DemoReply::collection(u"agent"_s, value, base));
    });
    router.add("GET", base + u"/objects/agent/{agent_hash}"_s, [&state](DemoRequest &request) {
        const int i = indexOf(state, request.param(u"agent_hash"_s));
        if (i < 0)
            return unknownAgent();
        return DemoReply::json(agentObject(state, state.agents.agents.at(i), i));
    });
    router.add("GET", actions + u"download_by_hash/invoke"_s, [&state](DemoRequest &request) {
        const QString hash = request.query.queryItemValue(u"agent_hash"_s);
        const QString os = request.query.queryItemValue(u"os_type"_s);
        if (hash.isEmpty())
            return fieldProblem(u"agent_hash"_s, u"Missing data for required field."_s);
        if (!osTypes.contains(os))
            return fieldProblem(u"os_type"_s, u"Must be one of: %1."_s.arg(osTypes.join(u", "_s)));
        const int i = indexOf(state, hash);
        if (i < 0)
            return unknownAgent();
        const DemoAgents::Agent &agent = state.agents.agents.at(i);
        if (!agent.osTypes.contains(os))
            return fieldProblem(u"os_type"_s,
                                u"This agent configuration has no %1 package (only %2)."_s.arg(
                                    os, agent.osTypes.join(u", "_s)));
        return DemoReply::raw(agent.package, "application/octet-stream");
    });
}
