#include "csvreader.h"
#include "exportsample.h"

#include "csvwriter.h"
#include "recordwriter.h"

#include <QBuffer>
#include <QLocale>
#include <QTest>

#include <nlohmann/json.hpp>

using namespace Qt::StringLiterals;
using namespace exporttest;

namespace {

QByteArray writeAll(const QStringList &columns, const QList<CdrRecord> &records, const ExportFormatOptions &options)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    RecordWriter writer(buffer, columns, u"plivo"_s, options);
    if (!writer.writeHeader())
        return "header failed";
    for (const CdrRecord &record : records) {
        if (!writer.writeRecord(record))
            return "record failed";
    }
    if (!writer.flush())
        return "flush failed";
    return buffer.data();
}

std::string toStd(const QString &text)
{
    return text.toStdString();
}

} // namespace

class TestRecordWriter final : public QObject {
    Q_OBJECT

private slots:
    void presets_data();
    void presets();
    void hostileRows();
    void rfc4180MatchesCsvWriter();
    void tsvKeepsRows();
    void durationColumns();
    void jsonLines();
    void streamsInChunks();
    void reportsWriteErrors();
};

void TestRecordWriter::presets_data()
{
    QTest::addColumn<ExportFormatOptions>("options");
    QTest::addColumn<QByteArray>("expected");

    const QByteArray bom("\xEF\xBB\xBF");
    QTest::newRow("Excel en_US") << ExportFormatOptions::excel(QLocale(QLocale::English, QLocale::UnitedStates))
                                 << bom
            + "id,start_time (UTC),caller,callee,duration,amount,trunk,raw.total_amount\r\n"
              "0a1b-0001,2026-11-25T07:00:00Z,'+4930123456,'00441632960000,125,-0.0050,"
              "\"Zo\xc3\xab, main\",-0.00500\r\n";
    QTest::newRow("Excel de_DE") << ExportFormatOptions::excel(QLocale(QLocale::German, QLocale::Germany))
                                 << bom
            + "id;start_time (UTC);caller;callee;duration;amount;trunk;raw.total_amount\r\n"
              "0a1b-0001;2026-11-25T07:00:00Z;'+4930123456;'00441632960000;125;-0,0050;"
              "Zo\xc3\xab, main;-0,00500\r\n";
    QTest::newRow("RFC 4180") << ExportFormatOptions::rfc4180()
                              << QByteArray(
                                     "id,start_time (UTC),caller,callee,duration,amount,trunk,raw.total_amount\r\n"
                                     "0a1b-0001,2026-11-25T07:00:00Z,+4930123456,00441632960000,125,-0.0050,"
                                     "\"Zo\xc3\xab, main\",-0.00500\r\n");
    QTest::newRow("TSV") << ExportFormatOptions::tsv()
                         << QByteArray(
                                "id\tstart_time (UTC)\tcaller\tcallee\tduration\tamount\ttrunk\traw.total_amount\r\n"
                                "0a1b-0001\t2026-11-25T07:00:00Z\t+4930123456\t00441632960000\t125\t-0.0050\t"
                                "Zo\xc3\xab, main\t-0.00500\r\n");
}

void TestRecordWriter::presets()
{
    QFETCH(ExportFormatOptions, options);
    QFETCH(QByteArray, expected);
    QCOMPARE(writeAll(sampleColumns, {sampleRecord()}, options), expected);
}

void TestRecordWriter::hostileRows()
{
    CdrRecord hostile;
    hostile.id = u"00123"_s;
    hostile.caller = u"=SUM(A1)"_s;
    hostile.callee = u"+1"_s;
    hostile.hangupCause = u"-2"_s;
    hostile.hangupSource = u"@x"_s;
    hostile.trunk = u"\tcmd"_s;
    hostile.direction = Direction::Inbound;
    hostile.amount = u"-0.0050"_s;
    hostile.rate = u"-1"_s;
    hostile.duration = 0;
    const QStringList columns{u"id"_s, u"caller"_s, u"callee"_s, u"hangup_cause"_s, u"hangup_source"_s, u"trunk"_s,
        u"amount"_s, u"rate"_s, u"duration"_s};
    ExportFormatOptions excel = ExportFormatOptions::excel(QLocale(QLocale::German, QLocale::Germany));
    QCOMPARE(writeAll(columns, {hostile}, excel),
        QByteArray("\xEF\xBB\xBF"
                   "id;caller;callee;hangup_cause;hangup_source;trunk;amount;rate;duration\r\n"
                   "'00123;'=SUM(A1);'+1;'-2;'@x;'\tcmd;-0,0050;-1;0\r\n"));
    QCOMPARE(writeAll(columns, {hostile}, ExportFormatOptions::rfc4180()),
        QByteArray("id,caller,callee,hangup_cause,hangup_source,trunk,amount,rate,duration\r\n"
                   "00123,=SUM(A1),+1,-2,@x,\tcmd,-0.0050,-1,0\r\n"));
    // In TSV the tab makes the cell quoted, so the row keeps its columns.
    QCOMPARE(writeAll(columns, {hostile}, ExportFormatOptions::tsv()),
        QByteArray("id\tcaller\tcallee\thangup_cause\thangup_source\ttrunk\tamount\trate\tduration\r\n"
                   "00123\t=SUM(A1)\t+1\t-2\t@x\t\"\tcmd\"\t-0.0050\t-1\t0\r\n"));
}

void TestRecordWriter::rfc4180MatchesCsvWriter()
{
    // The RFC 4180 preset is today's CsvWriter output, once the header leaves out the zone.
    CdrRecord awkward = sampleRecord();
    awkward.caller = u"\"Zoë\" <+33123>"_s;
    awkward.hangupCause = u"line one\r\nline two"_s;
    awkward.hangupSource = u"tab\there"_s;
    awkward.trunk = u"=cmd|' /C calc'!A0"_s;
    awkward.answerTime = QDateTime(QDate(2026, 11, 25), QTime(7, 0, 1, 250), QTimeZone::utc());
    QStringList columns = unifiedColumnKeys();
    columns << u"raw.call_uuid"_s << u"raw.total_amount"_s << u"raw.answer_time"_s << u"raw.legs"_s
            << u"raw.not_sent"_s;
    const QList<CdrRecord> records{sampleRecord(), awkward, CdrRecord()};

    QBuffer legacy;
    legacy.open(QIODevice::WriteOnly);
    {
        CsvWriter writer(legacy, columns, u"plivo"_s);
        QVERIFY(writer.writeHeader());
        for (const CdrRecord &record : records)
            QVERIFY(writer.writeRecord(record));
        QVERIFY(writer.flush());
    }
    ExportFormatOptions options = ExportFormatOptions::rfc4180();
    options.zoneInHeader = false;
    QCOMPARE(writeAll(columns, records, options), legacy.data());
}

void TestRecordWriter::tsvKeepsRows()
{
    // Tabs, CR and LF inside a cell are quoted as in CSV, which Excel,
    // LibreOffice and pandas read back losslessly; a tab cell would otherwise
    // shift every column after it.
    CdrRecord record;
    record.id = u"a\tb"_s;
    record.caller = u"line\r\nbreak"_s;
    record.callee = u"say \"hi\""_s;
    record.trunk = u"plain, with comma"_s;
    const QByteArray bytes
        = writeAll({u"id"_s, u"caller"_s, u"callee"_s, u"trunk"_s}, {record}, ExportFormatOptions::tsv());
    QCOMPARE(bytes,
        QByteArray("id\tcaller\tcallee\ttrunk\r\n"
                   "\"a\tb\"\t\"line\r\nbreak\"\t\"say \"\"hi\"\"\"\tplain, with comma\r\n"));
    const auto rows = csvtest::parse(bytes, '\t');
    QVERIFY(rows);
    QCOMPARE(rows->size(), 2);
    QCOMPARE(rows->at(1), (QStringList{record.id, record.caller, record.callee, record.trunk}));
}

void TestRecordWriter::durationColumns()
{
    CdrRecord record;
    record.duration = 90061;
    record.billedDuration = 59;
    ExportFormatOptions options = ExportFormatOptions::excel(QLocale::c());
    options.durations = DurationStyle::Hms;
    const QByteArray bytes = writeAll({u"duration"_s, u"billed_duration"_s}, {record, CdrRecord()}, options);
    QCOMPARE(bytes,
        QByteArray("\xEF\xBB\xBF"
                   "duration,billed_duration\r\n25:01:01,0:00:59\r\n,\r\n"));
    options.durations = DurationStyle::Seconds;
    QCOMPARE(cell(record, u"duration"_s, options), u"90061"_s);
}

void TestRecordWriter::jsonLines()
{
    CdrRecord second;
    second.id = u"line\nbreak \"quoted\"\ttab"_s;
    second.caller = u"=SUM(A1)"_s;
    second.amount = u"12345678901234567890.123456789"_s;
    second.trunk = u"\n    \"native\": {"_s; // looks like the key it is split at
    second.native = {native(u"native"_s, NativeValue::Kind::Number, u"1.10"_s),
        native(u"unified"_s, NativeValue::Kind::Object, u"{\"native\":2.50}"_s)};
    const QList<CdrRecord> records{sampleRecord(), second};
    ExportFormatOptions options = ExportFormatOptions::jsonLines();
    options.durations = DurationStyle::Hms; // ignored: JSON Lines keeps seconds and UTC
    options.zone = QTimeZone("Europe/Berlin");
    const QByteArray bytes = writeAll({u"id"_s}, records, options);
    QVERIFY(bytes.endsWith('\n'));
    const QList<QByteArray> lines = bytes.chopped(1).split('\n');
    QCOMPARE(lines.size(), records.size());

    for (qsizetype i = 0; i < lines.size(); ++i) {
        const CdrRecord &record = records.at(i);
        const auto json = nlohmann::ordered_json::parse(lines.at(i).toStdString(), nullptr, false);
        QVERIFY2(!json.is_discarded(), lines.at(i).constData());
        const auto &unified = json.at("unified");
        QCOMPARE(unified.at("id").get<std::string>(), toStd(record.id));
        QCOMPARE(unified.at("caller").get<std::string>(), toStd(record.caller)); // JSON needs no guard
        QCOMPARE(unified.at("amount").get<std::string>(), toStd(record.amount)); // exact text, no double
        QCOMPARE(json.at("native").size(), size_t(record.native.size()));
        for (const NativeField &field : record.native)
            QVERIFY(json.at("native").contains(toStd(field.name)));
    }
    const auto first = nlohmann::ordered_json::parse(lines.at(0).toStdString());
    QCOMPARE(first.at("unified").at("start_time").get<std::string>(), std::string("2026-11-25T07:00:00Z"));
    QCOMPARE(first.at("unified").at("duration").get<int>(), 125);
    QVERIFY(first.at("unified").at("answer_time").is_null());
    QVERIFY(first.at("native").at("answer_time").is_null());
    QCOMPARE(first.at("native").at("srtp").get<bool>(), false);
    // Native numbers keep the provider's text, nested ones too.
    QVERIFY(lines.at(0).contains("\"total_amount\":-0.00500"));
    QVERIFY(lines.at(0).contains("\"cost\":0.10"));
    QVERIFY(lines.at(0).contains("\"amount\":\"-0.0050\""));
    QVERIFY(lines.at(1).contains("\"native\":{\"native\":1.10,\"unified\":{\"native\":2.50}}}"));
    const auto tricky = nlohmann::ordered_json::parse(lines.at(1).toStdString());
    QCOMPARE(tricky.at("unified").at("trunk").get<std::string>(), toStd(second.trunk));
}

void TestRecordWriter::streamsInChunks()
{
    // Memory stays flat: the writer hands the device chunks, not the whole file.
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    qint64 largestWrite = 0;
    QObject context;
    connect(
        &buffer, &QIODevice::bytesWritten, &context, [&](qint64 bytes) { largestWrite = qMax(largestWrite, bytes); });
    const CdrRecord record = sampleRecord();
    for (const ExportFormatOptions &options :
        {ExportFormatOptions::excel(QLocale::c()), ExportFormatOptions::jsonLines()}) {
        buffer.buffer().clear();
        buffer.seek(0);
        largestWrite = 0;
        RecordWriter writer(buffer, sampleColumns, u"plivo"_s, options);
        QVERIFY(writer.writeHeader());
        for (int i = 0; i < 5000; ++i)
            QVERIFY(writer.writeRecord(record));
        QVERIFY(writer.flush());
        QVERIFY(buffer.data().size() > 200 * 1024);
        QVERIFY2(largestWrite < 64 * 1024, QByteArray::number(largestWrite).constData());
        // One BOM at the very start, none later.
        QCOMPARE(buffer.data().count("\xEF\xBB\xBF"), options.byteOrderMark ? 1 : 0);
    }
}

void TestRecordWriter::reportsWriteErrors()
{
    QBuffer readOnly;
    readOnly.open(QIODevice::ReadOnly);
    RecordWriter writer(readOnly, sampleColumns, u"plivo"_s, ExportFormatOptions::tsv());
    QVERIFY(writer.writeHeader()); // buffered, not yet written
    QTest::ignoreMessage(QtWarningMsg, "QIODevice::write (QBuffer): ReadOnly device");
    QVERIFY(!writer.flush());
    QVERIFY(writer.hasError());
    QVERIFY(!writer.errorString().isEmpty());
    QVERIFY(!writer.writeRecord(sampleRecord())); // refused after the failure
}

QTEST_GUILESS_MAIN(TestRecordWriter)
#include "tst_recordwriter.moc"
