// The Enswitch provider end to end: SearchSession pages against the simulator's
// cdrs/list until a short page, errors in the envelope reach the user, the
// detail refresh (cdrs/get) works, and the password never travels in a URL.

#include "httptransport.h"
#include "providers/enswitch/enswitchprovider.h"
#include "searchsession.h"
#include "simulator.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTimeZone>

#include <set>

using namespace Qt::StringLiterals;

namespace {

const QDateTime kNow(QDate(2024, 6, 30), QTime(12, 0), QTimeZone::utc());

struct Outcome {
    std::vector<CdrRecord> rows;
    std::optional<ApiError> error;
    bool finished = false;
};

} // namespace

class TestEnswitchEndToEnd final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void fetchAllToShortPage_data();
    void fetchAllToShortPage();
    void filterReachesServer();
    void wrongPassword();
    void envelopeErrorWithHttp200();
    void detailRefresh();
    void parallelPagesWithoutTotal_data();
    void parallelPagesWithoutTotal();
    void largePagesStreamed();
    void cancelMidStream();
    void cleanupTestCase();

private:
    Connection connection(const QString &password = {}) const;
    Outcome run(const SearchQuery &query, const Connection &connection, std::optional<PagingPolicy> paging = {});
    std::vector<CdrRecord> fetchAtOnce(const SearchQuery &query);

    cdrsim::Simulator m_simulator;
    QNetworkAccessManager m_network;
    EnswitchProvider m_provider;
};

void TestEnswitchEndToEnd::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_simulator.setNow(kNow);
    QVERIFY(m_simulator.listen(0));
}

Connection TestEnswitchEndToEnd::connection(const QString &password) const
{
    const cdrsim::EnswitchAccount account = cdrsim::Simulator::enswitchDemoAccount();
    return {m_simulator.baseUrl(), account.username, password.isEmpty() ? account.password : password};
}

Outcome TestEnswitchEndToEnd::run(const SearchQuery &query, const Connection &connection, std::optional<PagingPolicy> paging)
{
    Outcome outcome;
    SearchSession session(m_network, m_provider, connection, query.resolved(kNow, m_provider.timeRange()));
    if (paging)
        session.setPagingPolicy(*paging);
    connect(&session, &SearchSession::rowsArrived, this, [&outcome](const std::vector<CdrRecord> &rows) {
        outcome.rows.insert(outcome.rows.end(), rows.begin(), rows.end());
    });
    QSignalSpy finished(&session, &SearchSession::finished);
    QSignalSpy failed(&session, &SearchSession::failed);
    session.fetchAll();
    for (int i = 0; i < 600 && finished.isEmpty() && failed.isEmpty(); ++i)
        finished.wait(100);
    outcome.finished = !finished.isEmpty();
    outcome.error = session.lastError();
    return outcome;
}

// The same search in one request with limit=0 ("all"): what paging must add up to.
std::vector<CdrRecord> TestEnswitchEndToEnd::fetchAtOnce(const SearchQuery &query)
{
    const HttpRequest request
        = m_provider.pageRequest(connection(), query.resolved(kNow, m_provider.timeRange()), 0, 0);
    QNetworkReply *reply = HttpTransport::send(m_network, request, connection());
    QSignalSpy done(reply, &QNetworkReply::finished);
    if (!done.wait(10000))
        return {};
    const HttpTransport::Outcome outcome = HttpTransport::read(*reply);
    reply->deleteLater();
    PageResult page = m_provider.parsePage(outcome.body);
    return page.error ? std::vector<CdrRecord>() : std::move(page.rows);
}

void TestEnswitchEndToEnd::fetchAllToShortPage_data()
{
    QTest::addColumn<int>("legs");
    QTest::newRow("several pages") << 6000;
    QTest::newRow("one short page") << 7;
}

void TestEnswitchEndToEnd::fetchAllToShortPage()
{
    QFETCH(int, legs);
    m_simulator.setEnswitchLegCount(legs);

    SearchQuery query;
    query.since = kNow.addDays(-130); // every generated leg lies in the last 120 days
    const std::vector<CdrRecord> expected = fetchAtOnce(query);
    QVERIFY(!expected.empty());
    QVERIFY(int(expected.size()) <= legs); // the demo user sees its own customer's legs only
    if (legs > 5000)
        QVERIFY2(expected.size() > 2000, "too few legs visible to page through several pages");
    const int before = m_simulator.requestCount();
    const Outcome outcome = run(query, connection());
    QVERIFY2(outcome.finished, qPrintable(outcome.error ? outcome.error->message() : u"timed out"_s));
    QCOMPARE(outcome.rows.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i)
        QCOMPARE(outcome.rows[i].id, expected[i].id);

    std::set<QString> ids;
    QDateTime previous;
    for (const CdrRecord &row : outcome.rows) {
        QVERIFY2(ids.insert(row.id).second, qPrintable(row.id)); // no row twice
        QVERIFY(row.startTime.isValid());
        QVERIFY(row.startTime >= query.since && row.startTime < kNow);
        if (previous.isValid())
            QVERIFY(previous <= row.startTime); // sort=start ascending keeps offsets stable
        previous = row.startTime;
    }
    // Pages of 1000 until one comes back short (an exact multiple needs one empty page more);
    // with no total, one page more may have been asked for ahead of the end and dropped.
    const int needed = int(expected.size()) / 1000 + 1;
    QVERIFY(m_simulator.requestCount() - before >= needed);
    QVERIFY(m_simulator.requestCount() - before <= needed + m_provider.paging().maxInFlight - 1);
    QCOMPARE(m_simulator.enswitchPasswordInUrlCount(), 0);
}

void TestEnswitchEndToEnd::filterReachesServer()
{
    m_simulator.setEnswitchLegCount(1500);
    SearchQuery query;
    query.since = kNow.addDays(-130);
    query.filters = {{u"direction"_s, u"internal"_s}};
    const Outcome outcome = run(query, connection());
    QVERIFY(outcome.finished);
    QVERIFY(!outcome.rows.empty());
    SearchQuery unfiltered;
    unfiltered.since = query.since;
    QVERIFY(outcome.rows.size() < fetchAtOnce(unfiltered).size());
    for (const CdrRecord &row : outcome.rows)
        QCOMPARE(row.direction, Direction::Internal);
}

void TestEnswitchEndToEnd::wrongPassword()
{
    const QString wrong = u"not-the-password-4711"_s;
    SearchQuery query;
    const Outcome outcome = run(query, connection(wrong));
    QVERIFY(!outcome.finished);
    QVERIFY(outcome.error);
    QCOMPARE(outcome.error->kind, ApiError::Kind::Auth);
    QVERIFY(outcome.rows.empty());
    const QString message = outcome.error->message();
    QVERIFY2(!message.contains(wrong), qPrintable(message));
    QVERIFY(!message.contains(cdrsim::Simulator::enswitchDemoAccount().password));
    QCOMPARE(m_simulator.enswitchPasswordInUrlCount(), 0);
}

void TestEnswitchEndToEnd::envelopeErrorWithHttp200()
{
    m_simulator.failEnswitch(1, u"402"_s);
    SearchQuery query;
    const Outcome outcome = run(query, connection());
    QVERIFY(outcome.error);
    QCOMPARE(outcome.error->kind, ApiError::Kind::Http);
    QVERIFY2(
        outcome.error->message().contains(u"your role does not allow this"_s), qPrintable(outcome.error->message()));
}

void TestEnswitchEndToEnd::detailRefresh()
{
    m_simulator.setEnswitchLegCount(50);
    SearchQuery query;
    query.since = kNow.addDays(-130);
    const Outcome listed = run(query, connection());
    QVERIFY(listed.finished);
    QVERIFY(!listed.rows.empty());
    const CdrRecord &wanted = listed.rows[listed.rows.size() / 2];

    for (const QString &id : {wanted.id, u"0.000000"_s}) {
        QNetworkReply *reply = HttpTransport::send(m_network, m_provider.recordRequest(connection(), id), connection());
        QSignalSpy done(reply, &QNetworkReply::finished);
        QVERIFY(done.wait(10000));
        const HttpTransport::Outcome outcome = HttpTransport::read(*reply);
        reply->deleteLater();
        QVERIFY(outcome.isSuccess());
        const RecordResult result = m_provider.parseRecord(outcome.body);
        if (id == wanted.id) {
            QVERIFY2(result.record, qPrintable(result.error ? result.error->message() : QString()));
            QCOMPARE(result.record->id, wanted.id);
            QCOMPARE(result.record->startTime, wanted.startTime);
            QCOMPARE(result.record->amount, wanted.amount);
        } else {
            QVERIFY(!result.record);
            QVERIFY(result.error);
            QVERIFY2(result.error->message().contains(u"does not exist"_s), qPrintable(result.error->message()));
        }
    }
}

void TestEnswitchEndToEnd::parallelPagesWithoutTotal_data()
{
    QTest::addColumn<int>("pageSize");
    QTest::addColumn<int>("maxInFlight");
    QTest::newRow("2 in flight, many pages") << 97 << 2;
    QTest::newRow("2 in flight, exact multiple") << 0 << 2; // 0: a divisor of the row count
    QTest::newRow("4 in flight") << 250 << 4;
}

// No total: pages are asked for ahead anyway; every leg comes once and in order,
// and what was asked for past the first short page is dropped.
void TestEnswitchEndToEnd::parallelPagesWithoutTotal()
{
    QFETCH(int, pageSize);
    QFETCH(int, maxInFlight);
    m_simulator.setEnswitchLegCount(3000);
    SearchQuery query;
    query.since = kNow.addDays(-130);
    const std::vector<CdrRecord> expected = fetchAtOnce(query);
    QVERIFY(expected.size() > 500);
    if (pageSize == 0) {
        for (pageSize = 100; pageSize > 1 && expected.size() % std::size_t(pageSize) != 0; --pageSize) { }
    }
    PagingPolicy paging = m_provider.paging();
    QVERIFY(!paging.reportsTotal);
    paging.pageSize = pageSize;
    paging.maxInFlight = maxInFlight;

    const int before = m_simulator.requestCount();
    const Outcome outcome = run(query, connection(), paging);
    QVERIFY2(outcome.finished, qPrintable(outcome.error ? outcome.error->message() : u"timed out"_s));
    QCOMPARE(outcome.rows.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i)
        QCOMPARE(outcome.rows[i].id, expected[i].id);
    const int needed = int(expected.size()) / pageSize + 1;
    QVERIFY(m_simulator.requestCount() - before >= needed);
    QVERIFY(m_simulator.requestCount() - before <= needed + maxInFlight - 1);
}

// 100,000 legs in pages of 50,000: each page is one large reply, parsed as it streams in.
void TestEnswitchEndToEnd::largePagesStreamed()
{
    m_simulator.setEnswitchLegCount(100000);
    SearchQuery query;
    query.since = kNow.addDays(-130);
    const std::vector<CdrRecord> expected = fetchAtOnce(query);
    QVERIFY(expected.size() > 20000);
    PagingPolicy paging = m_provider.paging();
    paging.pageSize = std::min(50000, int(expected.size()) / 2 + 1); // at least two large pages
    const Outcome outcome = run(query, connection(), paging);
    QVERIFY2(outcome.finished, qPrintable(outcome.error ? outcome.error->message() : u"timed out"_s));
    QCOMPARE(outcome.rows.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        QCOMPARE(outcome.rows[i].id, expected[i].id);
        QCOMPARE(outcome.rows[i].amount, expected[i].amount);
        QCOMPARE(outcome.rows[i].native.size(), expected[i].native.size());
    }
}

// Cancel while a large page is on its way: nothing arrives afterwards, and resume() still completes.
void TestEnswitchEndToEnd::cancelMidStream()
{
    m_simulator.setEnswitchLegCount(100000);
    SearchQuery query;
    query.since = kNow.addDays(-130);
    SearchSession session(m_network, m_provider, connection(), query.resolved(kNow, m_provider.timeRange()));
    PagingPolicy paging = m_provider.paging();
    paging.pageSize = 20000;
    session.setPagingPolicy(paging);
    std::vector<CdrRecord> rows;
    connect(&session, &SearchSession::rowsArrived, this,
        [&rows](const std::vector<CdrRecord> &page) { rows.insert(rows.end(), page.begin(), page.end()); });
    QSignalSpy arrived(&session, &SearchSession::rowsArrived);
    QSignalSpy finished(&session, &SearchSession::finished);

    const int before = m_simulator.requestCount();
    session.fetchAll();
    QTRY_VERIFY_WITH_TIMEOUT(m_simulator.requestCount() > before, 10000);
    session.cancel();
    QVERIFY(!session.isBusy());
    QCOMPARE(session.lastError()->kind, ApiError::Kind::Cancelled);
    const std::size_t atCancel = rows.size();
    QCOMPARE(qint64(atCancel), session.deliveredRows());
    const int signalsAtCancel = int(arrived.size());
    QVERIFY(!arrived.wait(1500)); // late pages of the cancelled run are dropped
    QCOMPARE(int(arrived.size()), signalsAtCancel);
    QCOMPARE(rows.size(), atCancel);

    session.resume();
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty() || session.lastError(), 60000);
    QVERIFY(!finished.isEmpty());
    const std::vector<CdrRecord> expected = fetchAtOnce(query);
    QCOMPARE(rows.size(), expected.size());
    std::set<QString> ids;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        QCOMPARE(rows[i].id, expected[i].id);
        QVERIFY(ids.insert(rows[i].id).second);
    }
}

void TestEnswitchEndToEnd::cleanupTestCase()
{
    QCOMPARE(m_simulator.enswitchPasswordInUrlCount(), 0);
}

QTEST_GUILESS_MAIN(TestEnswitchEndToEnd)
#include "tst_enswitch_e2e.moc"
