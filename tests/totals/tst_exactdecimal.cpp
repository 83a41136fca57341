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

QTEST_GUILESS_MAIN(TestExactDecimal)
#include "tst_exactdecimal.moc"
