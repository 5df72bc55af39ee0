#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QVariantMap>

#include "AgentUpdaterConfig.h"
#include "Host.h"

// One rule of the "Agent updater" rule set: where it lives, its conditions and its raw value
// (the parsed value_raw). Only the value's set keys count; see RulePrecedence.
struct AgentUpdaterRule
{
    struct TagCondition
    {
        QString group;
        QString tag;
        bool negate = false; // operator "is_not"
    };
    struct LabelCondition
    {
        QString key;
        QString value;
        bool negate = false;
    };

    QString id;
    QString folder = QStringLiteral("/"); // the folder the rule lives in; covers subfolders
    QString description;
    bool disabled = false;
    QList<TagCondition> hostTags;
    QList<LabelCondition> hostLabels;
    // Explicit host names; empty = any host. An entry starting with '~' is a regular
    // expression matched from the start of the name, as in Checkmk.
    QStringList hostNames;
    bool hostNamesNegated = false; // operator "none_of"
    QVariantMap value;

    // Whether the rule's conditions (folder, tags, labels, names) hold for the host; ignores
    // `disabled`, which RulePrecedence looks at.
    bool matches(const Host &host) const;
    AgentUpdaterConfig config() const { return AgentUpdaterConfig::fromVariant(value); }
    // Folder depth: "/" is 0, "/linux/web" is 2. Deeper rules are evaluated first.
    int folderDepth() const;
};

Q_DECLARE_METATYPE(AgentUpdaterRule)
