#include "BakeryController.h"

#include <QApplication>
#include <QDateTime>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

#include <memory>

#include "AgentsPage.h"
#include "BakeryApi.h"
#include "InventoryLoader.h"
#include "KeysApi.h"
#include "RulesApi.h"
#include "SecureBuffer.h"
#include "SignatureVerifier.h"
#include "SiteSession.h"

using namespace Qt::StringLiterals;

namespace {
QByteArray normal(const QByteArray &pem)
{
    return SignatureVerifier::normalizedPem(pem);
}
} // namespace

BakeryController::BakeryController(SiteSession *session, AgentsPage *page, QObject *parent,
                                   InventoryLoader *inventory)
    : QObject(parent)
    , m_session(session)
    , m_page(page)
    , m_inventory(inventory ? inventory : new InventoryLoader(session, this))
{
    // The hosts' folders, tags and labels decide which rule gives each host its keys.
    connect(m_inventory, &InventoryLoader::loaded, this, &BakeryController::recomputeAcceptance);
    m_poll.setInterval(400);
    connect(&m_poll, &QTimer::timeout, this, &BakeryController::pollOnce);
    connect(page, &AgentsPage::refreshRequested, this, &BakeryController::refresh);
    connect(page, &AgentsPage::bakeRequested, this, &BakeryController::bake);
    connect(page, &AgentsPage::signRequested, this, &BakeryController::sign, Qt::DirectConnection);
    connect(page, &AgentsPage::verifyRequested, this, &BakeryController::verify);
    connect(session, &SiteSession::connected, this, &BakeryController::refresh);
    connect(session, &SiteSession::disconnected, &m_poll, &QTimer::stop);
    // Fresh state: a new key, a changed rule or an activation shows here without F5.
    connect(session, &SiteSession::written, this, [this](SiteSession::Change what) {
        if (what != SiteSession::Change::HostSelection && what != SiteSession::Change::MasterSwitch
            && what != SiteSession::Change::Agents)
            refresh();
    });
}

void BakeryController::refresh()
{
    if (!m_session->isConnected())
        return;
    RestClient *client = m_session->client();
    KeysApi(client).keys(this, [this](SiteResult<QList<SignatureKey>> r) {
        if (r.ok()) {
            m_keys = *r.value;
            showKeys();
        }
    });
    RulesApi(client).rules(this, [this](SiteResult<QList<AgentUpdaterRule>> r) {
        if (r.ok()) {
            m_rules = *r.value;
            m_rulesRead = true;
            recomputeAcceptance();
        }
    });
    BakeryApi(client).agents(this, [this](SiteResult<QList<BakedAgent>> r) {
        if (!r.ok()) {
            m_page->showError(r.error, tr("The baked agents could not be read."));
            return;
        }
        m_agents = *r.value;
        m_page->setAgents(m_agents);
        // Where the site lists each agent's hosts, the keys are checked per host.
        if (std::any_of(m_agents.cbegin(), m_agents.cend(),
                        [](const BakedAgent &a) { return a.hostNamesKnown; }))
            m_inventory->ensureLoaded();
        recomputeAcceptance();
        Q_EMIT agentsLoaded();
    });
    // A job that already runs (started elsewhere, or before this window) is followed, not failed.
    BakeryApi(client).bakingStatus(this, [this](SiteResult<BakingJob> r) {
        if (r.ok()) {
            m_page->setJob(*r.value, 0);
            if (r.value->state == u"running"_s && !m_poll.isActive())
                follow(r.value->started);
        }
    });
}

QList<QByteArray> BakeryController::acceptedCertificates() const
{
    QList<QByteArray> out;
    for (const AgentUpdaterRule &rule : m_rules) {
        if (rule.properties.disabled)
            continue;
        for (const QString &pem : rule.config().signatureKeys.value_or(QStringList()))
            out << normal(pem.toUtf8());
    }
    return out;
}

void BakeryController::recomputeAcceptance()
{
    const int generation = ++m_acceptanceGeneration;
    m_acceptance.reset();
    const std::shared_ptr<const Inventory> inventory = m_inventory->inventory();
    const bool listed = !m_agents.isEmpty()
        && std::all_of(m_agents.cbegin(), m_agents.cend(),
                       [](const BakedAgent &a) { return a.hostNamesKnown; });
    // Meanwhile (and for good when the hosts are not known): every enabled rule's keys.
    showKeys();
    if (!listed || !inventory || !m_rulesRead)
        return;
    struct Input
    {
        QString hash;
        QString name;
        QStringList hosts;
    };
    QList<Input> agents;
    for (const BakedAgent &a : std::as_const(m_agents))
        agents.append({ a.hash, a.name, a.hostNames });
    const QList<AgentUpdaterRule> rules = m_rules;
    using Result = QList<AgentKeyAcceptance::Agent>;
    auto *watcher = new QFutureWatcher<Result>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_acceptanceGeneration)
            return; // agents, rules or inventory changed meanwhile: a newer run answers
        m_acceptance = watcher->result();
        showKeys();
    });
    watcher->setFuture(QtConcurrent::run([inventory, rules, agents] {
        Result out;
        for (const Input &a : agents) {
            QList<Host> hosts;
            hosts.reserve(a.hosts.size());
            for (const QString &name : a.hosts) {
                // A host the inventory does not hold cannot be evaluated; it is left out.
                const qsizetype index = inventory->indexOf(name);
                if (index >= 0)
                    hosts << inventory->host(index);
            }
            out.append({ a.name, AgentKeyAcceptance::groups(hosts, rules), a.hash });
        }
        return out;
    }));
}

std::optional<QList<AgentKeyAcceptance::Group>>
BakeryController::groupsFor(const BakedAgent &agent) const
{
    if (!m_acceptance)
        return std::nullopt;
    for (const AgentKeyAcceptance::Agent &a : *m_acceptance) {
        if (a.hash == agent.hash)
            return a.groups;
    }
    return std::nullopt;
}

void BakeryController::showKeys()
{
    const QList<QByteArray> accepted = acceptedCertificates();
    const std::optional<QList<AgentKeyAcceptance::Agent>> &perHost = m_acceptance;
    QList<QPair<int, QString>> names;
    QList<int> acceptedIds;
    QHash<int, QStringList> refusing;
    for (const SignatureKey &k : std::as_const(m_keys)) {
        names.append({ k.id, k.alias });
        const QByteArray pem = normal(k.certificatePem);
        if (perHost) {
            // Each host takes its keys from the rule effective for it: name those that refuse.
            const QList<AgentKeyAcceptance::Refusal> refusals
                = AgentKeyAcceptance::refusals(*perHost, k.certificatePem);
            if (refusals.isEmpty() && accepted.contains(pem))
                acceptedIds << k.id;
            for (const AgentKeyAcceptance::Refusal &r : refusals) {
                const QString hosts = tr("%n host(s)", nullptr, r.hosts);
                const QString which
                    = tr("%1 of %2, e.g. %3")
                          .arg(hosts, r.agents.join(u", "_s), r.someHosts.join(u", "_s));
                if (r.ruleId.isEmpty())
                    refusing[k.id] << tr("no enabled rule gives accepted keys to %1: they "
                                         "accept no key")
                                          .arg(which);
                else
                    refusing[k.id] << tr("rule #%1 \"%2\" in %3, which gives the accepted keys "
                                         "of %4")
                                          .arg(r.ruleNumber)
                                          .arg(r.ruleDescription, r.ruleFolder, which);
            }
            continue;
        }
        // The site does not list the agents' hosts: every enabled rule that sets accepted keys
        // without this one may make hosts refuse it.
        if (accepted.contains(pem))
            acceptedIds << k.id;
        for (int i = 0; i < m_rules.size(); ++i) {
            const AgentUpdaterRule &rule = m_rules.at(i);
            const auto keys = rule.config().signatureKeys;
            if (rule.properties.disabled || !keys)
                continue;
            bool has = false;
            for (const QString &p : *keys)
                has = has || normal(p.toUtf8()) == pem;
            if (!has)
                refusing[k.id] << tr("rule #%1 \"%2\" in %3")
                                      .arg(i + 1)
                                      .arg(rule.properties.description, rule.folder);
        }
        if (accepted.isEmpty())
            refusing[k.id] << tr("no enabled agent updater rule accepts any key");
    }
    m_page->setKeys(names, acceptedIds, refusing);
}

void BakeryController::follow(double askedAt)
{
    m_askedAt = askedAt;
    m_elapsed.start();
    m_poll.start();
    pollOnce();
}

void BakeryController::pollOnce()
{
    BakeryApi(m_session->client())
        .bakingStatus(
            this,
            [this](SiteResult<BakingJob> r) {
                if (!r.ok()) {
                    m_poll.stop();
                    m_page->showError(r.error, tr("The baking job's status could not be read."));
                    Q_EMIT jobFinished(false);
                    return;
                }
                const BakingJob &job = *r.value;
                m_page->setJob(job, m_elapsed.elapsed());
                // Finished counts only for the job asked for: started at or after the request.
                if (job.state == u"finished"_s && job.started + 1 >= m_askedAt
                    && m_poll.isActive()) {
                    m_poll.stop();
                    const bool failed = !job.log.isEmpty()
                        && job.log.last().contains(u"failed"_s, Qt::CaseInsensitive);
                    m_page->showMessage(
                        failed ? tr("The baking job finished with an error: %1").arg(job.log.last())
                               : tr("The baking job finished after %1 s.")
                                     .arg(m_elapsed.elapsed() / 1000));
                    QApplication::alert(m_page->window());
                    refresh();
                    m_session->reportWrite(SiteSession::Change::Agents);
                    Q_EMIT jobFinished(!failed);
                }
            },
            1);
}

void BakeryController::bake()
{
    const double askedAt = double(QDateTime::currentSecsSinceEpoch());
    BakeryApi(m_session->client()).bake(this, [this, askedAt](SiteAck r) {
        if (r.error.status == 409) {
            m_page->showMessage(tr("A baking job is already running; AgentDesk follows it."));
            follow(0);
            return;
        }
        if (!r.ok()) {
            m_page->showError(r.error, tr("Baking could not start."));
            return;
        }
        follow(askedAt);
    });
}

void BakeryController::sign(int keyId, const QByteArray &passphrase, bool bakeFirst)
{
    const double askedAt = double(QDateTime::currentSecsSinceEpoch());
    const SecureBuffer secret(QByteArray(passphrase.constData(), passphrase.size()));
    BakeryApi(m_session->client()).sign(keyId, secret, bakeFirst, this, [this, askedAt](SiteAck r) {
        if (r.error.status == 409) {
            const QString text = tr("A baking job is already running; AgentDesk follows it. "
                                    "Sign again once it has finished.");
            m_page->showMessage(text);
            m_page->finishSign(false, ApiError::local(tr("Not signed"), text));
            follow(0);
            return;
        }
        if (!r.ok()) {
            // In words, at the field the site names; the dialog shows it there.
            ApiError e = r.error;
            const QString passphrase = QString::fromLatin1(SignDialog::passphraseField);
            const QString key = QString::fromLatin1(SignDialog::keyField);
            if (e.fields.contains(passphrase)) {
                e.detail = tr("The passphrase does not open this key.");
                e.fields = { { passphrase, { e.detail } } };
            } else if (e.fields.contains(key)) {
                e.detail = tr("The site does not accept this key: %1")
                               .arg(e.fields.value(key).join(u' '));
                e.fields = { { key, { e.detail } } };
            }
            m_page->finishSign(false, e);
            Q_EMIT jobFinished(false);
            return;
        }
        m_page->finishSign(true, {});
        follow(askedAt);
    });
}

void BakeryController::verify(const QString &hash)
{
    const auto agent = std::find_if(m_agents.cbegin(), m_agents.cend(),
                                    [&](const BakedAgent &a) { return a.hash == hash; });
    if (agent == m_agents.cend() || agent->osTypes.isEmpty())
        return;
    const BakedAgent copy = *agent;
    const int generation = ++m_verifyGeneration;
    // Every package type, each against the keys this agent's hosts accept: per host from the
    // rule effective for it where the site lists the hosts, else any enabled rule's keys.
    struct Run
    {
        int outstanding = 0;
        bool allOk = true;
        QStringList lines;
    };
    auto run = std::make_shared<Run>();
    run->outstanding = int(copy.osTypes.size());
    QList<AgentKeyAcceptance::Group> groups;
    if (const auto known = groupsFor(copy); known && !known->isEmpty()) {
        groups = *known;
    } else {
        run->lines << (known ? tr("No host gets this agent: checked against the keys any "
                                  "enabled rule accepts.")
                           : copy.hostNamesKnown
                           ? tr("The keys of this agent's hosts are still being evaluated: "
                                "checked against the keys any enabled rule accepts.")
                           : tr("The site does not list this agent's hosts: checked against "
                                "the keys any enabled rule accepts."));
    }
    QList<QByteArray> accepted;
    for (const AgentKeyAcceptance::Group &g : std::as_const(groups))
        accepted << g.certificates;
    if (groups.isEmpty())
        accepted = acceptedCertificates();
    for (const QString &os : copy.osTypes) {
        BakeryApi(m_session->client())
            .download(
                copy.hash, os, this,
                [this, run, copy, os, accepted, groups, generation](SiteResult<QByteArray> r) {
                    if (generation != m_verifyGeneration)
                        return;
                    if (!r.ok()) {
                        run->allOk = false;
                        run->lines << tr("Package %1: could not be downloaded (%2)")
                                          .arg(os, r.error.summary());
                    } else {
                        const SignatureVerifier verifier(accepted);
                        QList<PackageSignature> signatures;
                        for (const BakedAgent::Signature &s : copy.signatures)
                            signatures.append({ s.certificatePem, s.signatureBase64 });
                        const QList<SignatureVerdict> verdicts = verifier.verify(
                            *r.value, signatures, QDateTime::currentDateTimeUtc());
                        run->lines << tr("Package %1 (%n byte(s)):", nullptr, int(r.value->size()))
                                          .arg(os);
                        if (verdicts.isEmpty())
                            run->lines << tr("  no signature at all");
                        QStringList validKeys; // names of the keys with a valid signature
                        QList<QByteArray> validCertificates;
                        for (int i = 0; i < verdicts.size(); ++i) {
                            const SignatureVerdict &v = verdicts.at(i);
                            const QString name = keyName(copy.signatures.at(i).keyId);
                            run->lines << tr("  %1 (%2): %3 — %4")
                                              .arg(name, v.commonName,
                                                   v.state == SignatureVerdict::State::Valid
                                                       ? tr("VALID")
                                                       : tr("REFUSED"),
                                                   v.reason);
                            if (v.state == SignatureVerdict::State::Valid) {
                                validKeys << name;
                                validCertificates << copy.signatures.at(i).certificatePem;
                            }
                        }
                        if (groups.isEmpty()) {
                            run->allOk = run->allOk && SignatureVerifier::anyValid(verdicts);
                        }
                        // Per rule: do its hosts find a signature by a key it lists?
                        for (const AgentKeyAcceptance::Group &g : groups) {
                            QStringList takenBy;
                            for (int i = 0; i < validCertificates.size(); ++i) {
                                if (AgentKeyAcceptance::accepts(g, validCertificates.at(i)))
                                    takenBy << validKeys.at(i);
                            }
                            const QString hosts = tr("%n host(s)", nullptr, int(g.hosts.size()));
                            const QString rule = g.ruleId.isEmpty()
                                ? tr("no rule gives them accepted keys")
                                : tr("keys of rule #%1 \"%2\" in %3")
                                      .arg(g.ruleNumber)
                                      .arg(g.ruleDescription, g.ruleFolder);
                            if (takenBy.isEmpty()) {
                                run->allOk = false;
                                run->lines << tr("  %1 (%2): REFUSE it, no valid signature of a "
                                                 "key they accept")
                                                  .arg(hosts, rule);
                            } else {
                                run->lines << tr("  %1 (%2): accept it, signed with %3")
                                                  .arg(hosts, rule, takenBy.join(u", "_s));
                            }
                        }
                    }
                    if (--run->outstanding > 0)
                        return;
                    m_page->setVerification(copy.hash, run->lines, run->allOk);
                    Q_EMIT verified(copy.hash, run->allOk);
                });
    }
}

QString BakeryController::keyName(int keyId) const
{
    for (const SignatureKey &k : std::as_const(m_keys)) {
        if (k.id == keyId)
            return tr("key %1 \"%2\"").arg(keyId).arg(k.alias);
    }
    return tr("key %1").arg(keyId);
}
