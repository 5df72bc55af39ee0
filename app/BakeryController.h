#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include "AgentKeyAcceptance.h"
#include "AgentUpdaterRule.h"
#include "BakedAgent.h"
#include "SignatureKey.h"

#include <optional>

class AgentsPage;
class InventoryLoader;
class SiteSession;

// Baking and signing through the site's background job: starts it (or attaches to one that
// already runs), follows its progress until it has finished, announces the end, and verifies
// a package's signatures offline against the keys the hosts of that agent accept (each host from
// the agent updater rule effective for it, where the site lists the agent's hosts).
class BakeryController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BakeryController)

public:
    // The inventory comes from the console's shared loader; without one the controller has its
    // own.
    BakeryController(SiteSession *session, AgentsPage *page, QObject *parent = nullptr,
                     InventoryLoader *inventory = nullptr);

    void refresh();
    void bake();
    void sign(int keyId, const QByteArray &passphrase, bool bakeFirst);
    void verify(const QString &hash);
    bool isJobRunning() const { return m_poll.isActive(); }

Q_SIGNALS:
    void jobFinished(bool ok);
    void verified(const QString &hash, bool ok);
    void agentsLoaded();

private:
    void follow(double askedAt);
    void pollOnce();
    void showKeys();
    // Certificates of the keys the enabled rules accept (where the hosts are not known).
    QList<QByteArray> acceptedCertificates() const;
    // Groups every agent's hosts by the rule that gives them their accepted keys, in a worker
    // (a hundred thousand hosts are evaluated), then shows the keys again. Without the hosts
    // listed, the inventory or the rules, the keys are shown from every enabled rule.
    void recomputeAcceptance();
    // The agent's groups; nullopt while they are not known (see recomputeAcceptance()).
    std::optional<QList<AgentKeyAcceptance::Group>> groupsFor(const BakedAgent &agent) const;
    QString keyName(int keyId) const;

    SiteSession *m_session;
    AgentsPage *m_page;
    QList<BakedAgent> m_agents;
    QList<SignatureKey> m_keys;
    QList<AgentUpdaterRule> m_rules;
    bool m_rulesRead = false;
    // Every agent's hosts by rule, once evaluated for the agents, rules and inventory shown.
    std::optional<QList<AgentKeyAcceptance::Agent>> m_acceptance;
    int m_acceptanceGeneration = 0;
    InventoryLoader *m_inventory;
    int m_verifyGeneration = 0;
    QTimer m_poll;
    QElapsedTimer m_elapsed;
    double m_askedAt = 0;
};
