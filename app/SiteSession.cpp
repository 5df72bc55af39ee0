#include "SiteSession.h"

#include <QInputDialog>
#include <QLineEdit>

#include "CertificateTrustDialog.h"
#include "RestClient.h"
#include "RestReply.h"
#include "SecretStore.h"
#include "SiteInfoApi.h"

using namespace Qt::StringLiterals;

SiteSession::SiteSession(SecretStore *secrets, QWidget *dialogParent, QObject *parent)
    : QObject(parent)
    , m_secrets(secrets)
    , m_dialogParent(dialogParent)
    , m_client(new RestClient(SiteConnection(), this))
{ }

SiteSession::~SiteSession() = default;

void SiteSession::close()
{
    ++m_generation;
    m_client->cancelAll();
    m_client->setSecret(SecureBuffer());
    m_unconfirmedSecret = SecureBuffer();
    if (m_connected) {
        m_connected = false;
        Q_EMIT disconnected();
    }
}

void SiteSession::open(const SiteConnection &connection)
{
    close();
    m_connection = connection;
    m_client->setConnection(connection);
    Q_EMIT connecting(connection.name);
    const int generation = m_generation;
    m_secrets->read(connection.keychainKey(), this, [this, generation](SecretResult &&r) {
        if (generation != m_generation)
            return;
        if (r.ok) {
            m_client->setSecret(std::move(r.secret));
            probe();
            return;
        }
        QString why;
        if (!m_secrets->keychainAvailable())
            why = tr("No keychain is available (%1), so the secret cannot be stored; AgentDesk "
                     "keeps it for this session only.")
                      .arg(m_secrets->unavailableReason());
        else if (!r.error.isEmpty())
            why = tr("The keychain could not be read: %1").arg(r.error);
        else
            why = tr("No secret is stored for this connection yet.");
        askForSecret(why);
    });
}

void SiteSession::openWithSecret(const SiteConnection &connection, const QByteArray &secret,
                                 bool remember)
{
    close();
    m_connection = connection;
    m_client->setConnection(connection);
    m_client->setSecret(SecureBuffer(QByteArray(secret.constData(), secret.size())));
    if (remember)
        m_unconfirmedSecret = SecureBuffer(QByteArray(secret.constData(), secret.size()));
    Q_EMIT connecting(connection.name);
    probe();
}

void SiteSession::askForSecret(const QString &why)
{
    bool ok = false;
    QString text = QInputDialog::getText(m_dialogParent, tr("Secret for %1").arg(m_connection.name),
                                         tr("%1\n\nSecret of user \"%2\" on site %3:")
                                             .arg(why, m_connection.user, m_connection.site),
                                         QLineEdit::Password, QString(), &ok);
    if (!ok || text.isEmpty()) {
        SecureBuffer::wipe(text);
        ApiError e = ApiError::local(tr("Not connected"), tr("No secret was given."));
        Q_EMIT failed(e);
        return;
    }
    SecureBuffer secret = SecureBuffer::fromString(text);
    SecureBuffer::wipe(text);
    // Stored only once the site accepts it (see probe()): a mistyped secret never lands in the
    // keychain.
    m_unconfirmedSecret = SecureBuffer(QByteArray(secret.data(), secret.size()));
    m_client->setSecret(std::move(secret));
    probe();
}

void SiteSession::probe()
{
    const int generation = m_generation;
    SiteInfoApi(m_client).version(this, [this, generation](SiteResult<SiteVersion> result) {
        if (generation != m_generation)
            return;
        if (result.error.kind == ApiError::Kind::Tls && !result.error.certificateChain.isEmpty()) {
            onUntrusted(result.error);
            return;
        }
        if (!result.ok()) {
            Q_EMIT failed(result.error);
            return;
        }
        m_version = *result.value;
        m_connected = true;
        if (!m_unconfirmedSecret.isEmpty()) {
            // The site answered an authenticated request: the secret is right for this
            // server, site and user.
            m_secrets->write(m_connection.keychainKey(), m_unconfirmedSecret.bytes(), this,
                             [this](SecretResult &&r) {
                                 if (!r.ok)
                                     Q_EMIT secretNotStored(r.error);
                             });
            m_unconfirmedSecret = SecureBuffer();
        }
        Q_EMIT connected(m_version);
    });
}

void SiteSession::reviewCertificate(const ApiError &error)
{
    if (error.kind != ApiError::Kind::Tls || error.certificateChain.isEmpty())
        return;
    ++m_generation; // answers to requests before the decision are dropped
    if (m_connected) {
        m_connected = false;
        Q_EMIT disconnected();
    }
    onUntrusted(error);
}

void SiteSession::trustSiteCertificate(const QString &pinKey, const QString &sha256)
{
    QStringList &pins = m_connection.sitePinnedSha256[pinKey];
    pins << sha256.toLower();
    pins.removeDuplicates();
    Q_EMIT connectionChanged(m_connection);
}

void SiteSession::onUntrusted(const ApiError &error)
{
    CertificateTrustDialog dialog(u"%1 (%2)"_s.arg(m_connection.name, m_connection.server), error,
                                  m_dialogParent);
    dialog.exec();
    switch (dialog.choice()) {
    case CertificateTrustDialog::Choice::Refuse:
        Q_EMIT failed(error);
        return;
    case CertificateTrustDialog::Choice::TrustCertificate:
        m_connection.pinnedSha256 << dialog.trustedCertificate().sha256;
        m_connection.pinnedSha256.removeDuplicates();
        break;
    case CertificateTrustDialog::Choice::Insecure:
        m_connection.insecure = true;
        break;
    }
    m_client->setConnection(m_connection);
    Q_EMIT connectionChanged(m_connection);
    probe();
}
