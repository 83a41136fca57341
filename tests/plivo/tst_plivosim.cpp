// The Plivo provider against the Zentrunk simulator over real HTTP: the requests
// it builds are accepted, each filter does what it says, and validate() refuses
// exactly the ranges the API refuses.

#include "providers/plivo/plivoprovider.h"
#include "simulator.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

#include <functional>
#include <set>

using namespace Qt::StringLiterals;

namespace {

const QDateTime kNow(QDate(2024, 6, 30), QTime(12, 0), QTimeZone::utc());

using Filters = QMap<QString, QString>;
using RowCheck = std::function<bool(const CdrRecord &)>;

// The simulator, like a plausible real server, matches a prefix with or without the '+'.
bool hasPrefix(const QString &number, QStringView digits)
{
    return QStringView(number).sliced(number.startsWith(u'+') ? 1 : 0).startsWith(digits);
}

QString nativeText(const CdrRecord &record, QStringView name)
{
    const NativeValue *value = record.nativeValue(name);
    return value ? value->text : QString();
}

} // namespace

class TestPlivoSimulator final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void filters_data();
    void filters();
    void rangeRules_data();
    void rangeRules();
    void pagesByOffset();
    void wrongToken();
    void singleCall();

private:
    struct Reply {
        int status = 0;
        QByteArray body;
    };
    bool fetch(const HttpRequest &request, Reply &reply);
    Connection connection(const QString &token = {}) const;

    cdrsim::Simulator m_simulator;
    QNetworkAccessManager m_network;
    PlivoProvider m_provider;
};

void TestPlivoSimulator::initTestCase()
{
    m_simulator.setNow(kNow);
    QVERIFY(m_simulator.listen(0));
}

Connection TestPlivoSimulator::connection(const QString &token) const
{
    const cdrsim::PlivoAccount account = cdrsim::Simulator::demoAccount();
    return {m_simulator.baseUrl(), account.authId, token.isEmpty() ? account.authToken : token};
}

bool TestPlivoSimulator::fetch(const HttpRequest &request, Reply &reply)
{
    QNetworkRequest networkRequest(request.url);
    for (const auto &[name, value] : request.headers)
        networkRequest.setRawHeader(name, value);
    QNetworkReply *networkReply = m_network.get(networkRequest);
    QSignalSpy finished(networkReply, &QNetworkReply::finished);
    const bool done = finished.wait(10000);
    if (!done)
        networkReply->abort();
    reply.status = networkReply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    reply.body = networkReply->readAll();
    networkReply->deleteLater();
    return done;
}

void TestPlivoSimulator::filters_data()
{
    QTest::addColumn<Filters>("filters");
    QTest::addColumn<RowCheck>("check");

    QTest::newRow("none") << Filters() << RowCheck([](const CdrRecord &) { return true; });
    QTest::newRow("from_number prefix") << Filters{{u"from_number"_s, u"+1"_s}}
                                        << RowCheck([](const CdrRecord &r) { return hasPrefix(r.caller, u"1"); });
    QTest::newRow("to_number prefix") << Filters{{u"to_number"_s, u"+44"_s}}
                                      << RowCheck([](const CdrRecord &r) { return hasPrefix(r.callee, u"44"); });
    QTest::newRow("inbound") << Filters{{u"call_direction"_s, u"inbound"_s}}
                             << RowCheck([](const CdrRecord &r) { return r.direction == Direction::Inbound; });
    QTest::newRow("outbound") << Filters{{u"call_direction"_s, u"outbound"_s}}
                              << RowCheck([](const CdrRecord &r) { return r.direction == Direction::Outbound; });
    QTest::newRow("billed at least") << Filters{{u"bill_duration__gte"_s, u"120"_s}}
                                     << RowCheck([](const CdrRecord &r) { return r.billedDuration.value_or(-1) >= 120; });
    QTest::newRow("billed at most") << Filters{{u"bill_duration__lte"_s, u"0"_s}}
                                    << RowCheck([](const CdrRecord &r) { return r.billedDuration.value_or(-1) == 0; });
    QTest::newRow("hangup code") << Filters{{u"hangup_cause_code"_s, u"3000"_s}}
                                 << RowCheck([](const CdrRecord &r) { return nativeText(r, u"hangup_cause_code") == u"3000"_s; });
    QTest::newRow("hangup source") << Filters{{u"hangup_source"_s, u"customer"_s}}
                                   << RowCheck([](const CdrRecord &r) { return r.hangupSource == u"customer"_s; });
    QTest::newRow("stir") << Filters{{u"stir_verification"_s, u"Not Verified"_s}} << RowCheck([](const CdrRecord &r) {
        return nativeText(r, u"stir_verification").compare(u"not verified"_s, Qt::CaseInsensitive) == 0;
    });
    QTest::newRow("combined") << Filters{{u"call_direction"_s, u"outbound"_s}, {u"hangup_source"_s, u"carrier"_s},
                                         {u"from_number"_s, u"+1"_s}}
                              << RowCheck([](const CdrRecord &r) {
                                     return r.direction == Direction::Outbound && r.hangupSource == u"carrier"_s
                                         && hasPrefix(r.caller, u"1");
                                 });
}

void TestPlivoSimulator::filters()
{
    QFETCH(Filters, filters);
    QFETCH(RowCheck, check);

    SearchQuery query;
    query.filters = filters;
    QVERIFY(m_provider.validate(query, kNow).isEmpty());
    const SearchQuery resolved = query.resolved(kNow, m_provider.timeRange());

    Reply reply;
    QVERIFY(fetch(m_provider.pageRequest(connection(), resolved, 0, 20), reply));
    QCOMPARE(reply.status, 200);
    const PageResult page = m_provider.parsePage(reply.body);
    QVERIFY2(!page.error, page.error ? qPrintable(page.error->message()) : "");
    QVERIFY(page.total.value_or(0) > 0);
    QVERIFY(!page.rows.empty());
    for (const CdrRecord &row : page.rows) {
        QVERIFY2(check(row), row.nativeJson(false).constData());
        QVERIFY(row.endTime >= resolved.since && row.endTime < resolved.until);
    }
}

void TestPlivoSimulator::rangeRules_data()
{
    QTest::addColumn<QDateTime>("since");
    QTest::addColumn<QDateTime>("until");
    QTest::addColumn<bool>("accepted");

    QTest::newRow("default window") << QDateTime() << QDateTime() << true;
    QTest::newRow("89 days") << kNow.addDays(-89) << QDateTime() << true;
    QTest::newRow("90 days exactly") << kNow.addDays(-90) << kNow << true;
    QTest::newRow("91 days") << kNow.addDays(-91) << QDateTime() << false;
    QTest::newRow("old window") << kNow.addDays(-100) << kNow.addDays(-80) << false;
    QTest::newRow("default window too old") << QDateTime() << kNow.addDays(-75) << false;
    QTest::newRow("future end") << kNow.addDays(-5) << kNow.addDays(5) << true;
}

void TestPlivoSimulator::rangeRules()
{
    QFETCH(QDateTime, since);
    QFETCH(QDateTime, until);
    QFETCH(bool, accepted);

    SearchQuery query;
    query.since = since;
    query.until = until;
    QCOMPARE(m_provider.validate(query, kNow).isEmpty(), accepted);

    Reply reply;
    QVERIFY(fetch(m_provider.pageRequest(connection(), query.resolved(kNow, m_provider.timeRange()), 0, 20), reply));
    QCOMPARE(reply.status, accepted ? 200 : 400);
    if (!accepted) {
        const ApiError error = m_provider.errorFromReply(reply.status, reply.body);
        QCOMPARE(error.kind, ApiError::Kind::Http);
        QVERIFY(!error.providerMessage.isEmpty());
    }
}

void TestPlivoSimulator::pagesByOffset()
{
    const SearchQuery query = SearchQuery().resolved(kNow, m_provider.timeRange());
    std::set<QString> ids;
    std::optional<qint64> total;
    for (qint64 offset : {0, 20, 40}) {
        Reply reply;
        QVERIFY(fetch(m_provider.pageRequest(connection(), query, offset, 20), reply));
        QCOMPARE(reply.status, 200);
        const PageResult page = m_provider.parsePage(reply.body);
        QVERIFY(!page.error);
        QCOMPARE(page.rows.size(), std::size_t(20));
        if (total)
            QCOMPARE(page.total, total);
        total = page.total;
        for (const CdrRecord &row : page.rows)
            QVERIFY2(ids.insert(row.id).second, qPrintable(row.id));
    }
    QVERIFY(*total > 60);
}

void TestPlivoSimulator::wrongToken()
{
    const QString token = u"not-the-token-1234"_s;
    Reply reply;
    QVERIFY(fetch(m_provider.pageRequest(connection(token), SearchQuery(), 0, 20), reply));
    QCOMPARE(reply.status, 401);
    const ApiError error = m_provider.errorFromReply(reply.status, reply.body);
    QCOMPARE(error.kind, ApiError::Kind::Auth);
    QVERIFY(!error.providerMessage.isEmpty());
    QVERIFY(!error.message().contains(token));
}

void TestPlivoSimulator::singleCall()
{
    Reply list;
    QVERIFY(fetch(m_provider.pageRequest(connection(), SearchQuery().resolved(kNow, m_provider.timeRange()), 0, 1), list));
    const PageResult page = m_provider.parsePage(list.body);
    QCOMPARE(page.rows.size(), std::size_t(1));
    const CdrRecord &listed = page.rows.front();

    Reply one;
    QVERIFY(fetch(m_provider.recordRequest(connection(), listed.id), one));
    QCOMPARE(one.status, 200);
    const RecordResult record = m_provider.parseRecord(one.body);
    QVERIFY(record.record);
    QCOMPARE(record.record->id, listed.id);
    QCOMPARE(record.record->nativeJson(false), listed.nativeJson(false));

    Reply missing;
    QVERIFY(fetch(m_provider.recordRequest(connection(), u"no-such-call"_s), missing));
    QCOMPARE(missing.status, 404);
    QCOMPARE(m_provider.errorFromReply(missing.status, missing.body).kind, ApiError::Kind::Http);
}

QTEST_GUILESS_MAIN(TestPlivoSimulator)
#include "tst_plivosim.moc"
