#pragma once

#include <QString>

struct DemoReply;
class DemoRequest;
class DemoRouter;
class DemoState;

// Extension: the automatic-update settings of a distributed set-up, as global settings
// (GET/PUT /api/internal/objects/global_setting/{varname}) and as site-specific global settings
// (GET/PUT/DELETE /api/internal/objects/site_connection/{site_id}/global_setting/{varname}). Not
// on a stock site.
class SiteSettingEndpoints final
{
public:
    static void install(DemoRouter &router, DemoState &state);
    // The global value's GET and PUT, called by GlobalSettingEndpoints for these names.
    static DemoReply get(DemoState &state, const QString &site, const QString &varname);
    static DemoReply put(DemoState &state, DemoRequest &request, const QString &site,
                         const QString &varname);
};
