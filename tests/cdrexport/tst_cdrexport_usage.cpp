// cdr-export against the Plivo simulator when it must not export: --help, usage
// errors found before any request, a missing or wrong secret, a server error
// mid-way (the earlier file stays), and a wrong Enswitch password. What a good
// export writes: tst_cdrexport.

#include "plivoexportfixture.h"

#include <QDir>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace cdrexporttest;

class TestCdrExportUsage final : public PlivoExportTest {
    Q_OBJECT

public:
    TestCdrExportUsage() : PlivoExportTest(exportSetup) {}

private slots:
    void help();
    void badUsage_data();
    void badUsage();
    void secretVariableMissing_data();
    void secretVariableMissing();
    void rangeRejectedByProvider();
    void wrongToken_data();
    void wrongToken();
    void serverErrorMidway();
    void enswitchWrongPassword();
};

void TestCdrExportUsage::help()
{
    const RunResult result = run({u"--help"_s});
    QCOMPARE(result.exitCode, 0);
    QVERIFY(result.out.contains("Usage: cdr-export --provider"));
    QVERIFY(result.out.contains("--password-env"));
    QVERIFY(result.err.isEmpty());
}

void TestCdrExportUsage::badUsage_data()
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

void TestCdrExportUsage::badUsage()
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

void TestCdrExportUsage::secretVariableMissing_data()
{
    QTest::addColumn<QString>("token");
    QTest::newRow("unset") << QString();
    QTest::newRow("empty") << u""_s;
}

void TestCdrExportUsage::secretVariableMissing()
{
    QFETCH(QString, token);
    const RunResult result = run(baseArguments() + windowArguments(), token);
    QCOMPARE(result.exitCode, 2);
    QVERIFY(result.err.contains(m_tokenVariable.toUtf8()));
    QVERIFY(result.err.contains("Usage:"));
    QVERIFY(result.out.isEmpty());
    QCOMPARE(m_simulator->requestCount(), 0);
}

void TestCdrExportUsage::rangeRejectedByProvider()
{
    // The API reaches back 90 days; the provider says so before sending anything.
    const RunResult result
        = run(baseArguments() + QStringList{u"--since"_s, isoZ(QDateTime::currentSecsSinceEpoch() - 120 * 86400)});
    QCOMPARE(result.exitCode, 2);
    QVERIFY(result.err.contains("Usage:"));
    QVERIFY(result.err.contains("90"));
    QCOMPARE(m_simulator->requestCount(), 0);
}

void TestCdrExportUsage::wrongToken_data()
{
    QTest::addColumn<bool>("toFile");
    QTest::newRow("stdout") << false;
    QTest::newRow("file") << true;
}

void TestCdrExportUsage::wrongToken()
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

void TestCdrExportUsage::serverErrorMidway()
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

void TestCdrExportUsage::enswitchWrongPassword()
{
    const QString password = u"wrong-password-77a1"_s;
    const QStringList arguments{u"--provider"_s, u"enswitch"_s, u"--url"_s, m_simulator->baseUrl().toString(),
        u"--user"_s, cdrsim::Simulator::enswitchDemoAccount().username, u"--password-env"_s, m_tokenVariable};
    const RunResult result = run(arguments, password);
    QCOMPARE(result.exitCode, 1);
    const QByteArray err = result.err.trimmed();
    QVERIFY2(!err.isEmpty() && !err.contains('\n'), result.err.constData());
    QVERIFY2(err.contains("401"), err.constData());
    QVERIFY(!result.err.contains(password.toUtf8()));
    QVERIFY(result.out.isEmpty());
}

QTEST_GUILESS_MAIN(TestCdrExportUsage)
#include "tst_cdrexport_usage.moc"
