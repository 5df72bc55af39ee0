#pragma once

#include <QList>

#include "AgentUpdaterRule.h"
#include "EffectiveRuleValue.h"
#include "Host.h"

// Checkmk's "first rule per parameter wins" for dictionary rule sets such as the agent
// updater: each top-level key of the value comes from the first enabled, matching rule that
// sets it, so a later rule can still supply keys the earlier ones leave out.
class RulePrecedence final
{
public:
    // `rules` must be in evaluation order (see inEvaluationOrder()).
    static EffectiveRuleValue effectiveValue(const Host &host,
                                             const QList<AgentUpdaterRule> &rules);

    // Rules of deeper folders come before rules of their parent folders, as Checkmk evaluates
    // them; the order within one folder is kept. Rules of unrelated folders never both match
    // a host, so their relative order does not matter.
    static QList<AgentUpdaterRule> inEvaluationOrder(QList<AgentUpdaterRule> rules);
};
