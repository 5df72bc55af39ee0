#include "RuleConditions.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("RuleConditions", text);
}

bool nameMatches(const QString &pattern, const QString &name)
{
    if (!pattern.startsWith(u'~'))
        return pattern == name;
    const QRegularExpression re(u"\\A(?:"_s + pattern.mid(1) + u')');
    return re.isValid() && re.match(name).hasMatch();
}

bool labelHolds(const QString &label, const Host &host)
{
    const qsizetype colon = label.indexOf(u':');
    if (colon < 0)
        return false;
    const QString key = label.left(colon);
    return host.labels.contains(key) && host.labels.value(key) == label.mid(colon + 1);
}

// Checkmk combines a list of (operator, value) left to right; the first operator only counts
// when it is "not".
template<typename Item, typename Eval> bool combine(const QList<Item> &items, Eval eval)
{
    bool acc = true;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const bool v = eval(items.at(i));
        switch (items.at(i).op) {
        case RuleConditions::LabelOperator::And:
            acc = i == 0 ? v : acc && v;
            break;
        case RuleConditions::LabelOperator::Or:
            acc = i == 0 ? v : acc || v;
            break;
        case RuleConditions::LabelOperator::Not:
            acc = i == 0 ? !v : acc && !v;
            break;
        }
    }
    return acc;
}
} // namespace

bool RuleConditions::matches(const Host &host) const
{
    for (const TagCondition &c : hostTags) {
        const bool has = host.tags.contains(c.key);
        const QString tag = host.tags.value(c.key);
        bool ok = false;
        switch (c.op) {
        case TagOperator::Is:
            ok = has && !c.values.isEmpty() && tag == c.values.first();
            break;
        case TagOperator::IsNot:
            ok = !(has && !c.values.isEmpty() && tag == c.values.first());
            break;
        case TagOperator::OneOf:
            ok = has && c.values.contains(tag);
            break;
        case TagOperator::NoneOf:
            ok = !(has && c.values.contains(tag));
            break;
        }
        if (!ok)
            return false;
    }
    if (!hostLabelGroups.isEmpty()) {
        const bool labels = combine(hostLabelGroups, [&host](const LabelGroup &g) {
            return combine(g.labels, [&host](const Label &l) { return labelHolds(l.label, host); });
        });
        if (!labels)
            return false;
    }
    if (hostNames) {
        bool listed = false;
        for (const QString &pattern : hostNames->matchOn)
            listed = listed || nameMatches(pattern, host.name);
        if (listed == hostNames->negate)
            return false;
    }
    return true;
}

QList<RuleConditions::Issue> RuleConditions::validate() const
{
    QList<Issue> issues;
    if (hostNames) {
        if (hostNames->matchOn.isEmpty())
            issues.append({ u"conditions.host_name.match_on"_s,
                            tr("Name at least one host, or do not restrict host names.") });
        for (qsizetype i = 0; i < hostNames->matchOn.size(); ++i) {
            const QString &n = hostNames->matchOn.at(i);
            const QString field = u"conditions.host_name.match_on[%1]"_s.arg(i);
            if (n.trimmed().isEmpty())
                issues.append({ field, tr("A host name must not be empty.") });
            else if (n.startsWith(u'~') && !QRegularExpression(n.mid(1)).isValid())
                issues.append({ field, tr("\"%1\" is not a valid regular expression.").arg(n) });
        }
    }
    for (qsizetype i = 0; i < hostTags.size(); ++i) {
        const TagCondition &c = hostTags.at(i);
        const QString field = u"conditions.host_tags[%1]"_s.arg(i);
        if (c.key.trimmed().isEmpty())
            issues.append({ field, tr("The tag group is missing.") });
        if (c.values.isEmpty() || c.values.contains(QString()))
            issues.append({ field, tr("The tag of group \"%1\" is missing.").arg(c.key) });
        if ((c.op == TagOperator::Is || c.op == TagOperator::IsNot) && c.values.size() > 1)
            issues.append({ field, tr("\"is\" and \"is not\" take exactly one tag.") });
    }
    for (qsizetype g = 0; g < hostLabelGroups.size(); ++g) {
        const LabelGroup &group = hostLabelGroups.at(g);
        if (group.labels.isEmpty())
            issues.append({ u"conditions.host_label_groups[%1]"_s.arg(g),
                            tr("A label group needs at least one label.") });
        for (qsizetype l = 0; l < group.labels.size(); ++l) {
            const QString label = group.labels.at(l).label;
            if (label.indexOf(u':') <= 0)
                issues.append({ u"conditions.host_label_groups[%1].label_group[%2]"_s.arg(g).arg(l),
                                tr("\"%1\" is not a label of the form key:value.").arg(label) });
        }
    }
    return issues;
}

QStringList RuleConditions::keptKeys() const
{
    QStringList out;
    for (auto it = raw.begin(); it != raw.end(); ++it) {
        if (it.key() == u"host_name"_s || it.key() == u"host_tags"_s
            || it.key() == u"host_label_groups"_s)
            continue;
        const bool empty = (it->isArray() && it->toArray().isEmpty())
            || (it->isObject() && it->toObject().isEmpty()) || it->isNull();
        if (!empty)
            out << it.key();
    }
    return out;
}

QString RuleConditions::operatorName(TagOperator op)
{
    switch (op) {
    case TagOperator::Is:
        return u"is"_s;
    case TagOperator::IsNot:
        return u"is_not"_s;
    case TagOperator::OneOf:
        return u"one_of"_s;
    case TagOperator::NoneOf:
        return u"none_of"_s;
    }
    return {};
}

std::optional<RuleConditions::TagOperator> RuleConditions::tagOperator(const QString &name)
{
    for (TagOperator op :
         { TagOperator::Is, TagOperator::IsNot, TagOperator::OneOf, TagOperator::NoneOf }) {
        if (operatorName(op) == name)
            return op;
    }
    return std::nullopt;
}

QString RuleConditions::operatorName(LabelOperator op)
{
    switch (op) {
    case LabelOperator::And:
        return u"and"_s;
    case LabelOperator::Or:
        return u"or"_s;
    case LabelOperator::Not:
        return u"not"_s;
    }
    return {};
}

std::optional<RuleConditions::LabelOperator> RuleConditions::labelOperator(const QString &name)
{
    for (LabelOperator op : { LabelOperator::And, LabelOperator::Or, LabelOperator::Not }) {
        if (operatorName(op) == name)
            return op;
    }
    return std::nullopt;
}
