#include "faultfixture.h"
#include "faultinjection.h"
#include "searchsession.h"

#include <QLocale>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace faultfixture;
using cdrsim::Fault;
using cdrsim::FaultPlan;

// The paging engine under faults, against the real simulator over loopback HTTP,
// for each provider: passing faults are retried until every row has come exactly
// once; the rest fail at once with the provider's words.
class TestPagingFaults final : public QObject {
    Q_OBJECT

private slots:
    void init() { QVERIFY(m_fixture.start()); }
    void cleanup() { m_fixture.stop(); }

    void recoversFromPassingFaults_data();
    void recoversFromPassingFaults();
    void clientErrorsFailAtOnce_data();
    void clientErrorsFailAtOnce();
    void wellFormedWrongBodyFailsAtOnce_data();
    void wellFormedWrongBodyFailsAtOnce();
    void honoursRetryAfter_data();
    void honoursRetryAfter();
    void longRetryAfterIsCutAndSaid();
    void givesUpNamingLastProblemThenResumes_data();
    void givesUpNamingLastProblemThenResumes();

private:
    Fixture m_fixture;
};

void TestPagingFaults::recoversFromPassingFaults_data()
{
    QTest::addColumn<QString>("api");
    QTest::addColumn<int>("fault");
    QTest::addColumn<int>("httpStatus");
    QTest::addColumn<int>("count");

    const struct {
        const char *name;
        Fault fault;
        int status;
        int count;
    } faults[] = {
        {"500", Fault::Status, 500, 2},
        {"502", Fault::Status, 502, 2},
        {"503", Fault::Status, 503, 2},
        {"504", Fault::Status, 504, 2},
        {"429", Fault::RateLimit, 429, 2},
        {"connection reset", Fault::Reset, 0, 4}, // Qt itself resends some on a reused connection
        {"reset mid-way", Fault::ResetMidway, 0, 2},
        {"body cut off", Fault::CutBody, 0, 2},
        {"truncated JSON", Fault::TruncatedJson, 0, 2},
        {"stalled", Fault::Stall, 0, 1},
    };
    for (const char *api : apis) {
        for (const auto &fault : faults) {
            QTest::addRow("%s, %s", api, fault.name)
                << QString::fromLatin1(api) << int(fault.fault) << fault.status << fault.count;
        }
    }
}

void TestPagingFaults::recoversFromPassingFaults()
{
    QFETCH(QString, api);
    QFETCH(int, fault);
    QFETCH(int, httpStatus);
    QFETCH(int, count);

    const QStringList expected = m_fixture.cleanRun(api);
    QVERIFY(expected.size() > 80);
    QCOMPARE(duplicates(expected), 0);

    FaultPlan plan;
    plan.fault = Fault(fault);
    plan.httpStatus = httpStatus;
    plan.pathPattern = Fixture::listPattern(api);
    plan.skip = 1; // the second page, once the first one's rows are in
    plan.count = count;
    m_fixture.simulator().faults().clear();
    m_fixture.simulator().faults().plan(plan);

    const std::unique_ptr<SearchSession> search = m_fixture.session(api);
    Outcome outcome;
    record(*search, outcome);
    QVERIFY(runToEnd(*search, outcome));
    QVERIFY2(outcome.finished, outcome.error ? qPrintable(outcome.error->message()) : "not finished");
    QCOMPARE(m_fixture.simulator().faults().faultsInjected(), count);
    QCOMPARE(outcome.ids, expected); // every row, once, in order
}

void TestPagingFaults::clientErrorsFailAtOnce_data()
{
    QTest::addColumn<QString>("api");
    QTest::addColumn<int>("httpStatus");
    for (const char *api : apis) {
        for (const int status : {400, 403, 404})
            QTest::addRow("%s, %d", api, status) << QString::fromLatin1(api) << status;
    }
}

void TestPagingFaults::clientErrorsFailAtOnce()
{
    QFETCH(QString, api);
    QFETCH(int, httpStatus);
    if (api == "portsip"_L1)
        m_fixture.simulator().failPortsip(1, httpStatus, u"INJECTED_REFUSAL"_s);
    else
        m_fixture.simulator().failRequests(0, 1, httpStatus);

    const std::unique_ptr<SearchSession> search = m_fixture.session(api);
    Outcome outcome;
    record(*search, outcome);
    QVERIFY(runToEnd(*search, outcome));
    QVERIFY(outcome.error);
    QCOMPARE(outcome.error->httpStatus, httpStatus);
    QVERIFY2(!outcome.error->providerMessage.isEmpty(), qPrintable(outcome.error->message()));
    QVERIFY(outcome.error->message().contains(outcome.error->providerMessage));
    // Not asked again: only what was in flight together with it (a retry would succeed).
    QVERIFY(m_fixture.listRequests(api) <= m_fixture.provider(api).paging().maxInFlight);
    QVERIFY(outcome.ids.isEmpty());
}

void TestPagingFaults::wellFormedWrongBodyFailsAtOnce_data()
{
    QTest::addColumn<QString>("api");
    for (const char *api : apis)
        QTest::newRow(api) << QString::fromLatin1(api);
}

void TestPagingFaults::wellFormedWrongBodyFailsAtOnce()
{
    QFETCH(QString, api);
    FaultPlan plan;
    plan.fault = Fault::Status;
    plan.httpStatus = 200;
    plan.body = "[1, 2, 3]"; // complete JSON, but no page of any provider
    plan.pathPattern = Fixture::listPattern(api);
    plan.count = 100;
    m_fixture.simulator().faults().plan(plan);

    const std::unique_ptr<SearchSession> search = m_fixture.session(api);
    Outcome outcome;
    record(*search, outcome);
    QVERIFY(runToEnd(*search, outcome));
    QVERIFY(outcome.error);
    QCOMPARE(outcome.error->kind, ApiError::Kind::Parse);
    QVERIFY(m_fixture.listRequests(api) <= m_fixture.provider(api).paging().maxInFlight); // none asked again
}

void TestPagingFaults::honoursRetryAfter_data()
{
    QTest::addColumn<QString>("api");
    QTest::addColumn<int>("fault");
    QTest::addColumn<int>("httpStatus");
    QTest::addColumn<QByteArray>("retryAfter");
    QTest::addColumn<int>("atLeastMs");

    for (const char *api : apis) {
        const QString name = QString::fromLatin1(api);
        QTest::addRow("%s, 429, seconds", api) << name << int(Fault::RateLimit) << 429 << "1"_ba << 1000;
        QTest::addRow("%s, 503, seconds", api) << name << int(Fault::Status) << 503 << "1"_ba << 1000;
        QTest::addRow("%s, 429, date", api) << name << int(Fault::RateLimit) << 429 << "date"_ba << 1000;
    }
}

void TestPagingFaults::honoursRetryAfter()
{
    QFETCH(QString, api);
    QFETCH(int, fault);
    QFETCH(int, httpStatus);
    QFETCH(QByteArray, retryAfter);
    QFETCH(int, atLeastMs);
    // A date names a moment, not a wait: the retry must not come before it, measured
    // on the steady clock from now. Whole seconds: the moment is 1 to 2 s away.
    const auto startedAt = std::chrono::steady_clock::now();
    const QDateTime wallStart = QDateTime::currentDateTimeUtc();
    std::optional<std::chrono::steady_clock::time_point> notBefore;
    if (retryAfter == "date") {
        QDateTime moment = wallStart.addSecs(2);
        moment.setTime(QTime(moment.time().hour(), moment.time().minute(), moment.time().second()));
        retryAfter = QLocale::c().toString(moment, u"ddd, dd MMM yyyy HH:mm:ss 'GMT'"_s).toLatin1();
        notBefore = startedAt + std::chrono::milliseconds(wallStart.msecsTo(moment));
    }

    FaultPlan plan;
    plan.fault = Fault(fault);
    plan.httpStatus = httpStatus;
    plan.retryAfter = retryAfter;
    plan.pathPattern = Fixture::listPattern(api);
    plan.skip = 1;
    m_fixture.simulator().faults().plan(plan);

    const std::unique_ptr<SearchSession> search = m_fixture.session(api);
    PagingPolicy paging = search->pagingPolicy();
    paging.maxInFlight = 1; // so the request after the refused one is its retry
    search->setPagingPolicy(paging);
    Outcome outcome;
    record(*search, outcome);
    QVERIFY(runToEnd(*search, outcome));
    QVERIFY2(outcome.finished, outcome.error ? qPrintable(outcome.error->message()) : "not finished");
    QCOMPARE(duplicates(outcome.ids), 0);

    // From the server's own log: when the refused request came, and when the next one did.
    const QRegularExpression pattern(Fixture::listPattern(api));
    const QList<cdrsim::ServedRequest> log = m_fixture.simulator().faults().log();
    qsizetype refused = -1;
    for (qsizetype i = 0; i < log.size() && refused < 0; ++i)
        refused = log[i].faulted ? i : -1;
    QVERIFY(refused >= 0);
    qsizetype next = refused + 1;
    while (next < log.size() && !log[next].path.contains(pattern))
        ++next;
    QVERIFY(next < log.size());
    const auto waited = std::chrono::duration_cast<std::chrono::milliseconds>(log[next].receivedAt - log[refused].receivedAt);
    if (notBefore) {
        const auto early = std::chrono::duration_cast<std::chrono::milliseconds>(*notBefore - log[next].receivedAt);
        // A few milliseconds for reading the wall clock and the steady clock apart.
        QVERIFY2(early.count() <= 5, qPrintable(u"retried %1 ms before the date"_s.arg(early.count())));
    } else {
        QVERIFY2(waited.count() >= atLeastMs, qPrintable(u"retried after %1 ms"_s.arg(waited.count())));
    }
    QVERIFY2(waited.count() < atLeastMs + 2500, qPrintable(u"retried after %1 ms"_s.arg(waited.count())));
}

void TestPagingFaults::longRetryAfterIsCutAndSaid()
{
    FaultPlan plan;
    plan.fault = Fault::RateLimit;
    plan.retryAfter = "3600";
    plan.pathPattern = Fixture::listPattern(u"plivo"_s);
    plan.count = 100;
    m_fixture.simulator().faults().plan(plan);

    const std::unique_ptr<SearchSession> search = m_fixture.session(u"plivo"_s);
    RetryPolicy retry = fastRetry;
    retry.maxRetries = 1;
    retry.maxRetryAfter = 1000ms; // an hour is cut to this
    search->setRetryPolicy(retry);
    Outcome outcome;
    record(*search, outcome);
    QVERIFY(runToEnd(*search, outcome));
    QVERIFY(outcome.error);
    QCOMPARE(outcome.error->kind, ApiError::Kind::RateLimited);
    QCOMPARE(m_fixture.listRequests(u"plivo"_s), 2);
    const QString message = outcome.error->message();
    QVERIFY2(message.contains("3600 s"_L1) && message.contains("1 s this app waits"_L1), qPrintable(message));
    QVERIFY2(message.contains("2 attempt"_L1), qPrintable(message));
}

void TestPagingFaults::givesUpNamingLastProblemThenResumes_data()
{
    QTest::addColumn<QString>("api");
    for (const char *api : apis)
        QTest::newRow(api) << QString::fromLatin1(api);
}

void TestPagingFaults::givesUpNamingLastProblemThenResumes()
{
    QFETCH(QString, api);
    const QStringList expected = m_fixture.cleanRun(api);
    QVERIFY(expected.size() > 80);

    FaultPlan plan;
    plan.fault = Fault::Status;
    plan.httpStatus = 502;
    plan.pathPattern = Fixture::listPattern(api);
    plan.skip = 2;
    plan.count = 1000; // until cleared
    m_fixture.simulator().faults().clear();
    m_fixture.simulator().faults().plan(plan);

    const std::unique_ptr<SearchSession> search = m_fixture.session(api);
    Outcome outcome;
    record(*search, outcome);
    QVERIFY(runToEnd(*search, outcome));
    QVERIFY(outcome.error);
    QCOMPARE(outcome.error->httpStatus, 502);
    const QString message = outcome.error->message();
    QVERIFY2(message.contains("502"_L1) && message.contains("5 attempt"_L1), qPrintable(message));
    QVERIFY(outcome.ids.size() < expected.size());
    QCOMPARE(outcome.ids, expected.mid(0, outcome.ids.size())); // what came stays, in order

    // The server recovers; Continue fetches the rest, and nothing twice.
    m_fixture.simulator().faults().clear();
    QVERIFY(runToEnd(*search, outcome));
    QVERIFY2(outcome.finished, outcome.error ? qPrintable(outcome.error->message()) : "not finished");
    QCOMPARE(outcome.ids, expected);
}

QTEST_GUILESS_MAIN(TestPagingFaults)
#include "tst_paging_faults.moc"
