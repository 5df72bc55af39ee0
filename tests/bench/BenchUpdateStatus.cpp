// The update-status figures of the README, against a demo site serving 100,000 hosts over
// loopback HTTPS.
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTimer>

#include <malloc.h>
#include <simdjson.h>

#include "Benchmarks.h"
#include "DemoConnection.h"
#include "DemoSiteProcess.h"
#include "Heartbeat.h"
#include "RestClient.h"
#include "RestReply.h"
#include "SecretStore.h"
#include "SiteSession.h"
#include "StatusController.h"
#include "UpdateStatusFilterProxy.h"
#include "UpdateStatusModel.h"
#include "UpdateStatusPage.h"
#include "UpdateStatusParser.h"

using namespace Qt::StringLiterals;

namespace {

// Bytes the program has allocated and not freed (heap and mmap'd blocks), in MB. Unlike the
// resident size it does not depend on what earlier benchmarks left in the allocator's pools.
double allocatedMb()
{
    const struct mallinfo2 info = mallinfo2();
    return double(info.uordblks + info.hblkhd) / (1024.0 * 1024.0);
}

} // namespace

void benchUpdateStatus(QTextStream &out)
{
    DemoSiteProcess site;
    if (!site.start({ u"--hosts"_s, u"100000"_s }, 120000)) {
        out << "# update status: " << site.error() << '\n';
        return;
    }
    SiteConnection c = DemoConnection::make(site.server(), site.site(), site.sha256(), u"bench"_s);
    c.timeoutMs = 120000;

    // Parse and model build against a bare QJsonDocument::fromJson of the same bytes.
    RestClient client(c);
    client.setSecret(SecureBuffer(site.secret()));
    RestRequest request = RestRequest::get(u"/domain-types/agent_update_status/collections/all"_s)
                              .withTimeout(120000);
    request.parseJson = false;
    RestReply *reply = client.send(request);
    QSignalSpy fetched(reply, &RestReply::finished);
    if (!fetched.wait(120000)) {
        out << "# update status: no reply\n";
        return;
    }
    QByteArray body = fetched.first().first().value<RestResult>().body;
    const QByteArray bodyCopy = body; // shared, not copied; kept for the fromJson comparison
    fetched.clear();
    QElapsedTimer timer;
    const double allocatedBefore
        = allocatedMb(); // the reply's bytes are in, nothing else large yet
    timer.start();
    ApiError error;
    auto parsed = UpdateStatusParser::parse(body, &error);
    UpdateStatusModel model;
    model.setRows(std::move(parsed->rows), parsed->generatedAt, true);
    const double ours = double(timer.nsecsElapsed()) / 1e6;
    body = QByteArray(); // the reply itself is not part of the table
    parsed.reset();
    const double allocatedAfter = allocatedMb();
    timer.restart();
    {
        const QJsonDocument doc = QJsonDocument::fromJson(bodyCopy);
        Q_UNUSED(doc);
    }
    const double bare = double(timer.nsecsElapsed()) / 1e6;
    // Our reader against simdjson's on-demand parser touching every field of every entry (as
    // ours reads every field), same bytes, same run; best of three each.
    double oursParse = 1e12;
    double simd = 1e12;
    size_t simdFields = 0;
    for (int round = 0; round < 3; ++round) {
        // Both sides are timed up to their parsed result and release it afterwards: simdjson's
        // padded copy and parser are freed after its timer is read, so ours is too.
        timer.restart();
        {
            ApiError e;
            auto p = UpdateStatusParser::parse(bodyCopy, &e);
            oursParse = std::min(oursParse, double(timer.nsecsElapsed()) / 1e6);
            if (!p)
                out << "# update status: " << e.summary() << '\n';
        }
        timer.restart();
        simdjson::padded_string padded(bodyCopy.constData(), size_t(bodyCopy.size()));
        const double copyMs = double(timer.nsecsElapsed()) / 1e6;
        timer.restart();
        simdjson::ondemand::parser parser;
        auto doc = parser.iterate(padded);
        simdFields = 0;
        for (auto entry : doc["value"].get_array()) {
            for (auto field : entry.get_object()) {
                std::string_view key = field.unescaped_key();
                Q_UNUSED(key);
                auto value = field.value();
                std::string_view text;
                double number = 0;
                bool flag = false;
                switch (value.type()) {
                case simdjson::ondemand::json_type::string:
                    text = value.get_string();
                    break;
                case simdjson::ondemand::json_type::number:
                    number = value.get_double();
                    break;
                case simdjson::ondemand::json_type::boolean:
                    flag = value.get_bool();
                    break;
                default:
                    // Nested objects (extensions) are walked field by field too.
                    if (value.type() == simdjson::ondemand::json_type::object) {
                        for (auto inner : value.get_object()) {
                            std::string_view innerKey = inner.unescaped_key();
                            Q_UNUSED(innerKey);
                            std::string_view raw = inner.value().raw_json_token();
                            simdFields += raw.size() > 0;
                        }
                    }
                    break;
                }
                simdFields += text.size() > 0 || number != 0 || flag;
            }
        }
        simd = std::min(simd, double(timer.nsecsElapsed()) / 1e6 + copyMs);
    }
    benchLine(out, u"status_parse_vs_simdjson"_s, oursParse / simd, u"ratio"_s,
              { { u"target"_s, 1.5 },
                { u"ours_ms"_s, oursParse },
                { u"simdjson_ms"_s, simd },
                { u"fields_touched"_s, double(simdFields) },
                { u"bytes"_s, double(bodyCopy.size()) } });
    benchLine(
        out, u"status_parse_and_model_vs_fromjson"_s, ours / bare, u"ratio"_s,
        { { u"target"_s, 1.5 }, { u"parse_and_model_ms"_s, ours }, { u"fromjson_ms"_s, bare } });
    benchLine(out, u"status_table_memory_100k"_s, allocatedAfter - allocatedBefore, u"MB"_s,
              { { u"target"_s, 120 } });

    SecretStore secrets;
    SiteSession session(&secrets, nullptr);
    UpdateStatusPage page;
    page.resize(1400, 800);
    page.show();
    StatusController controller(&session, &page);
    QSignalSpy loaded(&controller, &StatusController::loaded);
    session.openWithSecret(c, site.secret());
    if (!loaded.wait(120000)) {
        out << "# update status: first load did not finish\n";
        return;
    }
    // A fresh load into an empty table, timed from the request to the populated table.
    page.clearData(QString());
    Heartbeat heartbeat;
    heartbeat.start();
    timer.start();
    controller.refresh();
    if (!loaded.wait(120000)) {
        out << "# update status: load did not finish\n";
        return;
    }
    const double wall = double(timer.nsecsElapsed()) / 1e6;
    const double stall = heartbeat.longestMs();
    benchLine(out, u"status_request_to_table_100k"_s, wall, u"ms"_s,
              { { u"target"_s, 1500 }, { u"rows"_s, page.model()->rowCount() } });
    benchLine(out, u"status_longest_ui_stall_during_load"_s, stall, u"ms"_s,
              { { u"target"_s, 50 } });

    // The UI thread's share of a first load: the table derived elsewhere, applied to the page.
    {
        StatusTable table
            = StatusTable::derive(*page.model()->rowsSnapshot(), page.model()->now(), true);
        page.clearData(QString());
        timer.restart();
        page.setTable(std::move(table), page.model()->now());
        QCoreApplication::processEvents();
        benchLine(out, u"status_table_apply_ui_100k"_s, double(timer.nsecsElapsed()) / 1e6, u"ms"_s,
                  { { u"note"_s, u"reset with a derived table, painted"_s } });
    }

    // Search keystroke and sort on the loaded table.
    UpdateStatusFilterProxy *proxy = page.proxy();
    timer.restart();
    proxy->setSearchText(u"db-"_s); // a keystroke that still matches a fifth of the hosts
    const double search = double(timer.nsecsElapsed()) / 1e6;
    const int matches = proxy->rowCount();
    proxy->setSearchText(QString());
    benchLine(out, u"status_search_keystroke_100k"_s, search, u"ms"_s,
              { { u"target"_s, 50 }, { u"matches"_s, matches } });
    timer.restart();
    proxy->sort(UpdateStatusModel::LastCheckColumn, Qt::AscendingOrder);
    benchLine(out, u"status_sort_last_check_100k"_s, double(timer.nsecsElapsed()) / 1e6, u"ms"_s,
              { { u"target"_s, 150 } });
    proxy->sort(-1);
}
