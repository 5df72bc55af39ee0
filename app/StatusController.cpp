#include "StatusController.h"

#include <QDateTime>
#include <QTimer>

#include "RestReply.h"
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
    // The reply is read in a worker by the status client; only the hand-over happens here.
    m_reply = StatusApi(m_session->client())
                  .updateStatus(this, [this, generation](SiteResult<UpdateStatusParser::Result> r) {
                      if (generation != m_generation)
                          return;
                      m_reply = nullptr;
                      if (!r.ok()) {
                          if (r.error.kind != ApiError::Kind::Cancelled)
                              m_page->showError(r.error);
                          finish(false);
                          return;
                      }
                      UpdateStatusParser::Result &parsed = *r.value;
                      const qint64 now = parsed.generatedAt > 0
                          ? parsed.generatedAt
                          : QDateTime::currentSecsSinceEpoch();
                      const bool enabled = parsed.deploymentEnabled.value_or(true);
                      const qint64 fetchedAt = QDateTime::currentSecsSinceEpoch();
                      auto rows
                          = std::make_shared<std::vector<HostUpdateStatus>>(std::move(parsed.rows));
                      if (m_page->model()->rowCount() > 0) {
                          // A refresh: one update keeps selection, sort and scroll.
                          m_page->setStatus(std::move(*rows), now, enabled, fetchedAt);
                          finish(true);
                          return;
                      }
                      m_page->beginLoad(now, enabled);
                      handOver(rows, 0, now, enabled, fetchedAt, generation);
                  });
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
