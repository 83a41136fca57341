// Parsing of Enswitch replies: the envelope, rows, golden files, errors, a large body.

#include "providers/enswitch/enswitchparser.h"
#include "providers/enswitch/enswitchprovider.h"

#include <QFile>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace {

QByteArray readData(const QString &name)
{
    QFile file(QStringLiteral(CDR_TEST_DATA_DIR "/enswitch/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open %s", qPrintable(file.fileName()));
    return file.readAll();
}

QDateTime fromSecs(qint64 seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds, QTimeZone::utc());
}

QByteArray envelope(
    const QByteArray &code, const QByteArray &key, const QByteArray &message, const QByteArray &data = "[]")
{
    return R"({"responses":[{"code":")" + code + R"(","key":")" + key + R"(","message":")" + message + R"("}],"data":)"
        + data + "}";
}

} // namespace

class TestEnswitchParser final : public QObject {
    Q_OBJECT

private slots:
    void seedExample();
    void awkwardRows();
    void nativeKeepsEverything();
    void singleRecord();
    void recordNotFound();

    void envelopeErrors_data();
    void envelopeErrors();
    void envelopeCheckedBeforeData();
    void malformed_data();
    void malformed();
    void errorFromReply_data();
    void errorFromReply();

    void largeBody();

private:
    EnswitchProvider m_provider;
};

void TestEnswitchParser::seedExample()
{
    const PageResult page = m_provider.parsePage(readData(u"list_seed002_example.json"_s));
    QVERIFY(!page.error);
    QVERIFY(!page.total); // Enswitch reports none
    QCOMPARE(page.rows.size(), 2u);
    QCOMPARE(page.rows[0].id, u"1234567890.123456"_s);
    QCOMPARE(page.rows[1].id, u"1234567890.123457"_s);
    QCOMPARE(page.rows[0].startTime, fromSecs(1234567890));
    QCOMPARE(page.rows[0].startTime.timeZone(), QTimeZone::utc());
    QVERIFY(!page.rows[0].endTime.isValid());
}

void TestEnswitchParser::awkwardRows()
{
    const PageResult page = m_provider.parsePage(readData(u"list_awkward.json"_s));
    QVERIFY2(!page.error, qPrintable(page.error ? page.error->message() : QString()));
    QCOMPARE(page.rows.size(), 3u);

    const CdrRecord &first = page.rows[0];
    QCOMPARE(first.id, u"1669000000.100000"_s);
    QCOMPARE(first.startTime, fromSecs(1669000000));
    QCOMPARE(first.endTime, fromSecs(1669000125));
    QCOMPARE(first.caller, u"+441632960001"_s);
    QCOMPARE(first.callee, u"00441632960999"_s);
    QCOMPARE(first.direction, Direction::Outbound);
    QCOMPARE(first.duration, 125);
    QCOMPARE(first.billedDuration, 118);
    QCOMPARE(first.amount, u"0.0120"_s); // a JSON number, its text kept
    QCOMPARE(first.currency, u"GBP"_s);
    QCOMPARE(first.hangupCause, u"answered"_s);
    QCOMPARE(first.trunk, u"17"_s);
    QCOMPARE(first.nativeValue(u"name")->text, u"Smith, John \"Jack\""_s);
    QCOMPARE(first.nativeValue(u"scustomer")->kind, NativeValue::Kind::Number);

    const CdrRecord &second = page.rows[1];
    QCOMPARE(second.id, u"1669000000.200000"_s); // sent as a number: its literal text, trailing zeros too
    QCOMPARE(second.nativeValue(u"uniqueid")->kind, NativeValue::Kind::Number);
    QCOMPARE(second.startTime, fromSecs(1669000200)); // a numeric string works as well
    QVERIFY(!second.endTime.isValid()); // 0 means not set
    QCOMPARE(second.caller, u"0123"_s);
    QCOMPARE(second.direction, Direction::Internal);
    QCOMPARE(second.amount, u"0.0120"_s);
    QVERIFY(second.currency.isEmpty());
    QVERIFY(second.trunk.isEmpty()); // null peer
    QVERIFY(second.nativeValue(u"peer")->isNull());
    QCOMPARE(second.nativeValue(u"name")->text,
        u"Line one\nLine two; M\u00fcller \u2014 \u5c71\u7530 \u592a\u90ce \U0001F600"_s);

    const CdrRecord &third = page.rows[2];
    QCOMPARE(third.direction, Direction::Inbound);
    QCOMPARE(third.amount, u"-1.50000"_s);
    QVERIFY(third.caller.isEmpty());
}

void TestEnswitchParser::nativeKeepsEverything()
{
    const PageResult page = m_provider.parsePage(readData(u"list_awkward.json"_s));
    QVERIFY(!page.error);
    const CdrRecord &first = page.rows[0];
    QCOMPARE(first.native.size(), 21);
    QCOMPARE(first.native.front().name, u"uniqueid"_s);
    QCOMPARE(first.native.back().name, u"x_recording"_s);
    const NativeValue *unknown = first.nativeValue(u"x_recording");
    QVERIFY(unknown);
    QCOMPARE(unknown->kind, NativeValue::Kind::Object);
    QCOMPARE(unknown->text, u"{\"url\":\"https://rec.example.com/a b\",\"parts\":[1,2.50,null,true]}"_s);
    QCOMPARE(first.nativeValue(u"cost")->kind, NativeValue::Kind::Number);
    QCOMPARE(first.nativeValue(u"cost")->text, u"0.0120"_s);
    // Field names are shared between rows, not copied.
    QVERIFY(page.rows[0].native.front().name.constData() == page.rows[1].native.front().name.constData());
}

void TestEnswitchParser::singleRecord()
{
    const RecordResult result = m_provider.parseRecord(readData(u"get_single.json"_s));
    QVERIFY(!result.error);
    QVERIFY(result.record);
    QCOMPARE(result.record->id, u"1669000000.100000"_s);
    QCOMPARE(result.record->amount, u"0.0120"_s);
    QCOMPARE(result.record->direction, Direction::Outbound);
    QVERIFY(result.record->nativeValue(u"voipmonitor_url"));
}

void TestEnswitchParser::recordNotFound()
{
    const RecordResult result = m_provider.parseRecord(envelope("404", "uniqueid", "Call not found", "null"));
    QVERIFY(!result.record);
    QVERIFY(result.error);
    QCOMPARE(result.error->kind, ApiError::Kind::Http);
    QVERIFY(result.error->message().contains(u"does not exist"_s));
    QVERIFY(result.error->message().contains(u"Call not found"_s));
}

void TestEnswitchParser::envelopeErrors_data()
{
    QTest::addColumn<QByteArray>("code");
    QTest::addColumn<ApiError::Kind>("kind");
    QTest::addColumn<QString>("meaning");

    QTest::newRow("400") << QByteArray("400") << ApiError::Kind::Http << u"invalid input parameters"_s;
    QTest::newRow("401") << QByteArray("401") << ApiError::Kind::Auth << u"not valid"_s;
    QTest::newRow("402") << QByteArray("402") << ApiError::Kind::Http << u"your role does not allow this"_s;
    QTest::newRow("403") << QByteArray("403") << ApiError::Kind::Http << u"your rate plan does not allow this"_s;
    QTest::newRow("500") << QByteArray("500") << ApiError::Kind::Http << u"internal error"_s;
    QTest::newRow("unknown") << QByteArray("418") << ApiError::Kind::Http << u"unexpected status"_s;
}

void TestEnswitchParser::envelopeErrors()
{
    QFETCH(QByteArray, code);
    QFETCH(ApiError::Kind, kind);
    QFETCH(QString, meaning);

    // HTTP said 200 (the parser only sees 2xx bodies); the envelope decides.
    const PageResult page = m_provider.parsePage(envelope(code, "start", "Bad start time"));
    QVERIFY(page.error);
    QVERIFY(page.rows.empty());
    QCOMPARE(page.error->kind, kind);
    QCOMPARE(page.error->httpStatus, 0);
    QCOMPARE(page.error->providerMessage, u"start: Bad start time"_s);
    const QString message = page.error->message();
    QVERIFY2(message.contains(meaning), qPrintable(message));
    QVERIFY2(message.contains(QString::fromLatin1(code)), qPrintable(message));
}

void TestEnswitchParser::envelopeCheckedBeforeData()
{
    // "data" before "responses", with rows, and a failing code: still an error.
    const PageResult page = m_provider.parsePage(
        R"({"data":[{"uniqueid":"1"}],"responses":[{"code":"402","key":"","message":"Permission denied"}]})");
    QVERIFY(page.error);
    QVERIFY(page.rows.empty());
    QCOMPARE(page.error->providerMessage, u"Permission denied"_s);
    // A numeric code is read like the documented string.
    const PageResult numeric = m_provider.parsePage(R"({"responses":[{"code":200}],"data":[]})");
    QVERIFY(!numeric.error);
    QVERIFY(numeric.rows.empty());
}

void TestEnswitchParser::malformed_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("html") << QByteArray("<html>502 Bad Gateway</html>");
    QTest::newRow("truncated") << QByteArray(R"({"responses":[{"code":"200"}],"data":[{"uniqueid":"1",)");
    QTest::newRow("array root") << QByteArray("[]");
    QTest::newRow("no responses") << QByteArray(R"({"data":[]})");
    QTest::newRow("no data") << QByteArray(R"({"responses":[{"code":"200","key":"","message":"OK"}]})");
    QTest::newRow("data object") << QByteArray(R"({"responses":[{"code":"200"}],"data":{"uniqueid":"1"}})");
    QTest::newRow("row not object") << QByteArray(R"({"responses":[{"code":"200"}],"data":[{"uniqueid":"1"},7]})");
    QTest::newRow("too deep") << QByteArray(R"({"responses":[{"code":"200"}],"data":[{"x":)") + QByteArray(300, '[')
            + QByteArray(300, ']') + "}]}";
}

void TestEnswitchParser::malformed()
{
    QFETCH(QByteArray, body);
    const PageResult page = m_provider.parsePage(body);
    QVERIFY(page.error);
    QCOMPARE(page.error->kind, ApiError::Kind::Parse);
    QVERIFY(page.rows.empty());
    QVERIFY(!page.error->message().isEmpty());
}

void TestEnswitchParser::errorFromReply_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<ApiError::Kind>("kind");
    QTest::addColumn<QString>("providerMessage");

    QTest::newRow("401 envelope") << 401 << envelope("401", "", "Invalid authentication") << ApiError::Kind::Auth
                                  << u"Invalid authentication"_s;
    QTest::newRow("500 envelope") << 500 << envelope("500", "database", "Timeout") << ApiError::Kind::Http
                                  << u"database: Timeout"_s;
    QTest::newRow("503 envelope with 401 code")
        << 503 << envelope("401", "", "Bad password") << ApiError::Kind::Auth << u"Bad password"_s;
    QTest::newRow("502 html") << 502 << QByteArray("<html>Bad gateway</html>") << ApiError::Kind::Http << QString();
    QTest::newRow("401 empty") << 401 << QByteArray() << ApiError::Kind::Auth << QString();
    QTest::newRow("429") << 429 << QByteArray() << ApiError::Kind::RateLimited << QString();
}

void TestEnswitchParser::errorFromReply()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(ApiError::Kind, kind);
    QFETCH(QString, providerMessage);
    const ApiError error = m_provider.errorFromReply(status, body);
    QCOMPARE(error.kind, kind);
    QCOMPARE(error.httpStatus, status);
    QCOMPARE(error.providerMessage, providerMessage);
    QVERIFY(error.message().contains(QString::number(status)));
}

void TestEnswitchParser::largeBody()
{
    constexpr int kRows = 50000;
    QByteArray body = R"({"responses":[{"code":"200","key":"","message":"OK"}],"data":[)";
    body.reserve(kRows * 260);
    for (int i = 0; i < kRows; ++i) {
        if (i > 0)
            body += ',';
        const QByteArray n = QByteArray::number(i);
        body += R"({"uniqueid":"1700000000.)" + n.rightJustified(6, '0') + R"(","start":)"
            + QByteArray::number(1700000000 + i) + R"(,"end":)" + QByteArray::number(1700000060 + i)
            + R"(,"snumber":"+4420)" + n + R"(","cnumber":"00)" + n + R"(","direction":")"
            + (i % 3 == 0        ? "in"
                    : i % 3 == 1 ? "out"
                                 : "internal")
            + R"(","talktime":)" + QByteArray::number(i % 60) + R"(,"totaltime":60,"cost":"0.)"
            + n.rightJustified(4, '0') + R"(","name":"N\u00e4me, \")" + n + R"(\""})";
    }
    body += "]}";

    const PageResult page = m_provider.parsePage(body);
    QVERIFY(!page.error);
    QCOMPARE(page.rows.size(), std::size_t(kRows));
    for (const int i : {0, 1, 2, 12345, kRows - 1}) {
        const CdrRecord &row = page.rows[std::size_t(i)];
        const QString n = QString::number(i);
        QCOMPARE(row.id, u"1700000000."_s + n.rightJustified(6, u'0'));
        QCOMPARE(row.startTime, fromSecs(1700000000 + i));
        QCOMPARE(row.caller, u"+4420"_s + n);
        QCOMPARE(row.callee, u"00"_s + n);
        QCOMPARE(row.billedDuration, i % 60);
        QCOMPARE(row.amount, u"0."_s + n.rightJustified(4, u'0'));
        QCOMPARE(row.direction,
            i % 3 == 0       ? Direction::Inbound
                : i % 3 == 1 ? Direction::Outbound
                             : Direction::Internal);
        QCOMPARE(row.nativeValue(u"name")->text, u"N\u00e4me, \""_s + n + u'"');
    }
}

QTEST_GUILESS_MAIN(TestEnswitchParser)
#include "tst_enswitchparser.moc"
