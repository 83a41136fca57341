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
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>Exported %n row(s) to %1</source>
        <translation>
            <numerusform>Exported %n row to %1</numerusform>
            <numerusform>Exported %n rows to %1</numerusform>
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
</context>
</TS>
