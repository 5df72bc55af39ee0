#pragma once

#include <QObject>
#include <QStringList>
#include <QTimer>

#include "DemoAgents.h"
#include "SecureBuffer.h"

class DemoState;

// The site's background job "agent_baking": bakes and/or signs the agents one configuration at
// a time on a timer in the site's thread, and swaps the result in when it finishes.
class DemoBakingJob final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DemoBakingJob)

public:
    enum class State { Initialized, Running, Finished };
    enum class Kind { Bake, Sign, BakeAndSign };

    explicit DemoBakingJob(DemoState &state, int msPerConfiguration = 250,
                           QObject *parent = nullptr);
    ~DemoBakingJob() override;

    State state() const { return m_state; }
    bool isRunning() const { return m_state == State::Running; }
    // Starts a run; false when one runs already. keyId/passphrase only for the signing kinds.
    bool start(Kind kind, int keyId = 0, SecureBuffer passphrase = {});
    // {state, started, log, progress} as baking_status reports it.
    QJsonObject status() const;

private:
    void step();
    void finish();

    DemoState &m_site;
    int m_msPerConfiguration;
    QTimer m_timer;
    State m_state = State::Initialized;
    Kind m_kind = Kind::Bake;
    int m_keyId = 0;
    SecureBuffer m_passphrase;
    DemoAgents m_result; // what replaces the site's agents at the end
    double m_started = 0;
    int m_done = 0;
    QStringList m_log;
};
