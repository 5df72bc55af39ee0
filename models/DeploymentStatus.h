#pragma once

#include <optional>

// The status of automatic deployment as the site itself reports it (the Agents action
// "automatic-deployment" of the REST API, an ActionResultObject whose value object the
// published document leaves open). Each field is unset when the site's value object does
// not carry it as a boolean: the console then decides that item the older way and says so.
struct DeploymentStatus
{
    // The activated master switch ("Activation of automatic agent updates").
    std::optional<bool> deploymentEnabled;
    // An enabled rule of "Agent updater" deploys the updater.
    std::optional<bool> updaterRuleConfigured;
    // At least one signature key exists.
    std::optional<bool> signatureKeyConfigured;
    std::optional<bool> agentsBaked;
    std::optional<bool> agentsSigned;

    bool coversAnything() const
    {
        return deploymentEnabled || updaterRuleConfigured || signatureKeyConfigured || agentsBaked
            || agentsSigned;
    }
};
