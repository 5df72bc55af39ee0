// The longest UI-thread stall while a 4096-bit signature key is generated the way the console
// does it (in a worker thread), seen by a 5 ms heartbeat.
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFutureWatcher>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include "Benchmarks.h"
#include "SecureBuffer.h"
#include "SigningKeyGenerator.h"

using namespace Qt::StringLiterals;

void benchKeyGeneration(QTextStream &out)
{
    qint64 longest = 0;
    QElapsedTimer beat;
    QTimer heartbeat;
    heartbeat.setInterval(5);
    QObject::connect(&heartbeat, &QTimer::timeout, [&] {
        longest = std::max(longest, beat.nsecsElapsed());
        beat.restart();
    });
    SigningKeyRequest request;
    request.alias = u"bench"_s;
    request.siteId = u"bench"_s;
    request.userId = u"bench"_s;
    request.keyBits = 4096;
    QFutureWatcher<SigningKeyResult> watcher;
    QEventLoop loop;
    QObject::connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
    QElapsedTimer total;
    total.start();
    beat.start();
    heartbeat.start();
    watcher.setFuture(QtConcurrent::run([request] {
        return SigningKeyGenerator::generate(request,
                                             SecureBuffer(QByteArray("bench passphrase 1234")));
    }));
    loop.exec();
    heartbeat.stop();
    const bool ok = watcher.result().ok;
    benchLine(
        out, u"keygen_longest_ui_stall"_s, double(longest) / 1e6, u"ms"_s,
        { { u"target"_s, 50 }, { u"generation_ms"_s, double(total.elapsed()) }, { u"ok"_s, ok } });
}
