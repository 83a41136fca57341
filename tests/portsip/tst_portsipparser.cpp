// Parsing of PortSIP replies: golden pages and records, unset values, unknown enums, errors.

#include "columns.h"
#include "providers/portsip/portsipparser.h"
#include "providers/portsip/portsipprovider.h"

#include <QFile>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace {

QByteArray readData(const QString &name)
{
    QFile file(QStringLiteral(CDR_TEST_DATA_DIR "/portsip/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open %s", qPrintable(file.fileName()));
    return file.readAll();
}

QDateTime utc(int year, int month, int day, int hour, int minute, int second, int msec = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute, second, msec), QTimeZone::utc());
}

QString raw(const CdrRecord &record, const QString &name)
{
    const NativeValue *value = record.nativeValue(name);
    return value ? value->text : u"<missing>"_s;
}

} // namespace

Q_DECLARE_METATYPE(ApiError::Kind)

class TestPortSipParser final : public QObject {
    Q_OBJECT

private slots:
    void seedPage();
    void seedRecord();
    void awkwardPage();
    void unsetValues();
    void unknownEnums();
    void nativeKeepsEverything();
    void recordWithCost();
    void recordShapes();
    void totals_data();
    void totals();
    void malformed_data();
    void malformed();
    void envelopeOnSuccess();
    void errorFromReply_data();
    void errorFromReply();
    void parseTime_data();
    void parseTime();
    void fullPage();

private:
    PortSipProvider m_provider;
};

void TestPortSipParser::seedPage()
{
    const PageResult page = m_provider.parsePage(readData(u"list_seed003_example.json"_s));
    QVERIFY2(!page.error, qPrintable(page.error ? page.error->message() : QString()));
    QCOMPARE(page.total, 100);
    QCOMPARE(page.rows.size(), 1u);
    const CdrRecord &row = page.rows[0];
    QCOMPARE(row.id, u"NzAwNTUxOTA5NzczMTQ4MTYw"_s);
    QCOMPARE(row.caller, u"text"_s);
    QCOMPARE(row.callee, u"text"_s);
    QCOMPARE(row.startTime, utc(2017, 7, 21, 17, 32, 28));
    QCOMPARE(row.startTime.timeZone(), QTimeZone::utc());
    QCOMPARE(row.answerTime, utc(2017, 7, 21, 17, 32, 28));
    QCOMPARE(row.endTime, utc(2017, 7, 21, 17, 32, 28));
    QCOMPARE(row.direction, Direction::Inbound);
    QCOMPARE(row.hangupCause, u"CALLER_DISCONNECTED"_s);
    QCOMPARE(row.duration, 1);
    QCOMPARE(row.trunk, u"text"_s);
    QVERIFY(row.amount.isEmpty()); // the list carries no cost
    QCOMPARE(row.native.size(), 23);
    QCOMPARE(row.native.front().name, u"id"_s);
    QCOMPARE(row.native.back().name, u"user_data"_s);
    QCOMPARE(raw(row, u"status_code"_s), u"1"_s);
    QCOMPARE(row.nativeValue(u"status_code")->kind, NativeValue::Kind::Number);
    QCOMPARE(raw(row, u"reroute_reason"_s), u"TRANSFER"_s);
}

void TestPortSipParser::seedRecord()
{
    const QByteArray body = readData(u"record_seed003_example.json"_s);
    // Through the seam the id is unknown (the item has none) ...
    RecordResult result = m_provider.parseRecord(body);
    QVERIFY(!result.error);
    QVERIFY(result.record);
    QVERIFY(result.record->id.isEmpty());
    QCOMPARE(result.record->amount, u"1"_s);
    QCOMPARE(raw(*result.record, u"billed_account"_s), u"text"_s);
    QCOMPARE(result.record->native.size(), 24);
    // ... and given the id asked for, the record keeps it.
    result = PortSipParser::parseRecord(body, u"NzAwNTUxOTA5NzczMTQ4MTYw"_s);
    QVERIFY(result.record);
    QCOMPARE(result.record->id, u"NzAwNTUxOTA5NzczMTQ4MTYw"_s);
    QVERIFY(!result.record->nativeValue(u"id")); // nothing invented in the raw fields
}

void TestPortSipParser::awkwardPage()
{
    const PageResult page = m_provider.parsePage(readData(u"list_awkward.json"_s));
    QVERIFY2(!page.error, qPrintable(page.error ? page.error->message() : QString()));
    QCOMPARE(page.total, 123); // the total of all matches, not this page's size
    QCOMPARE(page.rows.size(), 4u);

    const CdrRecord &first = page.rows[0];
    QCOMPARE(first.id, u"878156644691742720"_s);
    QCOMPARE(first.caller, u"+441632960001"_s);
    QCOMPARE(first.callee, u"00441632960999"_s);
    // Microseconds: QDateTime keeps milliseconds (cut, not rounded); the raw text keeps everything.
    QCOMPARE(first.startTime, utc(2024, 8, 20, 6, 0, 59, 457));
    QCOMPARE(first.answerTime, utc(2024, 8, 20, 6, 1, 3, 0));
    QCOMPARE(first.endTime, utc(2024, 8, 20, 6, 3, 10, 999));
    QCOMPARE(raw(first, u"started_at"_s), u"2024-08-20T06:00:59.457188Z"_s);
    QCOMPARE(columnText(first, u"raw.ended_at", u"portsip"_s, {}), u"2024-08-20T06:03:10.999999Z"_s);
    QCOMPARE(columnText(first, u"start_time", u"portsip"_s, {}), u"2024-08-20T06:00:59.457Z"_s);
    QCOMPARE(first.direction, Direction::Inbound);
    QCOMPARE(first.hangupCause, u"CALLER_DISCONNECT"_s); // outside the enum: as sent
    QCOMPARE(first.duration, 127);
    QCOMPARE(first.trunk, u"Main Trunk"_s);
    QCOMPARE(raw(first, u"caller_display_name"_s), u"O'Brien, Se\u00e1n \"Jack\""_s);
    QCOMPARE(raw(first, u"callee_display_name"_s), u"\u5c71\u7530 \u592a\u90ce"_s);
    QCOMPARE(raw(first, u"did_cid"_s), u"+441632960000"_s);

    const CdrRecord &second = page.rows[1];
    QCOMPARE(second.direction, Direction::Internal); // EXTENSION_CALL
    QCOMPARE(second.startTime, utc(2024, 8, 20, 7, 15, 0));
    QCOMPARE(second.endTime, utc(2024, 8, 20, 7, 15, 20, 250));
    QCOMPARE(second.hangupCause, u"CANCELLED"_s);
    QCOMPARE(second.duration, 0);
    QCOMPARE(raw(second, u"status_code"_s), u"486"_s);

    const CdrRecord &third = page.rows[2];
    QCOMPARE(third.startTime, utc(2024, 8, 20, 8, 0, 0, 123)); // +02:00 made UTC
    QCOMPARE(third.caller, u"0123"_s);
    QCOMPARE(third.trunk, u"Backup"_s);

    const CdrRecord &fourth = page.rows[3];
    QCOMPARE(fourth.id, u"4"_s); // a number: its text
    QVERIFY(!fourth.startTime.isValid()); // "not a time"
    QVERIFY(!fourth.endTime.isValid()); // 30 February
    QCOMPARE(raw(fourth, u"started_at"_s), u"not a time"_s);
    QCOMPARE(fourth.duration, 12); // 12.0
}

void TestPortSipParser::unsetValues()
{
    const PageResult page = m_provider.parsePage(readData(u"list_awkward.json"_s));
    QVERIFY(!page.error);
    const CdrRecord &second = page.rows[1];
    QVERIFY(!second.answerTime.isValid()); // ""
    QVERIFY(second.trunk.isEmpty()); // ""
    QVERIFY(second.nativeValue(u"caller_display_name")->isNull());
    QCOMPARE(second.nativeValue(u"callee_display_name")->kind, NativeValue::Kind::String);

    const CdrRecord &third = page.rows[2];
    QVERIFY(!third.answerTime.isValid()); // null
    QVERIFY(!third.endTime.isValid());
    QVERIFY(!third.duration); // ""
    QCOMPARE(raw(third, u"status_code"_s), QString());

    const CdrRecord &fourth = page.rows[3];
    QVERIFY(fourth.caller.isEmpty()); // ""
    QVERIFY(fourth.callee.isEmpty()); // null
    QVERIFY(fourth.hangupCause.isEmpty()); // ""
    // An unset value explains nothing; a set one still does.
    QStringList explained;
    for (const FieldExplanation &line : m_provider.explain(fourth))
        explained.append(line.key);
    QCOMPARE(explained, (QStringList{u"raw.direction"_s, u"raw.status_code"_s, u"raw.reroute_reason"_s}));
}

void TestPortSipParser::unknownEnums()
{
    const PageResult page = m_provider.parsePage(readData(u"list_awkward.json"_s));
    QVERIFY(!page.error);
    // INBOUND_OUTBOUND_CALL has no unified direction; nor has a value we do not know. Both stay as sent.
    QCOMPARE(page.rows[2].direction, Direction::Unknown);
    QCOMPARE(raw(page.rows[2], u"direction"_s), u"INBOUND_OUTBOUND_CALL"_s);
    QCOMPARE(page.rows[2].hangupCause, u"PARKED_FOREVER"_s);
    QCOMPARE(page.rows[3].direction, Direction::Unknown);
    QCOMPARE(raw(page.rows[3], u"direction"_s), u"QUEUE_CALL"_s);
    QCOMPARE(raw(page.rows[3], u"reroute_reason"_s), u"SOMETHING_NEW_IN_V23"_s);

    const QList<FieldExplanation> lines = m_provider.explain(page.rows[2]);
    QCOMPARE(lines.size(), 3);
    QVERIFY(lines[0].text.startsWith(u"INBOUND_OUTBOUND_CALL: "_s));
    QVERIFY(lines[1].text.startsWith(u"PARKED_FOREVER: "_s));
    QVERIFY(lines[1].text.contains(u"as the server sent it"_s));
    QVERIFY(lines[2].text.startsWith(u"FORWARDING_NO_ANSWER: "_s));
}

void TestPortSipParser::nativeKeepsEverything()
{
    const PageResult page = m_provider.parsePage(readData(u"list_awkward.json"_s));
    QVERIFY(!page.error);
    QCOMPARE(page.rows[0].native.size(), 23);
    const NativeValue *nested = page.rows[2].nativeValue(u"x_recording");
    QVERIFY(nested);
    QCOMPARE(nested->kind, NativeValue::Kind::Object);
    QCOMPARE(nested->text, u"{\"url\":\"https://rec.example.com/a b\",\"parts\":[1,2.50,null,true]}"_s);
    QCOMPARE(page.rows[3].nativeValue(u"duration")->text, u"12.0"_s);
    QCOMPARE(page.rows[3].nativeValue(u"id")->kind, NativeValue::Kind::Number);
    // Field names are shared between rows, not copied.
    QVERIFY(page.rows[0].native.front().name.constData() == page.rows[1].native.front().name.constData());
}

void TestPortSipParser::recordWithCost()
{
    const RecordResult result = PortSipParser::parseRecord(readData(u"record_cost.json"_s), u"878156644691742720"_s);
    QVERIFY(!result.error);
    QVERIFY(result.record);
    const CdrRecord &record = *result.record;
    QCOMPARE(record.id, u"878156644691742720"_s);
    QCOMPARE(record.amount, u"0.0450"_s); // exact decimal text, never a double
    QCOMPARE(record.nativeValue(u"cost")->kind, NativeValue::Kind::Number);
    QCOMPARE(raw(record, u"billed_account"_s), u"ACME-42"_s);
    QCOMPARE(record.direction, Direction::Outbound);
    QCOMPARE(record.hangupCause, u"CALLEE_DISCONNECTED"_s);
    QCOMPARE(record.startTime, utc(2024, 8, 20, 6, 0, 59, 457));
    QCOMPARE(record.nativeJson(false).count("\"cost\":0.0450"), 1);
}

void TestPortSipParser::recordShapes()
{
    // A bare call object is read too.
    RecordResult result = m_provider.parseRecord(R"({"id":"7","caller":"1","cost":"0.10"})");
    QVERIFY(result.record);
    QCOMPARE(result.record->id, u"7"_s);
    QCOMPARE(result.record->amount, u"0.10"_s);

    for (const QByteArray &body : {QByteArray(R"({"items":[]})"), QByteArray(R"({"items":[3]})"),
             QByteArray(R"({"items":{"id":"1"}})"), QByteArray("{}"), QByteArray("[]"), QByteArray("nonsense")}) {
        result = m_provider.parseRecord(body);
        QVERIFY2(!result.record, body.constData());
        QVERIFY(result.error);
        QCOMPARE(result.error->kind, ApiError::Kind::Parse);
    }
    result = m_provider.parseRecord(R"({"errors":[{"code":"UNKNOWN","message":"CDR not found"}]})");
    QVERIFY(!result.record);
    QVERIFY(result.error);
    QCOMPARE(result.error->providerMessage, u"UNKNOWN: CDR not found"_s);
}

void TestPortSipParser::totals_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<qint64>("total"); // -1: none
    QTest::newRow("count") << QByteArray(R"({"count":5,"items":[]})") << qint64(5);
    QTest::newRow("count after items") << QByteArray(R"({"items":[],"count":0})") << qint64(0);
    QTest::newRow("count as text") << QByteArray(R"({"count":"7","items":[]})") << qint64(7);
    QTest::newRow("huge count") << QByteArray(R"({"count":9007199254740993,"items":[]})") << qint64(9007199254740993);
    QTest::newRow("no count") << QByteArray(R"({"items":[]})") << qint64(-1);
    QTest::newRow("null count") << QByteArray(R"({"count":null,"items":[]})") << qint64(-1);
    QTest::newRow("negative count") << QByteArray(R"({"count":-1,"items":[]})") << qint64(-1);
}

void TestPortSipParser::totals()
{
    QFETCH(QByteArray, body);
    QFETCH(qint64, total);
    const PageResult page = m_provider.parsePage(body);
    QVERIFY(!page.error);
    QCOMPARE(page.total, total < 0 ? std::optional<qint64>() : std::optional<qint64>(total));
}

void TestPortSipParser::malformed_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("detail");
    QTest::newRow("empty") << QByteArray() << u"invalid JSON"_s;
    QTest::newRow("html") << QByteArray("<html>502 Bad Gateway</html>") << u"invalid JSON"_s;
    QTest::newRow("truncated") << QByteArray(R"({"count":1,"items":[{"id":"1")") << u"invalid JSON"_s;
    QTest::newRow("array") << QByteArray("[]") << u"not a JSON object"_s;
    QTest::newRow("string") << QByteArray(R"("items")") << u"not a JSON object"_s;
    QTest::newRow("no items") << QByteArray(R"({"count":1})") << u"no “items” list"_s;
    QTest::newRow("items object") << QByteArray(R"({"count":1,"items":{"id":"1"}})") << u"no “items” list"_s;
    QTest::newRow("items null") << QByteArray(R"({"count":0,"items":null})") << u"no “items” list"_s;
    QTest::newRow("scalar item") << QByteArray(R"({"items":[{"id":"1"},"2"]})") << u"entry 2 of “items”"_s;
    QTest::newRow("array item") << QByteArray(R"({"items":[[],{"id":"1"}]})") << u"entry 1 of “items”"_s;
    QTest::newRow("deep") << QByteArray(R"({"items":[{"x":)") + QByteArray(300, '[') + QByteArray(300, ']') + "}]}"
                          << u"deeper than"_s;
}

void TestPortSipParser::malformed()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, detail);
    const PageResult page = m_provider.parsePage(body);
    QVERIFY(page.error);
    QVERIFY(page.rows.empty());
    QCOMPARE(page.error->kind, ApiError::Kind::Parse);
    QVERIFY2(page.error->detail.contains(detail), qPrintable(page.error->detail));
}

void TestPortSipParser::envelopeOnSuccess()
{
    const PageResult page = m_provider.parsePage(readData(u"errors_validate.json"_s));
    QVERIFY(page.error);
    QVERIFY(page.rows.empty());
    QCOMPARE(page.error->kind, ApiError::Kind::Http);
    QCOMPARE(page.error->providerMessage,
        u"VALIDATE_FAILED: Invalid filter (unexpected token 'or' at 17); SOMETHING_NEW: Also wrong"_s);
    const PageResult unauthorized = m_provider.parsePage(R"({"errors":[{"code":"UNAUTHORIZED","message":"x"}]})");
    QVERIFY(unauthorized.error);
    QCOMPARE(unauthorized.error->kind, ApiError::Kind::Auth);
    // An empty errors list beside items is no error.
    const PageResult fine = m_provider.parsePage(R"({"errors":[],"count":0,"items":[]})");
    QVERIFY(!fine.error);
}

void TestPortSipParser::errorFromReply_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<ApiError::Kind>("kind");
    QTest::addColumn<QString>("providerMessage");
    QTest::addColumn<QString>("detail");

    QTest::newRow("validate failed") << 400 << readData(u"errors_validate.json"_s) << ApiError::Kind::Http
                                     << u"VALIDATE_FAILED: Invalid filter (unexpected token 'or' at 17); "
                                        "SOMETHING_NEW: Also wrong"_s
                                     << u"refused a value"_s;
    QTest::newRow("401") << 401 << QByteArray(R"({"errors":[{"code":"UNKNOWN","message":"Token expired"}]})")
                         << ApiError::Kind::Auth << u"UNKNOWN: Token expired"_s << u"did not say"_s;
    QTest::newRow("401 empty") << 401 << QByteArray() << ApiError::Kind::Auth << QString() << QString();
    QTest::newRow("400 unauthorized")
        << 400 << QByteArray(R"({"errors":[{"code":"UNAUTHORIZED","message":"Login failed, authentication error"}]})")
        << ApiError::Kind::Auth << u"UNAUTHORIZED: Login failed, authentication error"_s << u"not accepted"_s;
    QTest::newRow("unknown code") << 403
                                  << QByteArray(R"({"errors":[{"code":"TENANT_SUSPENDED","message":"Suspended",)"
                                                R"("detail":"Suspended"}]})")
                                  << ApiError::Kind::Http << u"TENANT_SUSPENDED: Suspended"_s << u"read as UNKNOWN"_s;
    QTest::newRow("no code") << 404 << QByteArray(R"({"errors":[{"message":"Not found"}]})") << ApiError::Kind::Http
                             << u"Not found"_s << u"UNKNOWN"_s;
    QTest::newRow("nested detail")
        << 400 << QByteArray(R"({"errors":[{"code":"VALIDATE_FAILED","message":"m","detail":{"field":"top"}}]})")
        << ApiError::Kind::Http << u"VALIDATE_FAILED: m ({\"field\":\"top\"})"_s << u"VALIDATE_FAILED"_s;
    QTest::newRow("429") << 429 << QByteArray("Too Many Requests") << ApiError::Kind::RateLimited << QString()
                         << QString();
    QTest::newRow("html 502") << 502 << QByteArray("<html>Bad Gateway</html>") << ApiError::Kind::Http << QString()
                              << QString();
}

void TestPortSipParser::errorFromReply()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(ApiError::Kind, kind);
    QFETCH(QString, providerMessage);
    QFETCH(QString, detail);
    const ApiError error = m_provider.errorFromReply(status, body);
    QCOMPARE(error.kind, kind);
    QCOMPARE(error.httpStatus, status);
    QCOMPARE(error.providerMessage, providerMessage);
    QVERIFY2(error.detail.contains(detail), qPrintable(error.detail));
    const QString message = error.message();
    QVERIFY(message.contains(QString::number(status)));
    if (!providerMessage.isEmpty())
        QVERIFY2(message.contains(providerMessage), qPrintable(message));
}

void TestPortSipParser::parseTime_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDateTime>("expected");
    QTest::newRow("plain") << u"2017-07-21T17:32:28Z"_s << utc(2017, 7, 21, 17, 32, 28);
    QTest::newRow("micro") << u"2024-08-20T06:00:59.457188Z"_s << utc(2024, 8, 20, 6, 0, 59, 457);
    QTest::newRow("one digit") << u"2024-08-20T06:00:59.5Z"_s << utc(2024, 8, 20, 6, 0, 59, 500);
    QTest::newRow("nano") << u"2024-08-20T06:00:59.999999999Z"_s << utc(2024, 8, 20, 6, 0, 59, 999);
    QTest::newRow("lower case") << u"2024-08-20t06:00:59z"_s << utc(2024, 8, 20, 6, 0, 59);
    QTest::newRow("space") << u"2024-08-20 06:00:59Z"_s << utc(2024, 8, 20, 6, 0, 59);
    QTest::newRow("no zone read as UTC") << u"2024-08-20T06:00:59"_s << utc(2024, 8, 20, 6, 0, 59);
    QTest::newRow("offset") << u"2024-08-20T08:00:59.1+02:00"_s << utc(2024, 8, 20, 6, 0, 59, 100);
    QTest::newRow("negative offset") << u"2024-12-31T23:30:00-05:30"_s << utc(2025, 1, 1, 5, 0, 0);
    QTest::newRow("empty") << QString() << QDateTime();
    QTest::newRow("date only") << u"2024-08-20"_s << QDateTime();
    QTest::newRow("no seconds") << u"2024-08-20T06:00Z"_s << QDateTime();
    QTest::newRow("empty fraction") << u"2024-08-20T06:00:59.Z"_s << QDateTime();
    QTest::newRow("bad zone") << u"2024-08-20T06:00:59+2"_s << QDateTime();
    QTest::newRow("trailing junk") << u"2024-08-20T06:00:59Zx"_s << QDateTime();
    QTest::newRow("bad month") << u"2024-13-20T06:00:59Z"_s << QDateTime();
    QTest::newRow("unix seconds") << u"1724133659"_s << QDateTime();
    QTest::newRow("arabic digits") << u"2024-08-20T06:00:59.\u0663Z"_s << QDateTime();
}

void TestPortSipParser::parseTime()
{
    QFETCH(QString, text);
    QFETCH(QDateTime, expected);
    const QDateTime parsed = PortSipParser::parseTime(text);
    QCOMPARE(parsed, expected);
    if (expected.isValid())
        QCOMPARE(parsed.timeZone(), QTimeZone::utc());
}

void TestPortSipParser::fullPage()
{
    QByteArray body = R"({"count":100000,"items":[)";
    for (int i = 0; i < 100; ++i) {
        if (i)
            body += ',';
        body += R"({"id":"id)" + QByteArray::number(i) + R"(","caller":"10)" + QByteArray::number(i)
            + R"(","started_at":"2024-08-20T06:00:)" + QByteArray::number(10 + i % 50)
            + R"(.000001Z","direction":"OUTBOUND_CALL","duration":)" + QByteArray::number(i) + "}";
    }
    body += "]}";
    const PageResult page = m_provider.parsePage(body);
    QVERIFY(!page.error);
    QCOMPARE(page.total, 100000);
    QCOMPARE(page.rows.size(), 100u);
    QCOMPARE(page.rows[99].id, u"id99"_s);
    QCOMPARE(page.rows[99].duration, 99);
    QCOMPARE(page.rows[99].startTime, utc(2024, 8, 20, 6, 0, 59));
}

QTEST_GUILESS_MAIN(TestPortSipParser)
#include "tst_portsipparser.moc"
