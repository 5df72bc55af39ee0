#include "SelectionController.h"

#include <QJsonObject>

#include "GlobalSettingsApi.h"
#include "HostSelectionPage.h"
#include "InventoryApi.h"
#include "InventoryLoader.h"
#include "SiteSession.h"

using namespace Qt::StringLiterals;

SelectionController::SelectionController(SiteSession *session, HostSelectionPage *page,
                                         QObject *parent, InventoryLoader *inventory)
    : QObject(parent)
    , m_session(session)
    , m_page(page)
    , m_inventory(inventory ? inventory : new InventoryLoader(session, this))
{
    m_resolver = [page](const HostSelection &mine, const HostSelection &theirs) {
        StaleSelectionDialog dialog(mine, theirs, page);
        dialog.exec();
        return dialog.choice();
    };
    connect(page, &HostSelectionPage::saveRequested, this,
            [this](const HostSelection &s) { save(s); });
    connect(page, &HostSelectionPage::reloadRequested, this, [this] {
        m_inventory->reload();
        refresh();
    });
    connect(session, &SiteSession::connected, this, [this] {
        if (m_loadOnConnect)
            refresh();
    });
}

void SelectionController::refresh()
{
    if (!m_session->isConnected())
        return;
    RestClient *client = m_session->client();
    m_page->setBusy(true, tr("Loading the inventory…"));
    m_outstanding = 4;
    const auto done = [this] {
        if (--m_outstanding == 0) {
            m_page->setBusy(false);
            Q_EMIT loaded();
        }
    };
    // The shared inventory: read once for every page, in a worker; already there when another
    // page loaded it.
    const auto applyInventory = [this](std::shared_ptr<const Inventory> inventory) {
        m_page->setSites(inventory->sites());
        m_page->setInventory(std::move(inventory));
    };
    m_waitingForInventory = true;
    connect(
        m_inventory, &InventoryLoader::loaded, this,
        [this, done, applyInventory](std::shared_ptr<const Inventory> inventory) {
            if (!std::exchange(m_waitingForInventory, false))
                return;
            applyInventory(std::move(inventory));
            done();
        },
        Qt::SingleShotConnection);
    connect(
        m_inventory, &InventoryLoader::failed, this,
        [this, done](const ApiError &error) {
            if (!std::exchange(m_waitingForInventory, false))
                return;
            m_page->showError(error);
            done();
        },
        Qt::SingleShotConnection);
    if (m_inventory->inventory() && !m_inventory->isLoading()) {
        m_waitingForInventory = false;
        applyInventory(m_inventory->inventory());
        done();
    } else {
        m_inventory->ensureLoaded();
    }
    InventoryApi(client).tagGroups(this, [this, done](SiteResult<QList<TagGroup>> r) {
        if (r.ok())
            m_page->setTagGroups(*r.value);
        done();
    });
    InventoryApi(client).hostGroups(this, [this, done](SiteResult<QStringList> r) {
        if (r.ok())
            m_page->setHostGroups(*r.value);
        done();
    });
    GlobalSettingsApi(client).masterSwitch(this, [this](SiteResult<Versioned<bool>> r) {
        if (r.ok())
            m_page->setMasterSwitch(r.value->value);
    });
    loadSavedSelection([done](const HostSelection &) { done(); });
}

void SelectionController::loadSavedSelection(std::function<void(const HostSelection &)> then)
{
    GlobalSettingsApi(m_session->client())
        .hostSelection(this, [this, then](SiteResult<Versioned<HostSelection>> r) {
            HostSelection saved;
            if (r.ok()) {
                saved = r.value->value;
                m_etag = r.value->etag;
                m_page->setSavedSelection(saved);
            } else {
                m_page->showError(r.error);
            }
            if (then)
                then(saved);
        });
}

void SelectionController::save(const HostSelection &edited, bool overwrite)
{
    m_page->setBusy(true, tr("Saving the host selection…"));
    // If-Match: the ETag of the selection the editor started from, never a fresh one.
    GlobalSettingsApi(m_session->client())
        .setHostSelection(
            edited, overwrite ? QByteArray("*") : m_etag, this,
            [this, edited](SiteResult<QByteArray> r) {
                m_page->setBusy(false);
                if (r.error.status == 412) {
                    // Somebody saved in between: show both and let the user decide.
                    GlobalSettingsApi(m_session->client())
                        .hostSelection(
                            this, [this, edited](SiteResult<Versioned<HostSelection>> c) {
                                if (!c.ok()) {
                                    // Their version is unknown: never shown as "all hosts". The
                                    // edits stay and the old ETag too, so the next save asks again.
                                    ApiError e = c.error;
                                    e.title = tr("Somebody changed the host selection on the "
                                                 "site, and its current version could not be "
                                                 "read");
                                    e.detail = tr("Your edits are kept but not saved; save again "
                                                  "to retry. The site said: %1")
                                                   .arg(c.error.detail.isEmpty() ? c.error.summary()
                                                                                 : c.error.detail);
                                    m_page->showError(e);
                                    m_page->setEditedSelection(edited);
                                    Q_EMIT saved(false);
                                    return;
                                }
                                const HostSelection theirs = c.value->value;
                                switch (m_resolver(edited, theirs)) {
                                case StaleSelectionDialog::Choice::Reload:
                                    m_etag = c.value->etag;
                                    m_page->setSavedSelection(theirs);
                                    Q_EMIT saved(false);
                                    break;
                                case StaleSelectionDialog::Choice::Overwrite:
                                    save(edited, true);
                                    break;
                                case StaleSelectionDialog::Choice::KeepEditing:
                                    // The editor keeps every edit; the next save goes onto theirs.
                                    m_etag = c.value->etag;
                                    m_page->setEditedSelection(edited);
                                    Q_EMIT saved(false);
                                    break;
                                }
                            });
                    return;
                }
                if (!r.ok()) {
                    m_page->showError(r.error);
                    Q_EMIT saved(false);
                    return;
                }
                m_page->setSavedSelection(edited);
                // The next save starts from this version; a site that sends no ETag is asked for
                // it.
                if (r.value->isEmpty())
                    loadSavedSelection();
                else
                    m_etag = *r.value;
                m_session->reportWrite(SiteSession::Change::HostSelection);
                Q_EMIT saved(true);
            });
}
