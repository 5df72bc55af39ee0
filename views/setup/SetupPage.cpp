#include "SetupPage.h"

#include "FlowLayout.h"
#include "HeaderMemory.h"

#include <QCheckBox>
#include <QEvent>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QTableWidget>
#include <QVBoxLayout>

#include "ErrorBanner.h"

using namespace Qt::StringLiterals;

namespace {
std::optional<bool> nextConfirmation;

QString buttonText(Prerequisites::Item item)
{
    switch (item) {
    case Prerequisites::Item::SignatureKey:
        return QObject::tr("Signature keys…");
    case Prerequisites::Item::UpdaterRule:
        return QObject::tr("Agent updater rule…");
    case Prerequisites::Item::SignedAgents:
        return QObject::tr("Agents and baking…");
    case Prerequisites::Item::RegisteredHost:
        return QObject::tr("Register a machine…");
    default:
        return {};
    }
}
// What's This of a prerequisite, in the manual's terms: what it is and what meets it.
QString itemHelp(Prerequisites::Item item)
{
    switch (item) {
    case Prerequisites::Item::SignatureKey:
        return SetupPage::tr(
            "Signature key: an RSA key pair with which the site signs the agent packages. The "
            "updater installs only packages signed with a key its rule accepts. Met when the "
            "site has at least one key (Setup › Agents › Signature keys).");
    case Prerequisites::Item::UpdaterRule:
        return SetupPage::tr(
            "Agent updater rule (Agent updater (Linux, Windows, Solaris)): deploys the update "
            "plug-in with the agent and tells it the update server and the accepted signature "
            "keys. Met when an enabled rule activates the plug-in.");
    case Prerequisites::Item::SignedAgents:
        return SetupPage::tr(
            "Signed agents: the packages baked after the last rule change, signed with a key the "
            "rule accepts. Met when the baked agents are current and signed.");
    case Prerequisites::Item::RegisteredHost:
        return SetupPage::tr(
            "Registered host: a host whose updater was registered with cmk-update-agent register "
            "(or Register machine); only registered hosts can fetch their agent.");
    case Prerequisites::Item::MasterSwitch:
        return SetupPage::tr(
            "Master switch (Activation of automatic agent updates): off, every update check is "
            "answered with \"deployment is currently globally disabled\"; all settings are kept.");
    default:
        return {};
    }
}
} // namespace

void SetupPage::setNextConfirmation(std::optional<bool> answer)
{
    nextConfirmation = answer;
}

SetupPage::SetupPage(QWidget *parent)
    : QWidget(parent)
    , m_checklist(new QGridLayout)
    , m_switch(new QCheckBox(tr("&Activation of automatic agent updates (master switch)"), this))
    , m_switchState(new QLabel(this))
    , m_saveSwitch(new QPushButton(tr("&Save the master switch"), this))
    , m_pendingLabel(new QLabel(this))
    , m_pendingList(new QListWidget(this))
    , m_showPending(new QPushButton(tr("Show &changes"), this))
    , m_activate(new QPushButton(tr("Ac&tivate changes"), this))
    , m_activationProgress(new QProgressBar(this))
    , m_activationText(new QLabel(this))
    , m_rules(new QTableWidget(this))
    , m_reload(new QPushButton(tr("&Reload"), this))
    , m_noRules(new QLabel(this))
    , m_banner(new ErrorBanner(this))
{
    setObjectName(u"setupPage"_s);
    m_switch->setObjectName(u"masterSwitch"_s);
    m_activate->setObjectName(u"activateChanges"_s);
    m_pendingLabel->setObjectName(u"pendingLabel"_s);
    m_activationText->setObjectName(u"activationText"_s);
    m_rules->setObjectName(u"rulesTable"_s);

    auto *title = new QLabel(tr("Automatic agent updates"), this);
    QFont f = title->font();
    f.setPointSizeF(f.pointSizeF() * 1.5);
    f.setBold(true);
    title->setFont(f);
    auto *header = new QHBoxLayout;
    header->addWidget(title, 1);
    header->addWidget(m_reload);

    auto *checkBox = new QGroupBox(tr("Prerequisites"), this);
    m_checklist->setColumnStretch(1, 1);
    m_checklist->setHorizontalSpacing(12);
    checkBox->setLayout(m_checklist);

    auto *switchBox = new QGroupBox(tr("Master switch"), this);
    auto *switchLayout = new QVBoxLayout(switchBox);
    m_switchState->setWordWrap(true);
    switchLayout->addWidget(m_switch);
    switchLayout->addWidget(m_switchState);
    m_saveSwitch->setObjectName(u"saveMasterSwitch"_s);
    m_saveSwitch->setWhatsThis(
        tr("Shown when the master switch changed on the site while you were choosing and you "
           "chose to keep editing: writes your choice onto the version you were shown. If it "
           "changed once more, you are asked again."));
    m_saveSwitch->hide();
    auto *saveSwitchRow = new QHBoxLayout;
    saveSwitchRow->addWidget(m_saveSwitch);
    saveSwitchRow->addStretch(1);
    switchLayout->addLayout(saveSwitchRow);
    connect(m_saveSwitch, &QPushButton::clicked, this,
            [this] { Q_EMIT masterSwitchRequested(m_switch->isChecked()); });

    auto *pendingBox = new QGroupBox(tr("Pending changes"), this);
    auto *pendingLayout = new QVBoxLayout(pendingBox);
    // The label wraps and the buttons go below it when the window is narrow (or the language
    // long), so this box never forces the page wider than the window.
    m_pendingLabel->setWordWrap(true);
    auto *pendingRow = new QVBoxLayout;
    pendingRow->addWidget(m_pendingLabel);
    auto *pendingButtons = new FlowLayout(nullptr, 6, 6);
    pendingButtons->addWidget(m_showPending);
    pendingButtons->addWidget(m_activate);
    pendingRow->addLayout(pendingButtons);
    m_showPending->setCheckable(true);
    m_pendingList->hide();
    m_pendingList->setMaximumHeight(120);
    m_activationProgress->setRange(0, 0);
    m_activationProgress->hide();
    m_activationText->setWordWrap(true);
    pendingLayout->addLayout(pendingRow);
    pendingLayout->addWidget(m_pendingList);
    pendingLayout->addWidget(m_activationProgress);
    pendingLayout->addWidget(m_activationText);

    auto *rulesBox = new QGroupBox(tr("Agent updater rules (first rule per parameter wins)"), this);
    auto *rulesLayout = new QVBoxLayout(rulesBox);
    m_rules->setColumnCount(6);
    m_rules->setHorizontalHeaderLabels({ tr("#"), tr("Folder"), tr("Description"), tr("State"),
                                         tr("Update server"), tr("Accepted keys") });
    m_rules->verticalHeader()->hide();
    m_rules->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_rules->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_rules->horizontalHeader()->setStretchLastSection(true);
    HeaderMemory::attach(m_rules->horizontalHeader(), u"rules"_s);
    m_rules->viewport()->installEventFilter(this);
    m_rules->setMinimumHeight(110);
    m_noRules->setWordWrap(true);
    m_noRules->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_noRules->setText(
        tr("There is no rule in \"Agent updater (Linux, Windows, Solaris)\" yet. Create one with "
           "New rule: an update server and the signature keys the agents will accept."));
    m_noRules->hide();
    rulesLayout->addWidget(m_noRules);
    rulesLayout->addWidget(m_rules);
    auto *ruleButtons = new FlowLayout(nullptr, 6, 6);
    auto *newRule = new QPushButton(tr("&New rule…"), this);
    newRule->setObjectName(u"newRule"_s);
    m_editRule = new QPushButton(tr("&Edit…"), this);
    m_deleteRule = new QPushButton(tr("De&lete"), this);
    m_toggleRule = new QPushButton(tr("Disa&ble"), this);
    // Order decides: the first rule per parameter wins, so rules move with the site's action.
    m_moveUp = new QPushButton(tr("Move &up"), this);
    m_moveUp->setObjectName(u"moveRuleUp"_s);
    m_moveDown = new QPushButton(tr("Move do&wn"), this);
    m_moveDown->setObjectName(u"moveRuleDown"_s);
    ruleButtons->addWidget(newRule);
    ruleButtons->addWidget(m_editRule);
    ruleButtons->addWidget(m_toggleRule);
    ruleButtons->addWidget(m_moveUp);
    ruleButtons->addWidget(m_moveDown);
    ruleButtons->addWidget(m_deleteRule);
    rulesLayout->addLayout(ruleButtons);
    const auto selectedRow = [this] {
        const auto rows = m_rules->selectionModel()->selectedRows();
        return rows.isEmpty() ? -1 : rows.first().row();
    };
    connect(newRule, &QPushButton::clicked, this, [this] { Q_EMIT editRuleRequested(-1); });
    connect(m_editRule, &QPushButton::clicked, this,
            [this, selectedRow] { Q_EMIT editRuleRequested(selectedRow()); });
    connect(m_rules, &QTableWidget::cellDoubleClicked, this,
            [this](int row) { Q_EMIT editRuleRequested(row); });
    connect(m_deleteRule, &QPushButton::clicked, this, [this, selectedRow] {
        const int row = selectedRow();
        if (row >= 0
            && QMessageBox::question(this, tr("Delete rule"),
                                     tr("Delete rule %1 of \"Agent updater\"?").arg(row + 1))
                == QMessageBox::Yes)
            Q_EMIT deleteRuleRequested(row);
    });
    connect(m_toggleRule, &QPushButton::clicked, this,
            [this, selectedRow] { Q_EMIT toggleRuleRequested(selectedRow()); });
    connect(m_moveUp, &QPushButton::clicked, this,
            [this, selectedRow] { Q_EMIT moveRuleRequested(selectedRow(), -1); });
    connect(m_moveDown, &QPushButton::clicked, this,
            [this, selectedRow] { Q_EMIT moveRuleRequested(selectedRow(), +1); });
    connect(m_rules, &QTableWidget::itemSelectionChanged, this, [this, selectedRow] {
        const bool any = selectedRow() >= 0;
        m_editRule->setEnabled(any);
        m_deleteRule->setEnabled(any);
        m_toggleRule->setEnabled(any);
        m_moveUp->setEnabled(any);
        m_moveDown->setEnabled(any);
        if (any)
            m_toggleRule->setText(m_rules->item(selectedRow(), 3)->text() == tr("rule disabled")
                                      ? tr("Ena&ble")
                                      : tr("Disa&ble"));
    });
    m_editRule->setEnabled(false);
    m_deleteRule->setEnabled(false);
    m_toggleRule->setEnabled(false);
    m_moveUp->setEnabled(false);
    m_moveDown->setEnabled(false);

    // First rule per parameter wins: what one host really gets, and from which rule.
    auto *effectiveRow = new QHBoxLayout;
    m_effectiveHost = new QLineEdit(this);
    m_effectiveHost->setObjectName(u"effectiveHost"_s);
    m_effectiveHost->setPlaceholderText(tr("host name"));
    auto *effectiveLabel = new QLabel(tr("Effective value &for host:"), this);
    effectiveLabel->setBuddy(m_effectiveHost);
    auto *show = new QPushButton(tr("S&how"), this);
    effectiveRow->addWidget(effectiveLabel);
    effectiveRow->addWidget(m_effectiveHost, 1);
    effectiveRow->addWidget(show);
    rulesLayout->addLayout(effectiveRow);
    m_effectiveNote = new QLabel(this);
    m_effectiveNote->setWordWrap(true);
    m_effectiveNote->hide();
    rulesLayout->addWidget(m_effectiveNote);
    m_effective = new QTableWidget(this);
    m_effective->setObjectName(u"effectiveValue"_s);
    m_effective->setColumnCount(3);
    m_effective->setHorizontalHeaderLabels({ tr("Parameter"), tr("Value"), tr("From rule") });
    m_effective->verticalHeader()->hide();
    m_effective->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_effective->horizontalHeader()->setStretchLastSection(true);
    m_effective->hide();
    rulesLayout->addWidget(m_effective);
    const auto requestEffective = [this] {
        if (!m_effectiveHost->text().trimmed().isEmpty())
            Q_EMIT effectiveValueRequested(m_effectiveHost->text().trimmed());
    };
    connect(show, &QPushButton::clicked, this, requestEffective);
    connect(m_effectiveHost, &QLineEdit::returnPressed, this, requestEffective);

    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    layout->addLayout(header);
    layout->addWidget(m_banner);
    layout->addWidget(checkBox);
    auto *row = new QHBoxLayout;
    row->addWidget(switchBox, 1);
    row->addWidget(pendingBox, 1);
    layout->addLayout(row);
    layout->addWidget(rulesBox, 1);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);

    // What's This (Shift+F1) on every item, in the manual's words.
    m_reload->setWhatsThis(tr("Reads the prerequisites, the master switch, the pending changes "
                              "and the agent updater rules from the site again (F5)."));
    m_switch->setWhatsThis(
        tr("Activation of automatic agent updates, the master switch (a global setting). Off, no "
           "host gets an update, while all other settings are kept; on, the hosts in the host "
           "selection fetch their signed agents. A change becomes a pending change."));
    m_showPending->setWhatsThis(tr("Shows the list of changes made on the site that are not "
                                   "activated yet."));
    m_activate->setWhatsThis(
        tr("Activate changes: makes the pending changes take effect on the site, as Checkmk's "
           "Activate changes does. Rule changes reach the hosts only after this and a new bake."));
    m_pendingList->setWhatsThis(tr("The changes not activated yet: who made them and what."));
    m_rules->setWhatsThis(tr(
        "The rules of the rule set Agent updater (Linux, Windows, Solaris), in the order the site "
        "evaluates them: rules in deeper folders first, then from top to bottom. For each "
        "parameter the first matching rule that sets it wins. Double-click a rule to edit it."));
    newRule->setWhatsThis(tr("Creates a rule: the update server, the check interval and the "
                             "signature keys the agents will accept."));
    m_editRule->setWhatsThis(tr("Opens the selected rule in the editor, with every parameter "
                                "and condition."));
    m_toggleRule->setWhatsThis(tr("Disables the selected rule (or enables it again): a disabled "
                                  "rule is kept but applies to no host."));
    m_moveUp->setWhatsThis(tr("Moves the selected rule up within its folder: the first rule per "
                              "parameter wins, so order decides."));
    m_moveDown->setWhatsThis(tr("Moves the selected rule down within its folder: the first rule "
                                "per parameter wins, so order decides."));
    m_deleteRule->setWhatsThis(tr("Deletes the selected rule on the site, after asking."));
    m_effectiveHost->setWhatsThis(
        tr("A host name: shows which value each parameter has for this host and from which rule, "
           "as the site decides it (folder, host tags, labels and host names of each rule)."));
    show->setWhatsThis(m_effectiveHost->whatsThis());
    m_effective->setWhatsThis(tr("The effective value for the host: each parameter, its value, "
                                 "and the rule it comes from (or the default when no rule sets "
                                 "it)."));

    connect(m_reload, &QPushButton::clicked, this, &SetupPage::refreshRequested);
    connect(m_switch, &QCheckBox::clicked, this, &SetupPage::onSwitchClicked);
    connect(m_activate, &QPushButton::clicked, this, &SetupPage::activateRequested);
    connect(m_showPending, &QPushButton::toggled, m_pendingList, &QWidget::setVisible);
    setMasterSwitch(std::nullopt);
    setPendingChanges({});
}

void SetupPage::setPrerequisites(const QList<Prerequisites::Result> &results)
{
    m_results = results;
    while (QLayoutItem *item = m_checklist->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    int row = 0;
    for (const Prerequisites::Result &r : results) {
        auto *mark = new QLabel(this);
        const bool met = r.state == Prerequisites::State::Met;
        const bool unknown = r.state == Prerequisites::State::Unknown;
        mark->setText(met ? u"✔"_s : unknown ? u"?"_s : u"✘"_s);
        mark->setStyleSheet(met           ? u"color:#1e7e34;font-weight:bold;font-size:14pt"_s
                                : unknown ? u"color:#6c637a;font-weight:bold;font-size:14pt"_s
                                          : u"color:#b3261e;font-weight:bold;font-size:14pt"_s);
        mark->setAccessibleName(met ? tr("met") : unknown ? tr("unknown") : tr("not met"));
        // Where the item was decided: the site's own status, or the console's reading.
        QString html = u"<b>%1</b><br>%2"_s.arg(r.title.toHtmlEscaped(), r.reason.toHtmlEscaped());
        if (!r.sourceText.isEmpty())
            html += u"<br><span style=\"color:#6c637a\">%1</span>"_s.arg(
                r.sourceText.toHtmlEscaped());
        auto *text = new QLabel(html, this);
        text->setWordWrap(true);
        text->setObjectName(u"prerequisite%1"_s.arg(row));
        text->setWhatsThis(itemHelp(r.item));
        m_checklist->addWidget(mark, row, 0, Qt::AlignTop);
        m_checklist->addWidget(text, row, 1);
        const QString label = buttonText(r.item);
        if (!label.isEmpty()) {
            auto *go = new QPushButton(label, this);
            // Also once met: the page that fixes an item is where it is looked after.
            go->setEnabled(true);
            go->setWhatsThis(itemHelp(r.item) + u"\n\n"_s
                             + tr("The button opens the page where this is looked after."));
            const Prerequisites::Item item = r.item;
            connect(go, &QPushButton::clicked, this, [this, item] { Q_EMIT goToRequested(item); });
            m_checklist->addWidget(go, row, 2, Qt::AlignTop);
        }
        ++row;
    }
}

void SetupPage::setMasterSwitch(std::optional<bool> on)
{
    m_saveSwitch->hide();
    m_updatingSwitch = true;
    m_switch->setEnabled(on.has_value());
    m_switch->setChecked(on.value_or(false));
    m_updatingSwitch = false;
    if (!on)
        m_switchState->setText(tr("The state of the master switch could not be read."));
    else if (*on)
        m_switchState->setText(tr("On: hosts in the host selection fetch their signed agents."));
    else
        m_switchState->setText(tr("Off: every update check is answered with \"deployment is "
                                  "currently globally disabled\"."));
}

void SetupPage::setMasterSwitchUnsaved(bool mine, std::optional<bool> theirs)
{
    m_updatingSwitch = true;
    m_switch->setEnabled(true);
    m_switch->setChecked(mine);
    m_updatingSwitch = false;
    // Whole sentences, so that each translates on its own.
    const QString yours = mine ? tr("Not saved: you turned the switch on.")
                               : tr("Not saved: you turned the switch off.");
    const QString site = !theirs ? tr("Somebody changed it on the site meanwhile, and its state "
                                      "there could not be read.")
        : *theirs ? tr("Somebody changed it on the site meanwhile; there it is on now.")
                  : tr("Somebody changed it on the site meanwhile; there it is off now.");
    m_switchState->setText(
        QStringList { yours, site, tr("Save yours, or reload to see theirs.") }.join(u' '));
    m_saveSwitch->show();
}

void SetupPage::onSwitchClicked(bool on)
{
    if (m_updatingSwitch)
        return;
    if (on) {
        const QStringList missing = Prerequisites::missing(m_results);
        if (!missing.isEmpty()) {
            bool yes;
            if (nextConfirmation) {
                yes = *nextConfirmation;
                nextConfirmation.reset();
            } else {
                yes = QMessageBox::warning(
                          this, tr("Turn on automatic updates?"),
                          tr("These prerequisites are not met:\n\n• %1\n\nHosts will report errors "
                             "until they are. Turn the master switch on anyway?")
                              .arg(missing.join(u"\n• "_s)),
                          QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
                    == QMessageBox::Yes;
            }
            if (!yes) {
                m_updatingSwitch = true;
                m_switch->setChecked(false);
                m_updatingSwitch = false;
                return;
            }
        }
    }
    Q_EMIT masterSwitchRequested(on);
}

void SetupPage::setPendingChanges(const QStringList &changes)
{
    m_pendingLabel->setText(changes.isEmpty()
                                ? tr("No pending changes.")
                                : tr("%n pending change(s).", nullptr, int(changes.size())));
    m_pendingList->clear();
    m_pendingList->addItems(changes);
    m_showPending->setEnabled(!changes.isEmpty());
    m_activate->setEnabled(!changes.isEmpty() && m_activationProgress->isHidden());
    // "Changes activated." describes a past situation: new changes make it wrong.
    if (!changes.isEmpty() && m_activationProgress->isHidden())
        m_activationText->clear();
}

void SetupPage::setActivation(bool running, const QString &text)
{
    m_activationProgress->setVisible(running);
    m_activationText->setText(text);
    if (running)
        m_activate->setEnabled(false);
}

void SetupPage::setRules(const QList<AgentUpdaterRule> &rules,
                         const QList<Prerequisites::KeyInfo> &keys)
{
    m_rules->setRowCount(int(rules.size()));
    m_noRules->setVisible(rules.isEmpty());
    m_rules->setVisible(!rules.isEmpty());
    for (int i = 0; i < rules.size(); ++i) {
        const AgentUpdaterRule &r = rules.at(i);
        const AgentUpdaterConfig c = r.config();
        QStringList accepted;
        for (const QString &pem : c.signatureKeys.value_or(QStringList())) {
            QString name = tr("(unknown key)");
            for (const Prerequisites::KeyInfo &k : keys) {
                if (QByteArray(k.certificatePem).trimmed() == pem.toUtf8().trimmed())
                    name = k.alias;
            }
            accepted << name;
        }
        const QString state = r.properties.disabled ? tr("rule disabled")
            : c.activated.has_value()
            ? (*c.activated ? tr("deploys the updater") : tr("updater off"))
            : tr("—");
        const QString server = c.serverData
            ? u"%1/%2 (%3)"_s.arg(c.serverData->server, c.serverData->site, c.serverData->protocol)
            : tr("—");
        const QStringList cells { QString::number(i + 1),
                                  r.folder,
                                  r.properties.description,
                                  state,
                                  server,
                                  c.signatureKeys ? accepted.join(u", "_s) : tr("—") };
        for (int col = 0; col < cells.size(); ++col)
            m_rules->setItem(i, col, new QTableWidgetItem(cells.at(col)));
    }
    m_rules->resizeColumnsToContents();
    m_descriptionWidth = m_rules->columnWidth(2);
    fitRuleColumns();
    m_editRule->setEnabled(false);
    m_deleteRule->setEnabled(false);
    m_toggleRule->setEnabled(false);
    m_moveUp->setEnabled(false);
    m_moveDown->setEnabled(false);
}

// The description is free text and gives way first, so that the last (stretched) column keeps
// the room its title and keys need in a 1,024 px window instead of being cut. Done again
// whenever the table's width changes: the rules may arrive before the window has its size.
void SetupPage::fitRuleColumns()
{
    if (m_rules->rowCount() == 0 || m_descriptionWidth == 0)
        return;
    const int last = m_rules->columnCount() - 1;
    int others = 0;
    for (int col = 0; col < last; ++col)
        others += col == 2 ? m_descriptionWidth : m_rules->columnWidth(col);
    int lastNeeds = m_rules->horizontalHeader()->sectionSizeHint(last);
    for (int row = 0; row < m_rules->rowCount(); ++row) {
        if (const QTableWidgetItem *item = m_rules->item(row, last))
            lastNeeds
                = qMax(lastNeeds, m_rules->fontMetrics().horizontalAdvance(item->text()) + 12);
    }
    const int excess = others + lastNeeds - m_rules->viewport()->width();
    m_rules->setColumnWidth(
        2, excess > 0 ? qMax(120, m_descriptionWidth - excess) : m_descriptionWidth);
}

bool SetupPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_rules->viewport() && event->type() == QEvent::Resize)
        fitRuleColumns();
    return QWidget::eventFilter(watched, event);
}

void SetupPage::setBusy(bool busy)
{
    m_reload->setEnabled(!busy);
    m_reload->setText(busy ? tr("Loading…") : tr("&Reload"));
}

void SetupPage::showError(const ApiError &error, const QString &context)
{
    m_banner->showError(error, context);
}

ErrorBanner::Remedies SetupPage::errorRemedies() const
{
    return m_banner->remedies();
}

void SetupPage::showMessage(const QString &text)
{
    m_banner->showMessage(text);
}

void SetupPage::setEffectiveValue(const QString &host, const QList<QStringList> &rows,
                                  const QString &note)
{
    m_effectiveNote->setText(note.isEmpty() ? tr("What %1 gets, parameter by parameter:").arg(host)
                                            : note);
    m_effectiveNote->show();
    m_effective->setVisible(!rows.isEmpty());
    m_effective->setRowCount(int(rows.size()));
    for (int r = 0; r < rows.size(); ++r) {
        for (int c = 0; c < 3; ++c)
            m_effective->setItem(r, c, new QTableWidgetItem(rows.at(r).value(c)));
    }
    m_effective->resizeColumnsToContents();
    m_effective->setMinimumHeight(qMin(220, 30 + 26 * int(rows.size())));
}
