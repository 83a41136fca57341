#include "exactdecimal.h"

#include <QRandomGenerator>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// An independent reading of "-12.34" as hundred-thousandths, by cutting the text
// apart: no ExactDecimal involved.
qint64 hundredThousandths(const QString &text)
{
    const bool negative = text.startsWith(u'-');
    const QString body = negative ? text.mid(1) : text;
    const qsizetype dot = body.indexOf(u'.');
    const QString whole = dot < 0 ? body : body.left(dot);
    QString fraction = dot < 0 ? QString() : body.mid(dot + 1);
    fraction = fraction.leftJustified(5, u'0');
    const qint64 value = (whole + fraction).toLongLong();
    return negative ? -value : value;
}

QString fromHundredThousandths(qint64 units)
{
    const QString sign = units < 0 ? u"-"_s : QString();
    const qint64 magnitude = units < 0 ? -units : units;
    QString digits = QString::number(magnitude).rightJustified(6, u'0');
    digits.insert(digits.size() - 5, u'.');
    return sign + digits;
}

} // namespace

class TestExactDecimal final : public QObject {
    Q_OBJECT

private slots:
    void parses_data();
    void parses();
    void addsMixedScales_data();
    void addsMixedScales();
    void sumOfManyAmountsIsExact();
    void subtractsBelowZero();
    void overflowIsReportedNotWrapped();
    void equalityIgnoresTrailingZeros();
    void fastAndGeneralPathsAgree();
    void addsAcrossWideScaleGaps();
};

void TestExactDecimal::parses_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("shown");

    QTest::newRow("five places") << u"0.00200"_s << true << u"0.00200"_s;
    QTest::newRow("negative") << u"-0.0050"_s << true << u"-0.0050"_s;
    QTest::newRow("integer") << u"12"_s << true << u"12"_s;
    QTest::newRow("plus, no leading digit") << u"+.5"_s << true << u"0.5"_s;
    QTest::newRow("trailing dot") << u"5."_s << true << u"5"_s;
    QTest::newRow("negative zero") << u"-0.00"_s << true << u"0.00"_s;
    QTest::newRow("spaces") << u" 3.10 "_s << true << u"3.10"_s;
    QTest::newRow("leading zeros") << u"0007.5"_s << true << u"7.5"_s;
    QTest::newRow("exponent down") << u"1e-3"_s << true << u"0.001"_s;
    QTest::newRow("exponent up") << u"2.5E+2"_s << true << u"250"_s;
    QTest::newRow("exponent keeps places") << u"1.50e1"_s << true << u"15.0"_s;
    QTest::newRow("negative exponent form") << u"-4.2e-2"_s << true << u"-0.042"_s;
    QTest::newRow("38 nines") << QString(38, u'9') << true << QString(38, u'9');
    QTest::newRow("30 places") << u"0."_s + QString(29, u'0') + u'1' << true << u"0."_s + QString(29, u'0') + u'1';
    QTest::newRow("empty") << QString() << false << QString();
    QTest::newRow("sign only") << u"-"_s << false << QString();
    QTest::newRow("dot only") << u"."_s << false << QString();
    QTest::newRow("two dots") << u"1.2.3"_s << false << QString();
    QTest::newRow("decimal comma") << u"1,5"_s << false << QString();
    QTest::newRow("thousands") << u"1,234.5"_s << false << QString();
    QTest::newRow("word") << u"abc"_s << false << QString();
    QTest::newRow("nan") << u"NaN"_s << false << QString();
    QTest::newRow("hex") << u"0x10"_s << false << QString();
    QTest::newRow("bare exponent") << u"1e"_s << false << QString();
    QTest::newRow("exponent without mantissa") << u"e5"_s << false << QString();
    QTest::newRow("currency inside") << u"1.5 USD"_s << false << QString();
    QTest::newRow("39 digits") << QString(39, u'9') << false << QString();
    QTest::newRow("31 places") << u"0."_s + QString(30, u'0') + u'1' << false << QString();
    QTest::newRow("exponent too small") << u"1e-31"_s << false << QString();
    QTest::newRow("exponent too large") << u"1e38"_s << false << QString();
    // Around the 18 digits the plain fast path reads in 64 bits; longer text takes the general path.
    QTest::newRow("18 digits, fast path") << u"-123456789.123456789"_s << true << u"-123456789.123456789"_s;
    QTest::newRow("19 digits, general path") << u"1234567890.123456789"_s << true << u"1234567890.123456789"_s;
    QTest::newRow("18 places with leading zeros") << u"0.000000000000000001"_s << true << u"0.000000000000000001"_s;
    QTest::newRow("many places, negative") << u"-0.00000000000000000000000000123"_s << true
                                           << u"-0.00000000000000000000000000123"_s;
    QTest::newRow("18 nines") << QString(18, u'9') << true << QString(18, u'9');
    QTest::newRow("19 nines") << QString(19, u'9') << true << QString(19, u'9');
    QTest::newRow("minus then plus") << u"-+1"_s << false << QString();
    QTest::newRow("minus minus") << u"--1"_s << false << QString();
    QTest::newRow("dot dot") << u"1..2"_s << false << QString();
    QTest::newRow("trailing space only") << u"7.25 "_s << true << u"7.25"_s;
    QTest::newRow("minus dot") << u"-."_s << false << QString();
    QTest::newRow("minus dot digit") << u"-.5"_s << true << u"-0.5"_s;
    QTest::newRow("exponent 38 places up") << u"1e37"_s << true << u"1"_s + QString(37, u'0');
    QTest::newRow("exponent overflows the 38 digits") << u"999e36"_s << false << QString();
    QTest::newRow("exponent zero of many digits") << u"0e30"_s << true << u"0"_s;
    QTest::newRow("exponent beyond any scale") << u"5e-1000"_s << false << QString();
    QTest::newRow("exponent far too large") << u"5e1001"_s << false << QString();
    QTest::newRow("non-ASCII digit") << u"1\u0661"_s << false << QString();
}

void TestExactDecimal::parses()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(QString, shown);
    const std::optional<ExactDecimal> value = ExactDecimal::fromString(text);
    QCOMPARE(value.has_value(), valid);
    if (valid)
        QCOMPARE(value->toString(), shown);
}

void TestExactDecimal::addsMixedScales_data()
{
    QTest::addColumn<QStringList>("terms");
    QTest::addColumn<QString>("sum");

    QTest::newRow("widest scale wins") << QStringList{u"1.5"_s, u"0.25"_s, u"2"_s} << u"3.75"_s;
    QTest::newRow("trailing zeros kept") << QStringList{u"0.1"_s, u"0.00200"_s} << u"0.10200"_s;
    QTest::newRow("to zero") << QStringList{u"0.0050"_s, u"-0.005"_s} << u"0.0000"_s;
    QTest::newRow("below zero") << QStringList{u"1"_s, u"-1.00001"_s} << u"-0.00001"_s;
    QTest::newRow("exponent and plain") << QStringList{u"1e-5"_s, u"0.99999"_s} << u"1.00000"_s;
}

void TestExactDecimal::addsMixedScales()
{
    QFETCH(QStringList, terms);
    QFETCH(QString, sum);
    ExactDecimal total;
    for (const QString &term : std::as_const(terms)) {
        const std::optional<ExactDecimal> value = ExactDecimal::fromString(term);
        QVERIFY2(value, qPrintable(term));
        QVERIFY(total.add(*value));
    }
    QCOMPARE(total.toString(), sum);
}

void TestExactDecimal::sumOfManyAmountsIsExact()
{
    // 200,000 amounts with 5 places, some negative (refunds), as a provider sends them.
    QRandomGenerator random(20261125);
    ExactDecimal total;
    qint64 expected = 0;
    for (int i = 0; i < 200000; ++i) {
        qint64 units = qint64(random.bounded(5000000)); // up to 49.99999
        if (i % 17 == 0)
            units = -units;
        const QString text = fromHundredThousandths(units);
        expected += hundredThousandths(text);
        const std::optional<ExactDecimal> value = ExactDecimal::fromString(text);
        QVERIFY2(value, qPrintable(text));
        QVERIFY(total.add(*value));
    }
    QCOMPARE(total.scale(), 5);
    QCOMPARE(total.toString(), fromHundredThousandths(expected));
    // A double would have drifted by now; the exact sum reads back to the same units.
    QCOMPARE(hundredThousandths(total.toString()), expected);
}

void TestExactDecimal::subtractsBelowZero()
{
    ExactDecimal value = *ExactDecimal::fromString(u"0.10"_s);
    QVERIFY(value.subtract(*ExactDecimal::fromString(u"0.35"_s)));
    QCOMPARE(value.toString(), u"-0.25"_s);
    QVERIFY(value.isNegative());
    QVERIFY(value.add(*ExactDecimal::fromString(u"0.25"_s)));
    QVERIFY(value.isZero());
    QVERIFY(!value.isNegative());
}

void TestExactDecimal::overflowIsReportedNotWrapped()
{
    const ExactDecimal largest = *ExactDecimal::fromString(QString(38, u'9'));
    ExactDecimal sum = largest;
    QVERIFY(!sum.add(ExactDecimal::fromInteger(1)));
    QCOMPARE(sum.toString(), QString(38, u'9')); // unchanged
    ExactDecimal negative = *ExactDecimal::fromString(u"-"_s + QString(38, u'9'));
    QVERIFY(!negative.subtract(ExactDecimal::fromInteger(1)));
    QCOMPARE(negative.toString(), u"-"_s + QString(38, u'9'));
    // Bringing the big integer to one decimal place needs a 39th digit.
    ExactDecimal scaled = largest;
    QVERIFY(!scaled.add(*ExactDecimal::fromString(u"0.1"_s)));
    QCOMPARE(scaled.scale(), 0);
    // Repeated adding stops at the first sum that would not fit.
    ExactDecimal running;
    const ExactDecimal step = *ExactDecimal::fromString(u"1"_s + QString(37, u'0'));
    int added = 0;
    while (running.add(step))
        ++added;
    QCOMPARE(added, 9);
    QCOMPARE(running.toString(), u"9"_s + QString(37, u'0'));
}

void TestExactDecimal::equalityIgnoresTrailingZeros()
{
    QCOMPARE(*ExactDecimal::fromString(u"1.50"_s), *ExactDecimal::fromString(u"1.5"_s));
    QVERIFY(!(*ExactDecimal::fromString(u"1.51"_s) == *ExactDecimal::fromString(u"1.5"_s)));
    QCOMPARE(*ExactDecimal::fromString(u"-0"_s), ExactDecimal());
}

void TestExactDecimal::fastAndGeneralPathsAgree()
{
    // "e0" sends the same digits through the general path; both readings must match.
    QRandomGenerator random(6);
    for (int i = 0; i < 20000; ++i) {
        const int digits = 1 + int(random.bounded(24));
        QString text;
        for (int d = 0; d < digits; ++d)
            text += QChar(u'0' + int(random.bounded(10)));
        if (random.bounded(3) != 0)
            text.insert(int(random.bounded(digits + 1)), u'.');
        if (random.bounded(2) == 0)
            text.prepend(u'-');
        const std::optional<ExactDecimal> fast = ExactDecimal::fromString(text);
        const std::optional<ExactDecimal> general = ExactDecimal::fromString(text + u"e0"_s);
        QVERIFY2(fast && general, qPrintable(text));
        QCOMPARE(fast->toString(), general->toString());
        QCOMPARE(fast->scale(), general->scale());
    }
}

void TestExactDecimal::addsAcrossWideScaleGaps()
{
    // Rescaling multiplies by a power of ten in one step: check the edges of that table.
    ExactDecimal small = *ExactDecimal::fromString(u"0."_s + QString(29, u'0') + u'1');
    QVERIFY(small.add(ExactDecimal::fromInteger(12345678)));
    QCOMPARE(small.toString(), u"12345678."_s + QString(29, u'0') + u'1');
    QCOMPARE(small.scale(), 30);
    // 9 integer digits at scale 30 need 39 digits: refused, and the sum is unchanged.
    QVERIFY(!small.add(ExactDecimal::fromInteger(999999999)));
    QCOMPARE(small.toString(), u"12345678."_s + QString(29, u'0') + u'1');
    ExactDecimal zero;
    QVERIFY(zero.add(*ExactDecimal::fromString(u"0."_s + QString(30, u'0'))));
    QCOMPARE(zero.scale(), 30);
    QVERIFY(zero.isZero());
    ExactDecimal negative = ExactDecimal::fromInteger(-5);
    QVERIFY(negative.add(*ExactDecimal::fromString(u"0.00001"_s)));
    QCOMPARE(negative.toString(), u"-4.99999"_s);
}

QTEST_GUILESS_MAIN(TestExactDecimal)
#include "tst_exactdecimal.moc"
