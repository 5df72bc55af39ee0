#pragma once

#include <QWidget>

#include "HostUpdateStatus.h"
#include "UpdateCategory.h"

class QLabel;
class QPushButton;
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
    // What the search for the shown host's target agent found (or that it runs).
    void setTargetLookup(const QString &hostName, const QString &text, bool running);

Q_SIGNALS:
    // The target agent of the host is not known here (a stock site without an update in
    // progress): the user asks the console to derive it from the site's packages.
    void findTargetRequested(const QString &hostName);

private:
    QTextBrowser *m_browser;
    QPushButton *m_findTarget;
    QLabel *m_lookup;
    QString m_host;
    QString m_lookupHost; // the host the lookup text is about
};
