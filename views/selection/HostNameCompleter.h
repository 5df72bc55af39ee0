#pragma once

#include <QCompleter>

#include <memory>

class HostNameCompletionModel;
class Inventory;
class QLineEdit;

// Completion of host names for a line edit from the shared inventory's name index: the model
// holds only the few names that start with the typed text, refreshed before the completer
// looks at it on each keystroke.
class HostNameCompleter final : public QCompleter
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HostNameCompleter)

public:
    explicit HostNameCompleter(QLineEdit *edit);

    void setInventory(std::shared_ptr<const Inventory> inventory);

private:
    HostNameCompletionModel *m_names;
};
