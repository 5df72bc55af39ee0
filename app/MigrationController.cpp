#include "MigrationController.h"

#include <QPointer>

#include <memory>

#include "BakeryApi.h"
#include "GlobalSettingsApi.h"
#include "InventoryApi.h"
#include "KeysApi.h"
#include "MigrationAssistant.h"
#include "PemBlocks.h"
#include "RegistrationsApi.h"
#include "RestClient.h"
#include "RestReply.h"
#include "RulesApi.h"
#include "SiteSession.h"

using namespace Qt::StringLiterals;
using Step = MigrationPlan::Step;
using State = MigrationAssistant::StepState;

namespace {

constexpr int pollIntervalMs = 500;

QString serverOf(const SiteConnection &c)
{
    return c.server;
}

} // namespace

MigrationController::MigrationController(SecretStore *secrets, MigrationAssistant *view,
                                         QObject *parent)
    : QObject(parent)
    , m_secrets(secrets)
    , m_view(view)
{
    m_poll.setSingleShot(true);
    connect(view, &MigrationAssistant::analyseRequested, this, &MigrationController::analyse);
    connect(view, &MigrationAssistant::newSiteRequested, this, &MigrationController::runNewSite);
    connect(view, &MigrationAssistant::oldSiteRequested, this, &MigrationController::runOldSite);
    connect(view, &MigrationAssistant::cancelRequested, this, &MigrationController::cancel);
    connect(view, &MigrationAssistant::oldSiteReplanRequested, this,
            &MigrationController::replanOldSite);
    connect(view, &MigrationAssistant::oldSiteKeepRequested, this,
            &MigrationController::keepOldSite);
}

MigrationController::~MigrationController()
{
    ++m_generation;
    m_passphrase.clear();
}

void MigrationController::closeSessions()
{
    for (SiteSession *s : { m_oldSession, m_newSession }) {
        if (s) {
            s->close();
            s->deleteLater();
        }
    }
    m_oldSession = nullptr;
    m_newSession = nullptr;
}

void MigrationController::log(Step step, const QString &line)
{
    if (m_view)
        m_view->appendLog(step, line);
}

void MigrationController::fail(Step step, const QString &line)
{
    log(step, line);
    m_passphrase.clear();
    if (!m_view)
        return;
    m_view->setStepState(step, State::Failed);
    m_view->setProgress(0, 1, line);
    if (m_phase == Phase::OldSite)
        m_view->setOldSiteFinished(false);
    else
        m_view->setNewSiteFinished(false, {});
    m_phase = Phase::Idle;
}

void MigrationController::analyse(const QString &oldName, const QString &newName, bool dryRun)
{
    // A new analysis ends whatever ran before it: its timer, its request and its passphrase go
    // before the sessions (and their clients) are closed.
    ++m_generation;
    m_poll.stop();
    disconnect(&m_poll, &QTimer::timeout, nullptr, nullptr);
    if (m_current)
        m_current->cancel();
    m_passphrase.clear();
    m_plan.reset();
    m_verified = false;
    m_dryRun = dryRun;
    m_phase = Phase::Reading;
    closeSessions();
    std::optional<SiteConnection> oldConnection;
    std::optional<SiteConnection> newConnection;
    for (const SiteConnection &c : std::as_const(m_connections)) {
        if (c.name == oldName)
            oldConnection = c;
        if (c.name == newName)
            newConnection = c;
    }
    if (!oldConnection || !newConnection) {
        m_view->setPlanError(
            tr("The connection \"%1\" no longer exists.").arg(oldConnection ? newName : oldName));
        return;
    }
    m_oldSession = new SiteSession(m_secrets, m_view, this);
    m_newSession = new SiteSession(m_secrets, m_view, this);
    const int generation = m_generation;
    for (SiteSession *s : { m_oldSession, m_newSession }) {
        connect(s, &SiteSession::connected, this, [this, generation] {
            if (alive(generation))
                whenBothConnected();
        });
        connect(s, &SiteSession::failed, this, [this, s, generation](const ApiError &e) {
            if (!alive(generation) || !m_view)
                return;
            ++m_generation;
            m_phase = Phase::Idle;
            m_view->setPlanError(
                tr("Could not connect to %1: %2").arg(s->connection().name, e.summary()));
        });
    }
    m_view->setReading(tr("Connecting to %1 and %2…").arg(oldName, newName));
    m_oldSession->open(*oldConnection);
    m_newSession->open(*newConnection);
}

void MigrationController::whenBothConnected()
{
    if (!m_oldSession->isConnected() || !m_newSession->isConnected())
        return;
    const int generation = m_generation;
    m_view->setReading(tr("Reading hosts, rules, keys, registrations and agents of both sites…"));
    struct Both
    {
        std::optional<MigrationSnapshot> old;
        std::optional<MigrationSnapshot> fresh;
        int outstanding = 2;
        QString error;
    };
    auto both = std::make_shared<Both>();
    const auto finish = [this, both, generation] {
        if (--both->outstanding > 0 || !alive(generation) || !m_view)
            return;
        if (!both->old || !both->fresh) {
            m_phase = Phase::Idle;
            m_view->setPlanError(both->error);
            return;
        }
        m_plan = MigrationPlan::make(*both->old, *both->fresh);
        m_nextOldRule = 0;
        m_phase = Phase::Reading;
        readOldRuleVersions(0);
    };
    read(m_oldSession, [both, finish](std::optional<MigrationSnapshot> s, ApiError e) {
        both->old = std::move(s);
        if (!both->old)
            both->error = tr("The old site could not be read: %1").arg(e.summary());
        finish();
    });
    read(m_newSession, [both, finish](std::optional<MigrationSnapshot> s, ApiError e) {
        both->fresh = std::move(s);
        if (!both->fresh)
            both->error = tr("The new site could not be read: %1").arg(e.summary());
        finish();
    });
}

void MigrationController::readOldRuleVersions(int index)
{
    // The collection carries no ETag: each rule the plan re-points is read on its own, and the
    // plan shows (and step 5 writes with If-Match) exactly that version.
    const QList<MigrationPlan::RuleChange> changes = m_plan->oldRuleChanges();
    if (index >= changes.size() || !m_plan->blockers().isEmpty()) {
        m_phase = Phase::Idle;
        m_view->setPlan(*m_plan);
        return;
    }
    const int generation = m_generation;
    const QString id = changes.at(index).before.id;
    track(RulesApi(m_oldSession->client())
              .rule(id, this,
                    [this, generation, id, index](SiteResult<Versioned<AgentUpdaterRule>> r) {
                        if (!alive(generation) || !m_view)
                            return;
                        if (!r.ok()) {
                            m_phase = Phase::Idle;
                            m_plan.reset();
                            return m_view->setPlanError(
                                tr("Rule %1 of the old site could not be read: %2")
                                    .arg(id, r.error.summary()));
                        }
                        // A rule that names the new site already leaves the list.
                        const qsizetype count = m_plan->oldRuleChanges().size();
                        m_plan->replanOldRule(r.value->value);
                        readOldRuleVersions(m_plan->oldRuleChanges().size() < count ? index
                                                                                    : index + 1);
                    }));
}

void MigrationController::read(SiteSession *session, Snapshot done)
{
    struct Reading
    {
        MigrationSnapshot snapshot;
        int outstanding = 6;
        ApiError error;
        bool failed = false;
    };
    auto r = std::make_shared<Reading>();
    const SiteConnection &c = session->connection();
    r->snapshot.connectionName = c.name;
    r->snapshot.server = serverOf(c);
    r->snapshot.site = c.site;
    r->snapshot.protocol = c.protocol == SiteConnection::Protocol::Https ? u"https"_s : u"http"_s;
    const int generation = m_generation;
    const auto part = [this, r, done, generation](const ApiError *error) {
        if (error && !r->failed) {
            r->failed = true;
            r->error = *error;
        }
        if (--r->outstanding > 0 || !alive(generation))
            return;
        if (r->failed)
            done(std::nullopt, r->error);
        else
            done(r->snapshot, {});
    };
    RestClient *client = session->client();
    InventoryApi(client).hosts(this, [r, part](SiteResult<QList<Host>> h) {
        if (!h.ok())
            return part(&h.error);
        for (const Host &host : *h.value)
            r->snapshot.hostNames << host.name;
        r->snapshot.hostNames.sort();
        part(nullptr);
    });
    RulesApi(client).rules(this, [r, part](SiteResult<QList<AgentUpdaterRule>> rules) {
        if (!rules.ok())
            return part(&rules.error);
        r->snapshot.rules = *rules.value;
        part(nullptr);
    });
    // A stock site has no key or registration interface (404): the plan says what to do by hand.
    KeysApi(client).keys(this, [r, part](SiteResult<QList<SignatureKey>> keys) {
        if (keys.error.status == 404) {
            r->snapshot.keysKnown = false;
            return part(nullptr);
        }
        if (!keys.ok())
            return part(&keys.error);
        r->snapshot.keys = *keys.value;
        part(nullptr);
    });
    RegistrationsApi(client).registeredHosts(this, [r, part](SiteResult<QStringList> names) {
        if (names.error.status == 404) {
            r->snapshot.registrationsKnown = false;
            return part(nullptr);
        }
        if (!names.ok())
            return part(&names.error);
        r->snapshot.registeredHosts = *names.value;
        part(nullptr);
    });
    // Said in the plan when off; a site that does not answer it is not held up for it.
    GlobalSettingsApi(client).masterSwitch(this, [r, part](SiteResult<Versioned<bool>> on) {
        if (on.ok())
            r->snapshot.masterSwitch = on.value->value;
        part(nullptr);
    });
    BakeryApi(client).agents(this, [r, part](SiteResult<QList<BakedAgent>> agents) {
        if (!agents.ok())
            return part(&agents.error);
        r->snapshot.agents = *agents.value;
        part(nullptr);
    });
}

void MigrationController::runNewSite(QByteArray &passphrase)
{
    m_passphrase = SecureBuffer(QByteArray(passphrase.constData(), passphrase.size()));
    SecureBuffer::wipe(passphrase);
    if (!m_plan || !m_plan->blockers().isEmpty() || !m_newSession || !m_oldSession) {
        m_passphrase.clear();
        return;
    }
    ++m_generation;
    m_verified = false;
    m_phase = Phase::NewSite;
    m_view->setStepState(Step::Hosts, State::Done);
    for (const QString &a : m_plan->actions(Step::Hosts))
        log(Step::Hosts, a);
    if (m_dryRun) {
        m_passphrase.clear();
        simulate();
        return;
    }
    copyRegistrations();
}

void MigrationController::simulate()
{
    // Nothing is sent: every step says what it would do, from the plan.
    const Step steps[] = { Step::Registrations, Step::Keys, Step::NewSiteRule, Step::OldSiteRule };
    int done = 0;
    for (Step s : steps) {
        m_view->setStepState(s, State::Running);
        for (const QString &a : m_plan->actions(s))
            log(s, tr("Would: %1").arg(a));
        m_view->setStepState(s, State::Simulated);
        m_view->setProgress(++done, 4, MigrationPlan::stepTitle(s));
    }
    m_phase = Phase::Idle;
    m_view->setNewSiteFinished(true, {});
}

void MigrationController::copyRegistrations()
{
    m_step = Step::Registrations;
    m_view->setStepState(m_step, State::Running);
    const MigrationSnapshot &o = m_plan->oldSite();
    const MigrationSnapshot &n = m_plan->newSite();
    if (!o.registrationsKnown || !n.registrationsKnown) {
        log(m_step,
            tr("The site offers no interface for registrations. As the new site's user, "
               "copy them by hand:"));
        log(m_step, RegistrationsApi::manualCopyCommand(o.server, o.site, n.site));
        m_view->setStepState(m_step, State::Manual);
        copyKeys(0);
        return;
    }
    const QStringList names = m_plan->registrationsToCopy();
    if (names.isEmpty()) {
        log(m_step, tr("No registration to copy."));
        m_view->setStepState(m_step, State::Done);
        copyKeys(0);
        return;
    }
    m_view->setProgress(
        0, 2, tr("Reading %n registration(s) from the old site…", nullptr, int(names.size())));
    const int generation = m_generation;
    track(RegistrationsApi(m_oldSession->client())
              .exportRegistrations(
                  names, this, [this, generation](SiteResult<RegistrationsApi::Entries> r) {
                      if (!alive(generation))
                          return;
                      if (!r.ok())
                          return fail(m_step,
                                      tr("The registrations could not be read from the old "
                                         "site: %1")
                                          .arg(r.error.summary()));
                      auto entries
                          = std::make_shared<RegistrationsApi::Entries>(std::move(*r.value));
                      m_view->setProgress(1, 2,
                                          tr("Writing %n registration(s) to the new site…", nullptr,
                                             int(entries->size())));
                      track(RegistrationsApi(m_newSession->client())
                                .importRegistrations(
                                    *entries, this, [this, generation, entries](SiteAck a) {
                                        if (!alive(generation))
                                            return;
                                        const int count = int(entries->size());
                                        entries->clear(); // the host secrets are wiped here
                                        if (!a.ok())
                                            return fail(m_step,
                                                        tr("The new site did not take the "
                                                           "registrations: %1")
                                                            .arg(a.error.summary()));
                                        log(m_step,
                                            tr("Copied %n registration(s) to the new site.",
                                               nullptr, count));
                                        const QStringList behind
                                            = m_plan->registrationsLeftBehind();
                                        if (!behind.isEmpty())
                                            log(m_step,
                                                tr("%n registered host(s) stayed behind, not in "
                                                   "the new site's setup: %1",
                                                   nullptr, int(behind.size()))
                                                    .arg(behind.join(u", "_s)));
                                        m_view->setProgress(2, 2, {});
                                        m_view->setStepState(m_step, State::Done);
                                        copyKeys(0);
                                    }));
                  }));
}

void MigrationController::copyKeys(int index)
{
    m_step = Step::Keys;
    const QList<MigrationPlan::KeyCopy> keys = m_plan->keysToCopy();
    if (index == 0)
        m_view->setStepState(m_step, State::Running);
    if (m_plan->keysByHand()) {
        // No key interface on a site: nothing is sent, the step is the user's.
        for (const QString &a : m_plan->actions(m_step))
            log(m_step, a);
        m_view->setStepState(m_step, State::Manual);
        createRules(0);
        return;
    }
    const int generation = m_generation;
    if (index >= keys.size()) {
        // The new site's id of the signing key, copied now or there before.
        track(KeysApi(m_newSession->client())
                  .keys(this,
                        [this, generation, count = keys.size()](SiteResult<QList<SignatureKey>> r) {
                            if (!alive(generation))
                                return;
                            if (!r.ok())
                                return fail(m_step,
                                            tr("The new site's keys could not be read: %1")
                                                .arg(r.error.summary()));
                            MigrationSnapshot s;
                            s.keys = *r.value;
                            m_newKeyId = MigrationPlan::keyIdByDigest(s, m_plan->signingDigest());
                            if (!m_newKeyId)
                                return fail(
                                    m_step,
                                    tr("The new site has no key %1.").arg(m_plan->signingDigest()));
                            if (count == 0)
                                log(m_step, tr("The new site has every accepted key already."));
                            m_view->setStepState(m_step, State::Done);
                            createRules(0);
                        }));
        return;
    }
    const MigrationPlan::KeyCopy key = keys.at(index);
    m_view->setProgress(index, int(keys.size()),
                        tr("Exporting key \"%1\" from the old site…").arg(key.alias));
    track(KeysApi(m_oldSession->client())
              .download(key.oldKeyId, m_passphrase, this,
                        [this, generation, key, index](SiteResult<QByteArray> r) {
                            if (!alive(generation))
                                return;
                            if (!r.ok()) {
                                const QString why = r.error.fields.contains(u"passphrase"_s)
                                    ? tr("the passphrase does not open it")
                                    : r.error.summary();
                                return fail(m_step,
                                            tr("Key \"%1\" could not be exported from the old "
                                               "site: %2")
                                                .arg(key.alias, why));
                            }
                            SecureBuffer pem(std::move(*r.value));
                            QByteArray privateKey;
                            QByteArray certificate;
                            for (const PemBlocks::Block &b : PemBlocks::split(pem.bytes())) {
                                if (b.label.endsWith("PRIVATE KEY") && privateKey.isEmpty())
                                    privateKey = b.text + '\n';
                                else if (b.label == "CERTIFICATE" && certificate.isEmpty())
                                    certificate = b.text + '\n';
                            }
                            if (privateKey.isEmpty() || certificate.isEmpty())
                                return fail(m_step,
                                            tr("The old site's export of key \"%1\" holds no "
                                               "private key and certificate.")
                                                .arg(key.alias));
                            m_view->setProgress(
                                index, int(m_plan->keysToCopy().size()),
                                tr("Importing key \"%1\" on the new site…").arg(key.alias));
                            track(KeysApi(m_newSession->client())
                                      .upload(key.alias, certificate, privateKey, m_passphrase,
                                              this, [this, generation, key, index](SiteAck a) {
                                                  if (!alive(generation))
                                                      return;
                                                  if (!a.ok() && a.error.status != 409)
                                                      return fail(
                                                          m_step,
                                                          tr("Key \"%1\" could not be imported on "
                                                             "the new site: %2")
                                                              .arg(key.alias, a.error.summary()));
                                                  log(m_step,
                                                      a.ok() ? tr("Copied key \"%1\" (%2).")
                                                                   .arg(key.alias, key.md5Digest)
                                                             : tr("Key \"%1\" is on the new site "
                                                                  "already.")
                                                                   .arg(key.alias));
                                                  copyKeys(index + 1);
                                              }));
                            SecureBuffer::wipe(privateKey);
                        }));
}

void MigrationController::createRules(int index)
{
    m_step = Step::NewSiteRule;
    const QList<AgentUpdaterRule> rules = m_plan->rulesToCreate();
    if (index == 0)
        m_view->setStepState(m_step, State::Running);
    const int generation = m_generation;
    if (index >= rules.size()) {
        if (rules.isEmpty())
            log(m_step, tr("The new site has the agent updater rules already."));
        if (m_plan->keysByHand()) {
            log(m_step,
                tr("By hand: bake and sign the agents in the new site's GUI with the imported "
                   "key."));
            verifyNewSite();
            return;
        }
        bakeAndSign(m_newSession->client(), m_newKeyId, m_step, [this](bool ok) {
            if (ok)
                verifyNewSite();
        });
        return;
    }
    const AgentUpdaterRule rule = rules.at(index);
    m_view->setProgress(index, int(rules.size()), tr("Creating the agent updater rule…"));
    track(RulesApi(m_newSession->client())
              .create(rule, this,
                      [this, generation, index](SiteResult<Versioned<AgentUpdaterRule>> r) {
                          if (!alive(generation))
                              return;
                          if (!r.ok())
                              return fail(m_step,
                                          tr("The rule could not be created on the new site: %1")
                                              .arg(r.error.summary()));
                          log(m_step,
                              tr("Created rule %1 in folder %2 on the new site.")
                                  .arg(r.value->value.id, r.value->value.folder));
                          createRules(index + 1);
                      }));
}

void MigrationController::bakeAndSign(RestClient *client, int keyId, Step step, Then then)
{
    const int generation = m_generation;
    m_view->setProgress(0, 0, tr("Baking and signing…"));
    // The job's start time before asking, in the site's own clock: the job asked for is the one
    // that finishes with another start time.
    track(BakeryApi(client).bakingStatus(
        this, [this, client, keyId, step, then, generation](SiteResult<BakingJob> before) {
            if (!alive(generation))
                return;
            const double startedBefore = before.ok() ? before.value->started : -1;
            track(BakeryApi(client).sign(
                keyId, m_passphrase, true, this,
                [this, client, step, then, generation, startedBefore](SiteAck r) {
                    if (!alive(generation))
                        return;
                    if (!r.ok()) {
                        fail(step,
                             r.error.fields.contains(u"passphrase"_s)
                                 ? tr("The passphrase does not open the "
                                      "signing key.")
                                 : tr("Baking and signing could not start: "
                                      "%1")
                                       .arg(r.error.summary()));
                        return then(false);
                    }
                    pollBaking(client, startedBefore, step, then);
                }));
        }));
}

void MigrationController::pollBaking(RestClient *client, double before, Step step, Then then)
{
    const int generation = m_generation;
    track(BakeryApi(client).bakingStatus(
        this,
        [this, client, before, step, then, generation](SiteResult<BakingJob> r) {
            if (!alive(generation))
                return;
            if (!r.ok()) {
                fail(step,
                     tr("The baking job's status could not be read: %1").arg(r.error.summary()));
                return then(false);
            }
            const BakingJob &job = *r.value;
            if (job.state == u"finished"_s && job.started != before) {
                const bool failed = !job.log.isEmpty()
                    && job.log.last().contains(u"failed"_s, Qt::CaseInsensitive);
                if (failed) {
                    fail(step, tr("The baking job failed: %1").arg(job.log.last()));
                    return then(false);
                }
                log(step, tr("Baked and signed the agents."));
                m_view->setProgress(1, 1, {});
                return then(true);
            }
            if (job.progress >= 0)
                m_view->setProgress(int(job.progress * 100), 100, tr("Baking and signing…"));
            disconnect(&m_poll, &QTimer::timeout, nullptr, nullptr);
            connect(&m_poll, &QTimer::timeout, this,
                    [this, client = QPointer<RestClient>(client), generation = m_generation, before,
                     step, then] {
                        if (alive(generation) && client)
                            pollBaking(client, before, step, then);
                    });
            m_poll.start(pollIntervalMs);
        },
        1));
}

void MigrationController::verifyNewSite()
{
    const int generation = m_generation;
    m_view->setProgress(0, 0, tr("Reading the new site again to verify it…"));
    read(m_newSession, [this, generation](std::optional<MigrationSnapshot> s, ApiError e) {
        if (!alive(generation))
            return;
        if (!s)
            return fail(Step::NewSiteRule,
                        tr("The new site could not be read again: %1").arg(e.summary()));
        const QStringList problems = m_plan->verifyNewSite(*s);
        m_view->setProgress(1, 1, {});
        if (!problems.isEmpty()) {
            m_view->setStepState(Step::NewSiteRule, State::Failed);
            m_passphrase.clear();
            m_phase = Phase::Idle;
            m_view->setNewSiteFinished(false, problems);
            return;
        }
        m_verified = true;
        m_phase = Phase::Idle;
        if (m_plan->keysByHand())
            log(Step::NewSiteRule,
                tr("Verified: the new site holds the rule. Its keys and signed agents cannot be "
                   "read: check in its GUI that the keys are imported and the agents baked and "
                   "signed before you re-point the old site."));
        else
            log(Step::NewSiteRule,
                tr("Verified: the new site holds the keys, the rule, the "
                   "registrations and agents signed with key %1.")
                    .arg(m_plan->signingDigest()));
        m_view->setStepState(Step::NewSiteRule, State::Done);
        m_view->setNewSiteFinished(true, {});
    });
}

void MigrationController::runOldSite()
{
    // The old site is never touched before the new one is verified.
    if (!m_plan || m_dryRun || !m_verified || m_phase != Phase::Idle || !m_oldSession)
        return;
    ++m_generation;
    m_phase = Phase::OldSite;
    m_step = Step::OldSiteRule;
    m_conflictRule.clear();
    m_view->setStepState(m_step, State::Running);
    // After a refused write and a re-plan, the rules written before it are not written again.
    updateOldRule(m_nextOldRule);
}

void MigrationController::updateOldRule(int index)
{
    const QList<MigrationPlan::RuleChange> changes = m_plan->oldRuleChanges();
    const int generation = m_generation;
    m_nextOldRule = index;
    if (index >= changes.size() && m_plan->keysByHand()) {
        m_passphrase.clear();
        m_phase = Phase::Idle;
        log(m_step,
            tr("By hand: bake and sign the agents in the old site's GUI, so that every host "
               "gets an agent that asks the new site."));
        m_view->setProgress(1, 1, {});
        m_view->setStepState(m_step, State::Done);
        m_view->setOldSiteFinished(true);
        return;
    }
    if (index >= changes.size()) {
        bakeAndSign(m_oldSession->client(), m_plan->oldSigningKeyId(), m_step, [this](bool ok) {
            if (!ok)
                return;
            m_passphrase.clear();
            m_phase = Phase::Idle;
            log(m_step,
                tr("The old site's hosts get agents that ask the new site from their next "
                   "update on."));
            m_view->setStepState(m_step, State::Done);
            m_view->setOldSiteFinished(true);
        });
        return;
    }
    const MigrationPlan::RuleChange change = changes.at(index);
    m_view->setProgress(index, int(changes.size()), tr("Re-pointing the old site's rules…"));
    // Written with the ETag of the version the plan showed: a rule another client changed since
    // then is refused by the site (412), never overwritten.
    track(RulesApi(m_oldSession->client())
              .update(change.after, change.before.etag, this,
                      [this, generation, change, index](SiteResult<Versioned<AgentUpdaterRule>> u) {
                          if (!alive(generation))
                              return;
                          if (u.error.status == 412)
                              return refusedAsChanged(change.before);
                          if (!u.ok())
                              return fail(m_step,
                                          tr("Rule %1 of the old site could not be changed: %2")
                                              .arg(change.before.id, u.error.summary()));
                          log(m_step,
                              tr("Rule %1 of the old site now points at %2 / %3.")
                                  .arg(change.before.id, m_plan->newSite().server,
                                       m_plan->newSite().site));
                          updateOldRule(index + 1);
                      }));
}

void MigrationController::refusedAsChanged(const AgentUpdaterRule &planned)
{
    // Nothing is written and nothing baked; the passphrase stays for a re-planned step 5 until
    // the user leaves the old site as it is or closes the assistant.
    m_phase = Phase::Idle;
    m_conflictRule = planned.id;
    const QString name = MigrationPlan::ruleName(planned);
    log(m_step,
        tr("Stopped: %1 (id %2) of the old site was changed by another client after the plan "
           "was made; the site refused the write (412 Precondition Failed). Nothing was "
           "written to it, the old site's agents were not baked.")
            .arg(name, planned.id));
    m_view->setStepState(m_step, State::Refused);
    m_view->setProgress(0, 1, tr("Stopped: %1 was changed on the old site meanwhile.").arg(name));
    m_view->setOldSiteConflict(
        tr("The old site's %1 was changed by another client after the plan was made, so "
           "nothing was written to it. Re-plan step 5 on the version now on the site (only its "
           "update server is changed, everything else stays as the other client left it; you "
           "see the change before anything is written), or leave the old site as it is.")
            .arg(name));
}

void MigrationController::replanOldSite()
{
    if (!m_plan || m_conflictRule.isEmpty() || m_phase != Phase::Idle || !m_oldSession)
        return;
    const int generation = m_generation;
    const QString id = m_conflictRule;
    m_phase = Phase::OldSite;
    m_view->setProgress(0, 0, tr("Reading rule %1 of the old site again…").arg(id));
    track(
        RulesApi(m_oldSession->client())
            .rule(id, this, [this, generation, id](SiteResult<Versioned<AgentUpdaterRule>> r) {
                if (!alive(generation) || !m_view)
                    return;
                m_phase = Phase::Idle;
                if (!r.ok()) {
                    log(m_step,
                        tr("Rule %1 of the old site could not be read again: %2")
                            .arg(id, r.error.summary()));
                    m_view->setProgress(0, 1, r.error.summary());
                    return m_view->setOldSiteConflict(
                        tr("Rule %1 of the old site could not be read again: %2")
                            .arg(id, r.error.summary()));
                }
                const AgentUpdaterRule &theirs = r.value->value;
                m_plan->replanOldRule(theirs);
                m_conflictRule.clear();
                log(m_step,
                    tr("Re-planned on the version now on the site: %1, update server "
                       "%2.")
                        .arg(MigrationPlan::ruleName(theirs), MigrationPlan::updateServer(theirs)));
                m_view->setStepState(m_step, State::Waiting);
                m_view->setProgress(0, 1, {});
                m_view->setOldSitePlan(m_plan->actions(Step::OldSiteRule));
            }));
}

void MigrationController::keepOldSite()
{
    if (m_conflictRule.isEmpty() || m_phase != Phase::Idle)
        return;
    m_passphrase.clear();
    log(m_step,
        tr("The old site was left as it is: rule %1 keeps the other client's version, no "
           "further rule was re-pointed and no agent baked there. Its hosts still ask the old "
           "site; re-point its rules by hand or run the assistant again.")
            .arg(m_conflictRule));
    m_conflictRule.clear();
    m_view->setStepState(m_step, State::Cancelled);
    m_view->setOldSiteFinished(false);
}

void MigrationController::cancel()
{
    if (m_phase == Phase::Idle) {
        m_passphrase.clear();
        return;
    }
    ++m_generation;
    m_poll.stop();
    if (m_current)
        m_current->cancel();
    m_passphrase.clear();
    const Phase phase = m_phase;
    m_phase = Phase::Idle;
    if (!m_view)
        return;
    if (phase == Phase::Reading) {
        m_view->setPlanError(tr("Stopped."));
        return;
    }
    log(m_step,
        tr("Stopped by the user. What was written before stays; a baking job that "
           "had started runs to its end on the site."));
    m_view->setStepState(m_step, State::Cancelled);
    m_view->setProgress(0, 1, tr("Stopped."));
    if (phase == Phase::OldSite)
        m_view->setOldSiteFinished(false);
    else
        m_view->setNewSiteFinished(false, {});
}
