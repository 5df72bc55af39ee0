#include "SelectionController.h"

#include <QJsonObject>

#include "HostSelectionPage.h"
#include "InventoryLoader.h"
#include "RestClient.h"
#include "RestReply.h"
#include "SiteReplyReader.h"
#include "SiteSession.h"

using namespace Qt::StringLiterals;

namespace {
const QString selectionPath = u"/objects/global_setting/agent_deployment_host_selection"_s;
const QString switchPath = u"/objects/global_setting/agent_deployment_enabled"_s;

RestRequest internalGet(const QString &path)
{
    RestRequest r = RestRequest::get(path);
    r.base = RestRequest::Base::InternalApi;
    return r;
}
} // namespace

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
    RestReply *tags
        = client->send(RestRequest::get(u"/domain-types/host_tag_group/collections/all"_s));
    connect(tags, &RestReply::finished, this, [this, done](const RestResult &r) {
        ApiError error = r.error;
        if (const auto groups = r.ok() ? SiteReplyReader::tagGroups(r.json, &error) : std::nullopt)
            m_page->setTagGroups(*groups);
        done();
    });
    RestReply *groups
        = client->send(RestRequest::get(u"/domain-types/host_group_config/collections/all"_s));
    connect(groups, &RestReply::finished, this, [this, done](const RestResult &r) {
        ApiError error = r.error;
        if (const auto names = r.ok() ? SiteReplyReader::ids(r.json, &error) : std::nullopt)
            m_page->setHostGroups(*names);
        done();
    });
    RestReply *masterSwitch = client->send(internalGet(switchPath));
    connect(masterSwitch, &RestReply::finished, this, [this](const RestResult &r) {
        ApiError error = r.error;
        if (const auto v = r.ok() ? SiteReplyReader::globalSetting(r.json, &error) : std::nullopt)
            m_page->setMasterSwitch(v->toBool());
    });
    loadSavedSelection([this, done](const HostSelection &) { done(); });
}

void SelectionController::loadSavedSelection(std::function<void(const HostSelection &)> then)
{
    RestReply *reply = m_session->client()->send(internalGet(selectionPath));
    connect(reply, &RestReply::finished, this, [this, then](const RestResult &r) {
        ApiError error = r.error;
        const auto value = r.ok() ? SiteReplyReader::globalSetting(r.json, &error) : std::nullopt;
        HostSelection saved;
        if (value) {
            saved = HostSelection::fromVariant(value->toObject().toVariantMap());
            m_page->setSavedSelection(saved);
        } else {
            m_page->showError(error);
        }
        if (then)
            then(saved);
    });
}

void SelectionController::save(const HostSelection &edited, bool overwrite)
{
    RestRequest put
        = RestRequest::put(selectionPath,
                           QJsonDocument(QJsonObject {
                               { u"value"_s, QJsonObject::fromVariantMap(edited.toVariant()) } }));
    put.base = RestRequest::Base::InternalApi; // If-Match: the ETag of the selection as read
    if (overwrite)
        put.ifMatch = "*";
    m_page->setBusy(true, tr("Saving the host selection…"));
    RestReply *reply = m_session->client()->send(put);
    connect(reply, &RestReply::finished, this, [this, edited](const RestResult &r) {
        m_page->setBusy(false);
        if (r.error.status == 412) {
            // Somebody saved in between: show both and let the user decide.
            RestReply *current = m_session->client()->send(internalGet(selectionPath));
            connect(current, &RestReply::finished, this, [this, edited](const RestResult &c) {
                ApiError error = c.error;
                const auto value
                    = c.ok() ? SiteReplyReader::globalSetting(c.json, &error) : std::nullopt;
                const HostSelection theirs = value
                    ? HostSelection::fromVariant(value->toObject().toVariantMap())
                    : HostSelection();
                switch (m_resolver(edited, theirs)) {
                case StaleSelectionDialog::Choice::Reload:
                    m_page->setSavedSelection(theirs);
                    Q_EMIT saved(false);
                    break;
                case StaleSelectionDialog::Choice::Overwrite:
                    save(edited, true);
                    break;
                case StaleSelectionDialog::Choice::KeepEditing:
                    // The editor keeps every edit; the next save compares against theirs.
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
        Q_EMIT saved(true);
    });
}
