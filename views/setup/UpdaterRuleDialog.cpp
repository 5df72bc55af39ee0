#include "UpdaterRuleDialog.h"

#include "FileDialogs.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
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
#include <QRegularExpression>
#include <QSpinBox>
#include <QVBoxLayout>

#include "ConditionText.h"
#include "DialogSubmission.h"

using namespace Qt::StringLiterals;

namespace {
const QString kActivated = u"activated"_s;
const QString kServer = u"server_data"_s;
const QString kInterval = u"interval"_s;
const QString kProxy = u"proxy"_s;
const QString kEdition = u"edition"_s;
const QString kCertificates = u"certificates"_s;
const QString kKeys = u"signature_keys"_s;

QString notSetTip()
{
    return QCoreApplication::translate("UpdaterRuleDialog",
                                       "Unticked: not set by this rule; a later rule or the "
                                       "default decides.");
}

// The label next to the input for a rule issue's field ("conditions.host_tags[1]" → "Host tags
// (no. 2)"), so that messages use the words the user sees; value keys as the model names them.
QString ruleFieldLabel(const QString &field)
{
    static const QRegularExpression first(u"\\[(\\d+)\\]"_s);
    const auto m = first.match(field);
    const int index = m.hasMatch() ? m.captured(1).toInt() : -1;
    QString label;
    if (field == u"folder"_s)
        label = QCoreApplication::translate("UpdaterRuleDialog", "Folder");
    else if (field == u"properties.documentation_url"_s)
        label = QCoreApplication::translate("UpdaterRuleDialog", "Documentation URL");
    else if (field == u"value_raw"_s) // the site's name for the parameters as a whole
        label = QCoreApplication::translate("UpdaterRuleDialog", "Agent updater parameters");
    else if (field.startsWith(u"conditions.host_name"_s))
        label = QCoreApplication::translate("UpdaterRuleDialog", "Host names");
    else if (field.startsWith(u"conditions.host_tags"_s))
        label = QCoreApplication::translate("UpdaterRuleDialog", "Host tags");
    else if (field.startsWith(u"conditions.host_label_groups"_s))
        label = QCoreApplication::translate("UpdaterRuleDialog", "Host labels");
    else
        return AgentUpdaterConfig::fieldLabel(field);
    return index < 0
        ? label
        : QCoreApplication::translate("UpdaterRuleDialog", "%1 (no. %2)").arg(label).arg(index + 1);
}
} // namespace

UpdaterRuleDialog::UpdaterRuleDialog(const AgentUpdaterRule &rule,
                                     const QList<Prerequisites::KeyInfo> &keys, QWidget *parent)
    : QDialog(parent)
    , m_rule(rule)
    , m_keys(keys)
    , m_description(new QLineEdit(this))
    , m_comment(new QLineEdit(this))
    , m_documentationUrl(new QLineEdit(this))
    , m_disabled(new QCheckBox(tr("&Disable this rule"), this))
    , m_folder(new QLineEdit(this))
    , m_position(new QComboBox(this))
    , m_hosts(new QLineEdit(this))
    , m_hostsNegate(new QCheckBox(tr("&all hosts except these"), this))
    , m_tags(new QLineEdit(this))
    , m_labels(new QLineEdit(this))
    , m_kept(new QLabel(this))
    , m_activated(new QComboBox(this))
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
    , m_addCertificate(new QPushButton(tr("Add from &PEM file…"), this))
    , m_removeCertificate(new QPushButton(tr("Remove"), this))
    , m_keyList(new QListWidget(this))
    , m_issues(new QLabel(this))
    , m_ok(nullptr)
    , m_banner(new ErrorBanner(this))
    // No OK button for it: OK follows the rule's own checks (validate()); the dialog closes to
    // save and opens again on a refusal.
    , m_submission(new DialogSubmission(this, nullptr, m_banner))
{
    setWindowTitle(rule.id.isEmpty() ? tr("New agent updater rule")
                                     : tr("Edit agent updater rule"));
    setObjectName(u"updaterRuleDialog"_s);
    const AgentUpdaterConfig c = rule.config();
    m_description->setObjectName(u"description"_s);
    m_comment->setObjectName(u"comment"_s);
    m_documentationUrl->setObjectName(u"documentationUrl"_s);
    m_folder->setObjectName(u"folder"_s);
    m_position->setObjectName(u"position"_s);
    m_hosts->setObjectName(u"hostNames"_s);
    m_hostsNegate->setObjectName(u"hostNamesNegate"_s);
    m_kept->setObjectName(u"keptParts"_s);
    m_activated->setObjectName(u"activated"_s);
    m_server->setObjectName(u"server"_s);
    m_site->setObjectName(u"site"_s);
    m_interval->setObjectName(u"interval"_s);
    m_keyList->setObjectName(u"acceptedKeys"_s);
    m_issues->setObjectName(u"issues"_s);
    m_banner->setObjectName(u"ruleSiteError"_s);

    m_description->setText(rule.properties.description);
    m_comment->setText(rule.properties.comment);
    m_documentationUrl->setText(rule.properties.documentationUrl);
    m_documentationUrl->setPlaceholderText(tr("https://wiki.example.com/agent-updates"));
    m_disabled->setChecked(rule.properties.disabled);
    m_folder->setText(rule.folder.isEmpty() ? u"/"_s : rule.folder);
    m_folder->setToolTip(tr("The rule applies to the hosts of this folder and its subfolders. "
                            "Changing it moves the rule to the bottom of that folder."));
    m_position->addItem(tr("at the bottom of its folder"), int(RulePosition::Kind::BottomOfFolder));
    m_position->addItem(tr("at the top of its folder"), int(RulePosition::Kind::TopOfFolder));
    m_position->setToolTip(tr("The first rule that sets a parameter wins: on top, this rule "
                              "overrides the folder's other rules."));
    m_position->setEnabled(rule.id.isEmpty());
    if (!rule.id.isEmpty())
        m_position->setToolTip(tr("Move an existing rule with Move up / Move down."));
    if (rule.conditions.hostNames) {
        m_hosts->setText(rule.conditions.hostNames->matchOn.join(u", "_s));
        m_hostsNegate->setChecked(rule.conditions.hostNames->negate);
    }
    m_hosts->setPlaceholderText(tr("all hosts (or host names, ~regex, comma-separated)"));
    m_tags->setText(ConditionText::formatTags(rule.conditions.hostTags));
    m_tags->setPlaceholderText(tr("e.g. criticality:prod, !networking:dmz, os:[linux|aix]"));
    m_tags->setObjectName(u"hostTags"_s);
    m_labels->setText(ConditionText::formatLabels(rule.conditions.hostLabelGroups));
    m_labels->setPlaceholderText(tr("e.g. env:prod or env:test; NOT team:legacy"));
    m_labels->setObjectName(u"hostLabels"_s);
    const QStringList kept = rule.keptParts();
    m_kept->setWordWrap(true);
    m_kept->setVisible(!kept.isEmpty());
    m_kept->setText(tr("Kept as they are (not edited here): %1").arg(kept.join(u", "_s)));

    m_activated->addItem(tr("Deploy the agent updater plug-in"), true);
    m_activated->addItem(tr("Do not deploy it (updates off)"), false);
    m_activated->setCurrentIndex(c.activated.value_or(true) ? 0 : 1);
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
    // A typical server and site name fit whole (the start of a name says more than its end).
    m_server->setMinimumWidth(m_server->fontMetrics().horizontalAdvance(u"monitoring.example.com"_s)
                              + 16);
    m_server->setCursorPosition(0);
    m_site->setMinimumWidth(m_site->fontMetrics().horizontalAdvance(u"mysite_prod"_s) + 16);
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
    QStringList unmatched = accepted;
    for (const Prerequisites::KeyInfo &k : keys) {
        auto *item = new QListWidgetItem(tr("%1 (key %2)").arg(k.alias).arg(k.id), m_keyList);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        bool on = false;
        for (const QString &pem : accepted) {
            if (pem.trimmed().toUtf8() == k.certificatePem.trimmed()) {
                on = true;
                unmatched.removeAll(pem);
            }
        }
        item->setCheckState(on ? Qt::Checked : Qt::Unchecked);
        m_keyPems << QString::fromLatin1(k.certificatePem);
    }
    // Accepted certificates of keys this site does not list stay in the rule unless unticked.
    for (const QString &pem : std::as_const(unmatched)) {
        auto *item = new QListWidgetItem(
            tr("a key not on this site (%1…)").arg(pem.section(u'\n', 1, 1).left(16)), m_keyList);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Checked);
        m_keyPems << pem;
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
    m_proxyServer->setWhatsThis(tr("Explicit proxy: the proxy server's name or address."));
    m_proxyPort->setWhatsThis(tr("Explicit proxy: the proxy's port (often 3128)."));
    m_addCertificate->setWhatsThis(tr("Adds a CA certificate from a PEM file to the "
                                      "certificates the updater trusts.")
                                   + u' ' + m_certificateList->whatsThis());
    m_removeCertificate->setWhatsThis(tr("Removes the selected CA certificate from the rule."));
    // The rule's own properties and conditions, as in Checkmk's rule editor.
    m_description->setWhatsThis(tr("Description: the rule's title in the rule list."));
    m_comment->setWhatsThis(tr("Comment: a note for other administrators; the hosts never see "
                               "it."));
    m_documentationUrl->setWhatsThis(tr("Documentation URL: a link to your own documentation "
                                        "of this rule, shown in the rule list."));
    m_folder->setWhatsThis(tr("Folder: the rule applies to the hosts of this folder and its "
                              "subfolders. Rules of deeper folders are evaluated first."));
    m_position->setWhatsThis(tr("Where a new rule goes in its folder. The first rule that sets "
                                "a parameter wins: on top, this rule overrides the folder's "
                                "other rules."));
    m_hosts->setWhatsThis(tr("Explicit hosts: the rule applies only to these host names "
                             "(comma-separated; an entry starting with ~ is a regular "
                             "expression matched from the start of the name). Empty: all "
                             "hosts."));
    m_hostsNegate->setWhatsThis(tr("Negates the host names: the rule applies to all hosts "
                                   "except those listed."));
    m_tags->setWhatsThis(tr("Host tags: group:tag conditions the host must meet, "
                            "comma-separated; !group:tag for \"is not\", group:[a|b] for "
                            "\"one of\"."));
    m_labels->setWhatsThis(tr("Host labels: key:value conditions; \"and\", \"or\" and "
                              "\"NOT\" combine them as in Checkmk's label conditions."));
    m_disabled->setWhatsThis(tr("A disabled rule is kept but applies to no host."));

    // What the site names without a field here goes to the banner, in the editor's words.
    m_submission->setFieldLabel(ruleFieldLabel);
    auto *ruleBox = new QGroupBox(tr("Rule"), this);
    auto *ruleForm = new QFormLayout(ruleBox);
    // The fields a site's refusal names get its message right below them (DialogSubmission).
    const auto withSiteError
        = [this](const QString &siteField, QWidget *field, const QString &name) {
              auto *message = new QLabel(this);
              message->setObjectName(name);
              m_submission->addField(siteField, field, message);
              auto *column = new QVBoxLayout;
              column->setSpacing(2);
              column->addWidget(field);
              column->addWidget(message);
              return column;
          };
    const auto label = [this](const QString &text, QWidget *buddy) {
        auto *l = new QLabel(text, this);
        l->setBuddy(buddy);
        return l;
    };
    ruleForm->addRow(tr("D&escription:"), m_description);
    ruleForm->addRow(tr("Co&mment:"), m_comment);
    // The site checks the properties for the URL only (a description is any text).
    ruleForm->addRow(
        label(tr("Documentation &URL:"), m_documentationUrl),
        withSiteError(u"properties"_s, m_documentationUrl, u"documentationUrlError"_s));
    ruleForm->addRow(label(tr("&Folder:"), m_folder),
                     withSiteError(u"folder"_s, m_folder, u"folderError"_s));
    ruleForm->addRow(tr("P&osition:"), m_position);
    QVBoxLayout *hostsColumn = withSiteError(u"conditions"_s, m_hosts, u"conditionsError"_s);
    hostsColumn->addWidget(m_hostsNegate);
    auto *hostsLabel = new QLabel(tr("&Host names:"), this);
    hostsLabel->setBuddy(m_hosts);
    ruleForm->addRow(hostsLabel, hostsColumn);
    ruleForm->addRow(tr("Host &tags:"), m_tags);
    ruleForm->addRow(tr("Host &labels:"), m_labels);
    ruleForm->addRow(QString(), m_disabled);
    ruleForm->addRow(m_kept);

    // Each parameter has a tick: unticked, the rule does not set it.
    auto *valueBox
        = new QGroupBox(tr("Agent updater (ticked parameters are set by this rule)"), this);
    auto *valueForm = new QFormLayout(valueBox);
    const auto setBox = [this, &rule](const QString &key, const QString &text) {
        auto *box = new QCheckBox(text, this);
        box->setObjectName(u"set_"_s + key);
        box->setChecked(rule.value.contains(key));
        box->setToolTip(notSetTip());
        return box;
    };
    auto *setActivated = setBox(kActivated, tr("Plu&g-in:"));
    valueForm->addRow(setActivated, m_activated);
    auto *serverRow = new QHBoxLayout;
    serverRow->addWidget(m_server, 2);
    auto *siteLabel = new QLabel(tr("site"), this);
    serverRow->addWidget(siteLabel);
    serverRow->addWidget(m_site, 1);
    serverRow->addWidget(m_protocol);
    auto *setServer = setBox(kServer, tr("Update ser&ver:"));
    valueForm->addRow(setServer, serverRow);
    auto *usageLabel = new QLabel(tr("Use the server:"), this);
    usageLabel->setBuddy(m_usage);
    valueForm->addRow(usageLabel, m_usage);
    auto *setInterval = setBox(kInterval, tr("Check &interval:"));
    valueForm->addRow(setInterval, m_interval);
    auto *proxyRow = new QHBoxLayout;
    proxyRow->addWidget(m_proxy);
    proxyRow->addWidget(m_proxyServer, 1);
    proxyRow->addWidget(m_proxyPort);
    auto *setProxy = setBox(kProxy, tr("Pro&xy:"));
    valueForm->addRow(setProxy, proxyRow);
    auto *setEdition = setBox(kEdition, tr("Package fo&rmat:"));
    valueForm->addRow(setEdition, m_edition);
    auto *certButtons = new QHBoxLayout;
    certButtons->addWidget(m_addCertificate);
    certButtons->addWidget(m_removeCertificate);
    certButtons->addStretch(1);
    auto *certColumn = new QVBoxLayout;
    m_certificateList->setMaximumHeight(60);
    certColumn->addWidget(m_certificateList);
    certColumn->addLayout(certButtons);
    auto *setCertificates = setBox(kCertificates, tr("CA &certificates:"));
    valueForm->addRow(setCertificates, certColumn);
    m_keyList->setMaximumHeight(80);
    auto *setKeys = setBox(kKeys, tr("Accepted signature &keys:"));
    valueForm->addRow(setKeys, m_keyList);

    // The tick of a parameter explains the parameter and what unticked means.
    for (const auto &[box, field] :
         { std::pair<QCheckBox *, QWidget *> { setActivated, m_activated },
           { setServer, m_server },
           { setInterval, m_interval },
           { setProxy, m_proxy },
           { setEdition, m_edition },
           { setCertificates, m_certificateList },
           { setKeys, m_keyList } })
        box->setWhatsThis(field->whatsThis() + u"\n\n"_s + notSetTip());

    addParameter(kActivated, setActivated, { m_activated },
                 [this] { return m_activated->currentData().toString(); });
    addParameter(kServer, setServer,
                 { m_server, siteLabel, m_site, m_protocol, usageLabel, m_usage }, [this] {
                     return QStringList { m_server->text(), m_site->text(),
                                          m_protocol->currentText(),
                                          m_usage->currentData().toString() }
                         .join(u'\n');
                 });
    addParameter(kInterval, setInterval, { m_interval },
                 [this] { return QString::number(m_interval->value()); });
    addParameter(kProxy, setProxy, { m_proxy, m_proxyServer, m_proxyPort }, [this] {
        return QStringList { m_proxy->currentData().toString(), m_proxyServer->text(),
                             QString::number(m_proxyPort->value()) }
            .join(u'\n');
    });
    addParameter(kEdition, setEdition, { m_edition },
                 [this] { return m_edition->currentData().toString(); });
    addParameter(kCertificates, setCertificates,
                 { m_certificateList, m_addCertificate, m_removeCertificate },
                 [this] { return m_certificates.join(u'\n'); });
    addParameter(kKeys, setKeys, { m_keyList }, [this] {
        QString s;
        for (int i = 0; i < m_keyList->count(); ++i)
            s += m_keyList->item(i)->checkState() == Qt::Checked ? u'1' : u'0';
        return s;
    });

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("&Save rule"));
    auto *columns = new QHBoxLayout;
    columns->addWidget(ruleBox, 1);
    columns->addWidget(valueBox, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns);
    layout->addWidget(m_issues);
    layout->addWidget(m_banner);
    layout->addWidget(buttons);
    // A changed field answers the site's last refusal of it.
    for (QLineEdit *field : { m_documentationUrl, m_folder, m_hosts })
        connect(field, &QLineEdit::textEdited, m_submission, &DialogSubmission::clearProblem);
    // Fits 1,024 x 700: combo boxes do not grow with their longest entry.
    for (QComboBox *b : { m_position, m_activated, m_usage, m_proxy, m_edition }) {
        b->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        b->setMinimumContentsLength(12);
    }
    resize(960, qMin(660, sizeHint().height()));

    for (QLineEdit *e : { m_description, m_comment, m_documentationUrl, m_folder, m_hosts, m_tags,
                          m_labels, m_server, m_site, m_proxyServer })
        connect(e, &QLineEdit::textChanged, this, &UpdaterRuleDialog::validate);
    for (QComboBox *b : { m_activated, m_protocol, m_usage, m_proxy, m_edition })
        connect(b, &QComboBox::currentIndexChanged, this, &UpdaterRuleDialog::validate);
    connect(m_interval, &QSpinBox::valueChanged, this, &UpdaterRuleDialog::validate);
    connect(m_proxyPort, &QSpinBox::valueChanged, this, &UpdaterRuleDialog::validate);
    connect(m_hostsNegate, &QCheckBox::toggled, this, &UpdaterRuleDialog::validate);
    connect(m_keyList, &QListWidget::itemChanged, this, &UpdaterRuleDialog::validate);
    connect(m_addCertificate, &QPushButton::clicked, this, &UpdaterRuleDialog::addCertificateFile);
    connect(m_removeCertificate, &QPushButton::clicked, this, [this] {
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

void UpdaterRuleDialog::addParameter(const QString &key, QCheckBox *set,
                                     const QList<QWidget *> &widgets,
                                     std::function<QString()> state)
{
    Parameter p { set, widgets, std::move(state), {} };
    p.initialState = p.state();
    m_parameters.insert(key, p);
    connect(set, &QCheckBox::toggled, this, &UpdaterRuleDialog::validate);
}

bool UpdaterRuleDialog::touched(const QString &key) const
{
    const Parameter &p = m_parameters[key];
    return p.state() != p.initialState || p.set->isChecked() != m_rule.value.contains(key);
}

AgentUpdaterRule UpdaterRuleDialog::rule() const
{
    AgentUpdaterRule r = m_rule;
    r.properties.description = m_description->text().trimmed();
    r.properties.comment = m_comment->text();
    r.properties.documentationUrl = m_documentationUrl->text().trimmed();
    r.properties.disabled = m_disabled->isChecked();
    r.folder = m_folder->text().trimmed().isEmpty() ? u"/"_s : m_folder->text().trimmed();
    // Host names: an empty entry stays in the list so that validation names it.
    const QString hosts = m_hosts->text().trimmed();
    if (hosts.isEmpty()) {
        r.conditions.hostNames.reset();
    } else {
        RuleConditions::HostNames names;
        for (const QString &h : hosts.split(u','))
            names.matchOn << h.trimmed();
        names.negate = m_hostsNegate->isChecked();
        r.conditions.hostNames = names;
    }
    QString error;
    if (const auto tags = ConditionText::parseTags(m_tags->text(), &error))
        r.conditions.hostTags = *tags;
    if (const auto labels = ConditionText::parseLabels(m_labels->text(), &error))
        r.conditions.hostLabelGroups = *labels;

    // Parameters the user did not touch go back exactly as read (value_raw unchanged).
    const AgentUpdaterConfig original = m_rule.config();
    AgentUpdaterConfig c = original;
    const auto isSet = [this](const QString &key) {
        return m_parameters[key].set->isChecked();
    };
    if (touched(kActivated))
        c.activated
            = isSet(kActivated) ? std::optional(m_activated->currentData().toBool()) : std::nullopt;
    if (touched(kServer)) {
        AgentUpdaterConfig::ServerData server;
        server.server = m_server->text().trimmed();
        server.site = m_site->text().trimmed();
        server.protocol = m_protocol->currentText();
        server.usage = m_usage->currentData().toString();
        c.serverData = isSet(kServer) ? std::optional(server) : std::nullopt;
    }
    if (touched(kInterval))
        c.interval = isSet(kInterval) ? std::optional(m_interval->value() * 60) : std::nullopt;
    if (touched(kProxy)) {
        AgentUpdaterConfig::Proxy proxy = original.proxy.value_or(AgentUpdaterConfig::Proxy());
        proxy.mode = AgentUpdaterConfig::ProxyMode(m_proxy->currentData().toInt());
        proxy.server = m_proxyServer->text().trimmed();
        proxy.port = m_proxyPort->value();
        c.proxy = isSet(kProxy) ? std::optional(proxy) : std::nullopt;
    }
    if (touched(kEdition))
        c.edition
            = isSet(kEdition) ? std::optional(m_edition->currentData().toString()) : std::nullopt;
    if (touched(kCertificates))
        c.certificates = isSet(kCertificates) ? std::optional(m_certificates) : std::nullopt;
    if (touched(kKeys)) {
        QStringList keys;
        for (int i = 0; i < m_keyList->count() && i < m_keyPems.size(); ++i) {
            if (m_keyList->item(i)->checkState() == Qt::Checked)
                keys << m_keyPems.at(i);
        }
        c.signatureKeys = isSet(kKeys) ? std::optional(keys) : std::nullopt;
    }
    if (!(c == original))
        r.value = c.toVariant();
    return r;
}

std::optional<RulePosition> UpdaterRuleDialog::position() const
{
    if (!m_rule.id.isEmpty())
        return std::nullopt;
    const QString folder
        = m_folder->text().trimmed().isEmpty() ? u"/"_s : m_folder->text().trimmed();
    return RulePosition::Kind(m_position->currentData().toInt()) == RulePosition::Kind::TopOfFolder
        ? RulePosition::top(folder)
        : RulePosition::bottom(folder);
}

void UpdaterRuleDialog::setCertificateWarnings(const QStringList &warnings)
{
    m_certificateWarnings = warnings;
    validate();
}

void UpdaterRuleDialog::setSiteError(const ApiError &error)
{
    m_submission->fail(error, tr("The site did not save the rule."));
}

void UpdaterRuleDialog::setRemedies(ErrorBanner::Remedies remedies)
{
    m_submission->setRemedies(std::move(remedies));
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
    for (auto it = m_parameters.cbegin(); it != m_parameters.cend(); ++it) {
        for (QWidget *w : it->widgets)
            w->setEnabled(it->set->isChecked());
    }
    m_proxyServer->setVisible(m_proxy->currentData().toInt()
                              == int(AgentUpdaterConfig::ProxyMode::ExplicitProxy));
    m_proxyPort->setVisible(m_proxyServer->isVisibleTo(this));
    m_certificateList->clear();
    for (int i = 0; i < m_certificates.size(); ++i) {
        const QString first = m_certificates.at(i).section(u'\n', 1, 1).left(40);
        m_certificateList->addItem(tr("Certificate %1 (%2…)").arg(i + 1).arg(first));
    }
    const AgentUpdaterRule r = rule();
    QStringList lines;
    bool errors = false;
    QString error;
    if (!ConditionText::parseTags(m_tags->text(), &error)) {
        lines << tr("✘ Host tags: %1").arg(error);
        errors = true;
    }
    if (!ConditionText::parseLabels(m_labels->text(), &error)) {
        lines << tr("✘ Host labels: %1").arg(error);
        errors = true;
    }
    for (const AgentUpdaterRule::Issue &issue : r.validate()) {
        lines << u"✘ %1: %2"_s.arg(ruleFieldLabel(issue.field), issue.message);
        errors = true;
    }
    // A rule may leave parameters unset (a later rule or the default decides); what it does set
    // must be right.
    for (const AgentUpdaterConfig::Issue &issue : r.config().validate()) {
        const QString top = issue.field.section(u'.', 0, 0).section(u'[', 0, 0);
        const bool setHere = r.value.contains(top);
        if (!setHere && (top == kServer || top == kKeys))
            continue;
        const bool isError = issue.severity == AgentUpdaterConfig::Severity::Error;
        errors = errors || isError;
        lines << u"%1 %2: %3"_s.arg(isError ? u"✘"_s : u"⚠"_s,
                                    AgentUpdaterConfig::fieldLabel(issue.field), issue.message);
    }
    for (const QString &w : std::as_const(m_certificateWarnings))
        lines << u"⚠ %1: %2"_s.arg(AgentUpdaterConfig::fieldLabel(kCertificates), w);
    m_issues->setText(lines.join(u'\n'));
    m_issues->setStyleSheet(errors ? u"color:#b3261e"_s : u"color:#8a5a00"_s);
    m_ok->setEnabled(!errors);
}

QStringList UpdaterRuleDialog::describe(const AgentUpdaterRule &rule)
{
    QStringList lines;
    lines << tr("Description: %1").arg(rule.properties.description);
    if (!rule.properties.comment.isEmpty())
        lines << tr("Comment: %1").arg(rule.properties.comment);
    lines << tr("Folder: %1").arg(rule.folder);
    lines << (rule.properties.disabled ? tr("Disabled") : tr("Enabled"));
    if (rule.conditions.hostNames)
        lines << (rule.conditions.hostNames->negate ? tr("All hosts except: %1")
                                                    : tr("Host names: %1"))
                     .arg(rule.conditions.hostNames->matchOn.join(u", "_s));
    if (!rule.conditions.hostTags.isEmpty())
        lines << tr("Host tags: %1").arg(ConditionText::formatTags(rule.conditions.hostTags));
    if (!rule.conditions.hostLabelGroups.isEmpty())
        lines << tr("Host labels: %1")
                     .arg(ConditionText::formatLabels(rule.conditions.hostLabelGroups));
    QStringList keys = rule.value.keys();
    lines << tr("Sets: %1").arg(keys.isEmpty() ? tr("nothing") : keys.join(u", "_s));
    const AgentUpdaterConfig c = rule.config();
    if (c.interval)
        lines << tr("Interval: %1 s").arg(*c.interval);
    return lines;
}
