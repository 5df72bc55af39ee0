#include "OpenSslHandles.h"

#include "SecureBuffer.h"

#include <QStringList>

#include <openssl/err.h>

#include <cstring>

using namespace Qt::StringLiterals;

namespace ossl {

Bio readBio(const QByteArray &bytes)
{
    return Bio(BIO_new_mem_buf(bytes.constData(), int(bytes.size())));
}

Bio writeBio()
{
    return Bio(BIO_new(BIO_s_mem()));
}

QByteArray bioContents(BIO *bio)
{
    char *data = nullptr;
    const long length = BIO_get_mem_data(bio, &data);
    if (length <= 0 || data == nullptr)
        return {};
    return QByteArray(data, qsizetype(length));
}

QString takeErrors()
{
    QStringList lines;
    unsigned long code = 0;
    while ((code = ERR_get_error()) != 0) {
        char text[256] = {};
        ERR_error_string_n(code, text, sizeof text);
        lines << QString::fromLatin1(text);
    }
    return lines.join(u"; "_s);
}

void clearErrors()
{
    ERR_clear_error();
}

int passphraseCallback(char *buffer, int size, int /*rwflag*/, void *secureBuffer)
{
    const auto *passphrase = static_cast<const SecureBuffer *>(secureBuffer);
    if (passphrase == nullptr || size <= 0 || passphrase->size() > size)
        return -1;
    std::memcpy(buffer, passphrase->data(), size_t(passphrase->size()));
    return int(passphrase->size());
}

} // namespace ossl
