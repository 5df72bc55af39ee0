#include "SitesPage.h"

#include <QColor>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {
// Compact rows, and the last column filling the table's width.
void setUpTable(QTableWidget *table)
{
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 8);
    table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setWordWrap(false);
}

// Every column as wide as its contents but one, which takes the rest and elides (the full text is
// in the tooltip): the table never scrolls sideways, in a narrow window or a longer language.
void fitColumns(QTableWidget *table, int stretching)
{
    table->horizontalHeader()->setStretchLastSection(false);
    for (int c = 0; c < table->columnCount(); ++c)
        table->horizontalHeader()->setSectionResizeMode(
            c, c == stretching ? QHeaderView::Stretch : QHeaderView::ResizeToContents);
}

QTableWidgetItem *item(const QString &text)
{
    auto *i = new QTableWidgetItem(text);
    i->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    i->setToolTip(text);
    return i;
}
} // namespace

SitesPage::SitesPage(QWidget *parent)
    : QWidget(parent)
    , m_state(new QLabel(this))
    , m_sites(new QTableWidget(0, 7, this))
    , m_pending(new QLabel(this))
    , m_activate(new QPushButton(tr("&Activate on the ticked sites"), this))
    , m_showCertificate(new QPushButton(tr("Show &certificate…"), this))
    , m_progress(new QProgressBar(this))
    , m_activationText(new QLabel(this))
    , m_settings(new QTableWidget(0, 4, this))
    , m_edit(new QPushButton(tr("&Edit…"), this))
    , m_reset(new QPushButton(tr("&Use the global value"), this))
    , m_reload(new QPushButton(tr("&Reload"), this))
    , m_message(new QLabel(this))
{
    setObjectName(u"sitesPage"_s);
    m_state->setWordWrap(true);
    m_message->setWordWrap(true);
    m_activationText->setWordWrap(true);
    m_activationText->setObjectName(u"activationText"_s);

    auto *sitesBox = new QGroupBox(tr("Sites of this set-up"), this);
    m_sites->setObjectName(u"siteTable"_s);
    m_sites->setHorizontalHeaderLabels({ tr("Activate"), tr("Site"), tr("Connection"), tr("URL"),
                                         tr("Certificate"), tr("Version"), tr("Alias") });
    setUpTable(m_sites);
    fitColumns(m_sites, UrlColumn);
    m_progress->setRange(0, 0);
    m_progress->hide();
    m_activate->setToolTip(tr("Activate the pending changes on the sites ticked in the table"));
    auto *activationRow = new QHBoxLayout;
    activationRow->addWidget(m_pending);
    activationRow->addWidget(m_activate);
    activationRow->addWidget(m_progress);
    activationRow->addStretch(1);
    activationRow->addWidget(m_showCertificate);
    auto *sitesLayout = new QVBoxLayout(sitesBox);
    sitesLayout->addWidget(m_sites);
    sitesLayout->addLayout(activationRow);
    sitesLayout->addWidget(m_activationText);

    auto *settingsBox
        = new QGroupBox(tr("Automatic agent updates: global and site-specific settings"), this);
    m_settings->setObjectName(u"settingsTable"_s);
    m_settings->setHorizontalHeaderLabels(
        { tr("Applies to"), tr("Setting"), tr("Value"), tr("Source") });
    setUpTable(m_settings);
    fitColumns(m_settings, ValueColumn);
    auto *settingButtons = new QHBoxLayout;
    settingButtons->addWidget(m_edit);
    settingButtons->addWidget(m_reset);
    settingButtons->addStretch(1);
    settingButtons->addWidget(m_reload);
    auto *settingsLayout = new QVBoxLayout(settingsBox);
    settingsLayout->addWidget(m_settings);
    settingsLayout->addLayout(settingButtons);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_state);
    layout->addWidget(sitesBox, 2);
    layout->addWidget(settingsBox, 3);
    layout->addWidget(m_message);

    m_sites->setWhatsThis(
        tr("Every site the connected site lists: the central site itself and its remote sites, "
           "with their connection state and URL. A remote site's version is read from that site "
           "through a saved connection to it. Tick a site in the first column (Space) to "
           "activate the pending changes there."));
    m_settings->setWhatsThis(
        tr("The settings of automatic updates that matter in distributed monitoring, as the "
           "global value and as each site sees it. A site-specific value overrides the global "
           "one for that site only. Enter or Edit changes the selected row."));
    m_activate->setWhatsThis(tr("Activates the pending changes on the ticked sites only. A "
                                "change that affects other sites too stays pending for them."));
    m_showCertificate->setObjectName(u"showSiteCertificate"_s);
    m_showCertificate->setToolTip(
        tr("Show the certificate the selected site presented, and trust it for that site"));
    m_showCertificate->setWhatsThis(
        tr("A remote site whose URL presents a certificate the console does not trust is "
           "marked \"not trusted\", and nothing is sent to it. This shows that certificate "
           "(chain, SHA-256 fingerprint, validity); trusted, it is remembered for that site "
           "alone, with this connection."));
    m_reset->setWhatsThis(tr("Removes the selected site's own value: the site follows the "
                             "global value again."));
    connect(m_reload, &QPushButton::clicked, this, &SitesPage::refreshRequested);
    connect(m_showCertificate, &QPushButton::clicked, this, [this] {
        if (m_untrusted.contains(selectedSite()))
            Q_EMIT certificateRequested(selectedSite());
    });
    connect(m_sites, &QTableWidget::currentCellChanged, this, &SitesPage::updateButtons);
    connect(m_activate, &QPushButton::clicked, this,
            [this] { Q_EMIT activateRequested(checkedSites()); });
    connect(m_sites, &QTableWidget::itemChanged, this, &SitesPage::updateButtons);
    connect(m_settings, &QTableWidget::itemSelectionChanged, this, &SitesPage::updateButtons);
    connect(m_settings, &QTableWidget::itemActivated, this, [this] {
        if (auto s = selectedSetting())
            Q_EMIT editRequested(*s);
    });
    connect(m_edit, &QPushButton::clicked, this, [this] {
        if (auto s = selectedSetting())
            Q_EMIT editRequested(*s);
    });
    connect(m_reset, &QPushButton::clicked, this, [this] {
        if (auto s = selectedSetting())
            Q_EMIT resetRequested(*s);
    });
    setNotConnected(tr("Connect to a site to see the sites of its set-up."));
}

QString SitesPage::stateText(DistributedSite::State state)
{
    switch (state) {
    case DistributedSite::State::Local:
        return tr("This site (central)");
    case DistributedSite::State::LoggedIn:
        return tr("Remote site, logged in");
    case DistributedSite::State::NotLoggedIn:
        return tr("Remote site, not logged in");
    case DistributedSite::State::Disabled:
        return tr("Remote site, disabled");
    }
    return {};
}

QString SitesPage::settingTitle(const QString &varname)
{
    if (varname == SiteSetting::centralBakery)
        return tr("Connection to the central agent bakery");
    if (varname == SiteSetting::siteUrl)
        return tr("URL at which hosts reach the site");
    return varname;
}

QString SitesPage::valueText(const SiteSetting &s)
{
    if (s.varname == SiteSetting::centralBakery)
        return s.url().isEmpty() ? tr("not set (user %1)").arg(s.user())
                                 : tr("%1 as %2").arg(s.url(), s.user());
    const QString url = s.url().isEmpty() ? tr("the site's own URL") : s.url();
    const int certificates = int(s.certificates().size());
    return certificates == 0 ? url : tr("%1, %n CA certificate(s)", nullptr, certificates).arg(url);
}

void SitesPage::setNotConnected(const QString &reason)
{
    m_state->setText(reason);
    m_sites->setRowCount(0);
    m_untrusted.clear();
    m_settings->setRowCount(0);
    m_settingRows.clear();
    m_pendingCount = -1;
    m_pending->clear();
    m_message->clear();
    m_activationText->clear();
    updateButtons();
}

void SitesPage::setLoading(bool loading)
{
    if (loading)
        m_state->setText(tr("Reading the sites…"));
    m_reload->setEnabled(!loading);
}

void SitesPage::setSites(const QList<DistributedSite> &sites)
{
    const QStringList checked = checkedSites();
    m_untrusted.clear(); // each remote site's certificate is checked again
    const QSignalBlocker block(m_sites);
    m_sites->setRowCount(int(sites.size()));
    for (int row = 0; row < sites.size(); ++row) {
        const DistributedSite &s = sites.at(row);
        auto *tick = new QTableWidgetItem;
        tick->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
        tick->setCheckState(checked.contains(s.id) ? Qt::Checked : Qt::Unchecked);
        tick->setData(Qt::UserRole, s.id);
        tick->setToolTip(tr("Activate the pending changes on %1").arg(s.id));
        m_sites->setItem(row, ActivateColumn, tick);
        m_sites->setItem(row, IdColumn, item(s.id));
        m_sites->setItem(row, StateColumn, item(stateText(s.state)));
        m_sites->setItem(row, UrlColumn, item(s.url.isEmpty() ? tr("(this connection)") : s.url));
        // The central is this connection: its certificate is the connection's (status bar).
        QTableWidgetItem *certificate = item(s.isRemote() ? tr("…") : tr("—"));
        if (!s.isRemote())
            certificate->setToolTip(tr("This connection's own certificate trust applies (see "
                                       "the status bar)."));
        m_sites->setItem(row, CertificateColumn, certificate);
        m_sites->setItem(row, VersionColumn, item(tr("…")));
        m_sites->setItem(row, AliasColumn, item(s.alias));
    }
    const int remotes = int(std::count_if(sites.cbegin(), sites.cend(),
                                          [](const DistributedSite &s) { return s.isRemote(); }));
    m_state->setText(remotes == 0 ? tr("A single site: no remote sites are connected to it.")
                                  : tr("A central site with %n remote site(s).", nullptr, remotes));
    updateButtons();
}

void SitesPage::setSitesError(const QString &error)
{
    m_sites->setRowCount(0);
    m_state->setText(tr("The sites could not be read: %1").arg(error));
    updateButtons();
}

void SitesPage::setVersion(const QString &site, const QString &text, const QString &why)
{
    for (int row = 0; row < m_sites->rowCount(); ++row) {
        if (m_sites->item(row, IdColumn)->text() != site)
            continue;
        QTableWidgetItem *version = item(why.isEmpty() ? text : tr("unknown"));
        if (!why.isEmpty())
            version->setToolTip(why);
        m_sites->setItem(row, VersionColumn, version);
    }
}

void SitesPage::setCertificate(const QString &site, const QString &text, const QString &detail,
                               bool untrusted)
{
    m_untrusted.removeAll(site);
    if (untrusted)
        m_untrusted << site;
    for (int row = 0; row < m_sites->rowCount(); ++row) {
        if (m_sites->item(row, IdColumn)->text() != site)
            continue;
        QTableWidgetItem *cell = item(text);
        cell->setToolTip(detail.isEmpty() ? text : detail);
        if (untrusted)
            cell->setForeground(QColor(0xb0, 0x3a, 0x2e));
        m_sites->setItem(row, CertificateColumn, cell);
    }
    updateButtons();
}

QString SitesPage::selectedSite() const
{
    const int row = m_sites->currentRow();
    const QTableWidgetItem *id = row < 0 ? nullptr : m_sites->item(row, IdColumn);
    return id ? id->text() : QString();
}

void SitesPage::setSettings(const QList<SiteSetting> &settings)
{
    m_settingRows = settings;
    m_settings->setRowCount(int(settings.size()));
    for (int row = 0; row < settings.size(); ++row) {
        const SiteSetting &s = settings.at(row);
        m_settings->setItem(row, ScopeColumn,
                            item(s.site.isEmpty() ? tr("All sites (global)") : s.site));
        m_settings->setItem(row, SettingNameColumn, item(settingTitle(s.varname)));
        m_settings->setItem(row, ValueColumn, item(valueText(s)));
        QString source;
        if (s.site.isEmpty())
            source = s.isDefault ? tr("default") : tr("global setting");
        else
            source = s.siteSpecific() ? tr("site-specific") : tr("global value");
        m_settings->setItem(row, SourceColumn, item(source));
    }
    updateButtons();
}

void SitesPage::setSettingsError(const QString &error)
{
    m_settingRows.clear();
    m_settings->setRowCount(0);
    m_message->setText(tr("The settings could not be read: %1").arg(error));
    updateButtons();
}

void SitesPage::setPendingChanges(int count)
{
    m_pendingCount = count;
    m_pending->setText(count < 0 ? QString() : tr("%n pending change(s)", nullptr, count));
    updateButtons();
}

void SitesPage::setActivation(bool running, const QString &text)
{
    m_running = running;
    m_progress->setVisible(running);
    m_activationText->setText(text);
    updateButtons();
}

void SitesPage::showMessage(const QString &text)
{
    m_message->setText(text);
}

QStringList SitesPage::checkedSites() const
{
    QStringList out;
    for (int row = 0; row < m_sites->rowCount(); ++row) {
        const QTableWidgetItem *tick = m_sites->item(row, ActivateColumn);
        if (tick && tick->checkState() == Qt::Checked)
            out << tick->data(Qt::UserRole).toString();
    }
    return out;
}

void SitesPage::setChecked(const QString &site, bool checked)
{
    for (int row = 0; row < m_sites->rowCount(); ++row) {
        QTableWidgetItem *tick = m_sites->item(row, ActivateColumn);
        if (tick && tick->data(Qt::UserRole).toString() == site)
            tick->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
    }
}

std::optional<SiteSetting> SitesPage::selectedSetting() const
{
    const int row = m_settings->currentRow();
    if (row < 0 || row >= m_settingRows.size()
        || m_settings->selectionModel()->selectedRows().isEmpty())
        return std::nullopt;
    return m_settingRows.at(row);
}

void SitesPage::selectSetting(const QString &site, const QString &varname)
{
    for (int row = 0; row < m_settingRows.size(); ++row) {
        if (m_settingRows.at(row).site == site && m_settingRows.at(row).varname == varname)
            m_settings->selectRow(row);
    }
}

void SitesPage::updateButtons()
{
    const auto selected = selectedSetting();
    m_edit->setEnabled(selected.has_value());
    m_reset->setEnabled(selected && selected->siteSpecific());
    m_activate->setEnabled(!m_running && m_pendingCount > 0 && !checkedSites().isEmpty());
    m_showCertificate->setEnabled(m_untrusted.contains(selectedSite()));
}
