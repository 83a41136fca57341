// The adaptive in-flight limit: its arithmetic alone (climbing, halving,
// Little's law), then a real search against the simulator that climbs, backs
// off on a 429, stays under the documented rate and still delivers in order.

#include "adaptiveinflightlimit.h"
#include "plivowindow.h"
#include "providers/plivo/plivoprovider.h"
#include "searchsession.h"
#include "simulator.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>
#include <QTimer>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

using Clock = AdaptiveInFlightLimit::Clock;

using namespace plivowindow;

// `count` clean replies, each sent `roundTrip` before it came back, one after another from `t`.
Clock::time_point replies(
    AdaptiveInFlightLimit &limit, int count, Clock::time_point t, std::chrono::milliseconds roundTrip)
{
    for (int i = 0; i < count; ++i) {
        limit.succeeded(t, t + roundTrip);
        t += 1ms;
    }
    return t + roundTrip;
}

} // namespace

class TestPagingAdaptive final : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void startsLowAndClimbsToTheCeiling();
    void halvesOncePerPushBack();
    void climbsAdditivelyAfterPushBack();
    void capFollowsLittlesLaw_data();
    void capFollowsLittlesLaw();
    void neverBelowOne();

    void searchClimbs();
    void searchBacksOffOn429();
    void searchNeverExceedsDocumentedRate_data();
    void searchNeverExceedsDocumentedRate();

private:
    std::unique_ptr<SearchSession> session(
        const SearchQuery &query, int maxInFlight, int rateRequests = 0, std::chrono::milliseconds rateWindow = 0ms);

    std::unique_ptr<cdrsim::Simulator> m_simulator;
    std::unique_ptr<QNetworkAccessManager> m_network;
    PlivoProvider m_provider;
};

void TestPagingAdaptive::init()
{
    m_simulator = std::make_unique<cdrsim::Simulator>();
    m_simulator->setNow(simNow);
    m_simulator->setPlivoCallCount(callCount);
    QVERIFY(m_simulator->listen(0));
    m_network = std::make_unique<QNetworkAccessManager>();
}

void TestPagingAdaptive::cleanup()
{
    m_network.reset();
    m_simulator.reset();
}

std::unique_ptr<SearchSession> TestPagingAdaptive::session(
    const SearchQuery &query, int maxInFlight, int rateRequests, std::chrono::milliseconds rateWindow)
{
    const Connection connection{
        m_simulator->baseUrl(), cdrsim::Simulator::demoAccount().authId, cdrsim::Simulator::demoAccount().authToken};
    auto search = std::make_unique<SearchSession>(
        *m_network, m_provider, connection, query.resolved(simNow, m_provider.timeRange()));
    search->setPagingPolicy({20, maxInFlight, rateRequests, rateWindow, true});
    search->setRetryPolicy({20ms, 100ms, 6});
    return search;
}

void TestPagingAdaptive::startsLowAndClimbsToTheCeiling()
{
    AdaptiveInFlightLimit limit(12, 0, 0ms);
    QCOMPARE(limit.limit(), AdaptiveInFlightLimit::initialLimit);
    QCOMPARE(limit.roundTrip(), 0ms);
    const Clock::time_point t0{};
    // Until the first push-back every clean reply adds one (the limit doubles each round trip).
    limit.succeeded(t0, t0 + 100ms);
    QCOMPARE(limit.limit(), 5);
    QCOMPARE(limit.roundTrip(), 100ms);
    replies(limit, 3, t0, 100ms);
    QCOMPARE(limit.limit(), 8);
    replies(limit, 50, t0, 100ms);
    QCOMPARE(limit.limit(), 12); // the provider's ceiling, never more

    AdaptiveInFlightLimit one(1, 0, 0ms);
    replies(one, 10, t0, 100ms);
    QCOMPARE(one.limit(), 1); // maxInFlight = 1 stays one at a time
}

void TestPagingAdaptive::halvesOncePerPushBack()
{
    AdaptiveInFlightLimit limit(20, 0, 0ms);
    Clock::time_point t = replies(limit, 12, Clock::time_point{}, 100ms);
    QCOMPARE(limit.limit(), 16);
    // Three requests sent together are refused together: one episode, one halving.
    const Clock::time_point sent = t;
    limit.pushedBack(sent, t + 100ms);
    QCOMPARE(limit.limit(), 8);
    limit.pushedBack(sent, t + 101ms);
    limit.pushedBack(sent, t + 102ms);
    QCOMPARE(limit.limit(), 8);
    QCOMPARE(limit.backOffs(), 1);
    // A reply to a request sent before the halving does not climb either.
    limit.succeeded(sent, t + 103ms);
    QCOMPARE(limit.limit(), 8);
    // A request sent after it, refused again: a new episode.
    limit.pushedBack(t + 110ms, t + 210ms);
    QCOMPARE(limit.limit(), 4);
    QCOMPARE(limit.backOffs(), 2);
}

void TestPagingAdaptive::climbsAdditivelyAfterPushBack()
{
    AdaptiveInFlightLimit limit(20, 0, 0ms);
    Clock::time_point t = replies(limit, 6, Clock::time_point{}, 100ms);
    QCOMPARE(limit.limit(), 10);
    limit.pushedBack(t, t + 100ms);
    QCOMPARE(limit.limit(), 5);
    t += 200ms;
    // After a push-back: one more per round trip's worth of replies (5 replies at 5), not per reply.
    replies(limit, 4, t, 100ms);
    QCOMPARE(limit.limit(), 5);
    replies(limit, 2, t, 100ms);
    QCOMPARE(limit.limit(), 6);
    replies(limit, 6, t, 100ms);
    QCOMPARE(limit.limit(), 7);
}

void TestPagingAdaptive::capFollowsLittlesLaw_data()
{
    QTest::addColumn<int>("ceiling");
    QTest::addColumn<int>("rateRequests");
    QTest::addColumn<int>("rateWindowMs");
    QTest::addColumn<int>("roundTripMs");
    QTest::addColumn<int>("cap");
    // 60/s x 0.15 s = 9 in flight keep the rate busy; twice that as headroom.
    QTest::newRow("plivo, 150 ms") << 20 << 300 << 5000 << 150 << 18;
    QTest::newRow("plivo, 50 ms") << 20 << 300 << 5000 << 50 << 6;
    QTest::newRow("plivo, 1 s: the ceiling") << 20 << 300 << 5000 << 1000 << 20;
    QTest::newRow("portsip 5000/min, 50 ms") << 16 << 5000 << 60000 << 50 << 9;
    QTest::newRow("portsip 1000/min, 150 ms") << 16 << 1000 << 60000 << 150 << 5;
    // Little's law says 2 or fewer, but never below the starting figure.
    QTest::newRow("portsip 1000/min, 50 ms") << 16 << 1000 << 60000 << 50 << 4;
    QTest::newRow("local, 1 ms") << 20 << 300 << 5000 << 1 << 4;
    QTest::newRow("local, ceiling 2") << 2 << 300 << 5000 << 1 << 2;
    QTest::newRow("no documented rate") << 7 << 0 << 0 << 150 << 7;
}

void TestPagingAdaptive::capFollowsLittlesLaw()
{
    QFETCH(int, ceiling);
    QFETCH(int, rateRequests);
    QFETCH(int, rateWindowMs);
    QFETCH(int, roundTripMs);
    QFETCH(int, cap);
    AdaptiveInFlightLimit limit(ceiling, rateRequests, std::chrono::milliseconds(rateWindowMs));
    QCOMPARE(limit.cap(), ceiling); // nothing measured yet
    replies(limit, 200, Clock::time_point{}, std::chrono::milliseconds(roundTripMs));
    QCOMPARE(limit.roundTrip(), std::chrono::milliseconds(roundTripMs));
    QCOMPARE(limit.cap(), cap);
    QCOMPARE(limit.limit(), cap); // climbed to it and stopped there
}

void TestPagingAdaptive::neverBelowOne()
{
    AdaptiveInFlightLimit limit(8, 0, 0ms);
    Clock::time_point t{};
    for (int i = 0; i < 10; ++i) {
        limit.pushedBack(t, t + 50ms);
        t += 100ms;
    }
    QCOMPARE(limit.limit(), 1);
    QCOMPARE(limit.backOffs(), 10);
    limit.reset();
    QCOMPARE(limit.limit(), AdaptiveInFlightLimit::initialLimit);
    QCOMPARE(limit.backOffs(), 0);
}

void TestPagingAdaptive::searchClimbs()
{
    m_simulator->setLatency(30ms);
    const SearchQuery query = daysBack(89);
    const QStringList expected = expectedIds(query);
    auto search = session(query, 12);
    QStringList ids;
    connect(search.get(), &SearchSession::rowsArrived, this, [&ids](const std::vector<CdrRecord> &rows) {
        for (const CdrRecord &row : rows)
            ids.append(row.id);
    });
    QSignalSpy finishedSpy(search.get(), &SearchSession::finished);
    QCOMPARE(search->inFlightLimit(), AdaptiveInFlightLimit::initialLimit);

    search->fetchAll();
    QTRY_COMPARE_WITH_TIMEOUT(finishedSpy.count(), 1, waitMs);
    QCOMPARE(ids, expected);
    QCOMPARE(search->inFlightLimit(), 12); // no rate to cap it: up to the ceiling
    QCOMPARE(m_simulator->rateLimitedCount(), 0);
}

void TestPagingAdaptive::searchBacksOffOn429()
{
    m_simulator->setLatency(30ms);
    const SearchQuery query = daysBack(89);
    const QStringList expected = expectedIds(query);
    auto search = session(query, 12);
    QStringList ids;
    connect(search.get(), &SearchSession::rowsArrived, this, [&ids](const std::vector<CdrRecord> &rows) {
        for (const CdrRecord &row : rows)
            ids.append(row.id);
    });
    QSignalSpy finishedSpy(search.get(), &SearchSession::finished);
    QSignalSpy failedSpy(search.get(), &SearchSession::failed);

    search->fetchAll();
    // Up to the ceiling first (no rate to cap it), so nothing climbs between reading it and the 429.
    QTRY_COMPARE_WITH_TIMEOUT(search->inFlightLimit(), 12, waitMs);
    const int before = search->inFlightLimit();
    // The lowest the limit goes between two events: it climbs back while the search goes on.
    int lowest = before;
    QTimer sampler;
    connect(&sampler, &QTimer::timeout, this, [&] { lowest = std::min(lowest, search->inFlightLimit()); });
    sampler.start(1ms);
    m_simulator->forceRateLimit(2);

    QTRY_COMPARE_WITH_TIMEOUT(finishedSpy.count(), 1, waitMs);
    sampler.stop();
    QCOMPARE(m_simulator->rateLimitedCount(), 2);
    QVERIFY2(lowest <= before / 2, qPrintable(u"%1 before, %2 after the 429"_s.arg(before).arg(lowest)));
    QVERIFY(lowest >= 1);
    QCOMPARE(failedSpy.count(), 0);
    QCOMPARE(ids, expected); // refused pages were asked again and slotted in where they belong
}

void TestPagingAdaptive::searchNeverExceedsDocumentedRate_data()
{
    QTest::addColumn<int>("requests");
    QTest::addColumn<int>("windowMs");
    // Windows of a second or more: the tenth the limiter keeps as margin must exceed the
    // scheduling jitter of a loaded test machine, which can bunch arrivals at the server.
    QTest::newRow("10 per 1 s") << 10 << 1000;
    QTest::newRow("16 per 1.5 s") << 16 << 1500;
}

void TestPagingAdaptive::searchNeverExceedsDocumentedRate()
{
    QFETCH(int, requests);
    QFETCH(int, windowMs);
    const std::chrono::milliseconds window(windowMs);
    m_simulator->setLatency(20ms);
    m_simulator->setPlivoRateLimit(requests, window);
    const SearchQuery query = daysBack(30);
    const QStringList expected = expectedIds(query);
    const int pages = int((expected.size() + 19) / 20);
    QVERIFY(pages > 2 * requests);

    // A ceiling far above the rate: only the limiter stands between the engine and a 429.
    auto search = session(query, 20, requests, window);
    QStringList ids;
    connect(search.get(), &SearchSession::rowsArrived, this, [&ids](const std::vector<CdrRecord> &rows) {
        for (const CdrRecord &row : rows)
            ids.append(row.id);
    });
    QSignalSpy finishedSpy(search.get(), &SearchSession::finished);
    search->fetchAll();
    QTRY_COMPARE_WITH_TIMEOUT(finishedSpy.count(), 1, waitMs);
    QCOMPARE(m_simulator->rateLimitedCount(), 0);
    QCOMPARE(ids, expected);
    QCOMPARE(m_simulator->requestCount(), pages);
}

QTEST_GUILESS_MAIN(TestPagingAdaptive)
#include "tst_paging_adaptive.moc"
