#include "BakeryController.h"

#include <QApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QUrlQuery>

#include "AgentsPage.h"
#include "RestClient.h"
#include "RestReply.h"
#include "SecureBuffer.h"
#include "SignatureVerifier.h"
#include "SiteReplyReader.h"
#include "SiteSession.h"

using namespace Qt::StringLiterals;

namespace {
const QString statusPath = u"/domain-types/agent/actions/baking_status/invoke"_s;
}

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
}

void BakeryController::refresh()
{
    if (!m_session->isConnected())
        return;
    RestClient *client = m_session->client();
    RestReply *keys
        = client->send(RestRequest::get(u"/domain-types/agent_signature_key/collections/all"_s));
    connect(keys, &RestReply::finished, this, [this](const RestResult &r) {
        ApiError error = r.error;
        if (const auto list
            = r.ok() ? SiteReplyReader::signatureKeys(r.json, &error) : std::nullopt) {
            m_keys = *list;
            QList<QPair<int, QString>> names;
            QList<int> inUse;
            for (const SignatureKey &k : m_keys) {
                names.append({ k.id, k.alias });
                if (k.inUse)
                    inUse << k.id;
            }
            m_page->setKeys(names, inUse);
        }
    });
    RestReply *agents = client->send(RestRequest::get(u"/domain-types/agent/collections/all"_s));
    connect(agents, &RestReply::finished, this, [this](const RestResult &r) {
        ApiError error = r.error;
        const auto list = r.ok() ? SiteReplyReader::bakedAgents(r.json, &error) : std::nullopt;
        if (!list) {
            m_page->showError(error, tr("The baked agents could not be read."));
            return;
        }
        m_agents = *list;
        m_page->setAgents(m_agents);
        Q_EMIT agentsLoaded();
    });
    // A job that already runs (started elsewhere, or before this window) is followed, not failed.
    RestReply *status = client->send(RestRequest::get(statusPath));
    connect(status, &RestReply::finished, this, [this](const RestResult &r) {
        ApiError error = r.error;
        if (const auto job = r.ok() ? SiteReplyReader::bakingJob(r.json, &error) : std::nullopt) {
            m_page->setJob(*job, 0);
            if (job->state == u"running"_s && !m_poll.isActive())
                follow(job->started);
        }
    });
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
    RestReply *reply = m_session->client()->send(RestRequest::get(statusPath).withRetries(1));
    connect(reply, &RestReply::finished, this, [this](const RestResult &r) {
        ApiError error = r.error;
        const auto job = r.ok() ? SiteReplyReader::bakingJob(r.json, &error) : std::nullopt;
        if (!job) {
            m_poll.stop();
            m_page->showError(error, tr("The baking job's status could not be read."));
            Q_EMIT jobFinished(false);
            return;
        }
        m_page->setJob(*job, m_elapsed.elapsed());
        // Finished counts only for the job asked for: started at or after the request.
        if (job->state == u"finished"_s && job->started + 1 >= m_askedAt && m_poll.isActive()) {
            m_poll.stop();
            const bool failed
                = !job->log.isEmpty() && job->log.last().contains(u"failed"_s, Qt::CaseInsensitive);
            m_page->showMessage(
                failed ? tr("The baking job finished with an error: %1").arg(job->log.last())
                       : tr("The baking job finished after %1 s.").arg(m_elapsed.elapsed() / 1000));
            QApplication::alert(m_page->window());
            refresh();
            Q_EMIT jobFinished(!failed);
        }
    });
}

void BakeryController::bake()
{
    const double askedAt = double(QDateTime::currentSecsSinceEpoch());
    RestReply *reply = m_session->client()->send(
        RestRequest::post(u"/domain-types/agent/actions/bake/invoke"_s));
    connect(reply, &RestReply::finished, this, [this, askedAt](const RestResult &r) {
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
    QJsonObject body { { u"key_id"_s, keyId }, { u"passphrase"_s, QString::fromUtf8(passphrase) } };
    const QString path = bakeFirst ? u"/domain-types/agent/actions/bake_and_sign/invoke"_s
                                   : u"/domain-types/agent/actions/sign/invoke"_s;
    RestReply *reply = m_session->client()->send(RestRequest::post(path, QJsonDocument(body)));
    body = {};
    connect(reply, &RestReply::finished, this, [this, askedAt](const RestResult &r) {
        if (r.error.status == 409) {
            m_page->showMessage(tr("A baking job is already running; AgentDesk follows it. Sign "
                                   "again once it has finished."));
            follow(0);
            return;
        }
        if (!r.ok()) {
            m_page->showError(r.error, tr("The agents were not signed."));
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
    QUrlQuery query;
    query.addQueryItem(u"agent_hash"_s, hash);
    query.addQueryItem(u"os_type"_s, agent->osTypes.first());
    RestRequest request
        = RestRequest::get(u"/domain-types/agent/actions/download_by_hash/invoke"_s, query)
              .withAccept("application/octet-stream");
    const BakedAgent copy = *agent;
    RestReply *reply = m_session->client()->send(request);
    connect(reply, &RestReply::finished, this, [this, copy](const RestResult &r) {
        if (!r.ok()) {
            m_page->showError(r.error, tr("The package could not be downloaded."));
            return;
        }
        // Against the site's keys: a signature counts when its certificate is one of them.
        QList<QByteArray> siteKeys;
        for (const SignatureKey &k : std::as_const(m_keys))
            siteKeys << k.certificatePem;
        const SignatureVerifier verifier(siteKeys);
        QList<PackageSignature> signatures;
        for (const BakedAgent::Signature &s : copy.signatures)
            signatures.append({ s.certificatePem, s.signatureBase64 });
        const QList<SignatureVerdict> verdicts
            = verifier.verify(r.body, signatures, QDateTime::currentDateTimeUtc());
        QStringList lines;
        lines << tr("Package %1 (%2, %n byte(s)):", nullptr, int(r.body.size()))
                     .arg(copy.hash, copy.osTypes.first());
        if (verdicts.isEmpty())
            lines << tr("  no signature at all");
        for (int i = 0; i < verdicts.size(); ++i) {
            const SignatureVerdict &v = verdicts.at(i);
            const QString state
                = v.state == SignatureVerdict::State::Valid ? tr("VALID") : tr("REFUSED");
            lines << tr("  key %1 (%2): %3 — %4")
                         .arg(copy.signatures.at(i).keyId)
                         .arg(v.commonName, state, v.reason);
        }
        const bool ok = SignatureVerifier::anyValid(verdicts);
        m_page->setVerification(copy.hash, lines, ok);
        Q_EMIT verified(copy.hash, ok);
    });
}
