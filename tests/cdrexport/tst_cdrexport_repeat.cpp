// cdr-export --repeat against the Plivo simulator: a repeat that gives the same
// bytes whatever the locale, a repeat for another period that gives exactly that
// period's rows, one end given, the format overridden, and a sidecar as the app
// writes it. Writing and refusing sidecars: tst_cdrexport_sidecar.

#include "exportsidecar.h"
#include "plivoexportfixture.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace cdrexporttest;

class TestCdrExportRepeat final : public PlivoExportTest {
    Q_OBJECT

public:
    TestCdrExportRepeat() : PlivoExportTest(repeatSetup) {}

private slots:
    void repeatIsByteIdentical();
    void repeatForAnotherPeriod();
    void repeatWithOneEndGiven();
    void repeatOverridesFormat();
    void repeatsAppSidecar();
};

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
            {u"--repeat"_s, first + u".json"_s, u"--password-env"_s, m_tokenVariable, u"--output"_s, again}, m_token,
            locale);
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
    const RunResult repeat = run({u"--repeat"_s, first + u".json"_s, u"--password-env"_s, m_tokenVariable, u"--since"_s,
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
    const RunResult repeat = run({u"--repeat"_s, first + u".json"_s, u"--password-env"_s, m_tokenVariable, u"--since"_s,
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
    const RunResult repeat = run({u"--repeat"_s, first + u".json"_s, u"--password-env"_s, m_tokenVariable, u"--format"_s,
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
        m_tokenVariable, u"--output"_s, output});
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

QTEST_GUILESS_MAIN(TestCdrExportRepeat)
#include "tst_cdrexport_repeat.moc"
