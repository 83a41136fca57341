// cdr-export's file formats end to end against the Plivo simulator: the Excel
// preset (BOM, the locale's separator, guarded phone numbers), a named zone in
// the header and offsets in the cells, h:mm:ss durations, TSV, JSON Lines that
// read back with the exact amounts, and bad values refused before any request.

#include "csvreader.h"
#include "exportprocess.h"
#include "simulator.h"

#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTimeZone>

#include <nlohmann/json.hpp>

#include <memory>

using namespace Qt::StringLiterals;
using namespace cdrexporttest;

namespace {

const QString kSecretVariable = u"CDR_EXPORT_TEST_FORMATS_TOKEN"_s;
const QString kColumns = u"id,start_time,caller,duration,amount"_s;

} // namespace

class TestCdrExportFormats final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void excelPreset();
    void excelSeparatorFollowsLocale();
    void namedZoneAndHms();
    void tabSeparated();
    void jsonLines();
    void defaultStaysPlain();
    void totalsLine();
    void readerClosingEarlyEndsQuietly();
    void badValues_data();
    void badValues();

private:
    RunResult run(const QStringList &extra, const QByteArray &locale = "C");
    QStringList arguments(const QStringList &extra) const;
    static QProcessEnvironment environment(const QByteArray &locale);
    QList<QByteArray> lines(const QByteArray &out) const;
    static QList<QStringList> table(const QByteArray &out, char separator = ',');   // strict RFC 4180

    std::unique_ptr<cdrsim::Simulator> m_simulator;
    // cdr-export checks Plivo's 90 days against the real clock, so the simulator's "now" is the real one.
    const QDateTime m_now = QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), QTimeZone::utc());
};

void TestCdrExportFormats::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(QFile::exists(QStringLiteral(CDR_EXPORT_PATH)), CDR_EXPORT_PATH);
    m_simulator = std::make_unique<cdrsim::Simulator>();
    m_simulator->setNow(m_now);
    m_simulator->setPlivoCallCount(300);
    m_simulator->setPlivoRateLimit(0, std::chrono::milliseconds(0));
    QVERIFY(m_simulator->listen(0));
}

QStringList TestCdrExportFormats::arguments(const QStringList &extra) const
{
    return QStringList{u"--provider"_s, u"plivo"_s, u"--url"_s, m_simulator->baseUrl().toString(), u"--user"_s,
               cdrsim::Simulator::demoAccount().authId, u"--password-env"_s, kSecretVariable, u"--since"_s,
               m_now.addDays(-20).toString(Qt::ISODate), u"--until"_s, m_now.toString(Qt::ISODate), u"--columns"_s,
               kColumns}
        + extra;
}

QProcessEnvironment TestCdrExportFormats::environment(const QByteArray &locale)
{
    const QString name = QString::fromLatin1(locale);
    return exportEnvironment(
        {{kSecretVariable, cdrsim::Simulator::demoAccount().authToken}, {u"LC_ALL"_s, name}, {u"LANG"_s, name}});
}

RunResult TestCdrExportFormats::run(const QStringList &extra, const QByteArray &locale)
{
    return runExport(arguments(extra), environment(locale), 60000);
}

QList<QByteArray> TestCdrExportFormats::lines(const QByteArray &out) const
{
    QList<QByteArray> result = out.split('\n');
    if (!result.isEmpty() && result.constLast().isEmpty())
        result.removeLast();
    return result;
}

QList<QStringList> TestCdrExportFormats::table(const QByteArray &out, char separator)
{
    const QByteArray body = out.startsWith("\xEF\xBB\xBF") ? out.mid(3) : out;
    const std::optional<QList<QStringList>> parsed = csvtest::parse(body, separator);
    return parsed.value_or(QList<QStringList>{});
}

void TestCdrExportFormats::excelPreset()
{
    const RunResult result = run({u"--preset"_s, u"excel"_s});
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.out.startsWith("\xEF\xBB\xBF" "id,start_time (UTC),caller,duration,amount\r\n"), result.out.left(80));
    const QList<QStringList> rows = table(result.out);
    QVERIFY(rows.size() > 5);
    for (qsizetype i = 1; i < rows.size(); ++i) {
        QCOMPARE(rows[i].size(), 5);
        // A caller such as +1202… would turn into a number (or a formula) in a spreadsheet: it is text.
        const QString caller = rows[i][2];
        QVERIFY2(!caller.startsWith(u'+') && !caller.startsWith(u'=') && !caller.startsWith(u'-')
                && !caller.startsWith(u'@'), qPrintable(caller));
        // Durations and amounts are numbers and stay untouched.
        QVERIFY2(!rows[i][3].startsWith(u'\''), qPrintable(rows[i][3]));
        QVERIFY2(!rows[i][4].startsWith(u'\''), qPrintable(rows[i][4]));
    }
    QVERIFY(result.out.contains(",'+"));
}

void TestCdrExportFormats::excelSeparatorFollowsLocale()
{
    const RunResult result = run({u"--preset"_s, u"excel"_s}, "de_DE.UTF-8");
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.out.startsWith("\xEF\xBB\xBF" "id;start_time (UTC);caller;duration;amount\r\n"), result.out.left(80));
}

void TestCdrExportFormats::namedZoneAndHms()
{
    const RunResult plain = run({});
    const RunResult berlin = run({u"--timezone"_s, u"Europe/Berlin"_s, u"--duration"_s, u"hms"_s});
    QCOMPARE(berlin.exitCode, 0);
    QVERIFY(berlin.out.startsWith("id,start_time (Europe/Berlin),caller,duration,amount\r\n"));
    const QList<QStringList> utcRows = table(plain.out);
    const QList<QStringList> rows = table(berlin.out);
    QVERIFY(rows.size() > 5);
    QCOMPARE(rows.size(), utcRows.size());
    for (qsizetype i = 1; i < rows.size(); ++i) {
        const QStringList &utc = utcRows[i];
        const QStringList &local = rows[i];
        QCOMPARE(local[0], utc[0]);
        // The same instant, written with Berlin's offset at that instant.
        const QDateTime a = QDateTime::fromString(utc[1], Qt::ISODateWithMs);
        const QDateTime b = QDateTime::fromString(local[1], Qt::ISODateWithMs);
        QCOMPARE(b.toUTC(), a.toUTC());
        const int offset = QTimeZone(QByteArrayLiteral("Europe/Berlin")).offsetFromUtc(a);
        QVERIFY2(local[1].endsWith(offset == 3600 ? u"+01:00"_s : u"+02:00"_s), qPrintable(local[1]));
        const int seconds = utc[3].toInt();
        QCOMPARE(local[3], QStringLiteral("%1:%2:%3").arg(seconds / 3600).arg(seconds / 60 % 60, 2, 10, QChar(u'0'))
                               .arg(seconds % 60, 2, 10, QChar(u'0')));
        QCOMPARE(local[4], utc[4]);   // amounts exactly as sent
    }
}

void TestCdrExportFormats::tabSeparated()
{
    const RunResult result = run({u"--format"_s, u"tsv"_s});
    QCOMPARE(result.exitCode, 0);
    QVERIFY(result.out.startsWith("id\tstart_time (UTC)\tcaller\tduration\tamount\r\n"));
    const QList<QStringList> rows = table(result.out, '\t');
    QVERIFY(rows.size() > 5);
    for (const QStringList &row : rows)
        QCOMPARE(row.size(), 5);
}

void TestCdrExportFormats::jsonLines()
{
    const RunResult csv = run({});
    const RunResult result = run({u"--format"_s, u"jsonl"_s});
    QCOMPARE(result.exitCode, 0);
    const QList<QByteArray> rows = lines(result.out);
    const QList<QStringList> csvRows = table(csv.out);
    QVERIFY(rows.size() > 5);
    QCOMPARE(rows.size(), csvRows.size() - 1);   // no header line
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const nlohmann::json object = nlohmann::json::parse(rows[i].toStdString());
        const QStringList &cells = csvRows[i + 1];
        QCOMPARE(QString::fromStdString(object.at("unified").at("id").get<std::string>()), cells[0]);
        // The amount is the provider's text, trailing zeros and all, as in the CSV.
        QCOMPARE(QString::fromStdString(object.at("unified").at("amount").get<std::string>()), cells[4]);
        QVERIFY(object.contains("native"));
    }
}

void TestCdrExportFormats::defaultStaysPlain()
{
    // Scripts read the default output: bare keys, no BOM, times in UTC.
    const RunResult result = run({});
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.out.startsWith("id,start_time,caller,duration,amount\r\n"), result.out.left(60));
}

void TestCdrExportFormats::totalsLine()
{
    const RunResult result = run({u"--totals"_s});
    QCOMPARE(result.exitCode, 0);
    // The same sums worked out here from the file: seconds as integers, amounts as
    // integer hundred-thousandths cut from the text (Plivo sends five decimals).
    const QList<QStringList> rows = table(result.out);
    QVERIFY(rows.size() > 5);
    qint64 seconds = 0;
    qint64 units = 0;
    for (qsizetype i = 1; i < rows.size(); ++i) {
        seconds += rows[i][3].toLongLong();
        const QStringList parts = rows[i][4].split(u'.');
        QCOMPARE(parts.size(), 2);
        QCOMPARE(parts[1].size(), 5);
        units += parts[0].toLongLong() * 100000 + parts[1].toLongLong();
    }
    const QString amount = u"%1.%2"_s.arg(units / 100000).arg(units % 100000, 5, 10, QChar(u'0'));
    const QString line = QString::fromUtf8(result.err).trimmed();
    QVERIFY2(line.startsWith(u"cdr-export: totals: %1 calls"_s.arg(rows.size() - 1)), qPrintable(line));
    QVERIFY2(line.contains(u"duration %1 s"_s.arg(seconds)), qPrintable(line));
    QVERIFY2(line.contains(u"amount %1 USD"_s.arg(amount)), qPrintable(line));
    // Without --totals, standard error stays quiet on success.
    QVERIFY(run({}).err.isEmpty());
}

void TestCdrExportFormats::readerClosingEarlyEndsQuietly()
{
    // `cdr-export … | head`: the reader goes away after the first lines, while
    // pages are still coming. The export stops without a word on stderr, with
    // the status of a tool ended by SIGPIPE.
    // A real pipe into `head`, whose status the shell hands back; rows enough
    // to need many writes after `head` has gone (several pipe buffers' worth).
    m_simulator->setPlivoCallCount(20000);
    QProcess shell;
    shell.setProcessEnvironment(environment("C"));
    QSignalSpy finished(&shell, &QProcess::finished);
    shell.start(u"bash"_s,
        QStringList{u"-c"_s, u"\"$0\" \"$@\" | head -c 10; exit ${PIPESTATUS[0]}"_s, QStringLiteral(CDR_EXPORT_PATH)}
            + arguments({}));
    const bool ended = finished.wait(60000);
    m_simulator->setPlivoCallCount(300);
    QVERIFY(ended);
    QCOMPARE(shell.readAllStandardOutput(), QByteArray("id,start_t"));
    QCOMPARE(shell.readAllStandardError(), QByteArray());
    QCOMPARE(shell.exitCode(), 141);
}

void TestCdrExportFormats::badValues_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("preset") << QStringList{u"--preset"_s, u"lotus"_s} << u"--preset"_s;
    QTest::newRow("format") << QStringList{u"--format"_s, u"xml"_s} << u"--format"_s;
    QTest::newRow("preset with tsv") << QStringList{u"--preset"_s, u"excel"_s, u"--format"_s, u"tsv"_s}
                                     << u"--preset"_s;
    QTest::newRow("zone") << QStringList{u"--timezone"_s, u"Mars/Olympus"_s} << u"Mars/Olympus"_s;
    QTest::newRow("duration") << QStringList{u"--duration"_s, u"fortnights"_s} << u"--duration"_s;
}

void TestCdrExportFormats::badValues()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, mentions);
    const int before = m_simulator->requestCount();
    const RunResult result = run(arguments);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(QString::fromUtf8(result.err).contains(mentions), result.err);
    QVERIFY(result.out.isEmpty());
    QCOMPARE(m_simulator->requestCount(), before);
}

QTEST_GUILESS_MAIN(TestCdrExportFormats)
#include "tst_cdrexport_formats.moc"
