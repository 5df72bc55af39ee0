#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QPair>

#include <memory>

class DemoPendingReply;

// A reply of the demo site as a value, with the REST conventions of a Checkmk site: JSON
// bodies, problem+json errors, object and collection envelopes.
struct DemoReply
{
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QByteArray contentType = QByteArrayLiteral("application/json");
    // Set: the real reply comes later through it (see DemoPendingReply); the rest is unused.
    std::shared_ptr<DemoPendingReply> pending;

    DemoReply &withHeader(const QByteArray &name, const QByteArray &value);
    DemoReply &withEtag(const QByteArray &etag); // unquoted value; sent quoted

    static DemoReply json(const QJsonValue &value, int status = 200);
    static DemoReply raw(QByteArray body, const QByteArray &contentType, int status = 200);
    static DemoReply noContent();
    static DemoReply later(std::shared_ptr<DemoPendingReply> pending);
    static DemoReply problem(int status, const QString &title, const QString &detail,
                             const QJsonObject &fields = {});
    static QByteArray reasonPhrase(int status);
    // {domainType, id, title, links, members, extensions}
    static QJsonObject object(const QString &domainType, const QString &id, const QString &title,
                              const QJsonObject &extensions, const QString &basePath);
    // {domainType: "link", id, title, links, value, extensions}
    static QJsonObject collection(const QString &domainType, const QJsonArray &value,
                                  const QString &basePath);
    static QJsonObject link(const QString &rel, const QString &href,
                            const QString &method = QStringLiteral("GET"));
    // A short, stable ETag for the bytes.
    static QByteArray etagOf(const QByteArray &bytes);
};
