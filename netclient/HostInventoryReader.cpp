#include "HostInventoryReader.h"

#include <QCoreApplication>

#include <simdjson.h>

#include <string_view>
#include <vector>

#include "InventoryBuilder.h"

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

QString text(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

// One host's attributes as read; string_views point into the parser's buffer, which lives as
// long as the document.
struct Attributes
{
    bool present = false;
    std::string_view site;
    std::vector<std::pair<std::string_view, std::string_view>> tags;
    std::vector<std::pair<std::string_view, std::string_view>> labels;
};

simdjson::error_code readAttributes(simdjson::ondemand::object object, Attributes *out)
{
    out->present = true;
    for (auto field : object) {
        std::string_view key;
        if (auto e = field.unescaped_key().get(key))
            return e;
        if (key == "site") {
            std::string_view site;
            if (field.value().get_string().get(site) == simdjson::SUCCESS)
                out->site = site;
        } else if (key.starts_with("tag_")) {
            std::string_view tag;
            // Only string values are tags (a null tag attribute is no tag).
            if (field.value().get_string().get(tag) == simdjson::SUCCESS)
                out->tags.emplace_back(key.substr(4), tag);
        } else if (key == "labels") {
            simdjson::ondemand::object labels;
            if (field.value().get_object().get(labels) != simdjson::SUCCESS)
                continue;
            for (auto label : labels) {
                std::string_view k;
                std::string_view v;
                if (auto e = label.unescaped_key().get(k))
                    return e;
                if (label.value().get_string().get(v) == simdjson::SUCCESS)
                    out->labels.emplace_back(k, v);
            }
        }
    }
    return simdjson::SUCCESS;
}

} // namespace

std::shared_ptr<const Inventory> HostInventoryReader::read(const QByteArray &body, ApiError *error)
{
    const auto tr = [](const char *s) {
        return QCoreApplication::translate("SiteReplyReader", s);
    };
    // simdjson reads a few bytes past the end: use the reply's own buffer when it has the room,
    // else one padded copy.
    simdjson::padded_string copy;
    simdjson::padded_string_view input;
    if (body.capacity() - body.size() >= qsizetype(simdjson::SIMDJSON_PADDING)) {
        input = simdjson::padded_string_view(body.constData(), size_t(body.size()),
                                             size_t(body.capacity()));
    } else {
        copy = simdjson::padded_string(body.constData(), size_t(body.size()));
        input = copy;
    }
    simdjson::ondemand::parser parser;
    simdjson::ondemand::document doc;
    InventoryBuilder builder;
    qsizetype index = 0;
    bool sawValue = false;
    const auto fail = [&](simdjson::error_code code) {
        *error = malformed(tr("The host list is not valid JSON: %1 (host entry %2).")
                               .arg(QString::fromUtf8(simdjson::error_message(code)))
                               .arg(index));
        return nullptr;
    };
    if (auto e = parser.iterate(input).get(doc))
        return fail(e);
    simdjson::ondemand::object root;
    if (auto e = doc.get_object().get(root))
        return fail(e);
    for (auto rootField : root) {
        std::string_view rootKey;
        if (auto e = rootField.unescaped_key().get(rootKey))
            return fail(e);
        if (rootKey != "value")
            continue;
        simdjson::ondemand::array value;
        if (rootField.value().get_array().get(value) != simdjson::SUCCESS)
            break;
        sawValue = true;
        for (auto element : value) {
            simdjson::ondemand::object entry;
            if (auto e = element.get_object().get(entry))
                return fail(e);
            std::string_view name;
            std::string_view folder;
            Attributes attributes;
            Attributes effective;
            std::vector<std::string_view> groups;
            bool groupsKnown = false;
            for (auto field : entry) {
                std::string_view key;
                if (auto e = field.unescaped_key().get(key))
                    return fail(e);
                if (key == "id") {
                    if (field.value().get_string().get(name) != simdjson::SUCCESS)
                        name = {};
                    continue;
                }
                if (key != "extensions")
                    continue;
                simdjson::ondemand::object ext;
                if (field.value().get_object().get(ext) != simdjson::SUCCESS)
                    continue;
                for (auto extField : ext) {
                    std::string_view extKey;
                    if (auto e = extField.unescaped_key().get(extKey))
                        return fail(e);
                    if (extKey == "folder") {
                        if (extField.value().get_string().get(folder) != simdjson::SUCCESS)
                            folder = {};
                    } else if (extKey == "attributes" || extKey == "effective_attributes") {
                        simdjson::ondemand::object attrs;
                        if (extField.value().get_object().get(attrs) != simdjson::SUCCESS)
                            continue;
                        if (auto e = readAttributes(
                                attrs, extKey == "attributes" ? &attributes : &effective))
                            return fail(e);
                    } else if (extKey == "host_groups") {
                        simdjson::ondemand::array array;
                        if (extField.value().get_array().get(array) != simdjson::SUCCESS)
                            continue;
                        groupsKnown = true;
                        for (auto g : array) {
                            std::string_view group;
                            if (g.get_string().get(group) == simdjson::SUCCESS)
                                groups.push_back(group);
                        }
                    }
                }
            }
            if (name.empty()) {
                *error = malformed(tr("host_config entry %1 has no \"id\".").arg(index));
                return nullptr;
            }
            // The effective attributes hold what folders pass down; the host's own only
            // when the site did not send them.
            const Attributes &attrs = effective.present ? effective : attributes;
            builder.beginHost(text(name));
            builder.setFolder(text(folder));
            builder.setSite(text(attrs.site));
            for (const auto &[group, tag] : attrs.tags)
                builder.addTag(text(group), text(tag));
            for (const auto &[k, v] : attrs.labels)
                builder.addLabel(text(k), text(v));
            for (const std::string_view g : groups)
                builder.addGroup(text(g));
            if (groupsKnown)
                builder.setGroupsKnown();
            builder.endHost();
            ++index;
        }
    }
    if (!sawValue) {
        *error = malformed(tr("host_config collection: expected an array \"value\"."));
        return nullptr;
    }
    return builder.finish();
}
