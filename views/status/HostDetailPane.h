#pragma once

#include <QWidget>

#include "HostUpdateStatus.h"
#include "UpdateCategory.h"

class QTextBrowser;

// Everything about one host's update status: its fields, the three hashes side by side, the
// age of its data against its interval, and the diagnosis with what to do.
class HostDetailPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HostDetailPane)

public:
    explicit HostDetailPane(QWidget *parent = nullptr);

    void showHost(const HostUpdateStatus &status, UpdateCategory::Category category, qint64 now);
    void showNothing();
    QString text() const; // plain text, for tests and copying

private:
    QTextBrowser *m_browser;
};
