#include "StatusController.h"

#include <QDateTime>
#include <QFutureWatcher>
#include <QJsonDocument>
#include <QtConcurrent/QtConcurrentRun>

#include <variant>

#include "BakeryApi.h"
#include "RestClient.h"
#include "RestReply.h"
#include "ServiceStatusReader.h"
#include "SiteSession.h"
#include "StatusApi.h"
#include "StatusRefresh.h"
#include "StatusTable.h"
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
    connect(page, &UpdateStatusPage::findTargetRequested, this, &StatusController::findTarget);
    connect(session, &SiteSession::connected, this, &StatusController::refresh);
    connect(session, &SiteSession::disconnected, this, [this] {
        cancel();
        m_page->clearData(tr("Not connected."));
    });
}

void StatusController::findTarget(const QString &hostName)
{
    if (!m_session->isConnected())
        return;
    m_page->setTargetLookup(hostName,
                            tr("Comparing the package the site baked for this host with the "
                               "packages of its agents…"),
                            true);
    BakeryApi(m_session->client())
        .agentOfHost(hostName, this, [this, hostName](SiteResult<QString> r) {
            quint64 hash = 0;
            if (!r.ok() || !HostUpdateStatus::parseHash(*r.value, &hash)) {
                m_page->setTargetLookup(
                    hostName, tr("The target agent could not be found: %1").arg(r.error.summary()),
                    false);
                Q_EMIT targetFound(hostName, QString());
                return;
            }
            // Into the host's row until the next refresh, which reads the site again (a new
            // bake may have changed it); the row's category follows from it.
            UpdateStatusModel *model = m_page->model();
            const int row = model->rowOf(hostName);
            if (row >= 0 && model->row(row).targetHash != hash) {
                std::vector<HostUpdateStatus> rows = *model->rowsSnapshot();
                rows[size_t(row)].targetHash = hash;
                model->updateRows(std::move(rows), model->now(), model->deploymentEnabled());
            }
            m_page->setTargetLookup(
                hostName,
                tr("Target agent %1: the package the site baked for this host is that of agent "
                   "%1 (found by comparing the packages; it is what the updater is offered "
                   "while the host is selected and the master switch is on).")
                    .arg(*r.value),
                false);
            Q_EMIT targetFound(hostName, *r.value);
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
        if (!result.ok() && result.error.status == 404 && !result.error.isSiteNotFound()) {
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
               "Agent\" service: errors, last check, installed and pending agent. No interface of "
               "the site names a host's target agent: it is known only while an update is "
               "pending, so hosts without an update in progress count as up to date. For one "
               "host, \"Find target agent\" in its details derives it from the site's agent "
               "packages."));
        readInWorker(result.body, generation, &ServiceStatusReader::parse);
    });
}

void StatusController::readInWorker(const QByteArray &body, int generation, Parse parse)
{
    // Parsed, derived (categories, search keys, every column's order) and, for a refresh,
    // diffed against the rows shown, all in a worker; the UI thread only applies it.
    using Result = std::pair<std::variant<std::monostate, StatusTable, StatusRefresh>, ApiError>;
    auto *watcher = new QFutureWatcher<Result>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_generation)
            return;
        // Moved out, not copied: the result holds 100,000 rows.
        auto [out, error] = watcher->future().takeResult();
        const qint64 fetchedAt = QDateTime::currentSecsSinceEpoch();
        if (auto *table = std::get_if<StatusTable>(&out)) {
            m_page->setTable(std::move(*table), fetchedAt);
        } else if (auto *refresh = std::get_if<StatusRefresh>(&out)) {
            m_page->applyRefresh(std::move(*refresh), fetchedAt);
        } else {
            m_page->showError(error);
            finish(false);
            return;
        }
        // The replaced table's strings are freed in a worker, not on the UI thread.
        (void)QtConcurrent::run(
            [retired = m_page->model()->takeRetired()]() mutable { retired = StatusTable(); });
        finish(true);
    });
    // The rows shown now, shared read-only with the worker (the model replaces, never
    // mutates, them).
    const auto shown = m_page->model()->rowCount() > 0 ? m_page->model()->rowsSnapshot() : nullptr;
    watcher->setFuture(QtConcurrent::run([body, shown, parse] {
        ApiError error;
        auto parsed = parse(body, &error);
        if (!parsed)
            return Result { std::monostate {}, error };
        const qint64 now
            = parsed->generatedAt > 0 ? parsed->generatedAt : QDateTime::currentSecsSinceEpoch();
        const bool enabled = parsed->deploymentEnabled.value_or(true);
        if (shown)
            return Result { StatusRefresh::compute(*shown, std::move(parsed->rows), now, enabled),
                            error };
        return Result { StatusTable::derive(std::move(parsed->rows), now, enabled), error };
    }));
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
