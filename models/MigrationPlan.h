#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include "AgentUpdaterRule.h"
#include "MigrationSnapshot.h"

// The manual's five steps of moving hosts to a new site ("Moving to a new site"), decided from
// what was read of both sites: which hosts exist on both, which registrations and keys are
// copied, which rules the new site gets, and how the old site's rules are re-pointed. Pure
// logic, so that what the assistant does is testable without a site or a widget.
class MigrationPlan final
{
public:
    enum class Step { Hosts, Registrations, Keys, NewSiteRule, OldSiteRule };
    static constexpr int stepCount = 5;
    static QString stepTitle(Step step);

    // A key to copy: the old site's key whose certificate an old rule accepts.
    struct KeyCopy
    {
        int oldKeyId = 0;
        QString alias;
        QString md5Digest;
    };
    // One old rule re-pointed at the new site: the rule as it will be written, whole. The
    // write carries `before.etag`, the version the plan showed, so that a rule another client
    // changed since then is refused (412) instead of overwritten.
    struct RuleChange
    {
        AgentUpdaterRule before;
        AgentUpdaterRule after;
    };

    static MigrationPlan make(const MigrationSnapshot &oldSite, const MigrationSnapshot &newSite);

    // Reasons the migration cannot go on at all (same site twice, nothing to move...).
    QStringList blockers() const { return m_blockers; }
    // Hints that do not stop it (a stock site's step done by hand, the master switch...).
    QStringList notes() const { return m_notes; }

    QStringList hostsOnBoth() const { return m_hostsOnBoth; }
    QStringList hostsMissingOnNewSite() const { return m_missing; }
    QStringList registrationsToCopy() const { return m_registrationsToCopy; }
    // Registered on the old site but not in the new site's setup: they cannot move yet.
    QStringList registrationsLeftBehind() const { return m_registrationsLeftBehind; }
    QList<KeyCopy> keysToCopy() const { return m_keysToCopy; }
    // Digests of the accepted keys, whether they are copied or on the new site already.
    QStringList acceptedDigests() const { return m_acceptedDigests; }
    QList<AgentUpdaterRule> rulesToCreate() const { return m_rulesToCreate; }
    QList<RuleChange> oldRuleChanges() const { return m_oldRuleChanges; }
    // Plans the old rule `current.id` again from `current` (as read, with its ETag): the same
    // re-pointing, everything else as `current` holds it. Used for the version the plan shows
    // and, after a 412, for the version another client left. False when the plan does not
    // re-point that rule; a rule that names the new site already is dropped from the changes.
    bool replanOldRule(const AgentUpdaterRule &current);
    // "rule "updates" in folder /linux": how the plan and the report name a rule.
    static QString ruleName(const AgentUpdaterRule &rule);
    // "host:port / site" of the rule's update server, or "no update server".
    static QString updateServer(const AgentUpdaterRule &rule);
    // The old site's key that signs the re-pointed agents there (0: none).
    int oldSigningKeyId() const { return m_oldSigningKeyId; }
    QString signingDigest() const { return m_signingDigest; }
    // A site without a key interface (a stock site manages keys in its GUI only): the keys are
    // moved by hand and the agents baked and signed by hand on both sites, so the run needs no
    // passphrase; the assistant creates and re-points the rules, which the REST API covers.
    bool keysByHand() const { return m_keysByHand; }
    // The certificates the old rules accept (what the user moves by hand then).
    int acceptedCertificateCount() const { return m_acceptedCertificates; }

    // Everything that will happen, one line an action, grouped by step (the plan page and a
    // dry run show it).
    QStringList actions(Step step) const;

    // What a new reading of the new site still lacks; empty = verified.
    QStringList verifyNewSite(const MigrationSnapshot &newSiteAfter) const;
    // The new site's key with the signing digest (0: not there).
    static int keyIdByDigest(const MigrationSnapshot &site, const QString &md5Digest);
    // Certificate PEM compared without line breaks and blanks, as the site may reformat it.
    static QString compactPem(const QString &pem);

    const MigrationSnapshot &oldSite() const { return m_old; }
    const MigrationSnapshot &newSite() const { return m_new; }

private:
    MigrationSnapshot m_old;
    MigrationSnapshot m_new;
    QStringList m_blockers;
    QStringList m_notes;
    QStringList m_hostsOnBoth;
    QStringList m_missing;
    QStringList m_registrationsToCopy;
    QStringList m_registrationsLeftBehind;
    QList<KeyCopy> m_keysToCopy;
    QStringList m_acceptedDigests;
    QList<AgentUpdaterRule> m_rulesToCreate;
    QList<RuleChange> m_oldRuleChanges;
    int m_oldSigningKeyId = 0;
    QString m_signingDigest;
    bool m_keysByHand = false;
    int m_acceptedCertificates = 0;
};
