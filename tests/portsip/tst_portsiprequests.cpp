// The requests the PortSIP PBX provider builds: filter expression, paging, sorting, URLs and headers.

#include "columns.h"
#include "providerregistry.h"
#include "providers/portsip/portsipprovider.h"

#include <QTest>
#include <QTimeZone>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace {

const QDateTime kNow(QDate(2024, 6, 30), QTime(12, 0), QTimeZone::utc());
const QString kPassword = u"s3cret pass'w&rd"_s;
const QString kToken = u"eyJhbGciOi.tok+en/=="_s;
const QString kWindow = u"started_at ge '2024-06-29T12:00:00Z' and started_at lt '2024-06-30T12:00:00Z'"_s;

using Filters = QMap<QString, QString>;
using Params = QList<QPair<QString, QString>>;
using Options = QMap<QString, QString>;

QDateTime utc(int year, int month, int day, int hour = 0, int minute = 0, int second = 0, int msec = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute, second, msec), QTimeZone::utc());
}

Connection demoConnection(const Options &options = {}, const QString &baseUrl = u"https://pbx.example.com:8887"_s)
{
    Connection connection{QUrl(baseUrl), u"admin"_s, kPassword, options};
    connection.accessToken = kToken;
    return connection;
}

SearchQuery windowQuery()
{
    SearchQuery query;
    query.since = utc(2024, 6, 29, 12);
    query.until = kNow;
    return query;
}

Params decoded(const HttpRequest &request)
{
    return QUrlQuery(request.url).queryItems(QUrl::FullyDecoded);
}

QString param(const HttpRequest &request, const QString &name)
{
    return QUrlQuery(request.url).queryItemValue(name, QUrl::FullyDecoded);
}

} // namespace

class TestPortSipRequests final : public QObject {
    Q_OBJECT

private slots:
    void filterExpression_data();
    void filterExpression();
    void searchParam();
    void pagingParams_data();
    void pagingParams();
    void sortParams_data();
    void sortParams();
    void extraParams_data();
    void extraParams();
    void queryIsEscaped();
    void requestUrl_data();
    void requestUrl();
    void headers();
    void recordRequest_data();
    void recordRequest();

private:
    PortSipProvider m_provider;
};

void TestPortSipRequests::filterExpression_data()
{
    QTest::addColumn<Filters>("filters");
    QTest::addColumn<QString>("tail"); // after the window, joined with " and "

    QTest::newRow("none") << Filters{} << QString();
    QTest::newRow("caller, default prefix") << Filters{{u"caller"_s, u"+44163"_s}} << u"startswith(caller,'+44163')"_s;
    QTest::newRow("caller equals") << Filters{{u"caller"_s, u"101"_s}, {u"caller_match"_s, u"eq"_s}}
                                   << u"caller eq '101'"_s;
    QTest::newRow("caller contains") << Filters{{u"caller"_s, u"555"_s}, {u"caller_match"_s, u"contains"_s}}
                                     << u"contains(caller,'555')"_s;
    QTest::newRow("caller ends with") << Filters{{u"caller"_s, u"0099"_s}, {u"caller_match"_s, u"endswith"_s}}
                                      << u"endswith(caller,'0099')"_s;
    QTest::newRow("callee starts with") << Filters{{u"callee"_s, u" 0044 "_s}, {u"callee_match"_s, u"startswith"_s}}
                                        << u"startswith(callee,'0044')"_s;
    QTest::newRow("callee equals") << Filters{{u"callee"_s, u"8001"_s}, {u"callee_match"_s, u"eq"_s}}
                                   << u"callee eq '8001'"_s;
    QTest::newRow("match without number") << Filters{{u"callee_match"_s, u"eq"_s}} << QString();
    QTest::newRow("direction") << Filters{{u"direction"_s, u"EXTENSION_CALL"_s}} << u"direction eq 'EXTENSION_CALL'"_s;
    QTest::newRow("direction in-out") << Filters{{u"direction"_s, u"INBOUND_OUTBOUND_CALL"_s}}
                                      << u"direction eq 'INBOUND_OUTBOUND_CALL'"_s;
    QTest::newRow("end reason") << Filters{{u"end_reason"_s, u"CANCELLED"_s}} << u"end_reason eq 'CANCELLED'"_s;
    QTest::newRow("status 0") << Filters{{u"status_code"_s, u"0"_s}} << u"status_code eq 0"_s;
    QTest::newRow("status 486") << Filters{{u"status_code"_s, u" 486"_s}} << u"status_code eq 486"_s;
    QTest::newRow("trunk") << Filters{{u"trunk"_s, u"Main Trunk"_s}} << u"trunk eq 'Main Trunk'"_s;
    QTest::newRow("destination") << Filters{{u"destination"_s, u"queue 1"_s}} << u"destination eq 'queue 1'"_s;
    QTest::newRow("did") << Filters{{u"did_cid"_s, u"+441632960000"_s}} << u"did_cid eq '+441632960000'"_s;
    QTest::newRow("quote in trunk") << Filters{{u"trunk"_s, u"O'Brien's"_s}} << u"trunk eq 'O''Brien''s'"_s;
    QTest::newRow("hostile caller") << Filters{{u"caller"_s, u"1') or (caller eq '2"_s}}
                                    << u"startswith(caller,'1'') or (caller eq ''2')"_s;
    QTest::newRow("keywords in destination")
        << Filters{{u"destination"_s, u"x and y or z eq w"_s}} << u"destination eq 'x and y or z eq w'"_s;
    QTest::newRow("unicode") << Filters{{u"callee"_s, u"\u5c71\u7530"_s}, {u"callee_match"_s, u"contains"_s}}
                             << u"contains(callee,'\u5c71\u7530')"_s;
    QTest::newRow("all, declared order")
        << Filters{{u"did_cid"_s, u"9"_s}, {u"trunk"_s, u"t"_s}, {u"status_code"_s, u"404"_s},
               {u"end_reason"_s, u"REFERRED"_s}, {u"direction"_s, u"INBOUND_CALL"_s}, {u"callee"_s, u"2"_s},
               {u"caller"_s, u"1"_s}, {u"destination"_s, u"d"_s}}
        << u"startswith(caller,'1') and startswith(callee,'2') and direction eq 'INBOUND_CALL' and "
           "end_reason eq 'REFERRED' and status_code eq 404 and trunk eq 't' and destination eq 'd' and "
           "did_cid eq '9'"_s;
    QTest::newRow("empty values not sent")
        << Filters{{u"trunk"_s, u"  "_s}, {u"status_code"_s, QString()}} << QString();
}

void TestPortSipRequests::filterExpression()
{
    QFETCH(Filters, filters);
    QFETCH(QString, tail);
    SearchQuery query = windowQuery();
    query.filters = filters;
    const HttpRequest request = m_provider.pageRequest(demoConnection(), query, 0, 100);
    QCOMPARE(param(request, u"filter"_s), tail.isEmpty() ? kWindow : kWindow + u" and "_s + tail);
    QVERIFY(!QUrlQuery(request.url).hasQueryItem(u"search"_s));
}

void TestPortSipRequests::searchParam()
{
    SearchQuery query = windowQuery();
    query.filters = {{u"search"_s, u"  Smith & Co's +1 "_s}};
    const HttpRequest request = m_provider.pageRequest(demoConnection(), query, 0, 100);
    QCOMPARE(param(request, u"search"_s), u"Smith & Co's +1"_s);
    QCOMPARE(param(request, u"filter"_s), kWindow); // search is not part of the expression
}

void TestPortSipRequests::pagingParams_data()
{
    QTest::addColumn<Options>("options");
    QTest::addColumn<qint64>("offset");
    QTest::addColumn<int>("limit");
    QTest::addColumn<Params>("expected");

    const auto plain = [](const QString &top, const QString &skip) {
        return Params{{u"top"_s, top}, {u"skip"_s, skip}, {u"count"_s, u"true"_s}, {u"orderby"_s, u"started_at asc"_s},
            {u"filter"_s, kWindow}};
    };
    QTest::newRow("first page") << Options{} << qint64(0) << 100 << plain(u"100"_s, u"0"_s);
    QTest::newRow("third page") << Options{} << qint64(200) << 100 << plain(u"100"_s, u"200"_s);
    QTest::newRow("small page") << Options{} << qint64(7) << 7 << plain(u"7"_s, u"7"_s);
    QTest::newRow("top capped") << Options{} << qint64(0) << 500 << plain(u"100"_s, u"0"_s);
    QTest::newRow("one-based first") << Options{{u"skipOneBased"_s, u"1"_s}} << qint64(0) << 100
                                     << plain(u"100"_s, u"1"_s);
    QTest::newRow("one-based later") << Options{{u"skipOneBased"_s, u"1"_s}} << qint64(300) << 100
                                     << plain(u"100"_s, u"301"_s);
    QTest::newRow("flag unticked") << Options{{u"skipOneBased"_s, u"0"_s}, {u"dollarNames"_s, QString()}} << qint64(100)
                                   << 100 << plain(u"100"_s, u"100"_s);
    QTest::newRow("dollar names") << Options{{u"dollarNames"_s, u"1"_s}} << qint64(100) << 100
                                  << Params{{u"$top"_s, u"100"_s}, {u"$skip"_s, u"100"_s}, {u"$count"_s, u"true"_s},
                                         {u"$orderby"_s, u"started_at asc"_s}, {u"$filter"_s, kWindow}};
    QTest::newRow("both") << Options{{u"dollarNames"_s, u"1"_s}, {u"skipOneBased"_s, u"1"_s}} << qint64(0) << 50
                          << Params{{u"$top"_s, u"50"_s}, {u"$skip"_s, u"1"_s}, {u"$count"_s, u"true"_s},
                                 {u"$orderby"_s, u"started_at asc"_s}, {u"$filter"_s, kWindow}};
}

void TestPortSipRequests::pagingParams()
{
    QFETCH(Options, options);
    QFETCH(qint64, offset);
    QFETCH(int, limit);
    QFETCH(Params, expected);
    const HttpRequest request = m_provider.pageRequest(demoConnection(options), windowQuery(), offset, limit);
    QCOMPARE(request.method, QByteArray("GET"));
    QCOMPARE(decoded(request), expected);
    // '$' stays literal in the names.
    if (options.value(u"dollarNames"_s) == u"1"_s)
        QVERIFY(request.url.toString(QUrl::FullyEncoded).contains(u"?$top="_s));
}

void TestPortSipRequests::sortParams_data()
{
    QTest::addColumn<QString>("column");
    QTest::addColumn<bool>("descending");
    QTest::addColumn<QString>("orderBy");

    QTest::newRow("default") << QString() << false << u"started_at asc"_s;
    QTest::newRow("default descending") << QString() << true << u"started_at desc"_s;
    QTest::newRow("start_time") << u"start_time"_s << true << u"started_at desc"_s;
    QTest::newRow("answer_time") << u"answer_time"_s << false << u"answered_at asc, started_at asc"_s;
    QTest::newRow("end_time") << u"end_time"_s << true << u"ended_at desc, started_at asc"_s;
    QTest::newRow("caller") << u"caller"_s << false << u"caller asc, started_at asc"_s;
    QTest::newRow("callee") << u"callee"_s << true << u"callee desc, started_at asc"_s;
    QTest::newRow("direction") << u"direction"_s << false << u"direction asc, started_at asc"_s;
    QTest::newRow("duration") << u"duration"_s << true << u"duration desc, started_at asc"_s;
    QTest::newRow("hangup_cause") << u"hangup_cause"_s << false << u"end_reason asc, started_at asc"_s;
    QTest::newRow("trunk") << u"trunk"_s << false << u"trunk asc, started_at asc"_s;
    QTest::newRow("id") << u"id"_s << false << u"id asc, started_at asc"_s;
    QTest::newRow("raw.status_code") << u"raw.status_code"_s << true << u"status_code desc, started_at asc"_s;
    QTest::newRow("raw.did_cid") << u"raw.did_cid"_s << false << u"did_cid asc, started_at asc"_s;
    QTest::newRow("raw.started_at") << u"raw.started_at"_s << false << u"started_at asc"_s;
    QTest::newRow("amount not sortable") << u"amount"_s << true << u"started_at desc"_s;
    QTest::newRow("raw.cost not sortable") << u"raw.cost"_s << false << u"started_at asc"_s;
    QTest::newRow("hostile raw") << u"raw.caller desc, id"_s << false << u"started_at asc"_s;
}

void TestPortSipRequests::sortParams()
{
    QFETCH(QString, column);
    QFETCH(bool, descending);
    QFETCH(QString, orderBy);
    SearchQuery query = windowQuery();
    query.sortColumn = column;
    query.sortDescending = descending;
    QCOMPARE(param(m_provider.pageRequest(demoConnection(), query, 0, 100), u"orderby"_s), orderBy);
}

void TestPortSipRequests::extraParams_data()
{
    QTest::addColumn<Params>("extra");
    QTest::addColumn<Options>("options");
    QTest::addColumn<Params>("expected");

    const Params paging{{u"top"_s, u"100"_s}, {u"skip"_s, u"0"_s}, {u"count"_s, u"true"_s}};
    QTest::newRow("filter combined") << Params{{u"filter"_s, u"end_reason eq 'CANCELLED' or status_code eq 486"_s}}
                                     << Options{}
                                     << paging
            + Params{{u"orderby"_s, u"started_at asc"_s},
                {u"filter"_s, u"("_s + kWindow + u") and (end_reason eq 'CANCELLED' or status_code eq 486)"_s}};
    QTest::newRow("$filter combined, dollar names")
        << Params{{u"$filter"_s, u"caller eq '1'"_s}} << Options{{u"dollarNames"_s, u"1"_s}}
        << Params{{u"$top"_s, u"100"_s}, {u"$skip"_s, u"0"_s}, {u"$count"_s, u"true"_s},
               {u"$orderby"_s, u"started_at asc"_s}, {u"$filter"_s, u"("_s + kWindow + u") and (caller eq '1')"_s}};
    QTest::newRow("empty filter ignored")
        << Params{{u"filter"_s, u" "_s}} << Options{}
        << paging + Params{{u"orderby"_s, u"started_at asc"_s}, {u"filter"_s, kWindow}};
    QTest::newRow("orderby replaces ours")
        << Params{{u"orderby"_s, u"caller asc, started_at desc"_s}} << Options{}
        << paging + Params{{u"orderby"_s, u"caller asc, started_at desc"_s}, {u"filter"_s, kWindow}};
    QTest::newRow("others passed through") << Params{{u"foo"_s, u"a+b&c"_s}, {u"search"_s, u"x"_s}} << Options{}
                                           << paging
            + Params{{u"orderby"_s, u"started_at asc"_s}, {u"filter"_s, kWindow}, {u"foo"_s, u"a+b&c"_s},
                {u"search"_s, u"x"_s}};
}

void TestPortSipRequests::extraParams()
{
    QFETCH(Params, extra);
    QFETCH(Options, options);
    QFETCH(Params, expected);
    SearchQuery query = windowQuery();
    query.extraParams = extra;
    QCOMPARE(decoded(m_provider.pageRequest(demoConnection(options), query, 0, 100)), expected);
}

void TestPortSipRequests::queryIsEscaped()
{
    SearchQuery query = windowQuery();
    query.filters = {{u"trunk"_s, u"a&top=1#x+y"_s}, {u"search"_s, u"p=q&r"_s}};
    const HttpRequest request = m_provider.pageRequest(demoConnection(), query, 0, 100);
    const QString encoded = request.url.toString(QUrl::FullyEncoded);
    const QString queryText = encoded.mid(encoded.indexOf(u'?') + 1);
    QVERIFY2(!queryText.contains(u' ') && !queryText.contains(u'\'') && !queryText.contains(u'#')
            && !queryText.contains(u'+'),
        qPrintable(queryText));
    QCOMPARE(queryText.count(u'&'), 5); // six parameters, no split inside a value
    QCOMPARE(param(request, u"top"_s), u"100"_s);
    QCOMPARE(param(request, u"filter"_s), kWindow + u" and trunk eq 'a&top=1#x+y'"_s);
    QCOMPARE(param(request, u"search"_s), u"p=q&r"_s);
}

void TestPortSipRequests::requestUrl_data()
{
    QTest::addColumn<QString>("baseUrl");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << u"https://pbx.example.com:8887"_s << u"https://pbx.example.com:8887/api/cdrs"_s;
    QTest::newRow("trailing slash") << u"https://pbx.example.com:8887/"_s << u"https://pbx.example.com:8887/api/cdrs"_s;
    QTest::newRow("already api") << u"https://pbx.example.com:8887/api/"_s
                                 << u"https://pbx.example.com:8887/api/cdrs"_s;
    QTest::newRow("prefix") << u"https://proxy.example.com/pbx"_s << u"https://proxy.example.com/pbx/api/cdrs"_s;
    QTest::newRow("user info, query and fragment dropped")
        << u"https://u:pw@pbx.example.com:8887/?x=1#f"_s << u"https://pbx.example.com:8887/api/cdrs"_s;
}

void TestPortSipRequests::requestUrl()
{
    QFETCH(QString, baseUrl);
    QFETCH(QString, expected);
    QUrl url = m_provider.pageRequest(demoConnection({}, baseUrl), windowQuery(), 0, 100).url;
    url.setQuery(QString());
    QCOMPARE(url.toString(QUrl::FullyEncoded), expected);
    QCOMPARE(m_provider.signInRequest(demoConnection({}, baseUrl)).url.toString(QUrl::FullyEncoded),
        QString(expected).replace(u"/cdrs"_s, u"/auth/sign_in"_s));
}

void TestPortSipRequests::headers()
{
    const HttpRequest page = m_provider.pageRequest(demoConnection(), windowQuery(), 0, 100);
    const HttpRequest record = m_provider.recordRequest(demoConnection(), u"NzAw"_s);
    for (const HttpRequest &request : {page, record}) {
        QVERIFY(request.headers.contains(std::pair{QByteArray("Authorization"), "Bearer " + kToken.toUtf8()}));
        QVERIFY(request.headers.contains(std::pair{QByteArray("Accept"), QByteArray("application/json")}));
        QVERIFY(request.body.isEmpty());
        const QString url = request.url.toString(QUrl::FullyEncoded | QUrl::FullyDecoded);
        QVERIFY(!url.contains(u"s3cret"_s) && !url.contains(kToken) && !url.contains(u"admin"_s));
        for (const auto &header : request.headers)
            QVERIFY(!header.second.contains("s3cret"));
    }
    // Before a sign-in there is no token: no empty "Bearer " is sent, and never the password.
    Connection noToken = demoConnection();
    noToken.accessToken.clear();
    const HttpRequest anonymous = m_provider.pageRequest(noToken, windowQuery(), 0, 100);
    for (const auto &header : anonymous.headers)
        QVERIFY(header.first != "Authorization");
}

void TestPortSipRequests::recordRequest_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("path");
    QTest::newRow("seed example") << u"NzAwNTUxOTA5NzczMTQ4MTYw"_s << u"/api/cdrs/NzAwNTUxOTA5NzczMTQ4MTYw"_s;
    QTest::newRow("digits") << u"878156644691742720"_s << u"/api/cdrs/878156644691742720"_s;
    QTest::newRow("slash, space, query") << u"a/b c?d#e"_s << u"/api/cdrs/a%2Fb%20c%3Fd%23e"_s;
    QTest::newRow("dot dot") << u".."_s << u"/api/cdrs/.."_s;
    QTest::newRow("base64 padding") << u"ab+c/=="_s << u"/api/cdrs/ab%2Bc%2F%3D%3D"_s;
}

void TestPortSipRequests::recordRequest()
{
    QFETCH(QString, id);
    QFETCH(QString, path);
    const HttpRequest request = m_provider.recordRequest(demoConnection(), id);
    QCOMPARE(request.method, QByteArray("GET"));
    QCOMPARE(request.url.path(QUrl::FullyEncoded), path);
    QVERIFY(!request.url.hasQuery());
    QCOMPARE(request.url.host(), u"pbx.example.com"_s);
}

QTEST_GUILESS_MAIN(TestPortSipRequests)
#include "tst_portsiprequests.moc"
