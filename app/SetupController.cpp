#include "SetupController.h"

#include <QFutureWatcher>
#include <QJsonArray>
#include <QJsonObject>
#include <QUrlQuery>
#include <QtConcurrent/QtConcurrentRun>

#include "CertificateInfo.h"
#include "PythonLiteral.h"
#include "RestClient.h"
#include "RestReply.h"
#include "RulePrecedence.h"
#include "SetupPage.h"
#include "SiteReplyReader.h"
#include "SiteSession.h"
#include "UpdateStatusModel.h"
#include "UpdateStatusParser.h"
#include "UpdaterRuleDialog.h"

using namespace Qt::StringLiterals;

namespace {
const QString masterSwitchPath = u"/objects/global_setting/agent_deployment_enabled"_s;
const QString pendingPath = u"/domain-types/activation_run/collections/pending_changes"_s;
const QString rulesPath = u"/domain-types/rule/collections/all"_s;
} // namespace

SetupController::SetupController(SiteSession *session, SetupPage *page,
                                 UpdateStatusModel *statusModel, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_page(page)
    , m_statusModel(statusModel)
{
    m_poll.setInterval(500);
    m_poll.setSingleShot(true);
    connect(page, &SetupPage::refreshRequested, this, &SetupController::refresh);
    connect(page, &SetupPage::masterSwitchRequested, this, &SetupController::setMasterSwitch);
    connect(page, &SetupPage::activateRequested, this, &SetupController::activate);
    connect(page, &SetupPage::editRuleRequested, this, &SetupController::editRule);
    connect(page, &SetupPage::deleteRuleRequested, this, &SetupController::deleteRule);
    connect(page, &SetupPage::toggleRuleRequested, this, &SetupController::toggleRule);
    connect(page, &SetupPage::effectiveValueRequested, this, &SetupController::showEffectiveValue);
    m_ruleEditor
        = [page](const AgentUpdaterRule &rule,
                 const QList<Prerequisites::KeyInfo> &keys) -> std::optional<AgentUpdaterRule> {
        UpdaterRuleDialog dialog(rule, keys, page);
        QObject::connect(&dialog, &UpdaterRuleDialog::certificatesChanged, &dialog,
                         [&dialog](const QStringList &pems) {
                             dialog.setCertificateWarnings(certificateWarnings(pems));
                         });
        dialog.setCertificateWarnings(
            certificateWarnings(rule.config().certificates.value_or(QStringList())));
        if (dialog.exec() != QDialog::Accepted)
            return std::nullopt;
        return dialog.rule();
    };
    connect(session, &SiteSession::connected, this, &SetupController::refresh);
    if (statusModel) {
        connect(statusModel, &UpdateStatusModel::countsChanged, this, [this] {
            if (!m_statusElsewhere || m_outstanding > 0 || m_statusModel->rowCount() == 0)
                return;
            int registered = 0;
            for (int i = 0; i < m_statusModel->rowCount(); ++i)
                registered += m_statusModel->row(i).registered;
            if (m_input.registeredHosts == registered)
                return;
            m_input.registeredHosts = registered;
            evaluate();
        });
    }
}

void SetupController::refresh()
{
    if (!m_session->isConnected())
        return;
    const int generation = ++m_generation;
    m_input = {};
    m_outstanding = 5;
    m_page->setBusy(true);
    RestClient *client = m_session->client();
    const auto done = [this, generation] {
        if (generation == m_generation && --m_outstanding == 0)
            evaluate();
    };

    RestReply *keys
        = client->send(RestRequest::get(u"/domain-types/agent_signature_key/collections/all"_s));
    connect(keys, &RestReply::finished, this, [this, done](const RestResult &r) {
        ApiError error = r.error;
        if (const auto list
            = r.ok() ? SiteReplyReader::signatureKeys(r.json, &error) : std::nullopt) {
            QList<Prerequisites::KeyInfo> infos;
            for (const SignatureKey &k : *list)
                infos.append({ k.id, k.alias, k.certificatePem });
            m_input.keys = infos;
        }
        done();
    });
    QUrlQuery ruleset;
    ruleset.addQueryItem(u"ruleset_name"_s, u"agent_config:cmk_update_agent"_s);
    RestReply *rules = client->send(RestRequest::get(rulesPath, ruleset));
    connect(rules, &RestReply::finished, this, [this, done](const RestResult &r) {
        ApiError error = r.error;
        if (const auto list = r.ok() ? SiteReplyReader::rules(r.json, &error) : std::nullopt)
            m_input.rules = *list;
        else
            m_page->showError(error, tr("The agent updater rules could not be read."));
        done();
    });
    RestReply *agents = client->send(RestRequest::get(u"/domain-types/agent/collections/all"_s));
    connect(agents, &RestReply::finished, this, [this, done](const RestResult &r) {
        ApiError error = r.error;
        if (const auto list = r.ok() ? SiteReplyReader::agents(r.json, &error) : std::nullopt)
            m_input.agents = *list;
        done();
    });
    RestRequest switchRequest = RestRequest::get(masterSwitchPath);
    switchRequest.base = RestRequest::Base::InternalApi;
    RestReply *masterSwitch = client->send(switchRequest);
    connect(masterSwitch, &RestReply::finished, this, [this, done](const RestResult &r) {
        ApiError error = r.error;
        if (const auto value
            = r.ok() ? SiteReplyReader::globalSetting(r.json, &error) : std::nullopt;
            value && value->isBool())
            m_input.masterSwitch = value->toBool();
        done();
    });
    // Registrations: from the status table when it is loaded, else from the site.
    if (m_statusElsewhere && m_statusModel && m_statusModel->rowCount() == 0) {
        done(); // counted when the status page's model fills (see the constructor)
    } else if (m_statusModel && m_statusModel->rowCount() > 0) {
        int registered = 0;
        for (int i = 0; i < m_statusModel->rowCount(); ++i)
            registered += m_statusModel->row(i).registered;
        m_input.registeredHosts = registered;
        done();
    } else {
        RestRequest status
            = RestRequest::get(u"/domain-types/agent_update_status/collections/all"_s)
                  .withTimeout(120000);
        status.parseJson = false;
        RestReply *reply = client->send(status);
        connect(reply, &RestReply::finished, this, [this, done](const RestResult &r) {
            if (!r.ok()) {
                done();
                return;
            }
            auto *watcher = new QFutureWatcher<int>(this);
            connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, done] {
                watcher->deleteLater();
                if (watcher->result() >= 0)
                    m_input.registeredHosts = watcher->result();
                done();
            });
            const QByteArray body = r.body;
            watcher->setFuture(QtConcurrent::run([body] {
                ApiError error;
                const auto parsed = UpdateStatusParser::parse(body, &error);
                if (!parsed)
                    return -1;
                int n = 0;
                for (const HostUpdateStatus &s : parsed->rows)
                    n += s.registered;
                return n;
            }));
        });
    }
    loadPendingChanges();
}

void SetupController::evaluate()
{
    m_page->setBusy(false);
    const QList<Prerequisites::Result> results = Prerequisites::evaluate(m_input);
    m_page->setPrerequisites(results);
    m_page->setMasterSwitch(m_input.masterSwitch);
    m_page->setRules(m_input.rules.value_or(QList<AgentUpdaterRule>()),
                     m_input.keys.value_or(QList<Prerequisites::KeyInfo>()));
    Q_EMIT refreshed(results);
}

void SetupController::loadPendingChanges()
{
    RestReply *reply = m_session->client()->send(RestRequest::get(pendingPath));
    connect(reply, &RestReply::finished, this, [this](const RestResult &r) {
        if (!r.ok()) {
            m_page->showError(r.error, tr("The pending changes could not be read."));
            return;
        }
        QStringList texts;
        for (const QJsonValue &v : r.json.object().value(u"value"_s).toArray()) {
            const QJsonObject c = v.toObject();
            texts << tr("%1 — %2").arg(c.value(u"user_id"_s).toString(),
                                       c.value(u"text"_s).toString());
        }
        m_page->setPendingChanges(texts);
    });
}

void SetupController::setMasterSwitch(bool on)
{
    RestRequest put
        = RestRequest::put(masterSwitchPath, QJsonDocument(QJsonObject { { u"value"_s, on } }));
    put.base = RestRequest::Base::InternalApi; // If-Match: the ETag of the last read
    RestReply *reply = m_session->client()->send(put);
    connect(reply, &RestReply::finished, this, [this, on](const RestResult &r) {
        if (r.error.status == 412) {
            m_page->showError(r.error,
                              tr("Somebody changed the master switch meanwhile; the page shows the "
                                 "site's state again."));
            refresh();
            return;
        }
        if (!r.ok()) {
            m_page->showError(r.error, tr("The master switch could not be changed."));
            m_page->setMasterSwitch(!on);
            return;
        }
        m_page->showMessage(on ? tr("The master switch is on once you activate the changes.")
                               : tr("The master switch is off once you activate the changes."));
        refresh();
    });
}

void SetupController::activate()
{
    m_page->setActivation(true, tr("Reading the pending changes…"));
    RestReply *pending = m_session->client()->send(RestRequest::get(pendingPath));
    connect(pending, &RestReply::finished, this, [this](const RestResult &p) {
        if (!p.ok()) {
            m_page->setActivation(false, QString());
            m_page->showError(p.error, tr("The pending changes could not be read."));
            return;
        }
        const QJsonDocument body(QJsonObject { { u"redirect"_s, false },
                                               { u"sites"_s, QJsonArray {} },
                                               { u"force_foreign_changes"_s, false } });
        RestReply *start = m_session->client()->send(
            RestRequest::post(u"/domain-types/activation_run/actions/activate-changes/invoke"_s,
                              body)
                .withIfMatch(p.etag));
        connect(start, &RestReply::finished, this, [this](const RestResult &r) {
            if (r.error.status == 422) {
                m_page->setActivation(false, tr("Nothing to activate."));
                loadPendingChanges();
                return;
            }
            if (r.error.status == 423) {
                m_page->setActivation(
                    false, tr("Another activation is running; try again when it has finished."));
                return;
            }
            if (!r.ok()) {
                m_page->setActivation(false, QString());
                m_page->showError(r.error, tr("The changes could not be activated."));
                Q_EMIT activationFinished(false);
                return;
            }
            const QString id = r.json.object().value(u"id"_s).toString();
            m_page->setActivation(true,
                                  tr("Activating on %n site(s)…", nullptr,
                                     int(r.json.object()
                                             .value(u"extensions"_s)
                                             .toObject()
                                             .value(u"sites"_s)
                                             .toArray()
                                             .size())));
            pollActivation(id);
        });
    });
}

void SetupController::pollActivation(const QString &id)
{
    RestReply *reply
        = m_session->client()->send(RestRequest::get(u"/objects/activation_run/"_s + id));
    connect(reply, &RestReply::finished, this, [this, id](const RestResult &r) {
        if (!r.ok()) {
            m_page->setActivation(false, QString());
            m_page->showError(r.error, tr("The activation's status could not be read."));
            Q_EMIT activationFinished(false);
            return;
        }
        const QJsonObject ext = r.json.object().value(u"extensions"_s).toObject();
        if (ext.value(u"is_running"_s).toBool()) {
            QStringList states;
            for (const QJsonValue &s : ext.value(u"status_per_site"_s).toArray())
                states << u"%1: %2"_s.arg(s.toObject().value(u"site"_s).toString(),
                                          s.toObject().value(u"status_text"_s).toString());
            m_page->setActivation(true, tr("Activating… %1").arg(states.join(u", "_s)));
            QTimer::singleShot(500, this, [this, id] { pollActivation(id); });
            return;
        }
        m_page->setActivation(false, tr("Changes activated."));
        Q_EMIT activationFinished(true);
        refresh();
    });
}

QStringList SetupController::certificateWarnings(const QStringList &pems)
{
    QStringList out;
    for (int i = 0; i < pems.size(); ++i) {
        QString error;
        const QList<CertificateInfo> chain
            = CertificateInfo::allFromPem(pems.at(i).toUtf8(), &error);
        if (chain.isEmpty()) {
            out << tr("certificate %1 cannot be read: %2").arg(i + 1).arg(error);
            continue;
        }
        for (const CertificateInfo &c : chain) {
            if (!c.isCa())
                out << tr("certificate %1 (%2) is a server certificate, not a CA: put the root CA "
                          "of the chain here")
                           .arg(i + 1)
                           .arg(c.commonName());
            else if (!c.isSelfSigned())
                out << tr("certificate %1 (%2) is an intermediate CA: the updater needs the "
                          "chain's root")
                           .arg(i + 1)
                           .arg(c.commonName());
        }
    }
    return out;
}

namespace {
QJsonObject ruleBody(const AgentUpdaterRule &rule, bool withFolder)
{
    QJsonObject conditions;
    if (!rule.hostNames.isEmpty())
        conditions.insert(
            u"host_name"_s,
            QJsonObject { { u"match_on"_s, QJsonArray::fromStringList(rule.hostNames) },
                          { u"operator"_s, rule.hostNamesNegated ? u"none_of"_s : u"one_of"_s } });
    QJsonObject body { { u"properties"_s,
                         QJsonObject { { u"description"_s, rule.description },
                                       { u"disabled"_s, rule.disabled } } },
                       { u"value_raw"_s, PythonLiteral::write(rule.value) },
                       { u"conditions"_s, conditions } };
    if (withFolder) {
        body.insert(u"ruleset"_s, u"agent_config:cmk_update_agent"_s);
        QString folder = rule.folder;
        body.insert(u"folder"_s, folder.replace(u'/', u'~'));
    }
    return body;
}
} // namespace

void SetupController::editRule(int row)
{
    const QList<AgentUpdaterRule> rules = m_input.rules.value_or(QList<AgentUpdaterRule>());
    AgentUpdaterRule rule;
    if (row >= 0 && row < rules.size()) {
        rule = rules.at(row);
    } else {
        // A new rule starts from what a site needs: this site as update server, its keys accepted.
        AgentUpdaterConfig c;
        c.activated = true;
        AgentUpdaterConfig::ServerData server;
        server.server = m_session->connection().server;
        server.site = m_session->version().site;
        server.protocol = m_session->connection().protocol == SiteConnection::Protocol::Https
            ? u"https"_s
            : u"http"_s;
        c.serverData = server;
        c.interval = AgentUpdaterConfig::defaultInterval;
        QStringList keys;
        for (const Prerequisites::KeyInfo &k :
             m_input.keys.value_or(QList<Prerequisites::KeyInfo>()))
            keys << QString::fromLatin1(k.certificatePem);
        c.signatureKeys = keys;
        rule.value = c.toVariant();
        rule.description = tr("Automatic agent updates");
    }
    const std::optional<AgentUpdaterRule> edited
        = m_ruleEditor(rule, m_input.keys.value_or(QList<Prerequisites::KeyInfo>()));
    if (edited)
        saveRule(*edited);
}

void SetupController::saveRule(const AgentUpdaterRule &rule)
{
    RestClient *client = m_session->client();
    const auto finished = [this](const RestResult &r) {
        if (!r.ok()) {
            m_page->showError(
                r.error,
                r.error.status == 412 ? tr(
                    "Somebody changed the rule meanwhile; it is shown as it is now. Edit it again.")
                                      : tr("The rule was not saved."));
            refresh();
            Q_EMIT ruleSaved(false);
            return;
        }
        m_page->showMessage(tr("Rule saved. Activate the changes to make the hosts follow it."));
        refresh();
        Q_EMIT ruleSaved(true);
    };
    if (rule.id.isEmpty()) {
        RestReply *reply
            = client->send(RestRequest::post(rulesPath, QJsonDocument(ruleBody(rule, true))));
        connect(reply, &RestReply::finished, this, finished);
        return;
    }
    // Read the rule first: its ETag goes with the change as If-Match.
    const QString path = u"/objects/rule/"_s + rule.id;
    RestReply *read = client->send(RestRequest::get(path));
    connect(read, &RestReply::finished, this, [this, rule, path, finished](const RestResult &r) {
        if (!r.ok()) {
            finished(r);
            return;
        }
        RestReply *put = m_session->client()->send(
            RestRequest::put(path, QJsonDocument(ruleBody(rule, false))).withIfMatch(r.etag));
        connect(put, &RestReply::finished, this, finished);
    });
}

void SetupController::deleteRule(int row)
{
    const QList<AgentUpdaterRule> rules = m_input.rules.value_or(QList<AgentUpdaterRule>());
    if (row < 0 || row >= rules.size())
        return;
    const QString path = u"/objects/rule/"_s + rules.at(row).id;
    RestReply *read = m_session->client()->send(RestRequest::get(path));
    connect(read, &RestReply::finished, this, [this, path](const RestResult &r) {
        RestReply *del = m_session->client()->send(
            RestRequest::del(path).withIfMatch(r.ok() ? r.etag : QByteArray("*")));
        connect(del, &RestReply::finished, this, [this](const RestResult &d) {
            if (!d.ok())
                m_page->showError(d.error, tr("The rule was not deleted."));
            refresh();
            Q_EMIT ruleSaved(d.ok());
        });
    });
}

void SetupController::toggleRule(int row)
{
    const QList<AgentUpdaterRule> rules = m_input.rules.value_or(QList<AgentUpdaterRule>());
    if (row < 0 || row >= rules.size())
        return;
    AgentUpdaterRule rule = rules.at(row);
    rule.disabled = !rule.disabled;
    saveRule(rule);
}

void SetupController::showEffectiveValue(const QString &hostName)
{
    QUrlQuery query;
    query.addQueryItem(u"effective_attributes"_s, u"true"_s);
    RestReply *reply
        = m_session->client()->send(RestRequest::get(u"/objects/host_config/"_s + hostName, query));
    connect(reply, &RestReply::finished, this, [this, hostName](const RestResult &r) {
        if (!r.ok()) {
            m_page->setEffectiveValue(hostName, {},
                                      r.error.status == 404
                                          ? tr("There is no host %1 on the site.").arg(hostName)
                                          : r.error.summary());
            Q_EMIT effectiveValueShown(hostName, 0);
            return;
        }
        // One object read with the collection reader: the same fields, one entry.
        ApiError error;
        const auto hosts = SiteReplyReader::hosts(
            QJsonDocument(QJsonObject { { u"value"_s, QJsonArray { r.json.object() } } }), &error);
        if (!hosts || hosts->isEmpty()) {
            m_page->setEffectiveValue(hostName, {}, error.summary());
            return;
        }
        const QList<AgentUpdaterRule> rules = m_input.rules.value_or(QList<AgentUpdaterRule>());
        const EffectiveRuleValue effective = RulePrecedence::effectiveValue(hosts->first(), rules);
        QList<QStringList> rows;
        for (auto it = effective.value.cbegin(); it != effective.value.cend(); ++it) {
            // In words and the editor's units, not Python literals.
            const QString value = AgentUpdaterConfig::displayValue(it.key(), it.value());
            const QString id = effective.ruleFor(it.key());
            QString from = id;
            for (int i = 0; i < rules.size(); ++i) {
                if (rules.at(i).id == id)
                    from = tr("#%1 %2").arg(i + 1).arg(rules.at(i).description);
            }
            rows.append({ AgentUpdaterConfig::fieldLabel(it.key()), value, from });
        }
        m_page->setEffectiveValue(
            hostName, rows,
            rows.isEmpty()
                ? tr("No enabled rule matches %1: it gets no agent updater.").arg(hostName)
                : QString());
        Q_EMIT effectiveValueShown(hostName, int(rows.size()));
    });
}
