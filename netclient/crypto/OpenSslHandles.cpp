#include "OpenSslHandles.h"

#include <openssl/err.h>

QByteArray OpenSsl::lastError()
{
    const unsigned long code = ERR_peek_last_error();
    char buffer[256] = {};
    if (code != 0)
        ERR_error_string_n(code, buffer, sizeof buffer);
    ERR_clear_error();
    return QByteArray(buffer);
}
