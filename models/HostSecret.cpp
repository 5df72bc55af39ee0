#include "HostSecret.h"

#include <QCoreApplication>

QString HostSecret::validationError(QByteArrayView bytes)
{
    const auto tr = [](const char *text) {
        return QCoreApplication::translate("HostSecret", text);
    };
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const auto c = static_cast<unsigned char>(bytes[i]);
        const bool alnum
            = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (alnum)
            continue;
        if (c >= 0x80)
            return tr("host_secret: expected only the letters A-Z, a-z and digits; byte %1 "
                      "is not ASCII.")
                .arg(i + 1);
        return tr("host_secret: expected only the letters A-Z, a-z and digits; character %1 is "
                  "not one of them.")
            .arg(i + 1);
    }
    if (bytes.size() != length)
        return tr("host_secret: expected %1 characters, got %2.").arg(length).arg(bytes.size());
    return {};
}
