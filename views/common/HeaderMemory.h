#pragma once

#include <QObject>

class QHeaderView;

// Remembers a table's column widths, order and hidden columns across runs (QSettings under
// "tables/<key>"): restored when attached, saved whenever the user changes them.
class HeaderMemory final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HeaderMemory)

public:
    // The memory lives as long as the header; call once the columns exist.
    static void attach(QHeaderView *header, const QString &key);

private:
    HeaderMemory(QHeaderView *header, const QString &key);
    void save() const;

    QHeaderView *m_header;
    QString m_key;
};
