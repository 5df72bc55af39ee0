#include "RulePrecedence.h"

#include <algorithm>

EffectiveRuleValue RulePrecedence::effectiveValue(const Host &host,
                                                  const QList<AgentUpdaterRule> &rules)
{
    EffectiveRuleValue out;
    for (const AgentUpdaterRule &rule : rules) {
        if (rule.properties.disabled || !rule.matches(host))
            continue;
        out.matchingRules.append(rule.id);
        for (auto it = rule.value.cbegin(); it != rule.value.cend(); ++it) {
            if (out.value.contains(it.key()))
                continue;
            out.value.insert(it.key(), it.value());
            out.sourceRule.insert(it.key(), rule.id);
        }
    }
    return out;
}

QList<AgentUpdaterRule> RulePrecedence::inEvaluationOrder(QList<AgentUpdaterRule> rules)
{
    std::stable_sort(rules.begin(), rules.end(),
                     [](const AgentUpdaterRule &a, const AgentUpdaterRule &b) {
                         return a.folderDepth() > b.folderDepth();
                     });
    return rules;
}
