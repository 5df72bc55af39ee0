#include "RestRequest.h"

RestRequest RestRequest::get(const QString &path, const QUrlQuery &query)
{
    RestRequest r;
    r.path = path;
    r.query = query;
    return r;
}

RestRequest RestRequest::post(const QString &path, const QJsonDocument &body)
{
    RestRequest r;
    r.method = Method::Post;
    r.path = path;
    if (!body.isNull())
        r.json = body;
    return r;
}

RestRequest RestRequest::put(const QString &path, const QJsonDocument &body)
{
    RestRequest r;
    r.method = Method::Put;
    r.path = path;
    r.json = body;
    return r;
}

RestRequest RestRequest::del(const QString &path)
{
    RestRequest r;
    r.method = Method::Delete;
    r.path = path;
    return r;
}

RestRequest &RestRequest::withBase(Base b)
{
    base = b;
    return *this;
}

RestRequest &RestRequest::withIfMatch(const QByteArray &etag)
{
    ifMatch = etag;
    return *this;
}

RestRequest &RestRequest::withAccept(const QByteArray &mime)
{
    accept = mime;
    return *this;
}

RestRequest &RestRequest::withTimeout(int ms)
{
    timeoutMs = ms;
    return *this;
}

RestRequest &RestRequest::withRetries(int count)
{
    maxRetries = count;
    return *this;
}

RestRequest &RestRequest::withDeadline(int ms)
{
    deadlineMs = ms;
    return *this;
}

RestRequest &RestRequest::withMaxReplyBytes(qint64 bytes)
{
    maxReplyBytes = bytes;
    return *this;
}

QByteArray RestRequest::verb() const
{
    switch (method) {
    case Method::Get:
        return QByteArrayLiteral("GET");
    case Method::Post:
        return QByteArrayLiteral("POST");
    case Method::Put:
        return QByteArrayLiteral("PUT");
    case Method::Delete:
        return QByteArrayLiteral("DELETE");
    }
    return {};
}
