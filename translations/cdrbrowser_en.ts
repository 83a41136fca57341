<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>CdrTableModel</name>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n second</numerusform>
            <numerusform>%n seconds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConnectionTest</name>
    <message numerus="yes">
        <source>Connected: the first page held %n call(s).</source>
        <translation>
            <numerusform>Connected: the first page held %n call.</numerusform>
            <numerusform>Connected: the first page held %n calls.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Connected: %n call(s) in the last %1.</source>
        <translation>
            <numerusform>Connected: %n call in the last %1.</numerusform>
            <numerusform>Connected: %n calls in the last %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportController</name>
    <message numerus="yes">
        <source>The provider stopped the export after %Ln row(s):
%1</source>
        <translation>
            <numerusform>The provider stopped the export after %Ln row:
%1</numerusform>
            <numerusform>The provider stopped the export after %Ln rows:
%1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Keep %Ln row(s)</source>
        <translation>
            <numerusform>&amp;Keep %Ln row</numerusform>
            <numerusform>&amp;Keep %Ln rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln row(s) to %1; the export is incomplete, as its sidecar says</source>
        <translation>
            <numerusform>Exported %Ln row to %1; the export is incomplete, as its sidecar says</numerusform>
            <numerusform>Exported %Ln rows to %1; the export is incomplete, as its sidecar says</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln row(s) to %1, but its sidecar could not be written: %2</source>
        <translation>
            <numerusform>Exported %Ln row to %1, but its sidecar could not be written: %2</numerusform>
            <numerusform>Exported %Ln rows to %1, but its sidecar could not be written: %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln row(s) to %1</source>
        <translation>
            <numerusform>Exported %Ln row to %1</numerusform>
            <numerusform>Exported %Ln rows to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportRunner</name>
    <message numerus="yes">
        <source>Fetched %L1 of %Ln row(s)</source>
        <translation>
            <numerusform>Fetched %L1 of %Ln row</numerusform>
            <numerusform>Fetched %L1 of %Ln rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Fetched %Ln row(s)</source>
        <translation>
            <numerusform>Fetched %Ln row</numerusform>
            <numerusform>Fetched %Ln rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln call(s)</source>
        <translation>
            <numerusform>%Ln call</numerusform>
            <numerusform>%Ln calls</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HttpTransport</name>
    <message numerus="yes">
        <source>No answer within %n second(s).</source>
        <translation>
            <numerusform>No answer within %n second.</numerusform>
            <numerusform>No answer within %n seconds.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>more than %n MiB</source>
        <translation>
            <numerusform>more than %n MiB</numerusform>
            <numerusform>more than %n MiB</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The reply was still not complete after %n second(s).</source>
        <translation>
            <numerusform>The reply was still not complete after %n second.</numerusform>
            <numerusform>The reply was still not complete after %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchSession</name>
    <message numerus="yes">
        <source>gave up after %n attempt(s)</source>
        <translation>
            <numerusform>gave up after %n attempt</numerusform>
            <numerusform>gave up after %n attempts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchStatusBar</name>
    <message numerus="yes">
        <source>· %n row(s) selected</source>
        <translation>
            <numerusform>· %n row selected</numerusform>
            <numerusform>· %n rows selected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Loaded %Ln of at least %Ln row(s)</source>
        <translation>
            <numerusform>Loaded %Ln of at least %Ln row</numerusform>
            <numerusform>Loaded %Ln of at least %Ln rows</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TimeRangeEditor</name>
    <message numerus="yes">
        <source>%1 keeps %n day(s); ranges reaching further back are refused before sending.</source>
        <translation>
            <numerusform>%1 keeps %n day; ranges reaching further back are refused before sending.</numerusform>
            <numerusform>%1 keeps %n days; ranges reaching further back are refused before sending.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Ranges longer than %n day(s) are refused before sending.</source>
        <translation>
            <numerusform>Ranges longer than %n day are refused before sending.</numerusform>
            <numerusform>Ranges longer than %n days are refused before sending.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Default: last %n day(s)</source>
        <translation>
            <numerusform>Default: last %n day</numerusform>
            <numerusform>Default: last %n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TotalsBar</name>
    <message numerus="yes">
        <source>%Ln call(s)</source>
        <translation>
            <numerusform>%Ln call</numerusform>
            <numerusform>%Ln calls</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>  %1: %Ln call(s)</source>
        <translation>
            <numerusform>  %1: %Ln call</numerusform>
            <numerusform>  %1: %Ln calls</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Loaded: %Ln call(s), counting…</source>
        <translation>
            <numerusform>Loaded: %Ln call, counting…</numerusform>
            <numerusform>Loaded: %Ln calls, counting…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Selected: %Ln call(s), counting…</source>
        <translation>
            <numerusform>Selected: %Ln call, counting…</numerusform>
            <numerusform>Selected: %Ln calls, counting…</numerusform>
        </translation>
    </message>
</context>
</TS>
