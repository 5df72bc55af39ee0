#pragma once

#include <QList>
#include <QStringList>
#include <QWidget>

#include <memory>

#include "HostSelection.h"
#include "TagGroup.h"

class HostNameCompleter;
class Inventory;
class QComboBox;
class QGroupBox;
class QLineEdit;
class QListWidget;
class QPushButton;
class QStringListModel;
class QVBoxLayout;

// The editors of every condition of a host selection: sites, host groups, folders, host tags,
// host labels, explicit and excluded hosts. It offers what the inventory and the site know
// (folders, label keys and values, host names) and reports every edit with edited().
class SelectionConditionEditors final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SelectionConditionEditors)

public:
    explicit SelectionConditionEditors(QWidget *parent = nullptr);

    void setInventory(std::shared_ptr<const Inventory> inventory);
    void setTagGroups(const QList<TagGroup> &groups);
    void setSites(const QStringList &sites);
    void setHostGroups(const QStringList &groups);
    // Shows a selection without reporting it as an edit.
    void setSelection(const HostSelection &selection);
    HostSelection selection() const;

Q_SIGNALS:
    void edited();
    // Something typed cannot be taken (the text says what and why).
    void inputRejected(const QString &message);

private:
    struct HostListEditor
    {
        QListWidget *list = nullptr;
        QLineEdit *edit = nullptr;
        QPushButton *add = nullptr;
        QPushButton *remove = nullptr;
        HostNameCompleter *completer = nullptr;
    };
    struct TagRow
    {
        QWidget *row = nullptr;
        QComboBox *group = nullptr;
        QComboBox *tag = nullptr;
    };
    struct LabelRow
    {
        QWidget *row = nullptr;
        QLineEdit *key = nullptr;
        QLineEdit *value = nullptr;
        QStringListModel *values = nullptr;
    };

    QGroupBox *createHostListEditor(const QString &title, const QString &name,
                                    HostListEditor *editor);
    void addHostToList(HostListEditor *editor);
    void addFolder();
    void addTagRow(const QString &group = {}, const QString &tag = {});
    void fillTagCombo(const TagRow &row, const QString &tag);
    void addLabelRow(const QString &key = {}, const QString &value = {});
    void updateLabelValues(const LabelRow &row);
    void fillCheckList(QListWidget *list, const QStringList &known, const QStringList &checked);
    void changed(); // reports an edit unless the editors are being filled

    std::shared_ptr<const Inventory> m_inventory;
    QList<TagGroup> m_tagGroups;
    QStringList m_sites;
    QStringList m_hostGroups;
    bool m_populating = false;

    QListWidget *m_siteList = nullptr;
    QListWidget *m_groupList = nullptr;
    QListWidget *m_folderList = nullptr;
    QComboBox *m_folderCombo = nullptr;
    QVBoxLayout *m_tagRowsLayout = nullptr;
    QList<TagRow> m_tagRows;
    QVBoxLayout *m_labelRowsLayout = nullptr;
    QList<LabelRow> m_labelRows;
    HostListEditor m_hosts;
    HostListEditor m_excluded;
    QStringListModel *m_labelKeys;
};
