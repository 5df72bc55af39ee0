#include "HostSelectionPage.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTimer>
#include <QVBoxLayout>

#include "ErrorBanner.h"
#include "Inventory.h"
#include "SelectionConditionEditors.h"
#include "SelectionPreview.h"
#include "SelectionPreviewPanel.h"
#include "SelectionTestPanel.h"

using namespace Qt::StringLiterals;

namespace {

constexpr int DebounceMs = 150;
constexpr qsizetype NamedDroppedHosts = 5;

// The same selection written in another order or folder spelling is no change.
HostSelection normalized(HostSelection s)
{
    for (QString &f : s.folders)
        f = HostSelection::normalFolder(f);
    for (QStringList *list : { &s.sites, &s.folders, &s.hostGroups, &s.hosts, &s.excludedHosts }) {
        list->sort();
        list->removeDuplicates();
    }
    return s;
}

} // namespace

HostSelectionPage::HostSelectionPage(QWidget *parent)
    : QWidget(parent)
    , m_banner(new ErrorBanner(this))
    , m_busyLabel(new QLabel(this))
    , m_editors(new SelectionConditionEditors)
    , m_test(new SelectionTestPanel)
    , m_preview(new SelectionPreviewPanel)
    , m_previewTimer(new QTimer(this))
{
    setObjectName(u"hostSelectionPage"_s);
    m_previewTimer->setSingleShot(true);
    m_previewTimer->setInterval(DebounceMs);
    connect(m_previewTimer, &QTimer::timeout, this, &HostSelectionPage::recompute);
    connect(m_editors, &SelectionConditionEditors::edited, this, &HostSelectionPage::edited);
    connect(m_editors, &SelectionConditionEditors::inputRejected, this,
            [this](const QString &message) {
                m_banner->showMessage(message, true);
                m_banner->show();
            });

    m_banner->hide();
    m_busyLabel->hide();
    m_busyLabel->setObjectName(u"busyLabel"_s);

    auto *intro = new QLabel(
        tr("Hosts that get automatic agent updates. All conditions must hold; an empty "
           "selection means all hosts."),
        this);
    intro->setWordWrap(true);

    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(u"conditionScroll"_s);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    // The editors fit the width (they scroll only down): nothing hides to the right.
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setWidget(m_editors);

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_test, 1);
    rightLayout->addWidget(m_preview, 1);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(scroll);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);

    m_saveButton = new QPushButton(tr("&Save selection"), this);
    m_saveButton->setObjectName(u"saveButton"_s);
    m_saveButton->setDefault(false);
    m_revertButton = new QPushButton(tr("&Revert"), this);
    m_revertButton->setObjectName(u"revertButton"_s);
    m_revertButton->setToolTip(tr("Discard the edits and go back to the saved selection"));
    m_reloadButton = new QPushButton(tr("Re&load"), this);
    m_reloadButton->setObjectName(u"reloadButton"_s);
    m_reloadButton->setToolTip(tr("Fetch the selection, hosts and tags from the site again"));
    m_saveButton->setWhatsThis(tr("Writes the edited selection to the site's global setting "
                                  "\"Selection of hosts to activate agent updates for\". It "
                                  "takes effect after Activate changes."));
    m_revertButton->setWhatsThis(tr("Discards the edits and goes back to the selection as last "
                                    "read from the site."));
    m_reloadButton->setWhatsThis(tr("Reads the selection, the hosts and the tag groups from the "
                                    "site again."));
    connect(m_saveButton, &QPushButton::clicked, this, &HostSelectionPage::save);
    connect(m_revertButton, &QPushButton::clicked, this, [this] { setEditedSelection(m_saved); });
    connect(m_reloadButton, &QPushButton::clicked, this, &HostSelectionPage::reloadRequested);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_saveButton);
    buttons->addWidget(m_revertButton);
    buttons->addStretch(1);
    buttons->addWidget(m_reloadButton);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addWidget(m_busyLabel);
    layout->addWidget(intro);
    layout->addWidget(splitter, 1);
    layout->addLayout(buttons);

    updateButtons();
    recompute();
}

void HostSelectionPage::setInventory(std::shared_ptr<const Inventory> inventory)
{
    m_inventory = std::move(inventory);
    m_editors->setInventory(m_inventory);
    m_test->setInventory(m_inventory);
    recompute(); // not an edit: no reason to wait for more keystrokes
}

void HostSelectionPage::setTagGroups(const QList<TagGroup> &groups)
{
    m_editors->setTagGroups(groups);
}

void HostSelectionPage::setSites(const QStringList &sites)
{
    m_editors->setSites(sites);
}

void HostSelectionPage::setHostGroups(const QStringList &groups)
{
    m_editors->setHostGroups(groups);
}

void HostSelectionPage::setSavedSelection(const HostSelection &selection)
{
    m_saved = selection;
    setEditedSelection(selection);
    recompute();
}

void HostSelectionPage::setEditedSelection(const HostSelection &selection)
{
    m_editors->setSelection(selection);
    updateButtons();
    m_test->setSelection(editedSelection());
    m_previewTimer->start();
}

HostSelection HostSelectionPage::editedSelection() const
{
    return m_editors->selection();
}

void HostSelectionPage::setMasterSwitch(bool on)
{
    m_test->setMasterSwitch(on);
}

void HostSelectionPage::setBusy(bool busy, const QString &text)
{
    m_busy = busy;
    m_busyLabel->setText(text);
    m_busyLabel->setVisible(busy && !text.isEmpty());
    // No edits while a save is under way: the page could not tell which version was saved.
    m_editors->setEnabled(!busy);
    updateButtons();
}

void HostSelectionPage::showError(const ApiError &error)
{
    m_banner->showError(error);
    m_banner->show();
}

bool HostSelectionPage::hasUnsavedChanges() const
{
    return normalized(editedSelection()) != normalized(m_saved);
}

void HostSelectionPage::edited()
{
    updateButtons();
    m_test->setSelection(editedSelection());
    m_previewTimer->start(); // restarts: one recomputation after the user stops typing
}

void HostSelectionPage::updateButtons()
{
    const bool changed = hasUnsavedChanges();
    m_saveButton->setEnabled(!m_busy && changed);
    m_revertButton->setEnabled(!m_busy && changed);
    m_reloadButton->setEnabled(!m_busy);
}

void HostSelectionPage::recompute()
{
    m_previewTimer->stop();
    if (!m_inventory || m_inventory->isEmpty()) {
        m_preview->showNoInventory();
        return;
    }
    m_preview->showPreview(*m_inventory,
                           SelectionPreview::compute(*m_inventory, m_saved, editedSelection()));
}

QString HostSelectionPage::bigChangeQuestion() const
{
    if (!m_inventory || m_inventory->isEmpty())
        return {};
    const SelectionPreview preview
        = SelectionPreview::compute(*m_inventory, m_saved, editedSelection());
    const QLocale locale;
    const qsizetype removed = preview.removed.count();
    const bool none = preview.count() == 0 && preview.unknown.none();
    // More than 10 % of what is selected now stops getting updates.
    const bool many = preview.savedCount > 0 && removed * 10 > preview.savedCount;
    if (!none && !many)
        return {};
    QString text = none
        ? tr("The edited selection selects none of the %1 hosts: no host would get automatic "
             "updates.")
              .arg(locale.toString(m_inventory->size()))
        : tr("The edited selection drops %1 of the %2 hosts selected now (%3 %): they would "
             "stop getting automatic updates.")
              .arg(locale.toString(removed), locale.toString(preview.savedCount),
                   locale.toString(qRound(100.0 * double(removed) / double(preview.savedCount))));
    if (removed > 0) {
        const QStringList names = m_inventory->names(preview.removed, NamedDroppedHosts);
        text += u"\n\n"_s
            + (removed > names.size()
                   ? tr("Dropped, among others: %1 and %2 more.")
                         .arg(names.join(u", "_s), locale.toString(removed - names.size()))
                   : tr("Dropped: %1.").arg(names.join(u", "_s)));
    }
    return text + u"\n\n"_s + tr("Save this selection?");
}

void HostSelectionPage::save()
{
    if (!hasUnsavedChanges())
        return;
    const QString question = bigChangeQuestion();
    if (!question.isEmpty()) {
        QMessageBox box(QMessageBox::Warning, tr("Save the host selection?"), question,
                        QMessageBox::Save | QMessageBox::Cancel, this);
        box.setObjectName(u"bigChangeQuestion"_s);
        box.setDefaultButton(QMessageBox::Cancel); // a stray Enter changes nothing
        if (box.exec() != QMessageBox::Save)
            return;
    }
    Q_EMIT saveRequested(editedSelection());
}
