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
void benchKeyGeneration(QTextStream &out);
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
    parser.addPositionalArgument(u"group"_s, u"Benchmark groups to run (default: all)."_s);
    parser.process(app);

    const std::pair<const char *, std::function<void(QTextStream &)>> groups[] = {
        { "selection", benchSelection },  { "status", benchUpdateStatus },
        { "keygen", benchKeyGeneration }, { "keyfile", benchKeyFile },
        { "inventory", benchInventory },
    };
    const QStringList wanted = parser.positionalArguments();
    QTextStream out(stdout);
    for (const auto &[name, run] : groups) {
        if (wanted.isEmpty() || wanted.contains(QString::fromLatin1(name)))
            run(out);
    }
    return 0;
}
