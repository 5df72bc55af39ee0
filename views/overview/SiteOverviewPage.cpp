#include "SiteOverviewPage.h"

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

    auto *header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    header->addWidget(m_refresh);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_state);
    layout->addWidget(m_details);
    layout->addStretch(1);

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
