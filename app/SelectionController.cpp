#include "SelectionController.h"

#include <QFutureWatcher>
#include <QJsonObject>
#include <QSet>
#include <QUrlQuery>
#include <QtConcurrent/QtConcurrentRun>

#include "HostSelectionPage.h"
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
                                         QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_page(page)
{
    m_resolver = [page](const HostSelection &mine, const HostSelection &theirs) {
        StaleSelectionDialog dialog(mine, theirs, page);
        dialog.exec();
        return dialog.choice();
    };
    connect(page, &HostSelectionPage::saveRequested, this,
            [this](const HostSelection &s) { save(s); });
    connect(page, &HostSelectionPage::reloadRequested, this, &SelectionController::refresh);
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
    QUrlQuery query;
    query.addQueryItem(u"effective_attributes"_s, u"true"_s);
    RestRequest hostsRequest
        = RestRequest::get(u"/domain-types/host_config/collections/all"_s, query)
              .withTimeout(120000);
    hostsRequest.parseJson = false; // read in a worker: 100,000 hosts are tens of megabytes
    RestReply *hosts = client->send(hostsRequest);
    connect(hosts, &RestReply::finished, this, [this, done](const RestResult &r) {
        if (!r.ok()) {
            m_page->showError(r.error);
            done();
            return;
        }
        using Parsed = std::pair<std::optional<QList<Host>>, ApiError>;
        auto *watcher = new QFutureWatcher<Parsed>(this);
        connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, done] {
            watcher->deleteLater();
            const auto [list, error] = watcher->result();
            if (list) {
                QSet<QString> sites;
                for (const Host &h : *list)
                    sites.insert(h.site);
                QStringList siteList(sites.cbegin(), sites.cend());
                siteList.sort();
                m_page->setSites(siteList);
                m_page->setInventory(*list);
            } else {
                m_page->showError(error);
            }
            done();
        });
        const QByteArray body = r.body;
        watcher->setFuture(QtConcurrent::run([body] {
            ApiError error;
            auto list = SiteReplyReader::hosts(body, &error);
            return Parsed { std::move(list), error };
        }));
    });
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
