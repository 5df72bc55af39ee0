#include "Prerequisites.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace {

// Called as tr(text, nullptr, n), the form lupdate reads as a plural.
QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("Prerequisites", text, disambiguation, n);
}

QByteArray normal(const QByteArray &pem)
{
    QByteArray out = pem.trimmed();
    out.replace("\r\n", "\n");
    return out;
}

// The first enabled rule that sets each parameter gives it (rules apply to the whole site here).
const AgentUpdaterRule *firstRuleWith(const QList<AgentUpdaterRule> &rules, const QString &key)
{
    for (const AgentUpdaterRule &r : rules) {
        if (!r.properties.disabled && r.value.contains(key))
            return &r;
    }
    return nullptr;
}

// Sets the four parts; where the item was decided is filled in afterwards.
Prerequisites::Result result(Prerequisites::Item item, Prerequisites::State state,
                             const QString &title, const QString &reason)
{
    Prerequisites::Result r;
    r.item = item;
    r.state = state;
    r.title = title;
    r.reason = reason;
    return r;
}

} // namespace

QList<int> Prerequisites::acceptedKeyIds(const Input &input)
{
    QList<int> ids;
    if (!input.rules || !input.keys)
        return ids;
    const AgentUpdaterRule *rule = firstRuleWith(*input.rules, u"signature_keys"_s);
    if (!rule)
        return ids;
    const QStringList pems = rule->config().signatureKeys.value_or(QStringList());
    for (const KeyInfo &k : *input.keys) {
        for (const QString &pem : pems) {
            if (normal(pem.toUtf8()) == normal(k.certificatePem))
                ids << k.id;
        }
    }
    return ids;
}

QList<Prerequisites::Result> Prerequisites::evaluate(const Input &in)
{
    QList<Result> out;
    const auto unknown = [](Item item, const QString &title, const QString &why) {
        return result(item, State::Unknown, title, why);
    };

    // 1. A signature key exists.
    const QString keyTitle = tr("A signature key exists");
    if (!in.keys)
        out << unknown(Item::SignatureKey, keyTitle,
                       tr("The site's signature keys could not be read."));
    else if (in.keys->isEmpty())
        out << result(Item::SignatureKey, State::NotMet, keyTitle,
                      tr("No signature key yet: create one, then sign the agents with it."));
    else
        out << result(Item::SignatureKey, State::Met, keyTitle,
                      tr("%n signature key(s) on the site.", nullptr, int(in.keys->size())));

    // 2. The agent updater rule deploys the plug-in with at least one existing key.
    const QString ruleTitle = tr("The agent updater rule deploys the updater with an existing key");
    const QList<int> accepted = acceptedKeyIds(in);
    if (!in.rules) {
        out << unknown(Item::UpdaterRule, ruleTitle,
                       tr("The rules of \"Agent updater\" could not be read."));
    } else {
        const AgentUpdaterRule *activation = firstRuleWith(*in.rules, u"activated"_s);
        const bool activated = activation && activation->config().activated.value_or(false);
        const AgentUpdaterRule *server = firstRuleWith(*in.rules, u"server_data"_s);
        const AgentUpdaterRule *keys = firstRuleWith(*in.rules, u"signature_keys"_s);
        if (in.rules->isEmpty())
            out << result(Item::UpdaterRule, State::NotMet, ruleTitle,
                          tr("There is no rule in \"Agent updater (Linux, Windows, Solaris)\"."));
        else if (!activated)
            out << result(
                Item::UpdaterRule, State::NotMet, ruleTitle,
                tr("No enabled rule deploys the agent updater plug-in (\"activated\" is off)."));
        else if (!keys || keys->config().signatureKeys.value_or(QStringList()).isEmpty())
            out << result(
                Item::UpdaterRule, State::NotMet, ruleTitle,
                tr("The rule accepts no signature key: the updater would refuse every agent."));
        else if (in.keys && accepted.isEmpty())
            out << result(Item::UpdaterRule, State::NotMet, ruleTitle,
                          tr("The rule accepts only keys that no longer exist on the site."));
        else if (!in.keys)
            out << unknown(
                Item::UpdaterRule, ruleTitle,
                tr("The rule lists keys, but the site's keys could not be read to check them."));
        else
            out << result(Item::UpdaterRule, State::Met, ruleTitle,
                          server ? tr("Enabled, with update server %1 and %n accepted key(s).",
                                      nullptr, int(accepted.size()))
                                       .arg(server->config().serverData->server)
                                 : tr("Enabled with %n accepted key(s); no update server, so "
                                      "hosts are registered by hand.",
                                      nullptr, int(accepted.size())));
    }

    // 3. Agents are baked and signed with a key that the rule accepts.
    const QString agentsTitle = tr("Agents are baked and signed with an accepted key");
    if (!in.agents) {
        out << unknown(Item::SignedAgents, agentsTitle, tr("The baked agents could not be read."));
    } else if (in.agents->isEmpty()) {
        out << result(Item::SignedAgents, State::NotMet, agentsTitle,
                      tr("No agents are baked yet: bake and sign them."));
    } else if (!in.keys) {
        // Without the keys (a stock site offers no interface for them) no signature can be
        // matched to the rule's keys: unknown, not missing.
        out << unknown(Item::SignedAgents, agentsTitle,
                       tr("The site's signature keys could not be read, so the agents' "
                          "signatures cannot be checked here; the site's Agents page shows them."));
    } else {
        int unsignedCount = 0;
        for (const AgentInfo &a : *in.agents) {
            bool ok = false;
            for (const int id : a.signedByKeyIds)
                ok = ok || accepted.contains(id);
            unsignedCount += ok ? 0 : 1;
        }
        if (accepted.isEmpty())
            out << result(Item::SignedAgents, State::NotMet, agentsTitle,
                          tr("The rule accepts no existing key, so no signature can count."));
        else if (unsignedCount > 0)
            out << result(
                Item::SignedAgents, State::NotMet, agentsTitle,
                tr("%n agent configuration(s) carry no signature of an accepted key: sign them.",
                   nullptr, unsignedCount));
        else
            out << result(Item::SignedAgents, State::Met, agentsTitle,
                          tr("All %n agent configuration(s) are signed with an accepted key.",
                             nullptr, int(in.agents->size())));
    }

    // 4. At least one host is registered.
    const QString hostTitle = tr("At least one host is registered");
    if (!in.registeredHosts)
        out << unknown(Item::RegisteredHost, hostTitle, tr("The update status could not be read."));
    else if (*in.registeredHosts == 0)
        out << result(Item::RegisteredHost, State::NotMet, hostTitle,
                      tr("No host is registered yet: register one (Register this machine, or "
                         "cmk-update-agent register)."));
    else
        out << result(Item::RegisteredHost, State::Met, hostTitle,
                      tr("%n host(s) registered.", nullptr, *in.registeredHosts));

    // 5. The master switch is on.
    const QString switchTitle = tr("The master switch is on");
    if (!in.masterSwitch)
        out << unknown(Item::MasterSwitch, switchTitle,
                       tr("The global setting could not be read (older sites do not offer it)."));
    else if (!*in.masterSwitch)
        out << result(
            Item::MasterSwitch, State::NotMet, switchTitle,
            tr("\"Activation of automatic agent updates\" is off: no host gets updates."));
    else
        out << result(Item::MasterSwitch, State::Met, switchTitle,
                      tr("Automatic agent updates are on."));
    applySiteStatus(in, out);
    return out;
}

void Prerequisites::applySiteStatus(const Input &in, QList<Result> &results)
{
    const DeploymentStatus site = in.deployment.value_or(DeploymentStatus {});
    const QString notOffered = in.deploymentUnavailable.isEmpty()
        ? tr("Checked by AgentDesk: the site's automatic-deployment status could not be read.")
        : tr("Checked by AgentDesk: %1").arg(in.deploymentUnavailable);
    const QString notReported = tr("Checked by AgentDesk: the site's automatic-deployment "
                                   "status does not report this item.");
    const QString reported = tr("Reported by the site (automatic-deployment status).");

    // siteMet: what the site says; the texts are used where the console has nothing better.
    const auto apply = [&](Item item, std::optional<bool> siteMet, const QString &metText,
                           const QString &notMetText) {
        for (Result &r : results) {
            if (r.item != item)
                continue;
            if (!siteMet) {
                r.sourceText = in.deployment ? notReported : notOffered;
                return;
            }
            r.source = Source::Site;
            r.sourceText = reported;
            if (!*siteMet) {
                // The console's reason is kept when it names the same gap more precisely.
                if (r.state != State::NotMet)
                    r.reason = notMetText;
                r.state = State::NotMet;
            } else if (r.state == State::NotMet) {
                // A defect the console found in what it read (a rule that accepts only deleted
                // keys, agents signed by a key the rule does not accept) still counts.
                r.sourceText = tr("The site reports this as met, but AgentDesk found the "
                                  "problem above in what it read.");
            } else {
                if (r.state != State::Met)
                    r.reason = metText;
                r.state = State::Met;
            }
            return;
        }
    };

    apply(Item::SignatureKey, site.signatureKeyConfigured, tr("The site has a signature key."),
          tr("The site has no signature key yet: create one, then sign the agents with it."));
    apply(Item::UpdaterRule, site.updaterRuleConfigured,
          tr("An enabled \"Agent updater\" rule deploys the updater."),
          tr("No enabled \"Agent updater\" rule deploys the updater."));
    std::optional<bool> signedAgents;
    if (site.agentsBaked == false)
        signedAgents = false;
    else if (site.agentsSigned)
        signedAgents = site.agentsSigned;
    apply(Item::SignedAgents, signedAgents, tr("The site's baked agents are signed."),
          site.agentsBaked == false ? tr("The site has no baked agents yet: bake and sign them.")
                                    : tr("Some of the site's baked agents are not signed: sign "
                                         "them."));

    apply(Item::RegisteredHost, std::nullopt, {}, {});

    // The master switch: the site reports the activated state, the global setting the
    // configured one; the site's decides, a difference waits for an activation.
    for (Result &r : results) {
        if (r.item != Item::MasterSwitch)
            continue;
        if (!site.deploymentEnabled) {
            r.sourceText = in.deployment ? notReported : notOffered;
            break;
        }
        r.source = Source::Site;
        r.sourceText = reported;
        const bool active = *site.deploymentEnabled;
        r.state = active ? State::Met : State::NotMet;
        if (in.masterSwitch && *in.masterSwitch != active)
            r.reason = active ? tr("Automatic agent updates are on; switched off, which takes "
                                   "effect once the changes are activated.")
                              : tr("Automatic agent updates are off; switched on, which takes "
                                   "effect once the changes are activated.");
        else
            r.reason = active ? tr("Automatic agent updates are on.")
                              : tr("\"Activation of automatic agent updates\" is off: no host "
                                   "gets updates.");
        break;
    }
}

QStringList Prerequisites::missing(const QList<Result> &results)
{
    QStringList out;
    for (const Result &r : results) {
        if (r.state != State::Met && r.item != Item::MasterSwitch)
            out << r.title;
    }
    return out;
}
