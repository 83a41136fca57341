// cdr-export against the Plivo simulator, what it writes: every call of the
// window with each field as the simulator sent it, the default columns, number,
// direction and --param filters, raw columns, a file written only when complete,
// and an Enswitch export. Usage errors and failures: tst_cdrexport_usage.

#include "plivoexportfixture.h"
#include "plivoquery.h"

#include <QDir>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace cdrexporttest;

namespace {

// A parsed export: the header and the rows as maps from column key to text.
struct Csv {
    QStringList header;
    QList<QHash<QString, QString>> rows;
};

std::optional<Csv> readCsv(const QByteArray &bytes)
{
    const auto table = csvtest::parse(bytes);
    if (!table || table->isEmpty())
        return std::nullopt;
    Csv csv;
    csv.header = table->constFirst();
    for (qsizetype i = 1; i < table->size(); ++i) {
        if (table->at(i).size() != csv.header.size())
            return std::nullopt;
        QHash<QString, QString> row;
        for (qsizetype c = 0; c < csv.header.size(); ++c)
            row.insert(csv.header.at(c), table->at(i).at(c));
        csv.rows.append(row);
    }
    return csv;
}

} // namespace

class TestCdrExport final : public PlivoExportTest {
    Q_OBJECT

public:
    TestCdrExport() : PlivoExportTest(exportSetup) {}

private slots:
    void fullExport();
    void defaultColumns();
    void numberFilters_data();
    void numberFilters();
    void direction_data();
    void direction();
    void params_data();
    void params();
    void rawColumns();
    void outputWrittenAtomically();
    void enswitchExport();
};

void TestCdrExport::fullExport()
{
    const QStringList columns{
        u"id"_s, u"end_time"_s, u"caller"_s, u"callee"_s, u"amount"_s, u"raw.total_amount"_s, u"direction"_s};
    const RunResult result = run(baseArguments() + windowArguments() + QStringList{u"--columns"_s, columns.join(u',')});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    // Not a terminal: no progress, nothing at all on stderr.
    QCOMPARE(result.err, QByteArray());

    const auto csv = readCsv(result.out);
    QVERIFY2(csv, "the output is not RFC 4180 CSV");
    QCOMPARE(csv->header, columns);

    const QList<cdrsim::PlivoCall> expected = expectedCalls();
    QVERIFY(expected.size() > 40); // several pages
    QCOMPARE(csv->rows.size(), expected.size());
    // Newest first, like the API, and each field exactly as the simulator sent it.
    for (qsizetype i = 0; i < expected.size(); ++i) {
        const cdrsim::PlivoCall &call = expected.at(i);
        const QHash<QString, QString> &row = csv->rows.at(i);
        QCOMPARE(row.value(u"id"_s), call.uuid);
        QCOMPARE(row.value(u"end_time"_s), isoZ(call.endTime));
        QCOMPARE(row.value(u"caller"_s), call.fromNumber);
        QCOMPARE(row.value(u"callee"_s), call.toNumber);
        QCOMPARE(row.value(u"amount"_s), cdrsim::formatPlivoMoney(call.amountUnits));
        QCOMPARE(row.value(u"raw.total_amount"_s), cdrsim::formatPlivoMoney(call.amountUnits));
        QCOMPARE(row.value(u"direction"_s), call.outbound ? u"outbound"_s : u"inbound"_s);
    }
    // The awkward callers made it through: '+', leading zeros, quoting.
    const auto callerCount = [&](const std::function<bool(const QString &)> &test) {
        return std::count_if(csv->rows.cbegin(), csv->rows.cend(),
            [&](const QHash<QString, QString> &row) { return test(row.value(u"caller"_s)); });
    };
    QVERIFY(callerCount([](const QString &c) { return c.startsWith(u'+'); }) > 0);
    QVERIFY(callerCount([](const QString &c) { return c.startsWith(u'0'); }) > 0);
    QVERIFY(callerCount([](const QString &c) { return c.contains(u',') || c.contains(u'"'); }) > 0);
    QVERIFY(result.out.endsWith("\r\n"));
    QVERIFY(!result.out.startsWith("\xef\xbb\xbf"));
}

void TestCdrExport::defaultColumns()
{
    const RunResult result = run(baseArguments() + windowArguments());
    QVERIFY2(result.exitCode == 0, result.err.constData());
    const auto csv = readCsv(result.out);
    QVERIFY(csv);
    QVERIFY(csv->header.size() > 3);
    QCOMPARE(csv->header.constFirst(), u"id"_s);
    QCOMPARE(csv->header.count(u"id"_s), 1);
    QCOMPARE(csv->rows.size(), expectedCalls().size());
}

void TestCdrExport::numberFilters_data()
{
    QTest::addColumn<QString>("option");
    QTest::addColumn<QString>("prefix");
    QTest::newRow("caller with plus") << u"--caller"_s << u"+1202555"_s;
    QTest::newRow("caller without plus") << u"--caller"_s << u"44207946"_s;
    QTest::newRow("callee") << u"--callee"_s << u"+12025550100"_s;
    QTest::newRow("callee no match") << u"--callee"_s << u"+999"_s;
}

void TestCdrExport::numberFilters()
{
    QFETCH(QString, option);
    QFETCH(QString, prefix);
    const bool caller = option == u"--caller"_s;
    const RunResult result
        = run(baseArguments() + windowArguments() + QStringList{option, prefix, u"--columns"_s, u"id,caller,callee"_s});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    const auto csv = readCsv(result.out);
    QVERIFY(csv);
    const QList<cdrsim::PlivoCall> expected = expectedCalls([&](const cdrsim::PlivoCall &call) {
        return cdrsim::plivoNumberMatches(prefix, caller ? call.fromNumber : call.toNumber);
    });
    QCOMPARE(csv->rows.size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        QCOMPARE(csv->rows.at(i).value(u"id"_s), expected.at(i).uuid);
        const QString number = csv->rows.at(i).value(caller ? u"caller"_s : u"callee"_s);
        QVERIFY2(number.startsWith(prefix) || number.startsWith(u'+' + prefix) || (u'+' + number).startsWith(prefix),
            qPrintable(number));
    }
}

void TestCdrExport::direction_data()
{
    QTest::addColumn<QString>("direction");
    QTest::newRow("inbound") << u"inbound"_s;
    QTest::newRow("outbound") << u"outbound"_s;
}

void TestCdrExport::direction()
{
    QFETCH(QString, direction);
    const RunResult result = run(baseArguments() + windowArguments()
        + QStringList{u"--direction"_s, direction, u"--columns"_s, u"id,direction"_s});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    const auto csv = readCsv(result.out);
    QVERIFY(csv);
    const bool outbound = direction == u"outbound"_s;
    const auto expected
        = expectedCalls([outbound](const cdrsim::PlivoCall &call) { return call.outbound == outbound; });
    QVERIFY(!expected.isEmpty());
    QCOMPARE(csv->rows.size(), expected.size());
    for (const auto &row : csv->rows)
        QCOMPARE(row.value(u"direction"_s), direction);
}

void TestCdrExport::params_data()
{
    QTest::addColumn<QStringList>("params");
    QTest::addColumn<QString>("column");
    QTest::addColumn<CallFilter>("keep");

    QTest::newRow("hangup_source") << QStringList{u"hangup_source=carrier"_s} << u"raw.hangup_source"_s
                                   << CallFilter([](const cdrsim::PlivoCall &call) {
                                          return call.hangupSource == u"carrier"_s;
                                      });
    QTest::newRow("bill_duration range") << QStringList{u"bill_duration__gte=60"_s, u"bill_duration__lte=300"_s}
                                         << u"raw.bill_duration"_s << CallFilter([](const cdrsim::PlivoCall &call) {
                                                return call.billDuration >= 60 && call.billDuration <= 300;
                                            });
}

void TestCdrExport::params()
{
    QFETCH(QStringList, params);
    QFETCH(QString, column);
    QFETCH(CallFilter, keep);
    QStringList arguments = baseArguments() + windowArguments() + QStringList{u"--columns"_s, u"id,"_s + column};
    for (const QString &param : params)
        arguments << u"--param"_s << param;
    const RunResult result = run(arguments);
    QVERIFY2(result.exitCode == 0, result.err.constData());
    const auto csv = readCsv(result.out);
    QVERIFY(csv);
    const auto expected = expectedCalls(keep);
    QVERIFY(!expected.isEmpty());
    QVERIFY(expected.size() < expectedCalls().size());
    QCOMPARE(csv->rows.size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i)
        QCOMPARE(csv->rows.at(i).value(u"id"_s), expected.at(i).uuid);
}

void TestCdrExport::rawColumns()
{
    const RunResult result = run(
        baseArguments() + windowArguments() + QStringList{u"--columns"_s, u"raw.call_uuid,raw.stir_verification,id"_s});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    const auto csv = readCsv(result.out);
    QVERIFY(csv);
    QCOMPARE(csv->header, (QStringList{u"raw.call_uuid"_s, u"raw.stir_verification"_s, u"id"_s}));
    const auto expected = expectedCalls();
    QCOMPARE(csv->rows.size(), expected.size());
    QSet<QString> stirValues;
    for (qsizetype i = 0; i < expected.size(); ++i) {
        const auto &row = csv->rows.at(i);
        QCOMPARE(row.value(u"raw.call_uuid"_s), expected.at(i).uuid);
        QCOMPARE(row.value(u"id"_s), expected.at(i).uuid);
        // Verbatim, mixed case included.
        QCOMPARE(row.value(u"raw.stir_verification"_s), expected.at(i).stirVerification);
        stirValues.insert(row.value(u"raw.stir_verification"_s));
    }
    QVERIFY(stirValues.contains(u"Not Applicable"_s));
    QVERIFY(stirValues.contains(u"not applicable"_s));
}

void TestCdrExport::outputWrittenAtomically()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString output = dir.filePath(u"calls.csv"_s);
    const QStringList arguments = baseArguments() + windowArguments() + QStringList{u"--columns"_s, u"id,caller"_s};

    const RunResult toStdout = run(arguments);
    QCOMPARE(toStdout.exitCode, 0);
    const RunResult toFile = run(arguments + QStringList{u"--output"_s, output});
    QVERIFY2(toFile.exitCode == 0, toFile.err.constData());
    QVERIFY(toFile.out.isEmpty());
    QVERIFY(toFile.err.isEmpty());

    QFile file(output);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), toStdout.out);
    // The export and its sidecar (tested in tst_cdrexport_repeat), nothing else.
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
        (QStringList{u"calls.csv"_s, u"calls.csv.json"_s}));

    // A directory that cannot be written to is a bad --output, found before any request.
    const int before = m_simulator->requestCount();
    const RunResult nowhere = run(arguments + QStringList{u"--output"_s, dir.filePath(u"missing/calls.csv"_s)});
    QCOMPARE(nowhere.exitCode, 2);
    QVERIFY(nowhere.err.contains("missing/calls.csv"));
    QCOMPARE(m_simulator->requestCount(), before);
}

void TestCdrExport::enswitchExport()
{
    m_simulator->setEnswitchLegCount(3000);
    const QStringList arguments{u"--provider"_s, u"enswitch"_s, u"--url"_s, m_simulator->baseUrl().toString(),
        u"--user"_s, cdrsim::Simulator::enswitchDemoAccount().username, u"--password-env"_s, m_tokenVariable,
        u"--since"_s, isoZ(m_until - 60 * 86400), u"--until"_s, isoZ(m_until), u"--caller"_s, u"0"_s,
        u"--direction"_s, u"in"_s, u"--columns"_s, u"id,start_time,caller,callee,direction,amount,raw.uniqueid"_s};
    const QString password = cdrsim::Simulator::enswitchDemoAccount().password;
    const RunResult result = run(arguments, password);
    QCOMPARE(result.exitCode, 0);
    const auto csv = readCsv(result.out);
    QVERIFY(csv);
    QCOMPARE(csv->header, (QStringList{u"id"_s, u"start_time"_s, u"caller"_s, u"callee"_s, u"direction"_s,
                              u"amount"_s, u"raw.uniqueid"_s}));
    QVERIFY2(!csv->rows.isEmpty(), "the window holds inbound calls from numbers starting with 0");
    QSet<QString> ids;
    for (const auto &row : csv->rows) {
        // --caller is a "starts with" match (snumber + smatch=start), and leading zeros survive.
        QVERIFY2(row.value(u"caller"_s).startsWith(u'0'), qPrintable(row.value(u"caller"_s)));
        QCOMPARE(row.value(u"direction"_s), u"inbound"_s);
        QCOMPARE(row.value(u"id"_s), row.value(u"raw.uniqueid"_s));   // the uniqueid, byte for byte
        ids.insert(row.value(u"id"_s));
    }
    QCOMPARE(ids.size(), csv->rows.size());
    QVERIFY(!result.out.contains(password.toUtf8()));
    QVERIFY(!result.err.contains(password.toUtf8()));
    QCOMPARE(m_simulator->enswitchPasswordInUrlCount(), 0);
}

QTEST_GUILESS_MAIN(TestCdrExport)
#include "tst_cdrexport.moc"
