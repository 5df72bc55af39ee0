#pragma once

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <optional>

#include "ApiError.h"
#include "Prerequisites.h"
#include "RuleDraft.h"
#include "RulePosition.h"
#include "StaleVersionDialog.h"
#include "Versioned.h"

class SetupPage;
class SiteSession;
class UpdateStatusModel;

// Feeds the setup page: reads keys, rules, agents, registrations, the master switch and the
// pending changes, decides the prerequisites, switches the master switch, activates changes and
// edits, moves and deletes rules. The site protocol is in netclient/site; this only wires.
class SetupController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SetupController)

public:
    SetupController(SiteSession *session, SetupPage *page, UpdateStatusModel *statusModel,
                    QObject *parent = nullptr);

    void refresh();
    // True when the status page loads the update status anyway: registrations are then counted
    // from its model as it fills, instead of fetching the same tens of megabytes twice.
    void setStatusModelFilledElsewhere(bool elsewhere) { m_statusElsewhere = elsewhere; }
    void setMasterSwitch(bool on);
    void activate();
    // Rules of "Agent updater": row -1 makes a new one.
    void editRule(int row);
    void deleteRule(int row);
    void toggleRule(int row);
    // Moves the rule one place up (-1) or down (+1) within its folder, with the move action.
    void moveRule(int row, int direction);
    void showEffectiveValue(const QString &hostName);
    // The editor gets the rule, the site's keys and the site's answer to the last attempt
    // (empty the first time); nullopt when the user cancels.
    using RuleEditor = std::function<std::optional<RuleDraft>(
        const AgentUpdaterRule &, const QList<Prerequisites::KeyInfo> &, const ApiError &)>;
    // Tests edit here instead of in the dialog.
    void setRuleEditor(RuleEditor editor) { m_ruleEditor = std::move(editor); }
    // Asked on a 412: the user's rule and the site's (nullopt with the reason when it could not
    // be read).
    using ConflictResolver = std::function<StaleVersionDialog::Choice(
        const AgentUpdaterRule &mine, const std::optional<AgentUpdaterRule> &theirs,
        const QString &theirsError)>;
    void setConflictResolver(ConflictResolver resolver) { m_resolver = std::move(resolver); }
    // Asked on a 412 for the master switch: the user's value and the site's (nullopt with the
    // reason when it could not be read).
    using SwitchResolver = std::function<StaleVersionDialog::Choice(
        bool mine, std::optional<bool> theirs, const QString &theirsError)>;
    void setSwitchResolver(SwitchResolver resolver) { m_switchResolver = std::move(resolver); }
    // Warnings about CA certificates for the updater rule (a leaf, or not the chain's root).
    static QStringList certificateWarnings(const QStringList &pems);
    // The agent updater rules of the last complete refresh, in the site's order.
    QList<AgentUpdaterRule> rules() const
    {
        return m_input.rules.value_or(QList<AgentUpdaterRule>());
    }

Q_SIGNALS:
    // The checklist was decided from a complete round of replies.
    void refreshed(const QList<Prerequisites::Result> &results);
    void activationFinished(bool ok);
    void ruleSaved(bool ok);
    // A write of the master switch ended: saved, or not (refused, or the user chose after a 412).
    void masterSwitchSaved(bool ok);
    void effectiveValueShown(const QString &host, int parameters);

private:
    void loadPendingChanges(std::function<void()> then = {});
    void pollActivation(const QString &id);
    void evaluate();
    // Opens the editor on `rule` (read with `etag`) and saves what comes back.
    void openEditor(const RuleDraft &draft, const QByteArray &etag, const QString &originalFolder,
                    const ApiError &lastError = {});
    void save(const RuleDraft &draft, const QByteArray &etag, const QString &originalFolder);
    void create(const RuleDraft &draft);
    void onStale(const RuleDraft &draft, const QByteArray &etag, const QString &originalFolder);
    void finishSave(bool ok, const QString &message);
    void writeMasterSwitch(bool on, const QByteArray &etag);
    void onSwitchStale(bool on);
    // Reads the rule of `row` again and calls `then` when it is still what the list shows;
    // otherwise asks as on a 412 whether `mine` overwrites it (then `overwrite` runs with the
    // site's ETag, or "*" when it could not be read).
    void withCurrentVersion(int row, const AgentUpdaterRule &mine,
                            std::function<void(const Versioned<AgentUpdaterRule> &)> then,
                            std::function<void(const QByteArray &etag)> overwrite);
    // A toggle or a move from the list: PUTs `mine` when `put` (a toggle, or an overwrite),
    // then moves it when `position` is set; a 412 on the way asks as in the editor.
    void writeFromList(const AgentUpdaterRule &mine, const QByteArray &etag, bool put,
                       std::optional<RulePosition> position);
    void moveTo(const QString &id, const RulePosition &position, const QByteArray &etag,
                const AgentUpdaterRule &mine);
    // Keep editing on a list action: nothing written, the list stays as the user saw it.
    void keptListAsShown();
    void onListStale(const AgentUpdaterRule &mine, std::optional<RulePosition> position);
    // The user's answer to a stale list action; `theirsEtag` empty when theirs is unknown.
    void resolveListConflict(const AgentUpdaterRule &mine,
                             const std::optional<AgentUpdaterRule> &theirs,
                             const QString &theirsError, const QByteArray &theirsEtag,
                             std::optional<RulePosition> position);

    SiteSession *m_session;
    SetupPage *m_page;
    QPointer<UpdateStatusModel> m_statusModel;
    Prerequisites::Input m_input;
    QByteArray m_switchEtag;
    QByteArray m_pendingEtag;
    int m_outstanding = 0;
    int m_generation = 0;
    RuleEditor m_ruleEditor;
    ConflictResolver m_resolver;
    SwitchResolver m_switchResolver;
    bool m_statusElsewhere = false;
};
