#include "portsipdata.h"
#include "portsipfilter.h"
#include "portsiptime.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {

using cdrsim::PortsipFieldType;
using cdrsim::PortsipFieldValue;

const QList<cdrsim::PortsipFilterField> kFields{
    {u"name"_s, PortsipFieldType::Text},
    {u"code"_s, PortsipFieldType::Integer},
    {u"at"_s, PortsipFieldType::Time},
    {u"note"_s, PortsipFieldType::Text},
};

// A small table the filters run over; an empty string or a missing time is unset.
struct Row {
    QString name;
    qint64 code;
    std::optional<QString> at;
    QString note;
};

const QList<Row> kRows{
    {u"alice"_s, 0, u"2024-08-20T06:00:59.457188Z"_s, u"O'Brien"_s}, // 0
    {u"bob"_s, 486, u"2024-08-20T06:00:59Z"_s, QString()}, // 1
    {u"Carol"_s, 404, std::nullopt, u"x' or 'a' eq 'a"_s}, // 2
    {u"dave"_s, 0, u"2024-08-21T00:00:00.000001Z"_s, u"(and) or not"_s}, // 3
    {u"+4420"_s, 503, u"2024-08-19T23:59:59.999999Z"_s, u"Zoë"_s}, // 4
};

PortsipFieldValue valueOf(const Row &row, int field)
{
    switch (field) {
    case 0:
        return {row.name.isEmpty(), row.name, 0};
    case 1:
        return {false, QString(), row.code};
    case 2:
        return {!row.at, QString(), row.at ? *cdrsim::parsePortsipTime(*row.at) : 0};
    default:
        return {row.note.isEmpty(), row.note, 0};
    }
}

QList<int> matching(const cdrsim::PortsipFilter &filter)
{
    QList<int> out;
    for (int i = 0; i < kRows.size(); ++i)
        if (filter.matches([i](int field) { return valueOf(kRows.at(i), field); }))
            out.append(i);
    return out;
}

} // namespace

// The PortSIP filter language of the simulator and its time and money formats, without any HTTP.
class TstPortsipFilter final : public QObject {
    Q_OBJECT

private slots:
    void matches_data();
    void matches();
    void errors_data();
    void errors();
    void blankMatchesAll();
    void times_data();
    void times();
    void timeFormat_data();
    void timeFormat();
    void costFormat_data();
    void costFormat();
};

void TstPortsipFilter::matches_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QList<int>>("rows");
    QTest::newRow("eq") << u"name eq 'bob'"_s << QList<int>{1};
    QTest::newRow("eq is case-sensitive") << u"name eq 'carol'"_s << QList<int>{};
    QTest::newRow("ne") << u"name ne 'bob'"_s << QList<int>{0, 2, 3, 4};
    QTest::newRow("text gt") << u"name gt 'bob'"_s << QList<int>{3};
    QTest::newRow("text le") << u"name le 'Carol'"_s << QList<int>{2, 4};
    QTest::newRow("integer bare") << u"code eq 486"_s << QList<int>{1};
    QTest::newRow("integer quoted") << u"code eq '486'"_s << QList<int>{1};
    QTest::newRow("integer ge") << u"code ge 486"_s << QList<int>{1, 4};
    QTest::newRow("integer lt") << u"code lt 1"_s << QList<int>{0, 3};
    QTest::newRow("negative") << u"code gt -1"_s << QList<int>{0, 1, 2, 3, 4};
    QTest::newRow("time eq with fraction") << u"at eq '2024-08-20T06:00:59.457188Z'"_s << QList<int>{0};
    QTest::newRow("time eq other offset") << u"at eq '2024-08-20T08:00:59.457188+02:00'"_s << QList<int>{0};
    QTest::newRow("time whole second") << u"at eq '2024-08-20T06:00:59.000Z'"_s << QList<int>{1};
    QTest::newRow("time gt is an instant, not text") << u"at gt '2024-08-20T06:00:59Z'"_s << QList<int>{0, 3};
    QTest::newRow("time ge") << u"at ge '2024-08-20T06:00:59Z'"_s << QList<int>{0, 1, 3};
    QTest::newRow("time lt day") << u"at lt '2024-08-20T00:00:00Z'"_s << QList<int>{4};
    QTest::newRow("time range") << u"at ge '2024-08-20T00:00:00Z' and at lt '2024-08-21T00:00:00Z'"_s
                                << QList<int>{0, 1};
    QTest::newRow("unset time never orders") << u"at lt '2100-01-01T00:00:00Z'"_s << QList<int>{0, 1, 3, 4};
    QTest::newRow("time eq null") << u"at eq null"_s << QList<int>{2};
    QTest::newRow("time ne null") << u"at ne null"_s << QList<int>{0, 1, 3, 4};
    QTest::newRow("text eq null is unset") << u"note eq null"_s << QList<int>{1};
    QTest::newRow("text eq empty is unset") << u"note eq ''"_s << QList<int>{1};
    QTest::newRow("text ne empty") << u"note ne ''"_s << QList<int>{0, 2, 3, 4};
    QTest::newRow("escaped quote") << u"note eq 'O''Brien'"_s << QList<int>{0};
    QTest::newRow("injection stays a literal") << u"note eq 'x'' or ''a'' eq ''a'"_s << QList<int>{2};
    QTest::newRow("keywords inside a literal") << u"note eq '(and) or not'"_s << QList<int>{3};
    QTest::newRow("startswith") << u"startswith(name,'+44')"_s << QList<int>{4};
    QTest::newRow("endswith") << u"endswith(name, 'e')"_s << QList<int>{0, 3};
    QTest::newRow("contains") << u"contains(note,'''')"_s << QList<int>{0, 2};
    QTest::newRow("contains non-Latin") << u"contains(note,'ë')"_s << QList<int>{4};
    QTest::newRow("contains is case-sensitive") << u"contains(name,'c')"_s << QList<int>{0};
    QTest::newRow("and binds tighter than or") << u"name eq 'alice' or name eq 'bob' and code eq 0"_s << QList<int>{0};
    QTest::newRow("parentheses") << u"(name eq 'alice' or name eq 'bob') and code eq 486"_s << QList<int>{1};
    QTest::newRow("nested parentheses") << u"((code eq 0) or ((code eq 503)))"_s << QList<int>{0, 3, 4};
    QTest::newRow("not") << u"not code eq 0"_s << QList<int>{1, 2, 4};
    QTest::newRow("not parentheses") << u"not (code eq 0 or code eq 404)"_s << QList<int>{1, 4};
    QTest::newRow("not function") << u"not contains(name,'a')"_s << QList<int>{1, 4};
    QTest::newRow("operators any case") << u"name EQ 'bob' OR StartsWith(name,'d')"_s << QList<int>{1, 3};
    QTest::newRow("no spaces around parentheses") << u"(code eq 404)or(code eq 503)"_s << QList<int>{2, 4};
    QTest::newRow("tabs and newlines") << u"code\teq\n486"_s << QList<int>{1};
}

void TstPortsipFilter::matches()
{
    QFETCH(QString, filter);
    QFETCH(QList<int>, rows);
    const cdrsim::PortsipFilterParse parsed = cdrsim::PortsipFilter::parse(filter, kFields);
    QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
    QVERIFY(!parsed.filter.matchesAll());
    QCOMPARE(matching(parsed.filter), rows);
}

void TstPortsipFilter::errors_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QString>("message"); // a part of the error text
    QTest::newRow("unknown field") << u"caller eq '1'"_s << u"unknown field 'caller' at position 0"_s;
    QTest::newRow("field names are case-sensitive") << u"NAME eq 'bob'"_s << u"unknown field 'NAME'"_s;
    QTest::newRow("unknown field in function") << u"contains(nope,'x')"_s << u"unknown field 'nope'"_s;
    QTest::newRow("unterminated") << u"name eq 'bob"_s << u"unterminated string literal starting at position 8"_s;
    QTest::newRow("unterminated after escape") << u"name eq 'bob''"_s << u"unterminated string literal"_s;
    QTest::newRow("no operator") << u"name 'bob'"_s << u"expected a comparison operator"_s;
    QTest::newRow("unknown operator") << u"name like 'bob'"_s << u"found \"like\""_s;
    QTest::newRow("no literal") << u"name eq"_s << u"found the end of the filter"_s;
    QTest::newRow("text needs quotes") << u"name eq bob"_s << u"'name' compares with a quoted string"_s;
    QTest::newRow("text needs quotes, number") << u"name eq 101"_s << u"compares with a quoted string"_s;
    QTest::newRow("integer needs a number") << u"code eq 'busy'"_s << u"'code' compares with an integer"_s;
    QTest::newRow("integer no decimals") << u"code eq 4.5"_s << u"compares with an integer"_s;
    QTest::newRow("time needs RFC 3339") << u"at gt '2024-08-20'"_s << u"RFC 3339"_s;
    QTest::newRow("time bad month") << u"at gt '2024-13-20T00:00:00Z'"_s << u"RFC 3339"_s;
    QTest::newRow("time unquoted") << u"at gt 2024-08-20T00:00:00Z"_s << u"RFC 3339"_s;
    QTest::newRow("function on integer") << u"startswith(code,'4')"_s << u"needs a text field"_s;
    QTest::newRow("function without quotes") << u"contains(name,bob)"_s << u"expects a quoted string"_s;
    QTest::newRow("function missing comma") << u"contains(name 'b')"_s << u"expected ','"_s;
    QTest::newRow("function unclosed") << u"contains(name,'b'"_s << u"expected ')' to close contains"_s;
    QTest::newRow("unbalanced open") << u"(name eq 'bob'"_s << u"expected ')' to close the '(' at position 0"_s;
    QTest::newRow("unbalanced close") << u"name eq 'bob')"_s << u"found \")\" at position 13"_s;
    QTest::newRow("empty parentheses") << u"()"_s << u"expected a field name"_s;
    QTest::newRow("dangling and") << u"name eq 'bob' and"_s << u"found the end of the filter"_s;
    QTest::newRow("double operator") << u"name eq eq 'bob'"_s << u"'name' compares with a quoted string"_s;
    QTest::newRow("missing and") << u"name eq 'a' name eq 'b'"_s << u"expected 'and', 'or'"_s;
    QTest::newRow("stray character") << u"name eq 'a' && code eq 0"_s << u"unexpected character '&' at position 12"_s;
    QTest::newRow("double quotes") << u"name eq \"bob\""_s << u"unexpected character '\"'"_s;
    QTest::newRow("too deep") << QString(200, u'(') + u"code eq 0"_s + QString(200, u')') << u"nested too deeply"_s;
    QTest::newRow("not alone") << u"not"_s << u"expected a field name"_s;
}

void TstPortsipFilter::errors()
{
    QFETCH(QString, filter);
    QFETCH(QString, message);
    const cdrsim::PortsipFilterParse parsed = cdrsim::PortsipFilter::parse(filter, kFields);
    QVERIFY2(parsed.error.contains(message), qPrintable(parsed.error));
    QVERIFY(parsed.filter.matchesAll()); // a failed parse leaves no half-built filter behind
}

void TstPortsipFilter::blankMatchesAll()
{
    for (const QString &blank : {QString(), u"   "_s, u"\t\n"_s}) {
        const cdrsim::PortsipFilterParse parsed = cdrsim::PortsipFilter::parse(blank, kFields);
        QVERIFY(parsed.error.isEmpty());
        QVERIFY(parsed.filter.matchesAll());
        QCOMPARE(matching(parsed.filter).size(), kRows.size());
    }
}

void TstPortsipFilter::times_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("microseconds"); // -1 = invalid
    const qint64 base = 1724133659LL * 1000000; // 2024-08-20T06:00:59Z
    QTest::newRow("whole") << u"2024-08-20T06:00:59Z"_s << base;
    QTest::newRow("micro") << u"2024-08-20T06:00:59.457188Z"_s << base + 457188;
    QTest::newRow("milli") << u"2024-08-20T06:00:59.457Z"_s << base + 457000;
    QTest::newRow("nano truncated") << u"2024-08-20T06:00:59.457188999Z"_s << base + 457188;
    QTest::newRow("lower case") << u"2024-08-20t06:00:59z"_s << base;
    QTest::newRow("space") << u"2024-08-20 06:00:59Z"_s << base;
    QTest::newRow("positive offset") << u"2024-08-20T08:30:59+02:30"_s << base;
    QTest::newRow("negative offset") << u"2024-08-20T01:00:59-05:00"_s << base;
    QTest::newRow("epoch") << u"1970-01-01T00:00:00Z"_s << qint64(0);
    QTest::newRow("no zone") << u"2024-08-20T06:00:59"_s << qint64(-1);
    QTest::newRow("date only") << u"2024-08-20"_s << qint64(-1);
    QTest::newRow("bad day") << u"2024-02-30T00:00:00Z"_s << qint64(-1);
    QTest::newRow("bad hour") << u"2024-08-20T24:00:00Z"_s << qint64(-1);
    QTest::newRow("bad offset") << u"2024-08-20T06:00:59+25:00"_s << qint64(-1);
    QTest::newRow("empty fraction") << u"2024-08-20T06:00:59.Z"_s << qint64(-1);
    QTest::newRow("ten digits") << u"2024-08-20T06:00:59.1234567890Z"_s << qint64(-1);
    QTest::newRow("trailing") << u"2024-08-20T06:00:59Zx"_s << qint64(-1);
}

void TstPortsipFilter::times()
{
    QFETCH(QString, text);
    QFETCH(qint64, microseconds);
    const std::optional<qint64> parsed = cdrsim::parsePortsipTime(text);
    if (microseconds < 0) {
        QVERIFY(!parsed);
    } else {
        QVERIFY(parsed);
        QCOMPARE(*parsed, microseconds);
    }
}

void TstPortsipFilter::timeFormat_data()
{
    QTest::addColumn<qint64>("microseconds");
    QTest::addColumn<QByteArray>("text");
    const qint64 base = 1724133659LL * 1000000;
    QTest::newRow("micro") << base + 457188 << "2024-08-20T06:00:59.457188Z"_ba;
    QTest::newRow("leading zeros") << base + 7 << "2024-08-20T06:00:59.000007Z"_ba;
    QTest::newRow("trailing zeros kept") << base + 457000 << "2024-08-20T06:00:59.457000Z"_ba;
    QTest::newRow("whole second") << base << "2024-08-20T06:00:59Z"_ba;
    QTest::newRow("before the epoch") << qint64(-1) << "1969-12-31T23:59:59.999999Z"_ba;
}

void TstPortsipFilter::timeFormat()
{
    QFETCH(qint64, microseconds);
    QFETCH(QByteArray, text);
    QCOMPARE(cdrsim::formatPortsipTime(microseconds), text);
    QCOMPARE(cdrsim::parsePortsipTime(QString::fromLatin1(text)), std::optional<qint64>(microseconds));
}

void TstPortsipFilter::costFormat_data()
{
    QTest::addColumn<qint64>("units"); // of 0.0001
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("zero") << qint64(0) << "0"_ba;
    QTest::newRow("one UK minute") << qint64(125) << "0.0125"_ba;
    QTest::newRow("trailing zero dropped") << qint64(450) << "0.045"_ba;
    QTest::newRow("whole") << qint64(30000) << "3"_ba;
    QTest::newRow("mixed") << qint64(123456) << "12.3456"_ba;
    QTest::newRow("negative") << qint64(-5) << "-0.0005"_ba;
}

void TstPortsipFilter::costFormat()
{
    QFETCH(qint64, units);
    QFETCH(QByteArray, text);
    QCOMPARE(cdrsim::formatPortsipCost(units), text);
}

QTEST_GUILESS_MAIN(TstPortsipFilter)
#include "tst_portsip_filter.moc"
