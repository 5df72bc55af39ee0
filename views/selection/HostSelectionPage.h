#pragma once

#include <QStringList>
#include <QWidget>

#include <memory>

#include "ApiError.h"
#include "HostSelection.h"
#include "TagGroup.h"

class ErrorBanner;
class Inventory;
class QLabel;
class QPushButton;
class QTimer;
class SelectionConditionEditors;
class SelectionPreviewPanel;
class SelectionTestPanel;

// The host selection page: edits which hosts get automatic updates (SelectionConditionEditors),
// tests one host against the edited selection (SelectionTestPanel) and previews what saving
// would change (SelectionPreviewPanel). A save that selects no host or drops more than a tenth
// of the selected hosts asks first. Saving and reloading leave as signals for app/.
class HostSelectionPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HostSelectionPage)

public:
    explicit HostSelectionPage(QWidget *parent = nullptr);

    // The shared inventory (held once for the console; the page keeps a reference only).
    void setInventory(std::shared_ptr<const Inventory> inventory);
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
    // The question asked before a save that selects no host or drops more than 10 % of the
    // selected hosts; empty when the save needs no question (or the inventory is not known).
    QString bigChangeQuestion() const;

Q_SIGNALS:
    void saveRequested(const HostSelection &edited);
    void reloadRequested();

private:
    void edited(); // any editor changed
    void updateButtons();
    void recompute(); // the debounced preview
    void save();

    std::shared_ptr<const Inventory> m_inventory;
    HostSelection m_saved;
    bool m_busy = false;

    ErrorBanner *m_banner;
    QLabel *m_busyLabel;
    SelectionConditionEditors *m_editors;
    SelectionTestPanel *m_test;
    SelectionPreviewPanel *m_preview;
    QTimer *m_previewTimer;
    QPushButton *m_saveButton = nullptr;
    QPushButton *m_revertButton = nullptr;
    QPushButton *m_reloadButton = nullptr;
};
