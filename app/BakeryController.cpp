#include "BakeryController.h"

#include <QApplication>
#include <QDateTime>

#include <memory>

#include "AgentsPage.h"
#include "BakeryApi.h"
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

BakeryController::BakeryController(SiteSession *session, AgentsPage *page, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_page(page)
{
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
            showKeys();
        }
    });
    BakeryApi(client).agents(this, [this](SiteResult<QList<BakedAgent>> r) {
        if (!r.ok()) {
            m_page->showError(r.error, tr("The baked agents could not be read."));
            return;
        }
        m_agents = *r.value;
        m_page->setAgents(m_agents);
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

void BakeryController::showKeys()
{
    const QList<QByteArray> accepted = acceptedCertificates();
    QList<QPair<int, QString>> names;
    QList<int> acceptedIds;
    QHash<int, QStringList> refusing;
    for (const SignatureKey &k : std::as_const(m_keys)) {
        names.append({ k.id, k.alias });
        const QByteArray pem = normal(k.certificatePem);
        if (accepted.contains(pem))
            acceptedIds << k.id;
        // Rules that set accepted keys without this one: their hosts would refuse it.
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
            m_page->showMessage(tr("A baking job is already running; AgentDesk follows it. "
                                   "Sign again once it has finished."));
            follow(0);
            return;
        }
        if (!r.ok()) {
            ApiError e = r.error;
            if (e.fields.contains(u"passphrase"_s))
                e.detail = tr("The passphrase does not open this key.");
            m_page->showError(e, tr("The agents were not signed."));
            Q_EMIT jobFinished(false);
            return;
        }
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
    // Every package type, each against the keys the enabled rules accept.
    struct Run
    {
        int outstanding = 0;
        bool allOk = true;
        QStringList lines;
    };
    auto run = std::make_shared<Run>();
    run->outstanding = int(copy.osTypes.size());
    const QList<QByteArray> accepted = acceptedCertificates();
    for (const QString &os : copy.osTypes) {
        BakeryApi(m_session->client())
            .download(copy.hash, os, this,
                      [this, run, copy, os, accepted, generation](SiteResult<QByteArray> r) {
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
                              run->lines
                                  << tr("Package %1 (%n byte(s)):", nullptr, int(r.value->size()))
                                         .arg(os);
                              if (verdicts.isEmpty())
                                  run->lines << tr("  no signature at all");
                              for (int i = 0; i < verdicts.size(); ++i) {
                                  const SignatureVerdict &v = verdicts.at(i);
                                  const int keyId = copy.signatures.at(i).keyId;
                                  QString name = tr("key %1").arg(keyId);
                                  for (const SignatureKey &k : std::as_const(m_keys)) {
                                      if (k.id == keyId)
                                          name = tr("key %1 \"%2\"").arg(keyId).arg(k.alias);
                                  }
                                  run->lines << tr("  %1 (%2): %3 — %4")
                                                    .arg(name, v.commonName,
                                                         v.state == SignatureVerdict::State::Valid
                                                             ? tr("VALID")
                                                             : tr("REFUSED"),
                                                         v.reason);
                              }
                              run->allOk = run->allOk && SignatureVerifier::anyValid(verdicts);
                          }
                          if (--run->outstanding > 0)
                              return;
                          m_page->setVerification(copy.hash, run->lines, run->allOk);
                          Q_EMIT verified(copy.hash, run->allOk);
                      });
    }
}
