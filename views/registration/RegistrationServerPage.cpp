#include "RegistrationServerPage.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

#include "CertificateChainView.h"
#include "RegistrationWizard.h"

using namespace Qt::StringLiterals;

RegistrationServerPage::RegistrationServerPage(QWidget *parent)
    : QWizardPage(parent)
    , m_setupSites(new QComboBox)
    , m_setupSitesLabel(new QLabel(tr("Site of the set-&up:")))
    , m_serverEdit(new QLineEdit)
    , m_siteEdit(new QLineEdit)
    , m_protocol(new QComboBox)
    , m_check(new QPushButton(tr("Check connection")))
    , m_status(new QLabel)
    , m_chainView(new CertificateChainView)
    , m_trustBox(new QWidget)
    , m_trust(new QRadioButton(tr("Trust this certificate (kept as a local certificate, like "
                                  "--trust-cert)")))
    , m_insecure(new QRadioButton(tr("Connect without verification (--insecure)")))
    , m_trustGroup(new QButtonGroup(this))
    , m_insecureWarning(new QLabel)
{
    setTitle(tr("Site"));
    setSubTitle(tr("The Checkmk site this machine gets its agent updates from."));
    m_serverEdit->setPlaceholderText(tr("monitoring.example.com or host:port"));
    m_siteEdit->setPlaceholderText(tr("mysite"));
    // What's This (Shift+F1), in the terms of cmk-update-agent register.
    m_serverEdit->setWhatsThis(tr("The update server (-s): the host name or address of the "
                                  "Checkmk server, with :port when not the default. Pre-filled "
                                  "from the agent updater rule effective for this host, else "
                                  "from the active connection."));
    m_siteEdit->setWhatsThis(tr("The site (-i): the name of the OMD site, as in "
                                "https://server/SITE/check_mk/."));
    m_protocol->setWhatsThis(tr("The protocol (-p): https is recommended; with http the host "
                                "secret travels unencrypted."));
    m_check->setWhatsThis(tr("Connects to the server and shows its certificate, so that you can "
                             "decide whether to trust it before any secret is sent."));
    m_trust->setWhatsThis(tr("Trusts this certificate for the registration and keeps it in the "
                             "state file as a local certificate, as --trust-cert does. Compare "
                             "the SHA-256 fingerprint with the one your site administrator "
                             "gives you."));
    m_insecure->setWhatsThis(tr("Registers without verifying the certificate (--insecure): "
                                "anyone on the network path could pose as the site."));
    // Enter goes to "Next" (which checks first), not to the focused button.
    m_check->setAutoDefault(false);
    m_protocol->addItem(u"https"_s);
    m_protocol->addItem(u"http"_s);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_chainView->hide();
    m_insecureWarning->setWordWrap(true);
    m_insecureWarning->setText(
        tr("Without verification anybody between this machine and the site can pretend to be "
           "the site, read the credentials and hand out their own agents. Use it only to try "
           "things out."));
    m_insecureWarning->setStyleSheet(u"color: #b00020;"_s);
    m_insecureWarning->hide();
    m_trustGroup->addButton(m_trust);
    m_trustGroup->addButton(m_insecure);
    auto *trustLayout = new QVBoxLayout(m_trustBox);
    trustLayout->setContentsMargins(0, 0, 0, 0);
    trustLayout->addWidget(m_trust);
    trustLayout->addWidget(m_insecure);
    trustLayout->addWidget(m_insecureWarning);
    m_trustBox->hide();

    // In a distributed set-up the host may register at any site it can reach (the manual); a
    // remote site forwards the registration to the central site.
    m_setupSites->setObjectName(u"setupSites"_s);
    m_setupSites->setToolTip(tr("Fill in the address of one of the sites of the connected "
                                "set-up"));
    m_setupSites->setWhatsThis(
        tr("In distributed monitoring a host can register at any site of the set-up it can "
           "reach; a remote site forwards the registration to the central site. Choosing a site "
           "fills in its address. The updates are served by the site that monitors the host; "
           "the server given here is the fallback."));
    m_setupSitesLabel->setBuddy(m_setupSites);
    m_setupSites->hide();
    m_setupSitesLabel->hide();
    auto *form = new QFormLayout;
    form->addRow(m_setupSitesLabel, m_setupSites);
    form->addRow(tr("&Server:"), m_serverEdit);
    form->addRow(tr("S&ite:"), m_siteEdit);
    form->addRow(tr("&Protocol:"), m_protocol);
    auto *checkRow = new QHBoxLayout;
    checkRow->addWidget(m_check);
    checkRow->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(checkRow);
    layout->addWidget(m_status);
    layout->addWidget(m_chainView, 1);
    layout->addWidget(m_trustBox);

    connect(m_serverEdit, &QLineEdit::textChanged, this, &RegistrationServerPage::inputChanged);
    connect(m_siteEdit, &QLineEdit::textChanged, this, &RegistrationServerPage::inputChanged);
    connect(m_protocol, &QComboBox::currentIndexChanged, this,
            &RegistrationServerPage::inputChanged);
    connect(m_check, &QPushButton::clicked, this, [this] { startCheck(false); });
    connect(m_setupSites, &QComboBox::activated, this, &RegistrationServerPage::chooseSetupSite);
    connect(m_trustGroup, &QButtonGroup::buttonToggled, this, [this] {
        updateTrustWarning();
        RegistrationWizard::emitCompleteChanged(this);
    });
}

void RegistrationServerPage::suggest(const QString &server, const QString &site, bool https)
{
    if (m_typed || server.isEmpty())
        return;
    m_suggesting = true;
    m_serverEdit->setText(server);
    m_siteEdit->setText(site);
    m_protocol->setCurrentIndex(https ? 0 : 1);
    m_suggesting = false;
}

void RegistrationServerPage::setSetupSites(const QList<DistributedSite> &sites,
                                           const QString &localUrl)
{
    m_setupSites->clear();
    m_setupSites->addItem(tr("Choose a site…"));
    for (const DistributedSite &site : sites) {
        const QString url = site.isRemote() ? site.url : localUrl;
        DistributedSite::Address address;
        if (!DistributedSite::parseUrl(url, &address))
            continue;
        m_setupSites->addItem(site.isRemote() ? tr("%1 (remote site, %2)").arg(site.id, url)
                                              : tr("%1 (central site, %2)").arg(site.id, url),
                              url);
    }
    const bool distributed = m_setupSites->count() > 2;
    m_setupSites->setVisible(distributed);
    m_setupSitesLabel->setVisible(distributed);
}

void RegistrationServerPage::chooseSetupSite(int index)
{
    DistributedSite::Address address;
    if (index <= 0
        || !DistributedSite::parseUrl(m_setupSites->itemData(index).toString(), &address))
        return;
    // The user's choice: it counts as typed, so later suggestions do not overwrite it.
    m_serverEdit->setText(address.server);
    m_siteEdit->setText(address.site);
    m_protocol->setCurrentIndex(address.https ? 0 : 1);
}

void RegistrationServerPage::startCheck(bool thenAdvance)
{
    m_advanceAfterCheck = thenAdvance;
    m_status->setText(tr("Connecting to %1…").arg(m_serverEdit->text().trimmed()));
    // Disabling the focused button would throw the keyboard focus onto the next widget.
    m_checkHadFocus = m_check->hasFocus();
    m_check->setEnabled(false);
    Q_EMIT checkRequested();
}

bool RegistrationServerPage::validatePage()
{
    // Going on without knowing whether the certificate is trusted would only fail later:
    // Next checks first and moves on by itself when nothing needs deciding.
    if (m_checked)
        return true;
    if (m_check->isEnabled())
        startCheck(true);
    return false;
}

void RegistrationServerPage::inputChanged()
{
    if (!m_suggesting)
        m_typed = true;
    // A new address makes the earlier check meaningless.
    m_checked = false;
    m_result = {};
    m_pinnedBy.clear();
    m_pinnedForSite.clear();
    m_status->clear();
    m_chainView->hide();
    m_trustBox->hide();
    m_trustGroup->setExclusive(false);
    m_trust->setChecked(false);
    m_insecure->setChecked(false);
    m_trustGroup->setExclusive(true);
    m_check->setEnabled(!m_serverEdit->text().trimmed().isEmpty());
    RegistrationWizard::emitCompleteChanged(this);
}

void RegistrationServerPage::updateTrustWarning()
{
    m_insecureWarning->setVisible(m_insecure->isChecked());
}

void RegistrationServerPage::fill(RegistrationRequest &request) const
{
    request.server = m_serverEdit->text().trimmed();
    request.site = m_siteEdit->text().trimmed();
    request.protocol = m_protocol->currentIndex() == 0 ? SiteConnection::Protocol::Https
                                                       : SiteConnection::Protocol::Http;
    request.trust = RegistrationRequest::Trust::Verify;
    request.trustedCertificatesPem.clear();
    request.pinnedSha256.clear();
    if (m_checked && !m_result.verified && !m_result.chain.isEmpty()) {
        if (!m_pinnedBy.isEmpty() || m_trust->isChecked()) {
            request.trust = RegistrationRequest::Trust::TrustCertificate;
            request.trustedCertificatesPem << m_result.chain.first().pem;
            request.pinnedSha256 << m_result.chain.first().sha256;
        } else if (m_insecure->isChecked()) {
            request.trust = RegistrationRequest::Trust::Insecure;
        }
    }
}

void RegistrationServerPage::setCheckResult(const TlsCheckResult &result)
{
    m_result = result;
    m_checked = true;
    m_pinnedBy.clear();
    m_pinnedForSite.clear();
    // A certificate the user already pinned for a saved connection to this server is not asked
    // about again: it is trusted for the registration as it is for the connection.
    if (result.reached && !result.verified && !result.chain.isEmpty()) {
        if (auto *w = qobject_cast<RegistrationWizard *>(wizard())) {
            const QString server = m_serverEdit->text().trimmed();
            const QString site = m_siteEdit->text().trimmed();
            const QString sha256 = result.chain.first().sha256;
            for (const SiteConnection &c : w->knownConnections()) {
                if (c.server.compare(server, Qt::CaseInsensitive) == 0
                    && c.pinnedSha256.contains(sha256, Qt::CaseInsensitive)) {
                    m_pinnedBy = c.name;
                    break;
                }
                // A remote site's certificate trusted for that site on the Sites page (pinned
                // with the central's connection).
                if (c.sitePinnedSha256.value(SiteConnection::sitePinKey(site, server))
                        .contains(sha256, Qt::CaseInsensitive)) {
                    m_pinnedBy = c.name;
                    m_pinnedForSite = site;
                    break;
                }
            }
        }
    }
    m_check->setEnabled(true);
    if (m_checkHadFocus)
        m_check->setFocus();
    m_checkHadFocus = false;
    m_chainView->setVisible(!result.chain.isEmpty());
    m_chainView->setChain(result.chain);
    m_trustBox->setVisible(result.reached && !result.verified && !result.chain.isEmpty()
                           && m_pinnedBy.isEmpty());
    if (!m_pinnedForSite.isEmpty())
        m_status->setText(tr("✔ This is the certificate you trusted for site %1 on the Sites "
                             "page (connection “%2”); it is kept as a local certificate, like "
                             "--trust-cert.")
                              .arg(m_pinnedForSite, m_pinnedBy));
    else if (!m_pinnedBy.isEmpty())
        m_status->setText(tr("✔ This is the certificate you already trust for the connection "
                             "“%1”; it is kept as a local certificate, like --trust-cert.")
                              .arg(m_pinnedBy));
    else if (result.plainHttp)
        m_status->setText(tr("Plain HTTP: there is no certificate to check, and the "
                             "credentials cross the network unencrypted."));
    else if (!result.reached)
        m_status->setText(tr("Could not connect: %1").arg(result.failure));
    else if (result.verified)
        m_status->setText(tr("✔ The certificate is trusted: the chain below verified."));
    else
        m_status->setText(tr("✘ The certificate is NOT trusted: %1\nCompare the fingerprint "
                             "with the one your site administrator gives you before trusting it.")
                              .arg(result.errors.join(u"; "_s)));
    RegistrationWizard::emitCompleteChanged(this);
    const bool advance = m_advanceAfterCheck;
    m_advanceAfterCheck = false;
    if (advance && result.reached && (result.verified || !m_pinnedBy.isEmpty()) && wizard()
        && wizard()->currentPage() == this)
        wizard()->next();
}

bool RegistrationServerPage::isComplete() const
{
    if (m_serverEdit->text().trimmed().isEmpty() || m_siteEdit->text().trimmed().isEmpty())
        return false;
    // Once we know the certificate is untrusted, going on needs a decision.
    if (m_checked && m_result.reached && !m_result.verified && !m_result.chain.isEmpty())
        return !m_pinnedBy.isEmpty() || m_trust->isChecked() || m_insecure->isChecked();
    return true;
}
