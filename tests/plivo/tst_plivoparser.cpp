// Parsing Plivo Zentrunk replies: the documented examples with their quirks,
// awkward values, broken JSON and error bodies.

#include "columns.h"
#include "providers/plivo/plivoparser.h"
#include "providers/plivo/plivoprovider.h"

#include <QFile>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace {

QByteArray testData(const char *name)
{
    QFile file(QStringLiteral(CDR_TEST_DATA_DIR "/plivo/") + QLatin1StringView(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read test data %s", name);
    return file.readAll();
}

QDateTime utc(int year, int month, int day, int hour, int minute, int second, int msec = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute, second, msec), QTimeZone::utc());
}

QStringList nativeNames(const CdrRecord &record)
{
    QStringList names;
    for (const NativeField &field : record.native)
        names.append(field.name);
    return names;
}

QString kindName(NativeValue::Kind kind)
{
    switch (kind) {
    case NativeValue::Kind::Null:
        return u"null"_s;
    case NativeValue::Kind::Bool:
        return u"bool"_s;
    case NativeValue::Kind::Number:
        return u"number"_s;
    case NativeValue::Kind::String:
        return u"string"_s;
    case NativeValue::Kind::Object:
        return u"object"_s;
    case NativeValue::Kind::Array:
        return u"array"_s;
    }
    return {};
}

// "kind:text" of a native field, or "<missing>".
QString native(const CdrRecord &record, QStringView name)
{
    const NativeValue *value = record.nativeValue(name);
    return value ? kindName(value->kind) + u':' + value->text : u"<missing>"_s;
}

const QStringList kSeedListFields{
    u"call_uuid"_s,         u"from_number"_s,     u"to_number"_s,          u"call_direction"_s,
    u"call_duration"_s,     u"bill_duration"_s,   u"end_time"_s,           u"hangup_cause_name"_s,
    u"hangup_source"_s,     u"total_rate"_s,      u"total_amount"_s,       u"billed_duration"_s,
    u"initiation_time"_s,   u"answer_time"_s,     u"trunk_domain"_s,       u"from_country"_s,
    u"to_country"_s,        u"transport_protocol"_s, u"srtp"_s,            u"hangup_cause_code"_s,
    u"secure_trunking"_s,   u"secure_trunking_rate"_s, u"stir_verification"_s, u"attestation_indicator"_s};

} // namespace

class TestPlivoParser final : public QObject {
    Q_OBJECT

private slots:
    void seedWithCurlyQuotesIsInvalid();
    void seedList();
    void seedListColumns();
    void seedCall();
    void awkwardValues();
    void numbersKeepTheirText();
    void fieldNamesShared();
    void providerDelegates();

    void brokenPages_data();
    void brokenPages();
    void brokenRecords_data();
    void brokenRecords();

    void errorReplies_data();
    void errorReplies();

    void times_data();
    void times();
};

void TestPlivoParser::seedWithCurlyQuotesIsInvalid()
{
    // Plivo's own example has “billed_duration” in typographic quotes: not JSON.
    const PageResult page = PlivoParser::parsePage(testData("list_seed000_original.json"));
    QVERIFY(page.error);
    QCOMPARE(page.error->kind, ApiError::Kind::Parse);
    QVERIFY(page.rows.empty());
    QVERIFY(!page.total);
    QCOMPARE(page.error->detail, u"invalid JSON at line 23, column 1, at ““billed_duration”: 60,”: syntax error while "
                                 "parsing object key - invalid literal; expected string literal"_s);
    QVERIFY(page.error->providerMessage.isEmpty());
    QVERIFY2(page.error->message().contains(u"line 23, column 1"_s), qPrintable(page.error->message()));
    QVERIFY(!page.error->isRetryable());
}

void TestPlivoParser::seedList()
{
    const PageResult page = PlivoParser::parsePage(testData("list_seed000_quotes_fixed.json"));
    QVERIFY2(!page.error, page.error ? qPrintable(page.error->message()) : "");
    QCOMPARE(page.total, std::optional<qint64>(2));
    QCOMPARE(page.rows.size(), std::size_t(2));

    const CdrRecord &first = page.rows[0];
    QCOMPARE(first.id, u"90b6eb07-796c-4d86-a4fd-44ed11667ddb"_s);
    QCOMPARE(first.startTime, utc(2022, 12, 6, 7, 1, 48));
    QCOMPARE(first.answerTime, utc(2022, 12, 6, 7, 1, 56));
    QCOMPARE(first.endTime, utc(2022, 12, 6, 7, 2, 0));
    QCOMPARE(first.caller, u"+12025551111"_s);
    QCOMPARE(first.callee, u"+13128574907"_s);
    QCOMPARE(first.direction, Direction::Outbound);
    QCOMPARE(first.duration, std::optional<qint64>(4));
    QCOMPARE(first.billedDuration, std::optional<qint64>(60));
    QCOMPARE(first.amount, u"0.00200"_s);
    QCOMPARE(first.rate, u"0.03000"_s);
    QCOMPARE(first.currency, u"USD"_s);
    QCOMPARE(first.hangupCause, u"normal_hangup"_s);
    QCOMPARE(first.hangupSource, u"carrier"_s);
    QCOMPARE(first.trunk, u"93667062664669661.ap-south-1.zt.plivo.com"_s);
    QCOMPARE(nativeNames(first), kSeedListFields);
    QCOMPARE(native(first, u"total_amount"), u"string:0.00200"_s);
    QCOMPARE(native(first, u"call_duration"), u"number:4"_s);
    QCOMPARE(native(first, u"billed_duration"), u"number:60"_s);
    QCOMPARE(native(first, u"srtp"), u"bool:false"_s);
    QCOMPARE(native(first, u"hangup_cause_code"), u"number:3000"_s);
    QCOMPARE(native(first, u"stir_verification"), u"string:Verified"_s);
    QCOMPARE(native(first, u"attestation_indicator"), u"string:A"_s);
    QCOMPARE(native(first, u"secure_trunking_rate"), u"string:0.00000"_s);

    const CdrRecord &second = page.rows[1];
    QCOMPARE(second.id, u"0b6eb07-796c-4d86-a4fd-44ed11667ddbe"_s);
    QCOMPARE(second.caller, u"+912235328936"_s);
    QCOMPARE(second.callee, u"+919943720205"_s);
    // bill_duration wins over the billed_duration some examples add.
    QCOMPARE(second.billedDuration, std::optional<qint64>(4));
    QCOMPARE(native(second, u"billed_duration"), u"number:60"_s);
    // Both trunk fields sent: the domain is the readable one.
    QCOMPARE(second.trunk, u"93667062664669661.ap-south-1.zt.plivo.com"_s);
    QCOMPARE(native(second, u"trunk_id"), u"string:0b6eb07-796c-4d86-a4fd-44ed11667ddb"_s);
    QCOMPARE(nativeNames(second).indexOf(u"trunk_id"_s), 4);   // in the order sent
    QCOMPARE(native(second, u"stir_verification"), u"string:Not Applicable"_s);
    QCOMPARE(native(second, u"attestation_indicator"), u"string:null"_s);   // the string, kept as sent
    QCOMPARE(second.amount, u"0.00200"_s);
}

void TestPlivoParser::seedListColumns()
{
    const PageResult page = PlivoParser::parsePage(testData("list_seed000_quotes_fixed.json"));
    QCOMPARE(page.rows.size(), std::size_t(2));
    const CdrRecord &row = page.rows[1];
    const TimeFormat iso;

    const QList<std::pair<QString, QString>> expected{
        {u"provider"_s, u"plivo"_s},
        {u"id"_s, u"0b6eb07-796c-4d86-a4fd-44ed11667ddbe"_s},
        {u"start_time"_s, u"2022-12-06T07:01:48Z"_s},
        {u"answer_time"_s, u"2022-12-06T07:01:56Z"_s},
        {u"end_time"_s, u"2022-12-06T07:02:00Z"_s},
        {u"caller"_s, u"+912235328936"_s},
        {u"callee"_s, u"+919943720205"_s},
        {u"direction"_s, u"outbound"_s},
        {u"duration"_s, u"4"_s},
        {u"billed_duration"_s, u"4"_s},
        {u"amount"_s, u"0.00200"_s},
        {u"rate"_s, u"0.03000"_s},
        {u"hangup_cause"_s, u"normal_hangup"_s},
        {u"hangup_source"_s, u"carrier"_s},
        {u"trunk"_s, u"93667062664669661.ap-south-1.zt.plivo.com"_s},
        {u"raw.call_uuid"_s, u"0b6eb07-796c-4d86-a4fd-44ed11667ddbe"_s},
        {u"raw.total_amount"_s, u"0.00200"_s},
        {u"raw.hangup_cause_code"_s, u"3000"_s},
        {u"raw.srtp"_s, u"false"_s},
        {u"raw.attestation_indicator"_s, u"null"_s},
        {u"raw.stir_verification"_s, u"Not Applicable"_s},
        {u"raw.no_such_field"_s, QString()},
    };
    QCOMPARE(unifiedColumnKeys().size(), 15);
    for (const auto &[key, text] : expected)
        QCOMPARE(columnText(row, key, u"plivo"_s, iso), text);

    const TimeFormat berlin{TimeFormat::Style::Display, QTimeZone("Europe/Berlin")};
    QCOMPARE(columnText(row, u"end_time", u"plivo"_s, berlin), u"2022-12-06 08:02:00"_s);
}

void TestPlivoParser::seedCall()
{
    const RecordResult result = PlivoParser::parseRecord(testData("call_seed001.json"));
    QVERIFY2(!result.error, result.error ? qPrintable(result.error->message()) : "");
    QVERIFY(result.record);
    const CdrRecord &call = *result.record;
    QCOMPARE(call.id, u"90b6eb07-796c-4d86-a4fd-44ed11667ddb"_s);
    QCOMPARE(call.caller, u"+912235328936"_s);
    QCOMPARE(call.callee, u"+919943720205"_s);
    QCOMPARE(call.direction, Direction::Outbound);
    QCOMPARE(call.startTime, utc(2022, 12, 6, 7, 1, 48));
    QCOMPARE(call.answerTime, utc(2022, 12, 6, 7, 1, 56));
    QCOMPARE(call.endTime, utc(2022, 12, 6, 7, 2, 0));
    QCOMPARE(call.duration, std::optional<qint64>(4));
    QCOMPARE(call.billedDuration, std::optional<qint64>(4));
    QCOMPARE(call.amount, u"0.00200"_s);
    QCOMPARE(call.rate, u"0.03000"_s);
    QCOMPARE(call.hangupCause, u"normal_hangup"_s);
    QCOMPARE(call.trunk, u"93667062664669661.ap-south-1.zt.plivo.com"_s);
    QCOMPARE(call.native.size(), 23);
    QCOMPARE(call.native.first().name, u"call_uuid"_s);
    QCOMPARE(call.native.last().name, u"attestation_indicator"_s);
    QCOMPARE(native(call, u"stir_verification"), u"string:not applicable"_s);   // lower case in this example

    const QList<FieldExplanation> lines = PlivoProvider().explain(call);
    QCOMPARE(lines.size(), 4);
    QCOMPARE(lines[0].text, u"3000: normal_hangup — Normal (from the carrier)"_s);
    QCOMPARE(lines[2].key, u"raw.stir_verification"_s);
    QCOMPARE(lines[3].text, u"No attestation was recorded for this call"_s);
}

void TestPlivoParser::awkwardValues()
{
    const PageResult page = PlivoParser::parsePage(testData("list_awkward.json"));
    QVERIFY2(!page.error, page.error ? qPrintable(page.error->message()) : "");
    QCOMPARE(page.total, std::optional<qint64>(43));
    QCOMPARE(page.rows.size(), std::size_t(2));

    const CdrRecord &first = page.rows[0];
    QCOMPARE(first.direction, Direction::Inbound);   // "Inbound"
    QCOMPARE(first.callee, u"00442071234567"_s);
    QCOMPARE(first.endTime, utc(2024, 6, 1, 10, 0, 5, 123));
    QVERIFY(!first.answerTime.isValid());             // null: unanswered
    QCOMPARE(native(first, u"answer_time"), u"null:"_s);
    QCOMPARE(first.duration, std::optional<qint64>(0));
    QCOMPARE(first.billedDuration, std::optional<qint64>(0));
    QCOMPARE(first.amount, u"0.00200"_s);             // a JSON number, still its exact text
    QCOMPARE(first.rate, u"0.03000"_s);
    QCOMPARE(native(first, u"total_amount"), u"number:0.00200"_s);
    QCOMPARE(first.hangupCause, u"request_timeout_carrier"_s);   // no name sent: from the code table
    QVERIFY(!first.nativeValue(u"hangup_cause_name"));
    QCOMPARE(first.trunk, u"TRK-0001"_s);
    QCOMPARE(native(first, u"srtp"), u"bool:true"_s);
    // Fields the app does not know are kept, in order, exactly.
    QCOMPARE(native(first, u"quality"), u"object:{\"mos\":4.20,\"codecs\":[\"PCMU\",\"opus\"],\"loss\":1e-3}"_s);
    QCOMPARE(native(first, u"sequence_number"), u"number:18446744073709551615"_s);
    QCOMPARE(native(first, u"balance_delta"), u"number:-0.10"_s);
    QCOMPARE(native(first, u"caller_name"), u"string:Müller, \"Hans\"\nLine 2"_s);
    QCOMPARE(nativeNames(first).last(), u"caller_name"_s);
    QCOMPARE(columnText(first, u"raw.quality", u"plivo"_s, TimeFormat()), u"{\"mos\":4.20,\"codecs\":[\"PCMU\",\"opus\"],\"loss\":1e-3}"_s);
    QCOMPARE(columnText(first, u"end_time", u"plivo"_s, TimeFormat()), u"2024-06-01T10:00:05.123Z"_s);
    QCOMPARE(columnText(first, u"answer_time", u"plivo"_s, TimeFormat()), QString());

    const CdrRecord &second = page.rows[1];
    QCOMPARE(second.direction, Direction::Outbound);   // "OUTBOUND"
    QCOMPARE(second.caller, u"0123456789"_s);
    QCOMPARE(second.duration, std::optional<qint64>(61));   // sent as a string
    QCOMPARE(second.billedDuration, std::optional<qint64>(120));   // only billed_duration sent
    QVERIFY(!second.answerTime.isValid());             // ""
    QCOMPARE(native(second, u"answer_time"), u"string:"_s);
    QCOMPARE(second.hangupCause, u"call_rejected_unauthorized_by_carrier"_s);   // the name as sent
    QCOMPARE(second.hangupSource, QString());          // the string "null"
    QCOMPARE(native(second, u"hangup_source"), u"string:null"_s);
    QCOMPARE(second.trunk, u"TRK-0002"_s);             // empty domain: the id
    QCOMPARE(second.amount, u"0.02000"_s);
}

void TestPlivoParser::numbersKeepTheirText()
{
    const QByteArray body = R"({"api_id":"a","meta":{"total_count":1},"objects":[{"call_uuid":"u1","total_amount":0.00200,)"
                            R"("total_rate":1E+2,"answer_time":null,"x":{"y":[1.50,true,null,-0]},"big":123456789012345678901234567890}]})";
    const PageResult page = PlivoParser::parsePage(body);
    QVERIFY(!page.error);
    QCOMPARE(page.rows.size(), std::size_t(1));
    const CdrRecord &row = page.rows[0];
    QCOMPARE(row.amount, u"0.00200"_s);
    QCOMPARE(row.rate, u"1E+2"_s);
    QCOMPARE(native(row, u"big"), u"number:123456789012345678901234567890"_s);
    QCOMPARE(native(row, u"x"), u"object:{\"y\":[1.50,true,null,0]}"_s);   // an integer -0 is 0
    QCOMPARE(row.nativeJson(false),
             QByteArray(R"({"call_uuid":"u1","total_amount":0.00200,"total_rate":1E+2,"answer_time":null,)"
                        R"("x":{"y":[1.50,true,null,0]},"big":123456789012345678901234567890})"));
}

void TestPlivoParser::fieldNamesShared()
{
    const PageResult page = PlivoParser::parsePage(testData("list_awkward.json"));
    QCOMPARE(page.rows.size(), std::size_t(2));
    const CdrRecord &a = page.rows[0];
    const CdrRecord &b = page.rows[1];
    QCOMPARE(a.nativeValue(u"quality") != nullptr, true);
    // One QString per name across rows (and, for documented names, across pages).
    const auto nameData = [](const CdrRecord &record, const QString &name) {
        for (const NativeField &field : record.native) {
            if (field.name == name)
                return field.name.constData();
        }
        return static_cast<const QChar *>(nullptr);
    };
    for (const QString &name : {u"call_uuid"_s, u"quality"_s, u"stir_verification"_s})
        QCOMPARE(nameData(a, name), nameData(b, name));
    const PageResult again = PlivoParser::parsePage(testData("list_seed000_quotes_fixed.json"));
    QCOMPARE(nameData(again.rows[0], u"call_uuid"_s), nameData(a, u"call_uuid"_s));
}

void TestPlivoParser::providerDelegates()
{
    const PlivoProvider provider;
    const PageResult page = provider.parsePage(testData("list_seed000_quotes_fixed.json"));
    QCOMPARE(page.rows.size(), std::size_t(2));
    QVERIFY(provider.parseRecord(testData("call_seed001.json")).record);
    QCOMPARE(provider.errorFromReply(401, "{}").kind, ApiError::Kind::Auth);
}

void TestPlivoParser::brokenPages_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("detail");
    QTest::addColumn<QString>("providerMessage");

    QTest::newRow("empty") << QByteArray() << u"invalid JSON at line 1, column 1"_s << QString();
    QTest::newRow("truncated") << QByteArray("{\"meta\": {\"total_count\": 2},\n \"objects\": [") << u"invalid JSON at line 2, column 14"_s
                               << QString();
    QTest::newRow("trailing garbage") << QByteArray(R"({"meta":{"total_count":0},"objects":[]} x)")
                                      << u"invalid JSON at line 1, column 41, at “x”"_s << QString();
    QTest::newRow("html") << QByteArray("<html><body>Bad gateway</body></html>") << u"invalid JSON at line 1, column 1"_s
                          << QString();
    QTest::newRow("array") << QByteArray("[]") << u"the reply is not a JSON object"_s << QString();
    QTest::newRow("no objects") << QByteArray(R"({"api_id":"a","meta":{"total_count":0}})")
                                << u"the reply has no “objects” list"_s << QString();
    QTest::newRow("objects not a list") << QByteArray(R"({"meta":{"total_count":0},"objects":{}})")
                                        << u"the reply has no “objects” list"_s << QString();
    QTest::newRow("error in a 200") << QByteArray(R"({"api_id":"a","error":"something went wrong"})")
                                    << u"the reply has no “objects” list"_s << u"something went wrong"_s;
    QTest::newRow("no meta") << QByteArray(R"({"api_id":"a","objects":[]})") << u"the reply has no “meta” object"_s
                             << QString();
    QTest::newRow("no total") << QByteArray(R"({"meta":{"limit":20,"next":null},"objects":[]})")
                              << u"the reply's “meta” has no valid “total_count”"_s << QString();
    QTest::newRow("negative total") << QByteArray(R"({"meta":{"total_count":-1},"objects":[]})")
                                    << u"the reply's “meta” has no valid “total_count”"_s << QString();
    QTest::newRow("row not an object") << QByteArray(R"({"meta":{"total_count":2},"objects":[{"call_uuid":"a"},"b"]})")
                                       << u"entry 2 of “objects” is not a call object"_s << QString();
    QTest::newRow("too deep") << QByteArray(300, '[') << u"the reply nests deeper than 256 levels"_s << QString();
}

void TestPlivoParser::brokenPages()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, detail);
    QFETCH(QString, providerMessage);

    const PageResult page = PlivoParser::parsePage(body);
    QVERIFY(page.error);
    QCOMPARE(page.error->kind, ApiError::Kind::Parse);
    QVERIFY2(page.error->detail.startsWith(detail), qPrintable(page.error->detail));
    QCOMPARE(page.error->providerMessage, providerMessage);
    QVERIFY(page.rows.empty());
}

void TestPlivoParser::brokenRecords_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("detail");

    QTest::newRow("invalid") << QByteArray("{\"call_uuid\": \"a\",}") << u"invalid JSON at line 1, column 19"_s;
    QTest::newRow("not an object") << QByteArray("\"a\"") << u"the reply is not a JSON object"_s;
    QTest::newRow("a list reply") << testData("list_seed000_quotes_fixed.json") << u"the reply holds no call (no “call_uuid”)"_s;
    QTest::newRow("null uuid") << QByteArray(R"({"call_uuid":null})") << u"the reply holds no call (no “call_uuid”)"_s;
}

void TestPlivoParser::brokenRecords()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, detail);

    const RecordResult result = PlivoParser::parseRecord(body);
    QVERIFY(!result.record);
    QVERIFY(result.error);
    QCOMPARE(result.error->kind, ApiError::Kind::Parse);
    QVERIFY2(result.error->detail.startsWith(detail), qPrintable(result.error->detail));
}

void TestPlivoParser::errorReplies_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<ApiError::Kind>("kind");
    QTest::addColumn<QString>("providerMessage");

    QTest::newRow("401") << 401 << QByteArray(R"({"api_id":"e1","error":"authentication credentials were not provided"})")
                         << ApiError::Kind::Auth << u"authentication credentials were not provided"_s;
    QTest::newRow("400 with message")
        << 400 << QByteArray(R"({"api_id":"e2","error":"invalid parameter","message":"end_time range exceeds 90 days"})")
        << ApiError::Kind::Http << u"invalid parameter — end_time range exceeds 90 days"_s;
    QTest::newRow("400 field errors") << 400 << QByteArray(R"({"api_id":"e3","error":{"limit":["must be at most 20"]}})")
                                      << ApiError::Kind::Http << u"{\"limit\":[\"must be at most 20\"]}"_s;
    QTest::newRow("404 message only") << 404 << QByteArray(R"({"api_id":"e4","message":"call not found"})")
                                      << ApiError::Kind::Http << u"call not found"_s;
    QTest::newRow("429") << 429 << QByteArray(R"({"error":"too many requests"})") << ApiError::Kind::RateLimited
                         << u"too many requests"_s;
    QTest::newRow("429 empty") << 429 << QByteArray() << ApiError::Kind::RateLimited << QString();
    QTest::newRow("500 not JSON") << 500 << QByteArray("<html><h1>Internal Server Error</h1></html>")
                                  << ApiError::Kind::Http << QString();
    QTest::newRow("503 JSON array") << 503 << QByteArray("[\"down\"]") << ApiError::Kind::Http << QString();
}

void TestPlivoParser::errorReplies()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(ApiError::Kind, kind);
    QFETCH(QString, providerMessage);

    const ApiError error = PlivoParser::errorFromReply(status, body);
    QCOMPARE(error.kind, kind);
    QCOMPARE(error.httpStatus, status);
    QCOMPARE(error.providerMessage, providerMessage);
    const QString message = error.message();
    QVERIFY2(message.contains(QString::number(status)), qPrintable(message));
    if (!providerMessage.isEmpty())
        QVERIFY2(message.contains(providerMessage), qPrintable(message));
}

void TestPlivoParser::times_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDateTime>("expected");

    QTest::newRow("documented") << u"2022-12-06 07:02:00"_s << utc(2022, 12, 6, 7, 2, 0);
    QTest::newRow("minutes only") << u"2021-03-21 11:47"_s << utc(2021, 3, 21, 11, 47, 0);
    QTest::newRow("microseconds") << u"2022-12-06 07:02:00.123456"_s << utc(2022, 12, 6, 7, 2, 0, 123);
    QTest::newRow("one digit") << u"2022-12-06 07:02:00.5"_s << utc(2022, 12, 6, 7, 2, 0, 500);
    QTest::newRow("nanoseconds") << u"2022-12-06 07:02:00.999999999"_s << utc(2022, 12, 6, 7, 2, 0, 999);
    QTest::newRow("T and Z") << u"2022-12-06T07:02:00Z"_s << utc(2022, 12, 6, 7, 2, 0);
    QTest::newRow("leap day") << u"2024-02-29 23:59:59"_s << utc(2024, 2, 29, 23, 59, 59);
    QTest::newRow("empty") << QString() << QDateTime();
    QTest::newRow("null") << u"null"_s << QDateTime();
    QTest::newRow("bad month") << u"2022-13-06 07:02:00"_s << QDateTime();
    QTest::newRow("not a leap year") << u"2023-02-29 00:00:00"_s << QDateTime();
    QTest::newRow("offset") << u"2022-12-06 07:02:00+01:00"_s << QDateTime();
    QTest::newRow("one-digit hour") << u"2022-12-06 7:02:00"_s << QDateTime();
    QTest::newRow("dot without digits") << u"2022-12-06 07:02:00."_s << QDateTime();
    QTest::newRow("date only") << u"2022-12-06"_s << QDateTime();
    QTest::newRow("hour 24") << u"2022-12-06 24:00:00"_s << QDateTime();
}

void TestPlivoParser::times()
{
    QFETCH(QString, text);
    QFETCH(QDateTime, expected);

    const QDateTime parsed = PlivoParser::parseTime(text);
    QCOMPARE(parsed.isValid(), expected.isValid());
    if (expected.isValid()) {
        QCOMPARE(parsed, expected);
        QCOMPARE(parsed.offsetFromUtc(), 0);   // UTC whatever the local zone
    }
}

QTEST_GUILESS_MAIN(TestPlivoParser)
#include "tst_plivoparser.moc"
