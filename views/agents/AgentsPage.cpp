#include "AgentsPage.h"

#include "HeaderMemory.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include "ErrorBanner.h"
#include "PassphraseField.h"
#include "SignDialog.h"

using namespace Qt::StringLiterals;

namespace {
std::optional<bool> nextConfirmation;
}

void AgentsPage::setNextConfirmation(std::optional<bool> answer)
{
    nextConfirmation = answer;
}

bool AgentsPage::confirm(const QString &title, const QString &text, const QString &yes)
{
    m_lastQuestion = text;
    if (nextConfirmation)
        return std::exchange(nextConfirmation, std::nullopt).value();
    QMessageBox box(QMessageBox::Warning, title, text, QMessageBox::NoButton, this);
    QPushButton *go = box.addButton(yes, QMessageBox::AcceptRole);
    QPushButton *cancel = box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(cancel);
    box.exec();
    return box.clickedButton() == go;
}

AgentsPage::AgentsPage(QWidget *parent)
    : QWidget(parent)
    , m_banner(new ErrorBanner(this))
    , m_table(new QTableWidget(this))
    , m_bake(new QPushButton(tr("&Bake agents"), this))
    , m_bakeSign(new QPushButton(tr("Bake and si&gn…"), this))
    , m_sign(new QPushButton(tr("&Sign…"), this))
    , m_verify(new QPushButton(tr("&Verify signatures"), this))
    , m_jobState(new QLabel(this))
    , m_jobProgress(new QProgressBar(this))
    , m_log(new QPlainTextEdit(this))
    , m_verdictTitle(new QLabel(this))
    , m_verdicts(new QPlainTextEdit(this))
{
    setObjectName(u"agentsPage"_s);
    m_table->setObjectName(u"agentsTable"_s);
    m_jobState->setObjectName(u"jobState"_s);
    m_log->setObjectName(u"jobLog"_s);
    m_verdicts->setObjectName(u"verdicts"_s);
    m_table->setColumnCount(5);
    m_table->setHorizontalHeaderLabels({ tr("Agent configuration"), tr("Hash"), tr("Package types"),
                                         tr("Hosts"), tr("Signed by") });
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->horizontalHeader()->setStretchLastSection(true);
    HeaderMemory::attach(m_table->horizontalHeader(), u"agents"_s);
    m_log->setReadOnly(true);
    m_log->setPlaceholderText(tr("The baking job's log appears here."));
    m_verdicts->setReadOnly(true);
    m_verdicts->setPlaceholderText(
        tr("Select an agent and choose Verify: AgentDesk downloads the package and checks each "
           "signature against the site's keys, offline."));
    m_jobProgress->setRange(0, 100);
    // No shortcut: baking replaces signed agents by unsigned ones, so it is asked first.
    m_bake->setObjectName(u"bakeButton"_s);
    m_sign->setObjectName(u"signButton"_s);
    m_bake->setToolTip(tr("Bake all agents anew (unsigned: sign them afterwards)"));

    // What's This (Shift+F1), in the manual's terms.
    m_table->setWhatsThis(
        tr("The baked agent packages: each agent configuration (hosts with the same agent "
           "settings share one), its hash, the package types, how many hosts use it, and the keys "
           "it is signed with. An updater installs only a package signed with a key its rule "
           "accepts."));
    m_bake->setWhatsThis(tr("Bakes all agents anew with the current rules. The new packages are "
                            "unsigned: updaters do not take them until they are signed."));
    m_bakeSign->setWhatsThis(tr("Bakes all agents and signs them with a signature key in one "
                                "job; the key's passphrase is asked for."));
    m_sign->setWhatsThis(tr("Signs the packages baked already with a signature key; the key's "
                            "passphrase is asked for."));
    m_verify->setWhatsThis(tr("Downloads the selected agent package and checks each of its "
                              "signatures against the site's keys, here on this machine."));
    m_log->setWhatsThis(tr("The log of the baking or signing job, as the site reports it."));
    m_verdicts->setWhatsThis(tr("The result of Verify signatures: for each signature, the key "
                                "and whether it holds."));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_bake);
    buttons->addWidget(m_bakeSign);
    buttons->addWidget(m_sign);
    buttons->addStretch(1);
    buttons->addWidget(m_verify);

    auto *jobBox = new QGroupBox(tr("Baking job"), this);
    auto *jobLayout = new QVBoxLayout(jobBox);
    auto *jobRow = new QHBoxLayout;
    jobRow->addWidget(m_jobState, 1);
    jobRow->addWidget(m_jobProgress);
    jobLayout->addLayout(jobRow);
    jobLayout->addWidget(m_log);
    auto *verifyBox = new QGroupBox(tr("Signature check"), this);
    auto *verifyLayout = new QVBoxLayout(verifyBox);
    m_verdictTitle->setWordWrap(true);
    verifyLayout->addWidget(m_verdictTitle);
    verifyLayout->addWidget(m_verdicts);
    auto *bottom = new QSplitter(this);
    bottom->addWidget(jobBox);
    bottom->addWidget(verifyBox);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addLayout(buttons);
    layout->addWidget(m_table, 3);
    layout->addWidget(bottom, 2);

    connect(m_bake, &QPushButton::clicked, this, &AgentsPage::askBake);
    connect(m_bakeSign, &QPushButton::clicked, this, [this] { askSign(true); });
    connect(m_sign, &QPushButton::clicked, this, [this] { askSign(false); });
    connect(m_verify, &QPushButton::clicked, this, [this] {
        if (!selectedHash().isEmpty())
            Q_EMIT verifyRequested(selectedHash());
    });
    connect(m_table, &QTableWidget::itemSelectionChanged, this,
            [this] { m_verify->setEnabled(!selectedHash().isEmpty()); });
    m_verify->setEnabled(false);
    setJob({ u"initialized"_s, 0, -1, {} }, 0);
}

void AgentsPage::setAgents(const QList<BakedAgent> &agents)
{
    const QString selected = selectedHash();
    m_agents = agents;
    m_table->setRowCount(int(agents.size()));
    for (int i = 0; i < agents.size(); ++i) {
        const BakedAgent &a = agents.at(i);
        QStringList signers;
        for (const BakedAgent::Signature &s : a.signatures) {
            QString alias = tr("key %1").arg(s.keyId);
            for (const auto &[id, name] : std::as_const(m_keys)) {
                if (id == s.keyId)
                    alias = name;
            }
            signers << alias;
        }
        auto *hash = new QTableWidgetItem(a.hash);
        hash->setFont(QFont(u"DejaVu Sans Mono"_s));
        auto *signedBy
            = new QTableWidgetItem(signers.isEmpty() ? tr("not signed") : signers.join(u", "_s));
        if (!a.signaturesKnown) {
            // A stock site does not list an agent's signatures in its REST API.
            signedBy->setText(tr("not listed by this site"));
            signedBy->setToolTip(tr("This site's REST API does not say which keys signed an "
                                    "agent. The site's own Agents page (Setup > Agents) shows "
                                    "it."));
            signedBy->setForeground(palette().color(QPalette::Disabled, QPalette::Text));
        } else if (signers.isEmpty()) {
            signedBy->setForeground(QColor(0xb3, 0x26, 0x1e));
        }
        m_table->setItem(i, 0, new QTableWidgetItem(a.name));
        m_table->setItem(i, 1, hash);
        m_table->setItem(i, 2, new QTableWidgetItem(a.osTypes.join(u", "_s)));
        m_table->setItem(i, 3,
                         new QTableWidgetItem(a.hosts < 0 ? tr("—") : QString::number(a.hosts)));
        m_table->setItem(i, 4, signedBy);
        if (a.hash == selected)
            m_table->selectRow(i);
    }
    m_table->resizeColumnsToContents();
    // A verdict is about one package: once that agent is baked anew it says nothing any more.
    if (!m_verifiedHash.isEmpty()
        && std::none_of(agents.cbegin(), agents.cend(),
                        [this](const BakedAgent &a) { return a.hash == m_verifiedHash; }))
        clearVerification();
}

void AgentsPage::clearVerification()
{
    m_verifiedHash.clear();
    m_verdictTitle->clear();
    m_verdicts->clear();
}

void AgentsPage::setKeys(const QList<QPair<int, QString>> &keys, const QList<int> &accepted,
                         const QHash<int, QStringList> &refusingRules)
{
    m_keys = keys;
    m_accepted = accepted;
    m_refusingRules = refusingRules;
    m_sign->setEnabled(!keys.isEmpty());
    m_bakeSign->setEnabled(!keys.isEmpty());
    setAgents(m_agents);
}

void AgentsPage::setJob(const BakingJob &job, qint64 elapsedMs)
{
    const bool running = job.state == u"running"_s;
    QString text;
    if (running)
        text = tr("Running for %1 s…").arg(elapsedMs / 1000);
    else if (job.state == u"finished"_s)
        text = tr("Finished.");
    else
        text = tr("No baking job has run since the site started.");
    m_jobState->setText(text);
    m_jobProgress->setVisible(running || job.state == u"finished"_s);
    m_jobProgress->setValue(job.progress < 0 ? (running ? 0 : 100) : int(job.progress * 100));
    if (m_log->toPlainText() != job.log.join(u'\n'))
        m_log->setPlainText(job.log.join(u'\n'));
    m_bake->setEnabled(!running);
    m_bakeSign->setEnabled(!running && !m_keys.isEmpty());
    m_sign->setEnabled(!running && !m_keys.isEmpty());
}

void AgentsPage::setVerification(const QString &hash, const QStringList &lines, bool ok)
{
    m_verifiedHash = hash;
    m_verdictTitle->setText(
        ok ? tr("Agent %1: every package has a valid signature of a key the rules accept.")
                 .arg(hash)
           : tr("Agent %1: NOT every package has a valid signature of a key the rules accept — "
                "hosts would refuse it.")
                 .arg(hash));
    m_verdictTitle->setStyleSheet(ok ? u"color:#1e7e34;font-weight:bold"_s
                                     : u"color:#b3261e;font-weight:bold"_s);
    m_verdicts->setPlainText(lines.join(u'\n'));
}

bool AgentsPage::confirmSigningKey(int keyId)
{
    const QStringList refusing = m_refusingRules.value(keyId);
    if (refusing.isEmpty())
        return true;
    QString alias = tr("key %1").arg(keyId);
    for (const auto &[id, name] : std::as_const(m_keys)) {
        if (id == keyId)
            alias = name;
    }
    return confirm(tr("Sign with a key the rules do not accept?"),
                   tr("These agent updater rules do not accept %1:\n\n• %2\n\nHosts that get "
                      "their signature keys from them refuse agents signed only with it. Add the "
                      "key to those rules first, or sign with a key they accept.")
                       .arg(alias, refusing.join(u"\n• "_s)),
                   tr("Sign &anyway"));
}

void AgentsPage::showError(const ApiError &error, const QString &context)
{
    m_banner->showError(error, context);
}

void AgentsPage::showMessage(const QString &text)
{
    m_banner->showMessage(text);
}

QString AgentsPage::selectedHash() const
{
    const auto rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : m_agents.value(rows.first().row()).hash;
}

void AgentsPage::askBake()
{
    const bool anySigned = std::any_of(m_agents.cbegin(), m_agents.cend(),
                                       [](const BakedAgent &a) { return !a.signatures.isEmpty(); });
    if (anySigned
        && !confirm(tr("Bake unsigned agents?"),
                    tr("The current agents are signed. Baking replaces them with unsigned "
                       "agents: hosts stop updating until the agents are signed again.\n\n"
                       "To keep hosts updating, choose Bake and sign instead."),
                    tr("Bake &unsigned")))
        return;
    Q_EMIT bakeRequested();
}

void AgentsPage::askSign(bool bake)
{
    if (m_signDialog)
        return; // one at a time: its request may still be on its way
    auto *dialog = new SignDialog(m_keys, m_accepted.value(0), bake, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // Open until the site has answered: a refusal keeps everything typed, and offers the fixes
    // this page's banner offers.
    dialog->setStayOpen(true);
    dialog->setRemedies(m_banner->remedies());
    m_signDialog = dialog;
    connect(dialog, &SignDialog::submitted, this, [this, dialog, bake] {
        if (!confirmSigningKey(dialog->keyId())) {
            ApiError refused = ApiError::local(tr("Not signed"));
            refused.fields.insert(
                QString::fromLatin1(SignDialog::keyField),
                { tr("Not signed: choose a key the rules accept, or sign anyway.") });
            dialog->finish(false, refused);
            return;
        }
        QByteArray passphrase = dialog->passphrase();
        Q_EMIT signRequested(dialog->keyId(), passphrase, bake);
        PassphraseField::wipe(passphrase);
    });
    dialog->open();
}

void AgentsPage::finishSign(bool ok, const ApiError &error)
{
    if (m_signDialog) {
        m_signDialog->finish(ok, error);
        return;
    }
    if (!ok)
        showError(error, tr("The agents were not signed."));
}
