#pragma once

#include <QStringList>

#include <functional>

#include "ActivationRun.h"
#include "PendingChanges.h"
#include "SiteResult.h"
#include "Versioned.h"

class QObject;
class RestClient;
class RestReply;

// Pending changes and their activation.
class ActivationApi final
{
public:
    explicit ActivationApi(RestClient *client)
        : m_client(client)
    { }

    using Pending = std::function<void(SiteResult<Versioned<PendingChanges>>)>;
    using Run = std::function<void(SiteResult<ActivationRun>)>;

    // The ETag that comes with them is the If-Match of the activation: it activates exactly the
    // changes that were read.
    RestReply *pendingChanges(QObject *context, Pending done) const;
    // 422 nothing to activate, 423 already running, 409 some sites failed (in the error).
    // `sites` empty: every site with changes (the site decides); else only those sites.
    RestReply *activate(const QByteArray &pendingEtag, QObject *context, Run done,
                        const QStringList &sites = {}) const;
    RestReply *run(const QString &id, QObject *context, Run done) const;

private:
    RestClient *m_client;
};
