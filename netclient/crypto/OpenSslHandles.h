#pragma once

#include <QByteArray>
#include <QString>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

#include <memory>

class SecureBuffer;

// Move-only owners for OpenSSL objects, so that no early return leaks a context or a key.
namespace ossl {

struct PkeyDeleter
{
    void operator()(EVP_PKEY *p) const noexcept { EVP_PKEY_free(p); }
};
struct PkeyCtxDeleter
{
    void operator()(EVP_PKEY_CTX *p) const noexcept { EVP_PKEY_CTX_free(p); }
};
struct X509Deleter
{
    void operator()(X509 *p) const noexcept { X509_free(p); }
};
struct X509NameDeleter
{
    void operator()(X509_NAME *p) const noexcept { X509_NAME_free(p); }
};
struct X509ExtensionDeleter
{
    void operator()(X509_EXTENSION *p) const noexcept { X509_EXTENSION_free(p); }
};
struct BioDeleter
{
    void operator()(BIO *p) const noexcept { BIO_free_all(p); }
};
struct MdCtxDeleter
{
    void operator()(EVP_MD_CTX *p) const noexcept { EVP_MD_CTX_free(p); }
};
struct BignumDeleter
{
    void operator()(BIGNUM *p) const noexcept { BN_free(p); }
};

using Pkey = std::unique_ptr<EVP_PKEY, PkeyDeleter>;
using PkeyCtx = std::unique_ptr<EVP_PKEY_CTX, PkeyCtxDeleter>;
using X509Ptr = std::unique_ptr<X509, X509Deleter>;
using X509NamePtr = std::unique_ptr<X509_NAME, X509NameDeleter>;
using X509ExtensionPtr = std::unique_ptr<X509_EXTENSION, X509ExtensionDeleter>;
using Bio = std::unique_ptr<BIO, BioDeleter>;
using MdCtx = std::unique_ptr<EVP_MD_CTX, MdCtxDeleter>;
using Bignum = std::unique_ptr<BIGNUM, BignumDeleter>;

// A read-only memory BIO over bytes; the bytes must outlive the BIO.
Bio readBio(const QByteArray &bytes);
// A growing memory BIO for output.
Bio writeBio();
// Everything written to a memory BIO so far.
QByteArray bioContents(BIO *bio);

// Drains OpenSSL's thread-local error queue into one line (empty when there was none), so that
// errors of one operation never show up as the reason of the next.
QString takeErrors();
void clearErrors();

// pem_password_cb that copies the passphrase out of the SecureBuffer given as user data.
// Returns -1 when the passphrase does not fit OpenSSL's buffer, so it is never truncated.
int passphraseCallback(char *buffer, int size, int rwflag, void *secureBuffer);

} // namespace ossl
