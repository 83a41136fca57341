#include "calltotals.h"
#include "cdrrecord.h"

#include <QTest>

#include <vector>

using namespace Qt::StringLiterals;

namespace {

CdrRecord call(std::optional<qint64> duration, std::optional<qint64> billed, const QString &amount,
    const QString &currency = u"USD"_s)
{
    CdrRecord record;
    record.duration = duration;
    record.billedDuration = billed;
    record.amount = amount;
    record.currency = currency;
    return record;
}

} // namespace

class TestCallTotals final : public QObject {
    Q_OBJECT

private slots:
    void emptyHasNoAverage();
    void addsPerCurrency();
    void missingValuesAreCountedApart();
    void averageRounds_data();
    void averageRounds();
    void mergeEqualsAddingEverything();
    void millionAmountsSumExactly();
};

void TestCallTotals::emptyHasNoAverage()
{
    const CallTotals totals;
    QCOMPARE(totals.rows(), 0);
    QVERIFY(!totals.averageBilled());
    QVERIFY(totals.amounts().empty());
}

void TestCallTotals::addsPerCurrency()
{
    CallTotals totals;
    totals.add(call(60, 60, u"0.01000"_s));
    totals.add(call(61, 120, u"0.02000"_s, u"EUR"_s));
    totals.add(call(5, 6, u"1.5"_s));
    totals.add(call(1, 1, u"-0.00001"_s, u"EUR"_s));
    QCOMPARE(totals.rows(), 4);
    QCOMPARE(totals.amounts().size(), size_t(2));
    QCOMPARE(totals.amounts()[0].currency, u"USD"_s); // order first seen
    QCOMPARE(totals.amount(u"USD"_s)->total.toString(), u"1.51000"_s);
    QCOMPARE(totals.amount(u"USD"_s)->rows, 2);
    QCOMPARE(totals.amount(u"EUR"_s)->total.toString(), u"0.01999"_s);
    QCOMPARE(totals.amountRows(), 4);
    QVERIFY(!totals.amount(u"GBP"_s));
    QCOMPARE(totals.duration(), 127);
    QCOMPARE(totals.billed(), 187);
    QCOMPARE(totals.difference(), 60);
}

void TestCallTotals::missingValuesAreCountedApart()
{
    CallTotals totals;
    totals.add(call(30, 60, u"0.5"_s));
    totals.add(call(std::nullopt, 60, QString())); // unanswered leg with a minimum charge, no amount
    totals.add(call(10, std::nullopt, u"n/a"_s)); // amount text that is no number
    totals.add(call(std::nullopt, std::nullopt, u"0.25"_s, QString())); // no currency named
    QCOMPARE(totals.rows(), 4);
    QCOMPARE(totals.durationRows(), 2);
    QCOMPARE(totals.duration(), 40);
    QCOMPARE(totals.billedRows(), 2);
    QCOMPARE(totals.billed(), 120);
    QCOMPARE(totals.pairedRows(), 1); // only the first call has both
    QCOMPARE(totals.difference(), 30);
    QCOMPARE(totals.amountRows(), 2); // "2 of 4 calls have an amount"
    QCOMPARE(totals.unreadableAmountRows(), 1);
    QCOMPARE(totals.amount(QString())->total.toString(), u"0.25"_s);
    QCOMPARE(*totals.averageBilled(), 60); // over the calls that have a billed duration
}

void TestCallTotals::averageRounds_data()
{
    QTest::addColumn<QList<qint64>>("billed");
    QTest::addColumn<qint64>("average");
    QTest::newRow("exact") << QList<qint64>{60, 120} << qint64(90);
    QTest::newRow("half up") << QList<qint64>{1, 2} << qint64(2);
    QTest::newRow("below half") << QList<qint64>{1, 1, 2} << qint64(1);
    QTest::newRow("above half") << QList<qint64>{1, 2, 2} << qint64(2);
    QTest::newRow("negative half away from zero") << QList<qint64>{-1, -2} << qint64(-2);
}

void TestCallTotals::averageRounds()
{
    QFETCH(QList<qint64>, billed);
    QFETCH(qint64, average);
    CallTotals totals;
    for (qint64 seconds : std::as_const(billed))
        totals.add(call(std::nullopt, seconds, QString()));
    QCOMPARE(*totals.averageBilled(), average);
}

void TestCallTotals::mergeEqualsAddingEverything()
{
    const std::vector<CdrRecord> calls = {call(1, 60, u"0.1"_s), call(2, std::nullopt, u"0.002"_s, u"EUR"_s),
        call(std::nullopt, 6, u"x"_s), call(4, 4, u"-0.05"_s)};
    CallTotals all;
    CallTotals first;
    CallTotals second;
    for (size_t i = 0; i < calls.size(); ++i) {
        all.add(calls[i]);
        (i < 2 ? first : second).add(calls[i]);
    }
    first.merge(second);
    QCOMPARE(first.rows(), all.rows());
    QCOMPARE(first.duration(), all.duration());
    QCOMPARE(first.billed(), all.billed());
    QCOMPARE(first.difference(), all.difference());
    QCOMPARE(first.pairedRows(), all.pairedRows());
    QCOMPARE(first.unreadableAmountRows(), all.unreadableAmountRows());
    QCOMPARE(first.amount(u"USD"_s)->total, all.amount(u"USD"_s)->total);
    QCOMPARE(first.amount(u"EUR"_s)->total, all.amount(u"EUR"_s)->total);
}

void TestCallTotals::millionAmountsSumExactly()
{
    // A million amounts with five decimals add up to the exact sum of their digits.
    // (How long the pass takes belongs in the benchmark program, not in a test.)
    std::vector<CdrRecord> calls(1000000);
    qint64 expectedUnits = 0; // hundred-thousandths, summed from the digits
    for (size_t i = 0; i < calls.size(); ++i) {
        const qint64 units = qint64(i % 99991);
        calls[i].duration = qint64(i % 600);
        calls[i].billedDuration = qint64(i % 600 + 59) / 60 * 60;
        calls[i].amount = u"%1.%2"_s.arg(units / 100000).arg(units % 100000, 5, 10, QLatin1Char('0'));
        calls[i].currency = u"USD"_s;
        expectedUnits += units;
    }
    CallTotals totals;
    for (const CdrRecord &record : calls)
        totals.add(record);
    QCOMPARE(totals.rows(), 1000000);
    const QString expected
        = u"%1.%2"_s.arg(expectedUnits / 100000).arg(expectedUnits % 100000, 5, 10, QLatin1Char('0'));
    QCOMPARE(totals.amount(u"USD"_s)->total.toString(), expected);
}

QTEST_GUILESS_MAIN(TestCallTotals)
#include "tst_calltotals.moc"
