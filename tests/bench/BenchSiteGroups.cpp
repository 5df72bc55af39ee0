// The update status grouped by site (distributed monitoring), against a central demo site whose
// 100,000 hosts are spread over itself and two remote sites: switching the grouping on, a search
// keystroke and a sort while grouped, and an incremental refresh while grouped, each with the
// longest UI stall around it.
#include <QElapsedTimer>
#include <QEventLoop>
#include <QSignalSpy>
#include <QTimer>
#include <QTreeView>

#include "Benchmarks.h"
#include "DemoConnection.h"
#include "DemoSiteProcess.h"
#include "Heartbeat.h"
#include "SecretStore.h"
#include "SiteGroupProxy.h"
#include "SiteSession.h"
#include "StatusController.h"
#include "UpdateStatusFilterProxy.h"
#include "UpdateStatusModel.h"
#include "UpdateStatusPage.h"

using namespace Qt::StringLiterals;

namespace {
// Lets the event loop run (painting, the heartbeat's ticks) for a while.
void settle(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}
} // namespace

void benchSiteGroups(QTextStream &out)
{
    DemoSiteProcess site;
    // The remote sites' URLs are only listed (hosts are spread over them); nothing runs there.
    if (!site.start({ u"--site"_s, u"central"_s, u"--hosts"_s, u"100000"_s, u"--remote"_s,
                      u"remote1=https://127.0.0.1:9/remote1/check_mk"_s, u"--remote"_s,
                      u"remote2=https://127.0.0.1:9/remote2/check_mk"_s },
                    120000)) {
        out << "# site groups: " << site.error() << '\n';
        return;
    }
    SiteConnection c = DemoConnection::make(site.server(), site.site(), site.sha256(), u"bench"_s);
    c.timeoutMs = 120000;
    SecretStore secrets;
    SiteSession session(&secrets, nullptr);
    UpdateStatusPage page;
    page.setGroupBySite(false);
    page.resize(1024, 700);
    page.show();
    StatusController controller(&session, &page);
    QSignalSpy loaded(&controller, &StatusController::loaded);
    session.openWithSecret(c, site.secret());
    if (!loaded.wait(120000)) {
        out << "# site groups: first load did not finish\n";
        return;
    }
    settle(200);

    // Grouping on: the proxy built, the tree laid out with every heading expanded, painted.
    Heartbeat heartbeat;
    QElapsedTimer timer;
    heartbeat.start();
    timer.start();
    page.setGroupBySite(true);
    QCoreApplication::processEvents();
    const double on = double(timer.nsecsElapsed()) / 1e6;
    settle(100);
    const double onStall = heartbeat.longestMs();
    SiteGroupProxy *groups = page.groupProxy();
    benchLine(out, u"status_group_by_site_100k"_s, on, u"ms"_s,
              { { u"target"_s, 50 },
                { u"rows"_s, page.model()->rowCount() },
                { u"sites"_s, groups->groupCount() },
                { u"ui_stall_ms"_s, onStall } });

    // A search keystroke and a sort while grouped (the filter proxy, then the regrouping and
    // the tree's relayout).
    UpdateStatusFilterProxy *proxy = page.proxy();
    heartbeat.start();
    timer.restart();
    proxy->setSearchText(u"db-"_s);
    QCoreApplication::processEvents();
    const double search = double(timer.nsecsElapsed()) / 1e6;
    settle(100);
    const double searchStall = heartbeat.longestMs();
    const int matches = proxy->rowCount();
    proxy->setSearchText(QString());
    settle(100);
    benchLine(
        out, u"status_grouped_search_keystroke_100k"_s, search, u"ms"_s,
        { { u"target"_s, 50 }, { u"matches"_s, matches }, { u"ui_stall_ms"_s, searchStall } });
    heartbeat.start();
    timer.restart();
    page.groupTree()->sortByColumn(UpdateStatusModel::LastCheckColumn, Qt::AscendingOrder);
    QCoreApplication::processEvents();
    const double sort = double(timer.nsecsElapsed()) / 1e6;
    settle(100);
    const double sortStall = heartbeat.longestMs();
    benchLine(out, u"status_grouped_sort_last_check_100k"_s, sort, u"ms"_s,
              { { u"target"_s, 50 }, { u"ui_stall_ms"_s, sortStall } });

    // An incremental refresh while grouped (diffed in a worker, applied here).
    heartbeat.start();
    timer.restart();
    controller.refresh();
    if (!loaded.wait(120000)) {
        out << "# site groups: refresh did not finish\n";
        return;
    }
    const double refresh = double(timer.nsecsElapsed()) / 1e6;
    settle(100);
    benchLine(out, u"status_grouped_refresh_ui_stall_100k"_s, heartbeat.longestMs(), u"ms"_s,
              { { u"target"_s, 50 }, { u"request_to_table_ms"_s, refresh } });

    // Grouping off again: the flat table.
    heartbeat.start();
    timer.restart();
    page.setGroupBySite(false);
    QCoreApplication::processEvents();
    const double off = double(timer.nsecsElapsed()) / 1e6;
    settle(100);
    benchLine(out, u"status_ungroup_100k"_s, off, u"ms"_s,
              { { u"target"_s, 50 }, { u"ui_stall_ms"_s, heartbeat.longestMs() } });
}
