#include "enswitchdata.h"
#include "faultfixture.h"
#include "faultinjection.h"
#include "plivodata.h"
#include "portsipdata.h"
#include "searchsession.h"

#include <QHash>
#include <QRandomGenerator>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace faultfixture;
using cdrsim::Fault;
using cdrsim::FaultPlan;

namespace {

// About a quarter of the calls fall in the 30-day window: a little over 10,000
// (Enswitch: about half of its legs belong to the demo customer).
int callsFor(const QString &api)
{
    return api == "enswitch"_L1 ? 82000 : 41000;
}
constexpr int kMinRows = 10000;
constexpr int kMaxResumes = 60;

// Every id the simulator holds for `api` in the session's window, with `count` calls made.
QSet<QString> datasetIds(const QString &api, int count)
{
    const qint64 now = simNow.toSecsSinceEpoch();
    const qint64 since = simNow.addDays(-30).toSecsSinceEpoch();
    const auto inWindow = [since, now](qint64 at) { return at >= since && at < now; };
    QSet<QString> ids;
    if (api == "plivo"_L1) {
        for (const cdrsim::PlivoCall &call : cdrsim::generatePlivoCalls(1, now, count))
            if (inWindow(call.endTime))
                ids.insert(call.uuid);
    } else if (api == "enswitch"_L1) {
        for (const cdrsim::EnswitchLeg &leg : cdrsim::generateEnswitchLegs(1, now, count))
            if (leg.customer == 1 && !leg.archived && inWindow(leg.start)) // what the demo account sees
                ids.insert(leg.uniqueid);
    } else {
        for (const cdrsim::PortsipCall &call : cdrsim::generatePortsipCalls(1, now, count))
            if (inWindow(call.startedAt / 1000000)) // microseconds
                ids.insert(call.id);
    }
    return ids;
}

// Fields given a value of another JSON type: an object where money is, text where
// a number is, a number where text is, and the id with its quotes taken off or added.
QList<QPair<QByteArray, QByteArray>> wrongTypes(const QString &api)
{
    if (api == "plivo"_L1)
        return {{"total_amount", R"({"value":"0.00200"})"}, {"call_duration", R"("four")"},
            {"from_number", "14155550100"}, {"hangup_cause_code", R"("3000")"}, {"end_time", "1714560000"}};
    if (api == "enswitch"_L1)
        return {{"uniqueid", {}}, {"cost", R"({"amount":1})"}, {"start", R"("yesterday")"}, {"duration", "[1]"}};
    return {{"id", {}}, {"duration", R"("1")"}, {"started_at", "1714560000"}, {"caller", "12025550100"},
        {"cost", R"({"amount":"0.1"})"}};
}

} // namespace

// Each provider pages through 10,000 rows while a seeded share of its replies goes
// wrong in every way the simulator knows. Every row must arrive exactly once; a
// search that stops must say why, keep its rows, and finish when resumed.
class TestReliabilityFaultMix final : public QObject {
    Q_OBJECT

private slots:
    void init() { QVERIFY(m_fixture.start()); }
    void cleanup() { m_fixture.stop(); }

    void everyRowOnceThroughAllFaults_data();
    void everyRowOnceThroughAllFaults();
    void wrongTypedFieldKeptOrRefused_data();
    void wrongTypedFieldKeptOrRefused();

private:
    Fixture m_fixture;
};

void TestReliabilityFaultMix::everyRowOnceThroughAllFaults_data()
{
    QTest::addColumn<QString>("api");
    QTest::addColumn<quint32>("seed");
    QTest::addColumn<bool>("growing");
    const char *api = CDR_MIX_API;
    QTest::addRow("%s", api) << QString::fromLatin1(api) << 7u << true;
    // Where calls arriving cost rows (the known gap below), the same mix without them must lose none.
    if (QLatin1StringView(api) == "portsip"_L1)
        QTest::addRow("%s, steady", api) << QString::fromLatin1(api) << 7u << false;
}

void TestReliabilityFaultMix::everyRowOnceThroughAllFaults()
{
    QFETCH(QString, api);
    QFETCH(quint32, seed);
    QFETCH(bool, growing);

    cdrsim::Simulator &simulator = m_fixture.simulator();
    const int kCalls = callsFor(api);
    simulator.setPlivoCallCount(kCalls);
    simulator.setEnswitchLegCount(kCalls);
    simulator.setPortsipCallCount(kCalls);
    simulator.setPortsipRateLimit(0, 0ms);
    simulator.setPlivoRateLimit(0, 0ms);
    simulator.setCacheListMatches(true); // one filter and sort per data set, not per page
    const QSet<QString> before = datasetIds(api, kCalls);
    QVERIFY2(before.size() >= kMinRows, qPrintable(QString::number(before.size())));

    const std::unique_ptr<SearchSession> search = m_fixture.session(api);
    PagingPolicy paging = search->pagingPolicy();
    paging.pageSize = std::min(paging.pageSize, 100); // about a hundred pages or more, so faults land everywhere
    paging.rateLimitRequests = 0; // the simulator's limits are off: only its faults slow the run
    search->setPagingPolicy(paging);
    HttpTransport::Limits limits;
    limits.idleTimeout = 400ms; // a stall costs this much
    limits.totalTimeout = 1000ms; // and a drip this much
    search->setRequestLimits(limits);
    const qint64 pages = (before.size() + paging.pageSize - 1) / paging.pageSize;

    // The seeded plan: about one list request in eight goes wrong, each fault kind in turn at random.
    QRandomGenerator random(seed);
    const QList<QPair<QByteArray, QByteArray>> fields = wrongTypes(api);
    QList<Fault> kinds{Fault::Status, Fault::RateLimit, Fault::Reset, Fault::ResetMidway, Fault::CutBody,
        Fault::TruncatedJson, Fault::Stall, Fault::Drip, Fault::NoLength, Fault::HtmlPage, Fault::WrongType};
    if (growing)
        kinds += Fault::NewCalls;
    QHash<int, int> planned; // fault kind -> how many
    int grown = 0;
    for (qint64 request = 1; request < pages + pages / 4; ++request) {
        if (random.bounded(8) != 0)
            continue;
        FaultPlan plan;
        plan.pathPattern = Fixture::listPattern(api);
        plan.skip = int(request);
        // Every kind at least once in the first rounds, then at random.
        plan.fault
            = planned.size() < kinds.size() ? kinds.at(planned.size()) : kinds.at(random.bounded(int(kinds.size())));
        switch (plan.fault) {
        case Fault::Status:
            plan.httpStatus = QList<int>{500, 502, 503, 504}.at(random.bounded(4));
            break;
        case Fault::RateLimit:
            if (random.bounded(2))
                plan.retryAfter = "0";
            break;
        case Fault::Drip:
            plan.dripInterval = 1ms;
            break;
        case Fault::HtmlPage:
            plan.httpStatus = 200;
            break;
        case Fault::WrongType: {
            const auto &[field, replacement] = fields.at(random.bounded(int(fields.size())));
            plan.field = field;
            plan.replacement = replacement;
            break;
        }
        case Fault::NewCalls:
            plan.newCalls = 1 + int(random.bounded(8));
            grown += plan.newCalls;
            break;
        default:
            break;
        }
        ++planned[int(plan.fault)];
        simulator.faults().plan(plan);
    }
    QCOMPARE(planned.size(), kinds.size());

    Outcome outcome;
    record(*search, outcome);
    int resumes = 0;
    QStringList stops;
    while (true) {
        QVERIFY(runToEnd(*search, outcome));
        if (outcome.finished)
            break;
        // Stopped: it says why in words, and keeps what it had.
        QVERIFY(outcome.error);
        QVERIFY2(!outcome.error->message().trimmed().isEmpty(), "an error without a message");
        stops += outcome.error->message();
        QCOMPARE(search->deliveredRows(), qint64(outcome.ids.size()));
        QCOMPARE(duplicates(outcome.ids), 0);
        QVERIFY2(++resumes <= kMaxResumes, "resumed too often");
    }

    const QSet<QString> after = datasetIds(api, kCalls + grown);
    const QSet<QString> got(outcome.ids.cbegin(), outcome.ids.cend());
    QStringList lost;
    for (const QString &id : before)
        if (!got.contains(id))
            lost += id;
    QStringList unknown;
    for (const QString &id : got)
        if (!after.contains(id))
            unknown += id;
    qInfo("%s: %lld rows, %lld distinct, %d faults injected, %d calls arrived, %d stops (resumed)", qPrintable(api),
        qlonglong(outcome.ids.size()), qlonglong(got.size()), simulator.faults().faultsInjected(), grown, resumes);
    for (const QString &stop : std::as_const(stops))
        qInfo("  stopped: %s", qPrintable(stop));
    QCOMPARE(duplicates(outcome.ids), 0);
    QVERIFY2(unknown.isEmpty(),
        qPrintable(u"%1 rows not in the data set, e.g. %2"_s.arg(unknown.size()).arg(unknown.value(0))));
    if (!growing || lost.isEmpty()) {
        QVERIFY2(lost.isEmpty(), qPrintable(u"%1 rows lost, e.g. %2"_s.arg(lost.size()).arg(lost.value(0))));
        return;
    }
    // Known gap (RELIABILITY.md): with several pages in flight, a page served after calls
    // arrived can miss rows that slid into a page served before them, and rows pushed past
    // the first page's total are never asked for. Never more rows than calls arrived.
    qWarning("%s: %lld rows lost to calls arriving during paging, e.g. %s", qPrintable(api), qlonglong(lost.size()),
        qPrintable(lost.value(0)));
    QVERIFY2(lost.size() <= grown,
        qPrintable(u"%1 rows lost, more than the %2 calls that arrived"_s.arg(lost.size()).arg(grown)));
}

void TestReliabilityFaultMix::wrongTypedFieldKeptOrRefused_data()
{
    QTest::addColumn<QString>("api");
    QTest::addColumn<QByteArray>("field");
    QTest::addColumn<QByteArray>("replacement");
    const char *api = CDR_MIX_API;
    for (const auto &[field, replacement] : wrongTypes(QString::fromLatin1(api)))
        QTest::addRow("%s, %s", api, field.constData()) << QString::fromLatin1(api) << field << replacement;
}

void TestReliabilityFaultMix::wrongTypedFieldKeptOrRefused()
{
    QFETCH(QString, api);
    QFETCH(QByteArray, field);
    QFETCH(QByteArray, replacement);
    const QStringList expected = m_fixture.cleanRun(api);
    QVERIFY(expected.size() > 80);

    FaultPlan plan;
    plan.fault = Fault::WrongType;
    plan.pathPattern = Fixture::listPattern(api);
    plan.skip = 1;
    plan.field = field;
    plan.replacement = replacement;
    m_fixture.simulator().faults().clear();
    m_fixture.simulator().faults().plan(plan);

    const std::unique_ptr<SearchSession> search = m_fixture.session(api);
    Outcome outcome;
    record(*search, outcome);
    std::vector<CdrRecord> rows;
    QObject::connect(search.get(), &SearchSession::rowsArrived, search.get(),
        [&rows](const std::vector<CdrRecord> &page) { rows.insert(rows.end(), page.begin(), page.end()); });
    QVERIFY(runToEnd(*search, outcome));
    QCOMPARE(m_fixture.simulator().faults().faultsInjected(), 1);
    if (outcome.error) {
        // Refused: a message that names the problem, and the rows before it kept.
        QVERIFY2(!outcome.error->message().trimmed().isEmpty(), "refused without a message");
        QVERIFY(runToEnd(*search, outcome));
    }
    QVERIFY2(outcome.finished, outcome.error ? qPrintable(outcome.error->message()) : "not finished");
    // Accepted or refused, never a row dropped or an id changed without a word.
    QCOMPARE(outcome.ids, expected);
    const QString name = QString::fromLatin1(field);
    for (const CdrRecord &row : rows) {
        const NativeValue *value = row.nativeValue(name);
        if (!value || replacement.isEmpty() || value->toJson().toUtf8() != replacement)
            continue;
        // The wrong-typed value is kept as sent; an object is never read as an amount.
        if (value->kind == NativeValue::Kind::Object || value->kind == NativeValue::Kind::Array)
            QVERIFY2(row.amount.isEmpty() || !row.amount.front().isDigit(), qPrintable(row.amount));
    }
}

QTEST_GUILESS_MAIN(TestReliabilityFaultMix)
#include "tst_reliability_faultmix.moc"
