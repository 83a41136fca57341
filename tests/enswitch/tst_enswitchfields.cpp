// How the Enswitch reader turns each JSON value into unified fields: times from
// Unix seconds in any JSON form, durations, rows laid out unlike the row before,
// and values shared between rows that must never leak into a row with another value.

#include "providers/enswitch/enswitchparser.h"

#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace {

QByteArray envelope(const QByteArray &rows)
{
    return "{\"responses\":[{\"code\":\"200\",\"key\":\"\",\"message\":\"OK\"}],\"data\":[" + rows + "]}";
}

// Parsed whole and streamed byte by byte; both must agree before either is checked.
std::vector<CdrRecord> rowsOf(const QByteArray &rows)
{
    const QByteArray body = envelope(rows);
    PageResult whole = EnswitchParser::parsePage(body);
    if (whole.error)
        qWarning("parse error: %s", qPrintable(whole.error->message()));
    const std::unique_ptr<PageStreamParser> parser = EnswitchParser::pageStreamParser();
    for (qsizetype at = 0; at < body.size(); ++at)
        parser->feed(QByteArrayView(body).sliced(at, 1));
    const PageResult streamed = parser->finish();
    if (streamed.rows.size() != whole.rows.size())
        qWarning("streamed %zu rows, whole %zu", streamed.rows.size(), whole.rows.size());
    return std::move(whole.rows);
}

QDateTime utc(qint64 seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds, QTimeZone::utc());
}

} // namespace

class TestEnswitchFields final : public QObject {
    Q_OBJECT

private slots:
    void startTime_data();
    void startTime();
    void aroundLondonClockChanges_data();
    void aroundLondonClockChanges();
    void durations_data();
    void durations();
    void legsShareTimes();
    void layoutChangesBetweenRows();
    void sharedValuesKeepTheirKind();
    void repeatedNameTakesTheLast();
    void nestedKnownField();
};

void TestEnswitchFields::startTime_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QDateTime>("expected");
    QTest::newRow("integer") << QByteArray("1669000000") << utc(1669000000);
    QTest::newRow("string") << QByteArray("\"1669000000\"") << utc(1669000000);
    QTest::newRow("string with a fraction") << QByteArray("\"1669000000.75\"") << utc(1669000000);
    QTest::newRow("float") << QByteArray("1669000000.5") << utc(1669000000);
    QTest::newRow("exponent without a dot") << QByteArray("2e9") << QDateTime();
    QTest::newRow("one second") << QByteArray("1") << utc(1);
    QTest::newRow("zero: not set") << QByteArray("0") << QDateTime();
    QTest::newRow("string zero") << QByteArray("\"0\"") << QDateTime();
    QTest::newRow("negative") << QByteArray("-5") << QDateTime();
    QTest::newRow("above qint64") << QByteArray("18446744073709551615") << QDateTime();
    QTest::newRow("text") << QByteArray("\"yesterday\"") << QDateTime();
    QTest::newRow("date text is not read") << QByteArray("\"2026-03-29 01:00:00\"") << QDateTime();
    QTest::newRow("empty string") << QByteArray("\"\"") << QDateTime();
    QTest::newRow("null") << QByteArray("null") << QDateTime();
    QTest::newRow("true") << QByteArray("true") << QDateTime();
}

void TestEnswitchFields::startTime()
{
    QFETCH(QByteArray, json);
    QFETCH(QDateTime, expected);
    const std::vector<CdrRecord> rows = rowsOf("{\"uniqueid\":\"a\",\"start\":" + json + "}");
    QCOMPARE(rows.size(), std::size_t(1));
    QCOMPARE(rows[0].startTime.isValid(), expected.isValid());
    if (!expected.isValid())
        return;
    QCOMPARE(rows[0].startTime, expected);
    // The same kind of value as QTimeZone::utc() gives everywhere else, not merely the same instant.
    QCOMPARE(rows[0].startTime.timeSpec(), expected.timeSpec());
    QCOMPARE(rows[0].startTime.timeZone(), QTimeZone::utc());
}

// Enswitch sends Unix seconds, so no zone is involved: the instants on either
// side of the UK's clock changes come out exactly, one second apart.
void TestEnswitchFields::aroundLondonClockChanges_data()
{
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<QString>("isoUtc");
    QTest::addColumn<QString>("london");
    QTest::newRow("before spring forward") << qint64(1774745999) << u"2026-03-29T00:59:59Z"_s << u"00:59:59"_s;
    QTest::newRow("spring forward") << qint64(1774746000) << u"2026-03-29T01:00:00Z"_s << u"02:00:00"_s;
    QTest::newRow("before fall back") << qint64(1792889999) << u"2026-10-25T00:59:59Z"_s << u"01:59:59"_s;
    QTest::newRow("fall back") << qint64(1792890000) << u"2026-10-25T01:00:00Z"_s << u"01:00:00"_s;
}

void TestEnswitchFields::aroundLondonClockChanges()
{
    QFETCH(qint64, seconds);
    QFETCH(QString, isoUtc);
    QFETCH(QString, london);
    const QByteArray text = QByteArray::number(seconds);
    // Twice in a row: the second leg takes the time kept from the first.
    const std::vector<CdrRecord> rows
        = rowsOf("{\"start\":" + text + ",\"end\":\"" + text + "\"},{\"start\":" + text + ",\"end\":" + text + "}");
    QCOMPARE(rows.size(), std::size_t(2));
    for (const CdrRecord &row : rows) {
        QCOMPARE(row.startTime.toMSecsSinceEpoch(), seconds * 1000);
        QCOMPARE(row.startTime.toUTC().toString(Qt::ISODate), isoUtc);
        QCOMPARE(row.endTime, row.startTime);
        const QTimeZone zone("Europe/London");
        if (zone.isValid())
            QCOMPARE(row.startTime.toTimeZone(zone).time().toString(Qt::ISODate), london);
    }
}

void TestEnswitchFields::durations_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<std::optional<qint64>>("expected");
    QTest::newRow("integer") << QByteArray("42") << std::optional<qint64>(42);
    QTest::newRow("zero") << QByteArray("0") << std::optional<qint64>(0);
    QTest::newRow("negative") << QByteArray("-3") << std::optional<qint64>(-3);
    QTest::newRow("string") << QByteArray("\"42\"") << std::optional<qint64>(42);
    QTest::newRow("float") << QByteArray("12.0") << std::optional<qint64>(12);
    QTest::newRow("above qint64") << QByteArray("9223372036854775808") << std::optional<qint64>();
    QTest::newRow("text") << QByteArray("\"long\"") << std::optional<qint64>();
    QTest::newRow("null") << QByteArray("null") << std::optional<qint64>();
}

void TestEnswitchFields::durations()
{
    QFETCH(QByteArray, json);
    QFETCH(std::optional<qint64>, expected);
    const std::vector<CdrRecord> rows = rowsOf("{\"totaltime\":" + json + ",\"talktime\":" + json + "}");
    QCOMPARE(rows.size(), std::size_t(1));
    QCOMPARE(rows[0].duration, expected);
    QCOMPARE(rows[0].billedDuration, expected);
}

// Legs of one call share a start; a later leg with another start must not keep the first.
void TestEnswitchFields::legsShareTimes()
{
    const std::vector<CdrRecord> rows = rowsOf("{\"start\":1669000000,\"end\":1669000060},"
                                               "{\"start\":1669000000,\"end\":0},"
                                               "{\"start\":1669000001,\"end\":1669000060},"
                                               "{\"start\":1669000000}");
    QCOMPARE(rows.size(), std::size_t(4));
    QCOMPARE(rows[0].startTime, utc(1669000000));
    QCOMPARE(rows[0].endTime, utc(1669000060));
    QCOMPARE(rows[1].startTime, utc(1669000000));
    QVERIFY(!rows[1].endTime.isValid());
    QCOMPARE(rows[2].startTime, utc(1669000001));
    QCOMPARE(rows[2].endTime, utc(1669000060));
    QCOMPARE(rows[3].startTime, utc(1669000000));
    QVERIFY(!rows[3].endTime.isValid());
}

// Rows are matched to the row before by position; a row that differs must still read right.
void TestEnswitchFields::layoutChangesBetweenRows()
{
    const std::vector<CdrRecord> rows = rowsOf("{\"uniqueid\":\"1\",\"snumber\":\"+44\",\"cost\":\"0.10\"},"
                                               "{\"cost\":\"0.10\",\"uniqueid\":\"2\"},"
                                               "{\"uniqueid\":\"3\",\"snumber\":\"+44\",\"cost\":\"0.10\",\"peer\":\"7\"},"
                                               "{},"
                                               "{\"\":\"empty name\",\"uniqueid\":\"5\"}");
    QCOMPARE(rows.size(), std::size_t(5));
    QCOMPARE(rows[0].id, u"1"_s);
    QCOMPARE(rows[0].caller, u"+44"_s);
    QCOMPARE(rows[0].amount, u"0.10"_s);
    QCOMPARE(rows[1].native.size(), 2);
    QCOMPARE(rows[1].native[0].name, u"cost"_s);
    QCOMPARE(rows[1].native[1].name, u"uniqueid"_s);
    QCOMPARE(rows[1].id, u"2"_s);
    QCOMPARE(rows[1].amount, u"0.10"_s);
    QVERIFY(rows[1].caller.isEmpty());
    QCOMPARE(rows[2].id, u"3"_s);
    QCOMPARE(rows[2].caller, u"+44"_s);
    QCOMPARE(rows[2].trunk, u"7"_s);
    QVERIFY(rows[3].native.isEmpty());
    QVERIFY(rows[3].id.isEmpty());
    QCOMPARE(rows[4].native.size(), 2);
    QCOMPARE(rows[4].native[0].name, QString());
    QCOMPARE(rows[4].native[0].value.text, u"empty name"_s);
    QCOMPARE(rows[4].id, u"5"_s);
}

// A value kept from the row before is reused only for the same JSON kind and text.
void TestEnswitchFields::sharedValuesKeepTheirKind()
{
    const std::vector<CdrRecord> rows = rowsOf("{\"peer\":\"5\",\"flag\":true,\"x\":null},"
                                               "{\"peer\":5,\"flag\":\"true\",\"x\":\"\"},"
                                               "{\"peer\":5.0,\"flag\":true,\"x\":null},"
                                               "{\"peer\":5,\"flag\":false,\"x\":\"null\"}");
    QCOMPARE(rows.size(), std::size_t(4));
    const NativeValue::Kind kinds[4][3] = {
        {NativeValue::Kind::String, NativeValue::Kind::Bool, NativeValue::Kind::Null},
        {NativeValue::Kind::Number, NativeValue::Kind::String, NativeValue::Kind::String},
        {NativeValue::Kind::Number, NativeValue::Kind::Bool, NativeValue::Kind::Null},
        {NativeValue::Kind::Number, NativeValue::Kind::Bool, NativeValue::Kind::String},
    };
    const QString texts[4][3] = {
        {u"5"_s, u"true"_s, QString()},
        {u"5"_s, u"true"_s, QString()},
        {u"5.0"_s, u"true"_s, QString()},
        {u"5"_s, u"false"_s, u"null"_s},
    };
    for (std::size_t row = 0; row < rows.size(); ++row) {
        QCOMPARE(rows[row].native.size(), 3);
        for (int field = 0; field < 3; ++field) {
            QCOMPARE(rows[row].native[field].value.kind, kinds[row][field]);
            QCOMPARE(rows[row].native[field].value.text, texts[row][field]);
        }
    }
    QCOMPARE(rows[0].trunk, u"5"_s);
    QCOMPARE(rows[2].trunk, u"5.0"_s);
}

// A name sent twice keeps both under native; the unified field takes the last non-null one.
void TestEnswitchFields::repeatedNameTakesTheLast()
{
    const std::vector<CdrRecord> rows = rowsOf("{\"start\":1669000000,\"start\":1669000005,\"cost\":\"1\",\"cost\":null}");
    QCOMPARE(rows.size(), std::size_t(1));
    QCOMPARE(rows[0].native.size(), 4);
    QCOMPARE(rows[0].startTime, utc(1669000005));
    QCOMPARE(rows[0].amount, u"1"_s);
}

// An object where a known field's text is expected is kept as its JSON text there too.
void TestEnswitchFields::nestedKnownField()
{
    const std::vector<CdrRecord> rows = rowsOf("{\"uniqueid\":{\"a\":[1,\"b\"]},\"start\":[1669000000]},"
                                               "{\"uniqueid\":\"plain\",\"start\":1669000000}");
    QCOMPARE(rows.size(), std::size_t(2));
    QCOMPARE(rows[0].id, u"{\"a\":[1,\"b\"]}"_s);
    QCOMPARE(rows[0].native[0].value.kind, NativeValue::Kind::Object);
    QVERIFY(!rows[0].startTime.isValid());
    QCOMPARE(rows[1].id, u"plain"_s);
    QCOMPARE(rows[1].startTime, utc(1669000000));
}

QTEST_APPLESS_MAIN(TestEnswitchFields)
#include "tst_enswitchfields.moc"
