#pragma once

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QVariantMap>

#include "AgentUpdaterConfig.h"
#include "Host.h"
#include "RuleConditions.h"
#include "RuleProperties.h"

// One rule of the "Agent updater" rule set, whole: where it lives, its properties and
// conditions (with every part this console does not edit kept verbatim) and its value (the parsed
// value_raw, unknown keys included). Only the value's set keys count; see RulePrecedence.
struct AgentUpdaterRule
{
    struct Issue
    {
        QString field; // "folder", "properties.documentation_url", "conditions.host_tags[0]"
        QString message;
    };

    QString id;
    QString folder = QStringLiteral("/"); // the folder the rule lives in; covers subfolders
    int folderIndex = -1; // position within its folder as the site reported it
    RuleProperties properties;
    RuleConditions conditions;
    QVariantMap value;
    // value_raw as read: written back byte for byte while `value` is unchanged, so a save that
    // changed nothing sends what the site sent.
    QString valueRaw;
    QVariantMap valueAsRead;
    QByteArray etag; // of the version read; empty when the rule came from the collection

    // Whether the rule's conditions (folder, tags, labels, names) hold for the host; ignores
    // `disabled`, which RulePrecedence looks at.
    bool matches(const Host &host) const;
    AgentUpdaterConfig config() const { return AgentUpdaterConfig::fromVariant(value); }
    // Folder depth: "/" is 0, "/linux/web" is 2. Deeper rules are evaluated first.
    int folderDepth() const;
    // Problems the REST API would refuse, named by field: a folder that does not start with
    // '/' or '~', empty host names, tag and label conditions without a value, a bad URL.
    QList<Issue> validate() const;
    // The parts of a rule this console does not edit (service conditions, value keys it does
    // not know); the editor says that they are kept.
    QStringList keptParts() const;

    bool isDisabled() const { return properties.disabled; }
    QString description() const { return properties.description; }
};

Q_DECLARE_METATYPE(AgentUpdaterRule)
