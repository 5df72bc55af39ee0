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
{
    setTitle(tr("Credentials"));
    setSubTitle(tr("A user of the site who may register hosts. The secret is used for this "
                   "registration only and is not written anywhere."));
    m_automation->setChecked(true);
    m_secretEdit->setEchoMode(QLineEdit::Password);
    m_stored->hide();
    auto *form = new QFormLayout;
    form->addRow(tr("&User:"), m_userEdit);
    form->addRow(m_secretLabel, m_secretEdit);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_automation);
    layout->addWidget(m_password);
    layout->addLayout(form);
    layout->addWidget(m_stored, 0, Qt::AlignLeft);
    layout->addStretch();
    updateLabels();
    connect(m_password, &QRadioButton::toggled, this, &RegistrationCredentialsPage::updateLabels);
    connect(m_userEdit, &QLineEdit::textChanged, this,
            &RegistrationCredentialsPage::completeChanged);
    connect(m_secretEdit, &QLineEdit::textChanged, this,
            &RegistrationCredentialsPage::completeChanged);
    connect(m_stored, &QPushButton::clicked, this,
            [this] { Q_EMIT storedSecretRequested(m_storedConnection); });
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
    m_stored->setText(tr("Use the secret stored for “%1”").arg(m_storedConnection));
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
