// The PortSIP provider end to end over loopback HTTP: SearchSession signs in,
// pages through /api/cdrs 100 at a time with several pages in flight, and every
// call the simulator holds for the search arrives once, in the server's order
// (sorting included), whichever way the server counts skip or names its
// options. Rows keep what was sent, and the detail refresh reads /api/cdrs/{id}.

#include "authenticator.h"
#include "columns.h"
#include "portsipe2e.h"
#include "portsiptime.h"
#include "providers/portsip/portsipprovider.h"
#include "recordfetch.h"
#include "searchsession.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <algorithm>
#include <array>
#include <memory>
#include <utility>

using namespace Qt::StringLiterals;
using namespace portsipe2e;

class TestPortSipEndToEnd final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void everyRowOnce_data();
    void everyRowOnce();
    void pagesInParallel();
    void serverSort_data();
    void serverSort();
    void skipAndOptionNames_data();
    void skipAndOptionNames();
    void rowsAsSent();
    void detailRefresh();
    void detailKeepsId();

private:
    SearchQuery allCalls() const;
    Connection connection(const QMap<QString, QString> &options = {}) const;
    Outcome search(const SearchQuery &query, const Connection &connection);

    std::unique_ptr<cdrsim::Simulator> m_simulator;
    std::unique_ptr<RequestLog> m_log;
    QNetworkAccessManager m_network;
    PortSipProvider m_provider;
    QList<cdrsim::PortsipCall> m_calls;
};

void TestPortSipEndToEnd::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_calls = cdrsim::generatePortsipCalls(kSeed, kNow.toSecsSinceEpoch(), kCallCount);
}

void TestPortSipEndToEnd::init()
{
    m_simulator = std::make_unique<cdrsim::Simulator>();
    m_simulator->setNow(kNow);
    m_simulator->setSeed(kSeed);
    m_simulator->setPortsipCallCount(kCallCount);
    QVERIFY(m_simulator->listen(0));
    m_log = std::make_unique<RequestLog>(*m_simulator);
}

void TestPortSipEndToEnd::cleanup()
{
    m_log.reset();
    m_simulator.reset();
}

SearchQuery TestPortSipEndToEnd::allCalls() const
{
    SearchQuery query;
    query.since = kNow.addDays(-121); // every generated call starts in the last 120 days
    return query.resolved(kNow, m_provider.timeRange());
}

Connection TestPortSipEndToEnd::connection(const QMap<QString, QString> &options) const
{
    return connectionFor(m_simulator->baseUrl(), cdrsim::Simulator::portsipDemoAccount(), options);
}

Outcome TestPortSipEndToEnd::search(const SearchQuery &query, const Connection &connection)
{
    SearchSession session(m_network, m_provider, connection, query);
    return runToEnd(session);
}

void TestPortSipEndToEnd::everyRowOnce_data()
{
    QTest::addColumn<QDateTime>("since"); // invalid: the default window
    QTest::addColumn<QDateTime>("until");

    QTest::newRow("all 2000, 20 pages") << kNow.addDays(-121) << QDateTime();
    QTest::newRow("default window") << QDateTime() << QDateTime();
    QTest::newRow("one short page") << kNow.addDays(-1) << QDateTime();
    QTest::newRow("nothing") << kNow.addSecs(-50) << QDateTime(); // the newest call starts a minute ago
    // Ends exactly where the 300th call starts: three full pages and no more.
    SearchQuery all;
    all.since = kNow.addDays(-121);
    all.until = kNow;
    const QList<const cdrsim::PortsipCall *> ordered = expectedCalls(m_calls, all);
    const QDateTime boundary = QDateTime::fromMSecsSinceEpoch(ordered.at(300)->startedAt / 1000, QTimeZone::utc());
    QTest::newRow("exactly 3 pages") << kNow.addDays(-121) << boundary;
}

void TestPortSipEndToEnd::everyRowOnce()
{
    QFETCH(QDateTime, since);
    QFETCH(QDateTime, until);
    SearchQuery query;
    query.since = since;
    query.until = until;
    query = query.resolved(kNow, m_provider.timeRange());
    const QStringList expected = idsOf(expectedCalls(m_calls, query));
    if (QByteArrayView(QTest::currentDataTag()) == "exactly 3 pages")
        QCOMPARE(expected.size(), 300);

    const Outcome outcome = search(query, connection());
    QVERIFY2(outcome.finished, qPrintable(outcome.error ? outcome.error->message() : u"timed out"_s));
    QCOMPARE(outcome.total.value_or(-1), qint64(expected.size())); // count=true: the total is shown
    const QStringList ids = idsOf(outcome.rows);
    QCOMPARE(duplicateCount(ids), 0);
    QCOMPARE(ids, expected);
    // One request a page, no page asked for twice or past the end, one sign-in.
    QCOMPARE(m_log->listRequests(), std::max<int>(1, int((expected.size() + 99) / 100)));
    QCOMPARE(m_simulator->portsipSignInCount(), 1);
    QCOMPARE(m_log->statusCount(401) + m_log->statusCount(400), 0);
}

void TestPortSipEndToEnd::pagesInParallel()
{
    m_simulator->setLatency(std::chrono::milliseconds(40));
    SearchSession session(m_network, m_provider, connection(), allCalls());
    QVERIFY(session.pagingPolicy().maxInFlight > 1);
    QCOMPARE(session.pagingPolicy().pageSize, 100); // the API's maximum top
    const Outcome outcome = runToEnd(session);
    QVERIFY2(outcome.finished, qPrintable(outcome.error ? outcome.error->message() : u"timed out"_s));
    QCOMPARE(idsOf(outcome.rows), idsOf(expectedCalls(m_calls, allCalls())));
    QVERIFY2(m_simulator->maxConcurrentConnections() > 1, "pages were not asked for in parallel");
    QCOMPARE(m_log->listRequests(), kCallCount / 100);
}

void TestPortSipEndToEnd::serverSort_data()
{
    QTest::addColumn<QString>("column");
    QTest::addColumn<bool>("descending");
    QTest::addColumn<QString>("serverOrder"); // how the simulator must have sorted

    QTest::newRow("default") << QString() << false << u"started_at asc"_s;
    QTest::newRow("start time, newest first") << columnKey(UnifiedField::StartTime) << true << u"started_at desc"_s;
    QTest::newRow("caller desc") << columnKey(UnifiedField::Caller) << true << u"caller desc, started_at asc"_s;
    QTest::newRow("duration") << columnKey(UnifiedField::Duration) << false << u"duration asc, started_at asc"_s;
    QTest::newRow("hangup cause") << columnKey(UnifiedField::HangupCause) << false
                                  << u"end_reason asc, started_at asc"_s;
    QTest::newRow("raw status code desc") << u"raw.status_code"_s << true << u"status_code desc, started_at asc"_s;
    QTest::newRow("answer time, unset first")
        << columnKey(UnifiedField::AnswerTime) << false << u"answered_at asc, started_at asc"_s;
}

void TestPortSipEndToEnd::serverSort()
{
    QFETCH(QString, column);
    QFETCH(bool, descending);
    QFETCH(QString, serverOrder);
    QVERIFY(column.isEmpty() || m_provider.serverSortableColumns().contains(column));
    SearchQuery query = allCalls();
    query.sortColumn = column;
    query.sortDescending = descending;
    const Outcome outcome = search(query, connection());
    QVERIFY2(outcome.finished, qPrintable(outcome.error ? outcome.error->message() : u"timed out"_s));
    const QStringList ids = idsOf(outcome.rows);
    QCOMPARE(duplicateCount(ids), 0);
    QCOMPARE(ids, idsOf(expectedCalls(m_calls, query, {}, serverOrder)));
}

void TestPortSipEndToEnd::skipAndOptionNames_data()
{
    QTest::addColumn<bool>("serverOneBased");
    QTest::addColumn<QString>("skipOneBased"); // the profile option
    QTest::addColumn<QString>("dollarNames");
    QTest::addColumn<bool>("works");

    QTest::newRow("0-based, plain names") << false << QString() << QString() << true;
    QTest::newRow("1-based server, option set") << true << u"1"_s << QString() << true;
    QTest::newRow("1-based server, $-names") << true << u"1"_s << u"1"_s << true;
    QTest::newRow("0-based, $-names") << false << u"0"_s << u"1"_s << true;
    // Without the option the first page asks for skip=0, which such a server refuses.
    QTest::newRow("1-based server, option not set") << true << QString() << QString() << false;
}

void TestPortSipEndToEnd::skipAndOptionNames()
{
    QFETCH(bool, serverOneBased);
    QFETCH(QString, skipOneBased);
    QFETCH(QString, dollarNames);
    QFETCH(bool, works);
    m_simulator->setPortsipSkipOneBased(serverOneBased);
    QMap<QString, QString> options;
    if (!skipOneBased.isNull())
        options.insert(u"skipOneBased"_s, skipOneBased);
    if (!dollarNames.isNull())
        options.insert(u"dollarNames"_s, dollarNames);
    const Connection profile = connection(options);
    const QString sentQuery = m_provider.pageRequest(profile, allCalls(), 0, 100).url.query(QUrl::FullyDecoded);
    QCOMPARE(sentQuery.startsWith(u"$top="_s), dollarNames == u"1"_s);

    const Outcome outcome = search(allCalls(), profile);
    if (!works) {
        QVERIFY(outcome.error);
        QCOMPARE(outcome.error->httpStatus, 400);
        const QString message = outcome.error->message();
        QVERIFY2(message.contains(u"VALIDATE_FAILED"_s) && message.contains(u"skip must be an integer of at least 1"_s),
            qPrintable(message));
        QVERIFY(outcome.rows.empty());
        return;
    }
    QVERIFY2(outcome.finished, qPrintable(outcome.error ? outcome.error->message() : u"timed out"_s));
    const QStringList ids = idsOf(outcome.rows);
    QCOMPARE(duplicateCount(ids), 0);
    QCOMPARE(ids, idsOf(expectedCalls(m_calls, allCalls())));
}

// Each row as the simulator generated it: text verbatim, microsecond times read,
// values outside the enums kept, "" and null both unset.
void TestPortSipEndToEnd::rowsAsSent()
{
    const Outcome outcome = search(allCalls(), connection());
    QVERIFY2(outcome.finished, qPrintable(outcome.error ? outcome.error->message() : u"timed out"_s));
    QCOMPARE(qsizetype(outcome.rows.size()), m_calls.size());
    QHash<QString, const cdrsim::PortsipCall *> byId;
    for (const cdrsim::PortsipCall &call : m_calls)
        byId.insert(call.id, &call);
    const auto time = [](qint64 micros) { return QDateTime::fromMSecsSinceEpoch(micros / 1000, QTimeZone::utc()); };
    const auto text = [](const CdrRecord &row, QStringView name) {
        const NativeValue *value = row.nativeValue(name);
        return value ? value->text : u"<missing>"_s;
    };
    const QHash<QString, Direction> directions{{u"INBOUND_CALL"_s, Direction::Inbound},
        {u"OUTBOUND_CALL"_s, Direction::Outbound}, {u"EXTENSION_CALL"_s, Direction::Internal},
        {u"INBOUND_OUTBOUND_CALL"_s, Direction::Unknown}};
    QSet<QString> endReasons;
    QSet<QString> reroutes;
    int nullUnset = 0;
    int emptyUnset = 0;
    for (const CdrRecord &row : outcome.rows) {
        const cdrsim::PortsipCall *call = byId.value(row.id);
        QVERIFY2(call, qPrintable(row.id));
        QCOMPARE(row.caller, call->caller);
        QCOMPARE(row.callee, call->callee);
        QCOMPARE(row.startTime, time(call->startedAt));
        QCOMPARE(text(row, u"started_at"), QString::fromLatin1(cdrsim::formatPortsipTime(call->startedAt)));
        QCOMPARE(row.answerTime.isValid(), call->answeredAt.has_value());
        if (call->answeredAt)
            QCOMPARE(row.answerTime, time(*call->answeredAt));
        QCOMPARE(row.endTime, time(call->endedAt));
        QCOMPARE(int(row.direction), int(directions.value(call->direction)));
        QCOMPARE(text(row, u"direction"), call->direction);
        QCOMPARE(row.duration.value_or(-1), qint64(call->duration));
        QCOMPARE(row.hangupCause, call->endReason);
        QCOMPARE(text(row, u"reroute_reason"), call->rerouteReason);
        QCOMPARE(row.trunk, call->trunk);
        QCOMPARE(text(row, u"status_code"), QString::number(call->statusCode));
        QVERIFY(row.amount.isEmpty()); // the list has no cost
        endReasons.insert(row.hangupCause);
        reroutes.insert(text(row, u"reroute_reason"));
        if (!call->answeredAt) {
            const NativeValue *answered = row.nativeValue(u"answered_at");
            QVERIFY(answered);
            QCOMPARE(answered->isNull(), call->nullForUnset);
            ++(answered->isNull() ? nullUnset : emptyUnset);
        }
    }
    QVERIFY(endReasons.contains(u"CALLER_DISCONNECT"_s));
    QVERIFY(reroutes.contains(u"FORWARDING_NO_ANSWER"_s));
    QVERIFY(reroutes.contains(u"QUEUE_ABANDONED"_s));
    QVERIFY(nullUnset > 0 && emptyUnset > 0); // both spellings of "unset" were met
}

void TestPortSipEndToEnd::detailRefresh()
{
    // One sign-in for the list and every refresh, as a profile in the GUI shares it.
    Authenticator authenticator(m_network, m_provider, connection());
    SearchSession session(authenticator, allCalls());
    const Outcome listed = runToEnd(session);
    QVERIFY2(listed.finished, qPrintable(listed.error ? listed.error->message() : u"timed out"_s));

    // Cost with four decimals, cost 0 (unanswered), no billed account, and an id with '=' in it.
    const std::array<CallFilter, 4> kinds{[](const cdrsim::PortsipCall &call) { return call.costUnits % 100 != 0; },
        [](const cdrsim::PortsipCall &call) { return !call.billedAccount.isEmpty() && call.costUnits == 0; },
        [](const cdrsim::PortsipCall &call) { return call.billedAccount.isEmpty(); },
        [](const cdrsim::PortsipCall &call) { return call.id.endsWith(u'='); }};
    QList<const cdrsim::PortsipCall *> wanted;
    for (const CallFilter &kind : kinds) {
        const auto found = std::find_if(m_calls.cbegin(), m_calls.cend(), kind);
        QVERIFY(found != m_calls.cend());
        wanted.append(&*found);
    }
    for (const cdrsim::PortsipCall *call : std::as_const(wanted)) {
        RecordFetch fetch(authenticator, call->id);
        QSignalSpy finished(&fetch, &RecordFetch::finished);
        fetch.start();
        QVERIFY(finished.wait(10000));
        const RecordResult result = finished.constFirst().constFirst().value<RecordResult>();
        QVERIFY2(result.record, qPrintable(result.error ? result.error->message() : QString()));
        const CdrRecord &record = *result.record;
        QCOMPARE(record.amount, QString::fromLatin1(cdrsim::formatPortsipCost(call->costUnits)));
        QCOMPARE(record.nativeValue(u"cost")->text, record.amount);
        QVERIFY(record.nativeValue(u"billed_account"));
        QCOMPARE(record.nativeValue(u"billed_account")->text, call->billedAccount);
        QCOMPARE(record.caller, call->caller);
        QCOMPARE(record.startTime, QDateTime::fromMSecsSinceEpoch(call->startedAt / 1000, QTimeZone::utc()));
    }

    RecordFetch missing(authenticator, u"999999999999999999"_s);
    QSignalSpy finished(&missing, &RecordFetch::finished);
    missing.start();
    QVERIFY(finished.wait(10000));
    const RecordResult result = finished.constFirst().constFirst().value<RecordResult>();
    QVERIFY(!result.record);
    QVERIFY(result.error);
    QCOMPARE(result.error->httpStatus, 404);
    QVERIFY2(result.error->message().contains(u"CDR not found"_s), qPrintable(result.error->message()));
    QCOMPARE(m_simulator->portsipSignInCount(), 1);
}

// /api/cdrs/{id} leaves the id out of its item; the refreshed record must still
// carry the id it was asked for, or the detail pane loses track of its row.
void TestPortSipEndToEnd::detailKeepsId()
{
    const cdrsim::PortsipCall &call = m_calls.at(5);
    RecordFetch fetch(m_network, m_provider, connection(), call.id);
    QSignalSpy finished(&fetch, &RecordFetch::finished);
    fetch.start();
    QVERIFY(finished.wait(10000));
    const RecordResult result = finished.constFirst().constFirst().value<RecordResult>();
    QVERIFY2(result.record, qPrintable(result.error ? result.error->message() : QString()));
    QCOMPARE(result.record->caller, call.caller);
    QCOMPARE(result.record->id, call.id);
}

QTEST_GUILESS_MAIN(TestPortSipEndToEnd)
#include "tst_portsip_e2e.moc"
