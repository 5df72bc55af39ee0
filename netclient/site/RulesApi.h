#pragma once

#include <QList>

#include <functional>

#include "AgentUpdaterRule.h"
#include "RulePosition.h"
#include "SiteResult.h"
#include "Versioned.h"

class QObject;
class RestClient;
class RestReply;

// The rules of the "Agent updater" rule set: read whole, write whole, move. Writes carry the
// ETag of the version the caller read (never a fresh one, never '*' unless asked to overwrite).
class RulesApi final
{
public:
    explicit RulesApi(RestClient *client)
        : m_client(client)
    { }

    using Rules = std::function<void(SiteResult<QList<AgentUpdaterRule>>)>;
    using Rule = std::function<void(SiteResult<Versioned<AgentUpdaterRule>>)>;
    using Ack = std::function<void(SiteAck)>;

    // In the site's order (folder by folder, as the site lists them).
    RestReply *rules(QObject *context, Rules done) const;
    // One rule with its ETag: what an editor starts from.
    RestReply *rule(const QString &id, QObject *context, Rule done) const;
    // Creates the rule in its folder; the site puts it at the bottom of that folder.
    RestReply *create(const AgentUpdaterRule &rule, QObject *context, Rule done) const;
    // Replaces properties, conditions and value. `etag` is the version the edit started from;
    // "*" overwrites whatever the site has now.
    RestReply *update(const AgentUpdaterRule &rule, const QByteArray &etag, QObject *context,
                      Rule done) const;
    RestReply *move(const QString &id, const RulePosition &position, const QByteArray &etag,
                    QObject *context, Rule done) const;
    // Rule DELETE takes no If-Match.
    RestReply *remove(const QString &id, QObject *context, Ack done) const;

private:
    RestClient *m_client;
};
