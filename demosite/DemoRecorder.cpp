#include "DemoRecorder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

#include "DemoReply.h"
#include "DemoRequest.h"

using namespace Qt::StringLiterals;

namespace {

const QString redacted = u"<redacted>"_s;

bool isSecretName(const QString &name)
{
    static const QStringList names { u"passphrase"_s,  u"password"_s, u"_password"_s,
                                     u"_secret"_s,     u"secret"_s,   u"host_secret"_s,
                                     u"private_key"_s, u"agent"_s };
    return names.contains(name);
}

QJsonValue redactJson(const QJsonValue &value)
{
    if (value.isObject()) {
        QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (isSecretName(it.key()) && it->isString())
                *it = redacted;
            else if (it->isObject() || it->isArray())
                *it = redactJson(*it);
        }
        return o;
    }
    if (value.isArray()) {
        QJsonArray a = value.toArray();
        for (auto it = a.begin(); it != a.end(); ++it)
            *it = redactJson(*it);
        return a;
    }
    return value;
}

// The body as text for the record: JSON re-written without secrets, forms without secret
// fields, everything else by size only.
QJsonValue bodyForRecord(const QByteArray &body, const QByteArray &contentType)
{
    if (body.isEmpty())
        return QString();
    if (body.size() > DemoRecorder::maxBody)
        return QJsonValue::Null;
    const QByteArray type = contentType.split(';').value(0).trimmed().toLower();
    if (type == "application/json" || type == "application/problem+json") {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
        if (error.error != QJsonParseError::NoError)
            return QString::fromUtf8(body); // malformed JSON is what the validator must see
        const QJsonValue clean
            = redactJson(doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object()));
        return QString::fromUtf8(
            clean.isArray() ? QJsonDocument(clean.toArray()).toJson(QJsonDocument::Compact)
                            : QJsonDocument(clean.toObject()).toJson(QJsonDocument::Compact));
    }
    if (type == "application/x-www-form-urlencoded") {
        QByteArray decoded = body;
        decoded.replace('+', ' ');
        QUrlQuery form(QString::fromUtf8(decoded));
        QUrlQuery clean;
        for (const auto &[name, value] : form.queryItems(QUrl::FullyDecoded))
            clean.addQueryItem(name, isSecretName(name) ? redacted : value);
        return clean.toString(QUrl::FullyEncoded);
    }
    if (type.startsWith("text/"))
        return QString::fromUtf8(body);
    return redacted; // packages, PEM files: bytes the validator does not read
}

QString redactedQuery(const QUrlQuery &query)
{
    QUrlQuery clean;
    for (const auto &[name, value] : query.queryItems(QUrl::FullyEncoded))
        clean.addQueryItem(name, isSecretName(name) ? redacted : value);
    return clean.toString(QUrl::FullyEncoded);
}

} // namespace

bool DemoRecorder::open(const QString &path, QString *error)
{
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Append)) {
        *error = u"--record: cannot write %1: %2"_s.arg(path, m_file.errorString());
        return false;
    }
    return true;
}

QJsonObject DemoRecorder::requestPart(const DemoRequest &request) const
{
    if (!m_file.isOpen())
        return {};
    const QByteArray authorization = request.header("authorization");
    return {
        { u"method"_s, QString::fromLatin1(request.method) },
        { u"query"_s, redactedQuery(request.query) },
        { u"request_content_type"_s, QString::fromLatin1(request.header("content-type")) },
        { u"request_body"_s, bodyForRecord(request.body, request.header("content-type")) },
        { u"request_body_size"_s, request.body.size() },
        { u"accept"_s, QString::fromLatin1(request.header("accept")) },
        { u"if_match"_s, !request.header("if-match").isEmpty() },
        // The scheme only: the credentials never reach the file.
        { u"authorization"_s, QString::fromLatin1(authorization.split(' ').value(0)) },
    };
}

void DemoRecorder::record(QJsonObject line, const QString &fullPath, const DemoReply &reply,
                          bool fault)
{
    if (!m_file.isOpen())
        return;
    const QByteArray replyType = reply.status == 204 ? QByteArray() : reply.contentType;
    QByteArray location;
    for (const auto &[name, value] : reply.headers) {
        if (name.compare("location", Qt::CaseInsensitive) == 0)
            location = value;
    }
    line.insert(u"path"_s, fullPath);
    line.insert(u"status"_s, reply.status);
    line.insert(u"response_content_type"_s, QString::fromLatin1(replyType));
    line.insert(u"response_body"_s, bodyForRecord(reply.body, replyType));
    line.insert(u"response_body_size"_s, reply.body.size());
    line.insert(u"location"_s, QString::fromLatin1(location));
    line.insert(u"fault"_s, fault);
    m_file.write(QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n');
    m_file.flush();
}
