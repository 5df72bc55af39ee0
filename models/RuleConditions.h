#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

#include "Host.h"

// The conditions of a Checkmk rule as the REST API describes them (InputConditions): explicit
// host names, host tag conditions, host label groups. Whatever else the site sent (service label
// groups, service descriptions, keys a newer site adds) stays in `raw` and is written back
// unchanged, so a rule made in the Checkmk GUI keeps all of its conditions.
struct RuleConditions
{
    enum class TagOperator { Is, IsNot, OneOf, NoneOf };
    struct TagCondition
    {
        QString key; // tag group id
        TagOperator op = TagOperator::Is;
        QStringList values; // one value for Is/IsNot, a list for OneOf/NoneOf
        friend bool operator==(const TagCondition &, const TagCondition &) = default;
    };
    enum class LabelOperator { And, Or, Not };
    struct Label
    {
        LabelOperator op = LabelOperator::And;
        QString label; // "key:value"
        friend bool operator==(const Label &, const Label &) = default;
    };
    struct LabelGroup
    {
        LabelOperator op = LabelOperator::And;
        QList<Label> labels;
        friend bool operator==(const LabelGroup &, const LabelGroup &) = default;
    };
    struct HostNames
    {
        // An entry starting with '~' is a regular expression matched from the start of the name.
        QStringList matchOn;
        bool negate = false; // operator "none_of"
        friend bool operator==(const HostNames &, const HostNames &) = default;
    };
    struct Issue
    {
        QString field; // "conditions.host_name.match_on[1]"
        QString message;
    };

    std::optional<HostNames> hostNames; // unset: any host name
    QList<TagCondition> hostTags;
    QList<LabelGroup> hostLabelGroups;
    // The conditions object as read; the keys above are written from the typed fields, every
    // other key (service_label_groups, service_description, ...) verbatim.
    QJsonObject raw;

    bool matches(const Host &host) const;
    QList<Issue> validate() const;
    // Whether the site sent conditions this console does not edit (they are kept).
    QStringList keptKeys() const;

    static QString operatorName(TagOperator op);
    static std::optional<TagOperator> tagOperator(const QString &name);
    static QString operatorName(LabelOperator op);
    static std::optional<LabelOperator> labelOperator(const QString &name);

    friend bool operator==(const RuleConditions &, const RuleConditions &) = default;
};
