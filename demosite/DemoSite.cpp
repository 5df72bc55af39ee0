#include "DemoSite.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QTcpServer>

#include "ActivationEndpoints.h"
#include "BakeryEndpoints.h"
#include "CoreEndpoints.h"
#include "DemoCentralLink.h"
#include "DemoFleet.h"
#include "DemoHttpServer.h"
#include "DemoRecorder.h"
#include "DemoState.h"
#include "GlobalSettingEndpoints.h"
#include "HostConfigEndpoints.h"
#include "KeyEndpoints.h"
#include "PythonLiteral.h"
#include "RegistrationEndpoints.h"
#include "RemoteSiteEndpoints.h"
#include "RuleEndpoints.h"
#include "SelfSignedCertificate.h"
#include "ServiceEndpoints.h"
#include "SiteConnectionEndpoints.h"
#include "UpdateStatusEndpoints.h"

using namespace Qt::StringLiterals;

DemoSite::DemoSite(QObject *parent)
    : QObject(parent)
{ }

DemoSite::~DemoSite()
{
    stop();
}

QByteArray DemoSite::randomSecret(int length)
{
    static const char alphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    QByteArray out(length, Qt::Uninitialized);
    auto *random = QRandomGenerator::system();
    for (char &c : out)
        c = alphabet[random->bounded(int(sizeof alphabet - 1))];
    return out;
}

bool DemoSite::writeSecretFile(const QString &path, QString *error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = u"--secret-file: cannot write %1: %2"_s.arg(path, file.errorString());
        return false;
    }
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(m_secret + '\n');
    if (!file.commit()) {
        *error = u"--secret-file: cannot write %1: %2"_s.arg(path, file.errorString());
        return false;
    }
    return QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

QByteArray DemoSite::controlToken() const
{
    return m_state ? m_state->controlToken : QByteArray();
}

bool DemoSite::start(const DemoSiteOptions &options, QString *error)
{
    stop();
    if (options.address != QHostAddress::LocalHost
        && options.address != QHostAddress::LocalHostIPv6) {
        *error = u"the demo site listens on loopback only"_s;
        return false;
    }
    m_state = std::make_unique<DemoState>(options);
    spreadHostsOverSites(options);
    if (options.isRemote() && !connectCentral(options, error))
        return false;
    QString stateDir = options.stateDir;
    if (stateDir.isEmpty()) {
        m_tempDir = std::make_unique<QTemporaryDir>();
        stateDir = m_tempDir->path();
    }
    if (!QDir().mkpath(stateDir)) {
        *error = u"--state-dir: cannot create %1"_s.arg(stateDir);
        return false;
    }
    m_state->setStateDir(stateDir);
    m_secret
        = options.automationSecret.isEmpty() ? randomSecret(32) : options.automationSecret.toUtf8();
    m_password
        = options.adminPassword.isEmpty() ? randomSecret(16) : options.adminPassword.toUtf8();
    m_state->controlToken = randomSecret(32);
    m_state->users.insert(u"automation"_s, m_secret);
    m_state->users.insert(u"cmkadmin"_s, m_password);
    if (!options.secretFile.isEmpty() && !writeSecretFile(options.secretFile, error))
        return false;

    m_server = std::make_unique<DemoHttpServer>(*m_state);
    CoreEndpoints::install(m_server->router(), *m_state);
    HostConfigEndpoints::install(m_server->router(), *m_state);
    ActivationEndpoints::install(m_server->router(), *m_state);
    GlobalSettingEndpoints::install(m_server->router(), *m_state);
    RuleEndpoints::install(m_server->router(), *m_state);
    ServiceEndpoints::install(m_server->router(), *m_state);
    SiteConnectionEndpoints::install(m_server->router(), *m_state);
    // A stock 2.4 site has neither: signature keys and the update status live in its GUI only.
    if (!options.stock) {
        UpdateStatusEndpoints::install(m_server->router(), *m_state);
        KeyEndpoints::install(m_server->router(), *m_state);
    }
    BakeryEndpoints::install(m_server->router(), *m_state);

    if (!options.plainHttp) {
        QByteArray certPem;
        QByteArray keyPem;
        if (!options.certificateFile.isEmpty()) {
            QFile c(options.certificateFile);
            QFile k(options.keyFile);
            if (!c.open(QIODevice::ReadOnly) || !k.open(QIODevice::ReadOnly)) {
                *error = u"--cert/--key: cannot read %1 or %2"_s.arg(options.certificateFile,
                                                                     options.keyFile);
                return false;
            }
            certPem = c.readAll();
            keyPem = k.readAll();
        } else {
            const SelfSignedCertificate generated = SelfSignedCertificate::generate({}, error);
            if (generated.certificatePem.isEmpty())
                return false;
            certPem = generated.certificatePem;
            keyPem = generated.privateKeyPem;
        }
        const QSslCertificate certificate(certPem, QSsl::Pem);
        QSslKey key(keyPem, QSsl::Ec, QSsl::Pem);
        if (key.isNull())
            key = QSslKey(keyPem, QSsl::Rsa, QSsl::Pem);
        if (certificate.isNull() || key.isNull()) {
            *error = u"--cert/--key: not a PEM certificate and private key"_s;
            return false;
        }
        m_server->sslSetup(certificate, key);
        m_certificatePem = certificate.toPem();
        m_sha256 = certificate.digest(QCryptographicHash::Sha256).toHex();
    }
    // After TLS: register_agent.py hands out the site's certificate. A remote site answers the
    // updaters through its central site.
    RegistrationEndpoints::Forwarding forwarding;
    if (m_central)
        forwarding = RemoteSiteEndpoints::install(m_server->router(), *m_central, options.siteName,
                                                  m_certificatePem);
    RegistrationEndpoints::install(m_server->router(), *m_state, m_certificatePem, forwarding);
    m_port = m_server->listen(options.address, options.port);
    if (m_port == 0) {
        *error = u"cannot listen on %1 port %2"_s.arg(options.address.toString()).arg(options.port);
        m_server.reset();
        return false;
    }
    if (!openRecorder(options, error))
        return false;
    // A remote site bakes nothing: its agents come from the central site.
    if (!options.emptySetup && !options.isRemote() && !seedRollOut(error))
        return false;
    // The seeded key's certificate is valid from the moment it was made, which may be seconds
    // after the clock started (2048-bit key generation on a busy machine): a manual clock
    // catches up once so that the key is not "not yet valid" at the site's time.
    if (const qint64 behind = QDateTime::currentSecsSinceEpoch() - m_state->clock.now();
        options.manualClock && behind > 0)
        m_state->clock.advance(behind);
    m_state->fleet = std::make_unique<DemoFleet>(*m_state);
    m_checkmkUrl
        = QUrl(u"%1://127.0.0.1:%2/%3/check_mk/"_s.arg(options.plainHttp ? u"http"_s : u"https"_s)
                   .arg(m_port)
                   .arg(options.siteName));
    return true;
}

bool DemoSite::seedRollOut(QString *error)
{
    // A roll-out already under way: a key, agents baked and signed with it, a rule that accepts
    // it, a host selection that leaves the network devices and AIX out (the manual: automatic
    // updates for Linux, Windows and Solaris), and the master switch on.
    DemoState &s = *m_state;
    if (!s.keys.seed(s.siteName(), error))
        return false;
    s.agents.bake(s.options().seed);
    if (!s.agents.sign(s.keys, s.keys.keys.first().id, QByteArray(DemoKeyStore::seededPassphrase),
                       error))
        return false;
    DemoDeployment::Rule rule;
    rule.id = u"0f3b6a52-5c3e-4a57-9d3e-6d2b1c9e0a01"_s;
    rule.properties = QJsonObject { { u"disabled"_s, false },
                                    { u"description"_s, u"Automatic updates for all hosts"_s } };
    const QVariantMap value {
        { u"activated"_s, u"enabled"_s },
        { u"server_data"_s,
          QVariantMap { { u"server"_s, u"127.0.0.1:%1"_s.arg(m_port) },
                        { u"site"_s, s.siteName() },
                        { u"protocol"_s, s.options().plainHttp ? u"http"_s : u"https"_s },
                        { u"usage"_s, u"always"_s } } },
        { u"certificates"_s, QVariantList { QString::fromLatin1(m_certificatePem) } },
        { u"interval"_s, 3600 },
        { u"proxy"_s, QVariant::fromValue(PythonTuple { { u"no_proxy"_s, QVariant() } }) },
        { u"edition"_s, u"bit64"_s },
        { u"signature_keys"_s,
          QVariantList { QString::fromLatin1(s.keys.keys.first().certificatePem) } },
    };
    rule.valueRaw = PythonLiteral::write(value);
    s.deployment.configured.rules << rule;
    s.deployment.configured.hostSelection
        = QJsonObject { { u"match_folders"_s,
                          QJsonArray { u"linux"_s, u"windows"_s, u"unix/solaris"_s } } };
    s.deployment.configured.enabled = true;
    s.deployment.activate();
    return true;
}

bool DemoSite::openRecorder(const DemoSiteOptions &options, QString *error)
{
    QString path = options.recordFile;
    const QString dir = qEnvironmentVariable("AGENTDESK_DEMO_RECORD");
    if (path.isEmpty() && !dir.isEmpty()) {
        // Every site a test suite starts records into the directory; the suite's last test
        // validates them all.
        QDir().mkpath(dir);
        path = QDir(dir).filePath(
            u"demo-%1-%2.jsonl"_s.arg(QCoreApplication::applicationPid()).arg(m_port));
    }
    if (path.isEmpty())
        return true;
    m_recorder = std::make_unique<DemoRecorder>();
    if (!m_recorder->open(path, error))
        return false;
    m_server->setRecorder(m_recorder.get());
    return true;
}

bool DemoSite::connectCentral(const DemoSiteOptions &options, QString *error)
{
    QFile file(options.centralSecretFile);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = u"--central-secret-file: cannot read %1: %2"_s.arg(options.centralSecretFile,
                                                                    file.errorString());
        return false;
    }
    const QByteArray secret = file.readAll().trimmed();
    if (secret.isEmpty() || secret.contains('\n')) {
        *error = u"--central-secret-file: expected the secret on one line in %1"_s.arg(
            options.centralSecretFile);
        return false;
    }
    m_central = std::make_unique<DemoCentralLink>(options.centralUrl, options.centralUser, secret,
                                                  options.centralSha256);
    return true;
}

void DemoSite::spreadHostsOverSites(const DemoSiteOptions &options)
{
    // The inventory knows a central site and two regional remote sites; a central started with
    // --remote hands the regions to the remote sites it was given instead.
    if (options.remotes.isEmpty())
        return;
    DemoInventory &inventory = m_state->inventory;
    const QStringList generated = inventory.sites;
    QStringList sites { options.siteName };
    for (const DemoSiteOptions::RemoteSite &remote : options.remotes)
        sites << remote.name;
    for (Host &host : inventory.hosts) {
        const qsizetype index = generated.indexOf(host.site);
        host.site
            = index <= 0 ? options.siteName : sites.at(1 + (index - 1) % options.remotes.size());
    }
    inventory.sites = sites;
}

void DemoSite::stop()
{
    // First the link: a forwarded request that ends now still finds its server.
    m_central.reset();
    m_server.reset();
    m_recorder.reset();
    m_state.reset();
    m_tempDir.reset();
    m_port = 0;
}
