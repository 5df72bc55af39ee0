#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QString>
#include <QUrlQuery>

#include <memory>
#include <optional>

#include "SecureBuffer.h"

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
    // A form body holding a secret (the registration's _secret, the login's _password): sent
    // from this one buffer, which is wiped when the last request holding it goes away; never
    // copied into a QByteArray of ours. Takes the place of json and formBody.
    std::shared_ptr<const SecureBuffer> secretFormBody;
    bool secretBodyIsJson = false; // secretFormBody holds JSON: sent as application/json
    QByteArray ifMatch; // empty: the ETag last read for this path (writes only); "*" skips
    QByteArray accept = QByteArrayLiteral("application/json");
    int maxRetries = -1; // -1: 2 for GET (idempotent), none otherwise
    int timeoutMs = 0; // 0: the connection's timeout (idle: the longest wait for the next byte)
    // The whole request, redirects and retries included, must be done within this; 0: the
    // client's deadline (RestClient::defaultDeadlineMs unless set). One byte every half second
    // keeps the idle timeout content, not the deadline.
    int deadlineMs = 0;
    // The largest reply body taken in; 0: largeReplyBytes. An error reply (status >= 400)
    // is held to smallReplyBytes whatever this says. Never reserved ahead from Content-Length.
    qint64 maxReplyBytes = 0;
    bool authenticate = true; // false for the updater's pages, which carry their own login
    bool parseJson = true; // false: the caller parses the body itself (off the UI thread)
    Redirects redirects = Redirects::SameOrigin;

    static constexpr qint64 largeReplyBytes = qint64(512) << 20; // collections, downloads
    static constexpr qint64 smallReplyBytes = qint64(1) << 20; // registration, login, errors

    static RestRequest get(const QString &path, const QUrlQuery &query = {});
    static RestRequest post(const QString &path, const QJsonDocument &body = {});
    static RestRequest put(const QString &path, const QJsonDocument &body);
    static RestRequest del(const QString &path);

    RestRequest &withBase(Base b);
    RestRequest &withIfMatch(const QByteArray &etag);
    RestRequest &withAccept(const QByteArray &mime);
    RestRequest &withTimeout(int ms);
    RestRequest &withRetries(int count);
    RestRequest &withDeadline(int ms);
    RestRequest &withMaxReplyBytes(qint64 bytes);

    bool isIdempotent() const { return method == Method::Get; }
    // Only an idempotent request is ever sent again, whatever maxRetries says.
    int effectiveRetries() const { return isIdempotent() ? (maxRetries >= 0 ? maxRetries : 2) : 0; }
    qint64 replyCap() const { return maxReplyBytes > 0 ? maxReplyBytes : largeReplyBytes; }
    QByteArray verb() const;
};
