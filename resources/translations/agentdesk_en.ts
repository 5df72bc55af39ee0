<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AgentUpdaterConfig</name>
    <message>
        <source>The value has an unexpected form.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No update server is configured.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The update server name is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site name is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The protocol must be http or https.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plain http sends the host secret unencrypted; use https.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The usage must be registration or always.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a PEM certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking more often than every 10 minutes loads the site needlessly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The proxy server is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The proxy port must be between 1 and 65535.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The proxy protocol must be http, socks4 or socks5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The edition must be bit64 or script.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At least one signature key is needed: the updater installs only signed agents.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deploy the agent updater plug-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update server: site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update server: protocol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA certificates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy: server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy: port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy: protocol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Package format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted signature keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (no. %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deployed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not deployed (the updater is removed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, for registration only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, for registration and updates</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n second</numerusform>
            <numerusform>%n seconds</numerusform>
        </translation>
    </message>
    <message>
        <source>No proxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy from the environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explicit proxy %1:%2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packaged binary (64 bit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Python script</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n certificate(s)</source>
        <translation>
            <numerusform>%n certificate</numerusform>
            <numerusform>%n certificates</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n key(s)</source>
        <translation>
            <numerusform>%n key</numerusform>
            <numerusform>%n keys</numerusform>
        </translation>
    </message>
    <message>
        <source>The interval must be at least one minute.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AgentUpdaterRule</name>
    <message>
        <source>The folder must start with / (or ~), for example /linux/web.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder names may contain letters, digits, spaces, &apos;-&apos;, &apos;_&apos; and &apos;.&apos; only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a full URL such as https://wiki.example.com/updates.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgentsPage</name>
    <message>
        <source>&amp;Bake agents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bake and si&amp;gn…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sign…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Verify signatures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Package types</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hosts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The baking job&apos;s log appears here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an agent and choose Verify: AgentDesk downloads the package and checks each signature against the site&apos;s keys, offline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Baking job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signature check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>key %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running for %1 s…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No baking job has run since the site started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not listed by this site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This site&apos;s REST API does not say which keys signed an agent. The site&apos;s own Agents page (Setup &gt; Agents) shows it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bake all agents anew (unsigned: sign them afterwards)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent %1: every package has a valid signature of a key the rules accept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent %1: NOT every package has a valid signature of a key the rules accept — hosts would refuse it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign with a key the rules do not accept?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These agent updater rules do not accept %1:

• %2

Hosts that get their signature keys from them refuse agents signed only with it. Add the key to those rules first, or sign with a key they accept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bake unsigned agents?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The current agents are signed. Baking replaces them with unsigned agents: hosts stop updating until the agents are signed again.

To keep hosts updating, choose Bake and sign instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bake &amp;unsigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed: choose a key the rules accept, or sign anyway.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agents were not signed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The baked agent packages: each agent configuration (hosts with the same agent settings share one), its hash, the package types, how many hosts use it, and the keys it is signed with. An updater installs only a package signed with a key its rule accepts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bakes all agents anew with the current rules. The new packages are unsigned: updaters do not take them until they are signed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bakes all agents and signs them with a signature key in one job; the key&apos;s passphrase is asked for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signs the packages baked already with a signature key; the key&apos;s passphrase is asked for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloads the selected agent package and checks each of its signatures against the site&apos;s keys, here on this machine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The log of the baking or signing job, as the site reports it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The result of Verify signatures: for each signature, the key and whether it holds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <source>Setup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signature keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agents and baking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local updater config</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keychain is available (%1). Secrets are kept for this session only and asked for again next time; they are never written to disk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not connect to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No site connection yet. Add one with File › Site connections (Ctrl+Shift+C), or start with --demo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no connection named &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo&apos;s secret could not be stored: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load the site&apos;s configuration.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate of %1 is not trusted. Look at it and trust it if the fingerprint is the one your site administrator gives you, or install a certificate from a trusted authority on the site.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show certificate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 did not accept the user or its secret. Edit the connection and enter the automation secret of the user (in Checkmk: Setup › Users, the automation user&apos;s properties).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit connection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user of %1 may not use the REST API for this. Give the user the role &quot;Administrator&quot; (or the permissions for agents, rules and global settings), or use another user.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server answered, but there is no Checkmk site with this name at this address. Check the site name (the OMD site, as in https://server/SITE/check_mk/).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be reached. Check the server name and port, and that the site is running (omd status).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site accepted the secret, but it could not be stored: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A removed connection&apos;s secret could not be deleted from the keychain: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sites</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BakeryApi</name>
    <message>
        <source>The site lists no baked agents.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target agent not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site has no baked agent package for this host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>None of the site&apos;s %n agent(s) has this host&apos;s package; bake the agents again and retry.</source>
        <translation>
            <numerusform>The site&apos;s only agent (%n) does not have this host&apos;s package; bake the agents again and retry.</numerusform>
            <numerusform>None of the site&apos;s %n agents has this host&apos;s package; bake the agents again and retry.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BakeryController</name>
    <message>
        <source>The baked agents could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The baking job&apos;s status could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The baking job finished with an error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The baking job finished after %1 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A baking job is already running; AgentDesk follows it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Baking could not start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A baking job is already running; AgentDesk follows it. Sign again once it has finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  no signature at all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VALID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>REFUSED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rule #%1 &quot;%2&quot; in %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no enabled agent updater rule accepts any key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passphrase does not open this key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Package %1: could not be downloaded (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Package %1 (%n byte(s)):</source>
        <translation>
            <numerusform>Package %1 (%n byte):</numerusform>
            <numerusform>Package %1 (%n bytes):</numerusform>
        </translation>
    </message>
    <message>
        <source>key %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>key %1 &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  %1 (%2): %3 — %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n host(s)</source>
        <translation>
            <numerusform>%n host</numerusform>
            <numerusform>%n hosts</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2, e.g. %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no enabled rule gives accepted keys to %1: they accept no key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rule #%1 &quot;%2&quot; in %3, which gives the accepted keys of %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site does not accept this key: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No host gets this agent: checked against the keys any enabled rule accepts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site does not list this agent&apos;s hosts: checked against the keys any enabled rule accepts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no rule gives them accepted keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keys of rule #%1 &quot;%2&quot; in %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  %1 (%2): REFUSE it, no valid signature of a key they accept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  %1 (%2): accept it, signed with %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keys of this agent&apos;s hosts are still being evaluated: checked against the keys any enabled rule accepts.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CertificateChainView</name>
    <message>
        <source>Server certificate, self-signed (it is its own root)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Root certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intermediate certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issuer: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid from %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not valid now)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA-256: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CertificateDetailsDialog</name>
    <message>
        <source>Certificate of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Common name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organization:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organizational unit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issuer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Self-signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serial number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid from:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid until:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2 bits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signature algorithm:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key usage:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate authority:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MD5 digest:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA-256 fingerprint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy PEM</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CertificateTrustDialog</name>
    <message>
        <source>&amp;Trust this certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect &amp;without verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untrusted certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate of %1 could not be verified: %2

Check the SHA-256 fingerprint with the site&apos;s administrator before you trust it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>root</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>intermediate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>server, self-signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I have checked the fingerprint and trust this certificate for this site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refuse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect without verification?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Without verification anyone on the network path can pose as this site, read the automation secret and change what AgentDesk shows. Use this only on a network you control. The status bar shows &quot;Insecure&quot; while it is in use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate authority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Self-signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA-256 fingerprint</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CommandLineTool</name>
    <message>
        <source>Registers this machine for automatic agent updates, as `cmk-update-agent register` does, and writes the updater&apos;s state file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server of the site (host[:port]).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the site.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of this host in the site.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https (default) or http.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automation user, or a user with a password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File holding the automation secret.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File holding the user&apos;s password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where to write the state (default %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trust the server&apos;s certificate when it does not verify, and keep it as a local certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not verify the server&apos;s certificate at all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--protocol must be https or http</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--trust-cert and --insecure exclude each other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1 (run as root, or choose another path with --state-file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server&apos;s certificate is not trusted (SHA-256 %1): %2; use --trust-cert to trust it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wrong user or secret: the site did not accept the credentials of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered %1 at site %2; state written to %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note: the host is not yet monitored; activate the pending changes on the site.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prints the agent updater&apos;s configuration: each key, its value (secrets masked) and the file it comes from. Values in the .cfg override the .state.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The .cfg file (default %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The .state file (default %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, overrides the .state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No configuration: neither %1 nor %2 has any key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note: a certificate the site sent was not kept: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: agentdesk register --server S --site I --hostname H --user U (--secret-file F | --password-file F) [options]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one of --secret-file and --password-file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give only one of --secret-file and --password-file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>site not found: %1 answered %2 for %3; check --site (the site&apos;s name, as in https://server/SITE/) and --server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: agentdesk show-config [--cfg P] [--state P]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exit codes:
  0  shown
  2  usage: an option wrong
  6  a file cannot be read or parsed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give up on a request to the site that has not finished after this many seconds (1 to %1, default %2); exit code 7.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exit codes:
  0  registered, the state file written
  2  usage: an option missing or wrong
  3  the server&apos;s certificate is not trusted (see --trust-cert)
  4  wrong user, secret or password
  5  the site refused the registration
  6  the state file cannot be read or written
  7  network: no answer, a timeout (see --timeout), or not the updater&apos;s protocol
  8  site not found: the server answers 404 for the site&apos;s pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--timeout: expected a whole number of seconds from 1 to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (agentdesk %2 --help lists the options)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConditionText</name>
    <message>
        <source>&quot;%1&quot; is not of the form group:tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot;: a list of tags ends with ]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot;: a tag in the list is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot;: two operators in a row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a label of the form key:value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot;: put and, or or not between two labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot;: a label is missing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectionEditor</name>
    <message>
        <source>Connect &amp;without verifying the certificate (insecure)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Production</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>monitoring.example.com or host:port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. mysite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automation secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Se&amp;rver:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ite:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Protocol:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Se&amp;cret:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Timeout:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificates:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verified against the system&apos;s certificate authorities.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>System CAs plus %n certificate(s) you chose to trust.</source>
        <translation>
            <numerusform>System CAs plus %n certificate you chose to trust.</numerusform>
            <numerusform>System CAs plus %n certificates you chose to trust.</numerusform>
        </translation>
    </message>
    <message>
        <source>Insecure: anyone between you and the site can read the secret and change what you see. AgentDesk shows this in the status bar while connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP sends the secret unencrypted. Use HTTPS unless the site is local.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectionManagerDialog</name>
    <message>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remo&amp;ve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name: another connection is called &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed; saved with the connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored in the keychain; type to replace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New site %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automation secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to site &quot;%1&quot;: Checkmk %2, %3 edition.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site&apos;s certificate is not trusted. Look at it and trust it if the fingerprint is the one your site administrator gives you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show certificate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server answered, but there is no Checkmk site with this name at this address. Check the site name (the OMD site, as in https://server/SITE/check_mk/).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit site name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site did not accept the user or its secret. Enter the automation secret of the user (in Checkmk: Setup › Users, the automation user&apos;s properties).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test failed: %1
%2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CreateKeyDialog</name>
    <message>
        <source>I understand the passphrase cannot be recovered or changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create signature key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Agent signing key 2025</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passphrases do not match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site signs agent packages with this key. Agents accept a package only when it is signed by a key listed in the agent updater rule. Keep the passphrase safe: nobody can recover or change it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strength:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a description for the key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passphrase needs at least %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat the passphrase exactly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose where to save a backup of the key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm that you understand the passphrase cannot be recovered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>too short</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>strong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save key backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PEM files (*.pem);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup folder %1 does not exist. Choose a folder that exists, such as %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generating and uploading the key…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DialogSubmission</name>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site did not accept the connection&apos;s user, secret or site name: edit the connection, then try again. What you typed here is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site&apos;s certificate is not trusted: look at it and trust it if its fingerprint is the one your site administrator gives you. What you typed here is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site could not be reached: try again once it is reachable. What you typed here is kept.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DistributionBar</name>
    <message>
        <source>Distribution of hosts per category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 hosts (%3 %)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EffectiveRuleValue</name>
    <message>
        <source>not set: the updater plug-in is not deployed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not set: the host must be registered by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not set: the system&apos;s trusted CAs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not set: every %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not set: the environment&apos;s proxy settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not set: the bakery&apos;s default package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not set: no key is accepted, so no agent is installed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not set</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorBanner</name>
    <message>
        <source>&amp;Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorDiagnosis</name>
    <message>
        <source>Automatic updates are switched off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site answers every update check with &quot;deployment is currently globally disabled&quot;: the master switch &quot;Activation of automatic agent updates&quot; is off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn the master switch on (Setup page) once the prerequisites are met, then activate the changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left out by the host selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The host selection of the automatic updates does not pick this host, so the site refuses to hand it an agent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the host to the host selection (use &quot;Test with this host name&quot; to see which condition leaves it out) and activate the changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No valid signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The updater installs only packages signed by one of the keys it accepts. The package it got carries no signature of such a key (or only one of an expired key).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not registered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site does not know a host secret for this host, so it cannot trust the updater&apos;s requests.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register the host: on the host run &quot;cmk-update-agent register&quot; (or use AgentDesk&apos;s Register page there).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The deploy URL does not exist (404)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The updater reached a web server, but not a Checkmk site with that name: deploy_agent.py answered 404. The server or site in the agent updater rule is wrong, or the site was renamed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS certificate not trusted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The updater could not verify the site&apos;s HTTPS certificate against the CAs it knows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>/tmp is mounted noexec</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The packaged updater unpacks itself to a temporary directory and runs from there; on this host that directory is mounted with noexec.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set TMPDIR to an executable directory in the &quot;Installation paths for agent files (Linux, UNIX)&quot; rule, or use the Python script edition of the updater.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Damaged by prelink</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>prelink rewrote the packaged updater binary, which then cannot read its own archive (&quot;Cannot open self&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a blacklist entry for the updater binary to /etc/prelink.conf (e.g. &quot;-b /usr/bin/cmk-update-agent&quot;) and reinstall the agent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rpm refused under SELinux</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rpm works when run by hand but fails when the updater runs it as an agent plug-in: SELinux confines the plug-in&apos;s context.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allow the updater&apos;s context to run rpm with a local SELinux policy module (audit2allow on the logged denials), or run the updater from cron instead of as a plug-in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unrecognised error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AgentDesk does not know this error. The updater reported:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run &quot;cmk-update-agent -v&quot; on the host to see the whole output.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign the agents with a key of the rule&apos;s &quot;Accepted signature keys&quot; (Setup page, Edit rule; in Checkmk &quot;Signature keys the agent will accept&quot;), or tick the signing key there; bake and sign again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct &quot;Update server&quot; and its site in the agent updater rule (Setup page, Edit rule), bake and sign, and let the host update once by hand (cmk-update-agent -v).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the root CA of the site&apos;s certificate to the rule&apos;s &quot;CA certificates&quot; (Setup page, Edit rule; in Checkmk &quot;Certificates for HTTPS verification&quot;), not the site&apos;s own leaf certificate. Bake and sign again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <source>Saved to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GuiCommandLine</name>
    <message>
        <source>agentdesk: no display (DISPLAY and WAYLAND_DISPLAY are not set), so the window cannot open; run it under Xvfb (xvfb-run agentdesk --demo), or use what needs none: agentdesk --help, --version, register, show-config.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A console for the automatic agent updates of Checkmk sites.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the embedded demo site and connect to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of hosts of the demo site (default 2000).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to the saved connection NAME.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>agentdesk: %1 (agentdesk --help lists the options)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: agentdesk [--demo [--demo-hosts N] | --connection NAME]
       agentdesk register --server S --site I --hostname H --user U (--secret-file F | --password-file F) [options]
       agentdesk show-config [--cfg P] [--state P]
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
Commands (they need no display; see agentdesk COMMAND --help):
  register     Register this machine for automatic agent updates,
               as cmk-update-agent register does.
  show-config  Print the agent updater&apos;s configuration.

The window needs a display (X11 or Wayland); without one, run it
under Xvfb: xvfb-run agentdesk --demo
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>agentdesk: unknown command &quot;%1&quot; (the commands are register and show-config)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>agentdesk: --demo-hosts: expected a whole number from 0 to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>agentdesk: --demo and --connection exclude each other</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HostDetailPane</name>
    <message>
        <source>Host details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a host to see its details and the diagnosis of its update status.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No update check yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stale: older than twice the interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a check is due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last check %1, interval %2: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to do:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent hash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Installed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In host selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find target agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site names no target agent for this host. Compare the package the site baked for it with the packages of the site&apos;s agents to find which agent it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The selected host: its update state, what its updater last reported, and the diagnosis: what the error means and what to do, in the rule editor&apos;s field names. The cases the diagnosis recognises:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HostInventoryReader</name>
    <message>
        <source>The host list is not valid JSON: %1 (host entry %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>host_config entry %1 has no &quot;id&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>host_config collection: expected an array &quot;value&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HostSecret</name>
    <message>
        <source>host_secret: expected only the letters A-Z, a-z and digits; byte %1 is not ASCII.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>host_secret: expected only the letters A-Z, a-z and digits; character %1 is not one of them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>host_secret: expected %1 characters, got %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HostSelectionEvaluator</name>
    <message>
        <source>(no tag in this group)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no label %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(the site does not report host groups: cannot be evaluated locally)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explicit hosts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excluded hosts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HostSelectionPage</name>
    <message>
        <source>Hosts that get automatic agent updates. All conditions must hold; an empty selection means all hosts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Revert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard the edits and go back to the saved selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetch the selection, hosts and tags from the site again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The edited selection selects none of the %1 hosts: no host would get automatic updates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The edited selection drops %1 of the %2 hosts selected now (%3 %): they would stop getting automatic updates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dropped, among others: %1 and %2 more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dropped: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save this selection?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the host selection?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writes the edited selection to the site&apos;s global setting &quot;Selection of hosts to activate agent updates for&quot;. It takes effect after Activate changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discards the edits and goes back to the selection as last read from the site.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reads the selection, the hosts and the tag groups from the site again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeysController</name>
    <message>
        <source>Generating a %1-bit RSA key… this takes a few seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key generation cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key could not be generated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup could not be written, so the key was not uploaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uploading the key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key uploaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading the key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key could not be saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key saved to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Remove the key from &quot;Signature keys the agent will accept&quot; in the agent updater rule, sign the agents with another key and activate the changes first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup folder %1 does not exist; choose one that does.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key could not be generated: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup could not be written to %1 (%2), so the key was not uploaded. Choose another backup file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passphrase does not open this key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key could not be saved to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key was not uploaded</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeysPage</name>
    <message>
        <source>Create key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This site has no signature keys yet.

Agents only install updates signed with a key they know. Create a key, or upload one you already have.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This key is still used by the agent updater rule.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PEM files (*.pem);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site hands out the key &quot;%1&quot; only with its passphrase. The file holds the encrypted private key and the certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete signature key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the key &quot;%1&quot;? Agents signed only with this key can no longer be updated, and the key cannot be restored without a backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key downloaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file holds the encrypted private key and its certificate; keep it like the passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This site does not offer its signature keys through an interface AgentDesk can use: a stock Checkmk site manages them in its web GUI only.

Create, upload, download and delete keys on the site&apos;s page &quot;Signature keys for signing agents&quot;. Signing and baking work from the Agents page with a key&apos;s number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open the site&apos;s signature keys page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creates a signature key on the site: an RSA key pair protected by a passphrase of at least 12 characters, asked for at every signing. The passphrase cannot be changed or recovered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uploads a key pair you already have (PEM certificate and encrypted private key) with its passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deletes the selected key on the site, after asking. A key still accepted by an agent updater rule cannot be deleted: remove it from the rule first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shows the selected key&apos;s certificate: subject, validity, SHA-256 fingerprint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reads the keys from the site again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site&apos;s signature keys: number, title, fingerprint, creation date and whether an agent updater rule accepts it. Replace a key by adding the new one to the rule&apos;s accepted keys before the old one is removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stops the key job that is running (key generation or the request to the site).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opens the site&apos;s page &quot;Signature keys for signing agents&quot; in the web browser.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saves the selected key pair as the site hands it out: the certificate and the private key, encrypted with the key&apos;s passphrase, which is asked first. Keep the file as safe as the key itself; it is what you import on another site.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected key (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LocalConfigPage</name>
    <message>
        <source>Reveal &amp;secrets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configuration (.cfg):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updater configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State (.state):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updater state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Local agent updater configuration&lt;/b&gt;&lt;br&gt;What cmk-update-agent on this machine uses: values in the .cfg override those in the .state.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: not usable (see above).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %n key(s).</source>
        <translation>
            <numerusform>%1: %n key.</numerusform>
            <numerusform>%1: %n keys.</numerusform>
        </translation>
    </message>
    <message>
        <source>The updater&apos;s configuration file from the bakery (cmk-update-agent.cfg, usually in /etc/check_mk). Its values win over those of the state file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The state file the registration writes (cmk-update-agent.state, usually /etc/cmk-update-agent.state): host name, host secret, trusted certificates, last check.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shows the secrets (host secret, proxy password) in plain text; masked otherwise.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What cmk-update-agent show-config shows: each key, its value, and the file it comes from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reads both files again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>AgentDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site connection (Ctrl+Shift+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Site: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connections…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add, edit and test site connections (Ctrl+Shift+C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload the current page from the site (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to the embedded demo site: nothing here touches a real site.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site &amp;connections…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose &amp;site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to &amp;page list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About AgentDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About AgentDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;AgentDesk %1&lt;/b&gt;&lt;p&gt;A console for the automatic agent updates of Checkmk sites.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No connection yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site %1 · Checkmk %2 %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site&apos;s certificate was verified against the trusted certificate authorities.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS: certificate trusted by you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site&apos;s certificate is one you chose to trust for this connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insecure: certificate not verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verification is switched off for this connection. Anyone on the network path could pose as the site.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unencrypted HTTP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secret and all data travel unencrypted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help on this page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What&apos;s &amp;This?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Move hosts to a new site…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MigrationAssistant</name>
    <message>
        <source>waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dry run: nothing changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to be done by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move hosts to a new site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Old site and new site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hosts move from the old site to the new one, as the manual&apos;s section on moving to a new site describes. Nothing changes on the old site before the new one is verified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dry run: read both sites and show what would happen, change nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Old site (moving from):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New s&amp;ite (moving to):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a connection for each site first (File › Site connections).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New site: choose a connection other than the old site&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What will happen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both sites have been read; this is everything the assistant will do, step by step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading both sites…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase of the signature keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The accepted keys are exported from the old site and imported on the new site with their passphrase, and the agents are signed with it on both sites. It is used for this run only and never stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Report &gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The old site: what changes there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-&amp;point and bake the old site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DRY RUN: nothing will be changed on either site.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CANNOT CONTINUE: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Old site: %1 (%2 on %3). New site: %4 (%5 on %6).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The migration cannot go on; see the reasons below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dry run: every step says what it would do; neither site is changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps 2 to 4 run on the new site, which is then verified. The old site changes only when you ask below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not verified: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A dry run changes nothing on the old site.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DRY RUN: neither site was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped: changed on the site meanwhile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-plan on &amp;their version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Leave the old site as it is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-&amp;point the old site&apos;s rules</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MigrationController</name>
    <message>
        <source>The connection &quot;%1&quot; no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not connect to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1 and %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading hosts, rules, keys, registrations and agents of both sites…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The old site could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new site could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Would: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site offers no interface for registrations. As the new site&apos;s user, copy them by hand:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No registration to copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Reading %n registration(s) from the old site…</source>
        <translation>
            <numerusform>Reading %n registration from the old site…</numerusform>
            <numerusform>Reading %n registrations from the old site…</numerusform>
        </translation>
    </message>
    <message>
        <source>The registrations could not be read from the old site: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Writing %n registration(s) to the new site…</source>
        <translation>
            <numerusform>Writing %n registration to the new site…</numerusform>
            <numerusform>Writing %n registrations to the new site…</numerusform>
        </translation>
    </message>
    <message>
        <source>The new site did not take the registrations: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Copied %n registration(s) to the new site.</source>
        <translation>
            <numerusform>Copied %n registration to the new site.</numerusform>
            <numerusform>Copied %n registrations to the new site.</numerusform>
        </translation>
    </message>
    <message>
        <source>The new site&apos;s keys could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new site has no key %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new site has every accepted key already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting key &quot;%1&quot; from the old site…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the passphrase does not open it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key &quot;%1&quot; could not be exported from the old site: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The old site&apos;s export of key &quot;%1&quot; holds no private key and certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing key &quot;%1&quot; on the new site…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key &quot;%1&quot; could not be imported on the new site: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied key &quot;%1&quot; (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key &quot;%1&quot; is on the new site already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new site has the agent updater rules already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the agent updater rule…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rule could not be created on the new site: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created rule %1 in folder %2 on the new site.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Baking and signing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passphrase does not open the signing key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Baking and signing could not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The baking job&apos;s status could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The baking job failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Baked and signed the agents.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the new site again to verify it…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new site could not be read again: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verified: the new site holds the keys, the rule, the registrations and agents signed with key %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The old site&apos;s hosts get agents that ask the new site from their next update on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-pointing the old site&apos;s rules…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule %1 of the old site could not be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule %1 of the old site could not be changed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule %1 of the old site now points at %2 / %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped by the user. What was written before stays; a baking job that had started runs to its end on the site.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n registered host(s) stayed behind, not in the new site&apos;s setup: %1</source>
        <translation>
            <numerusform>%n registered host stayed behind, not in the new site&apos;s setup: %1</numerusform>
            <numerusform>%n registered hosts stayed behind, not in the new site&apos;s setup: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>By hand: bake and sign the agents in the new site&apos;s GUI with the imported key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verified: the new site holds the rule. Its keys and signed agents cannot be read: check in its GUI that the keys are imported and the agents baked and signed before you re-point the old site.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By hand: bake and sign the agents in the old site&apos;s GUI, so that every host gets an agent that asks the new site.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped: %1 (id %2) of the old site was changed by another client after the plan was made; the site refused the write (412 Precondition Failed). Nothing was written to it, the old site&apos;s agents were not baked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped: %1 was changed on the old site meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The old site&apos;s %1 was changed by another client after the plan was made, so nothing was written to it. Re-plan step 5 on the version now on the site (only its update server is changed, everything else stays as the other client left it; you see the change before anything is written), or leave the old site as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading rule %1 of the old site again…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule %1 of the old site could not be read again: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-planned on the version now on the site: %1, update server %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The old site was left as it is: rule %1 keeps the other client&apos;s version, no further rule was re-pointed and no agent baked there. Its hosts still ask the old site; re-point its rules by hand or run the assistant again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MigrationPlan</name>
    <message>
        <source>1. Hosts on both sites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2. Copy the registrations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3. Copy the accepted signature keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>4. Agent updater rule, bake and sign on the new site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>5. Re-point the old site and bake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The old and the new site are the same site (%1 on %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No host of the old site exists on the new site under the same name. Add the hosts to the new site first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One of the sites offers no interface for its registrations (a stock site keeps them in ~/var/check_mk/agent_deployment): step 2 is done by hand, with the command the assistant shows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No agent updater rule of the old site accepts a signature key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A certificate the old rule accepts has no key on the old site; it cannot be exported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The old site has no agent updater rule to move.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No agent updater rule of the old site names an update server; there is nothing to point at the new site.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n host(s) exist on both sites under the same name.</source>
        <translation>
            <numerusform>%n host exists on both sites under the same name.</numerusform>
            <numerusform>%n hosts exist on both sites under the same name.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n host(s) of the old site are missing on the new site: %1</source>
        <translation>
            <numerusform>%n host of the old site is missing on the new site: %1</numerusform>
            <numerusform>%n hosts of the old site are missing on the new site: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Copy ~/var/check_mk/agent_deployment from the old site to the new site by hand (this site offers no interface for it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Copy %n registration(s) (host secrets included) from %1 to %2.</source>
        <translation>
            <numerusform>Copy %n registration (host secret included) from %1 to %2.</numerusform>
            <numerusform>Copy %n registrations (host secrets included) from %1 to %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n registered host(s) stay behind: they are not in the new site&apos;s setup.</source>
        <translation>
            <numerusform>%n registered host stays behind: it is not in the new site&apos;s setup.</numerusform>
            <numerusform>%n registered hosts stay behind: they are not in the new site&apos;s setup.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export key &quot;%1&quot; (%2) from the old site and import it on the new site.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new site has every accepted key already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create %1 on the new site with update server %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new site has the agent updater rules already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bake and sign the agents on the new site with key %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the new site again and verify keys, rules, registrations and signed agents.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change %1 on the old site: update server %2 → %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bake and sign the agents on the old site with key %1, so that every host gets an agent that asks the new site.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new site has no key %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n registration(s) are missing on the new site: %1</source>
        <translation>
            <numerusform>%n registration is missing on the new site: %1</numerusform>
            <numerusform>%n registrations are missing on the new site: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>The new site has no agent updater rule that names it as the update server and accepts the copied keys.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new site has no baked agents.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not every agent of the new site is signed with key %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no update server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rule %1 in folder %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rule &quot;%1&quot; in folder %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new site&apos;s master switch (automatic agent updates) is off: its hosts get no update from it until it is switched on there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One of the sites offers no interface for signature keys (a stock site manages them in its web GUI only): step 3 and the baking and signing in steps 4 and 5 are done by hand in the sites&apos; GUIs; the assistant creates and re-points the rules and asks for no passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>By hand: in the old site&apos;s GUI (Setup › Agents › Signature keys) export the key(s) of the %n certificate(s) the old rules accept, and import them in the new site&apos;s GUI with the same passphrase (a site here offers no interface for signature keys).</source>
        <translation>
            <numerusform>By hand: in the old site&apos;s GUI (Setup › Agents › Signature keys) export the key of the %n certificate the old rules accept, and import it in the new site&apos;s GUI with the same passphrase (a site here offers no interface for signature keys).</numerusform>
            <numerusform>By hand: in the old site&apos;s GUI (Setup › Agents › Signature keys) export the keys of the %n certificates the old rules accept, and import them in the new site&apos;s GUI with the same passphrase (a site here offers no interface for signature keys).</numerusform>
        </translation>
    </message>
    <message>
        <source>By hand: bake and sign the agents in the new site&apos;s GUI with the imported key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the new site again and verify its rules and registrations (its keys and signatures cannot be read: check them in its GUI).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By hand: bake and sign the agents in the old site&apos;s GUI, so that every host gets an agent that asks the new site.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PageHelp</name>
    <message>
        <source>Help: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Setup: the prerequisites of automatic agent updates&lt;/h3&gt;&lt;p&gt;Automatic updates work only when all five prerequisites are met, in this order (Checkmk: &lt;i&gt;Setup › Agents › Automatic updates&lt;/i&gt;):&lt;/p&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;Signature key&lt;/b&gt;: a key pair to sign agents with. Its passphrase is asked at every signing and cannot be recovered.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Agent updater rule&lt;/b&gt; (&lt;i&gt;Agent updater (Linux, Windows, Solaris)&lt;/i&gt;): deploys the update plug-in and tells it the update server and the signature keys it accepts.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Signed agents&lt;/b&gt;: the agents baked after the last rule change, signed with a key the rule accepts.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Registered host&lt;/b&gt;: at least one host registered with &lt;tt&gt;cmk-update-agent register&lt;/tt&gt; (or the &lt;i&gt;Register machine&lt;/i&gt; page).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Master switch&lt;/b&gt;: &lt;i&gt;Activation of automatic agent updates&lt;/i&gt;. Off, no host gets an update while all settings are kept.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;&lt;b&gt;Rule parameters&lt;/b&gt; (first rule per parameter wins): &lt;i&gt;Deploy the agent updater plug-in&lt;/i&gt; (activation); &lt;i&gt;Update server&lt;/i&gt; with site and protocol (https recommended); &lt;i&gt;Use the server&lt;/i&gt; for registration only or always (in distributed monitoring a host otherwise gets its update server from the site that monitors it); &lt;i&gt;CA certificates&lt;/i&gt; for the https check (once any are given, the updater ignores all other authorities); &lt;i&gt;Check interval&lt;/i&gt; (default one hour; less than 10 minutes loads the network needlessly); &lt;i&gt;Proxy&lt;/i&gt; (none, from the environment, or explicit); &lt;i&gt;Package format&lt;/i&gt; (packaged binary for 64-bit Linux with glibc 2.17 or newer, else the Python script); &lt;i&gt;Accepted signature keys&lt;/i&gt; (keep the old key while replacing it).&lt;/p&gt;&lt;p&gt;Changes to rules take effect only after &lt;b&gt;Activate changes&lt;/b&gt; and a new bake.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Update status&lt;/h3&gt;&lt;p&gt;Every host with the state of its agent updater, in categories decided in this order (the first that applies):&lt;/p&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;Globally disabled&lt;/b&gt;: the master switch is off.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Left out by selection&lt;/b&gt;: the host selection does not include the host.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Not registered&lt;/b&gt;: the site has no host secret for the host; run &lt;tt&gt;cmk-update-agent register&lt;/tt&gt; on it.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Never contacted&lt;/b&gt;: registered, but the updater has not called yet; check that the agent with the plug-in is installed.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Failing&lt;/b&gt;: the last update check reported an error; the diagnosis names it and what to do.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Stale&lt;/b&gt;: the last check is older than twice the interval.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Up to date&lt;/b&gt;: the installed agent is the target.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Update pending&lt;/b&gt;: the target is downloaded, not installed yet.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Outdated&lt;/b&gt;: the target differs and was not downloaded.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;Click a count to filter the table; Ctrl+F searches; F5 refreshes; Ctrl+C copies the selected rows; right-click the header to choose columns. &lt;b&gt;Troubleshooting&lt;/b&gt;: on the host, &lt;tt&gt;cmk-update-agent -v&lt;/tt&gt; shows the update run and &lt;tt&gt;cmk-update-agent show-config&lt;/tt&gt; the configuration; the log is in &lt;tt&gt;/var/lib/check_mk_agent/log/cmk-update-agent/cmk-update-agent.log&lt;/tt&gt;.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Host selection&lt;/h3&gt;&lt;p&gt;&lt;i&gt;Selection of hosts to activate agent updates for&lt;/i&gt; (a global setting): only hosts that meet &lt;b&gt;all&lt;/b&gt; conditions get updates (logical AND). No condition means every host. Conditions: sites, folders (with their subfolders), host tags, host labels, host groups, explicit host names, and excluded hosts.&lt;/p&gt;&lt;p&gt;Use it to try a new agent on a few hosts first. &lt;i&gt;Test with this host name&lt;/i&gt; shows each condition with the host&apos;s own value. A left-out host reports &quot;agent updates are disabled for host …&quot;.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Signature keys&lt;/h3&gt;&lt;p&gt;Agents are signed so that an updater installs only packages from your site. Each key is an RSA key pair protected by a passphrase of at least 12 characters, asked for at every signing; it cannot be changed or recovered.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Replacing a key&lt;/b&gt;: create the new key, add it to the rule&apos;s accepted keys, bake and sign with the &lt;i&gt;old&lt;/i&gt; key, wait until all hosts have the new package, then remove the old key from the rule, sign with the new one and delete the old key. A key still used by a rule cannot be deleted. If all accepted keys have expired, run &lt;tt&gt;cmk-update-agent --skip-signatures&lt;/tt&gt; once on each host.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Agents and baking&lt;/h3&gt;&lt;p&gt;Rule changes reach the hosts only in newly baked packages. &lt;b&gt;Bake and sign&lt;/b&gt; builds the packages and signs them with a key (its passphrase is asked); &lt;b&gt;Sign&lt;/b&gt; signs existing packages. An updater accepts a package signed with any key it knows. &lt;b&gt;Verify&lt;/b&gt; downloads a package and checks its signatures here.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Register machine&lt;/h3&gt;&lt;p&gt;Registration creates the trust between this host and the site: both agree on a &lt;i&gt;host secret&lt;/i&gt;, with which the updater later fetches its own agent without a password. You need a user with the permission to register hosts and enable agent updates (for example &lt;tt&gt;agent_registration&lt;/tt&gt;, or an automation user with its automation secret), and the host&apos;s name as it is known in the monitoring.&lt;/p&gt;&lt;p&gt;The result is written to the updater&apos;s state file with mode 0600; when this program cannot write &lt;tt&gt;/etc/cmk-update-agent.state&lt;/tt&gt;, it writes elsewhere and tells you how to move the file into place.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Local updater config&lt;/h3&gt;&lt;p&gt;What &lt;tt&gt;cmk-update-agent show-config&lt;/tt&gt; shows: the configuration file from the bakery (&lt;tt&gt;cmk-update-agent.cfg&lt;/tt&gt;) over the state file written by the registration (&lt;tt&gt;cmk-update-agent.state&lt;/tt&gt;). A value in the .cfg wins over the same value in the .state. Secrets stay masked until you reveal them.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Site overview&lt;/h3&gt;&lt;p&gt;The site this connection talks to: its Checkmk version and edition, the REST API address, and the size of its configuration. For the embedded demo it also shows the demo&apos;s users and secrets.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Sites&lt;/h3&gt;&lt;p&gt;In distributed monitoring a central site holds the configuration and bakes the agents; remote sites monitor their hosts and pass the updaters&apos; requests on to the central site. This page lists every site the connected site knows (its connection state, URL and version; a remote site&apos;s version is read through a saved connection to that site).&lt;/p&gt;&lt;p&gt;The settings table shows the connection to the central agent bakery and the URL at which hosts reach each site, globally and per site. A site with a value of its own has a &lt;i&gt;site-specific&lt;/i&gt; global setting; &lt;i&gt;Use the global value&lt;/i&gt; removes it. These settings&apos; names are not published by Checkmk: AgentDesk uses extension names for them.&lt;/p&gt;&lt;p&gt;Tick sites in the &lt;i&gt;Activate&lt;/i&gt; column to activate the pending changes on those sites only.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Register machine: the site&lt;/h3&gt;&lt;p&gt;The &lt;b&gt;update server&lt;/b&gt; (&lt;tt&gt;-s&lt;/tt&gt;) is the Checkmk server the updater asks for its agent: its DNS name or IP address as this host reaches it. The &lt;b&gt;site&lt;/b&gt; (&lt;tt&gt;-i&lt;/tt&gt;) is the name of the OMD site on it, as in &lt;tt&gt;https://server/SITE/check_mk/&lt;/tt&gt;, and the &lt;b&gt;protocol&lt;/b&gt; (&lt;tt&gt;-p&lt;/tt&gt;) https or http. When the agent updater rule sets an update server, the page suggests it.&lt;/p&gt;&lt;p&gt;With https the updater must trust the server&apos;s certificate: &lt;i&gt;Check connection&lt;/i&gt; shows it with its SHA-256 fingerprint. Trust it only when the fingerprint is the one your site administrator gives you; it is kept in the state file for the updates. A certificate this program already trusts for its connection to the site is not asked for again. &lt;tt&gt;--insecure&lt;/tt&gt; skips the check and is meant for tests only.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Register machine: the host&lt;/h3&gt;&lt;p&gt;The &lt;b&gt;host name&lt;/b&gt; (&lt;tt&gt;-H&lt;/tt&gt;) of this machine exactly as it is known in the monitoring (Setup › Hosts). The site registers only a host it knows; an agent for it is baked only when an agent updater rule with the updater activated applies to it.&lt;/p&gt;&lt;p&gt;The page asks the site whether the host exists and which update server the rule effective for it names. In distributed monitoring the host gets its updates from the site that monitors it.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Register machine: credentials&lt;/h3&gt;&lt;p&gt;Registration needs a user of the site (&lt;tt&gt;-U&lt;/tt&gt;) with the permission to register hosts, for example one with the role &lt;i&gt;Agent registration user&lt;/i&gt; (&lt;tt&gt;agent_registration&lt;/tt&gt;), and its password (&lt;tt&gt;-P&lt;/tt&gt;), or an automation user and its &lt;b&gt;automation secret&lt;/b&gt;. They are used for this registration only and are not written to the state file: afterwards the updater proves itself with the &lt;i&gt;host secret&lt;/i&gt; the registration agrees on.&lt;/p&gt;&lt;p&gt;&lt;i&gt;Use the secret stored for …&lt;/i&gt; takes the secret of the saved connection from the system keychain.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Register machine: summary&lt;/h3&gt;&lt;p&gt;What &lt;tt&gt;cmk-update-agent register&lt;/tt&gt; will do with the answers so far, and the &lt;b&gt;state file&lt;/b&gt; it writes (mode 0600): by default &lt;tt&gt;/etc/cmk-update-agent.state&lt;/tt&gt;, which needs root. When this program cannot write there, choose a file you can write; the result page then says how to move it into place.&lt;/p&gt;&lt;p&gt;A refused registration says what to fix and offers to go back to the page with the wrong input (the credentials, the site, or the certificate).&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Register machine: registered&lt;/h3&gt;&lt;p&gt;The site and this host now share the &lt;b&gt;host secret&lt;/b&gt;, written to the state file. From now on the updater fetches the agent baked for this host without a password, at the check interval of the agent updater rule; run &lt;tt&gt;cmk-update-agent -v&lt;/tt&gt; once to update at once.&lt;/p&gt;&lt;p&gt;When the state file was written elsewhere, move it into place with the commands shown. The host then appears on the &lt;i&gt;Update status&lt;/i&gt; page once the updater has called the site.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Key passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the site…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Prerequisites</name>
    <message>
        <source>A signature key exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site&apos;s signature keys could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No signature key yet: create one, then sign the agents with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n signature key(s) on the site.</source>
        <translation>
            <numerusform>%n signature key on the site.</numerusform>
            <numerusform>%n signature keys on the site.</numerusform>
        </translation>
    </message>
    <message>
        <source>The agent updater rule deploys the updater with an existing key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rules of &quot;Agent updater&quot; could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no rule in &quot;Agent updater (Linux, Windows, Solaris)&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No enabled rule deploys the agent updater plug-in (&quot;activated&quot; is off).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rule accepts no signature key: the updater would refuse every agent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rule accepts only keys that no longer exist on the site.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rule lists keys, but the site&apos;s keys could not be read to check them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Enabled, with update server %1 and %n accepted key(s).</source>
        <translation>
            <numerusform>Enabled, with update server %1 and %n accepted key.</numerusform>
            <numerusform>Enabled, with update server %1 and %n accepted keys.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Enabled with %n accepted key(s); no update server, so hosts are registered by hand.</source>
        <translation>
            <numerusform>Enabled with %n accepted key; no update server, so hosts are registered by hand.</numerusform>
            <numerusform>Enabled with %n accepted keys; no update server, so hosts are registered by hand.</numerusform>
        </translation>
    </message>
    <message>
        <source>Agents are baked and signed with an accepted key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The baked agents could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No agents are baked yet: bake and sign them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rule accepts no existing key, so no signature can count.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n agent configuration(s) carry no signature of an accepted key: sign them.</source>
        <translation>
            <numerusform>%n agent configuration carries no signature of an accepted key: sign it.</numerusform>
            <numerusform>%n agent configurations carry no signature of an accepted key: sign them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>All %n agent configuration(s) are signed with an accepted key.</source>
        <translation>
            <numerusform>The %n agent configuration is signed with an accepted key.</numerusform>
            <numerusform>All %n agent configurations are signed with an accepted key.</numerusform>
        </translation>
    </message>
    <message>
        <source>At least one host is registered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The update status could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No host is registered yet: register one (Register this machine, or cmk-update-agent register).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n host(s) registered.</source>
        <translation>
            <numerusform>%n host registered.</numerusform>
            <numerusform>%n hosts registered.</numerusform>
        </translation>
    </message>
    <message>
        <source>The master switch is on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The global setting could not be read (older sites do not offer it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;Activation of automatic agent updates&quot; is off: no host gets updates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic agent updates are on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site&apos;s signature keys could not be read, so the agents&apos; signatures cannot be checked here; the site&apos;s Agents page shows them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked by AgentDesk: the site&apos;s automatic-deployment status could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked by AgentDesk: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked by AgentDesk: the site&apos;s automatic-deployment status does not report this item.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reported by the site (automatic-deployment status).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site reports this as met, but AgentDesk found the problem above in what it read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site has a signature key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site has no signature key yet: create one, then sign the agents with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An enabled &quot;Agent updater&quot; rule deploys the updater.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No enabled &quot;Agent updater&quot; rule deploys the updater.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site&apos;s baked agents are signed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site has no baked agents yet: bake and sign them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some of the site&apos;s baked agents are not signed: sign them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic agent updates are on; switched off, which takes effect once the changes are activated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic agent updates are off; switched on, which takes effect once the changes are activated.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PythonLiteral</name>
    <message>
        <source>line %1, column %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected the end of the text after the value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nesting is too deep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a value, found the end of the text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bytes literals are not supported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a value (dict, list, tuple, string, number, True, False or None), found the name &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a value, found &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a string as dict key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected &apos;:&apos; after a dict key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected &apos;,&apos; or &apos;}&apos; after a dict value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected &apos;,&apos; or &apos;)&apos; in a tuple</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected &apos;,&apos; or &apos;]&apos; in a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unterminated string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unterminated string: line break inside a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected %1 hex digits after \%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown escape sequence &apos;\%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected digits in the exponent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected &apos;%1&apos; after a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>integer out of range (64 bit)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Signature keys…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent updater rule…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agents and baking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register a machine…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The updater never called</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The host is registered, but its updater has not contacted the site since.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check that the agent with the updater plug-in is installed and that the plug-in runs (cmk-update-agent -v on the host).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No recent update check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The updater has not checked for more than twice its interval: the host may be down, or the agent no longer runs the plug-in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the host and its agent; run cmk-update-agent -v there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update under way</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The target agent was downloaded and will be installed at the next run of the updater.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to do; wait for the next check.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update not fetched yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site offers a newer agent that the host has not downloaded yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to do unless it stays so for long; the next check fetches it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The host runs the agent the site wants it to run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service list is not readable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected an object with a &quot;value&quot; list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site&apos;s reply has an unexpected shape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>activation_run: expected an &quot;id&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pending changes: expected an array &quot;value&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>agent_deployment_enabled: expected true or false.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>agent_deployment_host_selection: expected a dictionary.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>site_connection: an entry without a site id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>site_connection: expected an array &quot;value&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: expected a dictionary.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RegistrationClient</name>
    <message>
        <source>Wrong user or password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site did not accept the login of “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong user or secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site did not accept the credentials.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site&apos;s answer is not the updater&apos;s protocol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP %1, %2 bytes of %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site refused the registration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>result_code %1 without a reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site sent an unusable host secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an entry that is not a PEM text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a certificate; dropped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sent over a connection that was not verified, so nothing shows it came from the site; not kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not valid now (%1 to %2); not kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a CA that issued none of the certificates the server presented; not kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>neither the server&apos;s certificate nor a CA certificate; not kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server&apos;s certificate cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the certificate expired on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the certificate is not valid before %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the certificate does not name %1 (it is for %2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RegistrationController</name>
    <message>
        <source>Host %1 exists in the setup of site %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host %1 does not exist in the setup of site %2: the site will refuse the registration. Add the host first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site did not accept these credentials for its REST API (%1); the registration will probably fail too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not check whether host %1 exists: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The state file cannot be used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a path in a folder you may write to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong user or secret.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site refused the registration.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The registration failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The state file was not written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site registered the host, but its secret could not be saved. Choose another path and register again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no saved connection “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site %1 is a remote site: it forwards the registration to its central site, where the hosts are configured; the central site decides whether host %2 exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered, but has no Checkmk site named &quot;%2&quot;. Check the site name (the OMD site, as in https://server/SITE/check_mk/).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site&apos;s certificate is not trusted. Look at it on the first page and decide whether to trust it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RegistrationCredentialsPage</name>
    <message>
        <source>&amp;Automation user and its secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User and &amp;password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A user of the site who may register hosts. The secret is used for this registration only and is not written anywhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the secret from the keychain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Secret:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the secret &amp;stored for “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secret stored for “%1” is filled in (hidden).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No secret could be read for “%1”: %2. Type the secret.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An automation user (Setup › Users) and its automation secret, for example the user agent_registration.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A user of the site and its password; the user needs the permission to register hosts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user (-U) with the permission to register hosts and enable agent updates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The automation secret or password of the user. Used for this registration only, never written anywhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uses the secret stored in the keychain for the saved connection with this server, site and user.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RegistrationHostPage</name>
    <message>
        <source>Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name of this machine as a host in the site&apos;s setup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The host must exist in the site&apos;s setup. Whether it does is checked with your credentials before registering.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Host name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A host name may contain only letters, digits, &apos;-&apos;, &apos;_&apos; and &apos;.&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The host name (-H) of this machine as it is known in the site&apos;s setup; the host must exist there. It also decides which agent updater rule, and so which update server, applies.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RegistrationRequest</name>
    <message>
        <source>Enter the site&apos;s server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the site&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The host name may contain only letters, digits, &apos;-&apos;, &apos;_&apos; and &apos;.&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the user.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RegistrationResultPage</name>
    <message>
        <source>Registered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host %1 is registered for automatic agent updates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host secret: &lt;tt&gt;%1&lt;/tt&gt; (%2 characters, as expected; kept only in the state file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update URL: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State file written to &lt;tt&gt;%1&lt;/tt&gt; (mode 0600).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The updater reads /etc/cmk-update-agent.state: move the file there as root:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site&apos;s certificates below are stored as local certificates of the updater.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ The host is not yet monitored: it is not in the site&apos;s activated configuration. Activate the pending changes on the site; until then the updater gets no agent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n certificate(s) the site sent were not kept:</source>
        <translation>
            <numerusform>%n certificate the site sent was not kept:</numerusform>
            <numerusform>%n certificates the site sent were not kept:</numerusform>
        </translation>
    </message>
    <message>
        <source>Updates are served by site &lt;b&gt;%1&lt;/b&gt; on %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The commands that move the state file into place, when it could not be written to /etc directly. Run them as root.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RegistrationServerPage</name>
    <message>
        <source>Check connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trust this certificate (kept as a local certificate, like --trust-cert)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect without verification (--insecure)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Checkmk site this machine gets its agent updates from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>monitoring.example.com or host:port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mysite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Without verification anybody between this machine and the site can pretend to be the site, read the credentials and hand out their own agents. Use it only to try things out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ite:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Protocol:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ This is the certificate you already trust for the connection “%1”; it is kept as a local certificate, like --trust-cert.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plain HTTP: there is no certificate to check, and the credentials cross the network unencrypted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not connect: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ The certificate is trusted: the chain below verified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✘ The certificate is NOT trusted: %1
Compare the fingerprint with the one your site administrator gives you before trusting it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site of the set-&amp;up:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill in the address of one of the sites of the connected set-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a site…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (remote site, %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (central site, %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The update server (-s): the host name or address of the Checkmk server, with :port when not the default. Pre-filled from the agent updater rule effective for this host, else from the active connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site (-i): the name of the OMD site, as in https://server/SITE/check_mk/.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The protocol (-p): https is recommended; with http the host secret travels unencrypted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connects to the server and shows its certificate, so that you can decide whether to trust it before any secret is sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trusts this certificate for the registration and keeps it in the state file as a local certificate, as --trust-cert does. Compare the SHA-256 fingerprint with the one your site administrator gives you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registers without verifying the certificate (--insecure): anyone on the network path could pose as the site.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In distributed monitoring a host can register at any site of the set-up it can reach; a remote site forwards the registration to the central site. Choosing a site fills in its address. The updates are served by the site that monitors the host; the server given here is the fallback.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ This is the certificate you trusted for site %1 on the Sites page (connection “%2”); it is kept as a local certificate, like --trust-cert.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RegistrationSummaryPage</name>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check what will be sent, then register.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same registration with the agent updater; it asks for the secret itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command line:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the state file to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>plain HTTP (no encryption)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the certificate you chose to trust</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NO verification (insecure)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verified certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register host &lt;b&gt;%1&lt;/b&gt; at site &lt;b&gt;%2&lt;/b&gt; on &lt;b&gt;%3&lt;/b&gt; as user &lt;b&gt;%4&lt;/b&gt; (%5), connecting with %6.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>automation secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose where the state file is written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking whether the host exists in the site…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agent updater reads its state from this file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agent updater reads /etc/cmk-update-agent.state, which only root may write; AgentDesk writes the state here instead, and the result page tells you how to move it into place.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registering…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updates: from the site that monitors the host, which the site names at registration; if that fails, from %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updates: from site &lt;b&gt;%1&lt;/b&gt;, which monitors the host, at &lt;tt&gt;%2&lt;/tt&gt; (the site confirms it at registration); if that fails, from %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the registration writes the updater&apos;s state file (host name, host secret, trusted certificates), with mode 0600. The updater reads /etc/cmk-update-agent.state.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RegistrationWizard</name>
    <message>
        <source>Register this machine for automatic updates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agent updater rule for host %1 names the update server %2 (site %3), not %4 as on the first page. Go back to register there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit credentials…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit site…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show certificate…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RegistrationsApi</name>
    <message>
        <source>The site&apos;s reply has no list of registrations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site handed out a registration without a host name or with a host secret that is not 64 letters and digits.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RestReply</name>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site did not answer in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>No reply within %n second(s).</source>
        <translation>
            <numerusform>No reply within %n second.</numerusform>
            <numerusform>No reply within %n seconds.</numerusform>
        </translation>
    </message>
    <message>
        <source>The TLS handshake failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site&apos;s certificate is not trusted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site closed the connection before the reply was complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot reach the site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reply could not be read completely</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reply was cut short</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received %1 of %2 bytes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site&apos;s reply is not JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content-Type was &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site&apos;s reply is not valid JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 at byte %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site did not finish its reply in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The request was stopped after %n second(s), its deadline.</source>
        <translation>
            <numerusform>The request was stopped after %n second, its deadline.</numerusform>
            <numerusform>The request was stopped after %n seconds, its deadline.</numerusform>
        </translation>
    </message>
    <message>
        <source>The site redirected the request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It pointed to %1; %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this request follows no redirect, so nothing was sent there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>that is not a valid address, so nothing was sent there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>that would leave https, so nothing was sent there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a %1 request is sent only to the address it was made for, so nothing was sent there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>that is another server, so nothing was sent there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the redirects go round in a loop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>more than %n redirect(s) in a row.</source>
        <translation>
            <numerusform>more than %n redirect in a row.</numerusform>
            <numerusform>more than %n redirects in a row.</numerusform>
        </translation>
    </message>
    <message>
        <source>The site&apos;s reply is too large</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It announced %1 bytes, more than the %2 this request takes; the transfer was stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It went on past the %1 this request takes; the transfer was stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site closed the connection without answering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 request was not sent again; it may or may not have taken effect on the site.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RuleCodec</name>
    <message>
        <source>The site&apos;s reply has an unexpected shape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A rule has no &quot;id&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rule %1: value_raw is not a Python dict (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rule %1: host tag condition with unknown operator &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rule %1: %2 has an unexpected shape.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RuleConditions</name>
    <message>
        <source>Name at least one host, or do not restrict host names.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A host name must not be empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid regular expression.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tag group is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tag of group &quot;%1&quot; is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;is&quot; and &quot;is not&quot; take exactly one tag.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A label group needs at least one label.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a label of the form key:value.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SelectionConditionEditors</name>
    <message>
        <source>S&amp;ites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host &amp;groups (any of)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Folders (with subfolders)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A folder path such as /linux/web</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host &amp;tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add tag condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host la&amp;bels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add label condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xplicit hosts (only these)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excluded &amp;hosts (never these)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>/ (main folder)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid host name: use letters, digits, &quot;-&quot;, &quot;_&quot; and &quot;.&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not in the inventory (yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove this tag condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove this label condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site does not list this one any more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sites: only hosts monitored by a ticked site get updates. No site ticked: the condition is not set (every site).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host groups: only hosts in at least one ticked host group get updates. None ticked: the condition is not set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folders: only hosts in one of these folders or their subfolders get updates. Empty: the condition is not set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A folder path such as /linux/web, to add to the folders condition with Add or Enter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removes the selected folders from the condition.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host tags: adds a condition on a tag group (for example Criticality = Productive system). A host must meet every tag condition.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host labels: adds a condition on a label (key: value, for example os: linux). A host must carry every label given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explicit hosts: when any are listed, only these hosts get updates (together with the other conditions). Empty: the condition is not set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excluded hosts: these hosts never get updates, whatever the other conditions say.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a host name (completed from the site&apos;s hosts) and press Enter or Add.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removes the selected host names from the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tag group of this condition; the host must have the tag chosen on the right in this group.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tag the host must have in the tag group on the left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removes this tag condition.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The label&apos;s key (for example os); the host must carry this label with the value on the right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The value the label must have on the host (for example linux).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removes this label condition.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SelectionController</name>
    <message>
        <source>Loading the inventory…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the host selection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Somebody changed the host selection on the site, and its current version could not be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your edits are kept but not saved; save again to retry. The site said: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SelectionPreviewPanel</name>
    <message>
        <source>… and %1 more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No hosts in the inventory yet: reload to fetch the site&apos;s hosts, then the preview shows which ones are selected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undecided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 hosts selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+%1 added / −%2 removed against the saved selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 hosts depend on host groups the site does not report: the site decides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undecided (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The preview of the selection as edited, before it is saved: the hosts it selects, those it adds and removes compared with the saved selection, and those whose attributes the site did not report (they cannot be judged).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SelectionTestPanel</name>
    <message>
        <source>Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test with this host &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host name from the inventory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Holds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic updates are switched on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic updates are switched off: even selected hosts get no updates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No hosts in the inventory yet: reload to test a host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a host name to see whether the edited selection picks it, and why.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no host named &quot;%1&quot; in the inventory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot be decided here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The selection has no conditions: it picks every host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All conditions hold.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A condition fails (marked &quot;no&quot; below).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It depends on host groups that the site does not report; the site decides when the agent asks for an update.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot tell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test with this host name: shows whether the host selection, as edited, picks the host, and each condition with the host&apos;s own value. A left-out host reports &quot;agent updates are disabled for host …&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each condition of the selection: what it expects, what the tested host has, and whether it holds. All must hold (logical AND).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SetupController</name>
    <message>
        <source>The agent updater rules could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pending changes could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The master switch could not be changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The master switch is on once you activate the changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The master switch is off once you activate the changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to activate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another activation is running; try again when it has finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The changes could not be activated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Activating on %n site(s)…</source>
        <translation>
            <numerusform>Activating on %n site…</numerusform>
            <numerusform>Activating on %n sites…</numerusform>
        </translation>
    </message>
    <message>
        <source>The activation&apos;s status could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activating… %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes activated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>certificate %1 cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>certificate %1 (%2) is a server certificate, not a CA: put the root CA of the chain here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>certificate %1 (%2) is an intermediate CA: the updater needs the chain&apos;s root</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic agent updates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule saved. Activate the changes to make the hosts follow it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rule was not deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no host %1 on the site.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No enabled rule matches %1: it gets no agent updater.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting the activation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pending changes changed since they were shown; review them and activate again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rule could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rule was created at the bottom of its folder; it could not be moved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rule was saved but not moved to its new folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule saved and moved. Activate the changes to make the hosts follow it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rule is the first of its folder already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rule is the last of its folder already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rule was not moved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule moved. Activate the changes to make the hosts follow the new order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default (no rule sets it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Master switch: on (automatic updates active)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Master switch: off (updates globally disabled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the master switch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was changed on the site; the list still shows the rule as you saw it. Reload to see the other version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rule was not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rule was saved but not moved.</source>
        <translation></translation>
    </message>
    <message>
        <source>this site does not offer the automatic-deployment status (older sites lack it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the site refuses its automatic-deployment status to this user (it needs the permission to manage agents).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the site&apos;s automatic-deployment status could not be read (%1).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SetupPage</name>
    <message>
        <source>&amp;Activation of automatic agent updates (master switch)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ac&amp;tivate changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic agent updates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prerequisites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Master switch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent updater rules (first rule per parameter wins)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no rule in &quot;Agent updater (Linux, Windows, Solaris)&quot; yet. Create one with New rule: an update server and the signature keys the agents will accept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New rule…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De&amp;lete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disa&amp;ble</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete rule %1 of &quot;Agent updater&quot;?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rule disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ena&amp;ble</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>host name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Effective value &amp;for host:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;how</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The state of the master switch could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On: hosts in the host selection fetch their signed agents.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off: every update check is answered with &quot;deployment is currently globally disabled&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn on automatic updates?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These prerequisites are not met:

• %1

Hosts will report errors until they are. Turn the master switch on anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No pending changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n pending change(s).</source>
        <translation>
            <numerusform>%n pending change.</numerusform>
            <numerusform>%n pending changes.</numerusform>
        </translation>
    </message>
    <message>
        <source>(unknown key)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deploys the updater</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>updater off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What %1 gets, parameter by parameter:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save the master switch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: you turned the switch on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: you turned the switch off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Somebody changed it on the site meanwhile, and its state there could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Somebody changed it on the site meanwhile; there it is on now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Somebody changed it on the site meanwhile; there it is off now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save yours, or reload to see theirs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signature key: an RSA key pair with which the site signs the agent packages. The updater installs only packages signed with a key its rule accepts. Met when the site has at least one key (Setup › Agents › Signature keys).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent updater rule (Agent updater (Linux, Windows, Solaris)): deploys the update plug-in with the agent and tells it the update server and the accepted signature keys. Met when an enabled rule activates the plug-in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed agents: the packages baked after the last rule change, signed with a key the rule accepts. Met when the baked agents are current and signed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered host: a host whose updater was registered with cmk-update-agent register (or Register machine); only registered hosts can fetch their agent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Master switch (Activation of automatic agent updates): off, every update check is answered with &quot;deployment is currently globally disabled&quot;; all settings are kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reads the prerequisites, the master switch, the pending changes and the agent updater rules from the site again (F5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activation of automatic agent updates, the master switch (a global setting). Off, no host gets an update, while all other settings are kept; on, the hosts in the host selection fetch their signed agents. A change becomes a pending change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shows the list of changes made on the site that are not activated yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activate changes: makes the pending changes take effect on the site, as Checkmk&apos;s Activate changes does. Rule changes reach the hosts only after this and a new bake.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The changes not activated yet: who made them and what.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rules of the rule set Agent updater (Linux, Windows, Solaris), in the order the site evaluates them: rules in deeper folders first, then from top to bottom. For each parameter the first matching rule that sets it wins. Double-click a rule to edit it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creates a rule: the update server, the check interval and the signature keys the agents will accept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opens the selected rule in the editor, with every parameter and condition.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disables the selected rule (or enables it again): a disabled rule is kept but applies to no host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moves the selected rule up within its folder: the first rule per parameter wins, so order decides.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moves the selected rule down within its folder: the first rule per parameter wins, so order decides.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deletes the selected rule on the site, after asking.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A host name: shows which value each parameter has for this host and from which rule, as the site decides it (folder, host tags, labels and host names of each rule).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The effective value for the host: each parameter, its value, and the rule it comes from (or the default when no rule sets it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The button opens the page where this is looked after.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shown when the master switch changed on the site while you were choosing and you chose to keep editing: writes your choice onto the version you were shown. If it changed once more, you are asked again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignDialog</name>
    <message>
        <source>Bake and sign agents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign agents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (key %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site bakes all agents anew, then signs them with this key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site signs the current agents with this key. Hosts accept only agents signed by a key listed in the agent updater rule.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signature &amp;key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Bake and sign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the site…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agents were not signed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignatureKeyModel</name>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (expired)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (in 1 day)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (in %2 days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used by the agent updater rule; it cannot be deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This key has expired: agents signed with it are refused by the updater.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This key expires soon: create a new key and sign the agents with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listed in the agent updater rule (such keys cannot be deleted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Digest (MD5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In use</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SiteConnection</name>
    <message>
        <source>Name: enter a name for this connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server: expected a host name or address, optionally with :port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site: expected the site id (letters, digits, underscore).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User: enter the automation user.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeout: expected at least one second.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SiteGroupProxy</name>
    <message>
        <source>(no site)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n host(s)</source>
        <translation>
            <numerusform>%n host</numerusform>
            <numerusform>%n hosts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n host(s) shown</source>
        <translation>
            <numerusform>%1 of %n host shown</numerusform>
            <numerusform>%1 of %n hosts shown</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SiteOverviewPage</name>
    <message>
        <source>&amp;Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo credentials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checkmk version:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edition:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>REST API:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hosts:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folders:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monitored on sites:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag groups:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host groups:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending changes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The embedded demo site made these credentials for this run. The automation secret is also in the keychain for the demo connection, so the registration wizard can use it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automation user:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy &amp;user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automation secret:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy s&amp;ecret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Web user:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy w&amp;eb user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy pass&amp;word</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a site connection, or add one with File › Site connections.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — site %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copies the value on the left to the clipboard, for the registration wizard or the site&apos;s web interface.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reads the site&apos;s version, its configuration counts and the pending changes again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SiteReplyReader</name>
    <message>
        <source>The site&apos;s reply has an unexpected shape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>/version: expected &quot;site&quot; and &quot;versions.checkmk&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>host_config collection: expected an array &quot;value&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>host_config entry %1 has no &quot;id&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected a collection with &quot;value&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rule collection: expected an array &quot;value&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signature key collection: expected an array &quot;value&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signature key without a numeric id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>agent collection: expected an array &quot;value&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>global setting: expected &quot;value&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tag group collection: expected an array &quot;value&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>baking status: expected result.value.state.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The host list is not valid JSON: %1 at byte %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signature key %1: %2: expected seconds since 1970 (a number from 0 to the year 9999).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>automatic deployment status: expected result.value (an object).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SiteSession</name>
    <message>
        <source>No keychain is available (%1), so the secret cannot be stored; AgentDesk keeps it for this session only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No secret is stored for this connection yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1

Secret of user &quot;%2&quot; on site %3:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No secret was given.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SiteSettingDialog</name>
    <message>
        <source>%1 (all sites)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (site %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remote sites forward the updaters&apos; requests to the central agent bakery at this URL and log in there as this automation user.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Central bakery &amp;URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The URL at which the hosts reach the site for their updates, and the CA certificates handed to the updater for it. Empty: the site&apos;s own URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site &amp;URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>-----BEGIN CERTIFICATE----- … (PEM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA &amp;certificates:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving gives site %1 a value of its own (a site-specific global setting).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URL: expected an http or https URL such as %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Central bakery URL: the URL must include the site and end with /check_mk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automation user: expected the name of the automation user the remote sites log in with (usually &quot;automation&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA certificates: expected PEM certificates (-----BEGIN CERTIFICATE----- …), or nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Automation user:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SiteVersion</name>
    <message>
        <source>Raw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Managed Services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SaaS</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SitesController</name>
    <message>
        <source>the global setting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the setting of site %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to a site to see the sites of its set-up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A value of site %1&apos;s own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site %1 follows the global value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No saved connection to this site: add one (File › Site connections) to see its version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved. Activate the changes to make the sites use it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved for site %1. Activate the changes on that site to make it use the value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Somebody changed this setting meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site %1 follows the global value again. Activate the changes on that site to make it use the value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site&apos;s own value could not be removed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting the activation on %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pending changes changed meanwhile: review them and activate again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to activate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another activation is running; try again when it has finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The changes could not be activated: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activating on %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The activation&apos;s status could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activating… %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes activated on %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No secret stored for connection %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site&apos;s URL does not have the form {protocol}://{server}/{site}/check_mk: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site&apos;s URL does not have the form {protocol}://{server}/{site}/check_mk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none (HTTP)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site is reached over plain HTTP: there is no certificate to check.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not trusted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
SHA-256 %2
Nothing is sent to this site until you trust its certificate (Show certificate…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site&apos;s certificate is not trusted: nothing was sent to it. Select the site and choose Show certificate….</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>trusted for this site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>trusted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA-256 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate is not trusted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>site %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SitesPage</name>
    <message>
        <source>&amp;Activate on the ticked sites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Use the global value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sites of this set-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alias</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activate the pending changes on the sites ticked in the table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic agent updates: global and site-specific settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applies to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to a site to see the sites of its set-up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This site (central)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remote site, logged in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remote site, not logged in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remote site, disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection to the central agent bakery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URL at which hosts reach the site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not set (user %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 as %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the site&apos;s own URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1, %n CA certificate(s)</source>
        <translation>
            <numerusform>%1, %n CA certificate</numerusform>
            <numerusform>%1, %n CA certificates</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading the sites…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activate the pending changes on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(this connection)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A single site: no remote sites are connected to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>A central site with %n remote site(s).</source>
        <translation>
            <numerusform>A central site with %n remote site.</numerusform>
            <numerusform>A central site with %n remote sites.</numerusform>
        </translation>
    </message>
    <message>
        <source>The sites could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All sites (global)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>global setting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>site-specific</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>global value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n pending change(s)</source>
        <translation>
            <numerusform>%n pending change</numerusform>
            <numerusform>%n pending changes</numerusform>
        </translation>
    </message>
    <message>
        <source>Every site the connected site lists: the central site itself and its remote sites, with their connection state and URL. A remote site&apos;s version is read from that site through a saved connection to it. Tick a site in the first column (Space) to activate the pending changes there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings of automatic updates that matter in distributed monitoring, as the global value and as each site sees it. A site-specific value overrides the global one for that site only. Enter or Edit changes the selected row.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activates the pending changes on the ticked sites only. A change that affects other sites too stays pending for them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removes the selected site&apos;s own value: the site follows the global value again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;certificate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the certificate the selected site presented, and trust it for that site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A remote site whose URL presents a certificate the console does not trust is marked &quot;not trusted&quot;, and nothing is sent to it. This shows that certificate (chain, SHA-256 fingerprint, validity); trusted, it is remembered for that site alone, with this connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This connection&apos;s own certificate trust applies (see the status bar).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StaleSelectionDialog</name>
    <message>
        <source>Host selection changed on the site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No conditions: all hosts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> and %1 more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sites: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folders: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host tags: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host labels: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host groups: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only hosts: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excluded hosts: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the host selection</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StaleVersionDialog</name>
    <message>
        <source>Changed on the site meanwhile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Somebody else changed %1 on the site since you opened it, so your edits were not saved.

Reload to see their version (your edits are discarded), overwrite theirs with yours, or keep editing and decide later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your edits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On the site now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site&apos;s current version could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reload (discard my edits)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Overwrite theirs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep editing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusController</name>
    <message>
        <source>Not connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetching the update status…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Reading %n host(s)…</source>
        <translation>
            <numerusform>Reading %n host…</numerusform>
            <numerusform>Reading %n hosts…</numerusform>
        </translation>
    </message>
    <message>
        <source>This site has no update-status endpoint: reading the Check_MK Agent services…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comparing the package the site baked for this host with the packages of its agents…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The target agent could not be found: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target agent %1: the package the site baked for this host is that of agent %1 (found by comparing the packages; it is what the updater is offered while the host is selected and the master switch is on).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This site offers no update-status interface (a stock Checkmk site shows it in its web GUI only). The status below is read from each host&apos;s &quot;Check_MK Agent&quot; service: errors, last check, installed and pending agent. No interface of the site names a host&apos;s target agent: it is known only while an update is pending, so hosts without an update in progress count as up to date. For one host, &quot;Find target agent&quot; in its details derives it from the site&apos;s agent packages.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TlsProbe</name>
    <message>
        <source>The server did not complete the TLS handshake in time.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UpdateCategory</name>
    <message>
        <source>Up to date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outdated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never contacted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not registered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left out by selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Globally disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The installed agent is the target agent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The target agent was downloaded but is not installed yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The installed agent differs from the target and the target was not downloaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last update check reported an error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last update check is older than twice the check interval.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered, but the updater has never contacted the site.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The host is not registered for automatic updates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The host selection of the automatic updates leaves this host out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The master switch of automatic agent updates is off.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UpdateStatusModel</name>
    <message>
        <source>in the future</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>just now</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>%n min ago</numerusform>
            <numerusform>%n min ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>%n h ago</numerusform>
            <numerusform>%n h ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (the target)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (differs from the target %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent the site wants the host to run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Installed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UpdateStatusPage</name>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search host, site, folder or error (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto-refresh off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every 5 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every 15 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetch the update status from the site (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to a site to see the update status of its hosts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %n host(s); filter the table</source>
        <translation>
            <numerusform>%1: %n host; filter the table</numerusform>
            <numerusform>%1: %n hosts; filter the table</numerusform>
        </translation>
    </message>
    <message>
        <source>Fetched %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site has no hosts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No data.
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export visible rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Click to show only these hosts; click again to show all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) exported.</source>
        <translation>
            <numerusform>%n row exported.</numerusform>
            <numerusform>%n rows exported.</numerusform>
        </translation>
    </message>
    <message>
        <source>Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the hosts of one site only; the counts above are then that site&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>All sites (%n host(s))</source>
        <translation>
            <numerusform>All sites (%n host)</numerusform>
            <numerusform>All sites (%n hosts)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n host(s))</source>
        <translation>
            <numerusform>%1 (%n host)</numerusform>
            <numerusform>%1 (%n hosts)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No host matches the filter.
Clear the search, the category or the site to see all %n host(s).</source>
        <translation>
            <numerusform>No host matches the filter.
Clear the search, the category or the site to see the %n host.</numerusform>
            <numerusform>No host matches the filter.
Clear the search, the category or the site to see all %n hosts.</numerusform>
        </translation>
    </message>
    <message>
        <source>In distributed monitoring: the hosts of one site only, with that site&apos;s host count; the category counts above are then that site&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shows only the hosts whose name, site, folder, agent version or error text contains what you type (Ctrl+F).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetches the update status again at this interval while the page is open. The site&apos;s data are only as fresh as the hosts&apos; last update checks (their check interval).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetches the update status of every host from the site now (F5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writes the rows shown (filter and search applied) to a CSV file for a spreadsheet or a ticket.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stops fetching the status; the table keeps what it showed before.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One row per host: its update category, the agent version installed and the target, the last update check and the error the updater reported. Click a column header to sort; right-click it to choose columns; select a host for its details and diagnosis; Ctrl+C copies the selected rows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The update status could not be fetched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Group by site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the hosts under one heading per site, with each site&apos;s counts (Alt+G)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In distributed monitoring: the hosts under one heading per site, each heading with the site&apos;s host count and its counts per category. Sorting, the search and the category filter apply inside every site. On a heading, Left or Minus collapses it and Right or Plus expands it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update status by site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> The hosts are grouped under their site: on a heading, Left or Minus collapses the site and Right or Plus expands it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UpdateStatusParser</name>
    <message>
        <source>The update status reply cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 at byte %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UpdaterConfigModel</name>
    <message>
        <source>Overrides the value in cmk-update-agent.state: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UpdaterConfigView</name>
    <message>
        <source>The file holds no Python dict.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n PEM certificate(s)</source>
        <translation>
            <numerusform>%n PEM certificate</numerusform>
            <numerusform>%n PEM certificates</numerusform>
        </translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n second</numerusform>
            <numerusform>%n seconds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UpdaterRuleDialog</name>
    <message>
        <source>&amp;Disable this rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New agent updater rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit agent updater rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for registration and updates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for registration only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>monitoring.example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No proxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy from the environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explicit proxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packaged binary (64 bit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Python script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (key %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D&amp;escription:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Host names:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host &amp;tags:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host &amp;labels:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check &amp;interval:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add from &amp;PEM file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA &amp;certificates:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted signature &amp;keys:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.cer);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA certificates: cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate %1 (%2…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activation: adds the agent updater plug-in (cmk-update-agent) to the agents of the hosts this rule matches. Turned off for a host, the agent removes its updater with the next update; only a manually installed package brings it back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update server: the DNS name or IP address under which the hosts reach this Checkmk server. The hosts must resolve the name, and with https the certificate must match it. Without it, the server must be given at registration.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name of the Checkmk site of the update server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protocol for fetching updates: https is recommended (the updater then needs a CA certificate to verify the connection). A server that forces https ignores http here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In distributed monitoring a host gets its update server from the site that monitors it. &quot;For registration and updates&quot; uses this server permanently and ignores the automatic one; &quot;for registration only&quot; uses it only to register.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check interval: how often the updater asks the server for a new agent; in between it answers from its cache. Default one hour; less than 10 minutes loads the network heavily when there are many hosts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy: without a setting the updater connects directly and ignores the host&apos;s proxy settings. Choose &quot;from the environment&quot; to use the host&apos;s proxy variables, or give a proxy explicitly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Package format (Linux only): the packaged binary needs a 64-bit x86 Linux with glibc 2.17 or newer; the Python script needs Python 3.7 or newer with the modules cryptography, requests and pysocks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA certificates the updater uses to verify https connections. Once any certificate is given (here, from the site or at registration), the updater ignores all other certificate authorities: give the root of the server&apos;s chain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signature keys the agent will accept: at least one. While replacing a key, accept both the old and the new key until every host has a package that knows the new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unticked: not set by this rule; a later rule or the default decides.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;all hosts except these</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://wiki.example.com/agent-updates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rule applies to the hosts of this folder and its subfolders. Changing it moves the rule to the bottom of that folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at the bottom of its folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at the top of its folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first rule that sets a parameter wins: on top, this rule overrides the folder&apos;s other rules.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move an existing rule with Move up / Move down.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all hosts (or host names, ~regex, comma-separated)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. criticality:prod, !networking:dmz, os:[linux|aix]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. env:prod or env:test; NOT team:legacy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept as they are (not edited here): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deploy the agent updater plug-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not deploy it (updates off)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a key not on this site (%1…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co&amp;mment:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documentation &amp;URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;osition:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent updater (ticked parameters are set by this rule)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plu&amp;g-in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update ser&amp;ver:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pro&amp;xy:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Package fo&amp;rmat:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✘ Host tags: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✘ Host labels: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All hosts except: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host names: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host tags: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host labels: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sets: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interval: %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documentation URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (no. %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explicit proxy: the proxy server&apos;s name or address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explicit proxy: the proxy&apos;s port (often 3128).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adds a CA certificate from a PEM file to the certificates the updater trusts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removes the selected CA certificate from the rule.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description: the rule&apos;s title in the rule list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment: a note for other administrators; the hosts never see it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documentation URL: a link to your own documentation of this rule, shown in the rule list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder: the rule applies to the hosts of this folder and its subfolders. Rules of deeper folders are evaluated first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where a new rule goes in its folder. The first rule that sets a parameter wins: on top, this rule overrides the folder&apos;s other rules.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explicit hosts: the rule applies only to these host names (comma-separated; an entry starting with ~ is a regular expression matched from the start of the name). Empty: all hosts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Negates the host names: the rule applies to all hosts except those listed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host tags: group:tag conditions the host must meet, comma-separated; !group:tag for &quot;is not&quot;, group:[a|b] for &quot;one of&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host labels: key:value conditions; &quot;and&quot;, &quot;or&quot; and &quot;NOT&quot; combine them as in Checkmk&apos;s label conditions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A disabled rule is kept but applies to no host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site did not save the rule.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent updater parameters</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UpdaterStateFile</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing %1 was interrupted; the previous file is unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot replace %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UploadKeyDialog</name>
    <message>
        <source>From a &amp;file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pasted text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload signature key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>-----BEGIN ENCRYPTED PRIVATE KEY-----
…
-----END ENCRYPTED PRIVATE KEY-----
-----BEGIN CERTIFICATE-----
…
-----END CERTIFICATE-----</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the encrypted private key together with its certificate, as the site&apos;s download hands them out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open signature key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.key);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is too large for a key file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uploading the key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pa&amp;ssphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key was not uploaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key was not uploaded.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Demo site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo site could not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
