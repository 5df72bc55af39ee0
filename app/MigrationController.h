#pragma once

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <optional>

#include "ApiError.h"
#include "MigrationPlan.h"
#include "RestReply.h"
#include "SecureBuffer.h"
#include "SiteConnection.h"

class MigrationAssistant;
class RestClient;
class SecretStore;
class SiteSession;

// Runs the migration assistant's steps over two connections of their own (the old and the new
// site): reads both and plans, copies registrations and keys, creates the rule and bakes and
// signs on the new site, verifies it by reading it again, and only then, when asked, re-points
// the old site's rules and bakes there. A dry run reads and reports, and writes nothing. The
// passphrase lives in a SecureBuffer for one run and is wiped when it ends or is stopped.
class MigrationController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MigrationController)

public:
    MigrationController(SecretStore *secrets, MigrationAssistant *view, QObject *parent = nullptr);
    ~MigrationController() override;

    // The connections to choose from (the app's list, saved or not).
    void setConnections(const QList<SiteConnection> &connections) { m_connections = connections; }
    // Whether the new site was read again and holds what the plan put there.
    bool newSiteVerified() const { return m_verified; }
    // Whether a passphrase is held (only while a run may still need it).
    bool holdsPassphrase() const { return !m_passphrase.isEmpty(); }

private:
    using Snapshot = std::function<void(std::optional<MigrationSnapshot>, ApiError)>;
    using Then = std::function<void(bool)>;
    enum class Phase { Idle, Reading, NewSite, OldSite };

    void analyse(const QString &oldName, const QString &newName, bool dryRun);
    void whenBothConnected();
    void read(SiteSession *session, Snapshot done);
    void runNewSite(QByteArray &passphrase);
    void simulate();
    void copyRegistrations();
    void copyKeys(int index);
    void createRules(int index);
    void verifyNewSite();
    void readOldRuleVersions(int index);
    void runOldSite();
    void updateOldRule(int index);
    void refusedAsChanged(const AgentUpdaterRule &planned);
    void replanOldSite();
    void keepOldSite();
    void bakeAndSign(RestClient *client, int keyId, MigrationPlan::Step step, Then then);
    void pollBaking(RestClient *client, double before, MigrationPlan::Step step, Then then);
    void cancel();
    void fail(MigrationPlan::Step step, const QString &line);
    void log(MigrationPlan::Step step, const QString &line);
    bool alive(int generation) const { return generation == m_generation; }
    void track(RestReply *reply) { m_current = reply; }
    void closeSessions();

    SecretStore *m_secrets;
    QPointer<MigrationAssistant> m_view;
    QList<SiteConnection> m_connections;
    SiteSession *m_oldSession = nullptr;
    SiteSession *m_newSession = nullptr;
    std::optional<MigrationPlan> m_plan;
    bool m_dryRun = false;
    bool m_verified = false;
    Phase m_phase = Phase::Idle;
    MigrationPlan::Step m_step = MigrationPlan::Step::Hosts;
    int m_generation = 0; // answers of a stopped run are ignored
    int m_newKeyId = 0;
    int m_nextOldRule = 0; // the first old rule step 5 has not written yet
    QString m_conflictRule; // the old rule whose write was refused (412), until re-planned
    SecureBuffer m_passphrase;
    QPointer<RestReply> m_current;
    QTimer m_poll;
};
