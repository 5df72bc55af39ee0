#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QString>
#include <QUrlQuery>

#include <optional>

// One request to a site, as a value: built by the caller, sent by RestClient::send().
struct RestRequest
{
    enum class Method { Get, Post, Put, Delete };
    // Which part of the site the path is relative to.
    enum class Base {
        Api, // {site}/check_mk/api/1.0 : the public REST API
        InternalApi, // {site}/check_mk/api/internal : global settings on newer sites
        Checkmk, // {site}/check_mk : the updater's pages (register_agent.py, ...)
        Site, // {site} : the site's root (the demo site's control endpoints live here)
    };

    // Which redirects are followed. A redirect is followed only for GET, only within the
    // request's own origin, and never from https to http; None follows none at all (the
    // updater's pages, whose 302 is an answer, not a place to go).
    enum class Redirects { SameOrigin, None };

    Method method = Method::Get;
    Base base = Base::Api;
    QString path; // "/version", "/objects/host_config/web01", "register_agent.py"
    QUrlQuery query;
    std::optional<QJsonDocument> json; // sent as application/json
    QByteArray formBody; // sent as application/x-www-form-urlencoded when json is unset
    QByteArray ifMatch; // empty: the ETag last read for this path (writes only); "*" skips
    QByteArray accept = QByteArrayLiteral("application/json");
    int maxRetries = -1; // -1: 2 for GET (idempotent), none otherwise
    int timeoutMs = 0; // 0: the connection's timeout
    bool authenticate = true; // false for the updater's pages, which carry their own login
    bool parseJson = true; // false: the caller parses the body itself (off the UI thread)
    Redirects redirects = Redirects::SameOrigin;

    static RestRequest get(const QString &path, const QUrlQuery &query = {});
    static RestRequest post(const QString &path, const QJsonDocument &body = {});
    static RestRequest put(const QString &path, const QJsonDocument &body);
    static RestRequest del(const QString &path);

    RestRequest &withBase(Base b);
    RestRequest &withIfMatch(const QByteArray &etag);
    RestRequest &withAccept(const QByteArray &mime);
    RestRequest &withTimeout(int ms);
    RestRequest &withRetries(int count);

    bool isIdempotent() const { return method == Method::Get; }
    int effectiveRetries() const { return maxRetries >= 0 ? maxRetries : (isIdempotent() ? 2 : 0); }
    QByteArray verb() const;
};
