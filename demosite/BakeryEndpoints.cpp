#include "BakeryEndpoints.h"

#include <memory>

#include "CertificateInfo.h"
#include "DemoBakingJob.h"
#include "DemoRouter.h"
#include "DemoState.h"
#include "KeyBundle.h"
#include "PythonLiteral.h"
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
    // A stock site's agent objects carry none of these (they are AgentDesk's extension fields).
    const QJsonObject ext = state.options().stock
        ? QJsonObject {}
        : QJsonObject { { u"name"_s, agent.name },
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
    // The site's marshmallow Integer field takes a numeric string too, and automation tools
    // send "1"; anything else that is not a whole number is refused.
    bool isNumber = id.isDouble() && id.toDouble() == double(id.toInt());
    int value = id.toInt();
    if (id.isString()) {
        value = id.toString().trimmed().toInt(&isNumber);
    }
    if (!body.contains(u"key_id"_s))
        return fieldProblem(u"key_id"_s, u"Missing data for required field."_s);
    if (!isNumber)
        return fieldProblem(u"key_id"_s, u"Not a valid integer."_s);
    if (value < 1)
        return fieldProblem(u"key_id"_s, u"Must be greater than or equal to 1."_s);
    *keyId = value;
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

// ActionResultScalar; the text of a real site's value is not published (assumed).
DemoReply scalarResult(const QString &text)
{
    return DemoReply::json(QJsonObject {
        { u"links"_s, QJsonArray {} },
        { u"resultType"_s, u"scalar"_s },
        { u"result"_s, QJsonObject { { u"links"_s, QJsonArray {} }, { u"value"_s, text } } } });
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
        return scalarResult(u"Agent baking started"_s);
    });
    const auto signing = [job, &state](DemoBakingJob::Kind kind) {
        return [job, &state, kind](DemoRequest &request) {
            int keyId = 0;
            SecureBuffer passphrase;
            if (auto problem = readSignRequest(state, request, &keyId, &passphrase))
                return *problem;
            if (!job->start(kind, keyId, std::move(passphrase)))
                return jobRunning();
            // The document: sign answers 204, bake_and_sign 200 with an ActionResultScalar.
            if (kind == DemoBakingJob::Kind::Sign)
                return DemoReply::noContent();
            return scalarResult(u"Agent baking and signing started"_s);
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
        const QString hash = request.queryValue(u"agent_hash"_s);
        const QString os = request.queryValue(u"os_type"_s);
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
    router.add("GET", actions + u"download_by_host/invoke"_s, [&state](DemoRequest &request) {
        const QString type = request.query.hasQueryItem(u"agent_type"_s)
            ? request.queryValue(u"agent_type"_s)
            : u"host_name"_s;
        const QString host = request.queryValue(u"host_name"_s);
        const QString folder = request.queryValue(u"folder_name"_s);
        const QString os = request.queryValue(u"os_type"_s);
        static const QStringList types { u"host_name"_s, u"vanilla"_s, u"generic"_s };
        if (!types.contains(type))
            return fieldProblem(u"agent_type"_s, u"Must be one of: %1."_s.arg(types.join(u", "_s)));
        if (!osTypes.contains(os))
            return fieldProblem(u"os_type"_s, u"Must be one of: %1."_s.arg(osTypes.join(u", "_s)));
        int configuration = DemoAgents::configurationCount() - 1; // vanilla / generic
        if (type == u"host_name"_s) {
            if (host.isEmpty() && folder.isEmpty())
                return fieldProblem(u"host_name"_s,
                                    u"Either host_name or folder_name is required."_s);
            if (!host.isEmpty()) {
                const int index = state.inventory.indexOf(host);
                if (index < 0)
                    return DemoReply::problem(404, u"Not Found"_s,
                                              u"Host %1 does not exist."_s.arg(host));
                configuration = DemoAgents::configurationOf(state.inventory.hosts.at(index).folder);
            } else {
                QString path = folder;
                path.replace(u'~', u'/');
                configuration
                    = DemoAgents::configurationOf(path.startsWith(u'/') ? path : u'/' + path);
            }
        }
        if (configuration >= state.agents.agents.size()
            || !state.agents.agents.at(configuration).osTypes.contains(os))
            return DemoReply::problem(404, u"Not Found"_s,
                                      u"No baked agent for this host available"_s);
        return DemoReply::raw(state.agents.agents.at(configuration).package,
                              "application/octet-stream");
    });
    // The status of automatic deployment as the site's Agents page shows it. The fields of a
    // real site's value object are not published; these are assumed (README says so).
    router.add("GET", actions + u"automatic-deployment/invoke"_s, [&state](DemoRequest &) {
        const DemoDeployment::Config &active = state.deployment.active;
        // Configured: the first enabled rule that sets "activated" deploys the updater (the
        // first rule per parameter wins), as the site's own Automatic updates page decides it.
        bool ruleEnabled = false;
        for (const DemoDeployment::Rule &rule : active.rules) {
            if (rule.properties.value(u"disabled"_s).toBool())
                continue;
            const QVariantMap value = PythonLiteral::parse(rule.valueRaw, nullptr).toMap();
            if (value.contains(u"activated"_s)) {
                ruleEnabled = value.value(u"activated"_s).toString() == u"enabled"_s;
                break;
            }
        }
        bool signedAgents = !state.agents.agents.isEmpty();
        for (const DemoAgents::Agent &a : state.agents.agents)
            signedAgents = signedAgents && !a.signatures.isEmpty();
        const QJsonObject value {
            { u"deployment_enabled"_s, active.enabled },
            { u"host_selection"_s, active.hostSelection },
            { u"updater_rule_configured"_s, ruleEnabled },
            { u"signature_key_configured"_s, !state.keys.keys.isEmpty() },
            { u"agents_baked"_s, !state.agents.agents.isEmpty() },
            { u"agents_signed"_s, signedAgents },
        };
        return DemoReply::json(QJsonObject {
            { u"links"_s, QJsonArray {} },
            { u"resultType"_s, u"object"_s },
            { u"result"_s,
              QJsonObject { { u"links"_s, QJsonArray {} }, { u"value"_s, value } } } });
    });
}
