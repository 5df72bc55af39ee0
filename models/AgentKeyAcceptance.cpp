#include "AgentKeyAcceptance.h"

#include <QHash>

#include "RulePrecedence.h"

using namespace Qt::StringLiterals;

QList<AgentKeyAcceptance::Group> AgentKeyAcceptance::groups(const QList<Host> &hosts,
                                                            const QList<AgentUpdaterRule> &rules)
{
    // Only the enabled rules that set accepted keys decide, the first that matches in Checkmk's
    // evaluation order: the same answer as the whole effective value, at a fraction of the work
    // for a hundred thousand hosts.
    const QList<AgentUpdaterRule> ordered = RulePrecedence::inEvaluationOrder(rules);
    QList<const AgentUpdaterRule *> deciding;
    for (const AgentUpdaterRule &rule : ordered) {
        if (!rule.properties.disabled && rule.value.contains(u"signature_keys"_s))
            deciding << &rule;
    }
    QList<Group> out;
    QHash<QString, qsizetype> byRule; // rule id ("" for none) -> index in out
    for (const Host &host : hosts) {
        QString id;
        for (const AgentUpdaterRule *rule : std::as_const(deciding)) {
            if (rule->matches(host)) {
                id = rule->id;
                break;
            }
        }
        auto it = byRule.constFind(id);
        if (it == byRule.cend()) {
            Group group;
            group.ruleId = id;
            for (qsizetype i = 0; i < rules.size(); ++i) {
                if (!id.isEmpty() && rules.at(i).id == id) {
                    const AgentUpdaterRule &rule = rules.at(i);
                    group.ruleNumber = int(i + 1);
                    group.ruleDescription = rule.properties.description;
                    group.ruleFolder = rule.folder;
                    for (const QString &pem : rule.config().signatureKeys.value_or(QStringList()))
                        group.certificates << normalizedPem(pem.toUtf8());
                }
            }
            it = byRule.insert(id, out.size());
            out << group;
        }
        out[*it].hosts << host.name;
    }
    return out;
}

QList<AgentKeyAcceptance::Refusal> AgentKeyAcceptance::refusals(const QList<Agent> &agents,
                                                                const QByteArray &certificatePem)
{
    constexpr int named = 3;
    QList<Refusal> out;
    QHash<QString, qsizetype> byRule;
    for (const Agent &agent : agents) {
        for (const Group &group : agent.groups) {
            if (group.hosts.isEmpty() || accepts(group, certificatePem))
                continue;
            auto it = byRule.constFind(group.ruleId);
            if (it == byRule.cend()) {
                Refusal r;
                r.ruleId = group.ruleId;
                r.ruleNumber = group.ruleNumber;
                r.ruleDescription = group.ruleDescription;
                r.ruleFolder = group.ruleFolder;
                it = byRule.insert(group.ruleId, out.size());
                out << r;
            }
            Refusal &r = out[*it];
            r.hosts += int(group.hosts.size());
            if (!r.agents.contains(agent.name))
                r.agents << agent.name;
            for (qsizetype i = 0; i < group.hosts.size() && r.someHosts.size() < named; ++i)
                r.someHosts << group.hosts.at(i);
        }
    }
    return out;
}

bool AgentKeyAcceptance::accepts(const Group &group, const QByteArray &certificatePem)
{
    return group.certificates.contains(normalizedPem(certificatePem));
}

QByteArray AgentKeyAcceptance::normalizedPem(const QByteArray &pem)
{
    QByteArrayList lines;
    for (const QByteArray &line : pem.split('\n')) {
        const QByteArray trimmed = line.trimmed();
        if (!trimmed.isEmpty())
            lines << trimmed;
    }
    return lines.join('\n');
}
