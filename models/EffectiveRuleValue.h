#pragma once

#include <QMap>
#include <QString>
#include <QStringList>
#include <QVariantMap>

#include "AgentUpdaterConfig.h"

// The agent updater settings a host ends up with, and for each parameter the rule it came from.
struct EffectiveRuleValue
{
    QVariantMap value; // merged rule value: each key from its first matching rule
    QMap<QString, QString> sourceRule; // parameter key -> rule id
    QStringList matchingRules; // ids of the enabled rules that match, in evaluation order

    bool isEmpty() const { return value.isEmpty(); }
    QString ruleFor(const QString &key) const { return sourceRule.value(key); }
    AgentUpdaterConfig config() const { return AgentUpdaterConfig::fromVariant(value); }

    // The parameters of the agent updater rule set in the order Checkmk's editor shows them.
    static QStringList knownParameters();
    // What a host gets for a parameter no rule sets.
    static QString defaultText(const QString &key);
};
