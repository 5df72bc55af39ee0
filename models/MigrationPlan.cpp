#include "MigrationPlan.h"

#include <QCoreApplication>
#include <QSet>

using namespace Qt::StringLiterals;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("MigrationPlan", text);
}

QStringList sortedIntersection(const QStringList &a, const QStringList &b)
{
    const QSet<QString> bs(b.cbegin(), b.cend());
    QStringList out;
    for (const QString &x : a) {
        if (bs.contains(x))
            out << x;
    }
    out.sort();
    out.removeDuplicates();
    return out;
}

QStringList sortedDifference(const QStringList &a, const QStringList &b)
{
    const QSet<QString> bs(b.cbegin(), b.cend());
    QStringList out;
    for (const QString &x : a) {
        if (!bs.contains(x))
            out << x;
    }
    out.sort();
    out.removeDuplicates();
    return out;
}

// The rule's value with its update server set to the target; protocol and usage of the rule
// stay as they were unless the rule had no server data at all.
QVariantMap pointedAt(QVariantMap value, const MigrationSnapshot &target)
{
    QVariantMap server = value.value(u"server_data"_s).toMap();
    if (server.isEmpty())
        server.insert(u"protocol"_s, target.protocol);
    server.insert(u"server"_s, target.server);
    server.insert(u"site"_s, target.site);
    value.insert(u"server_data"_s, server);
    return value;
}

QString serverOf(const AgentUpdaterRule &rule)
{
    return MigrationPlan::updateServer(rule);
}

QStringList acceptedPems(const QList<AgentUpdaterRule> &rules)
{
    QStringList out;
    for (const AgentUpdaterRule &r : rules) {
        for (const QVariant &pem : r.value.value(u"signature_keys"_s).toList()) {
            const QString c = MigrationPlan::compactPem(pem.toString());
            if (!c.isEmpty() && !out.contains(c))
                out << c;
        }
    }
    return out;
}

} // namespace

QString MigrationPlan::stepTitle(Step step)
{
    switch (step) {
    case Step::Hosts:
        return tr("1. Hosts on both sites");
    case Step::Registrations:
        return tr("2. Copy the registrations");
    case Step::Keys:
        return tr("3. Copy the accepted signature keys");
    case Step::NewSiteRule:
        return tr("4. Agent updater rule, bake and sign on the new site");
    case Step::OldSiteRule:
        return tr("5. Re-point the old site and bake");
    }
    return {};
}

QString MigrationPlan::updateServer(const AgentUpdaterRule &rule)
{
    const QVariantMap s = rule.value.value(u"server_data"_s).toMap();
    if (s.isEmpty())
        return QCoreApplication::translate("MigrationPlan", "no update server");
    return u"%1 / %2"_s.arg(s.value(u"server"_s).toString(), s.value(u"site"_s).toString());
}

QString MigrationPlan::ruleName(const AgentUpdaterRule &rule)
{
    const QString d = rule.description();
    return d.isEmpty() ? QCoreApplication::translate("MigrationPlan", "rule %1 in folder %2")
                             .arg(rule.id, rule.folder)
                       : QCoreApplication::translate("MigrationPlan", "rule \"%1\" in folder %2")
                             .arg(d, rule.folder);
}

bool MigrationPlan::replanOldRule(const AgentUpdaterRule &current)
{
    for (qsizetype i = 0; i < m_oldRuleChanges.size(); ++i) {
        if (m_oldRuleChanges.at(i).before.id != current.id)
            continue;
        AgentUpdaterRule after = current;
        after.value = pointedAt(current.value, m_new);
        if (after.value == current.value)
            m_oldRuleChanges.removeAt(i);
        else
            m_oldRuleChanges[i] = RuleChange { current, after };
        return true;
    }
    return false;
}

QString MigrationPlan::compactPem(const QString &pem)
{
    QString out;
    out.reserve(pem.size());
    for (const QChar c : pem) {
        if (!c.isSpace())
            out += c;
    }
    return out;
}

int MigrationPlan::keyIdByDigest(const MigrationSnapshot &site, const QString &md5Digest)
{
    for (const SignatureKey &k : site.keys) {
        if (k.md5Digest.compare(md5Digest, Qt::CaseInsensitive) == 0)
            return k.id;
    }
    return 0;
}

MigrationPlan MigrationPlan::make(const MigrationSnapshot &oldSite,
                                  const MigrationSnapshot &newSite)
{
    MigrationPlan p;
    p.m_old = oldSite;
    p.m_new = newSite;

    if (oldSite.server == newSite.server && oldSite.site == newSite.site)
        p.m_blockers << tr("The old and the new site are the same site (%1 on %2).")
                            .arg(oldSite.site, oldSite.server);

    // 1. Hosts under the same name.
    p.m_hostsOnBoth = sortedIntersection(oldSite.hostNames, newSite.hostNames);
    p.m_missing = sortedDifference(oldSite.hostNames, newSite.hostNames);
    if (p.m_hostsOnBoth.isEmpty())
        p.m_blockers << tr("No host of the old site exists on the new site under the same name. "
                           "Add the hosts to the new site first.");

    // 2. Registrations of hosts the new site knows, and not registered there already.
    if (oldSite.registrationsKnown && newSite.registrationsKnown) {
        const QStringList movable = sortedIntersection(oldSite.registeredHosts, p.m_hostsOnBoth);
        p.m_registrationsToCopy = sortedDifference(movable, newSite.registeredHosts);
        p.m_registrationsLeftBehind = sortedDifference(oldSite.registeredHosts, p.m_hostsOnBoth);
    } else {
        p.m_notes << tr("One of the sites offers no interface for its registrations (a stock "
                        "site keeps them in ~/var/check_mk/agent_deployment): step 2 is done by "
                        "hand, with the command the assistant shows.");
    }

    // 3. The keys whose certificates the old rules accept.
    const QStringList accepted = acceptedPems(oldSite.rules);
    if (accepted.isEmpty())
        p.m_blockers << tr("No agent updater rule of the old site accepts a signature key.");
    p.m_acceptedCertificates = int(accepted.size());
    p.m_keysByHand = !oldSite.keysKnown || !newSite.keysKnown;
    if (p.m_keysByHand)
        p.m_notes << tr("One of the sites offers no interface for signature keys (a stock site "
                        "manages them in its web GUI only): step 3 and the baking and signing "
                        "in steps 4 and 5 are done by hand in the sites' GUIs; the assistant "
                        "creates and re-points the rules and asks for no passphrase.");
    for (const QString &pem : accepted) {
        const SignatureKey *oldKey = nullptr;
        for (const SignatureKey &k : oldSite.keys) {
            if (compactPem(QString::fromLatin1(k.certificatePem)) == pem)
                oldKey = &k;
        }
        if (!oldKey) {
            if (oldSite.keysKnown)
                p.m_notes << tr("A certificate the old rule accepts has no key on the old site; "
                                "it cannot be exported.");
            continue;
        }
        p.m_acceptedDigests << oldKey->md5Digest;
        if (!p.m_oldSigningKeyId) {
            p.m_oldSigningKeyId = oldKey->id;
            p.m_signingDigest = oldKey->md5Digest;
        }
        if (!p.m_keysByHand && !keyIdByDigest(newSite, oldKey->md5Digest))
            p.m_keysToCopy << KeyCopy { oldKey->id, oldKey->alias, oldKey->md5Digest };
    }

    // 4. The old rules, pointed at the new site, unless the new site has that rule already.
    for (const AgentUpdaterRule &r : oldSite.rules) {
        AgentUpdaterRule copy = r;
        copy.id.clear();
        copy.etag.clear();
        copy.folderIndex = -1;
        copy.valueRaw.clear();
        copy.valueAsRead.clear();
        copy.value = pointedAt(r.value, newSite);
        bool present = false;
        for (const AgentUpdaterRule &n : newSite.rules) {
            present = present
                || (n.folder == copy.folder && n.conditions == copy.conditions
                    && n.value == copy.value && n.properties == copy.properties);
        }
        if (!present)
            p.m_rulesToCreate << copy;
    }
    if (oldSite.rules.isEmpty())
        p.m_blockers << tr("The old site has no agent updater rule to move.");

    // 5. Every old rule that names an update server is pointed at the new one.
    for (const AgentUpdaterRule &r : oldSite.rules) {
        if (r.value.value(u"server_data"_s).toMap().isEmpty())
            continue;
        AgentUpdaterRule after = r;
        after.value = pointedAt(r.value, newSite);
        if (after.value != r.value)
            p.m_oldRuleChanges << RuleChange { r, after };
    }
    // Not one of the manual's steps, but without it the new site serves no update.
    if (newSite.masterSwitch == false)
        p.m_notes << tr("The new site's master switch (automatic agent updates) is off: its hosts "
                        "get no update from it until it is switched on there.");
    if (!oldSite.rules.isEmpty() && p.m_oldRuleChanges.isEmpty()) {
        bool anyServer = false;
        for (const AgentUpdaterRule &r : oldSite.rules)
            anyServer = anyServer || !r.value.value(u"server_data"_s).toMap().isEmpty();
        if (!anyServer)
            p.m_blockers << tr("No agent updater rule of the old site names an update server; "
                               "there is nothing to point at the new site.");
    }
    return p;
}

QStringList MigrationPlan::actions(Step step) const
{
    QStringList out;
    switch (step) {
    case Step::Hosts:
        out << QCoreApplication::translate("MigrationPlan",
                                           "%n host(s) exist on both sites under the same name.",
                                           nullptr, int(m_hostsOnBoth.size()));
        if (!m_missing.isEmpty())
            out << QCoreApplication::translate(
                       "MigrationPlan",
                       "%n host(s) of the old site are missing on the new site: %1", nullptr,
                       int(m_missing.size()))
                       .arg(m_missing.mid(0, 20).join(u", "_s)
                            + (m_missing.size() > 20 ? u", …"_s : QString()));
        break;
    case Step::Registrations:
        if (!m_old.registrationsKnown || !m_new.registrationsKnown) {
            out << tr("Copy ~/var/check_mk/agent_deployment from the old site to the new site by "
                      "hand (this site offers no interface for it).");
            break;
        }
        out << QCoreApplication::translate(
                   "MigrationPlan",
                   "Copy %n registration(s) (host secrets included) from %1 to %2.", nullptr,
                   int(m_registrationsToCopy.size()))
                   .arg(m_old.connectionName, m_new.connectionName);
        if (!m_registrationsLeftBehind.isEmpty())
            out << QCoreApplication::translate(
                "MigrationPlan",
                "%n registered host(s) stay behind: they are not in the new site's setup.", nullptr,
                int(m_registrationsLeftBehind.size()));
        break;
    case Step::Keys:
        if (m_keysByHand) {
            out << QCoreApplication::translate(
                "MigrationPlan",
                "By hand: in the old site's GUI (Setup › Agents › Signature keys) export the "
                "key(s) of the %n certificate(s) the old rules accept, and import them in the "
                "new site's GUI with the same passphrase (a site here offers no interface for "
                "signature keys).",
                nullptr, m_acceptedCertificates);
            break;
        }
        for (const KeyCopy &k : m_keysToCopy)
            out << tr("Export key \"%1\" (%2) from the old site and import it on the new site.")
                       .arg(k.alias, k.md5Digest);
        if (m_keysToCopy.isEmpty())
            out << tr("The new site has every accepted key already.");
        break;
    case Step::NewSiteRule:
        for (const AgentUpdaterRule &r : m_rulesToCreate)
            out << tr("Create %1 on the new site with update server %2.")
                       .arg(ruleName(r), serverOf(r));
        if (m_rulesToCreate.isEmpty())
            out << tr("The new site has the agent updater rules already.");
        if (m_keysByHand) {
            out << tr("By hand: bake and sign the agents in the new site's GUI with the imported "
                      "key.");
            out << tr("Read the new site again and verify its rules and registrations (its keys "
                      "and signatures cannot be read: check them in its GUI).");
            break;
        }
        out << tr("Bake and sign the agents on the new site with key %1.").arg(m_signingDigest);
        out << tr("Read the new site again and verify keys, rules, registrations and signed "
                  "agents.");
        break;
    case Step::OldSiteRule:
        for (const RuleChange &c : m_oldRuleChanges)
            out << tr("Change %1 on the old site: update server %2 → %3.")
                       .arg(ruleName(c.before), serverOf(c.before), serverOf(c.after));
        if (m_keysByHand)
            out << tr("By hand: bake and sign the agents in the old site's GUI, so that every "
                      "host gets an agent that asks the new site.");
        else
            out << tr("Bake and sign the agents on the old site with key %1, so that every host "
                      "gets an agent that asks the new site.")
                       .arg(m_signingDigest);
        break;
    }
    return out;
}

QStringList MigrationPlan::verifyNewSite(const MigrationSnapshot &after) const
{
    QStringList problems;
    // Keys moved by hand are not listed in m_acceptedDigests (an old site without a key
    // interface names none); a new site without one cannot show them either.
    for (const QString &digest : m_acceptedDigests) {
        if (!after.keysKnown)
            break;
        if (!keyIdByDigest(after, digest))
            problems << tr("The new site has no key %1.").arg(digest);
    }
    if (m_old.registrationsKnown && after.registrationsKnown) {
        const QStringList missing = sortedDifference(m_registrationsToCopy, after.registeredHosts);
        if (!missing.isEmpty())
            problems << QCoreApplication::translate(
                            "MigrationPlan", "%n registration(s) are missing on the new site: %1",
                            nullptr, int(missing.size()))
                            .arg(missing.mid(0, 20).join(u", "_s));
    }
    const QStringList accepted = acceptedPems(m_old.rules);
    bool ruleFound = false;
    for (const AgentUpdaterRule &r : after.rules) {
        const QVariantMap s = r.value.value(u"server_data"_s).toMap();
        if (s.value(u"server"_s).toString() != m_new.server
            || s.value(u"site"_s).toString() != m_new.site)
            continue;
        const QStringList pems = acceptedPems({ r });
        bool all = true;
        for (const QString &pem : accepted)
            all = all && pems.contains(pem);
        ruleFound = ruleFound || all;
    }
    if (!ruleFound)
        problems << tr("The new site has no agent updater rule that names it as the update "
                       "server and accepts the copied keys.");
    bool anyAgent = false;
    bool allSigned = true;
    for (const BakedAgent &a : after.agents) {
        anyAgent = true;
        if (!a.signaturesKnown)
            continue;
        bool signedByIt = false;
        for (const BakedAgent::Signature &s : a.signatures)
            signedByIt
                = signedByIt || s.md5Digest.compare(m_signingDigest, Qt::CaseInsensitive) == 0;
        allSigned = allSigned && signedByIt;
    }
    // Baked and signed by hand: not done yet when the new site is verified.
    if (m_keysByHand)
        return problems;
    if (!anyAgent)
        problems << tr("The new site has no baked agents.");
    else if (!allSigned)
        problems
            << tr("Not every agent of the new site is signed with key %1.").arg(m_signingDigest);
    return problems;
}
