// Requests, filters and validation of the Plivo Zentrunk provider.

#include "columns.h"
#include "providerregistry.h"
#include "providers/plivo/plivohangupcodes.h"
#include "providers/plivo/plivoprovider.h"

#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace {

const QDateTime kNow(QDate(2024, 6, 30), QTime(12, 0), QTimeZone::utc());

QDateTime utc(int year, int month, int day, int hour = 0, int minute = 0, int second = 0, int msec = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute, second, msec), QTimeZone::utc());
}

Connection demoConnection(const QString &baseUrl = u"https://api.plivo.com"_s)
{
    return {QUrl(baseUrl), u"MAXXXXXXXXXXXXXXXXXX"_s, u"s3cret-t0ken"_s};
}

using Filters = QMap<QString, QString>;
using Params = QList<QPair<QString, QString>>;

} // namespace


class TestPlivo final : public QObject {
    Q_OBJECT

private slots:
    void identity();
    void registered();
    void declaredFilters();
    void policies();

    void queryString_data();
    void queryString();
    void requestUrl_data();
    void requestUrl();
    void requestHeaders();
    void recordRequest_data();
    void recordRequest();

    void validation_data();
    void validation();
    void validationMessages();


private:
    PlivoProvider m_provider;
};

void TestPlivo::identity()
{
    QCOMPARE(m_provider.id(), u"plivo"_s);
    QCOMPARE(m_provider.displayName(), u"Plivo Zentrunk"_s);
    const ProfileFieldLabels labels = m_provider.profileFields();
    QCOMPARE(labels.defaultBaseUrl, u"https://api.plivo.com"_s);
    QCOMPARE(labels.userLabel, u"Auth ID"_s);
    QCOMPARE(labels.secretLabel, u"Auth token"_s);
}

void TestPlivo::registered()
{
    const Provider *provider = ProviderRegistry::find(u"plivo"_s);
    QVERIFY(provider);
    QCOMPARE(provider->displayName(), u"Plivo Zentrunk"_s);
}

void TestPlivo::declaredFilters()
{
    const QList<FilterSpec> specs = m_provider.filters();
    QStringList keys;
    for (const FilterSpec &spec : specs) {
        keys.append(spec.key);
        QVERIFY2(!spec.label.isEmpty(), qPrintable(spec.key));
        QVERIFY2(!spec.hint.isEmpty(), qPrintable(spec.key));
    }
    QCOMPARE(keys, (QStringList{u"from_number"_s, u"to_number"_s, u"call_direction"_s, u"bill_duration__gte"_s,
                                u"bill_duration__lte"_s, u"hangup_cause_code"_s, u"hangup_source"_s,
                                u"stir_verification"_s}));

    QCOMPARE(specs[0].label, u"From number"_s);
    QVERIFY(specs[0].hint.contains(u"prefix"_s));
    QCOMPARE(specs[0].kind, FilterKind::Text);
    QCOMPARE(specs[0].role, FilterRole::Caller);
    QCOMPARE(specs[1].role, FilterRole::Callee);

    QCOMPARE(specs[2].kind, FilterKind::Choice);
    QCOMPARE(specs[2].role, FilterRole::Direction);
    QCOMPARE(specs[2].choices.size(), 2);
    QCOMPARE(specs[2].choices[0].value, u"inbound"_s);
    QCOMPARE(specs[2].choices[1].value, u"outbound"_s);

    for (int i : {3, 4}) {
        QCOMPARE(specs[i].kind, FilterKind::Integer);
        QCOMPARE(specs[i].minimum, std::optional<qint64>(0));
        QCOMPARE(specs[i].role, FilterRole::None);
    }
    QCOMPARE(specs[3].label, u"Billed at least (s)"_s);
    QCOMPARE(specs[4].label, u"Billed at most (s)"_s);

    const FilterSpec &cause = specs[5];
    QCOMPARE(cause.kind, FilterKind::Choice);
    QCOMPARE(cause.choices.size(), qsizetype(PlivoHangupCodes::all().size()));
    QCOMPARE(cause.choices.first().value, u"3000"_s);
    QCOMPARE(cause.choices.first().label, u"3000 normal_hangup (from the carrier)"_s);
    QCOMPARE(cause.choices[1].label, u"3010 normal_hangup (from the user)"_s);
    QCOMPARE(cause.choices[5].label, u"4000 bad_request"_s);
    QCOMPARE(cause.choices.last().label, u"6070 not_acceptable"_s);

    QStringList sources;
    for (const FilterChoice &choice : specs[6].choices)
        sources.append(choice.value);
    QCOMPARE(sources, (QStringList{u"customer"_s, u"carrier"_s, u"zentrunk"_s}));

    QStringList stir;
    for (const FilterChoice &choice : specs[7].choices)
        stir.append(choice.value);
    QCOMPARE(stir, (QStringList{u"Verified"_s, u"Not Verified"_s, u"Not Applicable"_s}));

    for (const FilterSpec &spec : specs)
        QVERIFY2(spec.defaultValue.isEmpty(), qPrintable(spec.key));
}

void TestPlivo::policies()
{
    const TimeRangePolicy range = m_provider.timeRange();
    QCOMPARE(range.fieldLabel, u"End time"_s);
    QCOMPARE(range.maxSpan, std::optional<std::chrono::hours>(std::chrono::hours(24 * 90)));
    QCOMPARE(range.maxAge, std::optional<std::chrono::hours>(std::chrono::hours(24 * 90)));
    QCOMPARE(range.defaultWindow, std::chrono::hours(24 * 30));

    const PagingPolicy paging = m_provider.paging();
    QCOMPARE(paging.pageSize, 20);
    QCOMPARE(paging.maxInFlight, 20); // the ceiling; the session's adaptive limit climbs to what the rate can use
    QCOMPARE(paging.rateLimitRequests, 300);
    QCOMPARE(paging.rateLimitWindow, std::chrono::milliseconds(5000));
    QVERIFY(paging.reportsTotal);

    const QStringList columns = m_provider.defaultColumns();
    QCOMPARE(columns, (QStringList{u"start_time"_s, u"end_time"_s, u"caller"_s, u"callee"_s, u"direction"_s,
                                   u"duration"_s, u"billed_duration"_s, u"amount"_s, u"hangup_cause"_s,
                                   u"hangup_source"_s}));
    for (const QString &key : columns)
        QVERIFY2(isValidColumnKey(key), qPrintable(key));
}

void TestPlivo::queryString_data()
{
    QTest::addColumn<QDateTime>("since");
    QTest::addColumn<QDateTime>("until");
    QTest::addColumn<Filters>("filters");
    QTest::addColumn<Params>("extra");
    QTest::addColumn<qint64>("offset");
    QTest::addColumn<int>("limit");
    QTest::addColumn<QString>("expected");

    const QDateTime since = utc(2024, 6, 1);
    const QDateTime until = utc(2024, 6, 30, 12, 0, 0);
    const QString window = u"end_time__gte=2024-06-01%2000%3A00%3A00&end_time__lt=2024-06-30%2012%3A00%3A00"_s;

    QTest::newRow("nothing") << QDateTime() << QDateTime() << Filters() << Params() << qint64(0) << 20
                             << u"limit=20&offset=0"_s;
    QTest::newRow("window") << since << until << Filters() << Params() << qint64(0) << 20
                            << u"limit=20&offset=0&"_s + window;
    QTest::newRow("offset and limit") << since << until << Filters() << Params() << qint64(1240) << 7
                                      << u"limit=7&offset=1240&"_s + window;
    QTest::newRow("milliseconds as microseconds")
        << utc(2024, 6, 1, 8, 30, 15, 5) << utc(2024, 6, 2, 0, 0, 0, 500) << Filters() << Params() << qint64(0) << 20
        << u"limit=20&offset=0&end_time__gte=2024-06-01%2008%3A30%3A15.005000&end_time__lt=2024-06-02%2000%3A00%3A00.500000"_s;
    QTest::newRow("offset zone to UTC")
        << QDateTime(QDate(2024, 6, 1), QTime(2, 0), QTimeZone(7200)) << QDateTime(QDate(2024, 6, 30), QTime(14, 0), QTimeZone(7200))
        << Filters() << Params() << qint64(0) << 20 << u"limit=20&offset=0&"_s + window;

    QTest::newRow("from_number keeps +") << since << until << Filters{{u"from_number"_s, u"+1202"_s}} << Params() << qint64(0)
                                         << 20 << u"limit=20&offset=0&"_s + window + u"&from_number=%2B1202"_s;
    QTest::newRow("to_number leading zeros") << QDateTime() << QDateTime() << Filters{{u"to_number"_s, u"0044207"_s}}
                                             << Params() << qint64(0) << 20 << u"limit=20&offset=0&to_number=0044207"_s;
    QTest::newRow("call_direction") << QDateTime() << QDateTime() << Filters{{u"call_direction"_s, u"inbound"_s}}
                                    << Params() << qint64(0) << 20 << u"limit=20&offset=0&call_direction=inbound"_s;
    QTest::newRow("bill_duration__gte") << QDateTime() << QDateTime() << Filters{{u"bill_duration__gte"_s, u"60"_s}}
                                        << Params() << qint64(0) << 20 << u"limit=20&offset=0&bill_duration__gte=60"_s;
    QTest::newRow("bill_duration__lte") << QDateTime() << QDateTime() << Filters{{u"bill_duration__lte"_s, u"0"_s}}
                                        << Params() << qint64(0) << 20 << u"limit=20&offset=0&bill_duration__lte=0"_s;
    QTest::newRow("hangup_cause_code") << QDateTime() << QDateTime() << Filters{{u"hangup_cause_code"_s, u"4160"_s}}
                                       << Params() << qint64(0) << 20 << u"limit=20&offset=0&hangup_cause_code=4160"_s;
    QTest::newRow("hangup_source") << QDateTime() << QDateTime() << Filters{{u"hangup_source"_s, u"zentrunk"_s}}
                                   << Params() << qint64(0) << 20 << u"limit=20&offset=0&hangup_source=zentrunk"_s;
    QTest::newRow("stir_verification space") << QDateTime() << QDateTime()
                                             << Filters{{u"stir_verification"_s, u"Not Verified"_s}} << Params() << qint64(0)
                                             << 20 << u"limit=20&offset=0&stir_verification=Not%20Verified"_s;
    QTest::newRow("empty values are not sent")
        << QDateTime() << QDateTime() << Filters{{u"from_number"_s, QString()}, {u"call_direction"_s, u""_s}} << Params()
        << qint64(0) << 20 << u"limit=20&offset=0"_s;
    QTest::newRow("surrounding spaces trimmed") << QDateTime() << QDateTime()
                                                << Filters{{u"bill_duration__gte"_s, u" 30 "_s}} << Params() << qint64(0)
                                                << 20 << u"limit=20&offset=0&bill_duration__gte=30"_s;

    // QMap sorts keys alphabetically; the wire order must be the declared one.
    const Filters all{{u"stir_verification"_s, u"Verified"_s},     {u"hangup_source"_s, u"carrier"_s},
                      {u"hangup_cause_code"_s, u"3000"_s},         {u"bill_duration__lte"_s, u"600"_s},
                      {u"bill_duration__gte"_s, u"1"_s},           {u"call_direction"_s, u"outbound"_s},
                      {u"to_number"_s, u"+91"_s},                  {u"from_number"_s, u"+12025551111"_s}};
    QTest::newRow("every filter in declared order")
        << since << until << all << Params() << qint64(20) << 20
        << u"limit=20&offset=20&"_s + window
            + u"&from_number=%2B12025551111&to_number=%2B91&call_direction=outbound&bill_duration__gte=1"
              "&bill_duration__lte=600&hangup_cause_code=3000&hangup_source=carrier&stir_verification=Verified"_s;

    QTest::newRow("extra params unchanged, last")
        << since << until << Filters{{u"call_direction"_s, u"inbound"_s}}
        << Params{{u"trunk_id"_s, u"TRK 1+2"_s}, {u"bill_duration__gt"_s, u"5"_s}, {u"end_time__lte"_s, u"2024-06-30 11:00"_s},
                  {u"flag"_s, QString()}}
        << qint64(0) << 20
        << u"limit=20&offset=0&"_s + window
            + u"&call_direction=inbound&trunk_id=TRK%201%2B2&bill_duration__gt=5&end_time__lte=2024-06-30%2011%3A00&flag="_s;
    QTest::newRow("extra params need escaping")
        << QDateTime() << QDateTime() << Filters() << Params{{u"a&b"_s, u"x=y&z#é"_s}} << qint64(0) << 20
        << u"limit=20&offset=0&a%26b=x%3Dy%26z%23%C3%A9"_s;
}

void TestPlivo::queryString()
{
    QFETCH(QDateTime, since);
    QFETCH(QDateTime, until);
    QFETCH(Filters, filters);
    QFETCH(Params, extra);
    QFETCH(qint64, offset);
    QFETCH(int, limit);
    QFETCH(QString, expected);

    SearchQuery query;
    query.since = since;
    query.until = until;
    query.filters = filters;
    query.extraParams = extra;
    const HttpRequest request = m_provider.pageRequest(demoConnection(), query, offset, limit);
    QCOMPARE(request.method, QByteArray("GET"));
    QCOMPARE(request.url.query(QUrl::FullyEncoded), expected);
    QCOMPARE(request.url.path(QUrl::FullyEncoded), u"/v1/Account/MAXXXXXXXXXXXXXXXXXX/Zentrunk/Call/"_s);
    // Deterministic: the same query twice gives the same bytes.
    QCOMPARE(m_provider.pageRequest(demoConnection(), query, offset, limit).url, request.url);
}

void TestPlivo::requestUrl_data()
{
    QTest::addColumn<QString>("baseUrl");
    QTest::addColumn<QString>("authId");
    QTest::addColumn<QString>("expected");

    QTest::newRow("plivo") << u"https://api.plivo.com"_s << u"MAXXXXXXXXXXXXXXXXXX"_s
                           << u"https://api.plivo.com/v1/Account/MAXXXXXXXXXXXXXXXXXX/Zentrunk/Call/?limit=20&offset=0"_s;
    QTest::newRow("trailing slash") << u"https://api.plivo.com/"_s << u"MA1"_s
                                    << u"https://api.plivo.com/v1/Account/MA1/Zentrunk/Call/?limit=20&offset=0"_s;
    QTest::newRow("path prefix and port") << u"http://127.0.0.1:8088/sim/plivo/"_s << u"MA1"_s
                                          << u"http://127.0.0.1:8088/sim/plivo/v1/Account/MA1/Zentrunk/Call/?limit=20&offset=0"_s;
    QTest::newRow("query and fragment dropped") << u"https://proxy.example/api?x=1#top"_s << u"MA1"_s
                                                << u"https://proxy.example/api/v1/Account/MA1/Zentrunk/Call/?limit=20&offset=0"_s;
    QTest::newRow("user info dropped") << u"https://someone:pw@api.plivo.com"_s << u"MA1"_s
                                       << u"https://api.plivo.com/v1/Account/MA1/Zentrunk/Call/?limit=20&offset=0"_s;
    QTest::newRow("auth id is one segment") << u"https://api.plivo.com"_s << u"MA/../x y+?"_s
                                            << u"https://api.plivo.com/v1/Account/MA%2F..%2Fx%20y%2B%3F/Zentrunk/Call/?limit=20&offset=0"_s;
}

void TestPlivo::requestUrl()
{
    QFETCH(QString, baseUrl);
    QFETCH(QString, authId);
    QFETCH(QString, expected);

    const Connection connection{QUrl(baseUrl), authId, u"tok"_s};
    const HttpRequest request = m_provider.pageRequest(connection, SearchQuery(), 0, 20);
    QCOMPARE(request.url.toString(QUrl::FullyEncoded), expected);
}

void TestPlivo::requestHeaders()
{
    const HttpRequest request = m_provider.pageRequest(demoConnection(), SearchQuery(), 0, 20);
    QCOMPARE(request.headers.size(), 2);
    QCOMPARE(request.headers[0].first, QByteArray("Authorization"));
    QCOMPARE(request.headers[0].second, "Basic " + QByteArray("MAXXXXXXXXXXXXXXXXXX:s3cret-t0ken").toBase64());
    QCOMPARE(request.headers[1], std::make_pair(QByteArray("Accept"), QByteArray("application/json")));
    QVERIFY(request.body.isEmpty());
    // The token travels in the header only.
    QVERIFY(!request.url.toString(QUrl::FullyEncoded).contains(u"s3cret"_s));

    const Connection unicode{QUrl(u"https://api.plivo.com"_s), u"MA1"_s, u"pä:ss"_s};
    QCOMPARE(m_provider.recordRequest(unicode, u"x"_s).headers[0].second,
             "Basic " + QByteArray("MA1:p\xc3\xa4:ss").toBase64());
}

void TestPlivo::recordRequest_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("expected");

    QTest::newRow("seed uuid") << u"90b6eb07-796c-4d86-a4fd-44ed11667ddb"_s
                               << u"https://api.plivo.com/v1/Account/MAXXXXXXXXXXXXXXXXXX/Zentrunk/Call/90b6eb07-796c-4d86-a4fd-44ed11667ddb/"_s;
    QTest::newRow("escaped segment") << u"a/b c?d#e"_s
                                     << u"https://api.plivo.com/v1/Account/MAXXXXXXXXXXXXXXXXXX/Zentrunk/Call/a%2Fb%20c%3Fd%23e/"_s;
}

void TestPlivo::recordRequest()
{
    QFETCH(QString, id);
    QFETCH(QString, expected);

    const HttpRequest request = m_provider.recordRequest(demoConnection(), id);
    QCOMPARE(request.method, QByteArray("GET"));
    QCOMPARE(request.url.toString(QUrl::FullyEncoded), expected);
    QVERIFY(!request.url.hasQuery());
    QCOMPARE(request.headers.size(), 2);
}

void TestPlivo::validation_data()
{
    QTest::addColumn<QDateTime>("since");
    QTest::addColumn<QDateTime>("until");
    QTest::addColumn<Filters>("filters");
    QTest::addColumn<QDateTime>("now");
    QTest::addColumn<QStringList>("errorKeys");

    const QDateTime none;
    const QStringList ok;
    const QStringList since{u"since"_s};

    QTest::newRow("empty") << none << none << Filters() << kNow << ok;
    QTest::newRow("last 89 days") << kNow.addDays(-89) << none << Filters() << kNow << ok;
    QTest::newRow("exactly 90 days back") << kNow.addDays(-90) << kNow << Filters() << kNow << ok;
    QTest::newRow("until in the future") << kNow.addDays(-10) << kNow.addDays(5) << Filters() << kNow << ok;
    QTest::newRow("90 days to a future end") << kNow.addDays(-90) << kNow.addDays(30) << Filters() << kNow << ok;
    QTest::newRow("one second too far back") << kNow.addDays(-90).addSecs(-1) << none << Filters() << kNow << since;
    QTest::newRow("91 days back to 60") << kNow.addDays(-91) << kNow.addDays(-60) << Filters() << kNow << since;
    QTest::newRow("default window reaches back") << none << kNow.addDays(-70) << Filters() << kNow << since;
    QTest::newRow("default window just fits") << none << kNow.addDays(-60) << Filters() << kNow << ok;
    QTest::newRow("range longer than 90 days") << kNow.addDays(-100) << kNow.addDays(-5) << Filters() << kNow << since;
    QTest::newRow("span without a clock") << utc(2024, 1, 1) << utc(2024, 4, 15) << Filters() << QDateTime() << since;
    QTest::newRow("start after end") << kNow.addDays(-1) << kNow.addDays(-2) << Filters() << kNow << since;
    QTest::newRow("start in the future") << kNow.addDays(1) << kNow.addDays(2) << Filters() << kNow << since;

    QTest::newRow("numbers fine") << none << none
                                  << Filters{{u"from_number"_s, u"+12025551111"_s}, {u"to_number"_s, u"0044"_s}} << kNow << ok;
    QTest::newRow("number with spaces") << none << none << Filters{{u"from_number"_s, u"+1 202 555"_s}} << kNow
                                        << QStringList{u"from_number"_s};
    QTest::newRow("number with letters") << none << none << Filters{{u"to_number"_s, u"1800FLOWERS"_s}} << kNow
                                         << QStringList{u"to_number"_s};
    QTest::newRow("number with dash") << none << none << Filters{{u"to_number"_s, u"202-555"_s}} << kNow
                                      << QStringList{u"to_number"_s};
    QTest::newRow("plus alone") << none << none << Filters{{u"from_number"_s, u"+"_s}} << kNow << QStringList{u"from_number"_s};
    QTest::newRow("plus twice") << none << none << Filters{{u"from_number"_s, u"++1"_s}} << kNow << QStringList{u"from_number"_s};
    QTest::newRow("plus inside") << none << none << Filters{{u"from_number"_s, u"1+2"_s}} << kNow << QStringList{u"from_number"_s};
    QTest::newRow("both numbers bad") << none << none << Filters{{u"from_number"_s, u"x"_s}, {u"to_number"_s, u"y"_s}} << kNow
                                      << QStringList{u"from_number"_s, u"to_number"_s};

    QTest::newRow("billed not a number") << none << none << Filters{{u"bill_duration__gte"_s, u"ten"_s}} << kNow
                                         << QStringList{u"bill_duration__gte"_s};
    QTest::newRow("billed negative") << none << none << Filters{{u"bill_duration__lte"_s, u"-1"_s}} << kNow
                                     << QStringList{u"bill_duration__lte"_s};
    QTest::newRow("billed fraction") << none << none << Filters{{u"bill_duration__gte"_s, u"1.5"_s}} << kNow
                                     << QStringList{u"bill_duration__gte"_s};
    QTest::newRow("billed range") << none << none
                                  << Filters{{u"bill_duration__gte"_s, u"30"_s}, {u"bill_duration__lte"_s, u"30"_s}} << kNow << ok;
    QTest::newRow("billed range inverted") << none << none
                                           << Filters{{u"bill_duration__gte"_s, u"60"_s}, {u"bill_duration__lte"_s, u"30"_s}}
                                           << kNow << QStringList{u"bill_duration__lte"_s};

    QTest::newRow("direction unknown") << none << none << Filters{{u"call_direction"_s, u"sideways"_s}} << kNow
                                       << QStringList{u"call_direction"_s};
    QTest::newRow("hangup code known") << none << none << Filters{{u"hangup_cause_code"_s, u"4540"_s}} << kNow << ok;
    QTest::newRow("hangup code unknown") << none << none << Filters{{u"hangup_cause_code"_s, u"4180"_s}} << kNow
                                         << QStringList{u"hangup_cause_code"_s};
    QTest::newRow("hangup source unknown") << none << none << Filters{{u"hangup_source"_s, u"plivo"_s}} << kNow
                                           << QStringList{u"hangup_source"_s};
    QTest::newRow("stir exact value") << none << none << Filters{{u"stir_verification"_s, u"Not Applicable"_s}} << kNow << ok;
    QTest::newRow("undeclared filter") << none << none << Filters{{u"trunk_id"_s, u"x"_s}} << kNow
                                       << QStringList{u"trunk_id"_s};
}

void TestPlivo::validation()
{
    QFETCH(QDateTime, since);
    QFETCH(QDateTime, until);
    QFETCH(Filters, filters);
    QFETCH(QDateTime, now);
    QFETCH(QStringList, errorKeys);

    SearchQuery query;
    query.since = since;
    query.until = until;
    query.filters = filters;
    QStringList keys;
    for (const FieldError &error : m_provider.validate(query, now)) {
        keys.append(error.key);
        QVERIFY2(!error.message.isEmpty(), qPrintable(error.key));
    }
    QCOMPARE(keys, errorKeys);
}

// The words matter: each message says what to do, with the earliest allowed time where it applies.
void TestPlivo::validationMessages()
{
    const auto onlyMessage = [this](const SearchQuery &query, const QDateTime &now) {
        const QList<FieldError> errors = m_provider.validate(query, now);
        return errors.size() == 1 ? errors.first().message : u"<%1 errors>"_s.arg(errors.size());
    };

    SearchQuery tooOld;
    tooOld.since = kNow.addDays(-91);
    QCOMPARE(onlyMessage(tooOld, kNow),
             u"Plivo keeps only the last 90 days: choose a start at or after 2024-04-01 12:00 UTC."_s);
    // The earliest time shown is itself allowed: rounded up to the minute.
    QCOMPARE(onlyMessage(tooOld, kNow.addSecs(1)),
             u"Plivo keeps only the last 90 days: choose a start at or after 2024-04-01 12:01 UTC."_s);

    SearchQuery noStart;
    noStart.until = kNow.addDays(-70);
    QCOMPARE(onlyMessage(noStart, kNow),
             u"With no start given the search covers the 30 days before its end, which reaches back beyond the last "
             "90 days Plivo keeps: choose a start at or after 2024-04-01 12:00 UTC, or a later end."_s);

    SearchQuery longSpan;
    longSpan.since = utc(2024, 1, 1);
    longSpan.until = utc(2024, 4, 15);
    QCOMPARE(onlyMessage(longSpan, QDateTime()),
             u"The range is longer than the 90 days Plivo accepts in one search: choose a start at or after "
             "2024-01-16 00:00 UTC, or an earlier end."_s);

    SearchQuery future;
    future.since = kNow.addDays(1);
    QCOMPARE(onlyMessage(future, kNow),
             u"The start is in the future, when no call has ended yet: choose a start before now."_s);

    SearchQuery number;
    number.filters.insert(u"from_number"_s, u"+1 (202) 555"_s);
    QCOMPARE(onlyMessage(number, kNow),
             u"Enter digits only, with an optional leading '+' (no spaces, dashes or letters), e.g. +12025551111 or "
             "the prefix +1202."_s);

    SearchQuery billed;
    billed.filters.insert(u"bill_duration__gte"_s, u"60"_s);
    billed.filters.insert(u"bill_duration__lte"_s, u"30"_s);
    QCOMPARE(onlyMessage(billed, kNow),
             u"“Billed at most” is below “Billed at least”, so no call can match: raise it or lower the other."_s);

    SearchQuery word;
    word.filters.insert(u"bill_duration__gte"_s, u"ten"_s);
    QVERIFY(onlyMessage(word, kNow).contains(u"ten"_s));
}

QTEST_GUILESS_MAIN(TestPlivo)
#include "tst_plivo.moc"
