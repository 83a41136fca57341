<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ApiError</name>
    <message>
        <source>Network error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused the request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many requests: the provider&apos;s rate limit was reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s reply could not be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not answer in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(HTTP %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the provider says “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authentication failed: check the user and secret</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CdrTableModel</name>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ColumnLayout</name>
    <message>
        <source>Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move “%1” left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move “%1” right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset columns</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <source>Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Callee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hangup cause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hangup source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trunk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Billed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectionTest</name>
    <message numerus="yes">
        <source>Connected: %n call(s) in the last %1 days.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Connected: the first page held %n call(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CsvExport</name>
    <message>
        <source>The table was cleared by a new search.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The table was sorted while exporting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows were removed while exporting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The table changed while exporting.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CsvWriter</name>
    <message>
        <source>The output could not be written.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Demo</name>
    <message>
        <source>The demo server could not start on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo (simulated Plivo)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <source>Call details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a call to see its details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No call selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copies every field of this call as JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raw &amp;JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raw JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start time unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetches this call again from the provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh needs a connected profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refreshing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refreshed from the provider.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cop&amp;y record</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Direction</name>
    <message>
        <source>inbound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>outbound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>internal</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportCommandLine</name>
    <message>
        <source>Unexpected argument: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 is given more than once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--provider is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown provider “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--user is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--password-env is required: the name of the environment variable holding the secret.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The environment variable %1 (from --password-env) is not set or empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--url must be an http or https URL with a host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--url must not contain credentials; use --user and --password-env.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 “%2” is not an ISO 8601 time with a zone (e.g. 2024-05-01T00:00:00Z or 2024-05-01T02:00:00+02:00).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 is not supported by %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--direction must be one of: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 needs a value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--param “%1” is not of the form KEY=VALUE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown column “%1”; use one of %2 or raw.&lt;field&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--output needs a file name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: cdr-export --provider PROVIDER --url BASE_URL --user USER --password-env VAR
                  [--since TIME] [--until TIME] [--caller NUMBER] [--callee NUMBER]
                  [--direction DIRECTION] [--param KEY=VALUE]... [--columns KEY,KEY,...]
                  [--output FILE]
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run “cdr-export --help” for every option.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
Exports call detail records as CSV (RFC 4180, UTF-8).

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
  --columns KEY,...     unified column keys and raw.&lt;field&gt;, in this order
  --output FILE         write to FILE (only complete files appear); default: standard output
  --help                show this text

Exit status: 0 success, 1 provider or network error, 2 bad usage.
Set CDR_EXPORT_DEBUG=1 to also see Qt&apos;s own diagnostics on standard error.
</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Selected rows (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the selected rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;All loaded rows (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export all loaded rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write times in %1 instead of UTC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Times in the display zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The visible columns are written in their order, with a header row of the column keys. Amounts and numbers are written exactly as the provider sent them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a file to write.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is a folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder “%1” does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportRunner</name>
    <message>
        <source>Cannot write to standard output: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the CSV: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetched %1 of %2 rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetched %1 rows</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FilterForm</name>
    <message>
        <source>Choose a profile to see its filters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search with these filters (F5 or Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear every filter and use the API&apos;s default time range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time range (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hover a field to see how the server matches it. Empty fields are not sent.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HttpTransport</name>
    <message>
        <source>The server sent no HTTP reply.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>CDR Browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call detail records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search with the filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop loading; the loaded rows stay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Load all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load every row of the search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;ontinue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue loading from the first missing page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write rows to a CSV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;olumns…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show, hide and reorder columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Profiles…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add, edit, remove and test account profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try the &amp;demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close CDR Browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About CDR Browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What CDR Browser is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About CDR Browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;CDR Browser %1&lt;/b&gt;&lt;br&gt;Search, inspect and export the call detail records of your telephony provider.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account to search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 – CDR Browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This profile&apos;s provider is not known to this version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a profile first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the %1 from the keychain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search not started: no secret was given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported %n row(s) to %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose filters on the left, then press Search (F5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No search yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse a simulated account on this computer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlivoHangupCodes</name>
    <message>
        <source>from the carrier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from the user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PBX authentication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zentrunk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>carrier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zentrunk authentication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>4xx</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>5xx/6xx</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PBX</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Routing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caller ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format and media</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URI and availability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Geo and number restrictions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SDP and codecs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server and capacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mid-call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Global</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlivoJson</name>
    <message>
        <source>the reply nests deeper than %1 levels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid JSON at line %1, column %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid JSON at line %1, column %2, at “%3”: %4</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlivoParser</name>
    <message>
        <source>the reply is not a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the reply has no “objects” list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the reply has no “meta” object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the reply&apos;s “meta” has no valid “total_count”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>entry %1 of “objects” is not a call object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the reply holds no call (no “call_uuid”)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlivoProvider</name>
    <message>
        <source>Auth ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auth token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The exact number or its beginning (prefix), e.g. +1202 or +12025551111</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The exact number or its beginning (prefix), e.g. +1312 or +13125550100</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inbound calls came in through the trunk; outbound calls left through it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inbound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outbound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Billed at least (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only calls billed for this many seconds or more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Billed at most (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only calls billed for this many seconds or fewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hangup cause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zentrunk&apos;s own hangup codes (they differ from the Voice API&apos;s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hangup source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who ended the call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zentrunk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STIR verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verified: attestation A; Not Verified: B or C; Not Applicable: non-US calls, WebRTC or SIP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not Verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not Applicable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter digits only, with an optional leading &apos;+&apos; (no spaces, dashes or letters), e.g. +12025551111 or the prefix +1202.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“Billed at most” is below “Billed at least”, so no call can match: raise it or lower the other.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The start is in the future, when no call has ended yet: choose a start before now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plivo keeps only the last 90 days: choose a start at or after %1 UTC.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With no start given the search covers the 30 days before its end, which reaches back beyond the last 90 days Plivo keeps: choose a start at or after %1 UTC, or a later end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The range is longer than the 90 days Plivo accepts in one search: choose a start at or after %1 UTC, or an earlier end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: not in Zentrunk&apos;s hangup-code table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 — %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 — %3 (%4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(the reply names it “%1”; the code is what counts)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>customer: your side of the trunk (your PBX or SIP endpoint) ended the call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>carrier: the carrier&apos;s side ended the call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>zentrunk: Plivo&apos;s trunk itself ended the call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the caller ID carried full attestation (A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the caller ID carried partial (B) or gateway (C) attestation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: STIR/SHAKEN does not apply (a non-US call, or WebRTC/SIP)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A: full attestation — the carrier knows the caller and that they may use this number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B: partial attestation — the carrier knows the caller but not that they may use this number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C: gateway attestation — the carrier only knows where the call entered its network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No attestation was recorded for this call</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate the profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection test result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testing the connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secret of this profile is stored unencrypted in the settings file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the profile “%1”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its stored %1 is deleted as well. This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new profile is not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile “%1” has unsaved changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save them before going on?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved. Storing the %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved. Moving the %1 into the keychain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved. The unencrypted %1 was deleted from the settings file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved. Enter the %1 to store it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved. The %1 is in the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved. No keychain is available: the %1 is kept until CDR Browser closes and will be asked for again next time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved. The %1 is stored UNENCRYPTED in the settings file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the %1 to test the connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the stored %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the connection test</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProfileEditor</name>
    <message>
        <source>Store the token unencrypted in the settings file (no keychain available)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Acme Plivo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Provider:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Base URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide the secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keychain status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store the token unencrypted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning: the secret is stored unencrypted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter an address that starts with https:// (or http://) and names a host, e.g. %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave credentials out of the address; the fields below hold them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address must not contain “?” or “#”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a name for the profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another profile is already called “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored in the keychain when you save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept for this session only, unless stored unencrypted below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave empty to keep the current %1; type a new one to replace it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keychain answered, so the %1 cannot be stored safely. It will be asked for once each session, unless you choose below to store it unencrypted in the settings file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain said: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 of this profile is stored UNENCRYPTED in the settings file %2. Anyone who can read that file can use it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A keychain answers now: save the profile to move the %1 into it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordFetch</name>
    <message>
        <source>The call has no ID to fetch it by.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchStatusBar</name>
    <message>
        <source>Sorted: loaded rows only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sort note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not every row is loaded yet, so the sort covers the loaded rows only. Use “Load all” to sort every row.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel loading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop loading; the rows already loaded stay (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue loading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue from the first page that is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>· %n row(s) selected</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No search yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loaded %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loaded %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped; the loaded rows stay.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SecretPrompt</name>
    <message>
        <source>&amp;Remember in keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 for “%2”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the %1 of the profile “%2” (%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why the secret is asked for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide the secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remember in keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keychain is available: the %1 is kept until CDR Browser closes. To keep it across sessions without a keychain, opt in to unencrypted storage in the profile dialog.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use this %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SecretStore</name>
    <message>
        <source>No keychain is available (%1). The secret has to be entered for this session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No secret is stored for this profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain refused access to the secret: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile was removed before its secret was stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain refused to store the secret (%1). It is kept for this session only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain could not delete the secret: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimeRangeEditor</name>
    <message>
        <source>Time range preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Range:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From (inclusive)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To (exclusive)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The range ends just before this time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Times are entered and shown in this zone; they are sent in UTC. Type any IANA zone, e.g. Europe/Berlin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Zone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time range note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time range limits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time range error</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 keeps %n day(s); ranges reaching further back are refused before sending.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Ranges longer than %n day(s) are refused before sending.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Default: last %n day(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The API&apos;s own default: no range is sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system&apos;s time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a known time zone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No range is sent; the API searches its default window shown above.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;Welcome to CDR Browser&lt;/h2&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a profile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try the demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search, inspect and export the call detail records of your telephony provider. Add a profile with your account&apos;s details to begin, or look around in a demo that runs against a simulated provider account on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Could not write %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search, inspect and export call detail records.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start with a simulated Plivo account on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a picture of the window to &lt;file&gt; once rows are shown, then quit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No rows arrived; no screenshot taken.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
