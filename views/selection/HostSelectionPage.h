#pragma once

#include <QHash>
#include <QList>
#include <QStringList>
#include <QWidget>

#include <optional>

#include "ApiError.h"
#include "Host.h"
#include "HostSelection.h"
#include "TagGroup.h"

class QComboBox;
class QCompleter;
class QGroupBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QStringListModel;
class QTabWidget;
class QTableWidget;
class QTimer;
class QVBoxLayout;
class ErrorBanner;

// The host selection page: edits which hosts get automatic updates, tests one host against the
// edited selection and previews what saving would change. Saving and reloading leave as
// signals for app/ to carry out.
class HostSelectionPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HostSelectionPage)

public:
    explicit HostSelectionPage(QWidget *parent = nullptr);

    void setInventory(const QList<Host> &inventory);
    void setTagGroups(const QList<TagGroup> &groups);
    void setSites(const QStringList &sites);
    void setHostGroups(const QStringList &groups);
    // The selection as the site has it; also resets the editor to it.
    void setSavedSelection(const HostSelection &selection);
    HostSelection savedSelection() const { return m_saved; }
    HostSelection editedSelection() const;
    // Puts a selection into the editor without touching the saved one ("keep editing").
    void setEditedSelection(const HostSelection &selection);
    void setMasterSwitch(bool on);
    void setBusy(bool busy, const QString &text = {});
    void showError(const ApiError &error);
    bool hasUnsavedChanges() const;

Q_SIGNALS:
    void saveRequested(const HostSelection &edited);
    void reloadRequested();

private:
    struct HostListEditor
    {
        QListWidget *list = nullptr;
        QLineEdit *edit = nullptr;
        QPushButton *add = nullptr;
        QPushButton *remove = nullptr;
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

    QWidget *createEditors();
    QWidget *createTestPanel();
    QWidget *createPreviewPanel();
    QGroupBox *createHostListEditor(const QString &title, const QString &name,
                                    HostListEditor *editor);
    void addHostToList(HostListEditor *editor);
    void addFolder();
    void addTagRow(const QString &group = {}, const QString &tag = {});
    void fillTagCombo(const TagRow &row, const QString &tag);
    void addLabelRow(const QString &key = {}, const QString &value = {});
    void updateLabelValues(const LabelRow &row);
    void fillCheckList(QListWidget *list, const QStringList &known, const QStringList &checked);
    void edited(); // any editor changed
    void updateButtons();
    void recompute(); // the debounced preview and host test
    void updateTest();
    void revert();

    QList<Host> m_inventory;
    QHash<QString, qsizetype> m_hostIndex; // host name -> position in m_inventory
    QHash<QString, QStringList> m_labelValues; // label key -> values seen in the inventory
    QList<TagGroup> m_tagGroups;
    QStringList m_sites;
    QStringList m_hostGroups;
    HostSelection m_saved;
    std::optional<bool> m_masterSwitch;
    bool m_populating = false;
    bool m_busy = false;

    ErrorBanner *m_banner;
    QLabel *m_busyLabel;
    QWidget *m_editors = nullptr;
    QListWidget *m_siteList = nullptr;
    QListWidget *m_folderList = nullptr;
    QComboBox *m_folderCombo = nullptr;
    QVBoxLayout *m_tagRowsLayout = nullptr;
    QList<TagRow> m_tagRows;
    QVBoxLayout *m_labelRowsLayout = nullptr;
    QList<LabelRow> m_labelRows;
    QListWidget *m_groupList = nullptr;
    HostListEditor m_hosts;
    HostListEditor m_excluded;
    QStringListModel *m_hostNames;
    QStringListModel *m_labelKeys;

    QLineEdit *m_testHost = nullptr;
    QLabel *m_testVerdict = nullptr;
    QLabel *m_testMessage = nullptr;
    QLabel *m_masterSwitchLabel = nullptr;
    QTableWidget *m_testConditions = nullptr;

    QLabel *m_previewSummary = nullptr;
    QTabWidget *m_previewTabs = nullptr;
    QListWidget *m_previewSelected = nullptr;
    QListWidget *m_previewAdded = nullptr;
    QListWidget *m_previewRemoved = nullptr;
    QListWidget *m_previewUnknown = nullptr;
    QTimer *m_previewTimer;

    QPushButton *m_saveButton = nullptr;
    QPushButton *m_revertButton = nullptr;
    QPushButton *m_reloadButton = nullptr;
};
