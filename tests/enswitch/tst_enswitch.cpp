// Requests, filters and validation of the Enswitch provider.

#include "columns.h"
#include "providerregistry.h"
#include "providers/enswitch/enswitchprovider.h"

#include <QTest>
#include <QTimeZone>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace {

const QDateTime kNow(QDate(2024, 6, 30), QTime(12, 0), QTimeZone::utc());
const QString kPassword = u"p@ss+w&rd;=x"_s;

QDateTime utc(int year, int month, int day, int hour = 0, int minute = 0, int second = 0, int msec = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute, second, msec), QTimeZone::utc());
}

Connection demoConnection(const QString &baseUrl = u"https://enswitch.example.com"_s)
{
    return {QUrl(baseUrl), u"alice"_s, kPassword};
}

// The body every list request starts with for the window 2024-06-29 12:00 .. 2024-06-30 12:00.
const QByteArray kPrefix = "auth_username=alice&auth_password=p%40ss%2Bw%26rd%3B%3Dx&start=1719662400&end=1719748800"
                           "&limit=1000&offset=0&sort=start&descending=0";

using Filters = QMap<QString, QString>;
using Params = QList<QPair<QString, QString>>;

} // namespace

class TestEnswitch final : public QObject {
    Q_OBJECT

private slots:
    void identity();
    void registered();
    void declaredFilters();
    void policies();

    void formBody_data();
    void formBody();
    void sortBody_data();
    void sortBody();
    void serverSortableColumns();
    void timeBounds_data();
    void timeBounds();
    void noSecretInUrl();
    void requestUrl_data();
    void requestUrl();
    void recordRequest();
    void bodyDecodes();

    void validation_data();
    void validation();

    void explanations();

private:
    EnswitchProvider m_provider;
};

void TestEnswitch::identity()
{
    QCOMPARE(m_provider.id(), u"enswitch"_s);
    QCOMPARE(m_provider.displayName(), u"Enswitch"_s);
    const ProfileFieldLabels labels = m_provider.profileFields();
    QCOMPARE(labels.defaultBaseUrl, u"https://enswitch.example.com"_s);
    QCOMPARE(labels.userLabel, u"Username"_s);
    QCOMPARE(labels.secretLabel, u"Password"_s);
}

void TestEnswitch::registered()
{
    const Provider *provider = ProviderRegistry::find(u"enswitch"_s);
    QVERIFY(provider);
    QCOMPARE(provider->displayName(), u"Enswitch"_s);
    QVERIFY(ProviderRegistry::find(u"plivo"_s));
}

void TestEnswitch::declaredFilters()
{
    QStringList keys;
    QMap<QString, FilterSpec> byKey;
    for (const FilterSpec &spec : m_provider.filters()) {
        keys.append(spec.key);
        byKey.insert(spec.key, spec);
        QVERIFY2(!spec.label.isEmpty(), qPrintable(spec.key));
    }
    QCOMPARE(keys,
        (QStringList{u"direction"_s, u"snumber"_s, u"smatch"_s, u"cnumber"_s, u"cmatch"_s, u"dnumber"_s, u"dmatch"_s,
            u"callid"_s, u"callername_number"_s, u"callername_match"_s, u"talktime_minimum"_s, u"talktime_maximum"_s,
            u"status"_s, u"customer"_s, u"recurse"_s, u"archive"_s, u"peer"_s, u"detail"_s}));
    QCOMPARE(byKey[u"direction"_s].role, FilterRole::Direction);
    QCOMPARE(byKey[u"snumber"_s].role, FilterRole::Caller);
    QCOMPARE(byKey[u"cnumber"_s].role, FilterRole::Callee);
    for (const QString &match : {u"smatch"_s, u"cmatch"_s, u"dmatch"_s, u"callername_match"_s}) {
        const FilterSpec &spec = byKey[match];
        QCOMPARE(spec.kind, FilterKind::Choice);
        QCOMPARE(spec.defaultValue, u"start"_s);
        QStringList labels;
        for (const FilterChoice &choice : spec.choices)
            labels.append(choice.value + u'=' + choice.label);
        QCOMPARE(labels,
            (QStringList{u"contains=contains"_s, u"start=starts with"_s, u"end=ends with"_s, u"exact=exact"_s}));
    }
    QCOMPARE(byKey[u"status"_s].kind, FilterKind::Text);
    QCOMPARE(byKey[u"customer"_s].kind, FilterKind::Text);
    QVERIFY(!byKey[u"customer"_s].hint.isEmpty());
    QCOMPARE(byKey[u"talktime_minimum"_s].kind, FilterKind::Integer);
    QCOMPARE(byKey[u"talktime_minimum"_s].minimum, 0);
    QCOMPARE(byKey[u"talktime_maximum"_s].minimum, 0);
    QCOMPARE(byKey[u"peer"_s].kind, FilterKind::Integer);
    QCOMPARE(byKey[u"recurse"_s].choices.size(), 1);
    QCOMPARE(byKey[u"recurse"_s].choices.front().value, u"1"_s);
    QCOMPARE(byKey[u"archive"_s].choices.front().label, u"Include archived calls"_s);
    QCOMPARE(byKey[u"detail"_s].choices.size(), 2);
}

void TestEnswitch::policies()
{
    const TimeRangePolicy range = m_provider.timeRange();
    QCOMPARE(range.fieldLabel, u"Start time"_s);
    QVERIFY(!range.maxSpan);
    QVERIFY(!range.maxAge);
    QCOMPARE(range.defaultWindow, std::chrono::hours(24));

    const PagingPolicy paging = m_provider.paging();
    QCOMPARE(paging.pageSize, 1000);
    QCOMPARE(paging.maxInFlight, 2);
    QCOMPARE(paging.rateLimitRequests, 0);
    QVERIFY(!paging.reportsTotal);

    QCOMPARE(m_provider.defaultColumns().size(), 10);
    QCOMPARE(m_provider.defaultColumns().last(), columnKey(UnifiedField::Trunk));
}

void TestEnswitch::formBody_data()
{
    QTest::addColumn<Filters>("filters");
    QTest::addColumn<Params>("extra");
    QTest::addColumn<QByteArray>("tail");

    QTest::newRow("none") << Filters{} << Params{} << QByteArray();
    QTest::newRow("direction in") << Filters{{u"direction"_s, u"in"_s}} << Params{} << QByteArray("&direction=in");
    QTest::newRow("direction internal") << Filters{{u"direction"_s, u"internal"_s}} << Params{}
                                        << QByteArray("&direction=internal");
    QTest::newRow("snumber, default match")
        << Filters{{u"snumber"_s, u"+44163"_s}} << Params{} << QByteArray("&snumber=%2B44163&smatch=start");
    QTest::newRow("snumber exact") << Filters{{u"snumber"_s, u"0044"_s}, {u"smatch"_s, u"exact"_s}} << Params{}
                                   << QByteArray("&snumber=0044&smatch=exact");
    QTest::newRow("smatch without number") << Filters{{u"smatch"_s, u"end"_s}} << Params{} << QByteArray();
    QTest::newRow("cnumber contains") << Filters{{u"cnumber"_s, u"555"_s}, {u"cmatch"_s, u"contains"_s}} << Params{}
                                      << QByteArray("&cnumber=555&cmatch=contains");
    QTest::newRow("cnumber, default match")
        << Filters{{u"cnumber"_s, u" 100 "_s}} << Params{} << QByteArray("&cnumber=100&cmatch=start");
    QTest::newRow("dnumber end") << Filters{{u"dnumber"_s, u"99"_s}, {u"dmatch"_s, u"end"_s}} << Params{}
                                 << QByteArray("&dnumber=99&dmatch=end");
    QTest::newRow("callid") << Filters{{u"callid"_s, u"a84b@pbx;x=y&z"_s}} << Params{}
                            << QByteArray("&callid=a84b%40pbx%3Bx%3Dy%26z");
    QTest::newRow("caller name") << Filters{{u"callername_number"_s, u"Smith, J\u00fcrgen"_s}} << Params{}
                                 << QByteArray("&callername_number=Smith%2C%20J%C3%BCrgen&callername_match=start");
    QTest::newRow("caller name exact") << Filters{{u"callername_number"_s, u"Bob"_s},
        {u"callername_match"_s, u"exact"_s}}
                                       << Params{} << QByteArray("&callername_number=Bob&callername_match=exact");
    QTest::newRow("talktime") << Filters{{u"talktime_minimum"_s, u"10"_s}, {u"talktime_maximum"_s, u"60"_s}} << Params{}
                              << QByteArray("&talktime_minimum=10&talktime_maximum=60");
    QTest::newRow("status") << Filters{{u"status"_s, u"no answer"_s}} << Params{} << QByteArray("&status=no%20answer");
    QTest::newRow("customer id") << Filters{{u"customer"_s, u"1042"_s}} << Params{} << QByteArray("&customer=1042");
    QTest::newRow("customer all") << Filters{{u"customer"_s, u"all"_s}} << Params{} << QByteArray("&customer=all");
    QTest::newRow("recurse") << Filters{{u"recurse"_s, u"1"_s}} << Params{} << QByteArray("&recurse=1");
    QTest::newRow("archive") << Filters{{u"archive"_s, u"1"_s}} << Params{} << QByteArray("&archive=1");
    QTest::newRow("peer") << Filters{{u"peer"_s, u"17"_s}} << Params{} << QByteArray("&peer=17");
    QTest::newRow("detail call") << Filters{{u"detail"_s, u"call"_s}} << Params{} << QByteArray("&detail=call");
    QTest::newRow("declared order") << Filters{{u"detail"_s, u"leg"_s}, {u"snumber"_s, u"1"_s},
        {u"direction"_s, u"out"_s}} << Params{}
                                    << QByteArray("&direction=out&snumber=1&smatch=start&detail=leg");
    QTest::newRow("extra params last") << Filters{{u"peer"_s, u"3"_s}}
                                       << Params{{u"cost_customer"_s, u"scustomer"_s}, {u"phone"_s, u"a+b"_s}}
                                       << QByteArray("&peer=3&cost_customer=scustomer&phone=a%2Bb");
    QTest::newRow("empty values not sent")
        << Filters{{u"status"_s, u"  "_s}, {u"peer"_s, QString()}} << Params{} << QByteArray();
}

void TestEnswitch::formBody()
{
    QFETCH(Filters, filters);
    QFETCH(Params, extra);
    QFETCH(QByteArray, tail);

    SearchQuery query;
    query.since = utc(2024, 6, 29, 12);
    query.until = kNow;
    query.filters = filters;
    query.extraParams = extra;
    const HttpRequest request = m_provider.pageRequest(demoConnection(), query, 0, 1000);
    QCOMPARE(request.method, QByteArray("POST"));
    QCOMPARE(request.url.toString(QUrl::FullyEncoded), u"https://enswitch.example.com/api/json/cdrs/list/"_s);
    QCOMPARE(request.body, kPrefix + tail);
    QVERIFY(request.headers.contains(
        std::pair{QByteArray("Content-Type"), QByteArray("application/x-www-form-urlencoded")}));
}

void TestEnswitch::sortBody_data()
{
    QTest::addColumn<QString>("column");
    QTest::addColumn<bool>("descending");
    QTest::addColumn<QByteArray>("sortParams");

    QTest::newRow("default") << QString() << false << QByteArray("&sort=start&descending=0");
    QTest::newRow("default descending") << QString() << true << QByteArray("&sort=start&descending=1");
    QTest::newRow("start_time") << u"start_time"_s << false << QByteArray("&sort=start&descending=0");
    QTest::newRow("end_time") << u"end_time"_s << true << QByteArray("&sort=end&descending=1");
    QTest::newRow("caller") << u"caller"_s << false << QByteArray("&sort=snumber&descending=0");
    QTest::newRow("callee") << u"callee"_s << true << QByteArray("&sort=cnumber&descending=1");
    QTest::newRow("direction") << u"direction"_s << false << QByteArray("&sort=direction&descending=0");
    QTest::newRow("duration") << u"duration"_s << false << QByteArray("&sort=totaltime&descending=0");
    QTest::newRow("billed_duration") << u"billed_duration"_s << false << QByteArray("&sort=talktime&descending=0");
    QTest::newRow("amount") << u"amount"_s << true << QByteArray("&sort=cost&descending=1");
    QTest::newRow("hangup_cause") << u"hangup_cause"_s << false << QByteArray("&sort=status&descending=0");
    QTest::newRow("trunk") << u"trunk"_s << false << QByteArray("&sort=peer&descending=0");
    QTest::newRow("id") << u"id"_s << false << QByteArray("&sort=uniqueid&descending=0");
    QTest::newRow("raw.dcustomer") << u"raw.dcustomer"_s << true << QByteArray("&sort=dcustomer&descending=1");
    QTest::newRow("raw.name") << u"raw.name"_s << false << QByteArray("&sort=name&descending=0");
    QTest::newRow("not sortable falls back") << u"rate"_s << false << QByteArray("&sort=start&descending=0");
    QTest::newRow("unknown raw falls back") << u"raw.bogus"_s << false << QByteArray("&sort=start&descending=0");
}

void TestEnswitch::sortBody()
{
    QFETCH(QString, column);
    QFETCH(bool, descending);
    QFETCH(QByteArray, sortParams);

    SearchQuery query;
    query.since = utc(2024, 6, 29, 12);
    query.until = kNow;
    query.sortColumn = column;
    query.sortDescending = descending;
    const HttpRequest request = m_provider.pageRequest(demoConnection(), query, 0, 1000);
    QByteArray expected = kPrefix;
    expected.replace("&sort=start&descending=0", sortParams);
    QCOMPARE(request.body, expected);
}

void TestEnswitch::serverSortableColumns()
{
    const QStringList keys = m_provider.serverSortableColumns();
    for (const QString &key : {u"start_time"_s, u"end_time"_s, u"caller"_s, u"callee"_s, u"direction"_s,
             u"duration"_s, u"billed_duration"_s, u"amount"_s, u"hangup_cause"_s, u"trunk"_s, u"id"_s})
        QVERIFY2(keys.contains(key), qPrintable(key));
    for (const QString &field : {u"callid"_s, u"cnumber"_s, u"cost"_s, u"ctype"_s, u"dcustomer"_s, u"direction"_s,
             u"dnumber"_s, u"dtype"_s, u"end"_s, u"name"_s, u"peer"_s, u"scustomer"_s, u"snumber"_s, u"start"_s,
             u"status"_s, u"stype"_s, u"talktime"_s, u"totaltime"_s, u"uniqueid"_s})
        QVERIFY2(keys.contains(u"raw."_s + field), qPrintable(field));
    QCOMPARE(keys.size(), 11 + 19);
    QVERIFY(!keys.contains(u"rate"_s));
    QVERIFY(ProviderRegistry::find(u"plivo"_s)->serverSortableColumns().isEmpty());
}

void TestEnswitch::timeBounds_data()
{
    QTest::addColumn<QDateTime>("since");
    QTest::addColumn<QDateTime>("until");
    QTest::addColumn<qint64>("offset");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("whole seconds") << utc(2024, 1, 1) << utc(2024, 1, 2) << qint64(2000)
                                   << QByteArray("start=1704067200&end=1704153600&limit=1000&offset=2000");
    // Sub-second bounds round up: an integer start >= since and < until either way.
    QTest::newRow("milliseconds") << utc(2024, 1, 1, 0, 0, 0, 1) << utc(2024, 1, 2, 0, 0, 0, 500) << qint64(0)
                                  << QByteArray("start=1704067201&end=1704153601&limit=1000&offset=0");
}

void TestEnswitch::timeBounds()
{
    QFETCH(QDateTime, since);
    QFETCH(QDateTime, until);
    QFETCH(qint64, offset);
    QFETCH(QByteArray, expected);
    SearchQuery query;
    query.since = since;
    query.until = until;
    const HttpRequest request = m_provider.pageRequest(demoConnection(), query, offset, 1000);
    QVERIFY2(request.body.contains(expected), request.body.constData());
}

void TestEnswitch::noSecretInUrl()
{
    SearchQuery query;
    query.filters = {{u"snumber"_s, u"1"_s}};
    const SearchQuery resolved = query.resolved(kNow, m_provider.timeRange());
    for (const HttpRequest &request : {m_provider.pageRequest(demoConnection(), resolved, 5000, 1000),
             m_provider.recordRequest(demoConnection(), u"1669000000.100000"_s)}) {
        const QString url = request.url.toString(QUrl::FullyEncoded);
        QVERIFY(!request.url.hasQuery());
        QVERIFY(!url.contains(u"p%40ss"_s) && !url.contains(kPassword) && !url.contains(u"auth_"_s));
        for (const auto &[name, value] : request.headers)
            QVERIFY(!value.contains("ss+w"));
    }
}

void TestEnswitch::requestUrl_data()
{
    QTest::addColumn<QString>("baseUrl");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << u"https://pbx.example.net"_s << u"https://pbx.example.net/api/json/cdrs/list/"_s;
    QTest::newRow("trailing slash") << u"https://pbx.example.net/"_s
                                    << u"https://pbx.example.net/api/json/cdrs/list/"_s;
    QTest::newRow("prefix") << u"https://pbx.example.net/voip"_s
                            << u"https://pbx.example.net/voip/api/json/cdrs/list/"_s;
    QTest::newRow("already api/json") << u"http://127.0.0.1:8080/api/json/"_s
                                      << u"http://127.0.0.1:8080/api/json/cdrs/list/"_s;
    QTest::newRow("query and user info dropped")
        << u"https://u:pw@pbx.example.net/?x=1#f"_s << u"https://pbx.example.net/api/json/cdrs/list/"_s;
}

void TestEnswitch::requestUrl()
{
    QFETCH(QString, baseUrl);
    QFETCH(QString, expected);
    SearchQuery query;
    query.since = utc(2024, 1, 1);
    query.until = utc(2024, 1, 2);
    QCOMPARE(
        m_provider.pageRequest(demoConnection(baseUrl), query, 0, 1000).url.toString(QUrl::FullyEncoded), expected);
}

void TestEnswitch::recordRequest()
{
    const HttpRequest request = m_provider.recordRequest(demoConnection(), u"1669000000.100000"_s);
    QCOMPARE(request.method, QByteArray("POST"));
    QCOMPARE(request.url.toString(QUrl::FullyEncoded), u"https://enswitch.example.com/api/json/cdrs/get/"_s);
    QCOMPARE(request.body,
        QByteArray("auth_username=alice&auth_password=p%40ss%2Bw%26rd%3B%3Dx&uniqueid=1669000000.100000"));
}

void TestEnswitch::bodyDecodes()
{
    // What a form decoder on the server reads back must be exactly what was sent.
    SearchQuery query;
    query.since = utc(2024, 1, 1);
    query.until = utc(2024, 1, 2);
    const QString awkward = u"a+b&c=d;e %f \u5c71\u7530 \"q\""_s;
    query.filters = {{u"callername_number"_s, awkward}, {u"status"_s, u"x"_s}};
    const HttpRequest request = m_provider.pageRequest(demoConnection(), query, 0, 1000);
    const QUrlQuery decoded(QString::fromLatin1(request.body));
    QCOMPARE(decoded.queryItemValue(u"auth_password"_s, QUrl::FullyDecoded), kPassword);
    QCOMPARE(decoded.queryItemValue(u"callername_number"_s, QUrl::FullyDecoded), awkward);
    QCOMPARE(decoded.queryItemValue(u"status"_s, QUrl::FullyDecoded), u"x"_s);
}

void TestEnswitch::validation_data()
{
    QTest::addColumn<Filters>("filters");
    QTest::addColumn<QStringList>("errorKeys");

    QTest::newRow("nothing") << Filters{} << QStringList{};
    QTest::newRow("everything valid") << Filters{{u"direction"_s, u"out"_s}, {u"snumber"_s, u"+44"_s},
        {u"smatch"_s, u"exact"_s}, {u"talktime_minimum"_s, u"5"_s}, {u"talktime_maximum"_s, u"5"_s},
        {u"customer"_s, u"system"_s}, {u"recurse"_s, u"1"_s}, {u"archive"_s, u"1"_s}, {u"peer"_s, u"0"_s},
        {u"detail"_s, u"leg"_s}} << QStringList{};
    QTest::newRow("bad direction") << Filters{{u"direction"_s, u"inbound"_s}} << QStringList{u"direction"_s};
    QTest::newRow("bad match") << Filters{{u"cmatch"_s, u"prefix"_s}} << QStringList{u"cmatch"_s};
    QTest::newRow("negative talktime") << Filters{{u"talktime_minimum"_s, u"-1"_s}}
                                       << QStringList{u"talktime_minimum"_s};
    QTest::newRow("talktime min > max") << Filters{{u"talktime_minimum"_s, u"61"_s}, {u"talktime_maximum"_s, u"60"_s}}
                                        << QStringList{u"talktime_maximum"_s};
    QTest::newRow("customer id") << Filters{{u"customer"_s, u"77"_s}} << QStringList{};
    QTest::newRow("customer prepaid") << Filters{{u"customer"_s, u"prepaid"_s}} << QStringList{};
    QTest::newRow("customer word unknown") << Filters{{u"customer"_s, u"everyone"_s}} << QStringList{u"customer"_s};
    QTest::newRow("customer case") << Filters{{u"customer"_s, u"ALL"_s}} << QStringList{u"customer"_s};
    QTest::newRow("peer text") << Filters{{u"peer"_s, u"trunk1"_s}} << QStringList{u"peer"_s};
    QTest::newRow("recurse 0") << Filters{{u"recurse"_s, u"0"_s}} << QStringList{u"recurse"_s};
    QTest::newRow("detail bogus") << Filters{{u"detail"_s, u"both"_s}} << QStringList{u"detail"_s};
    QTest::newRow("undeclared") << Filters{{u"invoice"_s, u"3"_s}} << QStringList{u"invoice"_s};
    QTest::newRow("free status") << Filters{{u"status"_s, u"anything at all"_s}} << QStringList{};
}

void TestEnswitch::validation()
{
    QFETCH(Filters, filters);
    QFETCH(QStringList, errorKeys);
    SearchQuery query;
    query.filters = filters;
    QStringList keys;
    for (const FieldError &error : m_provider.validate(query, kNow)) {
        keys.append(error.key);
        QVERIFY(!error.message.isEmpty());
    }
    QCOMPARE(keys, errorKeys);
}

void TestEnswitch::explanations()
{
    CdrRecord record;
    record.native = {{u"direction"_s, {NativeValue::Kind::String, u"internal"_s}},
        {u"status"_s, {NativeValue::Kind::String, u"answered"_s}}};
    const QList<FieldExplanation> lines = m_provider.explain(record);
    QCOMPARE(lines.size(), 2);
    QCOMPARE(lines[0].key, u"raw.direction"_s);
    QVERIFY(lines[0].text.startsWith(u"internal:"_s));
    QCOMPARE(lines[1].key, u"raw.status"_s);
    QVERIFY(lines[1].text.contains(u"answered"_s));
    QVERIFY(m_provider.explain(CdrRecord()).isEmpty());
}

QTEST_GUILESS_MAIN(TestEnswitch)
#include "tst_enswitch.moc"
