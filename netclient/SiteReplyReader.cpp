#include "SiteReplyReader.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

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
