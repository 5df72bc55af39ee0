#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QList>
#include <QMetaType>
#include <QNetworkCookie>
#include <QSslCertificate>
#include <QUrl>

#include "ApiError.h"

// What came back for one RestRequest: a value, or an error, never both.
struct RestResult
{
    int status = 0;
    QByteArray etag; // as sent, with quotes
    QByteArray contentType;
    QByteArray body;
    QJsonDocument json; // set when the reply was JSON
    QList<QNetworkCookie> cookies; // Set-Cookie of the reply
    QList<QSslCertificate> peerChain; // what the server presented (https), leaf first
    QUrl redirectTarget; // a redirect that was not followed: where the site pointed
    ApiError error;

    bool ok() const { return !error.isError(); }
};

Q_DECLARE_METATYPE(RestResult)
