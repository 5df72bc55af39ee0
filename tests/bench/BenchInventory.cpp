// Loading the site's inventory (host_config with effective attributes) over loopback HTTPS.
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QUrlQuery>

#include "Benchmarks.h"
#include "DemoConnection.h"
#include "DemoSiteProcess.h"
#include "RestClient.h"
#include "RestReply.h"
#include "SiteReplyReader.h"

using namespace Qt::StringLiterals;

void benchInventory(QTextStream &out)
{
    DemoSiteProcess site;
    if (!site.start({ u"--hosts"_s, u"100000"_s }, 60000)) {
        out << "# inventory: " << site.error() << '\n';
        return;
    }
    SiteConnection c = DemoConnection::make(site.server(), site.site(), site.sha256());
    c.timeoutMs = 120000;
    RestClient client(c);
    client.setSecret(SecureBuffer(site.secret()));
    QUrlQuery query;
    query.addQueryItem(u"effective_attributes"_s, u"true"_s);
    QElapsedTimer timer;
    timer.start();
    RestReply *reply
        = client.send(RestRequest::get(u"/domain-types/host_config/collections/all"_s, query));
    QSignalSpy spy(reply, &RestReply::finished);
    if (!spy.wait(120000)) {
        out << "# inventory: no reply\n";
        return;
    }
    const RestResult r = spy.first().first().value<RestResult>();
    const qint64 fetched = timer.elapsed();
    ApiError error = r.error;
    const auto hosts = r.ok() ? SiteReplyReader::hosts(r.json, &error) : std::nullopt;
    if (!hosts) {
        out << "# inventory: " << error.summary() << '\n';
        return;
    }
    benchLine(out, u"inventory_fetch_100k"_s, double(fetched), u"ms"_s,
              { { u"bytes"_s, double(r.body.size()) } });
    benchLine(out, u"inventory_fetch_and_read_100k"_s, double(timer.elapsed()), u"ms"_s,
              { { u"hosts"_s, double(hosts->size()) } });
}
