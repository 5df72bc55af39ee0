// Loading a hostile 1 MiB key file (unmatched BEGIN lines, the old parser's quadratic case):
// the median of five KeyBundle::fromPem() calls. tests/unit/tst_pemblocks checks the results.
#include <QElapsedTimer>

#include <algorithm>
#include <vector>

#include "Benchmarks.h"
#include "KeyBundle.h"

using namespace Qt::StringLiterals;

void benchKeyFile(QTextStream &out)
{
    QByteArray pem;
    while (pem.size() < 1024 * 1024)
        pem += "-----BEGIN CERTIFICATE-----\nMIIB\n-----BEGIN ENCRYPTED PRIVATE KEY-----\n";
    std::vector<double> ms;
    for (int i = 0; i < 5; ++i) {
        QElapsedTimer t;
        t.start();
        const KeyBundle bundle = KeyBundle::fromPem(pem);
        ms.push_back(double(t.nsecsElapsed()) / 1e6);
        if (bundle.hasEncryptedKey())
            return; // not what this input holds: no figure rather than a wrong one
    }
    std::sort(ms.begin(), ms.end());
    benchLine(out, u"key_file_load_1mib"_s, ms[ms.size() / 2], u"ms"_s,
              { { u"bytes"_s, double(pem.size()) } });
}
