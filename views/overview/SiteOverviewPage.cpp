#include "SiteOverviewPage.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {
QString count(int n)
{
    return n < 0 ? QStringLiteral("…") : QLocale().toString(n);
}
} // namespace

SiteOverviewPage::SiteOverviewPage(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_state(new QLabel(this))
    , m_version(new QLabel(this))
    , m_edition(new QLabel(this))
    , m_url(new QLabel(this))
    , m_hosts(new QLabel(this))
    , m_folders(new QLabel(this))
    , m_sites(new QLabel(this))
    , m_tagGroups(new QLabel(this))
    , m_hostGroups(new QLabel(this))
    , m_pending(new QLabel(this))
    , m_refresh(new QPushButton(tr("&Reload"), this))
    , m_details(new QWidget(this))
    , m_demoBox(new QGroupBox(tr("Demo credentials"), this))
    , m_demoUser(new QLabel(this))
    , m_demoSecret(new QLabel(this))
    , m_demoWebUser(new QLabel(this))
    , m_demoPassword(new QLabel(this))
{
    setObjectName(u"overviewPage"_s);
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    m_title->setFont(big);
    m_state->setWordWrap(true);
    m_url->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_sites->setWordWrap(true);

    auto *siteBox = new QGroupBox(tr("Site"), m_details);
    auto *siteForm = new QFormLayout(siteBox);
    siteForm->addRow(tr("Checkmk version:"), m_version);
    siteForm->addRow(tr("Edition:"), m_edition);
    siteForm->addRow(tr("REST API:"), m_url);

    auto *configBox = new QGroupBox(tr("Configuration"), m_details);
    auto *configForm = new QFormLayout(configBox);
    configForm->addRow(tr("Hosts:"), m_hosts);
    configForm->addRow(tr("Folders:"), m_folders);
    configForm->addRow(tr("Monitored on sites:"), m_sites);
    configForm->addRow(tr("Tag groups:"), m_tagGroups);
    configForm->addRow(tr("Host groups:"), m_hostGroups);
    configForm->addRow(tr("Pending changes:"), m_pending);

    auto *boxes = new QHBoxLayout(m_details);
    boxes->setContentsMargins(0, 0, 0, 0);
    boxes->addWidget(siteBox, 1);
    boxes->addWidget(configBox, 1);

    // The demo's secrets are random for each run and nothing else shows them.
    auto *demoForm = new QFormLayout(m_demoBox);
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    const auto copyRow = [this, demoForm, fixed](const QString &label, QLabel *value,
                                                 const QString &copyText, const QString &name) {
        value->setFont(fixed);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
        auto *copy = new QPushButton(copyText, m_demoBox);
        copy->setObjectName(name);
        copy->setWhatsThis(tr("Copies the value on the left to the clipboard, for the "
                              "registration wizard or the site's web interface."));
        connect(copy, &QPushButton::clicked, value,
                [value] { QApplication::clipboard()->setText(value->text()); });
        auto *row = new QHBoxLayout;
        row->addWidget(value, 1);
        row->addWidget(copy);
        demoForm->addRow(label, row);
    };
    demoForm->addRow(new QLabel(tr("The embedded demo site made these credentials for this run. "
                                   "The automation secret is also in the keychain for the demo "
                                   "connection, so the registration wizard can use it."),
                                m_demoBox));
    qobject_cast<QLabel *>(demoForm->itemAt(0)->widget())->setWordWrap(true);
    copyRow(tr("Automation user:"), m_demoUser, tr("Copy &user"), u"copyDemoUser"_s);
    copyRow(tr("Automation secret:"), m_demoSecret, tr("Copy s&ecret"), u"copyDemoSecret"_s);
    copyRow(tr("Web user:"), m_demoWebUser, tr("Copy w&eb user"), u"copyDemoWebUser"_s);
    copyRow(tr("Password:"), m_demoPassword, tr("Copy pass&word"), u"copyDemoPassword"_s);
    m_demoBox->hide();

    auto *header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    header->addWidget(m_refresh);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_state);
    layout->addWidget(m_details);
    layout->addWidget(m_demoBox);
    layout->addStretch(1);

    m_refresh->setWhatsThis(tr("Reads the site's version, its configuration counts and the "
                               "pending changes again."));
    connect(m_refresh, &QPushButton::clicked, this, &SiteOverviewPage::refreshRequested);
    setNotConnected(tr("Choose a site connection, or add one with File › Site connections."));
}

void SiteOverviewPage::setNotConnected(const QString &reason)
{
    m_title->setText(tr("Not connected"));
    m_state->setText(reason);
    m_state->show();
    m_details->hide();
    m_refresh->setEnabled(false);
}

void SiteOverviewPage::setVersion(const SiteVersion &version, const QString &connectionName,
                                  const QString &url)
{
    m_title->setText(tr("%1 — site %2").arg(connectionName, version.site));
    m_version->setText(version.checkmkVersion);
    m_edition->setText(version.editionName());
    m_url->setText(url);
    m_state->hide();
    m_details->show();
    m_refresh->setEnabled(true);
}

void SiteOverviewPage::setSummary(const SiteSummary &s)
{
    m_hosts->setText(count(s.hosts));
    m_folders->setText(count(s.folders));
    m_sites->setText(s.sites.isEmpty() ? QStringLiteral("…") : s.sites.join(u", "_s));
    m_tagGroups->setText(count(s.tagGroups));
    m_hostGroups->setText(count(s.hostGroups));
    m_pending->setText(count(s.pendingChanges));
}

void SiteOverviewPage::setLoading(bool loading)
{
    m_refresh->setEnabled(!loading);
    m_refresh->setText(loading ? tr("Loading…") : tr("&Reload"));
}

void SiteOverviewPage::setDemoCredentials(const QString &automationUser,
                                          const QString &automationSecret, const QString &webUser,
                                          const QString &webPassword)
{
    m_demoUser->setText(automationUser);
    m_demoSecret->setText(automationSecret);
    m_demoWebUser->setText(webUser);
    m_demoPassword->setText(webPassword);
    m_demoBox->show();
}

void SiteOverviewPage::clearDemoCredentials()
{
    m_demoSecret->clear();
    m_demoPassword->clear();
    m_demoBox->hide();
}
