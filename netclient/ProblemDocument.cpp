#include "ProblemDocument.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace {

QHash<QString, QStringList> readFields(const QJsonValue &value)
{
    QHash<QString, QStringList> fields;
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        QStringList messages;
        if (it->isArray()) {
            const QJsonArray list = it->toArray();
            for (const QJsonValue &m : list)
                messages << (m.isString()
                                 ? m.toString()
                                 : QString::fromUtf8(
                                     QJsonDocument(m.toObject()).toJson(QJsonDocument::Compact)));
        } else if (it->isObject()) {
            // Nested field errors: flatten to "outer.inner".
            const auto inner = readFields(*it);
            for (auto in = inner.begin(); in != inner.end(); ++in)
                fields.insert(it.key() + u'.' + in.key(), in.value());
            continue;
        } else {
            messages << it->toVariant().toString();
        }
        fields.insert(it.key(), messages);
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
        error->title = o.value(u"title"_s).toString();
    if (o.value(u"detail"_s).isString())
        error->detail = o.value(u"detail"_s).toString();
    error->fields = readFields(o.value(u"fields"_s));
    if (parsed != nullptr)
        *parsed = doc;
    return true;
}
