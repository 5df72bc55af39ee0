#include "GlobalSettingEndpoints.h"

#include "DemoRouter.h"
#include "DemoState.h"
#include "SiteSettingEndpoints.h"

using namespace Qt::StringLiterals;

namespace {

const QString path = u"/check_mk/api/internal/objects/global_setting/{varname}"_s;
const QString enabledVar = u"agent_deployment_enabled"_s;
const QString selectionVar = u"agent_deployment_host_selection"_s;

QJsonValue valueOf(const DemoDeployment::Config &c, const QString &var)
{
    return var == enabledVar ? QJsonValue(c.enabled) : QJsonValue(c.hostSelection);
}

QByteArray etagOf(const DemoDeployment::Config &c, const QString &var)
{
    const QJsonObject o { { var, valueOf(c, var) } };
    return DemoReply::etagOf(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

// Checks a host selection as the site's valuespec does; empty string when fine.
QString selectionError(const QJsonObject &selection, QString *field)
{
    static const QStringList lists { u"match_site"_s, u"match_folders"_s, u"match_hostgroups"_s,
                                     u"match_hosts"_s, u"match_exclude_hosts"_s };
    static const QStringList maps { u"match_hosttags"_s, u"match_hostlabels"_s };
    for (auto it = selection.begin(); it != selection.end(); ++it) {
        *field = it.key();
        if (lists.contains(it.key())) {
            if (!it->isArray())
                return u"Expected a list of strings."_s;
            for (const QJsonValue &v : it->toArray()) {
                if (!v.isString())
                    return u"Expected a list of strings."_s;
            }
        } else if (maps.contains(it.key())) {
            if (!it->isObject())
                return u"Expected an object of strings."_s;
            for (const QJsonValue &v : it->toObject()) {
                if (!v.isString())
                    return u"Expected an object of strings."_s;
            }
        } else {
            return u"Unknown field."_s;
        }
    }
    return {};
}

} // namespace

void GlobalSettingEndpoints::install(DemoRouter &router, DemoState &state)
{
    router.add("GET", path, [&state](DemoRequest &request) {
        const QString var = request.param(u"varname"_s);
        // The settings of a distributed set-up: an extension (their names are not published).
        if (DemoSiteSettings::known(var) && !state.options().stock)
            return SiteSettingEndpoints::get(state, QString(), var);
        if (var != enabledVar && var != selectionVar)
            return DemoReply::problem(404, u"Not Found"_s,
                                      u"Unknown global setting: %1"_s.arg(var));
        const DemoDeployment::Config &c = state.deployment.configured;
        const bool isDefault = var == enabledVar ? !c.enabled : c.hostSelection.isEmpty();
        return DemoReply::json(QJsonObject { { u"varname"_s, var },
                                             { u"value"_s, valueOf(c, var) },
                                             { u"is_default"_s, isDefault } })
            .withEtag(etagOf(c, var));
    });
    router.add("PUT", path, [&state](DemoRequest &request) {
        const QString var = request.param(u"varname"_s);
        if (DemoSiteSettings::known(var) && !state.options().stock)
            return SiteSettingEndpoints::put(state, request, QString(), var);
        if (var != enabledVar && var != selectionVar)
            return DemoReply::problem(404, u"Not Found"_s,
                                      u"Unknown global setting: %1"_s.arg(var));
        DemoDeployment::Config &c = state.deployment.configured;
        const QByteArray ifMatch = request.header("if-match");
        if (ifMatch.isEmpty())
            return DemoReply::problem(
                428, u"Precondition required"_s,
                u"If-Match header required for this operation. See documentation."_s);
        if (ifMatch != "*" && ifMatch != '"' + etagOf(c, var) + '"')
            return DemoReply::problem(
                412, u"Precondition failed"_s,
                u"ETag didn't match. Probable cause: Object changed by another user."_s);
        const QJsonObject body = request.json().object();
        if (!body.contains(u"value"_s))
            return DemoReply::problem(
                400, u"Bad Request"_s, u"These fields have problems: value"_s,
                { { u"value"_s, QJsonArray { u"Missing data for required field."_s } } });
        const QJsonValue value = body.value(u"value"_s);
        if (var == enabledVar) {
            if (!value.isBool())
                return DemoReply::problem(
                    400, u"Bad Request"_s, u"These fields have problems: value"_s,
                    { { u"value"_s, QJsonArray { u"Not a valid boolean."_s } } });
            c.enabled = value.toBool();
            state.recordChange(
                request.user, u"edit-configvar"_s,
                u"Changed Configuration variable agent_deployment_enabled to %1."_s.arg(
                    c.enabled ? u"on"_s : u"off"_s));
        } else {
            if (!value.isObject())
                return DemoReply::problem(
                    400, u"Bad Request"_s, u"These fields have problems: value"_s,
                    { { u"value"_s, QJsonArray { u"Not a valid mapping type."_s } } });
            QString field;
            const QString error = selectionError(value.toObject(), &field);
            if (!error.isEmpty())
                return DemoReply::problem(400, u"Bad Request"_s,
                                          u"These fields have problems: value.%1"_s.arg(field),
                                          { { u"value."_s + field, QJsonArray { error } } });
            c.hostSelection = value.toObject();
            state.recordChange(
                request.user, u"edit-configvar"_s,
                u"Changed Configuration variable agent_deployment_host_selection."_s);
        }
        ++state.deployment.revision;
        return DemoReply::json(QJsonObject { { u"varname"_s, var },
                                             { u"value"_s, valueOf(c, var) },
                                             { u"is_default"_s, false } })
            .withEtag(etagOf(c, var));
    });
}
