#pragma once

#include <QHash>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include "CertificateDetails.h"

// An error as a value: what failed talking to a site (HTTP problem, TLS, timeout, bad reply),
// shown to the user by one shared widget.
struct ApiError
{
    enum class Kind {
        None,
        Http, // the site answered with an error status (problem+json or not)
        Network, // connection refused, host not found, connection closed
        Tls, // certificate not trusted or handshake failed
        Timeout,
        Cancelled,
        MalformedReply, // the site answered, but not what the API promises
        Local, // a check on this side failed before anything was sent
    };

    Kind kind = Kind::None;
    int status = 0; // HTTP status, 0 when there was none
    QString title;
    QString detail;
    QHash<QString, QStringList> fields; // per-field validation messages
    QString url; // without credentials
    // Kind::Tls: what the verification said and the chain the server sent, leaf first.
    QStringList tlsErrors;
    QList<CertificateDetails> certificateChain;
    // Kind::Http: the body was the REST API's problem document. Every error of the API comes as
    // one; a 404 without it is the web server's own: there is no site of that name there.
    bool problemDocument = false;

    // What fixes the cause, for the action offered next to the message.
    enum class Remedy {
        None,
        EditConnection, // wrong user or secret (401), or no such site (404 from the web server)
        ShowCertificate, // the certificate is not trusted: look at it and decide
        Retry, // the site was not reached or did not answer in time: the same request again
    };
    Remedy remedy() const;
    bool isSiteNotFound() const;

    bool isError() const { return kind != Kind::None; }
    // One line for a status bar or a log: "412 Precondition Failed: detail".
    QString summary() const;
    // Lines "field: message" sorted by field, for the banner's details.
    QStringList fieldMessages() const;

    static ApiError local(const QString &title, const QString &detail = {});
};

Q_DECLARE_METATYPE(ApiError)
