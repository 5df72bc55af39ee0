#pragma once

#include <QGroupBox>

class Inventory;
class QLabel;
class QListWidget;
class QTabWidget;
struct SelectionPreview;

// The preview of an edited selection: how many hosts it selects, what it adds and drops
// against the saved one, and the hosts the site has to decide, each as a list that shows its
// start and a count (filling a list widget with 100,000 items would freeze the page).
class SelectionPreviewPanel final : public QGroupBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SelectionPreviewPanel)

public:
    static constexpr qsizetype MaxListedHosts = 1000;

    explicit SelectionPreviewPanel(QWidget *parent = nullptr);

    void showNoInventory();
    void showPreview(const Inventory &inventory, const SelectionPreview &preview);

private:
    QLabel *m_summary;
    QTabWidget *m_tabs;
    QListWidget *m_selected;
    QListWidget *m_added;
    QListWidget *m_removed;
    QListWidget *m_unknown;
};
