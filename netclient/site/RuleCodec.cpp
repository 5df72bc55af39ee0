#include "RuleCodec.h"

#include <QCoreApplication>
#include <QJsonArray>

#include "PythonLiteral.h"

using namespace Qt::StringLiterals;

namespace {

ApiError malformed(const QString &detail)
{
    ApiError e;
    e.kind = ApiError::Kind::MalformedReply;
    e.title = QCoreApplication::translate("RuleCodec", "The site's reply has an unexpected shape");
    e.detail = detail;
    return e;
}

QString tr(const char *text)
{
    return QCoreApplication::translate("RuleCodec", text);
}

// A key is written when the site sent it or when it differs from the API's default, so that
// a rule read without a comment is not saved with an empty one.
void put(QJsonObject &out, const QString &key, const QJsonValue &value, const QJsonValue &fallback)
{
    if (out.contains(key) || value != fallback)
        out.insert(key, value);
}

QJsonArray labelGroupsJson(const QList<RuleConditions::LabelGroup> &groups)
{
    QJsonArray out;
    for (const RuleConditions::LabelGroup &g : groups) {
        QJsonArray labels;
        for (const RuleConditions::Label &l : g.labels)
            labels.append(QJsonObject { { u"operator"_s, RuleConditions::operatorName(l.op) },
                                        { u"label"_s, l.label } });
        out.append(QJsonObject { { u"operator"_s, RuleConditions::operatorName(g.op) },
                                 { u"label_group"_s, labels } });
    }
    return out;
}

std::optional<QList<RuleConditions::LabelGroup>> readLabelGroups(const QJsonValue &value,
                                                                 QString *problem)
{
    QList<RuleConditions::LabelGroup> groups;
    for (const QJsonValue &gv : value.toArray()) {
        const QJsonObject go = gv.toObject();
        RuleConditions::LabelGroup g;
        const auto gop = RuleConditions::labelOperator(go.value(u"operator"_s).toString(u"and"_s));
        if (!gop || !go.value(u"label_group"_s).isArray()) {
            *problem = u"host_label_groups"_s;
            return std::nullopt;
        }
        g.op = *gop;
        for (const QJsonValue &lv : go.value(u"label_group"_s).toArray()) {
            const QJsonObject lo = lv.toObject();
            const auto lop
                = RuleConditions::labelOperator(lo.value(u"operator"_s).toString(u"and"_s));
            if (!lop || !lo.value(u"label"_s).isString()) {
                *problem = u"host_label_groups"_s;
                return std::nullopt;
            }
            g.labels.append({ *lop, lo.value(u"label"_s).toString() });
        }
        groups << g;
    }
    return groups;
}

} // namespace

std::optional<AgentUpdaterRule> RuleCodec::read(const QJsonObject &object, ApiError *error)
{
    const QJsonObject ext = object.value(u"extensions"_s).toObject();
    AgentUpdaterRule r;
    r.id = object.value(u"id"_s).toString();
    if (r.id.isEmpty()) {
        *error = malformed(tr("A rule has no \"id\"."));
        return std::nullopt;
    }
    r.folder = ext.value(u"folder"_s).toString(u"/"_s);
    r.folder.replace(u'~', u'/').replace(u'\\', u'/');
    if (!r.folder.startsWith(u'/'))
        r.folder.prepend(u'/');
    r.folderIndex = ext.value(u"folder_index"_s).toInt(-1);

    const QJsonObject properties = ext.value(u"properties"_s).toObject();
    r.properties.raw = properties;
    r.properties.description = properties.value(u"description"_s).toString();
    r.properties.comment = properties.value(u"comment"_s).toString();
    r.properties.documentationUrl = properties.value(u"documentation_url"_s).toString();
    r.properties.disabled = properties.value(u"disabled"_s).toBool();

    r.valueRaw = ext.value(u"value_raw"_s).toString();
    PythonLiteral::Error pe;
    const QVariant parsed = PythonLiteral::parse(r.valueRaw, &pe);
    if (pe.isError() || parsed.typeId() != QMetaType::QVariantMap) {
        *error = malformed(tr("rule %1: value_raw is not a Python dict (%2).")
                               .arg(r.id, pe.isError() ? pe.toString() : u"not a dict"_s));
        return std::nullopt;
    }
    r.value = parsed.toMap();
    r.valueAsRead = r.value;

    const QJsonObject conditions = ext.value(u"conditions"_s).toObject();
    r.conditions.raw = conditions;
    if (conditions.contains(u"host_name"_s)) {
        const QJsonObject names = conditions.value(u"host_name"_s).toObject();
        RuleConditions::HostNames n;
        for (const QJsonValue &v : names.value(u"match_on"_s).toArray())
            n.matchOn << v.toString();
        n.negate = names.value(u"operator"_s).toString() == u"none_of"_s;
        r.conditions.hostNames = n;
    }
    for (const QJsonValue &t : conditions.value(u"host_tags"_s).toArray()) {
        const QJsonObject tag = t.toObject();
        const auto op = RuleConditions::tagOperator(tag.value(u"operator"_s).toString());
        if (!op) {
            *error = malformed(tr("rule %1: host tag condition with unknown operator \"%2\".")
                                   .arg(r.id, tag.value(u"operator"_s).toString()));
            return std::nullopt;
        }
        RuleConditions::TagCondition c;
        c.key = tag.value(u"key"_s).toString();
        c.op = *op;
        const QJsonValue value = tag.value(u"value"_s);
        if (value.isArray()) {
            for (const QJsonValue &v : value.toArray())
                c.values << v.toString();
        } else {
            c.values << value.toString();
        }
        r.conditions.hostTags << c;
    }
    QString problem;
    const auto groups = readLabelGroups(conditions.value(u"host_label_groups"_s), &problem);
    if (!groups) {
        *error = malformed(tr("rule %1: %2 has an unexpected shape.").arg(r.id, problem));
        return std::nullopt;
    }
    r.conditions.hostLabelGroups = *groups;
    return r;
}

QJsonObject RuleCodec::propertiesJson(const RuleProperties &p)
{
    QJsonObject out = p.raw;
    put(out, u"description"_s, p.description, QString());
    put(out, u"comment"_s, p.comment, QString());
    put(out, u"documentation_url"_s, p.documentationUrl, QString());
    put(out, u"disabled"_s, p.disabled, false);
    return out;
}

QJsonObject RuleCodec::conditionsJson(const RuleConditions &c)
{
    QJsonObject out = c.raw;
    if (c.hostNames)
        out.insert(
            u"host_name"_s,
            QJsonObject { { u"match_on"_s, QJsonArray::fromStringList(c.hostNames->matchOn) },
                          { u"operator"_s, c.hostNames->negate ? u"none_of"_s : u"one_of"_s } });
    else
        out.remove(u"host_name"_s);
    QJsonArray tags;
    for (const RuleConditions::TagCondition &t : c.hostTags) {
        const bool list = t.op == RuleConditions::TagOperator::OneOf
            || t.op == RuleConditions::TagOperator::NoneOf;
        tags.append(QJsonObject { { u"key"_s, t.key },
                                  { u"operator"_s, RuleConditions::operatorName(t.op) },
                                  { u"value"_s,
                                    list ? QJsonValue(QJsonArray::fromStringList(t.values))
                                         : QJsonValue(t.values.value(0)) } });
    }
    put(out, u"host_tags"_s, tags, QJsonArray());
    put(out, u"host_label_groups"_s, labelGroupsJson(c.hostLabelGroups), QJsonArray());
    return out;
}

QString RuleCodec::valueRaw(const AgentUpdaterRule &rule)
{
    if (!rule.valueRaw.isEmpty() && rule.value == rule.valueAsRead)
        return rule.valueRaw;
    return PythonLiteral::write(rule.value);
}

QJsonObject RuleCodec::updateBody(const AgentUpdaterRule &rule)
{
    return QJsonObject { { u"properties"_s, propertiesJson(rule.properties) },
                         { u"value_raw"_s, valueRaw(rule) },
                         { u"conditions"_s, conditionsJson(rule.conditions) } };
}

QJsonObject RuleCodec::createBody(const AgentUpdaterRule &rule)
{
    QJsonObject body = updateBody(rule);
    body.insert(u"ruleset"_s, QString::fromLatin1(ruleset));
    body.insert(u"folder"_s, apiFolder(rule.folder));
    return body;
}

QJsonObject RuleCodec::moveBody(const RulePosition &position)
{
    switch (position.kind) {
    case RulePosition::Kind::TopOfFolder:
        return { { u"position"_s, u"top_of_folder"_s },
                 { u"folder"_s, apiFolder(position.folder) } };
    case RulePosition::Kind::BottomOfFolder:
        return { { u"position"_s, u"bottom_of_folder"_s },
                 { u"folder"_s, apiFolder(position.folder) } };
    case RulePosition::Kind::BeforeRule:
        return { { u"position"_s, u"before_specific_rule"_s }, { u"rule_id"_s, position.ruleId } };
    case RulePosition::Kind::AfterRule:
        return { { u"position"_s, u"after_specific_rule"_s }, { u"rule_id"_s, position.ruleId } };
    }
    return {};
}

QString RuleCodec::apiFolder(const QString &folder)
{
    QString out = folder.trimmed();
    out.replace(u'/', u'~');
    if (out.isEmpty())
        out = u"~"_s;
    if (out.size() > 1 && out.endsWith(u'~'))
        out.chop(1);
    return out;
}
