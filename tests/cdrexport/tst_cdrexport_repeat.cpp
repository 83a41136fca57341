// cdr-export's sidecar and --repeat against the Plivo simulator: the FILE.json
// written beside --output (window, filters, row count, never the secret), a
// repeat that gives the same bytes, a repeat for another period that gives
// exactly that period's rows, a sidecar as the app writes it, and bad sidecars
// refused before any request.

#include "csvreader.h"

#include "exportsidecar.h"
#include "plivodata.h"
#include "simulator.h"

#include <QDir>
#include <QProcess>
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
constexpr quint32 seed = 7;
const QString tokenVariable = u"CDR_EXPORT_TEST_REPEAT_TOKEN"_s;

struct RunResult {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

QString isoZ(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODate);
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The first column of a plain CSV export, header left out.
QStringList firstColumn(const QByteArray &bytes)
{
    QStringList ids;
    const auto table = csvtest::parse(bytes);
    if (!table)
        return {u"<not CSV>"_s};
    for (qsizetype i = 1; i < table->size(); ++i)
        ids.append(table->at(i).constFirst());
    return ids;
}

} // namespace

class TestCdrExportRepeat final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void outputWritesSidecar();
    void standardOutputOnlyWithSidecarOption();
    void repeatIsByteIdentical();
    void repeatForAnotherPeriod();
    void repeatWithOneEndGiven();
    void repeatOverridesFormat();
    void repeatsAppSidecar();
    void failedExportLeavesNoSidecar();
    void badSidecar_data();
    void badSidecar();

private:
    RunResult run(const QStringList &arguments, const QByteArray &locale = "C");
    QStringList baseArguments() const;
    QStringList window(const QDateTime &since, const QDateTime &until) const;
    QStringList expectedIds(const QDateTime &since, const QDateTime &until,
        const std::function<bool(const cdrsim::PlivoCall &)> &keep = {}) const;
    QString writeSidecarFile(const QString &dirPath, const QByteArray &json) const;

    std::unique_ptr<cdrsim::Simulator> m_simulator;
    QDateTime m_now;
    QList<cdrsim::PlivoCall> m_calls;
    const QString m_token = cdrsim::Simulator::demoAccount().authToken;
};

void TestCdrExportRepeat::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(QFile::exists(QStringLiteral(CDR_EXPORT_PATH)), CDR_EXPORT_PATH);
}

void TestCdrExportRepeat::init()
{
    // cdr-export checks Plivo's 90 days against the real clock, so the simulator's "now" is the real one.
    m_now = QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), QTimeZone::utc());
    m_simulator = std::make_unique<cdrsim::Simulator>();
    m_simulator->setNow(m_now);
    m_simulator->setSeed(seed);
    m_simulator->setPlivoCallCount(callCount);
    m_simulator->setPlivoRateLimit(0, std::chrono::milliseconds(0));
    QVERIFY(m_simulator->listen(0));
    m_calls = cdrsim::generatePlivoCalls(seed, m_now.toSecsSinceEpoch(), callCount);
}

void TestCdrExportRepeat::cleanup()
{
    m_simulator.reset();
}

RunResult TestCdrExportRepeat::run(const QStringList &arguments, const QByteArray &locale)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(tokenVariable, m_token);
    environment.insert(u"LC_ALL"_s, QString::fromLatin1(locale));
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

QStringList TestCdrExportRepeat::baseArguments() const
{
    return {u"--provider"_s, u"plivo"_s, u"--url"_s, m_simulator->baseUrl().toString(), u"--user"_s,
        cdrsim::Simulator::demoAccount().authId, u"--password-env"_s, tokenVariable};
}

QStringList TestCdrExportRepeat::window(const QDateTime &since, const QDateTime &until) const
{
    return {u"--since"_s, isoZ(since), u"--until"_s, isoZ(until)};
}

QStringList TestCdrExportRepeat::expectedIds(
    const QDateTime &since, const QDateTime &until, const std::function<bool(const cdrsim::PlivoCall &)> &keep) const
{
    // The simulator's order: newest end time first, then by id.
    QStringList ids;
    for (const cdrsim::PlivoCall &call : m_calls) {
        if (call.endTime >= since.toSecsSinceEpoch() && call.endTime < until.toSecsSinceEpoch()
            && (!keep || keep(call)))
            ids.append(call.uuid);
    }
    return ids;
}

QString TestCdrExportRepeat::writeSidecarFile(const QString &dirPath, const QByteArray &json) const
{
    const QString path = dirPath + u"/description.json"_s;
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(json);
    return path;
}

void TestCdrExportRepeat::outputWritesSidecar()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString output = dir.filePath(u"calls.csv"_s);
    const QDateTime since = m_now.addDays(-30);
    const QDateTime until = m_now.addDays(-10);
    const QDateTime before = QDateTime::currentDateTimeUtc();
    const RunResult result = run(baseArguments() + window(since, until)
        + QStringList{u"--direction"_s, u"outbound"_s, u"--param"_s, u"hangup_source=customer"_s, u"--columns"_s,
            u"id,end_time,caller"_s, u"--output"_s, output});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QVERIFY(result.err.isEmpty());
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
        (QStringList{u"calls.csv"_s, u"calls.csv.json"_s}));

    const QStringList ids = firstColumn(readAll(output));
    const QStringList expected = expectedIds(since, until,
        [](const cdrsim::PlivoCall &call) { return call.outbound && call.hangupSource == u"customer"_s; });
    QVERIFY(!expected.isEmpty());
    QCOMPARE(ids, expected);

    QString error;
    const std::optional<ExportSidecar> sidecar = ExportSidecarFile::read(output + u".json"_s, &error);
    QVERIFY2(sidecar, qPrintable(error));
    QCOMPARE(sidecar->providerId, u"plivo"_s);
    QVERIFY(sidecar->profileName.isEmpty());
    QCOMPARE(sidecar->baseUrl, m_simulator->baseUrl());
    QCOMPARE(sidecar->user, cdrsim::Simulator::demoAccount().authId);
    QCOMPARE(sidecar->scope, ExportSidecar::Scope::Matching);
    QCOMPARE(sidecar->query.since, since);
    QCOMPARE(sidecar->query.until, until);
    QCOMPARE(sidecar->query.filters, (QMap<QString, QString>{{u"call_direction"_s, u"outbound"_s}}));
    QCOMPARE(sidecar->query.extraParams, (QList<QPair<QString, QString>>{{u"hangup_source"_s, u"customer"_s}}));
    QCOMPARE(sidecar->columns, (QStringList{u"id"_s, u"end_time"_s, u"caller"_s}));
    QCOMPARE(sidecar->format.format, ExportFormat::Csv);
    QVERIFY(sidecar->presetKey.isEmpty());
    QCOMPARE(sidecar->rowCount, expected.size());
    QVERIFY(sidecar->complete);
    QVERIFY(sidecar->fetchedAt >= before.addSecs(-1) && sidecar->fetchedAt <= QDateTime::currentDateTimeUtc());

    // Never the secret, in any form.
    const QByteArray text = readAll(output + u".json"_s);
    QVERIFY(!text.contains(m_token.toUtf8()));
    QVERIFY(!text.contains(m_token.toUtf8().toBase64()));
    QVERIFY(!text.contains(tokenVariable.toUtf8()));
}

void TestCdrExportRepeat::standardOutputOnlyWithSidecarOption()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QStringList arguments
        = baseArguments() + window(m_now.addDays(-5), m_now.addDays(-1)) + QStringList{u"--columns"_s, u"id"_s};

    QVERIFY(QDir::setCurrent(dir.path()));
    const RunResult plain = run(arguments);
    QVERIFY2(plain.exitCode == 0, plain.err.constData());
    QVERIFY(QDir(dir.path()).isEmpty(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot));

    const QString sidecarPath = dir.filePath(u"stdout-export.json"_s);
    const RunResult withSidecar = run(arguments + QStringList{u"--sidecar"_s, sidecarPath});
    QVERIFY2(withSidecar.exitCode == 0, withSidecar.err.constData());
    QCOMPARE(withSidecar.out, plain.out);
    QString error;
    const auto sidecar = ExportSidecarFile::read(sidecarPath, &error);
    QVERIFY2(sidecar, qPrintable(error));
    QCOMPARE(sidecar->rowCount, firstColumn(plain.out).size());
    QVERIFY(sidecar->complete);

    // A --sidecar that cannot be written is found before any request.
    const int requests = m_simulator->requestCount();
    const RunResult nowhere = run(arguments + QStringList{u"--sidecar"_s, dir.filePath(u"missing/x.json"_s)});
    QCOMPARE(nowhere.exitCode, 2);
    QVERIFY2(nowhere.err.contains("missing/x.json"), nowhere.err.constData());
    QCOMPARE(m_simulator->requestCount(), requests);
}

void TestCdrExportRepeat::repeatIsByteIdentical()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString first = dir.filePath(u"first.csv"_s);
    const RunResult original = run(baseArguments() + window(m_now.addDays(-40), m_now.addDays(-2))
        + QStringList{u"--direction"_s, u"inbound"_s, u"--preset"_s, u"excel"_s, u"--timezone"_s, u"Europe/Berlin"_s,
            u"--duration"_s, u"hms"_s, u"--columns"_s,
            u"id,start_time,caller,callee,duration,amount,raw.hangup_cause_name"_s, u"--output"_s, first});
    QVERIFY2(original.exitCode == 0, original.err.constData());
    const QByteArray firstBytes = readAll(first);
    QVERIFY(firstBytes.startsWith("\xEF\xBB\xBF")); // the Excel preset really was used
    QVERIFY(firstBytes.count('\n') > 20);

    // Only the secret's variable and the output: everything else comes from the sidecar.
    // Another locale would give Excel another separator; the stored one wins.
    for (const QByteArray &locale : {QByteArray("C"), QByteArray("de_DE.UTF-8")}) {
        const QString again = dir.filePath(u"again-%1.csv"_s.arg(QString::fromLatin1(locale)));
        const RunResult repeat = run(
            {u"--repeat"_s, first + u".json"_s, u"--password-env"_s, tokenVariable, u"--output"_s, again}, locale);
        QVERIFY2(repeat.exitCode == 0, repeat.err.constData());
        QCOMPARE(readAll(again), firstBytes);

        // Its own sidecar describes the same export (only the time of fetching differs).
        QString error;
        const auto a = ExportSidecarFile::read(first + u".json"_s, &error);
        const auto b = ExportSidecarFile::read(again + u".json"_s, &error);
        QVERIFY2(a && b, qPrintable(error));
        QCOMPARE(b->query.since, a->query.since);
        QCOMPARE(b->query.until, a->query.until);
        QCOMPARE(b->query.filters, a->query.filters);
        QCOMPARE(b->columns, a->columns);
        QCOMPARE(b->presetKey, u"excel"_s);
        QCOMPARE(b->format.separator, a->format.separator);
        QCOMPARE(b->format.zone, a->format.zone);
        QCOMPARE(b->rowCount, a->rowCount);
        QVERIFY(b->complete);
    }
}

void TestCdrExportRepeat::repeatForAnotherPeriod()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString first = dir.filePath(u"week.csv"_s);
    const auto inbound = [](const cdrsim::PlivoCall &call) { return !call.outbound; };
    const RunResult original = run(baseArguments() + window(m_now.addDays(-7), m_now)
        + QStringList{u"--direction"_s, u"inbound"_s, u"--columns"_s, u"id,direction"_s, u"--output"_s, first});
    QVERIFY2(original.exitCode == 0, original.err.constData());
    QCOMPARE(firstColumn(readAll(first)), expectedIds(m_now.addDays(-7), m_now, inbound));

    // The week before, given with an offset: exactly its rows, with the stored filter.
    const QDateTime since = m_now.addDays(-14);
    const QDateTime until = m_now.addDays(-7);
    const QString previous = dir.filePath(u"previous-week.csv"_s);
    const RunResult repeat = run({u"--repeat"_s, first + u".json"_s, u"--password-env"_s, tokenVariable, u"--since"_s,
        since.toOffsetFromUtc(2 * 3600).toString(Qt::ISODate), u"--until"_s, isoZ(until), u"--output"_s, previous});
    QVERIFY2(repeat.exitCode == 0, repeat.err.constData());
    const QStringList expected = expectedIds(since, until, inbound);
    QVERIFY(!expected.isEmpty());
    QCOMPARE(firstColumn(readAll(previous)), expected);

    QString error;
    const auto sidecar = ExportSidecarFile::read(previous + u".json"_s, &error);
    QVERIFY2(sidecar, qPrintable(error));
    QCOMPARE(sidecar->query.since, since);
    QCOMPARE(sidecar->query.until, until);
    QCOMPARE(sidecar->rowCount, expected.size());
}

void TestCdrExportRepeat::repeatWithOneEndGiven()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString first = dir.filePath(u"old.csv"_s);
    const RunResult original = run(baseArguments() + window(m_now.addDays(-50), m_now.addDays(-40))
        + QStringList{u"--columns"_s, u"id"_s, u"--output"_s, first});
    QVERIFY2(original.exitCode == 0, original.err.constData());

    // Only --since: the stored end is not kept; the window runs up to now, as without --repeat.
    const QDateTime since = m_now.addDays(-3);
    const QString recent = dir.filePath(u"recent.csv"_s);
    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
    const RunResult repeat = run({u"--repeat"_s, first + u".json"_s, u"--password-env"_s, tokenVariable, u"--since"_s,
        isoZ(since), u"--output"_s, recent});
    QVERIFY2(repeat.exitCode == 0, repeat.err.constData());
    QString error;
    const auto sidecar = ExportSidecarFile::read(recent + u".json"_s, &error);
    QVERIFY2(sidecar, qPrintable(error));
    QCOMPARE(sidecar->query.since, since);
    QVERIFY(sidecar->query.until >= before && sidecar->query.until <= QDateTime::currentDateTimeUtc());
    QCOMPARE(firstColumn(readAll(recent)), expectedIds(since, sidecar->query.until));
}

void TestCdrExportRepeat::repeatOverridesFormat()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString first = dir.filePath(u"calls.csv"_s);
    const QDateTime since = m_now.addDays(-6);
    const QDateTime until = m_now.addDays(-1);
    const RunResult original = run(baseArguments() + window(since, until)
        + QStringList{u"--columns"_s, u"id,caller,duration"_s, u"--output"_s, first});
    QVERIFY2(original.exitCode == 0, original.err.constData());

    // --format, --duration and --columns given again replace the stored ones; the rest stays.
    const QString tsv = dir.filePath(u"calls.tsv"_s);
    const RunResult repeat = run({u"--repeat"_s, first + u".json"_s, u"--password-env"_s, tokenVariable, u"--format"_s,
        u"tsv"_s, u"--duration"_s, u"hms"_s, u"--columns"_s, u"id,duration"_s, u"--output"_s, tsv});
    QVERIFY2(repeat.exitCode == 0, repeat.err.constData());
    const auto table = csvtest::parse(readAll(tsv), '\t');
    QVERIFY(table);
    QCOMPARE(table->constFirst(), (QStringList{u"id"_s, u"duration"_s}));
    const QStringList expected = expectedIds(since, until);
    QCOMPARE(table->size() - 1, expected.size());
    for (qsizetype i = 1; i < table->size(); ++i)
        QVERIFY2(table->at(i).at(1).contains(u':'), qPrintable(table->at(i).at(1)));
    QString error;
    const auto sidecar = ExportSidecarFile::read(tsv + u".json"_s, &error);
    QVERIFY2(sidecar, qPrintable(error));
    QCOMPARE(sidecar->format.format, ExportFormat::Tsv);
    QCOMPARE(sidecar->format.durations, DurationStyle::Hms);
    QCOMPARE(sidecar->presetKey, u"tsv"_s);
    QCOMPARE(sidecar->query.since, since);
}

void TestCdrExportRepeat::repeatsAppSidecar()
{
    // As the app writes one: a profile name, the selected rows only, a JSON Lines file.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    ExportSidecar app;
    app.providerId = u"plivo"_s;
    app.profileName = u"Finance (Plivo)"_s;
    app.baseUrl = m_simulator->baseUrl();
    app.user = cdrsim::Simulator::demoAccount().authId;
    app.scope = ExportSidecar::Scope::Selected;
    app.query.since = m_now.addDays(-20);
    app.query.until = m_now.addDays(-15);
    app.query.filters.insert(u"call_direction"_s, u"outbound"_s);
    app.columns = {u"id"_s, u"caller"_s, u"amount"_s};
    app.format = ExportFormatOptions::rfc4180();
    app.presetKey = u"rfc4180"_s;
    app.fetchedAt = m_now.addDays(-14);
    app.rowCount = 3;
    app.complete = true;
    const QString appFile = dir.filePath(u"selection.csv"_s);
    QString error;
    QVERIFY2(ExportSidecarFile::write(app, appFile, &error), qPrintable(error));

    // Every row matching its search, not only the three that were selected then.
    const QString output = dir.filePath(u"matching.csv"_s);
    const RunResult repeat = run({u"--repeat"_s, ExportSidecarFile::pathFor(appFile), u"--password-env"_s,
        tokenVariable, u"--output"_s, output});
    QVERIFY2(repeat.exitCode == 0, repeat.err.constData());
    const QByteArray bytes = readAll(output);
    QVERIFY(bytes.startsWith("id,caller (UTC),") || bytes.startsWith("id,caller,amount"));
    const QStringList expected
        = expectedIds(app.query.since, app.query.until, [](const cdrsim::PlivoCall &call) { return call.outbound; });
    QVERIFY(!expected.isEmpty());
    QCOMPARE(firstColumn(bytes), expected);

    const auto sidecar = ExportSidecarFile::read(output + u".json"_s, &error);
    QVERIFY2(sidecar, qPrintable(error));
    QCOMPARE(sidecar->scope, ExportSidecar::Scope::Matching);
    QVERIFY(sidecar->profileName.isEmpty());
    QCOMPARE(sidecar->rowCount, expected.size());
    QCOMPARE(sidecar->presetKey, u"rfc4180"_s);
    QVERIFY(!readAll(output + u".json"_s).contains(m_token.toUtf8()));
}

void TestCdrExportRepeat::failedExportLeavesNoSidecar()
{
    m_simulator->failRequests(2, 1000, 500);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString output = dir.filePath(u"calls.csv"_s);
    const RunResult result = run(baseArguments() + window(m_now.addDays(-60), m_now.addDays(-1))
        + QStringList{u"--columns"_s, u"id"_s, u"--output"_s, output});
    QCOMPARE(result.exitCode, 1);
    QVERIFY(QDir(dir.path()).isEmpty(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot));
}

void TestCdrExportRepeat::badSidecar_data()
{
    QTest::addColumn<QByteArray>("json"); // written to a file; empty: a file that does not exist
    QTest::addColumn<QStringList>("extraArguments");
    QTest::addColumn<bool>("withSecretVariable");
    QTest::addColumn<QByteArray>("reason");

    ExportSidecar valid;
    valid.providerId = u"plivo"_s;
    valid.baseUrl = QUrl(u"http://127.0.0.1:1"_s);
    valid.user = cdrsim::Simulator::demoAccount().authId;
    const QByteArray good = ExportSidecarFile::toJson(valid);

    QTest::newRow("missing file") << QByteArray() << QStringList() << true << QByteArray("description.json");
    QTest::newRow("not JSON") << QByteArray("id,caller\r\n1,2\r\n") << QStringList() << true
                              << QByteArray("not valid JSON");
    QTest::newRow("another JSON file") << QByteArray(R"({"name": "package", "version": "1.0"})") << QStringList()
                                       << true << QByteArray("format");
    QTest::newRow("newer version") << QByteArray(good).replace("\"version\": 1", "\"version\": 9") << QStringList()
                                   << true << QByteArray("newer version");
    QTest::newRow("wrong type") << QByteArray(good).replace("\"rowCount\": 0", "\"rowCount\": \"many\"")
                                << QStringList() << true << QByteArray("rowCount");
    QTest::newRow("unknown provider") << QByteArray(good).replace("\"plivo\"", "\"acme\"") << QStringList() << true
                                      << QByteArray("acme");
    QTest::newRow("unknown column") << QByteArray(good).replace("\"columns\": []", "\"columns\": [\"shoe_size\"]")
                                    << QStringList() << true << QByteArray("shoe_size");
    QTest::newRow("no password-env") << good << QStringList() << false << QByteArray("--password-env");
    QTest::newRow("with --provider") << good << QStringList{u"--provider"_s, u"plivo"_s} << true
                                     << QByteArray("--provider");
    QTest::newRow("with --caller") << good << QStringList{u"--caller"_s, u"+49"_s} << true << QByteArray("--caller");
    QTest::newRow("bad --since") << good << QStringList{u"--since"_s, u"last week"_s} << true << QByteArray("--since");
}

void TestCdrExportRepeat::badSidecar()
{
    QFETCH(QByteArray, json);
    QFETCH(QStringList, extraArguments);
    QFETCH(bool, withSecretVariable);
    QFETCH(QByteArray, reason);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = json.isEmpty() ? dir.filePath(u"description.json"_s) : writeSidecarFile(dir.path(), json);
    QStringList arguments{u"--repeat"_s, path, u"--output"_s, dir.filePath(u"out.csv"_s)};
    if (withSecretVariable)
        arguments += QStringList{u"--password-env"_s, tokenVariable};
    const RunResult result = run(arguments + extraArguments);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(reason), result.err.constData());
    QVERIFY(!result.err.contains(m_token.toUtf8()));
    QCOMPARE(m_simulator->requestCount(), 0);
    QVERIFY(!QFile::exists(dir.filePath(u"out.csv"_s)));
    QVERIFY(!QFile::exists(dir.filePath(u"out.csv.json"_s)));
}

QTEST_GUILESS_MAIN(TestCdrExportRepeat)
#include "tst_cdrexport_repeat.moc"
