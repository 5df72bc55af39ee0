// PEM text as a user uploads it or a site sends it: split into blocks, read as a key bundle
// and as a certificate list. Every block found lies inside the input.
#include <QByteArray>

#include "CertificateInfo.h"
#include "CertificateSummary.h"
#include "FuzzCheck.h"
#include "KeyBundle.h"
#include "PemBlocks.h"

extern "C" int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    for (const PemBlocks::Block &block : PemBlocks::split(bytes)) {
        FUZZ_CHECK(PemBlocks::isLabel(block.label));
        FUZZ_CHECK(bytes.contains(block.text));
        const QByteArray begin = "-----BEGIN " + block.label + "-----";
        const QByteArray end = "-----END " + block.label + "-----";
        FUZZ_CHECK(block.text.startsWith(begin));
        FUZZ_CHECK(block.text.endsWith(end));
    }
    const KeyBundle bundle = KeyBundle::fromPem(bytes);
    QString error;
    if (!bundle.isComplete(&error))
        FUZZ_CHECK(!error.isEmpty());
    if (bundle.hasCertificate())
        (void)bundle.certificate().summary();
    const QList<CertificateInfo> all = CertificateInfo::allFromPem(bytes, &error);
    for (const CertificateInfo &c : all) {
        FUZZ_CHECK(c.isValid());
        // What was read survives a round trip through PEM and DER.
        FUZZ_CHECK(CertificateInfo::fromPem(c.pem()).der() == c.der());
    }
    const CertificateInfo der = CertificateInfo::fromDer(bytes);
    if (der.isValid())
        (void)der.summary();
    return 0;
}
