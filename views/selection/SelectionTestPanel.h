#pragma once

#include <QGroupBox>

#include <memory>
#include <optional>

#include "HostSelection.h"

class HostNameCompleter;
class Inventory;
class QLabel;
class QLineEdit;
class QTableWidget;

// "Test with this host name": whether the edited selection picks one host, and every condition
// with the host's own value. The host is found in the inventory's name index, so a keystroke
// costs a binary search and one host's explanation, whatever the inventory's size.
class SelectionTestPanel final : public QGroupBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SelectionTestPanel)

public:
    explicit SelectionTestPanel(QWidget *parent = nullptr);

    void setInventory(std::shared_ptr<const Inventory> inventory);
    // The selection to test against (the edited one); updates the result.
    void setSelection(const HostSelection &selection);
    void setMasterSwitch(bool on);

private:
    void update();

    std::shared_ptr<const Inventory> m_inventory;
    HostSelection m_selection;
    QLineEdit *m_host;
    HostNameCompleter *m_completer;
    QLabel *m_verdict;
    QLabel *m_message;
    QLabel *m_masterSwitch;
    QTableWidget *m_conditions;
};
