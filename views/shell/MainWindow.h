#pragma once

#include <QMainWindow>

#include "ApiError.h"
#include "SiteVersion.h"

class ErrorBanner;
class QComboBox;
class QDialog;
class QLabel;
class QListWidget;
class QStackedWidget;

// The window: a navigation list of pages, the pages, one error banner, and the connection's
// state in the status bar. Knows nothing about the network; the app fills it.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    enum class TlsState { Unknown, Verified, TrustedByUser, Insecure, PlainHttp };

    explicit MainWindow(QWidget *parent = nullptr);

    // Pages appear in the order added, reachable with Ctrl+1..9.
    void addPage(const QString &id, const QString &title, const QIcon &icon, QWidget *page);
    void showPage(const QString &id);
    QString currentPage() const;
    // The widget added for a page id; null for unknown ids.
    QWidget *page(const QString &id) const;

    void setConnectionNames(const QStringList &names, const QString &current);
    void setConnecting(const QString &name);
    void setConnected(const SiteVersion &version, TlsState tls, bool demo);
    void setDisconnected(const QString &reason);
    ErrorBanner *errorBanner() const { return m_banner; }
    // F1: the current page's help (PageHelp) in a window of its own; null until first shown.
    void showPageHelp();
    QDialog *helpDialog() const { return m_help; }

Q_SIGNALS:
    void connectionChosen(const QString &name);
    void manageConnectionsRequested();
    void migrationRequested();
    void refreshRequested();
    void pageChanged(const QString &id);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    void restoreGeometryFromSettings();

    QListWidget *m_navigation;
    QStackedWidget *m_pages;
    ErrorBanner *m_banner;
    QComboBox *m_connections;
    QLabel *m_siteLabel;
    QLabel *m_tlsLabel;
    QLabel *m_demoLabel;
    QStringList m_pageIds;
    QDialog *m_help = nullptr;
};
