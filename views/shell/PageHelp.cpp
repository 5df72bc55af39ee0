#include "PageHelp.h"

using namespace Qt::StringLiterals;

QString PageHelp::title(const QString &pageTitle)
{
    return tr("Help: %1").arg(pageTitle);
}

QString PageHelp::html(const QString &pageId)
{
    if (pageId == u"setup")
        return tr(
            "<h3>Setup: the prerequisites of automatic agent updates</h3>"
            "<p>Automatic updates work only when all five prerequisites are met, in this "
            "order (Checkmk: <i>Setup › Agents › Automatic updates</i>):</p><ol>"
            "<li><b>Signature key</b>: a key pair to sign agents with. Its passphrase is asked "
            "at every signing and cannot be recovered.</li>"
            "<li><b>Agent updater rule</b> (<i>Agent updater (Linux, Windows, Solaris)</i>): "
            "deploys the update plug-in and tells it the update server and the signature keys "
            "it accepts.</li>"
            "<li><b>Signed agents</b>: the agents baked after the last rule change, signed with "
            "a key the rule accepts.</li>"
            "<li><b>Registered host</b>: at least one host registered with "
            "<tt>cmk-update-agent register</tt> (or the <i>Register machine</i> page).</li>"
            "<li><b>Master switch</b>: <i>Activation of automatic agent updates</i>. Off, no "
            "host gets an update while all settings are kept.</li></ol>"
            "<p><b>Rule parameters</b> (first rule per parameter wins): <i>Deploy the agent "
            "updater plug-in</i> (activation); <i>Update server</i> with site and protocol "
            "(https recommended); <i>Use the server</i> for registration only or always (in "
            "distributed monitoring a host otherwise gets its update server from the site that "
            "monitors it); <i>CA certificates</i> for the https check (once any are given, the "
            "updater ignores all other authorities); <i>Check interval</i> (default one hour; "
            "less than 10 minutes loads the network needlessly); <i>Proxy</i> (none, from the "
            "environment, or explicit); <i>Package format</i> (packaged binary for 64-bit Linux "
            "with glibc 2.17 or newer, else the Python script); <i>Accepted signature keys</i> "
            "(keep the old key while replacing it).</p>"
            "<p>Changes to rules take effect only after <b>Activate changes</b> and a new "
            "bake.</p>");
    if (pageId == u"status")
        return tr(
            "<h3>Update status</h3>"
            "<p>Every host with the state of its agent updater, in categories decided in this "
            "order (the first that applies):</p><ol>"
            "<li><b>Globally disabled</b>: the master switch is off.</li>"
            "<li><b>Left out by selection</b>: the host selection does not include the host.</li>"
            "<li><b>Not registered</b>: the site has no host secret for the host; run "
            "<tt>cmk-update-agent register</tt> on it.</li>"
            "<li><b>Never contacted</b>: registered, but the updater has not called yet; check "
            "that the agent with the plug-in is installed.</li>"
            "<li><b>Failing</b>: the last update check reported an error; the diagnosis names "
            "it and what to do.</li>"
            "<li><b>Stale</b>: the last check is older than twice the interval.</li>"
            "<li><b>Up to date</b>: the installed agent is the target.</li>"
            "<li><b>Update pending</b>: the target is downloaded, not installed yet.</li>"
            "<li><b>Outdated</b>: the target differs and was not downloaded.</li></ol>"
            "<p>Click a count to filter the table; Ctrl+F searches; F5 refreshes; Ctrl+C copies "
            "the selected rows; right-click the header to choose columns. <b>Troubleshooting</b>: "
            "on the host, <tt>cmk-update-agent -v</tt> shows the update run and "
            "<tt>cmk-update-agent show-config</tt> the configuration; the log is in "
            "<tt>/var/lib/check_mk_agent/log/cmk-update-agent/cmk-update-agent.log</tt>.</p>");
    if (pageId == u"selection")
        return tr(
            "<h3>Host selection</h3>"
            "<p><i>Selection of hosts to activate agent updates for</i> (a global setting): only "
            "hosts that meet <b>all</b> conditions get updates (logical AND). No condition means "
            "every host. Conditions: sites, folders (with their subfolders), host tags, host "
            "labels, host groups, explicit host names, and excluded hosts.</p>"
            "<p>Use it to try a new agent on a few hosts first. <i>Test with this host name</i> "
            "shows each condition with the host's own value. A left-out host reports "
            "\"agent updates are disabled for host …\".</p>");
    if (pageId == u"keys")
        return tr(
            "<h3>Signature keys</h3>"
            "<p>Agents are signed so that an updater installs only packages from your site. Each "
            "key is an RSA key pair protected by a passphrase of at least 12 characters, asked "
            "for at every signing; it cannot be changed or recovered.</p>"
            "<p><b>Replacing a key</b>: create the new key, add it to the rule's accepted keys, "
            "bake and sign with the <i>old</i> key, wait until all hosts have the new package, "
            "then remove the old key from the rule, sign with the new one and delete the old "
            "key. A key still used by a rule cannot be deleted. If all accepted keys have "
            "expired, run <tt>cmk-update-agent --skip-signatures</tt> once on each host.</p>");
    if (pageId == u"agents")
        return tr(
            "<h3>Agents and baking</h3>"
            "<p>Rule changes reach the hosts only in newly baked packages. <b>Bake and sign</b> "
            "builds the packages and signs them with a key (its passphrase is asked); "
            "<b>Sign</b> signs existing packages. An updater accepts a package signed with any "
            "key it knows. <b>Verify</b> downloads a package and checks its signatures here.</p>");
    if (pageId == u"register")
        return tr(
            "<h3>Register machine</h3>"
            "<p>Registration creates the trust between this host and the site: both agree on a "
            "<i>host secret</i>, with which the updater later fetches its own agent without a "
            "password. You need a user with the permission to register hosts and enable agent "
            "updates (for example <tt>agent_registration</tt>, or an automation user with its "
            "automation secret), and the host's name as it is known in the monitoring.</p>"
            "<p>The result is written to the updater's state file with mode 0600; when this "
            "program cannot write <tt>/etc/cmk-update-agent.state</tt>, it writes elsewhere and "
            "tells you how to move the file into place.</p>");
    // The wizard's pages, each with its own help (F1 on the page in view), in the terms of
    // cmk-update-agent register and the manual's section on registration.
    if (pageId == u"register/server")
        return tr(
            "<h3>Register machine: the site</h3>"
            "<p>The <b>update server</b> (<tt>-s</tt>) is the Checkmk server the updater asks "
            "for its agent: its DNS name or IP address as this host reaches it. The "
            "<b>site</b> (<tt>-i</tt>) is the name of the OMD site on it, as in "
            "<tt>https://server/SITE/check_mk/</tt>, and the <b>protocol</b> (<tt>-p</tt>) "
            "https or http. When the agent updater rule sets an update server, the page "
            "suggests it.</p>"
            "<p>With https the updater must trust the server's certificate: <i>Check "
            "connection</i> shows it with its SHA-256 fingerprint. Trust it only when the "
            "fingerprint is the one your site administrator gives you; it is kept in the state "
            "file for the updates. A certificate this program already trusts for its "
            "connection to the site is not asked for again. <tt>--insecure</tt> skips the check "
            "and is meant for tests only.</p>");
    if (pageId == u"register/host")
        return tr(
            "<h3>Register machine: the host</h3>"
            "<p>The <b>host name</b> (<tt>-H</tt>) of this machine exactly as it is known in "
            "the monitoring (Setup › Hosts). The site registers only a host it knows; an agent "
            "for it is baked only when an agent updater rule with the updater activated applies "
            "to it.</p>"
            "<p>The page asks the site whether the host exists and which update server the "
            "rule effective for it names. In distributed monitoring the host gets its updates "
            "from the site that monitors it.</p>");
    if (pageId == u"register/credentials")
        return tr(
            "<h3>Register machine: credentials</h3>"
            "<p>Registration needs a user of the site (<tt>-U</tt>) with the permission to "
            "register hosts, for example one with the role <i>Agent registration user</i> "
            "(<tt>agent_registration</tt>), and its password (<tt>-P</tt>), or an automation "
            "user and its <b>automation secret</b>. They are used for this registration only "
            "and are not written to the state file: afterwards the updater proves itself with "
            "the <i>host secret</i> the registration agrees on.</p>"
            "<p><i>Use the secret stored for …</i> takes the secret of the saved connection "
            "from the system keychain.</p>");
    if (pageId == u"register/summary")
        return tr(
            "<h3>Register machine: summary</h3>"
            "<p>What <tt>cmk-update-agent register</tt> will do with the answers so far, and "
            "the <b>state file</b> it writes (mode 0600): by default "
            "<tt>/etc/cmk-update-agent.state</tt>, which needs root. When this program cannot "
            "write there, choose a file you can write; the result page then says how to move "
            "it into place.</p>"
            "<p>A refused registration says what to fix and offers to go back to the page "
            "with the wrong input (the credentials, the site, or the certificate).</p>");
    if (pageId == u"register/result")
        return tr(
            "<h3>Register machine: registered</h3>"
            "<p>The site and this host now share the <b>host secret</b>, written to the state "
            "file. From now on the updater fetches the agent baked for this host without a "
            "password, at the check interval of the agent updater rule; run "
            "<tt>cmk-update-agent -v</tt> once to update at once.</p>"
            "<p>When the state file was written elsewhere, move it into place with the commands "
            "shown. The host then appears on the <i>Update status</i> page once the updater "
            "has called the site.</p>");
    if (pageId == u"local-config")
        return tr(
            "<h3>Local updater config</h3>"
            "<p>What <tt>cmk-update-agent show-config</tt> shows: the configuration file from the "
            "bakery (<tt>cmk-update-agent.cfg</tt>) over the state file written by the "
            "registration (<tt>cmk-update-agent.state</tt>). A value in the .cfg wins over the "
            "same value in the .state. Secrets stay masked until you reveal them.</p>");
    if (pageId == u"overview")
        return tr("<h3>Site overview</h3>"
                  "<p>The site this connection talks to: its Checkmk version and edition, the REST "
                  "API address, and the size of its configuration. For the embedded demo it also "
                  "shows the demo's users and secrets.</p>");
    if (pageId == u"sites")
        return tr("<h3>Sites</h3>"
                  "<p>In distributed monitoring a central site holds the configuration and bakes "
                  "the agents; remote sites monitor their hosts and pass the updaters' requests on "
                  "to the central site. This page lists every site the connected site knows "
                  "(its connection state, URL and version; a remote site's version is read "
                  "through a saved connection to that site).</p>"
                  "<p>The settings table shows the connection to the central agent bakery and "
                  "the URL at which hosts reach each site, globally and per site. A site with a "
                  "value of its own has a <i>site-specific</i> global setting; <i>Use the "
                  "global value</i> removes it. These settings' names are not published by "
                  "Checkmk: AgentDesk uses extension names for them.</p>"
                  "<p>Tick sites in the <i>Activate</i> column to activate the pending changes "
                  "on those sites only.</p>");
    return {};
}
