#include "authenticator.h"
#include "faultfixture.h"
#include "faultinjection.h"
#include "recordfetch.h"
#include "searchsession.h"

#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace faultfixture;
using cdrsim::Fault;
using cdrsim::FaultPlan;

// What bounds one request and ends them all: the size cap, the idle and total
// timeouts, cancel() and destruction leaving no request running, for searches,
// single-record fetches and sign-ins.
class TestPagingLimits final : public QObject {
    Q_OBJECT

private slots:
    void init() { QVERIFY(m_fixture.start()); }
    void cleanup() { m_fixture.stop(); }

    void tooLargeReplyStops_data();
    void tooLargeReplyStops();
    void stalledServerTimesOut();
    void drippingServerTimesOut();
    void cancelStopsEveryRequestAtOnce();
    void destroyingSessionLeavesNoRequest();
    void recordFetchRetriesAndIsCapped();
    void destroyingFetchAndSignInLeavesNoRequest();

private:
    Fixture m_fixture;
};

void TestPagingLimits::tooLargeReplyStops_data()
{
    QTest::addColumn<QString>("api");
    QTest::addColumn<bool>("announced"); // the size in Content-Length, or only known at the end
    for (const char *api : apis) {
        QTest::addRow("%s, announced", api) << QString::fromLatin1(api) << true;
        QTest::addRow("%s, streamed", api) << QString::fromLatin1(api) << false;
    }
}

void TestPagingLimits::tooLargeReplyStops()
{
    QFETCH(QString, api);
    QFETCH(bool, announced);
    if (!announced) {
        // No Content-Length: the cap has to be met while the body streams in.
        FaultPlan plan;
        plan.fault = Fault::NoLength;
        plan.pathPattern = Fixture::listPattern(api);
        plan.count = 100;
        m_fixture.simulator().faults().plan(plan);
    }
    const std::unique_ptr<SearchSession> search = m_fixture.session(api);
    HttpTransport::Limits limits;
    limits.maxBytes = 2048; // a page of 40 calls is larger
    search->setRequestLimits(limits);
    Outcome outcome;
    record(*search, outcome);
    QVERIFY(runToEnd(*search, outcome));
    QVERIFY(outcome.error);
    QCOMPARE(outcome.error->kind, ApiError::Kind::TooLarge);
    QVERIFY(!outcome.error->isRetryable());
    QVERIFY(m_fixture.listRequests(api) <= m_fixture.provider(api).paging().maxInFlight); // it would be as large again
    QVERIFY2(outcome.error->message().contains("too large"_L1), qPrintable(outcome.error->message()));
}

void TestPagingLimits::stalledServerTimesOut()
{
    FaultPlan plan;
    plan.fault = Fault::Stall;
    plan.pathPattern = Fixture::listPattern(u"portsip"_s);
    plan.count = 100;
    m_fixture.simulator().faults().plan(plan);

    const std::unique_ptr<SearchSession> search = m_fixture.session(u"portsip"_s);
    search->setTransferTimeout(300ms);
    RetryPolicy retry = fastRetry;
    retry.maxRetries = 1;
    search->setRetryPolicy(retry);
    Outcome outcome;
    record(*search, outcome);
    QVERIFY(runToEnd(*search, outcome));
    QVERIFY(outcome.error);
    QCOMPARE(outcome.error->kind, ApiError::Kind::Timeout);
    QCOMPARE(m_fixture.listRequests(u"portsip"_s), 2); // one retry, then the message
    QTRY_VERIFY(!anyRunning(m_fixture.network()));
}

void TestPagingLimits::drippingServerTimesOut()
{
    // A byte every 20 ms never trips the idle timeout; the total one ends it.
    FaultPlan plan;
    plan.fault = Fault::Drip;
    plan.dripInterval = 20ms;
    plan.pathPattern = Fixture::listPattern(u"plivo"_s);
    plan.count = 100;
    m_fixture.simulator().faults().plan(plan);

    const std::unique_ptr<SearchSession> search = m_fixture.session(u"plivo"_s);
    HttpTransport::Limits limits;
    limits.idleTimeout = 1000ms;
    limits.totalTimeout = 700ms;
    search->setRequestLimits(limits);
    RetryPolicy retry = fastRetry;
    retry.maxRetries = 1;
    search->setRetryPolicy(retry);
    Outcome outcome;
    record(*search, outcome);
    QVERIFY(runToEnd(*search, outcome));
    QVERIFY(outcome.error);
    QCOMPARE(outcome.error->kind, ApiError::Kind::Timeout);
    QCOMPARE(m_fixture.listRequests(u"plivo"_s), 2);
}

void TestPagingLimits::cancelStopsEveryRequestAtOnce()
{
    m_fixture.simulator().setLatency(400ms);
    const std::unique_ptr<SearchSession> search = m_fixture.session(u"plivo"_s);
    Outcome outcome;
    record(*search, outcome);
    search->fetchAll();
    // Pages in flight, several of them once the total is known.
    QTRY_VERIFY_WITH_TIMEOUT(repliesOf(m_fixture.network()).size() >= 2, waitMs);
    search->cancel();
    QVERIFY(outcome.error);
    QCOMPARE(outcome.error->kind, ApiError::Kind::Cancelled);
    QVERIFY(!search->isBusy());
    QVERIFY(!anyRunning(m_fixture.network())); // stopped within cancel() itself
    QTRY_COMPARE(repliesOf(m_fixture.network()).size(), 0); // and gone once the event loop turns
}

void TestPagingLimits::destroyingSessionLeavesNoRequest()
{
    m_fixture.simulator().setLatency(400ms);
    for (const char *api : apis) {
        auto search = m_fixture.session(QString::fromLatin1(api));
        search->fetchAll();
        QTRY_VERIFY_WITH_TIMEOUT(!repliesOf(m_fixture.network()).isEmpty(), waitMs);
        search.reset();
        QVERIFY2(!anyRunning(m_fixture.network()), api);
        QTRY_COMPARE(repliesOf(m_fixture.network()).size(), 0);
    }
}

void TestPagingLimits::recordFetchRetriesAndIsCapped()
{
    // An id to fetch, from a page.
    const QStringList ids = m_fixture.cleanRun(u"plivo"_s);
    QVERIFY(!ids.isEmpty());
    m_fixture.simulator().faults().clear();

    FaultPlan plan;
    plan.fault = Fault::Status;
    plan.httpStatus = 503;
    plan.pathPattern = u"/Zentrunk/Call/[^/]+/?$"_s;
    plan.count = 2;
    m_fixture.simulator().faults().plan(plan);
    RecordFetch fetch(m_fixture.network(), m_fixture.provider(u"plivo"_s), m_fixture.connection(u"plivo"_s), ids.first());
    fetch.setRetryPolicy({10ms, 40ms, 3, 1000ms, 1u});
    QSignalSpy done(&fetch, &RecordFetch::finished);
    fetch.start();
    QVERIFY(done.wait(waitMs));
    const auto result = done.first().first().value<RecordResult>();
    QVERIFY2(result.record, result.error ? qPrintable(result.error->message()) : "no record");
    QCOMPARE(result.record->id, ids.first());
    QCOMPARE(m_fixture.simulator().faults().faultsInjected(), 2);

    RecordFetch capped(m_fixture.network(), m_fixture.provider(u"plivo"_s), m_fixture.connection(u"plivo"_s), ids.first());
    capped.setMaxBytes(64);
    QSignalSpy cappedDone(&capped, &RecordFetch::finished);
    capped.start();
    QVERIFY(cappedDone.wait(waitMs));
    const auto tooLarge = cappedDone.first().first().value<RecordResult>();
    QVERIFY(tooLarge.error);
    QCOMPARE(tooLarge.error->kind, ApiError::Kind::TooLarge);
}

void TestPagingLimits::destroyingFetchAndSignInLeavesNoRequest()
{
    m_fixture.simulator().setLatency(400ms);
    auto fetch = std::make_unique<RecordFetch>(m_fixture.network(), m_fixture.provider(u"plivo"_s), m_fixture.connection(u"plivo"_s), u"some-id"_s);
    fetch->start();
    QTRY_VERIFY_WITH_TIMEOUT(!repliesOf(m_fixture.network()).isEmpty(), waitMs);
    fetch.reset();
    QVERIFY(!anyRunning(m_fixture.network()));
    QTRY_COMPARE(repliesOf(m_fixture.network()).size(), 0);

    auto authenticator = std::make_unique<Authenticator>(m_fixture.network(), m_fixture.provider(u"portsip"_s), m_fixture.connection(u"portsip"_s));
    authenticator->ensureReady();
    QTRY_VERIFY_WITH_TIMEOUT(!repliesOf(m_fixture.network()).isEmpty(), waitMs);
    authenticator.reset();
    QVERIFY(!anyRunning(m_fixture.network()));
    QTRY_COMPARE(repliesOf(m_fixture.network()).size(), 0);
}

QTEST_GUILESS_MAIN(TestPagingLimits)
#include "tst_paging_limits.moc"
