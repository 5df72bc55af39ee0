#include "CoreEndpoints.h"

#include <QUrl>

#include "DemoRouter.h"
#include "DemoState.h"

using namespace Qt::StringLiterals;

void CoreEndpoints::install(DemoRouter &router, DemoState &state)
{
    router.add("GET", u"/check_mk/api/1.0/version"_s, [&state](DemoRequest &) {
        return DemoReply::json(QJsonObject {
            { u"site"_s, state.siteName() },
            { u"group"_s, QString() },
            { u"rest_api"_s, QJsonObject { { u"revision"_s, u"0"_s } } },
            { u"versions"_s,
              QJsonObject { { u"apache"_s, QJsonArray { 2, 4, 62 } },
                            { u"checkmk"_s, u"2.4.0p17"_s },
                            { u"python"_s, u"3.12.3"_s },
                            { u"mod_wsgi"_s, QJsonArray { 5, 0, 0 } },
                            { u"wsgi"_s, QJsonArray { 1, 0 } } } },
            { u"edition"_s, u"cee"_s },
            { u"demo"_s, false },
        });
    });

    router.add("POST", u"/demo-control/faults"_s, [&state](DemoRequest &request) {
        QString error;
        const QJsonDocument doc = request.json(&error);
        if (!doc.isObject())
            return DemoReply::problem(400, u"Bad Request"_s, u"Expected a JSON object."_s);
        if (!state.faults.add(doc.object(), &error))
            return DemoReply::problem(400, u"Bad Request"_s, error);
        return DemoReply::noContent();
    });
    router.add("DELETE", u"/demo-control/faults"_s, [&state](DemoRequest &) {
        state.faults.clear();
        return DemoReply::noContent();
    });
    router.add("GET", u"/demo-control/redirect"_s, [](DemoRequest &request) {
        const QUrl to(request.queryValue(u"to"_s));
        if (!to.isValid() || to.isRelative())
            return DemoReply::problem(400, u"Bad Request"_s, u"to: expected an absolute URL"_s);
        DemoReply reply = DemoReply::noContent().withHeader("Location", to.toEncoded());
        reply.status = 302;
        return reply;
    });
    router.add(
        "GET", u"/demo-control/last-request"_s,
        [&state](DemoRequest &) { return DemoReply::json(state.lastRequest); },
        DemoRouter::Auth::None);
    router.add("GET", u"/demo-control/clock"_s, [&state](DemoRequest &) {
        return DemoReply::json(QJsonObject { { u"now"_s, double(state.clock.now()) },
                                             { u"manual"_s, state.clock.isManual() } });
    });
    router.add("POST", u"/demo-control/clock"_s, [&state](DemoRequest &request) {
        const QJsonValue advance = request.json().object().value(u"advance_seconds"_s);
        if (!advance.isDouble() || advance.toDouble() < 0)
            return DemoReply::problem(
                400, u"Bad Request"_s, u"advance_seconds: expected a number of seconds >= 0"_s,
                { { u"advance_seconds"_s, QJsonArray { u"Expected a number >= 0."_s } } });
        state.clock.advance(qint64(advance.toDouble()));
        return DemoReply::json(QJsonObject { { u"now"_s, double(state.clock.now()) } });
    });
}
