#include "HostNameCompleter.h"

#include <QLineEdit>

#include "HostNameCompletionModel.h"

HostNameCompleter::HostNameCompleter(QLineEdit *edit)
    : QCompleter(edit)
    , m_names(new HostNameCompletionModel(this))
{
    setModel(m_names);
    setCaseSensitivity(Qt::CaseInsensitive);
    // The model is in case-insensitive order, so the completer's own filter is a binary search.
    setModelSorting(QCompleter::CaseInsensitivelySortedModel);
    setMaxVisibleItems(12);
    // QLineEdit emits textEdited before it asks the completer: the model is current by then.
    connect(edit, &QLineEdit::textEdited, m_names, &HostNameCompletionModel::setPrefix);
    edit->setCompleter(this);
}

void HostNameCompleter::setInventory(std::shared_ptr<const Inventory> inventory)
{
    m_names->setInventory(std::move(inventory));
}
