#include "SiteReplyReader.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QTimeZone>

#include "CheckedNumber.h"
#include "PythonLiteral.h"
#include "RuleCodec.h"

using namespace Qt::StringLiterals;

namespace {

ApiError malformed(const QString &detail)
{
    ApiError e;
    e.kind = ApiError::Kind::MalformedReply;
    e.title = QCoreApplication::translate("SiteReplyReader",
                                          "The site's reply has an unexpected shape");
    e.detail = detail;
    return e;
}

} // namespace

std::optional<SiteVersion> SiteReplyReader::version(const QJsonDocument &doc, ApiError *error)
{
    const QJsonObject o = doc.object();
    const QString checkmk = o.value(u"versions"_s).toObject().value(u"checkmk"_s).toString();
    if (!doc.isObject() || o.value(u"site"_s).toString().isEmpty() || checkmk.isEmpty()) {
        *error = malformed(QCoreApplication::translate(
            "SiteReplyReader", "/version: expected \"site\" and \"versions.checkmk\"."));
        return std::nullopt;
    }
    SiteVersion v;
    v.site = o.value(u"site"_s).toString();
    v.checkmkVersion = checkmk;
    v.edition = o.value(u"edition"_s).toString();
    v.restRevision = o.value(u"rest_api"_s).toObject().value(u"revision"_s).toString();
    v.demo = o.value(u"demo"_s).toBool();
    return v;
}

std::optional<QList<Host>> SiteReplyReader::hosts(const QJsonDocument &doc, ApiError *error)
{
    const QJsonValue value = doc.object().value(u"value"_s);
    if (!value.isArray()) {
        *error = malformed(QCoreApplication::translate(
            "SiteReplyReader", "host_config collection: expected an array \"value\"."));
        return std::nullopt;
    }
    const QJsonArray array = value.toArray();
    QList<Host> hosts;
    hosts.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonObject entry = array.at(i).toObject();
        const QJsonObject ext = entry.value(u"extensions"_s).toObject();
        Host h;
        h.name = entry.value(u"id"_s).toString();
        if (h.name.isEmpty()) {
            *error = malformed(QCoreApplication::translate("SiteReplyReader",
                                                           "host_config entry %1 has no \"id\".")
                                   .arg(i));
            return std::nullopt;
        }
        h.folder = ext.value(u"folder"_s).toString();
        const QJsonObject attrs = ext.contains(u"effective_attributes"_s)
            ? ext.value(u"effective_attributes"_s).toObject()
            : ext.value(u"attributes"_s).toObject();
        h.site = attrs.value(u"site"_s).toString();
        for (auto it = attrs.begin(); it != attrs.end(); ++it) {
            if (it.key().startsWith(u"tag_"_s) && it->isString())
                h.tags.insert(it.key().mid(4), it->toString());
        }
        const QJsonObject labels = attrs.value(u"labels"_s).toObject();
        for (auto it = labels.begin(); it != labels.end(); ++it)
            h.labels.insert(it.key(), it->toString());
        if (ext.contains(u"host_groups"_s)) {
            h.hostGroupsKnown = true;
            const QJsonArray groups = ext.value(u"host_groups"_s).toArray();
            for (const QJsonValue &g : groups)
                h.hostGroups << g.toString();
        }
        hosts << std::move(h);
    }
    return hosts;
}

std::optional<int> SiteReplyReader::collectionSize(const QJsonDocument &doc, ApiError *error)
{
    const QJsonValue value = doc.object().value(u"value"_s);
    if (!value.isArray()) {
        *error = malformed(QCoreApplication::translate("SiteReplyReader",
                                                       "Expected a collection with \"value\"."));
        return std::nullopt;
    }
    return int(value.toArray().size());
}

std::optional<QList<AgentUpdaterRule>> SiteReplyReader::rules(const QJsonDocument &doc,
                                                              ApiError *error)
{
    const QJsonValue value = doc.object().value(u"value"_s);
    if (!value.isArray()) {
        *error = malformed(QCoreApplication::translate(
            "SiteReplyReader", "rule collection: expected an array \"value\"."));
        return std::nullopt;
    }
    QList<AgentUpdaterRule> rules;
    for (const QJsonValue &entry : value.toArray()) {
        auto rule = RuleCodec::read(entry.toObject(), error);
        if (!rule)
            return std::nullopt;
        rules << *rule;
    }
    return rules;
}

std::optional<QList<SignatureKey>> SiteReplyReader::signatureKeys(const QJsonDocument &doc,
                                                                  ApiError *error)
{
    const QJsonValue value = doc.object().value(u"value"_s);
    if (!value.isArray()) {
        *error = malformed(QCoreApplication::translate(
            "SiteReplyReader", "signature key collection: expected an array \"value\"."));
        return std::nullopt;
    }
    QList<SignatureKey> keys;
    for (const QJsonValue &entry : value.toArray()) {
        const QJsonObject o = entry.toObject();
        const QJsonObject ext = o.value(u"extensions"_s).toObject();
        SignatureKey k;
        bool ok = false;
        k.id = o.value(u"id"_s).toString().toInt(&ok);
        if (!ok) {
            *error = malformed(QCoreApplication::translate("SiteReplyReader",
                                                           "signature key without a numeric id."));
            return std::nullopt;
        }
        k.alias = ext.value(u"alias"_s).toString(o.value(u"title"_s).toString());
        k.owner = ext.value(u"owner"_s).toString();
        // Times are epoch seconds as doubles; 1e300, a negative number or NaN would make the
        // conversion to an integer undefined, so they are refused by name.
        for (const auto &[field, target] :
             { std::pair { u"date"_s, &k.created }, std::pair { u"not_after"_s, &k.notAfter } }) {
            const QJsonValue t = ext.value(field);
            const auto seconds
                = t.isUndefined() ? std::optional<qint64>(0) : CheckedNumber::epochSeconds(t);
            if (!seconds) {
                *error = malformed(
                    QCoreApplication::translate("SiteReplyReader",
                                                "signature key %1: %2: expected seconds since "
                                                "1970 (a number from 0 to the year 9999).")
                        .arg(k.id)
                        .arg(field));
                return std::nullopt;
            }
            *target = QDateTime::fromSecsSinceEpoch(*seconds, QTimeZone::utc());
        }
        k.certificatePem = ext.value(u"certificate"_s).toString().toUtf8();
        k.md5Digest = ext.value(u"digest_md5"_s).toString();
        k.inUse = ext.value(u"in_use"_s).toBool();
        keys << k;
    }
    return keys;
}

std::optional<QList<Prerequisites::AgentInfo>> SiteReplyReader::agents(const QJsonDocument &doc,
                                                                       ApiError *error)
{
    const QJsonValue value = doc.object().value(u"value"_s);
    if (!value.isArray()) {
        *error = malformed(QCoreApplication::translate(
            "SiteReplyReader", "agent collection: expected an array \"value\"."));
        return std::nullopt;
    }
    QList<Prerequisites::AgentInfo> agents;
    for (const QJsonValue &entry : value.toArray()) {
        const QJsonObject o = entry.toObject();
        Prerequisites::AgentInfo a;
        a.hash = o.value(u"id"_s).toString();
        for (const QJsonValue &s :
             o.value(u"extensions"_s).toObject().value(u"signatures"_s).toArray())
            a.signedByKeyIds << s.toObject().value(u"key_id"_s).toInt();
        agents << a;
    }
    return agents;
}

std::optional<QJsonValue> SiteReplyReader::globalSetting(const QJsonDocument &doc, ApiError *error)
{
    const QJsonObject o = doc.object();
    if (!o.contains(u"value"_s)) {
        *error = malformed(
            QCoreApplication::translate("SiteReplyReader", "global setting: expected \"value\"."));
        return std::nullopt;
    }
    return o.value(u"value"_s);
}

std::optional<QList<TagGroup>> SiteReplyReader::tagGroups(const QJsonDocument &doc, ApiError *error)
{
    const QJsonValue value = doc.object().value(u"value"_s);
    if (!value.isArray()) {
        *error = malformed(QCoreApplication::translate(
            "SiteReplyReader", "tag group collection: expected an array \"value\"."));
        return std::nullopt;
    }
    QList<TagGroup> groups;
    for (const QJsonValue &entry : value.toArray()) {
        const QJsonObject o = entry.toObject();
        TagGroup g;
        g.id = o.value(u"id"_s).toString();
        g.title = o.value(u"title"_s).toString(g.id);
        for (const QJsonValue &t : o.value(u"extensions"_s).toObject().value(u"tags"_s).toArray()) {
            const QJsonObject tag = t.toObject();
            g.tags.append({ tag.value(u"id"_s).toString(), tag.value(u"title"_s).toString() });
        }
        groups << g;
    }
    return groups;
}

std::optional<QStringList> SiteReplyReader::ids(const QJsonDocument &doc, ApiError *error)
{
    const QJsonValue value = doc.object().value(u"value"_s);
    if (!value.isArray()) {
        *error = malformed(QCoreApplication::translate("SiteReplyReader",
                                                       "Expected a collection with \"value\"."));
        return std::nullopt;
    }
    QStringList out;
    for (const QJsonValue &entry : value.toArray())
        out << entry.toObject().value(u"id"_s).toString();
    return out;
}

std::optional<QList<BakedAgent>> SiteReplyReader::bakedAgents(const QJsonDocument &doc,
                                                              ApiError *error)
{
    const QJsonValue value = doc.object().value(u"value"_s);
    if (!value.isArray()) {
        *error = malformed(QCoreApplication::translate(
            "SiteReplyReader", "agent collection: expected an array \"value\"."));
        return std::nullopt;
    }
    QList<BakedAgent> agents;
    for (const QJsonValue &entry : value.toArray()) {
        const QJsonObject o = entry.toObject();
        const QJsonObject ext = o.value(u"extensions"_s).toObject();
        BakedAgent a;
        a.hash = o.value(u"id"_s).toString();
        a.name = ext.value(u"name"_s).toString(o.value(u"title"_s).toString(a.hash));
        for (const QJsonValue &t : ext.value(u"os_types"_s).toArray())
            a.osTypes << t.toString();
        a.hosts = ext.contains(u"hosts"_s) ? ext.value(u"hosts"_s).toInt() : -1;
        a.signaturesKnown = ext.contains(u"signatures"_s);
        for (const QJsonValue &sv : ext.value(u"signatures"_s).toArray()) {
            const QJsonObject so = sv.toObject();
            a.signatures.append({ so.value(u"key_id"_s).toInt(),
                                  so.value(u"digest_md5"_s).toString(),
                                  so.value(u"certificate"_s).toString().toUtf8(),
                                  so.value(u"signature"_s).toString().toLatin1() });
        }
        agents << a;
    }
    return agents;
}

std::optional<BakingJob> SiteReplyReader::bakingJob(const QJsonDocument &doc, ApiError *error)
{
    const QJsonObject v = doc.object().value(u"result"_s).toObject().value(u"value"_s).toObject();
    if (!v.value(u"state"_s).isString()) {
        *error = malformed(QCoreApplication::translate(
            "SiteReplyReader", "baking status: expected result.value.state."));
        return std::nullopt;
    }
    BakingJob job;
    job.state = v.value(u"state"_s).toString();
    // Views turn these into integers (percent, times): only finite values in range pass.
    job.started = CheckedNumber::epochSeconds(v.value(u"started"_s)).value_or(0);
    const double progress = v.value(u"progress"_s).toDouble(-1);
    job.progress = progress >= 0 && progress <= 1 ? progress : -1;
    for (const QJsonValue &l : v.value(u"log"_s).toArray())
        job.log << l.toString();
    return job;
}

std::optional<DeploymentStatus> SiteReplyReader::deploymentStatus(const QJsonDocument &doc,
                                                                  ApiError *error)
{
    const QJsonValue value = doc.object().value(u"result"_s).toObject().value(u"value"_s);
    if (!value.isObject()) {
        *error = malformed(QCoreApplication::translate(
            "SiteReplyReader", "automatic deployment status: expected result.value (an object)."));
        return std::nullopt;
    }
    // The document leaves the value object open; the names below are assumed (README). A
    // field of another type counts as not reported, so the console decides it the older way.
    const QJsonObject v = value.toObject();
    const auto flag = [&v](const QString &key) -> std::optional<bool> {
        const QJsonValue f = v.value(key);
        return f.isBool() ? std::optional<bool>(f.toBool()) : std::nullopt;
    };
    DeploymentStatus status;
    status.deploymentEnabled = flag(u"deployment_enabled"_s);
    status.updaterRuleConfigured = flag(u"updater_rule_configured"_s);
    status.signatureKeyConfigured = flag(u"signature_key_configured"_s);
    status.agentsBaked = flag(u"agents_baked"_s);
    status.agentsSigned = flag(u"agents_signed"_s);
    return status;
}

std::optional<QList<Host>> SiteReplyReader::hosts(const QByteArray &body, ApiError *error)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &pe);
    if (pe.error != QJsonParseError::NoError) {
        *error = malformed(QCoreApplication::translate(
                               "SiteReplyReader", "The host list is not valid JSON: %1 at byte %2.")
                               .arg(pe.errorString())
                               .arg(pe.offset));
        return std::nullopt;
    }
    return hosts(doc, error);
}
