#pragma once

#include <QString>

// One site of a distributed set-up as the central site's site_connection collection lists it:
// the central site itself or one of its remote sites.
struct DistributedSite
{
    enum class State {
        Local, // the site this connection talks to
        LoggedIn, // a remote site the central is logged in to
        NotLoggedIn, // a remote site without a login (replication cannot work)
        Disabled, // a remote site whose status connection is disabled in the GUI
    };

    QString id;
    QString alias;
    QString url; // url_of_remote_site (…/check_mk/); empty for the local site
    State state = State::Local;
    bool replication = false; // configuration replication enabled

    bool isRemote() const { return state != State::Local; }

    // The parts of a site's URL ({protocol}://{server}/{site}/check_mk[/]) as the updater's
    // configuration names them; false when the URL does not have that shape.
    struct Address
    {
        QString server; // host, with ":port" when not the protocol's default
        QString site;
        bool https = true;
    };
    static bool parseUrl(const QString &url, Address *address);
};
