#include "ConnectionEditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

ConnectionEditor::ConnectionEditor(QWidget *parent)
    : QWidget(parent)
    , m_name(new QLineEdit(this))
    , m_server(new QLineEdit(this))
    , m_site(new QLineEdit(this))
    , m_protocol(new QComboBox(this))
    , m_user(new QLineEdit(this))
    , m_secret(new QLineEdit(this))
    , m_timeout(new QSpinBox(this))
    , m_insecure(new QCheckBox(tr("Connect &without verifying the certificate (insecure)"), this))
    , m_trustSummary(new QLabel(this))
    , m_warning(new QLabel(this))
{
    m_name->setObjectName(u"name"_s);
    m_server->setObjectName(u"server"_s);
    m_site->setObjectName(u"site"_s);
    m_protocol->setObjectName(u"protocol"_s);
    m_user->setObjectName(u"user"_s);
    m_secret->setObjectName(u"secret"_s);
    m_timeout->setObjectName(u"timeout"_s);
    m_insecure->setObjectName(u"insecure"_s);

    m_name->setPlaceholderText(tr("e.g. Production"));
    m_server->setPlaceholderText(tr("monitoring.example.com or host:port"));
    m_site->setPlaceholderText(tr("e.g. mysite"));
    m_protocol->addItem(u"HTTPS"_s, int(SiteConnection::Protocol::Https));
    m_protocol->addItem(u"HTTP"_s, int(SiteConnection::Protocol::Http));
    m_user->setPlaceholderText(u"automation"_s);
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setPlaceholderText(tr("Automation secret"));
    m_timeout->setRange(1, 600);
    m_timeout->setSuffix(tr(" s"));
    m_timeout->setValue(30);
    m_trustSummary->setWordWrap(true);
    m_warning->setWordWrap(true);
    m_warning->setStyleSheet(u"color: #8a1c12;"_s);

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("Se&rver:"), m_server);
    form->addRow(tr("S&ite:"), m_site);
    form->addRow(tr("&Protocol:"), m_protocol);
    form->addRow(tr("&User:"), m_user);
    form->addRow(tr("Se&cret:"), m_secret);
    form->addRow(tr("&Timeout:"), m_timeout);
    form->addRow(tr("Certificates:"), m_trustSummary);
    form->addRow(QString(), m_insecure);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    layout->addWidget(m_warning);
    layout->addStretch(1);

    for (QLineEdit *edit : { m_name, m_server, m_site, m_user })
        connect(edit, &QLineEdit::textChanged, this, &ConnectionEditor::changed);
    connect(m_secret, &QLineEdit::textEdited, this, [this] {
        m_secretEdited = true;
        Q_EMIT changed();
    });
    connect(m_protocol, &QComboBox::currentIndexChanged, this, &ConnectionEditor::changed);
    connect(m_timeout, &QSpinBox::valueChanged, this, &ConnectionEditor::changed);
    connect(m_insecure, &QCheckBox::toggled, this, &ConnectionEditor::changed);
    connect(this, &ConnectionEditor::changed, this, &ConnectionEditor::updateWarnings);
    updateWarnings();
}

void ConnectionEditor::setConnection(const SiteConnection &connection)
{
    const QSignalBlocker blocker(this);
    m_base = connection;
    m_name->setText(connection.name);
    m_server->setText(connection.server);
    m_site->setText(connection.site);
    m_protocol->setCurrentIndex(m_protocol->findData(int(connection.protocol)));
    m_user->setText(connection.user);
    m_timeout->setValue(std::max(1, connection.timeoutMs / 1000));
    m_insecure->setChecked(connection.insecure);
    clearSecret();
    const qsizetype trusted
        = connection.trustedCertificatesPem.size() + connection.pinnedSha256.size();
    m_trustSummary->setText(
        trusted == 0
            ? tr("Verified against the system's certificate authorities.")
            : tr("System CAs plus %n certificate(s) you chose to trust.", nullptr, int(trusted)));
    updateWarnings();
}

SiteConnection ConnectionEditor::connection() const
{
    SiteConnection c = m_base;
    c.name = m_name->text().trimmed();
    c.server = m_server->text().trimmed();
    c.site = m_site->text().trimmed();
    c.protocol = SiteConnection::Protocol(m_protocol->currentData().toInt());
    c.user = m_user->text().trimmed();
    c.timeoutMs = m_timeout->value() * 1000;
    c.insecure = m_insecure->isChecked();
    return c;
}

QByteArray ConnectionEditor::secret() const
{
    return m_secret->text().toUtf8();
}

void ConnectionEditor::setSecretPlaceholder(const QString &text)
{
    m_secret->setPlaceholderText(text);
}

void ConnectionEditor::clearSecret()
{
    m_secret->clear();
    m_secretEdited = false;
}

QString ConnectionEditor::validationError() const
{
    return connection().validationError();
}

void ConnectionEditor::updateWarnings()
{
    QStringList lines;
    const SiteConnection c = connection();
    if (c.insecure)
        lines << tr("Insecure: anyone between you and the site can read the secret and change "
                    "what you see. AgentDesk shows this in the status bar while connected.");
    if (c.protocol == SiteConnection::Protocol::Http)
        lines << tr("HTTP sends the secret unencrypted. Use HTTPS unless the site is local.");
    m_warning->setText(lines.join(u"\n"_s));
    m_warning->setVisible(!lines.isEmpty());
}
