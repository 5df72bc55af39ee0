#include "UpdateStatusPage.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDateTime>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollBar>
#include <QSettings>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

#include <array>
#include <map>
#include <vector>

#include "CsvWriter.h"
#include "DistributionBar.h"
#include "ErrorBanner.h"
#include "FileDialogs.h"
#include "FlowLayout.h"
#include "HostDetailPane.h"
#include "SiteGroupProxy.h"
#include "SiteGroupTreeView.h"
#include "UpdateCategory.h"
#include "UpdateStatusFilterProxy.h"
#include "UpdateStatusModel.h"

using namespace Qt::StringLiterals;

namespace {
// The order of the statistics: the roll-out's progress first, then what needs attention.
constexpr UpdateCategory::Category statisticsOrder[] = {
    UpdateCategory::UpToDate,      UpdateCategory::UpdatePending, UpdateCategory::Outdated,
    UpdateCategory::Failing,       UpdateCategory::Stale,         UpdateCategory::NeverContacted,
    UpdateCategory::NotRegistered, UpdateCategory::LeftOut,       UpdateCategory::GloballyDisabled,
};
} // namespace

UpdateStatusPage::UpdateStatusPage(QWidget *parent)
    : QWidget(parent)
    , m_model(new UpdateStatusModel(this))
    , m_proxy(new UpdateStatusFilterProxy(this))
    , m_distribution(new DistributionBar(this))
    , m_search(new QLineEdit(this))
    , m_autoRefresh(new QComboBox(this))
    , m_siteFilter(new QComboBox(this))
    , m_groupBySite(new QCheckBox(tr("&Group by site"), this))
    , m_fetched(new QLabel(this))
    , m_refresh(new QPushButton(tr("&Refresh"), this))
    , m_export(new QPushButton(tr("E&xport CSV…"), this))
    , m_progress(new QProgressBar(this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_errorLabel(new ErrorBanner(this))
    , m_sourceNote(new QLabel(this))
    , m_tableStack(new QStackedWidget(this))
    , m_empty(new QLabel(this))
    , m_table(new QTableView(this))
    , m_groupProxy(new SiteGroupProxy(this))
    , m_tree(new SiteGroupTreeView(this))
    , m_detail(new HostDetailPane(this))
    , m_timer(new QTimer(this))
    , m_searchDelay(new QTimer(this))
{
    setObjectName(u"updateStatusPage"_s);
    m_proxy->setStatusModel(m_model);

    m_search->setObjectName(u"search"_s);
    m_search->setPlaceholderText(tr("Search host, site, folder or error (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search"));
    m_autoRefresh->setObjectName(u"autoRefresh"_s);
    m_autoRefresh->addItem(tr("Auto-refresh off"), 0);
    m_autoRefresh->addItem(tr("Every minute"), 1);
    m_autoRefresh->addItem(tr("Every 5 minutes"), 5);
    m_autoRefresh->addItem(tr("Every 15 minutes"), 15);
    m_autoRefresh->setAccessibleName(tr("Automatic refresh"));
    // In a distributed set-up: the hosts of one site, with that site's counts.
    m_siteFilter->setObjectName(u"siteFilter"_s);
    m_siteFilter->setAccessibleName(tr("Site"));
    m_siteFilter->setToolTip(tr("Show the hosts of one site only; the counts above are then "
                                "that site's"));
    m_siteFilter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_siteFilter->setWhatsThis(tr("In distributed monitoring: the hosts of one site only, with "
                                  "that site's host count; the category counts above are then "
                                  "that site's."));
    m_siteFilter->hide();
    m_groupBySite->setObjectName(u"groupBySite"_s);
    m_groupBySite->setToolTip(tr("Show the hosts under one heading per site, with each site's "
                                 "counts (Alt+G)"));
    m_groupBySite->setWhatsThis(
        tr("In distributed monitoring: the hosts under one heading per site, each heading with "
           "the site's host count and its counts per category. Sorting, the search and the "
           "category filter apply inside every site. On a heading, Left or Minus collapses it "
           "and Right or Plus expands it."));
    m_groupBySite->setChecked(QSettings().value(u"status/groupBySite"_s, false).toBool());
    m_groupBySite->hide();
    m_fetched->setObjectName(u"fetchedAt"_s);
    m_export->setObjectName(u"exportCsv"_s);
    m_refresh->setToolTip(tr("Fetch the update status from the site (F5)"));
    m_progress->setRange(0, 0);
    m_progress->setMaximumWidth(180);
    m_progress->setTextVisible(false);
    m_progress->hide();
    m_cancel->hide();
    m_errorLabel->setObjectName(u"statusError"_s);
    m_sourceNote->setObjectName(u"statusSourceNote"_s);
    m_sourceNote->setWordWrap(true);
    m_sourceNote->setStyleSheet(u"background: #fff4d6; padding: 4px;"_s);
    m_sourceNote->hide();

    // What's This (Shift+F1), in the manual's terms.
    m_search->setWhatsThis(tr("Shows only the hosts whose name, site, folder, agent version or "
                              "error text contains what you type (Ctrl+F)."));
    m_autoRefresh->setWhatsThis(tr("Fetches the update status again at this interval while the "
                                   "page is open. The site's data are only as fresh as the "
                                   "hosts' last update checks (their check interval)."));
    m_refresh->setWhatsThis(tr("Fetches the update status of every host from the site now "
                               "(F5)."));
    m_export->setWhatsThis(tr("Writes the rows shown (filter and search applied) to a CSV file "
                              "for a spreadsheet or a ticket."));
    m_cancel->setWhatsThis(tr("Stops fetching the status; the table keeps what it showed "
                              "before."));
    m_table->setWhatsThis(
        tr("One row per host: its update category, the agent version installed and the target, "
           "the last update check and the error the updater reported. Click a column header to "
           "sort; right-click it to choose columns; select a host for its details and diagnosis; "
           "Ctrl+C copies the selected rows."));

    m_table->setObjectName(u"statusTable"_s);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(-1, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setContextMenuPolicy(Qt::CustomContextMenu);
    m_table->horizontalHeader()->setSectionsMovable(true);
    const int widths[] = { 150, 80, 110, 80, 80, 90, 80, 90, 90, 95, 260, 260 };
    for (int c = 0; c < UpdateStatusModel::ColumnCount; ++c)
        m_table->setColumnWidth(c, widths[c]);
    fitColumnTitles();
    m_table->setColumnHidden(UpdateStatusModel::CheckOutputColumn, true);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setObjectName(u"emptyState"_s);
    // The grouped view: the same columns, the rows under their site's heading. It is given the
    // grouping proxy's rows only while grouping is on (else the proxy is detached and costs
    // nothing). Uniform row heights keep its layout O(rows) without asking every row's size.
    m_tree->setObjectName(u"statusTree"_s);
    m_tree->setModel(m_groupProxy);
    m_tree->setUniformRowHeights(true);
    m_tree->setSortingEnabled(true);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tree->setAllColumnsShowFocus(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setWordWrap(false);
    m_tree->setExpandsOnDoubleClick(true);
    m_tree->header()->setHighlightSections(false);
    m_tree->header()->setContextMenuPolicy(Qt::CustomContextMenu);
    m_tree->setAccessibleName(tr("Update status by site"));
    m_tree->setWhatsThis(m_table->whatsThis()
                         + tr(" The hosts are grouped under their site: on a heading, Left or "
                              "Minus collapses the site and Right or Plus expands it."));
    m_tableStack->addWidget(m_table);
    m_tableStack->addWidget(m_tree);
    m_tableStack->addWidget(m_empty);

    // The counts wrap onto a second line in a narrow window rather than being cut.
    auto *statisticsBox = new QWidget(this);
    auto *statistics = new FlowLayout(statisticsBox, 4, 4);
    statistics->setContentsMargins(0, 0, 0, 0);
    for (const UpdateCategory::Category c : statisticsOrder) {
        auto *button = new QToolButton(this);
        button->setObjectName(u"category%1"_s.arg(int(c)));
        button->setCheckable(true);
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        button->setProperty("category", int(c));
        button->setToolTip(UpdateCategory::description(c));
        button->setWhatsThis(UpdateCategory::description(c)
                             + tr(" Click to show only these hosts; click again to show all."));
        QPixmap swatch(12, 12);
        swatch.fill(UpdateCategory::color(c));
        button->setIcon(QIcon(swatch));
        statistics->addWidget(button);
        m_categoryButtons << button;
        connect(button, &QToolButton::clicked, this,
                [this, c](bool checked) { setCategoryFilter(checked ? int(c) : -1); });
    }

    auto *toolbar = new QHBoxLayout;
    toolbar->addWidget(m_search, 1);
    toolbar->addWidget(m_progress);
    toolbar->addWidget(m_cancel);
    toolbar->addWidget(m_fetched);
    toolbar->addWidget(m_autoRefresh);
    toolbar->addWidget(m_refresh);
    toolbar->addWidget(m_export);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_tableStack);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({ 900, 340 });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(statisticsBox);
    layout->addWidget(m_distribution);
    // Distributed monitoring only (else both hidden and the row takes no space): a row of its
    // own, so that the toolbar still fits 1,024 pixels in German.
    auto *siteRow = new QHBoxLayout;
    siteRow->addWidget(m_siteFilter);
    siteRow->addWidget(m_groupBySite);
    siteRow->addStretch(1);
    layout->addLayout(siteRow);
    layout->addLayout(toolbar);
    layout->addWidget(m_errorLabel);
    layout->addWidget(m_sourceNote);
    layout->addWidget(splitter, 1);

    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(120);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_searchDelay, &QTimer::timeout, this, [this] {
        m_proxy->setSearchText(m_search->text());
        updateEmptyState();
    });
    connect(m_refresh, &QPushButton::clicked, this, &UpdateStatusPage::refreshRequested);
    connect(m_siteFilter, &QComboBox::activated, this,
            [this] { setSiteFilter(m_siteFilter->currentData().toString()); });
    connect(m_cancel, &QPushButton::clicked, this, &UpdateStatusPage::cancelRequested);
    connect(m_export, &QPushButton::clicked, this, &UpdateStatusPage::exportToFile);
    connect(m_detail, &HostDetailPane::findTargetRequested, this,
            &UpdateStatusPage::findTargetRequested);
    connect(m_model, &UpdateStatusModel::countsChanged, this, &UpdateStatusPage::updateStatistics);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &UpdateStatusPage::showCurrentHost);
    connect(m_table->horizontalHeader(), &QHeaderView::customContextMenuRequested, this,
            [this](const QPoint &pos) {
                chooseColumns(m_table->horizontalHeader()->mapToGlobal(pos));
            });
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &UpdateStatusPage::showCurrentHost);
    connect(m_tree->header(), &QHeaderView::customContextMenuRequested, this,
            [this](const QPoint &pos) { chooseColumns(m_tree->header()->mapToGlobal(pos)); });
    connect(m_groupBySite, &QCheckBox::toggled, this, &UpdateStatusPage::setGroupBySite);
    // After the view's own handling (connected by setModel above): headings that are new, or
    // all of them after a reset, are expanded unless the user collapsed them.
    connect(m_groupProxy, &QAbstractItemModel::modelReset, this, &UpdateStatusPage::expandGroups);
    connect(m_groupProxy, &QAbstractItemModel::layoutChanged, this,
            &UpdateStatusPage::expandGroups);
    connect(m_tree, &QTreeView::collapsed, this, [this](const QModelIndex &index) {
        if (SiteGroupProxy::isHeading(index))
            m_collapsedSites.insert(index.data(SiteGroupProxy::SiteRole).toString());
    });
    connect(m_tree, &QTreeView::expanded, this, [this](const QModelIndex &index) {
        m_collapsedSites.remove(index.data(SiteGroupProxy::SiteRole).toString());
    });
    connect(m_timer, &QTimer::timeout, this, &UpdateStatusPage::refreshRequested);
    connect(m_autoRefresh, &QComboBox::currentIndexChanged, this, [this] {
        const int minutes = m_autoRefresh->currentData().toInt();
        QSettings().setValue(u"status/autoRefreshMinutes"_s, minutes);
        if (minutes > 0)
            m_timer->start(minutes * 60 * 1000);
        else
            m_timer->stop();
    });
    auto *find = new QShortcut(QKeySequence::Find, this);
    connect(find, &QShortcut::activated, this, [this] {
        m_search->setFocus();
        m_search->selectAll();
    });
    for (QWidget *view : std::initializer_list<QWidget *> { m_table, m_tree }) {
        auto *copy = new QShortcut(QKeySequence::Copy, view);
        copy->setContext(Qt::WidgetShortcut);
        connect(copy, &QShortcut::activated, this, &UpdateStatusPage::copySelection);
    }

    const int saved = QSettings().value(u"status/autoRefreshMinutes"_s, 0).toInt();
    m_autoRefresh->setCurrentIndex(qMax(0, m_autoRefresh->findData(saved)));
    restoreColumns();
    updateStatistics();
    clearData(tr("Connect to a site to see the update status of its hosts."));
}

UpdateStatusPage::~UpdateStatusPage()
{
    saveColumns();
    // Written here, not at each toggle: a settings write (file sync) took 15 to 30 ms of the UI
    // thread in agentdesk-bench, more than the grouping itself.
    QSettings().setValue(u"status/groupBySite"_s, m_groupBySite->isChecked());
}

void UpdateStatusPage::updateStatistics()
{
    // The counts per site and category, in one pass over the rows; a site's hosts are then its
    // group: the site filter shows them with their own counts.
    // A set-up has a handful of sites: a short list, tried at the last hit first, costs about
    // one string comparison a row (this runs after every refresh of up to 200,000 rows).
    std::vector<std::pair<QString, std::array<int, UpdateCategory::Count>>> found;
    size_t last = 0;
    const int rows = m_model->rowCount();
    for (int row = 0; row < rows; ++row) {
        const QString &site = m_model->row(row).site;
        if (last >= found.size() || found[last].first != site) {
            last = 0;
            while (last < found.size() && found[last].first != site)
                ++last;
            if (last == found.size())
                found.push_back({ site, {} });
        }
        ++found[last].second[size_t(m_model->category(row))];
    }
    std::map<QString, std::array<int, UpdateCategory::Count>> perSite(found.begin(), found.end());
    QString chosen = m_proxy->siteFilter();
    if (!chosen.isEmpty() && perSite.find(chosen) == perSite.end()) {
        chosen.clear(); // the site has no hosts any more
        m_proxy->setSiteFilter(QString());
    }
    {
        const QSignalBlocker block(m_siteFilter);
        m_siteFilter->clear();
        m_siteFilter->addItem(tr("All sites (%n host(s))", nullptr, rows), QString());
        for (const auto &[site, counts] : perSite) {
            int n = 0;
            for (const int c : counts)
                n += c;
            m_siteFilter->addItem(tr("%1 (%n host(s))", nullptr, n).arg(site), site);
        }
        m_siteFilter->setCurrentIndex(qMax(0, m_siteFilter->findData(chosen)));
        m_siteFilter->setVisible(perSite.size() > 1 || !chosen.isEmpty());
        m_groupAvailable = perSite.size() > 1;
        m_groupBySite->setVisible(m_groupAvailable);
    }
    applyGrouping();
    const auto countOf = [&](UpdateCategory::Category c) {
        return chosen.isEmpty() ? m_model->count(c) : perSite[chosen][size_t(c)];
    };
    QList<DistributionBar::Segment> segments;
    for (QToolButton *button : std::as_const(m_categoryButtons)) {
        const auto c = UpdateCategory::Category(button->property("category").toInt());
        const int n = countOf(c);
        button->setText(u"%1  %2"_s.arg(UpdateCategory::name(c), QLocale().toString(n)));
        button->setAccessibleName(
            tr("%1: %n host(s); filter the table", nullptr, n).arg(UpdateCategory::name(c)));
        segments.append({ UpdateCategory::name(c), n, UpdateCategory::color(c) });
    }
    m_distribution->setSegments(segments);
}

void UpdateStatusPage::setCategoryFilter(int category)
{
    for (QToolButton *button : std::as_const(m_categoryButtons))
        button->setChecked(button->property("category").toInt() == category);
    m_proxy->setCategoryMask(category < 0 ? ~0u : (1u << category));
    updateEmptyState();
}

void UpdateStatusPage::setSiteFilter(const QString &site)
{
    m_proxy->setSiteFilter(site);
    updateStatistics();
    updateEmptyState();
}

void UpdateStatusPage::updateEmptyState()
{
    if (m_model->rowCount() == 0) {
        m_tableStack->setCurrentWidget(m_empty);
        return;
    }
    if (m_proxy->rowCount() == 0) {
        m_empty->setText(
            tr("No host matches the filter.\nClear the search, the category or the site to see all "
               "%n host(s).",
               nullptr, m_model->rowCount()));
        m_tableStack->setCurrentWidget(m_empty);
        return;
    }
    m_tableStack->setCurrentWidget(isGrouped() ? static_cast<QWidget *>(m_tree) : m_table);
}

bool UpdateStatusPage::isGrouped() const
{
    return m_groupProxy->filterProxy() != nullptr;
}

QAbstractItemView *UpdateStatusPage::currentView() const
{
    return isGrouped() ? static_cast<QAbstractItemView *>(m_tree) : m_table;
}

void UpdateStatusPage::setGroupBySite(bool on)
{
    if (m_groupBySite->isChecked() != on) {
        const QSignalBlocker block(m_groupBySite);
        m_groupBySite->setChecked(on);
    }
    applyGrouping();
}

void UpdateStatusPage::applyGrouping()
{
    const bool want = m_groupBySite->isChecked() && m_groupAvailable;
    if (want == isGrouped())
        return;
    const QString current = m_currentHost;
    const bool focused = currentView()->hasFocus();
    if (want) {
        // The table's columns as they are (order, widths, hidden ones), and its sort.
        m_tree->header()->restoreState(m_table->horizontalHeader()->saveState());
        // The first column also holds the expand mark: as wide as the table's plus its indent.
        const int first = m_tree->header()->logicalIndex(0);
        m_tree->setColumnWidth(first, m_table->columnWidth(first) + m_tree->indentation());
        m_groupProxy->setFilterProxy(m_proxy);
        m_tree->header()->setSortIndicator(m_proxy->sortColumn(), m_proxy->sortOrder());
    } else {
        // The columns as the user left them in the grouped view.
        m_table->horizontalHeader()->restoreState(m_tree->header()->saveState());
        const int first = m_table->horizontalHeader()->logicalIndex(0);
        m_table->setColumnWidth(first,
                                qMax(m_table->horizontalHeader()->sectionSizeHint(first),
                                     m_tree->columnWidth(first) - m_tree->indentation()));
        m_groupProxy->setFilterProxy(nullptr);
        m_table->horizontalHeader()->setSortIndicator(m_proxy->sortColumn(), m_proxy->sortOrder());
    }
    updateEmptyState();
    selectHost(current);
    if (focused)
        currentView()->setFocus();
}

void UpdateStatusPage::expandGroups()
{
    // After a reset the view's layout is still pending: each expansion is only noted, and the
    // next paint lays out every row once.
    for (int group = 0; group < m_groupProxy->groupCount(); ++group) {
        const QModelIndex heading = m_groupProxy->groupIndex(group);
        if (!m_collapsedSites.contains(m_groupProxy->groupSite(group))
            && !m_tree->isExpanded(heading))
            m_tree->expand(heading);
    }
}

void UpdateStatusPage::selectHost(const QString &hostName)
{
    const int source = hostName.isEmpty() ? -1 : m_model->rowOf(hostName);
    QModelIndex index
        = source < 0 ? QModelIndex() : m_proxy->mapFromSource(m_model->index(source, 0));
    if (index.isValid() && isGrouped())
        index = m_groupProxy->mapFromSource(index);
    if (!index.isValid())
        return;
    if (isGrouped())
        m_tree->expand(index.parent());
    currentView()->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    currentView()->scrollTo(index);
}

void UpdateStatusPage::setTable(StatusTable table, qint64 fetchedAt)
{
    m_detail->showNothing();
    m_model->setTable(std::move(table));
    finishLoad(fetchedAt);
}

void UpdateStatusPage::fitColumnTitles()
{
    // Never narrower than the column's title needs (German titles are longer; "Heruntergeladen"
    // was cut to "Herunterg…"). Measured once polished: before, the header's font and sort
    // indicator are not those it is painted with.
    QHeaderView *header = m_table->horizontalHeader();
    header->ensurePolished();
    for (int c = 0; c < UpdateStatusModel::ColumnCount; ++c) {
        if (!m_table->isColumnHidden(c) && header->sectionSize(c) < header->sectionSizeHint(c))
            m_table->setColumnWidth(c, header->sectionSizeHint(c));
    }
}

void UpdateStatusPage::finishLoad(qint64 fetchedAt)
{
    m_fetched->setText(tr("Fetched %1")
                           .arg(QLocale().toString(QDateTime::fromSecsSinceEpoch(fetchedAt).time(),
                                                   QLocale::ShortFormat)));
    m_fetched->setToolTip(
        QLocale().toString(QDateTime::fromSecsSinceEpoch(fetchedAt), QLocale::LongFormat));
    m_errorLabel->hide();
    fitColumnTitles();
    if (m_model->rowCount() == 0)
        m_empty->setText(tr("The site has no hosts."));
    updateEmptyState();
}

void UpdateStatusPage::applyRefresh(StatusRefresh refresh, qint64 fetchedAt)
{
    QAbstractItemView *view = currentView();
    const int scroll = view->verticalScrollBar()->value();
    const QString current = m_currentHost;
    m_model->applyRefresh(std::move(refresh));
    // After a reset (other hosts), find the selected host again by name.
    if (!current.isEmpty() && !currentView()->selectionModel()->currentIndex().isValid())
        selectHost(current);
    currentView()->verticalScrollBar()->setValue(scroll);
    showCurrentHost();
    finishLoad(fetchedAt);
}

void UpdateStatusPage::setLoading(bool loading, const QString &text)
{
    m_loading = loading;
    m_progress->setVisible(loading);
    m_cancel->setVisible(loading);
    m_refresh->setEnabled(!loading);
    if (loading)
        m_fetched->setText(text.isEmpty() ? tr("Loading…") : text);
}

void UpdateStatusPage::showError(const ApiError &error)
{
    m_errorLabel->showError(error, tr("The update status could not be fetched."));
    if (m_model->rowCount() == 0) {
        m_empty->setText(tr("No data.\n%1").arg(error.summary()));
        updateEmptyState();
    }
}

void UpdateStatusPage::setSourceNote(const QString &note)
{
    m_sourceNote->setText(note);
    m_sourceNote->setVisible(!note.isEmpty());
}

void UpdateStatusPage::setTargetLookup(const QString &hostName, const QString &text, bool running)
{
    if (hostName == m_currentHost)
        showCurrentHost();
    m_detail->setTargetLookup(hostName, text, running);
}

void UpdateStatusPage::clearData(const QString &reason)
{
    setSourceNote({});
    m_model->clear();
    m_empty->setText(reason);
    m_fetched->clear();
    m_detail->showNothing();
    updateEmptyState();
}

int UpdateStatusPage::autoRefreshMinutes() const
{
    return m_autoRefresh->currentData().toInt();
}

void UpdateStatusPage::showCurrentHost()
{
    const QModelIndex current = currentView()->selectionModel()->currentIndex();
    const int filterRow = !current.isValid() ? -1
        : isGrouped()                        ? m_groupProxy->filterRow(current)
                                             : current.row();
    if (filterRow < 0) { // nothing, or a site's heading
        m_currentHost.clear();
        m_detail->showNothing();
        return;
    }
    const int source = m_proxy->sourceRow(filterRow);
    m_currentHost = m_model->row(source).hostName;
    m_detail->showHost(m_model->row(source), m_model->category(source), m_model->now());
}

bool UpdateStatusPage::exportCsv(QIODevice *device) const
{
    QList<int> columns;
    const QHeaderView *header = m_table->horizontalHeader();
    for (int visual = 0; visual < header->count(); ++visual) {
        const int logical = header->logicalIndex(visual);
        if (!header->isSectionHidden(logical))
            columns << logical;
    }
    QStringList head;
    for (const int c : columns)
        head << CsvWriter::field(m_model->headerData(c, Qt::Horizontal).toString());
    QByteArray out = head.join(u',').toUtf8() + "\r\n";
    for (int r = 0; r < m_proxy->rowCount(); ++r) {
        const int source = m_proxy->mapToSource(m_proxy->index(r, 0)).row();
        const HostUpdateStatus &s = m_model->row(source);
        QStringList fields;
        for (const int c : columns) {
            // Full values in the file: whole hashes and exact times, not the display forms.
            QString v;
            switch (c) {
            case UpdateStatusModel::TargetColumn:
                v = HostUpdateStatus::hashText(s.targetHash);
                break;
            case UpdateStatusModel::DownloadedColumn:
                v = HostUpdateStatus::hashText(s.downloadedHash);
                break;
            case UpdateStatusModel::InstalledColumn:
                v = HostUpdateStatus::hashText(s.installedHash);
                break;
            case UpdateStatusModel::LastCheckColumn:
                v = s.lastCheck < 0
                    ? QString()
                    : QDateTime::fromSecsSinceEpoch(s.lastCheck, Qt::UTC).toString(Qt::ISODate);
                break;
            case UpdateStatusModel::LastUpdateColumn:
                v = s.lastUpdate < 0
                    ? QString()
                    : QDateTime::fromSecsSinceEpoch(s.lastUpdate, Qt::UTC).toString(Qt::ISODate);
                break;
            default:
                v = m_model->index(source, c).data().toString();
            }
            fields << CsvWriter::field(v);
        }
        out += fields.join(u',').toUtf8() + "\r\n";
    }
    return device->write(out) == out.size();
}

QString UpdateStatusPage::selectedRowsAsText() const
{
    const QList<int> rows = selectedFilterRows();
    QStringList lines;
    for (const int r : rows) {
        QStringList fields;
        for (int c = 0; c < UpdateStatusModel::ColumnCount; ++c) {
            if (!m_table->isColumnHidden(c))
                fields << m_proxy->index(r, c).data().toString();
        }
        lines << fields.join(u'\t');
    }
    return lines.join(u'\n');
}

QList<int> UpdateStatusPage::selectedFilterRows() const
{
    QList<int> rows;
    if (!isGrouped()) {
        for (const QModelIndex &i : m_table->selectionModel()->selectedRows())
            rows << i.row();
        std::sort(rows.begin(), rows.end());
        return rows;
    }
    // On screen: by heading, then by row under it (headings are never selected).
    QList<QPair<int, int>> placed;
    for (const QModelIndex &i : m_tree->selectionModel()->selectedRows()) {
        if (!SiteGroupProxy::isHeading(i))
            placed.append({ i.parent().row(), i.row() });
    }
    std::sort(placed.begin(), placed.end());
    for (const auto &[group, row] : std::as_const(placed))
        rows << m_groupProxy->filterRow(
            m_groupProxy->index(row, 0, m_groupProxy->groupIndex(group)));
    return rows;
}

void UpdateStatusPage::copySelection() const
{
    QApplication::clipboard()->setText(selectedRowsAsText());
}

void UpdateStatusPage::exportToFile()
{
    const QString path = FileDialogs::saveFileName(
        this, u"export"_s, tr("Export visible rows"), u"agent-update-status.csv"_s,
        tr("CSV files (*.csv)"), QStandardPaths::DocumentsLocation);
    if (path.isEmpty())
        return;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !exportCsv(&file) || !file.commit()) {
        QMessageBox::warning(this, tr("Export failed"),
                             tr("Could not write %1: %2").arg(path, file.errorString()));
        return;
    }
    FileDialogs::confirmSaved(this, tr("Export CSV"), path)
        ->setInformativeText(tr("%n row(s) exported.", nullptr, m_proxy->rowCount()));
}

void UpdateStatusPage::chooseColumns(const QPoint &globalPos)
{
    QMenu menu(this);
    for (int c = 0; c < UpdateStatusModel::ColumnCount; ++c) {
        QAction *a = menu.addAction(m_model->headerData(c, Qt::Horizontal).toString());
        a->setCheckable(true);
        a->setChecked(!m_table->isColumnHidden(c));
        a->setEnabled(c != UpdateStatusModel::HostColumn);
        connect(a, &QAction::toggled, this, [this, c](bool on) {
            m_table->setColumnHidden(c, !on);
            m_tree->setColumnHidden(c, !on);
            saveColumns();
        });
    }
    menu.exec(globalPos);
}

void UpdateStatusPage::saveColumns() const
{
    const QHeaderView *header = isGrouped() ? m_tree->header() : m_table->horizontalHeader();
    QSettings().setValue(u"status/header"_s, header->saveState());
}

void UpdateStatusPage::restoreColumns()
{
    const QByteArray state = QSettings().value(u"status/header"_s).toByteArray();
    if (!state.isEmpty())
        m_table->horizontalHeader()->restoreState(state);
}
