<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>AgentUpdaterConfig</name>
    <message>
        <source>The value has an unexpected form.</source>
        <translation>Der Wert hat eine unerwartete Form.</translation>
    </message>
    <message>
        <source>No update server is configured.</source>
        <translation>Es ist kein Update-Server konfiguriert.</translation>
    </message>
    <message>
        <source>The update server name is missing.</source>
        <translation>Der Name des Update-Servers fehlt.</translation>
    </message>
    <message>
        <source>The site name is missing.</source>
        <translation>Der Name der Instanz fehlt.</translation>
    </message>
    <message>
        <source>The protocol must be http or https.</source>
        <translation>Das Protokoll muss http oder https sein.</translation>
    </message>
    <message>
        <source>Plain http sends the host secret unencrypted; use https.</source>
        <translation>Einfaches http überträgt das Host-Secret unverschlüsselt; verwenden Sie https.</translation>
    </message>
    <message>
        <source>The usage must be registration or always.</source>
        <translation>Die Verwendung muss registration oder always sein.</translation>
    </message>
    <message>
        <source>This is not a PEM certificate.</source>
        <translation>Dies ist kein PEM-Zertifikat.</translation>
    </message>
    <message>
        <source>Checking more often than every 10 minutes loads the site needlessly.</source>
        <translation>Häufiger als alle 10 Minuten zu prüfen belastet die Instanz unnötig.</translation>
    </message>
    <message>
        <source>The proxy server is missing.</source>
        <translation>Der Proxy-Server fehlt.</translation>
    </message>
    <message>
        <source>The proxy port must be between 1 and 65535.</source>
        <translation>Der Proxy-Port muss zwischen 1 und 65535 liegen.</translation>
    </message>
    <message>
        <source>The proxy protocol must be http, socks4 or socks5.</source>
        <translation>Das Proxy-Protokoll muss http, socks4 oder socks5 sein.</translation>
    </message>
    <message>
        <source>The edition must be bit64 or script.</source>
        <translation>Die Edition muss bit64 oder script sein.</translation>
    </message>
    <message>
        <source>At least one signature key is needed: the updater installs only signed agents.</source>
        <translation>Mindestens ein Signaturschlüssel ist nötig: Der Updater installiert nur signierte Agenten.</translation>
    </message>
    <message>
        <source>Deploy the agent updater plug-in</source>
        <translation>Agent-Updater-Plugin verteilen</translation>
    </message>
    <message>
        <source>Update server</source>
        <translation>Update-Server</translation>
    </message>
    <message>
        <source>Update server: site</source>
        <translation>Update-Server: Instanz</translation>
    </message>
    <message>
        <source>Update server: protocol</source>
        <translation>Update-Server: Protokoll</translation>
    </message>
    <message>
        <source>Use the server</source>
        <translation>Server verwenden</translation>
    </message>
    <message>
        <source>CA certificates</source>
        <translation>CA-Zertifikate</translation>
    </message>
    <message>
        <source>Check interval</source>
        <translation>Prüfintervall</translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation>Proxy</translation>
    </message>
    <message>
        <source>Proxy: server</source>
        <translation>Proxy: Server</translation>
    </message>
    <message>
        <source>Proxy: port</source>
        <translation>Proxy: Port</translation>
    </message>
    <message>
        <source>Proxy: protocol</source>
        <translation>Proxy: Protokoll</translation>
    </message>
    <message>
        <source>Package format</source>
        <translation>Paketformat</translation>
    </message>
    <message>
        <source>Accepted signature keys</source>
        <translation>Akzeptierte Signaturschlüssel</translation>
    </message>
    <message>
        <source>%1 (no. %2)</source>
        <translation>%1 (Nr. %2)</translation>
    </message>
    <message>
        <source>Deployed</source>
        <translation>Verteilt</translation>
    </message>
    <message>
        <source>Not deployed (the updater is removed)</source>
        <translation>Nicht verteilt (der Updater wird entfernt)</translation>
    </message>
    <message>
        <source>%1, for registration only</source>
        <translation>%1, nur für die Registrierung</translation>
    </message>
    <message>
        <source>%1, for registration and updates</source>
        <translation>%1, für Registrierung und Updates</translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n Sekunde</numerusform>
            <numerusform>%n Sekunden</numerusform>
        </translation>
    </message>
    <message>
        <source>No proxy</source>
        <translation>Kein Proxy</translation>
    </message>
    <message>
        <source>Proxy from the environment</source>
        <translation>Proxy aus der Umgebung</translation>
    </message>
    <message>
        <source>Explicit proxy %1:%2 (%3)</source>
        <translation>Expliziter Proxy %1:%2 (%3)</translation>
    </message>
    <message>
        <source>Packaged binary (64 bit)</source>
        <translation>Paketiertes Binary (64 Bit)</translation>
    </message>
    <message>
        <source>Python script</source>
        <translation>Python-Skript</translation>
    </message>
    <message numerus="yes">
        <source>%n certificate(s)</source>
        <translation>
            <numerusform>%n Zertifikat</numerusform>
            <numerusform>%n Zertifikate</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n key(s)</source>
        <translation>
            <numerusform>%n Schlüssel</numerusform>
            <numerusform>%n Schlüssel</numerusform>
        </translation>
    </message>
    <message>
        <source>The interval must be at least one minute.</source>
        <translation>Das Intervall muss mindestens eine Minute betragen.</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n Minute</numerusform>
            <numerusform>%n Minuten</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AgentUpdaterRule</name>
    <message>
        <source>The folder must start with / (or ~), for example /linux/web.</source>
        <translation>Der Ordner muss mit / (oder ~) beginnen, zum Beispiel /linux/web.</translation>
    </message>
    <message>
        <source>Folder names may contain letters, digits, spaces, &apos;-&apos;, &apos;_&apos; and &apos;.&apos; only.</source>
        <translation>Ordnernamen dürfen nur Buchstaben, Ziffern, Leerzeichen, &apos;-&apos;, &apos;_&apos; und &apos;.&apos; enthalten.</translation>
    </message>
    <message>
        <source>Enter a full URL such as https://wiki.example.com/updates.</source>
        <translation>Geben Sie eine vollständige URL ein, etwa https://wiki.example.com/updates.</translation>
    </message>
</context>
<context>
    <name>AgentsPage</name>
    <message>
        <source>&amp;Bake agents</source>
        <translation>Agenten &amp;backen</translation>
    </message>
    <message>
        <source>Bake and si&amp;gn…</source>
        <translation>Backen und si&amp;gnieren …</translation>
    </message>
    <message>
        <source>&amp;Sign…</source>
        <translation>&amp;Signieren …</translation>
    </message>
    <message>
        <source>&amp;Verify signatures</source>
        <translation>Signaturen &amp;prüfen</translation>
    </message>
    <message>
        <source>Agent configuration</source>
        <translation>Agentenkonfiguration</translation>
    </message>
    <message>
        <source>Hash</source>
        <translation>Hash</translation>
    </message>
    <message>
        <source>Package types</source>
        <translation>Pakettypen</translation>
    </message>
    <message>
        <source>Hosts</source>
        <translation>Hosts</translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation>Signiert von</translation>
    </message>
    <message>
        <source>The baking job&apos;s log appears here.</source>
        <translation>Hier erscheint das Protokoll des Back-Jobs.</translation>
    </message>
    <message>
        <source>Select an agent and choose Verify: AgentDesk downloads the package and checks each signature against the site&apos;s keys, offline.</source>
        <translation>Wählen Sie einen Agenten und dann Prüfen: AgentDesk lädt das Paket herunter und prüft jede Signatur offline gegen die Schlüssel der Instanz.</translation>
    </message>
    <message>
        <source>Baking job</source>
        <translation>Back-Job</translation>
    </message>
    <message>
        <source>Signature check</source>
        <translation>Signaturprüfung</translation>
    </message>
    <message>
        <source>key %1</source>
        <translation>Schlüssel %1</translation>
    </message>
    <message>
        <source>not signed</source>
        <translation>nicht signiert</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Running for %1 s…</source>
        <translation>Läuft seit %1 s …</translation>
    </message>
    <message>
        <source>Finished.</source>
        <translation>Fertig.</translation>
    </message>
    <message>
        <source>No baking job has run since the site started.</source>
        <translation>Seit dem Start der Instanz ist kein Back-Job gelaufen.</translation>
    </message>
    <message>
        <source>not listed by this site</source>
        <translation>von dieser Instanz nicht aufgeführt</translation>
    </message>
    <message>
        <source>This site&apos;s REST API does not say which keys signed an agent. The site&apos;s own Agents page (Setup &gt; Agents) shows it.</source>
        <translation>Die REST-API dieser Instanz sagt nicht, welche Schlüssel einen Agenten signiert haben. Die Agentenseite der Instanz (Setup &gt; Agents) zeigt es.</translation>
    </message>
    <message>
        <source>Bake all agents anew (unsigned: sign them afterwards)</source>
        <translation>Alle Agenten neu backen (unsigniert: danach signieren)</translation>
    </message>
    <message>
        <source>Agent %1: every package has a valid signature of a key the rules accept.</source>
        <translation>Agent %1: Jedes Paket trägt eine gültige Signatur eines Schlüssels, den die Regeln akzeptieren.</translation>
    </message>
    <message>
        <source>Agent %1: NOT every package has a valid signature of a key the rules accept — hosts would refuse it.</source>
        <translation>Agent %1: NICHT jedes Paket trägt eine gültige Signatur eines Schlüssels, den die Regeln akzeptieren – die Hosts würden es ablehnen.</translation>
    </message>
    <message>
        <source>Sign with a key the rules do not accept?</source>
        <translation>Mit einem Schlüssel signieren, den die Regeln nicht akzeptieren?</translation>
    </message>
    <message>
        <source>These agent updater rules do not accept %1:

• %2

Hosts that get their signature keys from them refuse agents signed only with it. Add the key to those rules first, or sign with a key they accept.</source>
        <translation>Diese Agent-Updater-Regeln akzeptieren %1 nicht:

• %2

Hosts, die ihre Signaturschlüssel aus ihnen beziehen, lehnen Agenten ab, die nur damit signiert sind. Fügen Sie den Schlüssel zuerst diesen Regeln hinzu oder signieren Sie mit einem Schlüssel, den sie akzeptieren.</translation>
    </message>
    <message>
        <source>Sign &amp;anyway</source>
        <translation>&amp;Trotzdem signieren</translation>
    </message>
    <message>
        <source>Bake unsigned agents?</source>
        <translation>Unsignierte Agenten backen?</translation>
    </message>
    <message>
        <source>The current agents are signed. Baking replaces them with unsigned agents: hosts stop updating until the agents are signed again.

To keep hosts updating, choose Bake and sign instead.</source>
        <translation>Die aktuellen Agenten sind signiert. Backen ersetzt sie durch unsignierte Agenten: Die Hosts aktualisieren sich nicht mehr, bis die Agenten wieder signiert sind.

Damit die Hosts weiter aktualisiert werden, wählen Sie stattdessen Backen und signieren.</translation>
    </message>
    <message>
        <source>Bake &amp;unsigned</source>
        <translation>&amp;Unsigniert backen</translation>
    </message>
    <message>
        <source>Not signed: choose a key the rules accept, or sign anyway.</source>
        <translation>Nicht signiert: Wählen Sie einen Schlüssel, den die Regeln akzeptieren, oder signieren Sie trotzdem.</translation>
    </message>
    <message>
        <source>The agents were not signed.</source>
        <translation>Die Agenten wurden nicht signiert.</translation>
    </message>
    <message>
        <source>The baked agent packages: each agent configuration (hosts with the same agent settings share one), its hash, the package types, how many hosts use it, and the keys it is signed with. An updater installs only a package signed with a key its rule accepts.</source>
        <translation>Die gebackenen Agentenpakete: jede Agentenkonfiguration (Hosts mit denselben Agenteneinstellungen teilen sich eine), ihr Hash, die Pakettypen, wie viele Hosts sie nutzen und die Schlüssel, mit denen sie signiert ist. Ein Updater installiert nur ein Paket, das mit einem Schlüssel signiert ist, den seine Regel akzeptiert.</translation>
    </message>
    <message>
        <source>Bakes all agents anew with the current rules. The new packages are unsigned: updaters do not take them until they are signed.</source>
        <translation>Backt alle Agenten mit den aktuellen Regeln neu. Die neuen Pakete sind unsigniert: Updater übernehmen sie erst, wenn sie signiert sind.</translation>
    </message>
    <message>
        <source>Bakes all agents and signs them with a signature key in one job; the key&apos;s passphrase is asked for.</source>
        <translation>Backt alle Agenten und signiert sie in einem Job mit einem Signaturschlüssel; die Passphrase des Schlüssels wird abgefragt.</translation>
    </message>
    <message>
        <source>Signs the packages baked already with a signature key; the key&apos;s passphrase is asked for.</source>
        <translation>Signiert die bereits gebackenen Pakete mit einem Signaturschlüssel; die Passphrase des Schlüssels wird abgefragt.</translation>
    </message>
    <message>
        <source>Downloads the selected agent package and checks each of its signatures against the site&apos;s keys, here on this machine.</source>
        <translation>Lädt das gewählte Agentenpaket herunter und prüft jede seiner Signaturen gegen die Schlüssel der Instanz, hier auf diesem Rechner.</translation>
    </message>
    <message>
        <source>The log of the baking or signing job, as the site reports it.</source>
        <translation>Das Protokoll des Back- oder Signierjobs, wie die Instanz es meldet.</translation>
    </message>
    <message>
        <source>The result of Verify signatures: for each signature, the key and whether it holds.</source>
        <translation>Das Ergebnis von „Signaturen prüfen“: für jede Signatur der Schlüssel und ob sie gültig ist.</translation>
    </message>
    <message>
        <source>Not signed</source>
        <translation>Nicht signiert</translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <source>Setup</source>
        <translation>Einrichtung</translation>
    </message>
    <message>
        <source>Update status</source>
        <translation>Update-Status</translation>
    </message>
    <message>
        <source>Host selection</source>
        <translation>Host-Auswahl</translation>
    </message>
    <message>
        <source>Signature keys</source>
        <translation>Signaturschlüssel</translation>
    </message>
    <message>
        <source>Agents and baking</source>
        <translation>Agenten und Backen</translation>
    </message>
    <message>
        <source>Register machine</source>
        <translation>Rechner registrieren</translation>
    </message>
    <message>
        <source>Local updater config</source>
        <translation>Lokale Updater-Konfiguration</translation>
    </message>
    <message>
        <source>Site overview</source>
        <translation>Instanzübersicht</translation>
    </message>
    <message>
        <source>No keychain is available (%1). Secrets are kept for this session only and asked for again next time; they are never written to disk.</source>
        <translation>Kein Schlüsselbund verfügbar (%1). Secrets werden nur für diese Sitzung gehalten und beim nächsten Mal erneut abgefragt; sie werden nie auf die Festplatte geschrieben.</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbinde mit %1 …</translation>
    </message>
    <message>
        <source>Not connected: %1</source>
        <translation>Nicht verbunden: %1</translation>
    </message>
    <message>
        <source>Could not connect to %1.</source>
        <translation>Keine Verbindung zu %1 möglich.</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>No site connection yet. Add one with File › Site connections (Ctrl+Shift+C), or start with --demo.</source>
        <translation>Noch keine Instanzverbindung. Legen Sie eine an unter Datei › Instanzverbindungen (Strg+Umschalt+C), oder starten Sie mit --demo.</translation>
    </message>
    <message>
        <source>There is no connection named &quot;%1&quot;.</source>
        <translation>Es gibt keine Verbindung namens „%1“.</translation>
    </message>
    <message>
        <source>The demo&apos;s secret could not be stored: %1</source>
        <translation>Das Secret der Demo konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Could not load the site&apos;s configuration.</source>
        <translation>Die Konfiguration der Instanz konnte nicht geladen werden.</translation>
    </message>
    <message>
        <source>The certificate of %1 is not trusted. Look at it and trust it if the fingerprint is the one your site administrator gives you, or install a certificate from a trusted authority on the site.</source>
        <translation>Das Zertifikat von %1 ist nicht vertrauenswürdig. Sehen Sie es sich an und vertrauen Sie ihm, wenn der Fingerabdruck der ist, den Ihnen die Administration der Instanz nennt, oder installieren Sie auf der Instanz ein Zertifikat einer vertrauenswürdigen Zertifizierungsstelle.</translation>
    </message>
    <message>
        <source>Show certificate…</source>
        <translation>Zertifikat anzeigen …</translation>
    </message>
    <message>
        <source>%1 did not accept the user or its secret. Edit the connection and enter the automation secret of the user (in Checkmk: Setup › Users, the automation user&apos;s properties).</source>
        <translation>%1 hat den Benutzer oder sein Secret nicht akzeptiert. Bearbeiten Sie die Verbindung und geben Sie das Automationspasswort des Benutzers ein (in Checkmk: Setup › Users, Eigenschaften des Automationsbenutzers).</translation>
    </message>
    <message>
        <source>Edit connection…</source>
        <translation>Verbindung bearbeiten …</translation>
    </message>
    <message>
        <source>The user of %1 may not use the REST API for this. Give the user the role &quot;Administrator&quot; (or the permissions for agents, rules and global settings), or use another user.</source>
        <translation>Der Benutzer von %1 darf die REST-API hierfür nicht verwenden. Geben Sie dem Benutzer die Rolle „Administrator“ (oder die Berechtigungen für Agenten, Regeln und globale Einstellungen), oder verwenden Sie einen anderen Benutzer.</translation>
    </message>
    <message>
        <source>The server answered, but there is no Checkmk site with this name at this address. Check the site name (the OMD site, as in https://server/SITE/check_mk/).</source>
        <translation>Der Server antwortet, aber unter dieser Adresse gibt es keine Checkmk-Instanz dieses Namens. Prüfen Sie den Instanznamen (die OMD-Instanz, wie in https://server/INSTANZ/check_mk/).</translation>
    </message>
    <message>
        <source>%1 could not be reached. Check the server name and port, and that the site is running (omd status).</source>
        <translation>%1 ist nicht erreichbar. Prüfen Sie Servername und Port und ob die Instanz läuft (omd status).</translation>
    </message>
    <message>
        <source>The site accepted the secret, but it could not be stored: %1</source>
        <translation>Die Instanz hat das Secret angenommen, aber es konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>A removed connection&apos;s secret could not be deleted from the keychain: %1</source>
        <translation>Das Secret einer entfernten Verbindung konnte nicht aus dem Schlüsselbund gelöscht werden: %1</translation>
    </message>
    <message>
        <source>Sites</source>
        <translation>Instanzen</translation>
    </message>
</context>
<context>
    <name>BakeryApi</name>
    <message>
        <source>The site lists no baked agents.</source>
        <translation>Die Instanz listet keine gebackenen Agenten.</translation>
    </message>
    <message>
        <source>Target agent not found</source>
        <translation>Zielagent nicht gefunden</translation>
    </message>
    <message>
        <source>The site has no baked agent package for this host.</source>
        <translation>Die Instanz hat kein gebackenes Agentenpaket für diesen Host.</translation>
    </message>
    <message numerus="yes">
        <source>None of the site&apos;s %n agent(s) has this host&apos;s package; bake the agents again and retry.</source>
        <translation>
            <numerusform>Der einzige Agent der Instanz (%n) hat nicht das Paket dieses Hosts; backen Sie die Agenten neu und versuchen Sie es erneut.</numerusform>
            <numerusform>Keiner der %n Agenten der Instanz hat das Paket dieses Hosts; backen Sie die Agenten neu und versuchen Sie es erneut.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BakeryController</name>
    <message>
        <source>The baked agents could not be read.</source>
        <translation>Die gebackenen Agenten konnten nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The baking job&apos;s status could not be read.</source>
        <translation>Der Status des Back-Jobs konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The baking job finished with an error: %1</source>
        <translation>Der Back-Job endete mit einem Fehler: %1</translation>
    </message>
    <message>
        <source>The baking job finished after %1 s.</source>
        <translation>Der Back-Job war nach %1 s fertig.</translation>
    </message>
    <message>
        <source>A baking job is already running; AgentDesk follows it.</source>
        <translation>Ein Back-Job läuft bereits; AgentDesk verfolgt ihn.</translation>
    </message>
    <message>
        <source>Baking could not start.</source>
        <translation>Das Backen konnte nicht starten.</translation>
    </message>
    <message>
        <source>A baking job is already running; AgentDesk follows it. Sign again once it has finished.</source>
        <translation>Ein Back-Job läuft bereits; AgentDesk verfolgt ihn. Signieren Sie erneut, wenn er fertig ist.</translation>
    </message>
    <message>
        <source>  no signature at all</source>
        <translation>  überhaupt keine Signatur</translation>
    </message>
    <message>
        <source>VALID</source>
        <translation>GÜLTIG</translation>
    </message>
    <message>
        <source>REFUSED</source>
        <translation>ABGELEHNT</translation>
    </message>
    <message>
        <source>rule #%1 &quot;%2&quot; in %3</source>
        <translation>Regel Nr. %1 „%2“ in %3</translation>
    </message>
    <message>
        <source>no enabled agent updater rule accepts any key</source>
        <translation>keine aktive Agent-Updater-Regel akzeptiert einen Schlüssel</translation>
    </message>
    <message>
        <source>The passphrase does not open this key.</source>
        <translation>Die Passphrase öffnet diesen Schlüssel nicht.</translation>
    </message>
    <message>
        <source>Package %1: could not be downloaded (%2)</source>
        <translation>Paket %1: konnte nicht heruntergeladen werden (%2)</translation>
    </message>
    <message numerus="yes">
        <source>Package %1 (%n byte(s)):</source>
        <translation>
            <numerusform>Paket %1 (%n Byte):</numerusform>
            <numerusform>Paket %1 (%n Bytes):</numerusform>
        </translation>
    </message>
    <message>
        <source>key %1</source>
        <translation>Schlüssel %1</translation>
    </message>
    <message>
        <source>key %1 &quot;%2&quot;</source>
        <translation>Schlüssel %1 „%2“</translation>
    </message>
    <message>
        <source>  %1 (%2): %3 — %4</source>
        <translation>  %1 (%2): %3 – %4</translation>
    </message>
    <message numerus="yes">
        <source>%n host(s)</source>
        <translation>
            <numerusform>%n Host</numerusform>
            <numerusform>%n Hosts</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2, e.g. %3</source>
        <translation>%1 von %2, z. B. %3</translation>
    </message>
    <message>
        <source>no enabled rule gives accepted keys to %1: they accept no key</source>
        <translation>keine aktive Regel gibt %1 akzeptierte Schlüssel: Sie akzeptieren keinen Schlüssel</translation>
    </message>
    <message>
        <source>rule #%1 &quot;%2&quot; in %3, which gives the accepted keys of %4</source>
        <translation>Regel Nr. %1 „%2“ in %3, die die akzeptierten Schlüssel von %4 festlegt</translation>
    </message>
    <message>
        <source>Not signed</source>
        <translation>Nicht signiert</translation>
    </message>
    <message>
        <source>The site does not accept this key: %1</source>
        <translation>Die Instanz akzeptiert diesen Schlüssel nicht: %1</translation>
    </message>
    <message>
        <source>No host gets this agent: checked against the keys any enabled rule accepts.</source>
        <translation>Kein Host erhält diesen Agenten: geprüft gegen die Schlüssel, die irgendeine aktive Regel akzeptiert.</translation>
    </message>
    <message>
        <source>The site does not list this agent&apos;s hosts: checked against the keys any enabled rule accepts.</source>
        <translation>Die Instanz nennt die Hosts dieses Agenten nicht: geprüft gegen die Schlüssel, die irgendeine aktive Regel akzeptiert.</translation>
    </message>
    <message>
        <source>no rule gives them accepted keys</source>
        <translation>keine Regel gibt ihnen akzeptierte Schlüssel</translation>
    </message>
    <message>
        <source>keys of rule #%1 &quot;%2&quot; in %3</source>
        <translation>Schlüssel der Regel Nr. %1 „%2“ in %3</translation>
    </message>
    <message>
        <source>  %1 (%2): REFUSE it, no valid signature of a key they accept</source>
        <translation>  %1 (%2): LEHNEN ES AB, keine gültige Signatur eines Schlüssels, den sie akzeptieren</translation>
    </message>
    <message>
        <source>  %1 (%2): accept it, signed with %3</source>
        <translation>  %1 (%2): akzeptieren es, signiert mit %3</translation>
    </message>
    <message>
        <source>The keys of this agent&apos;s hosts are still being evaluated: checked against the keys any enabled rule accepts.</source>
        <translation>Die Schlüssel der Hosts dieses Agenten werden noch ausgewertet: geprüft gegen die Schlüssel, die irgendeine aktive Regel akzeptiert.</translation>
    </message>
</context>
<context>
    <name>CertificateChainView</name>
    <message>
        <source>Server certificate, self-signed (it is its own root)</source>
        <translation>Serverzertifikat, selbstsigniert (es ist seine eigene Wurzel)</translation>
    </message>
    <message>
        <source>Root certificate</source>
        <translation>Wurzelzertifikat</translation>
    </message>
    <message>
        <source>Server certificate</source>
        <translation>Serverzertifikat</translation>
    </message>
    <message>
        <source>Intermediate certificate</source>
        <translation>Zwischenzertifikat</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Zertifikat</translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation>Inhaber: %1</translation>
    </message>
    <message>
        <source>Issuer: %1</source>
        <translation>Aussteller: %1</translation>
    </message>
    <message>
        <source>Valid from %1 to %2</source>
        <translation>Gültig von %1 bis %2</translation>
    </message>
    <message>
        <source>(not valid now)</source>
        <translation>(derzeit nicht gültig)</translation>
    </message>
    <message>
        <source>SHA-256: %1</source>
        <translation>SHA-256: %1</translation>
    </message>
</context>
<context>
    <name>CertificateDetailsDialog</name>
    <message>
        <source>Certificate of %1</source>
        <translation>Zertifikat von %1</translation>
    </message>
    <message>
        <source>Common name:</source>
        <translation>Allgemeiner Name (CN):</translation>
    </message>
    <message>
        <source>Organization:</source>
        <translation>Organisation:</translation>
    </message>
    <message>
        <source>Organizational unit:</source>
        <translation>Organisationseinheit:</translation>
    </message>
    <message>
        <source>Issuer:</source>
        <translation>Aussteller:</translation>
    </message>
    <message>
        <source>Self-signed</source>
        <translation>Selbstsigniert</translation>
    </message>
    <message>
        <source>Serial number:</source>
        <translation>Seriennummer:</translation>
    </message>
    <message>
        <source>Valid from:</source>
        <translation>Gültig ab:</translation>
    </message>
    <message>
        <source>Valid until:</source>
        <translation>Gültig bis:</translation>
    </message>
    <message>
        <source>Key:</source>
        <translation>Schlüssel:</translation>
    </message>
    <message>
        <source>%1, %2 bits</source>
        <translation>%1, %2 Bit</translation>
    </message>
    <message>
        <source>Signature algorithm:</source>
        <translation>Signaturalgorithmus:</translation>
    </message>
    <message>
        <source>Key usage:</source>
        <translation>Schlüsselverwendung:</translation>
    </message>
    <message>
        <source>Certificate authority:</source>
        <translation>Zertifizierungsstelle:</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>MD5 digest:</source>
        <translation>MD5-Digest:</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint:</source>
        <translation>SHA-256-Fingerabdruck:</translation>
    </message>
    <message>
        <source>&amp;Copy PEM</source>
        <translation>PEM &amp;kopieren</translation>
    </message>
</context>
<context>
    <name>CertificateTrustDialog</name>
    <message>
        <source>&amp;Trust this certificate</source>
        <translation>Diesem Zertifikat &amp;vertrauen</translation>
    </message>
    <message>
        <source>Connect &amp;without verification</source>
        <translation>&amp;Ohne Prüfung verbinden</translation>
    </message>
    <message>
        <source>Untrusted certificate</source>
        <translation>Nicht vertrauenswürdiges Zertifikat</translation>
    </message>
    <message>
        <source>The certificate of %1 could not be verified: %2

Check the SHA-256 fingerprint with the site&apos;s administrator before you trust it.</source>
        <translation>Das Zertifikat von %1 konnte nicht geprüft werden: %2

Vergleichen Sie den SHA-256-Fingerabdruck mit der Administration der Instanz, bevor Sie ihm vertrauen.</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Zertifikat</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Gültig bis</translation>
    </message>
    <message>
        <source>server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>root</source>
        <translation>Wurzel</translation>
    </message>
    <message>
        <source>intermediate</source>
        <translation>Zwischen</translation>
    </message>
    <message>
        <source>server, self-signed</source>
        <translation>Server, selbstsigniert</translation>
    </message>
    <message>
        <source>I have checked the fingerprint and trust this certificate for this site</source>
        <translation>Ich habe den Fingerabdruck geprüft und vertraue diesem Zertifikat für diese Instanz</translation>
    </message>
    <message>
        <source>&amp;Refuse</source>
        <translation>&amp;Ablehnen</translation>
    </message>
    <message>
        <source>Connect without verification?</source>
        <translation>Ohne Prüfung verbinden?</translation>
    </message>
    <message>
        <source>Without verification anyone on the network path can pose as this site, read the automation secret and change what AgentDesk shows. Use this only on a network you control. The status bar shows &quot;Insecure&quot; while it is in use.</source>
        <translation>Ohne Prüfung kann sich jeder auf dem Netzwerkweg als diese Instanz ausgeben, das Automationspasswort mitlesen und verändern, was AgentDesk anzeigt. Verwenden Sie das nur in einem Netz, das Sie kontrollieren. Die Statusleiste zeigt „Unsicher“, solange es verwendet wird.</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Inhaber</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>Aussteller</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Gültig ab</translation>
    </message>
    <message>
        <source>Certificate authority</source>
        <translation>Zertifizierungsstelle</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>Self-signed</source>
        <translation>Selbstsigniert</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint</source>
        <translation>SHA-256-Fingerabdruck</translation>
    </message>
</context>
<context>
    <name>CommandLineTool</name>
    <message>
        <source>Registers this machine for automatic agent updates, as `cmk-update-agent register` does, and writes the updater&apos;s state file.</source>
        <translation>Registriert diesen Rechner für automatische Agenten-Updates, wie es `cmk-update-agent register` tut, und schreibt die Statusdatei des Updaters.</translation>
    </message>
    <message>
        <source>Server of the site (host[:port]).</source>
        <translation>Server der Instanz (Host[:Port]).</translation>
    </message>
    <message>
        <source>Name of the site.</source>
        <translation>Name der Instanz.</translation>
    </message>
    <message>
        <source>Name of this host in the site.</source>
        <translation>Name dieses Hosts in der Instanz.</translation>
    </message>
    <message>
        <source>https (default) or http.</source>
        <translation>https (Standard) oder http.</translation>
    </message>
    <message>
        <source>Automation user, or a user with a password.</source>
        <translation>Automationsbenutzer oder ein Benutzer mit Passwort.</translation>
    </message>
    <message>
        <source>File holding the automation secret.</source>
        <translation>Datei mit dem Automationspasswort.</translation>
    </message>
    <message>
        <source>File holding the user&apos;s password.</source>
        <translation>Datei mit dem Passwort des Benutzers.</translation>
    </message>
    <message>
        <source>Where to write the state (default %1).</source>
        <translation>Wohin der Status geschrieben wird (Standard %1).</translation>
    </message>
    <message>
        <source>Trust the server&apos;s certificate when it does not verify, and keep it as a local certificate.</source>
        <translation>Dem Zertifikat des Servers vertrauen, wenn es sich nicht prüfen lässt, und es als lokales Zertifikat behalten.</translation>
    </message>
    <message>
        <source>Do not verify the server&apos;s certificate at all.</source>
        <translation>Das Zertifikat des Servers überhaupt nicht prüfen.</translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;</source>
        <translation>unerwartetes Argument „%1“</translation>
    </message>
    <message>
        <source>--protocol must be https or http</source>
        <translation>--protocol muss https oder http sein</translation>
    </message>
    <message>
        <source>--trust-cert and --insecure exclude each other</source>
        <translation>--trust-cert und --insecure schließen sich gegenseitig aus</translation>
    </message>
    <message>
        <source>cannot write %1 (run as root, or choose another path with --state-file)</source>
        <translation>%1 kann nicht geschrieben werden (als root ausführen oder mit --state-file einen anderen Pfad wählen)</translation>
    </message>
    <message>
        <source>no certificate</source>
        <translation>kein Zertifikat</translation>
    </message>
    <message>
        <source>the server&apos;s certificate is not trusted (SHA-256 %1): %2; use --trust-cert to trust it</source>
        <translation>dem Zertifikat des Servers wird nicht vertraut (SHA-256 %1): %2; mit --trust-cert vertrauen Sie ihm</translation>
    </message>
    <message>
        <source>wrong user or secret: the site did not accept the credentials of %1</source>
        <translation>falscher Benutzer oder falsches Secret: die Instanz hat die Zugangsdaten von %1 nicht akzeptiert</translation>
    </message>
    <message>
        <source>Registered %1 at site %2; state written to %3.</source>
        <translation>%1 bei Instanz %2 registriert; Status nach %3 geschrieben.</translation>
    </message>
    <message>
        <source>Note: the host is not yet monitored; activate the pending changes on the site.</source>
        <translation>Hinweis: Der Host wird noch nicht überwacht; aktivieren Sie die ausstehenden Änderungen auf der Instanz.</translation>
    </message>
    <message>
        <source>Prints the agent updater&apos;s configuration: each key, its value (secrets masked) and the file it comes from. Values in the .cfg override the .state.</source>
        <translation>Gibt die Konfiguration des Agent Updaters aus: jeden Schlüssel, seinen Wert (Secrets maskiert) und die Datei, aus der er stammt. Werte in der .cfg überschreiben die der .state.</translation>
    </message>
    <message>
        <source>The .cfg file (default %1).</source>
        <translation>Die .cfg-Datei (Standard %1).</translation>
    </message>
    <message>
        <source>The .state file (default %1).</source>
        <translation>Die .state-Datei (Standard %1).</translation>
    </message>
    <message>
        <source>, overrides the .state</source>
        <translation>, überschreibt die .state</translation>
    </message>
    <message>
        <source>No configuration: neither %1 nor %2 has any key.</source>
        <translation>Keine Konfiguration: Weder %1 noch %2 enthält einen Schlüssel.</translation>
    </message>
    <message>
        <source>Note: a certificate the site sent was not kept: %1</source>
        <translation>Hinweis: Ein von der Instanz gesendetes Zertifikat wurde nicht behalten: %1</translation>
    </message>
    <message>
        <source>Usage: agentdesk register --server S --site I --hostname H --user U (--secret-file F | --password-file F) [options]</source>
        <translation>Aufruf: agentdesk register --server S --site I --hostname H --user U (--secret-file F | --password-file F) [Optionen]</translation>
    </message>
    <message>
        <source>one of --secret-file and --password-file</source>
        <translation>eine der Optionen --secret-file und --password-file</translation>
    </message>
    <message>
        <source>missing %1</source>
        <translation>es fehlt %1</translation>
    </message>
    <message>
        <source>; </source>
        <translation>; </translation>
    </message>
    <message>
        <source>give only one of --secret-file and --password-file</source>
        <translation>geben Sie nur eine der Optionen --secret-file und --password-file an</translation>
    </message>
    <message>
        <source>site not found: %1 answered %2 for %3; check --site (the site&apos;s name, as in https://server/SITE/) and --server</source>
        <translation>Instanz nicht gefunden: %1 antwortete %2 für %3; prüfen Sie --site (den Namen der Instanz, wie in https://server/INSTANZ/) und --server</translation>
    </message>
    <message>
        <source>Usage: agentdesk show-config [--cfg P] [--state P]</source>
        <translation>Aufruf: agentdesk show-config [--cfg P] [--state P]</translation>
    </message>
    <message>
        <source>Exit codes:
  0  shown
  2  usage: an option wrong
  6  a file cannot be read or parsed</source>
        <translation>Exit-Codes:
  0  angezeigt
  2  Aufruf: eine Option ist falsch
  6  eine Datei kann nicht gelesen oder ausgewertet werden</translation>
    </message>
    <message>
        <source>Give up on a request to the site that has not finished after this many seconds (1 to %1, default %2); exit code 7.</source>
        <translation>Eine Anfrage an die Instanz aufgeben, die nach so vielen Sekunden nicht fertig ist (1 bis %1, Vorgabe %2); Exit-Code 7.</translation>
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
        <translation>Exit-Codes:
  0  registriert, die Statusdatei geschrieben
  2  Aufruf: eine Option fehlt oder ist falsch
  3  dem Zertifikat des Servers wird nicht vertraut (siehe --trust-cert)
  4  falscher Benutzer, falsches Secret oder Passwort
  5  die Instanz hat die Registrierung abgelehnt
  6  die Statusdatei kann nicht gelesen oder geschrieben werden
  7  Netz: keine Antwort, Zeitüberschreitung (siehe --timeout) oder nicht das Protokoll des Updaters
  8  Instanz nicht gefunden: der Server antwortet 404 für die Seiten der Instanz</translation>
    </message>
    <message>
        <source>--timeout: expected a whole number of seconds from 1 to %1</source>
        <translation>--timeout: erwartet wird eine ganze Zahl von Sekunden von 1 bis %1</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is empty</source>
        <translation>%1 ist leer</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>Diese Hilfe anzeigen.</translation>
    </message>
    <message>
        <source>%1 (agentdesk %2 --help lists the options)</source>
        <translation>%1 (agentdesk %2 --help listet die Optionen)</translation>
    </message>
</context>
<context>
    <name>ConditionText</name>
    <message>
        <source>&quot;%1&quot; is not of the form group:tag</source>
        <translation>„%1“ hat nicht die Form Gruppe:Merkmal</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: a list of tags ends with ]</source>
        <translation>„%1“: Eine Liste von Merkmalen endet mit ]</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: a tag in the list is empty</source>
        <translation>„%1“: Ein Merkmal in der Liste ist leer</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: two operators in a row</source>
        <translation>„%1“: zwei Operatoren hintereinander</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a label of the form key:value</source>
        <translation>„%1“ ist kein Label der Form Schlüssel:Wert</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: put and, or or not between two labels</source>
        <translation>„%1“: Setzen Sie and, or oder not zwischen zwei Labels</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: a label is missing</source>
        <translation>„%1“: Ein Label fehlt</translation>
    </message>
</context>
<context>
    <name>ConnectionEditor</name>
    <message>
        <source>Connect &amp;without verifying the certificate (insecure)</source>
        <translation>Ohne Prüfung des Zertifikats verbinden (&amp;unsicher)</translation>
    </message>
    <message>
        <source>e.g. Production</source>
        <translation>z. B. Produktion</translation>
    </message>
    <message>
        <source>monitoring.example.com or host:port</source>
        <translation>monitoring.example.com oder host:port</translation>
    </message>
    <message>
        <source>e.g. mysite</source>
        <translation>z. B. meineinstanz</translation>
    </message>
    <message>
        <source>Automation secret</source>
        <translation>Automationspasswort</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Se&amp;rver:</source>
        <translation>Se&amp;rver:</translation>
    </message>
    <message>
        <source>S&amp;ite:</source>
        <translation>&amp;Instanz:</translation>
    </message>
    <message>
        <source>&amp;Protocol:</source>
        <translation>&amp;Protokoll:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Benutzer:</translation>
    </message>
    <message>
        <source>Se&amp;cret:</source>
        <translation>Se&amp;cret:</translation>
    </message>
    <message>
        <source>&amp;Timeout:</source>
        <translation>&amp;Zeitlimit:</translation>
    </message>
    <message>
        <source>Certificates:</source>
        <translation>Zertifikate:</translation>
    </message>
    <message>
        <source>Verified against the system&apos;s certificate authorities.</source>
        <translation>Geprüft gegen die Zertifizierungsstellen des Systems.</translation>
    </message>
    <message numerus="yes">
        <source>System CAs plus %n certificate(s) you chose to trust.</source>
        <translation>
            <numerusform>System-CAs und %n Zertifikat, dem Sie vertrauen.</numerusform>
            <numerusform>System-CAs und %n Zertifikate, denen Sie vertrauen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Insecure: anyone between you and the site can read the secret and change what you see. AgentDesk shows this in the status bar while connected.</source>
        <translation>Unsicher: Jeder zwischen Ihnen und der Instanz kann das Secret mitlesen und verändern, was Sie sehen. AgentDesk zeigt das während der Verbindung in der Statusleiste.</translation>
    </message>
    <message>
        <source>HTTP sends the secret unencrypted. Use HTTPS unless the site is local.</source>
        <translation>HTTP überträgt das Secret unverschlüsselt. Verwenden Sie HTTPS, außer die Instanz ist lokal.</translation>
    </message>
</context>
<context>
    <name>ConnectionManagerDialog</name>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>Remo&amp;ve</source>
        <translation>Ent&amp;fernen</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>Site connections</source>
        <translation>Instanzverbindungen</translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation>(unbenannt)</translation>
    </message>
    <message>
        <source>Name: another connection is called &quot;%1&quot;.</source>
        <translation>Name: Eine andere Verbindung heißt bereits „%1“.</translation>
    </message>
    <message>
        <source>Changed; saved with the connection</source>
        <translation>Geändert; wird mit der Verbindung gespeichert</translation>
    </message>
    <message>
        <source>Stored in the keychain; type to replace</source>
        <translation>Im Schlüsselbund gespeichert; zum Ersetzen neu eingeben</translation>
    </message>
    <message>
        <source>New site</source>
        <translation>Neue Instanz</translation>
    </message>
    <message>
        <source>New site %1</source>
        <translation>Neue Instanz %1</translation>
    </message>
    <message>
        <source>Automation secret</source>
        <translation>Automationspasswort</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Teste …</translation>
    </message>
    <message>
        <source>Connected to site &quot;%1&quot;: Checkmk %2, %3 edition.</source>
        <translation>Verbunden mit Instanz „%1“: Checkmk %2, %3 Edition.</translation>
    </message>
    <message>
        <source>Test failed: %1</source>
        <translation>Test fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The site&apos;s certificate is not trusted. Look at it and trust it if the fingerprint is the one your site administrator gives you.</source>
        <translation>Das Zertifikat der Instanz ist nicht vertrauenswürdig. Sehen Sie es sich an und vertrauen Sie ihm, wenn der Fingerabdruck der ist, den Ihnen Ihr Instanz-Administrator nennt.</translation>
    </message>
    <message>
        <source>Show certificate…</source>
        <translation>Zertifikat anzeigen …</translation>
    </message>
    <message>
        <source>The server answered, but there is no Checkmk site with this name at this address. Check the site name (the OMD site, as in https://server/SITE/check_mk/).</source>
        <translation>Der Server hat geantwortet, hat unter dieser Adresse aber keine Checkmk-Instanz dieses Namens. Prüfen Sie den Instanznamen (die OMD-Instanz, wie in https://server/INSTANZ/check_mk/).</translation>
    </message>
    <message>
        <source>Edit site name</source>
        <translation>Instanznamen bearbeiten</translation>
    </message>
    <message>
        <source>The site did not accept the user or its secret. Enter the automation secret of the user (in Checkmk: Setup › Users, the automation user&apos;s properties).</source>
        <translation>Die Instanz hat den Benutzer oder sein Secret nicht akzeptiert. Geben Sie das Automationspasswort des Benutzers ein (in Checkmk: Setup › Users, die Eigenschaften des Automationsbenutzers).</translation>
    </message>
    <message>
        <source>Edit secret</source>
        <translation>Secret bearbeiten</translation>
    </message>
    <message>
        <source>Test failed: %1
%2</source>
        <translation>Test fehlgeschlagen: %1
%2</translation>
    </message>
</context>
<context>
    <name>CreateKeyDialog</name>
    <message>
        <source>I understand the passphrase cannot be recovered or changed</source>
        <translation>Ich weiß, dass die Passphrase nicht wiederherstellbar ist</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen …</translation>
    </message>
    <message>
        <source>Create signature key</source>
        <translation>Signaturschlüssel erstellen</translation>
    </message>
    <message>
        <source>e.g. Agent signing key 2025</source>
        <translation>z. B. Signaturschlüssel 2025</translation>
    </message>
    <message>
        <source>The passphrases do not match.</source>
        <translation>Die Passphrasen stimmen nicht überein.</translation>
    </message>
    <message>
        <source>Create key</source>
        <translation>Schlüssel erstellen</translation>
    </message>
    <message>
        <source>The site signs agent packages with this key. Agents accept a package only when it is signed by a key listed in the agent updater rule. Keep the passphrase safe: nobody can recover or change it.</source>
        <translation>Die Instanz signiert Agentenpakete mit diesem Schlüssel. Agenten akzeptieren ein Paket nur, wenn es mit einem Schlüssel signiert ist, den die Agent-Updater-Regel nennt. Bewahren Sie die Passphrase sicher auf: Niemand kann sie wiederherstellen oder ändern.</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <source>Strength:</source>
        <translation>Stärke:</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation>&amp;Wiederholen:</translation>
    </message>
    <message>
        <source>Backup file:</source>
        <translation>Sicherungsdatei:</translation>
    </message>
    <message>
        <source>Enter a description for the key.</source>
        <translation>Geben Sie eine Beschreibung für den Schlüssel ein.</translation>
    </message>
    <message>
        <source>The passphrase needs at least %1 characters.</source>
        <translation>Die Passphrase braucht mindestens %1 Zeichen.</translation>
    </message>
    <message>
        <source>Repeat the passphrase exactly.</source>
        <translation>Wiederholen Sie die Passphrase genau.</translation>
    </message>
    <message>
        <source>Choose where to save a backup of the key.</source>
        <translation>Wählen Sie, wo eine Sicherung des Schlüssels gespeichert wird.</translation>
    </message>
    <message>
        <source>Confirm that you understand the passphrase cannot be recovered.</source>
        <translation>Bestätigen Sie, dass die Passphrase nicht wiederhergestellt werden kann.</translation>
    </message>
    <message>
        <source>too short</source>
        <translation>zu kurz</translation>
    </message>
    <message>
        <source>weak</source>
        <translation>schwach</translation>
    </message>
    <message>
        <source>fair</source>
        <translation>mittel</translation>
    </message>
    <message>
        <source>good</source>
        <translation>gut</translation>
    </message>
    <message>
        <source>strong</source>
        <translation>stark</translation>
    </message>
    <message>
        <source>Save key backup</source>
        <translation>Schlüsselsicherung speichern</translation>
    </message>
    <message>
        <source>PEM files (*.pem);;All files (*)</source>
        <translation>PEM-Dateien (*.pem);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>The backup folder %1 does not exist. Choose a folder that exists, such as %2.</source>
        <translation>Der Sicherungsordner %1 existiert nicht. Wählen Sie einen vorhandenen Ordner, etwa %2.</translation>
    </message>
    <message>
        <source>Generating and uploading the key…</source>
        <translation>Schlüssel wird erzeugt und hochgeladen…</translation>
    </message>
</context>
<context>
    <name>DialogSubmission</name>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>The site did not accept the connection&apos;s user, secret or site name: edit the connection, then try again. What you typed here is kept.</source>
        <translation>Die Instanz hat Benutzer, Secret oder Instanznamen der Verbindung nicht akzeptiert: Bearbeiten Sie die Verbindung und versuchen Sie es dann erneut. Ihre Eingaben hier bleiben erhalten.</translation>
    </message>
    <message>
        <source>The site&apos;s certificate is not trusted: look at it and trust it if its fingerprint is the one your site administrator gives you. What you typed here is kept.</source>
        <translation>Dem Zertifikat der Instanz wird nicht vertraut: Sehen Sie es an und vertrauen Sie ihm, wenn sein Fingerabdruck der ist, den Ihnen die Administration der Instanz nennt. Ihre Eingaben hier bleiben erhalten.</translation>
    </message>
    <message>
        <source>The site could not be reached: try again once it is reachable. What you typed here is kept.</source>
        <translation>Die Instanz ist nicht erreichbar: Versuchen Sie es erneut, sobald sie erreichbar ist. Ihre Eingaben hier bleiben erhalten.</translation>
    </message>
</context>
<context>
    <name>DistributionBar</name>
    <message>
        <source>Distribution of hosts per category</source>
        <translation>Verteilung der Hosts auf die Kategorien</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: %2 hosts (%3 %)</source>
        <translation>%1: %2 Hosts (%3 %)</translation>
    </message>
</context>
<context>
    <name>EffectiveRuleValue</name>
    <message>
        <source>not set: the updater plug-in is not deployed</source>
        <translation>nicht gesetzt: Das Updater-Plugin wird nicht verteilt</translation>
    </message>
    <message>
        <source>not set: the host must be registered by hand</source>
        <translation>nicht gesetzt: Der Host muss von Hand registriert werden</translation>
    </message>
    <message>
        <source>not set: the system&apos;s trusted CAs</source>
        <translation>nicht gesetzt: die vertrauenswürdigen CAs des Systems</translation>
    </message>
    <message>
        <source>not set: every %1 s</source>
        <translation>nicht gesetzt: alle %1 s</translation>
    </message>
    <message>
        <source>not set: the environment&apos;s proxy settings</source>
        <translation>nicht gesetzt: die Proxy-Einstellungen der Umgebung</translation>
    </message>
    <message>
        <source>not set: the bakery&apos;s default package</source>
        <translation>nicht gesetzt: das Standardpaket der Agent Bakery</translation>
    </message>
    <message>
        <source>not set: no key is accepted, so no agent is installed</source>
        <translation>nicht gesetzt: Kein Schlüssel wird akzeptiert, also wird kein Agent installiert</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>nicht gesetzt</translation>
    </message>
</context>
<context>
    <name>ErrorBanner</name>
    <message>
        <source>&amp;Details</source>
        <translation>&amp;Details</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Dismiss message</source>
        <translation>Meldung schließen</translation>
    </message>
    <message>
        <source>Request: %1</source>
        <translation>Anfrage: %1</translation>
    </message>
</context>
<context>
    <name>ErrorDiagnosis</name>
    <message>
        <source>Automatic updates are switched off</source>
        <translation>Automatische Updates sind abgeschaltet</translation>
    </message>
    <message>
        <source>The site answers every update check with &quot;deployment is currently globally disabled&quot;: the master switch &quot;Activation of automatic agent updates&quot; is off.</source>
        <translation>Die Instanz beantwortet jede Update-Prüfung mit „deployment is currently globally disabled“: Der Hauptschalter „Aktivierung der automatischen Agenten-Updates“ ist aus.</translation>
    </message>
    <message>
        <source>Turn the master switch on (Setup page) once the prerequisites are met, then activate the changes.</source>
        <translation>Schalten Sie den Hauptschalter ein (Seite Einrichtung), sobald die Voraussetzungen erfüllt sind, und aktivieren Sie dann die Änderungen.</translation>
    </message>
    <message>
        <source>Left out by the host selection</source>
        <translation>Von der Host-Auswahl ausgeschlossen</translation>
    </message>
    <message>
        <source>The host selection of the automatic updates does not pick this host, so the site refuses to hand it an agent.</source>
        <translation>Die Host-Auswahl der automatischen Updates erfasst diesen Host nicht, daher gibt ihm die Instanz keinen Agenten.</translation>
    </message>
    <message>
        <source>Add the host to the host selection (use &quot;Test with this host name&quot; to see which condition leaves it out) and activate the changes.</source>
        <translation>Nehmen Sie den Host in die Host-Auswahl auf (mit „Mit diesem Hostnamen testen“ sehen Sie, welche Bedingung ihn ausschließt) und aktivieren Sie die Änderungen.</translation>
    </message>
    <message>
        <source>No valid signature</source>
        <translation>Keine gültige Signatur</translation>
    </message>
    <message>
        <source>The updater installs only packages signed by one of the keys it accepts. The package it got carries no signature of such a key (or only one of an expired key).</source>
        <translation>Der Updater installiert nur Pakete, die mit einem der von ihm akzeptierten Schlüssel signiert sind. Das erhaltene Paket trägt keine Signatur eines solchen Schlüssels (oder nur die eines abgelaufenen).</translation>
    </message>
    <message>
        <source>Not registered</source>
        <translation>Nicht registriert</translation>
    </message>
    <message>
        <source>The site does not know a host secret for this host, so it cannot trust the updater&apos;s requests.</source>
        <translation>Die Instanz kennt kein Host-Secret für diesen Host und kann den Anfragen des Updaters daher nicht vertrauen.</translation>
    </message>
    <message>
        <source>Register the host: on the host run &quot;cmk-update-agent register&quot; (or use AgentDesk&apos;s Register page there).</source>
        <translation>Registrieren Sie den Host: Führen Sie auf dem Host „cmk-update-agent register“ aus (oder verwenden Sie dort die Seite Rechner registrieren von AgentDesk).</translation>
    </message>
    <message>
        <source>The deploy URL does not exist (404)</source>
        <translation>Die Deploy-URL existiert nicht (404)</translation>
    </message>
    <message>
        <source>The updater reached a web server, but not a Checkmk site with that name: deploy_agent.py answered 404. The server or site in the agent updater rule is wrong, or the site was renamed.</source>
        <translation>Der Updater hat einen Webserver erreicht, aber keine Checkmk-Instanz dieses Namens: deploy_agent.py antwortete mit 404. Server oder Instanz in der Agent-Updater-Regel sind falsch, oder die Instanz wurde umbenannt.</translation>
    </message>
    <message>
        <source>TLS certificate not trusted</source>
        <translation>TLS-Zertifikat nicht vertrauenswürdig</translation>
    </message>
    <message>
        <source>The updater could not verify the site&apos;s HTTPS certificate against the CAs it knows.</source>
        <translation>Der Updater konnte das HTTPS-Zertifikat der Instanz nicht gegen die ihm bekannten CAs prüfen.</translation>
    </message>
    <message>
        <source>/tmp is mounted noexec</source>
        <translation>/tmp ist mit noexec eingehängt</translation>
    </message>
    <message>
        <source>The packaged updater unpacks itself to a temporary directory and runs from there; on this host that directory is mounted with noexec.</source>
        <translation>Der paketierte Updater entpackt sich in ein temporäres Verzeichnis und läuft von dort; auf diesem Host ist dieses Verzeichnis mit noexec eingehängt.</translation>
    </message>
    <message>
        <source>Set TMPDIR to an executable directory in the &quot;Installation paths for agent files (Linux, UNIX)&quot; rule, or use the Python script edition of the updater.</source>
        <translation>Setzen Sie TMPDIR in der Regel „Installation paths for agent files (Linux, UNIX)“ auf ein ausführbares Verzeichnis, oder verwenden Sie die Python-Skript-Edition des Updaters.</translation>
    </message>
    <message>
        <source>Damaged by prelink</source>
        <translation>Durch prelink beschädigt</translation>
    </message>
    <message>
        <source>prelink rewrote the packaged updater binary, which then cannot read its own archive (&quot;Cannot open self&quot;).</source>
        <translation>prelink hat das paketierte Updater-Binary umgeschrieben, das danach sein eigenes Archiv nicht mehr lesen kann („Cannot open self“).</translation>
    </message>
    <message>
        <source>Add a blacklist entry for the updater binary to /etc/prelink.conf (e.g. &quot;-b /usr/bin/cmk-update-agent&quot;) and reinstall the agent.</source>
        <translation>Tragen Sie das Updater-Binary in /etc/prelink.conf als Ausnahme ein (z. B. „-b /usr/bin/cmk-update-agent“) und installieren Sie den Agenten neu.</translation>
    </message>
    <message>
        <source>rpm refused under SELinux</source>
        <translation>rpm unter SELinux abgelehnt</translation>
    </message>
    <message>
        <source>rpm works when run by hand but fails when the updater runs it as an agent plug-in: SELinux confines the plug-in&apos;s context.</source>
        <translation>rpm funktioniert von Hand, scheitert aber, wenn der Updater es als Agenten-Plugin ausführt: SELinux schränkt den Kontext des Plugins ein.</translation>
    </message>
    <message>
        <source>Allow the updater&apos;s context to run rpm with a local SELinux policy module (audit2allow on the logged denials), or run the updater from cron instead of as a plug-in.</source>
        <translation>Erlauben Sie dem Kontext des Updaters mit einem lokalen SELinux-Richtlinienmodul, rpm auszuführen (audit2allow auf die protokollierten Ablehnungen), oder führen Sie den Updater per cron statt als Plugin aus.</translation>
    </message>
    <message>
        <source>Unrecognised error</source>
        <translation>Unbekannter Fehler</translation>
    </message>
    <message>
        <source>AgentDesk does not know this error. The updater reported:
%1</source>
        <translation>AgentDesk kennt diesen Fehler nicht. Der Updater meldete:
%1</translation>
    </message>
    <message>
        <source>Run &quot;cmk-update-agent -v&quot; on the host to see the whole output.</source>
        <translation>Führen Sie „cmk-update-agent -v“ auf dem Host aus, um die ganze Ausgabe zu sehen.</translation>
    </message>
    <message>
        <source>Sign the agents with a key of the rule&apos;s &quot;Accepted signature keys&quot; (Setup page, Edit rule; in Checkmk &quot;Signature keys the agent will accept&quot;), or tick the signing key there; bake and sign again.</source>
        <translation>Signieren Sie die Agenten mit einem Schlüssel aus „Akzeptierte Signaturschlüssel“ der Regel (Seite Einrichtung, Regel bearbeiten; in Checkmk „Signature keys the agent will accept“), oder haken Sie dort den Signaturschlüssel an; backen und signieren Sie erneut.</translation>
    </message>
    <message>
        <source>Correct &quot;Update server&quot; and its site in the agent updater rule (Setup page, Edit rule), bake and sign, and let the host update once by hand (cmk-update-agent -v).</source>
        <translation>Korrigieren Sie „Update-Server“ und dessen Instanz in der Agent-Updater-Regel (Seite Einrichtung, Regel bearbeiten), backen und signieren Sie, und lassen Sie den Host einmal von Hand aktualisieren (cmk-update-agent -v).</translation>
    </message>
    <message>
        <source>Add the root CA of the site&apos;s certificate to the rule&apos;s &quot;CA certificates&quot; (Setup page, Edit rule; in Checkmk &quot;Certificates for HTTPS verification&quot;), not the site&apos;s own leaf certificate. Bake and sign again.</source>
        <translation>Fügen Sie das Wurzel-CA-Zertifikat des Instanzzertifikats zu den „CA-Zertifikaten“ der Regel hinzu (Seite Einrichtung, Regel bearbeiten; in Checkmk „Certificates for HTTPS verification“), nicht das eigene Zertifikat der Instanz. Backen und signieren Sie erneut.</translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <source>Saved to %1</source>
        <translation>Gespeichert unter %1</translation>
    </message>
    <message>
        <source>Open &amp;folder</source>
        <translation>&amp;Ordner öffnen</translation>
    </message>
</context>
<context>
    <name>GuiCommandLine</name>
    <message>
        <source>agentdesk: no display (DISPLAY and WAYLAND_DISPLAY are not set), so the window cannot open; run it under Xvfb (xvfb-run agentdesk --demo), or use what needs none: agentdesk --help, --version, register, show-config.</source>
        <translation>agentdesk: keine Anzeige (DISPLAY und WAYLAND_DISPLAY sind nicht gesetzt), daher kann das Fenster nicht öffnen; starten Sie es unter Xvfb (xvfb-run agentdesk --demo), oder verwenden Sie, was keine braucht: agentdesk --help, --version, register, show-config.</translation>
    </message>
    <message>
        <source>A console for the automatic agent updates of Checkmk sites.</source>
        <translation>Eine Konsole für die automatischen Agenten-Updates von Checkmk-Instanzen.</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>Diese Hilfe anzeigen.</translation>
    </message>
    <message>
        <source>Show the version.</source>
        <translation>Die Version anzeigen.</translation>
    </message>
    <message>
        <source>Start the embedded demo site and connect to it.</source>
        <translation>Die eingebaute Demo-Instanz starten und sich mit ihr verbinden.</translation>
    </message>
    <message>
        <source>Number of hosts of the demo site (default 2000).</source>
        <translation>Anzahl der Hosts der Demo-Instanz (Standard 2000).</translation>
    </message>
    <message>
        <source>Connect to the saved connection NAME.</source>
        <translation>Mit der gespeicherten Verbindung NAME verbinden.</translation>
    </message>
    <message>
        <source>agentdesk: %1 (agentdesk --help lists the options)</source>
        <translation>agentdesk: %1 (agentdesk --help listet die Optionen)</translation>
    </message>
    <message>
        <source>Usage: agentdesk [--demo [--demo-hosts N] | --connection NAME]
       agentdesk register --server S --site I --hostname H --user U (--secret-file F | --password-file F) [options]
       agentdesk show-config [--cfg P] [--state P]
</source>
        <translation>Aufruf: agentdesk [--demo [--demo-hosts N] | --connection NAME]
        agentdesk register --server S --site I --hostname H --user U (--secret-file F | --password-file F) [Optionen]
        agentdesk show-config [--cfg P] [--state P]
</translation>
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
        <translation>
Befehle (sie brauchen keine Anzeige; siehe agentdesk BEFEHL --help):
  register     Diesen Rechner für automatische Agenten-Updates registrieren,
               wie es cmk-update-agent register tut.
  show-config  Die Konfiguration des Agent Updaters ausgeben.

Das Fenster braucht eine Anzeige (X11 oder Wayland); ohne sie starten
Sie es unter Xvfb: xvfb-run agentdesk --demo
</translation>
    </message>
    <message>
        <source>agentdesk: unknown command &quot;%1&quot; (the commands are register and show-config)</source>
        <translation>agentdesk: unbekannter Befehl „%1“ (die Befehle sind register und show-config)</translation>
    </message>
    <message>
        <source>agentdesk: --demo-hosts: expected a whole number from 0 to %1</source>
        <translation>agentdesk: --demo-hosts: erwartet wird eine ganze Zahl von 0 bis %1</translation>
    </message>
    <message>
        <source>agentdesk: --demo and --connection exclude each other</source>
        <translation>agentdesk: --demo und --connection schließen sich gegenseitig aus</translation>
    </message>
</context>
<context>
    <name>HostDetailPane</name>
    <message>
        <source>Host details</source>
        <translation>Host-Details</translation>
    </message>
    <message>
        <source>Select a host to see its details and the diagnosis of its update status.</source>
        <translation>Wählen Sie einen Host, um seine Details und die Diagnose seines Update-Status zu sehen.</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>No update check yet.</source>
        <translation>Noch keine Update-Prüfung.</translation>
    </message>
    <message>
        <source>stale: older than twice the interval</source>
        <translation>veraltet: älter als das doppelte Intervall</translation>
    </message>
    <message>
        <source>a check is due</source>
        <translation>eine Prüfung ist fällig</translation>
    </message>
    <message>
        <source>fresh</source>
        <translation>aktuell</translation>
    </message>
    <message>
        <source>Last check %1, interval %2: %3.</source>
        <translation>Letzte Prüfung %1, Intervall %2: %3.</translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n Min.</numerusform>
            <numerusform>%n Min.</numerusform>
        </translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation>Diagnose</translation>
    </message>
    <message>
        <source>What to do:</source>
        <translation>Was zu tun ist:</translation>
    </message>
    <message>
        <source>Agent hash</source>
        <translation>Agenten-Hash</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Downloaded</source>
        <translation>Heruntergeladen</translation>
    </message>
    <message>
        <source>Installed</source>
        <translation>Installiert</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Instanz</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Registriert</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>In host selection</source>
        <translation>In der Host-Auswahl</translation>
    </message>
    <message>
        <source>Last check</source>
        <translation>Letzte Prüfung</translation>
    </message>
    <message>
        <source>Last update</source>
        <translation>Letztes Update</translation>
    </message>
    <message>
        <source>Update check</source>
        <translation>Update-Prüfung</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Letzter Fehler</translation>
    </message>
    <message>
        <source>&amp;Find target agent</source>
        <translation>Ziel&amp;agent ermitteln</translation>
    </message>
    <message>
        <source>The site names no target agent for this host. Compare the package the site baked for it with the packages of the site&apos;s agents to find which agent it is.</source>
        <translation>Die Instanz nennt für diesen Host keinen Zielagenten. Das Paket, das die Instanz für ihn gebacken hat, wird mit den Paketen ihrer Agenten verglichen, um ihn zu finden.</translation>
    </message>
    <message>
        <source>The selected host: its update state, what its updater last reported, and the diagnosis: what the error means and what to do, in the rule editor&apos;s field names. The cases the diagnosis recognises:</source>
        <translation>Der gewählte Host: sein Update-Zustand, was sein Updater zuletzt gemeldet hat, und die Diagnose: was der Fehler bedeutet und was zu tun ist, mit den Feldnamen des Regeleditors. Die Fälle, die die Diagnose erkennt:</translation>
    </message>
</context>
<context>
    <name>HostInventoryReader</name>
    <message>
        <source>The host list is not valid JSON: %1 (host entry %2).</source>
        <translation>Die Host-Liste ist kein gültiges JSON: %1 (Host-Eintrag %2).</translation>
    </message>
    <message>
        <source>host_config entry %1 has no &quot;id&quot;.</source>
        <translation>Der host_config-Eintrag %1 hat keine „id“.</translation>
    </message>
    <message>
        <source>host_config collection: expected an array &quot;value&quot;.</source>
        <translation>host_config-Sammlung: Ein Array „value“ wurde erwartet.</translation>
    </message>
</context>
<context>
    <name>HostSecret</name>
    <message>
        <source>host_secret: expected only the letters A-Z, a-z and digits; byte %1 is not ASCII.</source>
        <translation>host_secret: erwartet nur die Buchstaben A-Z, a-z und Ziffern; Byte %1 ist kein ASCII.</translation>
    </message>
    <message>
        <source>host_secret: expected only the letters A-Z, a-z and digits; character %1 is not one of them.</source>
        <translation>host_secret: erwartet nur die Buchstaben A-Z, a-z und Ziffern; Zeichen %1 gehört nicht dazu.</translation>
    </message>
    <message>
        <source>host_secret: expected %1 characters, got %2.</source>
        <translation>host_secret: erwartet %1 Zeichen, erhalten %2.</translation>
    </message>
</context>
<context>
    <name>HostSelectionEvaluator</name>
    <message>
        <source>(no tag in this group)</source>
        <translation>(kein Merkmal in dieser Gruppe)</translation>
    </message>
    <message>
        <source>(no label %1)</source>
        <translation>(kein Label %1)</translation>
    </message>
    <message>
        <source>(the site does not report host groups: cannot be evaluated locally)</source>
        <translation>(die Instanz meldet keine Host-Gruppen: lokal nicht auswertbar)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Instanz</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Host tag</source>
        <translation>Host-Merkmal</translation>
    </message>
    <message>
        <source>Host label</source>
        <translation>Host-Label</translation>
    </message>
    <message>
        <source>Host group</source>
        <translation>Host-Gruppe</translation>
    </message>
    <message>
        <source>Explicit hosts</source>
        <translation>Explizite Hosts</translation>
    </message>
    <message>
        <source>Excluded hosts</source>
        <translation>Ausgeschlossene Hosts</translation>
    </message>
</context>
<context>
    <name>HostSelectionPage</name>
    <message>
        <source>Hosts that get automatic agent updates. All conditions must hold; an empty selection means all hosts.</source>
        <translation>Hosts, die automatische Agenten-Updates erhalten. Alle Bedingungen müssen zutreffen; eine leere Auswahl bedeutet alle Hosts.</translation>
    </message>
    <message>
        <source>&amp;Save selection</source>
        <translation>Auswahl &amp;speichern</translation>
    </message>
    <message>
        <source>&amp;Revert</source>
        <translation>&amp;Verwerfen</translation>
    </message>
    <message>
        <source>Discard the edits and go back to the saved selection</source>
        <translation>Die Änderungen verwerfen und zur gespeicherten Auswahl zurückkehren</translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation>Neu &amp;laden</translation>
    </message>
    <message>
        <source>Fetch the selection, hosts and tags from the site again</source>
        <translation>Auswahl, Hosts und Merkmale erneut von der Instanz holen</translation>
    </message>
    <message>
        <source>The edited selection selects none of the %1 hosts: no host would get automatic updates.</source>
        <translation>Die bearbeitete Auswahl wählt keinen der %1 Hosts: Kein Host bekäme automatische Updates.</translation>
    </message>
    <message>
        <source>The edited selection drops %1 of the %2 hosts selected now (%3 %): they would stop getting automatic updates.</source>
        <translation>Die bearbeitete Auswahl lässt %1 der %2 jetzt ausgewählten Hosts weg (%3 %): Sie bekämen keine automatischen Updates mehr.</translation>
    </message>
    <message>
        <source>Dropped, among others: %1 and %2 more.</source>
        <translation>Weggelassen, unter anderem: %1 und %2 weitere.</translation>
    </message>
    <message>
        <source>Dropped: %1.</source>
        <translation>Weggelassen: %1.</translation>
    </message>
    <message>
        <source>Save this selection?</source>
        <translation>Diese Auswahl speichern?</translation>
    </message>
    <message>
        <source>Save the host selection?</source>
        <translation>Die Host-Auswahl speichern?</translation>
    </message>
    <message>
        <source>Writes the edited selection to the site&apos;s global setting &quot;Selection of hosts to activate agent updates for&quot;. It takes effect after Activate changes.</source>
        <translation>Schreibt die bearbeitete Auswahl in die globale Einstellung „Auswahl der Hosts, für die Agenten-Updates aktiviert werden“ der Instanz. Sie wirkt nach „Änderungen aktivieren“.</translation>
    </message>
    <message>
        <source>Discards the edits and goes back to the selection as last read from the site.</source>
        <translation>Verwirft die Bearbeitung und kehrt zur Auswahl zurück, wie sie zuletzt von der Instanz gelesen wurde.</translation>
    </message>
    <message>
        <source>Reads the selection, the hosts and the tag groups from the site again.</source>
        <translation>Liest die Auswahl, die Hosts und die Merkmalsgruppen erneut von der Instanz.</translation>
    </message>
</context>
<context>
    <name>KeysController</name>
    <message>
        <source>Generating a %1-bit RSA key… this takes a few seconds.</source>
        <translation>Erzeuge einen RSA-Schlüssel mit %1 Bit … das dauert einige Sekunden.</translation>
    </message>
    <message>
        <source>Key generation cancelled.</source>
        <translation>Schlüsselerzeugung abgebrochen.</translation>
    </message>
    <message>
        <source>The key could not be generated</source>
        <translation>Der Schlüssel konnte nicht erzeugt werden</translation>
    </message>
    <message>
        <source>The backup could not be written, so the key was not uploaded</source>
        <translation>Die Sicherung konnte nicht geschrieben werden, daher wurde der Schlüssel nicht hochgeladen</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Uploading the key…</source>
        <translation>Lade den Schlüssel hoch …</translation>
    </message>
    <message>
        <source>Key uploaded.</source>
        <translation>Schlüssel hochgeladen.</translation>
    </message>
    <message>
        <source>Downloading the key…</source>
        <translation>Lade den Schlüssel herunter …</translation>
    </message>
    <message>
        <source>The key could not be saved</source>
        <translation>Der Schlüssel konnte nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Key saved to %1.</source>
        <translation>Schlüssel gespeichert unter %1.</translation>
    </message>
    <message>
        <source> Remove the key from &quot;Signature keys the agent will accept&quot; in the agent updater rule, sign the agents with another key and activate the changes first.</source>
        <translation> Entfernen Sie den Schlüssel zuerst aus „Signature keys the agent will accept“ der Agent-Updater-Regel, signieren Sie die Agenten mit einem anderen Schlüssel und aktivieren Sie die Änderungen.</translation>
    </message>
    <message>
        <source>Key deleted.</source>
        <translation>Schlüssel gelöscht.</translation>
    </message>
    <message>
        <source>The backup folder %1 does not exist; choose one that does.</source>
        <translation>Der Sicherungsordner %1 existiert nicht; wählen Sie einen vorhandenen.</translation>
    </message>
    <message>
        <source>The key could not be generated: %1</source>
        <translation>Der Schlüssel konnte nicht erzeugt werden: %1</translation>
    </message>
    <message>
        <source>The backup could not be written to %1 (%2), so the key was not uploaded. Choose another backup file.</source>
        <translation>Die Sicherung konnte nicht nach %1 geschrieben werden (%2), daher wurde der Schlüssel nicht hochgeladen. Wählen Sie eine andere Sicherungsdatei.</translation>
    </message>
    <message>
        <source>The passphrase does not open this key.</source>
        <translation>Die Passphrase öffnet diesen Schlüssel nicht.</translation>
    </message>
    <message>
        <source>The key could not be saved to %1: %2</source>
        <translation>Der Schlüssel konnte nicht unter %1 gespeichert werden: %2</translation>
    </message>
    <message>
        <source>The key was not uploaded</source>
        <translation>Der Schlüssel wurde nicht hochgeladen</translation>
    </message>
</context>
<context>
    <name>KeysPage</name>
    <message>
        <source>Create key…</source>
        <translation>Schlüssel erstellen …</translation>
    </message>
    <message>
        <source>Upload key…</source>
        <translation>Schlüssel hochladen …</translation>
    </message>
    <message>
        <source>Download key…</source>
        <translation>Schlüssel herunterladen …</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen …</translation>
    </message>
    <message>
        <source>Certificate details</source>
        <translation>Zertifikatsdetails</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>This site has no signature keys yet.

Agents only install updates signed with a key they know. Create a key, or upload one you already have.</source>
        <translation>Diese Instanz hat noch keine Signaturschlüssel.

Agenten installieren nur Updates, die mit einem ihnen bekannten Schlüssel signiert sind. Erstellen Sie einen Schlüssel, oder laden Sie einen vorhandenen hoch.</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Abbrechen</translation>
    </message>
    <message>
        <source>This key is still used by the agent updater rule.</source>
        <translation>Dieser Schlüssel wird noch von der Agent-Updater-Regel verwendet.</translation>
    </message>
    <message>
        <source>Save key</source>
        <translation>Schlüssel speichern</translation>
    </message>
    <message>
        <source>PEM files (*.pem);;All files (*)</source>
        <translation>PEM-Dateien (*.pem);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>The site hands out the key &quot;%1&quot; only with its passphrase. The file holds the encrypted private key and the certificate.</source>
        <translation>Die Instanz gibt den Schlüssel „%1“ nur mit seiner Passphrase heraus. Die Datei enthält den verschlüsselten privaten Schlüssel und das Zertifikat.</translation>
    </message>
    <message>
        <source>Delete signature key</source>
        <translation>Signaturschlüssel löschen</translation>
    </message>
    <message>
        <source>Delete the key &quot;%1&quot;? Agents signed only with this key can no longer be updated, and the key cannot be restored without a backup.</source>
        <translation>Den Schlüssel „%1“ löschen? Nur mit diesem Schlüssel signierte Agenten können dann nicht mehr aktualisiert werden, und ohne Sicherung lässt sich der Schlüssel nicht wiederherstellen.</translation>
    </message>
    <message>
        <source>Key downloaded</source>
        <translation>Schlüssel heruntergeladen</translation>
    </message>
    <message>
        <source>The file holds the encrypted private key and its certificate; keep it like the passphrase.</source>
        <translation>Die Datei enthält den verschlüsselten privaten Schlüssel und sein Zertifikat; bewahren Sie sie so sorgfältig auf wie die Passphrase.</translation>
    </message>
    <message>
        <source>This site does not offer its signature keys through an interface AgentDesk can use: a stock Checkmk site manages them in its web GUI only.

Create, upload, download and delete keys on the site&apos;s page &quot;Signature keys for signing agents&quot;. Signing and baking work from the Agents page with a key&apos;s number.</source>
        <translation>Diese Instanz bietet ihre Signaturschlüssel über keine Schnittstelle an, die AgentDesk verwenden kann: Eine unveränderte Checkmk-Instanz verwaltet sie nur in ihrer Weboberfläche.

Erstellen, hochladen, herunterladen und löschen Sie Schlüssel auf der Seite „Signature keys for signing agents“ der Instanz. Signieren und Backen funktionieren auf der Seite Agenten mit der Nummer eines Schlüssels.</translation>
    </message>
    <message>
        <source>&amp;Open the site&apos;s signature keys page</source>
        <translation>Signaturschlüssel-Seite der Instanz &amp;öffnen</translation>
    </message>
    <message>
        <source>Creates a signature key on the site: an RSA key pair protected by a passphrase of at least 12 characters, asked for at every signing. The passphrase cannot be changed or recovered.</source>
        <translation>Erzeugt einen Signaturschlüssel auf der Instanz: ein RSA-Schlüsselpaar, geschützt durch eine Passphrase von mindestens 12 Zeichen, die bei jedem Signieren abgefragt wird. Die Passphrase kann weder geändert noch wiederhergestellt werden.</translation>
    </message>
    <message>
        <source>Uploads a key pair you already have (PEM certificate and encrypted private key) with its passphrase.</source>
        <translation>Lädt ein vorhandenes Schlüsselpaar (PEM-Zertifikat und verschlüsselter privater Schlüssel) mit seiner Passphrase hoch.</translation>
    </message>
    <message>
        <source>Deletes the selected key on the site, after asking. A key still accepted by an agent updater rule cannot be deleted: remove it from the rule first.</source>
        <translation>Löscht den gewählten Schlüssel auf der Instanz, nach Rückfrage. Ein Schlüssel, den eine Agent-Updater-Regel noch akzeptiert, kann nicht gelöscht werden: Entfernen Sie ihn zuerst aus der Regel.</translation>
    </message>
    <message>
        <source>Shows the selected key&apos;s certificate: subject, validity, SHA-256 fingerprint.</source>
        <translation>Zeigt das Zertifikat des gewählten Schlüssels: Inhaber, Gültigkeit, SHA-256-Fingerabdruck.</translation>
    </message>
    <message>
        <source>Reads the keys from the site again.</source>
        <translation>Liest die Schlüssel erneut von der Instanz.</translation>
    </message>
    <message>
        <source>The site&apos;s signature keys: number, title, fingerprint, creation date and whether an agent updater rule accepts it. Replace a key by adding the new one to the rule&apos;s accepted keys before the old one is removed.</source>
        <translation>Die Signaturschlüssel der Instanz: Nummer, Titel, Fingerabdruck, Erstellungsdatum und ob eine Agent-Updater-Regel ihn akzeptiert. Ersetzen Sie einen Schlüssel, indem Sie den neuen zu den akzeptierten Schlüsseln der Regel hinzufügen, bevor der alte entfernt wird.</translation>
    </message>
    <message>
        <source>Stops the key job that is running (key generation or the request to the site).</source>
        <translation>Bricht den laufenden Schlüssel-Job ab (Schlüsselerzeugung oder die Anfrage an die Instanz).</translation>
    </message>
    <message>
        <source>Opens the site&apos;s page &quot;Signature keys for signing agents&quot; in the web browser.</source>
        <translation>Öffnet die Seite „Signature keys for signing agents“ der Instanz im Webbrowser.</translation>
    </message>
    <message>
        <source>Saves the selected key pair as the site hands it out: the certificate and the private key, encrypted with the key&apos;s passphrase, which is asked first. Keep the file as safe as the key itself; it is what you import on another site.</source>
        <translation>Speichert das gewählte Schlüsselpaar so, wie die Instanz es herausgibt: das Zertifikat und den privaten Schlüssel, verschlüsselt mit der Passphrase des Schlüssels, die zuerst abgefragt wird. Bewahren Sie die Datei so sicher auf wie den Schlüssel selbst; sie ist das, was Sie auf einer anderen Instanz importieren.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Delete the selected key (%1)</source>
        <translation>Den gewählten Schlüssel löschen (%1)</translation>
    </message>
</context>
<context>
    <name>LocalConfigPage</name>
    <message>
        <source>Reveal &amp;secrets</source>
        <translation>&amp;Secrets anzeigen</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Wählen …</translation>
    </message>
    <message>
        <source>Configuration (.cfg):</source>
        <translation>Konfiguration (.cfg):</translation>
    </message>
    <message>
        <source>Updater configuration</source>
        <translation>Updater-Konfiguration</translation>
    </message>
    <message>
        <source>State (.state):</source>
        <translation>Status (.state):</translation>
    </message>
    <message>
        <source>Updater state</source>
        <translation>Updater-Status</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>Neu &amp;laden</translation>
    </message>
    <message>
        <source>&lt;b&gt;Local agent updater configuration&lt;/b&gt;&lt;br&gt;What cmk-update-agent on this machine uses: values in the .cfg override those in the .state.</source>
        <translation>&lt;b&gt;Lokale Konfiguration des Agent Updaters&lt;/b&gt;&lt;br&gt;Was cmk-update-agent auf diesem Rechner verwendet: Werte in der .cfg überschreiben die der .state.</translation>
    </message>
    <message>
        <source>%1: not usable (see above).</source>
        <translation>%1: nicht verwendbar (siehe oben).</translation>
    </message>
    <message>
        <source>%1: does not exist.</source>
        <translation>%1: existiert nicht.</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n key(s).</source>
        <translation>
            <numerusform>%1: %n Schlüssel.</numerusform>
            <numerusform>%1: %n Schlüssel.</numerusform>
        </translation>
    </message>
    <message>
        <source>The updater&apos;s configuration file from the bakery (cmk-update-agent.cfg, usually in /etc/check_mk). Its values win over those of the state file.</source>
        <translation>Die Konfigurationsdatei des Updaters aus der Agent-Bäckerei (cmk-update-agent.cfg, meist in /etc/check_mk). Ihre Werte haben Vorrang vor denen der Zustandsdatei.</translation>
    </message>
    <message>
        <source>The state file the registration writes (cmk-update-agent.state, usually /etc/cmk-update-agent.state): host name, host secret, trusted certificates, last check.</source>
        <translation>Die Zustandsdatei, die die Registrierung schreibt (cmk-update-agent.state, meist /etc/cmk-update-agent.state): Hostname, Host-Secret, vertrauenswürdige Zertifikate, letzte Prüfung.</translation>
    </message>
    <message>
        <source>Shows the secrets (host secret, proxy password) in plain text; masked otherwise.</source>
        <translation>Zeigt die Secrets (Host-Secret, Proxy-Passwort) im Klartext; sonst maskiert.</translation>
    </message>
    <message>
        <source>What cmk-update-agent show-config shows: each key, its value, and the file it comes from.</source>
        <translation>Was cmk-update-agent show-config zeigt: jeder Schlüssel, sein Wert und die Datei, aus der er stammt.</translation>
    </message>
    <message>
        <source>Reads both files again.</source>
        <translation>Liest beide Dateien erneut.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>AgentDesk</source>
        <translation>AgentDesk</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Seiten</translation>
    </message>
    <message>
        <source>Site connection (Ctrl+Shift+S)</source>
        <translation>Instanzverbindung (Strg+Umschalt+S)</translation>
    </message>
    <message>
        <source>Site connection</source>
        <translation>Instanzverbindung</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>&amp;Site: </source>
        <translation>&amp;Instanz: </translation>
    </message>
    <message>
        <source>Connections…</source>
        <translation>Verbindungen …</translation>
    </message>
    <message>
        <source>Add, edit and test site connections (Ctrl+Shift+C)</source>
        <translation>Instanzverbindungen anlegen, bearbeiten und testen (Strg+Umschalt+C)</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Reload the current page from the site (F5)</source>
        <translation>Die aktuelle Seite neu von der Instanz laden (F5)</translation>
    </message>
    <message>
        <source>Demo site</source>
        <translation>Demo-Instanz</translation>
    </message>
    <message>
        <source>Connected to the embedded demo site: nothing here touches a real site.</source>
        <translation>Mit der eingebauten Demo-Instanz verbunden: Nichts hier berührt eine echte Instanz.</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Site &amp;connections…</source>
        <translation>Instanz&amp;verbindungen …</translation>
    </message>
    <message>
        <source>Choose &amp;site</source>
        <translation>&amp;Instanz wählen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Go to &amp;page list</source>
        <translation>Zur &amp;Seitenliste</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About AgentDesk</source>
        <translation>&amp;Über AgentDesk</translation>
    </message>
    <message>
        <source>About AgentDesk</source>
        <translation>Über AgentDesk</translation>
    </message>
    <message>
        <source>&lt;b&gt;AgentDesk %1&lt;/b&gt;&lt;p&gt;A console for the automatic agent updates of Checkmk sites.&lt;/p&gt;</source>
        <translation>&lt;b&gt;AgentDesk %1&lt;/b&gt;&lt;p&gt;Eine Konsole für die automatischen Agenten-Updates von Checkmk-Instanzen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1 (Strg+%2)</translation>
    </message>
    <message>
        <source>No connection yet</source>
        <translation>Noch keine Verbindung</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbinde mit %1 …</translation>
    </message>
    <message>
        <source>Site %1 · Checkmk %2 %3</source>
        <translation>Instanz %1 · Checkmk %2 %3</translation>
    </message>
    <message>
        <source>TLS verified</source>
        <translation>TLS geprüft</translation>
    </message>
    <message>
        <source>The site&apos;s certificate was verified against the trusted certificate authorities.</source>
        <translation>Das Zertifikat der Instanz wurde gegen die vertrauenswürdigen Zertifizierungsstellen geprüft.</translation>
    </message>
    <message>
        <source>TLS: certificate trusted by you</source>
        <translation>TLS: Zertifikat von Ihnen als vertrauenswürdig eingestuft</translation>
    </message>
    <message>
        <source>The site&apos;s certificate is one you chose to trust for this connection.</source>
        <translation>Das Zertifikat der Instanz ist eines, dem Sie für diese Verbindung vertrauen.</translation>
    </message>
    <message>
        <source>Insecure: certificate not verified</source>
        <translation>Unsicher: Zertifikat nicht geprüft</translation>
    </message>
    <message>
        <source>Verification is switched off for this connection. Anyone on the network path could pose as the site.</source>
        <translation>Die Prüfung ist für diese Verbindung abgeschaltet. Jeder auf dem Netzwerkweg könnte sich als die Instanz ausgeben.</translation>
    </message>
    <message>
        <source>Unencrypted HTTP</source>
        <translation>Unverschlüsseltes HTTP</translation>
    </message>
    <message>
        <source>The secret and all data travel unencrypted.</source>
        <translation>Das Secret und alle Daten werden unverschlüsselt übertragen.</translation>
    </message>
    <message>
        <source>&amp;Help on this page</source>
        <translation>&amp;Hilfe zu dieser Seite</translation>
    </message>
    <message>
        <source>What&apos;s &amp;This?</source>
        <translation>&amp;Direkthilfe</translation>
    </message>
    <message>
        <source>&amp;Move hosts to a new site…</source>
        <translation>Hosts auf eine neue Site &amp;umziehen…</translation>
    </message>
</context>
<context>
    <name>MigrationAssistant</name>
    <message>
        <source>waiting</source>
        <translation>wartet</translation>
    </message>
    <message>
        <source>running…</source>
        <translation>läuft…</translation>
    </message>
    <message>
        <source>done</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>FEHLGESCHLAGEN</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>dry run: nothing changed</source>
        <translation>Probelauf: nichts geändert</translation>
    </message>
    <message>
        <source>to be done by hand</source>
        <translation>von Hand zu erledigen</translation>
    </message>
    <message>
        <source>Move hosts to a new site</source>
        <translation>Hosts auf eine neue Site umziehen</translation>
    </message>
    <message>
        <source>Old site and new site</source>
        <translation>Alte und neue Site</translation>
    </message>
    <message>
        <source>The hosts move from the old site to the new one, as the manual&apos;s section on moving to a new site describes. Nothing changes on the old site before the new one is verified.</source>
        <translation>Die Hosts ziehen von der alten auf die neue Site um, wie es der Abschnitt des Handbuchs zum Umzug auf eine neue Site beschreibt. Auf der alten Site ändert sich nichts, bevor die neue geprüft ist.</translation>
    </message>
    <message>
        <source>&amp;Dry run: read both sites and show what would happen, change nothing</source>
        <translation>&amp;Probelauf: beide Sites lesen und zeigen, was geschähe, nichts ändern</translation>
    </message>
    <message>
        <source>&amp;Old site (moving from):</source>
        <translation>&amp;Alte Site (Umzug von):</translation>
    </message>
    <message>
        <source>New s&amp;ite (moving to):</source>
        <translation>Neue S&amp;ite (Umzug nach):</translation>
    </message>
    <message>
        <source>Add a connection for each site first (File › Site connections).</source>
        <translation>Legen Sie zuerst für jede Site eine Verbindung an (Datei › Site-Verbindungen).</translation>
    </message>
    <message>
        <source>New site: choose a connection other than the old site&apos;s.</source>
        <translation>Neue Site: Wählen Sie eine andere Verbindung als die der alten Site.</translation>
    </message>
    <message>
        <source>What will happen</source>
        <translation>Was geschehen wird</translation>
    </message>
    <message>
        <source>Both sites have been read; this is everything the assistant will do, step by step.</source>
        <translation>Beide Sites sind gelesen; dies ist alles, was der Assistent tun wird, Schritt für Schritt.</translation>
    </message>
    <message>
        <source>Reading both sites…</source>
        <translation>Beide Sites werden gelesen…</translation>
    </message>
    <message>
        <source>Passphrase of the signature keys</source>
        <translation>Passphrase der Signaturschlüssel</translation>
    </message>
    <message>
        <source>The accepted keys are exported from the old site and imported on the new site with their passphrase, and the agents are signed with it on both sites. It is used for this run only and never stored.</source>
        <translation>Die akzeptierten Schlüssel werden mit ihrer Passphrase von der alten Site exportiert und auf der neuen importiert, und die Agenten werden damit auf beiden Sites signiert. Sie wird nur für diesen Lauf verwendet und nie gespeichert.</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <source>Moving</source>
        <translation>Umzug</translation>
    </message>
    <message>
        <source>&amp;Report &gt;</source>
        <translation>&amp;Bericht &gt;</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Stopp</translation>
    </message>
    <message>
        <source>The old site: what changes there</source>
        <translation>Die alte Site: was sich dort ändert</translation>
    </message>
    <message>
        <source>Re-&amp;point and bake the old site</source>
        <translation>Alte Site &amp;umstellen und backen</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Bericht</translation>
    </message>
    <message>
        <source>DRY RUN: nothing will be changed on either site.</source>
        <translation>PROBELAUF: Auf keiner der beiden Sites wird etwas geändert.</translation>
    </message>
    <message>
        <source>CANNOT CONTINUE: %1</source>
        <translation>NICHT FORTSETZBAR: %1</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Hinweis: %1</translation>
    </message>
    <message>
        <source>Old site: %1 (%2 on %3). New site: %4 (%5 on %6).</source>
        <translation>Alte Site: %1 (%2 auf %3). Neue Site: %4 (%5 auf %6).</translation>
    </message>
    <message>
        <source>The migration cannot go on; see the reasons below.</source>
        <translation>Der Umzug kann nicht fortgesetzt werden; die Gründe stehen unten.</translation>
    </message>
    <message>
        <source>Dry run: every step says what it would do; neither site is changed.</source>
        <translation>Probelauf: Jeder Schritt sagt, was er täte; keine der beiden Sites wird geändert.</translation>
    </message>
    <message>
        <source>Steps 2 to 4 run on the new site, which is then verified. The old site changes only when you ask below.</source>
        <translation>Die Schritte 2 bis 4 laufen auf der neuen Site, die danach geprüft wird. Die alte Site ändert sich erst, wenn Sie es unten veranlassen.</translation>
    </message>
    <message>
        <source>Not verified: %1</source>
        <translation>Nicht bestätigt: %1</translation>
    </message>
    <message>
        <source>A dry run changes nothing on the old site.</source>
        <translation>Ein Probelauf ändert nichts auf der alten Site.</translation>
    </message>
    <message>
        <source>DRY RUN: neither site was changed.</source>
        <translation>PROBELAUF: Keine der beiden Sites wurde geändert.</translation>
    </message>
    <message>
        <source>stopped: changed on the site meanwhile</source>
        <translation>angehalten: inzwischen auf der Site geändert</translation>
    </message>
    <message>
        <source>Re-plan on &amp;their version</source>
        <translation>Auf &amp;deren Version neu planen</translation>
    </message>
    <message>
        <source>&amp;Leave the old site as it is</source>
        <translation>Alte Site so &amp;lassen, wie sie ist</translation>
    </message>
    <message>
        <source>Re-&amp;point the old site&apos;s rules</source>
        <translation>Regeln der alten Site &amp;umstellen</translation>
    </message>
</context>
<context>
    <name>MigrationController</name>
    <message>
        <source>The connection &quot;%1&quot; no longer exists.</source>
        <translation>Die Verbindung „%1“ gibt es nicht mehr.</translation>
    </message>
    <message>
        <source>Could not connect to %1: %2</source>
        <translation>Keine Verbindung zu %1: %2</translation>
    </message>
    <message>
        <source>Connecting to %1 and %2…</source>
        <translation>Verbindung zu %1 und %2…</translation>
    </message>
    <message>
        <source>Reading hosts, rules, keys, registrations and agents of both sites…</source>
        <translation>Hosts, Regeln, Schlüssel, Registrierungen und Agenten beider Sites werden gelesen…</translation>
    </message>
    <message>
        <source>The old site could not be read: %1</source>
        <translation>Die alte Site konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The new site could not be read: %1</source>
        <translation>Die neue Site konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Would: %1</source>
        <translation>Würde: %1</translation>
    </message>
    <message>
        <source>The site offers no interface for registrations. As the new site&apos;s user, copy them by hand:</source>
        <translation>Die Site bietet keine Schnittstelle für Registrierungen. Kopieren Sie sie als Benutzer der neuen Site von Hand:</translation>
    </message>
    <message>
        <source>No registration to copy.</source>
        <translation>Keine Registrierung zu kopieren.</translation>
    </message>
    <message numerus="yes">
        <source>Reading %n registration(s) from the old site…</source>
        <translation>
            <numerusform>%n Registrierung wird von der alten Site gelesen…</numerusform>
            <numerusform>%n Registrierungen werden von der alten Site gelesen…</numerusform>
        </translation>
    </message>
    <message>
        <source>The registrations could not be read from the old site: %1</source>
        <translation>Die Registrierungen konnten nicht von der alten Site gelesen werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>Writing %n registration(s) to the new site…</source>
        <translation>
            <numerusform>%n Registrierung wird auf die neue Site geschrieben…</numerusform>
            <numerusform>%n Registrierungen werden auf die neue Site geschrieben…</numerusform>
        </translation>
    </message>
    <message>
        <source>The new site did not take the registrations: %1</source>
        <translation>Die neue Site hat die Registrierungen nicht übernommen: %1</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n registration(s) to the new site.</source>
        <translation>
            <numerusform>%n Registrierung auf die neue Site kopiert.</numerusform>
            <numerusform>%n Registrierungen auf die neue Site kopiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>The new site&apos;s keys could not be read: %1</source>
        <translation>Die Schlüssel der neuen Site konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The new site has no key %1.</source>
        <translation>Die neue Site hat keinen Schlüssel %1.</translation>
    </message>
    <message>
        <source>The new site has every accepted key already.</source>
        <translation>Die neue Site hat bereits jeden akzeptierten Schlüssel.</translation>
    </message>
    <message>
        <source>Exporting key &quot;%1&quot; from the old site…</source>
        <translation>Schlüssel „%1“ wird von der alten Site exportiert…</translation>
    </message>
    <message>
        <source>the passphrase does not open it</source>
        <translation>die Passphrase öffnet ihn nicht</translation>
    </message>
    <message>
        <source>Key &quot;%1&quot; could not be exported from the old site: %2</source>
        <translation>Schlüssel „%1“ konnte nicht von der alten Site exportiert werden: %2</translation>
    </message>
    <message>
        <source>The old site&apos;s export of key &quot;%1&quot; holds no private key and certificate.</source>
        <translation>Der Export von Schlüssel „%1“ der alten Site enthält keinen privaten Schlüssel mit Zertifikat.</translation>
    </message>
    <message>
        <source>Importing key &quot;%1&quot; on the new site…</source>
        <translation>Schlüssel „%1“ wird auf der neuen Site importiert…</translation>
    </message>
    <message>
        <source>Key &quot;%1&quot; could not be imported on the new site: %2</source>
        <translation>Schlüssel „%1“ konnte auf der neuen Site nicht importiert werden: %2</translation>
    </message>
    <message>
        <source>Copied key &quot;%1&quot; (%2).</source>
        <translation>Schlüssel „%1“ (%2) kopiert.</translation>
    </message>
    <message>
        <source>Key &quot;%1&quot; is on the new site already.</source>
        <translation>Schlüssel „%1“ ist bereits auf der neuen Site.</translation>
    </message>
    <message>
        <source>The new site has the agent updater rules already.</source>
        <translation>Die neue Site hat die Agent-Updater-Regeln bereits.</translation>
    </message>
    <message>
        <source>Creating the agent updater rule…</source>
        <translation>Die Agent-Updater-Regel wird angelegt…</translation>
    </message>
    <message>
        <source>The rule could not be created on the new site: %1</source>
        <translation>Die Regel konnte auf der neuen Site nicht angelegt werden: %1</translation>
    </message>
    <message>
        <source>Created rule %1 in folder %2 on the new site.</source>
        <translation>Regel %1 im Ordner %2 auf der neuen Site angelegt.</translation>
    </message>
    <message>
        <source>Baking and signing…</source>
        <translation>Backen und Signieren…</translation>
    </message>
    <message>
        <source>The passphrase does not open the signing key.</source>
        <translation>Die Passphrase öffnet den Signaturschlüssel nicht.</translation>
    </message>
    <message>
        <source>Baking and signing could not start: %1</source>
        <translation>Backen und Signieren konnte nicht starten: %1</translation>
    </message>
    <message>
        <source>The baking job&apos;s status could not be read: %1</source>
        <translation>Der Status des Backvorgangs konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The baking job failed: %1</source>
        <translation>Der Backvorgang ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Baked and signed the agents.</source>
        <translation>Agenten gebacken und signiert.</translation>
    </message>
    <message>
        <source>Reading the new site again to verify it…</source>
        <translation>Die neue Site wird zur Prüfung erneut gelesen…</translation>
    </message>
    <message>
        <source>The new site could not be read again: %1</source>
        <translation>Die neue Site konnte nicht erneut gelesen werden: %1</translation>
    </message>
    <message>
        <source>Verified: the new site holds the keys, the rule, the registrations and agents signed with key %1.</source>
        <translation>Geprüft: Die neue Site hat die Schlüssel, die Regel, die Registrierungen und mit Schlüssel %1 signierte Agenten.</translation>
    </message>
    <message>
        <source>The old site&apos;s hosts get agents that ask the new site from their next update on.</source>
        <translation>Die Hosts der alten Site erhalten ab ihrem nächsten Update Agenten, die die neue Site fragen.</translation>
    </message>
    <message>
        <source>Re-pointing the old site&apos;s rules…</source>
        <translation>Die Regeln der alten Site werden umgestellt…</translation>
    </message>
    <message>
        <source>Rule %1 of the old site could not be read: %2</source>
        <translation>Regel %1 der alten Site konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Rule %1 of the old site could not be changed: %2</source>
        <translation>Regel %1 der alten Site konnte nicht geändert werden: %2</translation>
    </message>
    <message>
        <source>Rule %1 of the old site now points at %2 / %3.</source>
        <translation>Regel %1 der alten Site zeigt jetzt auf %2 / %3.</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Gestoppt.</translation>
    </message>
    <message>
        <source>Stopped by the user. What was written before stays; a baking job that had started runs to its end on the site.</source>
        <translation>Vom Benutzer gestoppt. Was schon geschrieben war, bleibt; ein begonnener Backvorgang läuft auf der Site zu Ende.</translation>
    </message>
    <message numerus="yes">
        <source>%n registered host(s) stayed behind, not in the new site&apos;s setup: %1</source>
        <translation>
            <numerusform>%n registrierter Host ist zurückgeblieben, nicht im Setup der neuen Site: %1</numerusform>
            <numerusform>%n registrierte Hosts sind zurückgeblieben, nicht im Setup der neuen Site: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>By hand: bake and sign the agents in the new site&apos;s GUI with the imported key.</source>
        <translation>Von Hand: Backen und signieren Sie die Agenten in der GUI der neuen Site mit dem importierten Schlüssel.</translation>
    </message>
    <message>
        <source>Verified: the new site holds the rule. Its keys and signed agents cannot be read: check in its GUI that the keys are imported and the agents baked and signed before you re-point the old site.</source>
        <translation>Geprüft: Die neue Site hat die Regel. Ihre Schlüssel und signierten Agenten lassen sich nicht lesen: Prüfen Sie in ihrer GUI, dass die Schlüssel importiert und die Agenten gebacken und signiert sind, bevor Sie die alte Site umstellen.</translation>
    </message>
    <message>
        <source>By hand: bake and sign the agents in the old site&apos;s GUI, so that every host gets an agent that asks the new site.</source>
        <translation>Von Hand: Backen und signieren Sie die Agenten in der GUI der alten Site, damit jeder Host einen Agenten bekommt, der die neue Site fragt.</translation>
    </message>
    <message>
        <source>Stopped: %1 (id %2) of the old site was changed by another client after the plan was made; the site refused the write (412 Precondition Failed). Nothing was written to it, the old site&apos;s agents were not baked.</source>
        <translation>Angehalten: %1 (ID %2) der alten Site wurde nach der Planung von einem anderen Client geändert; die Site hat das Schreiben abgelehnt (412 Precondition Failed). Nichts wurde in sie geschrieben, die Agenten der alten Site wurden nicht gebacken.</translation>
    </message>
    <message>
        <source>Stopped: %1 was changed on the old site meanwhile.</source>
        <translation>Angehalten: %1 wurde inzwischen auf der alten Site geändert.</translation>
    </message>
    <message>
        <source>The old site&apos;s %1 was changed by another client after the plan was made, so nothing was written to it. Re-plan step 5 on the version now on the site (only its update server is changed, everything else stays as the other client left it; you see the change before anything is written), or leave the old site as it is.</source>
        <translation>%1 der alten Site wurde nach der Planung von einem anderen Client geändert, deshalb wurde nichts in sie geschrieben. Planen Sie Schritt 5 auf der Version neu, die jetzt auf der Site ist (nur ihr Update-Server wird geändert, alles andere bleibt, wie der andere Client es hinterlassen hat; Sie sehen die Änderung, bevor etwas geschrieben wird), oder lassen Sie die alte Site, wie sie ist.</translation>
    </message>
    <message>
        <source>Reading rule %1 of the old site again…</source>
        <translation>Regel %1 der alten Site wird erneut gelesen…</translation>
    </message>
    <message>
        <source>Rule %1 of the old site could not be read again: %2</source>
        <translation>Regel %1 der alten Site konnte nicht erneut gelesen werden: %2</translation>
    </message>
    <message>
        <source>Re-planned on the version now on the site: %1, update server %2.</source>
        <translation>Neu geplant auf der Version, die jetzt auf der Site ist: %1, Update-Server %2.</translation>
    </message>
    <message>
        <source>The old site was left as it is: rule %1 keeps the other client&apos;s version, no further rule was re-pointed and no agent baked there. Its hosts still ask the old site; re-point its rules by hand or run the assistant again.</source>
        <translation>Die alte Site blieb, wie sie ist: Regel %1 behält die Version des anderen Clients, keine weitere Regel wurde umgestellt und dort kein Agent gebacken. Ihre Hosts fragen weiter die alte Site; stellen Sie ihre Regeln von Hand um oder starten Sie den Assistenten erneut.</translation>
    </message>
</context>
<context>
    <name>MigrationPlan</name>
    <message>
        <source>1. Hosts on both sites</source>
        <translation>1. Hosts auf beiden Sites</translation>
    </message>
    <message>
        <source>2. Copy the registrations</source>
        <translation>2. Registrierungen kopieren</translation>
    </message>
    <message>
        <source>3. Copy the accepted signature keys</source>
        <translation>3. Akzeptierte Signaturschlüssel kopieren</translation>
    </message>
    <message>
        <source>4. Agent updater rule, bake and sign on the new site</source>
        <translation>4. Agent-Updater-Regel, Backen und Signieren auf der neuen Site</translation>
    </message>
    <message>
        <source>5. Re-point the old site and bake</source>
        <translation>5. Alte Site umstellen und backen</translation>
    </message>
    <message>
        <source>The old and the new site are the same site (%1 on %2).</source>
        <translation>Alte und neue Site sind dieselbe Site (%1 auf %2).</translation>
    </message>
    <message>
        <source>No host of the old site exists on the new site under the same name. Add the hosts to the new site first.</source>
        <translation>Kein Host der alten Site existiert unter demselben Namen auf der neuen Site. Fügen Sie die Hosts zuerst der neuen Site hinzu.</translation>
    </message>
    <message>
        <source>One of the sites offers no interface for its registrations (a stock site keeps them in ~/var/check_mk/agent_deployment): step 2 is done by hand, with the command the assistant shows.</source>
        <translation>Eine der Sites bietet keine Schnittstelle für ihre Registrierungen (eine Standard-Site hält sie in ~/var/check_mk/agent_deployment): Schritt 2 geschieht von Hand, mit dem Befehl, den der Assistent zeigt.</translation>
    </message>
    <message>
        <source>No agent updater rule of the old site accepts a signature key.</source>
        <translation>Keine Agent-Updater-Regel der alten Site akzeptiert einen Signaturschlüssel.</translation>
    </message>
    <message>
        <source>A certificate the old rule accepts has no key on the old site; it cannot be exported.</source>
        <translation>Ein Zertifikat, das die alte Regel akzeptiert, hat keinen Schlüssel auf der alten Site; es kann nicht exportiert werden.</translation>
    </message>
    <message>
        <source>The old site has no agent updater rule to move.</source>
        <translation>Die alte Site hat keine Agent-Updater-Regel zum Umziehen.</translation>
    </message>
    <message>
        <source>No agent updater rule of the old site names an update server; there is nothing to point at the new site.</source>
        <translation>Keine Agent-Updater-Regel der alten Site nennt einen Update-Server; es gibt nichts, das auf die neue Site umzustellen wäre.</translation>
    </message>
    <message numerus="yes">
        <source>%n host(s) exist on both sites under the same name.</source>
        <translation>
            <numerusform>%n Host existiert unter demselben Namen auf beiden Sites.</numerusform>
            <numerusform>%n Hosts existieren unter demselben Namen auf beiden Sites.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n host(s) of the old site are missing on the new site: %1</source>
        <translation>
            <numerusform>%n Host der alten Site fehlt auf der neuen Site: %1</numerusform>
            <numerusform>%n Hosts der alten Site fehlen auf der neuen Site: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Copy ~/var/check_mk/agent_deployment from the old site to the new site by hand (this site offers no interface for it).</source>
        <translation>Kopieren Sie ~/var/check_mk/agent_deployment von Hand von der alten auf die neue Site (diese Site bietet dafür keine Schnittstelle).</translation>
    </message>
    <message numerus="yes">
        <source>Copy %n registration(s) (host secrets included) from %1 to %2.</source>
        <translation>
            <numerusform>%n Registrierung (samt Host-Geheimnis) von %1 nach %2 kopieren.</numerusform>
            <numerusform>%n Registrierungen (samt Host-Geheimnissen) von %1 nach %2 kopieren.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n registered host(s) stay behind: they are not in the new site&apos;s setup.</source>
        <translation>
            <numerusform>%n registrierter Host bleibt zurück: Er ist nicht im Setup der neuen Site.</numerusform>
            <numerusform>%n registrierte Hosts bleiben zurück: Sie sind nicht im Setup der neuen Site.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export key &quot;%1&quot; (%2) from the old site and import it on the new site.</source>
        <translation>Schlüssel „%1“ (%2) von der alten Site exportieren und auf der neuen Site importieren.</translation>
    </message>
    <message>
        <source>The new site has every accepted key already.</source>
        <translation>Die neue Site hat bereits jeden akzeptierten Schlüssel.</translation>
    </message>
    <message>
        <source>Create %1 on the new site with update server %2.</source>
        <translation>%1 auf der neuen Site mit Update-Server %2 anlegen.</translation>
    </message>
    <message>
        <source>The new site has the agent updater rules already.</source>
        <translation>Die neue Site hat die Agent-Updater-Regeln bereits.</translation>
    </message>
    <message>
        <source>Bake and sign the agents on the new site with key %1.</source>
        <translation>Die Agenten auf der neuen Site backen und mit Schlüssel %1 signieren.</translation>
    </message>
    <message>
        <source>Read the new site again and verify keys, rules, registrations and signed agents.</source>
        <translation>Die neue Site erneut lesen und Schlüssel, Regeln, Registrierungen und signierte Agenten prüfen.</translation>
    </message>
    <message>
        <source>Change %1 on the old site: update server %2 → %3.</source>
        <translation>%1 auf der alten Site ändern: Update-Server %2 → %3.</translation>
    </message>
    <message>
        <source>Bake and sign the agents on the old site with key %1, so that every host gets an agent that asks the new site.</source>
        <translation>Die Agenten auf der alten Site backen und mit Schlüssel %1 signieren, damit jeder Host einen Agenten erhält, der die neue Site fragt.</translation>
    </message>
    <message>
        <source>The new site has no key %1.</source>
        <translation>Die neue Site hat keinen Schlüssel %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n registration(s) are missing on the new site: %1</source>
        <translation>
            <numerusform>%n Registrierung fehlt auf der neuen Site: %1</numerusform>
            <numerusform>%n Registrierungen fehlen auf der neuen Site: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>The new site has no agent updater rule that names it as the update server and accepts the copied keys.</source>
        <translation>Die neue Site hat keine Agent-Updater-Regel, die sie als Update-Server nennt und die kopierten Schlüssel akzeptiert.</translation>
    </message>
    <message>
        <source>The new site has no baked agents.</source>
        <translation>Die neue Site hat keine gebackenen Agenten.</translation>
    </message>
    <message>
        <source>Not every agent of the new site is signed with key %1.</source>
        <translation>Nicht jeder Agent der neuen Site ist mit Schlüssel %1 signiert.</translation>
    </message>
    <message>
        <source>no update server</source>
        <translation>kein Update-Server</translation>
    </message>
    <message>
        <source>rule %1 in folder %2</source>
        <translation>Regel %1 im Ordner %2</translation>
    </message>
    <message>
        <source>rule &quot;%1&quot; in folder %2</source>
        <translation>Regel „%1“ im Ordner %2</translation>
    </message>
    <message>
        <source>The new site&apos;s master switch (automatic agent updates) is off: its hosts get no update from it until it is switched on there.</source>
        <translation>Der Hauptschalter der neuen Site (automatische Agent-Updates) ist aus: Ihre Hosts erhalten von ihr kein Update, bis er dort eingeschaltet ist.</translation>
    </message>
    <message>
        <source>One of the sites offers no interface for signature keys (a stock site manages them in its web GUI only): step 3 and the baking and signing in steps 4 and 5 are done by hand in the sites&apos; GUIs; the assistant creates and re-points the rules and asks for no passphrase.</source>
        <translation>Eine der Sites bietet keine Schnittstelle für Signaturschlüssel (eine Standard-Site verwaltet sie nur in ihrer Web-GUI): Schritt 3 und das Backen und Signieren in den Schritten 4 und 5 geschehen von Hand in den GUIs der Sites; der Assistent legt die Regeln an, stellt sie um und fragt nach keiner Passphrase.</translation>
    </message>
    <message numerus="yes">
        <source>By hand: in the old site&apos;s GUI (Setup › Agents › Signature keys) export the key(s) of the %n certificate(s) the old rules accept, and import them in the new site&apos;s GUI with the same passphrase (a site here offers no interface for signature keys).</source>
        <translation>
            <numerusform>Von Hand: Exportieren Sie in der GUI der alten Site (Setup › Agents › Signature keys) den Schlüssel des %n Zertifikats, das die alten Regeln akzeptieren, und importieren Sie ihn in der GUI der neuen Site mit derselben Passphrase (eine Site hier bietet keine Schnittstelle für Signaturschlüssel).</numerusform>
            <numerusform>Von Hand: Exportieren Sie in der GUI der alten Site (Setup › Agents › Signature keys) die Schlüssel der %n Zertifikate, die die alten Regeln akzeptieren, und importieren Sie sie in der GUI der neuen Site mit derselben Passphrase (eine Site hier bietet keine Schnittstelle für Signaturschlüssel).</numerusform>
        </translation>
    </message>
    <message>
        <source>By hand: bake and sign the agents in the new site&apos;s GUI with the imported key.</source>
        <translation>Von Hand: Backen und signieren Sie die Agenten in der GUI der neuen Site mit dem importierten Schlüssel.</translation>
    </message>
    <message>
        <source>Read the new site again and verify its rules and registrations (its keys and signatures cannot be read: check them in its GUI).</source>
        <translation>Die neue Site erneut lesen und ihre Regeln und Registrierungen prüfen (ihre Schlüssel und Signaturen lassen sich nicht lesen: prüfen Sie sie in ihrer GUI).</translation>
    </message>
    <message>
        <source>By hand: bake and sign the agents in the old site&apos;s GUI, so that every host gets an agent that asks the new site.</source>
        <translation>Von Hand: Backen und signieren Sie die Agenten in der GUI der alten Site, damit jeder Host einen Agenten bekommt, der die neue Site fragt.</translation>
    </message>
</context>
<context>
    <name>PageHelp</name>
    <message>
        <source>Help: %1</source>
        <translation>Hilfe: %1</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Setup: the prerequisites of automatic agent updates&lt;/h3&gt;&lt;p&gt;Automatic updates work only when all five prerequisites are met, in this order (Checkmk: &lt;i&gt;Setup › Agents › Automatic updates&lt;/i&gt;):&lt;/p&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;Signature key&lt;/b&gt;: a key pair to sign agents with. Its passphrase is asked at every signing and cannot be recovered.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Agent updater rule&lt;/b&gt; (&lt;i&gt;Agent updater (Linux, Windows, Solaris)&lt;/i&gt;): deploys the update plug-in and tells it the update server and the signature keys it accepts.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Signed agents&lt;/b&gt;: the agents baked after the last rule change, signed with a key the rule accepts.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Registered host&lt;/b&gt;: at least one host registered with &lt;tt&gt;cmk-update-agent register&lt;/tt&gt; (or the &lt;i&gt;Register machine&lt;/i&gt; page).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Master switch&lt;/b&gt;: &lt;i&gt;Activation of automatic agent updates&lt;/i&gt;. Off, no host gets an update while all settings are kept.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;&lt;b&gt;Rule parameters&lt;/b&gt; (first rule per parameter wins): &lt;i&gt;Deploy the agent updater plug-in&lt;/i&gt; (activation); &lt;i&gt;Update server&lt;/i&gt; with site and protocol (https recommended); &lt;i&gt;Use the server&lt;/i&gt; for registration only or always (in distributed monitoring a host otherwise gets its update server from the site that monitors it); &lt;i&gt;CA certificates&lt;/i&gt; for the https check (once any are given, the updater ignores all other authorities); &lt;i&gt;Check interval&lt;/i&gt; (default one hour; less than 10 minutes loads the network needlessly); &lt;i&gt;Proxy&lt;/i&gt; (none, from the environment, or explicit); &lt;i&gt;Package format&lt;/i&gt; (packaged binary for 64-bit Linux with glibc 2.17 or newer, else the Python script); &lt;i&gt;Accepted signature keys&lt;/i&gt; (keep the old key while replacing it).&lt;/p&gt;&lt;p&gt;Changes to rules take effect only after &lt;b&gt;Activate changes&lt;/b&gt; and a new bake.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Einrichtung: die Voraussetzungen der automatischen Agenten-Updates&lt;/h3&gt;&lt;p&gt;Automatische Updates funktionieren nur, wenn alle fünf Voraussetzungen erfüllt sind, in dieser Reihenfolge (Checkmk: &lt;i&gt;Setup › Agents › Automatic updates&lt;/i&gt;):&lt;/p&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;Signaturschlüssel&lt;/b&gt;: ein Schlüsselpaar zum Signieren der Agenten. Seine Passphrase wird bei jedem Signieren abgefragt und kann nicht wiederhergestellt werden.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Agent-Updater-Regel&lt;/b&gt; (&lt;i&gt;Agent updater (Linux, Windows, Solaris)&lt;/i&gt;): verteilt das Update-Plugin und nennt ihm den Update-Server und die Signaturschlüssel, die es akzeptiert.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Signierte Agenten&lt;/b&gt;: die nach der letzten Regeländerung gebackenen Agenten, signiert mit einem Schlüssel, den die Regel akzeptiert.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Registrierter Host&lt;/b&gt;: mindestens ein Host, registriert mit &lt;tt&gt;cmk-update-agent register&lt;/tt&gt; (oder der Seite &lt;i&gt;Rechner registrieren&lt;/i&gt;).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Hauptschalter&lt;/b&gt;: &lt;i&gt;Aktivierung der automatischen Agenten-Updates&lt;/i&gt;. Ist er aus, erhält kein Host ein Update; alle Einstellungen bleiben erhalten.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;&lt;b&gt;Regelparameter&lt;/b&gt; (pro Parameter gewinnt die erste Regel): &lt;i&gt;Agent-Updater-Plugin verteilen&lt;/i&gt; (Aktivierung); &lt;i&gt;Update-Server&lt;/i&gt; mit Instanz und Protokoll (https empfohlen); &lt;i&gt;Server verwenden&lt;/i&gt; nur zur Registrierung oder immer (im verteilten Monitoring erhält ein Host seinen Update-Server sonst von der Instanz, die ihn überwacht); &lt;i&gt;CA-Zertifikate&lt;/i&gt; für die https-Prüfung (sobald welche angegeben sind, ignoriert der Updater alle anderen Zertifizierungsstellen); &lt;i&gt;Prüfintervall&lt;/i&gt; (Standard eine Stunde; weniger als 10 Minuten belastet das Netz unnötig); &lt;i&gt;Proxy&lt;/i&gt; (keiner, aus der Umgebung oder explizit); &lt;i&gt;Paketformat&lt;/i&gt; (paketiertes Binary für 64-Bit-Linux mit glibc 2.17 oder neuer, sonst das Python-Skript); &lt;i&gt;Akzeptierte Signaturschlüssel&lt;/i&gt; (beim Austausch den alten Schlüssel behalten).&lt;/p&gt;&lt;p&gt;Regeländerungen wirken erst nach &lt;b&gt;Änderungen aktivieren&lt;/b&gt; und erneutem Backen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Update status&lt;/h3&gt;&lt;p&gt;Every host with the state of its agent updater, in categories decided in this order (the first that applies):&lt;/p&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;Globally disabled&lt;/b&gt;: the master switch is off.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Left out by selection&lt;/b&gt;: the host selection does not include the host.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Not registered&lt;/b&gt;: the site has no host secret for the host; run &lt;tt&gt;cmk-update-agent register&lt;/tt&gt; on it.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Never contacted&lt;/b&gt;: registered, but the updater has not called yet; check that the agent with the plug-in is installed.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Failing&lt;/b&gt;: the last update check reported an error; the diagnosis names it and what to do.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Stale&lt;/b&gt;: the last check is older than twice the interval.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Up to date&lt;/b&gt;: the installed agent is the target.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Update pending&lt;/b&gt;: the target is downloaded, not installed yet.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Outdated&lt;/b&gt;: the target differs and was not downloaded.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;Click a count to filter the table; Ctrl+F searches; F5 refreshes; Ctrl+C copies the selected rows; right-click the header to choose columns. &lt;b&gt;Troubleshooting&lt;/b&gt;: on the host, &lt;tt&gt;cmk-update-agent -v&lt;/tt&gt; shows the update run and &lt;tt&gt;cmk-update-agent show-config&lt;/tt&gt; the configuration; the log is in &lt;tt&gt;/var/lib/check_mk_agent/log/cmk-update-agent/cmk-update-agent.log&lt;/tt&gt;.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Update-Status&lt;/h3&gt;&lt;p&gt;Jeder Host mit dem Zustand seines Agent Updaters, in Kategorien, die in dieser Reihenfolge entschieden werden (die erste, die zutrifft):&lt;/p&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;Global abgeschaltet&lt;/b&gt;: Der Hauptschalter ist aus.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Von der Auswahl ausgeschlossen&lt;/b&gt;: Die Host-Auswahl enthält den Host nicht.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Nicht registriert&lt;/b&gt;: Die Instanz hat kein Host-Secret für den Host; führen Sie dort &lt;tt&gt;cmk-update-agent register&lt;/tt&gt; aus.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Nie gemeldet&lt;/b&gt;: registriert, aber der Updater hat sich noch nicht gemeldet; prüfen Sie, ob der Agent mit dem Plugin installiert ist.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Fehlerhaft&lt;/b&gt;: Die letzte Update-Prüfung meldete einen Fehler; die Diagnose nennt ihn und was zu tun ist.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Veraltet&lt;/b&gt;: Die letzte Prüfung ist älter als das doppelte Intervall.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Aktuell&lt;/b&gt;: Der installierte Agent ist das Ziel.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Update ausstehend&lt;/b&gt;: Das Ziel ist heruntergeladen, aber noch nicht installiert.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Nicht aktuell&lt;/b&gt;: Das Ziel weicht ab und wurde nicht heruntergeladen.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;Ein Klick auf eine Anzahl filtert die Tabelle; Strg+F sucht; F5 aktualisiert; Strg+C kopiert die ausgewählten Zeilen; ein Rechtsklick auf die Kopfzeile wählt die Spalten. &lt;b&gt;Fehlersuche&lt;/b&gt;: Auf dem Host zeigt &lt;tt&gt;cmk-update-agent -v&lt;/tt&gt; den Update-Lauf und &lt;tt&gt;cmk-update-agent show-config&lt;/tt&gt; die Konfiguration; das Protokoll liegt in &lt;tt&gt;/var/lib/check_mk_agent/log/cmk-update-agent/cmk-update-agent.log&lt;/tt&gt;.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Host selection&lt;/h3&gt;&lt;p&gt;&lt;i&gt;Selection of hosts to activate agent updates for&lt;/i&gt; (a global setting): only hosts that meet &lt;b&gt;all&lt;/b&gt; conditions get updates (logical AND). No condition means every host. Conditions: sites, folders (with their subfolders), host tags, host labels, host groups, explicit host names, and excluded hosts.&lt;/p&gt;&lt;p&gt;Use it to try a new agent on a few hosts first. &lt;i&gt;Test with this host name&lt;/i&gt; shows each condition with the host&apos;s own value. A left-out host reports &quot;agent updates are disabled for host …&quot;.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Host-Auswahl&lt;/h3&gt;&lt;p&gt;&lt;i&gt;Auswahl der Hosts, für die Agenten-Updates aktiviert werden&lt;/i&gt; (eine globale Einstellung): Nur Hosts, die &lt;b&gt;alle&lt;/b&gt; Bedingungen erfüllen, erhalten Updates (logisches UND). Keine Bedingung bedeutet jeden Host. Bedingungen: Instanzen, Ordner (mit ihren Unterordnern), Host-Merkmale, Host-Labels, Host-Gruppen, explizite Hostnamen und ausgeschlossene Hosts.&lt;/p&gt;&lt;p&gt;Damit probieren Sie einen neuen Agenten zuerst auf wenigen Hosts aus. &lt;i&gt;Mit diesem Hostnamen testen&lt;/i&gt; zeigt jede Bedingung mit dem Wert des Hosts. Ein ausgeschlossener Host meldet „agent updates are disabled for host …“.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Signature keys&lt;/h3&gt;&lt;p&gt;Agents are signed so that an updater installs only packages from your site. Each key is an RSA key pair protected by a passphrase of at least 12 characters, asked for at every signing; it cannot be changed or recovered.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Replacing a key&lt;/b&gt;: create the new key, add it to the rule&apos;s accepted keys, bake and sign with the &lt;i&gt;old&lt;/i&gt; key, wait until all hosts have the new package, then remove the old key from the rule, sign with the new one and delete the old key. A key still used by a rule cannot be deleted. If all accepted keys have expired, run &lt;tt&gt;cmk-update-agent --skip-signatures&lt;/tt&gt; once on each host.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Signaturschlüssel&lt;/h3&gt;&lt;p&gt;Agenten werden signiert, damit ein Updater nur Pakete Ihrer Instanz installiert. Jeder Schlüssel ist ein RSA-Schlüsselpaar, geschützt durch eine Passphrase von mindestens 12 Zeichen, die bei jedem Signieren abgefragt wird; sie kann weder geändert noch wiederhergestellt werden.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Schlüssel austauschen&lt;/b&gt;: Erstellen Sie den neuen Schlüssel, nehmen Sie ihn in die akzeptierten Schlüssel der Regel auf, backen und signieren Sie mit dem &lt;i&gt;alten&lt;/i&gt; Schlüssel, warten Sie, bis alle Hosts das neue Paket haben, entfernen Sie dann den alten Schlüssel aus der Regel, signieren Sie mit dem neuen und löschen Sie den alten. Ein noch von einer Regel verwendeter Schlüssel lässt sich nicht löschen. Sind alle akzeptierten Schlüssel abgelaufen, führen Sie auf jedem Host einmal &lt;tt&gt;cmk-update-agent --skip-signatures&lt;/tt&gt; aus.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Agents and baking&lt;/h3&gt;&lt;p&gt;Rule changes reach the hosts only in newly baked packages. &lt;b&gt;Bake and sign&lt;/b&gt; builds the packages and signs them with a key (its passphrase is asked); &lt;b&gt;Sign&lt;/b&gt; signs existing packages. An updater accepts a package signed with any key it knows. &lt;b&gt;Verify&lt;/b&gt; downloads a package and checks its signatures here.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Agenten und Backen&lt;/h3&gt;&lt;p&gt;Regeländerungen erreichen die Hosts nur in neu gebackenen Paketen. &lt;b&gt;Backen und signieren&lt;/b&gt; baut die Pakete und signiert sie mit einem Schlüssel (seine Passphrase wird abgefragt); &lt;b&gt;Signieren&lt;/b&gt; signiert vorhandene Pakete. Ein Updater akzeptiert ein Paket, das mit irgendeinem ihm bekannten Schlüssel signiert ist. &lt;b&gt;Prüfen&lt;/b&gt; lädt ein Paket herunter und prüft seine Signaturen hier.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Register machine&lt;/h3&gt;&lt;p&gt;Registration creates the trust between this host and the site: both agree on a &lt;i&gt;host secret&lt;/i&gt;, with which the updater later fetches its own agent without a password. You need a user with the permission to register hosts and enable agent updates (for example &lt;tt&gt;agent_registration&lt;/tt&gt;, or an automation user with its automation secret), and the host&apos;s name as it is known in the monitoring.&lt;/p&gt;&lt;p&gt;The result is written to the updater&apos;s state file with mode 0600; when this program cannot write &lt;tt&gt;/etc/cmk-update-agent.state&lt;/tt&gt;, it writes elsewhere and tells you how to move the file into place.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Rechner registrieren&lt;/h3&gt;&lt;p&gt;Die Registrierung stellt das Vertrauen zwischen diesem Host und der Instanz her: Beide vereinbaren ein &lt;i&gt;Host-Secret&lt;/i&gt;, mit dem der Updater später ohne Passwort seinen eigenen Agenten holt. Sie brauchen einen Benutzer mit der Berechtigung, Hosts zu registrieren und Agenten-Updates zu aktivieren (zum Beispiel &lt;tt&gt;agent_registration&lt;/tt&gt; oder einen Automationsbenutzer mit seinem Automationspasswort), und den Namen des Hosts, wie er im Monitoring bekannt ist.&lt;/p&gt;&lt;p&gt;Das Ergebnis wird mit Modus 0600 in die Statusdatei des Updaters geschrieben; kann dieses Programm &lt;tt&gt;/etc/cmk-update-agent.state&lt;/tt&gt; nicht schreiben, schreibt es an einen anderen Ort und sagt Ihnen, wie Sie die Datei an ihren Platz bringen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Local updater config&lt;/h3&gt;&lt;p&gt;What &lt;tt&gt;cmk-update-agent show-config&lt;/tt&gt; shows: the configuration file from the bakery (&lt;tt&gt;cmk-update-agent.cfg&lt;/tt&gt;) over the state file written by the registration (&lt;tt&gt;cmk-update-agent.state&lt;/tt&gt;). A value in the .cfg wins over the same value in the .state. Secrets stay masked until you reveal them.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Lokale Updater-Konfiguration&lt;/h3&gt;&lt;p&gt;Was &lt;tt&gt;cmk-update-agent show-config&lt;/tt&gt; zeigt: die Konfigurationsdatei aus der Agent Bakery (&lt;tt&gt;cmk-update-agent.cfg&lt;/tt&gt;) über der Statusdatei, die die Registrierung schreibt (&lt;tt&gt;cmk-update-agent.state&lt;/tt&gt;). Ein Wert in der .cfg gewinnt gegen denselben Wert in der .state. Secrets bleiben maskiert, bis Sie sie anzeigen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Site overview&lt;/h3&gt;&lt;p&gt;The site this connection talks to: its Checkmk version and edition, the REST API address, and the size of its configuration. For the embedded demo it also shows the demo&apos;s users and secrets.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Instanzübersicht&lt;/h3&gt;&lt;p&gt;Die Instanz, mit der diese Verbindung spricht: ihre Checkmk-Version und Edition, die Adresse der REST-API und die Größe ihrer Konfiguration. Für die eingebaute Demo zeigt sie auch die Benutzer und Secrets der Demo.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Sites&lt;/h3&gt;&lt;p&gt;In distributed monitoring a central site holds the configuration and bakes the agents; remote sites monitor their hosts and pass the updaters&apos; requests on to the central site. This page lists every site the connected site knows (its connection state, URL and version; a remote site&apos;s version is read through a saved connection to that site).&lt;/p&gt;&lt;p&gt;The settings table shows the connection to the central agent bakery and the URL at which hosts reach each site, globally and per site. A site with a value of its own has a &lt;i&gt;site-specific&lt;/i&gt; global setting; &lt;i&gt;Use the global value&lt;/i&gt; removes it. These settings&apos; names are not published by Checkmk: AgentDesk uses extension names for them.&lt;/p&gt;&lt;p&gt;Tick sites in the &lt;i&gt;Activate&lt;/i&gt; column to activate the pending changes on those sites only.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Instanzen&lt;/h3&gt;&lt;p&gt;Im verteilten Monitoring hält eine zentrale Instanz die Konfiguration und backt die Agenten; Remote-Instanzen überwachen ihre Hosts und reichen die Anfragen der Updater an die zentrale Instanz weiter. Diese Seite listet jede Instanz, die die verbundene Instanz kennt (Verbindungszustand, URL und Version; die Version einer Remote-Instanz wird über eine gespeicherte Verbindung zu dieser Instanz gelesen).&lt;/p&gt;&lt;p&gt;Die Tabelle der Einstellungen zeigt die Verbindung zur zentralen Agent Bakery und die URL, unter der die Hosts jede Instanz erreichen, global und je Instanz. Eine Instanz mit eigenem Wert hat eine &lt;i&gt;instanzspezifische&lt;/i&gt; globale Einstellung; &lt;i&gt;Globalen Wert verwenden&lt;/i&gt; entfernt sie. Die Namen dieser Einstellungen veröffentlicht Checkmk nicht: AgentDesk verwendet für sie Erweiterungsnamen.&lt;/p&gt;&lt;p&gt;Haken Sie Instanzen in der Spalte &lt;i&gt;Aktivieren&lt;/i&gt; an, um die ausstehenden Änderungen nur auf diesen Instanzen zu aktivieren.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Register machine: the site&lt;/h3&gt;&lt;p&gt;The &lt;b&gt;update server&lt;/b&gt; (&lt;tt&gt;-s&lt;/tt&gt;) is the Checkmk server the updater asks for its agent: its DNS name or IP address as this host reaches it. The &lt;b&gt;site&lt;/b&gt; (&lt;tt&gt;-i&lt;/tt&gt;) is the name of the OMD site on it, as in &lt;tt&gt;https://server/SITE/check_mk/&lt;/tt&gt;, and the &lt;b&gt;protocol&lt;/b&gt; (&lt;tt&gt;-p&lt;/tt&gt;) https or http. When the agent updater rule sets an update server, the page suggests it.&lt;/p&gt;&lt;p&gt;With https the updater must trust the server&apos;s certificate: &lt;i&gt;Check connection&lt;/i&gt; shows it with its SHA-256 fingerprint. Trust it only when the fingerprint is the one your site administrator gives you; it is kept in the state file for the updates. A certificate this program already trusts for its connection to the site is not asked for again. &lt;tt&gt;--insecure&lt;/tt&gt; skips the check and is meant for tests only.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Rechner registrieren: die Instanz&lt;/h3&gt;&lt;p&gt;Der &lt;b&gt;Update-Server&lt;/b&gt; (&lt;tt&gt;-s&lt;/tt&gt;) ist der Checkmk-Server, den der Updater nach seinem Agenten fragt: sein DNS-Name oder seine IP-Adresse, wie dieser Host ihn erreicht. Die &lt;b&gt;Instanz&lt;/b&gt; (&lt;tt&gt;-i&lt;/tt&gt;) ist der Name der OMD-Instanz darauf, wie in &lt;tt&gt;https://server/INSTANZ/check_mk/&lt;/tt&gt;, und das &lt;b&gt;Protokoll&lt;/b&gt; (&lt;tt&gt;-p&lt;/tt&gt;) https oder http. Nennt die Agent-Updater-Regel einen Update-Server, schlägt die Seite ihn vor.&lt;/p&gt;&lt;p&gt;Mit https muss der Updater dem Zertifikat des Servers vertrauen: &lt;i&gt;Verbindung prüfen&lt;/i&gt; zeigt es mit seinem SHA-256-Fingerabdruck. Vertrauen Sie ihm nur, wenn der Fingerabdruck der ist, den Ihnen die Administration der Instanz nennt; es wird für die Updates in der Statusdatei aufbewahrt. Ein Zertifikat, dem dieses Programm für seine Verbindung zur Instanz schon vertraut, wird nicht noch einmal erfragt. &lt;tt&gt;--insecure&lt;/tt&gt; überspringt die Prüfung und ist nur für Tests gedacht.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Register machine: the host&lt;/h3&gt;&lt;p&gt;The &lt;b&gt;host name&lt;/b&gt; (&lt;tt&gt;-H&lt;/tt&gt;) of this machine exactly as it is known in the monitoring (Setup › Hosts). The site registers only a host it knows; an agent for it is baked only when an agent updater rule with the updater activated applies to it.&lt;/p&gt;&lt;p&gt;The page asks the site whether the host exists and which update server the rule effective for it names. In distributed monitoring the host gets its updates from the site that monitors it.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Rechner registrieren: der Host&lt;/h3&gt;&lt;p&gt;Der &lt;b&gt;Hostname&lt;/b&gt; (&lt;tt&gt;-H&lt;/tt&gt;) dieses Rechners, genau wie er im Monitoring bekannt ist (Setup › Hosts). Die Instanz registriert nur einen Host, den sie kennt; ein Agent für ihn wird nur gebacken, wenn eine Agent-Updater-Regel mit aktiviertem Updater auf ihn zutrifft.&lt;/p&gt;&lt;p&gt;Die Seite fragt die Instanz, ob es den Host gibt und welchen Update-Server die für ihn wirksame Regel nennt. Im verteilten Monitoring bekommt der Host seine Updates von der Instanz, die ihn überwacht.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Register machine: credentials&lt;/h3&gt;&lt;p&gt;Registration needs a user of the site (&lt;tt&gt;-U&lt;/tt&gt;) with the permission to register hosts, for example one with the role &lt;i&gt;Agent registration user&lt;/i&gt; (&lt;tt&gt;agent_registration&lt;/tt&gt;), and its password (&lt;tt&gt;-P&lt;/tt&gt;), or an automation user and its &lt;b&gt;automation secret&lt;/b&gt;. They are used for this registration only and are not written to the state file: afterwards the updater proves itself with the &lt;i&gt;host secret&lt;/i&gt; the registration agrees on.&lt;/p&gt;&lt;p&gt;&lt;i&gt;Use the secret stored for …&lt;/i&gt; takes the secret of the saved connection from the system keychain.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Rechner registrieren: Zugangsdaten&lt;/h3&gt;&lt;p&gt;Die Registrierung braucht einen Benutzer der Instanz (&lt;tt&gt;-U&lt;/tt&gt;) mit der Berechtigung, Hosts zu registrieren, etwa einen mit der Rolle &lt;i&gt;Agent registration user&lt;/i&gt; (&lt;tt&gt;agent_registration&lt;/tt&gt;), und sein Passwort (&lt;tt&gt;-P&lt;/tt&gt;), oder einen Automationsbenutzer und sein &lt;b&gt;Automationspasswort&lt;/b&gt;. Sie dienen nur dieser Registrierung und werden nicht in die Statusdatei geschrieben: Danach weist sich der Updater mit dem &lt;i&gt;Host-Secret&lt;/i&gt; aus, auf das sich die Registrierung einigt.&lt;/p&gt;&lt;p&gt;&lt;i&gt;Das für … gespeicherte Secret verwenden&lt;/i&gt; holt das Secret der gespeicherten Verbindung aus dem Schlüsselbund des Systems.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Register machine: summary&lt;/h3&gt;&lt;p&gt;What &lt;tt&gt;cmk-update-agent register&lt;/tt&gt; will do with the answers so far, and the &lt;b&gt;state file&lt;/b&gt; it writes (mode 0600): by default &lt;tt&gt;/etc/cmk-update-agent.state&lt;/tt&gt;, which needs root. When this program cannot write there, choose a file you can write; the result page then says how to move it into place.&lt;/p&gt;&lt;p&gt;A refused registration says what to fix and offers to go back to the page with the wrong input (the credentials, the site, or the certificate).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Rechner registrieren: Zusammenfassung&lt;/h3&gt;&lt;p&gt;Was &lt;tt&gt;cmk-update-agent register&lt;/tt&gt; mit den bisherigen Angaben tun wird, und die &lt;b&gt;Statusdatei&lt;/b&gt;, die es schreibt (Modus 0600): standardmäßig &lt;tt&gt;/etc/cmk-update-agent.state&lt;/tt&gt;, wofür root-Rechte nötig sind. Kann dieses Programm dort nicht schreiben, wählen Sie eine Datei, die Sie schreiben können; die Ergebnisseite sagt dann, wie sie an ihren Platz kommt.&lt;/p&gt;&lt;p&gt;Eine abgelehnte Registrierung sagt, was zu beheben ist, und bietet an, zur Seite mit der falschen Eingabe zurückzugehen (Zugangsdaten, Instanz oder Zertifikat).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Register machine: registered&lt;/h3&gt;&lt;p&gt;The site and this host now share the &lt;b&gt;host secret&lt;/b&gt;, written to the state file. From now on the updater fetches the agent baked for this host without a password, at the check interval of the agent updater rule; run &lt;tt&gt;cmk-update-agent -v&lt;/tt&gt; once to update at once.&lt;/p&gt;&lt;p&gt;When the state file was written elsewhere, move it into place with the commands shown. The host then appears on the &lt;i&gt;Update status&lt;/i&gt; page once the updater has called the site.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Rechner registrieren: registriert&lt;/h3&gt;&lt;p&gt;Die Instanz und dieser Host teilen jetzt das &lt;b&gt;Host-Secret&lt;/b&gt;, das in die Statusdatei geschrieben wurde. Von nun an holt der Updater den für diesen Host gebackenen Agenten ohne Passwort, im Prüfintervall der Agent-Updater-Regel; führen Sie &lt;tt&gt;cmk-update-agent -v&lt;/tt&gt; einmal aus, um sofort zu aktualisieren.&lt;/p&gt;&lt;p&gt;Wurde die Statusdatei anderswo geschrieben, bringen Sie sie mit den angezeigten Befehlen an ihren Platz. Der Host erscheint dann auf der Seite &lt;i&gt;Update-Status&lt;/i&gt;, sobald der Updater die Instanz kontaktiert hat.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Key passphrase</source>
        <translation>Passphrase des Schlüssels</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <source>Waiting for the site…</source>
        <translation>Warte auf die Instanz …</translation>
    </message>
</context>
<context>
    <name>Prerequisites</name>
    <message>
        <source>A signature key exists</source>
        <translation>Ein Signaturschlüssel existiert</translation>
    </message>
    <message>
        <source>The site&apos;s signature keys could not be read.</source>
        <translation>Die Signaturschlüssel der Instanz konnten nicht gelesen werden.</translation>
    </message>
    <message>
        <source>No signature key yet: create one, then sign the agents with it.</source>
        <translation>Noch kein Signaturschlüssel: Erstellen Sie einen und signieren Sie dann die Agenten damit.</translation>
    </message>
    <message numerus="yes">
        <source>%n signature key(s) on the site.</source>
        <translation>
            <numerusform>%n Signaturschlüssel auf der Instanz.</numerusform>
            <numerusform>%n Signaturschlüssel auf der Instanz.</numerusform>
        </translation>
    </message>
    <message>
        <source>The agent updater rule deploys the updater with an existing key</source>
        <translation>Die Agent-Updater-Regel verteilt den Updater mit einem existierenden Schlüssel</translation>
    </message>
    <message>
        <source>The rules of &quot;Agent updater&quot; could not be read.</source>
        <translation>Die Regeln von „Agent updater“ konnten nicht gelesen werden.</translation>
    </message>
    <message>
        <source>There is no rule in &quot;Agent updater (Linux, Windows, Solaris)&quot;.</source>
        <translation>Es gibt keine Regel in „Agent updater (Linux, Windows, Solaris)“.</translation>
    </message>
    <message>
        <source>No enabled rule deploys the agent updater plug-in (&quot;activated&quot; is off).</source>
        <translation>Keine aktive Regel verteilt das Agent-Updater-Plugin („activated“ ist aus).</translation>
    </message>
    <message>
        <source>The rule accepts no signature key: the updater would refuse every agent.</source>
        <translation>Die Regel akzeptiert keinen Signaturschlüssel: Der Updater würde jeden Agenten ablehnen.</translation>
    </message>
    <message>
        <source>The rule accepts only keys that no longer exist on the site.</source>
        <translation>Die Regel akzeptiert nur Schlüssel, die es auf der Instanz nicht mehr gibt.</translation>
    </message>
    <message>
        <source>The rule lists keys, but the site&apos;s keys could not be read to check them.</source>
        <translation>Die Regel nennt Schlüssel, aber die Schlüssel der Instanz konnten zur Prüfung nicht gelesen werden.</translation>
    </message>
    <message numerus="yes">
        <source>Enabled, with update server %1 and %n accepted key(s).</source>
        <translation>
            <numerusform>Aktiv, mit Update-Server %1 und %n akzeptiertem Schlüssel.</numerusform>
            <numerusform>Aktiv, mit Update-Server %1 und %n akzeptierten Schlüsseln.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Enabled with %n accepted key(s); no update server, so hosts are registered by hand.</source>
        <translation>
            <numerusform>Aktiv mit %n akzeptiertem Schlüssel; kein Update-Server, daher werden Hosts von Hand registriert.</numerusform>
            <numerusform>Aktiv mit %n akzeptierten Schlüsseln; kein Update-Server, daher werden Hosts von Hand registriert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Agents are baked and signed with an accepted key</source>
        <translation>Agenten sind gebacken und mit einem akzeptierten Schlüssel signiert</translation>
    </message>
    <message>
        <source>The baked agents could not be read.</source>
        <translation>Die gebackenen Agenten konnten nicht gelesen werden.</translation>
    </message>
    <message>
        <source>No agents are baked yet: bake and sign them.</source>
        <translation>Noch keine Agenten gebacken: Backen und signieren Sie sie.</translation>
    </message>
    <message>
        <source>The rule accepts no existing key, so no signature can count.</source>
        <translation>Die Regel akzeptiert keinen existierenden Schlüssel, daher kann keine Signatur zählen.</translation>
    </message>
    <message numerus="yes">
        <source>%n agent configuration(s) carry no signature of an accepted key: sign them.</source>
        <translation>
            <numerusform>%n Agentenkonfiguration trägt keine Signatur eines akzeptierten Schlüssels: Signieren Sie sie.</numerusform>
            <numerusform>%n Agentenkonfigurationen tragen keine Signatur eines akzeptierten Schlüssels: Signieren Sie sie.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>All %n agent configuration(s) are signed with an accepted key.</source>
        <translation>
            <numerusform>Die %n Agentenkonfiguration ist mit einem akzeptierten Schlüssel signiert.</numerusform>
            <numerusform>Alle %n Agentenkonfigurationen sind mit einem akzeptierten Schlüssel signiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>At least one host is registered</source>
        <translation>Mindestens ein Host ist registriert</translation>
    </message>
    <message>
        <source>The update status could not be read.</source>
        <translation>Der Update-Status konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>No host is registered yet: register one (Register this machine, or cmk-update-agent register).</source>
        <translation>Noch kein Host registriert: Registrieren Sie einen (Rechner registrieren oder cmk-update-agent register).</translation>
    </message>
    <message numerus="yes">
        <source>%n host(s) registered.</source>
        <translation>
            <numerusform>%n Host registriert.</numerusform>
            <numerusform>%n Hosts registriert.</numerusform>
        </translation>
    </message>
    <message>
        <source>The master switch is on</source>
        <translation>Der Hauptschalter ist an</translation>
    </message>
    <message>
        <source>The global setting could not be read (older sites do not offer it).</source>
        <translation>Die globale Einstellung konnte nicht gelesen werden (ältere Instanzen bieten sie nicht an).</translation>
    </message>
    <message>
        <source>&quot;Activation of automatic agent updates&quot; is off: no host gets updates.</source>
        <translation>„Aktivierung der automatischen Agenten-Updates“ ist aus: Kein Host erhält Updates.</translation>
    </message>
    <message>
        <source>Automatic agent updates are on.</source>
        <translation>Automatische Agenten-Updates sind eingeschaltet.</translation>
    </message>
    <message>
        <source>The site&apos;s signature keys could not be read, so the agents&apos; signatures cannot be checked here; the site&apos;s Agents page shows them.</source>
        <translation>Die Signaturschlüssel der Instanz konnten nicht gelesen werden, daher lassen sich die Signaturen der Agenten hier nicht prüfen; die Agentenseite der Instanz zeigt sie.</translation>
    </message>
    <message>
        <source>Checked by AgentDesk: the site&apos;s automatic-deployment status could not be read.</source>
        <translation>Von AgentDesk geprüft: Der automatic-deployment-Status der Instanz konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Checked by AgentDesk: %1</source>
        <translation>Von AgentDesk geprüft: %1</translation>
    </message>
    <message>
        <source>Checked by AgentDesk: the site&apos;s automatic-deployment status does not report this item.</source>
        <translation>Von AgentDesk geprüft: Der automatic-deployment-Status der Instanz meldet diesen Punkt nicht.</translation>
    </message>
    <message>
        <source>Reported by the site (automatic-deployment status).</source>
        <translation>Von der Instanz gemeldet (automatic-deployment-Status).</translation>
    </message>
    <message>
        <source>The site reports this as met, but AgentDesk found the problem above in what it read.</source>
        <translation>Die Instanz meldet dies als erfüllt, aber AgentDesk hat im Gelesenen das obige Problem gefunden.</translation>
    </message>
    <message>
        <source>The site has a signature key.</source>
        <translation>Die Instanz hat einen Signaturschlüssel.</translation>
    </message>
    <message>
        <source>The site has no signature key yet: create one, then sign the agents with it.</source>
        <translation>Die Instanz hat noch keinen Signaturschlüssel: Legen Sie einen an und signieren Sie dann die Agenten damit.</translation>
    </message>
    <message>
        <source>An enabled &quot;Agent updater&quot; rule deploys the updater.</source>
        <translation>Eine aktive Regel „Agent updater“ verteilt den Updater.</translation>
    </message>
    <message>
        <source>No enabled &quot;Agent updater&quot; rule deploys the updater.</source>
        <translation>Keine aktive Regel „Agent updater“ verteilt den Updater.</translation>
    </message>
    <message>
        <source>The site&apos;s baked agents are signed.</source>
        <translation>Die gebackenen Agenten der Instanz sind signiert.</translation>
    </message>
    <message>
        <source>The site has no baked agents yet: bake and sign them.</source>
        <translation>Die Instanz hat noch keine gebackenen Agenten: Backen und signieren Sie sie.</translation>
    </message>
    <message>
        <source>Some of the site&apos;s baked agents are not signed: sign them.</source>
        <translation>Einige gebackene Agenten der Instanz sind nicht signiert: Signieren Sie sie.</translation>
    </message>
    <message>
        <source>Automatic agent updates are on; switched off, which takes effect once the changes are activated.</source>
        <translation>Automatische Agenten-Updates sind an; ausgeschaltet, was wirkt, sobald die Änderungen aktiviert sind.</translation>
    </message>
    <message>
        <source>Automatic agent updates are off; switched on, which takes effect once the changes are activated.</source>
        <translation>Automatische Agenten-Updates sind aus; eingeschaltet, was wirkt, sobald die Änderungen aktiviert sind.</translation>
    </message>
</context>
<context>
    <name>PythonLiteral</name>
    <message>
        <source>line %1, column %2: %3</source>
        <translation>Zeile %1, Spalte %2: %3</translation>
    </message>
    <message>
        <source>expected the end of the text after the value</source>
        <translation>nach dem Wert wurde das Ende des Textes erwartet</translation>
    </message>
    <message>
        <source>nesting is too deep</source>
        <translation>zu tief verschachtelt</translation>
    </message>
    <message>
        <source>expected a value, found the end of the text</source>
        <translation>Wert erwartet, Ende des Textes gefunden</translation>
    </message>
    <message>
        <source>bytes literals are not supported</source>
        <translation>Bytes-Literale werden nicht unterstützt</translation>
    </message>
    <message>
        <source>expected a value (dict, list, tuple, string, number, True, False or None), found the name &apos;%1&apos;</source>
        <translation>Wert erwartet (dict, list, tuple, String, Zahl, True, False oder None), Name &apos;%1&apos; gefunden</translation>
    </message>
    <message>
        <source>expected a value, found &apos;%1&apos;</source>
        <translation>Wert erwartet, &apos;%1&apos; gefunden</translation>
    </message>
    <message>
        <source>expected a string as dict key</source>
        <translation>String als dict-Schlüssel erwartet</translation>
    </message>
    <message>
        <source>expected &apos;:&apos; after a dict key</source>
        <translation>&apos;:&apos; nach einem dict-Schlüssel erwartet</translation>
    </message>
    <message>
        <source>expected &apos;,&apos; or &apos;}&apos; after a dict value</source>
        <translation>&apos;,&apos; oder &apos;}&apos; nach einem dict-Wert erwartet</translation>
    </message>
    <message>
        <source>expected &apos;,&apos; or &apos;)&apos; in a tuple</source>
        <translation>&apos;,&apos; oder &apos;)&apos; in einem Tupel erwartet</translation>
    </message>
    <message>
        <source>expected &apos;,&apos; or &apos;]&apos; in a list</source>
        <translation>&apos;,&apos; oder &apos;]&apos; in einer Liste erwartet</translation>
    </message>
    <message>
        <source>unterminated string</source>
        <translation>nicht abgeschlossener String</translation>
    </message>
    <message>
        <source>unterminated string: line break inside a string</source>
        <translation>nicht abgeschlossener String: Zeilenumbruch innerhalb eines Strings</translation>
    </message>
    <message>
        <source>expected %1 hex digits after \%2</source>
        <translation>%1 Hex-Ziffern nach \%2 erwartet</translation>
    </message>
    <message>
        <source>unknown escape sequence &apos;\%1&apos;</source>
        <translation>unbekannte Escape-Sequenz &apos;\%1&apos;</translation>
    </message>
    <message>
        <source>expected a number</source>
        <translation>Zahl erwartet</translation>
    </message>
    <message>
        <source>expected digits in the exponent</source>
        <translation>Ziffern im Exponenten erwartet</translation>
    </message>
    <message>
        <source>unexpected &apos;%1&apos; after a number</source>
        <translation>unerwartetes &apos;%1&apos; nach einer Zahl</translation>
    </message>
    <message>
        <source>integer out of range (64 bit)</source>
        <translation>Ganzzahl außerhalb des Bereichs (64 Bit)</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Signature keys…</source>
        <translation>Signaturschlüssel …</translation>
    </message>
    <message>
        <source>Agent updater rule…</source>
        <translation>Agent-Updater-Regel …</translation>
    </message>
    <message>
        <source>Agents and baking…</source>
        <translation>Agenten und Backen …</translation>
    </message>
    <message>
        <source>Register a machine…</source>
        <translation>Einen Rechner registrieren …</translation>
    </message>
    <message>
        <source>The updater never called</source>
        <translation>Der Updater hat sich nie gemeldet</translation>
    </message>
    <message>
        <source>The host is registered, but its updater has not contacted the site since.</source>
        <translation>Der Host ist registriert, aber sein Updater hat die Instanz seitdem nicht kontaktiert.</translation>
    </message>
    <message>
        <source>Check that the agent with the updater plug-in is installed and that the plug-in runs (cmk-update-agent -v on the host).</source>
        <translation>Prüfen Sie, ob der Agent mit dem Updater-Plugin installiert ist und das Plugin läuft (cmk-update-agent -v auf dem Host).</translation>
    </message>
    <message>
        <source>No recent update check</source>
        <translation>Keine aktuelle Update-Prüfung</translation>
    </message>
    <message>
        <source>The updater has not checked for more than twice its interval: the host may be down, or the agent no longer runs the plug-in.</source>
        <translation>Der Updater hat seit mehr als dem doppelten Intervall nicht geprüft: Der Host ist vielleicht aus, oder der Agent führt das Plugin nicht mehr aus.</translation>
    </message>
    <message>
        <source>Check the host and its agent; run cmk-update-agent -v there.</source>
        <translation>Prüfen Sie den Host und seinen Agenten; führen Sie dort cmk-update-agent -v aus.</translation>
    </message>
    <message>
        <source>Update under way</source>
        <translation>Update läuft</translation>
    </message>
    <message>
        <source>The target agent was downloaded and will be installed at the next run of the updater.</source>
        <translation>Der Zielagent wurde heruntergeladen und wird beim nächsten Lauf des Updaters installiert.</translation>
    </message>
    <message>
        <source>Nothing to do; wait for the next check.</source>
        <translation>Nichts zu tun; warten Sie die nächste Prüfung ab.</translation>
    </message>
    <message>
        <source>Update not fetched yet</source>
        <translation>Update noch nicht geholt</translation>
    </message>
    <message>
        <source>The site offers a newer agent that the host has not downloaded yet.</source>
        <translation>Die Instanz bietet einen neueren Agenten an, den der Host noch nicht heruntergeladen hat.</translation>
    </message>
    <message>
        <source>Nothing to do unless it stays so for long; the next check fetches it.</source>
        <translation>Nichts zu tun, außer es bleibt lange so; die nächste Prüfung holt ihn.</translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation>Aktuell</translation>
    </message>
    <message>
        <source>The host runs the agent the site wants it to run.</source>
        <translation>Der Host verwendet den Agenten, den die Instanz für ihn vorsieht.</translation>
    </message>
    <message>
        <source>The service list is not readable</source>
        <translation>Die Service-Liste ist nicht lesbar</translation>
    </message>
    <message>
        <source>Expected an object with a &quot;value&quot; list.</source>
        <translation>Ein Objekt mit einer Liste „value“ erwartet.</translation>
    </message>
    <message>
        <source>The site&apos;s reply has an unexpected shape</source>
        <translation>Die Antwort der Instanz hat eine unerwartete Form</translation>
    </message>
    <message>
        <source>activation_run: expected an &quot;id&quot;.</source>
        <translation>activation_run: Eine „id“ wurde erwartet.</translation>
    </message>
    <message>
        <source>pending changes: expected an array &quot;value&quot;.</source>
        <translation>Ausstehende Änderungen: Ein Array „value“ wurde erwartet.</translation>
    </message>
    <message>
        <source>agent_deployment_enabled: expected true or false.</source>
        <translation>agent_deployment_enabled: true oder false wurde erwartet.</translation>
    </message>
    <message>
        <source>agent_deployment_host_selection: expected a dictionary.</source>
        <translation>agent_deployment_host_selection: Ein Dictionary wurde erwartet.</translation>
    </message>
    <message>
        <source>site_connection: an entry without a site id.</source>
        <translation>site_connection: ein Eintrag ohne Instanz-ID.</translation>
    </message>
    <message>
        <source>site_connection: expected an array &quot;value&quot;.</source>
        <translation>site_connection: ein Array „value“ erwartet.</translation>
    </message>
    <message>
        <source>%1: expected a dictionary.</source>
        <translation>%1: ein Dictionary erwartet.</translation>
    </message>
</context>
<context>
    <name>RegistrationClient</name>
    <message>
        <source>Wrong user or password</source>
        <translation>Falscher Benutzer oder falsches Passwort</translation>
    </message>
    <message>
        <source>The site did not accept the login of “%1”.</source>
        <translation>Die Instanz hat die Anmeldung von „%1“ nicht akzeptiert.</translation>
    </message>
    <message>
        <source>Wrong user or secret</source>
        <translation>Falscher Benutzer oder falsches Secret</translation>
    </message>
    <message>
        <source>The site did not accept the credentials.</source>
        <translation>Die Instanz hat die Zugangsdaten nicht akzeptiert.</translation>
    </message>
    <message>
        <source>The site&apos;s answer is not the updater&apos;s protocol</source>
        <translation>Die Antwort der Instanz folgt nicht dem Protokoll des Updaters</translation>
    </message>
    <message>
        <source>HTTP %1, %2 bytes of %3.</source>
        <translation>HTTP %1, %2 Bytes %3.</translation>
    </message>
    <message>
        <source>The site refused the registration</source>
        <translation>Die Instanz hat die Registrierung abgelehnt</translation>
    </message>
    <message>
        <source>result_code %1 without a reason</source>
        <translation>result_code %1 ohne Begründung</translation>
    </message>
    <message>
        <source>The site sent an unusable host secret</source>
        <translation>Die Instanz hat ein unbrauchbares Host-Secret geschickt</translation>
    </message>
    <message>
        <source>an entry that is not a PEM text</source>
        <translation>ein Eintrag, der kein PEM-Text ist</translation>
    </message>
    <message>
        <source>not a certificate; dropped</source>
        <translation>kein Zertifikat; verworfen</translation>
    </message>
    <message>
        <source>sent over a connection that was not verified, so nothing shows it came from the site; not kept</source>
        <translation>über eine nicht geprüfte Verbindung gesendet, daher belegt nichts, dass es von der Instanz stammt; nicht behalten</translation>
    </message>
    <message>
        <source>not valid now (%1 to %2); not kept</source>
        <translation>derzeit nicht gültig (%1 bis %2); nicht behalten</translation>
    </message>
    <message>
        <source>a CA that issued none of the certificates the server presented; not kept</source>
        <translation>eine CA, die keines der vom Server vorgelegten Zertifikate ausgestellt hat; nicht behalten</translation>
    </message>
    <message>
        <source>neither the server&apos;s certificate nor a CA certificate; not kept</source>
        <translation>weder das Zertifikat des Servers noch ein CA-Zertifikat; nicht behalten</translation>
    </message>
    <message>
        <source>the server&apos;s certificate cannot be read</source>
        <translation>das Zertifikat des Servers kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>the certificate expired on %1</source>
        <translation>das Zertifikat ist am %1 abgelaufen</translation>
    </message>
    <message>
        <source>the certificate is not valid before %1</source>
        <translation>das Zertifikat ist vor %1 nicht gültig</translation>
    </message>
    <message>
        <source>the certificate does not name %1 (it is for %2)</source>
        <translation>das Zertifikat nennt %1 nicht (es gilt für %2)</translation>
    </message>
</context>
<context>
    <name>RegistrationController</name>
    <message>
        <source>Host %1 exists in the setup of site %2.</source>
        <translation>Host %1 existiert in der Konfiguration der Instanz %2.</translation>
    </message>
    <message>
        <source>Host %1 does not exist in the setup of site %2: the site will refuse the registration. Add the host first.</source>
        <translation>Host %1 existiert nicht in der Konfiguration der Instanz %2: Die Instanz wird die Registrierung ablehnen. Legen Sie den Host zuerst an.</translation>
    </message>
    <message>
        <source>The site did not accept these credentials for its REST API (%1); the registration will probably fail too.</source>
        <translation>Die Instanz hat diese Zugangsdaten für ihre REST-API nicht akzeptiert (%1); die Registrierung wird wahrscheinlich auch scheitern.</translation>
    </message>
    <message>
        <source>Could not check whether host %1 exists: %2</source>
        <translation>Konnte nicht prüfen, ob Host %1 existiert: %2</translation>
    </message>
    <message>
        <source>The state file cannot be used</source>
        <translation>Die Statusdatei kann nicht verwendet werden</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Choose a path in a folder you may write to.</source>
        <translation>Wählen Sie einen Pfad in einem Ordner, in den Sie schreiben dürfen.</translation>
    </message>
    <message>
        <source>Wrong user or secret.</source>
        <translation>Falscher Benutzer oder falsches Secret.</translation>
    </message>
    <message>
        <source>The site refused the registration.</source>
        <translation>Die Instanz hat die Registrierung abgelehnt.</translation>
    </message>
    <message>
        <source>The registration failed.</source>
        <translation>Die Registrierung ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>The state file was not written</source>
        <translation>Die Statusdatei wurde nicht geschrieben</translation>
    </message>
    <message>
        <source>The site registered the host, but its secret could not be saved. Choose another path and register again.</source>
        <translation>Die Instanz hat den Host registriert, aber sein Secret konnte nicht gespeichert werden. Wählen Sie einen anderen Pfad und registrieren Sie erneut.</translation>
    </message>
    <message>
        <source>There is no saved connection “%1”.</source>
        <translation>Es gibt keine gespeicherte Verbindung „%1“.</translation>
    </message>
    <message>
        <source>Site %1 is a remote site: it forwards the registration to its central site, where the hosts are configured; the central site decides whether host %2 exists.</source>
        <translation>Instanz %1 ist eine Remote-Instanz: Sie reicht die Registrierung an ihre zentrale Instanz weiter, wo die Hosts konfiguriert sind; die zentrale Instanz entscheidet, ob Host %2 existiert.</translation>
    </message>
    <message>
        <source>%1 answered, but has no Checkmk site named &quot;%2&quot;. Check the site name (the OMD site, as in https://server/SITE/check_mk/).</source>
        <translation>%1 hat geantwortet, hat aber keine Checkmk-Instanz namens „%2“. Prüfen Sie den Instanznamen (die OMD-Instanz, wie in https://server/INSTANZ/check_mk/).</translation>
    </message>
    <message>
        <source>The site&apos;s certificate is not trusted. Look at it on the first page and decide whether to trust it.</source>
        <translation>Das Zertifikat der Instanz ist nicht vertrauenswürdig. Sehen Sie es sich auf der ersten Seite an und entscheiden Sie, ob Sie ihm vertrauen.</translation>
    </message>
</context>
<context>
    <name>RegistrationCredentialsPage</name>
    <message>
        <source>&amp;Automation user and its secret</source>
        <translation>&amp;Automationsbenutzer und sein Automationspasswort</translation>
    </message>
    <message>
        <source>User and &amp;password</source>
        <translation>Benutzer und &amp;Passwort</translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation>Zugangsdaten</translation>
    </message>
    <message>
        <source>A user of the site who may register hosts. The secret is used for this registration only and is not written anywhere.</source>
        <translation>Ein Benutzer der Instanz, der Hosts registrieren darf. Das Secret wird nur für diese Registrierung verwendet und nirgends gespeichert.</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Benutzer:</translation>
    </message>
    <message>
        <source>Reading the secret from the keychain…</source>
        <translation>Lese das Secret aus dem Schlüsselbund …</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;wort:</translation>
    </message>
    <message>
        <source>&amp;Secret:</source>
        <translation>&amp;Secret:</translation>
    </message>
    <message>
        <source>Use the secret &amp;stored for “%1”</source>
        <translation>Das für „%1“ ge&amp;speicherte Secret verwenden</translation>
    </message>
    <message>
        <source>The secret stored for “%1” is filled in (hidden).</source>
        <translation>Das für „%1“ gespeicherte Secret ist eingetragen (verborgen).</translation>
    </message>
    <message>
        <source>No secret could be read for “%1”: %2. Type the secret.</source>
        <translation>Für „%1“ konnte kein Secret gelesen werden: %2. Geben Sie das Secret ein.</translation>
    </message>
    <message>
        <source>An automation user (Setup › Users) and its automation secret, for example the user agent_registration.</source>
        <translation>Ein Automationsbenutzer (Setup › Users) und sein Automationspasswort, zum Beispiel der Benutzer agent_registration.</translation>
    </message>
    <message>
        <source>A user of the site and its password; the user needs the permission to register hosts.</source>
        <translation>Ein Benutzer der Instanz und sein Passwort; der Benutzer braucht die Berechtigung, Hosts zu registrieren.</translation>
    </message>
    <message>
        <source>The user (-U) with the permission to register hosts and enable agent updates.</source>
        <translation>Der Benutzer (-U) mit der Berechtigung, Hosts zu registrieren und Agenten-Updates zu aktivieren.</translation>
    </message>
    <message>
        <source>The automation secret or password of the user. Used for this registration only, never written anywhere.</source>
        <translation>Das Automationspasswort oder Passwort des Benutzers. Nur für diese Registrierung verwendet, nirgends gespeichert.</translation>
    </message>
    <message>
        <source>Uses the secret stored in the keychain for the saved connection with this server, site and user.</source>
        <translation>Verwendet das im Schlüsselbund gespeicherte Secret der gespeicherten Verbindung mit diesem Server, dieser Instanz und diesem Benutzer.</translation>
    </message>
</context>
<context>
    <name>RegistrationHostPage</name>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>The name of this machine as a host in the site&apos;s setup.</source>
        <translation>Der Name dieses Rechners als Host in der Konfiguration der Instanz.</translation>
    </message>
    <message>
        <source>The host must exist in the site&apos;s setup. Whether it does is checked with your credentials before registering.</source>
        <translation>Der Host muss in der Konfiguration der Instanz existieren. Ob er das tut, wird vor der Registrierung mit Ihren Zugangsdaten geprüft.</translation>
    </message>
    <message>
        <source>&amp;Host name:</source>
        <translation>&amp;Hostname:</translation>
    </message>
    <message>
        <source>A host name may contain only letters, digits, &apos;-&apos;, &apos;_&apos; and &apos;.&apos;.</source>
        <translation>Ein Hostname darf nur Buchstaben, Ziffern, &apos;-&apos;, &apos;_&apos; und &apos;.&apos; enthalten.</translation>
    </message>
    <message>
        <source>The host name (-H) of this machine as it is known in the site&apos;s setup; the host must exist there. It also decides which agent updater rule, and so which update server, applies.</source>
        <translation>Der Hostname (-H) dieses Rechners, wie er im Setup der Instanz bekannt ist; der Host muss dort existieren. Er entscheidet auch, welche Agent-Updater-Regel und damit welcher Update-Server gilt.</translation>
    </message>
</context>
<context>
    <name>RegistrationRequest</name>
    <message>
        <source>Enter the site&apos;s server.</source>
        <translation>Geben Sie den Server der Instanz ein.</translation>
    </message>
    <message>
        <source>Enter the site&apos;s name.</source>
        <translation>Geben Sie den Namen der Instanz ein.</translation>
    </message>
    <message>
        <source>The host name may contain only letters, digits, &apos;-&apos;, &apos;_&apos; and &apos;.&apos;.</source>
        <translation>Der Hostname darf nur Buchstaben, Ziffern, &apos;-&apos;, &apos;_&apos; und &apos;.&apos; enthalten.</translation>
    </message>
    <message>
        <source>Enter the user.</source>
        <translation>Geben Sie den Benutzer ein.</translation>
    </message>
</context>
<context>
    <name>RegistrationResultPage</name>
    <message>
        <source>Registered</source>
        <translation>Registriert</translation>
    </message>
    <message>
        <source>Host %1 is registered for automatic agent updates.</source>
        <translation>Host %1 ist für automatische Agenten-Updates registriert.</translation>
    </message>
    <message>
        <source>Host secret: &lt;tt&gt;%1&lt;/tt&gt; (%2 characters, as expected; kept only in the state file)</source>
        <translation>Host-Secret: &lt;tt&gt;%1&lt;/tt&gt; (%2 Zeichen, wie erwartet; nur in der Statusdatei gespeichert)</translation>
    </message>
    <message>
        <source>Update URL: %1</source>
        <translation>Update-URL: %1</translation>
    </message>
    <message>
        <source>State file written to &lt;tt&gt;%1&lt;/tt&gt; (mode 0600).</source>
        <translation>Statusdatei geschrieben nach &lt;tt&gt;%1&lt;/tt&gt; (Modus 0600).</translation>
    </message>
    <message>
        <source>The updater reads /etc/cmk-update-agent.state: move the file there as root:</source>
        <translation>Der Updater liest /etc/cmk-update-agent.state: Verschieben Sie die Datei als root dorthin:</translation>
    </message>
    <message>
        <source>The site&apos;s certificates below are stored as local certificates of the updater.</source>
        <translation>Die unten gezeigten Zertifikate der Instanz werden als lokale Zertifikate des Updaters gespeichert.</translation>
    </message>
    <message>
        <source>⚠ The host is not yet monitored: it is not in the site&apos;s activated configuration. Activate the pending changes on the site; until then the updater gets no agent.</source>
        <translation>⚠ Der Host wird noch nicht überwacht: Er ist nicht in der aktivierten Konfiguration der Instanz. Aktivieren Sie die ausstehenden Änderungen auf der Instanz; bis dahin erhält der Updater keinen Agenten.</translation>
    </message>
    <message numerus="yes">
        <source>%n certificate(s) the site sent were not kept:</source>
        <translation>
            <numerusform>%n von der Instanz gesendetes Zertifikat wurde nicht behalten:</numerusform>
            <numerusform>%n von der Instanz gesendete Zertifikate wurden nicht behalten:</numerusform>
        </translation>
    </message>
    <message>
        <source>Updates are served by site &lt;b&gt;%1&lt;/b&gt; on %2.</source>
        <translation>Die Updates liefert Instanz &lt;b&gt;%1&lt;/b&gt; auf %2.</translation>
    </message>
    <message>
        <source>The commands that move the state file into place, when it could not be written to /etc directly. Run them as root.</source>
        <translation>Die Befehle, die die Zustandsdatei an ihren Platz verschieben, wenn sie nicht direkt nach /etc geschrieben werden konnte. Führen Sie sie als root aus.</translation>
    </message>
</context>
<context>
    <name>RegistrationServerPage</name>
    <message>
        <source>Check connection</source>
        <translation>Verbindung prüfen</translation>
    </message>
    <message>
        <source>Trust this certificate (kept as a local certificate, like --trust-cert)</source>
        <translation>Diesem Zertifikat vertrauen (als lokales Zertifikat behalten, wie --trust-cert)</translation>
    </message>
    <message>
        <source>Connect without verification (--insecure)</source>
        <translation>Ohne Prüfung verbinden (--insecure)</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Instanz</translation>
    </message>
    <message>
        <source>The Checkmk site this machine gets its agent updates from.</source>
        <translation>Die Checkmk-Instanz, von der dieser Rechner seine Agenten-Updates erhält.</translation>
    </message>
    <message>
        <source>monitoring.example.com or host:port</source>
        <translation>monitoring.example.com oder host:port</translation>
    </message>
    <message>
        <source>mysite</source>
        <translation>meineinstanz</translation>
    </message>
    <message>
        <source>Without verification anybody between this machine and the site can pretend to be the site, read the credentials and hand out their own agents. Use it only to try things out.</source>
        <translation>Ohne Prüfung kann sich jeder zwischen diesem Rechner und der Instanz als die Instanz ausgeben, die Zugangsdaten mitlesen und eigene Agenten ausliefern. Verwenden Sie das nur zum Ausprobieren.</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>S&amp;ite:</source>
        <translation>&amp;Instanz:</translation>
    </message>
    <message>
        <source>&amp;Protocol:</source>
        <translation>&amp;Protokoll:</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbinde mit %1 …</translation>
    </message>
    <message>
        <source>✔ This is the certificate you already trust for the connection “%1”; it is kept as a local certificate, like --trust-cert.</source>
        <translation>✔ Das ist das Zertifikat, dem Sie für die Verbindung „%1“ bereits vertrauen; es wird als lokales Zertifikat behalten, wie mit --trust-cert.</translation>
    </message>
    <message>
        <source>Plain HTTP: there is no certificate to check, and the credentials cross the network unencrypted.</source>
        <translation>Einfaches HTTP: Es gibt kein Zertifikat zu prüfen, und die Zugangsdaten gehen unverschlüsselt über das Netz.</translation>
    </message>
    <message>
        <source>Could not connect: %1</source>
        <translation>Keine Verbindung möglich: %1</translation>
    </message>
    <message>
        <source>✔ The certificate is trusted: the chain below verified.</source>
        <translation>✔ Dem Zertifikat wird vertraut: Die Kette unten wurde geprüft.</translation>
    </message>
    <message>
        <source>✘ The certificate is NOT trusted: %1
Compare the fingerprint with the one your site administrator gives you before trusting it.</source>
        <translation>✘ Dem Zertifikat wird NICHT vertraut: %1
Vergleichen Sie den Fingerabdruck mit dem, den Ihnen die Administration der Instanz nennt, bevor Sie ihm vertrauen.</translation>
    </message>
    <message>
        <source>Site of the set-&amp;up:</source>
        <translation>Instanz des &amp;Verbunds:</translation>
    </message>
    <message>
        <source>Fill in the address of one of the sites of the connected set-up</source>
        <translation>Die Adresse einer der Instanzen des verbundenen Verbunds eintragen</translation>
    </message>
    <message>
        <source>Choose a site…</source>
        <translation>Instanz wählen…</translation>
    </message>
    <message>
        <source>%1 (remote site, %2)</source>
        <translation>%1 (Remote-Instanz, %2)</translation>
    </message>
    <message>
        <source>%1 (central site, %2)</source>
        <translation>%1 (zentrale Instanz, %2)</translation>
    </message>
    <message>
        <source>The update server (-s): the host name or address of the Checkmk server, with :port when not the default. Pre-filled from the agent updater rule effective for this host, else from the active connection.</source>
        <translation>Der Update-Server (-s): Hostname oder Adresse des Checkmk-Servers, mit :Port, wenn nicht der Standard. Vorausgefüllt aus der Agent-Updater-Regel, die für diesen Host gilt, sonst aus der aktiven Verbindung.</translation>
    </message>
    <message>
        <source>The site (-i): the name of the OMD site, as in https://server/SITE/check_mk/.</source>
        <translation>Die Instanz (-i): der Name der OMD-Instanz, wie in https://server/INSTANZ/check_mk/.</translation>
    </message>
    <message>
        <source>The protocol (-p): https is recommended; with http the host secret travels unencrypted.</source>
        <translation>Das Protokoll (-p): https wird empfohlen; mit http reist das Host-Secret unverschlüsselt.</translation>
    </message>
    <message>
        <source>Connects to the server and shows its certificate, so that you can decide whether to trust it before any secret is sent.</source>
        <translation>Verbindet sich mit dem Server und zeigt sein Zertifikat, damit Sie entscheiden können, ob Sie ihm vertrauen, bevor ein Secret gesendet wird.</translation>
    </message>
    <message>
        <source>Trusts this certificate for the registration and keeps it in the state file as a local certificate, as --trust-cert does. Compare the SHA-256 fingerprint with the one your site administrator gives you.</source>
        <translation>Vertraut diesem Zertifikat für die Registrierung und behält es als lokales Zertifikat in der Zustandsdatei, wie --trust-cert. Vergleichen Sie den SHA-256-Fingerabdruck mit dem, den Ihnen Ihr Instanz-Administrator nennt.</translation>
    </message>
    <message>
        <source>Registers without verifying the certificate (--insecure): anyone on the network path could pose as the site.</source>
        <translation>Registriert, ohne das Zertifikat zu prüfen (--insecure): Jeder auf dem Netzwerkweg könnte sich als die Instanz ausgeben.</translation>
    </message>
    <message>
        <source>In distributed monitoring a host can register at any site of the set-up it can reach; a remote site forwards the registration to the central site. Choosing a site fills in its address. The updates are served by the site that monitors the host; the server given here is the fallback.</source>
        <translation>Im verteilten Monitoring kann sich ein Host bei jeder Instanz des Verbunds registrieren, die er erreicht; eine Remote-Instanz leitet die Registrierung an die Zentralinstanz weiter. Die Auswahl einer Instanz trägt ihre Adresse ein. Die Updates liefert die Instanz, die den Host überwacht; der hier angegebene Server ist die Rückfallebene.</translation>
    </message>
    <message>
        <source>✔ This is the certificate you trusted for site %1 on the Sites page (connection “%2”); it is kept as a local certificate, like --trust-cert.</source>
        <translation>✔ Dies ist das Zertifikat, dem Sie auf der Seite Instanzen für die Instanz %1 vertraut haben (Verbindung „%2“); es wird als lokales Zertifikat verwendet, wie --trust-cert.</translation>
    </message>
</context>
<context>
    <name>RegistrationSummaryPage</name>
    <message>
        <source>Choose…</source>
        <translation>Wählen …</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Check what will be sent, then register.</source>
        <translation>Prüfen Sie, was gesendet wird, und registrieren Sie dann.</translation>
    </message>
    <message>
        <source>&amp;Register</source>
        <translation>&amp;Registrieren</translation>
    </message>
    <message>
        <source>The same registration with the agent updater; it asks for the secret itself.</source>
        <translation>Dieselbe Registrierung mit dem Agent Updater; er fragt selbst nach dem Secret.</translation>
    </message>
    <message>
        <source>Command line:</source>
        <translation>Befehlszeile:</translation>
    </message>
    <message>
        <source>State file:</source>
        <translation>Statusdatei:</translation>
    </message>
    <message>
        <source>Write the state file to</source>
        <translation>Statusdatei schreiben nach</translation>
    </message>
    <message>
        <source>plain HTTP (no encryption)</source>
        <translation>einfachem HTTP (keine Verschlüsselung)</translation>
    </message>
    <message>
        <source>the certificate you chose to trust</source>
        <translation>dem Zertifikat, dem Sie vertrauen</translation>
    </message>
    <message>
        <source>NO verification (insecure)</source>
        <translation>KEINER Prüfung (unsicher)</translation>
    </message>
    <message>
        <source>verified certificate</source>
        <translation>geprüftem Zertifikat</translation>
    </message>
    <message>
        <source>Register host &lt;b&gt;%1&lt;/b&gt; at site &lt;b&gt;%2&lt;/b&gt; on &lt;b&gt;%3&lt;/b&gt; as user &lt;b&gt;%4&lt;/b&gt; (%5), connecting with %6.</source>
        <translation>Host &lt;b&gt;%1&lt;/b&gt; bei Instanz &lt;b&gt;%2&lt;/b&gt; auf &lt;b&gt;%3&lt;/b&gt; als Benutzer &lt;b&gt;%4&lt;/b&gt; (%5) registrieren, verbunden mit %6.</translation>
    </message>
    <message>
        <source>password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>automation secret</source>
        <translation>Automationspasswort</translation>
    </message>
    <message>
        <source>Choose where the state file is written.</source>
        <translation>Wählen Sie, wohin die Statusdatei geschrieben wird.</translation>
    </message>
    <message>
        <source>Checking whether the host exists in the site…</source>
        <translation>Prüfe, ob der Host in der Instanz existiert …</translation>
    </message>
    <message>
        <source>✔ %1</source>
        <translation>✔ %1</translation>
    </message>
    <message>
        <source>⚠ %1</source>
        <translation>⚠ %1</translation>
    </message>
    <message>
        <source>The agent updater reads its state from this file.</source>
        <translation>Der Agent Updater liest seinen Status aus dieser Datei.</translation>
    </message>
    <message>
        <source>The agent updater reads /etc/cmk-update-agent.state, which only root may write; AgentDesk writes the state here instead, and the result page tells you how to move it into place.</source>
        <translation>Der Agent Updater liest /etc/cmk-update-agent.state, das nur root schreiben darf; AgentDesk schreibt den Status stattdessen hierher, und die Ergebnisseite sagt Ihnen, wie Sie ihn an seinen Platz bringen.</translation>
    </message>
    <message>
        <source>Registering…</source>
        <translation>Registriere …</translation>
    </message>
    <message>
        <source>Updates: from the site that monitors the host, which the site names at registration; if that fails, from %1.</source>
        <translation>Updates: von der Instanz, die den Host überwacht und die die Instanz bei der Registrierung nennt; schlägt das fehl, von %1.</translation>
    </message>
    <message>
        <source>Updates: from site &lt;b&gt;%1&lt;/b&gt;, which monitors the host, at &lt;tt&gt;%2&lt;/tt&gt; (the site confirms it at registration); if that fails, from %3.</source>
        <translation>Updates: von Instanz &lt;b&gt;%1&lt;/b&gt;, die den Host überwacht, unter &lt;tt&gt;%2&lt;/tt&gt; (die Instanz bestätigt das bei der Registrierung); schlägt das fehl, von %3.</translation>
    </message>
    <message>
        <source>Where the registration writes the updater&apos;s state file (host name, host secret, trusted certificates), with mode 0600. The updater reads /etc/cmk-update-agent.state.</source>
        <translation>Wohin die Registrierung die Zustandsdatei des Updaters schreibt (Hostname, Host-Secret, vertrauenswürdige Zertifikate), mit Modus 0600. Der Updater liest /etc/cmk-update-agent.state.</translation>
    </message>
</context>
<context>
    <name>RegistrationWizard</name>
    <message>
        <source>Register this machine for automatic updates</source>
        <translation>Diesen Rechner für automatische Updates registrieren</translation>
    </message>
    <message>
        <source>The agent updater rule for host %1 names the update server %2 (site %3), not %4 as on the first page. Go back to register there.</source>
        <translation>Die Agent-Updater-Regel für Host %1 nennt den Update-Server %2 (Instanz %3), nicht %4 wie auf der ersten Seite. Gehen Sie zurück, um sich dort zu registrieren.</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>nicht gesetzt</translation>
    </message>
    <message>
        <source>no server</source>
        <translation>kein Server</translation>
    </message>
    <message>
        <source>Edit credentials…</source>
        <translation>Zugangsdaten bearbeiten …</translation>
    </message>
    <message>
        <source>Edit site…</source>
        <translation>Instanz bearbeiten …</translation>
    </message>
    <message>
        <source>Show certificate…</source>
        <translation>Zertifikat anzeigen …</translation>
    </message>
</context>
<context>
    <name>RegistrationsApi</name>
    <message>
        <source>The site&apos;s reply has no list of registrations.</source>
        <translation>Die Antwort der Site enthält keine Liste von Registrierungen.</translation>
    </message>
    <message>
        <source>The site handed out a registration without a host name or with a host secret that is not 64 letters and digits.</source>
        <translation>Die Instanz hat eine Registrierung ohne Hostnamen oder mit einem Host-Geheimnis herausgegeben, das nicht aus 64 Buchstaben und Ziffern besteht.</translation>
    </message>
</context>
<context>
    <name>RestReply</name>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>The site did not answer in time</source>
        <translation>Die Instanz hat nicht rechtzeitig geantwortet</translation>
    </message>
    <message numerus="yes">
        <source>No reply within %n second(s).</source>
        <translation>
            <numerusform>Keine Antwort innerhalb von %n Sekunde.</numerusform>
            <numerusform>Keine Antwort innerhalb von %n Sekunden.</numerusform>
        </translation>
    </message>
    <message>
        <source>The TLS handshake failed</source>
        <translation>Der TLS-Handshake ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>The site&apos;s certificate is not trusted</source>
        <translation>Dem Zertifikat der Instanz wird nicht vertraut</translation>
    </message>
    <message>
        <source>The site closed the connection before the reply was complete</source>
        <translation>Die Instanz hat die Verbindung geschlossen, bevor die Antwort vollständig war</translation>
    </message>
    <message>
        <source>Cannot reach the site</source>
        <translation>Die Instanz ist nicht erreichbar</translation>
    </message>
    <message>
        <source>The reply could not be read completely</source>
        <translation>Die Antwort konnte nicht vollständig gelesen werden</translation>
    </message>
    <message>
        <source>The reply was cut short</source>
        <translation>Die Antwort wurde abgeschnitten</translation>
    </message>
    <message>
        <source>Received %1 of %2 bytes.</source>
        <translation>%1 von %2 Bytes empfangen.</translation>
    </message>
    <message>
        <source>The site&apos;s reply is not JSON</source>
        <translation>Die Antwort der Instanz ist kein JSON</translation>
    </message>
    <message>
        <source>Content-Type was &quot;%1&quot;.</source>
        <translation>Content-Type war „%1“.</translation>
    </message>
    <message>
        <source>The site&apos;s reply is not valid JSON</source>
        <translation>Die Antwort der Instanz ist kein gültiges JSON</translation>
    </message>
    <message>
        <source>%1 at byte %2.</source>
        <translation>%1 bei Byte %2.</translation>
    </message>
    <message>
        <source>The site did not finish its reply in time</source>
        <translation>Die Instanz hat ihre Antwort nicht rechtzeitig beendet</translation>
    </message>
    <message numerus="yes">
        <source>The request was stopped after %n second(s), its deadline.</source>
        <translation>
            <numerusform>Die Anfrage wurde nach %n Sekunde abgebrochen, ihrer Frist.</numerusform>
            <numerusform>Die Anfrage wurde nach %n Sekunden abgebrochen, ihrer Frist.</numerusform>
        </translation>
    </message>
    <message>
        <source>The site redirected the request</source>
        <translation>Die Instanz hat die Anfrage umgeleitet</translation>
    </message>
    <message>
        <source>It pointed to %1; %2</source>
        <translation>Sie verwies auf %1; %2</translation>
    </message>
    <message>
        <source>this request follows no redirect, so nothing was sent there.</source>
        <translation>diese Anfrage folgt keiner Umleitung, daher wurde nichts dorthin gesendet.</translation>
    </message>
    <message>
        <source>that is not a valid address, so nothing was sent there.</source>
        <translation>das ist keine gültige Adresse, daher wurde nichts dorthin gesendet.</translation>
    </message>
    <message>
        <source>that would leave https, so nothing was sent there.</source>
        <translation>das würde https verlassen, daher wurde nichts dorthin gesendet.</translation>
    </message>
    <message>
        <source>a %1 request is sent only to the address it was made for, so nothing was sent there.</source>
        <translation>eine %1-Anfrage geht nur an die Adresse, für die sie gestellt wurde, daher wurde nichts dorthin gesendet.</translation>
    </message>
    <message>
        <source>that is another server, so nothing was sent there.</source>
        <translation>das ist ein anderer Server, daher wurde nichts dorthin gesendet.</translation>
    </message>
    <message>
        <source>the redirects go round in a loop.</source>
        <translation>die Umleitungen drehen sich im Kreis.</translation>
    </message>
    <message numerus="yes">
        <source>more than %n redirect(s) in a row.</source>
        <translation>
            <numerusform>mehr als %n Umleitung hintereinander.</numerusform>
            <numerusform>mehr als %n Umleitungen hintereinander.</numerusform>
        </translation>
    </message>
    <message>
        <source>The site&apos;s reply is too large</source>
        <translation>Die Antwort der Instanz ist zu groß</translation>
    </message>
    <message>
        <source>It announced %1 bytes, more than the %2 this request takes; the transfer was stopped.</source>
        <translation>Sie kündigte %1 Bytes an, mehr als die %2, die diese Anfrage annimmt; die Übertragung wurde abgebrochen.</translation>
    </message>
    <message>
        <source>It went on past the %1 this request takes; the transfer was stopped.</source>
        <translation>Sie ging über die %1 hinaus, die diese Anfrage annimmt; die Übertragung wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The site closed the connection without answering</source>
        <translation>Die Instanz hat die Verbindung ohne Antwort geschlossen</translation>
    </message>
    <message>
        <source>The %1 request was not sent again; it may or may not have taken effect on the site.</source>
        <translation>Die %1-Anfrage wurde nicht erneut gesendet; sie kann auf der Instanz gewirkt haben oder nicht.</translation>
    </message>
</context>
<context>
    <name>RuleCodec</name>
    <message>
        <source>The site&apos;s reply has an unexpected shape</source>
        <translation>Die Antwort der Instanz hat eine unerwartete Form</translation>
    </message>
    <message>
        <source>A rule has no &quot;id&quot;.</source>
        <translation>Eine Regel hat keine „id“.</translation>
    </message>
    <message>
        <source>rule %1: value_raw is not a Python dict (%2).</source>
        <translation>Regel %1: value_raw ist kein Python-Dict (%2).</translation>
    </message>
    <message>
        <source>rule %1: host tag condition with unknown operator &quot;%2&quot;.</source>
        <translation>Regel %1: Host-Merkmal-Bedingung mit unbekanntem Operator „%2“.</translation>
    </message>
    <message>
        <source>rule %1: %2 has an unexpected shape.</source>
        <translation>Regel %1: %2 hat eine unerwartete Form.</translation>
    </message>
</context>
<context>
    <name>RuleConditions</name>
    <message>
        <source>Name at least one host, or do not restrict host names.</source>
        <translation>Nennen Sie mindestens einen Host oder schränken Sie die Hostnamen nicht ein.</translation>
    </message>
    <message>
        <source>A host name must not be empty.</source>
        <translation>Ein Hostname darf nicht leer sein.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid regular expression.</source>
        <translation>„%1“ ist kein gültiger regulärer Ausdruck.</translation>
    </message>
    <message>
        <source>The tag group is missing.</source>
        <translation>Die Merkmalsgruppe fehlt.</translation>
    </message>
    <message>
        <source>The tag of group &quot;%1&quot; is missing.</source>
        <translation>Das Merkmal der Gruppe „%1“ fehlt.</translation>
    </message>
    <message>
        <source>&quot;is&quot; and &quot;is not&quot; take exactly one tag.</source>
        <translation>„ist“ und „ist nicht“ nehmen genau ein Merkmal.</translation>
    </message>
    <message>
        <source>A label group needs at least one label.</source>
        <translation>Eine Label-Gruppe braucht mindestens ein Label.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a label of the form key:value.</source>
        <translation>„%1“ ist kein Label der Form Schlüssel:Wert.</translation>
    </message>
</context>
<context>
    <name>SelectionConditionEditors</name>
    <message>
        <source>S&amp;ites</source>
        <translation>&amp;Instanzen</translation>
    </message>
    <message>
        <source>Host &amp;groups (any of)</source>
        <translation>Host-&amp;Gruppen (eine davon)</translation>
    </message>
    <message>
        <source>&amp;Folders (with subfolders)</source>
        <translation>&amp;Ordner (mit Unterordnern)</translation>
    </message>
    <message>
        <source>A folder path such as /linux/web</source>
        <translation>Ein Ordnerpfad wie /linux/web</translation>
    </message>
    <message>
        <source>Folder path</source>
        <translation>Ordnerpfad</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Host &amp;tags</source>
        <translation>Host-&amp;Merkmale</translation>
    </message>
    <message>
        <source>Add tag condition</source>
        <translation>Merkmal-Bedingung hinzufügen</translation>
    </message>
    <message>
        <source>Host la&amp;bels</source>
        <translation>Host-La&amp;bels</translation>
    </message>
    <message>
        <source>Add label condition</source>
        <translation>Label-Bedingung hinzufügen</translation>
    </message>
    <message>
        <source>E&amp;xplicit hosts (only these)</source>
        <translation>E&amp;xplizite Hosts (nur diese)</translation>
    </message>
    <message>
        <source>Excluded &amp;hosts (never these)</source>
        <translation>Ausgeschlossene &amp;Hosts (nie diese)</translation>
    </message>
    <message>
        <source>Host name</source>
        <translation>Hostname</translation>
    </message>
    <message>
        <source>/ (main folder)</source>
        <translation>/ (Hauptordner)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid host name: use letters, digits, &quot;-&quot;, &quot;_&quot; and &quot;.&quot;.</source>
        <translation>„%1“ ist kein gültiger Hostname: Verwenden Sie Buchstaben, Ziffern, „-“, „_“ und „.“.</translation>
    </message>
    <message>
        <source>Not in the inventory (yet)</source>
        <translation>(Noch) nicht im Bestand</translation>
    </message>
    <message>
        <source>Tag group</source>
        <translation>Merkmalsgruppe</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Merkmal</translation>
    </message>
    <message>
        <source>Remove this tag condition</source>
        <translation>Diese Merkmal-Bedingung entfernen</translation>
    </message>
    <message>
        <source>Label key</source>
        <translation>Label-Schlüssel</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Label value</source>
        <translation>Label-Wert</translation>
    </message>
    <message>
        <source>Remove this label condition</source>
        <translation>Diese Label-Bedingung entfernen</translation>
    </message>
    <message>
        <source>The site does not list this one any more</source>
        <translation>Die Instanz führt diesen Eintrag nicht mehr</translation>
    </message>
    <message>
        <source>Sites: only hosts monitored by a ticked site get updates. No site ticked: the condition is not set (every site).</source>
        <translation>Instanzen: Nur Hosts, die von einer angehakten Instanz überwacht werden, erhalten Updates. Keine Instanz angehakt: Die Bedingung ist nicht gesetzt (jede Instanz).</translation>
    </message>
    <message>
        <source>Host groups: only hosts in at least one ticked host group get updates. None ticked: the condition is not set.</source>
        <translation>Host-Gruppen: Nur Hosts in mindestens einer angehakten Host-Gruppe erhalten Updates. Keine angehakt: Die Bedingung ist nicht gesetzt.</translation>
    </message>
    <message>
        <source>Folders: only hosts in one of these folders or their subfolders get updates. Empty: the condition is not set.</source>
        <translation>Ordner: Nur Hosts in einem dieser Ordner oder ihren Unterordnern erhalten Updates. Leer: Die Bedingung ist nicht gesetzt.</translation>
    </message>
    <message>
        <source>A folder path such as /linux/web, to add to the folders condition with Add or Enter.</source>
        <translation>Ein Ordnerpfad wie /linux/web, der mit „Hinzufügen“ oder Enter zur Ordnerbedingung hinzugefügt wird.</translation>
    </message>
    <message>
        <source>Removes the selected folders from the condition.</source>
        <translation>Entfernt die gewählten Ordner aus der Bedingung.</translation>
    </message>
    <message>
        <source>Host tags: adds a condition on a tag group (for example Criticality = Productive system). A host must meet every tag condition.</source>
        <translation>Host-Merkmale: fügt eine Bedingung auf eine Merkmalsgruppe hinzu (zum Beispiel Criticality = Productive system). Ein Host muss jede Merkmalsbedingung erfüllen.</translation>
    </message>
    <message>
        <source>Host labels: adds a condition on a label (key: value, for example os: linux). A host must carry every label given.</source>
        <translation>Host-Labels: fügt eine Bedingung auf ein Label hinzu (Schlüssel: Wert, zum Beispiel os: linux). Ein Host muss jedes angegebene Label tragen.</translation>
    </message>
    <message>
        <source>Explicit hosts: when any are listed, only these hosts get updates (together with the other conditions). Empty: the condition is not set.</source>
        <translation>Explizite Hosts: Sind welche aufgeführt, erhalten nur diese Hosts Updates (zusammen mit den anderen Bedingungen). Leer: Die Bedingung ist nicht gesetzt.</translation>
    </message>
    <message>
        <source>Excluded hosts: these hosts never get updates, whatever the other conditions say.</source>
        <translation>Ausgeschlossene Hosts: Diese Hosts erhalten nie Updates, was immer die anderen Bedingungen sagen.</translation>
    </message>
    <message>
        <source>Type a host name (completed from the site&apos;s hosts) and press Enter or Add.</source>
        <translation>Geben Sie einen Hostnamen ein (ergänzt aus den Hosts der Instanz) und drücken Sie Enter oder „Hinzufügen“.</translation>
    </message>
    <message>
        <source>Removes the selected host names from the list.</source>
        <translation>Entfernt die gewählten Hostnamen aus der Liste.</translation>
    </message>
    <message>
        <source>The tag group of this condition; the host must have the tag chosen on the right in this group.</source>
        <translation>Die Merkmalsgruppe dieser Bedingung; der Host muss in dieser Gruppe das rechts gewählte Merkmal haben.</translation>
    </message>
    <message>
        <source>The tag the host must have in the tag group on the left.</source>
        <translation>Das Merkmal, das der Host in der links gewählten Merkmalsgruppe haben muss.</translation>
    </message>
    <message>
        <source>Removes this tag condition.</source>
        <translation>Entfernt diese Merkmalsbedingung.</translation>
    </message>
    <message>
        <source>The label&apos;s key (for example os); the host must carry this label with the value on the right.</source>
        <translation>Der Schlüssel des Labels (zum Beispiel os); der Host muss dieses Label mit dem Wert rechts tragen.</translation>
    </message>
    <message>
        <source>The value the label must have on the host (for example linux).</source>
        <translation>Der Wert, den das Label auf dem Host haben muss (zum Beispiel linux).</translation>
    </message>
    <message>
        <source>Removes this label condition.</source>
        <translation>Entfernt diese Label-Bedingung.</translation>
    </message>
</context>
<context>
    <name>SelectionController</name>
    <message>
        <source>Loading the inventory…</source>
        <translation>Lade das Inventar …</translation>
    </message>
    <message>
        <source>Saving the host selection…</source>
        <translation>Speichere die Host-Auswahl …</translation>
    </message>
    <message>
        <source>Somebody changed the host selection on the site, and its current version could not be read</source>
        <translation>Jemand hat die Host-Auswahl auf der Instanz geändert, und ihre aktuelle Fassung konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>Your edits are kept but not saved; save again to retry. The site said: %1</source>
        <translation>Ihre Änderungen bleiben erhalten, sind aber nicht gespeichert; speichern Sie erneut, um es noch einmal zu versuchen. Die Instanz meldete: %1</translation>
    </message>
</context>
<context>
    <name>SelectionPreviewPanel</name>
    <message>
        <source>… and %1 more</source>
        <translation>… und %1 weitere</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>&amp;Vorschau</translation>
    </message>
    <message>
        <source>No hosts in the inventory yet: reload to fetch the site&apos;s hosts, then the preview shows which ones are selected.</source>
        <translation>Noch keine Hosts im Bestand: Laden Sie neu, um die Hosts der Instanz abzurufen; dann zeigt die Vorschau, welche ausgewählt sind.</translation>
    </message>
    <message>
        <source>Selected</source>
        <translation>Ausgewählt</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Hinzugekommen</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Entfernt</translation>
    </message>
    <message>
        <source>Undecided</source>
        <translation>Unentschieden</translation>
    </message>
    <message>
        <source>%1 of %2 hosts selected</source>
        <translation>%1 von %2 Hosts ausgewählt</translation>
    </message>
    <message>
        <source>+%1 added / −%2 removed against the saved selection</source>
        <translation>+%1 hinzugekommen / −%2 entfernt gegenüber der gespeicherten Auswahl</translation>
    </message>
    <message>
        <source>%1 hosts depend on host groups the site does not report: the site decides</source>
        <translation>%1 Hosts hängen von Host-Gruppen ab, die die Instanz nicht meldet: Die Instanz entscheidet</translation>
    </message>
    <message>
        <source>Selected (%1)</source>
        <translation>Ausgewählt (%1)</translation>
    </message>
    <message>
        <source>Added (%1)</source>
        <translation>Hinzugekommen (%1)</translation>
    </message>
    <message>
        <source>Removed (%1)</source>
        <translation>Entfernt (%1)</translation>
    </message>
    <message>
        <source>Undecided (%1)</source>
        <translation>Unentschieden (%1)</translation>
    </message>
    <message>
        <source>The preview of the selection as edited, before it is saved: the hosts it selects, those it adds and removes compared with the saved selection, and those whose attributes the site did not report (they cannot be judged).</source>
        <translation>Die Vorschau der bearbeiteten Auswahl, bevor sie gespeichert wird: die Hosts, die sie auswählt, die sie gegenüber der gespeicherten Auswahl hinzufügt und entfernt, und die, deren Attribute die Instanz nicht gemeldet hat (sie können nicht beurteilt werden).</translation>
    </message>
</context>
<context>
    <name>SelectionTestPanel</name>
    <message>
        <source>Test</source>
        <translation>Testen</translation>
    </message>
    <message>
        <source>Test with this host &amp;name:</source>
        <translation>Mit diesem Host&amp;namen testen:</translation>
    </message>
    <message>
        <source>Host name from the inventory</source>
        <translation>Hostname aus dem Bestand</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Bedingung</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Erwartet</translation>
    </message>
    <message>
        <source>This host</source>
        <translation>Dieser Host</translation>
    </message>
    <message>
        <source>Holds</source>
        <translation>Erfüllt</translation>
    </message>
    <message>
        <source>Automatic updates are switched on.</source>
        <translation>Automatische Agenten-Updates sind eingeschaltet.</translation>
    </message>
    <message>
        <source>Automatic updates are switched off: even selected hosts get no updates</source>
        <translation>Automatische Agenten-Updates sind ausgeschaltet: Auch ausgewählte Hosts bekommen keine Updates</translation>
    </message>
    <message>
        <source>No hosts in the inventory yet: reload to test a host.</source>
        <translation>Noch keine Hosts im Bestand: Laden Sie neu, um einen Host zu testen.</translation>
    </message>
    <message>
        <source>Type a host name to see whether the edited selection picks it, and why.</source>
        <translation>Geben Sie einen Hostnamen ein, um zu sehen, ob die bearbeitete Auswahl ihn wählt, und warum.</translation>
    </message>
    <message>
        <source>Unknown host</source>
        <translation>Unbekannter Host</translation>
    </message>
    <message>
        <source>There is no host named &quot;%1&quot; in the inventory.</source>
        <translation>Im Bestand gibt es keinen Host namens „%1“.</translation>
    </message>
    <message>
        <source>Selected</source>
        <translation>Ausgewählt</translation>
    </message>
    <message>
        <source>Not selected</source>
        <translation>Nicht ausgewählt</translation>
    </message>
    <message>
        <source>Cannot be decided here</source>
        <translation>Hier nicht entscheidbar</translation>
    </message>
    <message>
        <source>The selection has no conditions: it picks every host.</source>
        <translation>Die Auswahl hat keine Bedingungen: Sie wählt jeden Host.</translation>
    </message>
    <message>
        <source>All conditions hold.</source>
        <translation>Alle Bedingungen sind erfüllt.</translation>
    </message>
    <message>
        <source>A condition fails (marked &quot;no&quot; below).</source>
        <translation>Eine Bedingung ist nicht erfüllt (unten mit „nein“ markiert).</translation>
    </message>
    <message>
        <source>It depends on host groups that the site does not report; the site decides when the agent asks for an update.</source>
        <translation>Es hängt von Host-Gruppen ab, die die Instanz nicht meldet; die Instanz entscheidet, wenn der Agent nach einem Update fragt.</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>cannot tell</source>
        <translation>unbestimmt</translation>
    </message>
    <message>
        <source>Test with this host name: shows whether the host selection, as edited, picks the host, and each condition with the host&apos;s own value. A left-out host reports &quot;agent updates are disabled for host …&quot;.</source>
        <translation>Mit diesem Hostnamen testen: zeigt, ob die Host-Auswahl in ihrer bearbeiteten Form den Host auswählt, und jede Bedingung mit dem eigenen Wert des Hosts. Ein ausgelassener Host meldet „agent updates are disabled for host …“.</translation>
    </message>
    <message>
        <source>Each condition of the selection: what it expects, what the tested host has, and whether it holds. All must hold (logical AND).</source>
        <translation>Jede Bedingung der Auswahl: was sie erwartet, was der getestete Host hat und ob sie erfüllt ist. Alle müssen erfüllt sein (logisches UND).</translation>
    </message>
</context>
<context>
    <name>SetupController</name>
    <message>
        <source>The agent updater rules could not be read.</source>
        <translation>Die Agent-Updater-Regeln konnten nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The pending changes could not be read.</source>
        <translation>Die ausstehenden Änderungen konnten nicht gelesen werden.</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>The master switch could not be changed.</source>
        <translation>Der Hauptschalter konnte nicht geändert werden.</translation>
    </message>
    <message>
        <source>The master switch is on once you activate the changes.</source>
        <translation>Der Hauptschalter ist an, sobald Sie die Änderungen aktivieren.</translation>
    </message>
    <message>
        <source>The master switch is off once you activate the changes.</source>
        <translation>Der Hauptschalter ist aus, sobald Sie die Änderungen aktivieren.</translation>
    </message>
    <message>
        <source>Nothing to activate.</source>
        <translation>Nichts zu aktivieren.</translation>
    </message>
    <message>
        <source>Another activation is running; try again when it has finished.</source>
        <translation>Eine andere Aktivierung läuft; versuchen Sie es erneut, wenn sie fertig ist.</translation>
    </message>
    <message>
        <source>The changes could not be activated.</source>
        <translation>Die Änderungen konnten nicht aktiviert werden.</translation>
    </message>
    <message numerus="yes">
        <source>Activating on %n site(s)…</source>
        <translation>
            <numerusform>Aktiviere auf %n Instanz …</numerusform>
            <numerusform>Aktiviere auf %n Instanzen …</numerusform>
        </translation>
    </message>
    <message>
        <source>The activation&apos;s status could not be read.</source>
        <translation>Der Status der Aktivierung konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Activating… %1</source>
        <translation>Aktiviere … %1</translation>
    </message>
    <message>
        <source>Changes activated.</source>
        <translation>Änderungen aktiviert.</translation>
    </message>
    <message>
        <source>certificate %1 cannot be read: %2</source>
        <translation>Zertifikat %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>certificate %1 (%2) is a server certificate, not a CA: put the root CA of the chain here</source>
        <translation>Zertifikat %1 (%2) ist ein Serverzertifikat, keine CA: Tragen Sie hier die Wurzel-CA der Kette ein</translation>
    </message>
    <message>
        <source>certificate %1 (%2) is an intermediate CA: the updater needs the chain&apos;s root</source>
        <translation>Zertifikat %1 (%2) ist eine Zwischen-CA: Der Updater braucht die Wurzel der Kette</translation>
    </message>
    <message>
        <source>Automatic agent updates</source>
        <translation>Automatische Agenten-Updates</translation>
    </message>
    <message>
        <source>Rule saved. Activate the changes to make the hosts follow it.</source>
        <translation>Regel gespeichert. Aktivieren Sie die Änderungen, damit die Hosts ihr folgen.</translation>
    </message>
    <message>
        <source>The rule was not deleted.</source>
        <translation>Die Regel wurde nicht gelöscht.</translation>
    </message>
    <message>
        <source>There is no host %1 on the site.</source>
        <translation>Auf der Instanz gibt es keinen Host %1.</translation>
    </message>
    <message>
        <source>#%1 %2</source>
        <translation>#%1 %2</translation>
    </message>
    <message>
        <source>No enabled rule matches %1: it gets no agent updater.</source>
        <translation>Keine aktive Regel trifft auf %1 zu: Er erhält keinen Agent Updater.</translation>
    </message>
    <message>
        <source>the rule</source>
        <translation>die Regel</translation>
    </message>
    <message>
        <source>Starting the activation…</source>
        <translation>Aktivierung wird gestartet…</translation>
    </message>
    <message>
        <source>The pending changes changed since they were shown; review them and activate again.</source>
        <translation>Die ausstehenden Änderungen haben sich geändert, seit sie angezeigt wurden; prüfen Sie sie und aktivieren Sie erneut.</translation>
    </message>
    <message>
        <source>The rule could not be read.</source>
        <translation>Die Regel konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The rule was created at the bottom of its folder; it could not be moved.</source>
        <translation>Die Regel wurde am Ende ihres Ordners angelegt; sie konnte nicht verschoben werden.</translation>
    </message>
    <message>
        <source>The rule was saved but not moved to its new folder.</source>
        <translation>Die Regel wurde gespeichert, aber nicht in ihren neuen Ordner verschoben.</translation>
    </message>
    <message>
        <source>Rule saved and moved. Activate the changes to make the hosts follow it.</source>
        <translation>Regel gespeichert und verschoben. Aktivieren Sie die Änderungen, damit die Hosts ihr folgen.</translation>
    </message>
    <message>
        <source>The rule is the first of its folder already.</source>
        <translation>Die Regel ist bereits die erste ihres Ordners.</translation>
    </message>
    <message>
        <source>The rule is the last of its folder already.</source>
        <translation>Die Regel ist bereits die letzte ihres Ordners.</translation>
    </message>
    <message>
        <source>The rule was not moved.</source>
        <translation>Die Regel wurde nicht verschoben.</translation>
    </message>
    <message>
        <source>Rule moved. Activate the changes to make the hosts follow the new order.</source>
        <translation>Regel verschoben. Aktivieren Sie die Änderungen, damit die Hosts der neuen Reihenfolge folgen.</translation>
    </message>
    <message>
        <source>default (no rule sets it)</source>
        <translation>Standard (keine Regel setzt ihn)</translation>
    </message>
    <message>
        <source>Master switch: on (automatic updates active)</source>
        <translation>Hauptschalter: an (automatische Updates aktiv)</translation>
    </message>
    <message>
        <source>Master switch: off (updates globally disabled)</source>
        <translation>Hauptschalter: aus (Updates global deaktiviert)</translation>
    </message>
    <message>
        <source>the master switch</source>
        <translation>den Hauptschalter</translation>
    </message>
    <message>
        <source>Nothing was changed on the site; the list still shows the rule as you saw it. Reload to see the other version.</source>
        <translation>Auf der Instanz wurde nichts geändert; die Liste zeigt die Regel weiter so, wie Sie sie gesehen haben. Laden Sie neu, um die andere Fassung zu sehen.</translation>
    </message>
    <message>
        <source>The rule was not changed.</source>
        <translation>Die Regel wurde nicht geändert.</translation>
    </message>
    <message>
        <source>The rule was saved but not moved.</source>
        <translation>Die Regel wurde gespeichert, aber nicht verschoben.</translation>
    </message>
    <message>
        <source>this site does not offer the automatic-deployment status (older sites lack it).</source>
        <translation>Diese Instanz bietet den automatic-deployment-Status nicht an (älteren Instanzen fehlt er).</translation>
    </message>
    <message>
        <source>the site refuses its automatic-deployment status to this user (it needs the permission to manage agents).</source>
        <translation>Die Instanz verweigert diesem Benutzer ihren automatic-deployment-Status (er braucht die Berechtigung, Agenten zu verwalten).</translation>
    </message>
    <message>
        <source>the site&apos;s automatic-deployment status could not be read (%1).</source>
        <translation>Der automatic-deployment-Status der Instanz konnte nicht gelesen werden (%1).</translation>
    </message>
</context>
<context>
    <name>SetupPage</name>
    <message>
        <source>&amp;Activation of automatic agent updates (master switch)</source>
        <translation>&amp;Aktivierung der automatischen Agenten-Updates (Hauptschalter)</translation>
    </message>
    <message>
        <source>Show &amp;changes</source>
        <translation>Änderungen &amp;zeigen</translation>
    </message>
    <message>
        <source>Ac&amp;tivate changes</source>
        <translation>Änderungen ak&amp;tivieren</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>Neu &amp;laden</translation>
    </message>
    <message>
        <source>Automatic agent updates</source>
        <translation>Automatische Agenten-Updates</translation>
    </message>
    <message>
        <source>Prerequisites</source>
        <translation>Voraussetzungen</translation>
    </message>
    <message>
        <source>Master switch</source>
        <translation>Hauptschalter</translation>
    </message>
    <message>
        <source>Pending changes</source>
        <translation>Ausstehende Änderungen</translation>
    </message>
    <message>
        <source>Agent updater rules (first rule per parameter wins)</source>
        <translation>Agent-Updater-Regeln (pro Parameter gewinnt die erste Regel)</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Update server</source>
        <translation>Update-Server</translation>
    </message>
    <message>
        <source>Accepted keys</source>
        <translation>Akzeptierte Schlüssel</translation>
    </message>
    <message>
        <source>There is no rule in &quot;Agent updater (Linux, Windows, Solaris)&quot; yet. Create one with New rule: an update server and the signature keys the agents will accept.</source>
        <translation>Es gibt noch keine Regel in „Agent updater (Linux, Windows, Solaris)“. Erstellen Sie eine mit Neue Regel: einen Update-Server und die Signaturschlüssel, die die Agenten akzeptieren.</translation>
    </message>
    <message>
        <source>&amp;New rule…</source>
        <translation>&amp;Neue Regel …</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten …</translation>
    </message>
    <message>
        <source>De&amp;lete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Disa&amp;ble</source>
        <translation>&amp;Deaktivieren</translation>
    </message>
    <message>
        <source>Delete rule</source>
        <translation>Regel löschen</translation>
    </message>
    <message>
        <source>Delete rule %1 of &quot;Agent updater&quot;?</source>
        <translation>Regel %1 von „Agent updater“ löschen?</translation>
    </message>
    <message>
        <source>rule disabled</source>
        <translation>Regel deaktiviert</translation>
    </message>
    <message>
        <source>Ena&amp;ble</source>
        <translation>A&amp;ktivieren</translation>
    </message>
    <message>
        <source>host name</source>
        <translation>Hostname</translation>
    </message>
    <message>
        <source>Effective value &amp;for host:</source>
        <translation>Wirksamer Wert &amp;für Host:</translation>
    </message>
    <message>
        <source>S&amp;how</source>
        <translation>An&amp;zeigen</translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>From rule</source>
        <translation>Aus Regel</translation>
    </message>
    <message>
        <source>met</source>
        <translation>erfüllt</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>not met</source>
        <translation>nicht erfüllt</translation>
    </message>
    <message>
        <source>The state of the master switch could not be read.</source>
        <translation>Der Zustand des Hauptschalters konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>On: hosts in the host selection fetch their signed agents.</source>
        <translation>An: Hosts in der Host-Auswahl holen ihre signierten Agenten.</translation>
    </message>
    <message>
        <source>Off: every update check is answered with &quot;deployment is currently globally disabled&quot;.</source>
        <translation>Aus: Jede Update-Prüfung wird mit „deployment is currently globally disabled“ beantwortet.</translation>
    </message>
    <message>
        <source>Turn on automatic updates?</source>
        <translation>Automatische Updates einschalten?</translation>
    </message>
    <message>
        <source>These prerequisites are not met:

• %1

Hosts will report errors until they are. Turn the master switch on anyway?</source>
        <translation>Diese Voraussetzungen sind nicht erfüllt:

• %1

Die Hosts melden Fehler, bis sie es sind. Den Hauptschalter trotzdem einschalten?</translation>
    </message>
    <message>
        <source>No pending changes.</source>
        <translation>Keine ausstehenden Änderungen.</translation>
    </message>
    <message numerus="yes">
        <source>%n pending change(s).</source>
        <translation>
            <numerusform>%n ausstehende Änderung.</numerusform>
            <numerusform>%n ausstehende Änderungen.</numerusform>
        </translation>
    </message>
    <message>
        <source>(unknown key)</source>
        <translation>(unbekannter Schlüssel)</translation>
    </message>
    <message>
        <source>deploys the updater</source>
        <translation>verteilt den Updater</translation>
    </message>
    <message>
        <source>updater off</source>
        <translation>Updater aus</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Lade …</translation>
    </message>
    <message>
        <source>What %1 gets, parameter by parameter:</source>
        <translation>Was %1 erhält, Parameter für Parameter:</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>Nach &amp;oben</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>Nach &amp;unten</translation>
    </message>
    <message>
        <source>&amp;Save the master switch</source>
        <translation>Hauptschalter &amp;speichern</translation>
    </message>
    <message>
        <source>Not saved: you turned the switch on.</source>
        <translation>Nicht gespeichert: Sie haben den Schalter eingeschaltet.</translation>
    </message>
    <message>
        <source>Not saved: you turned the switch off.</source>
        <translation>Nicht gespeichert: Sie haben den Schalter ausgeschaltet.</translation>
    </message>
    <message>
        <source>Somebody changed it on the site meanwhile, and its state there could not be read.</source>
        <translation>Jemand hat ihn inzwischen auf der Instanz geändert, und sein Zustand dort konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Somebody changed it on the site meanwhile; there it is on now.</source>
        <translation>Jemand hat ihn inzwischen auf der Instanz geändert; dort ist er jetzt an.</translation>
    </message>
    <message>
        <source>Somebody changed it on the site meanwhile; there it is off now.</source>
        <translation>Jemand hat ihn inzwischen auf der Instanz geändert; dort ist er jetzt aus.</translation>
    </message>
    <message>
        <source>Save yours, or reload to see theirs.</source>
        <translation>Speichern Sie Ihre Einstellung, oder laden Sie neu, um die andere zu sehen.</translation>
    </message>
    <message>
        <source>Signature key: an RSA key pair with which the site signs the agent packages. The updater installs only packages signed with a key its rule accepts. Met when the site has at least one key (Setup › Agents › Signature keys).</source>
        <translation>Signaturschlüssel: ein RSA-Schlüsselpaar, mit dem die Instanz die Agentenpakete signiert. Der Updater installiert nur Pakete, die mit einem Schlüssel signiert sind, den seine Regel akzeptiert. Erfüllt, wenn die Instanz mindestens einen Schlüssel hat (Setup › Agents › Signature keys).</translation>
    </message>
    <message>
        <source>Agent updater rule (Agent updater (Linux, Windows, Solaris)): deploys the update plug-in with the agent and tells it the update server and the accepted signature keys. Met when an enabled rule activates the plug-in.</source>
        <translation>Agent-Updater-Regel (Agent updater (Linux, Windows, Solaris)): verteilt das Update-Plugin mit dem Agenten und nennt ihm den Update-Server und die akzeptierten Signaturschlüssel. Erfüllt, wenn eine aktivierte Regel das Plugin einschaltet.</translation>
    </message>
    <message>
        <source>Signed agents: the packages baked after the last rule change, signed with a key the rule accepts. Met when the baked agents are current and signed.</source>
        <translation>Signierte Agenten: die nach der letzten Regeländerung gebackenen Pakete, signiert mit einem Schlüssel, den die Regel akzeptiert. Erfüllt, wenn die gebackenen Agenten aktuell und signiert sind.</translation>
    </message>
    <message>
        <source>Registered host: a host whose updater was registered with cmk-update-agent register (or Register machine); only registered hosts can fetch their agent.</source>
        <translation>Registrierter Host: ein Host, dessen Updater mit cmk-update-agent register (oder „Rechner registrieren“) registriert wurde; nur registrierte Hosts können ihren Agenten abholen.</translation>
    </message>
    <message>
        <source>Master switch (Activation of automatic agent updates): off, every update check is answered with &quot;deployment is currently globally disabled&quot;; all settings are kept.</source>
        <translation>Hauptschalter (Aktivierung der automatischen Agenten-Updates): Aus wird jede Update-Prüfung mit „deployment is currently globally disabled“ beantwortet; alle Einstellungen bleiben erhalten.</translation>
    </message>
    <message>
        <source>Reads the prerequisites, the master switch, the pending changes and the agent updater rules from the site again (F5).</source>
        <translation>Liest die Voraussetzungen, den Hauptschalter, die ausstehenden Änderungen und die Agent-Updater-Regeln erneut von der Instanz (F5).</translation>
    </message>
    <message>
        <source>Activation of automatic agent updates, the master switch (a global setting). Off, no host gets an update, while all other settings are kept; on, the hosts in the host selection fetch their signed agents. A change becomes a pending change.</source>
        <translation>Aktivierung der automatischen Agenten-Updates, der Hauptschalter (eine globale Einstellung). Aus erhält kein Host ein Update, alle anderen Einstellungen bleiben erhalten; an holen die Hosts der Host-Auswahl ihre signierten Agenten. Eine Änderung wird zur ausstehenden Änderung.</translation>
    </message>
    <message>
        <source>Shows the list of changes made on the site that are not activated yet.</source>
        <translation>Zeigt die Liste der Änderungen auf der Instanz, die noch nicht aktiviert sind.</translation>
    </message>
    <message>
        <source>Activate changes: makes the pending changes take effect on the site, as Checkmk&apos;s Activate changes does. Rule changes reach the hosts only after this and a new bake.</source>
        <translation>Änderungen aktivieren: lässt die ausstehenden Änderungen auf der Instanz wirksam werden, wie „Activate changes“ in Checkmk. Regeländerungen erreichen die Hosts erst danach und nach einem neuen Backen.</translation>
    </message>
    <message>
        <source>The changes not activated yet: who made them and what.</source>
        <translation>Die noch nicht aktivierten Änderungen: wer sie gemacht hat und was.</translation>
    </message>
    <message>
        <source>The rules of the rule set Agent updater (Linux, Windows, Solaris), in the order the site evaluates them: rules in deeper folders first, then from top to bottom. For each parameter the first matching rule that sets it wins. Double-click a rule to edit it.</source>
        <translation>Die Regeln des Regelsatzes „Agent updater (Linux, Windows, Solaris)“ in der Reihenfolge, in der die Instanz sie auswertet: Regeln tieferer Ordner zuerst, dann von oben nach unten. Für jeden Parameter gewinnt die erste passende Regel, die ihn setzt. Doppelklicken Sie eine Regel, um sie zu bearbeiten.</translation>
    </message>
    <message>
        <source>Creates a rule: the update server, the check interval and the signature keys the agents will accept.</source>
        <translation>Erzeugt eine Regel: den Update-Server, das Prüfintervall und die Signaturschlüssel, die die Agenten akzeptieren.</translation>
    </message>
    <message>
        <source>Opens the selected rule in the editor, with every parameter and condition.</source>
        <translation>Öffnet die gewählte Regel im Editor, mit jedem Parameter und jeder Bedingung.</translation>
    </message>
    <message>
        <source>Disables the selected rule (or enables it again): a disabled rule is kept but applies to no host.</source>
        <translation>Deaktiviert die gewählte Regel (oder aktiviert sie wieder): Eine deaktivierte Regel bleibt erhalten, gilt aber für keinen Host.</translation>
    </message>
    <message>
        <source>Moves the selected rule up within its folder: the first rule per parameter wins, so order decides.</source>
        <translation>Verschiebt die gewählte Regel innerhalb ihres Ordners nach oben: Die erste Regel je Parameter gewinnt, also entscheidet die Reihenfolge.</translation>
    </message>
    <message>
        <source>Moves the selected rule down within its folder: the first rule per parameter wins, so order decides.</source>
        <translation>Verschiebt die gewählte Regel innerhalb ihres Ordners nach unten: Die erste Regel je Parameter gewinnt, also entscheidet die Reihenfolge.</translation>
    </message>
    <message>
        <source>Deletes the selected rule on the site, after asking.</source>
        <translation>Löscht die gewählte Regel auf der Instanz, nach Rückfrage.</translation>
    </message>
    <message>
        <source>A host name: shows which value each parameter has for this host and from which rule, as the site decides it (folder, host tags, labels and host names of each rule).</source>
        <translation>Ein Hostname: zeigt, welchen Wert jeder Parameter für diesen Host hat und aus welcher Regel, wie die Instanz es entscheidet (Ordner, Host-Merkmale, Labels und Hostnamen jeder Regel).</translation>
    </message>
    <message>
        <source>The effective value for the host: each parameter, its value, and the rule it comes from (or the default when no rule sets it).</source>
        <translation>Der wirksame Wert für den Host: jeder Parameter, sein Wert und die Regel, aus der er stammt (oder der Standard, wenn keine Regel ihn setzt).</translation>
    </message>
    <message>
        <source>The button opens the page where this is looked after.</source>
        <translation>Die Schaltfläche öffnet die Seite, auf der dies gepflegt wird.</translation>
    </message>
    <message>
        <source>Shown when the master switch changed on the site while you were choosing and you chose to keep editing: writes your choice onto the version you were shown. If it changed once more, you are asked again.</source>
        <translation>Erscheint, wenn der Hauptschalter auf der Instanz geändert wurde, während Sie gewählt haben, und Sie sich für Weiterbearbeiten entschieden haben: schreibt Ihre Wahl auf die Version, die Ihnen gezeigt wurde. Hat er sich erneut geändert, werden Sie wieder gefragt.</translation>
    </message>
</context>
<context>
    <name>SignDialog</name>
    <message>
        <source>Bake and sign agents</source>
        <translation>Agenten backen und signieren</translation>
    </message>
    <message>
        <source>Sign agents</source>
        <translation>Agenten signieren</translation>
    </message>
    <message>
        <source>%1 (key %2)</source>
        <translation>%1 (Schlüssel %2)</translation>
    </message>
    <message>
        <source>The site bakes all agents anew, then signs them with this key.</source>
        <translation>Die Instanz backt alle Agenten neu und signiert sie dann mit diesem Schlüssel.</translation>
    </message>
    <message>
        <source>The site signs the current agents with this key. Hosts accept only agents signed by a key listed in the agent updater rule.</source>
        <translation>Die Instanz signiert die aktuellen Agenten mit diesem Schlüssel. Hosts akzeptieren nur Agenten, die mit einem in der Agent-Updater-Regel genannten Schlüssel signiert sind.</translation>
    </message>
    <message>
        <source>Signature &amp;key:</source>
        <translation>Signatur&amp;schlüssel:</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <source>&amp;Bake and sign</source>
        <translation>&amp;Backen und signieren</translation>
    </message>
    <message>
        <source>&amp;Sign</source>
        <translation>&amp;Signieren</translation>
    </message>
    <message>
        <source>Waiting for the site…</source>
        <translation>Warte auf die Instanz …</translation>
    </message>
    <message>
        <source>The agents were not signed.</source>
        <translation>Die Agenten wurden nicht signiert.</translation>
    </message>
</context>
<context>
    <name>SignatureKeyModel</name>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>%1 (expired)</source>
        <translation>%1 (abgelaufen)</translation>
    </message>
    <message>
        <source>%1 (in 1 day)</source>
        <translation>%1 (in 1 Tag)</translation>
    </message>
    <message>
        <source>%1 (in %2 days)</source>
        <translation>%1 (in %2 Tagen)</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>Used by the agent updater rule; it cannot be deleted.</source>
        <translation>Von der Agent-Updater-Regel verwendet; er kann nicht gelöscht werden.</translation>
    </message>
    <message>
        <source>This key has expired: agents signed with it are refused by the updater.</source>
        <translation>Dieser Schlüssel ist abgelaufen: Damit signierte Agenten lehnt der Updater ab.</translation>
    </message>
    <message>
        <source>This key expires soon: create a new key and sign the agents with it.</source>
        <translation>Dieser Schlüssel läuft bald ab: Erstellen Sie einen neuen Schlüssel und signieren Sie die Agenten damit.</translation>
    </message>
    <message>
        <source>Listed in the agent updater rule (such keys cannot be deleted)</source>
        <translation>In der Agent-Updater-Regel genannt (solche Schlüssel lassen sich nicht löschen)</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Digest (MD5)</source>
        <translation>Digest (MD5)</translation>
    </message>
    <message>
        <source>Key ID</source>
        <translation>Schlüssel-ID</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>In Verwendung</translation>
    </message>
</context>
<context>
    <name>SiteConnection</name>
    <message>
        <source>Name: enter a name for this connection.</source>
        <translation>Name: Geben Sie einen Namen für diese Verbindung ein.</translation>
    </message>
    <message>
        <source>Server: expected a host name or address, optionally with :port.</source>
        <translation>Server: Erwartet wird ein Hostname oder eine Adresse, optional mit :Port.</translation>
    </message>
    <message>
        <source>Site: expected the site id (letters, digits, underscore).</source>
        <translation>Instanz: Erwartet wird die ID der Instanz (Buchstaben, Ziffern, Unterstrich).</translation>
    </message>
    <message>
        <source>User: enter the automation user.</source>
        <translation>Benutzer: Geben Sie den Automationsbenutzer ein.</translation>
    </message>
    <message>
        <source>Timeout: expected at least one second.</source>
        <translation>Zeitlimit: Erwartet wird mindestens eine Sekunde.</translation>
    </message>
</context>
<context>
    <name>SiteGroupProxy</name>
    <message>
        <source>(no site)</source>
        <translation>(keine Instanz)</translation>
    </message>
    <message numerus="yes">
        <source>%n host(s)</source>
        <translation>
            <numerusform>%n Host</numerusform>
            <numerusform>%n Hosts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n host(s) shown</source>
        <translation>
            <numerusform>%1 von %n Host angezeigt</numerusform>
            <numerusform>%1 von %n Hosts angezeigt</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — %2: %3</source>
        <translation>%1 — %2: %3</translation>
    </message>
</context>
<context>
    <name>SiteOverviewPage</name>
    <message>
        <source>&amp;Reload</source>
        <translation>Neu &amp;laden</translation>
    </message>
    <message>
        <source>Demo credentials</source>
        <translation>Zugangsdaten der Demo</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Instanz</translation>
    </message>
    <message>
        <source>Checkmk version:</source>
        <translation>Checkmk-Version:</translation>
    </message>
    <message>
        <source>Edition:</source>
        <translation>Edition:</translation>
    </message>
    <message>
        <source>REST API:</source>
        <translation>REST-API:</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>Konfiguration</translation>
    </message>
    <message>
        <source>Hosts:</source>
        <translation>Hosts:</translation>
    </message>
    <message>
        <source>Folders:</source>
        <translation>Ordner:</translation>
    </message>
    <message>
        <source>Monitored on sites:</source>
        <translation>Überwacht auf Instanzen:</translation>
    </message>
    <message>
        <source>Tag groups:</source>
        <translation>Merkmalsgruppen:</translation>
    </message>
    <message>
        <source>Host groups:</source>
        <translation>Host-Gruppen:</translation>
    </message>
    <message>
        <source>Pending changes:</source>
        <translation>Ausstehende Änderungen:</translation>
    </message>
    <message>
        <source>The embedded demo site made these credentials for this run. The automation secret is also in the keychain for the demo connection, so the registration wizard can use it.</source>
        <translation>Die eingebaute Demo-Instanz hat diese Zugangsdaten für diesen Lauf erzeugt. Das Automationspasswort liegt auch im Schlüsselbund für die Demo-Verbindung, damit der Registrierungsassistent es verwenden kann.</translation>
    </message>
    <message>
        <source>Automation user:</source>
        <translation>Automationsbenutzer:</translation>
    </message>
    <message>
        <source>Copy &amp;user</source>
        <translation>&amp;Benutzer kopieren</translation>
    </message>
    <message>
        <source>Automation secret:</source>
        <translation>Automationspasswort:</translation>
    </message>
    <message>
        <source>Copy s&amp;ecret</source>
        <translation>S&amp;ecret kopieren</translation>
    </message>
    <message>
        <source>Web user:</source>
        <translation>Web-Benutzer:</translation>
    </message>
    <message>
        <source>Copy w&amp;eb user</source>
        <translation>W&amp;eb-Benutzer kopieren</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Passwort:</translation>
    </message>
    <message>
        <source>Copy pass&amp;word</source>
        <translation>Pass&amp;wort kopieren</translation>
    </message>
    <message>
        <source>Choose a site connection, or add one with File › Site connections.</source>
        <translation>Wählen Sie eine Instanzverbindung, oder legen Sie eine an unter Datei › Instanzverbindungen.</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>%1 — site %2</source>
        <translation>%1 — Instanz %2</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Lade …</translation>
    </message>
    <message>
        <source>Copies the value on the left to the clipboard, for the registration wizard or the site&apos;s web interface.</source>
        <translation>Kopiert den Wert links in die Zwischenablage, für den Registrierungsassistenten oder die Weboberfläche der Instanz.</translation>
    </message>
    <message>
        <source>Reads the site&apos;s version, its configuration counts and the pending changes again.</source>
        <translation>Liest die Version der Instanz, ihre Konfigurationszahlen und die ausstehenden Änderungen erneut.</translation>
    </message>
</context>
<context>
    <name>SiteReplyReader</name>
    <message>
        <source>The site&apos;s reply has an unexpected shape</source>
        <translation>Die Antwort der Instanz hat eine unerwartete Form</translation>
    </message>
    <message>
        <source>/version: expected &quot;site&quot; and &quot;versions.checkmk&quot;.</source>
        <translation>/version: „site“ und „versions.checkmk“ erwartet.</translation>
    </message>
    <message>
        <source>host_config collection: expected an array &quot;value&quot;.</source>
        <translation>host_config-Sammlung: ein Array „value“ erwartet.</translation>
    </message>
    <message>
        <source>host_config entry %1 has no &quot;id&quot;.</source>
        <translation>host_config-Eintrag %1 hat keine „id“.</translation>
    </message>
    <message>
        <source>Expected a collection with &quot;value&quot;.</source>
        <translation>Eine Sammlung mit „value“ erwartet.</translation>
    </message>
    <message>
        <source>rule collection: expected an array &quot;value&quot;.</source>
        <translation>Regelsammlung: ein Array „value“ erwartet.</translation>
    </message>
    <message>
        <source>signature key collection: expected an array &quot;value&quot;.</source>
        <translation>Signaturschlüssel-Sammlung: ein Array „value“ erwartet.</translation>
    </message>
    <message>
        <source>signature key without a numeric id.</source>
        <translation>Signaturschlüssel ohne numerische ID.</translation>
    </message>
    <message>
        <source>agent collection: expected an array &quot;value&quot;.</source>
        <translation>Agentensammlung: ein Array „value“ erwartet.</translation>
    </message>
    <message>
        <source>global setting: expected &quot;value&quot;.</source>
        <translation>Globale Einstellung: „value“ erwartet.</translation>
    </message>
    <message>
        <source>tag group collection: expected an array &quot;value&quot;.</source>
        <translation>Merkmalsgruppen-Sammlung: ein Array „value“ erwartet.</translation>
    </message>
    <message>
        <source>baking status: expected result.value.state.</source>
        <translation>Back-Status: result.value.state erwartet.</translation>
    </message>
    <message>
        <source>The host list is not valid JSON: %1 at byte %2.</source>
        <translation>Die Hostliste ist kein gültiges JSON: %1 bei Byte %2.</translation>
    </message>
    <message>
        <source>signature key %1: %2: expected seconds since 1970 (a number from 0 to the year 9999).</source>
        <translation>Signaturschlüssel %1: %2: erwartet Sekunden seit 1970 (eine Zahl von 0 bis zum Jahr 9999).</translation>
    </message>
    <message>
        <source>automatic deployment status: expected result.value (an object).</source>
        <translation>automatic-deployment-Status: result.value (ein Objekt) erwartet.</translation>
    </message>
</context>
<context>
    <name>SiteSession</name>
    <message>
        <source>No keychain is available (%1), so the secret cannot be stored; AgentDesk keeps it for this session only.</source>
        <translation>Kein Schlüsselbund verfügbar (%1), daher kann das Secret nicht gespeichert werden; AgentDesk behält es nur für diese Sitzung.</translation>
    </message>
    <message>
        <source>The keychain could not be read: %1</source>
        <translation>Der Schlüsselbund konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>No secret is stored for this connection yet.</source>
        <translation>Für diese Verbindung ist noch kein Secret gespeichert.</translation>
    </message>
    <message>
        <source>Secret for %1</source>
        <translation>Secret für %1</translation>
    </message>
    <message>
        <source>%1

Secret of user &quot;%2&quot; on site %3:</source>
        <translation>%1

Secret des Benutzers „%2“ auf Instanz %3:</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>No secret was given.</source>
        <translation>Es wurde kein Secret angegeben.</translation>
    </message>
</context>
<context>
    <name>SiteSettingDialog</name>
    <message>
        <source>%1 (all sites)</source>
        <translation>%1 (alle Instanzen)</translation>
    </message>
    <message>
        <source>%1 (site %2)</source>
        <translation>%1 (Instanz %2)</translation>
    </message>
    <message>
        <source>Remote sites forward the updaters&apos; requests to the central agent bakery at this URL and log in there as this automation user.</source>
        <translation>Remote-Instanzen reichen die Anfragen der Updater an die zentrale Agent Bakery unter dieser URL weiter und melden sich dort als dieser Automationsbenutzer an.</translation>
    </message>
    <message>
        <source>Central bakery &amp;URL:</source>
        <translation>&amp;URL der zentralen Bakery:</translation>
    </message>
    <message>
        <source>The URL at which the hosts reach the site for their updates, and the CA certificates handed to the updater for it. Empty: the site&apos;s own URL.</source>
        <translation>Die URL, unter der die Hosts die Instanz für ihre Updates erreichen, und die CA-Zertifikate, die der Updater dafür erhält. Leer: die eigene URL der Instanz.</translation>
    </message>
    <message>
        <source>Site &amp;URL:</source>
        <translation>&amp;URL der Instanz:</translation>
    </message>
    <message>
        <source>-----BEGIN CERTIFICATE----- … (PEM)</source>
        <translation>-----BEGIN CERTIFICATE----- … (PEM)</translation>
    </message>
    <message>
        <source>CA &amp;certificates:</source>
        <translation>CA-&amp;Zertifikate:</translation>
    </message>
    <message>
        <source>Saving gives site %1 a value of its own (a site-specific global setting).</source>
        <translation>Speichern gibt Instanz %1 einen eigenen Wert (eine instanzspezifische globale Einstellung).</translation>
    </message>
    <message>
        <source>URL: expected an http or https URL such as %1.</source>
        <translation>URL: eine http- oder https-URL wie %1 erwartet.</translation>
    </message>
    <message>
        <source>Central bakery URL: the URL must include the site and end with /check_mk.</source>
        <translation>URL der zentralen Bakery: Die URL muss die Instanz enthalten und auf /check_mk enden.</translation>
    </message>
    <message>
        <source>Automation user: expected the name of the automation user the remote sites log in with (usually &quot;automation&quot;).</source>
        <translation>Automationsbenutzer: der Name des Automationsbenutzers erwartet, mit dem sich die Remote-Instanzen anmelden (meist „automation“).</translation>
    </message>
    <message>
        <source>CA certificates: expected PEM certificates (-----BEGIN CERTIFICATE----- …), or nothing.</source>
        <translation>CA-Zertifikate: PEM-Zertifikate (-----BEGIN CERTIFICATE----- …) oder nichts erwartet.</translation>
    </message>
    <message>
        <source>&amp;Automation user:</source>
        <translation>&amp;Automationsbenutzer:</translation>
    </message>
</context>
<context>
    <name>SiteVersion</name>
    <message>
        <source>Raw</source>
        <translation>Raw</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <source>Cloud</source>
        <translation>Cloud</translation>
    </message>
    <message>
        <source>Managed Services</source>
        <translation>Managed Services</translation>
    </message>
    <message>
        <source>SaaS</source>
        <translation>SaaS</translation>
    </message>
</context>
<context>
    <name>SitesController</name>
    <message>
        <source>the global setting</source>
        <translation>die globale Einstellung</translation>
    </message>
    <message>
        <source>the setting of site %1</source>
        <translation>die Einstellung von Instanz %1</translation>
    </message>
    <message>
        <source>Connect to a site to see the sites of its set-up.</source>
        <translation>Verbinden Sie sich mit einer Instanz, um die Instanzen ihres Verbunds zu sehen.</translation>
    </message>
    <message>
        <source>A value of site %1&apos;s own</source>
        <translation>Ein eigener Wert von Instanz %1</translation>
    </message>
    <message>
        <source>Site %1 follows the global value</source>
        <translation>Instanz %1 folgt dem globalen Wert</translation>
    </message>
    <message>
        <source>No saved connection to this site: add one (File › Site connections) to see its version.</source>
        <translation>Keine gespeicherte Verbindung zu dieser Instanz: Legen Sie eine an (Datei › Instanz-Verbindungen), um ihre Version zu sehen.</translation>
    </message>
    <message>
        <source>No secret stored for connection %1.</source>
        <translation>Für die Verbindung %1 ist kein Secret gespeichert.</translation>
    </message>
    <message>
        <source>Saved. Activate the changes to make the sites use it.</source>
        <translation>Gespeichert. Aktivieren Sie die Änderungen, damit die Instanzen den Wert verwenden.</translation>
    </message>
    <message>
        <source>Saved for site %1. Activate the changes on that site to make it use the value.</source>
        <translation>Für Instanz %1 gespeichert. Aktivieren Sie die Änderungen auf dieser Instanz, damit sie den Wert verwendet.</translation>
    </message>
    <message>
        <source>Somebody changed this setting meanwhile.</source>
        <translation>Jemand hat diese Einstellung inzwischen geändert.</translation>
    </message>
    <message>
        <source>Site %1 follows the global value again. Activate the changes on that site to make it use the value.</source>
        <translation>Instanz %1 folgt wieder dem globalen Wert. Aktivieren Sie die Änderungen auf dieser Instanz, damit sie den Wert verwendet.</translation>
    </message>
    <message>
        <source>The site&apos;s own value could not be removed: %1</source>
        <translation>Der eigene Wert der Instanz konnte nicht entfernt werden: %1</translation>
    </message>
    <message>
        <source>Starting the activation on %1…</source>
        <translation>Aktivierung auf %1 wird gestartet…</translation>
    </message>
    <message>
        <source>The pending changes changed meanwhile: review them and activate again.</source>
        <translation>Die ausstehenden Änderungen haben sich inzwischen geändert: Prüfen Sie sie und aktivieren Sie erneut.</translation>
    </message>
    <message>
        <source>Nothing to activate.</source>
        <translation>Nichts zu aktivieren.</translation>
    </message>
    <message>
        <source>Another activation is running; try again when it has finished.</source>
        <translation>Eine andere Aktivierung läuft; versuchen Sie es erneut, wenn sie beendet ist.</translation>
    </message>
    <message>
        <source>The changes could not be activated: %1</source>
        <translation>Die Änderungen konnten nicht aktiviert werden: %1</translation>
    </message>
    <message>
        <source>Activating on %1…</source>
        <translation>Aktivierung auf %1…</translation>
    </message>
    <message>
        <source>The activation&apos;s status could not be read: %1</source>
        <translation>Der Status der Aktivierung konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Activating… %1</source>
        <translation>Aktivierung… %1</translation>
    </message>
    <message>
        <source>Changes activated on %1: %2</source>
        <translation>Änderungen auf %1 aktiviert: %2</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>The site&apos;s URL does not have the form {protocol}://{server}/{site}/check_mk: %1</source>
        <translation>Die URL der Instanz hat nicht die Form {protocol}://{server}/{site}/check_mk: %1</translation>
    </message>
    <message>
        <source>The site&apos;s URL does not have the form {protocol}://{server}/{site}/check_mk.</source>
        <translation>Die URL der Instanz hat nicht die Form {protocol}://{server}/{site}/check_mk.</translation>
    </message>
    <message>
        <source>none (HTTP)</source>
        <translation>keins (HTTP)</translation>
    </message>
    <message>
        <source>The site is reached over plain HTTP: there is no certificate to check.</source>
        <translation>Die Instanz wird über einfaches HTTP erreicht: Es gibt kein Zertifikat zu prüfen.</translation>
    </message>
    <message>
        <source>checking…</source>
        <translation>wird geprüft …</translation>
    </message>
    <message>
        <source>not reached</source>
        <translation>nicht erreicht</translation>
    </message>
    <message>
        <source>not trusted</source>
        <translation>nicht vertrauenswürdig</translation>
    </message>
    <message>
        <source>%1
SHA-256 %2
Nothing is sent to this site until you trust its certificate (Show certificate…).</source>
        <translation>%1
SHA-256 %2
An diese Instanz wird nichts gesendet, bis Sie ihrem Zertifikat vertrauen (Zertifikat anzeigen …).</translation>
    </message>
    <message>
        <source>The site&apos;s certificate is not trusted: nothing was sent to it. Select the site and choose Show certificate….</source>
        <translation>Dem Zertifikat der Instanz wird nicht vertraut: An sie wurde nichts gesendet. Wählen Sie die Instanz und dann Zertifikat anzeigen ….</translation>
    </message>
    <message>
        <source>trusted for this site</source>
        <translation>für diese Instanz vertraut</translation>
    </message>
    <message>
        <source>trusted</source>
        <translation>vertrauenswürdig</translation>
    </message>
    <message>
        <source>SHA-256 %1</source>
        <translation>SHA-256 %1</translation>
    </message>
    <message>
        <source>The certificate is not trusted</source>
        <translation>Dem Zertifikat wird nicht vertraut</translation>
    </message>
    <message>
        <source>site %1 (%2)</source>
        <translation>Instanz %1 (%2)</translation>
    </message>
</context>
<context>
    <name>SitesPage</name>
    <message>
        <source>&amp;Activate on the ticked sites</source>
        <translation>Auf den angehakten Instanzen &amp;aktivieren</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Use the global value</source>
        <translation>&amp;Globalen Wert verwenden</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Neu laden</translation>
    </message>
    <message>
        <source>Sites of this set-up</source>
        <translation>Instanzen dieses Verbunds</translation>
    </message>
    <message>
        <source>Activate</source>
        <translation>Aktivieren</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Instanz</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Alias</source>
        <translation>Alias</translation>
    </message>
    <message>
        <source>Activate the pending changes on the sites ticked in the table</source>
        <translation>Die ausstehenden Änderungen auf den in der Tabelle angehakten Instanzen aktivieren</translation>
    </message>
    <message>
        <source>Automatic agent updates: global and site-specific settings</source>
        <translation>Automatische Agent-Updates: globale und instanzspezifische Einstellungen</translation>
    </message>
    <message>
        <source>Applies to</source>
        <translation>Gilt für</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>Einstellung</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Herkunft</translation>
    </message>
    <message>
        <source>Connect to a site to see the sites of its set-up.</source>
        <translation>Verbinden Sie sich mit einer Instanz, um die Instanzen ihres Verbunds zu sehen.</translation>
    </message>
    <message>
        <source>This site (central)</source>
        <translation>Diese Instanz (zentral)</translation>
    </message>
    <message>
        <source>Remote site, logged in</source>
        <translation>Remote-Instanz, angemeldet</translation>
    </message>
    <message>
        <source>Remote site, not logged in</source>
        <translation>Remote-Instanz, nicht angemeldet</translation>
    </message>
    <message>
        <source>Remote site, disabled</source>
        <translation>Remote-Instanz, deaktiviert</translation>
    </message>
    <message>
        <source>Connection to the central agent bakery</source>
        <translation>Verbindung zur zentralen Agent Bakery</translation>
    </message>
    <message>
        <source>URL at which hosts reach the site</source>
        <translation>URL, unter der die Hosts die Instanz erreichen</translation>
    </message>
    <message>
        <source>not set (user %1)</source>
        <translation>nicht gesetzt (Benutzer %1)</translation>
    </message>
    <message>
        <source>%1 as %2</source>
        <translation>%1 als %2</translation>
    </message>
    <message>
        <source>the site&apos;s own URL</source>
        <translation>die eigene URL der Instanz</translation>
    </message>
    <message numerus="yes">
        <source>%1, %n CA certificate(s)</source>
        <translation>
            <numerusform>%1, %n CA-Zertifikat</numerusform>
            <numerusform>%1, %n CA-Zertifikate</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading the sites…</source>
        <translation>Die Instanzen werden gelesen…</translation>
    </message>
    <message>
        <source>Activate the pending changes on %1</source>
        <translation>Die ausstehenden Änderungen auf %1 aktivieren</translation>
    </message>
    <message>
        <source>(this connection)</source>
        <translation>(diese Verbindung)</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>A single site: no remote sites are connected to it.</source>
        <translation>Eine einzelne Instanz: Mit ihr sind keine Remote-Instanzen verbunden.</translation>
    </message>
    <message numerus="yes">
        <source>A central site with %n remote site(s).</source>
        <translation>
            <numerusform>Eine zentrale Instanz mit %n Remote-Instanz.</numerusform>
            <numerusform>Eine zentrale Instanz mit %n Remote-Instanzen.</numerusform>
        </translation>
    </message>
    <message>
        <source>The sites could not be read: %1</source>
        <translation>Die Instanzen konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>All sites (global)</source>
        <translation>Alle Instanzen (global)</translation>
    </message>
    <message>
        <source>default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>global setting</source>
        <translation>globale Einstellung</translation>
    </message>
    <message>
        <source>site-specific</source>
        <translation>instanzspezifisch</translation>
    </message>
    <message>
        <source>global value</source>
        <translation>globaler Wert</translation>
    </message>
    <message>
        <source>The settings could not be read: %1</source>
        <translation>Die Einstellungen konnten nicht gelesen werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n pending change(s)</source>
        <translation>
            <numerusform>%n ausstehende Änderung</numerusform>
            <numerusform>%n ausstehende Änderungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Every site the connected site lists: the central site itself and its remote sites, with their connection state and URL. A remote site&apos;s version is read from that site through a saved connection to it. Tick a site in the first column (Space) to activate the pending changes there.</source>
        <translation>Jede Instanz, die die verbundene Instanz auflistet: die zentrale Instanz selbst und ihre Remote-Instanzen, mit Verbindungszustand und URL. Die Version einer Remote-Instanz wird über eine gespeicherte Verbindung zu ihr gelesen. Haken Sie eine Instanz in der ersten Spalte an (Leertaste), um die ausstehenden Änderungen dort zu aktivieren.</translation>
    </message>
    <message>
        <source>The settings of automatic updates that matter in distributed monitoring, as the global value and as each site sees it. A site-specific value overrides the global one for that site only. Enter or Edit changes the selected row.</source>
        <translation>Die Einstellungen der automatischen Updates, die im verteilten Monitoring zählen, als globaler Wert und so, wie jede Instanz sie sieht. Ein instanzspezifischer Wert ersetzt den globalen nur für diese Instanz. Eingabe oder Bearbeiten ändert die gewählte Zeile.</translation>
    </message>
    <message>
        <source>Activates the pending changes on the ticked sites only. A change that affects other sites too stays pending for them.</source>
        <translation>Aktiviert die ausstehenden Änderungen nur auf den angehakten Instanzen. Eine Änderung, die auch andere Instanzen betrifft, bleibt für diese ausstehend.</translation>
    </message>
    <message>
        <source>Removes the selected site&apos;s own value: the site follows the global value again.</source>
        <translation>Entfernt den eigenen Wert der gewählten Instanz: Die Instanz folgt wieder dem globalen Wert.</translation>
    </message>
    <message>
        <source>Show &amp;certificate…</source>
        <translation>&amp;Zertifikat anzeigen …</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Zertifikat</translation>
    </message>
    <message>
        <source>Show the certificate the selected site presented, and trust it for that site</source>
        <translation>Das Zertifikat zeigen, das die gewählte Instanz vorgelegt hat, und ihm für diese Instanz vertrauen</translation>
    </message>
    <message>
        <source>A remote site whose URL presents a certificate the console does not trust is marked &quot;not trusted&quot;, and nothing is sent to it. This shows that certificate (chain, SHA-256 fingerprint, validity); trusted, it is remembered for that site alone, with this connection.</source>
        <translation>Eine Remote-Instanz, deren URL ein Zertifikat vorlegt, dem die Konsole nicht vertraut, ist als „nicht vertrauenswürdig“ markiert, und an sie wird nichts gesendet. Dies zeigt das Zertifikat (Kette, SHA-256-Fingerabdruck, Gültigkeit); vertrauen Sie ihm, wird das für diese Instanz allein gespeichert, mit dieser Verbindung.</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>This connection&apos;s own certificate trust applies (see the status bar).</source>
        <translation>Es gilt das Zertifikatsvertrauen dieser Verbindung (siehe Statusleiste).</translation>
    </message>
</context>
<context>
    <name>StaleSelectionDialog</name>
    <message>
        <source>Host selection changed on the site</source>
        <translation>Host-Auswahl auf der Instanz geändert</translation>
    </message>
    <message>
        <source>No conditions: all hosts</source>
        <translation>Keine Bedingungen: alle Hosts</translation>
    </message>
    <message>
        <source> and %1 more</source>
        <translation> und %1 weitere</translation>
    </message>
    <message>
        <source>Sites: %1</source>
        <translation>Instanzen: %1</translation>
    </message>
    <message>
        <source>Folders: %1</source>
        <translation>Ordner: %1</translation>
    </message>
    <message>
        <source>Host tags: %1</source>
        <translation>Host-Merkmale: %1</translation>
    </message>
    <message>
        <source>Host labels: %1</source>
        <translation>Host-Labels: %1</translation>
    </message>
    <message>
        <source>Host groups: %1</source>
        <translation>Host-Gruppen: %1</translation>
    </message>
    <message>
        <source>Only hosts: %1</source>
        <translation>Nur Hosts: %1</translation>
    </message>
    <message>
        <source>Excluded hosts: %1</source>
        <translation>Ausgeschlossene Hosts: %1</translation>
    </message>
    <message>
        <source>the host selection</source>
        <translation>die Host-Auswahl</translation>
    </message>
</context>
<context>
    <name>StaleVersionDialog</name>
    <message>
        <source>Changed on the site meanwhile</source>
        <translation>Inzwischen auf der Instanz geändert</translation>
    </message>
    <message>
        <source>Somebody else changed %1 on the site since you opened it, so your edits were not saved.

Reload to see their version (your edits are discarded), overwrite theirs with yours, or keep editing and decide later.</source>
        <translation>Jemand anderes hat %1 auf der Instanz geändert, seit Sie es geöffnet haben; Ihre Änderungen wurden daher nicht gespeichert.

Laden Sie neu, um deren Fassung zu sehen (Ihre Änderungen werden verworfen), überschreiben Sie deren Fassung mit Ihrer, oder bearbeiten Sie weiter und entscheiden Sie später.</translation>
    </message>
    <message>
        <source>Your edits</source>
        <translation>Ihre Änderungen</translation>
    </message>
    <message>
        <source>On the site now</source>
        <translation>Jetzt auf der Instanz</translation>
    </message>
    <message>
        <source>The site&apos;s current version could not be read: %1</source>
        <translation>Die aktuelle Fassung der Instanz konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>&amp;Reload (discard my edits)</source>
        <translation>&amp;Neu laden (meine Änderungen verwerfen)</translation>
    </message>
    <message>
        <source>&amp;Overwrite theirs</source>
        <translation>Deren Fassung ü&amp;berschreiben</translation>
    </message>
    <message>
        <source>&amp;Keep editing</source>
        <translation>&amp;Weiter bearbeiten</translation>
    </message>
</context>
<context>
    <name>StatusController</name>
    <message>
        <source>Not connected.</source>
        <translation>Nicht verbunden.</translation>
    </message>
    <message>
        <source>Fetching the update status…</source>
        <translation>Hole den Update-Status …</translation>
    </message>
    <message numerus="yes">
        <source>Reading %n host(s)…</source>
        <translation>
            <numerusform>Lese %n Host …</numerusform>
            <numerusform>Lese %n Hosts …</numerusform>
        </translation>
    </message>
    <message>
        <source>This site has no update-status endpoint: reading the Check_MK Agent services…</source>
        <translation>Diese Instanz hat keinen Endpunkt für den Update-Status: lese die Services „Check_MK Agent“ …</translation>
    </message>
    <message>
        <source>Comparing the package the site baked for this host with the packages of its agents…</source>
        <translation>Vergleiche das Paket, das die Instanz für diesen Host gebacken hat, mit den Paketen ihrer Agenten …</translation>
    </message>
    <message>
        <source>The target agent could not be found: %1</source>
        <translation>Der Zielagent konnte nicht gefunden werden: %1</translation>
    </message>
    <message>
        <source>Target agent %1: the package the site baked for this host is that of agent %1 (found by comparing the packages; it is what the updater is offered while the host is selected and the master switch is on).</source>
        <translation>Zielagent %1: Das Paket, das die Instanz für diesen Host gebacken hat, ist das von Agent %1 (durch Vergleich der Pakete gefunden; ihn bekommt der Updater angeboten, solange der Host ausgewählt und der Hauptschalter an ist).</translation>
    </message>
    <message>
        <source>This site offers no update-status interface (a stock Checkmk site shows it in its web GUI only). The status below is read from each host&apos;s &quot;Check_MK Agent&quot; service: errors, last check, installed and pending agent. No interface of the site names a host&apos;s target agent: it is known only while an update is pending, so hosts without an update in progress count as up to date. For one host, &quot;Find target agent&quot; in its details derives it from the site&apos;s agent packages.</source>
        <translation>Diese Instanz bietet keine Schnittstelle für den Update-Status (eine unveränderte Checkmk-Instanz zeigt ihn nur in ihrer Weboberfläche). Der Status unten wird aus dem Service „Check_MK Agent“ jedes Hosts gelesen: Fehler, letzte Prüfung, installierter und ausstehender Agent. Keine Schnittstelle der Instanz nennt den Zielagenten eines Hosts: Man kennt ihn nur, solange ein Update aussteht; Hosts ohne laufendes Update gelten daher als aktuell. Für einen einzelnen Host ermittelt ihn „Zielagent ermitteln“ in seinen Details aus den Agentenpaketen der Instanz.</translation>
    </message>
</context>
<context>
    <name>TlsProbe</name>
    <message>
        <source>The server did not complete the TLS handshake in time.</source>
        <translation>Der Server hat den TLS-Handshake nicht rechtzeitig abgeschlossen.</translation>
    </message>
</context>
<context>
    <name>UpdateCategory</name>
    <message>
        <source>Up to date</source>
        <translation>Aktuell</translation>
    </message>
    <message>
        <source>Update pending</source>
        <translation>Update ausstehend</translation>
    </message>
    <message>
        <source>Outdated</source>
        <translation>Nicht aktuell</translation>
    </message>
    <message>
        <source>Failing</source>
        <translation>Fehlerhaft</translation>
    </message>
    <message>
        <source>Stale</source>
        <translation>Veraltet</translation>
    </message>
    <message>
        <source>Never contacted</source>
        <translation>Nie gemeldet</translation>
    </message>
    <message>
        <source>Not registered</source>
        <translation>Nicht registriert</translation>
    </message>
    <message>
        <source>Left out by selection</source>
        <translation>Von der Auswahl ausgeschlossen</translation>
    </message>
    <message>
        <source>Globally disabled</source>
        <translation>Global abgeschaltet</translation>
    </message>
    <message>
        <source>The installed agent is the target agent.</source>
        <translation>Der installierte Agent ist der Zielagent.</translation>
    </message>
    <message>
        <source>The target agent was downloaded but is not installed yet.</source>
        <translation>Der Zielagent wurde heruntergeladen, ist aber noch nicht installiert.</translation>
    </message>
    <message>
        <source>The installed agent differs from the target and the target was not downloaded.</source>
        <translation>Der installierte Agent weicht vom Ziel ab, und das Ziel wurde nicht heruntergeladen.</translation>
    </message>
    <message>
        <source>The last update check reported an error.</source>
        <translation>Die letzte Update-Prüfung meldete einen Fehler.</translation>
    </message>
    <message>
        <source>The last update check is older than twice the check interval.</source>
        <translation>Die letzte Update-Prüfung ist älter als das doppelte Prüfintervall.</translation>
    </message>
    <message>
        <source>Registered, but the updater has never contacted the site.</source>
        <translation>Registriert, aber der Updater hat die Instanz nie kontaktiert.</translation>
    </message>
    <message>
        <source>The host is not registered for automatic updates.</source>
        <translation>Der Host ist nicht für automatische Updates registriert.</translation>
    </message>
    <message>
        <source>The host selection of the automatic updates leaves this host out.</source>
        <translation>Die Host-Auswahl der automatischen Updates schließt diesen Host aus.</translation>
    </message>
    <message>
        <source>The master switch of automatic agent updates is off.</source>
        <translation>Der Hauptschalter der automatischen Agenten-Updates ist aus.</translation>
    </message>
</context>
<context>
    <name>UpdateStatusModel</name>
    <message>
        <source>in the future</source>
        <translation>in der Zukunft</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>vor %n Min.</numerusform>
            <numerusform>vor %n Min.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>vor %n Std.</numerusform>
            <numerusform>vor %n Std.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>vor %n Tag</numerusform>
            <numerusform>vor %n Tagen</numerusform>
        </translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>%1 (the target)</source>
        <translation>%1 (das Ziel)</translation>
    </message>
    <message>
        <source>%1 (differs from the target %2)</source>
        <translation>%1 (weicht vom Ziel %2 ab)</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Instanz</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Registriert</translation>
    </message>
    <message>
        <source>Agent the site wants the host to run</source>
        <translation>Agent, den die Instanz für den Host vorsieht</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Downloaded</source>
        <translation>Heruntergeladen</translation>
    </message>
    <message>
        <source>Installed</source>
        <translation>Installiert</translation>
    </message>
    <message>
        <source>Last check</source>
        <translation>Letzte Prüfung</translation>
    </message>
    <message>
        <source>Last update</source>
        <translation>Letztes Update</translation>
    </message>
    <message>
        <source>Update check</source>
        <translation>Update-Prüfung</translation>
    </message>
    <message>
        <source>Check output</source>
        <translation>Check-Ausgabe</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Letzter Fehler</translation>
    </message>
</context>
<context>
    <name>UpdateStatusPage</name>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation>CSV e&amp;xportieren …</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Search host, site, folder or error (Ctrl+F)</source>
        <translation>Host, Instanz, Ordner oder Fehler suchen (Strg+F)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suche</translation>
    </message>
    <message>
        <source>Auto-refresh off</source>
        <translation>Automatisch aktualisieren: aus</translation>
    </message>
    <message>
        <source>Every minute</source>
        <translation>Jede Minute</translation>
    </message>
    <message>
        <source>Every 5 minutes</source>
        <translation>Alle 5 Minuten</translation>
    </message>
    <message>
        <source>Every 15 minutes</source>
        <translation>Alle 15 Minuten</translation>
    </message>
    <message>
        <source>Automatic refresh</source>
        <translation>Automatisch aktualisieren</translation>
    </message>
    <message>
        <source>Fetch the update status from the site (F5)</source>
        <translation>Den Update-Status von der Instanz holen (F5)</translation>
    </message>
    <message>
        <source>Connect to a site to see the update status of its hosts.</source>
        <translation>Verbinden Sie sich mit einer Instanz, um den Update-Status ihrer Hosts zu sehen.</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n host(s); filter the table</source>
        <translation>
            <numerusform>%1: %n Host; Tabelle filtern</numerusform>
            <numerusform>%1: %n Hosts; Tabelle filtern</numerusform>
        </translation>
    </message>
    <message>
        <source>Fetched %1</source>
        <translation>Geholt %1</translation>
    </message>
    <message>
        <source>The site has no hosts.</source>
        <translation>Die Instanz hat keine Hosts.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Lade …</translation>
    </message>
    <message>
        <source>No data.
%1</source>
        <translation>Keine Daten.
%1</translation>
    </message>
    <message>
        <source>Export visible rows</source>
        <translation>Sichtbare Zeilen exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source> Click to show only these hosts; click again to show all.</source>
        <translation> Klicken zeigt nur diese Hosts; erneutes Klicken zeigt alle.</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>CSV exportieren</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) exported.</source>
        <translation>
            <numerusform>%n Zeile exportiert.</numerusform>
            <numerusform>%n Zeilen exportiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Instanz</translation>
    </message>
    <message>
        <source>Show the hosts of one site only; the counts above are then that site&apos;s</source>
        <translation>Nur die Hosts einer Instanz zeigen; die Zahlen oben sind dann die dieser Instanz</translation>
    </message>
    <message numerus="yes">
        <source>All sites (%n host(s))</source>
        <translation>
            <numerusform>Alle Instanzen (%n Host)</numerusform>
            <numerusform>Alle Instanzen (%n Hosts)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n host(s))</source>
        <translation>
            <numerusform>%1 (%n Host)</numerusform>
            <numerusform>%1 (%n Hosts)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No host matches the filter.
Clear the search, the category or the site to see all %n host(s).</source>
        <translation>
            <numerusform>Kein Host passt zum Filter.
Leeren Sie die Suche, die Kategorie oder die Instanz, um den %n Host zu sehen.</numerusform>
            <numerusform>Kein Host passt zum Filter.
Leeren Sie die Suche, die Kategorie oder die Instanz, um alle %n Hosts zu sehen.</numerusform>
        </translation>
    </message>
    <message>
        <source>In distributed monitoring: the hosts of one site only, with that site&apos;s host count; the category counts above are then that site&apos;s.</source>
        <translation>Im verteilten Monitoring: nur die Hosts einer Instanz, mit deren Anzahl; die Zahlen der Kategorien oben sind dann die dieser Instanz.</translation>
    </message>
    <message>
        <source>Shows only the hosts whose name, site, folder, agent version or error text contains what you type (Ctrl+F).</source>
        <translation>Zeigt nur die Hosts, deren Name, Instanz, Ordner, Agentenversion oder Fehlertext das Eingegebene enthält (Strg+F).</translation>
    </message>
    <message>
        <source>Fetches the update status again at this interval while the page is open. The site&apos;s data are only as fresh as the hosts&apos; last update checks (their check interval).</source>
        <translation>Holt den Update-Status in diesem Intervall erneut, solange die Seite offen ist. Die Daten der Instanz sind nur so frisch wie die letzten Update-Prüfungen der Hosts (ihr Prüfintervall).</translation>
    </message>
    <message>
        <source>Fetches the update status of every host from the site now (F5).</source>
        <translation>Holt jetzt den Update-Status aller Hosts von der Instanz (F5).</translation>
    </message>
    <message>
        <source>Writes the rows shown (filter and search applied) to a CSV file for a spreadsheet or a ticket.</source>
        <translation>Schreibt die gezeigten Zeilen (mit Filter und Suche) in eine CSV-Datei für eine Tabellenkalkulation oder ein Ticket.</translation>
    </message>
    <message>
        <source>Stops fetching the status; the table keeps what it showed before.</source>
        <translation>Bricht das Holen des Status ab; die Tabelle behält, was sie vorher zeigte.</translation>
    </message>
    <message>
        <source>One row per host: its update category, the agent version installed and the target, the last update check and the error the updater reported. Click a column header to sort; right-click it to choose columns; select a host for its details and diagnosis; Ctrl+C copies the selected rows.</source>
        <translation>Eine Zeile je Host: seine Update-Kategorie, die installierte und die Ziel-Agentenversion, die letzte Update-Prüfung und der Fehler, den der Updater gemeldet hat. Klicken Sie einen Spaltenkopf zum Sortieren; Rechtsklick wählt die Spalten; wählen Sie einen Host für Details und Diagnose; Strg+C kopiert die gewählten Zeilen.</translation>
    </message>
    <message>
        <source>The update status could not be fetched.</source>
        <translation>Der Update-Status konnte nicht geholt werden.</translation>
    </message>
    <message>
        <source>&amp;Group by site</source>
        <translation>Nach Instanz &amp;gruppieren</translation>
    </message>
    <message>
        <source>Show the hosts under one heading per site, with each site&apos;s counts (Alt+G)</source>
        <translation>Die Hosts unter einer Überschrift je Instanz zeigen, mit den Zahlen jeder Instanz (Alt+G)</translation>
    </message>
    <message>
        <source>In distributed monitoring: the hosts under one heading per site, each heading with the site&apos;s host count and its counts per category. Sorting, the search and the category filter apply inside every site. On a heading, Left or Minus collapses it and Right or Plus expands it.</source>
        <translation>Im verteilten Monitoring: die Hosts unter einer Überschrift je Instanz, jede Überschrift mit der Zahl der Hosts der Instanz und ihren Zahlen je Kategorie. Sortierung, Suche und Kategoriefilter gelten innerhalb jeder Instanz. Auf einer Überschrift klappt Links oder Minus sie zu und Rechts oder Plus sie auf.</translation>
    </message>
    <message>
        <source>Update status by site</source>
        <translation>Update-Status nach Instanz</translation>
    </message>
    <message>
        <source> The hosts are grouped under their site: on a heading, Left or Minus collapses the site and Right or Plus expands it.</source>
        <translation> Die Hosts stehen unter ihrer Instanz: auf einer Überschrift klappt Links oder Minus die Instanz zu und Rechts oder Plus sie auf.</translation>
    </message>
</context>
<context>
    <name>UpdateStatusParser</name>
    <message>
        <source>The update status reply cannot be read</source>
        <translation>Die Antwort zum Update-Status kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>%1 at byte %2.</source>
        <translation>%1 bei Byte %2.</translation>
    </message>
</context>
<context>
    <name>UpdaterConfigModel</name>
    <message>
        <source>Overrides the value in cmk-update-agent.state: %1</source>
        <translation>Überschreibt den Wert in cmk-update-agent.state: %1</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
</context>
<context>
    <name>UpdaterConfigView</name>
    <message>
        <source>The file holds no Python dict.</source>
        <translation>Die Datei enthält kein Python-dict.</translation>
    </message>
    <message numerus="yes">
        <source>%n PEM certificate(s)</source>
        <translation>
            <numerusform>%n PEM-Zertifikat</numerusform>
            <numerusform>%n PEM-Zertifikate</numerusform>
        </translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n Sekunde</numerusform>
            <numerusform>%n Sekunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n Minute</numerusform>
            <numerusform>%n Minuten</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UpdaterRuleDialog</name>
    <message>
        <source>&amp;Disable this rule</source>
        <translation>Diese Regel &amp;deaktivieren</translation>
    </message>
    <message>
        <source>New agent updater rule</source>
        <translation>Neue Agent-Updater-Regel</translation>
    </message>
    <message>
        <source>Edit agent updater rule</source>
        <translation>Agent-Updater-Regel bearbeiten</translation>
    </message>
    <message>
        <source>for registration and updates</source>
        <translation>für Registrierung und Updates</translation>
    </message>
    <message>
        <source>for registration only</source>
        <translation>nur für die Registrierung</translation>
    </message>
    <message>
        <source>monitoring.example.com</source>
        <translation>monitoring.example.com</translation>
    </message>
    <message>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <source>No proxy</source>
        <translation>Kein Proxy</translation>
    </message>
    <message>
        <source>Proxy from the environment</source>
        <translation>Proxy aus der Umgebung</translation>
    </message>
    <message>
        <source>Explicit proxy</source>
        <translation>Expliziter Proxy</translation>
    </message>
    <message>
        <source>Packaged binary (64 bit)</source>
        <translation>Paketiertes Binary (64 Bit)</translation>
    </message>
    <message>
        <source>Python script</source>
        <translation>Python-Skript</translation>
    </message>
    <message>
        <source>%1 (key %2)</source>
        <translation>%1 (Schlüssel %2)</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>D&amp;escription:</source>
        <translation>B&amp;eschreibung:</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Ordner:</translation>
    </message>
    <message>
        <source>&amp;Host names:</source>
        <translation>&amp;Hostnamen:</translation>
    </message>
    <message>
        <source>Host &amp;tags:</source>
        <translation>Host-&amp;Merkmale:</translation>
    </message>
    <message>
        <source>Host &amp;labels:</source>
        <translation>Host-&amp;Labels:</translation>
    </message>
    <message>
        <source>site</source>
        <translation>Instanz</translation>
    </message>
    <message>
        <source>Use the server:</source>
        <translation>Server verwenden:</translation>
    </message>
    <message>
        <source>Check &amp;interval:</source>
        <translation>Prüf&amp;intervall:</translation>
    </message>
    <message>
        <source>Add from &amp;PEM file…</source>
        <translation>Aus &amp;PEM-Datei hinzufügen …</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>CA &amp;certificates:</source>
        <translation>CA-&amp;Zertifikate:</translation>
    </message>
    <message>
        <source>Accepted signature &amp;keys:</source>
        <translation>A&amp;kzeptierte Signaturschlüssel:</translation>
    </message>
    <message>
        <source>&amp;Save rule</source>
        <translation>Regel &amp;speichern</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>CA-Zertifikat</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.cer);;All files (*)</source>
        <translation>PEM-Dateien (*.pem *.crt *.cer);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>CA certificates: cannot read %1: %2</source>
        <translation>CA-Zertifikate: %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Certificate %1 (%2…)</source>
        <translation>Zertifikat %1 (%2 …)</translation>
    </message>
    <message>
        <source>Activation: adds the agent updater plug-in (cmk-update-agent) to the agents of the hosts this rule matches. Turned off for a host, the agent removes its updater with the next update; only a manually installed package brings it back.</source>
        <translation>Aktivierung: fügt das Agent-Updater-Plugin (cmk-update-agent) den Agenten der Hosts hinzu, auf die diese Regel zutrifft. Für einen Host abgeschaltet, entfernt der Agent seinen Updater beim nächsten Update; nur ein von Hand installiertes Paket bringt ihn zurück.</translation>
    </message>
    <message>
        <source>Update server: the DNS name or IP address under which the hosts reach this Checkmk server. The hosts must resolve the name, and with https the certificate must match it. Without it, the server must be given at registration.</source>
        <translation>Update-Server: der DNS-Name oder die IP-Adresse, unter der die Hosts diesen Checkmk-Server erreichen. Die Hosts müssen den Namen auflösen können, und bei https muss das Zertifikat zu ihm passen. Ohne ihn muss der Server bei der Registrierung angegeben werden.</translation>
    </message>
    <message>
        <source>The name of the Checkmk site of the update server.</source>
        <translation>Der Name der Checkmk-Instanz des Update-Servers.</translation>
    </message>
    <message>
        <source>Protocol for fetching updates: https is recommended (the updater then needs a CA certificate to verify the connection). A server that forces https ignores http here.</source>
        <translation>Protokoll zum Holen der Updates: https wird empfohlen (der Updater braucht dann ein CA-Zertifikat zur Prüfung der Verbindung). Ein Server, der https erzwingt, ignoriert hier http.</translation>
    </message>
    <message>
        <source>In distributed monitoring a host gets its update server from the site that monitors it. &quot;For registration and updates&quot; uses this server permanently and ignores the automatic one; &quot;for registration only&quot; uses it only to register.</source>
        <translation>Im verteilten Monitoring erhält ein Host seinen Update-Server von der Instanz, die ihn überwacht. „Für Registrierung und Updates“ verwendet diesen Server dauerhaft und ignoriert den automatischen; „nur für die Registrierung“ verwendet ihn nur zum Registrieren.</translation>
    </message>
    <message>
        <source>Check interval: how often the updater asks the server for a new agent; in between it answers from its cache. Default one hour; less than 10 minutes loads the network heavily when there are many hosts.</source>
        <translation>Prüfintervall: wie oft der Updater den Server nach einem neuen Agenten fragt; dazwischen antwortet er aus seinem Cache. Standard eine Stunde; weniger als 10 Minuten belastet das Netz bei vielen Hosts stark.</translation>
    </message>
    <message>
        <source>Proxy: without a setting the updater connects directly and ignores the host&apos;s proxy settings. Choose &quot;from the environment&quot; to use the host&apos;s proxy variables, or give a proxy explicitly.</source>
        <translation>Proxy: Ohne Einstellung verbindet sich der Updater direkt und ignoriert die Proxy-Einstellungen des Hosts. Wählen Sie „aus der Umgebung“, um die Proxy-Variablen des Hosts zu verwenden, oder geben Sie einen Proxy explizit an.</translation>
    </message>
    <message>
        <source>Package format (Linux only): the packaged binary needs a 64-bit x86 Linux with glibc 2.17 or newer; the Python script needs Python 3.7 or newer with the modules cryptography, requests and pysocks.</source>
        <translation>Paketformat (nur Linux): Das paketierte Binary braucht ein 64-Bit-x86-Linux mit glibc 2.17 oder neuer; das Python-Skript braucht Python 3.7 oder neuer mit den Modulen cryptography, requests und pysocks.</translation>
    </message>
    <message>
        <source>CA certificates the updater uses to verify https connections. Once any certificate is given (here, from the site or at registration), the updater ignores all other certificate authorities: give the root of the server&apos;s chain.</source>
        <translation>CA-Zertifikate, mit denen der Updater https-Verbindungen prüft. Sobald irgendein Zertifikat angegeben ist (hier, von der Instanz oder bei der Registrierung), ignoriert der Updater alle anderen Zertifizierungsstellen: Geben Sie die Wurzel der Kette des Servers an.</translation>
    </message>
    <message>
        <source>Signature keys the agent will accept: at least one. While replacing a key, accept both the old and the new key until every host has a package that knows the new one.</source>
        <translation>Signaturschlüssel, die der Agent akzeptiert: mindestens einer. Akzeptieren Sie beim Austausch eines Schlüssels den alten und den neuen, bis jeder Host ein Paket hat, das den neuen kennt.</translation>
    </message>
    <message>
        <source>Unticked: not set by this rule; a later rule or the default decides.</source>
        <translation>Nicht angehakt: von dieser Regel nicht gesetzt; eine spätere Regel oder der Standard entscheidet.</translation>
    </message>
    <message>
        <source>&amp;all hosts except these</source>
        <translation>&amp;alle Hosts außer diesen</translation>
    </message>
    <message>
        <source>https://wiki.example.com/agent-updates</source>
        <translation>https://wiki.example.com/agent-updates</translation>
    </message>
    <message>
        <source>The rule applies to the hosts of this folder and its subfolders. Changing it moves the rule to the bottom of that folder.</source>
        <translation>Die Regel gilt für die Hosts dieses Ordners und seiner Unterordner. Eine Änderung verschiebt die Regel ans Ende dieses Ordners.</translation>
    </message>
    <message>
        <source>at the bottom of its folder</source>
        <translation>am Ende ihres Ordners</translation>
    </message>
    <message>
        <source>at the top of its folder</source>
        <translation>am Anfang ihres Ordners</translation>
    </message>
    <message>
        <source>The first rule that sets a parameter wins: on top, this rule overrides the folder&apos;s other rules.</source>
        <translation>Die erste Regel, die einen Parameter setzt, gewinnt: Ganz oben übersteuert diese Regel die anderen Regeln des Ordners.</translation>
    </message>
    <message>
        <source>Move an existing rule with Move up / Move down.</source>
        <translation>Eine bestehende Regel verschieben Sie mit Nach oben / Nach unten.</translation>
    </message>
    <message>
        <source>all hosts (or host names, ~regex, comma-separated)</source>
        <translation>alle Hosts (oder Hostnamen, ~Regex, durch Kommas getrennt)</translation>
    </message>
    <message>
        <source>e.g. criticality:prod, !networking:dmz, os:[linux|aix]</source>
        <translation>z. B. criticality:prod, !networking:dmz, os:[linux|aix]</translation>
    </message>
    <message>
        <source>e.g. env:prod or env:test; NOT team:legacy</source>
        <translation>z. B. env:prod or env:test; NOT team:legacy</translation>
    </message>
    <message>
        <source>Kept as they are (not edited here): %1</source>
        <translation>Unverändert beibehalten (hier nicht bearbeitet): %1</translation>
    </message>
    <message>
        <source>Deploy the agent updater plug-in</source>
        <translation>Das Agent-Updater-Plugin verteilen</translation>
    </message>
    <message>
        <source>Do not deploy it (updates off)</source>
        <translation>Nicht verteilen (Updates aus)</translation>
    </message>
    <message>
        <source>a key not on this site (%1…)</source>
        <translation>ein Schlüssel, der nicht auf dieser Instanz ist (%1…)</translation>
    </message>
    <message>
        <source>Co&amp;mment:</source>
        <translation>Komme&amp;ntar:</translation>
    </message>
    <message>
        <source>Documentation &amp;URL:</source>
        <translation>Dokumentations-&amp;URL:</translation>
    </message>
    <message>
        <source>P&amp;osition:</source>
        <translation>Posi&amp;tion:</translation>
    </message>
    <message>
        <source>Agent updater (ticked parameters are set by this rule)</source>
        <translation>Agent-Updater (angehakte Parameter setzt diese Regel)</translation>
    </message>
    <message>
        <source>Plu&amp;g-in:</source>
        <translation>Plu&amp;gin:</translation>
    </message>
    <message>
        <source>Update ser&amp;ver:</source>
        <translation>Update-Ser&amp;ver:</translation>
    </message>
    <message>
        <source>Pro&amp;xy:</source>
        <translation>Pro&amp;xy:</translation>
    </message>
    <message>
        <source>Package fo&amp;rmat:</source>
        <translation>Paketfo&amp;rmat:</translation>
    </message>
    <message>
        <source>✘ Host tags: %1</source>
        <translation>✘ Host-Merkmale: %1</translation>
    </message>
    <message>
        <source>✘ Host labels: %1</source>
        <translation>✘ Host-Labels: %1</translation>
    </message>
    <message>
        <source>Description: %1</source>
        <translation>Beschreibung: %1</translation>
    </message>
    <message>
        <source>Comment: %1</source>
        <translation>Kommentar: %1</translation>
    </message>
    <message>
        <source>Folder: %1</source>
        <translation>Ordner: %1</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Aktiviert</translation>
    </message>
    <message>
        <source>All hosts except: %1</source>
        <translation>Alle Hosts außer: %1</translation>
    </message>
    <message>
        <source>Host names: %1</source>
        <translation>Hostnamen: %1</translation>
    </message>
    <message>
        <source>Host tags: %1</source>
        <translation>Host-Merkmale: %1</translation>
    </message>
    <message>
        <source>Host labels: %1</source>
        <translation>Host-Labels: %1</translation>
    </message>
    <message>
        <source>Sets: %1</source>
        <translation>Setzt: %1</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <source>Interval: %1 s</source>
        <translation>Intervall: %1 s</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Documentation URL</source>
        <translation>Dokumentations-URL</translation>
    </message>
    <message>
        <source>Host names</source>
        <translation>Hostnamen</translation>
    </message>
    <message>
        <source>Host tags</source>
        <translation>Host-Merkmale</translation>
    </message>
    <message>
        <source>Host labels</source>
        <translation>Host-Labels</translation>
    </message>
    <message>
        <source>%1 (no. %2)</source>
        <translation>%1 (Nr. %2)</translation>
    </message>
    <message>
        <source>Explicit proxy: the proxy server&apos;s name or address.</source>
        <translation>Expliziter Proxy: Name oder Adresse des Proxyservers.</translation>
    </message>
    <message>
        <source>Explicit proxy: the proxy&apos;s port (often 3128).</source>
        <translation>Expliziter Proxy: der Port des Proxys (oft 3128).</translation>
    </message>
    <message>
        <source>Adds a CA certificate from a PEM file to the certificates the updater trusts.</source>
        <translation>Fügt ein CA-Zertifikat aus einer PEM-Datei zu den Zertifikaten hinzu, denen der Updater vertraut.</translation>
    </message>
    <message>
        <source>Removes the selected CA certificate from the rule.</source>
        <translation>Entfernt das gewählte CA-Zertifikat aus der Regel.</translation>
    </message>
    <message>
        <source>Description: the rule&apos;s title in the rule list.</source>
        <translation>Beschreibung: der Titel der Regel in der Regelliste.</translation>
    </message>
    <message>
        <source>Comment: a note for other administrators; the hosts never see it.</source>
        <translation>Kommentar: eine Notiz für andere Administratoren; die Hosts sehen ihn nie.</translation>
    </message>
    <message>
        <source>Documentation URL: a link to your own documentation of this rule, shown in the rule list.</source>
        <translation>Dokumentations-URL: ein Link auf Ihre eigene Dokumentation dieser Regel, gezeigt in der Regelliste.</translation>
    </message>
    <message>
        <source>Folder: the rule applies to the hosts of this folder and its subfolders. Rules of deeper folders are evaluated first.</source>
        <translation>Ordner: Die Regel gilt für die Hosts dieses Ordners und seiner Unterordner. Regeln tieferer Ordner werden zuerst ausgewertet.</translation>
    </message>
    <message>
        <source>Where a new rule goes in its folder. The first rule that sets a parameter wins: on top, this rule overrides the folder&apos;s other rules.</source>
        <translation>Wohin eine neue Regel in ihrem Ordner kommt. Die erste Regel, die einen Parameter setzt, gewinnt: oben überschreibt diese Regel die anderen Regeln des Ordners.</translation>
    </message>
    <message>
        <source>Explicit hosts: the rule applies only to these host names (comma-separated; an entry starting with ~ is a regular expression matched from the start of the name). Empty: all hosts.</source>
        <translation>Explizite Hosts: Die Regel gilt nur für diese Hostnamen (durch Kommas getrennt; ein Eintrag, der mit ~ beginnt, ist ein regulärer Ausdruck, der vom Anfang des Namens an passt). Leer: alle Hosts.</translation>
    </message>
    <message>
        <source>Negates the host names: the rule applies to all hosts except those listed.</source>
        <translation>Kehrt die Hostnamen um: Die Regel gilt für alle Hosts außer den aufgeführten.</translation>
    </message>
    <message>
        <source>Host tags: group:tag conditions the host must meet, comma-separated; !group:tag for &quot;is not&quot;, group:[a|b] for &quot;one of&quot;.</source>
        <translation>Host-Merkmale: Bedingungen gruppe:merkmal, die der Host erfüllen muss, durch Kommas getrennt; !gruppe:merkmal für „ist nicht“, gruppe:[a|b] für „eines von“.</translation>
    </message>
    <message>
        <source>Host labels: key:value conditions; &quot;and&quot;, &quot;or&quot; and &quot;NOT&quot; combine them as in Checkmk&apos;s label conditions.</source>
        <translation>Host-Labels: Bedingungen schlüssel:wert; „and“, „or“ und „NOT“ verknüpfen sie wie in den Label-Bedingungen von Checkmk.</translation>
    </message>
    <message>
        <source>A disabled rule is kept but applies to no host.</source>
        <translation>Eine deaktivierte Regel bleibt erhalten, gilt aber für keinen Host.</translation>
    </message>
    <message>
        <source>The site did not save the rule.</source>
        <translation>Die Instanz hat die Regel nicht gespeichert.</translation>
    </message>
    <message>
        <source>Agent updater parameters</source>
        <translation>Agent-Updater-Parameter</translation>
    </message>
</context>
<context>
    <name>UpdaterStateFile</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Writing %1 was interrupted; the previous file is unchanged.</source>
        <translation>Das Schreiben von %1 wurde unterbrochen; die bisherige Datei ist unverändert.</translation>
    </message>
    <message>
        <source>Cannot replace %1: %2</source>
        <translation>%1 kann nicht ersetzt werden: %2</translation>
    </message>
</context>
<context>
    <name>UploadKeyDialog</name>
    <message>
        <source>From a &amp;file</source>
        <translation>Aus einer &amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Pasted text</source>
        <translation>&amp;Eingefügter Text</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen …</translation>
    </message>
    <message>
        <source>Upload signature key</source>
        <translation>Signaturschlüssel hochladen</translation>
    </message>
    <message>
        <source>-----BEGIN ENCRYPTED PRIVATE KEY-----
…
-----END ENCRYPTED PRIVATE KEY-----
-----BEGIN CERTIFICATE-----
…
-----END CERTIFICATE-----</source>
        <translation>-----BEGIN ENCRYPTED PRIVATE KEY-----
…
-----END ENCRYPTED PRIVATE KEY-----
-----BEGIN CERTIFICATE-----
…
-----END CERTIFICATE-----</translation>
    </message>
    <message>
        <source>Upload</source>
        <translation>Hochladen</translation>
    </message>
    <message>
        <source>Give the encrypted private key together with its certificate, as the site&apos;s download hands them out.</source>
        <translation>Geben Sie den verschlüsselten privaten Schlüssel zusammen mit seinem Zertifikat an, so wie der Download der Instanz sie herausgibt.</translation>
    </message>
    <message>
        <source>Open signature key</source>
        <translation>Signaturschlüssel öffnen</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.key);;All files (*)</source>
        <translation>PEM-Dateien (*.pem *.crt *.key);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>%1 is too large for a key file.</source>
        <translation>%1 ist zu groß für eine Schlüsseldatei.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is empty.</source>
        <translation>%1 ist leer.</translation>
    </message>
    <message>
        <source>Uploading the key…</source>
        <translation>Schlüssel wird hochgeladen…</translation>
    </message>
    <message>
        <source>Pa&amp;ssphrase:</source>
        <translation>Pa&amp;ssphrase:</translation>
    </message>
    <message>
        <source>The key was not uploaded</source>
        <translation>Der Schlüssel wurde nicht hochgeladen</translation>
    </message>
    <message>
        <source>The key was not uploaded.</source>
        <translation>Der Schlüssel wurde nicht hochgeladen.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Demo site</source>
        <translation>Demo-Instanz</translation>
    </message>
    <message>
        <source>The demo site could not start: %1</source>
        <translation>Die Demo-Instanz konnte nicht starten: %1</translation>
    </message>
</context>
</TS>
