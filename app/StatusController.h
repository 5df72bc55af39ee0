#pragma once

#include <QObject>
#include <QPointer>

#include <memory>
#include <vector>

#include "HostUpdateStatus.h"
#include "UpdateStatusParser.h"

class RestReply;
class SiteSession;
class UpdateStatusPage;

// Fetches the update status for the page: the request on the network, the parse in a worker
// thread together with everything the table derives (categories, search keys, sort orders)
// and, for a refresh, the difference to the rows shown; the UI thread only applies it.
class StatusController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatusController)

public:
    StatusController(SiteSession *session, UpdateStatusPage *page, QObject *parent = nullptr);

    void refresh();
    void cancel();
    bool isLoading() const { return m_loading; }
    // Derives the target agent of a host the site names none for (BakeryApi::agentOfHost) and
    // puts it into the host's row.
    void findTarget(const QString &hostName);

Q_SIGNALS:
    // The table holds the whole reply (tests and the benchmark wait for this).
    void loaded(int rows);
    // The search for a host's target agent ended; empty hash when it found none.
    void targetFound(const QString &hostName, const QString &hash);

private:
    using Parse = std::optional<UpdateStatusParser::Result> (*)(const QByteArray &, ApiError *);
    // A stock site: the Check_MK Agent services instead of the update-status endpoint.
    void fetchFromServices(int generation);
    void readInWorker(const QByteArray &body, int generation, Parse parse);
    void finish(bool ok);

    SiteSession *m_session;
    UpdateStatusPage *m_page;
    QPointer<RestReply> m_reply;
    int m_generation = 0;
    bool m_loading = false;
};
