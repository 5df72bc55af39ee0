// The update-status rows grouped under one heading per site (SiteGroupProxy), over the filter
// proxy, checked by QAbstractItemModelTester: headings in site order with each site's counts,
// rows under their own site in the filter proxy's sort order, search and category filters inside
// the groups, and a refresh that keeps a row's and a heading's persistent index.
#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include "SiteGroupProxy.h"
#include "UpdateStatusFilterProxy.h"
#include "UpdateStatusModel.h"

using namespace Qt::StringLiterals;

namespace {
constexpr qint64 now = 1'800'000'000;
constexpr quint64 target = 0xabcdef0123456789ULL;

HostUpdateStatus host(const QString &name, const QString &site, bool upToDate)
{
    HostUpdateStatus s;
    s.hostName = name;
    s.site = site;
    s.folder = u"/linux"_s;
    s.registered = true;
    s.targetHash = target;
    s.installedHash = upToDate ? target : 0x1111;
    s.downloadedHash = s.installedHash;
    s.lastCheck = now - 60;
    s.checkState = 0;
    return s;
}
} // namespace

class TestSiteGroupProxy final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void headingsAndCounts();
    void rowsUnderTheirSiteInSortOrder();
    void filtersApplyInsideGroups();
    void refreshKeepsPersistentIndexes();
    void detachedIsEmpty();

private:
    static std::vector<HostUpdateStatus> rows();
    QStringList hostsUnder(int group) const
    {
        QStringList out;
        const QModelIndex heading = m_group->groupIndex(group);
        for (int r = 0; r < m_group->rowCount(heading); ++r)
            out << m_group->index(r, UpdateStatusModel::HostColumn, heading).data().toString();
        return out;
    }

    UpdateStatusModel *m_model = nullptr;
    UpdateStatusFilterProxy *m_proxy = nullptr;
    SiteGroupProxy *m_group = nullptr;
    QAbstractItemModelTester *m_tester = nullptr;
};

std::vector<HostUpdateStatus> TestSiteGroupProxy::rows()
{
    // The sites interleaved, as a central site's status lists them.
    return { host(u"web10"_s, u"remote1"_s, true), host(u"db1"_s, u"central"_s, false),
             host(u"web2"_s, u"remote1"_s, false), host(u"app3"_s, u"remote2"_s, true),
             host(u"db20"_s, u"central"_s, true),  host(u"web1"_s, u"remote1"_s, true) };
}

void TestSiteGroupProxy::init()
{
    m_model = new UpdateStatusModel(this);
    m_proxy = new UpdateStatusFilterProxy(this);
    m_proxy->setStatusModel(m_model);
    m_group = new SiteGroupProxy(this);
    m_group->setFilterProxy(m_proxy);
    m_tester = new QAbstractItemModelTester(
        m_group, QAbstractItemModelTester::FailureReportingMode::QtTest, this);
    m_model->setRows(rows(), now, true);
}

void TestSiteGroupProxy::cleanup()
{
    delete m_tester;
    delete m_group;
    delete m_proxy;
    delete m_model;
}

void TestSiteGroupProxy::headingsAndCounts()
{
    QCOMPARE(m_group->rowCount(), 3);
    QCOMPARE(m_group->groupSite(0), u"central"_s);
    QCOMPARE(m_group->groupSite(1), u"remote1"_s);
    QCOMPARE(m_group->groupSite(2), u"remote2"_s);
    QCOMPARE(m_group->groupHostCount(1), 3);
    QCOMPARE(m_group->groupCategoryCount(1, UpdateCategory::UpToDate), 2);
    QCOMPARE(m_group->groupCategoryCount(1, UpdateCategory::Outdated), 1);
    QCOMPARE(m_group->groupCategoryCount(2, UpdateCategory::Outdated), 0);
    const QModelIndex heading = m_group->groupIndex(1);
    QVERIFY(SiteGroupProxy::isHeading(heading));
    QCOMPARE(heading.data(SiteGroupProxy::SiteRole).toString(), u"remote1"_s);
    const QString text = heading.data().toString();
    QVERIFY2(text.startsWith(u"remote1"_s) && text.contains(u"3 host"_s)
                 && text.contains(UpdateCategory::name(UpdateCategory::UpToDate) + u" 2"_s)
                 && text.contains(UpdateCategory::name(UpdateCategory::Outdated) + u" 1"_s),
             qPrintable(text));
    QVERIFY(!(m_group->flags(heading) & Qt::ItemIsSelectable));
    QVERIFY(!m_group->mapToSource(heading).isValid());
}

void TestSiteGroupProxy::rowsUnderTheirSiteInSortOrder()
{
    // Unsorted: the site's order of the rows, split by site.
    QCOMPARE(hostsUnder(1), QStringList({ u"web10"_s, u"web2"_s, u"web1"_s }));
    m_group->sort(UpdateStatusModel::HostColumn, Qt::AscendingOrder);
    QCOMPARE(m_proxy->sortColumn(), int(UpdateStatusModel::HostColumn));
    QCOMPARE(hostsUnder(0), QStringList({ u"db1"_s, u"db20"_s }));
    QCOMPARE(hostsUnder(1), QStringList({ u"web1"_s, u"web2"_s, u"web10"_s }));
    m_group->sort(UpdateStatusModel::HostColumn, Qt::DescendingOrder);
    QCOMPARE(hostsUnder(1), QStringList({ u"web10"_s, u"web2"_s, u"web1"_s }));
    // Each row maps to the status model's row of the same host and site.
    for (int g = 0; g < m_group->groupCount(); ++g) {
        const QModelIndex heading = m_group->groupIndex(g);
        for (int r = 0; r < m_group->rowCount(heading); ++r) {
            const QModelIndex i = m_group->index(r, 0, heading);
            const int source = m_proxy->sourceRow(m_group->filterRow(i));
            QCOMPARE(m_model->row(source).site, m_group->groupSite(g));
            QCOMPARE(m_model->row(source).hostName, i.data().toString());
            QCOMPARE(m_group->mapFromSource(m_group->mapToSource(i)), i);
        }
    }
}

void TestSiteGroupProxy::filtersApplyInsideGroups()
{
    m_proxy->setSearchText(u"WEB"_s);
    // Only remote1 has a match: one heading, its rows, and the site's counts unchanged.
    QCOMPARE(m_group->groupCount(), 1);
    QCOMPARE(m_group->groupSite(0), u"remote1"_s);
    QCOMPARE(m_group->groupRowCount(0), 3);
    m_proxy->setCategoryMask(1u << UpdateCategory::Outdated);
    QCOMPARE(m_group->groupCount(), 1);
    QCOMPARE(hostsUnder(0), QStringList({ u"web2"_s }));
    QCOMPARE(m_group->groupHostCount(0), 3);
    QVERIFY2(m_group->groupIndex(0).data().toString().contains(u"1 of 3 host"_s),
             qPrintable(m_group->groupIndex(0).data().toString()));
    m_proxy->setSearchText(QString());
    QCOMPARE(m_group->groupCount(), 2); // central's db1 is outdated too
    QCOMPARE(hostsUnder(0), QStringList({ u"db1"_s }));
}

void TestSiteGroupProxy::refreshKeepsPersistentIndexes()
{
    m_group->sort(UpdateStatusModel::HostColumn, Qt::AscendingOrder);
    const QPersistentModelIndex heading = m_group->groupIndex(1);
    const QPersistentModelIndex web2 = m_group->index(1, 0, heading);
    QCOMPARE(web2.data().toString(), u"web2"_s);
    QSignalSpy reset(m_group, &QAbstractItemModel::modelReset);
    // A refresh: db1 gone, web2 repaired, a new remote1 host web0 (sorts first) and a new site.
    std::vector<HostUpdateStatus> next;
    for (HostUpdateStatus r : rows()) {
        if (r.hostName == u"db1"_s)
            continue;
        if (r.hostName == u"web2"_s)
            r.installedHash = r.downloadedHash = target;
        next.push_back(r);
    }
    next.push_back(host(u"web0"_s, u"remote1"_s, true));
    next.push_back(host(u"edge1"_s, u"branch"_s, true));
    m_model->applyRefresh(StatusRefresh::compute(*m_model->rowsSnapshot(), next, now, true));
    QCOMPARE(reset.size(), 0);
    QCOMPARE(m_group->groupCount(), 4);
    QCOMPARE(m_group->groupSite(0), u"branch"_s);
    QVERIFY(heading.isValid());
    QCOMPARE(heading.row(), 2);
    QCOMPARE(heading.data(SiteGroupProxy::SiteRole).toString(), u"remote1"_s);
    QVERIFY(web2.isValid());
    QCOMPARE(web2.data().toString(), u"web2"_s);
    QCOMPARE(web2.parent(), QModelIndex(heading));
    QCOMPARE(web2.row(), 2); // web0, web1, web2
    QCOMPARE(m_group->groupCategoryCount(2, UpdateCategory::UpToDate), 4);
}

void TestSiteGroupProxy::detachedIsEmpty()
{
    m_group->setFilterProxy(nullptr);
    QCOMPARE(m_group->rowCount(), 0);
    // Detached, the filter proxy's changes cost it nothing and change nothing.
    m_proxy->setSearchText(u"web"_s);
    QCOMPARE(m_group->rowCount(), 0);
    m_group->setFilterProxy(m_proxy);
    QCOMPARE(m_group->groupCount(), 1);
}

QTEST_GUILESS_MAIN(TestSiteGroupProxy)
#include "tst_sitegroupproxy.moc"
