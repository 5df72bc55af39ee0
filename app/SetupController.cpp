#include "SetupController.h"

#include "ActivationApi.h"
#include "BakeryApi.h"
#include "CertificateInfo.h"
#include "GlobalSettingsApi.h"
#include "InventoryApi.h"
#include "KeysApi.h"
#include "PythonLiteral.h"
#include "RulePrecedence.h"
#include "RulesApi.h"
#include "SetupPage.h"
#include "SiteSession.h"
#include "StatusApi.h"
#include "UpdateStatusModel.h"
#include "UpdaterRuleDialog.h"

using namespace Qt::StringLiterals;

namespace {
int registeredIn(const UpdateStatusModel *model)
{
    int registered = 0;
    for (int i = 0; i < model->rowCount(); ++i)
        registered += model->row(i).registered;
    return registered;
}

// Whether the site's version of a rule is still the one the list shows.
bool sameRule(const AgentUpdaterRule &a, const AgentUpdaterRule &b)
{
    return a.id == b.id && a.folder == b.folder && a.properties == b.properties
        && a.conditions == b.conditions && a.value == b.value;
}
} // namespace

SetupController::SetupController(SiteSession *session, SetupPage *page,
                                 UpdateStatusModel *statusModel, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_page(page)
    , m_statusModel(statusModel)
{
    connect(page, &SetupPage::refreshRequested, this, &SetupController::refresh);
    connect(page, &SetupPage::masterSwitchRequested, this, &SetupController::setMasterSwitch);
    connect(page, &SetupPage::activateRequested, this, &SetupController::activate);
    connect(page, &SetupPage::editRuleRequested, this, &SetupController::editRule);
    connect(page, &SetupPage::deleteRuleRequested, this, &SetupController::deleteRule);
    connect(page, &SetupPage::toggleRuleRequested, this, &SetupController::toggleRule);
    connect(page, &SetupPage::moveRuleRequested, this, &SetupController::moveRule);
    connect(page, &SetupPage::effectiveValueRequested, this, &SetupController::showEffectiveValue);
    m_ruleEditor = [page](const AgentUpdaterRule &rule, const QList<Prerequisites::KeyInfo> &keys,
                          const ApiError &lastError) -> std::optional<RuleDraft> {
        UpdaterRuleDialog dialog(rule, keys, page);
        QObject::connect(&dialog, &UpdaterRuleDialog::certificatesChanged, &dialog,
                         [&dialog](const QStringList &pems) {
                             dialog.setCertificateWarnings(certificateWarnings(pems));
                         });
        dialog.setCertificateWarnings(
            certificateWarnings(rule.config().certificates.value_or(QStringList())));
        dialog.setRemedies(page->errorRemedies());
        if (lastError.isError())
            dialog.setSiteError(lastError);
        if (dialog.exec() != QDialog::Accepted)
            return std::nullopt;
        return RuleDraft { dialog.rule(), dialog.position() };
    };
    m_resolver = [page](const AgentUpdaterRule &mine, const std::optional<AgentUpdaterRule> &theirs,
                        const QString &theirsError) {
        StaleVersionDialog dialog(tr("the rule"), UpdaterRuleDialog::describe(mine),
                                  theirs ? UpdaterRuleDialog::describe(*theirs) : QStringList(),
                                  theirsError, page);
        dialog.exec();
        return dialog.choice();
    };
    m_switchResolver = [page](bool mine, std::optional<bool> theirs, const QString &theirsError) {
        const auto describe = [](bool on) {
            return QStringList { on ? tr("Master switch: on (automatic updates active)")
                                    : tr("Master switch: off (updates globally disabled)") };
        };
        StaleVersionDialog dialog(tr("the master switch"), describe(mine),
                                  theirs ? describe(*theirs) : QStringList(), theirsError, page);
        dialog.exec();
        return dialog.choice();
    };
    connect(session, &SiteSession::connected, this, &SetupController::refresh);
    // Fresh state: whatever another page wrote shows here (pending changes, prerequisites).
    connect(session, &SiteSession::written, this, [this](SiteSession::Change what) {
        if (what == SiteSession::Change::Activation)
            return; // this page activated; it refreshed already
        refresh();
    });
    if (statusModel) {
        connect(statusModel, &UpdateStatusModel::countsChanged, this, [this] {
            if (!m_statusElsewhere || m_statusModel->rowCount() == 0)
                return;
            const int registered = registeredIn(m_statusModel);
            if (m_input.registeredHosts == registered)
                return;
            // Kept even while other replies are still outstanding: the last of them evaluates.
            m_input.registeredHosts = registered;
            if (m_outstanding == 0)
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
    m_outstanding = 6;
    m_page->setBusy(true);
    RestClient *client = m_session->client();
    const auto done = [this, generation] {
        if (generation == m_generation && --m_outstanding == 0)
            evaluate();
    };

    KeysApi(client).keys(this, [this, done](SiteResult<QList<SignatureKey>> r) {
        if (r.ok()) {
            QList<Prerequisites::KeyInfo> infos;
            for (const SignatureKey &k : *r.value)
                infos.append({ k.id, k.alias, k.certificatePem });
            m_input.keys = infos;
        }
        done();
    });
    RulesApi(client).rules(this, [this, done](SiteResult<QList<AgentUpdaterRule>> r) {
        if (r.ok())
            m_input.rules = *r.value;
        else
            m_page->showError(r.error, tr("The agent updater rules could not be read."));
        done();
    });
    BakeryApi(client).agents(this, [this, done](SiteResult<QList<BakedAgent>> r) {
        if (r.ok()) {
            QList<Prerequisites::AgentInfo> agents;
            for (const BakedAgent &a : *r.value) {
                Prerequisites::AgentInfo info;
                info.hash = a.hash;
                for (const BakedAgent::Signature &s : a.signatures)
                    info.signedByKeyIds << s.keyId;
                agents << info;
            }
            m_input.agents = agents;
        }
        done();
    });
    // The site's own status of automatic deployment decides the items it reports; the replies
    // above are the fallback for the rest, or for all of them where the site lacks it.
    BakeryApi(client).deploymentStatus(this, [this, done](SiteResult<DeploymentStatus> r) {
        if (r.ok()) {
            m_input.deployment = *r.value;
        } else if (r.error.status == 404 || r.error.status == 405) {
            m_input.deploymentUnavailable
                = tr("this site does not offer the automatic-deployment status (older sites "
                     "lack it).");
        } else if (r.error.status == 403) {
            m_input.deploymentUnavailable
                = tr("the site refuses its automatic-deployment status to this user (it needs "
                     "the permission to manage agents).");
        } else {
            m_input.deploymentUnavailable
                = tr("the site's automatic-deployment status could not be read (%1).")
                      .arg(r.error.summary());
        }
        done();
    });
    GlobalSettingsApi(client).masterSwitch(this, [this, done](SiteResult<Versioned<bool>> r) {
        if (r.ok()) {
            m_input.masterSwitch = r.value->value;
            m_switchEtag = r.value->etag;
        }
        done();
    });
    // Registrations: from the status table when it is loaded, else from the site.
    if (m_statusModel && m_statusModel->rowCount() > 0) {
        m_input.registeredHosts = registeredIn(m_statusModel);
        done();
    } else if (m_statusElsewhere && m_statusModel) {
        done(); // counted when the status page's model fills (see the constructor)
    } else {
        StatusApi(client).registeredHosts(this, [this, done](SiteResult<int> r) {
            if (r.ok())
                m_input.registeredHosts = *r.value;
            done();
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
    m_page->setRules(rules(), m_input.keys.value_or(QList<Prerequisites::KeyInfo>()));
    Q_EMIT refreshed(results);
}

void SetupController::loadPendingChanges(std::function<void()> then)
{
    ActivationApi(m_session->client())
        .pendingChanges(this, [this, then](SiteResult<Versioned<PendingChanges>> r) {
            if (!r.ok()) {
                m_page->showError(r.error, tr("The pending changes could not be read."));
                return;
            }
            m_pendingEtag = r.value->etag;
            QStringList texts;
            for (const PendingChanges::Change &c : r.value->value.changes)
                texts << tr("%1 — %2").arg(c.user, c.text);
            m_page->setPendingChanges(texts);
            if (then)
                then();
        });
}

void SetupController::setMasterSwitch(bool on)
{
    // If-Match: the ETag of the state the page shows, so a change made meanwhile is not lost.
    writeMasterSwitch(on, m_switchEtag);
}

void SetupController::writeMasterSwitch(bool on, const QByteArray &etag)
{
    GlobalSettingsApi(m_session->client())
        .setMasterSwitch(on, etag, this, [this, on](SiteResult<QByteArray> r) {
            if (r.error.status == 412) {
                onSwitchStale(on);
                return;
            }
            if (!r.ok()) {
                m_page->showError(r.error, tr("The master switch could not be changed."));
                m_page->setMasterSwitch(!on);
                Q_EMIT masterSwitchSaved(false);
                return;
            }
            if (!r.value->isEmpty())
                m_switchEtag = *r.value;
            m_page->showMessage(on ? tr("The master switch is on once you activate the changes.")
                                   : tr("The master switch is off once you activate the changes."));
            Q_EMIT masterSwitchSaved(true);
            m_session->reportWrite(SiteSession::Change::MasterSwitch);
        });
}

void SetupController::onSwitchStale(bool on)
{
    GlobalSettingsApi(m_session->client())
        .masterSwitch(this, [this, on](SiteResult<Versioned<bool>> r) {
            // Their state is shown only when it was read; a failed read says so instead.
            const std::optional<bool> theirs
                = r.ok() ? std::optional(r.value->value) : std::nullopt;
            switch (m_switchResolver(on, theirs, r.ok() ? QString() : r.error.summary())) {
            case StaleVersionDialog::Choice::Reload:
                if (r.ok()) {
                    m_switchEtag = r.value->etag;
                    m_page->setMasterSwitch(theirs);
                }
                refresh();
                Q_EMIT masterSwitchSaved(false);
                break;
            case StaleVersionDialog::Choice::Overwrite:
                // Onto the version the user was shown; "*" when theirs could not be read.
                writeMasterSwitch(
                    on, r.ok() && !r.value->etag.isEmpty() ? r.value->etag : QByteArray("*"));
                break;
            case StaleVersionDialog::Choice::KeepEditing:
                // The switch keeps the user's choice, unsaved; a save goes onto theirs.
                if (r.ok())
                    m_switchEtag = r.value->etag;
                m_page->setMasterSwitchUnsaved(on, theirs);
                Q_EMIT masterSwitchSaved(false);
                break;
            }
        });
}

void SetupController::activate()
{
    m_page->setActivation(true, tr("Starting the activation…"));
    // The ETag of the pending changes the page shows: exactly those are activated.
    ActivationApi(m_session->client())
        .activate(m_pendingEtag, this, [this](SiteResult<ActivationRun> r) {
            if (r.error.status == 412) {
                // Shown after the new list, which would otherwise clear it as a past message.
                m_page->setActivation(false, QString());
                loadPendingChanges([this] {
                    m_page->setActivation(false,
                                          tr("The pending changes changed since they were shown; "
                                             "review them and activate again."));
                });
                return;
            }
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
            m_page->setActivation(
                true, tr("Activating on %n site(s)…", nullptr, int(r.value->sites.size())));
            pollActivation(r.value->id);
        });
}

void SetupController::pollActivation(const QString &id)
{
    ActivationApi(m_session->client()).run(id, this, [this, id](SiteResult<ActivationRun> r) {
        if (!r.ok()) {
            m_page->setActivation(false, QString());
            m_page->showError(r.error, tr("The activation's status could not be read."));
            Q_EMIT activationFinished(false);
            return;
        }
        if (r.value->running) {
            m_page->setActivation(true,
                                  tr("Activating… %1").arg(r.value->siteStates.join(u", "_s)));
            QTimer::singleShot(500, this, [this, id] { pollActivation(id); });
            return;
        }
        m_page->setActivation(false, tr("Changes activated."));
        Q_EMIT activationFinished(true);
        refresh();
        m_session->reportWrite(SiteSession::Change::Activation);
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

void SetupController::editRule(int row)
{
    const QList<AgentUpdaterRule> list = rules();
    if (row >= 0 && row < list.size()) {
        // The editor starts from the site's current version, and its ETag guards the save.
        RulesApi(m_session->client())
            .rule(list.at(row).id, this, [this](SiteResult<Versioned<AgentUpdaterRule>> r) {
                if (!r.ok()) {
                    m_page->showError(r.error, tr("The rule could not be read."));
                    return;
                }
                openEditor({ r.value->value, std::nullopt }, r.value->etag, r.value->value.folder);
            });
        return;
    }
    // A new rule starts from what a site needs: this site as update server, its keys accepted.
    AgentUpdaterRule rule;
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
    for (const Prerequisites::KeyInfo &k : m_input.keys.value_or(QList<Prerequisites::KeyInfo>()))
        keys << QString::fromLatin1(k.certificatePem);
    c.signatureKeys = keys;
    rule.value = c.toVariant();
    rule.properties.description = tr("Automatic agent updates");
    openEditor({ rule, std::nullopt }, {}, rule.folder);
}

void SetupController::openEditor(const RuleDraft &start, const QByteArray &etag,
                                 const QString &originalFolder, const ApiError &lastError)
{
    std::optional<RuleDraft> draft = m_ruleEditor(
        start.rule, m_input.keys.value_or(QList<Prerequisites::KeyInfo>()), lastError);
    if (!draft) {
        if (lastError.isError())
            Q_EMIT ruleSaved(false);
        return;
    }
    if (!draft->position)
        draft->position = start.position;
    if (draft->rule.id.isEmpty())
        create(*draft);
    else
        save(*draft, etag, originalFolder);
}

void SetupController::create(const RuleDraft &draft)
{
    const RulesApi api(m_session->client());
    api.create(draft.rule, this, [this, draft](SiteResult<Versioned<AgentUpdaterRule>> r) {
        if (!r.ok()) {
            // The editor opens again with everything typed and the site's answer at the field.
            openEditor(draft, {}, draft.rule.folder, r.error);
            return;
        }
        const std::optional<RulePosition> position = draft.position;
        const bool atBottom = !position || position->kind == RulePosition::Kind::BottomOfFolder;
        if (atBottom) {
            finishSave(true, tr("Rule saved. Activate the changes to make the hosts follow it."));
            return;
        }
        // The site puts a new rule at the bottom of its folder; the move action puts it where the
        // user chose.
        const auto move = [this, position](const Versioned<AgentUpdaterRule> &created) {
            RulesApi(m_session->client())
                .move(created.value.id, *position, created.etag, this,
                      [this](SiteResult<Versioned<AgentUpdaterRule>> m) {
                          if (!m.ok())
                              m_page->showError(m.error,
                                                tr("The rule was created at the bottom of its "
                                                   "folder; it could not be moved."));
                          finishSave(true,
                                     tr("Rule saved. Activate the changes to make the "
                                        "hosts follow it."));
                      });
        };
        if (!r.value->etag.isEmpty()) {
            move(*r.value);
            return;
        }
        RulesApi(m_session->client())
            .rule(r.value->value.id, this,
                  [this, move](SiteResult<Versioned<AgentUpdaterRule>> read) {
                      if (read.ok())
                          move(*read.value);
                      else
                          finishSave(true,
                                     tr("The rule was created at the bottom of its "
                                        "folder; it could not be moved."));
                  });
    });
}

void SetupController::save(const RuleDraft &draft, const QByteArray &etag,
                           const QString &originalFolder)
{
    RulesApi(m_session->client())
        .update(draft.rule, etag, this,
                [this, draft, etag, originalFolder](SiteResult<Versioned<AgentUpdaterRule>> r) {
                    if (r.error.status == 412) {
                        onStale(draft, etag, originalFolder);
                        return;
                    }
                    if (!r.ok()) {
                        openEditor(draft, etag, originalFolder, r.error);
                        return;
                    }
                    if (draft.rule.folder == originalFolder) {
                        finishSave(true,
                                   tr("Rule saved. Activate the changes to make the hosts "
                                      "follow it."));
                        return;
                    }
                    // A PUT cannot change the folder: the move action does.
                    RulesApi(m_session->client())
                        .move(draft.rule.id, RulePosition::bottom(draft.rule.folder), r.value->etag,
                              this, [this](SiteResult<Versioned<AgentUpdaterRule>> m) {
                                  if (!m.ok()) {
                                      m_page->showError(m.error,
                                                        tr("The rule was saved but not moved to "
                                                           "its new folder."));
                                      finishSave(false, QString());
                                      return;
                                  }
                                  finishSave(true,
                                             tr("Rule saved and moved. Activate the "
                                                "changes to make the hosts follow it."));
                              });
                });
}

void SetupController::onStale(const RuleDraft &draft, const QByteArray &etag,
                              const QString &originalFolder)
{
    RulesApi(m_session->client())
        .rule(draft.rule.id, this,
              [this, draft, etag, originalFolder](SiteResult<Versioned<AgentUpdaterRule>> r) {
                  const std::optional<AgentUpdaterRule> theirs
                      = r.ok() ? std::optional(r.value->value) : std::nullopt;
                  switch (m_resolver(draft.rule, theirs, r.ok() ? QString() : r.error.summary())) {
                  case StaleVersionDialog::Choice::Reload:
                      refresh();
                      Q_EMIT ruleSaved(false);
                      break;
                  case StaleVersionDialog::Choice::Overwrite:
                      save(draft, "*", originalFolder);
                      break;
                  case StaleVersionDialog::Choice::KeepEditing:
                      // The user has seen their version: the next save goes onto it. When it
                      // could not be read, the old ETag stays and the site asks again.
                      openEditor(draft, r.ok() ? r.value->etag : etag, originalFolder);
                      break;
                  }
              });
}

void SetupController::finishSave(bool ok, const QString &message)
{
    if (!message.isEmpty())
        m_page->showMessage(message);
    if (ok)
        m_session->reportWrite(SiteSession::Change::Rules);
    else
        refresh();
    Q_EMIT ruleSaved(ok);
}

void SetupController::withCurrentVersion(
    int row, const AgentUpdaterRule &mine,
    std::function<void(const Versioned<AgentUpdaterRule> &)> then,
    std::function<void(const QByteArray &etag)> overwrite)
{
    const QList<AgentUpdaterRule> list = rules();
    if (row < 0 || row >= list.size())
        return;
    const AgentUpdaterRule shown = list.at(row);
    RulesApi(m_session->client())
        .rule(shown.id, this,
              [this, shown, mine, then, overwrite](SiteResult<Versioned<AgentUpdaterRule>> r) {
                  if (!r.ok()) {
                      m_page->showError(r.error, tr("The rule could not be read."));
                      Q_EMIT ruleSaved(false);
                      return;
                  }
                  if (sameRule(shown, r.value->value)) {
                      then(*r.value);
                      return;
                  }
                  // Changed on the site since the list was read: the user decides, as on a 412.
                  switch (m_resolver(mine, r.value->value, QString())) {
                  case StaleVersionDialog::Choice::Reload:
                      refresh();
                      Q_EMIT ruleSaved(false);
                      break;
                  case StaleVersionDialog::Choice::Overwrite:
                      overwrite(r.value->etag.isEmpty() ? QByteArray("*") : r.value->etag);
                      break;
                  case StaleVersionDialog::Choice::KeepEditing:
                      keptListAsShown();
                      break;
                  }
              });
}

void SetupController::keptListAsShown()
{
    m_page->showMessage(tr("Nothing was changed on the site; the list still shows the rule as "
                           "you saw it. Reload to see the other version."));
    Q_EMIT ruleSaved(false);
}

void SetupController::writeFromList(const AgentUpdaterRule &mine, const QByteArray &etag, bool put,
                                    std::optional<RulePosition> position)
{
    if (!put) {
        moveTo(mine.id, *position, etag, mine);
        return;
    }
    RulesApi(m_session->client())
        .update(mine, etag, this,
                [this, mine, position](SiteResult<Versioned<AgentUpdaterRule>> r) {
                    if (r.error.status == 412) {
                        onListStale(mine, position);
                        return;
                    }
                    if (!r.ok()) {
                        m_page->showError(r.error, tr("The rule was not changed."));
                        finishSave(false, QString());
                        return;
                    }
                    if (!position) {
                        finishSave(true,
                                   tr("Rule saved. Activate the changes to make the hosts "
                                      "follow it."));
                        return;
                    }
                    if (!r.value->etag.isEmpty()) {
                        moveTo(mine.id, *position, r.value->etag, mine);
                        return;
                    }
                    // A site that answers a PUT without an ETag: the move needs the current one.
                    RulesApi(m_session->client())
                        .rule(mine.id, this,
                              [this, mine, position](SiteResult<Versioned<AgentUpdaterRule>> c) {
                                  if (!c.ok()) {
                                      m_page->showError(c.error,
                                                        tr("The rule was saved but not "
                                                           "moved."));
                                      finishSave(false, QString());
                                      return;
                                  }
                                  moveTo(mine.id, *position, c.value->etag, mine);
                              });
                });
}

void SetupController::moveTo(const QString &id, const RulePosition &position,
                             const QByteArray &etag, const AgentUpdaterRule &mine)
{
    RulesApi(m_session->client())
        .move(id, position, etag, this,
              [this, mine, position](SiteResult<Versioned<AgentUpdaterRule>> r) {
                  if (r.error.status == 412) {
                      onListStale(mine, position);
                      return;
                  }
                  if (!r.ok()) {
                      m_page->showError(r.error, tr("The rule was not moved."));
                      finishSave(false, QString());
                      return;
                  }
                  finishSave(true,
                             tr("Rule moved. Activate the changes to make the hosts follow the "
                                "new order."));
              });
}

void SetupController::onListStale(const AgentUpdaterRule &mine,
                                  std::optional<RulePosition> position)
{
    RulesApi(m_session->client())
        .rule(mine.id, this, [this, mine, position](SiteResult<Versioned<AgentUpdaterRule>> r) {
            // A failed read is named in the question, never shown as their version.
            switch (m_resolver(mine, r.ok() ? std::optional(r.value->value) : std::nullopt,
                               r.ok() ? QString() : r.error.summary())) {
            case StaleVersionDialog::Choice::Reload:
                refresh();
                Q_EMIT ruleSaved(false);
                break;
            case StaleVersionDialog::Choice::Overwrite:
                writeFromList(mine,
                              r.ok() && !r.value->etag.isEmpty() ? r.value->etag : QByteArray("*"),
                              true, position);
                break;
            case StaleVersionDialog::Choice::KeepEditing:
                keptListAsShown();
                break;
            }
        });
}

void SetupController::deleteRule(int row)
{
    const QList<AgentUpdaterRule> list = rules();
    if (row < 0 || row >= list.size())
        return;
    RulesApi(m_session->client()).remove(list.at(row).id, this, [this](SiteAck r) {
        if (!r.ok())
            m_page->showError(r.error, tr("The rule was not deleted."));
        if (r.ok())
            m_session->reportWrite(SiteSession::Change::Rules);
        else
            refresh();
        Q_EMIT ruleSaved(r.ok());
    });
}

void SetupController::toggleRule(int row)
{
    const QList<AgentUpdaterRule> list = rules();
    if (row < 0 || row >= list.size())
        return;
    // What the user asked for: the rule as the list shows it, with `disabled` flipped.
    AgentUpdaterRule mine = list.at(row);
    mine.properties.disabled = !mine.properties.disabled;
    withCurrentVersion(
        row, mine,
        [this](const Versioned<AgentUpdaterRule> &current) {
            // Only `disabled` changes; every other part goes back as the site has it.
            AgentUpdaterRule toggled = current.value;
            toggled.properties.disabled = !toggled.properties.disabled;
            writeFromList(toggled, current.etag, true, std::nullopt);
        },
        [this, mine](const QByteArray &etag) { writeFromList(mine, etag, true, std::nullopt); });
}

void SetupController::moveRule(int row, int direction)
{
    const QList<AgentUpdaterRule> list = rules();
    if (row < 0 || row >= list.size())
        return;
    const QString folder = list.at(row).folder;
    int neighbour = row + direction;
    while (neighbour >= 0 && neighbour < list.size() && list.at(neighbour).folder != folder)
        neighbour += direction;
    if (neighbour < 0 || neighbour >= list.size()) {
        m_page->showMessage(direction < 0 ? tr("The rule is the first of its folder already.")
                                          : tr("The rule is the last of its folder already."));
        return;
    }
    const QString other = list.at(neighbour).id;
    const RulePosition position
        = direction < 0 ? RulePosition::before(other) : RulePosition::after(other);
    const AgentUpdaterRule mine = list.at(row);
    withCurrentVersion(
        row, mine,
        [this, position](const Versioned<AgentUpdaterRule> &current) {
            writeFromList(current.value, current.etag, false, position);
        },
        // Overwriting theirs: the rule as the list showed it goes back, then moves.
        [this, mine, position](const QByteArray &etag) {
            writeFromList(mine, etag, true, position);
        });
}

void SetupController::showEffectiveValue(const QString &hostName)
{
    InventoryApi(m_session->client()).host(hostName, this, [this, hostName](SiteResult<Host> r) {
        if (!r.ok()) {
            m_page->setEffectiveValue(hostName, {},
                                      r.error.status == 404
                                          ? tr("There is no host %1 on the site.").arg(hostName)
                                          : r.error.summary());
            Q_EMIT effectiveValueShown(hostName, 0);
            return;
        }
        const QList<AgentUpdaterRule> list = rules();
        const EffectiveRuleValue effective
            = RulePrecedence::effectiveValue(*r.value, RulePrecedence::inEvaluationOrder(list));
        if (effective.isEmpty()) {
            m_page->setEffectiveValue(
                hostName, {},
                tr("No enabled rule matches %1: it gets no agent updater.").arg(hostName));
            Q_EMIT effectiveValueShown(hostName, 0);
            return;
        }
        // Every parameter: from the first rule that sets it, or Checkmk's default.
        QStringList keys = EffectiveRuleValue::knownParameters();
        for (auto it = effective.value.cbegin(); it != effective.value.cend(); ++it) {
            if (!keys.contains(it.key()))
                keys << it.key();
        }
        QList<QStringList> rows;
        for (const QString &key : std::as_const(keys)) {
            if (!effective.value.contains(key)) {
                rows.append({ AgentUpdaterConfig::fieldLabel(key),
                              EffectiveRuleValue::defaultText(key),
                              tr("default (no rule sets it)") });
                continue;
            }
            // In words and the editor's units, not Python literals.
            const QString value = AgentUpdaterConfig::displayValue(key, effective.value.value(key));
            const QString id = effective.ruleFor(key);
            QString from = id;
            for (int i = 0; i < list.size(); ++i) {
                if (list.at(i).id == id)
                    from = tr("#%1 %2").arg(i + 1).arg(list.at(i).properties.description);
            }
            rows.append({ AgentUpdaterConfig::fieldLabel(key), value, from });
        }
        m_page->setEffectiveValue(hostName, rows, QString());
        Q_EMIT effectiveValueShown(hostName, int(rows.size()));
    });
}
