// The filter-expression builder: structure never changes with the values put in.

#include "providers/portsip/portsipfilterexpression.h"

#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;

using Op = PortSipFilterExpression::Op;
using Function = PortSipFilterExpression::Function;

namespace {

// Reads one single-quoted literal starting at `at`, as the server would; returns its value and moves `at` past it.
QString readLiteral(const QString &text, qsizetype &at)
{
    Q_ASSERT(text[at] == u'\'');
    QString value;
    for (++at; at < text.size(); ++at) {
        if (text[at] != u'\'') {
            value += text[at];
        } else if (at + 1 < text.size() && text[at + 1] == u'\'') {
            value += u'\'';
            ++at;
        } else {
            ++at;
            return value;
        }
    }
    return QString(); // unterminated: the test fails on the comparison
}

} // namespace

class TestPortSipFilterExpression final : public QObject {
    Q_OBJECT

private slots:
    void empty();
    void operators();
    void functions();
    void hostileLiterals_data();
    void hostileLiterals();
    void numbersUnquoted();
    void times_data();
    void times();
    void badFieldNames();
    void userExpression();
    void userExpressionRefused_data();
    void userExpressionRefused();
    void controlCharacters();
};

void TestPortSipFilterExpression::empty()
{
    PortSipFilterExpression expression;
    QVERIFY(expression.isEmpty());
    QCOMPARE(expression.toString(), QString());
}

void TestPortSipFilterExpression::operators()
{
    PortSipFilterExpression expression;
    expression.compare(u"caller"_s, Op::Eq, u"101"_s);
    expression.compare(u"callee"_s, Op::Ne, u"102"_s);
    expression.compare(u"duration"_s, Op::Gt, qint64(10));
    expression.compare(u"duration"_s, Op::Ge, qint64(11));
    expression.compare(u"duration"_s, Op::Lt, qint64(60));
    expression.compare(u"duration"_s, Op::Le, qint64(59));
    QCOMPARE(expression.toString(),
        u"caller eq '101' and callee ne '102' and duration gt 10 and duration ge 11 and duration lt 60 "
        "and duration le 59"_s);
}

void TestPortSipFilterExpression::functions()
{
    PortSipFilterExpression expression;
    expression.call(Function::StartsWith, u"caller"_s, u"+44"_s);
    expression.call(Function::EndsWith, u"callee"_s, u"00"_s);
    expression.call(Function::Contains, u"callee_display_name"_s, u"Sm'th"_s);
    QCOMPARE(expression.toString(),
        u"startswith(caller,'+44') and endswith(callee,'00') and contains(callee_display_name,'Sm''th')"_s);
}

void TestPortSipFilterExpression::hostileLiterals_data()
{
    QTest::addColumn<QString>("value");
    QTest::newRow("single quote") << u"O'Brien"_s;
    QTest::newRow("only quotes") << u"''''"_s;
    QTest::newRow("closing and or") << u"x' or '1' eq '1"_s;
    QTest::newRow("parentheses") << u"a) or (b"_s;
    QTest::newRow("close function") << u"1') or startswith(caller,'"_s;
    QTest::newRow("keywords") << u"and or eq ne not"_s;
    QTest::newRow("dollar and ampersand") << u"$filter=x&top=1"_s;
    QTest::newRow("unicode") << u"M\u00fcller \u5c71\u7530 \U0001F600 \u2019"_s;
    QTest::newRow("backslash") << u"a\\' b"_s;
    QTest::newRow("empty") << QString();
}

void TestPortSipFilterExpression::hostileLiterals()
{
    QFETCH(QString, value);
    PortSipFilterExpression expression;
    QVERIFY(expression.compare(u"caller"_s, Op::Eq, value));
    QVERIFY(expression.call(Function::Contains, u"callee"_s, value));
    const QString text = expression.toString();

    // Structure: exactly the two terms we built, each literal reading back as the value.
    const QString first = u"caller eq "_s;
    QVERIFY(text.startsWith(first));
    qsizetype at = first.size();
    QCOMPARE(readLiteral(text, at), value);
    const QString middle = u" and contains(callee,"_s;
    QCOMPARE(text.mid(at, middle.size()), middle);
    at += middle.size();
    QCOMPARE(readLiteral(text, at), value);
    QCOMPARE(text.mid(at), u")"_s);
    QVERIFY(PortSipFilterExpression::isSelfContained(text));
}

void TestPortSipFilterExpression::numbersUnquoted()
{
    PortSipFilterExpression expression;
    expression.compare(u"status_code"_s, Op::Eq, qint64(0));
    expression.compare(u"status_code"_s, Op::Ne, qint64(-486));
    QCOMPARE(expression.toString(), u"status_code eq 0 and status_code ne -486"_s);
}

void TestPortSipFilterExpression::times_data()
{
    QTest::addColumn<QDateTime>("time");
    QTest::addColumn<QString>("expected");
    QTest::newRow("utc") << QDateTime(QDate(2024, 8, 20), QTime(6, 0, 59), QTimeZone::utc())
                         << u"started_at ge '2024-08-20T06:00:59Z'"_s;
    QTest::newRow("milliseconds") << QDateTime(QDate(2024, 8, 20), QTime(6, 0, 59, 457), QTimeZone::utc())
                                  << u"started_at ge '2024-08-20T06:00:59.457Z'"_s;
    QTest::newRow("offset converted") << QDateTime(QDate(2024, 8, 20), QTime(8, 0), QTimeZone(2 * 3600))
                                      << u"started_at ge '2024-08-20T06:00:00Z'"_s;
    QTest::newRow("across midnight") << QDateTime(QDate(2024, 1, 1), QTime(1, 30), QTimeZone(5 * 3600))
                                     << u"started_at ge '2023-12-31T20:30:00Z'"_s;
}

void TestPortSipFilterExpression::times()
{
    QFETCH(QDateTime, time);
    QFETCH(QString, expected);
    PortSipFilterExpression expression;
    QVERIFY(expression.compare(u"started_at"_s, Op::Ge, time));
    QCOMPARE(expression.toString(), expected);
    QVERIFY(!expression.compare(u"started_at"_s, Op::Lt, QDateTime()));
    QCOMPARE(expression.toString(), expected);
}

void TestPortSipFilterExpression::badFieldNames()
{
    PortSipFilterExpression expression;
    for (const QString &field :
        {QString(), u"caller eq '1' or caller"_s, u"a,b"_s, u"1abc"_s, u"f(x)"_s, u"caller'"_s, u"cäller"_s}) {
        QVERIFY2(!PortSipFilterExpression::isFieldName(field), qPrintable(field));
        QVERIFY(!expression.compare(field, Op::Eq, u"x"_s));
        QVERIFY(!expression.compare(field, Op::Eq, qint64(1)));
        QVERIFY(!expression.call(Function::StartsWith, field, u"x"_s));
    }
    QVERIFY(expression.isEmpty());
    QVERIFY(PortSipFilterExpression::isFieldName(u"_x9"_s));
    QVERIFY(PortSipFilterExpression::isFieldName(u"did_cid"_s));
}

void TestPortSipFilterExpression::userExpression()
{
    PortSipFilterExpression expression;
    QVERIFY(expression.appendUserExpression(u"  end_reason eq 'CANCELLED' or caller eq 'x''y (z'  "_s));
    QCOMPARE(expression.toString(), u"(end_reason eq 'CANCELLED' or caller eq 'x''y (z')"_s);

    expression.compare(u"started_at"_s, Op::Ge, QDateTime(QDate(2024, 1, 1), QTime(0, 0), QTimeZone::utc()));
    expression.compare(u"direction"_s, Op::Eq, u"INBOUND_CALL"_s);
    QCOMPARE(expression.toString(),
        u"(started_at ge '2024-01-01T00:00:00Z' and direction eq 'INBOUND_CALL') and "
        "(end_reason eq 'CANCELLED' or caller eq 'x''y (z')"_s);

    QVERIFY(expression.appendUserExpression(u"(duration gt 5)"_s));
    QVERIFY(expression.toString().endsWith(u" and ((duration gt 5))"_s));
}

void TestPortSipFilterExpression::userExpressionRefused_data()
{
    QTest::addColumn<QString>("expression");
    QTest::newRow("escapes parentheses") << u"caller eq '1') or (1 eq 1"_s;
    QTest::newRow("unclosed quote") << u"caller eq 'x"_s;
    QTest::newRow("quote doubled at end") << u"caller eq 'x''"_s;
    QTest::newRow("extra close") << u"caller eq '1')"_s;
    QTest::newRow("unclosed open") << u"(caller eq '1'"_s;
    QTest::newRow("blank") << u"   "_s;
    QTest::newRow("newline") << u"caller eq '1'\nor 1 eq 1"_s;
    QTest::newRow("nul") << u"caller eq '1\u0000'"_s;
}

void TestPortSipFilterExpression::userExpressionRefused()
{
    QFETCH(QString, expression);
    QVERIFY(!PortSipFilterExpression::isSelfContained(expression));
    PortSipFilterExpression builder;
    QVERIFY(!builder.appendUserExpression(expression));
    QVERIFY(builder.isEmpty());
}

void TestPortSipFilterExpression::controlCharacters()
{
    QVERIFY(!PortSipFilterExpression::hasControlCharacters(u"M\u00fcller \u5c71\u7530 'x' (y)"_s));
    for (const QString &text : {u"a\tb"_s, u"a\rb"_s, u"\u007f"_s, u"\u0085"_s, u"a\u2028b"_s, u"\u2029"_s})
        QVERIFY2(PortSipFilterExpression::hasControlCharacters(text), text.toUtf8().toHex().constData());
    // Inside a literal they are only quoted: validation refuses them before a request is built.
    PortSipFilterExpression expression;
    expression.compare(u"caller"_s, Op::Eq, u"a\nb"_s);
    QCOMPARE(expression.toString(), u"caller eq 'a\nb'"_s);
}

QTEST_GUILESS_MAIN(TestPortSipFilterExpression)
#include "tst_portsipfilterexpression.moc"
