#pragma once

#include <QCoreApplication>
#include <QString>

// The help a page shows on F1: what its items mean in the terms of Checkmk's manual
// ("Automatic agent updates"), what must be true first, and what to do when something fails.
// Texts only; the main window shows them.
class PageHelp final
{
    Q_DECLARE_TR_FUNCTIONS(PageHelp)

public:
    // Rich text for a page id of MainWindow ("setup", "status", ...); empty for unknown ids.
    static QString html(const QString &pageId);
    // The title of the help window for a page.
    static QString title(const QString &pageTitle);
};
