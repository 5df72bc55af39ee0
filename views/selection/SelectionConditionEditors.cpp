#include "SelectionConditionEditors.h"

#include <QComboBox>
#include <QCompleter>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QStringListModel>
#include <QToolButton>
#include <QVBoxLayout>

#include "Host.h"
#include "HostNameCompleter.h"
#include "Inventory.h"

using namespace Qt::StringLiterals;

namespace {

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

// Combo boxes sized by a few characters, not by their longest title: a tag titled "Business
// critical system" must not push the Remove button out of a 1,024-pixel window.
QComboBox *narrowCombo(QWidget *parent)
{
    auto *combo = new QComboBox(parent);
    combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    combo->setMinimumContentsLength(6);
    return combo;
}

} // namespace

SelectionConditionEditors::SelectionConditionEditors(QWidget *parent)
    : QWidget(parent)
    , m_labelKeys(new QStringListModel(this))
{
    setObjectName(u"conditionEditors"_s);
    auto *grid = new QGridLayout(this);

    // Sites
    auto *sitesBox = new QGroupBox(tr("S&ites"), this);
    m_siteList = new QListWidget(sitesBox);
    m_siteList->setObjectName(u"siteList"_s);
    m_siteList->setMaximumHeight(110);
    m_siteList->setWhatsThis(tr("Sites: only hosts monitored by a ticked site get updates. No "
                                "site ticked: the condition is not set (every site)."));
    (new QVBoxLayout(sitesBox))->addWidget(m_siteList);
    connect(m_siteList, &QListWidget::itemChanged, this, &SelectionConditionEditors::changed);

    // Host groups
    auto *groupsBox = new QGroupBox(tr("Host &groups (any of)"), this);
    m_groupList = new QListWidget(groupsBox);
    m_groupList->setObjectName(u"hostGroupList"_s);
    m_groupList->setMaximumHeight(110);
    m_groupList->setWhatsThis(tr("Host groups: only hosts in at least one ticked host group get "
                                 "updates. None ticked: the condition is not set."));
    (new QVBoxLayout(groupsBox))->addWidget(m_groupList);
    connect(m_groupList, &QListWidget::itemChanged, this, &SelectionConditionEditors::changed);

    // Folders
    auto *foldersBox = new QGroupBox(tr("&Folders (with subfolders)"), this);
    m_folderList = new QListWidget(foldersBox);
    m_folderList->setObjectName(u"folderList"_s);
    m_folderList->setMaximumHeight(110);
    m_folderList->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_folderCombo = narrowCombo(foldersBox);
    m_folderCombo->setObjectName(u"folderCombo"_s);
    m_folderCombo->setEditable(true);
    m_folderCombo->setInsertPolicy(QComboBox::NoInsert);
    m_folderCombo->setMinimumContentsLength(12);
    m_folderCombo->setToolTip(tr("A folder path such as /linux/web"));
    m_folderCombo->lineEdit()->setPlaceholderText(tr("Folder path"));
    m_folderList->setWhatsThis(tr("Folders: only hosts in one of these folders or their "
                                  "subfolders get updates. Empty: the condition is not set."));
    m_folderCombo->setWhatsThis(tr("A folder path such as /linux/web, to add to the folders "
                                   "condition with Add or Enter."));
    auto *addFolder = new QPushButton(tr("Add"), foldersBox);
    addFolder->setObjectName(u"addFolderButton"_s);
    auto *removeFolder = new QPushButton(tr("Remove"), foldersBox);
    removeFolder->setObjectName(u"removeFolderButton"_s);
    addFolder->setWhatsThis(m_folderCombo->whatsThis());
    removeFolder->setWhatsThis(tr("Removes the selected folders from the condition."));
    connect(addFolder, &QPushButton::clicked, this, &SelectionConditionEditors::addFolder);
    connect(m_folderCombo->lineEdit(), &QLineEdit::returnPressed, this,
            &SelectionConditionEditors::addFolder);
    connect(removeFolder, &QPushButton::clicked, this, [this] {
        qDeleteAll(m_folderList->selectedItems());
        changed();
    });
    auto *folderRow = new QHBoxLayout;
    folderRow->addWidget(m_folderCombo, 1);
    folderRow->addWidget(addFolder);
    folderRow->addWidget(removeFolder);
    auto *foldersLayout = new QVBoxLayout(foldersBox);
    foldersLayout->addWidget(m_folderList);
    foldersLayout->addLayout(folderRow);

    // Host tags
    auto *tagsBox = new QGroupBox(tr("Host &tags"), this);
    auto *tagsLayout = new QVBoxLayout(tagsBox);
    auto *tagRows = new QWidget(tagsBox);
    tagRows->setObjectName(u"tagRows"_s);
    m_tagRowsLayout = new QVBoxLayout(tagRows);
    m_tagRowsLayout->setContentsMargins(0, 0, 0, 0);
    auto *addTag = new QPushButton(tr("Add tag condition"), tagsBox);
    addTag->setObjectName(u"addTagButton"_s);
    addTag->setWhatsThis(tr("Host tags: adds a condition on a tag group (for example "
                            "Criticality = Productive system). A host must meet every tag "
                            "condition."));
    connect(addTag, &QPushButton::clicked, this, [this] {
        addTagRow();
        changed();
    });
    tagsLayout->addWidget(tagRows);
    tagsLayout->addWidget(addTag, 0, Qt::AlignLeft);

    // Host labels
    auto *labelsBox = new QGroupBox(tr("Host la&bels"), this);
    auto *labelsLayout = new QVBoxLayout(labelsBox);
    auto *labelRows = new QWidget(labelsBox);
    labelRows->setObjectName(u"labelRows"_s);
    m_labelRowsLayout = new QVBoxLayout(labelRows);
    m_labelRowsLayout->setContentsMargins(0, 0, 0, 0);
    auto *addLabel = new QPushButton(tr("Add label condition"), labelsBox);
    addLabel->setObjectName(u"addLabelButton"_s);
    addLabel->setWhatsThis(tr("Host labels: adds a condition on a label (key: value, for "
                              "example os: linux). A host must carry every label given."));
    connect(addLabel, &QPushButton::clicked, this, [this] {
        addLabelRow();
        m_labelRows.last().key->setFocus();
        changed();
    });
    labelsLayout->addWidget(labelRows);
    labelsLayout->addWidget(addLabel, 0, Qt::AlignLeft);

    auto *hostsBox = createHostListEditor(tr("E&xplicit hosts (only these)"), u"hosts"_s, &m_hosts);
    auto *excludedBox
        = createHostListEditor(tr("Excluded &hosts (never these)"), u"excluded"_s, &m_excluded);

    // Two columns only where the boxes are lists; rows with several controls get the full
    // width so that nothing is pushed out sideways in a narrow window.
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
}

QGroupBox *SelectionConditionEditors::createHostListEditor(const QString &title,
                                                           const QString &name,
                                                           HostListEditor *editor)
{
    auto *box = new QGroupBox(title, this);
    editor->list = new QListWidget(box);
    editor->list->setObjectName(name + u"List"_s);
    editor->list->setMaximumHeight(110);
    editor->list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    editor->edit = new QLineEdit(box);
    editor->edit->setObjectName(name + u"Edit"_s);
    editor->edit->setPlaceholderText(tr("Host name"));
    editor->completer = new HostNameCompleter(editor->edit);
    editor->add = new QPushButton(tr("Add"), box);
    editor->add->setObjectName(name + u"AddButton"_s);
    editor->remove = new QPushButton(tr("Remove"), box);
    editor->remove->setObjectName(name + u"RemoveButton"_s);
    const QString what = name == u"hosts"_s
        ? tr("Explicit hosts: when any are listed, only these hosts get updates (together with "
             "the other conditions). Empty: the condition is not set.")
        : tr("Excluded hosts: these hosts never get updates, whatever the other conditions "
             "say.");
    editor->list->setWhatsThis(what);
    editor->edit->setWhatsThis(what + u' '
                               + tr("Type a host name (completed from the site's hosts) and "
                                    "press Enter or Add."));
    editor->add->setWhatsThis(editor->edit->whatsThis());
    editor->remove->setWhatsThis(tr("Removes the selected host names from the list."));
    connect(editor->add, &QPushButton::clicked, this, [this, editor] { addHostToList(editor); });
    connect(editor->edit, &QLineEdit::returnPressed, this,
            [this, editor] { addHostToList(editor); });
    connect(editor->remove, &QPushButton::clicked, this, [this, editor] {
        qDeleteAll(editor->list->selectedItems());
        changed();
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

void SelectionConditionEditors::setInventory(std::shared_ptr<const Inventory> inventory)
{
    m_inventory = std::move(inventory);
    m_hosts.completer->setInventory(m_inventory);
    m_excluded.completer->setInventory(m_inventory);
    m_labelKeys->setStringList(m_inventory ? m_inventory->labelKeys() : QStringList());
    for (const LabelRow &row : std::as_const(m_labelRows))
        updateLabelValues(row);

    const QString typed = m_folderCombo->currentText();
    m_folderCombo->clear();
    if (m_inventory) {
        for (const QString &f : m_inventory->folders())
            m_folderCombo->addItem(f.isEmpty() ? tr("/ (main folder)") : u'/' + f, f);
    }
    m_folderCombo->setEditText(typed);
}

void SelectionConditionEditors::setTagGroups(const QList<TagGroup> &groups)
{
    const HostSelection current = selection();
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

void SelectionConditionEditors::setSites(const QStringList &sites)
{
    const QStringList checked = checkedValues(m_siteList);
    m_sites = sites;
    m_populating = true;
    fillCheckList(m_siteList, m_sites, checked);
    m_populating = false;
}

void SelectionConditionEditors::setHostGroups(const QStringList &groups)
{
    const QStringList checked = checkedValues(m_groupList);
    m_hostGroups = groups;
    m_populating = true;
    fillCheckList(m_groupList, m_hostGroups, checked);
    m_populating = false;
}

void SelectionConditionEditors::setSelection(const HostSelection &selection)
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
}

HostSelection SelectionConditionEditors::selection() const
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

void SelectionConditionEditors::addHostToList(HostListEditor *editor)
{
    const QString name = editor->edit->text().trimmed();
    if (name.isEmpty())
        return;
    if (!Host::isValidName(name)) {
        Q_EMIT inputRejected(
            tr("\"%1\" is not a valid host name: use letters, digits, \"-\", \"_\" and \".\".")
                .arg(name));
        return;
    }
    if (listValues(editor->list).contains(name)) {
        editor->edit->clear();
        return;
    }
    auto *item = new QListWidgetItem(name, editor->list);
    item->setData(Qt::UserRole, name);
    if (m_inventory && !m_inventory->isEmpty() && m_inventory->indexOf(name) < 0)
        item->setToolTip(tr("Not in the inventory (yet)"));
    editor->edit->clear();
    changed();
}

void SelectionConditionEditors::addFolder()
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
    changed();
}

void SelectionConditionEditors::addTagRow(const QString &group, const QString &tag)
{
    TagRow row;
    row.row = new QWidget;
    row.group = narrowCombo(row.row);
    row.group->setAccessibleName(tr("Tag group"));
    row.tag = narrowCombo(row.row);
    row.tag->setAccessibleName(tr("Tag"));
    auto *remove = new QToolButton(row.row);
    remove->setText(tr("Remove"));
    remove->setToolTip(tr("Remove this tag condition"));
    row.group->setWhatsThis(tr("The tag group of this condition; the host must have the tag "
                               "chosen on the right in this group."));
    row.tag->setWhatsThis(tr("The tag the host must have in the tag group on the left."));
    remove->setWhatsThis(tr("Removes this tag condition."));
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
        changed();
    });
    connect(row.tag, &QComboBox::currentIndexChanged, this, &SelectionConditionEditors::changed);
    connect(remove, &QToolButton::clicked, this, [this, widget] {
        m_tagRows.removeIf([widget](const TagRow &r) { return r.row == widget; });
        widget->deleteLater();
        changed();
    });
}

void SelectionConditionEditors::fillTagCombo(const TagRow &row, const QString &tag)
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

void SelectionConditionEditors::addLabelRow(const QString &key, const QString &value)
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
    row.key->setWhatsThis(tr("The label's key (for example os); the host must carry this "
                             "label with the value on the right."));
    row.value->setWhatsThis(tr("The value the label must have on the host (for example "
                               "linux)."));
    remove->setWhatsThis(tr("Removes this label condition."));
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
        changed();
    });
    connect(row.value, &QLineEdit::textChanged, this, &SelectionConditionEditors::changed);
    connect(remove, &QToolButton::clicked, this, [this, widget] {
        m_labelRows.removeIf([widget](const LabelRow &r) { return r.row == widget; });
        widget->deleteLater();
        changed();
    });
}

void SelectionConditionEditors::updateLabelValues(const LabelRow &row)
{
    row.values->setStringList(m_inventory ? m_inventory->labelValues(row.key->text().trimmed())
                                          : QStringList());
}

void SelectionConditionEditors::fillCheckList(QListWidget *list, const QStringList &known,
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

void SelectionConditionEditors::changed()
{
    if (!m_populating)
        Q_EMIT edited();
}
