#include "RuleEndpoints.h"

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

// Reads properties, value_raw and conditions into the rule; a problem reply when they are off.
std::optional<DemoReply> readRule(const QJsonObject &body, DemoDeployment::Rule &rule,
                                  bool requireValue)
{
    const auto bad = [](const QString &field, const QString &message) {
        return DemoReply::problem(400, u"Bad Request"_s, u"These fields have problems: "_s + field,
                                  { { field, QJsonArray { message } } });
    };
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
        rule.properties = body.value(u"properties"_s).toObject();
    }
    if (body.contains(u"conditions"_s)) {
        if (!body.value(u"conditions"_s).isObject())
            return bad(u"conditions"_s, u"Not a valid mapping type."_s);
        rule.conditions = body.value(u"conditions"_s).toObject();
    }
    if (body.contains(u"folder"_s))
        rule.folder = normalFolder(body.value(u"folder"_s).toString());
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
            value.append(ruleObject(rules.at(i), i));
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
        if (auto problem = readRule(body, rule, true))
            return *problem;
        state.deployment.configured.rules.append(rule);
        ++state.deployment.revision;
        state.recordChange(
            request.user, u"new-rule"_s,
            u"Created new rule #%1 in ruleset \"Agent updater (Linux, Windows, Solaris)\" in folder \"%2\"."_s
                .arg(state.deployment.configured.rules.size() - 1)
                .arg(rule.folder));
        return DemoReply::json(ruleObject(rule, int(state.deployment.configured.rules.size()) - 1))
            .withEtag(ruleEtag(rule));
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
        return DemoReply::json(ruleObject(rule, index)).withEtag(ruleEtag(rule));
    });
    router.add("PUT", object, [&state, find, checkEtag](DemoRequest &request) {
        int index = -1;
        if (auto problem = find(request, &index))
            return *problem;
        if (auto problem = checkEtag(request, index))
            return *problem;
        DemoDeployment::Rule rule = state.deployment.configured.rules.at(index);
        if (auto problem = readRule(request.json().object(), rule, false))
            return *problem;
        state.deployment.configured.rules[index] = rule;
        ++state.deployment.revision;
        state.recordChange(
            request.user, u"edit-rule"_s,
            u"Changed properties of rule #%1 in ruleset \"Agent updater\" in folder \"%2\"."_s
                .arg(index)
                .arg(rule.folder));
        return DemoReply::json(ruleObject(rule, index)).withEtag(ruleEtag(rule));
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
}
