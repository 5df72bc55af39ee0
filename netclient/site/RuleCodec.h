#pragma once

#include <QJsonObject>

#include <optional>

#include "AgentUpdaterRule.h"
#include "ApiError.h"
#include "RulePosition.h"

// The REST API's rule objects and request bodies, read into AgentUpdaterRule and written back
// from it. Every part of a rule this console does not edit is written back as it was read, and
// a rule saved unchanged sends exactly what the site sent.
class RuleCodec final
{
public:
    static constexpr const char *ruleset = "agent_config:cmk_update_agent";

    // One rule object {id, extensions {folder, folder_index, properties, value_raw, conditions}}.
    static std::optional<AgentUpdaterRule> read(const QJsonObject &object, ApiError *error);
    // PUT /objects/rule/{id}: UpdateRuleObject {properties, value_raw, conditions}.
    static QJsonObject updateBody(const AgentUpdaterRule &rule);
    // POST /domain-types/rule/collections/all: InputRuleObject, with ruleset and folder.
    static QJsonObject createBody(const AgentUpdaterRule &rule);
    // POST /objects/rule/{id}/actions/move/invoke: MoveRuleTo.
    static QJsonObject moveBody(const RulePosition &position);
    // The parts of the request bodies on their own (the round-trip tests compare them).
    static QJsonObject propertiesJson(const RuleProperties &properties);
    static QJsonObject conditionsJson(const RuleConditions &conditions);
    static QString valueRaw(const AgentUpdaterRule &rule);
    // "/linux/web" (how rules show folders) -> "~linux~web" (the REST API's default form).
    static QString apiFolder(const QString &folder);
};
