#include "HostSelectionPage.h"

#include <QBrush>
#include <QColor>
#include <QComboBox>
#include <QCompleter>
#include <QCoreApplication>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QSet>
#include <QSplitter>
#include <QStringListModel>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

#include "ErrorBanner.h"
#include "HostSelectionEvaluator.h"
#include "SelectionPreview.h"

using namespace Qt::StringLiterals;

namespace {

// Lists longer than this show their start and a count: filling a list widget with 100,000
// items would freeze the page on every edit.
constexpr qsizetype MaxListedHosts = 1000;
constexpr int DebounceMs = 150;

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

QStringList checkedValues(const QListWidget *list)
{
    QStringList out;
    for (int i = 0; i < list->count(); ++i) {
        const QListWidgetItem *item = list->item(i);
        if (item->checkState() == Qt::Checked)
            out << item->data(Qt::UserRole).toString();
    }
    return out;
}

QStringList listValues(const QListWidget *list)
{
    QStringList out;
    for (int i = 0; i < list->count(); ++i)
        out << list->item(i)->data(Qt::UserRole).toString();
    return out;
}

QCompleter *hostCompleter(QStringListModel *model, QObject *parent)
{
    auto *completer = new QCompleter(model, parent);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    // The model is sorted case-insensitively, so prefix lookups are binary searches.
    completer->setModelSorting(QCompleter::CaseInsensitivelySortedModel);
    completer->setMaxVisibleItems(12);
    return completer;
}

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

HostSelectionPage::HostSelectionPage(QWidget *parent)
    : QWidget(parent)
    , m_banner(new ErrorBanner(this))
    , m_busyLabel(new QLabel(this))
    , m_hostNames(new QStringListModel(this))
    , m_labelKeys(new QStringListModel(this))
    , m_previewTimer(new QTimer(this))
{
    setObjectName(u"hostSelectionPage"_s);
    m_previewTimer->setSingleShot(true);
    m_previewTimer->setInterval(DebounceMs);
    connect(m_previewTimer, &QTimer::timeout, this, &HostSelectionPage::recompute);

    m_banner->hide();
    m_busyLabel->hide();
    m_busyLabel->setObjectName(u"busyLabel"_s);

    auto *intro = new QLabel(
        tr("Hosts that get automatic agent updates. All conditions must hold; an empty "
           "selection means all hosts."),
        this);
    intro->setWordWrap(true);

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_editors = createEditors();
    scroll->setWidget(m_editors);

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(createTestPanel(), 1);
    rightLayout->addWidget(createPreviewPanel(), 1);

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
    connect(m_saveButton, &QPushButton::clicked, this, [this] {
        if (hasUnsavedChanges())
            Q_EMIT saveRequested(editedSelection());
    });
    connect(m_revertButton, &QPushButton::clicked, this, &HostSelectionPage::revert);
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

QWidget *HostSelectionPage::createEditors()
{
    auto *editors = new QWidget;
    auto *grid = new QGridLayout(editors);

    // Sites
    auto *sitesBox = new QGroupBox(tr("S&ites"), editors);
    m_siteList = new QListWidget(sitesBox);
    m_siteList->setObjectName(u"siteList"_s);
    m_siteList->setMaximumHeight(110);
    (new QVBoxLayout(sitesBox))->addWidget(m_siteList);
    connect(m_siteList, &QListWidget::itemChanged, this, &HostSelectionPage::edited);

    // Host groups
    auto *groupsBox = new QGroupBox(tr("Host &groups (any of)"), editors);
    m_groupList = new QListWidget(groupsBox);
    m_groupList->setObjectName(u"hostGroupList"_s);
    m_groupList->setMaximumHeight(110);
    (new QVBoxLayout(groupsBox))->addWidget(m_groupList);
    connect(m_groupList, &QListWidget::itemChanged, this, &HostSelectionPage::edited);

    // Folders
    auto *foldersBox = new QGroupBox(tr("&Folders (with subfolders)"), editors);
    m_folderList = new QListWidget(foldersBox);
    m_folderList->setObjectName(u"folderList"_s);
    m_folderList->setMaximumHeight(110);
    m_folderList->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_folderCombo = new QComboBox(foldersBox);
    m_folderCombo->setObjectName(u"folderCombo"_s);
    m_folderCombo->setEditable(true);
    m_folderCombo->setInsertPolicy(QComboBox::NoInsert);
    m_folderCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_folderCombo->setMinimumContentsLength(12);
    m_folderCombo->setToolTip(tr("A folder path such as /linux/web"));
    m_folderCombo->lineEdit()->setPlaceholderText(tr("Folder path"));
    auto *addFolder = new QPushButton(tr("Add"), foldersBox);
    addFolder->setObjectName(u"addFolderButton"_s);
    auto *removeFolder = new QPushButton(tr("Remove"), foldersBox);
    removeFolder->setObjectName(u"removeFolderButton"_s);
    connect(addFolder, &QPushButton::clicked, this, &HostSelectionPage::addFolder);
    connect(m_folderCombo->lineEdit(), &QLineEdit::returnPressed, this,
            &HostSelectionPage::addFolder);
    connect(removeFolder, &QPushButton::clicked, this, [this] {
        qDeleteAll(m_folderList->selectedItems());
        edited();
    });
    auto *folderRow = new QHBoxLayout;
    folderRow->addWidget(m_folderCombo, 1);
    folderRow->addWidget(addFolder);
    folderRow->addWidget(removeFolder);
    auto *foldersLayout = new QVBoxLayout(foldersBox);
    foldersLayout->addWidget(m_folderList);
    foldersLayout->addLayout(folderRow);

    // Host tags
    auto *tagsBox = new QGroupBox(tr("Host &tags"), editors);
    auto *tagsLayout = new QVBoxLayout(tagsBox);
    auto *tagRows = new QWidget(tagsBox);
    tagRows->setObjectName(u"tagRows"_s);
    m_tagRowsLayout = new QVBoxLayout(tagRows);
    m_tagRowsLayout->setContentsMargins(0, 0, 0, 0);
    auto *addTag = new QPushButton(tr("Add tag condition"), tagsBox);
    addTag->setObjectName(u"addTagButton"_s);
    connect(addTag, &QPushButton::clicked, this, [this] {
        addTagRow();
        edited();
    });
    tagsLayout->addWidget(tagRows);
    tagsLayout->addWidget(addTag, 0, Qt::AlignLeft);
    tagsLayout->addStretch(1);

    // Host labels
    auto *labelsBox = new QGroupBox(tr("Host la&bels"), editors);
    auto *labelsLayout = new QVBoxLayout(labelsBox);
    auto *labelRows = new QWidget(labelsBox);
    labelRows->setObjectName(u"labelRows"_s);
    m_labelRowsLayout = new QVBoxLayout(labelRows);
    m_labelRowsLayout->setContentsMargins(0, 0, 0, 0);
    auto *addLabel = new QPushButton(tr("Add label condition"), labelsBox);
    addLabel->setObjectName(u"addLabelButton"_s);
    connect(addLabel, &QPushButton::clicked, this, [this] {
        addLabelRow();
        m_labelRows.last().key->setFocus();
        edited();
    });
    labelsLayout->addWidget(labelRows);
    labelsLayout->addWidget(addLabel, 0, Qt::AlignLeft);
    labelsLayout->addStretch(1);

    auto *hostsBox = createHostListEditor(tr("E&xplicit hosts (only these)"), u"hosts"_s, &m_hosts);
    auto *excludedBox
        = createHostListEditor(tr("Excluded &hosts (never these)"), u"excluded"_s, &m_excluded);

    // One column: two side by side forced the page wider than a 1,024 px window and hid the
    // editors' Remove buttons; the column scrolls vertically instead.
    grid->addWidget(sitesBox, 0, 0);
    grid->addWidget(groupsBox, 1, 0);
    grid->addWidget(foldersBox, 2, 0);
    grid->addWidget(tagsBox, 3, 0);
    grid->addWidget(labelsBox, 4, 0);
    grid->addWidget(hostsBox, 5, 0);
    grid->addWidget(excludedBox, 6, 0);
    grid->setRowStretch(7, 1);
    return editors;
}

QGroupBox *HostSelectionPage::createHostListEditor(const QString &title, const QString &name,
                                                   HostListEditor *editor)
{
    auto *box = new QGroupBox(title);
    editor->list = new QListWidget(box);
    editor->list->setObjectName(name + u"List"_s);
    editor->list->setMaximumHeight(110);
    editor->list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    editor->edit = new QLineEdit(box);
    editor->edit->setObjectName(name + u"Edit"_s);
    editor->edit->setPlaceholderText(tr("Host name"));
    editor->edit->setCompleter(hostCompleter(m_hostNames, editor->edit));
    editor->add = new QPushButton(tr("Add"), box);
    editor->add->setObjectName(name + u"AddButton"_s);
    editor->remove = new QPushButton(tr("Remove"), box);
    editor->remove->setObjectName(name + u"RemoveButton"_s);
    connect(editor->add, &QPushButton::clicked, this, [this, editor] { addHostToList(editor); });
    connect(editor->edit, &QLineEdit::returnPressed, this,
            [this, editor] { addHostToList(editor); });
    connect(editor->remove, &QPushButton::clicked, this, [this, editor] {
        qDeleteAll(editor->list->selectedItems());
        edited();
    });
    auto *row = new QHBoxLayout;
    row->addWidget(editor->edit, 1);
    row->addWidget(editor->add);
    row->addWidget(editor->remove);
    auto *layout = new QVBoxLayout(box);
    layout->addWidget(editor->list);
    layout->addLayout(row);
    return box;
}

QWidget *HostSelectionPage::createTestPanel()
{
    auto *box = new QGroupBox(tr("Test"));
    auto *label = new QLabel(tr("Test with this host &name:"), box);
    m_testHost = new QLineEdit(box);
    m_testHost->setObjectName(u"testHost"_s);
    m_testHost->setPlaceholderText(tr("Host name from the inventory"));
    m_testHost->setClearButtonEnabled(true);
    m_testHost->setCompleter(hostCompleter(m_hostNames, m_testHost));
    label->setBuddy(m_testHost);
    connect(m_testHost, &QLineEdit::textChanged, this, &HostSelectionPage::updateTest);

    m_testVerdict = new QLabel(box);
    m_testVerdict->setObjectName(u"testVerdict"_s);
    m_testMessage = new QLabel(box);
    m_testMessage->setObjectName(u"testMessage"_s);
    m_testMessage->setWordWrap(true);
    m_masterSwitchLabel = new QLabel(box);
    m_masterSwitchLabel->setObjectName(u"masterSwitchLabel"_s);
    m_masterSwitchLabel->setWordWrap(true);
    m_masterSwitchLabel->hide();

    m_testConditions = new QTableWidget(0, 4, box);
    m_testConditions->setObjectName(u"testConditions"_s);
    m_testConditions->setHorizontalHeaderLabels(
        { tr("Condition"), tr("Expected"), tr("This host"), tr("Holds") });
    m_testConditions->verticalHeader()->hide();
    m_testConditions->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_testConditions->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_testConditions->setWordWrap(false);
    m_testConditions->setTextElideMode(Qt::ElideRight);
    auto *header = m_testConditions->horizontalHeader();
    header->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(1, QHeaderView::Stretch);
    header->setSectionResizeMode(2, QHeaderView::Stretch);
    header->setSectionResizeMode(3, QHeaderView::ResizeToContents);

    auto *entry = new QHBoxLayout;
    entry->addWidget(label);
    entry->addWidget(m_testHost, 1);
    auto *verdict = new QHBoxLayout;
    verdict->addWidget(m_testVerdict);
    verdict->addWidget(m_testMessage, 1);
    auto *layout = new QVBoxLayout(box);
    layout->addLayout(entry);
    layout->addLayout(verdict);
    layout->addWidget(m_masterSwitchLabel);
    layout->addWidget(m_testConditions, 1);
    return box;
}

QWidget *HostSelectionPage::createPreviewPanel()
{
    auto *box = new QGroupBox(tr("&Preview"));
    box->setObjectName(u"previewBox"_s);
    m_previewSummary = new QLabel(box);
    m_previewSummary->setObjectName(u"previewSummary"_s);
    m_previewSummary->setWordWrap(true);
    m_previewTabs = new QTabWidget(box);
    m_previewTabs->setObjectName(u"previewTabs"_s);
    const auto makeList = [this](const QString &name) {
        auto *list = new QListWidget(m_previewTabs);
        list->setObjectName(name);
        list->setUniformItemSizes(true);
        return list;
    };
    m_previewSelected = makeList(u"previewSelected"_s);
    m_previewAdded = makeList(u"previewAdded"_s);
    m_previewRemoved = makeList(u"previewRemoved"_s);
    m_previewUnknown = makeList(u"previewUnknown"_s);
    m_previewTabs->addTab(m_previewSelected, QString());
    m_previewTabs->addTab(m_previewAdded, QString());
    m_previewTabs->addTab(m_previewRemoved, QString());
    m_previewTabs->addTab(m_previewUnknown, QString());
    auto *layout = new QVBoxLayout(box);
    layout->addWidget(m_previewSummary);
    layout->addWidget(m_previewTabs, 1);
    return box;
}

void HostSelectionPage::setInventory(const QList<Host> &inventory)
{
    m_inventory = inventory;
    m_hostIndex.clear();
    m_hostIndex.reserve(inventory.size());
    m_labelValues.clear();
    QStringList names;
    names.reserve(inventory.size());
    QSet<QString> folders;
    QHash<QString, QSet<QString>> labelValues;
    for (qsizetype i = 0; i < inventory.size(); ++i) {
        const Host &host = inventory.at(i);
        m_hostIndex.insert(host.name, i);
        names << host.name;
        // Every ancestor is a useful condition too: "linux" covers "linux/web".
        QString folder = HostSelection::normalFolder(host.folder);
        while (!folders.contains(folder)) {
            folders.insert(folder);
            const qsizetype slash = folder.lastIndexOf(u'/');
            folder = slash < 0 ? QString() : folder.left(slash);
        }
        for (auto it = host.labels.cbegin(); it != host.labels.cend(); ++it)
            labelValues[it.key()].insert(it.value());
    }
    std::sort(names.begin(), names.end(), [](const QString &a, const QString &b) {
        return a.compare(b, Qt::CaseInsensitive) < 0;
    });
    m_hostNames->setStringList(names);

    QStringList keys;
    for (auto it = labelValues.cbegin(); it != labelValues.cend(); ++it) {
        keys << it.key();
        QStringList values(it.value().cbegin(), it.value().cend());
        values.sort();
        m_labelValues.insert(it.key(), values);
    }
    keys.sort();
    m_labelKeys->setStringList(keys);
    for (const LabelRow &row : std::as_const(m_labelRows))
        updateLabelValues(row);

    QStringList folderList(folders.cbegin(), folders.cend());
    folderList.sort();
    const QString typed = m_folderCombo->currentText();
    m_folderCombo->clear();
    for (const QString &f : std::as_const(folderList))
        m_folderCombo->addItem(f.isEmpty() ? tr("/ (main folder)") : u'/' + f, f);
    m_folderCombo->setEditText(typed);

    updateTest();
    m_previewTimer->start();
}

void HostSelectionPage::setTagGroups(const QList<TagGroup> &groups)
{
    const HostSelection current = editedSelection();
    m_tagGroups = groups;
    m_populating = true;
    for (const TagRow &row : std::as_const(m_tagRows))
        delete row.row;
    m_tagRows.clear();
    QStringList ids = current.hostTags.keys();
    ids.sort();
    for (const QString &group : std::as_const(ids))
        addTagRow(group, current.hostTags.value(group));
    m_populating = false;
}

void HostSelectionPage::setSites(const QStringList &sites)
{
    const QStringList checked = checkedValues(m_siteList);
    m_sites = sites;
    m_populating = true;
    fillCheckList(m_siteList, m_sites, checked);
    m_populating = false;
}

void HostSelectionPage::setHostGroups(const QStringList &groups)
{
    const QStringList checked = checkedValues(m_groupList);
    m_hostGroups = groups;
    m_populating = true;
    fillCheckList(m_groupList, m_hostGroups, checked);
    m_populating = false;
}

void HostSelectionPage::setSavedSelection(const HostSelection &selection)
{
    m_saved = selection;
    setEditedSelection(selection);
}

void HostSelectionPage::setEditedSelection(const HostSelection &selection)
{
    m_populating = true;
    fillCheckList(m_siteList, m_sites, selection.sites);
    fillCheckList(m_groupList, m_hostGroups, selection.hostGroups);

    m_folderList->clear();
    for (const QString &f : selection.folders) {
        const QString folder = HostSelection::normalFolder(f);
        auto *item = new QListWidgetItem(u'/' + folder, m_folderList);
        item->setData(Qt::UserRole, folder);
    }

    for (const TagRow &row : std::as_const(m_tagRows))
        delete row.row;
    m_tagRows.clear();
    QStringList groups = selection.hostTags.keys();
    groups.sort();
    for (const QString &group : std::as_const(groups))
        addTagRow(group, selection.hostTags.value(group));

    for (const LabelRow &row : std::as_const(m_labelRows))
        delete row.row;
    m_labelRows.clear();
    QStringList keys = selection.hostLabels.keys();
    keys.sort();
    for (const QString &key : std::as_const(keys))
        addLabelRow(key, selection.hostLabels.value(key));

    for (auto [editor, names] : { std::pair { &m_hosts, &selection.hosts },
                                  std::pair { &m_excluded, &selection.excludedHosts } }) {
        editor->list->clear();
        for (const QString &name : *names) {
            auto *item = new QListWidgetItem(name, editor->list);
            item->setData(Qt::UserRole, name);
        }
    }
    m_populating = false;
    updateButtons();
    updateTest();
    m_previewTimer->start();
}

HostSelection HostSelectionPage::editedSelection() const
{
    HostSelection s;
    s.sites = checkedValues(m_siteList);
    s.folders = listValues(m_folderList);
    for (const TagRow &row : m_tagRows) {
        const QString group = row.group->currentData().toString();
        const QString tag = row.tag->currentData().toString();
        if (!group.isEmpty() && !tag.isEmpty())
            s.hostTags.insert(group, tag);
    }
    for (const LabelRow &row : m_labelRows) {
        const QString key = row.key->text().trimmed();
        if (!key.isEmpty())
            s.hostLabels.insert(key, row.value->text().trimmed());
    }
    s.hostGroups = checkedValues(m_groupList);
    s.hosts = listValues(m_hosts.list);
    s.excludedHosts = listValues(m_excluded.list);
    return s;
}

void HostSelectionPage::setMasterSwitch(bool on)
{
    m_masterSwitch = on;
    m_masterSwitchLabel->setText(
        on ? tr("Automatic updates are switched on.")
           : tr("Automatic updates are switched off: even selected hosts get no updates"));
    m_masterSwitchLabel->setStyleSheet(on ? QString() : u"color: #856404; font-weight: bold;"_s);
    m_masterSwitchLabel->show();
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

void HostSelectionPage::addHostToList(HostListEditor *editor)
{
    const QString name = editor->edit->text().trimmed();
    if (name.isEmpty())
        return;
    if (!Host::isValidName(name)) {
        m_banner->showMessage(
            tr("\"%1\" is not a valid host name: use letters, digits, \"-\", \"_\" and \".\".")
                .arg(name),
            true);
        m_banner->show();
        return;
    }
    if (listValues(editor->list).contains(name)) {
        editor->edit->clear();
        return;
    }
    auto *item = new QListWidgetItem(name, editor->list);
    item->setData(Qt::UserRole, name);
    if (!m_inventory.isEmpty() && !m_hostIndex.contains(name))
        item->setToolTip(tr("Not in the inventory (yet)"));
    editor->edit->clear();
    edited();
}

void HostSelectionPage::addFolder()
{
    const QString text = m_folderCombo->currentText().trimmed();
    if (text.isEmpty())
        return;
    const int index = m_folderCombo->findText(text);
    const QString folder = index >= 0 ? m_folderCombo->itemData(index).toString()
                                      : HostSelection::normalFolder(text);
    if (!listValues(m_folderList).contains(folder)) {
        auto *item = new QListWidgetItem(u'/' + folder, m_folderList);
        item->setData(Qt::UserRole, folder);
    }
    m_folderCombo->setEditText(QString());
    edited();
}

void HostSelectionPage::addTagRow(const QString &group, const QString &tag)
{
    TagRow row;
    row.row = new QWidget;
    row.group = new QComboBox(row.row);
    row.group->setAccessibleName(tr("Tag group"));
    row.tag = new QComboBox(row.row);
    row.tag->setAccessibleName(tr("Tag"));
    auto *remove = new QToolButton(row.row);
    remove->setText(tr("Remove"));
    remove->setToolTip(tr("Remove this tag condition"));
    for (const TagGroup &g : std::as_const(m_tagGroups))
        row.group->addItem(g.title.isEmpty() ? g.id : g.title, g.id);
    if (!group.isEmpty() && row.group->findData(group) < 0)
        row.group->addItem(group, group); // the site no longer lists it: keep it visible
    if (!group.isEmpty())
        row.group->setCurrentIndex(row.group->findData(group));
    fillTagCombo(row, tag);

    auto *layout = new QHBoxLayout(row.row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(row.group, 1);
    layout->addWidget(new QLabel(u"="_s, row.row));
    layout->addWidget(row.tag, 1);
    layout->addWidget(remove);
    m_tagRowsLayout->addWidget(row.row);
    m_tagRows.append(row);

    QWidget *widget = row.row;
    connect(row.group, &QComboBox::currentIndexChanged, this, [this, widget] {
        for (const TagRow &r : std::as_const(m_tagRows)) {
            if (r.row == widget)
                fillTagCombo(r, {});
        }
        edited();
    });
    connect(row.tag, &QComboBox::currentIndexChanged, this, &HostSelectionPage::edited);
    connect(remove, &QToolButton::clicked, this, [this, widget] {
        m_tagRows.removeIf([widget](const TagRow &r) { return r.row == widget; });
        widget->deleteLater();
        edited();
    });
}

void HostSelectionPage::fillTagCombo(const TagRow &row, const QString &tag)
{
    const QSignalBlocker blocker(row.tag);
    row.tag->clear();
    const QString groupId = row.group->currentData().toString();
    for (const TagGroup &g : std::as_const(m_tagGroups)) {
        if (g.id != groupId)
            continue;
        for (const TagGroup::Tag &t : g.tags) {
            if (!t.id.isEmpty())
                row.tag->addItem(t.title.isEmpty() ? t.id : t.title, t.id);
        }
    }
    if (!tag.isEmpty() && row.tag->findData(tag) < 0)
        row.tag->addItem(tag, tag);
    if (!tag.isEmpty())
        row.tag->setCurrentIndex(row.tag->findData(tag));
}

void HostSelectionPage::addLabelRow(const QString &key, const QString &value)
{
    LabelRow row;
    row.row = new QWidget;
    row.key = new QLineEdit(key, row.row);
    row.key->setPlaceholderText(tr("Label key"));
    row.key->setAccessibleName(tr("Label key"));
    auto *keyCompleter = new QCompleter(m_labelKeys, row.key);
    keyCompleter->setCaseSensitivity(Qt::CaseInsensitive);
    row.key->setCompleter(keyCompleter);
    row.value = new QLineEdit(value, row.row);
    row.value->setPlaceholderText(tr("Value"));
    row.value->setAccessibleName(tr("Label value"));
    row.values = new QStringListModel(row.value);
    auto *valueCompleter = new QCompleter(row.values, row.value);
    valueCompleter->setCaseSensitivity(Qt::CaseInsensitive);
    row.value->setCompleter(valueCompleter);
    auto *remove = new QToolButton(row.row);
    remove->setText(tr("Remove"));
    remove->setToolTip(tr("Remove this label condition"));
    updateLabelValues(row);

    auto *layout = new QHBoxLayout(row.row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(row.key, 1);
    layout->addWidget(new QLabel(u":"_s, row.row));
    layout->addWidget(row.value, 1);
    layout->addWidget(remove);
    m_labelRowsLayout->addWidget(row.row);
    m_labelRows.append(row);

    QWidget *widget = row.row;
    connect(row.key, &QLineEdit::textChanged, this, [this, widget] {
        for (const LabelRow &r : std::as_const(m_labelRows)) {
            if (r.row == widget)
                updateLabelValues(r);
        }
        edited();
    });
    connect(row.value, &QLineEdit::textChanged, this, &HostSelectionPage::edited);
    connect(remove, &QToolButton::clicked, this, [this, widget] {
        m_labelRows.removeIf([widget](const LabelRow &r) { return r.row == widget; });
        widget->deleteLater();
        edited();
    });
}

void HostSelectionPage::updateLabelValues(const LabelRow &row)
{
    row.values->setStringList(m_labelValues.value(row.key->text().trimmed()));
}

void HostSelectionPage::fillCheckList(QListWidget *list, const QStringList &known,
                                      const QStringList &checked)
{
    list->clear();
    QStringList all = known;
    for (const QString &value : checked) {
        if (!all.contains(value))
            all << value;
    }
    for (const QString &value : std::as_const(all)) {
        auto *item = new QListWidgetItem(value, list);
        item->setData(Qt::UserRole, value);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
        item->setCheckState(checked.contains(value) ? Qt::Checked : Qt::Unchecked);
        if (!known.contains(value))
            item->setToolTip(tr("The site does not list this one any more"));
    }
}

void HostSelectionPage::edited()
{
    if (m_populating)
        return;
    updateButtons();
    m_previewTimer->start(); // restarts: one recomputation after the user stops typing
}

void HostSelectionPage::updateButtons()
{
    const bool changed = hasUnsavedChanges();
    m_saveButton->setEnabled(!m_busy && changed);
    m_revertButton->setEnabled(!m_busy && changed);
    m_reloadButton->setEnabled(!m_busy);
}

void HostSelectionPage::revert()
{
    setEditedSelection(m_saved);
}

namespace {

void fillHostList(QListWidget *list, const QStringList &names)
{
    list->clear();
    list->addItems(names.mid(0, MaxListedHosts));
    if (names.size() > MaxListedHosts) {
        auto *more
            = new QListWidgetItem(QCoreApplication::translate("HostSelectionPage", "… and %1 more")
                                      .arg(QLocale().toString(names.size() - MaxListedHosts)),
                                  list);
        QFont font = more->font();
        font.setItalic(true);
        more->setFont(font);
        more->setFlags(Qt::NoItemFlags);
    }
}

} // namespace

void HostSelectionPage::recompute()
{
    m_previewTimer->stop();
    updateTest();
    const QLocale locale;
    if (m_inventory.isEmpty()) {
        m_previewSummary->setText(tr("No hosts in the inventory yet: reload to fetch the site's "
                                     "hosts, then the preview shows which ones are selected."));
        for (QListWidget *list :
             { m_previewSelected, m_previewAdded, m_previewRemoved, m_previewUnknown })
            list->clear();
        m_previewTabs->setTabText(0, tr("Selected"));
        m_previewTabs->setTabText(1, tr("Added"));
        m_previewTabs->setTabText(2, tr("Removed"));
        m_previewTabs->setTabText(3, tr("Undecided"));
        return;
    }
    const SelectionPreview preview
        = SelectionPreview::compute(m_inventory, m_saved, editedSelection());
    QString summary
        = tr("%1 of %2 hosts selected")
              .arg(locale.toString(preview.count()), locale.toString(m_inventory.size()));
    summary += u'\n'
        + tr("+%1 added / −%2 removed against the saved selection")
              .arg(locale.toString(preview.added.size()), locale.toString(preview.removed.size()));
    if (!preview.unknown.isEmpty())
        summary += u'\n'
            + tr("%1 hosts depend on host groups the site does not report: the site decides")
                  .arg(locale.toString(preview.unknown.size()));
    m_previewSummary->setText(summary);
    fillHostList(m_previewSelected, preview.selected);
    fillHostList(m_previewAdded, preview.added);
    fillHostList(m_previewRemoved, preview.removed);
    fillHostList(m_previewUnknown, preview.unknown);
    m_previewTabs->setTabText(0, tr("Selected (%1)").arg(locale.toString(preview.count())));
    m_previewTabs->setTabText(1, tr("Added (%1)").arg(locale.toString(preview.added.size())));
    m_previewTabs->setTabText(2, tr("Removed (%1)").arg(locale.toString(preview.removed.size())));
    m_previewTabs->setTabText(3, tr("Undecided (%1)").arg(locale.toString(preview.unknown.size())));
}

void HostSelectionPage::updateTest()
{
    using Verdict = HostSelectionEvaluator::Verdict;
    m_testConditions->setRowCount(0);
    m_testVerdict->clear();
    m_testVerdict->setStyleSheet(QString());
    const QString name = m_testHost->text().trimmed();
    if (m_inventory.isEmpty()) {
        m_testMessage->setText(tr("No hosts in the inventory yet: reload to test a host."));
        return;
    }
    if (name.isEmpty()) {
        m_testMessage->setText(
            tr("Type a host name to see whether the edited selection picks it, and why."));
        return;
    }
    const auto found = m_hostIndex.constFind(name);
    if (found == m_hostIndex.cend()) {
        m_testVerdict->setText(tr("Unknown host"));
        m_testMessage->setText(tr("There is no host named \"%1\" in the inventory.").arg(name));
        return;
    }
    const Host &host = m_inventory.at(*found);
    const HostSelectionEvaluator evaluator(editedSelection());
    const Verdict verdict = evaluator.evaluate(host);
    switch (verdict) {
    case Verdict::Selected:
        m_testVerdict->setText(tr("Selected"));
        m_testVerdict->setStyleSheet(u"font-weight: bold; color: #155724;"_s);
        break;
    case Verdict::NotSelected:
        m_testVerdict->setText(tr("Not selected"));
        m_testVerdict->setStyleSheet(u"font-weight: bold; color: #721c24;"_s);
        break;
    case Verdict::Unknown:
        m_testVerdict->setText(tr("Cannot be decided here"));
        m_testVerdict->setStyleSheet(u"font-weight: bold; color: #856404;"_s);
        break;
    }
    const QList<HostSelectionEvaluator::ConditionResult> results = evaluator.explain(host);
    if (results.isEmpty())
        m_testMessage->setText(tr("The selection has no conditions: it picks every host."));
    else if (verdict == Verdict::Selected)
        m_testMessage->setText(tr("All conditions hold."));
    else if (verdict == Verdict::NotSelected)
        m_testMessage->setText(tr("A condition fails (marked \"no\" below)."));
    else
        m_testMessage->setText(tr("It depends on host groups that the site does not report; "
                                  "the site decides when the agent asks for an update."));

    m_testConditions->setRowCount(static_cast<int>(results.size()));
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
            m_testConditions->setItem(row, column, item);
        }
    }
}
