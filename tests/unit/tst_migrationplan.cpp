// The migration assistant's decisions (models/MigrationPlan): which hosts, registrations, keys
// and rules move, how the old rules are re-pointed, what blocks a migration and how the new
// site is verified, from snapshots as the sites would report them.
#include <QTest>

#include "MigrationPlan.h"

using namespace Qt::StringLiterals;

namespace {

const QByteArray certA = "-----BEGIN CERTIFICATE-----\nAAAA\nAAAA\n-----END CERTIFICATE-----\n";
const QByteArray certB = "-----BEGIN CERTIFICATE-----\nBBBB\n-----END CERTIFICATE-----\n";

SignatureKey key(int id, const QByteArray &pem, const QString &digest)
{
    SignatureKey k;
    k.id = id;
    k.alias = u"key %1"_s.arg(id);
    k.certificatePem = pem;
    k.md5Digest = digest;
    return k;
}

AgentUpdaterRule rule(const QString &id, const QString &server, const QString &site)
{
    AgentUpdaterRule r;
    r.id = id;
    r.folder = u"/linux"_s;
    r.properties.description = u"updates"_s;
    r.value = {
        { u"activated"_s, u"enabled"_s },
        { u"server_data"_s,
          QVariantMap { { u"server"_s, server },
                        { u"site"_s, site },
                        { u"protocol"_s, u"http"_s },
                        { u"usage"_s, u"registration"_s } } },
        // Certificates as another client wrote them: other line breaks than the key list's.
        { u"signature_keys"_s,
          QVariantList { QString::fromLatin1(certA).replace(u"\n"_s, u"\r\n"_s) } },
        { u"interval"_s, 1800 },
        { u"unknown_key"_s, u"kept"_s },
    };
    r.valueRaw = u"{...}"_s;
    r.valueAsRead = r.value;
    return r;
}

MigrationSnapshot oldSite()
{
    MigrationSnapshot s;
    s.connectionName = u"Old"_s;
    s.server = u"old.example:443"_s;
    s.site = u"prod"_s;
    s.hostNames = { u"a"_s, u"b"_s, u"c"_s, u"d"_s };
    s.registeredHosts = { u"a"_s, u"b"_s, u"d"_s };
    s.keys = { key(1, certA, u"AA:AA"_s), key(2, certB, u"BB:BB"_s) }; // only A is accepted
    s.rules = { rule(u"r1"_s, u"old.example:443"_s, u"prod"_s) };
    AgentUpdaterRule noServer = rule(u"r2"_s, {}, {});
    noServer.value.remove(u"server_data"_s);
    noServer.folder = u"/windows"_s;
    s.rules << noServer;
    return s;
}

MigrationSnapshot newSite()
{
    MigrationSnapshot s;
    s.connectionName = u"New"_s;
    s.server = u"new.example:8443"_s;
    s.site = u"prod2"_s;
    s.hostNames = { u"a"_s, u"b"_s, u"c"_s, u"x"_s };
    s.registeredHosts = { u"b"_s };
    return s;
}

} // namespace

class TestMigrationPlan final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decidesEveryStep();
    void blockersAndManualSteps();
    void ruleAlreadyOnNewSiteIsNotCreatedAgain();
    void verifiesTheNewSite();
    void replansAnOldRuleOnTheVersionRead();
};

void TestMigrationPlan::decidesEveryStep()
{
    const MigrationPlan plan = MigrationPlan::make(oldSite(), newSite());
    QVERIFY2(plan.blockers().isEmpty(), qPrintable(plan.blockers().join(u'\n')));
    QCOMPARE(plan.hostsOnBoth(), QStringList({ u"a"_s, u"b"_s, u"c"_s }));
    QCOMPARE(plan.hostsMissingOnNewSite(), QStringList({ u"d"_s }));
    // b is registered on the new site already; d is not in its setup.
    QCOMPARE(plan.registrationsToCopy(), QStringList({ u"a"_s }));
    QCOMPARE(plan.registrationsLeftBehind(), QStringList({ u"d"_s }));
    // Only the key the rule accepts, matched by its certificate whatever the line breaks.
    QCOMPARE(plan.keysToCopy().size(), 1);
    QCOMPARE(plan.keysToCopy().first().oldKeyId, 1);
    QCOMPARE(plan.oldSigningKeyId(), 1);
    QCOMPARE(plan.signingDigest(), u"AA:AA"_s);

    // Both old rules are created on the new site, pointed at it; everything else kept.
    QCOMPARE(plan.rulesToCreate().size(), 2);
    const AgentUpdaterRule created = plan.rulesToCreate().first();
    QVERIFY(created.id.isEmpty());
    QVERIFY(created.valueRaw.isEmpty()); // written from the value, not the old site's text
    QCOMPARE(created.folder, u"/linux"_s);
    const QVariantMap server = created.value.value(u"server_data"_s).toMap();
    QCOMPARE(server.value(u"server"_s).toString(), u"new.example:8443"_s);
    QCOMPARE(server.value(u"site"_s).toString(), u"prod2"_s);
    QCOMPARE(server.value(u"protocol"_s).toString(), u"http"_s);
    QCOMPARE(server.value(u"usage"_s).toString(), u"registration"_s);
    QCOMPARE(created.value.value(u"unknown_key"_s).toString(), u"kept"_s);
    QCOMPARE(created.value.value(u"interval"_s).toInt(), 1800);

    // Only the old rule that names a server is re-pointed; the other stays as it is.
    QCOMPARE(plan.oldRuleChanges().size(), 1);
    const MigrationPlan::RuleChange change = plan.oldRuleChanges().first();
    QCOMPARE(change.before.id, u"r1"_s);
    QCOMPARE(change.after.id, u"r1"_s);
    QVariantMap expected = change.before.value;
    expected.insert(u"server_data"_s,
                    QVariantMap { { u"server"_s, u"new.example:8443"_s },
                                  { u"site"_s, u"prod2"_s },
                                  { u"protocol"_s, u"http"_s },
                                  { u"usage"_s, u"registration"_s } });
    QCOMPARE(change.after.value, expected);

    // Everything that will happen is said, step by step.
    const QStringList hosts = plan.actions(MigrationPlan::Step::Hosts);
    QVERIFY(hosts.last().endsWith(u": d"_s));
    QVERIFY(plan.actions(MigrationPlan::Step::Keys).first().contains(u"AA:AA"_s));
    QVERIFY(plan.actions(MigrationPlan::Step::OldSiteRule)
                .first()
                .contains(u"old.example:443 / prod → new.example:8443 / prod2"_s));
}

void TestMigrationPlan::blockersAndManualSteps()
{
    MigrationSnapshot same = oldSite();
    QVERIFY(!MigrationPlan::make(oldSite(), same).blockers().isEmpty());

    MigrationSnapshot stock = newSite();
    stock.registrationsKnown = false;
    MigrationPlan plan = MigrationPlan::make(oldSite(), stock);
    QVERIFY(plan.blockers().isEmpty());
    QCOMPARE(plan.notes().size(), 1);
    QVERIFY(plan.registrationsToCopy().isEmpty());
    QVERIFY(plan.actions(MigrationPlan::Step::Registrations).first().contains(u"by hand"_s));

    MigrationSnapshot switchedOff = newSite();
    switchedOff.masterSwitch = false;
    QVERIFY(MigrationPlan::make(oldSite(), switchedOff)
                .notes()
                .join(u'\n')
                .contains(u"master switch"_s));
    switchedOff.masterSwitch = true;
    QVERIFY(MigrationPlan::make(oldSite(), switchedOff).notes().isEmpty());

    // No key interface either (a stock site): keys, baking and signing by hand, no blocker; the
    // rules are still created and re-pointed.
    stock.keysKnown = false;
    const MigrationPlan byHand = MigrationPlan::make(oldSite(), stock);
    QVERIFY2(byHand.blockers().isEmpty(), qPrintable(byHand.blockers().join(u'\n')));
    QVERIFY(byHand.keysByHand());
    QVERIFY(byHand.keysToCopy().isEmpty());
    QCOMPARE(byHand.acceptedCertificateCount(), 1);
    QVERIFY(byHand.notes().join(u'\n').contains(u"signature keys"_s));
    QVERIFY(byHand.actions(MigrationPlan::Step::Keys).first().startsWith(u"By hand: "_s));
    QVERIFY(byHand.actions(MigrationPlan::Step::NewSiteRule)
                .join(u'\n')
                .contains(u"By hand: bake and sign the agents in the new site's GUI"_s));
    QVERIFY(byHand.actions(MigrationPlan::Step::OldSiteRule)
                .join(u'\n')
                .contains(u"By hand: bake and sign the agents in the old site's GUI"_s));
    QCOMPARE(byHand.rulesToCreate().size(), 2);
    QCOMPARE(byHand.oldRuleChanges().size(), 1);
    // Verified without keys or signed agents (neither can be read), but not without the rule.
    MigrationSnapshot stockAfter = stock;
    QCOMPARE(byHand.verifyNewSite(stockAfter).size(), 1);
    stockAfter.rules = byHand.rulesToCreate();
    QCOMPARE(byHand.verifyNewSite(stockAfter), QStringList());

    MigrationSnapshot noKeys = oldSite();
    for (AgentUpdaterRule &r : noKeys.rules)
        r.value.remove(u"signature_keys"_s);
    QVERIFY(MigrationPlan::make(noKeys, newSite())
                .blockers()
                .join(u'\n')
                .contains(u"accepts a signature key"_s));

    MigrationSnapshot strangers = newSite();
    strangers.hostNames = { u"x"_s };
    QVERIFY(MigrationPlan::make(oldSite(), strangers)
                .blockers()
                .join(u'\n')
                .contains(u"under the same name"_s));
}

void TestMigrationPlan::ruleAlreadyOnNewSiteIsNotCreatedAgain()
{
    const MigrationPlan first = MigrationPlan::make(oldSite(), newSite());
    MigrationSnapshot fresh = newSite();
    AgentUpdaterRule existing = first.rulesToCreate().first();
    existing.id = u"n1"_s;
    fresh.rules << existing;
    fresh.keys = { key(7, certA, u"aa:aa"_s) };
    const MigrationPlan again = MigrationPlan::make(oldSite(), fresh);
    QCOMPARE(again.rulesToCreate().size(), 1);
    QCOMPARE(again.rulesToCreate().first().folder, u"/windows"_s);
    QVERIFY(again.keysToCopy().isEmpty()); // digests compare without case
    QCOMPARE(MigrationPlan::keyIdByDigest(fresh, u"AA:AA"_s), 7);
}

void TestMigrationPlan::verifiesTheNewSite()
{
    const MigrationPlan plan = MigrationPlan::make(oldSite(), newSite());
    MigrationSnapshot after = newSite();
    // Nothing there yet: every part is named.
    QStringList problems = plan.verifyNewSite(after);
    QCOMPARE(problems.size(), 4);

    after.keys = { key(3, certA, u"AA:AA"_s) };
    after.registeredHosts = { u"a"_s, u"b"_s };
    AgentUpdaterRule r = plan.rulesToCreate().first();
    r.id = u"n1"_s;
    after.rules = { r };
    BakedAgent agent;
    agent.hash = u"0123456789abcdef"_s;
    agent.signatures = { BakedAgent::Signature { 3, u"BB:BB"_s, {}, {} } };
    after.agents = { agent };
    problems = plan.verifyNewSite(after);
    QCOMPARE(problems.size(), 1); // signed, but not with the accepted key
    QVERIFY(problems.first().contains(u"AA:AA"_s));

    after.agents.first().signatures << BakedAgent::Signature { 3, u"AA:AA"_s, {}, {} };
    QCOMPARE(plan.verifyNewSite(after), QStringList());

    // A rule that does not name the new site does not count.
    after.rules.first().value = oldSite().rules.first().value;
    QCOMPARE(plan.verifyNewSite(after).size(), 1);
}

void TestMigrationPlan::replansAnOldRuleOnTheVersionRead()
{
    MigrationPlan plan = MigrationPlan::make(oldSite(), newSite());
    // The version another client left: a comment, a value key this console does not know and
    // another interval, with its own ETag.
    AgentUpdaterRule theirs = oldSite().rules.first();
    theirs.properties.comment = u"changed meanwhile"_s;
    theirs.value.insert(u"future_option"_s, QVariantMap { { u"retries"_s, 3 } });
    theirs.value.insert(u"interval"_s, 5400);
    theirs.etag = "\"theirs\""_ba;
    QVERIFY(plan.replanOldRule(theirs));
    QCOMPARE(plan.oldRuleChanges().size(), 1);
    const MigrationPlan::RuleChange change = plan.oldRuleChanges().first();
    // Written with their ETag, and nothing of theirs lost: only the update server changes.
    QCOMPARE(change.before.etag, "\"theirs\""_ba);
    QCOMPARE(change.after.properties.comment, u"changed meanwhile"_s);
    QVariantMap expected = theirs.value;
    QVariantMap server = expected.value(u"server_data"_s).toMap();
    server.insert(u"server"_s, u"new.example:8443"_s);
    server.insert(u"site"_s, u"prod2"_s);
    expected.insert(u"server_data"_s, server);
    QCOMPARE(change.after.value, expected);

    // A rule the plan does not re-point is not taken in.
    AgentUpdaterRule other = theirs;
    other.id = u"r9"_s;
    QVERIFY(!plan.replanOldRule(other));
    QCOMPARE(plan.oldRuleChanges().size(), 1);

    // Pointed at the new site by somebody else meanwhile: nothing left to write.
    AgentUpdaterRule done = theirs;
    done.value = expected;
    QVERIFY(plan.replanOldRule(done));
    QVERIFY(plan.oldRuleChanges().isEmpty());
}

QTEST_GUILESS_MAIN(TestMigrationPlan)
#include "tst_migrationplan.moc"
