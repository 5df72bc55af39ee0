#include "HeaderMemory.h"

#include <QHeaderView>
#include <QSettings>

using namespace Qt::StringLiterals;

void HeaderMemory::attach(QHeaderView *header, const QString &key)
{
    new HeaderMemory(header, key);
}

HeaderMemory::HeaderMemory(QHeaderView *header, const QString &key)
    : QObject(header)
    , m_header(header)
    , m_key(u"tables/"_s + key)
{
    const QByteArray state = QSettings().value(m_key).toByteArray();
    if (!state.isEmpty())
        header->restoreState(state);
    // Only the user's changes are saved: restoring above happened before these connections.
    connect(header, &QHeaderView::sectionResized, this, &HeaderMemory::save);
    connect(header, &QHeaderView::sectionMoved, this, &HeaderMemory::save);
    connect(header, &QHeaderView::sortIndicatorChanged, this, &HeaderMemory::save);
}

void HeaderMemory::save() const
{
    QSettings().setValue(m_key, m_header->saveState());
}
