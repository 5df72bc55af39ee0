#pragma once

#include <QObject>

#include <memory>

#include "ApiError.h"
#include "Inventory.h"

class SiteSession;

// Holds the site's inventory once for the whole console: fetched on first need (host_config
// with effective attributes), read into the compact Inventory in a worker thread, and handed
// to every page as the same std::shared_ptr<const Inventory>. A reload replaces it; pages keep
// the one they have until the new one arrives.
class InventoryLoader final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InventoryLoader)

public:
    explicit InventoryLoader(SiteSession *session, QObject *parent = nullptr);

    std::shared_ptr<const Inventory> inventory() const { return m_inventory; }
    bool isLoading() const { return m_loading; }
    // Fetches unless an inventory is there or on its way.
    void ensureLoaded();
    // Fetches again (Reload, F5).
    void reload();

Q_SIGNALS:
    void loaded(std::shared_ptr<const Inventory> inventory);
    void failed(const ApiError &error);

private:
    SiteSession *m_session;
    std::shared_ptr<const Inventory> m_inventory;
    bool m_loading = false;
    int m_generation = 0; // a reply for an older connection or reload is dropped
};
