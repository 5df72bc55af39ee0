#include "SecretStore.h"

#include <QPointer>
#include <QTimer>

#include <qt6keychain/keychain.h>

using namespace Qt::StringLiterals;

SecretStore::SecretStore(QObject *parent, const QString &service)
    : QObject(parent)
    , m_service(service)
{ }

SecretStore::~SecretStore() = default;

bool SecretStore::meansUnavailable(int keychainError)
{
    return keychainError == QKeychain::NoBackendAvailable
        || keychainError == QKeychain::NotImplemented || keychainError == QKeychain::OtherError;
}

void SecretStore::markUnavailable(const QString &reason)
{
    if (!m_available)
        return;
    m_available = false;
    m_reason = reason;
    Q_EMIT keychainUnavailable(reason);
}

namespace {

int pending = 0; // keychain jobs running, UI thread only

// Calls back on the next event loop turn, so every answer is asynchronous.
void answerLater(QObject *context, SecretStore::Callback done, SecretResult result)
{
    auto shared = std::make_shared<SecretResult>(std::move(result));
    QTimer::singleShot(0, context, [done = std::move(done), shared] { done(std::move(*shared)); });
}

SecretResult sessionCopy(const std::map<QString, SecureBuffer> &session, const QString &key)
{
    SecretResult r;
    r.sessionOnly = true;
    const auto it = session.find(key);
    if (it == session.end()) {
        r.notFound = true;
        return r;
    }
    r.ok = true;
    r.secret = SecureBuffer(QByteArray(it->second.data(), it->second.size()));
    return r;
}

} // namespace

int SecretStore::pendingJobs()
{
    return pending;
}

void SecretStore::start(QKeychain::Job *job, std::function<void(QKeychain::Job *)> finished)
{
    job->setAutoDelete(true);
    ++pending;
    QPointer<SecretStore> self(this);
    connect(job, &QKeychain::Job::finished, job,
            [self, finished = std::move(finished)](QKeychain::Job *j) {
                --pending;
                if (self)
                    finished(j);
            });
    job->start();
}

void SecretStore::read(const QString &key, QObject *context, Callback done)
{
    if (!m_available) {
        answerLater(context, std::move(done), sessionCopy(m_session, key));
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    job->setKey(key);
    QPointer<QObject> guard(context);
    start(job, [this, key, guard, done = std::move(done)](QKeychain::Job *j) {
        auto *rj = static_cast<QKeychain::ReadPasswordJob *>(j);
        SecretResult r;
        if (rj->error() == QKeychain::NoError) {
            r.ok = true;
            QByteArray data = rj->binaryData();
            r.secret = SecureBuffer(QByteArray(data.constData(), data.size()));
            SecureBuffer::wipe(data);
        } else if (rj->error() == QKeychain::EntryNotFound) {
            r.notFound = true;
            // Written while the keychain was out of reach?
            if (m_session.count(key) > 0)
                r = sessionCopy(m_session, key);
        } else if (meansUnavailable(rj->error())) {
            markUnavailable(rj->errorString());
            r = sessionCopy(m_session, key);
        } else {
            r.error = rj->errorString();
        }
        if (guard)
            done(std::move(r));
    });
}

void SecretStore::write(const QString &key, const QByteArray &secret, QObject *context,
                        Callback done)
{
    if (!m_available) {
        m_session.insert_or_assign(key,
                                   SecureBuffer(QByteArray(secret.constData(), secret.size())));
        SecretResult r;
        r.ok = true;
        r.sessionOnly = true;
        answerLater(context, std::move(done), std::move(r));
        return;
    }
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setKey(key);
    job->setBinaryData(secret);
    QPointer<QObject> guard(context);
    auto copy = std::make_shared<SecureBuffer>(QByteArray(secret.constData(), secret.size()));
    start(job, [this, key, guard, copy, done = std::move(done)](QKeychain::Job *j) {
        SecretResult r;
        if (j->error() == QKeychain::NoError) {
            r.ok = true;
            m_session.erase(key);
        } else if (meansUnavailable(j->error())) {
            markUnavailable(j->errorString());
            m_session.insert_or_assign(key, std::move(*copy));
            r.ok = true;
            r.sessionOnly = true;
        } else {
            r.error = j->errorString();
        }
        if (guard)
            done(std::move(r));
    });
}

void SecretStore::remove(const QString &key, QObject *context, Callback done)
{
    m_session.erase(key);
    if (!m_available) {
        SecretResult r;
        r.ok = true;
        r.sessionOnly = true;
        answerLater(context, std::move(done), std::move(r));
        return;
    }
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    job->setKey(key);
    QPointer<QObject> guard(context);
    start(job, [this, guard, done = std::move(done)](QKeychain::Job *j) {
        SecretResult r;
        r.ok = j->error() == QKeychain::NoError || j->error() == QKeychain::EntryNotFound;
        if (!r.ok && meansUnavailable(j->error())) {
            markUnavailable(j->errorString());
            r.ok = true;
            r.sessionOnly = true;
        } else if (!r.ok) {
            r.error = j->errorString();
        }
        if (guard)
            done(std::move(r));
    });
}
