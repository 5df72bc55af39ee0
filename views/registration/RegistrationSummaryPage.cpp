#include "RegistrationSummaryPage.h"

#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "DistributedSite.h"
#include "ErrorBanner.h"
#include "RegistrationWizard.h"

using namespace Qt::StringLiterals;

RegistrationSummaryPage::RegistrationSummaryPage(QWidget *parent)
    : QWizardPage(parent)
    , m_summary(new QLabel)
    , m_commandLine(new QLabel)
    , m_hostCheck(new QLabel)
    , m_updateSite(new QLabel)
    , m_statePath(new QLineEdit)
    , m_choosePath(new QPushButton(tr("Choose…")))
    , m_stateHint(new QLabel)
    , m_banner(new ErrorBanner)
{
    m_choosePath->setAutoDefault(false); // Enter registers; it does not open a file dialog
    setTitle(tr("Summary"));
    setSubTitle(tr("Check what will be sent, then register."));
    // Once registered there is no going back: the site has made a new host secret.
    setCommitPage(true);
    setButtonText(QWizard::CommitButton, tr("&Register"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Wrapped, not clipped: the whole line must be readable to be copied.
    m_commandLine->setWordWrap(true);
    m_commandLine->setTextFormat(Qt::PlainText);
    m_commandLine->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_commandLine->setFrameShape(QFrame::StyledPanel);
    m_commandLine->setMargin(4);
    m_commandLine->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_commandLine->setToolTip(tr("The same registration with the agent updater; it asks for "
                                 "the secret itself."));
    m_hostCheck->setWordWrap(true);
    m_updateSite->setObjectName(u"updateSite"_s);
    m_updateSite->setWordWrap(true);
    m_updateSite->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_statePath->setWhatsThis(tr("Where the registration writes the updater's state file "
                                 "(host name, host secret, trusted certificates), with mode "
                                 "0600. The updater reads /etc/cmk-update-agent.state."));
    m_choosePath->setWhatsThis(m_statePath->whatsThis());
    m_stateHint->setWordWrap(true);
    m_banner->hide();

    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_statePath, 1);
    pathRow->addWidget(m_choosePath);
    auto *form = new QFormLayout;
    form->addRow(tr("Command line:"), m_commandLine);
    form->addRow(tr("State file:"), pathRow);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addWidget(m_summary);
    layout->addWidget(m_hostCheck);
    layout->addWidget(m_updateSite);
    layout->addLayout(form);
    layout->addWidget(m_stateHint);
    layout->addStretch();

    connect(m_choosePath, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Write the state file to"),
                                                          m_statePath->text());
        if (!path.isEmpty())
            m_statePath->setText(path);
    });
}

void RegistrationSummaryPage::initializePage()
{
    auto *w = qobject_cast<RegistrationWizard *>(wizard());
    const RegistrationRequest r = w->request();
    m_banner->hide();
    const QString trust = r.protocol == SiteConnection::Protocol::Http
        ? tr("plain HTTP (no encryption)")
        : r.trust == RegistrationRequest::Trust::TrustCertificate
        ? tr("the certificate you chose to trust")
        : r.trust == RegistrationRequest::Trust::Insecure ? tr("NO verification (insecure)")
                                                          : tr("verified certificate");
    m_summary->setText(tr("Register host <b>%1</b> at site <b>%2</b> on <b>%3</b> as user "
                          "<b>%4</b> (%5), connecting with %6.")
                           .arg(r.hostName.toHtmlEscaped(), r.site.toHtmlEscaped(),
                                r.server.toHtmlEscaped(), r.user.toHtmlEscaped(),
                                r.login == RegistrationRequest::Login::Password
                                    ? tr("password")
                                    : tr("automation secret"),
                                trust.toHtmlEscaped()));
    m_commandLine->setText(r.commandLine());

    // Which site will serve the updates: the one monitoring the host (the manual); the server
    // registered at is the updater's fallback.
    const QString fallback = u"%1/%2"_s.arg(r.server, r.site).toHtmlEscaped();
    const QString monitoring = w->monitoringSiteOf(r.hostName);
    QString url;
    for (const DistributedSite &s : w->setupSites()) {
        if (s.id == monitoring)
            url = s.isRemote() ? s.url : w->setupLocalUrl();
    }
    if (w->setupSites().size() < 2)
        m_updateSite->clear();
    else if (monitoring.isEmpty() || url.isEmpty())
        m_updateSite->setText(tr("Updates: from the site that monitors the host, which the site "
                                 "names at registration; if that fails, from %1.")
                                  .arg(fallback));
    else
        m_updateSite->setText(tr("Updates: from site <b>%1</b>, which monitors the host, at "
                                 "<tt>%2</tt> (the site confirms it at registration); if that "
                                 "fails, from %3.")
                                  .arg(monitoring.toHtmlEscaped(), url.toHtmlEscaped(), fallback));
    m_updateSite->setVisible(!m_updateSite->text().isEmpty());
}

bool RegistrationSummaryPage::validatePage()
{
    auto *w = qobject_cast<RegistrationWizard *>(wizard());
    if (w->isRegistered())
        return true;
    if (m_busy)
        return false;
    if (m_statePath->text().trimmed().isEmpty()) {
        m_banner->showMessage(tr("Choose where the state file is written."), true);
        m_banner->show();
        return false;
    }
    setBusy(true);
    m_banner->hide();
    Q_EMIT w->registerRequested(w->request());
    return false; // the wizard moves on once the site has answered
}

void RegistrationSummaryPage::setHostCheck(const HostCheck &check)
{
    switch (check.state) {
    case HostCheck::State::Unknown:
        m_hostCheck->setText(check.message);
        break;
    case HostCheck::State::Checking:
        m_hostCheck->setText(tr("Checking whether the host exists in the site…"));
        break;
    case HostCheck::State::Exists:
        m_hostCheck->setText(tr("✔ %1").arg(check.message));
        break;
    case HostCheck::State::Missing:
        m_hostCheck->setText(tr("⚠ %1").arg(check.message));
        break;
    }
    m_hostCheck->setStyleSheet(check.state == HostCheck::State::Missing ? u"color: #8a5a00;"_s
                                                                        : QString());
}

void RegistrationSummaryPage::setStateFilePath(const QString &path, bool isDefaultLocation)
{
    m_statePath->setText(path);
    m_stateHint->setText(
        isDefaultLocation
            ? tr("The agent updater reads its state from this file.")
            : tr("The agent updater reads /etc/cmk-update-agent.state, which only root may "
                 "write; AgentDesk writes the state here instead, and the result page tells you "
                 "how to move it into place."));
}

QString RegistrationSummaryPage::stateFilePath() const
{
    return m_statePath->text().trimmed();
}

void RegistrationSummaryPage::setError(const ApiError &error, const QString &context)
{
    setBusy(false);
    m_banner->showError(error, context);
    m_banner->show();
}

void RegistrationSummaryPage::setBusy(bool busy)
{
    m_busy = busy;
    if (wizard())
        wizard()->button(QWizard::CommitButton)->setEnabled(!busy);
    m_statePath->setEnabled(!busy);
    m_choosePath->setEnabled(!busy);
    if (busy)
        setSubTitle(tr("Registering…"));
    else
        setSubTitle(tr("Check what will be sent, then register."));
}
