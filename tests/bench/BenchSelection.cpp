#include <QElapsedTimer>
#include <QTextStream>

#include "Host.h"
#include "HostSelectionEvaluator.h"

using namespace Qt::StringLiterals;

// Evaluates a selection with every cheap-to-fail condition over 100,000 generated hosts;
// the host-selection page re-runs this on every edit, so it must stay far below a frame.
void benchSelection(QTextStream &out)
{
    const QStringList sites { u"central"_s, u"remote1"_s, u"remote2"_s };
    const QStringList folders { u"/linux/web"_s, u"/linux/db"_s, u"/windows/dc"_s, u"/"_s,
                                u"/linux/web/eu"_s };
    QList<Host> hosts;
    hosts.reserve(100000);
    for (int i = 0; i < 100000; ++i) {
        Host h;
        h.name = u"host%1.example.com"_s.arg(i, 6, 10, QChar(u'0'));
        h.folder = folders[i % folders.size()];
        h.site = sites[i % sites.size()];
        h.tags = { { u"criticality"_s, i % 7 ? u"prod"_s : u"test"_s },
                   { u"agent"_s, u"cmk-agent"_s },
                   { u"networking"_s, i % 2 ? u"lan"_s : u"dmz"_s } };
        h.labels = { { u"os"_s, i % 3 ? u"linux"_s : u"windows"_s },
                     { u"team"_s, u"team%1"_s.arg(i % 10) } };
        h.hostGroups = { u"group%1"_s.arg(i % 20) };
        h.hostGroupsKnown = true;
        hosts.append(h);
    }
    HostSelection s;
    s.sites = { u"central"_s, u"remote1"_s };
    s.folders = { u"linux"_s, u"windows/dc"_s };
    s.hostTags = { { u"criticality"_s, u"prod"_s }, { u"agent"_s, u"cmk-agent"_s } };
    s.hostLabels = { { u"os"_s, u"linux"_s } };
    s.hostGroups = { u"group1"_s, u"group2"_s, u"group3"_s, u"group5"_s, u"group8"_s };
    s.excludedHosts = { u"host000010.example.com"_s, u"host000011.example.com"_s };

    QElapsedTimer timer;
    timer.start();
    const HostSelectionEvaluator compiled(s); // compiling is part of every edit, so time it
    int selected = 0;
    for (const Host &h : hosts)
        selected += compiled.selects(h) ? 1 : 0;
    const double ms = double(timer.nsecsElapsed()) / 1e6;
    out << u"{\"name\":\"selection_eval_100k\",\"value\":%1,\"unit\":\"ms\"}"_s.arg(ms, 0, 'f', 3)
        << Qt::endl;
    // Keeps the loop from being optimised away and documents the selection's size.
    if (selected == 0)
        out << u"{\"name\":\"selection_eval_100k_selected\",\"value\":0,\"unit\":\"hosts\"}"_s
            << Qt::endl;
}
