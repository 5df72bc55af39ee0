#pragma once

#include <QWidget>

#include <optional>

#include "AgentUpdaterRule.h"
#include "ApiError.h"
#include "ErrorBanner.h"
#include "Prerequisites.h"

class ErrorBanner;
class QCheckBox;
class QGridLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QTableWidget;

// The landing page once connected: the prerequisites of automatic updates with the reason of
// each and a way to fix it, the master switch, the agent updater rules, and pending changes
// with "Activate changes".
class SetupPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SetupPage)

public:
    explicit SetupPage(QWidget *parent = nullptr);

    void setPrerequisites(const QList<Prerequisites::Result> &results);
    void setMasterSwitch(std::optional<bool> on);
    // After a 412 the user kept editing: the switch shows their choice, not saved, next to what
    // the site has now (nullopt: it could not be read), with a button that saves it.
    void setMasterSwitchUnsaved(bool mine, std::optional<bool> theirs);
    void setPendingChanges(const QStringList &changes);
    void setActivation(bool running, const QString &text);
    void setRules(const QList<AgentUpdaterRule> &rules, const QList<Prerequisites::KeyInfo> &keys);
    void setBusy(bool busy);
    // Rows of parameter, value and the rule it came from; an empty list with a reason when none.
    void setEffectiveValue(const QString &host, const QList<QStringList> &rows,
                           const QString &note);
    void showError(const ApiError &error, const QString &context = {});
    void showMessage(const QString &text);
    // The fixes this page's banner offers (set by the app), for the rule editor to offer too.
    ErrorBanner::Remedies errorRemedies() const;

    // Answers the confirmation before the switch goes on with prerequisites missing (tests).
    static void setNextConfirmation(std::optional<bool> answer);

Q_SIGNALS:
    void refreshRequested();
    void masterSwitchRequested(bool on);
    void activateRequested();
    void goToRequested(Prerequisites::Item item);
    // Row -1: a new rule.
    void editRuleRequested(int row);
    void deleteRuleRequested(int row);
    void toggleRuleRequested(int row);
    // direction -1: one place up within its folder, +1: one place down.
    void moveRuleRequested(int row, int direction);
    void effectiveValueRequested(const QString &host);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void onSwitchClicked(bool on);
    void fitRuleColumns();

    QList<Prerequisites::Result> m_results;
    QGridLayout *m_checklist;
    QCheckBox *m_switch;
    QLabel *m_switchState;
    QPushButton *m_saveSwitch;
    QLabel *m_pendingLabel;
    QListWidget *m_pendingList;
    QPushButton *m_showPending;
    QPushButton *m_activate;
    QProgressBar *m_activationProgress;
    QLabel *m_activationText;
    QTableWidget *m_rules;
    int m_descriptionWidth = 0; // what the descriptions need, before fitting the window
    QPushButton *m_reload;
    QLabel *m_noRules;
    QPushButton *m_editRule;
    QPushButton *m_deleteRule;
    QPushButton *m_toggleRule;
    QPushButton *m_moveUp;
    QPushButton *m_moveDown;
    QLineEdit *m_effectiveHost;
    QLabel *m_effectiveNote;
    QTableWidget *m_effective;
    ErrorBanner *m_banner;
    bool m_updatingSwitch = false;
};
