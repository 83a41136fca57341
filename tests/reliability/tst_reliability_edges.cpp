// Issue 7, point 6, for every provider at once: an impossible range refused before any
// request, an unknown enum value from the server kept as sent, an empty result, and a
// server whose clock runs ahead of ours. Real HTTP against the simulator.
#include "faultfixture.h"
#include "faultinjection.h"
#include "searchsession.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace faultfixture;
using cdrsim::Fault;
using cdrsim::FaultPlan;

namespace {

// Each provider's direction member, and a value its API does not define.
QPair<QByteArray, QByteArray> unknownDirection(const QString &api)
{
    if (api == "plivo"_L1)
        return {"call_direction", R"("sideways")"};
    if (api == "enswitch"_L1)
        return {"direction", R"("sideways")"};
    return {"direction", R"("SIDEWAYS_CALL")"};
}

} // namespace

class TestReliabilityEdges final : public QObject {
    Q_OBJECT

private slots:
    void init() { QVERIFY(m_fixture.start()); }
    void cleanup() { m_fixture.stop(); }

    void impossibleRangeIsRefusedBeforeAnyRequest_data() { perProvider(); }
    void impossibleRangeIsRefusedBeforeAnyRequest();
    void unknownEnumValueIsKeptAsSent_data() { perProvider(); }
    void unknownEnumValueIsKeptAsSent();
    void emptyResultFinishesWithNoRow_data() { perProvider(); }
    void emptyResultFinishesWithNoRow();
    void serverClockInTheFuture_data() { perProvider(); }
    void serverClockInTheFuture();

private:
    static void perProvider();
    Fixture m_fixture;
};

void TestReliabilityEdges::perProvider()
{
    QTest::addColumn<QString>("api");
    for (const char *api : apis)
        QTest::newRow(api) << QString::fromLatin1(api);
}

void TestReliabilityEdges::impossibleRangeIsRefusedBeforeAnyRequest()
{
    QFETCH(QString, api);
    const Provider &provider = m_fixture.provider(api);
    SearchQuery query;
    query.since = simNow.addDays(-1);
    query.until = simNow.addDays(-2); // before since
    const QList<FieldError> errors = provider.validate(query, simNow);
    QVERIFY2(!errors.isEmpty(), "an end before the start passed validation");
    for (const FieldError &error : errors)
        QVERIFY2(!error.message.trimmed().isEmpty(), qPrintable(error.key));
    const bool namesTheRange = std::any_of(errors.cbegin(), errors.cend(),
        [](const FieldError &error) { return error.key == "since"_L1 || error.key == "until"_L1; });
    QVERIFY2(namesTheRange, qPrintable(errors.constFirst().key)); // shown next to a time field
}

void TestReliabilityEdges::unknownEnumValueIsKeptAsSent()
{
    QFETCH(QString, api);
    const auto [field, value] = unknownDirection(api);
    FaultPlan plan;
    plan.fault = Fault::WrongType; // text surgery on the first row: a value of the right type, but unknown
    plan.pathPattern = Fixture::listPattern(api);
    plan.field = field;
    plan.replacement = value;
    m_fixture.simulator().faults().plan(plan);

    const std::unique_ptr<SearchSession> search = m_fixture.session(api);
    Outcome outcome;
    record(*search, outcome);
    std::vector<CdrRecord> rows;
    QObject::connect(search.get(), &SearchSession::rowsArrived, search.get(),
        [&rows](const std::vector<CdrRecord> &page) { rows.insert(rows.end(), page.begin(), page.end()); });
    QVERIFY(runToEnd(*search, outcome));
    QVERIFY2(outcome.finished, outcome.error ? qPrintable(outcome.error->message()) : "not finished");
    QCOMPARE(m_fixture.simulator().faults().faultsInjected(), 1);
    QVERIFY(!rows.empty());
    const NativeValue *raw = rows.front().nativeValue(QString::fromLatin1(field));
    QVERIFY(raw);
    QCOMPARE(raw->toJson().toUtf8(), value); // kept exactly as the server sent it
    QCOMPARE(rows.front().direction, Direction::Unknown); // and not guessed into a known one
}

void TestReliabilityEdges::emptyResultFinishesWithNoRow()
{
    QFETCH(QString, api);
    m_fixture.simulator().setPlivoCallCount(0);
    m_fixture.simulator().setEnswitchLegCount(0);
    m_fixture.simulator().setPortsipCallCount(0);
    const std::unique_ptr<SearchSession> search = m_fixture.session(api);
    Outcome outcome;
    record(*search, outcome);
    QVERIFY(runToEnd(*search, outcome));
    QVERIFY2(outcome.finished, outcome.error ? qPrintable(outcome.error->message()) : "not finished");
    QVERIFY(outcome.ids.isEmpty());
    QCOMPARE(search->deliveredRows(), 0);
    QVERIFY(search->atEnd());
    QVERIFY(!search->isBusy());
}

void TestReliabilityEdges::serverClockInTheFuture()
{
    QFETCH(QString, api);
    // The server thinks it is a day later than we do: its newest calls lie after our
    // "now". The search still ends cleanly, with only calls inside the asked window.
    m_fixture.simulator().setNow(simNow.addDays(1));
    const std::unique_ptr<SearchSession> search = m_fixture.session(api);
    Outcome outcome;
    record(*search, outcome);
    std::vector<CdrRecord> rows;
    QObject::connect(search.get(), &SearchSession::rowsArrived, search.get(),
        [&rows](const std::vector<CdrRecord> &page) { rows.insert(rows.end(), page.begin(), page.end()); });
    QVERIFY(runToEnd(*search, outcome));
    QVERIFY2(outcome.finished, outcome.error ? qPrintable(outcome.error->message()) : "not finished");
    QCOMPARE(duplicates(outcome.ids), 0);
    QVERIFY(!rows.empty());
    for (const CdrRecord &row : rows) {
        // The time each provider's window is on (Plivo: the end).
        const QDateTime at = api == "plivo"_L1 ? row.endTime : row.startTime;
        QVERIFY2(at.isValid() && at.offsetFromUtc() == 0, qPrintable(row.id));
        QVERIFY2(at <= simNow, qPrintable(at.toString(Qt::ISODate)));
    }
}

QTEST_GUILESS_MAIN(TestReliabilityEdges)
#include "tst_reliability_edges.moc"
