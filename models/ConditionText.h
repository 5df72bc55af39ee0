#pragma once

#include <QList>
#include <QString>

#include <optional>

#include "RuleConditions.h"

// The one-line forms in which the rule editor shows and takes host tag and label conditions.
//   Tags:   "criticality:prod, !networking:dmz, os:[linux|aix], !os:[windows]"
//           (is, is_not, one_of, none_of)
//   Labels: "env:prod or env:test; NOT team:legacy"
//           groups separated by ';', a group's operator in capitals before it (AND is the
//           default), the operator of each label (and, or, not) before it.
// format() and parse() are inverse: what the site sent comes back unchanged.
class ConditionText final
{
public:
    static QString formatTags(const QList<RuleConditions::TagCondition> &tags);
    static std::optional<QList<RuleConditions::TagCondition>> parseTags(const QString &text,
                                                                        QString *error);
    static QString formatLabels(const QList<RuleConditions::LabelGroup> &groups);
    static std::optional<QList<RuleConditions::LabelGroup>> parseLabels(const QString &text,
                                                                        QString *error);
};
