#include "RegistrationCredentialsPage.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

#include "RegistrationWizard.h"

RegistrationCredentialsPage::RegistrationCredentialsPage(QWidget *parent)
    : QWizardPage(parent)
    , m_automation(new QRadioButton(tr("&Automation user and its secret")))
    , m_password(new QRadioButton(tr("User and &password")))
    , m_userEdit(new QLineEdit)
    , m_secretEdit(new QLineEdit)
    , m_secretLabel(new QLabel)
    , m_stored(new QPushButton)
    , m_storedState(new QLabel)
{
    // Enter goes to "Next", never to the button that happens to have the focus.
    m_stored->setAutoDefault(false);
    setTitle(tr("Credentials"));
    setSubTitle(tr("A user of the site who may register hosts. The secret is used for this "
                   "registration only and is not written anywhere."));
    m_automation->setChecked(true);
    m_automation->setWhatsThis(tr("An automation user (Setup › Users) and its automation "
                                  "secret, for example the user agent_registration."));
    m_password->setWhatsThis(tr("A user of the site and its password; the user needs the "
                                "permission to register hosts."));
    m_userEdit->setWhatsThis(tr("The user (-U) with the permission to register hosts and "
                                "enable agent updates."));
    m_secretEdit->setWhatsThis(tr("The automation secret or password of the user. Used for this "
                                  "registration only, never written anywhere."));
    m_stored->setWhatsThis(tr("Uses the secret stored in the keychain for the saved connection "
                              "with this server, site and user."));
    m_secretEdit->setEchoMode(QLineEdit::Password);
    // Without a buddy the label would show its "&" instead of a shortcut.
    m_secretLabel->setBuddy(m_secretEdit);
    m_storedState->setWordWrap(true);
    m_storedState->hide();
    m_stored->hide();
    auto *form = new QFormLayout;
    form->addRow(tr("&User:"), m_userEdit);
    form->addRow(m_secretLabel, m_secretEdit);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_automation);
    layout->addWidget(m_password);
    layout->addLayout(form);
    layout->addWidget(m_stored, 0, Qt::AlignLeft);
    layout->addWidget(m_storedState);
    layout->addStretch();
    updateLabels();
    connect(m_password, &QRadioButton::toggled, this, &RegistrationCredentialsPage::updateLabels);
    connect(m_userEdit, &QLineEdit::textChanged, this,
            [this] { RegistrationWizard::emitCompleteChanged(this); });
    connect(m_secretEdit, &QLineEdit::textChanged, this,
            [this] { RegistrationWizard::emitCompleteChanged(this); });
    connect(m_stored, &QPushButton::clicked, this, [this] {
        m_storedState->setText(tr("Reading the secret from the keychain…"));
        m_storedState->show();
        Q_EMIT storedSecretRequested(m_storedConnection);
    });
}

RegistrationCredentialsPage::~RegistrationCredentialsPage()
{
    m_secretEdit->clear();
}

void RegistrationCredentialsPage::updateLabels()
{
    m_secretLabel->setText(m_password->isChecked() ? tr("Pass&word:") : tr("&Secret:"));
}

void RegistrationCredentialsPage::initializePage()
{
    // A saved connection to the same site: offer its user and stored secret.
    auto *w = qobject_cast<RegistrationWizard *>(wizard());
    if (!w)
        return;
    const RegistrationRequest r = w->request();
    m_storedConnection.clear();
    for (const SiteConnection &c : w->knownConnections()) {
        if (c.server.compare(r.server, Qt::CaseInsensitive) == 0 && c.site == r.site) {
            m_storedConnection = c.name;
            if (m_userEdit->text().isEmpty())
                m_userEdit->setText(c.user);
            break;
        }
    }
    m_stored->setVisible(!m_storedConnection.isEmpty());
    m_stored->setText(tr("Use the secret &stored for “%1”").arg(m_storedConnection));
    m_storedState->hide();
}

void RegistrationCredentialsPage::focusFirstInput()
{
    // The keyboard starts where there is something to type.
    if (m_userEdit->text().isEmpty())
        m_userEdit->setFocus();
    else if (m_secretEdit->text().isEmpty())
        (m_storedConnection.isEmpty() ? static_cast<QWidget *>(m_secretEdit) : m_stored)
            ->setFocus();
    else
        m_secretEdit->setFocus();
}

void RegistrationCredentialsPage::fill(RegistrationRequest &request) const
{
    request.user = m_userEdit->text().trimmed();
    request.login = m_password->isChecked() ? RegistrationRequest::Login::Password
                                            : RegistrationRequest::Login::AutomationSecret;
}

QByteArray RegistrationCredentialsPage::secret() const
{
    return m_secretEdit->text().toUtf8();
}

void RegistrationCredentialsPage::setStoredSecret(const QByteArray &secret)
{
    m_automation->setChecked(true);
    m_secretEdit->setText(QString::fromUtf8(secret));
    m_storedState->setText(
        tr("The secret stored for “%1” is filled in (hidden).").arg(m_storedConnection));
    m_storedState->show();
}

void RegistrationCredentialsPage::setStoredSecretError(const QString &reason)
{
    m_storedState->setText(tr("No secret could be read for “%1”: %2. Type the secret.")
                               .arg(m_storedConnection, reason));
    m_storedState->show();
    m_secretEdit->setFocus();
}

bool RegistrationCredentialsPage::isComplete() const
{
    return !m_userEdit->text().trimmed().isEmpty() && !m_secretEdit->text().isEmpty();
}

bool RegistrationCredentialsPage::validatePage()
{
    // The host check needs the credentials: it starts when they are entered.
    Q_EMIT credentialsEntered();
    return true;
}
