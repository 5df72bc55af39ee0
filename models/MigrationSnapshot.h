#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

#include "AgentUpdaterRule.h"
#include "BakedAgent.h"
#include "SignatureKey.h"

// What the migration assistant read of one site: enough to plan the move and, read again
// afterwards, to verify it. Never holds a secret.
struct MigrationSnapshot
{
    QString connectionName;
    QString server; // as the hosts reach it: "host[:port]"
    QString site;
    QString protocol = QStringLiteral("https");
    QStringList hostNames; // sorted
    QList<AgentUpdaterRule> rules; // the agent updater rule set, in the site's order
    QList<SignatureKey> keys;
    bool keysKnown = true; // false: the site offers no key interface (a stock site)
    QStringList registeredHosts; // sorted
    bool registrationsKnown = true; // false: no registration interface (a stock site)
    QList<BakedAgent> agents;
    // The master switch (agent_deployment_enabled); unset when the site did not say.
    std::optional<bool> masterSwitch;
};
