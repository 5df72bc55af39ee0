// The update-status model and its filter proxy, checked by QAbstractItemModelTester.
#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <numeric>

#include "UpdateStatusFilterProxy.h"
#include "UpdateStatusModel.h"

using namespace Qt::StringLiterals;

class TestStatusModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void displayAndRawValues();
    void categoryFilter();
    void searchIsCaseInsensitive();
    void sortsOnRealValues();
    void batchesAndRefresh();
    void searchWhileSorted();
    void refreshIsIncremental();
    void naturalCompare();
    void ordersAreTheComparisonsOrder();

private:
    static std::vector<HostUpdateStatus> rows();
    QStringList proxyHosts() const
    {
        QStringList out;
        for (int r = 0; r < m_proxy->rowCount(); ++r)
            out << m_proxy->index(r, 0).data().toString();
        return out;
    }
    UpdateStatusModel *m_model = nullptr;
    UpdateStatusFilterProxy *m_proxy = nullptr;
    QAbstractItemModelTester *m_modelTester = nullptr;
    QAbstractItemModelTester *m_proxyTester = nullptr;
};

constexpr qint64 now = 1'800'000'000;

std::vector<HostUpdateStatus> TestStatusModel::rows()
{
    std::vector<HostUpdateStatus> out;
    const auto add = [&](const char *name, qint64 lastCheck, const char *error, quint64 installed) {
        HostUpdateStatus s;
        s.hostName = QString::fromLatin1(name);
        s.site = u"prod"_s;
        s.folder = u"/linux"_s;
        s.registered = true;
        s.targetHash = 0xabcdef0123456789ULL;
        s.installedHash = installed;
        s.downloadedHash = installed;
        s.lastCheck = lastCheck;
        s.lastError = QString::fromLatin1(error);
        s.checkState = *error ? 2 : 0;
        out.push_back(s);
    };
    add("web10", now - 300, "", 0xabcdef0123456789ULL);
    add("web9", now - 60, "Error: No valid signature found.", 0x1111);
    add("db1", now - 9000, "", 0xabcdef0123456789ULL);
    add("Web2", now - 100, "", 0x1111);
    return out;
}

void TestStatusModel::init()
{
    m_model = new UpdateStatusModel(this);
    m_proxy = new UpdateStatusFilterProxy(this);
    m_proxy->setStatusModel(m_model);
    m_modelTester = new QAbstractItemModelTester(
        m_model, QAbstractItemModelTester::FailureReportingMode::QtTest, this);
    m_proxyTester = new QAbstractItemModelTester(
        m_proxy, QAbstractItemModelTester::FailureReportingMode::QtTest, this);
    m_model->setRows(rows(), now, true);
}

void TestStatusModel::cleanup()
{
    delete m_proxyTester;
    delete m_modelTester;
    delete m_proxy;
    delete m_model;
}

void TestStatusModel::displayAndRawValues()
{
    const QModelIndex check = m_model->index(0, UpdateStatusModel::LastCheckColumn);
    QCOMPARE(check.data().toString(), u"5 min ago"_s);
    QCOMPARE(check.data(UpdateStatusModel::RawValueRole).toLongLong(), now - 300);
    QVERIFY(!check.data(Qt::ToolTipRole).toString().isEmpty());
    const QModelIndex target = m_model->index(0, UpdateStatusModel::TargetColumn);
    QCOMPARE(target.data().toString(), u"abcdef01"_s);
    QCOMPARE(target.data(Qt::ToolTipRole).toString(), u"abcdef0123456789"_s);
    // A mismatch against the target is marked.
    QVERIFY(
        m_model->index(1, UpdateStatusModel::InstalledColumn).data(Qt::ForegroundRole).isValid());
    QVERIFY(
        !m_model->index(0, UpdateStatusModel::InstalledColumn).data(Qt::ForegroundRole).isValid());
    QCOMPARE(m_model->index(1, UpdateStatusModel::CheckStateColumn).data().toString(), u"CRIT"_s);
    QCOMPARE(m_model->count(UpdateCategory::UpToDate), 1);
    QCOMPARE(m_model->count(UpdateCategory::Failing), 1);
    QCOMPARE(m_model->count(UpdateCategory::Stale), 1);
    QCOMPARE(m_model->count(UpdateCategory::Outdated), 1);
}

void TestStatusModel::categoryFilter()
{
    m_proxy->setCategoryMask(1u << UpdateCategory::Failing);
    QCOMPARE(m_proxy->rowCount(), 1);
    QCOMPARE(m_proxy->index(0, 0).data().toString(), u"web9"_s);
    m_proxy->setCategoryMask((1u << UpdateCategory::Stale) | (1u << UpdateCategory::UpToDate));
    QCOMPARE(m_proxy->rowCount(), 2);
    m_proxy->setCategoryMask(~0u);
    QCOMPARE(m_proxy->rowCount(), 4);
}

void TestStatusModel::searchIsCaseInsensitive()
{
    m_proxy->setSearchText(u"WEB"_s);
    QCOMPARE(m_proxy->rowCount(), 3);
    m_proxy->setSearchText(u"signature"_s); // the error text
    QCOMPARE(m_proxy->rowCount(), 1);
    m_proxy->setSearchText(u"/linux"_s); // the folder
    QCOMPARE(m_proxy->rowCount(), 4);
    m_proxy->setSearchText(u"nothing-like-this"_s);
    QCOMPARE(m_proxy->rowCount(), 0);
}

void TestStatusModel::sortsOnRealValues()
{
    // By last check: the real time, not the text ("5 min ago" < "2 h ago" as text would lie).
    m_proxy->sort(UpdateStatusModel::LastCheckColumn, Qt::AscendingOrder);
    QCOMPARE(m_proxy->index(0, 0).data().toString(), u"db1"_s);
    QCOMPARE(m_proxy->index(3, 0).data().toString(), u"web9"_s);
    // Host names: case-insensitive, numbers in natural order (web9 before web10).
    m_proxy->sort(UpdateStatusModel::HostColumn, Qt::AscendingOrder);
    QCOMPARE(proxyHosts(), QStringList({ u"db1"_s, u"Web2"_s, u"web9"_s, u"web10"_s }));
    m_proxy->sort(UpdateStatusModel::HostColumn, Qt::DescendingOrder);
    QCOMPARE(proxyHosts(), QStringList({ u"web10"_s, u"web9"_s, u"Web2"_s, u"db1"_s }));
    m_proxy->sort(UpdateStatusModel::InstalledColumn, Qt::DescendingOrder);
    QCOMPARE(m_proxy->index(0, UpdateStatusModel::InstalledColumn)
                 .data(Qt::ToolTipRole)
                 .toString()
                 .left(16),
             u"abcdef0123456789"_s);
}

void TestStatusModel::batchesAndRefresh()
{
    m_model->setRows({}, now, true);
    std::vector<HostUpdateStatus> all = rows();
    m_model->appendRows({ all.begin(), all.begin() + 2 });
    m_model->appendRows({ all.begin() + 2, all.end() });
    QCOMPARE(m_model->rowCount(), 4);
    QCOMPARE(m_model->count(UpdateCategory::Failing), 1);
    // Same hosts: rows keep their place and a persistent index survives.
    const QPersistentModelIndex kept(m_model->index(2, 0));
    all[1].lastError.clear();
    all[1].installedHash = all[1].targetHash;
    m_model->updateRows(all, now, true);
    QVERIFY(kept.isValid());
    QCOMPARE(kept.row(), 2);
    QCOMPARE(m_model->count(UpdateCategory::Failing), 0);
    // The master switch off: every host is in that category.
    m_model->updateRows(all, now, false);
    QCOMPARE(m_model->count(UpdateCategory::GloballyDisabled), 4);
}

void TestStatusModel::searchWhileSorted()
{
    // Filtering walks the kept order: the matches stay sorted, and clearing restores all.
    m_proxy->sort(UpdateStatusModel::HostColumn, Qt::DescendingOrder);
    m_proxy->setSearchText(u"WEB"_s);
    QCOMPARE(proxyHosts(), QStringList({ u"web10"_s, u"web9"_s, u"Web2"_s }));
    m_proxy->setSearchText(u"web1"_s);
    QCOMPARE(proxyHosts(), QStringList({ u"web10"_s }));
    m_proxy->setSearchText(QString());
    QCOMPARE(proxyHosts(), QStringList({ u"web10"_s, u"web9"_s, u"Web2"_s, u"db1"_s }));
}

void TestStatusModel::refreshIsIncremental()
{
    // A refresh without db1, with a new web3 and web9 repaired: one row removed, one inserted,
    // changed rows announced, no reset; the selected row (a persistent proxy index) stays on
    // web9 and the sort holds.
    m_proxy->sort(UpdateStatusModel::HostColumn, Qt::AscendingOrder);
    QPersistentModelIndex selected;
    for (int r = 0; r < m_proxy->rowCount(); ++r) {
        if (m_proxy->index(r, 0).data().toString() == u"web9"_s)
            selected = m_proxy->index(r, 0);
    }
    QVERIFY(selected.isValid());
    QSignalSpy reset(m_model, &QAbstractItemModel::modelReset);
    QSignalSpy removed(m_model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(m_model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    std::vector<HostUpdateStatus> next;
    for (HostUpdateStatus r : rows()) {
        if (r.hostName == u"db1"_s)
            continue;
        if (r.hostName == u"web9"_s) {
            r.lastError.clear();
            r.checkState = 0;
            r.installedHash = r.downloadedHash = r.targetHash;
        }
        next.push_back(r);
    }
    HostUpdateStatus added = next.front();
    added.hostName = u"web3"_s;
    next.insert(next.begin(), added); // the site's order differs: web3 comes first there
    const StatusRefresh refresh = StatusRefresh::compute(*m_model->rowsSnapshot(), next, now, true);
    QCOMPARE(refresh.removed.size(), size_t(1));
    QCOMPARE(refresh.inserted, 1);
    m_model->applyRefresh(refresh);
    QCOMPARE(reset.size(), 0);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.first().at(1).toInt(), 2); // db1 was row 2
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), 3); // appended after the kept rows
    QCOMPARE(changed.size(), 1);
    QCOMPARE(m_model->rowCount(), 4);
    QCOMPARE(m_model->row(3).hostName, u"web3"_s);
    QCOMPARE(proxyHosts(), QStringList({ u"Web2"_s, u"web3"_s, u"web9"_s, u"web10"_s }));
    QVERIFY(selected.isValid());
    QCOMPARE(selected.data().toString(), u"web9"_s);
    QCOMPARE(m_model->count(UpdateCategory::Failing), 0);
}

void TestStatusModel::naturalCompare()
{
    QVERIFY(StatusTable::naturalCompare(u"web2", u"web10") < 0);
    QVERIFY(StatusTable::naturalCompare(u"WEB10", u"web9") > 0);
    QVERIFY(StatusTable::naturalCompare(u"db", u"DB") == 0);
    QVERIFY(StatusTable::naturalCompare(u"a007", u"a7") == 0);
    QVERIFY(StatusTable::naturalCompare(u"a-1", u"a-1-x") < 0);
    QVERIFY(StatusTable::naturalCompare(u"host99999999999999999999", u"host100000000000000000000")
            < 0);
}

void TestStatusModel::ordersAreTheComparisonsOrder()
{
    // derive() sorts by keys (radix passes, ranks of case-folded texts, natural-order keys);
    // every column's order must be exactly the stable sort by the column's comparison: case-
    // insensitive texts, host names in natural order, numbers by value, ties in site order.
    const QStringList names = {
        u"web10"_s,
        u"Web2"_s,
        u"web02"_s,
        u"web2"_s,
        u"WEB2"_s,
        u"a"_s,
        u"A"_s,
        u"a0"_s,
        u"a00"_s,
        u"a1b"_s,
        u"a01b"_s,
        u"a-1"_s,
        u"a/1"_s,
        u"\u00c41"_s,
        u"\u00e401"_s,
        u"x99999999999999999999"_s,
        u"x100000000000000000000"_s,
        u"db_7"_s,
        u"db07x"_s,
        u""_s,
        u"stra\u00dfe"_s,
        u"STRASSE"_s,
        u"\u0130x"_s,
        u"ix"_s,
    };
    std::vector<HostUpdateStatus> in;
    for (int i = 0; i < 300; ++i) {
        HostUpdateStatus s;
        s.hostName = names.at(i % names.size()) + (i % 3 ? QString::number(i % 17) : QString());
        s.site = names.at((i * 7) % names.size()).toUpper();
        s.folder = i % 2 ? u"/Linux"_s : u"/linux/"_s + names.at(i % 5);
        s.checkOutput = names.at((i * 5) % names.size()) + u" check"_s;
        s.lastError = i % 4 ? QString() : names.at((i * 11) % names.size());
        s.registered = i % 3 == 0;
        s.targetHash = quint64(i % 4) << 60;
        s.downloadedHash = quint64(i % 6);
        s.installedHash = ~quint64(i % 5);
        s.lastCheck = i % 9 ? 1'700'000'000 + (i * 7919) % 1000 : -1;
        s.lastUpdate = i % 8 ? 1'600'000'000 - (i * 104729) % 100000 : -1;
        s.checkState = qint8(i % 4);
        in.push_back(s);
    }
    const StatusTable t = StatusTable::derive(in, now, true);
    const std::vector<HostUpdateStatus> &v = *t.rows;
    const auto expect = [&v](auto less) {
        StatusTable::Order o(v.size());
        std::iota(o.begin(), o.end(), 0u);
        std::stable_sort(o.begin(), o.end(), less);
        return o;
    };
    const auto text = [&v](QString HostUpdateStatus::*field) {
        return [&v, field](quint32 a, quint32 b) {
            return (v[a].*field).compare(v[b].*field, Qt::CaseInsensitive) < 0;
        };
    };
    const auto value = [&v](auto field) {
        return [&v, field](quint32 a, quint32 b) {
            return v[a].*field < v[b].*field;
        };
    };
    using M = UpdateStatusModel;
    QCOMPARE(*t.orders[M::HostColumn], expect([&v](quint32 a, quint32 b) {
        return StatusTable::naturalCompare(v[a].hostName, v[b].hostName) < 0;
    }));
    QCOMPARE(*t.orders[M::SiteColumn], expect(text(&HostUpdateStatus::site)));
    QCOMPARE(*t.orders[M::FolderColumn], expect(text(&HostUpdateStatus::folder)));
    QCOMPARE(*t.orders[M::CheckOutputColumn], expect(text(&HostUpdateStatus::checkOutput)));
    QCOMPARE(*t.orders[M::LastErrorColumn], expect(text(&HostUpdateStatus::lastError)));
    QCOMPARE(*t.orders[M::RegisteredColumn], expect(value(&HostUpdateStatus::registered)));
    QCOMPARE(*t.orders[M::TargetColumn], expect(value(&HostUpdateStatus::targetHash)));
    QCOMPARE(*t.orders[M::DownloadedColumn], expect(value(&HostUpdateStatus::downloadedHash)));
    QCOMPARE(*t.orders[M::InstalledColumn], expect(value(&HostUpdateStatus::installedHash)));
    QCOMPARE(*t.orders[M::LastCheckColumn], expect(value(&HostUpdateStatus::lastCheck)));
    QCOMPARE(*t.orders[M::LastUpdateColumn], expect(value(&HostUpdateStatus::lastUpdate)));
    QCOMPARE(*t.orders[M::CheckStateColumn], expect(value(&HostUpdateStatus::checkState)));
    for (size_t i = 0; i < v.size(); ++i) {
        const HostUpdateStatus &r = v[i];
        QCOMPARE(t.searchKeys[i],
                 (r.hostName + u'\t' + r.site + u'\t' + r.folder + u'\t' + r.lastError).toLower());
    }
    // Digits of another script are numbers too (the exact comparison sorts them): 1, 2, 10.
    std::vector<HostUpdateStatus> arabic(3);
    arabic[0].hostName = u"h\u0662"_s;
    arabic[1].hostName = u"h10"_s;
    arabic[2].hostName = u"h\u0661"_s;
    const StatusTable a = StatusTable::derive(arabic, now, true);
    QCOMPARE(*a.orders[M::HostColumn], StatusTable::Order({ 2, 0, 1 }));
}

QTEST_GUILESS_MAIN(TestStatusModel)
#include "tst_statusmodel.moc"
