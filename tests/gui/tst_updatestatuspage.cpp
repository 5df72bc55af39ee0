// The update status page connected to an embedded demo site: statistics filter the table, the
// CSV holds exactly the visible rows, the detail pane diagnoses a failing host.
#include <QBuffer>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QToolButton>

#include "AppController.h"
#include "DemoConnection.h"
#include "DemoSite.h"
#include "DemoSiteThread.h"
#include "HostDetailPane.h"
#include "MainWindow.h"
#include "SiteSession.h"
#include "StatusController.h"
#include "TestEnvironment.h"
#include "UpdateStatusFilterProxy.h"
#include "UpdateStatusModel.h"
#include "UpdateStatusPage.h"

using namespace Qt::StringLiterals;

class TestUpdateStatusPage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void loadsAllHosts();
    void statisticFiltersTable();
    void csvHoldsVisibleRows();
    void searchAndDiagnosis();
    void refreshKeepsSelection();
    void screenshot();

private:
    DemoSiteThread m_demo;
    std::unique_ptr<AppController> m_app;
    UpdateStatusPage *m_page = nullptr;
};

void TestUpdateStatusPage::initTestCase()
{
    TestEnvironment::isolate();
    DemoSiteOptions options;
    options.hostCount = 3000;
    QString error;
    QVERIFY2(m_demo.start(options, &error), qPrintable(error));
    SiteConnection c = DemoConnection::make(m_demo.site()->port(),
                                            m_demo.site()->certificateSha256(), u"Demo site"_s);
    c.demo = true;
    m_app = std::make_unique<AppController>();
    QSignalSpy loaded(m_app->statusController(), &StatusController::loaded);
    m_app->startDemo(c, m_demo.site()->automationSecret());
    m_app->window()->resize(1400, 860);
    m_app->window()->showPage(u"status"_s);
    m_page = m_app->statusPage();
    QVERIFY(loaded.wait(20000));
}

void TestUpdateStatusPage::cleanupTestCase()
{
    m_app.reset();
}

void TestUpdateStatusPage::loadsAllHosts()
{
    QCOMPARE(m_page->model()->rowCount(), 3000);
    int total = 0;
    for (int c = 0; c < UpdateCategory::Count; ++c)
        total += m_page->model()->count(UpdateCategory::Category(c));
    QCOMPARE(total, 3000);
    // The demo fleet has hosts in most categories.
    QVERIFY(m_page->model()->count(UpdateCategory::UpToDate) > 0);
    QVERIFY(m_page->model()->count(UpdateCategory::Failing) > 0);
    QVERIFY(m_page->model()->count(UpdateCategory::NotRegistered) > 0);
    QVERIFY(m_page->model()->count(UpdateCategory::LeftOut) > 0);
}

void TestUpdateStatusPage::statisticFiltersTable()
{
    auto *failing
        = m_page->findChild<QToolButton *>(u"category%1"_s.arg(int(UpdateCategory::Failing)));
    QVERIFY(failing);
    QVERIFY(
        failing->text().contains(QString::number(m_page->model()->count(UpdateCategory::Failing))));
    QTest::mouseClick(failing, Qt::LeftButton);
    QVERIFY(failing->isChecked());
    const auto *proxy = m_page->proxy();
    QCOMPARE(proxy->rowCount(), m_page->model()->count(UpdateCategory::Failing));
    for (int r = 0; r < proxy->rowCount(); ++r)
        QCOMPARE(proxy->index(r, 0).data(UpdateStatusModel::CategoryRole).toInt(),
                 int(UpdateCategory::Failing));
    // A second click shows everything again.
    QTest::mouseClick(failing, Qt::LeftButton);
    QVERIFY(!failing->isChecked());
    QCOMPARE(proxy->rowCount(), 3000);
}

void TestUpdateStatusPage::csvHoldsVisibleRows()
{
    auto *stale
        = m_page->findChild<QToolButton *>(u"category%1"_s.arg(int(UpdateCategory::NotRegistered)));
    QTest::mouseClick(stale, Qt::LeftButton);
    m_page->table()->sortByColumn(UpdateStatusModel::HostColumn, Qt::DescendingOrder);
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QVERIFY(m_page->exportCsv(&buffer));
    const QList<QByteArray> lines = buffer.data().trimmed().split('\n');
    const auto *proxy = m_page->proxy();
    QCOMPARE(lines.size(), proxy->rowCount() + 1);
    QVERIFY(lines.first().startsWith("Host,Site,Folder"));
    for (int r = 0; r < proxy->rowCount(); ++r) {
        const QString host = proxy->index(r, UpdateStatusModel::HostColumn).data().toString();
        QVERIFY2(lines.at(r + 1).startsWith(QByteArray(host.toUtf8() + ',')),
                 lines.at(r + 1).constData());
    }
    QTest::mouseClick(stale, Qt::LeftButton);
    m_page->table()->sortByColumn(-1, Qt::AscendingOrder);
}

void TestUpdateStatusPage::searchAndDiagnosis()
{
    auto *search = m_page->findChild<QLineEdit *>(u"search"_s);
    QTest::keyClicks(search, u"CERTIFICATE_VERIFY"_s);
    QTRY_VERIFY(m_page->proxy()->rowCount() > 0 && m_page->proxy()->rowCount() < 3000);
    for (int r = 0; r < m_page->proxy()->rowCount(); ++r)
        QVERIFY(m_page->proxy()
                    ->index(r, UpdateStatusModel::LastErrorColumn)
                    .data()
                    .toString()
                    .contains(u"CERTIFICATE_VERIFY"_s));
    m_page->table()->selectRow(0);
    const QString detail = m_page->findChild<HostDetailPane *>()->text();
    QVERIFY2(detail.contains(u"TLS certificate not trusted"_s), qPrintable(detail));
    // The remedy names the rule editor's own field.
    QVERIFY(detail.contains(u"root CA"_s) && detail.contains(u"\"CA certificates\""_s)
            && detail.contains(u"not the site's own leaf"_s));
    search->clear();
    QTRY_COMPARE(m_page->proxy()->rowCount(), 3000);
}

void TestUpdateStatusPage::refreshKeepsSelection()
{
    m_page->table()->selectRow(42);
    const QString host = m_page->proxy()->index(42, 0).data().toString();
    QSignalSpy loaded(m_app->statusController(), &StatusController::loaded);
    m_app->statusController()->refresh();
    QVERIFY(loaded.wait(20000));
    const QModelIndex current = m_page->table()->selectionModel()->currentIndex();
    QVERIFY(current.isValid());
    QCOMPARE(m_page->proxy()->index(current.row(), 0).data().toString(), host);
}

void TestUpdateStatusPage::screenshot()
{
    m_page->table()->selectRow(3);
    auto *failing
        = m_page->findChild<QToolButton *>(u"category%1"_s.arg(int(UpdateCategory::Failing)));
    QTest::mouseClick(failing, Qt::LeftButton);
    m_page->table()->selectRow(0);
    QVERIFY(!TestEnvironment::saveScreenshot(m_app->window(), u"update-status"_s).isEmpty());
    QTest::mouseClick(failing, Qt::LeftButton);
}

QTEST_MAIN(TestUpdateStatusPage)
#include "tst_updatestatuspage.moc"
