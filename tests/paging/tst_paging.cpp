#include "plivowindow.h"
#include "providers/plivo/plivoprovider.h"
#include "searchsession.h"
#include "simulator.h"
#include "slidingwindowlimiter.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <QTimeZone>

#include <memory>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

using namespace plivowindow;

// Records every row a session hands on, in order.
class Collector {
public:
    explicit Collector(SearchSession &session)
    {
        QObject::connect(&session, &SearchSession::rowsArrived, &session, [this](const std::vector<CdrRecord> &rows) {
            for (const CdrRecord &row : rows)
                ids.append(row.id);
        });
    }
    QStringList ids;
};

// Plivo, but every odd page goes to a second server: with that one slow, pages
// answer out of order for certain.
class SplitProvider final : public Provider {
public:
    explicit SplitProvider(QUrl oddPagesUrl)
        : m_oddPagesUrl(std::move(oddPagesUrl))
    {
    }

    QString id() const override { return m_plivo.id(); }
    QString displayName() const override { return m_plivo.displayName(); }
    ProfileFieldLabels profileFields() const override { return m_plivo.profileFields(); }
    QList<FilterSpec> filters() const override { return m_plivo.filters(); }
    TimeRangePolicy timeRange() const override { return m_plivo.timeRange(); }
    QList<FieldError> validate(const SearchQuery &query, const QDateTime &nowUtc) const override
    {
        return m_plivo.validate(query, nowUtc);
    }
    PagingPolicy paging() const override { return m_plivo.paging(); }
    HttpRequest pageRequest(
        const Connection &connection, const SearchQuery &query, qint64 offset, int limit) const override
    {
        HttpRequest request = m_plivo.pageRequest(connection, query, offset, limit);
        if (offset / limit % 2 == 1)
            request.url.setPort(m_oddPagesUrl.port());
        return request;
    }
    PageResult parsePage(const QByteArray &body) const override { return m_plivo.parsePage(body); }
    HttpRequest recordRequest(const Connection &connection, const QString &id) const override
    {
        return m_plivo.recordRequest(connection, id);
    }
    RecordResult parseRecord(const QByteArray &body) const override { return m_plivo.parseRecord(body); }
    ApiError errorFromReply(int httpStatus, const QByteArray &body) const override
    {
        return m_plivo.errorFromReply(httpStatus, body);
    }
    QList<FieldExplanation> explain(const CdrRecord &record) const override { return m_plivo.explain(record); }
    QStringList defaultColumns() const override { return m_plivo.defaultColumns(); }

private:
    PlivoProvider m_plivo;
    QUrl m_oddPagesUrl;
};

std::unique_ptr<cdrsim::Simulator> startSimulator()
{
    auto simulator = std::make_unique<cdrsim::Simulator>();
    simulator->setNow(simNow);
    simulator->setPlivoCallCount(callCount);
    if (!simulator->listen(0))
        return nullptr;
    return simulator;
}

} // namespace

class TestPaging final : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void limiterKeepsWindow();
    void firstPageThenFetchMore();
    void fetchAllDeliversEveryRowOnceInOrder_data();
    void fetchAllDeliversEveryRowOnceInOrder();
    void outOfOrderRepliesAreDeliveredInOrder();
    void staysUnderRateLimit();
    void retriesRateLimitedPages();
    void givesUpAfterRepeatedRateLimits();
    void failureMidwayKeepsRowsAndResumes_data();
    void failureMidwayKeepsRowsAndResumes();
    void timeoutFailsAndResumes();
    void cancelKeepsRowsAndResumes();
    void wrongTokenIsAuthError();
    void unreachableServerIsNetworkError();
    void emptyResultFinishes();
    void destroyingSessionMidFlightIsQuiet();

private:
    Connection connection(const QString &secret = cdrsim::Simulator::demoAccount().authToken) const;
    std::unique_ptr<SearchSession> session(const SearchQuery &query, const Provider *provider = nullptr);

    std::unique_ptr<cdrsim::Simulator> m_simulator;
    std::unique_ptr<QNetworkAccessManager> m_network;
    PlivoProvider m_provider;
};

void TestPaging::init()
{
    m_simulator = startSimulator();
    QVERIFY(m_simulator);
    m_network = std::make_unique<QNetworkAccessManager>();
}

void TestPaging::cleanup()
{
    m_network.reset();
    m_simulator.reset();
}

Connection TestPaging::connection(const QString &secret) const
{
    return {m_simulator->baseUrl(), cdrsim::Simulator::demoAccount().authId, secret};
}

std::unique_ptr<SearchSession> TestPaging::session(const SearchQuery &query, const Provider *provider)
{
    const Provider &used = provider ? *provider : m_provider;
    return std::make_unique<SearchSession>(*m_network, used, connection(), query.resolved(simNow, used.timeRange()));
}

void TestPaging::limiterKeepsWindow()
{
    using Clock = SlidingWindowLimiter::Clock;
    SlidingWindowLimiter limiter(3, 1000ms);
    const Clock::time_point t0{};
    QVERIFY(limiter.tryAcquire(t0));
    QVERIFY(limiter.tryAcquire(t0 + 10ms));
    QVERIFY(limiter.tryAcquire(t0 + 20ms));
    QVERIFY(!limiter.tryAcquire(t0 + 30ms));
    // The first start leaves the window (plus the tenth kept as margin) at 1100 ms.
    QCOMPARE(limiter.waitTime(t0 + 30ms), 1070ms);
    QVERIFY(!limiter.tryAcquire(t0 + 1099ms));
    QVERIFY(limiter.tryAcquire(t0 + 1100ms));
    QVERIFY(!limiter.tryAcquire(t0 + 1100ms));

    limiter.holdUntil(t0 + 5000ms);
    QCOMPARE(limiter.waitTime(t0 + 4000ms), 1000ms);
    QVERIFY(!limiter.tryAcquire(t0 + 4000ms));
    QVERIFY(limiter.tryAcquire(t0 + 5000ms));

    SlidingWindowLimiter unlimited;
    for (int i = 0; i < 1000; ++i)
        QVERIFY(unlimited.tryAcquire(t0));
    QCOMPARE(unlimited.waitTime(t0), 0ms);
}

void TestPaging::firstPageThenFetchMore()
{
    const SearchQuery query = daysBack(89);
    const QStringList expected = expectedIds(query);
    QVERIFY(expected.size() > 60);

    auto search = session(query);
    Collector rows(*search);
    QSignalSpy totalSpy(search.get(), &SearchSession::totalKnown);
    QSignalSpy busySpy(search.get(), &SearchSession::busyChanged);

    search->fetchMore();
    QVERIFY(search->isBusy());
    search->fetchMore(); // one page at a time: ignored while the first is in flight
    QTRY_COMPARE_WITH_TIMEOUT(rows.ids.size(), 20, waitMs);
    QTRY_VERIFY(!search->isBusy());
    QCOMPARE(totalSpy.count(), 1);
    QCOMPARE(totalSpy.at(0).at(0).toLongLong(), qint64(expected.size()));
    QCOMPARE(search->total(), std::optional<qint64>(expected.size()));
    QVERIFY(!search->atEnd());
    QCOMPARE(m_simulator->requestCount(), 1);
    QCOMPARE(busySpy.count(), 2);
    QCOMPARE(busySpy.at(0).at(0).toBool(), true);
    QCOMPARE(busySpy.at(1).at(0).toBool(), false);

    search->fetchMore();
    QTRY_COMPARE_WITH_TIMEOUT(rows.ids.size(), 40, waitMs);
    QCOMPARE(rows.ids, expected.mid(0, 40));
    QCOMPARE(search->deliveredRows(), 40);
    QCOMPARE(m_simulator->requestCount(), 2);
}

void TestPaging::fetchAllDeliversEveryRowOnceInOrder_data()
{
    QTest::addColumn<int>("maxInFlight");
    QTest::addColumn<int>("days");
    QTest::newRow("one at a time") << 1 << 30;
    QTest::newRow("four") << 4 << 89;
    QTest::newRow("eight") << 8 << 89;
    QTest::newRow("plivo's twenty") << 20 << 89;
}

void TestPaging::fetchAllDeliversEveryRowOnceInOrder()
{
    QFETCH(int, maxInFlight);
    QFETCH(int, days);
    const SearchQuery query = daysBack(days);
    const QStringList expected = expectedIds(query);
    if (days == 89)
        QVERIFY2(expected.size() > 2500, "the window should hold over a hundred pages");

    m_simulator->setLatency(5ms);
    auto search = session(query);
    PagingPolicy policy = search->pagingPolicy();
    policy.maxInFlight = maxInFlight;
    search->setPagingPolicy(policy);
    Collector rows(*search);
    QSignalSpy finishedSpy(search.get(), &SearchSession::finished);
    QSignalSpy failedSpy(search.get(), &SearchSession::failed);

    search->fetchAll();
    QTRY_COMPARE_WITH_TIMEOUT(finishedSpy.count(), 1, waitMs);
    QCOMPARE(failedSpy.count(), 0);
    QCOMPARE(rows.ids.size(), expected.size());
    QCOMPARE(rows.ids, expected);
    QVERIFY(search->atEnd());
    QVERIFY(!search->isBusy());
    QCOMPARE(search->deliveredRows(), qint64(expected.size()));
    // Offsets stop at the total: no request past the end.
    QCOMPARE(m_simulator->requestCount(), int((expected.size() + 19) / 20));
    QVERIFY(m_simulator->maxConcurrentConnections() <= std::max(maxInFlight, 1) + 1);
}

void TestPaging::outOfOrderRepliesAreDeliveredInOrder()
{
    auto slow = startSimulator();
    QVERIFY(slow);
    slow->setLatency(150ms);
    QString served;
    connect(m_simulator.get(), &cdrsim::Simulator::requestServed, this, [&served] { served += u'F'; });
    connect(slow.get(), &cdrsim::Simulator::requestServed, this, [&served] { served += u'S'; });

    const SplitProvider split(slow->baseUrl());
    const SearchQuery query = daysBack(20);
    const QStringList expected = expectedIds(query);
    QVERIFY(expected.size() > 200);
    auto search = session(query, &split);
    Collector rows(*search);
    QSignalSpy finishedSpy(search.get(), &SearchSession::finished);

    search->fetchAll();
    QTRY_COMPARE_WITH_TIMEOUT(finishedSpy.count(), 1, waitMs);
    QCOMPARE(rows.ids, expected);
    // Pages 2 and 4 were answered before page 1: the buffer had work to do.
    QVERIFY2(served.startsWith(u"FFF"_s), qPrintable(served));
}

void TestPaging::staysUnderRateLimit()
{
    m_simulator->setPlivoRateLimit(4, 400ms);
    const SearchQuery query = daysBack(10);
    const QStringList expected = expectedIds(query);
    const int pages = int((expected.size() + 19) / 20);
    QVERIFY(pages >= 10);

    auto search = session(query);
    search->setPagingPolicy({20, 4, 4, 400ms, true});
    Collector rows(*search);
    QSignalSpy finishedSpy(search.get(), &SearchSession::finished);
    QElapsedTimer clock;
    clock.start();

    search->fetchAll();
    QTRY_COMPARE_WITH_TIMEOUT(finishedSpy.count(), 1, waitMs);
    QCOMPARE(m_simulator->rateLimitedCount(), 0);
    QCOMPARE(rows.ids, expected);
    // Four requests per 400 ms: the engine really waited between windows.
    QVERIFY(clock.elapsed() >= qint64(pages - 1) / 4 * 400);
}

void TestPaging::retriesRateLimitedPages()
{
    m_simulator->forceRateLimit(3);
    const SearchQuery query = daysBack(15);
    const QStringList expected = expectedIds(query);

    auto search = session(query);
    search->setRetryPolicy({50ms, 400ms, 6});
    Collector rows(*search);
    QSignalSpy finishedSpy(search.get(), &SearchSession::finished);
    QSignalSpy failedSpy(search.get(), &SearchSession::failed);

    search->fetchAll();
    QTRY_COMPARE_WITH_TIMEOUT(finishedSpy.count(), 1, waitMs);
    QCOMPARE(failedSpy.count(), 0);
    QCOMPARE(m_simulator->rateLimitedCount(), 3);
    QCOMPARE(rows.ids, expected);
}

void TestPaging::givesUpAfterRepeatedRateLimits()
{
    m_simulator->forceRateLimit(1000);
    auto search = session(daysBack(15));
    search->setRetryPolicy({50ms, 400ms, 2});
    QSignalSpy failedSpy(search.get(), &SearchSession::failed);

    search->fetchMore();
    QTRY_COMPARE_WITH_TIMEOUT(failedSpy.count(), 1, waitMs);
    const auto error = failedSpy.at(0).at(0).value<ApiError>();
    QCOMPARE(error.kind, ApiError::Kind::RateLimited);
    QCOMPARE(error.httpStatus, 429);
    QCOMPARE(m_simulator->rateLimitedCount(), 3); // the first try and two retries
    QVERIFY(!search->isBusy());
    QCOMPARE(search->lastError()->kind, ApiError::Kind::RateLimited);
}

void TestPaging::failureMidwayKeepsRowsAndResumes_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("providerWords");
    QTest::newRow("500") << 500 << u"simulated server error"_s;
    QTest::newRow("503") << 503 << u"service unavailable"_s;
}

void TestPaging::failureMidwayKeepsRowsAndResumes()
{
    QFETCH(int, status);
    QFETCH(QString, providerWords);
    m_simulator->failRequests(5, 1, status);
    const SearchQuery query = daysBack(30);
    const QStringList expected = expectedIds(query);

    auto search = session(query);
    search->setRetryPolicy({10ms, 20ms, 0}); // 500 and 503 are retried by default; here they must surface
    Collector rows(*search);
    QSignalSpy failedSpy(search.get(), &SearchSession::failed);
    QSignalSpy finishedSpy(search.get(), &SearchSession::finished);

    search->fetchAll();
    QTRY_COMPARE_WITH_TIMEOUT(failedSpy.count(), 1, waitMs);
    const auto error = failedSpy.at(0).at(0).value<ApiError>();
    QCOMPARE(error.httpStatus, status);
    QCOMPARE(error.providerMessage, providerWords);
    QVERIFY2(error.message().contains(providerWords), qPrintable(error.message()));
    QVERIFY(error.isRetryable());
    QVERIFY(!search->isBusy());
    QVERIFY(!search->atEnd());

    // What arrived before the failure stays, in order, and is a prefix of the whole.
    const qsizetype kept = rows.ids.size();
    QVERIFY(kept >= 20);
    QVERIFY(kept < expected.size());
    QCOMPARE(rows.ids, expected.mid(0, kept));
    QCOMPARE(search->deliveredRows(), qint64(kept));

    search->resume();
    QVERIFY(!search->lastError());
    QTRY_COMPARE_WITH_TIMEOUT(finishedSpy.count(), 1, waitMs);
    QCOMPARE(rows.ids, expected);
    QCOMPARE(failedSpy.count(), 1);
}

void TestPaging::timeoutFailsAndResumes()
{
    m_simulator->setLatency(3s);
    const SearchQuery query = daysBack(5);
    const QStringList expected = expectedIds(query);
    auto search = session(query);
    search->setTransferTimeout(200ms);
    Collector rows(*search);
    QSignalSpy failedSpy(search.get(), &SearchSession::failed);
    QSignalSpy finishedSpy(search.get(), &SearchSession::finished);

    search->fetchAll();
    QTRY_COMPARE_WITH_TIMEOUT(failedSpy.count(), 1, waitMs);
    QCOMPARE(failedSpy.at(0).at(0).value<ApiError>().kind, ApiError::Kind::Timeout);
    QVERIFY(rows.ids.isEmpty());

    m_simulator->setLatency(0ms);
    search->resume();
    QTRY_COMPARE_WITH_TIMEOUT(finishedSpy.count(), 1, waitMs);
    QCOMPARE(rows.ids, expected);
}

void TestPaging::cancelKeepsRowsAndResumes()
{
    m_simulator->setLatency(40ms);
    const SearchQuery query = daysBack(30);
    const QStringList expected = expectedIds(query);
    auto search = session(query);
    Collector rows(*search);
    QSignalSpy failedSpy(search.get(), &SearchSession::failed);
    QSignalSpy finishedSpy(search.get(), &SearchSession::finished);
    QSignalSpy rowsSpy(search.get(), &SearchSession::rowsArrived);

    search->fetchAll();
    QTRY_VERIFY_WITH_TIMEOUT(rows.ids.size() >= 60, waitMs);
    QVERIFY(search->isBusy());
    search->cancel();
    QVERIFY(!search->isBusy());
    QCOMPARE(search->lastError()->kind, ApiError::Kind::Cancelled);
    QCOMPARE(failedSpy.count(), 1);
    QCOMPARE(failedSpy.at(0).at(0).value<ApiError>().kind, ApiError::Kind::Cancelled);

    // Replies of the aborted requests never turn into rows.
    const qsizetype kept = rows.ids.size();
    rowsSpy.clear();
    QVERIFY(!rowsSpy.wait(300));
    QCOMPARE(rows.ids.size(), kept);
    QCOMPARE(rows.ids, expected.mid(0, kept));

    search->cancel(); // nothing in flight: no second report
    QCOMPARE(failedSpy.count(), 1);

    search->resume();
    QTRY_COMPARE_WITH_TIMEOUT(finishedSpy.count(), 1, waitMs);
    QCOMPARE(rows.ids, expected);
}

void TestPaging::wrongTokenIsAuthError()
{
    const QString secret = u"wrong-token-0123456789"_s;
    auto search = std::make_unique<SearchSession>(
        *m_network, m_provider, connection(secret), daysBack(5).resolved(simNow, m_provider.timeRange()));
    QSignalSpy failedSpy(search.get(), &SearchSession::failed);
    search->fetchMore();
    QTRY_COMPARE_WITH_TIMEOUT(failedSpy.count(), 1, waitMs);
    const auto error = failedSpy.at(0).at(0).value<ApiError>();
    QCOMPARE(error.kind, ApiError::Kind::Auth);
    QCOMPARE(error.httpStatus, 401);
    QVERIFY(!error.providerMessage.isEmpty());
    QVERIFY(!error.message().contains(secret));
    QVERIFY(!error.isRetryable());
    QCOMPARE(search->deliveredRows(), 0);
}

void TestPaging::unreachableServerIsNetworkError()
{
    // A port that was free a moment ago: connection refused.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    QUrl url = m_simulator->baseUrl();
    url.setPort(probe.serverPort());
    probe.close();

    const Connection nowhere{url, cdrsim::Simulator::demoAccount().authId, cdrsim::Simulator::demoAccount().authToken};
    SearchSession search(*m_network, m_provider, nowhere, daysBack(5).resolved(simNow, m_provider.timeRange()));
    QSignalSpy failedSpy(&search, &SearchSession::failed);
    search.fetchMore();
    QTRY_COMPARE_WITH_TIMEOUT(failedSpy.count(), 1, waitMs);
    const auto error = failedSpy.at(0).at(0).value<ApiError>();
    QCOMPARE(error.kind, ApiError::Kind::Network);
    QCOMPARE(error.httpStatus, 0);
    QVERIFY(!error.detail.isEmpty());
    // Neither the query (filters) nor the credentials leak into the text.
    QVERIFY2(!error.message().contains(u"offset="_s), qPrintable(error.message()));
    QVERIFY(!error.message().contains(nowhere.secret));
}

void TestPaging::emptyResultFinishes()
{
    SearchQuery query = daysBack(5);
    query.filters.insert(u"from_number"_s, u"+0000000"_s);
    auto search = session(query);
    Collector rows(*search);
    QSignalSpy finishedSpy(search.get(), &SearchSession::finished);
    QSignalSpy totalSpy(search.get(), &SearchSession::totalKnown);
    search->fetchAll();
    QTRY_COMPARE_WITH_TIMEOUT(finishedSpy.count(), 1, waitMs);
    QVERIFY(rows.ids.isEmpty());
    QCOMPARE(totalSpy.count(), 1);
    QCOMPARE(search->total(), std::optional<qint64>(0));
    QVERIFY(search->atEnd());
    QCOMPARE(m_simulator->requestCount(), 1);
}

void TestPaging::destroyingSessionMidFlightIsQuiet()
{
    m_simulator->setLatency(100ms);
    auto search = session(daysBack(30));
    search->fetchAll();
    QVERIFY(search->isBusy());
    search.reset();
    // The aborted replies finish later; nothing may reach the destroyed session.
    QSignalSpy servedSpy(m_simulator.get(), &cdrsim::Simulator::requestServed);
    servedSpy.wait(300);
    QVERIFY(m_simulator->requestCount() <= 1);
}

QTEST_GUILESS_MAIN(TestPaging)
#include "tst_paging.moc"
