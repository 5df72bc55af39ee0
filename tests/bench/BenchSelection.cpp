// Host-selection evaluation over 100,000 hosts (the preview and the demo fleet use it).
#include <QElapsedTimer>

#include "Benchmarks.h"
#include "HostSelectionEvaluator.h"

using namespace Qt::StringLiterals;

void benchSelection(QTextStream &out)
{
    QList<Host> hosts;
    hosts.reserve(100000);
    const QStringList sites { u"prod"_s, u"prod_eu"_s, u"prod_us"_s };
    const QStringList folders { u"/linux/web"_s, u"/linux/db"_s, u"/windows/dc"_s, u"/network"_s };
    for (int i = 0; i < 100000; ++i) {
        Host h;
        h.name = u"host-%1"_s.arg(i, 6, 10, QLatin1Char('0'));
        h.site = sites.at(i % 3);
        h.folder = folders.at(i % 4);
        h.tags
            = { { u"criticality"_s, i % 5 == 0 ? u"test"_s : u"prod"_s }, { u"os"_s, u"linux"_s } };
        h.labels = { { u"env"_s, i % 7 == 0 ? u"staging"_s : u"prod"_s },
                     { u"team"_s, u"t%1"_s.arg(i % 9) } };
        h.hostGroups = { u"g%1"_s.arg(i % 6) };
        h.hostGroupsKnown = true;
        hosts << h;
    }
    HostSelection s;
    s.sites = { u"prod"_s, u"prod_eu"_s };
    s.folders = { u"linux"_s };
    s.hostTags = { { u"criticality"_s, u"prod"_s } };
    s.hostLabels = { { u"env"_s, u"prod"_s } };
    s.hostGroups = { u"g1"_s, u"g2"_s, u"g3"_s };
    s.excludedHosts = { u"host-000042"_s };
    QElapsedTimer timer;
    timer.start();
    const HostSelectionEvaluator evaluator(s);
    int selected = 0;
    for (const Host &h : std::as_const(hosts))
        selected += evaluator.selects(h);
    benchLine(out, u"selection_eval_100k"_s, double(timer.nsecsElapsed()) / 1e6, u"ms"_s,
              { { u"target"_s, 20 }, { u"selected"_s, selected } });
}
