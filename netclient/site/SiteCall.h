#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QtConcurrent/QtConcurrentRun>

#include <functional>
#include <utility>

#include "RestClient.h"
#include "RestReply.h"
#include "SiteResult.h"

// The one way the typed site clients send a request: the reply is read into a value by `read`
// (a function of the RestResult and an ApiError to fill), and `done` is called on `context`'s
// thread, not at all when `context` is gone. Returns the reply so that a caller can cancel it.
namespace SiteCall {

template<typename T, typename Read>
RestReply *send(RestClient *client, RestRequest request, QObject *context, Read read,
                std::function<void(SiteResult<T>)> done)
{
    RestReply *reply = client->send(std::move(request));
    QObject::connect(reply, &RestReply::finished, context,
                     [read = std::move(read), done = std::move(done)](const RestResult &r) {
                         SiteResult<T> out;
                         if (!r.ok()) {
                             out.error = r.error;
                         } else {
                             ApiError error;
                             if (std::optional<T> v = read(r, &error))
                                 out.value = std::move(*v);
                             else
                                 out.error = error;
                         }
                         done(std::move(out));
                     });
    return reply;
}

// The same for replies too big to read on the UI thread: `read` gets the body's bytes and
// runs in a worker.
template<typename T, typename Read>
RestReply *sendParsedInWorker(RestClient *client, RestRequest request, QObject *context, Read read,
                              std::function<void(SiteResult<T>)> done)
{
    request.parseJson = false;
    RestReply *reply = client->send(std::move(request));
    QObject::connect(
        reply, &RestReply::finished, context,
        [context, read = std::move(read), done = std::move(done)](const RestResult &r) {
            if (!r.ok()) {
                SiteResult<T> out;
                out.error = r.error;
                done(std::move(out));
                return;
            }
            auto *watcher = new QFutureWatcher<SiteResult<T>>(context);
            QObject::connect(watcher, &QFutureWatcherBase::finished, context, [watcher, done] {
                watcher->deleteLater();
                done(watcher->result());
            });
            const QByteArray body = r.body;
            watcher->setFuture(QtConcurrent::run([body, read] {
                SiteResult<T> out;
                ApiError error;
                if (std::optional<T> v = read(body, &error))
                    out.value = std::move(*v);
                else
                    out.error = error;
                return out;
            }));
        });
    return reply;
}

inline std::optional<std::monostate> nothing(const RestResult &, ApiError *)
{
    return std::monostate {};
}

} // namespace SiteCall
