#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

#include "ApiError.h"
#include "UpdateStatusParser.h"

// The per-host update status of a stock site, which has no update-status endpoint: read from
// the "Check_MK Agent" service of every host (POST /domain-types/service/collections/all), whose
// output the site writes from the updater's <<<cmk_update_agent_status>>> section. What the
// output says is taken as it is: the error ("Update error: …", "… globally disabled", "agent
// updates are disabled for host …"), "Last update check", "Last update", "Agent configuration"
// (installed hash) and "Pending installation" (downloaded target). The target hash of a host is
// not in it: known only while an update is pending. Pure; meant to run in a worker.
class ServiceStatusReader final
{
public:
    static QJsonObject requestBody(); // columns and the Livestatus query
    static std::optional<UpdateStatusParser::Result> parse(const QByteArray &bytes,
                                                           ApiError *error);
};
