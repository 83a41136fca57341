#include "cdrrecord.h"
#include "exportformat.h"
#include "recordwriter.h"
#include "spreadsheetcells.h"

#include <QFile>
#include <QLocale>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

// Opens files written with the Excel preset in LibreOffice Calc (headless), the
// way a user in that locale would, and reads back what the spreadsheet made of
// each cell: numbers must be numbers with every digit, phone numbers and ids
// text with their '+' and leading zeros, and no name may become a formula.
// LibreOffice converts the CSV to a flat OpenDocument file (and, as a second
// path, to .xlsx and from there to the flat file), which this test parses.
class TestSpreadsheet : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void excelPresetOpensRight_data();
    void excelPresetOpensRight();

private:
    QString convert(const QString &input, const QString &targetFormat, const QString &importFilter);

    QString m_soffice;
    QTemporaryDir m_dir;
};

namespace {

const QStringList columns{u"id"_s, u"start_time"_s, u"caller"_s, u"callee"_s, u"trunk"_s, u"hangup_cause"_s,
    u"hangup_source"_s, u"duration"_s, u"billed_duration"_s, u"amount"_s};
constexpr int amountRows = 200;

// Amounts with five decimals, some negative, in hundred-thousandths, from a fixed sequence.
qint64 amountUnits(int row)
{
    const qint64 spread = (qint64(row) * 7919 + 104729) % 2000000;
    return row % 3 == 0 ? -spread : spread;
}

QString amountText(qint64 units)
{
    const QString digits = QString::number(qAbs(units)).rightJustified(6, u'0');
    return (units < 0 ? u"-"_s : QString()) + digits.left(digits.size() - 5) + u'.' + digits.right(5);
}

// A spreadsheet's number text ("-0.005", "12.3") in hundred-thousandths; nullopt if not exact to 5 places.
std::optional<qint64> unitsOf(QString text)
{
    const bool negative = text.startsWith(u'-');
    if (negative)
        text.remove(0, 1);
    const qsizetype point = text.indexOf(u'.');
    QString whole = point < 0 ? text : text.left(point);
    QString fraction = point < 0 ? QString() : text.mid(point + 1);
    if (fraction.size() > 5)
        return std::nullopt;
    bool ok = false;
    const qint64 units = (whole + fraction.leftJustified(5, u'0')).toLongLong(&ok);
    if (!ok)
        return std::nullopt;
    return negative ? -units : units;
}

QList<CdrRecord> hostileRecords()
{
    QList<CdrRecord> records;
    CdrRecord first;
    first.id = u"000123"_s;
    first.startTime = QDateTime(QDate(2026, 11, 25), QTime(7, 0), QTimeZone::utc());
    first.caller = u"+4930123456"_s;
    first.callee = u"00441632960000"_s;
    first.trunk = u"=HYPERLINK(\"http://example.test\",\"open\")"_s;
    first.hangupCause = u"-2+3"_s;
    first.hangupSource = u"@SUM(A1)"_s;
    first.duration = 3725;
    first.billedDuration = 3780;
    first.amount = u"-0.00500"_s;
    records.append(first);

    CdrRecord second;
    second.id = u"9007199254740993123"_s; // past a double's integers
    second.caller = u"0049301234567890123"_s;
    second.callee = u"+1202555"_s;
    second.trunk = u"+cmd|' /C calc'!A0"_s;
    second.hangupCause = u"Zoë; \"main\", line"_s;
    second.hangupSource = u"\tindented"_s;
    second.duration = 0;
    second.amount = u"12.34567"_s;
    records.append(second);

    for (int row = 0; row < amountRows; ++row) {
        CdrRecord call;
        call.id = u"call-%1"_s.arg(row);
        call.caller = u"+44%1"_s.arg(7700900000 + row);
        call.callee = u"0%1"_s.arg(20794600000 + row);
        call.duration = row;
        call.billedDuration = row + 60 - row % 60;
        call.amount = amountText(amountUnits(row));
        records.append(call);
    }
    return records;
}

} // namespace

void TestSpreadsheet::initTestCase()
{
    m_soffice = QStandardPaths::findExecutable(u"soffice"_s);
    if (m_soffice.isEmpty())
        QSKIP("LibreOffice (soffice) is not installed; .ci/setup installs libreoffice-calc-nogui");
    QVERIFY(m_dir.isValid());
}

QString TestSpreadsheet::convert(const QString &input, const QString &targetFormat, const QString &importFilter)
{
    QProcess soffice;
    QStringList arguments{
        // A profile of its own, so the test neither needs nor touches the user's.
        u"-env:UserInstallation=file://%1/profile"_s.arg(m_dir.path()),
        u"--headless"_s,
        u"--norestore"_s,
    };
    if (!importFilter.isEmpty())
        arguments << u"--infilter=%1"_s.arg(importFilter);
    arguments << u"--convert-to"_s << targetFormat << u"--outdir"_s << m_dir.path() << input;
    QSignalSpy done(&soffice, &QProcess::finished);
    soffice.start(m_soffice, arguments);
    if (!soffice.waitForStarted() || !done.wait(180000))
        return {};
    const QString output = m_dir.filePath(QFileInfo(input).completeBaseName() + u'.' + targetFormat);
    return QFile::exists(output) ? output : QString();
}

void TestSpreadsheet::excelPresetOpensRight_data()
{
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<QString>("importFilter");
    QTest::addColumn<bool>("throughXlsx");

    // CSV filter options: separator and quote as character codes, 76 = UTF-8,
    // from line 1, no column types forced, then the locale's language id:
    // what opening the file in that locale does.
    const QString english = u"CSV:44,34,76,1,,1033"_s;
    const QString german = u"CSV:59,34,76,1,,1031"_s;
    const QLocale us(QLocale::English, QLocale::UnitedStates);
    const QLocale de(QLocale::German, QLocale::Germany);
    QTest::newRow("en_US") << us << english << false;
    QTest::newRow("de_DE") << de << german << false;
    QTest::newRow("en_US via xlsx") << us << english << true;
    QTest::newRow("de_DE via xlsx") << de << german << true;
}

void TestSpreadsheet::excelPresetOpensRight()
{
    QFETCH(QLocale, locale);
    QFETCH(QString, importFilter);
    QFETCH(bool, throughXlsx);

    const QList<CdrRecord> records = hostileRecords();
    const QString csvPath = m_dir.filePath(u"calls-%1%2.csv"_s.arg(locale.name(), throughXlsx ? u"-x"_s : u""_s));
    {
        QFile file(csvPath);
        QVERIFY(file.open(QIODevice::WriteOnly));
        RecordWriter writer(file, columns, u"plivo"_s, ExportFormatOptions::excel(locale));
        QVERIFY(writer.writeHeader());
        for (const CdrRecord &record : records)
            QVERIFY(writer.writeRecord(record));
        QVERIFY(writer.flush());
    }

    QString flat;
    if (throughXlsx) {
        const QString xlsx = convert(csvPath, u"xlsx"_s, importFilter);
        QVERIFY2(!xlsx.isEmpty(), "LibreOffice did not write the .xlsx");
        flat = convert(xlsx, u"fods"_s, QString());
    } else {
        flat = convert(csvPath, u"fods"_s, importFilter);
    }
    QVERIFY2(!flat.isEmpty(), "LibreOffice did not write the flat spreadsheet");
    QString errorText;
    const QList<SpreadsheetRow> sheet = readFlatOds(flat, &errorText);
    QVERIFY2(errorText.isEmpty(), qPrintable(errorText));
    QCOMPARE(sheet.size(), records.size() + 1);

    // The header: the BOM understood (no "ï»¿"), the zone named.
    QCOMPARE(sheet[0].size(), columns.size());
    QCOMPARE(sheet[0][0].text, u"id"_s);
    QCOMPARE(sheet[0][1].text, u"start_time (UTC)"_s);

    for (const SpreadsheetRow &row : sheet) {
        for (const SpreadsheetCell &cell : row)
            QVERIFY2(!cell.formula, qPrintable(u"a formula in the sheet: "_s + cell.text));
    }

    // Ids and phone numbers: text, every digit and the '+' kept (after the guard's apostrophe).
    const auto isTextEnding = [](const SpreadsheetCell &cell, const QString &tail) {
        return cell.type == u"string"_s && (cell.text == tail || cell.text == u'\'' + tail);
    };
    const SpreadsheetRow &first = sheet[1];
    QVERIFY(isTextEnding(first[0], u"000123"_s));
    QVERIFY(isTextEnding(first[2], u"+4930123456"_s));
    QVERIFY(isTextEnding(first[3], u"00441632960000"_s));
    const SpreadsheetRow &second = sheet[2];
    QVERIFY(isTextEnding(second[0], u"9007199254740993123"_s));
    QVERIFY(isTextEnding(second[2], u"0049301234567890123"_s));
    QVERIFY(isTextEnding(second[3], u"+1202555"_s));

    // Hostile names arrive as the text they were, not evaluated.
    QCOMPARE(first[4].type, u"string"_s);
    QCOMPARE(first[4].text, u"'=HYPERLINK(\"http://example.test\",\"open\")"_s);
    QCOMPARE(first[5].text, u"'-2+3"_s);
    QCOMPARE(first[6].text, u"'@SUM(A1)"_s);
    QCOMPARE(second[4].text, u"'+cmd|' /C calc'!A0"_s);
    QCOMPARE(second[5].text, u"Zoë; \"main\", line"_s);

    // The time: the exact ISO text, or a date the spreadsheet read from it.
    QVERIFY2(first[1].text == u"2026-11-25T07:00:00Z"_s || first[1].value.startsWith(u"2026-11-25T07:00:00"_s),
        qPrintable(first[1].text));

    // Durations and amounts are numbers, exact to the last decimal, and their sum is ours.
    QCOMPARE(first[7].type, u"float"_s);
    QCOMPARE(first[7].value, u"3725"_s);
    QCOMPARE(first[9].type, u"float"_s);
    QCOMPARE(unitsOf(first[9].value), std::optional<qint64>(-500));
    QCOMPARE(unitsOf(second[9].value), std::optional<qint64>(1234567));
    qint64 expectedSum = 0;
    qint64 sheetSum = 0;
    for (int row = 0; row < amountRows; ++row) {
        const SpreadsheetRow &cells = sheet[3 + row];
        QCOMPARE(cells[9].type, u"float"_s);
        const std::optional<qint64> units = unitsOf(cells[9].value);
        QVERIFY2(units, qPrintable(cells[9].value));
        QCOMPARE(*units, amountUnits(row));
        expectedSum += amountUnits(row);
        sheetSum += *units;
        QCOMPARE(cells[8].type, u"float"_s);
        QVERIFY(isTextEnding(cells[2], u"+44%1"_s.arg(7700900000 + row)));
        QVERIFY(isTextEnding(cells[3], u"0%1"_s.arg(20794600000 + row)));
    }
    QCOMPARE(sheetSum, expectedSum);
}

QTEST_GUILESS_MAIN(TestSpreadsheet)
#include "tst_spreadsheet.moc"
