#include "DemoAgents.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QtEndian>

#include "DemoDebPackage.h"
#include "DemoKeyStore.h"
#include "PackageSigner.h"
#include "SecureBuffer.h"

using namespace Qt::StringLiterals;

namespace {
struct Configuration
{
    const char *folder;
    const char *name;
    const char *os;
};
constexpr Configuration configurations[] = {
    { "/linux/web", "Linux web servers", "linux" },
    { "/linux/db", "Linux databases", "linux" },
    { "/linux/app", "Linux applications", "linux" },
    { "/windows", "Windows servers", "windows" },
    { "/unix/aix", "AIX", "aix" },
    { "/unix/solaris", "Solaris", "solaris" },
    { "/network", "Network appliances", "linux" },
    { "/", "Other hosts", "linux" },
};
} // namespace

int DemoAgents::configurationOf(const QString &folder)
{
    for (int i = 0; i < int(std::size(configurations)) - 1; ++i) {
        if (folder.startsWith(QLatin1StringView(configurations[i].folder)))
            return i;
    }
    return int(std::size(configurations)) - 1;
}

QString DemoAgents::configurationName(int configuration)
{
    return QString::fromLatin1(configurations[configuration].name);
}

int DemoAgents::configurationCount()
{
    return int(std::size(configurations));
}

void DemoAgents::bake(quint32 seed)
{
    ++generation;
    QRandomGenerator random(seed * 7919u + quint32(generation));
    agents.clear();
    for (int i = 0; i < configurationCount(); ++i) {
        Agent a;
        a.name = configurationName(i);
        const QString os = QString::fromLatin1(configurations[i].os);
        a.osTypes = os == u"linux"_s
            ? QStringList { u"linux_deb"_s, u"linux_rpm"_s, u"linux_tgz"_s }
            : os == u"windows"_s ? QStringList { u"windows_msi"_s }
            : os == u"aix"_s     ? QStringList { u"aix_tgz"_s }
                                 : QStringList { u"solaris_pkg"_s, u"solaris_tgz"_s };
        QByteArray content = "AgentDesk demo agent package\n" + a.name.toUtf8() + "\ngeneration "
            + QByteArray::number(generation) + '\n';
        QByteArray filler(4096, Qt::Uninitialized);
        random.fillRange(reinterpret_cast<quint32 *>(filler.data()), filler.size() / 4);
        content += filler;
        if (os == u"linux"_s) {
            // A real .deb (dpkg-deb --info reads it); the other package types of the demo are
            // placeholder bytes (README).
            const QByteArray digest8
                = QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex().left(8);
            a.package = DemoDebPackage::build(
                u"check-mk-agent"_s, u"2.4.0p17-"_s + QString::fromLatin1(digest8),
                u"Checkmk agent baked by the AgentDesk demo site (%1)"_s.arg(a.name),
                { { u"usr/lib/check_mk_agent/demo-agent.bin"_s, content, 0644 },
                  { u"usr/bin/check_mk_agent"_s,
                    "#!/bin/sh\n# AgentDesk demo agent: prints the Checkmk agent header only\n"
                    "echo '<<<check_mk>>>'\necho 'Version: 2.4.0p17'\n",
                    0755 } });
        } else {
            a.package = content;
        }
        const QByteArray digest = QCryptographicHash::hash(a.package, QCryptographicHash::Sha256);
        memcpy(&a.hash, digest.constData(), sizeof a.hash);
        a.hash = qFromBigEndian(a.hash) | 1; // never 0
        agents << a;
    }
}

bool DemoAgents::sign(const DemoKeyStore &keys, int keyId, const QByteArray &passphrase,
                      QString *error)
{
    const DemoKeyStore::Key *key = keys.find(keyId);
    if (!key) {
        *error = u"Unknown key %1"_s.arg(keyId);
        return false;
    }
    const SecureBuffer secret(QByteArray(passphrase.constData(), passphrase.size()));
    QList<QByteArray> signatures;
    for (const Agent &a : std::as_const(agents)) {
        const QByteArray s = PackageSigner::sign(a.package, key->privateKeyPem, secret, error);
        if (s.isEmpty())
            return false; // nothing signed
        signatures << s;
    }
    for (int i = 0; i < agents.size(); ++i) {
        Agent &a = agents[i];
        a.signatures.removeIf([keyId](const Signature &s) { return s.keyId == keyId; });
        a.signatures.append({ keyId, key->certificatePem, signatures.at(i) });
    }
    return true;
}

const DemoAgents::Agent *DemoAgents::find(quint64 hash) const
{
    for (const Agent &a : agents) {
        if (a.hash == hash)
            return &a;
    }
    return nullptr;
}
