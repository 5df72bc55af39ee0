#pragma once

#include <QJsonDocument>
#include <QList>

#include <optional>

#include "ApiError.h"
#include "Host.h"
#include "SiteVersion.h"

// Reads the site's REST replies into domain values. A reply that does not have the promised
// shape is an ApiError (Kind::MalformedReply) naming what is missing, never a crash.
class SiteReplyReader final
{
public:
    static std::optional<SiteVersion> version(const QJsonDocument &doc, ApiError *error);
    // GET /domain-types/host_config/collections/all?effective_attributes=true
    static std::optional<QList<Host>> hosts(const QJsonDocument &doc, ApiError *error);
    // Number of entries of any collection reply (value[]).
    static std::optional<int> collectionSize(const QJsonDocument &doc, ApiError *error);
};
