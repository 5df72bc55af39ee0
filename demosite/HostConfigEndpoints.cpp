#include "HostConfigEndpoints.h"

#include "DemoRouter.h"
#include "DemoState.h"

using namespace Qt::StringLiterals;

namespace {

const QString base = u"/check_mk/api/1.0"_s;

QJsonObject attributesOf(const Host &h)
{
    QJsonObject attrs { { u"site"_s, h.site } };
    for (auto it = h.tags.cbegin(); it != h.tags.cend(); ++it)
        attrs.insert(u"tag_"_s + it.key(), it.value());
    QJsonObject labels;
    for (auto it = h.labels.cbegin(); it != h.labels.cend(); ++it)
        labels.insert(it.key(), it.value());
    attrs.insert(u"labels"_s, labels);
    return attrs;
}

QByteArray hostEtag(const Host &h)
{
    return DemoReply::etagOf(QJsonDocument(attributesOf(h)).toJson(QJsonDocument::Compact)
                             + h.folder.toUtf8());
}

// Applies {"update_attributes": {...}} or {"attributes": {...}}; an error names the field.
QString applyAttributes(Host &host, const QJsonObject &body)
{
    const bool replace = body.contains(u"attributes"_s);
    const QJsonObject attrs
        = body.value(replace ? u"attributes"_s : u"update_attributes"_s).toObject();
    if (attrs.isEmpty())
        return u"update_attributes: expected an object with attributes to change"_s;
    Host edited = host;
    if (replace) {
        edited.labels.clear();
    }
    for (auto it = attrs.begin(); it != attrs.end(); ++it) {
        if (it.key() == u"labels"_s) {
            if (!it->isObject())
                return u"labels: expected an object of strings"_s;
            if (!replace)
                edited.labels.clear();
            const QJsonObject labels = it->toObject();
            for (auto l = labels.begin(); l != labels.end(); ++l)
                edited.labels.insert(l.key(), l->toString());
        } else if (it.key().startsWith(u"tag_"_s)) {
            edited.tags.insert(it.key().mid(4), it->toString());
        } else if (it.key() == u"site"_s) {
            edited.site = it->toString();
        } else {
            return it.key() + u": Unknown field."_s;
        }
    }
    host = edited;
    return {};
}

} // namespace

namespace {

// A JSON string: quotes, backslashes and control characters escaped, UTF-8 as it is.
void writeString(QByteArray &out, const QString &text)
{
    out += '"';
    const QByteArray utf8 = text.toUtf8();
    for (const char c : utf8) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (u < 0x20) {
            static const char hex[] = "0123456789abcdef";
            out += "\\u00";
            out += hex[u >> 4];
            out += hex[u & 15];
        } else {
            out += c;
        }
    }
    out += '"';
}

void writeAttributes(QByteArray &out, const Host &h, bool effective)
{
    out += "{\"site\":";
    writeString(out, h.site);
    for (auto it = h.tags.cbegin(); it != h.tags.cend(); ++it) {
        out += ",";
        writeString(out, u"tag_"_s + it.key());
        out += ':';
        writeString(out, it.value());
    }
    if (effective)
        out += ",\"tag_address_family\":\"ip-v4-only\"";
    out += ",\"labels\":{";
    bool first = true;
    for (auto it = h.labels.cbegin(); it != h.labels.cend(); ++it) {
        if (!std::exchange(first, false))
            out += ',';
        writeString(out, it.key());
        out += ':';
        writeString(out, it.value());
    }
    out += "}}";
}

} // namespace

void HostConfigEndpoints::writeHostObject(QByteArray &out, const Host &h, bool effective)
{
    // Every field of a host object is written here and nowhere else.
    out += "{\"domainType\":\"host_config\",\"id\":";
    writeString(out, h.name);
    out += ",\"title\":";
    writeString(out, h.name);
    out += ",\"links\":[{\"domainType\":\"link\",\"rel\":\"self\",\"href\":";
    writeString(out, base + u"/objects/host_config/"_s + h.name);
    out += ",\"method\":\"GET\",\"type\":\"application/json\"}],\"members\":{},"
           "\"extensions\":{\"folder\":";
    writeString(out, h.folder);
    out += ",\"attributes\":";
    writeAttributes(out, h, false);
    out += ",\"is_cluster\":false,\"is_offline\":";
    out += h.tags.value(u"criticality"_s) == u"offline"_s ? "true" : "false";
    out += ",\"cluster_nodes\":null";
    if (effective) {
        out += ",\"effective_attributes\":";
        writeAttributes(out, h, true);
    }
    if (h.hostGroupsKnown) {
        out += ",\"host_groups\":[";
        for (qsizetype i = 0; i < h.hostGroups.size(); ++i) {
            if (i)
                out += ',';
            writeString(out, h.hostGroups.at(i));
        }
        out += ']';
    }
    out += "}}";
}

QJsonObject HostConfigEndpoints::hostObject(const Host &h, bool effectiveAttributes)
{
    QByteArray bytes;
    writeHostObject(bytes, h, effectiveAttributes);
    return QJsonDocument::fromJson(bytes).object();
}

void HostConfigEndpoints::install(DemoRouter &router, DemoState &state)
{
    router.add("GET", base + u"/domain-types/host_config/collections/all"_s,
               [&state](DemoRequest &request) {
                   const bool effective
                       = request.query.queryItemValue(u"effective_attributes"_s) == u"true"_s;
                   // Built as bytes: this collection can hold 200,000 hosts.
                   QByteArray body;
                   body.reserve(qsizetype(state.inventory.hosts.size()) * 700 + 256);
                   body += R"({"domainType":"host_config","id":"host","links":[],"value":[)";
                   bool first = true;
                   for (const Host &h : std::as_const(state.inventory.hosts)) {
                       if (!first)
                           body += ',';
                       first = false;
                       writeHostObject(body, h, effective);
                   }
                   body += R"(],"extensions":{}})";
                   return DemoReply::raw(std::move(body), "application/json");
               });
    router.add("GET", base + u"/objects/host_config/{host_name}"_s, [&state](DemoRequest &request) {
        const int i = state.inventory.indexOf(request.param(u"host_name"_s));
        if (i < 0)
            return DemoReply::problem(
                404, u"Not Found"_s,
                u"Host \"%1\" is not known."_s.arg(request.param(u"host_name"_s)));
        const Host &h = state.inventory.hosts.at(i);
        const bool effective = request.query.queryItemValue(u"effective_attributes"_s) == u"true"_s;
        return DemoReply::json(hostObject(h, effective)).withEtag(hostEtag(h));
    });
    router.add("PUT", base + u"/objects/host_config/{host_name}"_s, [&state](DemoRequest &request) {
        const int i = state.inventory.indexOf(request.param(u"host_name"_s));
        if (i < 0)
            return DemoReply::problem(
                404, u"Not Found"_s,
                u"Host \"%1\" is not known."_s.arg(request.param(u"host_name"_s)));
        Host &h = state.inventory.hosts[i];
        const QByteArray ifMatch = request.header("if-match");
        if (ifMatch.isEmpty())
            return DemoReply::problem(
                428, u"Precondition required"_s,
                u"If-Match header required for this operation. See documentation."_s);
        if (ifMatch != "*" && ifMatch != '"' + hostEtag(h) + '"')
            return DemoReply::problem(
                412, u"Precondition failed"_s,
                u"ETag didn't match. Probable cause: Object changed by another user."_s);
        const QString error = applyAttributes(h, request.json().object());
        if (!error.isEmpty()) {
            const QString field = error.section(u':', 0, 0);
            return DemoReply::problem(400, u"Bad Request"_s,
                                      u"These fields have problems: "_s + field,
                                      { { field, QJsonArray { error.section(u": "_s, 1) } } });
        }
        state.recordChange(request.user, u"edit-host"_s,
                           u"Modified attributes of host %1."_s.arg(h.name));
        return DemoReply::json(hostObject(h, false)).withEtag(hostEtag(h));
    });
    router.add(
        "GET", base + u"/domain-types/host_tag_group/collections/all"_s, [&state](DemoRequest &) {
            QJsonArray value;
            for (const DemoInventory::TagGroup &g : std::as_const(state.inventory.tagGroups)) {
                QJsonArray tags;
                for (const DemoInventory::Tag &t : g.tags)
                    tags.append(QJsonObject { { u"id"_s, t.id },
                                              { u"title"_s, t.title },
                                              { u"aux_tags"_s, QJsonArray {} } });
                value.append(DemoReply::object(u"host_tag_group"_s, g.id, g.title,
                                               { { u"topic"_s, g.topic }, { u"tags"_s, tags } },
                                               base));
            }
            return DemoReply::json(DemoReply::collection(u"host_tag_group"_s, value, base));
        });
    router.add(
        "GET", base + u"/domain-types/host_group_config/collections/all"_s,
        [&state](DemoRequest &) {
            QJsonArray value;
            for (const DemoInventory::HostGroup &g : std::as_const(state.inventory.hostGroups))
                value.append(DemoReply::object(u"host_group_config"_s, g.name, g.alias,
                                               { { u"alias"_s, g.alias } }, base));
            return DemoReply::json(DemoReply::collection(u"host_group_config"_s, value, base));
        });
}
