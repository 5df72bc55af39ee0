// The demo site serving host_config with effective attributes (the console's inventory) over
// loopback HTTPS, and the console reading the reply into the shared Inventory.
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QUrlQuery>

#include <unistd.h>

#include "Benchmarks.h"
#include "DemoConnection.h"
#include "DemoSiteProcess.h"
#include "HostInventoryReader.h"
#include "RestClient.h"
#include "RestReply.h"

using namespace Qt::StringLiterals;

namespace {

// CPU time (user + system) a process has used, in ms: what serving costs, whatever the load.
double cpuMs(qint64 pid)
{
    QFile f(u"/proc/%1/stat"_s.arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray stat = f.readAll();
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of stat; 12 and 13 after "pid (comm) ".
    return (fields.value(11).toDouble() + fields.value(12).toDouble()) * 1000.0
        / double(sysconf(_SC_CLK_TCK));
}

} // namespace

void benchDemoSite(QTextStream &out, int hosts)
{
    const QString n = u"_%1k"_s.arg(hosts / 1000);
    DemoSiteProcess site;
    if (!site.start({ u"--hosts"_s, QString::number(hosts) }, 300000)) {
        out << "# demo site: " << site.error() << '\n';
        return;
    }
    SiteConnection c = DemoConnection::make(site.server(), site.site(), site.sha256());
    c.timeoutMs = 300000;
    RestClient client(c);
    client.setSecret(SecureBuffer(site.secret()));
    QUrlQuery query;
    query.addQueryItem(u"effective_attributes"_s, u"true"_s);
    // Best of three: the first request also pays for the TLS handshake.
    double best = 1e12;
    double bestCpu = 1e12;
    QByteArray body;
    for (int round = 0; round < 3; ++round) {
        RestRequest request
            = RestRequest::get(u"/domain-types/host_config/collections/all"_s, query)
                  .withTimeout(300000);
        request.parseJson = false;
        QElapsedTimer timer;
        const double cpuBefore = cpuMs(site.processId());
        timer.start();
        RestReply *reply = client.send(request);
        QSignalSpy spy(reply, &RestReply::finished);
        if (!spy.wait(300000)) {
            out << "# demo site: no reply\n";
            return;
        }
        best = std::min(best, double(timer.nsecsElapsed()) / 1e6);
        bestCpu = std::min(bestCpu, cpuMs(site.processId()) - cpuBefore);
        body = spy.first().first().value<RestResult>().body;
    }
    benchLine(out, u"demo_host_config_serve"_s + n, best, u"ms"_s,
              { { u"target"_s, 1500 },
                { u"bytes"_s, double(body.size()) },
                { u"demo_site_cpu_ms"_s, bestCpu },
                { u"note"_s, u"request to last byte, TLS over loopback"_s } });
    QElapsedTimer timer;
    timer.start();
    ApiError error;
    const auto inventory = HostInventoryReader::read(body, &error);
    const double read = double(timer.nsecsElapsed()) / 1e6;
    benchLine(out, u"inventory_read"_s + n, read, u"ms"_s,
              { { u"hosts"_s, inventory ? double(inventory->size()) : -1.0 },
                { u"bytes_per_host"_s,
                  inventory ? double(inventory->bytesUsed()) / double(inventory->size()) : -1.0 },
                { u"note"_s, u"simdjson on-demand into the compact Inventory, in a worker"_s } });
}
