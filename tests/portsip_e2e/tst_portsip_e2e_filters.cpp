// PortSIP's filters end to end: each declared filter (and the user's own
// expression) becomes a `filter` the simulator evaluates, and the rows that come
// back are exactly the generated calls the filter means, checked against the
// data directly rather than through the filter language. Hostile values are
// matched literally: no 400, no extra rows.

#include "portsipe2e.h"
#include "providers/portsip/portsipprovider.h"
#include "searchsession.h"

#include <QNetworkAccessManager>
#include <QStandardPaths>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace portsipe2e;

namespace {

using Filters = QMap<QString, QString>;
using Params = QList<QPair<QString, QString>>;

// How many rows a row of the table expects.
enum class Expect : quint8 { Some, None };

bool searchFinds(const cdrsim::PortsipCall &call, const QString &text)
{
    for (const QString *field : {&call.caller, &call.callee, &call.callerDisplayName, &call.calleeDisplayName,
             &call.destination, &call.didCid, &call.outboundCallerId, &call.trunk, &call.serviceNumber, &call.callId}) {
        if (field->contains(text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

} // namespace

class TestPortSipFiltersEndToEnd final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void filters_data();
    void filters();
    void hostileValues_data();
    void hostileValues();
    void timeWindow_data();
    void timeWindow();

private:
    void addCommonColumns();
    void check(SearchQuery query, const CallFilter &keep, Expect expect);

    std::unique_ptr<cdrsim::Simulator> m_simulator;
    QNetworkAccessManager m_network;
    PortSipProvider m_provider;
    QList<cdrsim::PortsipCall> m_calls;
};

void TestPortSipFiltersEndToEnd::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_calls = cdrsim::generatePortsipCalls(kSeed, kNow.toSecsSinceEpoch(), kCallCount);
}

void TestPortSipFiltersEndToEnd::init()
{
    m_simulator = std::make_unique<cdrsim::Simulator>();
    m_simulator->setNow(kNow);
    m_simulator->setSeed(kSeed);
    m_simulator->setPortsipCallCount(kCallCount);
    QVERIFY(m_simulator->listen(0));
}

void TestPortSipFiltersEndToEnd::cleanup()
{
    m_simulator.reset();
}

void TestPortSipFiltersEndToEnd::addCommonColumns()
{
    QTest::addColumn<Filters>("filters");
    QTest::addColumn<Params>("params");
    QTest::addColumn<CallFilter>("keep");
    QTest::addColumn<Expect>("expect");
}

// Runs the search over all 120 days and compares the ids, in order, with the data.
void TestPortSipFiltersEndToEnd::check(SearchQuery query, const CallFilter &keep, Expect expect)
{
    query.since = kNow.addDays(-121);
    query = query.resolved(kNow, m_provider.timeRange());
    const QList<FieldError> problems = m_provider.validate(query, kNow);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.isEmpty() ? QString() : problems.constFirst().message));
    const QStringList expected = idsOf(expectedCalls(m_calls, query, keep));
    if (expect == Expect::None) {
        QVERIFY(expected.isEmpty());
    } else {
        QVERIFY2(!expected.isEmpty(), "the data holds no call for this filter; the row tests nothing");
        QVERIFY(expected.size() < m_calls.size());
    }

    SearchSession session(
        m_network, m_provider, connectionFor(m_simulator->baseUrl(), cdrsim::Simulator::portsipDemoAccount()), query);
    const Outcome outcome = runToEnd(session);
    // A 400 here would mean the value broke the expression.
    QVERIFY2(outcome.finished, qPrintable(outcome.error ? outcome.error->message() : u"timed out"_s));
    QCOMPARE(outcome.total.value_or(-1), qint64(expected.size()));
    const QStringList ids = idsOf(outcome.rows);
    QCOMPARE(duplicateCount(ids), 0);
    QCOMPARE(ids, expected);
}

void TestPortSipFiltersEndToEnd::filters_data()
{
    addCommonColumns();
    const auto caller = [](QString mode, QString value) {
        Filters filters{{u"caller"_s, value}};
        if (!mode.isEmpty())
            filters.insert(u"caller_match"_s, mode);
        return filters;
    };
    const auto callee = [](QString mode, QString value) {
        return Filters{{u"callee"_s, value}, {u"callee_match"_s, mode}};
    };
    using Call = cdrsim::PortsipCall;

    QTest::newRow("caller equals") << caller(u"eq"_s, u"00441632960001"_s) << Params()
                                   << CallFilter([](const Call &c) { return c.caller == u"00441632960001"_s; })
                                   << Expect::Some;
    QTest::newRow("caller equals, not a prefix")
        << caller(u"eq"_s, u"0044163296"_s) << Params()
        << CallFilter([](const Call &c) { return c.caller == u"0044163296"_s; }) << Expect::None;
    QTest::newRow("caller starts with") << caller(u"startswith"_s, u"0044"_s) << Params()
                                        << CallFilter([](const Call &c) { return c.caller.startsWith(u"0044"_s); })
                                        << Expect::Some;
    QTest::newRow("caller starts with +")
        << caller(QString(), u"+44"_s) << Params()
        << CallFilter([](const Call &c) { return c.caller.startsWith(u"+44"_s); }) << Expect::Some;
    QTest::newRow("caller contains") << caller(u"contains"_s, u"2079"_s) << Params()
                                     << CallFilter([](const Call &c) { return c.caller.contains(u"2079"_s); })
                                     << Expect::Some;
    QTest::newRow("caller ends with") << caller(u"endswith"_s, u"01"_s) << Params()
                                      << CallFilter([](const Call &c) { return c.caller.endsWith(u"01"_s); })
                                      << Expect::Some;
    QTest::newRow("callee equals") << callee(u"eq"_s, u"0016135550123"_s) << Params()
                                   << CallFilter([](const Call &c) { return c.callee == u"0016135550123"_s; })
                                   << Expect::Some;
    QTest::newRow("callee starts with") << callee(u"startswith"_s, u"+1202"_s) << Params()
                                        << CallFilter([](const Call &c) { return c.callee.startsWith(u"+1202"_s); })
                                        << Expect::Some;
    QTest::newRow("callee contains") << callee(u"contains"_s, u"7700900"_s) << Params()
                                     << CallFilter([](const Call &c) { return c.callee.contains(u"7700900"_s); })
                                     << Expect::Some;
    QTest::newRow("callee ends with") << callee(u"endswith"_s, u"23"_s) << Params()
                                      << CallFilter([](const Call &c) { return c.callee.endsWith(u"23"_s); })
                                      << Expect::Some;
    for (const QString &direction :
        {u"INBOUND_CALL"_s, u"OUTBOUND_CALL"_s, u"EXTENSION_CALL"_s, u"INBOUND_OUTBOUND_CALL"_s}) {
        QTest::addRow("direction %s", qPrintable(direction))
            << Filters{{u"direction"_s, direction}} << Params()
            << CallFilter([direction](const Call &c) { return c.direction == direction; }) << Expect::Some;
    }
    for (const QString &reason : {u"CANCELLED"_s, u"BLIND_TRANSFER_COMPLETED"_s, u"CALLER_DISCONNECTED"_s}) {
        QTest::addRow("end reason %s", qPrintable(reason))
            << Filters{{u"end_reason"_s, reason}} << Params()
            << CallFilter([reason](const Call &c) { return c.endReason == reason; }) << Expect::Some;
    }
    for (const int status : {0, 486, 404}) {
        QTest::addRow("status code %d", status)
            << Filters{{u"status_code"_s, QString::number(status)}} << Params()
            << CallFilter([status](const Call &c) { return c.statusCode == status; }) << Expect::Some;
    }
    QTest::newRow("trunk with parentheses")
        << Filters{{u"trunk"_s, u"US-Carrier (backup)"_s}} << Params()
        << CallFilter([](const Call &c) { return c.trunk == u"US-Carrier (backup)"_s; }) << Expect::Some;
    QTest::newRow("destination") << Filters{{u"destination"_s, u"101"_s}} << Params()
                                 << CallFilter([](const Call &c) { return c.destination == u"101"_s; }) << Expect::Some;
    const auto withDid
        = std::find_if(m_calls.cbegin(), m_calls.cend(), [](const Call &c) { return !c.didCid.isEmpty(); });
    const QString did = withDid == m_calls.cend() ? QString() : withDid->didCid;
    QTest::newRow("DID") << Filters{{u"did_cid"_s, did}} << Params()
                         << CallFilter([did](const Call &c) { return c.didCid == did; }) << Expect::Some;
    QTest::newRow("search, any case") << Filters{{u"search"_s, u"acme"_s}} << Params()
                                      << CallFilter([](const Call &c) { return searchFinds(c, u"acme"_s); })
                                      << Expect::Some;
    QTest::newRow("all at once") << Filters{{u"direction"_s, u"INBOUND_CALL"_s}, {u"trunk"_s, u"UK SIP Trunk"_s},
        {u"status_code"_s, u"0"_s}, {u"caller"_s, u"+44"_s}, {u"caller_match"_s, u"startswith"_s}}
                                 << Params() << CallFilter([](const Call &c) {
                                        return c.direction == u"INBOUND_CALL"_s && c.trunk == u"UK SIP Trunk"_s
                                            && c.statusCode == 0 && c.caller.startsWith(u"+44"_s);
                                    })
                                 << Expect::Some;
    QTest::newRow("own expression: outside the enum")
        << Filters() << Params{{u"filter"_s, u"end_reason eq 'CALLER_DISCONNECT'"_s}}
        << CallFilter([](const Call &c) { return c.endReason == u"CALLER_DISCONNECT"_s; }) << Expect::Some;
    // Its `or` must stay inside its parentheses, or it would loosen the direction.
    QTest::newRow("own expression with or, and a filter")
        << Filters{{u"direction"_s, u"INBOUND_CALL"_s}}
        << Params{{u"filter"_s, u"status_code eq 486 or status_code eq 404"_s}} << CallFilter([](const Call &c) {
               return c.direction == u"INBOUND_CALL"_s && (c.statusCode == 486 || c.statusCode == 404);
           })
        << Expect::Some;
    QTest::newRow("own $filter") << Filters{{u"callee"_s, u"1"_s}, {u"callee_match"_s, u"startswith"_s}}
                                 << Params{{u"$filter"_s, u"duration ge 600"_s}} << CallFilter([](const Call &c) {
                                        return c.callee.startsWith(u'1') && c.duration >= 600;
                                    })
                                 << Expect::Some;
}

void TestPortSipFiltersEndToEnd::filters()
{
    QFETCH(Filters, filters);
    QFETCH(Params, params);
    QFETCH(CallFilter, keep);
    QFETCH(Expect, expect);
    SearchQuery query;
    query.filters = filters;
    query.extraParams = params;
    check(query, keep, expect);
}

void TestPortSipFiltersEndToEnd::hostileValues_data()
{
    addCommonColumns();
    // Values that would change the expression if they were not quoted; none is a
    // caller, so exact matching finds nothing, where an injection would find rows.
    const QStringList hostile{u"x' or 'a' eq 'a"_s, u"101' or caller ne '"_s, u" or 1 eq 1"_s,
        u"101') or (caller ne '101"_s, u"'"_s, u"(("_s, u"東京オフィス"_s, u"Ελένη' or ''='"_s, u"100% + Co & Sons"_s};
    for (const QString &mode : {u"eq"_s, u"startswith"_s, u"contains"_s, u"endswith"_s}) {
        for (qsizetype i = 0; i < hostile.size(); ++i) {
            const QString value = hostile.at(i);
            QTest::addRow("caller %s #%d", qPrintable(mode), int(i))
                << Filters{{u"caller"_s, value}, {u"caller_match"_s, mode}} << Params()
                << CallFilter([value](const cdrsim::PortsipCall &c) { return c.caller.contains(value); })
                << Expect::None;
        }
    }
    QTest::newRow("trunk") << Filters{{u"trunk"_s, u"UK SIP Trunk' or trunk ne '"_s}} << Params()
                           << CallFilter([](const cdrsim::PortsipCall &) { return false; }) << Expect::None;
    // The search goes as its own parameter: the names that carry these values are found exactly.
    for (const QString &text : {u"x' or 'a' eq 'a"_s, u"Sales and (Support) or not eq"_s, u"東京オフィス"_s,
             u"100% + Co & Sons"_s, u"\"Bob\" <sip:bob@example.com>"_s}) {
        QTest::addRow("search %s", qPrintable(text))
            << Filters{{u"search"_s, text}} << Params()
            << CallFilter([text](const cdrsim::PortsipCall &c) { return searchFinds(c, text); }) << Expect::Some;
    }
}

void TestPortSipFiltersEndToEnd::hostileValues()
{
    filters();
}

void TestPortSipFiltersEndToEnd::timeWindow_data()
{
    QTest::addColumn<QDateTime>("since");
    QTest::addColumn<QDateTime>("until");
    QTest::newRow("a week") << kNow.addDays(-10) << kNow.addDays(-3);
    QTest::newRow("milliseconds") << kNow.addDays(-2).addMSecs(-1234) << kNow.addDays(-1).addMSecs(567);
    QTest::newRow("default (30 days)") << QDateTime() << QDateTime();
    QTest::newRow("upper end only") << QDateTime() << kNow.addDays(-60);
}

void TestPortSipFiltersEndToEnd::timeWindow()
{
    QFETCH(QDateTime, since);
    QFETCH(QDateTime, until);
    SearchQuery query;
    query.since = since;
    query.until = until;
    query = query.resolved(kNow, m_provider.timeRange());
    QVERIFY(query.since.isValid() && query.until.isValid());
    const QStringList expected = idsOf(expectedCalls(m_calls, query));
    QVERIFY(!expected.isEmpty() && expected.size() < m_calls.size());

    SearchSession session(
        m_network, m_provider, connectionFor(m_simulator->baseUrl(), cdrsim::Simulator::portsipDemoAccount()), query);
    const Outcome outcome = runToEnd(session);
    QVERIFY2(outcome.finished, qPrintable(outcome.error ? outcome.error->message() : u"timed out"_s));
    QCOMPARE(idsOf(outcome.rows), expected);
    for (const CdrRecord &row : outcome.rows)
        QVERIFY(row.startTime >= query.since.addMSecs(-1) && row.startTime < query.until);
}

QTEST_GUILESS_MAIN(TestPortSipFiltersEndToEnd)
#include "tst_portsip_e2e_filters.moc"
