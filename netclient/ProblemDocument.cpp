#include "ProblemDocument.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "DisplayText.h"

using namespace Qt::StringLiterals;

namespace {

// Field errors of a problem document, names and messages escaped and capped (they are the
// site's words), and no more of them than a banner can show.
QHash<QString, QStringList> readFields(const QJsonValue &value, int depth = 0)
{
    constexpr qsizetype maxFields = 100;
    constexpr qsizetype maxName = 100;
    constexpr qsizetype maxMessage = 500;
    QHash<QString, QStringList> fields;
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end() && fields.size() < maxFields; ++it) {
        const QString name = DisplayText::sanitized(it.key(), maxName);
        QStringList messages;
        if (it->isArray()) {
            const QJsonArray list = it->toArray();
            for (const QJsonValue &m : list) {
                if (messages.size() >= maxFields)
                    break;
                messages << DisplayText::sanitized(
                    m.isString() ? m.toString()
                                 : QString::fromUtf8(
                                     QJsonDocument(m.toObject()).toJson(QJsonDocument::Compact)),
                    maxMessage);
            }
        } else if (it->isObject()) {
            // Nested field errors: flatten to "outer.inner".
            if (depth >= 4)
                continue;
            const auto inner = readFields(*it, depth + 1);
            for (auto in = inner.begin(); in != inner.end() && fields.size() < maxFields; ++in)
                fields.insert(name + u'.' + in.key(), in.value());
            continue;
        } else {
            messages << DisplayText::sanitized(it->toVariant().toString(), maxMessage);
        }
        fields.insert(name, messages);
    }
    return fields;
}

} // namespace

bool ProblemDocument::read(const QByteArray &body, ApiError *error, QJsonDocument *parsed)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return false;
    const QJsonObject o = doc.object();
    if (o.value(u"title"_s).isString())
        error->title = DisplayText::sanitized(o.value(u"title"_s).toString(), maxTitleLength);
    if (o.value(u"detail"_s).isString())
        error->detail = DisplayText::sanitized(o.value(u"detail"_s).toString(), maxDetailLength,
                                               DisplayText::Newlines::Keep);
    error->fields = readFields(o.value(u"fields"_s));
    if (parsed != nullptr)
        *parsed = doc;
    return true;
}
