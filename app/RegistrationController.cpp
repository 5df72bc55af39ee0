#include "RegistrationController.h"

#include <algorithm>

#include <QDir>
#include <QFileInfo>
#include <QSslCertificate>
#include <QStandardPaths>
#include <QSysInfo>
#include <QUrl>

#include "CertificateDetailsReader.h"
#include "Inventory.h"
#include "InventoryApi.h"
#include "LocalConfigPage.h"
#include "RegistrationClient.h"
#include "RegistrationHostPage.h"
#include "RegistrationWizard.h"
#include "RestClient.h"
#include "RestReply.h"
#include "RulePrecedence.h"
#include "SecretStore.h"
#include "TlsProbe.h"
#include "UpdaterStateFile.h"

using namespace Qt::StringLiterals;

namespace {

QString shellQuoted(const QString &path)
{
    QString quoted = path;
    quoted.replace(u"'"_s, u"'\\''"_s);
    return u'\'' + quoted + u'\'';
}

LocalConfigPage::FileState readFile(const QString &path)
{
    const UpdaterStateFile::ReadResult r = UpdaterStateFile::read(path);
    return { path, r.exists, r.parsed.values, r.error };
}

} // namespace

RegistrationController::RegistrationController(RegistrationWizard *wizard,
                                               LocalConfigPage *configPage, SecretStore *secrets,
                                               QObject *parent)
    : QObject(parent)
    , m_wizard(wizard)
    , m_configPage(configPage)
    , m_secrets(secrets)
    , m_probe(new TlsProbe(this))
    , m_client(new RegistrationClient(this))
{
    if (m_wizard) {
        QString host = QSysInfo::machineHostName();
        host = host.section(u'.', 0, 0); // the site usually knows the short name
        m_wizard->setDefaultHostName(host);
        bool isDefault = true;
        const QString path = chooseStatePath(&isDefault);
        m_wizard->setStateFilePath(path, isDefault);
        connect(m_wizard, &RegistrationWizard::checkConnectionRequested, this,
                &RegistrationController::checkConnection);
        connect(m_wizard, &RegistrationWizard::hostCheckRequested, this,
                &RegistrationController::checkHost);
        connect(m_wizard, &RegistrationWizard::storedSecretRequested, this,
                &RegistrationController::readStoredSecret);
        connect(m_wizard, &RegistrationWizard::registerRequested, this,
                &RegistrationController::registerMachine);
        connect(m_wizard, &RegistrationWizard::hostNameChanged, this,
                &RegistrationController::suggestRuleServer);
    }
    connect(m_probe, &TlsProbe::finished, this, [this](const TlsCheckResult &result) {
        if (m_wizard)
            m_wizard->setConnectionCheckResult(result);
    });
    if (m_configPage) {
        m_configPage->setPaths(UpdaterStateFile::defaultConfigPath(),
                               UpdaterStateFile::defaultStatePath());
        connect(m_configPage, &LocalConfigPage::reloadRequested, this,
                &RegistrationController::reloadLocalConfig);
        reloadLocalConfig();
    }
}

RegistrationController::~RegistrationController() = default;

void RegistrationController::setKnownConnections(const QList<SiteConnection> &connections)
{
    m_knownConnections = connections;
    if (m_wizard)
        m_wizard->setKnownConnections(connections);
}

void RegistrationController::setActiveConnection(const SiteConnection &connection)
{
    if (!m_wizard)
        return;
    // The rules and hosts of the previous site no longer apply.
    m_rules.clear();
    m_inventory.reset();
    m_wizard->setRuleServer({}, {}, true);
    m_wizard->setActiveConnection(connection);
    bool isDefault = true;
    const QString path = chooseStatePath(&isDefault, connection.demo);
    m_wizard->setStateFilePath(path, isDefault);
}

void RegistrationController::setRules(const QList<AgentUpdaterRule> &rulesInEvaluationOrder)
{
    m_rules = rulesInEvaluationOrder;
    suggestRuleServer();
}

void RegistrationController::setInventory(std::shared_ptr<const Inventory> inventory)
{
    m_inventory = std::move(inventory);
    suggestRuleServer();
}

void RegistrationController::suggestRuleServer()
{
    if (!m_wizard)
        return;
    const QString name = m_wizard->hostPage()->hostName();
    Host host;
    host.name = name;
    host.folder = u"/"_s;
    if (m_inventory) {
        const qsizetype index = m_inventory->indexOf(name);
        if (index >= 0)
            host = m_inventory->host(index);
    }
    // The update server this host's updater will be told: the rule effective for it, not just
    // the first rule (a rule for other hosts must not send this one elsewhere).
    const AgentUpdaterConfig config = RulePrecedence::effectiveValue(host, m_rules).config();
    if (config.serverData && !config.serverData->server.isEmpty())
        m_wizard->setRuleServer(config.serverData->server, config.serverData->site,
                                config.serverData->protocol != u"http"_s);
    else
        m_wizard->setRuleServer({}, {}, true);
}

QString RegistrationController::siteNotFoundText(const RegistrationRequest &request)
{
    return tr("%1 answered, but has no Checkmk site named \"%2\". Check the site name (the "
              "OMD site, as in https://server/SITE/check_mk/).")
        .arg(request.server, request.site);
}

QString RegistrationController::chooseStatePath(bool *isDefault, bool demo)
{
    const QString standard = UpdaterStateFile::defaultStatePath();
    *isDefault = !demo && UpdaterStateFile::isWritable(standard);
    if (*isDefault)
        return standard;
    QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (demo)
        dir += u"/demo"_s;
    QDir().mkpath(dir);
    return dir + u"/cmk-update-agent.state"_s;
}

void RegistrationController::reloadLocalConfig()
{
    if (!m_configPage)
        return;
    m_configPage->setFiles(readFile(m_configPage->cfgPath()), readFile(m_configPage->statePath()));
}

void RegistrationController::checkConnection(const RegistrationRequest &request)
{
    m_probe->start(request.toConnection());
}

void RegistrationController::checkHost(const RegistrationRequest &request)
{
    const int generation = ++m_hostCheckGeneration;
    if (m_remoteSites.contains(request.site)) {
        if (m_wizard)
            m_wizard->setHostCheck(
                { HostCheck::State::Unknown,
                  tr("Site %1 is a remote site: it forwards the registration to its central "
                     "site, where the hosts are configured; the central site decides whether "
                     "host %2 exists.")
                      .arg(request.site, request.hostName) });
        return;
    }
    auto *client = new RestClient(request.toConnection(), this);
    QByteArray secret = m_wizard ? m_wizard->secret() : QByteArray();
    client->setSecret(SecureBuffer(secret));
    const QString host = request.hostName;
    const QString site = request.site;
    InventoryApi(client).host(
        host, this,
        [this, client, generation, host, site](SiteResult<Host> r) {
            client->deleteLater();
            if (!m_wizard || generation != m_hostCheckGeneration)
                return;
            HostCheck check;
            if (r.ok()) {
                check.state = HostCheck::State::Exists;
                check.message = tr("Host %1 exists in the setup of site %2.").arg(host, site);
            } else if (r.error.status == 404) {
                check.state = HostCheck::State::Missing;
                check.message = tr("Host %1 does not exist in the setup of site %2: the "
                                   "site will refuse the registration. Add the host first.")
                                    .arg(host, site);
            } else if (r.error.status == 401) {
                check.state = HostCheck::State::Missing;
                check.message = tr("The site did not accept these credentials for its REST "
                                   "API (%1); the registration will probably fail too.")
                                    .arg(r.error.summary());
            } else {
                check.state = HostCheck::State::Unknown;
                check.message
                    = tr("Could not check whether host %1 exists: %2").arg(host, r.error.summary());
            }
            m_wizard->setHostCheck(check);
        },
        0);
}

void RegistrationController::readStoredSecret(const QString &connectionName)
{
    const auto known
        = std::find_if(m_knownConnections.cbegin(), m_knownConnections.cend(),
                       [&](const SiteConnection &c) { return c.name == connectionName; });
    if (known == m_knownConnections.cend()) {
        if (m_wizard)
            m_wizard->setStoredSecretError(
                tr("There is no saved connection “%1”.").arg(connectionName));
        return;
    }
    m_secrets->read(known->keychainKey(), this, [this](SecretResult &&r) {
        if (!m_wizard)
            return;
        if (r.ok)
            m_wizard->setStoredSecret(r.secret.bytes());
        else
            m_wizard->setStoredSecretError(r.error);
    });
}

void RegistrationController::registerMachine(const RegistrationRequest &request)
{
    if (!m_wizard)
        return;
    if (const QString invalid = request.validationError(); !invalid.isEmpty()) {
        m_wizard->setRegistrationError(ApiError::local(invalid), {});
        return;
    }
    // Read the old state first: a file we cannot parse is not overwritten, and nothing is sent.
    const UpdaterStateFile::ReadResult current = UpdaterStateFile::read(request.stateFilePath);
    if (!current.ok()) {
        m_wizard->setRegistrationError(
            ApiError::local(tr("The state file cannot be used"), current.error), {});
        return;
    }
    if (!UpdaterStateFile::isWritable(request.stateFilePath)) {
        m_wizard->setRegistrationError(
            ApiError::local(tr("Cannot write %1").arg(request.stateFilePath),
                            tr("Choose a path in a folder you may write to.")),
            {});
        return;
    }
    QByteArray secret = m_wizard->secret();
    SecureBuffer credential(secret);
    SecureBuffer::wipe(secret);
    const QVariantMap currentValues = current.parsed.values;
    m_client->registerHost(
        request, std::move(credential),
        [this, request, currentValues](RegistrationOutcome &&outcome) {
            if (!m_wizard)
                return;
            switch (outcome.failure) {
            case RegistrationOutcome::Failure::None:
                break;
            case RegistrationOutcome::Failure::Tls:
                m_wizard->setRegistrationError(
                    outcome.error,
                    tr("The site's certificate is not trusted. Look at it on the first page "
                       "and decide whether to trust it."),
                    RegistrationWizard::Fix::Certificate);
                return;
            case RegistrationOutcome::Failure::Authentication:
                if (outcome.error.status == 404) {
                    m_wizard->setRegistrationError(outcome.error, siteNotFoundText(request),
                                                   RegistrationWizard::Fix::Site);
                    return;
                }
                m_wizard->setRegistrationError(outcome.error, tr("Wrong user or secret."),
                                               RegistrationWizard::Fix::Credentials);
                return;
            case RegistrationOutcome::Failure::Refused:
                m_wizard->setRegistrationError(outcome.error,
                                               tr("The site refused the registration."));
                return;
            case RegistrationOutcome::Failure::Network:
                // A 404 for the site's own pages: the server answered, without such a site.
                if (outcome.error.status == 404) {
                    m_wizard->setRegistrationError(outcome.error, siteNotFoundText(request),
                                                   RegistrationWizard::Fix::Site);
                    return;
                }
                m_wizard->setRegistrationError(outcome.error, tr("The registration failed."));
                return;
            }
            QString error;
            UpdaterStateFile file(request.stateFilePath);
            if (!file.update(RegistrationClient::stateValues(request, outcome, currentValues),
                             &error)) {
                m_wizard->setRegistrationError(
                    ApiError::local(tr("The state file was not written"), error),
                    tr("The site registered the host, but its secret could not be saved. Choose "
                       "another path and register again."));
                return;
            }
            RegistrationReport report;
            report.hostName = outcome.hostName;
            const QString hostSecret = QString::fromLatin1(outcome.hostSecret.bytes());
            report.maskedHostSecret = RegistrationReport::mask(hostSecret);
            report.hostSecretLength = int(hostSecret.size());
            report.monitored = outcome.monitored;
            report.updateUrl = outcome.updateUrl;
            for (const QString &pem : std::as_const(outcome.certificatesPem)) {
                const auto certificates = QSslCertificate::fromData(pem.toLatin1(), QSsl::Pem);
                report.siteCertificates += CertificateDetailsReader::readChain(certificates);
            }
            report.droppedCertificates = outcome.rejectedCertificates;
            report.stateFilePath = request.stateFilePath;
            report.stateFileAtDefault = QFileInfo(request.stateFilePath).absoluteFilePath()
                == UpdaterStateFile::defaultStatePath();
            if (!report.stateFileAtDefault)
                report.moveInstructions = u"sudo install -m 600 -o root -g root %1 %2"_s.arg(
                    shellQuoted(request.stateFilePath), UpdaterStateFile::defaultStatePath());
            m_wizard->setRegistrationResult(report);
            reloadLocalConfig();
            Q_EMIT registered(outcome.hostName, request.stateFilePath);
        });
}
