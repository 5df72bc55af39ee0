#pragma once

#include <QByteArray>

class DemoRouter;
class DemoState;

// The extension endpoints for signature keys (site-api.md section 6): list, upload, download
// with the passphrase, delete while not in use.
class KeyEndpoints final
{
public:
    static void install(DemoRouter &router, DemoState &state);
    // Whether a configured agent updater rule lists the certificate in its signature_keys.
    static bool isInUse(const DemoState &state, const QByteArray &certificatePem);
};
