#include "csvreader.h"

#include "plivodata.h"
#include "plivoquery.h"
#include "simulator.h"

#include <QDir>
#include <QProcess>
#include <QSet>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <functional>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

constexpr int callCount = 400;
constexpr quint32 seed = 1;
const QString tokenVariable = u"CDR_EXPORT_TEST_TOKEN"_s;

using CallFilter = std::function<bool(const cdrsim::PlivoCall &)>;

struct RunResult {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

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

QString isoZ(qint64 secs)
{
    return QDateTime::fromSecsSinceEpoch(secs, QTimeZone::utc()).toString(u"yyyy-MM-ddTHH:mm:ssZ"_s);
}

} // namespace

class TestCdrExport final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void help();
    void fullExport();
    void defaultColumns();
    void numberFilters_data();
    void numberFilters();
    void direction_data();
    void direction();
    void params_data();
    void params();
    void rawColumns();
    void wrongToken_data();
    void wrongToken();
    void serverErrorMidway();
    void secretVariableMissing_data();
    void secretVariableMissing();
    void badUsage_data();
    void badUsage();
    void rangeRejectedByProvider();
    void outputWrittenAtomically();
    void enswitchExport();
    void enswitchWrongPassword();

private:
    RunResult run(const QStringList &arguments, const QString &token = cdrsim::Simulator::demoAccount().authToken);
    QStringList baseArguments() const;
    QStringList windowArguments() const;
    QList<cdrsim::PlivoCall> expectedCalls(const CallFilter &keep = {}) const;

    std::unique_ptr<cdrsim::Simulator> m_simulator;
    QDateTime m_now;
    qint64 m_since = 0;
    qint64 m_until = 0;
    QList<cdrsim::PlivoCall> m_calls;
};

void TestCdrExport::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(QFile::exists(QStringLiteral(CDR_EXPORT_PATH)), CDR_EXPORT_PATH);
}

void TestCdrExport::init()
{
    // cdr-export reads the real clock, so the simulator's "now" is the real
    // time too, pinned to a whole second so the expected rows can be computed.
    m_now = QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), QTimeZone::utc());
    m_since = m_now.toSecsSinceEpoch() - 60 * 86400;
    m_until = m_now.toSecsSinceEpoch() - 3600;
    m_simulator = std::make_unique<cdrsim::Simulator>();
    m_simulator->setNow(m_now);
    m_simulator->setSeed(seed);
    m_simulator->setPlivoCallCount(callCount);
    QVERIFY(m_simulator->listen(0));
    m_calls = cdrsim::generatePlivoCalls(seed, m_now.toSecsSinceEpoch(), callCount);
}

void TestCdrExport::cleanup()
{
    m_simulator.reset();
}

RunResult TestCdrExport::run(const QStringList &arguments, const QString &token)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(tokenVariable);
    if (!token.isNull())
        environment.insert(tokenVariable, token);
    process.setProcessEnvironment(environment);
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(QStringLiteral(CDR_EXPORT_PATH), arguments);
    // The simulator runs on this thread; waiting on the spy keeps its event loop going.
    if (!finished.wait(120000)) {
        process.kill();
        finished.wait(5000);
        return {};
    }
    RunResult result;
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

QStringList TestCdrExport::baseArguments() const
{
    return {u"--provider"_s, u"plivo"_s, u"--url"_s, m_simulator->baseUrl().toString(), u"--user"_s,
        cdrsim::Simulator::demoAccount().authId, u"--password-env"_s, tokenVariable};
}

QStringList TestCdrExport::windowArguments() const
{
    // One end with Z, the other with an offset: both forms must be accepted.
    const QDateTime sinceInBerlinSummer
        = QDateTime::fromSecsSinceEpoch(m_since, QTimeZone::utc()).toOffsetFromUtc(2 * 3600);
    return {u"--since"_s, sinceInBerlinSummer.toString(Qt::ISODate), u"--until"_s, isoZ(m_until)};
}

QList<cdrsim::PlivoCall> TestCdrExport::expectedCalls(const CallFilter &keep) const
{
    QList<cdrsim::PlivoCall> result;
    for (const cdrsim::PlivoCall &call : m_calls) {
        if (call.endTime >= m_since && call.endTime < m_until && (!keep || keep(call)))
            result.append(call);
    }
    return result;
}

void TestCdrExport::help()
{
    const RunResult result = run({u"--help"_s});
    QCOMPARE(result.exitCode, 0);
    QVERIFY(result.out.contains("Usage: cdr-export --provider"));
    QVERIFY(result.out.contains("--password-env"));
    QVERIFY(result.err.isEmpty());
}

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

void TestCdrExport::wrongToken_data()
{
    QTest::addColumn<bool>("toFile");
    QTest::newRow("stdout") << false;
    QTest::newRow("file") << true;
}

void TestCdrExport::wrongToken()
{
    QFETCH(bool, toFile);
    const QString token = u"wrong-token-4f1c9e"_s;
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString output = dir.filePath(u"calls.csv"_s);
    const QStringList target = toFile ? QStringList{u"--output"_s, output} : QStringList();
    const RunResult result = run(baseArguments() + windowArguments() + target, token);
    QCOMPARE(result.exitCode, 1);
    const QByteArray err = result.err.trimmed();
    QVERIFY2(!err.isEmpty() && !err.contains('\n'), result.err.constData());
    QVERIFY2(err.contains("401"), err.constData());
    QVERIFY2(err.contains("authentication credentials invalid"), err.constData());
    QVERIFY(!result.err.contains(token.toUtf8()));
    QVERIFY(!result.out.contains(token.toUtf8()));
    // Not even a header: a header alone would read as "no calls".
    QVERIFY(result.out.isEmpty());
    // No file, and nothing left behind that could pass for one.
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot), QStringList());
}

void TestCdrExport::serverErrorMidway()
{
    m_simulator->failRequests(2, 1000, 500);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString output = dir.filePath(u"calls.csv"_s);
    QFile previous(output);
    QVERIFY(previous.open(QIODevice::WriteOnly));
    previous.write("an earlier export\r\n");
    previous.close();

    const RunResult result = run(baseArguments() + windowArguments() + QStringList{u"--output"_s, output});
    QCOMPARE(result.exitCode, 1);
    const QByteArray err = result.err.trimmed();
    QVERIFY2(!err.contains('\n'), result.err.constData());
    QVERIFY2(err.contains("500") && err.contains("simulated server error"), err.constData());
    // The earlier file is untouched: a failed export never replaces it with part of one.
    QVERIFY(previous.open(QIODevice::ReadOnly));
    QCOMPARE(previous.readAll(), QByteArray("an earlier export\r\n"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
        QStringList{u"calls.csv"_s});
}

void TestCdrExport::secretVariableMissing_data()
{
    QTest::addColumn<QString>("token");
    QTest::newRow("unset") << QString();
    QTest::newRow("empty") << u""_s;
}

void TestCdrExport::secretVariableMissing()
{
    QFETCH(QString, token);
    const RunResult result = run(baseArguments() + windowArguments(), token);
    QCOMPARE(result.exitCode, 2);
    QVERIFY(result.err.contains(tokenVariable.toUtf8()));
    QVERIFY(result.err.contains("Usage:"));
    QVERIFY(result.out.isEmpty());
    QCOMPARE(m_simulator->requestCount(), 0);
}

void TestCdrExport::badUsage_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("mentions");

    QTest::newRow("since not a time") << QStringList{u"--since"_s, u"yesterday"_s} << u"yesterday"_s;
    QTest::newRow("since without zone") << QStringList{u"--since"_s, u"2024-05-01T00:00:00"_s} << u"--since"_s;
    QTest::newRow("until date only") << QStringList{u"--until"_s, u"2024-05-01"_s} << u"--until"_s;
    QTest::newRow("unknown column") << QStringList{u"--columns"_s, u"id,bogus_column"_s} << u"bogus_column"_s;
    QTest::newRow("empty raw column") << QStringList{u"--columns"_s, u"id,raw."_s} << u"raw."_s;
    QTest::newRow("direction") << QStringList{u"--direction"_s, u"sideways"_s} << u"inbound"_s;
    QTest::newRow("param without =") << QStringList{u"--param"_s, u"hangup_source"_s} << u"KEY=VALUE"_s;
    QTest::newRow("unknown option") << QStringList{u"--colour"_s, u"red"_s} << u"colour"_s;
    QTest::newRow("stray argument") << QStringList{u"extra"_s} << u"extra"_s;
    QTest::newRow("option twice") << QStringList{u"--caller"_s, u"+1"_s, u"--caller"_s, u"+2"_s} << u"--caller"_s;
    QTest::newRow("since after until") << QStringList{u"--since"_s, isoZ(QDateTime::currentSecsSinceEpoch() - 3600),
        u"--until"_s, isoZ(QDateTime::currentSecsSinceEpoch() - 7200)}
                                       << u"since"_s;
}

void TestCdrExport::badUsage()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, mentions);
    const RunResult result = run(baseArguments() + arguments);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(mentions.toUtf8()), result.err.constData());
    QVERIFY(result.err.contains("Usage:"));
    QVERIFY(result.out.isEmpty());
    QCOMPARE(m_simulator->requestCount(), 0);

    // Without the provider and credentials it is still a usage error.
    const RunResult bare = run(arguments);
    QCOMPARE(bare.exitCode, 2);
}

void TestCdrExport::rangeRejectedByProvider()
{
    // The API reaches back 90 days; the provider says so before sending anything.
    const RunResult result
        = run(baseArguments() + QStringList{u"--since"_s, isoZ(QDateTime::currentSecsSinceEpoch() - 120 * 86400)});
    QCOMPARE(result.exitCode, 2);
    QVERIFY(result.err.contains("Usage:"));
    QVERIFY(result.err.contains("90"));
    QCOMPARE(m_simulator->requestCount(), 0);
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
        u"--user"_s, cdrsim::Simulator::enswitchDemoAccount().username, u"--password-env"_s, tokenVariable,
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

void TestCdrExport::enswitchWrongPassword()
{
    const QString password = u"wrong-password-77a1"_s;
    const QStringList arguments{u"--provider"_s, u"enswitch"_s, u"--url"_s, m_simulator->baseUrl().toString(),
        u"--user"_s, cdrsim::Simulator::enswitchDemoAccount().username, u"--password-env"_s, tokenVariable};
    const RunResult result = run(arguments, password);
    QCOMPARE(result.exitCode, 1);
    const QByteArray err = result.err.trimmed();
    QVERIFY2(!err.isEmpty() && !err.contains('\n'), result.err.constData());
    QVERIFY2(err.contains("401"), err.constData());
    QVERIFY(!result.err.contains(password.toUtf8()));
    QVERIFY(result.out.isEmpty());
}

QTEST_GUILESS_MAIN(TestCdrExport)
#include "tst_cdrexport.moc"
