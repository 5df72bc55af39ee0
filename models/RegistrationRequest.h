#pragma once

#include <QMetaType>
#include <QString>
#include <QStringList>

#include "SiteConnection.h"

// The answers of the registration wizard (and of `agentdesk register`) as a plain value: where
// the site is, which host this machine is there, who registers it and how the certificate is
// trusted. Holds no secret; the secret travels separately and is wiped after use.
struct RegistrationRequest
{
    enum class Login {
        AutomationSecret, // _username + _secret on register_agent.py
        Password, // login.py first, then register with the session cookie
    };
    enum class Trust {
        Verify, // the system CAs (and certificates trusted before) must verify the server
        TrustCertificate, // --trust-cert: the server's certificate is kept as a local one
        Insecure, // --insecure: no verification at all
    };

    QString server; // host name or address, optionally with ":port"
    QString site;
    SiteConnection::Protocol protocol = SiteConnection::Protocol::Https;
    QString hostName;
    QString user;
    Login login = Login::AutomationSecret;
    Trust trust = Trust::Verify;
    QStringList trustedCertificatesPem; // the certificate chosen with TrustCertificate
    QStringList pinnedSha256; // its SHA-256, so a name mismatch does not refuse it again
    QString stateFilePath; // where cmk-update-agent.state is written

    // The connection the client uses for this request (TLS policy included).
    SiteConnection toConnection() const;
    // `cmk-update-agent register -s … -i … -H … -p https -U USER -v` — never the secret.
    QStringList commandLineArguments() const;
    QString commandLine() const;
    // Empty when the request can be sent; otherwise what is missing, for the user.
    QString validationError() const;

    bool operator==(const RegistrationRequest &other) const = default;
};

Q_DECLARE_METATYPE(RegistrationRequest)
