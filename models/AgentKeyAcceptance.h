#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include "AgentUpdaterRule.h"
#include "Host.h"

// Which signature keys the hosts of one baked agent accept. Each host takes its accepted keys
// from the agent updater rule effective for it ("first rule per parameter wins", the same
// precedence as everywhere else), so the hosts of one agent may accept different keys; they
// are grouped here by the rule that supplies `signature_keys`.
class AgentKeyAcceptance final
{
public:
    struct Group
    {
        QString ruleId; // empty: no enabled rule sets accepted keys for these hosts
        int ruleNumber = 0; // 1-based position in the site's list; 0 when no rule
        QString ruleDescription;
        QString ruleFolder;
        QList<QByteArray> certificates; // normalised PEM of each accepted key
        QStringList hosts;
    };

    // One agent and its hosts, grouped.
    struct Agent
    {
        QString name;
        QList<Group> groups;
        QString hash; // the agent's hash, 16 hex digits
    };
    // Hosts that would refuse agents signed only with one key, by the rule that makes them.
    struct Refusal
    {
        QString ruleId; // empty: hosts for which no enabled rule sets accepted keys
        int ruleNumber = 0;
        QString ruleDescription;
        QString ruleFolder;
        int hosts = 0;
        QStringList agents; // names of the agents concerned
        QStringList someHosts; // the first few, to name them
    };

    // `hosts`: the agent's hosts as the inventory has them; `rules`: in the site's order.
    static QList<Group> groups(const QList<Host> &hosts, const QList<AgentUpdaterRule> &rules);
    // The rules whose hosts do not accept the key with this certificate, with how many hosts
    // of which agents each concerns; empty when every host of every agent accepts it.
    static QList<Refusal> refusals(const QList<Agent> &agents, const QByteArray &certificatePem);
    // Whether the group's hosts accept the key with this certificate.
    static bool accepts(const Group &group, const QByteArray &certificatePem);
    // The certificate as compared: PEM lines trimmed, blank lines and line-end styles ignored.
    static QByteArray normalizedPem(const QByteArray &pem);
};
