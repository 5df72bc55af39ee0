#pragma once

#include <QSet>
#include <QWidget>

#include <vector>

#include "ApiError.h"
#include "HostUpdateStatus.h"
#include "StatusRefresh.h"
#include "StatusTable.h"

class DistributionBar;
class ErrorBanner;
class HostDetailPane;
class QAbstractItemView;
class QCheckBox;
class QComboBox;
class QIODevice;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTableView;
class QTimer;
class QToolButton;
class QTreeView;
class SiteGroupProxy;
class UpdateStatusFilterProxy;
class UpdateStatusModel;

// The roll-out at a glance: statistics per category that filter the table, the per-host table
// with search, and the selected host's details with a diagnosis. Data comes from the app.
class UpdateStatusPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UpdateStatusPage)

public:
    explicit UpdateStatusPage(QWidget *parent = nullptr);
    ~UpdateStatusPage() override;

    UpdateStatusModel *model() const { return m_model; }
    UpdateStatusFilterProxy *proxy() const { return m_proxy; }
    QTableView *table() const { return m_table; }
    // The rows under one heading per site (distributed monitoring), shown instead of the table
    // while "Group by site" is on and the hosts are spread over more than one site.
    QTreeView *groupTree() const { return m_tree; }
    SiteGroupProxy *groupProxy() const { return m_groupProxy; }
    QCheckBox *groupBySiteToggle() const { return m_groupBySite; }
    void setGroupBySite(bool on); // remembered in the settings (when the page closes)
    bool isGrouped() const; // on, and more than one site

    // A first load: the table derived in a worker (one reset, no sorting or keys built here).
    void setTable(StatusTable table, qint64 fetchedAt);
    // A refresh computed in a worker: rows removed, inserted and changed in place, keeping
    // selection, sort and scroll.
    void applyRefresh(StatusRefresh refresh, qint64 fetchedAt);
    void setLoading(bool loading, const QString &text = {});
    void showError(const ApiError &error);
    void clearData(const QString &reason);
    // Where the data comes from when it is not the update-status endpoint (a stock site);
    // empty hides the note.
    void setSourceNote(const QString &note);
    // What the search for a host's target agent found, or that it runs; the host's details
    // are shown again (its row may have changed).
    void setTargetLookup(const QString &hostName, const QString &text, bool running);

    // Writes the visible rows (filtered, in their order, visible columns) as CSV.
    bool exportCsv(QIODevice *device) const;
    QString selectedRowsAsText() const;
    void setCategoryFilter(int category); // -1: all
    // Only the hosts of this site (empty: all); the category counts are then that site's.
    void setSiteFilter(const QString &site);
    QComboBox *siteFilter() const { return m_siteFilter; }
    int autoRefreshMinutes() const;

Q_SIGNALS:
    void refreshRequested();
    void cancelRequested();
    void findTargetRequested(const QString &hostName);

private:
    void fitColumnTitles();
    void finishLoad(qint64 fetchedAt);
    void buildStatistics();
    void updateStatistics();
    void updateEmptyState();
    void showCurrentHost();
    QAbstractItemView *currentView() const;
    void applyGrouping();
    void expandGroups(); // every heading but those the user collapsed
    void selectHost(const QString &hostName);
    // The filter proxy's rows selected in the view shown, in their order on screen.
    QList<int> selectedFilterRows() const;
    void chooseColumns(const QPoint &globalPos);
    void saveColumns() const;
    void restoreColumns();
    void exportToFile();
    void copySelection() const;

    UpdateStatusModel *m_model;
    UpdateStatusFilterProxy *m_proxy;
    QList<QToolButton *> m_categoryButtons;
    DistributionBar *m_distribution;
    QLineEdit *m_search;
    QComboBox *m_autoRefresh;
    QComboBox *m_siteFilter;
    QCheckBox *m_groupBySite;
    QLabel *m_fetched;
    QPushButton *m_refresh;
    QPushButton *m_export;
    QProgressBar *m_progress;
    QPushButton *m_cancel;
    ErrorBanner *m_errorLabel; // with the action that fixes the cause
    QLabel *m_sourceNote;
    QStackedWidget *m_tableStack;
    QLabel *m_empty;
    QTableView *m_table;
    SiteGroupProxy *m_groupProxy;
    QTreeView *m_tree;
    QSet<QString> m_collapsedSites; // headings the user collapsed, kept across refreshes
    bool m_groupAvailable = false; // the hosts are spread over more than one site
    HostDetailPane *m_detail;
    QTimer *m_timer;
    QTimer *m_searchDelay;
    QString m_currentHost;
    bool m_loading = false;
};
