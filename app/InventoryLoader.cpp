#include "InventoryLoader.h"

#include <QFutureWatcher>
#include <QUrlQuery>
#include <QtConcurrent/QtConcurrentRun>

#include "HostInventoryReader.h"
#include "InventoryApi.h"
#include "RestClient.h"
#include "RestReply.h"
#include "SiteSession.h"

using namespace Qt::StringLiterals;

InventoryLoader::InventoryLoader(SiteSession *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{
    const auto forget = [this] {
        ++m_generation;
        m_inventory.reset();
        m_loading = false;
    };
    connect(session, &SiteSession::connected, this, forget);
    connect(session, &SiteSession::disconnected, this, forget);
}

void InventoryLoader::ensureLoaded()
{
    if (m_inventory || m_loading)
        return;
    reload();
}

void InventoryLoader::reload()
{
    if (!m_session->isConnected())
        return;
    m_loading = true;
    const int generation = ++m_generation;
    RestRequest request = InventoryApi::hostsRequest();
    request.parseJson = false; // read in a worker: 100,000 hosts are 80 MB
    RestReply *reply = m_session->client()->send(request);
    connect(reply, &RestReply::finished, this, [this, generation](const RestResult &r) {
        if (generation != m_generation)
            return;
        if (!r.ok()) {
            m_loading = false;
            Q_EMIT failed(r.error);
            return;
        }
        using Read = std::pair<std::shared_ptr<const Inventory>, ApiError>;
        auto *watcher = new QFutureWatcher<Read>(this);
        connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
            watcher->deleteLater();
            if (generation != m_generation)
                return;
            const auto [inventory, error] = watcher->result();
            m_loading = false;
            if (!inventory) {
                Q_EMIT failed(error);
                return;
            }
            m_inventory = inventory;
            Q_EMIT loaded(m_inventory);
        });
        const QByteArray body = r.body;
        watcher->setFuture(QtConcurrent::run([body] {
            ApiError error;
            auto inventory = HostInventoryReader::read(body, &error);
            return Read { std::move(inventory), error };
        }));
    });
}
