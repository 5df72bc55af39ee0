#pragma once

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <optional>

#include "Prerequisites.h"

class SetupPage;
class SiteSession;
class UpdateStatusModel;

// Feeds the setup page: reads keys, rules, agents, registrations, the master switch and the
// pending changes, decides the prerequisites, switches the master switch and activates changes.
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
    void showEffectiveValue(const QString &hostName);
    void saveRule(const AgentUpdaterRule &rule);
    using RuleEditor = std::function<std::optional<AgentUpdaterRule>(
        const AgentUpdaterRule &, const QList<Prerequisites::KeyInfo> &)>;
    // Tests edit here instead of in the dialog.
    void setRuleEditor(RuleEditor editor) { m_ruleEditor = std::move(editor); }
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
    void effectiveValueShown(const QString &host, int parameters);

private:
    void loadPendingChanges();
    void pollActivation(const QString &id);
    void evaluate();

    SiteSession *m_session;
    SetupPage *m_page;
    QPointer<UpdateStatusModel> m_statusModel;
    Prerequisites::Input m_input;
    int m_outstanding = 0;
    int m_generation = 0;
    QTimer m_poll;
    RuleEditor m_ruleEditor;
    bool m_statusElsewhere = false;
};
