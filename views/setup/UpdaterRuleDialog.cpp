#include "UpdaterRuleDialog.h"

#include "FileDialogs.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <tuple>

using namespace Qt::StringLiterals;

UpdaterRuleDialog::UpdaterRuleDialog(const AgentUpdaterRule &rule,
                                     const QList<Prerequisites::KeyInfo> &keys, QWidget *parent)
    : QDialog(parent)
    , m_rule(rule)
    , m_keys(keys)
    , m_description(new QLineEdit(this))
    , m_disabled(new QCheckBox(tr("&Disable this rule"), this))
    , m_folder(new QLineEdit(this))
    , m_hosts(new QLineEdit(this))
    , m_tags(new QLineEdit(this))
    , m_labels(new QLineEdit(this))
    , m_activated(new QCheckBox(tr("Deploy the agent &updater plug-in"), this))
    , m_server(new QLineEdit(this))
    , m_site(new QLineEdit(this))
    , m_protocol(new QComboBox(this))
    , m_usage(new QComboBox(this))
    , m_interval(new QSpinBox(this))
    , m_proxy(new QComboBox(this))
    , m_proxyServer(new QLineEdit(this))
    , m_proxyPort(new QSpinBox(this))
    , m_edition(new QComboBox(this))
    , m_certificateList(new QListWidget(this))
    , m_keyList(new QListWidget(this))
    , m_issues(new QLabel(this))
    , m_ok(nullptr)
{
    setWindowTitle(rule.id.isEmpty() ? tr("New agent updater rule")
                                     : tr("Edit agent updater rule"));
    setObjectName(u"updaterRuleDialog"_s);
    const AgentUpdaterConfig c = rule.config();
    m_description->setObjectName(u"description"_s);
    m_server->setObjectName(u"server"_s);
    m_site->setObjectName(u"site"_s);
    m_interval->setObjectName(u"interval"_s);
    m_keyList->setObjectName(u"acceptedKeys"_s);
    m_issues->setObjectName(u"issues"_s);

    m_description->setText(rule.description);
    m_disabled->setChecked(rule.disabled);
    m_folder->setText(rule.folder.isEmpty() ? u"/"_s : rule.folder);
    m_folder->setToolTip(tr("The rule applies to the hosts of this folder and its subfolders."));
    m_hosts->setText(rule.hostNames.join(u", "_s));
    m_hosts->setPlaceholderText(tr("all hosts (or a comma-separated list of host names)"));
    QStringList tags;
    for (const AgentUpdaterRule::TagCondition &t : rule.hostTags)
        tags << (t.negate ? u"!"_s : QString()) + t.group + u':' + t.tag;
    m_tags->setText(tags.join(u", "_s));
    m_tags->setPlaceholderText(tr("e.g. criticality:prod, !networking:dmz"));
    m_tags->setObjectName(u"hostTags"_s);
    QStringList labels;
    for (const AgentUpdaterRule::LabelCondition &l : rule.hostLabels)
        labels << (l.negate ? u"!"_s : QString()) + l.key + u':' + l.value;
    m_labels->setText(labels.join(u", "_s));
    m_labels->setPlaceholderText(tr("e.g. env:prod, !team:legacy"));
    m_labels->setObjectName(u"hostLabels"_s);
    m_activated->setChecked(c.activated.value_or(true));
    m_protocol->addItems({ u"https"_s, u"http"_s });
    m_usage->addItem(tr("for registration and updates"), u"always"_s);
    m_usage->addItem(tr("for registration only"), u"registration"_s);
    if (c.serverData) {
        m_server->setText(c.serverData->server);
        m_site->setText(c.serverData->site);
        m_protocol->setCurrentText(c.serverData->protocol);
        m_usage->setCurrentIndex(qMax(0, m_usage->findData(c.serverData->usage)));
    }
    m_server->setPlaceholderText(tr("monitoring.example.com"));
    m_interval->setRange(1, 24 * 60);
    m_interval->setSuffix(tr(" min"));
    m_interval->setValue(c.effectiveInterval() / 60);
    m_proxy->addItem(tr("No proxy"), int(AgentUpdaterConfig::ProxyMode::NoProxy));
    m_proxy->addItem(tr("Proxy from the environment"),
                     int(AgentUpdaterConfig::ProxyMode::EnvProxy));
    m_proxy->addItem(tr("Explicit proxy"), int(AgentUpdaterConfig::ProxyMode::ExplicitProxy));
    m_proxyPort->setRange(1, 65535);
    m_proxyPort->setValue(3128);
    if (c.proxy) {
        m_proxy->setCurrentIndex(m_proxy->findData(int(c.proxy->mode)));
        m_proxyServer->setText(c.proxy->server);
        if (c.proxy->port > 0)
            m_proxyPort->setValue(c.proxy->port);
    }
    m_edition->addItem(tr("Packaged binary (64 bit)"), u"bit64"_s);
    m_edition->addItem(tr("Python script"), u"script"_s);
    m_edition->setCurrentIndex(qMax(0, m_edition->findData(c.edition.value_or(u"bit64"_s))));
    m_certificates = c.certificates.value_or(QStringList());
    const QStringList accepted = c.signatureKeys.value_or(QStringList());
    for (const Prerequisites::KeyInfo &k : keys) {
        auto *item = new QListWidgetItem(tr("%1 (key %2)").arg(k.alias).arg(k.id), m_keyList);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        bool on = false;
        for (const QString &pem : accepted)
            on = on || pem.trimmed().toUtf8() == k.certificatePem.trimmed();
        item->setCheckState(on ? Qt::Checked : Qt::Unchecked);
    }
    m_issues->setWordWrap(true);
    // What's This (Shift+F1) on every parameter, in the manual's words.
    m_activated->setWhatsThis(
        tr("Activation: adds the agent updater plug-in (cmk-update-agent) to the agents of the "
           "hosts this rule matches. Turned off for a host, the agent removes its updater with "
           "the next update; only a manually installed package brings it back."));
    m_server->setWhatsThis(
        tr("Update server: the DNS name or IP address under which the hosts reach this Checkmk "
           "server. The hosts must resolve the name, and with https the certificate must match "
           "it. Without it, the server must be given at registration."));
    m_site->setWhatsThis(tr("The name of the Checkmk site of the update server."));
    m_protocol->setWhatsThis(
        tr("Protocol for fetching updates: https is recommended (the updater then needs a CA "
           "certificate to verify the connection). A server that forces https ignores http "
           "here."));
    m_usage->setWhatsThis(
        tr("In distributed monitoring a host gets its update server from the site that "
           "monitors it. \"For registration and updates\" uses this server permanently and "
           "ignores the automatic one; \"for registration only\" uses it only to register."));
    m_interval->setWhatsThis(
        tr("Check interval: how often the updater asks the server for a new agent; in between "
           "it answers from its cache. Default one hour; less than 10 minutes loads the network "
           "heavily when there are many hosts."));
    m_proxy->setWhatsThis(
        tr("Proxy: without a setting the updater connects directly and ignores the host's proxy "
           "settings. Choose \"from the environment\" to use the host's proxy variables, or "
           "give a proxy explicitly."));
    m_edition->setWhatsThis(
        tr("Package format (Linux only): the packaged binary needs a 64-bit x86 Linux with "
           "glibc 2.17 or newer; the Python script needs Python 3.7 or newer with the modules "
           "cryptography, requests and pysocks."));
    m_certificateList->setWhatsThis(
        tr("CA certificates the updater uses to verify https connections. Once any certificate "
           "is given (here, from the site or at registration), the updater ignores all other "
           "certificate authorities: give the root of the server's chain."));
    m_keyList->setWhatsThis(
        tr("Signature keys the agent will accept: at least one. While replacing a key, accept "
           "both the old and the new key until every host has a package that knows the new "
           "one."));

    auto *ruleBox = new QGroupBox(tr("Rule"), this);
    auto *ruleForm = new QFormLayout(ruleBox);
    ruleForm->addRow(tr("D&escription:"), m_description);
    ruleForm->addRow(tr("&Folder:"), m_folder);
    ruleForm->addRow(tr("&Host names:"), m_hosts);
    ruleForm->addRow(tr("Host &tags:"), m_tags);
    ruleForm->addRow(tr("Host &labels:"), m_labels);
    ruleForm->addRow(QString(), m_disabled);

    auto *valueBox = new QGroupBox(tr("Agent updater"), this);
    auto *valueForm = new QFormLayout(valueBox);
    valueForm->addRow(QString(), m_activated);
    auto *serverRow = new QHBoxLayout;
    serverRow->addWidget(m_server, 2);
    serverRow->addWidget(new QLabel(tr("site"), this));
    serverRow->addWidget(m_site, 1);
    serverRow->addWidget(m_protocol);
    // Rows that hold a layout need their label's buddy set by hand for the mnemonic to work.
    auto *serverLabel = new QLabel(tr("Update &server:"), this);
    serverLabel->setBuddy(m_server);
    valueForm->addRow(serverLabel, serverRow);
    valueForm->addRow(tr("Use the server:"), m_usage);
    valueForm->addRow(tr("Check &interval:"), m_interval);
    auto *proxyRow = new QHBoxLayout;
    proxyRow->addWidget(m_proxy);
    proxyRow->addWidget(m_proxyServer, 1);
    proxyRow->addWidget(m_proxyPort);
    auto *proxyLabel = new QLabel(tr("&Proxy:"), this);
    proxyLabel->setBuddy(m_proxy);
    valueForm->addRow(proxyLabel, proxyRow);
    valueForm->addRow(tr("Package &format:"), m_edition);
    auto *certButtons = new QHBoxLayout;
    auto *addCert = new QPushButton(tr("Add from &PEM file…"), this);
    auto *removeCert = new QPushButton(tr("Remove"), this);
    certButtons->addWidget(addCert);
    certButtons->addWidget(removeCert);
    certButtons->addStretch(1);
    auto *certColumn = new QVBoxLayout;
    m_certificateList->setMaximumHeight(70);
    certColumn->addWidget(m_certificateList);
    certColumn->addLayout(certButtons);
    auto *certLabel = new QLabel(tr("CA &certificates:"), this);
    certLabel->setBuddy(m_certificateList);
    valueForm->addRow(certLabel, certColumn);
    m_keyList->setMaximumHeight(90);
    valueForm->addRow(tr("Accepted signature &keys:"), m_keyList);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("&Save rule"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(ruleBox);
    layout->addWidget(valueBox);
    layout->addWidget(m_issues);
    layout->addWidget(buttons);
    resize(640, sizeHint().height());

    for (QLineEdit *e :
         { m_description, m_folder, m_hosts, m_tags, m_labels, m_server, m_site, m_proxyServer })
        connect(e, &QLineEdit::textChanged, this, &UpdaterRuleDialog::validate);
    for (QComboBox *b : { m_protocol, m_usage, m_proxy, m_edition })
        connect(b, &QComboBox::currentIndexChanged, this, &UpdaterRuleDialog::validate);
    connect(m_interval, &QSpinBox::valueChanged, this, &UpdaterRuleDialog::validate);
    connect(m_proxyPort, &QSpinBox::valueChanged, this, &UpdaterRuleDialog::validate);
    connect(m_activated, &QCheckBox::toggled, this, &UpdaterRuleDialog::validate);
    connect(m_keyList, &QListWidget::itemChanged, this, &UpdaterRuleDialog::validate);
    connect(addCert, &QPushButton::clicked, this, &UpdaterRuleDialog::addCertificateFile);
    connect(removeCert, &QPushButton::clicked, this, [this] {
        const int row = m_certificateList->currentRow();
        if (row >= 0 && row < m_certificates.size()) {
            m_certificates.removeAt(row);
            Q_EMIT certificatesChanged(m_certificates);
            validate();
        }
    });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    validate();
}

AgentUpdaterRule UpdaterRuleDialog::rule() const
{
    AgentUpdaterRule r = m_rule;
    r.description = m_description->text().trimmed();
    r.disabled = m_disabled->isChecked();
    r.folder = m_folder->text().trimmed().isEmpty() ? u"/"_s : m_folder->text().trimmed();
    r.hostNames.clear();
    for (const QString &h : m_hosts->text().split(u',', Qt::SkipEmptyParts))
        r.hostNames << h.trimmed();
    // "group:tag" and "key:value" pairs; a leading "!" negates.
    const auto pairs = [](const QString &text) {
        QList<std::tuple<QString, QString, bool>> out;
        for (QString item : text.split(u',', Qt::SkipEmptyParts)) {
            item = item.trimmed();
            const bool negate = item.startsWith(u'!');
            if (negate)
                item.remove(0, 1);
            if (item.contains(u':'))
                out.append({ item.section(u':', 0, 0).trimmed(), item.section(u':', 1).trimmed(),
                             negate });
        }
        return out;
    };
    r.hostTags.clear();
    for (const auto &[group, tag, negate] : pairs(m_tags->text()))
        r.hostTags.append({ group, tag, negate });
    r.hostLabels.clear();
    for (const auto &[key, value, negate] : pairs(m_labels->text()))
        r.hostLabels.append({ key, value, negate });
    AgentUpdaterConfig c = r.config();
    c.activated = m_activated->isChecked();
    AgentUpdaterConfig::ServerData server;
    server.server = m_server->text().trimmed();
    server.site = m_site->text().trimmed();
    server.protocol = m_protocol->currentText();
    server.usage = m_usage->currentData().toString();
    c.serverData = server;
    c.interval = m_interval->value() * 60;
    AgentUpdaterConfig::Proxy proxy = c.proxy.value_or(AgentUpdaterConfig::Proxy());
    proxy.mode = AgentUpdaterConfig::ProxyMode(m_proxy->currentData().toInt());
    proxy.server = m_proxyServer->text().trimmed();
    proxy.port = m_proxyPort->value();
    c.proxy = proxy;
    c.edition = m_edition->currentData().toString();
    c.certificates = m_certificates;
    QStringList keys;
    for (int i = 0; i < m_keyList->count() && i < m_keys.size(); ++i) {
        if (m_keyList->item(i)->checkState() == Qt::Checked)
            keys << QString::fromLatin1(m_keys.at(i).certificatePem);
    }
    c.signatureKeys = keys;
    r.value = c.toVariant();
    return r;
}

void UpdaterRuleDialog::setCertificateWarnings(const QStringList &warnings)
{
    m_certificateWarnings = warnings;
    validate();
}

void UpdaterRuleDialog::addCertificateFile()
{
    const QString path = FileDialogs::openFileName(
        this, u"certificate"_s, tr("CA certificate"),
        tr("PEM files (*.pem *.crt *.cer);;All files (*)"), QStandardPaths::DownloadLocation);
    if (path.isEmpty())
        return;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_issues->setText(tr("CA certificates: cannot read %1: %2").arg(path, file.errorString()));
        return;
    }
    m_certificates << QString::fromLatin1(file.readAll());
    Q_EMIT certificatesChanged(m_certificates);
    validate();
}

void UpdaterRuleDialog::validate()
{
    m_proxyServer->setVisible(m_proxy->currentData().toInt()
                              == int(AgentUpdaterConfig::ProxyMode::ExplicitProxy));
    m_proxyPort->setVisible(m_proxyServer->isVisible());
    m_certificateList->clear();
    for (int i = 0; i < m_certificates.size(); ++i) {
        const QString first = m_certificates.at(i).section(u'\n', 1, 1).left(40);
        m_certificateList->addItem(tr("Certificate %1 (%2…)").arg(i + 1).arg(first));
    }
    const AgentUpdaterRule r = rule();
    QStringList lines;
    bool errors = false;
    const QString conditions = m_tags->text() + u',' + m_labels->text();
    for (const QString &item : conditions.split(u',', Qt::SkipEmptyParts)) {
        if (!item.trimmed().isEmpty() && !item.contains(u':')) {
            lines << tr("✘ Host tags / Host labels: “%1” is not of the form name:value")
                         .arg(item.trimmed());
            errors = true;
        }
    }
    for (const AgentUpdaterConfig::Issue &issue : r.config().validate()) {
        const bool error = issue.severity == AgentUpdaterConfig::Severity::Error;
        errors = errors || error;
        lines << u"%1 %2: %3"_s.arg(error ? u"✘"_s : u"⚠"_s,
                                    AgentUpdaterConfig::fieldLabel(issue.field), issue.message);
    }
    for (const QString &w : std::as_const(m_certificateWarnings))
        lines << u"⚠ %1: %2"_s.arg(AgentUpdaterConfig::fieldLabel(u"certificates"_s), w);
    m_issues->setText(lines.join(u'\n'));
    m_issues->setStyleSheet(errors ? u"color:#b3261e"_s : u"color:#8a5a00"_s);
    m_ok->setEnabled(!errors);
}
