#include "PackageSigner.h"

#include "KeyBundle.h"
#include "OpenSslHandles.h"

#include <openssl/rsa.h>

using namespace Qt::StringLiterals;

QByteArray PackageSigner::sign(const QByteArray &package, const QByteArray &encryptedKeyPem,
                               const SecureBuffer &passphrase, QString *error)
{
    const ossl::Pkey key = KeyBundle::fromPem(encryptedKeyPem).decryptKey(passphrase, error);
    if (!key)
        return {};
    ossl::clearErrors();
    ossl::MdCtx ctx(EVP_MD_CTX_new());
    EVP_PKEY_CTX *keyCtx = nullptr; // owned by ctx
    size_t length = 0;
    if (!ctx
        || EVP_DigestSignInit_ex(ctx.get(), &keyCtx, "SHA256", nullptr, nullptr, key.get(), nullptr)
            != 1
        || EVP_PKEY_CTX_set_rsa_padding(keyCtx, RSA_PKCS1_PADDING) != 1
        || EVP_DigestSign(ctx.get(), nullptr, &length,
                          reinterpret_cast<const unsigned char *>(package.constData()),
                          size_t(package.size()))
            != 1) {
        if (error != nullptr)
            *error = u"Cannot sign: %1"_s.arg(ossl::takeErrors());
        return {};
    }
    QByteArray signature(qsizetype(length), Qt::Uninitialized);
    if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char *>(signature.data()), &length,
                       reinterpret_cast<const unsigned char *>(package.constData()),
                       size_t(package.size()))
        != 1) {
        if (error != nullptr)
            *error = u"Cannot sign: %1"_s.arg(ossl::takeErrors());
        return {};
    }
    signature.resize(qsizetype(length));
    return signature;
}
