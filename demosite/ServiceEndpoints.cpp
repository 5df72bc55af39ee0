#include "ServiceEndpoints.h"

#include <QJsonArray>
#include <QRegularExpression>

#include "DemoAgentService.h"
#include "DemoFleet.h"
#include "DemoRouter.h"
#include "DemoState.h"

using namespace Qt::StringLiterals;

namespace {

const QString base = u"/check_mk/api/1.0"_s;
const QString serviceName = u"Check_MK Agent"_s;
const QStringList knownColumns { u"host_name"_s,        u"description"_s,        u"state"_s,
                                 u"plugin_output"_s,    u"long_plugin_output"_s, u"last_check"_s,
                                 u"has_been_checked"_s, u"state_type"_s,         u"host_address"_s,
                                 u"check_command"_s };

DemoReply fieldProblem(const QString &field, const QString &message)
{
    return DemoReply::problem(400, u"Bad Request"_s, u"These fields have problems: "_s + field,
                              { { field, QJsonArray { message } } });
}

// One row of the Livestatus services table, with every column the demo knows.
QJsonObject rowOf(DemoState &state, int index)
{
    const HostUpdateStatus &r = state.fleet->rows()[size_t(index)];
    return { { u"host_name"_s, r.hostName },
             { u"description"_s, serviceName },
             { u"state"_s, int(r.checkState) },
             { u"plugin_output"_s, r.checkOutput },
             { u"long_plugin_output"_s, state.fleet->details(index) },
             { u"last_check"_s, double(qMax<qint64>(0, r.lastCheck)) },
             { u"has_been_checked"_s, 1 },
             { u"state_type"_s, 1 },
             { u"host_address"_s, QString() },
             { u"check_command"_s, u"check_mk-checkmk_agent"_s } };
}

// Evaluates a Livestatus filter in the REST API's nested form; false with *error when it is
// not one.
bool matches(const QJsonObject &expr, const QJsonObject &row, QString *error)
{
    const QString op = expr.value(u"op"_s).toString();
    if (op == u"and"_s || op == u"or"_s) {
        const QJsonArray parts = expr.value(u"expr"_s).toArray();
        bool result = op == u"and"_s;
        for (const QJsonValue &p : parts) {
            const bool m = matches(p.toObject(), row, error);
            if (!error->isEmpty())
                return false;
            result = op == u"and"_s ? result && m : result || m;
        }
        return result;
    }
    if (op == u"not"_s)
        return !matches(expr.value(u"expr"_s).toObject(), row, error) && error->isEmpty();
    const QString left = expr.value(u"left"_s).toString().section(u'.', -1);
    if (!knownColumns.contains(left)) {
        *error = u"Unknown column: %1"_s.arg(expr.value(u"left"_s).toString());
        return false;
    }
    const QJsonValue value = row.value(left);
    const QString text = value.isString() ? value.toString() : QString::number(value.toDouble());
    const QJsonValue rightValue = expr.value(u"right"_s);
    const QString right
        = rightValue.isString() ? rightValue.toString() : QString::number(rightValue.toDouble());
    if (op == u"="_s)
        return text == right;
    if (op == u"!="_s)
        return text != right;
    if (op == u"=~"_s)
        return text.compare(right, Qt::CaseInsensitive) == 0;
    if (op == u"~"_s || op == u"~~"_s) {
        const QRegularExpression re(right,
                                    op == u"~~"_s ? QRegularExpression::CaseInsensitiveOption
                                                  : QRegularExpression::NoPatternOption);
        if (!re.isValid()) {
            *error = u"Invalid regular expression: %1"_s.arg(right);
            return false;
        }
        return re.match(text).hasMatch();
    }
    if (op == u"<"_s || op == u">"_s || op == u"<="_s || op == u">="_s) {
        const double a = value.isString() ? text.toDouble() : value.toDouble();
        const double b = right.toDouble();
        return op == u"<"_s ? a < b : op == u">"_s ? a > b : op == u"<="_s ? a <= b : a >= b;
    }
    *error = u"Unknown operator: %1"_s.arg(op);
    return false;
}

DemoReply services(DemoState &state, const QJsonObject &body, const QString &onlyHost)
{
    static const QStringList allowed { u"sites"_s, u"columns"_s, u"query"_s, u"host_name"_s };
    for (auto it = body.begin(); it != body.end(); ++it) {
        if (!allowed.contains(it.key()) || (!onlyHost.isEmpty() && it.key() == u"host_name"_s))
            return fieldProblem(it.key(), u"Unknown field."_s);
    }
    QStringList columns;
    for (const QJsonValue &c : body.value(u"columns"_s).toArray()) {
        const QString column = c.toString().section(u'.', -1);
        if (!knownColumns.contains(column))
            return fieldProblem(u"columns"_s, u"Unknown column: %1"_s.arg(c.toString()));
        columns << column;
    }
    if (columns.isEmpty())
        columns = QStringList { u"host_name"_s, u"description"_s };
    if (!columns.contains(u"host_name"_s))
        columns.prepend(u"host_name"_s);
    if (!columns.contains(u"description"_s))
        columns.insert(1, u"description"_s);
    QStringList sites;
    for (const QJsonValue &s : body.value(u"sites"_s).toArray())
        sites << s.toString();
    const QString host = onlyHost.isEmpty() ? body.value(u"host_name"_s).toString() : onlyHost;
    const QJsonObject query = body.value(u"query"_s).toObject();
    DemoFleet &fleet = *state.fleet;
    fleet.advance();
    const auto &rows = fleet.rows();
    QByteArray out;
    out += R"({"domainType":"service","id":"service","links":[],"value":[)";
    bool first = true;
    for (size_t i = 0; i < rows.size(); ++i) {
        const HostUpdateStatus &r = rows[i];
        if (!host.isEmpty() && r.hostName != host)
            continue;
        if (!sites.isEmpty() && !sites.contains(r.site))
            continue;
        // AIX hosts run no updater: their Check_MK Agent service has no update part, which
        // the demo leaves out altogether.
        if (fleet.osOf(int(i)) == u"aix"_s)
            continue;
        const QJsonObject row = rowOf(state, int(i));
        if (!query.isEmpty()) {
            QString error;
            const bool keep = matches(query, row, &error);
            if (!error.isEmpty())
                return fieldProblem(u"query"_s, error);
            if (!keep)
                continue;
        }
        QJsonObject extensions;
        for (const QString &c : std::as_const(columns))
            extensions.insert(c, row.value(c));
        const QJsonObject object { { u"domainType"_s, u"service"_s },
                                   { u"id"_s, QString(r.hostName + u':' + serviceName) },
                                   { u"title"_s,
                                     u"Service \"%1\" on %2"_s.arg(serviceName, r.hostName) },
                                   { u"links"_s, QJsonArray {} },
                                   { u"members"_s, QJsonObject {} },
                                   { u"extensions"_s, extensions } };
        if (!first)
            out += ',';
        first = false;
        out += QJsonDocument(object).toJson(QJsonDocument::Compact);
    }
    out += R"(],"extensions":{}})";
    return DemoReply::raw(std::move(out), "application/json");
}

} // namespace

void ServiceEndpoints::install(DemoRouter &router, DemoState &state)
{
    router.add("POST", base + u"/domain-types/service/collections/all"_s,
               [&state](DemoRequest &request) {
                   if (!request.json().isObject())
                       return fieldProblem(u"_schema"_s, u"Invalid input type."_s);
                   return services(state, request.json().object(), {});
               });
    router.add("POST", base + u"/objects/host/{host_name}/collections/services"_s,
               [&state](DemoRequest &request) {
                   const QString host = request.param(u"host_name"_s);
                   if (state.inventory.indexOf(host) < 0)
                       return DemoReply::problem(404, u"Not Found"_s,
                                                 u"Host %1 does not exist."_s.arg(host));
                   if (!request.json().isObject())
                       return fieldProblem(u"_schema"_s, u"Invalid input type."_s);
                   return services(state, request.json().object(), host);
               });
}
