#include "DemoState.h"

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

void DemoState::recordChange(const QString &user, const QString &action, const QString &text)
{
    Change c;
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
    a.changes = std::exchange(m_pending, {});
    ++m_changeCounter;
    a.started = QDateTime::currentSecsSinceEpoch();
    m_activations.insert(a.id, a);
    const QString id = a.id;
    QTimer::singleShot(m_options.activationMs, this, [this, id] { finishActivation(id); });
    return id;
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
    deployment.activate();
    Q_EMIT activated(it->changes);
}
