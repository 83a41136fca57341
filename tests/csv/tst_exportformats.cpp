#include "exportsample.h"

#include <QLocale>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace exporttest;

class TestExportFormats final : public QObject {
    Q_OBJECT

private slots:
    void formulaGuard_data();
    void formulaGuard();
    void numbersUntouched();
    void phoneNumbersStayText_data();
    void phoneNumbersStayText();
    void zones_data();
    void zones();
    void zoneKeys();
    void hms_data();
    void hms();
    void keys();
};

void TestExportFormats::formulaGuard_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("excel");

    QTest::newRow("=SUM") << u"=SUM(A1)"_s << u"'=SUM(A1)"_s;
    QTest::newRow("+1") << u"+1"_s << u"'+1"_s;
    QTest::newRow("-2") << u"-2"_s << u"'-2"_s;
    QTest::newRow("@x") << u"@x"_s << u"'@x"_s;
    QTest::newRow("leading tab") << u"\t=1+1"_s << u"'\t=1+1"_s;
    QTest::newRow("leading CR") << u"\r=1+1"_s << u"'\r=1+1"_s;
    QTest::newRow("DDE") << u"=cmd|' /C calc'!A0"_s << u"'=cmd|' /C calc'!A0"_s;
    QTest::newRow("plain") << u"Alice"_s << u"Alice"_s;
    QTest::newRow("inner =") << u"a=b"_s << u"a=b"_s;
    QTest::newRow("empty") << QString() << QString();
}

void TestExportFormats::formulaGuard()
{
    QFETCH(QString, name);
    QFETCH(QString, excel);
    CdrRecord record;
    record.trunk = name;
    record.hangupCause = name;
    record.native = {native(u"name"_s, NativeValue::Kind::String, name)};
    const ExportFormatOptions guarded = ExportFormatOptions::excel(QLocale::c());
    for (const QString &key : {u"trunk"_s, u"hangup_cause"_s, u"raw.name"_s}) {
        QCOMPARE(cell(record, key, guarded), excel);
        QCOMPARE(cell(record, key, ExportFormatOptions::rfc4180()), name);
        QCOMPARE(cell(record, key, ExportFormatOptions::tsv()), name);
    }
    // The guard is an option of its own, usable without the Excel preset.
    ExportFormatOptions rfcGuarded = ExportFormatOptions::rfc4180();
    rfcGuarded.formulaGuard = true;
    QCOMPARE(cell(record, u"trunk"_s, rfcGuarded), excel);
}

void TestExportFormats::numbersUntouched()
{
    CdrRecord record = sampleRecord();
    record.rate = u"+0.5"_s;
    record.duration = -3;
    record.native.append(native(u"exp"_s, NativeValue::Kind::Number, u"-1.5e-3"_s));
    record.native.append(native(u"text_minus"_s, NativeValue::Kind::String, u"-0.0050"_s));
    const ExportFormatOptions excel = ExportFormatOptions::excel(QLocale(QLocale::English, QLocale::UnitedStates));
    QCOMPARE(cell(record, u"amount"_s, excel), u"-0.0050"_s);
    QCOMPARE(cell(record, u"rate"_s, excel), u"+0.5"_s);
    QCOMPARE(cell(record, u"duration"_s, excel), u"-3"_s);
    QCOMPARE(cell(record, u"billed_duration"_s, excel), u"180"_s);
    QCOMPARE(cell(record, u"raw.total_amount"_s, excel), u"-0.00500"_s);
    QCOMPARE(cell(record, u"raw.exp"_s, excel), u"-1.5e-3"_s);
    // Where the locale writes "0,5", Excel reads numbers only with a decimal
    // comma: the point becomes a comma, every digit stays.
    const ExportFormatOptions excelGerman = ExportFormatOptions::excel(QLocale(QLocale::German, QLocale::Germany));
    QCOMPARE(cell(record, u"amount"_s, excelGerman), u"-0,0050"_s);
    QCOMPARE(cell(record, u"rate"_s, excelGerman), u"+0,5"_s);
    QCOMPARE(cell(record, u"raw.total_amount"_s, excelGerman), u"-0,00500"_s);
    QCOMPARE(cell(record, u"raw.exp"_s, excelGerman), u"-1,5e-3"_s);
    QCOMPARE(cell(record, u"billed_duration"_s, excelGerman), u"180"_s);
    QCOMPARE(cell(record, u"raw.text_minus"_s, excelGerman), u"'-0.0050"_s);
    QCOMPARE(cell(record, u"amount"_s, ExportFormatOptions::rfc4180()), u"-0.0050"_s);
    // A string that happens to look like a number is still text to the guard.
    QCOMPARE(cell(record, u"raw.text_minus"_s, excel), u"'-0.0050"_s);

    // An amount column holding something that is not a number is not trusted.
    record.amount = u"=1+1"_s;
    QCOMPARE(cell(record, u"amount"_s, excel), u"'=1+1"_s);
    QCOMPARE(cell(record, u"amount"_s, ExportFormatOptions::rfc4180()), u"=1+1"_s);
}

void TestExportFormats::phoneNumbersStayText_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("excel");

    QTest::newRow("caller +") << u"caller"_s << u"+4930123456"_s << u"'+4930123456"_s;
    QTest::newRow("callee 00") << u"callee"_s << u"0049301234"_s << u"'0049301234"_s;
    QTest::newRow("callee digits") << u"callee"_s << u"4930123456"_s << u"'4930123456"_s;
    QTest::newRow("id digits") << u"id"_s << u"12345678901234567890"_s << u"'12345678901234567890"_s;
    QTest::newRow("caller name") << u"caller"_s << u"Alice <1001>"_s << u"Alice <1001>"_s;
    QTest::newRow("caller sip") << u"caller"_s << u"sip:1001@pbx"_s << u"sip:1001@pbx"_s;
    QTest::newRow("raw leading zero") << u"raw.to"_s << u"0171"_s << u"'0171"_s;
    QTest::newRow("raw 16 digits") << u"raw.to"_s << u"4930123456789012"_s << u"'4930123456789012"_s;
    QTest::newRow("raw small count") << u"raw.to"_s << u"17"_s << u"17"_s;
    QTest::newRow("raw zero") << u"raw.to"_s << u"0"_s << u"0"_s;
}

void TestExportFormats::phoneNumbersStayText()
{
    QFETCH(QString, key);
    QFETCH(QString, text);
    QFETCH(QString, excel);
    CdrRecord record;
    record.id = record.caller = record.callee = text;
    record.native = {native(u"to"_s, NativeValue::Kind::String, text)};
    QCOMPARE(cell(record, key, ExportFormatOptions::excel(QLocale::c())), excel);
    QCOMPARE(cell(record, key, ExportFormatOptions::rfc4180()), text);
}

void TestExportFormats::zones_data()
{
    QTest::addColumn<QByteArray>("zoneId");
    QTest::addColumn<QDateTime>("time");
    QTest::addColumn<QString>("header");
    QTest::addColumn<QString>("text");

    const QDateTime winter = utc(2026, 11, 25, 7, 0, 0);
    const QDateTime summer = utc(2026, 7, 1, 10, 30, 0);
    QTest::newRow("UTC winter") << QByteArray() << winter << u"start_time (UTC)"_s << u"2026-11-25T07:00:00Z"_s;
    QTest::newRow("UTC summer") << QByteArray() << summer << u"start_time (UTC)"_s << u"2026-07-01T10:30:00Z"_s;
    QTest::newRow("Berlin winter") << QByteArray("Europe/Berlin") << winter << u"start_time (Europe/Berlin)"_s
                                   << u"2026-11-25T08:00:00+01:00"_s;
    QTest::newRow("Berlin summer") << QByteArray("Europe/Berlin") << summer << u"start_time (Europe/Berlin)"_s
                                   << u"2026-07-01T12:30:00+02:00"_s;
    QTest::newRow("New York") << QByteArray("America/New_York") << winter << u"start_time (America/New_York)"_s
                              << u"2026-11-25T02:00:00-05:00"_s;
    QTest::newRow("London winter") << QByteArray("Europe/London") << winter << u"start_time (Europe/London)"_s
                                   << u"2026-11-25T07:00:00+00:00"_s;
    QTest::newRow("Kolkata") << QByteArray("Asia/Kolkata") << winter << u"start_time (Asia/Kolkata)"_s
                             << u"2026-11-25T12:30:00+05:30"_s;
}

void TestExportFormats::zones()
{
    QFETCH(QByteArray, zoneId);
    QFETCH(QDateTime, time);
    QFETCH(QString, header);
    QFETCH(QString, text);
    ExportFormatOptions options = ExportFormatOptions::rfc4180();
    if (!zoneId.isEmpty()) {
        options.zone = QTimeZone(zoneId);
        QVERIFY2(options.zone.isValid(), zoneId.constData());
    }
    CdrRecord record;
    record.startTime = time;
    QCOMPARE(exportHeaderText(u"start_time", options), header);
    QCOMPARE(cell(record, u"start_time"_s, options), text);
    // The same instant, whatever the zone.
    QCOMPARE(QDateTime::fromString(text, Qt::ISODate).toUTC(), time);
    // Only time columns name the zone.
    QCOMPARE(exportHeaderText(u"duration", options), u"duration"_s);
    QCOMPARE(exportHeaderText(u"raw.start_time", options), u"raw.start_time"_s);
}

void TestExportFormats::zoneKeys()
{
    QCOMPARE(exportZoneFromKey(u"UTC").value(), QTimeZone::utc());
    QCOMPARE(exportZoneFromKey(u"utc").value(), QTimeZone::utc());
    QCOMPARE(exportZoneFromKey(u"Europe/Berlin").value().id(), QByteArray("Europe/Berlin"));
    QVERIFY(!exportZoneFromKey(u"Mars/Olympus"));
    QVERIFY(!exportZoneFromKey(u""));

    // "local" is the machine's zone under its own name, so the file says which it was.
    const QByteArray oldTz = qgetenv("TZ");
    qputenv("TZ", "Europe/Berlin");
    const auto local = exportZoneFromKey(u"local");
    if (oldTz.isNull())
        qunsetenv("TZ");
    else
        qputenv("TZ", oldTz);
    QVERIFY(local);
    ExportFormatOptions options;
    options.zone = *local;
    QCOMPARE(exportHeaderText(u"end_time", options), u"end_time (Europe/Berlin)"_s);
    CdrRecord record;
    record.endTime = utc(2026, 11, 25, 7, 0, 0);
    QCOMPARE(cell(record, u"end_time"_s, options), u"2026-11-25T08:00:00+01:00"_s);
}

void TestExportFormats::hms_data()
{
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<QString>("text");

    QTest::newRow("0") << qint64(0) << u"0:00:00"_s;
    QTest::newRow("59") << qint64(59) << u"0:00:59"_s;
    QTest::newRow("60") << qint64(60) << u"0:01:00"_s;
    QTest::newRow("3599") << qint64(3599) << u"0:59:59"_s;
    QTest::newRow("3600") << qint64(3600) << u"1:00:00"_s;
    QTest::newRow("90061") << qint64(90061) << u"25:01:01"_s;
    QTest::newRow("-61") << qint64(-61) << u"-0:01:01"_s;
}

void TestExportFormats::hms()
{
    QFETCH(qint64, seconds);
    QFETCH(QString, text);
    QCOMPARE(hmsText(seconds), text);
}

void TestExportFormats::keys()
{
    for (const ExportPreset preset :
        {ExportPreset::Excel, ExportPreset::Rfc4180, ExportPreset::Tsv, ExportPreset::JsonLines})
        QCOMPARE(exportPresetFromKey(exportPresetKey(preset)), preset);
    QCOMPARE(exportPresetFromKey(u"EXCEL"), ExportPreset::Excel);
    QVERIFY(!exportPresetFromKey(u"xlsx"));
    QCOMPARE(durationStyleFromKey(u"hms"), DurationStyle::Hms);
    QCOMPARE(durationStyleFromKey(u"seconds"), DurationStyle::Seconds);
    QVERIFY(!durationStyleFromKey(u"minutes"));
    QCOMPARE(ExportFormatOptions::preset(ExportPreset::Tsv, QLocale::c()).format, ExportFormat::Tsv);
    QCOMPARE(
        ExportFormatOptions::preset(ExportPreset::Excel, QLocale(QLocale::French, QLocale::France)).separator, ';');
    QCOMPARE(
        ExportFormatOptions::preset(ExportPreset::Excel, QLocale(QLocale::English, QLocale::UnitedKingdom)).separator,
        ',');
    QCOMPARE(zoneName(QTimeZone::utc()), u"UTC"_s);
}

QTEST_GUILESS_MAIN(TestExportFormats)
#include "tst_exportformats.moc"
