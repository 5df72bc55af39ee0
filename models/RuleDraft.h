#pragma once

#include <optional>

#include "AgentUpdaterRule.h"
#include "RulePosition.h"

// What the rule editor hands back: the rule as edited and, for a new rule, where it goes
// (unset: the bottom of its folder, where the site puts a new rule).
struct RuleDraft
{
    AgentUpdaterRule rule;
    std::optional<RulePosition> position;
};
