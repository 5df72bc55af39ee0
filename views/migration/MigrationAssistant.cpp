#include "MigrationAssistant.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

#include "MigrationPage.h"
#include "PassphraseField.h"

using namespace Qt::StringLiterals;

namespace {

constexpr MigrationPlan::Step allSteps[] = {
    MigrationPlan::Step::Hosts,       MigrationPlan::Step::Registrations, MigrationPlan::Step::Keys,
    MigrationPlan::Step::NewSiteRule, MigrationPlan::Step::OldSiteRule,
};

QString stateText(MigrationAssistant::StepState state)
{
    switch (state) {
    case MigrationAssistant::StepState::Waiting:
        return MigrationAssistant::tr("waiting");
    case MigrationAssistant::StepState::Running:
        return MigrationAssistant::tr("running…");
    case MigrationAssistant::StepState::Done:
        return MigrationAssistant::tr("done");
    case MigrationAssistant::StepState::Failed:
        return MigrationAssistant::tr("FAILED");
    case MigrationAssistant::StepState::Cancelled:
        return MigrationAssistant::tr("cancelled");
    case MigrationAssistant::StepState::Simulated:
        return MigrationAssistant::tr("dry run: nothing changed");
    case MigrationAssistant::StepState::Manual:
        return MigrationAssistant::tr("to be done by hand");
    case MigrationAssistant::StepState::Refused:
        return MigrationAssistant::tr("stopped: changed on the site meanwhile");
    }
    return {};
}

QLabel *wrappedLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    return label;
}

} // namespace

MigrationAssistant::MigrationAssistant(QWidget *parent)
    : QWizard(parent)
{
    setObjectName(u"migrationAssistant"_s);
    setWindowTitle(tr("Move hosts to a new site"));
    setOption(QWizard::NoBackButtonOnLastPage);
    setPage(SitesPage, buildSitesPage());
    setPage(PlanPage, buildPlanPage());
    setPage(PassphrasePage, buildPassphrasePage());
    setPage(RunPage, buildRunPage());
    setPage(ReportPage, buildReportPage());
    // Closing the assistant (Cancel or Finish) stops whatever runs, so nothing half-done goes on
    // unseen, and ends the run, which wipes the passphrase.
    connect(this, &QDialog::finished, this, &MigrationAssistant::cancelRequested);
    // No way back from the run: going back would leave the sites half moved behind the plan.
    const QList<QWizard::WizardButton> standard
        = { QWizard::Stretch,      QWizard::BackButton,   QWizard::NextButton,
            QWizard::CommitButton, QWizard::FinishButton, QWizard::CancelButton };
    connect(this, &QWizard::currentIdChanged, this, [this, standard](int id) {
        QList<QWizard::WizardButton> layout = standard;
        if (id == RunPage)
            layout.removeAll(QWizard::BackButton);
        setButtonLayout(layout);
    });
}

MigrationPage *MigrationAssistant::buildSitesPage()
{
    auto *page = new MigrationPage;
    page->setObjectName(u"migrationSitesPage"_s);
    page->setTitle(tr("Old site and new site"));
    page->setSubTitle(tr("The hosts move from the old site to the new one, as the manual's "
                         "section on moving to a new site describes. Nothing changes on the old "
                         "site before the new one is verified."));
    m_oldSite = new QComboBox(page);
    m_oldSite->setObjectName(u"migrationOldSite"_s);
    m_newSite = new QComboBox(page);
    m_newSite->setObjectName(u"migrationNewSite"_s);
    m_dryRun = new QCheckBox(tr("&Dry run: read both sites and show what would happen, change "
                                "nothing"),
                             page);
    m_dryRun->setObjectName(u"migrationDryRun"_s);
    m_sitesError = wrappedLabel({}, page);
    m_sitesError->setObjectName(u"migrationSitesError"_s);
    auto *form = new QFormLayout(page);
    auto *oldLabel = new QLabel(tr("&Old site (moving from):"), page);
    oldLabel->setBuddy(m_oldSite);
    auto *newLabel = new QLabel(tr("New s&ite (moving to):"), page);
    newLabel->setBuddy(m_newSite);
    form->addRow(oldLabel, m_oldSite);
    form->addRow(newLabel, m_newSite);
    form->addRow(m_dryRun);
    form->addRow(m_sitesError);
    const auto check = [this, page] {
        const bool same = m_oldSite->currentIndex() >= 0
            && m_oldSite->currentIndex() == m_newSite->currentIndex();
        const bool chosen = m_oldSite->currentIndex() >= 0 && m_newSite->currentIndex() >= 0;
        m_sitesError->setText(!chosen    ? tr("Add a connection for each site first (File › Site "
                                                 "connections).")
                                  : same ? tr("New site: choose a connection other than the old "
                                              "site's.")
                                         : QString());
        page->setComplete(chosen && !same);
    };
    connect(m_oldSite, &QComboBox::currentIndexChanged, this, check);
    connect(m_newSite, &QComboBox::currentIndexChanged, this, check);
    page->setOnShow(check);
    return page;
}

MigrationPage *MigrationAssistant::buildPlanPage()
{
    auto *page = new MigrationPage;
    m_planPage = page;
    page->setObjectName(u"migrationPlanPage"_s);
    page->setTitle(tr("What will happen"));
    page->setSubTitle(tr("Both sites have been read; this is everything the assistant will do, "
                         "step by step."));
    m_planState = wrappedLabel({}, page);
    m_planState->setObjectName(u"migrationPlanState"_s);
    m_planBusy = new QProgressBar(page);
    m_planBusy->setRange(0, 0);
    m_planText = new QPlainTextEdit(page);
    m_planText->setObjectName(u"migrationPlanText"_s);
    m_planText->setReadOnly(true);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_planState);
    layout->addWidget(m_planBusy);
    layout->addWidget(m_planText, 1);
    page->setOnShow([this, page] {
        m_planOk = false;
        m_planText->clear();
        m_planBusy->show();
        m_planState->setText(tr("Reading both sites…"));
        page->setComplete(false);
        Q_EMIT analyseRequested(m_oldSite->currentText(), m_newSite->currentText(), isDryRun());
    });
    return page;
}

MigrationPage *MigrationAssistant::buildPassphrasePage()
{
    auto *page = new MigrationPage;
    page->setObjectName(u"migrationPassphrasePage"_s);
    page->setTitle(tr("Passphrase of the signature keys"));
    page->setSubTitle(tr("The accepted keys are exported from the old site and imported on the "
                         "new site with their passphrase, and the agents are signed with it on "
                         "both sites. It is used for this run only and never stored."));
    m_passphrase = new PassphraseField(page);
    m_passphrase->setObjectName(u"migrationPassphrase"_s);
    auto *label = new QLabel(tr("&Passphrase:"), page);
    label->setBuddy(m_passphrase);
    auto *form = new QFormLayout(page);
    form->addRow(label, m_passphrase);
    connect(m_passphrase, &QLineEdit::textChanged, page,
            [page](const QString &text) { page->setComplete(!text.isEmpty()); });
    page->setOnShow([this, page] { page->setComplete(!m_passphrase->text().isEmpty()); });
    return page;
}

MigrationPage *MigrationAssistant::buildRunPage()
{
    auto *page = new MigrationPage;
    m_runPage = page;
    page->setObjectName(u"migrationRunPage"_s);
    page->setTitle(tr("Moving"));
    page->setCommitPage(true);
    setButtonText(QWizard::CommitButton, tr("&Report >"));
    m_steps = new QListWidget(page);
    m_steps->setObjectName(u"migrationSteps"_s);
    for (MigrationPlan::Step s : allSteps)
        m_steps->addItem(MigrationPlan::stepTitle(s));
    m_steps->setFixedHeight(m_steps->sizeHintForRow(0) * 5 + 2 * m_steps->frameWidth() + 4);
    m_progress = new QProgressBar(page);
    m_progress->setObjectName(u"migrationProgress"_s);
    m_progressText = wrappedLabel({}, page);
    m_progressText->setObjectName(u"migrationProgressText"_s);
    m_stop = new QPushButton(tr("&Stop"), page);
    m_stop->setObjectName(u"migrationStop"_s);
    connect(m_stop, &QPushButton::clicked, this, &MigrationAssistant::cancelRequested);
    m_log = new QPlainTextEdit(page);
    m_log->setObjectName(u"migrationLog"_s);
    m_log->setReadOnly(true);
    m_oldSiteBox = new QGroupBox(tr("The old site: what changes there"), page);
    m_oldSiteBox->setObjectName(u"migrationOldSiteBox"_s);
    m_oldSiteActions = wrappedLabel({}, m_oldSiteBox);
    m_oldSiteActions->setObjectName(u"migrationOldSiteActions"_s);
    m_oldSiteActions->setTextFormat(Qt::PlainText);
    m_oldSiteButton = new QPushButton(tr("Re-&point and bake the old site"), m_oldSiteBox);
    m_oldSiteButton->setObjectName(u"migrationOldSiteButton"_s);
    connect(m_oldSiteButton, &QPushButton::clicked, this, [this] {
        m_oldSiteButton->setEnabled(false);
        m_running = true;
        m_runPage->setComplete(false);
        m_stop->setEnabled(true);
        Q_EMIT oldSiteRequested();
    });
    m_oldSiteConflict = wrappedLabel({}, m_oldSiteBox);
    m_oldSiteConflict->setObjectName(u"migrationOldSiteConflict"_s);
    m_oldSiteConflict->setTextFormat(Qt::PlainText);
    m_oldSiteConflict->setStyleSheet(u"font-weight: bold"_s);
    m_replanButton = new QPushButton(tr("Re-plan on &their version"), m_oldSiteBox);
    m_replanButton->setObjectName(u"migrationOldSiteReplan"_s);
    m_keepButton = new QPushButton(tr("&Leave the old site as it is"), m_oldSiteBox);
    m_keepButton->setObjectName(u"migrationOldSiteKeep"_s);
    connect(m_replanButton, &QPushButton::clicked, this, [this] {
        m_replanButton->setEnabled(false);
        m_keepButton->setEnabled(false);
        Q_EMIT oldSiteReplanRequested();
    });
    connect(m_keepButton, &QPushButton::clicked, this, [this] {
        m_replanButton->setEnabled(false);
        m_keepButton->setEnabled(false);
        Q_EMIT oldSiteKeepRequested();
    });
    auto *boxLayout = new QVBoxLayout(m_oldSiteBox);
    boxLayout->addWidget(m_oldSiteActions);
    boxLayout->addWidget(m_oldSiteConflict);
    auto *boxButtons = new QHBoxLayout;
    boxButtons->addWidget(m_oldSiteButton);
    boxButtons->addWidget(m_replanButton);
    boxButtons->addWidget(m_keepButton);
    boxButtons->addStretch(1);
    boxLayout->addLayout(boxButtons);
    auto *progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_stop);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_steps);
    layout->addLayout(progressRow);
    layout->addWidget(m_progressText);
    layout->addWidget(m_log, 1);
    layout->addWidget(m_oldSiteBox);
    page->setOnShow([this] { startRun(); });
    return page;
}

MigrationPage *MigrationAssistant::buildReportPage()
{
    auto *page = new MigrationPage;
    page->setObjectName(u"migrationReportPage"_s);
    page->setTitle(tr("Report"));
    m_report = new QPlainTextEdit(page);
    m_report->setObjectName(u"migrationReport"_s);
    m_report->setReadOnly(true);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_report);
    page->setOnShow([this] { fillReport(); });
    return page;
}

void MigrationAssistant::setConnectionNames(const QStringList &names, const QString &current)
{
    for (QComboBox *box : { m_oldSite, m_newSite }) {
        const QSignalBlocker block(box);
        box->clear();
        box->addItems(names);
    }
    m_oldSite->setCurrentIndex(int(names.indexOf(current)));
    m_newSite->setCurrentIndex(-1);
    if (currentPage())
        currentPage()->initializePage();
}

bool MigrationAssistant::isDryRun() const
{
    return m_dryRun->isChecked();
}

int MigrationAssistant::nextId() const
{
    if (currentId() == PlanPage)
        return isDryRun() || !m_needsPassphrase ? RunPage : PassphrasePage;
    return QWizard::nextId();
}

void MigrationAssistant::setReading(const QString &what)
{
    m_planState->setText(what);
}

void MigrationAssistant::setPlan(const MigrationPlan &plan)
{
    m_planBusy->hide();
    QStringList lines;
    if (isDryRun())
        lines << tr("DRY RUN: nothing will be changed on either site.") << QString();
    for (const QString &b : plan.blockers())
        lines << tr("CANNOT CONTINUE: %1").arg(b);
    for (const QString &n : plan.notes())
        lines << tr("Note: %1").arg(n);
    if (!plan.blockers().isEmpty() || !plan.notes().isEmpty())
        lines << QString();
    for (MigrationPlan::Step s : allSteps) {
        lines << MigrationPlan::stepTitle(s);
        for (const QString &a : plan.actions(s))
            lines << u"    • "_s + a;
    }
    m_planText->setPlainText(lines.join(u'\n'));
    m_planOk = plan.blockers().isEmpty();
    // A real run signs on both sites, unless the keys and signing are done by hand.
    m_needsPassphrase = !plan.keysByHand();
    // Keys by hand: the assistant re-points the rules; the bake is the user's.
    m_oldSiteButton->setText(plan.keysByHand() ? tr("Re-&point the old site's rules")
                                               : tr("Re-&point and bake the old site"));
    m_planState->setText(m_planOk ? tr("Old site: %1 (%2 on %3). New site: %4 (%5 on %6).")
                                        .arg(plan.oldSite().connectionName, plan.oldSite().site,
                                             plan.oldSite().server, plan.newSite().connectionName,
                                             plan.newSite().site, plan.newSite().server)
                                  : tr("The migration cannot go on; see the reasons below."));
    QStringList oldLines;
    for (const QString &a : plan.actions(MigrationPlan::Step::OldSiteRule))
        oldLines << u"• "_s + a;
    m_oldSiteActions->setText(oldLines.join(u'\n'));
    m_planPage->setComplete(m_planOk);
}

void MigrationAssistant::setPlanError(const QString &message)
{
    m_planBusy->hide();
    m_planState->setText(message);
    m_planPage->setComplete(false);
}

void MigrationAssistant::startRun()
{
    m_stepLog.clear();
    m_stepStates.clear();
    m_log->clear();
    for (MigrationPlan::Step s : allSteps)
        setStepState(s, StepState::Waiting);
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_progressText->clear();
    m_oldSiteBox->hide();
    m_oldSiteButton->setEnabled(!isDryRun());
    m_oldSiteButton->show();
    m_oldSiteConflict->hide();
    m_replanButton->hide();
    m_keepButton->hide();
    m_stop->setEnabled(true);
    m_running = true;
    m_runPage->setComplete(false);
    m_runPage->setSubTitle(isDryRun() ? tr("Dry run: every step says what it would do; neither "
                                           "site is changed.")
                                      : tr("Steps 2 to 4 run on the new site, which is then "
                                           "verified. The old site changes only when you ask "
                                           "below."));
    QByteArray passphrase = isDryRun() ? QByteArray() : m_passphrase->takePassphrase();
    Q_EMIT newSiteRequested(passphrase);
    PassphraseField::wipe(passphrase);
}

void MigrationAssistant::setStepState(MigrationPlan::Step step, StepState state)
{
    m_stepStates[int(step)] = state;
    QListWidgetItem *item = m_steps->item(int(step));
    item->setText(u"%1 — %2"_s.arg(MigrationPlan::stepTitle(step), stateText(state)));
    if (state == StepState::Running)
        m_steps->setCurrentItem(item);
}

void MigrationAssistant::setProgress(int done, int total, const QString &what)
{
    m_progress->setRange(0, qMax(total, 1));
    m_progress->setValue(qMin(done, qMax(total, 1)));
    m_progressText->setText(what);
}

void MigrationAssistant::appendLog(MigrationPlan::Step step, const QString &line)
{
    m_stepLog[int(step)] << line;
    m_log->appendPlainText(line);
}

void MigrationAssistant::setNewSiteFinished(bool verified, const QStringList &problems)
{
    m_running = false;
    m_stop->setEnabled(false);
    for (const QString &p : problems)
        m_log->appendPlainText(tr("Not verified: %1").arg(p));
    if (verified) {
        m_oldSiteBox->show();
        if (isDryRun()) {
            m_oldSiteButton->setEnabled(false);
            m_oldSiteButton->setToolTip(tr("A dry run changes nothing on the old site."));
        } else {
            m_oldSiteButton->setFocus();
        }
    }
    m_runPage->setComplete(true);
}

void MigrationAssistant::setOldSiteFinished(bool ok)
{
    Q_UNUSED(ok)
    m_running = false;
    m_stop->setEnabled(false);
    m_runPage->setComplete(true);
    button(QWizard::CommitButton)->setFocus();
}

void MigrationAssistant::setOldSiteConflict(const QString &message)
{
    m_running = false;
    m_stop->setEnabled(false);
    m_oldSiteButton->hide();
    m_oldSiteConflict->setText(message);
    m_oldSiteConflict->show();
    m_replanButton->show();
    m_replanButton->setEnabled(true);
    m_keepButton->show();
    m_keepButton->setEnabled(true);
    // The report can be read now, and it says why step 5 stopped.
    m_runPage->setComplete(true);
    m_replanButton->setFocus();
}

void MigrationAssistant::setOldSitePlan(const QStringList &actions)
{
    QStringList lines;
    for (const QString &a : actions)
        lines << u"• "_s + a;
    m_oldSiteActions->setText(lines.join(u'\n'));
    m_oldSiteConflict->hide();
    m_replanButton->hide();
    m_keepButton->hide();
    m_oldSiteButton->show();
    m_oldSiteButton->setEnabled(true);
    m_oldSiteButton->setFocus();
}

void MigrationAssistant::fillReport()
{
    QStringList lines;
    if (isDryRun())
        lines << tr("DRY RUN: neither site was changed.") << QString();
    for (MigrationPlan::Step s : allSteps) {
        lines << u"%1 — %2"_s.arg(MigrationPlan::stepTitle(s),
                                  stateText(m_stepStates.value(int(s), StepState::Waiting)));
        for (const QString &l : m_stepLog.value(int(s)))
            lines << u"    "_s + l;
    }
    m_report->setPlainText(lines.join(u'\n'));
}
