#include "DemoFleet.h"

#include <QDateTime>
#include <QRandomGenerator>

#include "DemoAgentService.h"
#include "DemoAgents.h"
#include "DemoState.h"
#include "HostSelectionEvaluator.h"
#include "PythonLiteral.h"
#include "SignatureVerifier.h"

using namespace Qt::StringLiterals;

namespace {

QString troubleText(DemoFleet::Trouble t, const QString &site)
{
    switch (t) {
    case DemoFleet::Trouble::WrongSite:
        return u"HTTP Error 404: Not Found (https://monitoring/%1_old/check_mk/deploy_agent.py)"_s
            .arg(site);
    case DemoFleet::Trouble::Tls:
        return u"<urlopen error [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer certificate (_ssl.c:1006)>"_s;
    case DemoFleet::Trouble::Noexec:
        return u"Error loading Python lib '/tmp/_MEIa1b2c3/libpython3.12.so.1.0': dlopen: /tmp/_MEIa1b2c3/libpython3.12.so.1.0: failed to map segment from shared object"_s;
    case DemoFleet::Trouble::Prelink:
        return u"Cannot open self /usr/bin/cmk-update-agent or archive /usr/bin/cmk-update-agent.pkg"_s;
    case DemoFleet::Trouble::SELinux:
        return u"error: can't create transaction lock on /var/lib/rpm/.rpm.lock (Permission denied)"_s;
    default:
        return {};
    }
}

} // namespace

DemoFleet::DemoFleet(DemoState &state)
    : m_state(state)
{
    const auto &hosts = state.inventory.hosts;
    const qint64 now = state.clock.now();
    QRandomGenerator random(state.options().seed ^ 0x5eedf1ee);
    m_rows.resize(size_t(hosts.size()));
    m_details.resize(size_t(hosts.size()));
    m_external.assign(size_t(hosts.size()), false);
    m_updateUrl = u"%1://127.0.0.1/%2/check_mk"_s.arg(
        state.options().plainHttp ? u"http"_s : u"https"_s, state.siteName());
    m_updaters.resize(size_t(hosts.size()));
    m_configuration.resize(size_t(hosts.size()));
    for (qsizetype i = 0; i < hosts.size(); ++i) {
        HostUpdateStatus &row = m_rows[size_t(i)];
        const Host &h = hosts.at(i);
        row.hostName = h.name;
        row.site = h.site;
        row.folder = h.folder;
        m_configuration[size_t(i)] = DemoAgents::configurationOf(h.folder);
        const int dice = random.bounded(1000);
        Trouble t = Trouble::None;
        if (dice < 60)
            t = Trouble::NotRegistered;
        else if (dice < 80)
            t = Trouble::Silent;
        else if (dice < 100)
            t = Trouble::Offline;
        else if (dice < 120)
            t = Trouble::WrongSite;
        else if (dice < 140)
            t = Trouble::Tls;
        else if (dice < 155)
            t = Trouble::Noexec;
        else if (dice < 165)
            t = Trouble::Prelink;
        else if (dice < 175)
            t = Trouble::SELinux;
        const QString os = h.folder.startsWith(u"/windows"_s) ? u"windows"_s
            : h.folder.startsWith(u"/unix/aix"_s)             ? u"aix"_s
                                                              : u"linux"_s;
        // prelink, rpm under SELinux and a noexec /tmp are Linux troubles; a Windows host
        // fails on TLS instead.
        if (os == u"windows"_s
            && (t == Trouble::Prelink || t == Trouble::SELinux || t == Trouble::Noexec))
            t = Trouble::Tls;
        // The manual: automatic updates for Linux, Windows and Solaris only. AIX hosts run no
        // updater.
        if (os == u"aix"_s)
            t = Trouble::NotRegistered;
        m_updaters[size_t(i)].trouble = t;
        // An empty setup has nobody registered yet.
        row.registered = t != Trouble::NotRegistered && !state.options().emptySetup;
        // An installed updater that was never registered says so in its status section (AIX
        // hosts run none; an empty setup has deployed none yet).
        if (t == Trouble::NotRegistered && os != u"aix"_s && !state.options().emptySetup)
            row.lastError = u"The agent updater is not registered at the deployment server"_s;
        // Checks spread over the interval; offline hosts stopped a day ago.
        const qint64 last = now - random.bounded(3600) - (t == Trouble::Offline ? 86400 : 0);
        m_updaters[size_t(i)].nextCheck = t == Trouble::Silent || !row.registered ? 0 : last;
    }
    refreshDerived();
    // Most hosts run an older agent of the previous bake; a share already runs the target.
    for (size_t i = 0; i < m_rows.size(); ++i) {
        HostUpdateStatus &row = m_rows[i];
        const quint64 target = m_targetOf[size_t(m_configuration[i])];
        const quint64 previous = target ^ 0x1f2e3d4c5b6a7988ULL;
        row.installedHash = random.bounded(100) < 35 ? previous : target;
        row.downloadedHash = row.installedHash;
        row.lastUpdate = row.installedHash == target ? now - 86400 * (1 + random.bounded(20))
                                                     : now - 86400 * 40;
        if (m_updaters[i].nextCheck > 0) {
            check(int(i), m_updaters[i].nextCheck);
            m_updaters[i].nextCheck += m_interval;
        }
    }
    for (size_t i = 0; i < m_rows.size(); ++i)
        updateService(int(i));
}

bool DemoFleet::deploymentEnabled() const
{
    return m_state.deployment.active.enabled;
}

QList<QByteArray> DemoFleet::acceptedKeys(int *interval) const
{
    // First enabled rule that sets a parameter wins (the demo's rules apply to all hosts).
    QList<QByteArray> keys;
    bool keysSet = false;
    bool intervalSet = false;
    *interval = 3600;
    for (const DemoDeployment::Rule &rule : m_state.deployment.active.rules) {
        if (rule.properties.value(u"disabled"_s).toBool())
            continue;
        PythonLiteral::Error error;
        const QVariantMap value = PythonLiteral::parse(rule.valueRaw, &error).toMap();
        if (error.isError())
            continue;
        if (!keysSet && value.contains(u"signature_keys"_s)) {
            for (const QVariant &pem : value.value(u"signature_keys"_s).toList())
                keys << pem.toString().toUtf8();
            keysSet = true;
        }
        if (!intervalSet && value.contains(u"interval"_s)) {
            *interval = qMax(60, value.value(u"interval"_s).toInt());
            intervalSet = true;
        }
    }
    return keys;
}

void DemoFleet::syncHosts()
{
    const auto &hosts = m_state.inventory.hosts;
    if (m_rows.size() >= size_t(hosts.size()))
        return;
    for (qsizetype i = qsizetype(m_rows.size()); i < hosts.size(); ++i) {
        HostUpdateStatus row;
        row.hostName = hosts.at(i).name;
        row.site = hosts.at(i).site;
        row.folder = hosts.at(i).folder;
        row.registered = false;
        m_rows.push_back(row);
        m_details.emplace_back();
        m_external.push_back(false);
        m_updaters.push_back({ Trouble::NotRegistered, 0 });
        m_configuration.push_back(DemoAgents::configurationOf(row.folder));
        updateService(int(m_rows.size()) - 1);
    }
    m_derivedFor = -1; // selection and targets for the new hosts
}

void DemoFleet::refreshDerived()
{
    syncHosts();
    const DemoAgents &agents = m_state.agents;
    if (m_derivedFor == m_state.deployment.activeRevision && m_agentsFor == agents.generation
        && !m_state.keysChanged)
        return;
    m_derivedFor = m_state.deployment.activeRevision;
    m_agentsFor = agents.generation;
    m_state.keysChanged = false;
    const QList<QByteArray> accepted = acceptedKeys(&m_interval);
    const QDateTime now = QDateTime::fromSecsSinceEpoch(m_state.clock.now(), Qt::UTC);
    m_targetOf.assign(size_t(DemoAgents::configurationCount()), 0);
    m_signedOk.assign(size_t(DemoAgents::configurationCount()), false);
    const SignatureVerifier verifier(accepted);
    for (int c = 0; c < DemoAgents::configurationCount() && c < agents.agents.size(); ++c) {
        const DemoAgents::Agent &a = agents.agents.at(c);
        m_targetOf[size_t(c)] = a.hash;
        for (const DemoAgents::Signature &s : a.signatures) {
            const PackageSignature signature { s.certificatePem, s.signature.toBase64() };
            if (verifier.verifyOne(a.package, signature, now).state
                == SignatureVerdict::State::Valid)
                m_signedOk[size_t(c)] = true;
        }
    }
    const HostSelection selection
        = HostSelection::fromVariant(m_state.deployment.active.hostSelection.toVariantMap());
    const HostSelectionEvaluator evaluator(selection);
    m_selected.resize(m_rows.size());
    const auto &hosts = m_state.inventory.hosts;
    for (size_t i = 0; i < m_rows.size(); ++i) {
        m_selected[i] = evaluator.evaluate(hosts.at(qsizetype(i)))
            == HostSelectionEvaluator::Verdict::Selected;
        m_rows[i].selected = m_selected[i];
        m_rows[i].targetHash = m_targetOf[size_t(m_configuration[i])];
        m_rows[i].interval = m_interval;
    }
}

void DemoFleet::check(int index, qint64 when)
{
    HostUpdateStatus &row = m_rows[size_t(index)];
    const Updater &u = m_updaters[size_t(index)];
    row.lastCheck = when;
    const quint64 target = row.targetHash;
    const QString trouble = troubleText(u.trouble, m_state.siteName());
    if (!m_state.deployment.active.enabled)
        row.lastError = u"Automatic agent deployment is currently globally disabled."_s;
    else if (!m_selected[size_t(index)])
        row.lastError
            = u"Agent updates are disabled for host %1 (it is not in the host selection)."_s.arg(
                row.hostName);
    else if (!trouble.isEmpty())
        row.lastError = trouble;
    else if (target != 0 && !m_signedOk[size_t(m_configuration[size_t(index)])])
        row.lastError = u"Error: No valid signature found."_s;
    else {
        row.lastError.clear();
        if (target != 0 && row.installedHash != target) {
            if (row.downloadedHash == target) {
                row.installedHash = target;
                row.pendingHash = 0;
                row.lastUpdate = when;
            } else {
                row.downloadedHash = target;
                row.pendingHash = target;
            }
        }
    }
    updateService(index);
}

QString DemoFleet::osOf(int index) const
{
    const QString folder = m_rows[size_t(index)].folder;
    if (folder.startsWith(u"/windows"_s))
        return u"windows"_s;
    if (folder.startsWith(u"/unix/aix"_s))
        return u"aix"_s;
    if (folder.startsWith(u"/unix/solaris"_s))
        return u"solaris"_s;
    return u"linux"_s;
}

void DemoFleet::updateService(int index)
{
    // The service "Check_MK Agent" as the site computes it from what the updater reported: at
    // most WARN (the manual), the output in the real check's words.
    HostUpdateStatus &row = m_rows[size_t(index)];
    const DemoAgentService service
        = DemoAgentService::of(row, osOf(index), m_state.clock.now(), m_updateUrl);
    row.checkState = qint8(service.state);
    row.checkOutput = service.summary;
    m_details[size_t(index)] = service.details;
}

void DemoFleet::report(const QString &hostName, const QString &installedHash,
                       const QString &lastError)
{
    syncHosts();
    refreshDerived();
    const int i = m_state.inventory.indexOf(hostName);
    if (i < 0)
        return;
    // From now on this host's status is what its real updater says, not the simulation.
    m_external[size_t(i)] = true;
    HostUpdateStatus &row = m_rows[size_t(i)];
    row.registered = true;
    row.lastCheck = m_state.clock.now();
    row.lastError = lastError;
    quint64 hash = 0;
    if (HostUpdateStatus::parseHash(installedHash, &hash) && hash != row.installedHash) {
        row.installedHash = hash;
        row.lastUpdate = row.lastCheck;
    }
    if (row.installedHash == row.targetHash)
        row.pendingHash = 0;
    updateService(i);
}

QString DemoFleet::details(int index) const
{
    return m_details[size_t(index)];
}

bool DemoFleet::isSelected(const QString &hostName)
{
    refreshDerived();
    const int i = m_state.inventory.indexOf(hostName);
    return i >= 0 && m_selected[size_t(i)];
}

void DemoFleet::advance()
{
    refreshDerived();
    const qint64 now = m_state.clock.now();
    for (size_t i = 0; i < m_rows.size(); ++i) {
        Updater &u = m_updaters[i];
        if (!m_rows[i].registered || u.nextCheck == 0 || u.trouble == Trouble::Offline
            || m_external[i])
            continue;
        // After a long jump of the clock only the last few checks matter.
        if (now - u.nextCheck > 4LL * m_interval)
            u.nextCheck = now - 3LL * m_interval;
        while (u.nextCheck <= now) {
            check(int(i), u.nextCheck);
            u.nextCheck += m_interval;
        }
    }
}

void DemoFleet::registerHost(const QString &hostName)
{
    syncHosts();
    const int i = m_state.inventory.indexOf(hostName);
    if (i < 0)
        return;
    m_rows[size_t(i)].registered = true;
    Updater &u = m_updaters[size_t(i)];
    if (u.trouble == Trouble::NotRegistered || u.trouble == Trouble::Silent)
        u.trouble = Trouble::None;
    u.nextCheck = m_state.clock.now(); // a freshly registered updater checks at once
}

bool DemoFleet::isRegistered(const QString &hostName) const
{
    const int i = m_state.inventory.indexOf(hostName);
    return i >= 0 && size_t(i) < m_rows.size() && m_rows[size_t(i)].registered;
}
