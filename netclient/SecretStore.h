#pragma once

#include <QObject>

#include <functional>
#include <map>

#include "SecureBuffer.h"

namespace QKeychain {
class Job;
}

// What a secret look-up or write came to.
struct SecretResult
{
    bool ok = false;
    bool notFound = false;
    bool sessionOnly = false; // no keychain: the secret lives in memory until the app quits
    SecureBuffer secret; // for reads
    QString error;
};

// The site secrets in the system keychain (Secret Service through QtKeychain), one entry per
// connection under the service "agentdesk". Without a usable keychain it keeps secrets for this
// session only and says so; it never writes them anywhere in plain text.
class SecretStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretStore)

public:
    using Callback = std::function<void(SecretResult &&)>;

    explicit SecretStore(QObject *parent = nullptr,
                         const QString &service = QStringLiteral("agentdesk"));
    ~SecretStore() override;

    // Each call answers once, asynchronously, through the callback (called with context alive).
    void read(const QString &key, QObject *context, Callback done);
    void write(const QString &key, const QByteArray &secret, QObject *context, Callback done);
    void remove(const QString &key, QObject *context, Callback done);

    bool keychainAvailable() const { return m_available; }
    // Keychain jobs started and not finished yet, by any store (tests: a store destroyed with
    // jobs pending leaves them to finish on their own).
    static int pendingJobs();
    QString unavailableReason() const { return m_reason; }

Q_SIGNALS:
    // The keychain could not be used; from now on secrets are kept for the session only.
    void keychainUnavailable(const QString &reason);

private:
    void markUnavailable(const QString &reason);
    // Starts `job` without a parent: QtKeychain's backends call back into a running job, so it
    // must not be deleted with this store (its owner may go while the keychain still works); it
    // deletes itself when done, and `finished` runs only while the store lives.
    void start(QKeychain::Job *job, std::function<void(QKeychain::Job *)> finished);
    static bool meansUnavailable(int keychainError);

    QString m_service;
    bool m_available = true;
    QString m_reason;
    std::map<QString, SecureBuffer> m_session;
};
