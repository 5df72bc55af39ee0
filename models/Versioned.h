#pragma once

#include <QByteArray>

// An object as read from the site together with the ETag of that version. Writes send the ETag
// of the version the user started editing from, so a change made by somebody else in between is
// refused (412) instead of overwritten.
template<typename T> struct Versioned
{
    T value;
    QByteArray etag; // as the site sent it, with quotes; empty when the site sent none
};
