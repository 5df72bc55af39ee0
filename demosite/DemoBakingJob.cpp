#include "DemoBakingJob.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>

#include "DemoState.h"

using namespace Qt::StringLiterals;

namespace {
QString hashText(quint64 hash)
{
    return u"%1"_s.arg(hash, 16, 16, QLatin1Char('0'));
}
} // namespace

DemoBakingJob::DemoBakingJob(DemoState &state, int msPerConfiguration, QObject *parent)
    : QObject(parent)
    , m_site(state)
    , m_msPerConfiguration(msPerConfiguration)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &DemoBakingJob::step);
}

DemoBakingJob::~DemoBakingJob() = default;

bool DemoBakingJob::start(Kind kind, int keyId, SecureBuffer passphrase)
{
    if (isRunning())
        return false;
    m_kind = kind;
    m_keyId = keyId;
    m_passphrase = std::move(passphrase);
    m_state = State::Running;
    m_started = double(QDateTime::currentMSecsSinceEpoch()) / 1000.0;
    m_done = 0;
    m_log.clear();
    // The new packages are made up front (cheap); the timer stands for the time a real bake
    // takes and reveals one configuration after the other.
    m_result = m_site.agents;
    if (kind != Kind::Sign)
        m_result.bake(m_site.options().seed);
    // Signing is quicker than baking.
    m_timer.start(kind == Kind::Sign ? m_msPerConfiguration / 4 : m_msPerConfiguration);
    return true;
}

void DemoBakingJob::step()
{
    if (m_done < m_result.agents.size()) {
        const DemoAgents::Agent &a = m_result.agents.at(m_done);
        QString line;
        if (m_kind == Kind::Sign)
            line = u"Signing agent for %1 (hash %2) with key %3… done"_s
                       .arg(a.name, hashText(a.hash))
                       .arg(m_keyId);
        else
            line = u"Baking agent for %1… done (hash %2)"_s.arg(a.name, hashText(a.hash));
        if (m_kind == Kind::BakeAndSign)
            line += u", signing with key %1"_s.arg(m_keyId);
        m_log << line;
        ++m_done;
    }
    if (m_done < m_result.agents.size())
        m_timer.start(m_kind == Kind::Sign ? m_msPerConfiguration / 4 : m_msPerConfiguration);
    else
        finish();
}

void DemoBakingJob::finish()
{
    if (m_kind != Kind::Bake) {
        QString error;
        if (!m_result.sign(m_site.keys, m_keyId, m_passphrase.bytes(), &error))
            m_log << u"Signing failed: %1"_s.arg(error);
    }
    m_passphrase.clear();
    m_site.agents = m_result;
    m_result = {};
    m_site.keysChanged = true; // the fleet re-checks the signatures of the new agents
    m_state = State::Finished;
}

QJsonObject DemoBakingJob::status() const
{
    const int total = m_state == State::Initialized ? 0 : int(m_result.agents.size());
    double progress = 0;
    if (m_state == State::Finished)
        progress = 1;
    else if (total > 0)
        progress = double(m_done) / total;
    const QJsonObject value { { u"state"_s,
                                m_state == State::Initialized   ? u"initialized"_s
                                    : m_state == State::Running ? u"running"_s
                                                                : u"finished"_s },
                              { u"log"_s, QJsonArray::fromStringList(m_log) },
                              { u"started"_s, m_started }, // 0 before the first run
                              { u"progress"_s, progress } };
    return value;
}
