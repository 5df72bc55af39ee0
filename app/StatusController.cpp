#include "StatusController.h"

#include <QDateTime>
#include <QFutureWatcher>
#include <QJsonDocument>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include "RestClient.h"
#include "RestReply.h"
#include "ServiceStatusReader.h"
#include "SiteSession.h"
#include "StatusApi.h"
#include "UpdateStatusModel.h"
#include "UpdateStatusPage.h"
#include "UpdateStatusParser.h"

using namespace Qt::StringLiterals;

StatusController::StatusController(SiteSession *session, UpdateStatusPage *page, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_page(page)
{
    connect(page, &UpdateStatusPage::refreshRequested, this, &StatusController::refresh);
    connect(page, &UpdateStatusPage::cancelRequested, this, &StatusController::cancel);
    connect(session, &SiteSession::connected, this, &StatusController::refresh);
    connect(session, &SiteSession::disconnected, this, [this] {
        cancel();
        m_page->clearData(tr("Not connected."));
    });
}

void StatusController::refresh()
{
    if (!m_session->isConnected() || m_loading)
        return;
    const int generation = ++m_generation;
    m_loading = true;
    m_page->setLoading(true, tr("Fetching the update status…"));
    RestRequest request = StatusApi::statusRequest();
    request.parseJson = false; // the worker reads it
    m_reply = m_session->client()->send(std::move(request));
    connect(m_reply, &RestReply::finished, this, [this, generation](const RestResult &result) {
        if (generation != m_generation)
            return;
        m_reply = nullptr;
        if (!result.ok() && result.error.status == 404) {
            // A stock site has no update-status endpoint: read the Check_MK Agent services.
            fetchFromServices(generation);
            return;
        }
        m_page->setSourceNote({});
        if (!result.ok()) {
            if (result.error.kind != ApiError::Kind::Cancelled)
                m_page->showError(result.error);
            finish(false);
            return;
        }
        m_page->setLoading(true, tr("Reading %n host(s)…", nullptr, int(result.body.size() / 560)));
        readInWorker(result.body, generation, &UpdateStatusParser::parse);
    });
}

void StatusController::fetchFromServices(int generation)
{
    m_page->setLoading(true,
                       tr("This site has no update-status endpoint: reading the "
                          "Check_MK Agent services…"));
    RestRequest request = StatusApi::servicesRequest();
    request.parseJson = false;
    m_reply = m_session->client()->send(std::move(request));
    connect(m_reply, &RestReply::finished, this, [this, generation](const RestResult &result) {
        if (generation != m_generation)
            return;
        m_reply = nullptr;
        if (!result.ok()) {
            if (result.error.kind != ApiError::Kind::Cancelled)
                m_page->showError(result.error);
            finish(false);
            return;
        }
        m_page->setSourceNote(
            tr("This site offers no update-status interface (a stock Checkmk site shows it in "
               "its web GUI only). The status below is read from each host's \"Check_MK "
               "Agent\" service: errors, last check, installed and pending agent. The target "
               "agent of a host is known only while an update is pending, so hosts and sites "
               "without an update in progress count as up to date."));
        readInWorker(result.body, generation, &ServiceStatusReader::parse);
    });
}

void StatusController::readInWorker(const QByteArray &body, int generation, Parse parse)
{
    {
        // The parse runs in a worker; the body is shared, not copied.
        auto *watcher
            = new QFutureWatcher<std::pair<std::optional<UpdateStatusParser::Result>, ApiError>>(
                this);
        connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
            watcher->deleteLater();
            if (generation != m_generation)
                return;
            auto [parsed, error] = watcher->result();
            if (!parsed) {
                m_page->showError(error);
                finish(false);
                return;
            }
            const qint64 now = parsed->generatedAt > 0 ? parsed->generatedAt
                                                       : QDateTime::currentSecsSinceEpoch();
            const bool enabled = parsed->deploymentEnabled.value_or(true);
            const qint64 fetchedAt = QDateTime::currentSecsSinceEpoch();
            auto rows = std::make_shared<std::vector<HostUpdateStatus>>(std::move(parsed->rows));
            if (m_page->model()->rowCount() > 0) {
                // A refresh: one update keeps selection, sort and scroll.
                m_page->setStatus(std::move(*rows), now, enabled, fetchedAt);
                finish(true);
                return;
            }
            m_page->beginLoad(now, enabled);
            handOver(rows, 0, now, enabled, fetchedAt, generation);
        });
        watcher->setFuture(QtConcurrent::run([body, parse] {
            ApiError error;
            auto parsed = parse(body, &error);
            return std::make_pair(std::move(parsed), error);
        }));
    }
}

void StatusController::handOver(std::shared_ptr<std::vector<HostUpdateStatus>> rows, size_t from,
                                qint64 now, bool enabled, qint64 fetchedAt, int generation)
{
    if (generation != m_generation)
        return;
    const size_t to = std::min(rows->size(), from + batchSize);
    std::vector<HostUpdateStatus> batch(std::make_move_iterator(rows->begin() + qsizetype(from)),
                                        std::make_move_iterator(rows->begin() + qsizetype(to)));
    m_page->appendBatch(std::move(batch));
    if (to < rows->size()) {
        m_page->setLoading(true, tr("Loaded %1 of %2 hosts…").arg(to).arg(rows->size()));
        // Let the window breathe between batches.
        QTimer::singleShot(0, this,
                           [=, this] { handOver(rows, to, now, enabled, fetchedAt, generation); });
        return;
    }
    m_page->finishLoad(fetchedAt);
    finish(true);
}

void StatusController::cancel()
{
    ++m_generation;
    if (m_reply)
        m_reply->cancel();
    if (m_loading)
        finish(false);
}

void StatusController::finish(bool ok)
{
    m_loading = false;
    m_page->setLoading(false);
    if (ok)
        Q_EMIT loaded(m_page->model()->rowCount());
}
