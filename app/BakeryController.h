#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include "AgentUpdaterRule.h"
#include "BakedAgent.h"
#include "SignatureKey.h"

class AgentsPage;
class SiteSession;

// Baking and signing through the site's background job: starts it (or attaches to one that
// already runs), follows its progress until it has finished, announces the end, and verifies
// a package's signatures offline against the site's keys.
class BakeryController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BakeryController)

public:
    BakeryController(SiteSession *session, AgentsPage *page, QObject *parent = nullptr);

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
    // Certificates of the keys the enabled rules accept.
    QList<QByteArray> acceptedCertificates() const;

    SiteSession *m_session;
    AgentsPage *m_page;
    QList<BakedAgent> m_agents;
    QList<SignatureKey> m_keys;
    QList<AgentUpdaterRule> m_rules;
    int m_verifyGeneration = 0;
    QTimer m_poll;
    QElapsedTimer m_elapsed;
    double m_askedAt = 0;
};
