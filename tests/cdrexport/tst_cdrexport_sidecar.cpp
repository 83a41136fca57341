// cdr-export's sidecar against the Plivo simulator: the FILE.json written beside
// --output (window, filters, row count, never the secret), --sidecar for standard
// output, none after a failed export, and bad sidecars given to --repeat refused
// before any request. Repeating exports: tst_cdrexport_repeat.

#include "exportsidecar.h"
#include "plivoexportfixture.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace cdrexporttest;

class TestCdrExportSidecar final : public PlivoExportTest {
    Q_OBJECT

public:
    TestCdrExportSidecar() : PlivoExportTest(repeatSetup) {}

private slots:
    void outputWritesSidecar();
    void standardOutputOnlyWithSidecarOption();
    void failedExportLeavesNoSidecar();
    void badSidecar_data();
    void badSidecar();

private:
    QString writeSidecarFile(const QString &dirPath, const QByteArray &json) const;
};

QString TestCdrExportSidecar::writeSidecarFile(const QString &dirPath, const QByteArray &json) const
{
    const QString path = dirPath + u"/description.json"_s;
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(json);
    return path;
}

void TestCdrExportSidecar::outputWritesSidecar()
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
    QVERIFY(!text.contains(m_tokenVariable.toUtf8()));
}

void TestCdrExportSidecar::standardOutputOnlyWithSidecarOption()
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

void TestCdrExportSidecar::failedExportLeavesNoSidecar()
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

void TestCdrExportSidecar::badSidecar_data()
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

void TestCdrExportSidecar::badSidecar()
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
        arguments += QStringList{u"--password-env"_s, m_tokenVariable};
    const RunResult result = run(arguments + extraArguments);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(reason), result.err.constData());
    QVERIFY(!result.err.contains(m_token.toUtf8()));
    QCOMPARE(m_simulator->requestCount(), 0);
    QVERIFY(!QFile::exists(dir.filePath(u"out.csv"_s)));
    QVERIFY(!QFile::exists(dir.filePath(u"out.csv.json"_s)));
}

QTEST_GUILESS_MAIN(TestCdrExportSidecar)
#include "tst_cdrexport_sidecar.moc"
