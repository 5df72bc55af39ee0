#include "RuleEndpoints.h"

#include <QRegularExpression>
#include <QUrl>
#include <QUuid>

#include "DemoRouter.h"
#include "DemoState.h"

using namespace Qt::StringLiterals;

namespace {

const QString base = u"/check_mk/api/1.0"_s;

QString normalFolder(QString folder)
{
    folder.replace(u'~', u'/');
    if (!folder.startsWith(u'/'))
        folder.prepend(u'/');
    if (folder.size() > 1 && folder.endsWith(u'/'))
        folder.chop(1);
    return folder;
}

// The rule's position among the rules of its own folder, as folder_index says on a real site.
int folderIndex(const QList<DemoDeployment::Rule> &rules, int index)
{
    int n = 0;
    for (int i = 0; i < index; ++i)
        n += rules.at(i).folder == rules.at(index).folder;
    return n;
}

QJsonObject ruleObject(const DemoDeployment::Rule &rule, int index)
{
    const QJsonObject ext { { u"ruleset"_s, QString::fromLatin1(RuleEndpoints::ruleset) },
                            { u"folder"_s, rule.folder },
                            { u"folder_index"_s, index },
                            { u"properties"_s, rule.properties },
                            { u"value_raw"_s, rule.valueRaw },
                            { u"conditions"_s, rule.conditions } };
    return DemoReply::object(u"rule"_s, rule.id, rule.properties.value(u"description"_s).toString(),
                             ext, base);
}

QByteArray ruleEtag(const DemoDeployment::Rule &rule)
{
    return DemoReply::etagOf(QJsonDocument(ruleObject(rule, 0)).toJson(QJsonDocument::Compact));
}

DemoReply badField(const QString &field, const QString &message)
{
    return DemoReply::problem(400, u"Bad Request"_s, u"These fields have problems: "_s + field,
                              { { field, QJsonArray { message } } });
}

// The REST API's folder pattern (InputRuleObject.folder, MoveToFolder.folder).
bool validFolder(const QString &folder)
{
    static const QRegularExpression pattern(
        uR"(^(?:(?:[~\\\/]|(?:[~\\\/][-_ a-zA-Z0-9.]+)+[~\\\/]?)|[0-9a-fA-F]{32})$)"_s);
    return pattern.match(folder).hasMatch();
}

// InputConditions as the OpenAPI document describes them; the message names what is wrong.
QString conditionsProblem(const QJsonObject &conditions)
{
    static const QStringList known { u"host_name"_s, u"host_tags"_s, u"host_label_groups"_s,
                                     u"service_label_groups"_s, u"service_description"_s };
    for (auto it = conditions.begin(); it != conditions.end(); ++it) {
        if (!known.contains(it.key()))
            return u"%1: Unknown field."_s.arg(it.key());
    }
    for (const QString &key : { u"host_name"_s, u"service_description"_s }) {
        if (!conditions.contains(key))
            continue;
        const QJsonObject o = conditions.value(key).toObject();
        if (!o.value(u"match_on"_s).isArray())
            return u"%1.match_on: Missing data for required field."_s.arg(key);
        for (const QJsonValue &v : o.value(u"match_on"_s).toArray()) {
            if (!v.isString() || v.toString().isEmpty())
                return u"%1.match_on: Shorter than minimum length 1."_s.arg(key);
        }
        const QString op = o.value(u"operator"_s).toString();
        if (op != u"one_of"_s && op != u"none_of"_s)
            return u"%1.operator: Must be one of: one_of, none_of."_s.arg(key);
    }
    for (const QJsonValue &t : conditions.value(u"host_tags"_s).toArray()) {
        const QJsonObject tag = t.toObject();
        const QString op = tag.value(u"operator"_s).toString();
        if (!tag.value(u"key"_s).isString())
            return u"host_tags.key: Missing data for required field."_s;
        if (op == u"is"_s || op == u"is_not"_s) {
            if (!tag.value(u"value"_s).isString())
                return u"host_tags.value: Not a valid string."_s;
        } else if (op == u"one_of"_s || op == u"none_of"_s) {
            if (!tag.value(u"value"_s).isArray())
                return u"host_tags.value: Not a valid list."_s;
        } else {
            return u"host_tags.operator: Must be one of: is, is_not, one_of, none_of."_s;
        }
    }
    for (const QString &key : { u"host_label_groups"_s, u"service_label_groups"_s }) {
        for (const QJsonValue &g : conditions.value(key).toArray()) {
            const QJsonObject group = g.toObject();
            const QString gop = group.value(u"operator"_s).toString(u"and"_s);
            if (gop != u"and"_s && gop != u"or"_s && gop != u"not"_s)
                return u"%1.operator: Must be one of: and, or, not."_s.arg(key);
            if (!group.value(u"label_group"_s).isArray())
                return u"%1.label_group: Missing data for required field."_s.arg(key);
            for (const QJsonValue &l : group.value(u"label_group"_s).toArray()) {
                const QJsonObject label = l.toObject();
                const QString lop = label.value(u"operator"_s).toString();
                if (lop != u"and"_s && lop != u"or"_s && lop != u"not"_s)
                    return u"%1.label_group.operator: Must be one of: and, or, not."_s.arg(key);
                if (!label.value(u"label"_s).isString())
                    return u"%1.label_group.label: Missing data for required field."_s.arg(key);
            }
        }
    }
    return {};
}

QString propertiesProblem(const QJsonObject &properties)
{
    for (auto it = properties.begin(); it != properties.end(); ++it) {
        if (it.key() == u"disabled"_s) {
            if (!it->isBool())
                return u"disabled: Not a valid boolean."_s;
        } else if (it.key() == u"description"_s || it.key() == u"comment"_s
                   || it.key() == u"documentation_url"_s) {
            if (!it->isString())
                return u"%1: Not a valid string."_s.arg(it.key());
        } else {
            return u"%1: Unknown field."_s.arg(it.key());
        }
    }
    const QString url = properties.value(u"documentation_url"_s).toString();
    if (!url.isEmpty()) {
        const QUrl u(url, QUrl::StrictMode);
        if (!u.isValid() || u.scheme().isEmpty() || u.host().isEmpty())
            return u"documentation_url: Not a valid URL."_s;
    }
    return {};
}

// Reads properties, value_raw and conditions into the rule; a problem reply when they are off.
// `allowed`: the body's fields (a PUT takes no folder or ruleset: rules move with the action).
std::optional<DemoReply> readRule(const QJsonObject &body, DemoDeployment::Rule &rule,
                                  bool requireValue, const QStringList &allowed)
{
    const auto bad = [](const QString &field, const QString &message) {
        return badField(field, message);
    };
    for (auto it = body.begin(); it != body.end(); ++it) {
        if (!allowed.contains(it.key()))
            return bad(it.key(), u"Unknown field."_s);
    }
    if (body.contains(u"value_raw"_s)) {
        const QString raw = body.value(u"value_raw"_s).toString().trimmed();
        if (!raw.startsWith(u'{') || !raw.endsWith(u'}'))
            return bad(u"value_raw"_s, u"Expected a Python dictionary literal."_s);
        rule.valueRaw = raw;
    } else if (requireValue) {
        return bad(u"value_raw"_s, u"Missing data for required field."_s);
    }
    if (body.contains(u"properties"_s)) {
        if (!body.value(u"properties"_s).isObject())
            return bad(u"properties"_s, u"Not a valid mapping type."_s);
        if (const QString p = propertiesProblem(body.value(u"properties"_s).toObject());
            !p.isEmpty())
            return bad(u"properties"_s, p);
        rule.properties = body.value(u"properties"_s).toObject();
    }
    if (body.contains(u"conditions"_s)) {
        if (!body.value(u"conditions"_s).isObject())
            return bad(u"conditions"_s, u"Not a valid mapping type."_s);
        if (const QString p = conditionsProblem(body.value(u"conditions"_s).toObject());
            !p.isEmpty())
            return bad(u"conditions"_s, p);
        rule.conditions = body.value(u"conditions"_s).toObject();
    }
    if (body.contains(u"folder"_s)) {
        if (!validFolder(body.value(u"folder"_s).toString()))
            return bad(u"folder"_s,
                       u"%1 does not match pattern."_s.arg(body.value(u"folder"_s).toString()));
        rule.folder = normalFolder(body.value(u"folder"_s).toString());
    }
    return std::nullopt;
}

} // namespace

void RuleEndpoints::install(DemoRouter &router, DemoState &state)
{
    const QString collection = base + u"/domain-types/rule/collections/all"_s;
    router.add("GET", collection, [&state](DemoRequest &request) {
        const QString name = request.queryValue(u"ruleset_name"_s);
        if (name.isEmpty())
            return DemoReply::problem(
                400, u"Bad Request"_s, u"These fields have problems: ruleset_name"_s,
                { { u"ruleset_name"_s, QJsonArray { u"Missing data for required field."_s } } });
        // A real site answers an unknown ruleset with 400 (the document lists no 404 here).
        if (name != QLatin1StringView(ruleset))
            return DemoReply::problem(
                400, u"Bad Request"_s, u"These fields have problems: ruleset_name"_s,
                { { u"ruleset_name"_s, QJsonArray { u"Unknown ruleset: %1"_s.arg(name) } } });
        QJsonArray value;
        const auto &rules = state.deployment.configured.rules;
        for (int i = 0; i < rules.size(); ++i)
            value.append(ruleObject(rules.at(i), folderIndex(rules, i)));
        return DemoReply::json(DemoReply::collection(u"rule"_s, value, base));
    });
    router.add("POST", collection, [&state](DemoRequest &request) {
        const QJsonObject body = request.json().object();
        if (body.value(u"ruleset"_s).toString() != QLatin1StringView(ruleset))
            return DemoReply::problem(
                400, u"Bad Request"_s, u"These fields have problems: ruleset"_s,
                { { u"ruleset"_s,
                    QJsonArray {
                        u"This demo site serves agent_config:cmk_update_agent only."_s } } });
        // InputRuleObject requires folder; the folder must exist.
        if (!body.value(u"folder"_s).isString())
            return DemoReply::problem(
                400, u"Bad Request"_s, u"These fields have problems: folder"_s,
                { { u"folder"_s, QJsonArray { u"Missing data for required field."_s } } });
        if (!state.inventory.hasFolder(normalFolder(body.value(u"folder"_s).toString())))
            return DemoReply::problem(400, u"Bad Request"_s,
                                      u"These fields have problems: folder"_s,
                                      { { u"folder"_s,
                                          QJsonArray { u"The folder %1 could not be found."_s.arg(
                                              body.value(u"folder"_s).toString()) } } });
        DemoDeployment::Rule rule;
        rule.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        rule.properties = QJsonObject { { u"disabled"_s, false } };
        if (!body.contains(u"folder"_s))
            return badField(u"folder"_s, u"Missing data for required field."_s);
        if (auto problem = readRule(
                body, rule, true,
                { u"ruleset"_s, u"folder"_s, u"properties"_s, u"value_raw"_s, u"conditions"_s }))
            return *problem;
        // A new rule goes to the bottom of its folder.
        auto &rules = state.deployment.configured.rules;
        int at = int(rules.size());
        for (int i = 0; i < rules.size(); ++i) {
            if (rules.at(i).folder == rule.folder)
                at = i + 1;
        }
        rules.insert(at, rule);
        ++state.deployment.revision;
        state.recordChange(
            request.user, u"new-rule"_s,
            u"Created new rule #%1 in ruleset \"Agent updater (Linux, Windows, Solaris)\" in folder \"%2\"."_s
                .arg(state.deployment.configured.rules.size() - 1)
                .arg(rule.folder));
        return DemoReply::json(ruleObject(rule, folderIndex(rules, at))).withEtag(ruleEtag(rule));
    });
    const QString object = base + u"/objects/rule/{rule_id}"_s;
    const auto find = [&state](DemoRequest &request, int *index) -> std::optional<DemoReply> {
        *index = state.deployment.ruleIndex(request.param(u"rule_id"_s));
        if (*index < 0)
            return DemoReply::problem(
                404, u"Not Found"_s,
                u"The rule with id %1 could not be found."_s.arg(request.param(u"rule_id"_s)));
        return std::nullopt;
    };
    const auto checkEtag = [&state](DemoRequest &request, int index) -> std::optional<DemoReply> {
        const QByteArray ifMatch = request.header("if-match");
        if (ifMatch.isEmpty())
            return DemoReply::problem(
                428, u"Precondition required"_s,
                u"If-Match header required for this operation. See documentation."_s);
        if (ifMatch != "*"
            && ifMatch != '"' + ruleEtag(state.deployment.configured.rules.at(index)) + '"')
            return DemoReply::problem(
                412, u"Precondition failed"_s,
                u"ETag didn't match. Probable cause: Object changed by another user."_s);
        return std::nullopt;
    };
    router.add("GET", object, [&state, find](DemoRequest &request) {
        int index = -1;
        if (auto problem = find(request, &index))
            return *problem;
        const auto &rule = state.deployment.configured.rules.at(index);
        return DemoReply::json(
                   ruleObject(rule, folderIndex(state.deployment.configured.rules, index)))
            .withEtag(ruleEtag(rule));
    });
    router.add("PUT", object, [&state, find, checkEtag](DemoRequest &request) {
        int index = -1;
        if (auto problem = find(request, &index))
            return *problem;
        if (auto problem = checkEtag(request, index))
            return *problem;
        DemoDeployment::Rule rule = state.deployment.configured.rules.at(index);
        if (auto problem = readRule(request.json().object(), rule, true,
                                    { u"properties"_s, u"value_raw"_s, u"conditions"_s }))
            return *problem;
        state.deployment.configured.rules[index] = rule;
        ++state.deployment.revision;
        state.recordChange(
            request.user, u"edit-rule"_s,
            u"Changed properties of rule #%1 in ruleset \"Agent updater\" in folder \"%2\"."_s
                .arg(index)
                .arg(rule.folder));
        return DemoReply::json(
                   ruleObject(rule, folderIndex(state.deployment.configured.rules, index)))
            .withEtag(ruleEtag(rule));
    });
    // A real site deletes a rule without If-Match (the document lists neither 412 nor 428).
    router.add("DELETE", object, [&state, find](DemoRequest &request) {
        int index = -1;
        if (auto problem = find(request, &index))
            return *problem;
        const DemoDeployment::Rule rule = state.deployment.configured.rules.takeAt(index);
        ++state.deployment.revision;
        state.recordChange(
            request.user, u"edit-rule"_s,
            u"Deleted rule #%1 in ruleset \"Agent updater\" in folder \"%2\"."_s.arg(index).arg(
                rule.folder));
        return DemoReply::noContent();
    });
    // MoveRuleTo: the only way to change a rule's folder or its place in the order.
    router.add(
        "POST", object + u"/actions/move/invoke"_s,
        [&state, find, checkEtag](DemoRequest &request) {
            int index = -1;
            if (auto problem = find(request, &index))
                return *problem;
            if (auto problem = checkEtag(request, index))
                return *problem;
            const QJsonObject body = request.json().object();
            const QString position = body.value(u"position"_s).toString();
            auto &rules = state.deployment.configured.rules;
            DemoDeployment::Rule rule = rules.at(index);
            int target = -1; // index in the list without the moved rule
            QList<DemoDeployment::Rule> rest = rules;
            rest.removeAt(index);
            if (position == u"top_of_folder"_s || position == u"bottom_of_folder"_s) {
                for (auto it = body.begin(); it != body.end(); ++it) {
                    if (it.key() != u"position"_s && it.key() != u"folder"_s)
                        return badField(it.key(), u"Unknown field."_s);
                }
                if (!body.value(u"folder"_s).isString())
                    return badField(u"folder"_s, u"Missing data for required field."_s);
                if (!validFolder(body.value(u"folder"_s).toString()))
                    return badField(
                        u"folder"_s,
                        u"%1 does not match pattern."_s.arg(body.value(u"folder"_s).toString()));
                rule.folder = normalFolder(body.value(u"folder"_s).toString());
                if (!state.inventory.hasFolder(rule.folder))
                    return badField(u"folder"_s,
                                    u"The folder %1 could not be found."_s.arg(
                                        body.value(u"folder"_s).toString()));
                const bool top = position == u"top_of_folder"_s;
                for (int i = 0; i < rest.size(); ++i) {
                    if (rest.at(i).folder != rule.folder)
                        continue;
                    if (top) {
                        target = i;
                        break;
                    }
                    target = i + 1;
                }
                if (target < 0)
                    target = int(rest.size());
            } else if (position == u"before_specific_rule"_s
                       || position == u"after_specific_rule"_s) {
                for (auto it = body.begin(); it != body.end(); ++it) {
                    if (it.key() != u"position"_s && it.key() != u"rule_id"_s)
                        return badField(it.key(), u"Unknown field."_s);
                }
                const QString other = body.value(u"rule_id"_s).toString();
                if (other.isEmpty())
                    return badField(u"rule_id"_s, u"Missing data for required field."_s);
                if (other == rule.id)
                    return badField(u"rule_id"_s, u"A rule cannot be moved relative to itself."_s);
                int at = -1;
                for (int i = 0; i < rest.size(); ++i) {
                    if (rest.at(i).id == other)
                        at = i;
                }
                if (at < 0)
                    return badField(u"rule_id"_s,
                                    u"The rule with id %1 could not be found."_s.arg(other));
                rule.folder = rest.at(at).folder;
                target = position == u"before_specific_rule"_s ? at : at + 1;
            } else {
                return badField(u"position"_s,
                                u"Must be one of: top_of_folder, bottom_of_folder, "
                                "before_specific_rule, after_specific_rule."_s);
            }
            rest.insert(target, rule);
            rules = rest;
            ++state.deployment.revision;
            state.recordChange(
                request.user, u"edit-rule"_s,
                u"Moved rule %1 in ruleset \"Agent updater\" to folder \"%2\"."_s.arg(rule.id,
                                                                                      rule.folder));
            return DemoReply::json(ruleObject(rule, folderIndex(rules, target)))
                .withEtag(ruleEtag(rule));
        });
}
