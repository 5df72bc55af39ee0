#pragma once

#include <QObject>
#include <QSslCertificate>
#include <QStringList>
#include <QVariantMap>

#include <functional>

#include "ApiError.h"
#include "RegistrationRequest.h"
#include "SecureBuffer.h"

class RestClient;
struct RestResult;

// What a registration came to. The host secret stays in a wiping buffer.
struct RegistrationOutcome
{
    enum class Failure {
        None,
        Tls, // the certificate is not trusted (error.certificateChain has it)
        Authentication, // wrong user, secret or password
        Refused, // the site answered result_code 1, or a host secret that is not 64 characters
        Network, // no answer, a timeout, or an answer that is not the updater's protocol
    };

    Failure failure = Failure::None;
    ApiError error;
    QString hostName;
    SecureBuffer hostSecret; // exactly 64 characters on success
    bool monitored = true;
    QString updateUrl;
    // The certificates the site sent that passed checkCertificates(), as PEM; and the ones it
    // dropped, each as "subject: reason" (escaped), for the user to see.
    QStringList certificatesPem;
    QStringList rejectedCertificates;

    bool ok() const { return failure == Failure::None; }
};

// Registers a host for automatic updates as `cmk-update-agent register` does: form POSTs to the
// site's register_agent.py with an automation secret, or login.py first for a password user.
class RegistrationClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RegistrationClient)

public:
    using Callback = std::function<void(RegistrationOutcome &&)>;

    explicit RegistrationClient(QObject *parent = nullptr);
    ~RegistrationClient() override;

    // One registration at a time; `done` is called once (not after the client is destroyed).
    void registerHost(const RegistrationRequest &request, SecureBuffer credential, Callback done);
    void cancel();
    // The deadline of each request of a registration (RestClient::defaultDeadlineMs if unset).
    void setDeadlineMs(int ms) { m_deadlineMs = ms; }

    static constexpr int hostSecretLength = 64;
    static constexpr qsizetype maxRefusalLength = 1000; // of the site's refusal text

    // Which of the certificates a site sent in its registration reply may go into
    // local_certificates, where the updater trusts them as CAs: each must parse, be valid now,
    // and be either one the server presented in this very TLS handshake or a CA certificate
    // that issued one of those. Over plain http, or without verification, nothing proves where
    // they came from: none is kept. Unparsable ones are never kept. *rejected gets
    // "subject: reason" for each one dropped.
    static QStringList checkCertificates(const QStringList &pems,
                                         const QList<QSslCertificate> &presented,
                                         bool verifiedConnection, QStringList *rejected);
    // What the user should know before trusting a certificate with --trust-cert: that it has
    // expired or is not yet valid, or that it does not name the server's host. Escaped texts.
    static QStringList trustWarnings(const QString &pem, const QString &server);

    // The keys a registration sets in cmk-update-agent.state (every other key stays as it was).
    // local_certificates keeps the ones there and adds the chosen and the site's certificates.
    static QVariantMap stateValues(const RegistrationRequest &request,
                                   const RegistrationOutcome &outcome,
                                   const QVariantMap &currentState);

    // The site's answer to register_agent.py, read as the updater reads it (public for tests).
    // The certificates in it go through checkCertificates() against result.peerChain;
    // verifiedConnection says whether that chain was verified (https, not --insecure).
    static RegistrationOutcome readReply(const RestResult &result, const QString &hostName,
                                         bool verifiedConnection = false);

private:
    void sendRegistration(const RegistrationRequest &request, const SecureBuffer &credential);
    void complete(RegistrationOutcome &&outcome);

    RestClient *m_client = nullptr;
    Callback m_done;
    int m_deadlineMs = 0;
    RegistrationRequest m_request;
};
