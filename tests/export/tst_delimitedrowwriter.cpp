#include "cdrrecord.h"
#include "columns.h"
#include "delimitedrowwriter.h"
#include "exportformat.h"
#include "recordwriter.h"

#include <QBuffer>
#include <QLocale>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

NativeField native(const QString &name, NativeValue::Kind kind, const QString &text)
{
    return NativeField{name, NativeValue{kind, text}};
}

QStringList allColumns()
{
    QStringList columns = unifiedColumnKeys();
    columns << u"raw.amount"_s << u"raw.to"_s << u"raw.count"_s << u"raw.missing"_s << u"raw."_s << u"unknown"_s
            << u"caller"_s;
    return columns;
}

// Rows of everything a cell can hold: plain ASCII, other scripts, surrogate
// pairs and a lone surrogate, quotes, separators, line breaks, formula starts,
// digit strings, numbers with and without fractions, unset values.
QList<CdrRecord> awkwardRecords()
{
    QList<CdrRecord> records;
    CdrRecord plain;
    plain.id = u"0a1b2c3d-0000-4000-8000-000000000001"_s;
    plain.startTime = QDateTime(QDate(2026, 3, 29), QTime(0, 59, 59), QTimeZone::utc());
    plain.answerTime = QDateTime(QDate(2026, 3, 29), QTime(1, 0, 0, 250), QTimeZone::utc());
    plain.endTime = QDateTime(QDate(1960, 7, 1), QTime(12, 0), QTimeZone::utc());
    plain.caller = u"+4930123456"_s;
    plain.callee = u"00441632960000"_s;
    plain.direction = Direction::Outbound;
    plain.duration = 3725;
    plain.billedDuration = -61;
    plain.amount = u"-0.0050"_s;
    plain.rate = u"1.5e-3"_s;
    plain.currency = u"EUR"_s;
    plain.hangupCause = u"NORMAL_CLEARING"_s;
    plain.hangupSource = u"0123"_s;
    plain.trunk = u"1234567890123456"_s;
    plain.native = {native(u"amount"_s, NativeValue::Kind::Number, u"0.12300"_s),
        native(u"to"_s, NativeValue::Kind::String, u"0049301234"_s),
        native(u"count"_s, NativeValue::Kind::Number, u"12"_s), native(QString(), NativeValue::Kind::String, u"x"_s)};
    records << plain;

    CdrRecord hostile;
    hostile.id = u"=HYPERLINK(\"x\")"_s;
    hostile.caller = u"\"Zoë\" <+33 1 23>"_s;
    hostile.callee = u"-2+3"_s;
    hostile.direction = Direction::Inbound;
    hostile.duration = 0;
    hostile.amount = u"=1+1"_s;
    hostile.rate = u"0,5"_s;
    hostile.hangupCause = u"line one\r\nline two"_s;
    hostile.hangupSource = u"tab\there; and: colon"_s;
    hostile.trunk = u"Zoë, 中文 \U0001F4DE"_s;
    hostile.native = {native(u"amount"_s, NativeValue::Kind::String, u"1.5"_s),
        native(u"to"_s, NativeValue::Kind::String, u"@x"_s),
        native(u"count"_s, NativeValue::Kind::Number, u"{\"a\":1}"_s)};
    records << hostile;

    CdrRecord broken;
    broken.id = QString(QChar(0xd800)) + u"lone"_s;
    broken.caller = u"'quoted'"_s;
    broken.callee = u"+"_s;
    broken.direction = Direction::Internal;
    broken.startTime = QDateTime(QDate(10000, 1, 1), QTime(0, 0), QTimeZone::utc());
    broken.answerTime = QDateTime(QDate(1890, 1, 1), QTime(12, 0), QTimeZone::utc());
    broken.billedDuration = std::numeric_limits<qint64>::min();
    broken.duration = std::numeric_limits<qint64>::max();
    broken.amount = u"12."_s;
    broken.rate = u"."_s;
    broken.hangupCause = u"\tcmd"_s;
    broken.hangupSource = u"\rcmd"_s;
    broken.trunk = u"é"_s;
    records << broken;

    records << CdrRecord(); // nothing set at all
    return records;
}

// The bytes RecordWriter wrote before DelimitedRowWriter: one QString per cell.
QByteArray slowExport(const QStringList &columns, const QList<CdrRecord> &records, const ExportFormatOptions &options)
{
    const char separator = options.format == ExportFormat::Tsv ? '\t' : options.separator;
    QByteArray out;
    for (const CdrRecord &record : records) {
        for (qsizetype i = 0; i < columns.size(); ++i) {
            if (i > 0)
                out.append(separator);
            appendDelimitedField(out, exportCellText(record, columns.at(i), u"plivo"_s, options), separator);
        }
        out.append("\r\n");
    }
    return out;
}

QByteArray fastExport(const QStringList &columns, const QList<CdrRecord> &records, const ExportFormatOptions &options)
{
    DelimitedRowWriter writer(columns, u"plivo"_s, options);
    QByteArray out;
    for (const CdrRecord &record : records)
        writer.appendRow(out, record);
    return out;
}

ExportFormatOptions with(ExportFormatOptions options, const std::function<void(ExportFormatOptions &)> &change)
{
    change(options);
    return options;
}

} // namespace

class TestDelimitedRowWriter final : public QObject {
    Q_OBJECT

private slots:
    void sameBytesAsCellByCell_data();
    void sameBytesAsCellByCell();
    void recordWriterUsesIt();
};

void TestDelimitedRowWriter::sameBytesAsCellByCell_data()
{
    QTest::addColumn<ExportFormatOptions>("options");

    QTest::newRow("RFC 4180") << ExportFormatOptions::rfc4180();
    QTest::newRow("TSV") << ExportFormatOptions::tsv();
    QTest::newRow("Excel en_US") << ExportFormatOptions::excel(QLocale(QLocale::English, QLocale::UnitedStates));
    QTest::newRow("Excel de_DE") << ExportFormatOptions::excel(QLocale(QLocale::German, QLocale::Germany));
    QTest::newRow("Berlin, h:mm:ss") << with(ExportFormatOptions::rfc4180(), [](ExportFormatOptions &options) {
        options.zone = QTimeZone("Europe/Berlin");
        options.durations = DurationStyle::Hms;
    });
    QTest::newRow("New York, guard") << with(ExportFormatOptions::rfc4180(), [](ExportFormatOptions &options) {
        options.zone = QTimeZone("America/New_York");
        options.formulaGuard = true;
    });
    QTest::newRow("fixed +05:30, ';' and ','") << with(ExportFormatOptions::rfc4180(), [](ExportFormatOptions &o) {
        o.zone = QTimeZone(19800);
        o.separator = ';';
        o.decimalPoint = ',';
    });
    QTest::newRow("',' as both separator and decimal point") << with(
        ExportFormatOptions::rfc4180(), [](ExportFormatOptions &options) { options.decimalPoint = ','; });
    QTest::newRow("':' separator, h:mm:ss") << with(ExportFormatOptions::rfc4180(), [](ExportFormatOptions &options) {
        options.separator = ':';
        options.durations = DurationStyle::Hms;
    });
    QTest::newRow("'.' separator") << with(
        ExportFormatOptions::rfc4180(), [](ExportFormatOptions &options) { options.separator = '.'; });
    QTest::newRow("apostrophe separator, guard") << with(ExportFormatOptions::rfc4180(), [](ExportFormatOptions &o) {
        o.separator = '\'';
        o.formulaGuard = true;
    });
    QTest::newRow("Latin-1 separator") << with(
        ExportFormatOptions::rfc4180(), [](ExportFormatOptions &options) { options.separator = char(0xe9); });
    QTest::newRow("Latin-1 decimal point") << with(
        ExportFormatOptions::rfc4180(), [](ExportFormatOptions &options) { options.decimalPoint = char(0xb7); });
}

void TestDelimitedRowWriter::sameBytesAsCellByCell()
{
    QFETCH(ExportFormatOptions, options);
    const QStringList columns = allColumns();
    const QList<CdrRecord> records = awkwardRecords();
    QCOMPARE(fastExport(columns, records, options), slowExport(columns, records, options));
    // Columns in another order, some twice.
    const QStringList shuffled{u"trunk"_s, u"raw.amount"_s, u"start_time"_s, u"amount"_s, u"direction"_s,
        u"provider"_s, u"direction"_s, u"id"_s};
    QCOMPARE(fastExport(shuffled, records, options), slowExport(shuffled, records, options));
}

void TestDelimitedRowWriter::recordWriterUsesIt()
{
    // Many rows through RecordWriter, across several flushes, byte for byte the cell-by-cell export.
    const QStringList columns = allColumns();
    QList<CdrRecord> records;
    const QList<CdrRecord> awkward = awkwardRecords();
    for (int i = 0; i < 3000; ++i) {
        CdrRecord record = awkward.at(i % awkward.size());
        if (record.startTime.isValid() && record.startTime.date().year() < 9999)
            record.startTime = record.startTime.addSecs(i * 3607LL);
        records << record;
    }
    const ExportFormatOptions options = ExportFormatOptions::excel(QLocale(QLocale::German, QLocale::Germany));
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    RecordWriter writer(buffer, columns, u"plivo"_s, options);
    QVERIFY(writer.writeHeader());
    const qsizetype headerSize = buffer.data().size() + 0;
    for (const CdrRecord &record : records)
        QVERIFY(writer.writeRecord(record));
    QVERIFY(writer.flush());
    QVERIFY(buffer.data().size() > 100 * 1024);
    QVERIFY(headerSize == 0); // the header is still buffered until the first flush
    const QByteArray body = slowExport(columns, records, options);
    QVERIFY(buffer.data().endsWith(body));
}

QTEST_GUILESS_MAIN(TestDelimitedRowWriter)
#include "tst_delimitedrowwriter.moc"
