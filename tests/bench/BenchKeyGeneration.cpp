// The longest UI-thread stall while a 4096-bit signature key is generated the way the console
// does it (in a worker thread), seen by a 5 ms heartbeat.
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFutureWatcher>
#include <QThread>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include "Benchmarks.h"
#include "SecureBuffer.h"
#include "SigningKeyGenerator.h"

#include <atomic>

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

    // How long a running 8192-bit generation takes to end once cancelled (the unit test only
    // checks that it ends cancelled; the time is a figure, not an assertion).
    std::atomic_bool cancel { false };
    std::atomic_bool started { false };
    SigningKeyRequest big = request;
    big.keyBits = 8192;
    auto future = QtConcurrent::run([big, &cancel, &started] {
        started = true;
        return SigningKeyGenerator::generate(big, SecureBuffer(QByteArray("bench passphrase 1234")),
                                             &cancel);
    });
    while (!started)
        QThread::msleep(1);
    QThread::msleep(200); // well inside the prime search
    QElapsedTimer latency;
    latency.start();
    cancel = true;
    future.waitForFinished();
    benchLine(out, u"keygen_cancel_latency"_s, double(latency.nsecsElapsed()) / 1e6, u"ms"_s,
              { { u"cancelled"_s, future.result().cancelled } });
}
