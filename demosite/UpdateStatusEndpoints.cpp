#include "UpdateStatusEndpoints.h"

#include "DemoFleet.h"
#include "DemoRouter.h"
#include "DemoState.h"

using namespace Qt::StringLiterals;

namespace {

// JSON string escaping straight into the output: this reply has 200,000 rows.
void appendString(QByteArray &out, const QString &s)
{
    out += '"';
    const QByteArray utf8 = s.toUtf8();
    for (const char c : utf8) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char buffer[8];
                std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
                out += buffer;
            } else {
                out += c;
            }
        }
    }
    out += '"';
}

void appendHash(QByteArray &out, quint64 hash)
{
    if (hash == 0) {
        out += "null";
        return;
    }
    char buffer[20];
    std::snprintf(buffer, sizeof buffer, "\"%016llx\"", static_cast<unsigned long long>(hash));
    out += buffer;
}

void appendTime(QByteArray &out, qint64 t)
{
    if (t < 0)
        out += "null";
    else
        out += QByteArray::number(t);
}

} // namespace

void UpdateStatusEndpoints::install(DemoRouter &router, DemoState &state)
{
    router.add(
        "GET", u"/check_mk/api/1.0/domain-types/agent_update_status/collections/all"_s,
        [&state](DemoRequest &) {
            DemoFleet &fleet = *state.fleet;
            fleet.advance();
            const auto &rows = fleet.rows();
            QByteArray out;
            out.reserve(qsizetype(rows.size()) * 640 + 512);
            out += R"({"domainType":"agent_update_status","id":"agent_update_status","links":[],"value":[)";
            bool first = true;
            for (const HostUpdateStatus &r : rows) {
                if (!first)
                    out += ',';
                first = false;
                out += R"({"domainType":"agent_update_status","id":)";
                appendString(out, r.hostName);
                out += R"(,"title":)";
                appendString(out, r.hostName);
                out += R"(,"links":[],"members":{},"extensions":{"host_name":)";
                appendString(out, r.hostName);
                out += R"(,"site":)";
                appendString(out, r.site);
                out += R"(,"folder":)";
                appendString(out, r.folder);
                out += r.registered ? R"(,"registered":true)" : R"(,"registered":false)";
                out += r.selected ? R"(,"selected":true)" : R"(,"selected":false)";
                out += R"(,"target_hash":)";
                appendHash(out, r.targetHash);
                out += R"(,"downloaded_hash":)";
                appendHash(out, r.downloadedHash);
                out += R"(,"installed_hash":)";
                appendHash(out, r.installedHash);
                out += R"(,"pending_hash":)";
                appendHash(out, r.pendingHash);
                out += R"(,"last_check":)";
                appendTime(out, r.lastCheck);
                out += R"(,"last_update":)";
                appendTime(out, r.lastUpdate);
                out += R"(,"interval":)";
                out += QByteArray::number(r.interval);
                out += R"(,"update_check_state":)";
                out += QByteArray::number(int(r.checkState));
                out += R"(,"update_check_output":)";
                appendString(out, r.checkOutput);
                out += R"(,"last_error":)";
                if (r.lastError.isEmpty())
                    out += "null";
                else
                    appendString(out, r.lastError);
                out += "}}";
            }
            out += R"(],"extensions":{"deployment_enabled":)";
            out += fleet.deploymentEnabled() ? "true" : "false";
            out += R"(,"generated_at":)";
            out += QByteArray::number(state.clock.now());
            out += "}}";
            return DemoReply::raw(std::move(out), "application/json");
        });
}
