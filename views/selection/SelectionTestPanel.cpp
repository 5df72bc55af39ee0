#include "SelectionTestPanel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTableWidget>
#include <QVBoxLayout>

#include "HostNameCompleter.h"
#include "HostSelectionEvaluator.h"
#include "Inventory.h"

using namespace Qt::StringLiterals;

namespace {

void colourCell(QTableWidgetItem *item, HostSelectionEvaluator::Verdict verdict)
{
    switch (verdict) {
    case HostSelectionEvaluator::Verdict::Selected:
        item->setBackground(QColor(0xd4, 0xed, 0xda));
        item->setForeground(QColor(0x15, 0x57, 0x24));
        break;
    case HostSelectionEvaluator::Verdict::NotSelected:
        item->setBackground(QColor(0xf8, 0xd7, 0xda));
        item->setForeground(QColor(0x72, 0x1c, 0x24));
        break;
    case HostSelectionEvaluator::Verdict::Unknown:
        item->setBackground(QColor(0xff, 0xf3, 0xcd));
        item->setForeground(QColor(0x85, 0x64, 0x04));
        break;
    }
}

} // namespace

SelectionTestPanel::SelectionTestPanel(QWidget *parent)
    : QGroupBox(tr("Test"), parent)
    , m_host(new QLineEdit(this))
    , m_completer(new HostNameCompleter(m_host))
    , m_verdict(new QLabel(this))
    , m_message(new QLabel(this))
    , m_masterSwitch(new QLabel(this))
    , m_conditions(new QTableWidget(0, 4, this))
{
    auto *label = new QLabel(tr("Test with this host &name:"), this);
    m_host->setObjectName(u"testHost"_s);
    m_host->setPlaceholderText(tr("Host name from the inventory"));
    m_host->setClearButtonEnabled(true);
    label->setBuddy(m_host);
    m_host->setWhatsThis(tr("Test with this host name: shows whether the host selection, as "
                            "edited, picks the host, and each condition with the host's own "
                            "value. A left-out host reports \"agent updates are disabled for "
                            "host …\"."));
    connect(m_host, &QLineEdit::textChanged, this, &SelectionTestPanel::update);

    m_verdict->setObjectName(u"testVerdict"_s);
    m_message->setObjectName(u"testMessage"_s);
    m_message->setWordWrap(true);
    m_masterSwitch->setObjectName(u"masterSwitchLabel"_s);
    m_masterSwitch->setWordWrap(true);
    m_masterSwitch->hide();

    m_conditions->setObjectName(u"testConditions"_s);
    m_conditions->setHorizontalHeaderLabels(
        { tr("Condition"), tr("Expected"), tr("This host"), tr("Holds") });
    m_conditions->verticalHeader()->hide();
    m_conditions->setWhatsThis(tr("Each condition of the selection: what it expects, what the "
                                  "tested host has, and whether it holds. All must hold (logical "
                                  "AND)."));
    m_conditions->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_conditions->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_conditions->setWordWrap(false);
    m_conditions->setTextElideMode(Qt::ElideRight);
    auto *header = m_conditions->horizontalHeader();
    header->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(1, QHeaderView::Stretch);
    header->setSectionResizeMode(2, QHeaderView::Stretch);
    header->setSectionResizeMode(3, QHeaderView::ResizeToContents);

    auto *entry = new QHBoxLayout;
    entry->addWidget(label);
    entry->addWidget(m_host, 1);
    auto *verdict = new QHBoxLayout;
    verdict->addWidget(m_verdict);
    verdict->addWidget(m_message, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(entry);
    layout->addLayout(verdict);
    layout->addWidget(m_masterSwitch);
    layout->addWidget(m_conditions, 1);
    update();
}

void SelectionTestPanel::setInventory(std::shared_ptr<const Inventory> inventory)
{
    m_inventory = std::move(inventory);
    m_completer->setInventory(m_inventory);
    update();
}

void SelectionTestPanel::setSelection(const HostSelection &selection)
{
    m_selection = selection;
    update();
}

void SelectionTestPanel::setMasterSwitch(bool on)
{
    m_masterSwitch->setText(
        on ? tr("Automatic updates are switched on.")
           : tr("Automatic updates are switched off: even selected hosts get no updates"));
    m_masterSwitch->setStyleSheet(on ? QString() : u"color: #856404; font-weight: bold;"_s);
    m_masterSwitch->show();
}

void SelectionTestPanel::update()
{
    using Verdict = HostSelectionEvaluator::Verdict;
    m_conditions->setRowCount(0);
    m_verdict->clear();
    m_verdict->setStyleSheet(QString());
    const QString name = m_host->text().trimmed();
    if (!m_inventory || m_inventory->isEmpty()) {
        m_message->setText(tr("No hosts in the inventory yet: reload to test a host."));
        return;
    }
    if (name.isEmpty()) {
        m_message->setText(
            tr("Type a host name to see whether the edited selection picks it, and why."));
        return;
    }
    const qsizetype index = m_inventory->indexOf(name);
    if (index < 0) {
        m_verdict->setText(tr("Unknown host"));
        m_message->setText(tr("There is no host named \"%1\" in the inventory.").arg(name));
        return;
    }
    const Host host = m_inventory->host(index);
    const HostSelectionEvaluator evaluator(m_selection);
    const Verdict verdict = evaluator.evaluate(host);
    switch (verdict) {
    case Verdict::Selected:
        m_verdict->setText(tr("Selected"));
        m_verdict->setStyleSheet(u"font-weight: bold; color: #155724;"_s);
        break;
    case Verdict::NotSelected:
        m_verdict->setText(tr("Not selected"));
        m_verdict->setStyleSheet(u"font-weight: bold; color: #721c24;"_s);
        break;
    case Verdict::Unknown:
        m_verdict->setText(tr("Cannot be decided here"));
        m_verdict->setStyleSheet(u"font-weight: bold; color: #856404;"_s);
        break;
    }
    const QList<HostSelectionEvaluator::ConditionResult> results = evaluator.explain(host);
    if (results.isEmpty())
        m_message->setText(tr("The selection has no conditions: it picks every host."));
    else if (verdict == Verdict::Selected)
        m_message->setText(tr("All conditions hold."));
    else if (verdict == Verdict::NotSelected)
        m_message->setText(tr("A condition fails (marked \"no\" below)."));
    else
        m_message->setText(tr("It depends on host groups that the site does not report; "
                              "the site decides when the agent asks for an update."));

    m_conditions->setRowCount(int(results.size()));
    for (int row = 0; row < results.size(); ++row) {
        const auto &result = results.at(row);
        const QStringList cells = {
            HostSelectionEvaluator::conditionName(result.condition),
            result.expected,
            result.hostValue,
            result.verdict == Verdict::Selected
                ? tr("yes")
                : (result.verdict == Verdict::NotSelected ? tr("no") : tr("cannot tell")),
        };
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem(cells.at(column));
            item->setToolTip(cells.at(column));
            if (column == 3)
                colourCell(item, result.verdict);
            m_conditions->setItem(row, column, item);
        }
    }
}
