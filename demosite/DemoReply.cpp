#include "DemoReply.h"

#include <QCryptographicHash>

using namespace Qt::StringLiterals;

DemoReply &DemoReply::withHeader(const QByteArray &name, const QByteArray &value)
{
    headers.append({ name, value });
    return *this;
}

DemoReply &DemoReply::withEtag(const QByteArray &etag)
{
    return withHeader("ETag", '"' + etag + '"');
}

DemoReply DemoReply::json(const QJsonValue &value, int status)
{
    DemoReply r;
    r.status = status;
    if (value.isArray())
        r.body = QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    else
        r.body = QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    return r;
}

DemoReply DemoReply::raw(QByteArray body, const QByteArray &contentType, int status)
{
    DemoReply r;
    r.status = status;
    r.body = std::move(body);
    r.contentType = contentType;
    return r;
}

DemoReply DemoReply::later(std::shared_ptr<DemoPendingReply> pending)
{
    DemoReply reply;
    reply.pending = std::move(pending);
    return reply;
}

DemoReply DemoReply::noContent()
{
    DemoReply r;
    r.status = 204;
    r.contentType.clear();
    return r;
}

DemoReply DemoReply::problem(int status, const QString &title, const QString &detail,
                             const QJsonObject &fields)
{
    QJsonObject o { { u"title"_s, title }, { u"status"_s, status }, { u"detail"_s, detail } };
    if (!fields.isEmpty())
        o.insert(u"fields"_s, fields);
    DemoReply r = json(o, status);
    r.contentType = "application/problem+json";
    return r;
}

QByteArray DemoReply::reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 204:
        return "No Content";
    case 302:
        return "Found";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 406:
        return "Not Acceptable";
    case 409:
        return "Conflict";
    case 412:
        return "Precondition Failed";
    case 415:
        return "Unsupported Media Type";
    case 422:
        return "Unprocessable Entity";
    case 423:
        return "Locked";
    case 428:
        return "Precondition Required";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        return "Status";
    }
}

QJsonObject DemoReply::link(const QString &rel, const QString &href, const QString &method)
{
    return { { u"domainType"_s, u"link"_s },
             { u"rel"_s, rel },
             { u"href"_s, href },
             { u"method"_s, method },
             { u"type"_s, u"application/json"_s } };
}

QJsonObject DemoReply::object(const QString &domainType, const QString &id, const QString &title,
                              const QJsonObject &extensions, const QString &basePath)
{
    const QString self = basePath + u"/objects/"_s + domainType + u'/' + id;
    return { { u"domainType"_s, domainType },
             { u"id"_s, id },
             { u"title"_s, title },
             { u"links"_s, QJsonArray { link(u"self"_s, self) } },
             { u"members"_s, QJsonObject {} },
             { u"extensions"_s, extensions } };
}

QJsonObject DemoReply::collection(const QString &domainType, const QJsonArray &value,
                                  const QString &basePath)
{
    const QString self = basePath + u"/domain-types/"_s + domainType + u"/collections/all"_s;
    return { { u"domainType"_s, domainType },
             { u"id"_s, domainType },
             { u"links"_s, QJsonArray { link(u"self"_s, self) } },
             { u"value"_s, value },
             { u"extensions"_s, QJsonObject {} } };
}

QByteArray DemoReply::etagOf(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex().left(16);
}
