// cdr-export --provider portsip against the PortSIP simulator over loopback
// HTTP: the window, --caller/--callee (prefix), --direction and --param filter
// (ANDed with the rest) give exactly the generated calls they mean; a refused
// sign-in and a two-factor account end with one clear line and exit 1; bad
// usage exits 2 before anything is sent.

#include "csvreader.h"
#include "exportprocess.h"

#include "portsipdata.h"
#include "portsipquery.h"
#include "portsiptime.h"
#include "simulator.h"

#include <QStandardPaths>
#include <QTest>
#include <QTimeZone>

#include <functional>
#include <memory>

using namespace Qt::StringLiterals;
using namespace cdrexporttest;

namespace {

constexpr int kCallCount = 800;
constexpr quint32 kSeed = 3;
const QString kPasswordVariable = u"CDR_EXPORT_TEST_PORTSIP_PASSWORD"_s;
const QString kColumns = u"id,start_time,caller,callee,direction,hangup_cause,raw.started_at,raw.status_code"_s;

using CallFilter = std::function<bool(const cdrsim::PortsipCall &)>;

QString isoZ(const QDateTime &time)
{
    return time.toUTC().toString(u"yyyy-MM-ddTHH:mm:ssZ"_s);
}

// How the CSV writes a time: UTC, milliseconds only when there are some.
QString csvTime(qint64 micros)
{
    const QDateTime time = QDateTime::fromMSecsSinceEpoch(micros / 1000, QTimeZone::utc());
    return time.toString(time.time().msec() ? u"yyyy-MM-ddTHH:mm:ss.zzzZ"_s : u"yyyy-MM-ddTHH:mm:ssZ"_s);
}

QString csvDirection(const QString &direction)
{
    if (direction == u"INBOUND_CALL"_s)
        return u"inbound"_s;
    if (direction == u"OUTBOUND_CALL"_s)
        return u"outbound"_s;
    if (direction == u"EXTENSION_CALL"_s)
        return u"internal"_s;
    return QString(); // INBOUND_OUTBOUND_CALL has no unified direction
}

} // namespace

class TestCdrExportPortSip final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void windowExport();
    void filters_data();
    void filters();
    void profileOptions_data();
    void profileOptions();
    void rateLimited();
    void wrongPassword_data();
    void wrongPassword();
    void twoFactorAccount();
    void badUsage_data();
    void badUsage();

private:
    RunResult run(const QStringList &arguments, const QString &password);
    QStringList baseArguments(const QString &user = cdrsim::Simulator::portsipDemoAccount().username) const;
    QStringList windowArguments() const;
    QList<const cdrsim::PortsipCall *> expectedCalls(const CallFilter &keep = {}) const;
    void compareRows(const RunResult &result, const QList<const cdrsim::PortsipCall *> &expected);

    std::unique_ptr<cdrsim::Simulator> m_simulator;
    QDateTime m_now;
    QDateTime m_since;
    QDateTime m_until;
    QList<cdrsim::PortsipCall> m_calls;
};

void TestCdrExportPortSip::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(QFile::exists(QStringLiteral(CDR_EXPORT_PATH)), CDR_EXPORT_PATH);
}

void TestCdrExportPortSip::init()
{
    // cdr-export reads the real clock; the simulator's "now" is the real time,
    // on a whole second, so the expected calls can be generated here too.
    m_now = QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), QTimeZone::utc());
    m_since = m_now.addDays(-60);
    m_until = m_now.addSecs(-3600);
    m_simulator = std::make_unique<cdrsim::Simulator>();
    m_simulator->setNow(m_now);
    m_simulator->setSeed(kSeed);
    m_simulator->setPortsipCallCount(kCallCount);
    QVERIFY(m_simulator->listen(0));
    m_calls = cdrsim::generatePortsipCalls(kSeed, m_now.toSecsSinceEpoch(), kCallCount);
}

void TestCdrExportPortSip::cleanup()
{
    m_simulator.reset();
}

RunResult TestCdrExportPortSip::run(const QStringList &arguments, const QString &password)
{
    return runExport(arguments, exportEnvironment({{kPasswordVariable, password}}));
}

QStringList TestCdrExportPortSip::baseArguments(const QString &user) const
{
    return {u"--provider"_s, u"portsip"_s, u"--url"_s, m_simulator->baseUrl().toString(), u"--user"_s, user,
        u"--password-env"_s, kPasswordVariable, u"--domain"_s, cdrsim::Simulator::portsipDemoAccount().domain};
}

QStringList TestCdrExportPortSip::windowArguments() const
{
    return {u"--since"_s, isoZ(m_since), u"--until"_s, isoZ(m_until), u"--columns"_s, kColumns};
}

QList<const cdrsim::PortsipCall *> TestCdrExportPortSip::expectedCalls(const CallFilter &keep) const
{
    const qint64 since = m_since.toMSecsSinceEpoch() * 1000;
    const qint64 until = m_until.toMSecsSinceEpoch() * 1000;
    QList<const cdrsim::PortsipCall *> matched;
    for (const cdrsim::PortsipCall &call : m_calls) {
        if (call.startedAt >= since && call.startedAt < until && (!keep || keep(call)))
            matched.append(&call);
    }
    // cdr-export asks for the oldest first; the simulator breaks ties by id.
    cdrsim::sortPortsipCalls(
        matched, cdrsim::parsePortsipListQuery({{u"orderby"_s, u"started_at asc"_s}}, false).query.orderBy);
    return matched;
}

void TestCdrExportPortSip::compareRows(const RunResult &result, const QList<const cdrsim::PortsipCall *> &expected)
{
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QCOMPARE(result.err, QByteArray()); // not a terminal: no progress either
    const auto table = csvtest::parse(result.out);
    QVERIFY2(table && !table->isEmpty(), "the output is not RFC 4180 CSV");
    QCOMPARE(table->constFirst(), kColumns.split(u','));
    QCOMPARE(table->size() - 1, expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        const cdrsim::PortsipCall &call = *expected.at(i);
        const QStringList &row = table->at(i + 1);
        QCOMPARE(row.size(), 8);
        QCOMPARE(row.at(0), call.id);
        QCOMPARE(row.at(1), csvTime(call.startedAt));
        QCOMPARE(row.at(2), call.caller);
        QCOMPARE(row.at(3), call.callee);
        QCOMPARE(row.at(4), csvDirection(call.direction));
        QCOMPARE(row.at(5), call.endReason);
        QCOMPARE(row.at(6), QString::fromLatin1(cdrsim::formatPortsipTime(call.startedAt)));
        QCOMPARE(row.at(7), QString::number(call.statusCode));
    }
}

void TestCdrExportPortSip::windowExport()
{
    const RunResult result = run(baseArguments() + windowArguments(), cdrsim::Simulator::portsipDemoAccount().password);
    const QList<const cdrsim::PortsipCall *> expected = expectedCalls();
    QVERIFY(expected.size() > 300); // several pages of 100
    compareRows(result, expected);
    QCOMPARE(m_simulator->portsipSignInCount(), 1);
}

void TestCdrExportPortSip::filters_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<CallFilter>("keep");
    using Call = cdrsim::PortsipCall;

    QTest::newRow("--caller, a prefix") << QStringList{u"--caller"_s, u"+44"_s}
                                        << CallFilter([](const Call &c) { return c.caller.startsWith(u"+44"_s); });
    QTest::newRow("--caller, leading zeros") << QStringList{
        u"--caller"_s, u"0044"_s} << CallFilter([](const Call &c) { return c.caller.startsWith(u"0044"_s); });
    QTest::newRow("--callee") << QStringList{u"--callee"_s, u"10"_s}
                              << CallFilter([](const Call &c) { return c.callee.startsWith(u"10"_s); });
    QTest::newRow("--direction inbound") << QStringList{u"--direction"_s, u"inbound"_s}
                                         << CallFilter([](const Call &c) { return c.direction == u"INBOUND_CALL"_s; });
    QTest::newRow("--direction outbound") << QStringList{
        u"--direction"_s, u"outbound"_s} << CallFilter([](const Call &c) { return c.direction == u"OUTBOUND_CALL"_s; });
    QTest::newRow("--direction internal") << QStringList{u"--direction"_s,
        u"internal"_s} << CallFilter([](const Call &c) { return c.direction == u"EXTENSION_CALL"_s; });
    QTest::newRow("--param filter") << QStringList{u"--param"_s, u"filter=end_reason eq 'CANCELLED'"_s}
                                    << CallFilter([](const Call &c) { return c.endReason == u"CANCELLED"_s; });
    QTest::newRow("--param filter and the rest") << QStringList{u"--param"_s, u"filter=end_reason eq 'CANCELLED'"_s,
        u"--direction"_s, u"inbound"_s, u"--caller"_s,
        u"+44"_s} << CallFilter([](const Call &c) {
        return c.endReason == u"CANCELLED"_s && c.direction == u"INBOUND_CALL"_s && c.caller.startsWith(u"+44"_s);
    });
    // The `or` stays inside the user's parentheses: the direction still holds.
    QTest::newRow("--param filter with or") << QStringList{u"--param"_s,
        u"filter=status_code eq 486 or status_code eq 404"_s, u"--direction"_s,
        u"outbound"_s} << CallFilter([](const Call &c) {
        return c.direction == u"OUTBOUND_CALL"_s && (c.statusCode == 486 || c.statusCode == 404);
    });
    QTest::newRow("--param search") << QStringList{u"--param"_s, u"search=acme"_s} << CallFilter([](const Call &c) {
        return c.callerDisplayName.contains(u"acme"_s, Qt::CaseInsensitive)
            || c.calleeDisplayName.contains(u"acme"_s, Qt::CaseInsensitive);
    });
}

void TestCdrExportPortSip::filters()
{
    QFETCH(QStringList, arguments);
    QFETCH(CallFilter, keep);
    const QList<const cdrsim::PortsipCall *> expected = expectedCalls(keep);
    QVERIFY2(!expected.isEmpty(), "the data holds no such call; the row tests nothing");
    QVERIFY(expected.size() < expectedCalls().size());
    const RunResult result
        = run(baseArguments() + windowArguments() + arguments, cdrsim::Simulator::portsipDemoAccount().password);
    compareRows(result, expected);
}

void TestCdrExportPortSip::profileOptions_data()
{
    QTest::addColumn<bool>("serverOneBased");
    QTest::addColumn<QStringList>("options");
    QTest::newRow("skip from 1") << true << QStringList{u"--option"_s, u"skipOneBased=1"_s};
    QTest::newRow("skip from 1, $-names")
        << true << QStringList{u"--option"_s, u"skipOneBased=1"_s, u"--option"_s, u"dollarNames=1"_s};
    QTest::newRow("rate limit") << false << QStringList{u"--option"_s, u"rateLimit=5000"_s};
}

void TestCdrExportPortSip::profileOptions()
{
    QFETCH(bool, serverOneBased);
    QFETCH(QStringList, options);
    m_simulator->setPortsipSkipOneBased(serverOneBased);
    const RunResult result
        = run(baseArguments() + windowArguments() + options, cdrsim::Simulator::portsipDemoAccount().password);
    compareRows(result, expectedCalls());
}

void TestCdrExportPortSip::rateLimited()
{
    m_simulator->forcePortsipRateLimit(2);
    const RunResult result = run(baseArguments() + windowArguments(), cdrsim::Simulator::portsipDemoAccount().password);
    compareRows(result, expectedCalls());
    QCOMPARE(m_simulator->rateLimitedCount(), 2);
}

void TestCdrExportPortSip::wrongPassword_data()
{
    QTest::addColumn<QString>("password");
    QTest::addColumn<QStringList>("extra");
    QTest::newRow("wrong password") << u"wrong-password-91c3"_s << QStringList();
    QTest::newRow("wrong tenant") << cdrsim::Simulator::portsipDemoAccount().password
                                  << QStringList{u"--domain"_s, u"other.portsip.test"_s};
}

void TestCdrExportPortSip::wrongPassword()
{
    QFETCH(QString, password);
    QFETCH(QStringList, extra);
    QStringList arguments = baseArguments() + windowArguments();
    if (!extra.isEmpty()) // replaces --domain
        arguments.remove(arguments.indexOf(u"--domain"_s), 2);
    const RunResult result = run(arguments + extra, password);
    QCOMPARE(result.exitCode, 1);
    const QByteArray err = result.err.trimmed();
    QVERIFY2(!err.isEmpty() && !err.contains('\n'), result.err.constData());
    QVERIFY2(err.contains("Login failed, authentication error"), err.constData());
    QVERIFY(!result.err.contains(password.toUtf8()));
    QVERIFY(result.out.isEmpty()); // not even a header
    QCOMPARE(m_simulator->portsipSignInCount(), 0);
}

void TestCdrExportPortSip::twoFactorAccount()
{
    const cdrsim::PortsipAccount account = cdrsim::Simulator::portsipTwoFactorAccount();
    const RunResult result = run(baseArguments(account.username) + windowArguments(), account.password);
    QCOMPARE(result.exitCode, 1);
    const QByteArray err = result.err.trimmed();
    QVERIFY2(!err.isEmpty() && !err.contains('\n'), result.err.constData());
    QVERIFY2(err.contains("needs a one-time code"), err.constData());
    QVERIFY(!result.err.contains(account.password.toUtf8()));
    QVERIFY(result.out.isEmpty());
}

void TestCdrExportPortSip::badUsage_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("mentions");

    QTest::newRow("direction") << QStringList{u"--direction"_s, u"sideways"_s} << u"internal"_s;
    QTest::newRow("unclosed quote") << QStringList{u"--param"_s, u"filter=caller eq 'x"_s} << u"--param filter"_s;
    QTest::newRow("unbalanced parenthesis")
        << QStringList{u"--param"_s, u"filter=status_code eq 486) or (duration gt 0"_s} << u"--param filter"_s;
    QTest::newRow("paging parameter") << QStringList{u"--param"_s, u"top=5"_s} << u"top"_s;
    QTest::newRow("unknown setting") << QStringList{u"--option"_s, u"tenant=x"_s} << u"tenant"_s;
    QTest::newRow("flag not yes or no") << QStringList{u"--option"_s, u"skipOneBased=maybe"_s} << u"skipOneBased"_s;
    QTest::newRow("rate limit not a number") << QStringList{u"--option"_s, u"rateLimit=abc"_s} << u"whole number"_s;
    QTest::newRow("since not a time") << QStringList{u"--param"_s, u"filter=status_code eq 486"_s, u"--since"_s,
        u"tomorrow"_s} << u"tomorrow"_s;
}

void TestCdrExportPortSip::badUsage()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, mentions);
    const RunResult result = run(baseArguments() + QStringList{u"--until"_s, isoZ(m_until)} + arguments,
        cdrsim::Simulator::portsipDemoAccount().password);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(mentions.toUtf8()), result.err.constData());
    QVERIFY(result.err.contains("Usage:"));
    QVERIFY(result.out.isEmpty());
    QCOMPARE(m_simulator->requestCount(), 0);
}

QTEST_GUILESS_MAIN(TestCdrExportPortSip)
#include "tst_cdrexport_portsip.moc"
