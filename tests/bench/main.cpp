// agentdesk-bench: the speed and memory figures of the README. One JSON object a line.
#include <QApplication>
#include <QCommandLineParser>
#include <QTextStream>

#include <functional>
#include <utility>

#include "Benchmarks.h"

void benchInventory(QTextStream &out);
void benchSelection(QTextStream &out);
void benchUpdateStatus(QTextStream &out);
void benchSiteGroups(QTextStream &out);
void benchKeyGeneration(QTextStream &out);
void benchSelectionPage(QTextStream &out, int hosts);
void benchSelectionEval(QTextStream &out, int hosts);
void benchAllPages(QTextStream &out, int hosts);
void benchAllPagesChild(QTextStream &out, int hosts);
void benchDemoSite(QTextStream &out, int hosts);
void benchKeyFile(QTextStream &out);

using namespace Qt::StringLiterals;

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM",
            qgetenv("QT_QPA_PLATFORM").isEmpty() ? "offscreen" : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Prints AgentDesk's speed and memory figures, one JSON object a line."_s);
    parser.addHelpOption();
    const QCommandLineOption hostsOption(
        u"hosts"_s, u"Inventory sizes for the scaling groups, comma-separated (default 100000)."_s,
        u"n[,n...]"_s, u"100000"_s);
    parser.addOption(hostsOption);
    parser.addPositionalArgument(
        u"group"_s,
        u"Benchmark groups to run (default: all): selection, status, sitegroups, keygen, "
        "inventory, console, allpages, demosite."_s);
    parser.process(app);

    QList<int> sizes;
    for (const QString &n : parser.value(hostsOption).split(u','))
        sizes << n.toInt();
    const auto scaled = [&sizes](void (*run)(QTextStream &, int)) {
        return [&sizes, run](QTextStream &out) {
            for (const int hosts : sizes)
                run(out, hosts);
        };
    };
    const std::pair<const char *, std::function<void(QTextStream &)>> groups[] = {
        { "selection", scaled(benchSelectionEval) },
        { "status", benchUpdateStatus },
        { "sitegroups", benchSiteGroups },
        { "keygen", benchKeyGeneration },
        { "keyfile", benchKeyFile },
        { "inventory", benchInventory },
        { "console", scaled(benchSelectionPage) },
        { "allpages", scaled(benchAllPages) },
        { "demosite", scaled(benchDemoSite) },
    };
    const QStringList wanted = parser.positionalArguments();
    QTextStream out(stdout);
    if (wanted == QStringList { u"allpages-child"_s }) {
        for (const int hosts : sizes)
            benchAllPagesChild(out, hosts);
        return 0;
    }
    for (const auto &[name, run] : groups) {
        if (wanted.isEmpty() || wanted.contains(QString::fromLatin1(name)))
            run(out);
    }
    return 0;
}
