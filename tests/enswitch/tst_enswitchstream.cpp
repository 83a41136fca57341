// The Enswitch stream parser fed in random small chunks gives exactly what
// parsePage gives for the whole body: rows, native fields, errors. Chunk edges
// fall inside strings, escapes, numbers and multi-byte UTF-8 sequences.

#include "../common/comparerecords.h"
#include "providers/enswitch/enswitchparser.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QByteArray readData(const QString &name)
{
    QFile file(QStringLiteral(CDR_TEST_DATA_DIR "/enswitch/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open %s", qPrintable(file.fileName()));
    return file.readAll();
}

// Rows full of what a chunk edge can split: UTF-8 of 2, 3 and 4 bytes, escapes,
// long numbers with fractions and exponents, nested objects and arrays.
QByteArray awkwardBody(int rows)
{
    // Plain literals, not raw strings: moc's own parser stumbles over these.
    QByteArray body = "{\"responses\":[{\"code\":\"200\",\"key\":\"\",\"message\":\"OK\"}],\"data\":[";
    for (int i = 0; i < rows; ++i) {
        if (i > 0)
            body += ',';
        const QByteArray n = QByteArray::number(i);
        body += "{\"uniqueid\":\"1669000000." + n.rightJustified(6, '0') + "\",\"start\":"
            + QByteArray::number(1669000000 + i) + ",\"end\":0,\"snumber\":\"+49 030 " + n + "\",\"cnumber\":\"0049" + n
            + "\",\"direction\":\"out\",\"cost\":\"" + n + ".0125\",\"talktime\":12.0,\"totaltime\":"
            + QByteArray::number(i * 7)
            + ",\"name\":\"J\xc3\xbcrgen \xc3\x98ster \xe6\x9d\xb1\xe4\xba\xac \xf0\x9f\x8e\x89 \\\"q\\\" \\\\ \\u00e9 "
              "\\ud83d\\ude00\",\"big\":123456789012345678901234567890,\"exp\":-1.5e-7,\"flag\":true,\"none\":null,"
              "\"nested\":{\"a\":[1,\"\xc3\x9f\",{\"b\":false}],\"c\":{}},\"list\":[]}";
    }
    body += "]}";
    return body;
}

PageResult streamed(const QByteArray &body, QRandomGenerator &random, int maxChunk)
{
    const std::unique_ptr<PageStreamParser> parser = EnswitchParser::pageStreamParser();
    qsizetype at = 0;
    while (at < body.size()) {
        const qsizetype size = std::min<qsizetype>(body.size() - at, 1 + random.bounded(maxChunk));
        parser->feed(QByteArrayView(body).sliced(at, size));
        at += size;
    }
    return parser->finish();
}

} // namespace

class TestEnswitchStream final : public QObject {
    Q_OBJECT

private slots:
    void sameAsWholeBody_data();
    void sameAsWholeBody();
    void abandonedWithoutFinish();
};

void TestEnswitchStream::sameAsWholeBody_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("maxChunk");
    QTest::newRow("seed example, bytes one by one") << readData(u"list_seed002_example.json"_s) << 1;
    QTest::newRow("seed example, small chunks") << readData(u"list_seed002_example.json"_s) << 7;
    QTest::newRow("awkward golden rows") << readData(u"list_awkward.json"_s) << 5;
    QTest::newRow("utf-8, escapes and numbers, one by one") << awkwardBody(20) << 1;
    QTest::newRow("utf-8, escapes and numbers, 1-13 bytes") << awkwardBody(300) << 13;
    QTest::newRow("many rows, up to 4 KiB") << awkwardBody(5000) << 4096;
    QTest::newRow("empty list") << QByteArray("{\"responses\":[{\"code\":\"200\",\"key\":\"\",\"message\":\"OK\"}],\"data\":[]}") << 3;
    QTest::newRow("envelope error")
        << QByteArray("{\"responses\":[{\"code\":\"402\",\"key\":\"role\",\"message\":\"Not allowed\"}],\"data\":null}") << 2;
    QTest::newRow("cut short") << awkwardBody(3).chopped(17) << 4;
    QTest::newRow("invalid json") << QByteArray("{\"responses\":[{\"code\":\"200\"}],\"data\":[{\"a\":tru}]}") << 3;
    QTest::newRow("trailing garbage") << QByteArray("{\"responses\":[{\"code\":\"200\"}],\"data\":[]} x") << 2;
    QTest::newRow("not an object") << QByteArray("[1,2]") << 1;
    QTest::newRow("empty body") << QByteArray() << 1;
}

void TestEnswitchStream::sameAsWholeBody()
{
    QFETCH(QByteArray, body);
    QFETCH(int, maxChunk);
    const PageResult whole = EnswitchParser::parsePage(body);
    // The bodies with rows must really hold rows, or the comparison proves little.
    if (QByteArrayView(QTest::currentDataTag()).contains("rows") || QByteArrayView(QTest::currentDataTag()).contains("utf-8")
        || QByteArrayView(QTest::currentDataTag()).contains("seed"))
        QVERIFY(!whole.error && !whole.rows.empty());
    QRandomGenerator random(4711);
    for (int round = 0; round < 3; ++round) {
        const PageResult parts = streamed(body, random, maxChunk);
        QCOMPARE(parts.error.has_value(), whole.error.has_value());
        if (whole.error) {
            QCOMPARE(parts.error->kind, whole.error->kind);
            QCOMPARE(parts.error->message(), whole.error->message());
        }
        QCOMPARE(parts.total, whole.total);
        QCOMPARE(parts.rows.size(), whole.rows.size());
        for (std::size_t i = 0; i < whole.rows.size(); ++i)
            compareRecords(parts.rows[i], whole.rows[i]);
        if (QTest::currentTestFailed())
            return;
    }
}

// A page dropped half-way (the reply aborted) must stop the worker without finish().
void TestEnswitchStream::abandonedWithoutFinish()
{
    const QByteArray body = awkwardBody(2000);
    for (const qsizetype cut : {qsizetype(0), qsizetype(1), body.size() / 2, body.size()}) {
        std::unique_ptr<PageStreamParser> parser = EnswitchParser::pageStreamParser();
        parser->feed(QByteArrayView(body).first(cut));
        parser.reset(); // returns: the worker saw the abort
    }
    QVERIFY(!EnswitchParser::parsePage(body).error);
}

QTEST_APPLESS_MAIN(TestEnswitchStream)
#include "tst_enswitchstream.moc"
