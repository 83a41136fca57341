#include "csvreader.h"

#include "cdrrecord.h"
#include "csvwriter.h"

#include <QBuffer>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// A device that counts writes and can be told to fail, to see chunking and
// error handling from the outside.
class ProbeDevice final : public QIODevice {
public:
    explicit ProbeDevice(qint64 failAfterBytes = -1)
        : m_failAfter(failAfterBytes)
    {
        open(QIODevice::WriteOnly | QIODevice::Unbuffered);
    }
    QByteArray data;
    int writeCalls = 0;

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *bytes, qint64 size) override
    {
        ++writeCalls;
        if (m_failAfter >= 0 && data.size() + size > m_failAfter) {
            setErrorString(u"No space left on device"_s);
            return -1;
        }
        // Take at most 1000 bytes at a time, as a pipe might.
        const qint64 taken = qMin<qint64>(size, 1000);
        data.append(bytes, taken);
        return taken;
    }

private:
    qint64 m_failAfter;
};

NativeField native(const QString &name, NativeValue::Kind kind, const QString &text)
{
    return NativeField{name, NativeValue{kind, text}};
}

CdrRecord sampleRecord()
{
    CdrRecord record;
    record.id = u"0a1b2c3d-0000-4000-8000-000000000001"_s;
    record.startTime = QDateTime(QDate(2024, 5, 1), QTime(10, 0, 0), QTimeZone::utc());
    record.endTime = QDateTime(QDate(2024, 5, 1), QTime(10, 2, 5), QTimeZone::utc());
    record.caller = u"+4930123456"_s;
    record.callee = u"00441632960000"_s;
    record.direction = Direction::Outbound;
    record.duration = 125;
    record.billedDuration = 180;
    record.amount = u"0.00200"_s;
    record.rate = u"0.00100"_s;
    record.currency = u"USD"_s;
    record.hangupCause = u"normal_hangup"_s;
    record.hangupSource = u"customer"_s;
    record.trunk = u"trunk.example, main"_s;
    record.native = {
        native(u"call_uuid"_s, NativeValue::Kind::String, record.id),
        native(u"stir_verification"_s, NativeValue::Kind::String, u"Not Applicable"_s),
        native(u"attestation_indicator"_s, NativeValue::Kind::String, u"null"_s),
        native(u"answer_time"_s, NativeValue::Kind::Null, QString()),
        native(u"total_amount"_s, NativeValue::Kind::String, u"0.00200"_s),
        native(u"bill_duration"_s, NativeValue::Kind::Number, u"180"_s),
        native(u"srtp"_s, NativeValue::Kind::Bool, u"false"_s),
    };
    return record;
}

QByteArray writeAll(const QStringList &columns, const QList<CdrRecord> &records, CsvOptions options = {})
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    CsvWriter writer(buffer, columns, u"plivo"_s, options);
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

} // namespace

class TestCsv final : public QObject {
    Q_OBJECT

private slots:
    void field_data();
    void field();
    void rows_data();
    void rows();
    void parsesBack_data();
    void parsesBack();
    void otherSeparator();
    void writesInChunks();
    void reportsWriteErrors();
    void destructorFlushes();
    void discardDropsBufferedRows();
};

void TestCsv::field_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("plain") << u"normal_hangup"_s << QByteArray("normal_hangup");
    QTest::newRow("empty") << QString() << QByteArray("");
    QTest::newRow("comma") << u"Smith, John"_s << QByteArray("\"Smith, John\"");
    QTest::newRow("quote") << u"say \"hi\""_s << QByteArray("\"say \"\"hi\"\"\"");
    QTest::newRow("only a quote") << u"\""_s << QByteArray("\"\"\"\"");
    QTest::newRow("CR") << u"a\rb"_s << QByteArray("\"a\rb\"");
    QTest::newRow("LF") << u"a\nb"_s << QByteArray("\"a\nb\"");
    QTest::newRow("CRLF") << u"a\r\nb"_s << QByteArray("\"a\r\nb\"");
    QTest::newRow("trailing LF") << u"line\n"_s << QByteArray("\"line\n\"");
    QTest::newRow("spaces kept") << u"  padded  "_s << QByteArray("  padded  ");
    QTest::newRow("semicolon") << u"a;b"_s << QByteArray("a;b");
    QTest::newRow("Zoë") << u"Zoë"_s << QByteArray("Zo\xc3\xab");
    QTest::newRow("Beijing") << u"北京"_s << QByteArray("\xe5\x8c\x97\xe4\xba\xac");
    QTest::newRow("emoji") << u"📞 call"_s << QByteArray("\xf0\x9f\x93\x9e call");
    QTest::newRow("Unicode with comma") << u"Zoë, 北京"_s << QByteArray("\"Zo\xc3\xab, \xe5\x8c\x97\xe4\xba\xac\"");
    QTest::newRow("leading plus") << u"+14155550100"_s << QByteArray("+14155550100");
    QTest::newRow("leading zeros") << u"0049301234"_s << QByteArray("0049301234");
    // RFC 4180 mode writes text as it is; spreadsheet formula guarding would
    // break numbers starting with '+', so it is not done here.
    QTest::newRow("formula") << u"=cmd|' /C calc'!A0"_s << QByteArray("=cmd|' /C calc'!A0");
    QTest::newRow("formula with quotes") << u"=HYPERLINK(\"x\")"_s << QByteArray("\"=HYPERLINK(\"\"x\"\")\"");
    QTest::newRow("at sign") << u"@SUM(1)"_s << QByteArray("@SUM(1)");
    QTest::newRow("amount") << u"0.00200"_s << QByteArray("0.00200");
}

void TestCsv::field()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, expected);
    QCOMPARE(CsvWriter::field(text), expected);
}

void TestCsv::rows_data()
{
    QTest::addColumn<QStringList>("columns");
    QTest::addColumn<QList<CdrRecord>>("records");
    QTest::addColumn<QByteArray>("expected");

    const CdrRecord full = sampleRecord();

    QTest::newRow("header only") << QStringList{u"id"_s, u"start_time"_s, u"raw.call_uuid"_s} << QList<CdrRecord>{}
                                 << QByteArray("id,start_time,raw.call_uuid\r\n");

    QTest::newRow("unified columns")
        << QStringList{u"provider"_s, u"id"_s, u"start_time"_s, u"answer_time"_s, u"end_time"_s, u"caller"_s,
               u"callee"_s, u"direction"_s, u"duration"_s, u"billed_duration"_s, u"amount"_s, u"rate"_s,
               u"hangup_cause"_s, u"hangup_source"_s, u"trunk"_s}
        << QList<CdrRecord>{full}
        << QByteArray("provider,id,start_time,answer_time,end_time,caller,callee,direction,duration,billed_duration,"
                      "amount,rate,hangup_cause,hangup_source,trunk\r\n"
                      "plivo,0a1b2c3d-0000-4000-8000-000000000001,2024-05-01T10:00:00Z,,2024-05-01T10:02:05Z,"
                      "+4930123456,00441632960000,outbound,125,180,0.00200,0.00100,normal_hangup,customer,"
                      "\"trunk.example, main\"\r\n");

    QTest::newRow("raw columns")
        << QStringList{u"raw.call_uuid"_s, u"raw.stir_verification"_s, u"raw.attestation_indicator"_s,
               u"raw.answer_time"_s, u"raw.total_amount"_s, u"raw.bill_duration"_s, u"raw.srtp"_s, u"raw.not_sent"_s}
        << QList<CdrRecord>{full}
        << QByteArray("raw.call_uuid,raw.stir_verification,raw.attestation_indicator,raw.answer_time,"
                      "raw.total_amount,raw.bill_duration,raw.srtp,raw.not_sent\r\n"
                      "0a1b2c3d-0000-4000-8000-000000000001,Not Applicable,null,,0.00200,180,false,\r\n");

    CdrRecord empty;
    QTest::newRow("empty record") << QStringList{u"id"_s, u"start_time"_s, u"caller"_s, u"direction"_s, u"duration"_s,
        u"amount"_s, u"raw.call_uuid"_s}
                                  << QList<CdrRecord>{empty}
                                  << QByteArray("id,start_time,caller,direction,duration,amount,raw.call_uuid\r\n"
                                                ",,,,,,\r\n");

    CdrRecord zero;
    zero.duration = 0;
    zero.billedDuration = 0;
    zero.amount = u"0.00000"_s;
    QTest::newRow("zeros are not empty") << QStringList{u"duration"_s, u"billed_duration"_s, u"amount"_s}
                                         << QList<CdrRecord>{zero}
                                         << QByteArray("duration,billed_duration,amount\r\n0,0,0.00000\r\n");

    CdrRecord awkward;
    awkward.id = u"id-2"_s;
    awkward.caller = u"\"Zoë\" <+33123>"_s;
    awkward.callee = u"北京 📞"_s;
    awkward.hangupCause = u"line one\r\nline two"_s;
    awkward.trunk = u"=cmd|' /C calc'!A0"_s;
    // A time given in another zone is written in UTC.
    awkward.startTime = QDateTime(QDate(2024, 5, 1), QTime(12, 30, 15, 250), QTimeZone(7200));
    QTest::newRow("quoting and Unicode")
        << QStringList{u"id"_s, u"start_time"_s, u"caller"_s, u"callee"_s, u"hangup_cause"_s, u"trunk"_s}
        << QList<CdrRecord>{awkward, full}
        << QByteArray("id,start_time,caller,callee,hangup_cause,trunk\r\n"
                      "id-2,2024-05-01T10:30:15.250Z,\"\"\"Zo\xc3\xab\"\" <+33123>\",\xe5\x8c\x97\xe4\xba\xac "
                      "\xf0\x9f\x93\x9e,\"line one\r\nline two\",=cmd|' /C calc'!A0\r\n"
                      "0a1b2c3d-0000-4000-8000-000000000001,2024-05-01T10:00:00Z,+4930123456,00441632960000,"
                      "normal_hangup,\"trunk.example, main\"\r\n");

    QTest::newRow("raw key with comma in header")
        << QStringList{u"raw.odd,name"_s} << QList<CdrRecord>{} << QByteArray("\"raw.odd,name\"\r\n");
}

void TestCsv::rows()
{
    QFETCH(QStringList, columns);
    QFETCH(QList<CdrRecord>, records);
    QFETCH(QByteArray, expected);

    const QByteArray actual = writeAll(columns, records);
    QCOMPARE(actual, expected);
    QVERIFY(!actual.startsWith("\xef\xbb\xbf")); // no BOM
}

void TestCsv::parsesBack_data()
{
    QTest::addColumn<QString>("value");
    QTest::newRow("comma") << u"a,b"_s;
    QTest::newRow("quotes") << u"\"quoted\" and \"\""_s;
    QTest::newRow("CRLF") << u"one\r\ntwo"_s;
    QTest::newRow("lone CR") << u"one\rtwo"_s;
    QTest::newRow("lone LF") << u"one\ntwo"_s;
    QTest::newRow("Unicode") << u"Zoë 北京 📞"_s;
    QTest::newRow("plus") << u"+0049"_s;
    QTest::newRow("empty") << QString();
}

void TestCsv::parsesBack()
{
    QFETCH(QString, value);
    CdrRecord record;
    record.id = value;
    record.caller = value;
    record.native = {native(u"x"_s, NativeValue::Kind::String, value)};
    const QByteArray bytes = writeAll({u"id"_s, u"caller"_s, u"raw.x"_s}, {record, record});
    const auto rows = csvtest::parse(bytes);
    QVERIFY(rows);
    QCOMPARE(rows->size(), 3);
    QCOMPARE(rows->at(0), (QStringList{u"id"_s, u"caller"_s, u"raw.x"_s}));
    QCOMPARE(rows->at(1), (QStringList{value, value, value}));
    QCOMPARE(rows->at(2), rows->at(1));
}

void TestCsv::otherSeparator()
{
    CdrRecord record;
    record.id = u"a;b"_s;
    record.caller = u"c,d"_s;
    CsvOptions options;
    options.separator = ';';
    QCOMPARE(writeAll({u"id"_s, u"caller"_s}, {record}, options), QByteArray("id;caller\r\n\"a;b\";c,d\r\n"));
    QCOMPARE(CsvWriter::field(u"a;b", ';'), QByteArray("\"a;b\""));
}

void TestCsv::writesInChunks()
{
    const CdrRecord record = sampleRecord();
    const QStringList columns{u"id"_s, u"start_time"_s, u"caller"_s, u"amount"_s, u"trunk"_s};
    constexpr int rowCount = 20000;

    ProbeDevice device;
    {
        CsvWriter writer(device, columns, u"plivo"_s);
        QVERIFY(writer.writeHeader());
        for (int i = 0; i < rowCount; ++i)
            QVERIFY(writer.writeRecord(record));
        QVERIFY(writer.flush());
        QVERIFY(!writer.hasError());
    }
    const QByteArray one = writeAll(columns, {record});
    const QByteArray header = one.left(one.indexOf("\r\n") + 2);
    const QByteArray line = one.mid(header.size());
    QCOMPARE(device.data.size(), header.size() + rowCount * line.size());
    QVERIFY(device.data.startsWith(header + line));
    QVERIFY(device.data.endsWith(line + line));
    // The probe takes 1000 bytes a call, so the count says how the writer
    // delivers: whole chunks, not a write per row.
    const qint64 minimumCalls = (device.data.size() + 999) / 1000;
    QVERIFY2(device.writeCalls < minimumCalls + minimumCalls / 10,
        qPrintable(u"%1 writes for %2 bytes"_s.arg(device.writeCalls).arg(device.data.size())));
}

void TestCsv::reportsWriteErrors()
{
    const CdrRecord record = sampleRecord();
    ProbeDevice device(100000);
    CsvWriter writer(device, {u"id"_s, u"caller"_s, u"trunk"_s}, u"plivo"_s);
    QVERIFY(writer.writeHeader());
    bool ok = true;
    int written = 0;
    for (; written < 100000 && ok; ++written)
        ok = writer.writeRecord(record);
    QVERIFY(!ok);
    QVERIFY(written < 100000);
    QVERIFY(writer.hasError());
    QCOMPARE(writer.errorString(), u"No space left on device"_s);
    // Once failed, nothing more is written: a file with a gap would look whole.
    const int callsBefore = device.writeCalls;
    QVERIFY(!writer.writeRecord(record));
    QVERIFY(!writer.flush());
    QCOMPARE(device.writeCalls, callsBefore);

    QBuffer closed;
    CsvWriter closedWriter(closed, {u"id"_s}, u"plivo"_s);
    QVERIFY(closedWriter.writeHeader()); // only buffered so far
    QTest::ignoreMessage(QtWarningMsg, "QIODevice::write (QBuffer): device not open");
    QVERIFY(!closedWriter.flush());
    QVERIFY(!closedWriter.errorString().isEmpty());
}

void TestCsv::destructorFlushes()
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        CsvWriter writer(buffer, {u"id"_s}, u"plivo"_s);
        QVERIFY(writer.writeHeader());
        CdrRecord record;
        record.id = u"x"_s;
        QVERIFY(writer.writeRecord(record));
    }
    QCOMPARE(buffer.data(), QByteArray("id\r\nx\r\n"));
}

void TestCsv::discardDropsBufferedRows()
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        CsvWriter writer(buffer, {u"id"_s}, u"plivo"_s);
        QVERIFY(writer.writeHeader());
        writer.discard();
        QVERIFY(writer.flush());
    }
    QCOMPARE(buffer.data(), QByteArray());
}

QTEST_GUILESS_MAIN(TestCsv)
#include "tst_csv.moc"
