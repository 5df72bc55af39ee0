#pragma once

#include <QMap>
#include <QStringList>
#include <QWizard>

#include "MigrationPlan.h"

class MigrationPage;
class PassphraseField;
class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

// The assistant for moving hosts to a new site (the manual's five steps): choose the old and the
// new connection (and whether this is a dry run), read both sites and show the plan, ask for the
// keys' passphrase, run the steps on the new site and verify it, then show exactly what changes
// on the old site and do it only when asked, and end with a report. Asks the app for all site
// work through signals and is answered through the setters; holds no secret beyond the moment
// the passphrase field hands its text over.
class MigrationAssistant final : public QWizard
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MigrationAssistant)

public:
    enum PageId { SitesPage, PlanPage, PassphrasePage, RunPage, ReportPage };
    enum class StepState {
        Waiting,
        Running,
        Done,
        Failed,
        Cancelled,
        Simulated,
        Manual,
        Refused, // the site refused a write: changed by another client meanwhile
    };

    explicit MigrationAssistant(QWidget *parent = nullptr);

    void setConnectionNames(const QStringList &names, const QString &current);
    bool isDryRun() const;

    // Answers.
    void setReading(const QString &what);
    void setPlan(const MigrationPlan &plan);
    void setPlanError(const QString &message);
    void setStepState(MigrationPlan::Step step, StepState state);
    void setProgress(int done, int total, const QString &what);
    void appendLog(MigrationPlan::Step step, const QString &line);
    void setNewSiteFinished(bool verified, const QStringList &problems);
    void setOldSiteFinished(bool ok);
    // Step 5 stopped because an old rule changed since the plan: says so and offers to re-plan
    // on the site's version or to leave the old site as it is.
    void setOldSiteConflict(const QString &message);
    // Step 5 planned anew (after a re-plan): what will change, and Re-point offered again.
    void setOldSitePlan(const QStringList &actions);

    int nextId() const override;

Q_SIGNALS:
    void analyseRequested(const QString &oldConnection, const QString &newConnection, bool dryRun);
    // The passphrase's UTF-8; the receiver moves it into a SecureBuffer and wipes this copy.
    void newSiteRequested(QByteArray &passphrase);
    void oldSiteRequested();
    void oldSiteReplanRequested();
    void oldSiteKeepRequested();
    void cancelRequested();

private:
    MigrationPage *buildSitesPage();
    MigrationPage *buildPlanPage();
    MigrationPage *buildPassphrasePage();
    MigrationPage *buildRunPage();
    MigrationPage *buildReportPage();
    void startRun();
    void fillReport();

    QComboBox *m_oldSite = nullptr;
    QComboBox *m_newSite = nullptr;
    QCheckBox *m_dryRun = nullptr;
    QLabel *m_sitesError = nullptr;
    MigrationPage *m_planPage = nullptr;
    QLabel *m_planState = nullptr;
    QProgressBar *m_planBusy = nullptr;
    QPlainTextEdit *m_planText = nullptr;
    PassphraseField *m_passphrase = nullptr;
    MigrationPage *m_runPage = nullptr;
    QListWidget *m_steps = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_progressText = nullptr;
    QPushButton *m_stop = nullptr;
    QPlainTextEdit *m_log = nullptr;
    QGroupBox *m_oldSiteBox = nullptr;
    QLabel *m_oldSiteActions = nullptr;
    QPushButton *m_oldSiteButton = nullptr;
    QLabel *m_oldSiteConflict = nullptr;
    QPushButton *m_replanButton = nullptr;
    QPushButton *m_keepButton = nullptr;
    QPlainTextEdit *m_report = nullptr;

    bool m_planOk = false;
    bool m_needsPassphrase = true;
    bool m_running = false;
    QMap<int, QStringList> m_stepLog; // by step, for the report
    QMap<int, StepState> m_stepStates;
};
