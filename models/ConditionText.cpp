#include "ConditionText.h"

#include <QCoreApplication>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("ConditionText", text);
}
} // namespace

QString ConditionText::formatTags(const QList<RuleConditions::TagCondition> &tags)
{
    QStringList out;
    for (const RuleConditions::TagCondition &t : tags) {
        const bool negate = t.op == RuleConditions::TagOperator::IsNot
            || t.op == RuleConditions::TagOperator::NoneOf;
        const bool list = t.op == RuleConditions::TagOperator::OneOf
            || t.op == RuleConditions::TagOperator::NoneOf;
        out << (negate ? u"!"_s : QString()) + t.key + u':'
                + (list ? u'[' + t.values.join(u'|') + u']' : t.values.value(0));
    }
    return out.join(u", "_s);
}

std::optional<QList<RuleConditions::TagCondition>> ConditionText::parseTags(const QString &text,
                                                                            QString *error)
{
    QList<RuleConditions::TagCondition> out;
    for (QString item : text.split(u',', Qt::SkipEmptyParts)) {
        item = item.trimmed();
        if (item.isEmpty())
            continue;
        const bool negate = item.startsWith(u'!');
        if (negate)
            item.remove(0, 1);
        const qsizetype colon = item.indexOf(u':');
        if (colon <= 0 || colon == item.size() - 1) {
            *error = tr("\"%1\" is not of the form group:tag").arg(item);
            return std::nullopt;
        }
        RuleConditions::TagCondition c;
        c.key = item.left(colon).trimmed();
        QString value = item.mid(colon + 1).trimmed();
        if (value.startsWith(u'[')) {
            if (!value.endsWith(u']')) {
                *error = tr("\"%1\": a list of tags ends with ]").arg(item);
                return std::nullopt;
            }
            for (const QString &v : value.mid(1, value.size() - 2).split(u'|'))
                c.values << v.trimmed();
            if (c.values.contains(QString())) {
                *error = tr("\"%1\": a tag in the list is empty").arg(item);
                return std::nullopt;
            }
            c.op
                = negate ? RuleConditions::TagOperator::NoneOf : RuleConditions::TagOperator::OneOf;
        } else {
            c.values << value;
            c.op = negate ? RuleConditions::TagOperator::IsNot : RuleConditions::TagOperator::Is;
        }
        out << c;
    }
    return out;
}

QString ConditionText::formatLabels(const QList<RuleConditions::LabelGroup> &groups)
{
    QStringList out;
    for (qsizetype g = 0; g < groups.size(); ++g) {
        const RuleConditions::LabelGroup &group = groups.at(g);
        QStringList parts;
        if (group.op != RuleConditions::LabelOperator::And)
            parts << RuleConditions::operatorName(group.op).toUpper();
        for (qsizetype l = 0; l < group.labels.size(); ++l) {
            const RuleConditions::Label &label = group.labels.at(l);
            if (l > 0 || label.op != RuleConditions::LabelOperator::And)
                parts << RuleConditions::operatorName(label.op);
            parts << label.label;
        }
        out << parts.join(u' ');
    }
    return out.join(u"; "_s);
}

std::optional<QList<RuleConditions::LabelGroup>> ConditionText::parseLabels(const QString &text,
                                                                            QString *error)
{
    QList<RuleConditions::LabelGroup> out;
    for (const QString &groupText : text.split(u';', Qt::SkipEmptyParts)) {
        const QStringList tokens = groupText.simplified().split(u' ', Qt::SkipEmptyParts);
        if (tokens.isEmpty())
            continue;
        RuleConditions::LabelGroup group;
        qsizetype i = 0;
        if (tokens.at(0) == u"AND"_s || tokens.at(0) == u"OR"_s || tokens.at(0) == u"NOT"_s) {
            group.op = *RuleConditions::labelOperator(tokens.at(0).toLower());
            ++i;
        }
        // A flag and a value rather than std::optional: GCC's -Wmaybe-uninitialized misreads
        // an optional enum reset in a loop (a false positive that -Werror turns into a failure).
        bool pending = false;
        RuleConditions::LabelOperator pendingOp = RuleConditions::LabelOperator::And;
        for (; i < tokens.size(); ++i) {
            const QString &t = tokens.at(i);
            if (const auto op = RuleConditions::labelOperator(t)) {
                if (pending) {
                    *error = tr("\"%1\": two operators in a row").arg(groupText.trimmed());
                    return std::nullopt;
                }
                pending = true;
                pendingOp = *op;
                continue;
            }
            if (t.indexOf(u':') <= 0) {
                *error = tr("\"%1\" is not a label of the form key:value").arg(t);
                return std::nullopt;
            }
            if (!pending && !group.labels.isEmpty()) {
                *error
                    = tr("\"%1\": put and, or or not between two labels").arg(groupText.trimmed());
                return std::nullopt;
            }
            group.labels.append({ pending ? pendingOp : RuleConditions::LabelOperator::And, t });
            pending = false;
        }
        if (pending || group.labels.isEmpty()) {
            *error = tr("\"%1\": a label is missing").arg(groupText.trimmed());
            return std::nullopt;
        }
        out << group;
    }
    return out;
}
