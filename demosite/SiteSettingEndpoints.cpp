#include "SiteSettingEndpoints.h"

#include <QJsonArray>

#include <optional>

#include "DemoRouter.h"
#include "DemoState.h"

using namespace Qt::StringLiterals;

namespace {

const QString sitePath
    = u"/check_mk/api/internal/objects/site_connection/{site_id}/global_setting/{varname}"_s;

DemoReply unknown(const QString &varname)
{
    return DemoReply::problem(404, u"Not Found"_s, u"Unknown global setting: %1"_s.arg(varname));
}

// The 404 of site_connection for a site the set-up does not have.
DemoReply unknownSite(const QString &site)
{
    return DemoReply::problem(404, u"Not Found"_s,
                              u"Site connection '%1' does not exist."_s.arg(site));
}

// 428 or 412, or nothing when the If-Match fits.
std::optional<DemoReply> preconditionFails(DemoState &state, DemoRequest &request,
                                           const QString &site, const QString &varname)
{
    const QByteArray ifMatch = request.header("if-match");
    if (ifMatch.isEmpty())
        return DemoReply::problem(
            428, u"Precondition required"_s,
            u"If-Match header required for this operation. See documentation."_s);
    if (ifMatch != "*" && ifMatch != '"' + state.siteSettings.etag(site, varname) + '"')
        return DemoReply::problem(
            412, u"Precondition failed"_s,
            u"ETag didn't match. Probable cause: Object changed by another user."_s);
    return std::nullopt;
}

} // namespace

DemoReply SiteSettingEndpoints::get(DemoState &state, const QString &site, const QString &varname)
{
    if (!DemoSiteSettings::known(varname))
        return unknown(varname);
    const DemoSiteSettings &s = state.siteSettings;
    QJsonObject body { { u"varname"_s, varname } };
    if (site.isEmpty()) {
        body.insert(u"value"_s, s.global(varname));
        body.insert(u"is_default"_s, s.globalIsDefault(varname));
    } else {
        body.insert(u"site_id"_s, site);
        body.insert(u"value"_s, s.effective(site, varname));
        // For a site: true while it follows the global value.
        body.insert(u"is_default"_s, !s.hasSiteValue(site, varname));
    }
    return DemoReply::json(body).withEtag(s.etag(site, varname));
}

DemoReply SiteSettingEndpoints::put(DemoState &state, DemoRequest &request, const QString &site,
                                    const QString &varname)
{
    if (!DemoSiteSettings::known(varname))
        return unknown(varname);
    if (auto failed = preconditionFails(state, request, site, varname))
        return *failed;
    const QJsonObject body = request.json().object();
    if (!body.contains(u"value"_s))
        return DemoReply::problem(
            400, u"Bad Request"_s, u"These fields have problems: value"_s,
            { { u"value"_s, QJsonArray { u"Missing data for required field."_s } } });
    const QJsonValue value = body.value(u"value"_s);
    if (!value.isObject())
        return DemoReply::problem(
            400, u"Bad Request"_s, u"These fields have problems: value"_s,
            { { u"value"_s, QJsonArray { u"Not a valid mapping type."_s } } });
    QString field;
    const QString error = DemoSiteSettings::validate(varname, value.toObject(), &field);
    if (!error.isEmpty())
        return DemoReply::problem(400, u"Bad Request"_s,
                                  u"These fields have problems: value.%1"_s.arg(field),
                                  { { u"value."_s + field, QJsonArray { error } } });
    if (site.isEmpty()) {
        state.siteSettings.setGlobal(varname, value.toObject());
        state.recordChange(request.user, u"edit-configvar"_s,
                           u"Changed Configuration variable %1."_s.arg(varname));
    } else {
        state.siteSettings.setSiteValue(site, varname, value.toObject());
        state.recordChange(
            request.user, u"edit-configvar"_s,
            u"Changed site specific configuration variable %1 of site %2."_s.arg(varname, site),
            { site });
    }
    return get(state, site, varname);
}

void SiteSettingEndpoints::install(DemoRouter &router, DemoState &state)
{
    // The central site knows each remote site's URL only from --remote: that is the site's own
    // value of the site URL until somebody changes it.
    for (const DemoSiteOptions::RemoteSite &remote : state.options().remotes)
        state.siteSettings.setSiteValue(
            remote.name, DemoSiteSettings::siteUrl,
            { { u"url"_s, remote.url.toString() }, { u"certificates"_s, QJsonArray {} } });

    router.add("GET", sitePath, [&state](DemoRequest &request) {
        const QString site = request.param(u"site_id"_s);
        if (!state.inventory.sites.contains(site) && site != state.siteName())
            return unknownSite(site);
        return get(state, site, request.param(u"varname"_s));
    });
    router.add("PUT", sitePath, [&state](DemoRequest &request) {
        const QString site = request.param(u"site_id"_s);
        if (!state.inventory.sites.contains(site) && site != state.siteName())
            return unknownSite(site);
        return put(state, request, site, request.param(u"varname"_s));
    });
    router.add("DELETE", sitePath, [&state](DemoRequest &request) {
        const QString site = request.param(u"site_id"_s);
        const QString varname = request.param(u"varname"_s);
        if (!state.inventory.sites.contains(site) && site != state.siteName())
            return unknownSite(site);
        if (!DemoSiteSettings::known(varname))
            return unknown(varname);
        if (auto failed = preconditionFails(state, request, site, varname))
            return *failed;
        if (state.siteSettings.hasSiteValue(site, varname)) {
            state.siteSettings.resetSiteValue(site, varname);
            state.recordChange(
                request.user, u"edit-configvar"_s,
                u"Reset site specific configuration variable %1 of site %2."_s.arg(varname, site),
                { site });
        }
        return DemoReply::noContent();
    });
}
