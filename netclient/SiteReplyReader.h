#pragma once

#include <QJsonDocument>
#include <QList>

#include <optional>

#include "AgentUpdaterRule.h"
#include "ApiError.h"
#include "BakedAgent.h"
#include "DeploymentStatus.h"
#include "Host.h"
#include "Prerequisites.h"
#include "SignatureKey.h"
#include "SiteVersion.h"
#include "TagGroup.h"

// Reads the site's REST replies into domain values. A reply that does not have the promised
// shape is an ApiError (Kind::MalformedReply) naming what is missing, never a crash.
class SiteReplyReader final
{
public:
    static std::optional<SiteVersion> version(const QJsonDocument &doc, ApiError *error);
    // GET /domain-types/host_config/collections/all?effective_attributes=true
    static std::optional<QList<Host>> hosts(const QJsonDocument &doc, ApiError *error);
    // The same from the reply's bytes: tens of megabytes at 100,000 hosts, so call it in a
    // worker thread (with RestRequest::parseJson off).
    static std::optional<QList<Host>> hosts(const QByteArray &body, ApiError *error);
    // GET /domain-types/rule/collections/all?ruleset_name=agent_config:cmk_update_agent; each
    // rule's value_raw is read as a Python literal.
    static std::optional<QList<AgentUpdaterRule>> rules(const QJsonDocument &doc, ApiError *error);
    // Extension: GET /domain-types/agent_signature_key/collections/all
    static std::optional<QList<SignatureKey>> signatureKeys(const QJsonDocument &doc,
                                                            ApiError *error);
    // GET /domain-types/agent/collections/all: hashes and the keys that signed each agent.
    static std::optional<QList<Prerequisites::AgentInfo>> agents(const QJsonDocument &doc,
                                                                 ApiError *error);
    // The same collection with everything the agents page shows (extension fields included).
    static std::optional<QList<BakedAgent>> bakedAgents(const QJsonDocument &doc, ApiError *error);
    // GET /domain-types/agent/actions/baking_status/invoke
    static std::optional<BakingJob> bakingJob(const QJsonDocument &doc, ApiError *error);
    // GET /domain-types/agent/actions/automatic-deployment/invoke: an ActionResultObject; its
    // result.value must be an object, each field of it is taken only when it is a boolean.
    static std::optional<DeploymentStatus> deploymentStatus(const QJsonDocument &doc,
                                                            ApiError *error);
    // The value of a global setting {varname, value, is_default}.
    static std::optional<QJsonValue> globalSetting(const QJsonDocument &doc, ApiError *error);
    // GET /domain-types/host_tag_group/collections/all
    static std::optional<QList<TagGroup>> tagGroups(const QJsonDocument &doc, ApiError *error);
    // The ids of any collection's entries (host groups, sites, ...).
    static std::optional<QStringList> ids(const QJsonDocument &doc, ApiError *error);
    // Number of entries of any collection reply (value[]).
    static std::optional<int> collectionSize(const QJsonDocument &doc, ApiError *error);
};
