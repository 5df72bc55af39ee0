#pragma once

#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

#include "SecureBuffer.h"
#include "SiteResult.h"

class QObject;
class RestClient;
class RestReply;

// Extension endpoints: the hosts registered for automatic updates, for moving them to a new site.
// A real site keeps them in ~/var/check_mk/agent_deployment and offers no interface (the manual
// says to copy that directory); a stock site answers 404 and the step is done by hand.
class RegistrationsApi final
{
public:
    explicit RegistrationsApi(RestClient *client)
        : m_client(client)
    { }

    // One registration with its host secret: what the host's updater authenticates with.
    struct Entry
    {
        QString hostName;
        SecureBuffer hostSecret;
        qint64 registeredAt = 0;
        QString registeredBy;
    };
    using Entries = std::vector<Entry>; // move-only: the secrets are never copied

    using Names = std::function<void(SiteResult<QStringList>)>;
    using Exported = std::function<void(SiteResult<Entries>)>;
    using Ack = std::function<void(SiteAck)>;

    // The registered hosts' names (no secrets).
    RestReply *registeredHosts(QObject *context, Names done) const;
    // The registrations of these hosts, secrets included; hosts not registered are left out.
    RestReply *exportRegistrations(const QStringList &hostNames, QObject *context,
                                   Exported done) const;
    // Takes them over; 400 naming the entry when a host is not in the site's setup.
    RestReply *importRegistrations(const Entries &entries, QObject *context, Ack done) const;

    // What to do on a site without these endpoints: copy the directory as the site user.
    static QString manualCopyCommand(const QString &oldServer, const QString &oldSite,
                                     const QString &newSite);

private:
    RestClient *m_client;
};
