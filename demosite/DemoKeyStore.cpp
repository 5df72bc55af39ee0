#include "DemoKeyStore.h"

#include <QDateTime>

#include "SecureBuffer.h"
#include "SigningKeyGenerator.h"

using namespace Qt::StringLiterals;

const DemoKeyStore::Key *DemoKeyStore::find(int id) const
{
    for (const Key &k : keys) {
        if (k.id == id)
            return &k;
    }
    return nullptr;
}

bool DemoKeyStore::seed(const QString &site, QString *error)
{
    SigningKeyRequest request;
    request.alias = u"Demo signing key"_s;
    request.siteId = site;
    request.userId = u"cmkadmin"_s;
    request.keyBits = 2048; // a quick start; keys made in the console are 4096 bit
    const SigningKeyResult r
        = SigningKeyGenerator::generate(request, SecureBuffer(QByteArray(seededPassphrase)));
    if (!r.ok) {
        *error = u"cannot create the demo signing key: "_s + r.error;
        return false;
    }
    Key key;
    key.id = nextId++;
    key.alias = request.alias;
    key.owner = request.userId;
    key.date = QDateTime::currentSecsSinceEpoch() - 90 * 24 * 3600;
    key.certificatePem = r.certificatePem;
    key.privateKeyPem = r.privateKeyPem;
    key.notDownloaded = false;
    keys << key;
    return true;
}
