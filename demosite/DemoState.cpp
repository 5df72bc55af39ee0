#include "DemoState.h"

#include <algorithm>

#include <QDateTime>
#include <QTimer>
#include <QUuid>

#include "DemoFleet.h"
#include "DemoReply.h"

DemoState::~DemoState() = default;

DemoState::DemoState(const DemoSiteOptions &options, QObject *parent)
    : QObject(parent)
    , inventory(DemoInventory::generate(options.hostCount, options.seed, options.siteName))
    , clock(options.timeScale, options.manualClock)
    , m_options(options)
{ }

void DemoState::recordChange(const QString &user, const QString &action, const QString &text,
                             const QStringList &sites)
{
    Change c;
    c.sites = sites;
    c.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    c.user = user;
    c.action = action;
    c.text = text;
    c.time = QDateTime::currentSecsSinceEpoch();
    m_pending.append(c);
    ++m_changeCounter;
}

QByteArray DemoState::pendingEtag() const
{
    QByteArray ids = QByteArray::number(m_changeCounter);
    for (const Change &c : m_pending)
        ids += c.id.toLatin1();
    return DemoReply::etagOf(ids);
}

bool DemoState::activationRunning() const
{
    for (const Activation &a : m_activations) {
        if (a.running)
            return true;
    }
    return false;
}

QList<const DemoState::Activation *> DemoState::activations() const
{
    QList<const Activation *> out;
    for (const Activation &a : m_activations)
        out << &a;
    return out;
}

QString DemoState::startActivation(const QString &user, const QStringList &sites, bool forceForeign)
{
    Activation a;
    a.forceForeign = forceForeign;
    a.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    a.user = user;
    a.sites = sites.isEmpty() ? inventory.sites : sites;
    // Each change is activated on the chosen sites it affects; it leaves the pending list once
    // every site it affects has it.
    QList<Change> stillPending;
    for (Change &c : m_pending) {
        const QStringList affected = c.sites.isEmpty() ? inventory.sites : c.sites;
        bool included = false;
        for (const QString &site : std::as_const(a.sites)) {
            if (affected.contains(site)) {
                included = true;
                if (!c.activatedOn.contains(site))
                    c.activatedOn << site;
            }
        }
        if (included)
            a.changes << c;
        const bool everywhere
            = std::all_of(affected.cbegin(), affected.cend(),
                          [&c](const QString &s) { return c.activatedOn.contains(s); });
        if (!everywhere)
            stillPending << c;
    }
    m_pending = stillPending;
    ++m_changeCounter;
    a.started = QDateTime::currentSecsSinceEpoch();
    m_activations.insert(a.id, a);
    const QString id = a.id;
    QTimer::singleShot(m_options.activationMs, this, [this, id] { finishActivation(id); });
    return id;
}

bool DemoState::hasPendingFor(const QStringList &sites) const
{
    for (const Change &c : m_pending) {
        const QStringList affected = c.sites.isEmpty() ? inventory.sites : c.sites;
        for (const QString &site : affected) {
            if ((sites.isEmpty() || sites.contains(site)) && !c.activatedOn.contains(site))
                return true;
        }
    }
    return false;
}

const DemoState::Activation *DemoState::activation(const QString &id) const
{
    const auto it = m_activations.constFind(id);
    return it == m_activations.cend() ? nullptr : &*it;
}

void DemoState::finishActivation(const QString &id)
{
    auto it = m_activations.find(id);
    if (it == m_activations.end())
        return;
    it->running = false;
    it->ended = QDateTime::currentSecsSinceEpoch();
    // The central site's own configuration (what its bakery and deploy_agent.py use) takes
    // effect only when the activation includes it.
    if (it->sites.contains(siteName()) || !inventory.sites.contains(siteName()))
        deployment.activate();
    Q_EMIT activated(it->changes);
}
