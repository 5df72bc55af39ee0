#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonDocument>
#include <QString>
#include <QUrlQuery>

// One request as the demo site's handlers see it: path below /{site}, path parameters, the
// authenticated user, and the body.
struct DemoRequest
{
    QByteArray method; // "GET", "POST", ...
    QString sitePath; // path below /{site}, e.g. "/check_mk/api/1.0/version"
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers; // names lower-case
    QByteArray body;
    QHash<QString, QString> params; // from {name} segments of the route
    QString user; // authenticated user, empty when the route needs none

    QByteArray header(const QByteArray &name) const { return headers.value(name.toLower()); }
    // A query parameter fully decoded, as the site reads it ("agent_config%3Acmk_update_agent"
    // is "agent_config:cmk_update_agent").
    QString queryValue(const QString &name) const
    {
        return query.queryItemValue(name, QUrl::FullyDecoded);
    }
    QString param(const QString &name) const { return params.value(name); }
    // The body as a JSON object; nullopt-like empty document when it is not JSON.
    QJsonDocument json(QString *error = nullptr) const;
    // Form fields of an application/x-www-form-urlencoded body.
    QUrlQuery form() const;
};
