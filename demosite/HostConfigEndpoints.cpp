#include "HostConfigEndpoints.h"

#include "DemoRouter.h"
#include "DemoState.h"

using namespace Qt::StringLiterals;

namespace {

const QString base = u"/check_mk/api/1.0"_s;

// Attributes of a real host that the demo keeps as the client sent them.
const QStringList keptAttributes { u"alias"_s,
                                   u"ipaddress"_s,
                                   u"ipv6address"_s,
                                   u"additional_ipv4addresses"_s,
                                   u"additional_ipv6addresses"_s,
                                   u"parents"_s,
                                   u"contactgroups"_s,
                                   u"bake_agent_package"_s,
                                   u"management_address"_s,
                                   u"management_protocol"_s };

QJsonObject attributesOf(const Host &h, const QJsonObject &extra = {})
{
    QJsonObject attrs = extra;
    attrs.insert(u"site"_s, h.site);
    // Read-only metadata every real host object carries; the demo's hosts were all made by
    // the seed at one fixed time.
    attrs.insert(u"meta_data"_s,
                 QJsonObject { { u"created_at"_s, u"2025-01-06T09:00:00+00:00"_s },
                               { u"updated_at"_s, u"2025-01-06T09:00:00+00:00"_s },
                               { u"created_by"_s, u"cmkadmin"_s } });
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
QString applyAttributes(Host &host, QJsonObject &extra, const QJsonObject &body,
                        bool creating = false)
{
    const bool replace = body.contains(u"attributes"_s);
    const QJsonObject attrs
        = body.value(replace ? u"attributes"_s : u"update_attributes"_s).toObject();
    if (attrs.isEmpty() && !creating)
        return u"update_attributes: expected an object with attributes to change"_s;
    Host edited = host;
    QJsonObject editedExtra = replace ? QJsonObject {} : extra;
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
        } else if (keptAttributes.contains(it.key())) {
            editedExtra.insert(it.key(), *it);
        } else {
            return it.key() + u": Unknown field."_s;
        }
    }
    host = edited;
    extra = editedExtra;
    return {};
}

DemoReply fieldProblem(const QString &field, const QString &message)
{
    return DemoReply::problem(400, u"Bad Request"_s, u"These fields have problems: "_s + field,
                              { { field, QJsonArray { message } } });
}

// POST host_config: CreateHost {host_name, folder, attributes}.
DemoReply createHost(DemoState &state, DemoRequest &request)
{
    const QJsonObject body = request.json().object();
    for (auto it = body.begin(); it != body.end(); ++it) {
        if (it.key() != u"host_name"_s && it.key() != u"folder"_s && it.key() != u"attributes"_s)
            return fieldProblem(it.key(), u"Unknown field."_s);
    }
    const QString name = body.value(u"host_name"_s).toString();
    if (!body.value(u"host_name"_s).isString())
        return fieldProblem(u"host_name"_s, u"Missing data for required field."_s);
    if (!Host::isValidName(name))
        return fieldProblem(u"host_name"_s,
                            u"%1 does not match pattern ^[-0-9a-zA-Z_.]+\\Z."_s.arg(name));
    if (state.inventory.indexOf(name) >= 0)
        return fieldProblem(u"host_name"_s, u"Host %1 already exists."_s.arg(name));
    if (!body.value(u"folder"_s).isString())
        return fieldProblem(u"folder"_s, u"Missing data for required field."_s);
    QString folder = body.value(u"folder"_s).toString();
    folder.replace(u'~', u'/');
    if (!folder.startsWith(u'/'))
        folder.prepend(u'/');
    if (folder.size() > 1 && folder.endsWith(u'/'))
        folder.chop(1);
    if (!state.inventory.hasFolder(folder))
        return fieldProblem(u"folder"_s, u"The folder %1 could not be found."_s.arg(folder));
    if (body.contains(u"attributes"_s) && !body.value(u"attributes"_s).isObject())
        return fieldProblem(u"attributes"_s, u"Not a valid mapping type."_s);
    Host host;
    host.name = name;
    host.folder = folder;
    host.site = state.siteName();
    QJsonObject extra;
    const QString error = applyAttributes(
        host, extra, QJsonObject { { u"attributes"_s, body.value(u"attributes"_s) } }, true);
    if (!error.isEmpty())
        return fieldProblem(u"attributes."_s + error.section(u':', 0, 0),
                            error.section(u": "_s, 1));
    state.inventory.addHost(host);
    if (!extra.isEmpty())
        state.extraHostAttributes.insert(name, extra);
    // Until the next activation the host is in Setup only (register_agent.py: monitored false).
    state.registrations.addUnactivatedHost(name);
    state.recordChange(request.user, u"create-host"_s, u"Created new host %1."_s.arg(name));
    return DemoReply::json(
               HostConfigEndpoints::hostObject(host, false, extra, state.options().stock))
        .withEtag(hostEtag(host));
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

// A value a client set (alias, ipaddress, ...), written as compact JSON.
void writeValue(QByteArray &out, const QJsonValue &value)
{
    const QByteArray array = QJsonDocument(QJsonArray { value }).toJson(QJsonDocument::Compact);
    out += QByteArrayView(array).sliced(1, array.size() - 2);
}

void writeAttributes(QByteArray &out, const Host &h, bool effective, const QJsonObject &extra)
{
    out += "{\"site\":";
    writeString(out, h.site);
    // Read-only metadata every real host object carries; the demo's hosts were all made by
    // the seed at one fixed time.
    out += ",\"meta_data\":{\"created_at\":\"2025-01-06T09:00:00+00:00\","
           "\"updated_at\":\"2025-01-06T09:00:00+00:00\",\"created_by\":\"cmkadmin\"}";
    for (auto it = extra.begin(); it != extra.end(); ++it) {
        if (it.key() == u"site"_s || it.key() == u"meta_data"_s || it.key() == u"labels"_s
            || it.key().startsWith(u"tag_"_s))
            continue;
        out += ',';
        writeString(out, it.key());
        out += ':';
        writeValue(out, *it);
    }
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

void HostConfigEndpoints::writeHostObject(QByteArray &out, const Host &h, bool effective,
                                          const QJsonObject &extra, bool stock)
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
    writeAttributes(out, h, false, extra);
    out += ",\"is_cluster\":false,\"is_offline\":";
    out += h.tags.value(u"criticality"_s) == u"offline"_s ? "true" : "false";
    out += ",\"cluster_nodes\":null";
    if (effective) {
        out += ",\"effective_attributes\":";
        writeAttributes(out, h, true, extra);
    }
    // host_groups is AgentDesk's extension field: a stock site has no such field.
    if (h.hostGroupsKnown && !stock) {
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

QJsonObject HostConfigEndpoints::hostObject(const Host &h, bool effectiveAttributes,
                                            const QJsonObject &extra, bool stock)
{
    QByteArray bytes;
    writeHostObject(bytes, h, effectiveAttributes, extra, stock);
    return QJsonDocument::fromJson(bytes).object();
}

void HostConfigEndpoints::install(DemoRouter &router, DemoState &state)
{
    router.add("GET", base + u"/domain-types/host_config/collections/all"_s,
               [&state](DemoRequest &request) {
                   const bool effective = QStringList { u"true"_s, u"1"_s, u"yes"_s }.contains(
                       request.queryValue(u"effective_attributes"_s).toLower());
                   // Built as bytes: this collection can hold 200,000 hosts.
                   QByteArray body;
                   body.reserve(qsizetype(state.inventory.hosts.size()) * 700 + 256);
                   body += R"({"domainType":"host_config","id":"host","links":[],"value":[)";
                   bool first = true;
                   for (const Host &h : std::as_const(state.inventory.hosts)) {
                       if (!first)
                           body += ',';
                       first = false;
                       const QJsonObject extra = state.extraHostAttributes.isEmpty()
                           ? QJsonObject {}
                           : state.extraHostAttributes.value(h.name);
                       writeHostObject(body, h, effective, extra, state.options().stock);
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
        const bool effective = QStringList { u"true"_s, u"1"_s, u"yes"_s }.contains(
            request.queryValue(u"effective_attributes"_s).toLower());
        return DemoReply::json(hostObject(h, effective, state.extraHostAttributes.value(h.name),
                                          state.options().stock))
            .withEtag(hostEtag(h));
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
        QJsonObject extra = state.extraHostAttributes.value(h.name);
        const QString error = applyAttributes(h, extra, request.json().object());
        if (!error.isEmpty()) {
            const QString field = error.section(u':', 0, 0);
            return DemoReply::problem(400, u"Bad Request"_s,
                                      u"These fields have problems: "_s + field,
                                      { { field, QJsonArray { error.section(u": "_s, 1) } } });
        }
        if (!extra.isEmpty())
            state.extraHostAttributes.insert(h.name, extra);
        state.recordChange(request.user, u"edit-host"_s,
                           u"Modified attributes of host %1."_s.arg(h.name));
        return DemoReply::json(hostObject(h, false, extra, state.options().stock))
            .withEtag(hostEtag(h));
    });
    router.add("POST", base + u"/domain-types/host_config/collections/all"_s,
               [&state](DemoRequest &request) { return createHost(state, request); });
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
