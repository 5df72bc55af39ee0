#pragma once

#include <QObject>

#include <functional>

#include "HostSelection.h"
#include "StaleSelectionDialog.h"

class HostSelectionPage;
class InventoryLoader;
class SiteSession;

// Feeds the host-selection page (inventory, tag groups, host groups, the saved selection and the
// master switch) and saves the edited selection with If-Match; a 412 asks the user whether to
// reload, overwrite or keep editing, and nothing typed is lost.
class SelectionController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SelectionController)

public:
    using Resolver = std::function<StaleSelectionDialog::Choice(const HostSelection &mine,
                                                                const HostSelection &theirs)>;

    // The inventory comes from the console's shared loader; without one the controller has
    // its own.
    SelectionController(SiteSession *session, HostSelectionPage *page, QObject *parent = nullptr,
                        InventoryLoader *inventory = nullptr);

    void refresh();
    // Off: the inventory (tens of megabytes at 100,000 hosts) is read when the page is first
    // shown, not at every connect.
    void setLoadOnConnect(bool on) { m_loadOnConnect = on; }
    void save(const HostSelection &edited, bool overwrite = false);
    // Tests answer the 412 question here instead of a dialog.
    void setResolver(Resolver resolver) { m_resolver = std::move(resolver); }

Q_SIGNALS:
    void loaded();
    void saved(bool ok);

private:
    void loadSavedSelection(std::function<void(const HostSelection &)> then = {});

    SiteSession *m_session;
    HostSelectionPage *m_page;
    InventoryLoader *m_inventory;
    Resolver m_resolver;
    QByteArray m_etag; // of the saved selection the editor started from
    int m_outstanding = 0;
    bool m_waitingForInventory = false;
    bool m_loadOnConnect = true;
};
