<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ApiError</name>
    <message>
        <source>Network error</source>
        <translation>Netzwerkfehler</translation>
    </message>
    <message>
        <source>The server refused the request</source>
        <translation>Der Server hat die Anfrage abgelehnt</translation>
    </message>
    <message>
        <source>Too many requests: the provider&apos;s rate limit was reached</source>
        <translation>Zu viele Anfragen: Das Anfragelimit des Anbieters wurde erreicht</translation>
    </message>
    <message>
        <source>The server&apos;s reply could not be read</source>
        <translation>Die Antwort des Servers konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>The server did not answer in time</source>
        <translation>Der Server hat nicht rechtzeitig geantwortet</translation>
    </message>
    <message>
        <source>Invalid search</source>
        <translation>Ungültige Suche</translation>
    </message>
    <message>
        <source>(HTTP %1)</source>
        <translation>(HTTP %1)</translation>
    </message>
    <message>
        <source>the provider says “%1”</source>
        <translation>der Anbieter meldet „%1“</translation>
    </message>
    <message>
        <source>Authentication failed: check the user and secret</source>
        <translation>Anmeldung fehlgeschlagen: Bitte Benutzer und Kennwort prüfen</translation>
    </message>
    <message>
        <source>The server&apos;s certificate has changed since you trusted it; the connection was refused</source>
        <translation>Das Zertifikat des Servers hat sich geändert, seit Sie ihm vertraut haben; die Verbindung wurde abgelehnt</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted</source>
        <translation>Dem Zertifikat des Servers wird nicht vertraut</translation>
    </message>
    <message>
        <source>certificate for “%1” issued by “%2”, SHA-256 fingerprint %3</source>
        <translation>Zertifikat für „%1“, ausgestellt von „%2“, SHA-256-Fingerabdruck %3</translation>
    </message>
    <message>
        <source>the trusted certificate had %1</source>
        <translation>das bisher vertrauenswürdige Zertifikat hatte %1</translation>
    </message>
    <message>
        <source>Sign-in was not completed</source>
        <translation>Die Anmeldung wurde nicht abgeschlossen</translation>
    </message>
    <message>
        <source>The server&apos;s reply is too large to read</source>
        <translation>Die Antwort des Servers ist zu groß zum Lesen</translation>
    </message>
</context>
<context>
    <name>Authenticator</name>
    <message>
        <source>the account needs a one-time code to sign in, and this tool cannot ask for one</source>
        <translation>das Konto braucht zur Anmeldung einen Einmalcode, und dieses Programm kann keinen abfragen</translation>
    </message>
    <message>
        <source>no one-time code was entered</source>
        <translation>es wurde kein Einmalcode eingegeben</translation>
    </message>
</context>
<context>
    <name>CdrTableModel</name>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n Sekunde</numerusform>
            <numerusform>%n Sekunden</numerusform>
        </translation>
    </message>
    <message>
        <source>Click to sort: the server sorts all matching calls</source>
        <translation>Klicken zum Sortieren: Der Server sortiert alle passenden Anrufe</translation>
    </message>
    <message>
        <source>Click to sort the loaded rows</source>
        <translation>Klicken, um die geladenen Zeilen zu sortieren</translation>
    </message>
</context>
<context>
    <name>CertificateTrustDialog</name>
    <message>
        <source>Untrusted certificate</source>
        <translation>Nicht vertrauenswürdiges Zertifikat</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted</source>
        <translation>Dem Zertifikat des Servers wird nicht vertraut</translation>
    </message>
    <message>
        <source>The server presented a certificate that could not be verified. Self-hosted servers often sign their own certificate; if so, ask the server&apos;s administrator for its SHA-256 fingerprint and compare it with the one below. Trust it only if every character matches: otherwise someone may be intercepting the connection and could read your password and your calls.</source>
        <translation>Der Server hat ein Zertifikat vorgelegt, das nicht überprüft werden konnte. Selbst betriebene Server signieren ihr Zertifikat oft selbst; fragen Sie in diesem Fall den Administrator des Servers nach dem SHA-256-Fingerabdruck und vergleichen Sie ihn mit dem unten angezeigten. Vertrauen Sie dem Zertifikat nur, wenn jedes Zeichen übereinstimmt: Andernfalls könnte jemand die Verbindung abfangen und Ihr Kennwort und Ihre Anrufe mitlesen.</translation>
    </message>
    <message>
        <source>Certificate changed</source>
        <translation>Zertifikat geändert</translation>
    </message>
    <message>
        <source>The server&apos;s certificate has changed since you trusted it</source>
        <translation>Das Zertifikat des Servers hat sich geändert, seit Sie ihm vertraut haben</translation>
    </message>
    <message>
        <source>The connection was refused. This happens when the server&apos;s administrator installs a new certificate, but also when someone intercepts the connection. Ask the administrator whether the certificate was replaced and what its new fingerprint is. Replace the trusted certificate only if the new fingerprint below matches what they tell you.</source>
        <translation>Die Verbindung wurde abgelehnt. Das geschieht, wenn der Administrator des Servers ein neues Zertifikat installiert, aber auch, wenn jemand die Verbindung abfängt. Fragen Sie den Administrator, ob das Zertifikat ersetzt wurde und wie sein neuer Fingerabdruck lautet. Ersetzen Sie das vertrauenswürdige Zertifikat nur, wenn der unten angezeigte neue Fingerabdruck mit dieser Auskunft übereinstimmt.</translation>
    </message>
    <message>
        <source>Invalid certificate</source>
        <translation>Ungültiges Zertifikat</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not valid</source>
        <translation>Das Zertifikat des Servers ist nicht gültig</translation>
    </message>
    <message>
        <source>The certificate has a problem that trusting it cannot fix (see below), so the connection was refused. Ask the server&apos;s administrator to renew or replace the certificate.</source>
        <translation>Das Zertifikat hat ein Problem, das sich durch Vertrauen nicht beheben lässt (siehe unten), daher wurde die Verbindung abgelehnt. Bitten Sie den Administrator des Servers, das Zertifikat zu erneuern oder zu ersetzen.</translation>
    </message>
    <message>
        <source>Issued to:</source>
        <translation>Ausgestellt für:</translation>
    </message>
    <message>
        <source>Issued to</source>
        <translation>Ausgestellt für</translation>
    </message>
    <message>
        <source>Issued by:</source>
        <translation>Ausgestellt von:</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>Ausgestellt von</translation>
    </message>
    <message>
        <source>New SHA-256 fingerprint:</source>
        <translation>Neuer SHA-256-Fingerabdruck:</translation>
    </message>
    <message>
        <source>New SHA-256 fingerprint</source>
        <translation>Neuer SHA-256-Fingerabdruck</translation>
    </message>
    <message>
        <source>Trusted until now:</source>
        <translation>Bisher vertrauenswürdig:</translation>
    </message>
    <message>
        <source>Previously trusted SHA-256 fingerprint</source>
        <translation>Bisher vertrauenswürdiger SHA-256-Fingerabdruck</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint:</source>
        <translation>SHA-256-Fingerabdruck:</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint</source>
        <translation>SHA-256-Fingerabdruck</translation>
    </message>
    <message>
        <source>None reported</source>
        <translation>Keine gemeldet</translation>
    </message>
    <message>
        <source>Problems:</source>
        <translation>Probleme:</translation>
    </message>
    <message>
        <source>Verification problems</source>
        <translation>Probleme bei der Prüfung</translation>
    </message>
    <message>
        <source>&amp;Replace the trusted certificate</source>
        <translation>Vertrauenswürdiges Zertifikat &amp;ersetzen</translation>
    </message>
    <message>
        <source>&amp;Trust this certificate</source>
        <translation>Diesem Zertifikat &amp;vertrauen</translation>
    </message>
    <message>
        <source>I have checked the new fingerprint with the server&apos;s administrator</source>
        <translation>Ich habe den neuen Fingerabdruck mit dem Administrator des Servers abgeglichen</translation>
    </message>
</context>
<context>
    <name>ColumnLayout</name>
    <message>
        <source>Columns</source>
        <translation>Spalten</translation>
    </message>
    <message>
        <source>Move “%1” left</source>
        <translation>„%1“ nach links verschieben</translation>
    </message>
    <message>
        <source>Move “%1” right</source>
        <translation>„%1“ nach rechts verschieben</translation>
    </message>
    <message>
        <source>Hide “%1”</source>
        <translation>„%1“ ausblenden</translation>
    </message>
    <message>
        <source>Provider fields</source>
        <translation>Anbieterfelder</translation>
    </message>
    <message>
        <source>Reset columns</source>
        <translation>Spalten zurücksetzen</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Call ID</source>
        <translation>Anruf-ID</translation>
    </message>
    <message>
        <source>Start time</source>
        <translation>Startzeit</translation>
    </message>
    <message>
        <source>Answer time</source>
        <translation>Annahmezeit</translation>
    </message>
    <message>
        <source>End time</source>
        <translation>Endzeit</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>Anrufer</translation>
    </message>
    <message>
        <source>Callee</source>
        <translation>Angerufener</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Tarif</translation>
    </message>
    <message>
        <source>Hangup cause</source>
        <translation>Auflegegrund</translation>
    </message>
    <message>
        <source>Hangup source</source>
        <translation>Aufgelegt von</translation>
    </message>
    <message>
        <source>Trunk</source>
        <translation>Trunk</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Gesprächsdauer</translation>
    </message>
    <message>
        <source>Billed</source>
        <translation>Abgerechnete Dauer</translation>
    </message>
</context>
<context>
    <name>ConnectionTest</name>
    <message numerus="yes">
        <source>Connected: the first page held %n call(s).</source>
        <translation>
            <numerusform>Verbunden: Die erste Seite enthielt %n Anruf.</numerusform>
            <numerusform>Verbunden: Die erste Seite enthielt %n Anrufe.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Connected: %n call(s) in the last %1.</source>
        <translation>
            <numerusform>Verbunden: %n Anruf in den letzten %1.</numerusform>
            <numerusform>Verbunden: %n Anrufe in den letzten %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tagen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Demo</name>
    <message>
        <source>The demo server could not start on this computer.</source>
        <translation>Der Demo-Server konnte auf diesem Computer nicht gestartet werden.</translation>
    </message>
    <message>
        <source>Demo (simulated Plivo)</source>
        <translation>Demo (simuliertes Plivo)</translation>
    </message>
    <message>
        <source>Demo (simulated Enswitch)</source>
        <translation>Demo (simuliertes Enswitch)</translation>
    </message>
    <message>
        <source>Demo (simulated PortSIP)</source>
        <translation>Demo (simuliertes PortSIP)</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <source>Call details</source>
        <translation>Anrufdetails</translation>
    </message>
    <message>
        <source>Select a call to see its details.</source>
        <translation>Wählen Sie einen Anruf aus, um seine Details zu sehen.</translation>
    </message>
    <message>
        <source>No call selected</source>
        <translation>Kein Anruf ausgewählt</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Anruf</translation>
    </message>
    <message>
        <source>Start time</source>
        <translation>Startzeit</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <source>Refresh call</source>
        <translation>Anruf aktualisieren</translation>
    </message>
    <message>
        <source>Copy record</source>
        <translation>Datensatz kopieren</translation>
    </message>
    <message>
        <source>Copies every field of this call as JSON</source>
        <translation>Kopiert alle Felder dieses Anrufs als JSON</translation>
    </message>
    <message>
        <source>the record</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Refresh error</source>
        <translation>Fehler beim Aktualisieren</translation>
    </message>
    <message>
        <source>Call fields</source>
        <translation>Anruffelder</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Hinweise</translation>
    </message>
    <message>
        <source>Raw &amp;JSON</source>
        <translation>Roh-&amp;JSON</translation>
    </message>
    <message>
        <source>Raw JSON</source>
        <translation>Roh-JSON</translation>
    </message>
    <message>
        <source>Provider fields</source>
        <translation>Anbieterfelder</translation>
    </message>
    <message>
        <source>About %1</source>
        <translation>Erläuterung zu %1</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy %1</source>
        <translation>%1 kopieren</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Started %1 (%2)</source>
        <translation>Beginn: %1 (%2)</translation>
    </message>
    <message>
        <source>Start time unknown</source>
        <translation>Startzeit unbekannt</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>nicht gesetzt</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>leer</translation>
    </message>
    <message>
        <source>Copied %1.</source>
        <translation>%1 kopiert.</translation>
    </message>
    <message>
        <source>Fetches this call again from the provider</source>
        <translation>Ruft diesen Anruf erneut beim Anbieter ab</translation>
    </message>
    <message>
        <source>Refresh needs a connected profile</source>
        <translation>Zum Aktualisieren wird ein verbundenes Profil benötigt</translation>
    </message>
    <message>
        <source>Refreshing…</source>
        <translation>Wird aktualisiert…</translation>
    </message>
    <message>
        <source>Refreshed from the provider.</source>
        <translation>Vom Anbieter aktualisiert.</translation>
    </message>
    <message>
        <source>Cop&amp;y record</source>
        <translation>Datensatz kop&amp;ieren</translation>
    </message>
</context>
<context>
    <name>Direction</name>
    <message>
        <source>inbound</source>
        <translation>eingehend</translation>
    </message>
    <message>
        <source>outbound</source>
        <translation>ausgehend</translation>
    </message>
    <message>
        <source>internal</source>
        <translation>intern</translation>
    </message>
</context>
<context>
    <name>EnswitchParser</name>
    <message>
        <source>the reply nests deeper than %1 levels</source>
        <translation>die Antwort ist tiefer als %1 Ebenen verschachtelt</translation>
    </message>
    <message>
        <source>invalid JSON at byte %1: %2</source>
        <translation>ungültiges JSON bei Byte %1: %2</translation>
    </message>
    <message>
        <source>the reply is not a JSON object</source>
        <translation>die Antwort ist kein JSON-Objekt</translation>
    </message>
    <message>
        <source>the reply has no “responses” list</source>
        <translation>die Antwort hat keine „responses“-Liste</translation>
    </message>
    <message>
        <source>invalid input parameters</source>
        <translation>ungültige Eingabeparameter</translation>
    </message>
    <message>
        <source>the username or password is not valid</source>
        <translation>Benutzername oder Kennwort ist ungültig</translation>
    </message>
    <message>
        <source>your role does not allow this</source>
        <translation>Ihre Rolle erlaubt dies nicht</translation>
    </message>
    <message>
        <source>your rate plan does not allow this</source>
        <translation>Ihr Tarif erlaubt dies nicht</translation>
    </message>
    <message>
        <source>the call does not exist or is not visible to you</source>
        <translation>der Anruf existiert nicht oder ist für Sie nicht sichtbar</translation>
    </message>
    <message>
        <source>an internal error occurred on the server</source>
        <translation>auf dem Server ist ein interner Fehler aufgetreten</translation>
    </message>
    <message>
        <source>the reply&apos;s status code is missing</source>
        <translation>der Statuscode der Antwort fehlt</translation>
    </message>
    <message>
        <source>unexpected status</source>
        <translation>unerwarteter Status</translation>
    </message>
    <message>
        <source>Enswitch code %1: %2</source>
        <translation>Enswitch-Code %1: %2</translation>
    </message>
    <message>
        <source>the reply has no “data” list</source>
        <translation>die Antwort hat keine „data“-Liste</translation>
    </message>
    <message>
        <source>entry %1 of “data” is not a call object</source>
        <translation>Eintrag %1 von „data“ ist kein Anrufobjekt</translation>
    </message>
    <message>
        <source>the reply holds no call</source>
        <translation>die Antwort enthält keinen Anruf</translation>
    </message>
</context>
<context>
    <name>EnswitchProvider</name>
    <message>
        <source>contains</source>
        <translation>enthält</translation>
    </message>
    <message>
        <source>starts with</source>
        <translation>beginnt mit</translation>
    </message>
    <message>
        <source>ends with</source>
        <translation>endet mit</translation>
    </message>
    <message>
        <source>exact</source>
        <translation>genau</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Kennwort</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <source>Inbound calls came into the system, outbound calls left it, internal calls stayed on it</source>
        <translation>Eingehende Anrufe kamen ins System, ausgehende verließen es, interne blieben darin</translation>
    </message>
    <message>
        <source>Inbound</source>
        <translation>Eingehend</translation>
    </message>
    <message>
        <source>Outbound</source>
        <translation>Ausgehend</translation>
    </message>
    <message>
        <source>Internal</source>
        <translation>Intern</translation>
    </message>
    <message>
        <source>Source number</source>
        <translation>Quellnummer</translation>
    </message>
    <message>
        <source>The calling number, matched as the mode below says</source>
        <translation>Die anrufende Nummer, verglichen wie unten gewählt</translation>
    </message>
    <message>
        <source>Source match</source>
        <translation>Vergleich Quellnummer</translation>
    </message>
    <message>
        <source>How the source number is matched</source>
        <translation>Wie die Quellnummer verglichen wird</translation>
    </message>
    <message>
        <source>Called number</source>
        <translation>Angerufene Nummer</translation>
    </message>
    <message>
        <source>The number dialled, matched as the mode below says</source>
        <translation>Die gewählte Nummer, verglichen wie unten gewählt</translation>
    </message>
    <message>
        <source>Called match</source>
        <translation>Vergleich angerufene Nummer</translation>
    </message>
    <message>
        <source>How the called number is matched</source>
        <translation>Wie die angerufene Nummer verglichen wird</translation>
    </message>
    <message>
        <source>Destination number</source>
        <translation>Zielnummer</translation>
    </message>
    <message>
        <source>Where the call was finally sent, matched as the mode below says</source>
        <translation>Wohin der Anruf schließlich ging, verglichen wie unten gewählt</translation>
    </message>
    <message>
        <source>Destination match</source>
        <translation>Vergleich Zielnummer</translation>
    </message>
    <message>
        <source>How the destination number is matched</source>
        <translation>Wie die Zielnummer verglichen wird</translation>
    </message>
    <message>
        <source>Call ID</source>
        <translation>Anruf-ID</translation>
    </message>
    <message>
        <source>The SIP Call-ID</source>
        <translation>Die SIP-Call-ID</translation>
    </message>
    <message>
        <source>Caller name</source>
        <translation>Anrufername</translation>
    </message>
    <message>
        <source>The caller&apos;s name, matched as the mode below says</source>
        <translation>Der Name des Anrufers, verglichen wie unten gewählt</translation>
    </message>
    <message>
        <source>Caller name match</source>
        <translation>Vergleich Anrufername</translation>
    </message>
    <message>
        <source>How the caller name is matched</source>
        <translation>Wie der Anrufername verglichen wird</translation>
    </message>
    <message>
        <source>Talk time at least (s)</source>
        <translation>Gesprächszeit mindestens (s)</translation>
    </message>
    <message>
        <source>Only calls talked for this many seconds or more</source>
        <translation>Nur Anrufe mit so vielen Gesprächssekunden oder mehr</translation>
    </message>
    <message>
        <source>Talk time at most (s)</source>
        <translation>Gesprächszeit höchstens (s)</translation>
    </message>
    <message>
        <source>Only calls talked for this many seconds or fewer</source>
        <translation>Nur Anrufe mit so vielen Gesprächssekunden oder weniger</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>The call status exactly as the server names it (the API documents no list of values)</source>
        <translation>Der Anrufstatus genau so, wie der Server ihn nennt (die API dokumentiert keine Werte)</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Empty for your own customer; a customer ID; or all, external, postpaid, prepaid or system</source>
        <translation>Leer für den eigenen Kunden; eine Kunden-ID; oder all, external, postpaid, prepaid oder system</translation>
    </message>
    <message>
        <source>Sub-customers</source>
        <translation>Unterkunden</translation>
    </message>
    <message>
        <source>Also search the customers below the chosen one, recursively</source>
        <translation>Auch die Kunden unterhalb des gewählten durchsuchen, rekursiv</translation>
    </message>
    <message>
        <source>Include sub-customers</source>
        <translation>Unterkunden einschließen</translation>
    </message>
    <message>
        <source>Archived calls</source>
        <translation>Archivierte Anrufe</translation>
    </message>
    <message>
        <source>Also search calls the server has archived</source>
        <translation>Auch vom Server archivierte Anrufe durchsuchen</translation>
    </message>
    <message>
        <source>Include archived calls</source>
        <translation>Archivierte Anrufe einschließen</translation>
    </message>
    <message>
        <source>Peer</source>
        <translation>Peer</translation>
    </message>
    <message>
        <source>The ID of the peer (trunk) the call went through</source>
        <translation>Die ID des Peers (Trunks), über den der Anruf lief</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>One row per call or per leg (newer servers; older ones always return legs)</source>
        <translation>Eine Zeile je Anruf oder je Teilstrecke (neuere Server; ältere liefern immer Teilstrecken)</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Anrufe</translation>
    </message>
    <message>
        <source>Legs</source>
        <translation>Teilstrecken</translation>
    </message>
    <message>
        <source>Start time</source>
        <translation>Startzeit</translation>
    </message>
    <message>
        <source>Enter a customer ID (digits), or one of all, external, postpaid, prepaid or system; leave it empty for your own customer.</source>
        <translation>Geben Sie eine Kunden-ID (Ziffern) oder all, external, postpaid, prepaid oder system ein; für den eigenen Kunden leer lassen.</translation>
    </message>
    <message>
        <source>“Talk time at most” is below “Talk time at least”, so no call can match: raise it or lower the other.</source>
        <translation>„Gesprächszeit höchstens“ liegt unter „Gesprächszeit mindestens“, daher passt kein Anruf: Erhöhen Sie den einen Wert oder senken Sie den anderen.</translation>
    </message>
    <message>
        <source>in: the call came into the system from outside</source>
        <translation>in: Der Anruf kam von außen ins System</translation>
    </message>
    <message>
        <source>out: the call left the system for an outside number</source>
        <translation>out: Der Anruf verließ das System zu einer externen Nummer</translation>
    </message>
    <message>
        <source>internal: both ends of the call were on the system</source>
        <translation>internal: Beide Enden des Anrufs lagen im System</translation>
    </message>
    <message>
        <source>%1: the server&apos;s own call status (the API documents no list of values)</source>
        <translation>%1: der eigene Anrufstatus des Servers (die API dokumentiert keine Werte)</translation>
    </message>
    <message>
        <source>Sign in with a token (Enswitch 4.1 or later)</source>
        <translation>Mit Token anmelden (Enswitch 4.1 oder neuer)</translation>
    </message>
    <message>
        <source>Sign in once per session and send the token the server returns instead of the password, so the password travels once per session rather than with every request. Older servers do not offer tokens.</source>
        <translation>Einmal pro Sitzung anmelden und statt des Kennworts das vom Server gelieferte Token senden, sodass das Kennwort nur einmal pro Sitzung übertragen wird statt mit jeder Anfrage. Ältere Server bieten keine Tokens an.</translation>
    </message>
    <message>
        <source>username</source>
        <comment>inside a sentence</comment>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>password</source>
        <comment>inside a sentence</comment>
        <translation>Kennwort</translation>
    </message>
</context>
<context>
    <name>EnswitchSignIn</name>
    <message>
        <source>the sign-in reply is not JSON</source>
        <translation>die Antwort auf die Anmeldung ist kein JSON</translation>
    </message>
    <message>
        <source>the sign-in reply has no status</source>
        <translation>die Antwort auf die Anmeldung hat keinen Status</translation>
    </message>
    <message>
        <source>the sign-in reply&apos;s status is malformed</source>
        <translation>der Status in der Antwort auf die Anmeldung ist fehlerhaft</translation>
    </message>
    <message>
        <source>the server sent no sign-in token; token sign-in needs Enswitch 4.1 or later, so untick it in the profile</source>
        <translation>der Server hat kein Anmelde-Token gesendet; die Anmeldung mit Token erfordert Enswitch 4.1 oder neuer, deaktivieren Sie sie daher im Profil</translation>
    </message>
</context>
<context>
    <name>ExportColumnList</name>
    <message>
        <source>Move &amp;up</source>
        <translation>Nach &amp;oben</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>Nach &amp;unten</translation>
    </message>
    <message>
        <source>Columns to export, in file order</source>
        <translation>Zu exportierende Spalten, in der Reihenfolge der Datei</translation>
    </message>
    <message>
        <source>Space ticks or unticks a column; Ctrl+Up and Ctrl+Down move it.</source>
        <translation>Leertaste hakt eine Spalte an oder ab; Strg+Oben und Strg+Unten verschieben sie.</translation>
    </message>
    <message>
        <source>Move the column up</source>
        <translation>Die Spalte nach oben verschieben</translation>
    </message>
    <message>
        <source>Move the column down</source>
        <translation>Die Spalte nach unten verschieben</translation>
    </message>
    <message>
        <source>&amp;Visible columns</source>
        <translation>&amp;Sichtbare Spalten</translation>
    </message>
    <message>
        <source>Use the table&apos;s visible columns</source>
        <translation>Die sichtbaren Spalten der Tabelle verwenden</translation>
    </message>
    <message>
        <source>The columns the table shows, in its order</source>
        <translation>Die Spalten, die die Tabelle zeigt, in ihrer Reihenfolge</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>ExportCommandLine</name>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>Unerwartetes Argument: %1</translation>
    </message>
    <message>
        <source>--%1 is given more than once.</source>
        <translation>--%1 ist mehrfach angegeben.</translation>
    </message>
    <message>
        <source>--provider is required.</source>
        <translation>--provider ist erforderlich.</translation>
    </message>
    <message>
        <source>Unknown provider “%1”.</source>
        <translation>Unbekannter Anbieter „%1“.</translation>
    </message>
    <message>
        <source>--user is required.</source>
        <translation>--user ist erforderlich.</translation>
    </message>
    <message>
        <source>--password-env is required: the name of the environment variable holding the secret.</source>
        <translation>--password-env ist erforderlich: der Name der Umgebungsvariablen, die das Kennwort enthält.</translation>
    </message>
    <message>
        <source>The environment variable %1 (from --password-env) is not set or empty.</source>
        <translation>Die Umgebungsvariable %1 (aus --password-env) ist nicht gesetzt oder leer.</translation>
    </message>
    <message>
        <source>--url must be an http or https URL with a host.</source>
        <translation>--url muss eine http- oder https-URL mit Host sein.</translation>
    </message>
    <message>
        <source>--url must not contain credentials; use --user and --password-env.</source>
        <translation>--url darf keine Zugangsdaten enthalten; verwenden Sie --user und --password-env.</translation>
    </message>
    <message>
        <source>--%1 “%2” is not an ISO 8601 time with a zone (e.g. 2024-05-01T00:00:00Z or 2024-05-01T02:00:00+02:00).</source>
        <translation>--%1 „%2“ ist keine ISO-8601-Zeit mit Zone (z. B. 2024-05-01T00:00:00Z oder 2024-05-01T02:00:00+02:00).</translation>
    </message>
    <message>
        <source>--%1 is not supported by %2.</source>
        <translation>--%1 wird von %2 nicht unterstützt.</translation>
    </message>
    <message>
        <source>--direction must be one of: %1.</source>
        <translation>--direction muss einer dieser Werte sein: %1.</translation>
    </message>
    <message>
        <source>--%1 needs a value.</source>
        <translation>--%1 braucht einen Wert.</translation>
    </message>
    <message>
        <source>--param “%1” is not of the form KEY=VALUE.</source>
        <translation>--param „%1“ hat nicht die Form KEY=VALUE.</translation>
    </message>
    <message>
        <source>Unknown column “%1”; use one of %2 or raw.&lt;field&gt;.</source>
        <translation>Unbekannte Spalte „%1“; verwenden Sie eine von %2 oder raw.&lt;field&gt;.</translation>
    </message>
    <message>
        <source>--output needs a file name.</source>
        <translation>--output braucht einen Dateinamen.</translation>
    </message>
    <message>
        <source>Run “cdr-export --help” for every option.
</source>
        <translation>Alle Optionen zeigt „cdr-export --help“.
</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>%1 has no setting “%2”.</source>
        <translation>%1 hat keine Einstellung „%2“.</translation>
    </message>
    <message>
        <source>%1 has no setting “%2”; it has: %3.</source>
        <translation>%1 hat keine Einstellung „%2“; vorhanden sind: %3.</translation>
    </message>
    <message>
        <source>--option %1 is a yes/no setting: give 1 or 0.</source>
        <translation>--option %1 ist eine Ja/Nein-Einstellung: Geben Sie 1 oder 0 an.</translation>
    </message>
    <message>
        <source>--option %1 needs a value (KEY=VALUE).</source>
        <translation>--option %1 braucht einen Wert (KEY=VALUE).</translation>
    </message>
    <message>
        <source>--trust-certificate needs a SHA-256 fingerprint: 64 hexadecimal digits.</source>
        <translation>--trust-certificate braucht einen SHA-256-Fingerabdruck: 64 Hexadezimalziffern.</translation>
    </message>
    <message>
        <source>--option %1 needs a whole number of at least 1.</source>
        <translation>--option %1 braucht eine ganze Zahl ab 1.</translation>
    </message>
    <message>
        <source>--preset must be excel or rfc4180.</source>
        <translation>--preset muss excel oder rfc4180 sein.</translation>
    </message>
    <message>
        <source>--preset applies to CSV only; leave it out with --format %1.</source>
        <translation>--preset gilt nur für CSV; lassen Sie es bei --format %1 weg.</translation>
    </message>
    <message>
        <source>--format must be csv, tsv or jsonl.</source>
        <translation>--format muss csv, tsv oder jsonl sein.</translation>
    </message>
    <message>
        <source>--timezone “%1” is not a time zone: give UTC, local, or a name such as Europe/Berlin.</source>
        <translation>--timezone „%1“ ist keine Zeitzone: Geben Sie UTC, local oder einen Namen wie Europe/Berlin an.</translation>
    </message>
    <message>
        <source>--duration must be seconds or hms.</source>
        <translation>--duration muss seconds oder hms sein.</translation>
    </message>
    <message>
        <source>--password-env is required with --repeat too: the export description never holds the secret; name the environment variable that does.</source>
        <translation>--password-env ist auch mit --repeat nötig: Die Exportbeschreibung enthält nie das Kennwort; nennen Sie die Umgebungsvariable, die es enthält.</translation>
    </message>
    <message>
        <source>--sidecar needs a file name.</source>
        <translation>--sidecar braucht einen Dateinamen.</translation>
    </message>
    <message>
        <source>--sidecar must name another file than --output.</source>
        <translation>--sidecar muss eine andere Datei nennen als --output.</translation>
    </message>
    <message>
        <source>Usage: cdr-export --provider PROVIDER --url BASE_URL --user USER --password-env VAR
                  [--since TIME] [--until TIME] [--caller NUMBER] [--callee NUMBER]
                  [--direction DIRECTION] [--param KEY=VALUE]... [--columns KEY,KEY,...]
                  [--option KEY=VALUE]... [--domain DOMAIN] [--trust-certificate SHA256]
                  [--preset excel|rfc4180] [--format csv|tsv|jsonl] [--timezone ZONE]
                  [--duration seconds|hms] [--totals]
                  [--output FILE] [--sidecar FILE.json]
       cdr-export --repeat FILE.json --password-env VAR [--since TIME] [--until TIME]
                  [--columns KEY,KEY,...] [--preset ...] [--format ...] [--timezone ZONE]
                  [--duration ...] [--trust-certificate SHA256] [--totals]
                  [--output FILE] [--sidecar FILE.json]
</source>
        <translation>Aufruf: cdr-export --provider PROVIDER --url BASE_URL --user USER --password-env VAR
                   [--since TIME] [--until TIME] [--caller NUMBER] [--callee NUMBER]
                   [--direction DIRECTION] [--param KEY=VALUE]... [--columns KEY,KEY,...]
                   [--option KEY=VALUE]... [--domain DOMAIN] [--trust-certificate SHA256]
                   [--preset excel|rfc4180] [--format csv|tsv|jsonl] [--timezone ZONE]
                   [--duration seconds|hms] [--totals]
                   [--output FILE] [--sidecar FILE.json]
        cdr-export --repeat FILE.json --password-env VAR [--since TIME] [--until TIME]
                   [--columns KEY,KEY,...] [--preset ...] [--format ...] [--timezone ZONE]
                   [--duration ...] [--trust-certificate SHA256] [--totals]
                   [--output FILE] [--sidecar FILE.json]
</translation>
    </message>
    <message>
        <source>
Exports call detail records as CSV (RFC 4180, UTF-8), TSV or JSON Lines.

  --provider PROVIDER   the provider: %1
  --url BASE_URL        the API&apos;s base URL (default: the provider&apos;s own)
  --user USER           the account, e.g. the Plivo auth ID
  --password-env VAR    the environment variable holding the secret (auth token)
  --since TIME          calls from TIME on (ISO 8601 with Z or an offset, inclusive)
  --until TIME          calls before TIME (exclusive; default: now)
  --caller NUMBER       calls from numbers starting with NUMBER
  --callee NUMBER       calls to numbers starting with NUMBER
  --direction DIRECTION the call direction, e.g. inbound or outbound
  --param KEY=VALUE     a provider query parameter, passed on unchanged (repeatable)
  --option KEY=VALUE    a profile setting of the provider (repeatable): %2
  --domain DOMAIN       the tenant&apos;s SIP domain (PortSIP); the same as --option domain=DOMAIN
  --trust-certificate SHA256
                        accept the server&apos;s self-signed certificate with this SHA-256
                        fingerprint (hex, colons allowed); any other certificate is refused
  --columns KEY,...     unified column keys and raw.&lt;field&gt;, in this order
  --preset PRESET       excel: UTF-8 with BOM, the separator your locale&apos;s spreadsheet expects,
                        text that could be read as a formula or lose a leading 0 made safe;
                        rfc4180 (default): UTF-8, comma, CRLF
  --format FORMAT       csv (default), tsv, or jsonl (one JSON object per call, every field)
  --timezone ZONE       times in UTC (default), local, or a zone such as Europe/Berlin;
                        the header then names it, e.g. start_time (Europe/Berlin)
  --duration STYLE      seconds (default) or hms (h:mm:ss)
  --totals              at the end, one line on standard error: calls, durations and the
                        amount per currency, added up exactly
  --output FILE         write to FILE (only complete files appear); default: standard output.
                        A description of the export goes beside it as FILE.json: provider,
                        URL, user, filters, the exact window, columns, format, row count.
                        It never holds the secret.
  --sidecar FILE.json   write that description to FILE.json instead (also for standard output)
  --repeat FILE.json    run the export a description (from cdr-export or CDR Browser) describes:
                        the same provider, account, filters, columns and format, and every
                        row matching its search. The same window unless --since/--until
                        give another (an end left out is open, as usual). --output,
                        --columns, --preset, --format, --timezone, --duration and
                        --trust-certificate override it; --password-env is still required;
                        --provider, --url, --user, --caller, --callee, --direction, --param,
                        --option and --domain cannot be combined with it
  --help                show this text

Exit status: 0 success, 1 provider or network error, 2 bad usage,
141 standard output closed early (e.g. by head).
Set CDR_EXPORT_DEBUG=1 to also see Qt&apos;s own diagnostics on standard error.
</source>
        <translation>
Exportiert Verbindungsdatensätze als CSV (RFC 4180, UTF-8), TSV oder JSON Lines.

  --provider PROVIDER   der Anbieter: %1
  --url BASE_URL        die Basis-URL der API (Standard: die des Anbieters)
  --user USER           das Konto, z. B. die Plivo-Auth-ID
  --password-env VAR    die Umgebungsvariable mit dem Kennwort (Auth-Token)
  --since TIME          Anrufe ab TIME (ISO 8601 mit Z oder Versatz; einschließlich)
  --until TIME          Anrufe vor TIME (ausschließlich; Standard: jetzt)
  --caller NUMBER       Anrufe von Nummern, die mit NUMBER beginnen
  --callee NUMBER       Anrufe an Nummern, die mit NUMBER beginnen
  --direction DIRECTION die Anrufrichtung, z. B. inbound oder outbound
  --param KEY=VALUE     ein Abfrageparameter des Anbieters, unverändert gesendet (wiederholbar)
  --option KEY=VALUE    eine Profileinstellung des Anbieters (wiederholbar): %2
  --domain DOMAIN       die SIP-Domain des Mandanten (PortSIP); wie --option domain=DOMAIN
  --trust-certificate SHA256
                        das selbst signierte Serverzertifikat mit diesem SHA-256-Fingerabdruck
                        annehmen (hex, Doppelpunkte erlaubt); jedes andere wird abgelehnt
  --columns KEY,...     einheitliche Spaltenschlüssel und raw.&lt;field&gt;, in dieser Reihenfolge
  --preset PRESET       excel: UTF-8 mit BOM, das Trennzeichen, das die Tabellenkalkulation Ihres
                        Gebietsschemas erwartet, Text vor Formeldeutung und Verlust führender
                        Nullen geschützt; rfc4180 (Standard): UTF-8, Komma, CRLF
  --format FORMAT       csv (Standard), tsv oder jsonl (ein JSON-Objekt je Anruf, alle Felder)
  --timezone ZONE       Zeiten in UTC (Standard), local oder einer Zone wie Europe/Berlin;
                        die Kopfzeile nennt sie dann, z. B. start_time (Europe/Berlin)
  --duration STYLE      seconds (Standard) oder hms (h:mm:ss)
  --totals              am Ende eine Zeile auf der Standardfehlerausgabe: Anrufe, Dauern und
                        der Betrag je Währung, exakt aufsummiert
  --output FILE         in FILE schreiben (erscheint nur vollständig); Standard: Standardausgabe.
                        Daneben kommt eine Beschreibung des Exports als FILE.json: Anbieter,
                        URL, Benutzer, Filter, das genaue Zeitfenster, Spalten, Format,
                        Zeilenzahl. Sie enthält nie das Kennwort.
  --sidecar FILE.json   diese Beschreibung stattdessen nach FILE.json schreiben (auch für die
                        Standardausgabe)
  --repeat FILE.json    den Export ausführen, den eine Beschreibung (von cdr-export oder
                        CDR Browser) beschreibt: derselbe Anbieter, dasselbe Konto, dieselben
                        Filter, Spalten und dasselbe Format, und jede Zeile, die auf ihre Suche
                        passt. Dasselbe Zeitfenster, außer --since/--until geben ein anderes an
                        (ein weggelassenes Ende ist wie üblich offen). --output, --columns,
                        --preset, --format, --timezone, --duration und --trust-certificate
                        ersetzen die gespeicherten Werte; --password-env ist weiterhin nötig;
                        --provider, --url, --user, --caller, --callee, --direction, --param,
                        --option und --domain lassen sich nicht damit kombinieren
  --help                diesen Text anzeigen

Exit-Status: 0 Erfolg, 1 Anbieter- oder Netzwerkfehler, 2 falscher Aufruf,
141 Standardausgabe vorzeitig geschlossen (z. B. durch head).
Mit CDR_EXPORT_DEBUG=1 zeigt die Standardfehlerausgabe auch Qts eigene Diagnosemeldungen.
</translation>
    </message>
</context>
<context>
    <name>ExportController</name>
    <message>
        <source>Search first: this exports every row of the table&apos;s search.</source>
        <translation>Zuerst suchen: Dies exportiert jede Zeile der Suche der Tabelle.</translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation>Export läuft</translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation>Exportfortschritt</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>%1 wird geschrieben …</translation>
    </message>
    <message>
        <source>Writing %1…
%2 of %3 rows</source>
        <translation>%1 wird geschrieben …
%2 von %3 Zeilen</translation>
    </message>
    <message>
        <source>Writing %1…
%2 rows</source>
        <translation>%1 wird geschrieben …
%2 Zeilen</translation>
    </message>
    <message>
        <source>Export interrupted</source>
        <translation>Export unterbrochen</translation>
    </message>
    <message>
        <source>Continue from the first missing page, keep the rows written so far (the sidecar marks the file incomplete), or discard the file.</source>
        <translation>Ab der ersten fehlenden Seite fortsetzen, die bisher geschriebenen Zeilen behalten (die Beschreibungsdatei kennzeichnet die Datei als unvollständig) oder die Datei verwerfen.</translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Verwerfen</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Export fehlgeschlagen: %1</translation>
    </message>
    <message numerus="yes">
        <source>The provider stopped the export after %Ln row(s):
%1</source>
        <translation>
            <numerusform>Der Anbieter hat den Export nach %Ln Zeile angehalten:
%1</numerusform>
            <numerusform>Der Anbieter hat den Export nach %Ln Zeilen angehalten:
%1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Keep %Ln row(s)</source>
        <translation>
            <numerusform>%Ln Zeile &amp;behalten</numerusform>
            <numerusform>%Ln Zeilen &amp;behalten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln row(s) to %1; the export is incomplete, as its sidecar says</source>
        <translation>
            <numerusform>%Ln Zeile nach %1 exportiert; der Export ist unvollständig, wie seine Beschreibungsdatei sagt</numerusform>
            <numerusform>%Ln Zeilen nach %1 exportiert; der Export ist unvollständig, wie seine Beschreibungsdatei sagt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln row(s) to %1, but its sidecar could not be written: %2</source>
        <translation>
            <numerusform>%Ln Zeile nach %1 exportiert, aber die Beschreibungsdatei konnte nicht geschrieben werden: %2</numerusform>
            <numerusform>%Ln Zeilen nach %1 exportiert, aber die Beschreibungsdatei konnte nicht geschrieben werden: %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln row(s) to %1</source>
        <translation>
            <numerusform>%Ln Zeile nach %1 exportiert</numerusform>
            <numerusform>%Ln Zeilen nach %1 exportiert</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>&amp;Selected rows (%1)</source>
        <translation>&amp;Ausgewählte Zeilen (%1)</translation>
    </message>
    <message>
        <source>Export the selected rows</source>
        <translation>Die ausgewählten Zeilen exportieren</translation>
    </message>
    <message>
        <source>&amp;All loaded rows (%1)</source>
        <translation>Alle &amp;geladenen Zeilen (%1)</translation>
    </message>
    <message>
        <source>Export all loaded rows</source>
        <translation>Alle geladenen Zeilen exportieren</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>Dateiname</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>Choose the file</source>
        <translation>Datei auswählen</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>Da&amp;tei:</translation>
    </message>
    <message>
        <source>Choose a file to write.</source>
        <translation>Wählen Sie eine Datei zum Schreiben aus.</translation>
    </message>
    <message>
        <source>“%1” is a folder.</source>
        <translation>„%1“ ist ein Ordner.</translation>
    </message>
    <message>
        <source>The folder “%1” does not exist.</source>
        <translation>Der Ordner „%1“ existiert nicht.</translation>
    </message>
    <message>
        <source>JSON Lines holds every field of each call, whatever the columns.</source>
        <translation>JSON Lines enthält jedes Feld jedes Anrufs, unabhängig von den Spalten.</translation>
    </message>
    <message>
        <source>Excel (“%1” between fields)</source>
        <translation>Excel („%1“ zwischen Feldern)</translation>
    </message>
    <message>
        <source>RFC 4180 CSV (comma)</source>
        <translation>RFC-4180-CSV (Komma)</translation>
    </message>
    <message>
        <source>TSV (tab-separated)</source>
        <translation>TSV (tabulatorgetrennt)</translation>
    </message>
    <message>
        <source>JSON Lines (one call per line)</source>
        <translation>JSON Lines (ein Anruf je Zeile)</translation>
    </message>
    <message>
        <source>File format</source>
        <translation>Dateiformat</translation>
    </message>
    <message>
        <source>Seconds (3725)</source>
        <translation>Sekunden (3725)</translation>
    </message>
    <message>
        <source>Hours, minutes, seconds (1:02:05)</source>
        <translation>Stunden, Minuten, Sekunden (1:02:05)</translation>
    </message>
    <message>
        <source>Durations</source>
        <translation>Dauern</translation>
    </message>
    <message>
        <source>UTC</source>
        <translation>UTC</translation>
    </message>
    <message>
        <source>Display zone: %1</source>
        <translation>Anzeigezone: %1</translation>
    </message>
    <message>
        <source>This computer: %1</source>
        <translation>Dieser Computer: %1</translation>
    </message>
    <message>
        <source>Named zone:</source>
        <translation>Benannte Zone:</translation>
    </message>
    <message>
        <source>Time zone of the times</source>
        <translation>Zeitzone der Zeiten</translation>
    </message>
    <message>
        <source>e.g. Europe/Berlin</source>
        <translation>z. B. Europe/Berlin</translation>
    </message>
    <message>
        <source>Named time zone</source>
        <translation>Benannte Zeitzone</translation>
    </message>
    <message>
        <source>Rows:</source>
        <translation>Zeilen:</translation>
    </message>
    <message>
        <source>&amp;Columns:</source>
        <translation>&amp;Spalten:</translation>
    </message>
    <message>
        <source>F&amp;ormat:</source>
        <translation>F&amp;ormat:</translation>
    </message>
    <message>
        <source>&amp;Durations:</source>
        <translation>&amp;Dauern:</translation>
    </message>
    <message>
        <source>&amp;Times in:</source>
        <translation>&amp;Zeiten in:</translation>
    </message>
    <message>
        <source>Every row &amp;matching the search (%1)</source>
        <translation>Jede &amp;passende Zeile der Suche (%1)</translation>
    </message>
    <message>
        <source>Every row &amp;matching the search (all pages)</source>
        <translation>Jede &amp;passende Zeile der Suche (alle Seiten)</translation>
    </message>
    <message>
        <source>Export every row matching the search</source>
        <translation>Jede zur Suche passende Zeile exportieren</translation>
    </message>
    <message>
        <source>Fetched page by page straight into the file; the table stays as it is.</source>
        <translation>Seite für Seite direkt in die Datei geholt; die Tabelle bleibt, wie sie ist.</translation>
    </message>
    <message>
        <source>There are no rows to export yet.</source>
        <translation>Es gibt noch keine Zeilen zum Exportieren.</translation>
    </message>
    <message>
        <source>Tick at least one column.</source>
        <translation>Haken Sie mindestens eine Spalte an.</translation>
    </message>
    <message>
        <source>“%1” is not a time zone this computer knows.</source>
        <translation>„%1“ ist keine Zeitzone, die dieser Computer kennt.</translation>
    </message>
    <message>
        <source>UTF-8, commas, CRLF line ends, no byte order mark.</source>
        <translation>UTF-8, Kommas, CRLF-Zeilenenden, keine Bytereihenfolge-Markierung.</translation>
    </message>
    <message>
        <source>UTF-8, a tab between fields, CRLF line ends.</source>
        <translation>UTF-8, ein Tabulator zwischen Feldern, CRLF-Zeilenenden.</translation>
    </message>
    <message>
        <source>%1 files (*.%2);;All files (*)</source>
        <translation>%1-Dateien (*.%2);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>UTF-8 with BOM, “%1” between fields; formulas are written as text.</source>
        <translation>UTF-8 mit BOM, „%1“ zwischen Feldern; Formeln werden als Text geschrieben.</translation>
    </message>
    <message>
        <source>The byte order mark makes Excel read UTF-8; “%1” is the list separator Excel expects in your region. A text cell that starts with =, +, -, @, tab or carriage return gets a leading apostrophe, so nothing in the file runs.</source>
        <translation>Die Bytereihenfolge-Markierung lässt Excel UTF-8 lesen; „%1“ ist das Listentrennzeichen, das Excel in Ihrer Region erwartet. Eine Textzelle, die mit =, +, -, @, Tabulator oder Wagenrücklauf beginnt, erhält einen vorangestellten Apostroph, sodass nichts in der Datei ausgeführt wird.</translation>
    </message>
    <message>
        <source>Every field of each call, one object per line; UTC times, seconds.</source>
        <translation>Jedes Feld jedes Anrufs, ein Objekt je Zeile; Zeiten in UTC, Sekunden.</translation>
    </message>
</context>
<context>
    <name>ExportRunner</name>
    <message>
        <source>Cannot write to standard output: %1</source>
        <translation>Schreiben auf die Standardausgabe nicht möglich: %1</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>HTTP %1: %2</source>
        <translation>HTTP %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>Fetched %L1 of %Ln row(s)</source>
        <translation>
            <numerusform>%L1 von %Ln Zeile abgerufen</numerusform>
            <numerusform>%L1 von %Ln Zeilen abgerufen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Fetched %Ln row(s)</source>
        <translation>
            <numerusform>%Ln Zeile abgerufen</numerusform>
            <numerusform>%Ln Zeilen abgerufen</numerusform>
        </translation>
    </message>
    <message>
        <source>If the server&apos;s administrator confirms this fingerprint, pass it with --trust-certificate.</source>
        <translation>Wenn der Administrator des Servers diesen Fingerabdruck bestätigt, übergeben Sie ihn mit --trust-certificate.</translation>
    </message>
    <message>
        <source>Cannot write the file: %1</source>
        <translation>Die Datei kann nicht geschrieben werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln call(s)</source>
        <translation>
            <numerusform>%Ln Anruf</numerusform>
            <numerusform>%Ln Anrufe</numerusform>
        </translation>
    </message>
    <message>
        <source>duration %1 s</source>
        <translation>Dauer %1 s</translation>
    </message>
    <message>
        <source>billed %1 s</source>
        <translation>abgerechnet %1 s</translation>
    </message>
    <message>
        <source>billed minus duration %1 s</source>
        <translation>abgerechnet minus Dauer %1 s</translation>
    </message>
    <message>
        <source>too large to add up</source>
        <translation>zu groß zum Aufsummieren</translation>
    </message>
    <message>
        <source>amount %1</source>
        <translation>Betrag %1</translation>
    </message>
    <message>
        <source>amount %1 %2</source>
        <translation>Betrag %1 %2</translation>
    </message>
    <message>
        <source>average billed %1 s</source>
        <translation>Ø abgerechnet %1 s</translation>
    </message>
    <message>
        <source>%1 amount(s) not numbers, left out</source>
        <translation>%1 Betrag/Beträge keine Zahlen, ausgelassen</translation>
    </message>
    <message>
        <source>totals: %1</source>
        <translation>Summen: %1</translation>
    </message>
    <message>
        <source>The export is complete, but its description could not be written. %1</source>
        <translation>Der Export ist vollständig, aber seine Beschreibung konnte nicht geschrieben werden. %1</translation>
    </message>
</context>
<context>
    <name>ExportSidecarFile</name>
    <message>
        <source>“%1” must be later than “query.since”.</source>
        <translation>„%1“ muss nach „query.since“ liegen.</translation>
    </message>
    <message>
        <source>“%1” must be “csv”, “tsv” or “jsonl”.</source>
        <translation>„%1“ muss „csv“, „tsv“ oder „jsonl“ sein.</translation>
    </message>
    <message>
        <source>“%1” must be one punctuation character or a tab.</source>
        <translation>„%1“ muss ein Satzzeichen oder ein Tabulator sein.</translation>
    </message>
    <message>
        <source>“%1” must be “seconds” or “hms”.</source>
        <translation>„%1“ muss „seconds“ oder „hms“ sein.</translation>
    </message>
    <message>
        <source>“%1” is not a time zone this system knows.</source>
        <translation>„%1“ ist keine Zeitzone, die dieses System kennt.</translation>
    </message>
    <message>
        <source>This is not an export description: it is nested too deeply.</source>
        <translation>Dies ist keine Exportbeschreibung: Sie ist zu tief verschachtelt.</translation>
    </message>
    <message>
        <source>This is not an export description: it is not valid JSON.</source>
        <translation>Dies ist keine Exportbeschreibung: Sie ist kein gültiges JSON.</translation>
    </message>
    <message>
        <source>This is not an export description: it is not a JSON object.</source>
        <translation>Dies ist keine Exportbeschreibung: Sie ist kein JSON-Objekt.</translation>
    </message>
    <message>
        <source>This is not an export description (its “format” is not “%1”).</source>
        <translation>Dies ist keine Exportbeschreibung (ihr „format“ ist nicht „%1“).</translation>
    </message>
    <message>
        <source>The export description has no valid “version”.</source>
        <translation>Die Exportbeschreibung hat keine gültige „version“.</translation>
    </message>
    <message>
        <source>The export description was written by a newer version (format version %1); this program reads version %2.</source>
        <translation>Die Exportbeschreibung wurde von einer neueren Version geschrieben (Formatversion %1); dieses Programm liest Version %2.</translation>
    </message>
    <message>
        <source>“%1” must name the provider.</source>
        <translation>„%1“ muss den Anbieter nennen.</translation>
    </message>
    <message>
        <source>“%1” must be an absolute URL.</source>
        <translation>„%1“ muss eine absolute URL sein.</translation>
    </message>
    <message>
        <source>“%1” must be 64 hexadecimal digits.</source>
        <translation>„%1“ muss aus 64 Hexadezimalziffern bestehen.</translation>
    </message>
    <message>
        <source>“%1” must be “selected”, “loaded” or “matching”.</source>
        <translation>„%1“ muss „selected“, „loaded“ oder „matching“ sein.</translation>
    </message>
    <message>
        <source>“%1” must be “excel”, “rfc4180”, “tsv”, “jsonl” or empty.</source>
        <translation>„%1“ muss „excel“, „rfc4180“, „tsv“, „jsonl“ oder leer sein.</translation>
    </message>
    <message>
        <source>“%1” must not be negative.</source>
        <translation>„%1“ darf nicht negativ sein.</translation>
    </message>
    <message>
        <source>“%1” must be a whole number.</source>
        <translation>„%1“ muss eine ganze Zahl sein.</translation>
    </message>
    <message>
        <source>The export description is not valid: %1</source>
        <translation>Die Exportbeschreibung ist ungültig: %1</translation>
    </message>
    <message>
        <source>Cannot write the export description %1: %2</source>
        <translation>Die Exportbeschreibung %1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Cannot read the export description %1: %2</source>
        <translation>Die Exportbeschreibung %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The export description %1 is too large to be one.</source>
        <translation>Die Exportbeschreibung %1 ist zu groß, um eine zu sein.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>“%1” must be “.” or “,”.</source>
        <translation>„%1“ muss „.“ oder „,“ sein.</translation>
    </message>
</context>
<context>
    <name>FilterForm</name>
    <message>
        <source>Choose a profile to see its filters.</source>
        <translation>Wählen Sie ein Profil, um seine Filter zu sehen.</translation>
    </message>
    <message>
        <source>Search filters</source>
        <translation>Suchfilter</translation>
    </message>
    <message>
        <source>Time range</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Search with these filters (F5 or Enter)</source>
        <translation>Mit diesen Filtern suchen (F5 oder Eingabetaste)</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Reset filters</source>
        <translation>Filter zurücksetzen</translation>
    </message>
    <message>
        <source>Clear every filter and use the API&apos;s default time range</source>
        <translation>Alle Filter leeren und den Standardzeitraum der API verwenden</translation>
    </message>
    <message>
        <source>Time range (%1)</source>
        <translation>Zeitraum (%1)</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>Beliebig</translation>
    </message>
    <message>
        <source>%1: error</source>
        <translation>%1: Fehler</translation>
    </message>
    <message>
        <source>Hover a field to see how the server matches it. Empty fields are not sent.</source>
        <translation>Zeigen Sie auf ein Feld, um zu sehen, wie der Server es vergleicht. Leere Felder werden nicht gesendet.</translation>
    </message>
</context>
<context>
    <name>HttpTransport</name>
    <message>
        <source>The server sent no HTTP reply.</source>
        <translation>Der Server hat keine HTTP-Antwort gesendet.</translation>
    </message>
    <message numerus="yes">
        <source>No answer within %n second(s).</source>
        <translation>
            <numerusform>Keine Antwort innerhalb von %n Sekunde.</numerusform>
            <numerusform>Keine Antwort innerhalb von %n Sekunden.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>more than %n MiB</source>
        <translation>
            <numerusform>mehr als %n MiB</numerusform>
            <numerusform>mehr als %n MiB</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The reply was still not complete after %n second(s).</source>
        <translation>
            <numerusform>Die Antwort war nach %n Sekunde noch nicht vollständig.</numerusform>
            <numerusform>Die Antwort war nach %n Sekunden noch nicht vollständig.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JsonFieldReader</name>
    <message>
        <source>“%1” must be text.</source>
        <translation>„%1“ muss Text sein.</translation>
    </message>
    <message>
        <source>“%1” must be true or false.</source>
        <translation>„%1“ muss true oder false sein.</translation>
    </message>
    <message>
        <source>“%1” must be a date and time such as 2026-01-31T23:00:00Z.</source>
        <translation>„%1“ muss ein Datum mit Uhrzeit sein, etwa 2026-01-31T23:00:00Z.</translation>
    </message>
    <message>
        <source>“%1” must be a date and time with its zone, such as 2026-01-31T23:00:00Z.</source>
        <translation>„%1“ muss ein Datum mit Uhrzeit und Zone sein, etwa 2026-01-31T23:00:00Z.</translation>
    </message>
    <message>
        <source>“%1” must be an object of texts.</source>
        <translation>„%1“ muss ein Objekt aus Texten sein.</translation>
    </message>
    <message>
        <source>“%1” must be a list of texts.</source>
        <translation>„%1“ muss eine Liste von Texten sein.</translation>
    </message>
    <message>
        <source>“%1” must be a list of [name, value] pairs.</source>
        <translation>„%1“ muss eine Liste von [Name, Wert]-Paaren sein.</translation>
    </message>
    <message>
        <source>“%1” must be an object.</source>
        <translation>„%1“ muss ein Objekt sein.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>CDR Browser</source>
        <translation>CDR Browser</translation>
    </message>
    <message>
        <source>Call detail records</source>
        <translation>Verbindungsdatensätze</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Call details</source>
        <translation>Anrufdetails</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <source>Search with the filters</source>
        <translation>Mit den Filtern suchen</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Abbrechen</translation>
    </message>
    <message>
        <source>Stop loading; the loaded rows stay</source>
        <translation>Laden anhalten; die geladenen Zeilen bleiben erhalten</translation>
    </message>
    <message>
        <source>&amp;Load all</source>
        <translation>Alle &amp;laden</translation>
    </message>
    <message>
        <source>Load every row of the search</source>
        <translation>Alle Zeilen der Suche laden</translation>
    </message>
    <message>
        <source>C&amp;ontinue</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <source>Continue loading from the first missing page</source>
        <translation>Laden ab der ersten fehlenden Seite fortsetzen</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <source>C&amp;olumns…</source>
        <translation>&amp;Spalten…</translation>
    </message>
    <message>
        <source>Show, hide and reorder columns</source>
        <translation>Spalten ein- und ausblenden und anordnen</translation>
    </message>
    <message>
        <source>&amp;Profiles…</source>
        <translation>&amp;Profile…</translation>
    </message>
    <message>
        <source>Add, edit, remove and test account profiles</source>
        <translation>Kontoprofile hinzufügen, bearbeiten, entfernen und testen</translation>
    </message>
    <message>
        <source>Try the &amp;demo</source>
        <translation>&amp;Demo ausprobieren</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Close CDR Browser</source>
        <translation>CDR Browser schließen</translation>
    </message>
    <message>
        <source>&amp;About CDR Browser</source>
        <translation>Ü&amp;ber CDR Browser</translation>
    </message>
    <message>
        <source>What CDR Browser is</source>
        <translation>Informationen über CDR Browser</translation>
    </message>
    <message>
        <source>About CDR Browser</source>
        <translation>Über CDR Browser</translation>
    </message>
    <message>
        <source>&lt;b&gt;CDR Browser %1&lt;/b&gt;&lt;br&gt;Search, inspect and export the call detail records of your telephony provider.</source>
        <translation>&lt;b&gt;CDR Browser %1&lt;/b&gt;&lt;br&gt;Verbindungsdatensätze Ihres Telefonieanbieters durchsuchen, prüfen und exportieren.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Profiles</source>
        <translation>&amp;Profile</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <source>Profile:</source>
        <translation>Profil:</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>The account to search</source>
        <translation>Das zu durchsuchende Konto</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 unter %2</translation>
    </message>
    <message>
        <source>%1 – CDR Browser</source>
        <translation>%1 – CDR Browser</translation>
    </message>
    <message>
        <source>This profile&apos;s provider is not known to this version.</source>
        <translation>Der Anbieter dieses Profils ist dieser Version unbekannt.</translation>
    </message>
    <message>
        <source>Add a profile first.</source>
        <translation>Legen Sie zuerst ein Profil an.</translation>
    </message>
    <message>
        <source>Choose filters on the left, then press Search (F5).</source>
        <translation>Wählen Sie links Filter und klicken Sie dann auf „Suchen“ (F5).</translation>
    </message>
    <message>
        <source>No search yet</source>
        <translation>Noch keine Suche</translation>
    </message>
    <message>
        <source>Browse a simulated account on this computer</source>
        <translation>Ein simuliertes Konto auf diesem Computer durchsuchen</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Copy the selected cells (tab-separated and as a table)</source>
        <translation>Die ausgewählten Zellen kopieren (tabulatorgetrennt und als Tabelle)</translation>
    </message>
    <message>
        <source>Copy with &amp;headers</source>
        <translation>Mit &amp;Spaltenköpfen kopieren</translation>
    </message>
    <message>
        <source>Copy the selected cells with a header row</source>
        <translation>Die ausgewählten Zellen mit einer Kopfzeile kopieren</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>Write rows to a file</source>
        <translation>Zeilen in eine Datei schreiben</translation>
    </message>
</context>
<context>
    <name>MatchingExport</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>The rows were saved, but the description file %1 could not be written: %2</source>
        <translation>Die Zeilen wurden gespeichert, aber die Beschreibungsdatei %1 konnte nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>OneTimeCodePrompt</name>
    <message>
        <source>One-time code</source>
        <translation>Einmalcode</translation>
    </message>
    <message>
        <source>This account signs in with two factors. Enter the one-time code from your authenticator app:</source>
        <translation>Dieses Konto meldet sich mit zwei Faktoren an. Geben Sie den Einmalcode aus Ihrer Authenticator-App ein:</translation>
    </message>
</context>
<context>
    <name>PlivoHangupCodes</name>
    <message>
        <source>from the carrier</source>
        <translation>vom Carrier</translation>
    </message>
    <message>
        <source>from the user</source>
        <translation>vom Benutzer</translation>
    </message>
    <message>
        <source>PBX authentication</source>
        <translation>PBX-Authentifizierung</translation>
    </message>
    <message>
        <source>Zentrunk</source>
        <translation>Zentrunk</translation>
    </message>
    <message>
        <source>carrier</source>
        <translation>Carrier</translation>
    </message>
    <message>
        <source>customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Zentrunk authentication</source>
        <translation>Zentrunk-Authentifizierung</translation>
    </message>
    <message>
        <source>4xx</source>
        <translation>4xx</translation>
    </message>
    <message>
        <source>5xx/6xx</source>
        <translation>5xx/6xx</translation>
    </message>
    <message>
        <source>PBX</source>
        <translation>PBX</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation>Authentifizierung</translation>
    </message>
    <message>
        <source>Routing</source>
        <translation>Routing</translation>
    </message>
    <message>
        <source>Caller ID</source>
        <translation>Anrufer-ID</translation>
    </message>
    <message>
        <source>Format and media</source>
        <translation>Format und Medien</translation>
    </message>
    <message>
        <source>URI and availability</source>
        <translation>URI und Erreichbarkeit</translation>
    </message>
    <message>
        <source>Call state</source>
        <translation>Anrufstatus</translation>
    </message>
    <message>
        <source>Geo and number restrictions</source>
        <translation>Länder- und Rufnummernsperren</translation>
    </message>
    <message>
        <source>SDP and codecs</source>
        <translation>SDP und Codecs</translation>
    </message>
    <message>
        <source>Server and capacity</source>
        <translation>Server und Kapazität</translation>
    </message>
    <message>
        <source>Mid-call</source>
        <translation>Während des Gesprächs</translation>
    </message>
    <message>
        <source>Global</source>
        <translation>Global</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 %2 (%3)</source>
        <translation>%1 %2 (%3)</translation>
    </message>
</context>
<context>
    <name>PlivoJson</name>
    <message>
        <source>the reply nests deeper than %1 levels</source>
        <translation>die Antwort ist tiefer als %1 Ebenen verschachtelt</translation>
    </message>
    <message>
        <source>invalid JSON at line %1, column %2: %3</source>
        <translation>ungültiges JSON in Zeile %1, Spalte %2: %3</translation>
    </message>
    <message>
        <source>invalid JSON at line %1, column %2, at “%3”: %4</source>
        <translation>ungültiges JSON in Zeile %1, Spalte %2, bei „%3“: %4</translation>
    </message>
</context>
<context>
    <name>PlivoParser</name>
    <message>
        <source>the reply is not a JSON object</source>
        <translation>die Antwort ist kein JSON-Objekt</translation>
    </message>
    <message>
        <source>the reply has no “objects” list</source>
        <translation>der Antwort fehlt die Liste „objects“</translation>
    </message>
    <message>
        <source>the reply has no “meta” object</source>
        <translation>der Antwort fehlt das Objekt „meta“</translation>
    </message>
    <message>
        <source>the reply&apos;s “meta” has no valid “total_count”</source>
        <translation>„meta“ in der Antwort hat kein gültiges „total_count“</translation>
    </message>
    <message>
        <source>entry %1 of “objects” is not a call object</source>
        <translation>Eintrag %1 von „objects“ ist kein Anrufobjekt</translation>
    </message>
    <message>
        <source>the reply holds no call (no “call_uuid”)</source>
        <translation>die Antwort enthält keinen Anruf (kein „call_uuid“)</translation>
    </message>
</context>
<context>
    <name>PlivoProvider</name>
    <message>
        <source>Auth ID</source>
        <translation>Auth-ID</translation>
    </message>
    <message>
        <source>Auth token</source>
        <translation>Auth-Token</translation>
    </message>
    <message>
        <source>From number</source>
        <translation>Anrufernummer</translation>
    </message>
    <message>
        <source>The exact number or its beginning (prefix), e.g. +1202 or +12025551111</source>
        <translation>Die genaue Nummer oder ihr Anfang (Präfix), z. B. +1202 oder +12025551111</translation>
    </message>
    <message>
        <source>To number</source>
        <translation>Zielnummer</translation>
    </message>
    <message>
        <source>The exact number or its beginning (prefix), e.g. +1312 or +13125550100</source>
        <translation>Die genaue Nummer oder ihr Anfang (Präfix), z. B. +1312 oder +13125550100</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <source>Inbound calls came in through the trunk; outbound calls left through it</source>
        <translation>Eingehende Anrufe kamen über den Trunk herein, ausgehende gingen über ihn hinaus</translation>
    </message>
    <message>
        <source>Inbound</source>
        <translation>Eingehend</translation>
    </message>
    <message>
        <source>Outbound</source>
        <translation>Ausgehend</translation>
    </message>
    <message>
        <source>Billed at least (s)</source>
        <translation>Abgerechnet ab (s)</translation>
    </message>
    <message>
        <source>Only calls billed for this many seconds or more</source>
        <translation>Nur Anrufe, für die mindestens so viele Sekunden abgerechnet wurden</translation>
    </message>
    <message>
        <source>Billed at most (s)</source>
        <translation>Abgerechnet bis (s)</translation>
    </message>
    <message>
        <source>Only calls billed for this many seconds or fewer</source>
        <translation>Nur Anrufe, für die höchstens so viele Sekunden abgerechnet wurden</translation>
    </message>
    <message>
        <source>Hangup cause</source>
        <translation>Auflegegrund</translation>
    </message>
    <message>
        <source>Zentrunk&apos;s own hangup codes (they differ from the Voice API&apos;s)</source>
        <translation>Die eigenen Auflegecodes von Zentrunk (sie unterscheiden sich von denen der Voice API)</translation>
    </message>
    <message>
        <source>Hangup source</source>
        <translation>Aufgelegt von</translation>
    </message>
    <message>
        <source>Who ended the call</source>
        <translation>Wer den Anruf beendet hat</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>Carrier</translation>
    </message>
    <message>
        <source>Zentrunk</source>
        <translation>Zentrunk</translation>
    </message>
    <message>
        <source>STIR verification</source>
        <translation>STIR-Verifizierung</translation>
    </message>
    <message>
        <source>Verified: attestation A; Not Verified: B or C; Not Applicable: non-US calls, WebRTC or SIP</source>
        <translation>Verifiziert: Attestierung A; Nicht verifiziert: B oder C; Nicht anwendbar: Anrufe außerhalb der USA, WebRTC oder SIP</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Verifiziert</translation>
    </message>
    <message>
        <source>Not Verified</source>
        <translation>Nicht verifiziert</translation>
    </message>
    <message>
        <source>Not Applicable</source>
        <translation>Nicht anwendbar</translation>
    </message>
    <message>
        <source>End time</source>
        <translation>Endzeit</translation>
    </message>
    <message>
        <source>Enter digits only, with an optional leading &apos;+&apos; (no spaces, dashes or letters), e.g. +12025551111 or the prefix +1202.</source>
        <translation>Nur Ziffern eingeben, optional mit führendem „+“ (keine Leerzeichen, Bindestriche oder Buchstaben), z. B. +12025551111 oder das Präfix +1202.</translation>
    </message>
    <message>
        <source>“Billed at most” is below “Billed at least”, so no call can match: raise it or lower the other.</source>
        <translation>„Abgerechnet bis“ liegt unter „Abgerechnet ab“, daher kann kein Anruf passen: Erhöhen Sie den einen Wert oder senken Sie den anderen.</translation>
    </message>
    <message>
        <source>The start is in the future, when no call has ended yet: choose a start before now.</source>
        <translation>Der Beginn liegt in der Zukunft, in der noch kein Anruf beendet ist: Wählen Sie einen Beginn vor dem jetzigen Zeitpunkt.</translation>
    </message>
    <message>
        <source>Plivo keeps only the last 90 days: choose a start at or after %1 UTC.</source>
        <translation>Plivo speichert nur die letzten 90 Tage: Wählen Sie einen Beginn ab %1 UTC.</translation>
    </message>
    <message>
        <source>With no start given the search covers the 30 days before its end, which reaches back beyond the last 90 days Plivo keeps: choose a start at or after %1 UTC, or a later end.</source>
        <translation>Ohne Beginn umfasst die Suche die 30 Tage vor ihrem Ende und reicht damit weiter zurück als die letzten 90 Tage, die Plivo speichert: Wählen Sie einen Beginn ab %1 UTC oder ein späteres Ende.</translation>
    </message>
    <message>
        <source>The range is longer than the 90 days Plivo accepts in one search: choose a start at or after %1 UTC, or an earlier end.</source>
        <translation>Der Zeitraum ist länger als die 90 Tage, die Plivo in einer Suche annimmt: Wählen Sie einen Beginn ab %1 UTC oder ein früheres Ende.</translation>
    </message>
    <message>
        <source>%1: not in Zentrunk&apos;s hangup-code table</source>
        <translation>%1: nicht in der Auflegecode-Tabelle von Zentrunk</translation>
    </message>
    <message>
        <source>%1: %2 — %3</source>
        <translation>%1: %2 — %3</translation>
    </message>
    <message>
        <source>%1: %2 — %3 (%4)</source>
        <translation>%1: %2 — %3 (%4)</translation>
    </message>
    <message>
        <source>(the reply names it “%1”; the code is what counts)</source>
        <translation>(die Antwort nennt ihn „%1“; maßgeblich ist der Code)</translation>
    </message>
    <message>
        <source>customer: your side of the trunk (your PBX or SIP endpoint) ended the call</source>
        <translation>customer: Ihre Seite des Trunks (Ihre PBX oder Ihr SIP-Endpunkt) hat den Anruf beendet</translation>
    </message>
    <message>
        <source>carrier: the carrier&apos;s side ended the call</source>
        <translation>carrier: Die Seite des Carriers hat den Anruf beendet</translation>
    </message>
    <message>
        <source>zentrunk: Plivo&apos;s trunk itself ended the call</source>
        <translation>zentrunk: Der Trunk von Plivo selbst hat den Anruf beendet</translation>
    </message>
    <message>
        <source>%1: the caller ID carried full attestation (A)</source>
        <translation>%1: Die Anrufer-ID trug eine vollständige Attestierung (A)</translation>
    </message>
    <message>
        <source>%1: the caller ID carried partial (B) or gateway (C) attestation</source>
        <translation>%1: Die Anrufer-ID trug eine teilweise (B) oder Gateway-Attestierung (C)</translation>
    </message>
    <message>
        <source>%1: STIR/SHAKEN does not apply (a non-US call, or WebRTC/SIP)</source>
        <translation>%1: STIR/SHAKEN gilt hier nicht (Anruf außerhalb der USA oder WebRTC/SIP)</translation>
    </message>
    <message>
        <source>A: full attestation — the carrier knows the caller and that they may use this number</source>
        <translation>A: vollständige Attestierung – der Carrier kennt den Anrufer und weiß, dass er diese Nummer verwenden darf</translation>
    </message>
    <message>
        <source>B: partial attestation — the carrier knows the caller but not that they may use this number</source>
        <translation>B: teilweise Attestierung – der Carrier kennt den Anrufer, weiß aber nicht, ob er diese Nummer verwenden darf</translation>
    </message>
    <message>
        <source>C: gateway attestation — the carrier only knows where the call entered its network</source>
        <translation>C: Gateway-Attestierung – der Carrier weiß nur, wo der Anruf in sein Netz gelangt ist</translation>
    </message>
    <message>
        <source>No attestation was recorded for this call</source>
        <translation>Für diesen Anruf wurde keine Attestierung erfasst</translation>
    </message>
    <message>
        <source>auth token</source>
        <comment>inside a sentence</comment>
        <translation>Auth-Token</translation>
    </message>
</context>
<context>
    <name>PortSipFilters</name>
    <message>
        <source>equals</source>
        <translation>ist gleich</translation>
    </message>
    <message>
        <source>starts with</source>
        <translation>beginnt mit</translation>
    </message>
    <message>
        <source>contains</source>
        <translation>enthält</translation>
    </message>
    <message>
        <source>ends with</source>
        <translation>endet mit</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>Anrufer</translation>
    </message>
    <message>
        <source>The calling number or extension, matched as chosen below</source>
        <translation>Die anrufende Nummer oder Nebenstelle, verglichen wie unten gewählt</translation>
    </message>
    <message>
        <source>Caller match</source>
        <translation>Vergleich Anrufer</translation>
    </message>
    <message>
        <source>How the caller is matched</source>
        <translation>Wie der Anrufer verglichen wird</translation>
    </message>
    <message>
        <source>Callee</source>
        <translation>Angerufener</translation>
    </message>
    <message>
        <source>The called number or extension, matched as chosen below</source>
        <translation>Die angerufene Nummer oder Nebenstelle, verglichen wie unten gewählt</translation>
    </message>
    <message>
        <source>Callee match</source>
        <translation>Vergleich Angerufener</translation>
    </message>
    <message>
        <source>How the callee is matched</source>
        <translation>Wie der Angerufene verglichen wird</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <source>Inbound calls came in through a trunk, outbound calls left through one, internal calls stayed on the PBX</source>
        <translation>Eingehende Anrufe kamen über einen Trunk herein, ausgehende gingen über einen hinaus, interne blieben in der PBX</translation>
    </message>
    <message>
        <source>End reason</source>
        <translation>Beendigungsgrund</translation>
    </message>
    <message>
        <source>How the call ended</source>
        <translation>Wie der Anruf endete</translation>
    </message>
    <message>
        <source>SIP status code</source>
        <translation>SIP-Statuscode</translation>
    </message>
    <message>
        <source>The SIP code a failed call ended with, e.g. 486 busy or 404 not found; 0 = no error</source>
        <translation>Der SIP-Code, mit dem ein fehlgeschlagener Anruf endete, z. B. 486 besetzt oder 404 nicht gefunden; 0 = kein Fehler</translation>
    </message>
    <message>
        <source>Trunk</source>
        <translation>Trunk</translation>
    </message>
    <message>
        <source>The trunk&apos;s name, exactly</source>
        <translation>Der Name des Trunks, genau verglichen</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Where the call was finally sent, exactly</source>
        <translation>Wohin der Anruf schließlich ging, genau verglichen</translation>
    </message>
    <message>
        <source>DID</source>
        <translation>DID</translation>
    </message>
    <message>
        <source>The number dialled in on (DID), exactly</source>
        <translation>Die Nummer, über die der Anruf hereinkam (DID), genau verglichen</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suchbegriff</translation>
    </message>
    <message>
        <source>Free text the server looks for in the calls&apos; fields</source>
        <translation>Freier Text, den der Server in den Feldern der Anrufe sucht</translation>
    </message>
    <message>
        <source>Remove the line breaks, tabs or other control characters from this value.</source>
        <translation>Entfernen Sie Zeilenumbrüche, Tabulatoren und andere Steuerzeichen aus diesem Wert.</translation>
    </message>
    <message>
        <source>Enter 0 (no error) or a SIP status code from 100 to 699.</source>
        <translation>Geben Sie 0 (kein Fehler) oder einen SIP-Statuscode von 100 bis 699 ein.</translation>
    </message>
    <message>
        <source>“%1” is set by the paging itself; remove it.</source>
        <translation>„%1“ wird beim seitenweisen Laden selbst gesetzt; entfernen Sie den Parameter.</translation>
    </message>
    <message>
        <source>Remove the line breaks, tabs or other control characters from the filter.</source>
        <translation>Entfernen Sie Zeilenumbrüche, Tabulatoren und andere Steuerzeichen aus dem Filter.</translation>
    </message>
    <message>
        <source>The filter has an unclosed quote or unbalanced parentheses. It is added to the search&apos;s own conditions with “and”, so it must be complete on its own; write a quote inside a value as &apos;&apos;.</source>
        <translation>Der Filter enthält ein nicht geschlossenes Anführungszeichen oder unausgeglichene Klammern. Er wird mit „and“ an die Bedingungen der Suche angehängt und muss daher für sich allein vollständig sein; schreiben Sie ein Anführungszeichen innerhalb eines Werts als &apos;&apos;.</translation>
    </message>
</context>
<context>
    <name>PortSipJson</name>
    <message>
        <source>the reply nests deeper than %1 levels</source>
        <translation>die Antwort ist tiefer als %1 Ebenen verschachtelt</translation>
    </message>
    <message>
        <source>invalid JSON at byte %1: %2</source>
        <translation>ungültiges JSON bei Byte %1: %2</translation>
    </message>
    <message>
        <source>the reply is not a JSON object</source>
        <translation>die Antwort ist kein JSON-Objekt</translation>
    </message>
</context>
<context>
    <name>PortSipParser</name>
    <message>
        <source>PortSIP error VALIDATE_FAILED: the server refused a value in the request</source>
        <translation>PortSIP-Fehler VALIDATE_FAILED: Der Server hat einen Wert in der Anfrage abgelehnt</translation>
    </message>
    <message>
        <source>PortSIP error UNAUTHORIZED: the sign-in or its token was not accepted</source>
        <translation>PortSIP-Fehler UNAUTHORIZED: Die Anmeldung oder ihr Token wurde nicht akzeptiert</translation>
    </message>
    <message>
        <source>PortSIP error UNKNOWN: the server did not say what kind of error</source>
        <translation>PortSIP-Fehler UNKNOWN: Der Server hat nicht angegeben, welche Art von Fehler vorliegt</translation>
    </message>
    <message>
        <source>PortSIP error %1, a code this app does not know (read as UNKNOWN)</source>
        <translation>PortSIP-Fehler %1, ein Code, den diese Anwendung nicht kennt (als UNKNOWN behandelt)</translation>
    </message>
    <message>
        <source>the reply has no “items” list</source>
        <translation>die Antwort hat keine „items“-Liste</translation>
    </message>
    <message>
        <source>entry %1 of “items” is not a call object</source>
        <translation>Eintrag %1 von „items“ ist kein Anrufobjekt</translation>
    </message>
    <message>
        <source>the reply holds no call</source>
        <translation>die Antwort enthält keinen Anruf</translation>
    </message>
    <message>
        <source>the sign-in reply holds no access token</source>
        <translation>die Antwort auf die Anmeldung enthält kein Zugriffstoken</translation>
    </message>
</context>
<context>
    <name>PortSipProvider</name>
    <message>
        <source>Username</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Kennwort</translation>
    </message>
    <message>
        <source>Tenant SIP domain</source>
        <translation>SIP-Domain des Mandanten</translation>
    </message>
    <message>
        <source>The tenant&apos;s SIP domain, needed by tenant users of a multi-tenant PBX; leave it empty otherwise</source>
        <translation>Die SIP-Domain des Mandanten; nötig für Benutzer eines Mandanten auf einer mandantenfähigen PBX, sonst leer lassen</translation>
    </message>
    <message>
        <source>optional, e.g. sip.example.com</source>
        <translation>optional, z. B. sip.example.com</translation>
    </message>
    <message>
        <source>Count “skip” from 1</source>
        <translation>„skip“ ab 1 zählen</translation>
    </message>
    <message>
        <source>Some servers count skip from 1 rather than 0 (PortSIP&apos;s documentation says both). Tick this if the first call of every page after the first is missing or repeated.</source>
        <translation>Manche Server zählen skip ab 1 statt ab 0 (die Dokumentation von PortSIP nennt beides). Aktivieren Sie dies, wenn ab der zweiten Seite auf jeder Seite der erste Anruf fehlt oder doppelt erscheint.</translation>
    </message>
    <message>
        <source>OData parameter names ($filter, $top…)</source>
        <translation>OData-Parameternamen ($filter, $top…)</translation>
    </message>
    <message>
        <source>Send $filter, $top, $skip, $orderby and $count instead of the plain names, for servers that want them in OData style</source>
        <translation>$filter, $top, $skip, $orderby und $count statt der einfachen Namen senden, für Server, die sie im OData-Stil erwarten</translation>
    </message>
    <message>
        <source>Rate limit (requests a minute)</source>
        <translation>Anfragelimit (Anfragen pro Minute)</translation>
    </message>
    <message>
        <source>How many API requests a minute the server allows (access_limit in its system.ini). Empty: %1, the lowest PortSIP ships with.</source>
        <translation>Wie viele API-Anfragen pro Minute der Server zulässt (access_limit in seiner system.ini). Leer: %1, der niedrigste Wert, mit dem PortSIP ausgeliefert wird.</translation>
    </message>
    <message>
        <source>Start time</source>
        <translation>Startzeit</translation>
    </message>
    <message>
        <source>username</source>
        <comment>inside a sentence</comment>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>password</source>
        <comment>inside a sentence</comment>
        <translation>Kennwort</translation>
    </message>
</context>
<context>
    <name>PortSipVocabulary</name>
    <message>
        <source>Inbound</source>
        <translation>Eingehend</translation>
    </message>
    <message>
        <source>a call from outside, through a trunk, to the PBX (inbound)</source>
        <translation>ein Anruf von außen über einen Trunk an die PBX (eingehend)</translation>
    </message>
    <message>
        <source>Outbound</source>
        <translation>Ausgehend</translation>
    </message>
    <message>
        <source>a call from the PBX out through a trunk (outbound)</source>
        <translation>ein Anruf von der PBX über einen Trunk nach außen (ausgehend)</translation>
    </message>
    <message>
        <source>Internal (extension to extension)</source>
        <translation>Intern (Nebenstelle zu Nebenstelle)</translation>
    </message>
    <message>
        <source>a call between two extensions of the PBX (internal)</source>
        <translation>ein Anruf zwischen zwei Nebenstellen der PBX (intern)</translation>
    </message>
    <message>
        <source>Inbound forwarded out</source>
        <translation>Eingehend, nach außen weitergeleitet</translation>
    </message>
    <message>
        <source>an inbound call the PBX sent out again through a trunk, e.g. forwarded to a mobile (read from PortSIP&apos;s webhook “in2out”; the API does not say)</source>
        <translation>ein eingehender Anruf, den die PBX über einen Trunk wieder nach außen geschickt hat, z. B. an ein Mobiltelefon weitergeleitet (abgeleitet aus „in2out“ im Webhook von PortSIP; die API sagt dazu nichts)</translation>
    </message>
    <message>
        <source>Caller hung up</source>
        <translation>Anrufer hat aufgelegt</translation>
    </message>
    <message>
        <source>the caller ended the call</source>
        <translation>der Anrufer hat den Anruf beendet</translation>
    </message>
    <message>
        <source>Callee hung up</source>
        <translation>Angerufener hat aufgelegt</translation>
    </message>
    <message>
        <source>the called party ended the call</source>
        <translation>der Angerufene hat den Anruf beendet</translation>
    </message>
    <message>
        <source>Blind transfer</source>
        <translation>Vermittlung ohne Rückfrage</translation>
    </message>
    <message>
        <source>the call was transferred without announcing it first (blind transfer)</source>
        <translation>der Anruf wurde ohne vorherige Ankündigung weitervermittelt (Blind Transfer)</translation>
    </message>
    <message>
        <source>Consulted transfer</source>
        <translation>Vermittlung mit Rückfrage</translation>
    </message>
    <message>
        <source>the call was transferred after speaking to the new party first (attended transfer)</source>
        <translation>der Anruf wurde weitervermittelt, nachdem zuvor mit dem neuen Teilnehmer gesprochen wurde (Attended Transfer)</translation>
    </message>
    <message>
        <source>Replaced</source>
        <translation>Ersetzt</translation>
    </message>
    <message>
        <source>another call took this call&apos;s place (e.g. call pickup)</source>
        <translation>ein anderer Anruf hat den Platz dieses Anrufs eingenommen (z. B. Anrufübernahme)</translation>
    </message>
    <message>
        <source>Referred</source>
        <translation>Übergeben</translation>
    </message>
    <message>
        <source>the call was handed on to another party (SIP REFER)</source>
        <translation>der Anruf wurde an einen anderen Teilnehmer übergeben (SIP REFER)</translation>
    </message>
    <message>
        <source>Redirected</source>
        <translation>Umgeleitet</translation>
    </message>
    <message>
        <source>the call was redirected to another destination</source>
        <translation>der Anruf wurde zu einem anderen Ziel umgeleitet</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>the caller gave up before the call was answered</source>
        <translation>der Anrufer hat aufgelegt, bevor der Anruf angenommen wurde</translation>
    </message>
    <message>
        <source>the caller ended the call (a spelling PortSIP&apos;s own examples use)</source>
        <translation>der Anrufer hat den Anruf beendet (eine Schreibweise aus den Beispielen von PortSIP)</translation>
    </message>
    <message>
        <source>the call was rerouted by a transfer</source>
        <translation>der Anruf wurde durch eine Weitervermittlung umgeleitet</translation>
    </message>
    <message>
        <source>the call overflowed to another destination (e.g. a full or unanswered queue)</source>
        <translation>der Anruf ist zu einem anderen Ziel übergelaufen (z. B. bei einer vollen oder unbeantworteten Warteschlange)</translation>
    </message>
    <message>
        <source>the call was rerouted because a capacity limit was reached</source>
        <translation>der Anruf wurde umgeleitet, weil eine Kapazitätsgrenze erreicht war</translation>
    </message>
    <message>
        <source>the caller left a queue and was routed on</source>
        <translation>der Anrufer hat eine Warteschlange verlassen und wurde weitergeleitet</translation>
    </message>
    <message>
        <source>the call was given up while waiting in a queue</source>
        <translation>der Anruf wurde beim Warten in einer Warteschlange aufgegeben</translation>
    </message>
    <message>
        <source>the call was redirected</source>
        <translation>der Anruf wurde umgeleitet</translation>
    </message>
    <message>
        <source>forwarded: the extension forwards all calls</source>
        <translation>weitergeleitet: die Nebenstelle leitet alle Anrufe weiter</translation>
    </message>
    <message>
        <source>forwarded: the extension was busy</source>
        <translation>weitergeleitet: die Nebenstelle war besetzt</translation>
    </message>
    <message>
        <source>forwarded: nobody answered</source>
        <translation>weitergeleitet: niemand hat sich gemeldet</translation>
    </message>
    <message>
        <source>forwarded: the extension was not reachable (e.g. not registered)</source>
        <translation>weitergeleitet: die Nebenstelle war nicht erreichbar (z. B. nicht registriert)</translation>
    </message>
    <message>
        <source>forwarded by an exception rule of the extension</source>
        <translation>weitergeleitet durch eine Ausnahmeregel der Nebenstelle</translation>
    </message>
    <message>
        <source>forwarded: the user&apos;s status is “lunch”</source>
        <translation>weitergeleitet: der Status des Benutzers ist „Mittagspause“</translation>
    </message>
    <message>
        <source>forwarded: the user&apos;s status is “business trip”</source>
        <translation>weitergeleitet: der Status des Benutzers ist „Geschäftsreise“</translation>
    </message>
    <message>
        <source>forwarded: the user&apos;s status is “away”</source>
        <translation>weitergeleitet: der Status des Benutzers ist „Abwesend“</translation>
    </message>
    <message>
        <source>forwarded: night mode was on</source>
        <translation>weitergeleitet: der Nachtmodus war aktiv</translation>
    </message>
    <message>
        <source>a value this version of the app does not know; shown as the server sent it</source>
        <translation>ein Wert, den diese Version nicht kennt; so angezeigt, wie der Server ihn gesendet hat</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: not a SIP status code</source>
        <translation>%1: kein SIP-Statuscode</translation>
    </message>
    <message>
        <source>no error: the call did not fail</source>
        <translation>kein Fehler: der Anruf ist nicht fehlgeschlagen</translation>
    </message>
    <message>
        <source>Bad Request: a SIP message was malformed</source>
        <translation>Bad Request: eine SIP-Nachricht war fehlerhaft</translation>
    </message>
    <message>
        <source>Unauthorized: the other side asked for authentication</source>
        <translation>Unauthorized: die Gegenseite hat eine Authentifizierung verlangt</translation>
    </message>
    <message>
        <source>Payment Required</source>
        <translation>Payment Required: Zahlung erforderlich</translation>
    </message>
    <message>
        <source>Forbidden: the call was refused</source>
        <translation>Forbidden: der Anruf wurde abgewiesen</translation>
    </message>
    <message>
        <source>Not Found: the number or user does not exist</source>
        <translation>Not Found: die Nummer oder der Benutzer existiert nicht</translation>
    </message>
    <message>
        <source>Method Not Allowed</source>
        <translation>Method Not Allowed: Methode nicht erlaubt</translation>
    </message>
    <message>
        <source>Proxy Authentication Required: the trunk or proxy asked for credentials</source>
        <translation>Proxy Authentication Required: der Trunk oder Proxy hat Zugangsdaten verlangt</translation>
    </message>
    <message>
        <source>Request Timeout: no answer in time</source>
        <translation>Request Timeout: keine rechtzeitige Antwort</translation>
    </message>
    <message>
        <source>Gone: the number is no longer in service</source>
        <translation>Gone: die Nummer ist nicht mehr in Betrieb</translation>
    </message>
    <message>
        <source>Unsupported Media Type</source>
        <translation>Unsupported Media Type: Medientyp nicht unterstützt</translation>
    </message>
    <message>
        <source>Temporarily Unavailable: the callee could not be reached just then (e.g. not registered)</source>
        <translation>Temporarily Unavailable: der Angerufene war in dem Moment nicht erreichbar (z. B. nicht registriert)</translation>
    </message>
    <message>
        <source>Call Does Not Exist: the other side no longer knew the call</source>
        <translation>Call Does Not Exist: die Gegenseite kannte den Anruf nicht mehr</translation>
    </message>
    <message>
        <source>Loop Detected</source>
        <translation>Loop Detected: Schleife erkannt</translation>
    </message>
    <message>
        <source>Too Many Hops</source>
        <translation>Too Many Hops: zu viele Zwischenstationen</translation>
    </message>
    <message>
        <source>Address Incomplete: the number dialled was too short</source>
        <translation>Address Incomplete: die gewählte Nummer war zu kurz</translation>
    </message>
    <message>
        <source>Busy Here: the callee was busy</source>
        <translation>Busy Here: der Angerufene war besetzt</translation>
    </message>
    <message>
        <source>Request Terminated: the call was cancelled before it was answered</source>
        <translation>Request Terminated: der Anruf wurde abgebrochen, bevor er angenommen wurde</translation>
    </message>
    <message>
        <source>Not Acceptable Here: no common codec or media settings</source>
        <translation>Not Acceptable Here: keine gemeinsamen Codecs oder Medieneinstellungen</translation>
    </message>
    <message>
        <source>Server Internal Error</source>
        <translation>Server Internal Error: interner Serverfehler</translation>
    </message>
    <message>
        <source>Not Implemented</source>
        <translation>Not Implemented: nicht implementiert</translation>
    </message>
    <message>
        <source>Bad Gateway: a server or trunk further on failed</source>
        <translation>Bad Gateway: ein nachgelagerter Server oder Trunk hat versagt</translation>
    </message>
    <message>
        <source>Service Unavailable: a server or trunk was down or overloaded</source>
        <translation>Service Unavailable: ein Server oder Trunk war ausgefallen oder überlastet</translation>
    </message>
    <message>
        <source>Server Time-out: a server further on did not answer in time</source>
        <translation>Server Time-out: ein nachgelagerter Server hat nicht rechtzeitig geantwortet</translation>
    </message>
    <message>
        <source>Busy Everywhere</source>
        <translation>Busy Everywhere: überall besetzt</translation>
    </message>
    <message>
        <source>Decline: the callee refused the call</source>
        <translation>Decline: der Angerufene hat den Anruf abgelehnt</translation>
    </message>
    <message>
        <source>Does Not Exist Anywhere</source>
        <translation>Does Not Exist Anywhere: der Angerufene existiert nirgends</translation>
    </message>
    <message>
        <source>Not Acceptable: the callee cannot take this kind of call</source>
        <translation>Not Acceptable: der Angerufene kann diese Art von Anruf nicht annehmen</translation>
    </message>
    <message>
        <source>a provisional SIP response</source>
        <translation>eine vorläufige SIP-Antwort</translation>
    </message>
    <message>
        <source>a SIP success response</source>
        <translation>eine SIP-Erfolgsantwort</translation>
    </message>
    <message>
        <source>a SIP redirection</source>
        <translation>eine SIP-Umleitung</translation>
    </message>
    <message>
        <source>a SIP request failure</source>
        <translation>ein SIP-Anfragefehler</translation>
    </message>
    <message>
        <source>a SIP server failure</source>
        <translation>ein SIP-Serverfehler</translation>
    </message>
    <message>
        <source>a SIP global failure</source>
        <translation>ein globaler SIP-Fehler</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>Add a profile</source>
        <translation>Profil hinzufügen</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>&amp;Duplizieren</translation>
    </message>
    <message>
        <source>Duplicate the profile</source>
        <translation>Profil duplizieren</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Entfernen…</translation>
    </message>
    <message>
        <source>Remove the profile</source>
        <translation>Profil entfernen</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <source>Connection test result</source>
        <translation>Ergebnis des Verbindungstests</translation>
    </message>
    <message>
        <source>Save status</source>
        <translation>Speicherstatus</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>Testing the connection</source>
        <translation>Verbindung wird getestet</translation>
    </message>
    <message>
        <source>Save the profile</source>
        <translation>Profil speichern</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Test cancelled.</source>
        <translation>Test abgebrochen.</translation>
    </message>
    <message>
        <source>New profile</source>
        <translation>Neues Profil</translation>
    </message>
    <message>
        <source>The secret of this profile is stored unencrypted in the settings file.</source>
        <translation>Das Kennwort dieses Profils ist unverschlüsselt in der Einstellungsdatei gespeichert.</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (Kopie)</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Remove profile</source>
        <translation>Profil entfernen</translation>
    </message>
    <message>
        <source>Remove the profile “%1”?</source>
        <translation>Das Profil „%1“ entfernen?</translation>
    </message>
    <message>
        <source>Its stored %1 is deleted as well. This cannot be undone.</source>
        <translation>Das gespeicherte Kennwort (%1) wird ebenfalls gelöscht. Dies kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>The new profile is not saved.</source>
        <translation>Das neue Profil ist nicht gespeichert.</translation>
    </message>
    <message>
        <source>The profile “%1” has unsaved changes.</source>
        <translation>Das Profil „%1“ hat ungespeicherte Änderungen.</translation>
    </message>
    <message>
        <source>Save them before going on?</source>
        <translation>Vor dem Fortfahren speichern?</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <source>Saved. Storing the %1…</source>
        <translation>Gespeichert. %1 wird abgelegt…</translation>
    </message>
    <message>
        <source>Saved. Moving the %1 into the keychain…</source>
        <translation>Gespeichert. %1 wird in den Schlüsselbund verschoben…</translation>
    </message>
    <message>
        <source>Saved. The unencrypted %1 was deleted from the settings file.</source>
        <translation>Gespeichert. Die unverschlüsselte Kopie (%1) wurde aus der Einstellungsdatei gelöscht.</translation>
    </message>
    <message>
        <source>Saved. Enter the %1 to store it.</source>
        <translation>Gespeichert. Zum Ablegen bitte %1 eingeben.</translation>
    </message>
    <message>
        <source>Saved. The %1 is in the keychain.</source>
        <translation>Gespeichert. %1 liegt im Schlüsselbund.</translation>
    </message>
    <message>
        <source>Saved. No keychain is available: the %1 is kept until CDR Browser closes and will be asked for again next time.</source>
        <translation>Gespeichert. Kein Schlüsselbund verfügbar: %1 bleibt nur bis zum Beenden von CDR Browser erhalten und wird beim nächsten Mal erneut abgefragt.</translation>
    </message>
    <message>
        <source>Saved. The %1 is stored UNENCRYPTED in the settings file.</source>
        <translation>Gespeichert. %1 ist UNVERSCHLÜSSELT in der Einstellungsdatei gespeichert.</translation>
    </message>
    <message>
        <source>Enter the %1 to test the connection.</source>
        <translation>Bitte %1 eingeben, um die Verbindung zu testen.</translation>
    </message>
    <message>
        <source>Reading the stored %1…</source>
        <translation>%1 wird aus dem Speicher gelesen…</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbindung zu %1 wird hergestellt…</translation>
    </message>
    <message>
        <source>&amp;Cancel test</source>
        <translation>Tes&amp;t abbrechen</translation>
    </message>
    <message>
        <source>Cancel the connection test</source>
        <translation>Verbindungstest abbrechen</translation>
    </message>
</context>
<context>
    <name>ProfileEditor</name>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Profile name</source>
        <translation>Profilname</translation>
    </message>
    <message>
        <source>e.g. Acme Plivo</source>
        <translation>z. B. Acme Plivo</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>&amp;Provider:</source>
        <translation>&amp;Anbieter:</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>Basis-URL</translation>
    </message>
    <message>
        <source>&amp;Base URL:</source>
        <translation>&amp;Basis-URL:</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Show the secret</source>
        <translation>Kennwort anzeigen</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Verbergen</translation>
    </message>
    <message>
        <source>Hide the secret</source>
        <translation>Kennwort verbergen</translation>
    </message>
    <message>
        <source>Keychain status</source>
        <translation>Schlüsselbund-Status</translation>
    </message>
    <message>
        <source>Warning: the secret is stored unencrypted</source>
        <translation>Warnung: Das Kennwort wird unverschlüsselt gespeichert</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>Kennwort</translation>
    </message>
    <message>
        <source>Enter an address that starts with https:// (or http://) and names a host, e.g. %1.</source>
        <translation>Geben Sie eine Adresse ein, die mit https:// (oder http://) beginnt und einen Host nennt, z. B. %1.</translation>
    </message>
    <message>
        <source>Leave credentials out of the address; the fields below hold them.</source>
        <translation>Keine Zugangsdaten in die Adresse schreiben; dafür sind die Felder unten da.</translation>
    </message>
    <message>
        <source>The address must not contain “?” or “#”.</source>
        <translation>Die Adresse darf kein „?“ oder „#“ enthalten.</translation>
    </message>
    <message>
        <source>Enter a name for the profile.</source>
        <translation>Geben Sie einen Namen für das Profil ein.</translation>
    </message>
    <message>
        <source>Another profile is already called “%1”.</source>
        <translation>Ein anderes Profil heißt bereits „%1“.</translation>
    </message>
    <message>
        <source>user name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Enter the %1.</source>
        <translation>Bitte %1 eingeben.</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1:</translation>
    </message>
    <message>
        <source>Stored in the keychain when you save.</source>
        <translation>Wird beim Speichern im Schlüsselbund abgelegt.</translation>
    </message>
    <message>
        <source>Kept for this session only, unless stored unencrypted below.</source>
        <translation>Gilt nur für diese Sitzung, außer Sie wählen unten die unverschlüsselte Speicherung.</translation>
    </message>
    <message>
        <source>Leave empty to keep the current %1; type a new one to replace it.</source>
        <translation>Leer lassen, um den aktuellen Wert (%1) zu behalten; zum Ersetzen einen neuen eingeben.</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>unverändert</translation>
    </message>
    <message>
        <source>No keychain answered, so the %1 cannot be stored safely. It will be asked for once each session, unless you choose below to store it unencrypted in the settings file.</source>
        <translation>Kein Schlüsselbund hat geantwortet, daher kann %1 nicht sicher gespeichert werden. Der Wert wird einmal pro Sitzung abgefragt, außer Sie wählen unten, ihn unverschlüsselt in der Einstellungsdatei zu speichern.</translation>
    </message>
    <message>
        <source>The keychain said: %1</source>
        <translation>Meldung des Schlüsselbunds: %1</translation>
    </message>
    <message>
        <source>The %1 of this profile is stored UNENCRYPTED in the settings file %2. Anyone who can read that file can use it.</source>
        <translation>%1 dieses Profils ist UNVERSCHLÜSSELT in der Einstellungsdatei %2 gespeichert. Jeder, der diese Datei lesen kann, kann den Wert verwenden.</translation>
    </message>
    <message>
        <source>A keychain answers now: save the profile to move the %1 into it.</source>
        <translation>Jetzt antwortet ein Schlüsselbund: Speichern Sie das Profil, um %1 dorthin zu verschieben.</translation>
    </message>
    <message>
        <source>Plain http:// sends the %1 unencrypted: anyone on the network path can read it. Use https:// if the server offers it.</source>
        <translation>Über einfaches http:// wird %1 unverschlüsselt gesendet: Jeder auf dem Netzwerkweg kann es mitlesen. Verwenden Sie https://, wenn der Server es anbietet.</translation>
    </message>
    <message>
        <source>Forget</source>
        <translation>Vergessen</translation>
    </message>
    <message>
        <source>Forget the trusted certificate</source>
        <translation>Das vertrauenswürdige Zertifikat vergessen</translation>
    </message>
    <message>
        <source>Store the %1 unencrypted in the settings file (no keychain available)</source>
        <translation>%1 unverschlüsselt in der Einstellungsdatei speichern (kein Schlüsselbund verfügbar)</translation>
    </message>
    <message>
        <source>Store the %1 unencrypted</source>
        <translation>%1 unverschlüsselt speichern</translation>
    </message>
    <message>
        <source>Trusted certificate (SHA-256):</source>
        <translation>Vertrauenswürdiges Zertifikat (SHA-256):</translation>
    </message>
    <message>
        <source>secret</source>
        <comment>inside a sentence</comment>
        <translation>Geheimnis</translation>
    </message>
</context>
<context>
    <name>RecordFetch</name>
    <message>
        <source>The call has no ID to fetch it by.</source>
        <translation>Der Anruf hat keine ID, über die er abgerufen werden könnte.</translation>
    </message>
</context>
<context>
    <name>RecordWriter</name>
    <message>
        <source>The output could not be written.</source>
        <translation>Die Ausgabe konnte nicht geschrieben werden.</translation>
    </message>
</context>
<context>
    <name>RepeatCommandLine</name>
    <message>
        <source>--%1 cannot be combined with --repeat: the export description decides it.</source>
        <translation>--%1 lässt sich nicht mit --repeat kombinieren: Die Exportbeschreibung legt es fest.</translation>
    </message>
    <message>
        <source>--repeat: %1</source>
        <translation>--repeat: %1</translation>
    </message>
    <message>
        <source>the window in the export description (give --since/--until for another)</source>
        <translation>das Zeitfenster in der Exportbeschreibung (geben Sie --since/--until für ein anderes an)</translation>
    </message>
    <message>
        <source>--repeat: the export description names an unknown provider “%1”.</source>
        <translation>--repeat: Die Exportbeschreibung nennt einen unbekannten Anbieter „%1“.</translation>
    </message>
    <message>
        <source>--repeat: the export description&apos;s base URL must be an http or https URL with a host and without credentials.</source>
        <translation>--repeat: Die Basis-URL der Exportbeschreibung muss eine http- oder https-URL mit Host und ohne Zugangsdaten sein.</translation>
    </message>
    <message>
        <source>--repeat: the export description names no user.</source>
        <translation>--repeat: Die Exportbeschreibung nennt keinen Benutzer.</translation>
    </message>
    <message>
        <source>--repeat: %1 has no setting “%2”.</source>
        <translation>--repeat: %1 hat keine Einstellung „%2“.</translation>
    </message>
    <message>
        <source>the filter “%1” in the export description</source>
        <translation>der Filter „%1“ in der Exportbeschreibung</translation>
    </message>
    <message>
        <source>--repeat: the export description has an unknown column “%1”.</source>
        <translation>--repeat: Die Exportbeschreibung hat eine unbekannte Spalte „%1“.</translation>
    </message>
</context>
<context>
    <name>SearchQuery</name>
    <message>
        <source>The start of the range must be before its end.</source>
        <translation>Der Beginn des Zeitraums muss vor seinem Ende liegen.</translation>
    </message>
    <message>
        <source>“%1” is not a whole number.</source>
        <translation>„%1“ ist keine ganze Zahl.</translation>
    </message>
    <message>
        <source>Must be at least %1.</source>
        <translation>Muss mindestens %1 sein.</translation>
    </message>
    <message>
        <source>Must be at most %1.</source>
        <translation>Darf höchstens %1 sein.</translation>
    </message>
    <message>
        <source>“%1” is not one of the allowed values.</source>
        <translation>„%1“ ist keiner der zulässigen Werte.</translation>
    </message>
    <message>
        <source>“%1” is not a filter of this provider.</source>
        <translation>„%1“ ist kein Filter dieses Anbieters.</translation>
    </message>
</context>
<context>
    <name>SearchSession</name>
    <message>
        <source>the reply was cut off before its end</source>
        <translation>die Antwort brach vor ihrem Ende ab</translation>
    </message>
    <message numerus="yes">
        <source>gave up after %n attempt(s)</source>
        <translation>
            <numerusform>nach %n Versuch aufgegeben</numerusform>
            <numerusform>nach %n Versuchen aufgegeben</numerusform>
        </translation>
    </message>
    <message>
        <source>the server asked to wait %1 s, longer than the %2 s this app waits</source>
        <translation>der Server bat, %1 s zu warten, länger als die %2 s, die diese App wartet</translation>
    </message>
</context>
<context>
    <name>SearchStatusBar</name>
    <message>
        <source>Sorted: loaded rows only</source>
        <translation>Sortiert: nur geladene Zeilen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Search status</source>
        <translation>Suchstatus</translation>
    </message>
    <message>
        <source>Rows loaded</source>
        <translation>Geladene Zeilen</translation>
    </message>
    <message>
        <source>Rows selected</source>
        <translation>Ausgewählte Zeilen</translation>
    </message>
    <message>
        <source>Sort note</source>
        <translation>Sortierhinweis</translation>
    </message>
    <message>
        <source>Not every row is loaded yet, so the sort covers the loaded rows only. Use “Load all” to sort every row.</source>
        <translation>Noch sind nicht alle Zeilen geladen, daher gilt die Sortierung nur für die geladenen Zeilen. Mit „Alle laden“ werden alle Zeilen sortiert.</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Loading progress</source>
        <translation>Ladefortschritt</translation>
    </message>
    <message>
        <source>Cancel loading</source>
        <translation>Laden abbrechen</translation>
    </message>
    <message>
        <source>Stop loading; the rows already loaded stay (Esc)</source>
        <translation>Laden anhalten; bereits geladene Zeilen bleiben erhalten (Esc)</translation>
    </message>
    <message>
        <source>Search error</source>
        <translation>Suchfehler</translation>
    </message>
    <message>
        <source>Continue loading</source>
        <translation>Laden fortsetzen</translation>
    </message>
    <message>
        <source>Continue from the first page that is missing</source>
        <translation>Ab der ersten fehlenden Seite fortsetzen</translation>
    </message>
    <message numerus="yes">
        <source>· %n row(s) selected</source>
        <translation>
            <numerusform>· %n Zeile ausgewählt</numerusform>
            <numerusform>· %n Zeilen ausgewählt</numerusform>
        </translation>
    </message>
    <message>
        <source>No search yet</source>
        <translation>Noch keine Suche</translation>
    </message>
    <message>
        <source>Loaded %1 of %2</source>
        <translation>%1 von %2 geladen</translation>
    </message>
    <message>
        <source>Stopped; the loaded rows stay.</source>
        <translation>Angehalten; die geladenen Zeilen bleiben erhalten.</translation>
    </message>
    <message numerus="yes">
        <source>Loaded %Ln of at least %Ln row(s)</source>
        <translation>
            <numerusform>%Ln von mindestens %Ln Zeile geladen</numerusform>
            <numerusform>%Ln von mindestens %Ln Zeilen geladen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SecretPrompt</name>
    <message>
        <source>&amp;Remember in keychain</source>
        <translation>Im Schlüsselbund &amp;merken</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>Kennwort</translation>
    </message>
    <message>
        <source>%1 for “%2”</source>
        <translation>%1 für „%2“</translation>
    </message>
    <message>
        <source>Enter the %1 of the profile “%2” (%3).</source>
        <translation>Bitte %1 für das Profil „%2“ (%3) eingeben.</translation>
    </message>
    <message>
        <source>Why the secret is asked for</source>
        <translation>Warum das Kennwort abgefragt wird</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Show the secret</source>
        <translation>Kennwort anzeigen</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Verbergen</translation>
    </message>
    <message>
        <source>Hide the secret</source>
        <translation>Kennwort verbergen</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1:</translation>
    </message>
    <message>
        <source>Remember in keychain</source>
        <translation>Im Schlüsselbund merken</translation>
    </message>
    <message>
        <source>No keychain is available: the %1 is kept until CDR Browser closes. To keep it across sessions without a keychain, opt in to unencrypted storage in the profile dialog.</source>
        <translation>Kein Schlüsselbund verfügbar: %1 bleibt nur bis zum Beenden von CDR Browser erhalten. Um den Wert ohne Schlüsselbund über mehrere Sitzungen zu behalten, aktivieren Sie im Profildialog die unverschlüsselte Speicherung.</translation>
    </message>
    <message>
        <source>&amp;Use</source>
        <translation>&amp;Verwenden</translation>
    </message>
    <message>
        <source>Use this %1</source>
        <translation>%1 verwenden</translation>
    </message>
    <message>
        <source>secret</source>
        <comment>inside a sentence</comment>
        <translation>Geheimnis</translation>
    </message>
</context>
<context>
    <name>SecretStore</name>
    <message>
        <source>No keychain is available (%1). The secret has to be entered for this session.</source>
        <translation>Kein Schlüsselbund verfügbar (%1). Das Kennwort muss für diese Sitzung eingegeben werden.</translation>
    </message>
    <message>
        <source>No secret is stored for this profile.</source>
        <translation>Für dieses Profil ist kein Kennwort gespeichert.</translation>
    </message>
    <message>
        <source>The keychain refused access to the secret: %1</source>
        <translation>Der Schlüsselbund hat den Zugriff auf das Kennwort verweigert: %1</translation>
    </message>
    <message>
        <source>The profile was removed before its secret was stored.</source>
        <translation>Das Profil wurde entfernt, bevor sein Kennwort gespeichert war.</translation>
    </message>
    <message>
        <source>The keychain refused to store the secret (%1). It is kept for this session only.</source>
        <translation>Der Schlüsselbund hat das Speichern des Kennworts verweigert (%1). Es bleibt nur für diese Sitzung erhalten.</translation>
    </message>
    <message>
        <source>The keychain could not delete the secret: %1</source>
        <translation>Der Schlüsselbund konnte das Kennwort nicht löschen: %1</translation>
    </message>
</context>
<context>
    <name>SignInFlow</name>
    <message>
        <source>Reading the %1 from the keychain…</source>
        <translation>%1 wird aus dem Schlüsselbund gelesen…</translation>
    </message>
    <message>
        <source>Search not started: no secret was given.</source>
        <translation>Suche nicht gestartet: Es wurde kein Kennwort angegeben.</translation>
    </message>
</context>
<context>
    <name>TableExport</name>
    <message>
        <source>The table was cleared by a new search.</source>
        <translation>Die Tabelle wurde durch eine neue Suche geleert.</translation>
    </message>
    <message>
        <source>The table was sorted while exporting.</source>
        <translation>Die Tabelle wurde während des Exports sortiert.</translation>
    </message>
    <message>
        <source>Rows were removed while exporting.</source>
        <translation>Während des Exports wurden Zeilen entfernt.</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>The table changed while exporting.</source>
        <translation>Die Tabelle hat sich während des Exports geändert.</translation>
    </message>
</context>
<context>
    <name>TimeRangeEditor</name>
    <message>
        <source>Time range preset</source>
        <translation>Zeitraum-Vorgabe</translation>
    </message>
    <message>
        <source>&amp;Range:</source>
        <translation>&amp;Zeitraum:</translation>
    </message>
    <message>
        <source>From (inclusive)</source>
        <translation>Von (einschließlich)</translation>
    </message>
    <message>
        <source>To (exclusive)</source>
        <translation>Bis (ausschließlich)</translation>
    </message>
    <message>
        <source>The range ends just before this time.</source>
        <translation>Der Zeitraum endet unmittelbar vor diesem Zeitpunkt.</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Von:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Bis:</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zeitzone</translation>
    </message>
    <message>
        <source>Times are entered and shown in this zone; they are sent in UTC. Type any IANA zone, e.g. Europe/Berlin.</source>
        <translation>Zeiten werden in dieser Zone eingegeben und angezeigt und in UTC gesendet. Jede IANA-Zone kann eingetippt werden, z. B. Europe/Berlin.</translation>
    </message>
    <message>
        <source>&amp;Zone:</source>
        <translation>Zeitz&amp;one:</translation>
    </message>
    <message>
        <source>Time range note</source>
        <translation>Hinweis zum Zeitraum</translation>
    </message>
    <message>
        <source>Time range limits</source>
        <translation>Grenzen des Zeitraums</translation>
    </message>
    <message>
        <source>Time range error</source>
        <translation>Fehler im Zeitraum</translation>
    </message>
    <message numerus="yes">
        <source>%1 keeps %n day(s); ranges reaching further back are refused before sending.</source>
        <translation>
            <numerusform>%1 speichert %n Tag; weiter zurückreichende Zeiträume werden vor dem Senden abgelehnt.</numerusform>
            <numerusform>%1 speichert %n Tage; weiter zurückreichende Zeiträume werden vor dem Senden abgelehnt.</numerusform>
        </translation>
    </message>
    <message>
        <source>The provider</source>
        <translation>Der Anbieter</translation>
    </message>
    <message numerus="yes">
        <source>Ranges longer than %n day(s) are refused before sending.</source>
        <translation>
            <numerusform>Zeiträume, die länger als %n Tag sind, werden vor dem Senden abgelehnt.</numerusform>
            <numerusform>Zeiträume, die länger als %n Tage sind, werden vor dem Senden abgelehnt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Default: last %n day(s)</source>
        <translation>
            <numerusform>Standard: letzter %n Tag</numerusform>
            <numerusform>Standard: letzte %n Tage</numerusform>
        </translation>
    </message>
    <message>
        <source>The API&apos;s own default: no range is sent</source>
        <translation>Eigener Standard der API: Es wird kein Zeitraum gesendet</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>Letzte 90 Tage</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Benutzerdefiniert</translation>
    </message>
    <message>
        <source>The system&apos;s time zone</source>
        <translation>Die Zeitzone des Systems</translation>
    </message>
    <message>
        <source>“%1” is not a known time zone.</source>
        <translation>„%1“ ist keine bekannte Zeitzone.</translation>
    </message>
    <message>
        <source>No range is sent; the API searches its default window shown above.</source>
        <translation>Es wird kein Zeitraum gesendet; die API durchsucht ihr oben angezeigtes Standardfenster.</translation>
    </message>
    <message>
        <source>The default window shown above is sent, fixed when the search starts.</source>
        <translation>Das oben angezeigte Standardfenster wird gesendet, festgelegt beim Start der Suche.</translation>
    </message>
</context>
<context>
    <name>TotalsBar</name>
    <message>
        <source>amount too large to add up</source>
        <translation>Betrag zu groß zum Aufsummieren</translation>
    </message>
    <message>
        <source>%1 amount too large to add up</source>
        <translation>%1-Betrag zu groß zum Aufsummieren</translation>
    </message>
    <message>
        <source>Totals</source>
        <translation>Summen</translation>
    </message>
    <message>
        <source>Totals of the loaded calls</source>
        <translation>Summen der geladenen Anrufe</translation>
    </message>
    <message>
        <source>Totals of the selected calls</source>
        <translation>Summen der ausgewählten Anrufe</translation>
    </message>
    <message>
        <source>Select rows to add them up here.</source>
        <translation>Wählen Sie Zeilen aus, um sie hier aufzusummieren.</translation>
    </message>
    <message>
        <source>Loaded: %1</source>
        <translation>Geladen: %1</translation>
    </message>
    <message>
        <source>Selected: none</source>
        <translation>Ausgewählt: keine</translation>
    </message>
    <message>
        <source>Selected: %1</source>
        <translation>Ausgewählt: %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln call(s)</source>
        <translation>
            <numerusform>%Ln Anruf</numerusform>
            <numerusform>%Ln Anrufe</numerusform>
        </translation>
    </message>
    <message>
        <source>durations too large to add up</source>
        <translation>Dauern zu groß zum Aufsummieren</translation>
    </message>
    <message>
        <source>duration %1</source>
        <translation>Dauer %1</translation>
    </message>
    <message>
        <source>billed %1</source>
        <translation>abgerechnet %1</translation>
    </message>
    <message>
        <source>avg billed %1</source>
        <translation>Ø abgerechnet %1</translation>
    </message>
    <message>
        <source>Duration: %1 of %2 calls have one.</source>
        <translation>Dauer: %1 von %2 Anrufen haben eine.</translation>
    </message>
    <message>
        <source>Billed duration: %1 of %2 calls have one.</source>
        <translation>Abgerechnete Dauer: %1 von %2 Anrufen haben eine.</translation>
    </message>
    <message>
        <source>Difference: billed minus duration, over the %1 calls that have both.</source>
        <translation>Differenz: abgerechnet minus Dauer, über die %1 Anrufe, die beides haben.</translation>
    </message>
    <message>
        <source>Average billed: billed duration divided by the calls that have one, to the second.</source>
        <translation>Ø abgerechnet: abgerechnete Dauer geteilt durch die Anrufe, die eine haben, auf die Sekunde.</translation>
    </message>
    <message>
        <source>Amount: %1 of %2 calls have one, added up exactly per currency.</source>
        <translation>Betrag: %1 von %2 Anrufen haben einen, exakt je Währung aufsummiert.</translation>
    </message>
    <message numerus="yes">
        <source>  %1: %Ln call(s)</source>
        <translation>
            <numerusform>  %1: %Ln Anruf</numerusform>
            <numerusform>  %1: %Ln Anrufe</numerusform>
        </translation>
    </message>
    <message>
        <source>no currency</source>
        <translation>keine Währung</translation>
    </message>
    <message>
        <source>%1 amount(s) are not numbers and are left out.</source>
        <translation>%1 Betrag/Beträge sind keine Zahlen und werden ausgelassen.</translation>
    </message>
    <message numerus="yes">
        <source>Loaded: %Ln call(s), counting…</source>
        <translation>
            <numerusform>Geladen: %Ln Anruf, wird gezählt …</numerusform>
            <numerusform>Geladen: %Ln Anrufe, wird gezählt …</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Selected: %Ln call(s), counting…</source>
        <translation>
            <numerusform>Ausgewählt: %Ln Anruf, wird gezählt …</numerusform>
            <numerusform>Ausgewählt: %Ln Anrufe, wird gezählt …</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome</source>
        <translation>Willkommen</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Welcome to CDR Browser&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Willkommen bei CDR Browser&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Add a profile…</source>
        <translation>Profil hinzufügen…</translation>
    </message>
    <message>
        <source>Add a profile</source>
        <translation>Profil hinzufügen</translation>
    </message>
    <message>
        <source>Try the demo</source>
        <translation>Demo ausprobieren</translation>
    </message>
    <message>
        <source>Search, inspect and export the call detail records of your telephony provider. Add a profile with your account&apos;s details to begin, or look around in a demo that runs against a simulated provider account on this computer.</source>
        <translation>Durchsuchen, prüfen und exportieren Sie die Verbindungsdatensätze Ihres Telefonieanbieters. Legen Sie zum Start ein Profil mit den Daten Ihres Kontos an oder sehen Sie sich in einer Demo um, die mit einem simulierten Anbieterkonto auf diesem Computer arbeitet.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Could not write %1</source>
        <translation>%1 konnte nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Search, inspect and export call detail records.</source>
        <translation>Verbindungsdatensätze durchsuchen, prüfen und exportieren.</translation>
    </message>
    <message>
        <source>Start with a simulated Plivo account on this computer.</source>
        <translation>Mit einem simulierten Plivo-Konto auf diesem Computer starten.</translation>
    </message>
    <message>
        <source>Save a picture of the window to &lt;file&gt; once rows are shown, then quit.</source>
        <translation>Ein Bild des Fensters in &lt;Datei&gt; speichern, sobald Zeilen angezeigt werden, dann beenden.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>No rows arrived; no screenshot taken.</source>
        <translation>Keine Zeilen empfangen; kein Bildschirmfoto erstellt.</translation>
    </message>
</context>
</TS>
