#pragma once

#include <QByteArrayView>
#include <QString>

// The host secret a site hands out at registration: the updater's alphabet is exactly 64
// characters of [A-Za-z0-9] (the site generates it so). Anything else — another length, a
// space, a non-ASCII character that would be stored garbled as Latin-1 — is refused before it
// reaches the state file.
class HostSecret final
{
public:
    static constexpr int length = 64;
    // Empty when the bytes are a valid host secret; otherwise what is wrong, without echoing
    // the secret itself.
    static QString validationError(QByteArrayView bytes);
    static bool isValid(QByteArrayView bytes) { return validationError(bytes).isEmpty(); }
};
