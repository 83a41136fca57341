#include "cdrtablemodel.h"
#include "columnsortkeys.h"
#include "plivodata.h"
#include "providers/plivo/plivoprovider.h"
#include "scriptedprovider.h"
#include "searchsession.h"
#include "simulator.h"
#include "tablemodelfixtures.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace TableModelFixtures;

// The table model's own sorting: every column type, ties, unset values, and a
// sort that holds while more pages arrive.
class TestTableModelSort final : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void decimalComparison_data();
    void decimalComparison();
    void sorting_data();
    void sorting();
    void sortWhilePartiallyLoaded();

private:
    std::unique_ptr<Loopback> m_loopback;
    PlivoProvider m_plivo;
};

void TestTableModelSort::init()
{
    m_loopback = std::make_unique<Loopback>();
    QVERIFY(m_loopback->listen());
}

void TestTableModelSort::cleanup()
{
    m_loopback.reset();
}

void TestTableModelSort::decimalComparison_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<int>("expected"); // -1, 0, 1; 2 = not comparable
    QTest::newRow("trailing zeros") << u"0.00200"_s << u"0.002"_s << 0;
    QTest::newRow("leading zeros") << u"00012.50"_s << u"12.5"_s << 0;
    QTest::newRow("signed zero") << u"-0.000"_s << u"0"_s << 0;
    QTest::newRow("integer vs fraction") << u"1"_s << u"0.999"_s << 1;
    QTest::newRow("negatives") << u"-1"_s << u"-0.5"_s << -1;
    QTest::newRow("sign") << u"-0.00001"_s << u"0"_s << -1;
    QTest::newRow("exponent") << u"1e3"_s << u"999"_s << 1;
    QTest::newRow("negative exponent") << u"25E-3"_s << u"0.025"_s << 0;
    QTest::newRow("beyond double") << u"0.1"_s << u"0.10000000000000000001"_s << -1;
    QTest::newRow("long integers") << u"12345678901234567890.1"_s << u"12345678901234567890.09"_s << 1;
    QTest::newRow("plus sign") << u"+3"_s << u"3.0"_s << 0;
    QTest::newRow("text") << u"abc"_s << u"1"_s << 2;
    QTest::newRow("empty") << QString() << u"1"_s << 2;
    QTest::newRow("two points") << u"1.2.3"_s << u"1"_s << 2;
}

void TestTableModelSort::decimalComparison()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(int, expected);
    const std::optional<int> result = compareDecimalText(a, b);
    if (expected == 2) {
        QVERIFY(!result);
        return;
    }
    QVERIFY(result);
    QCOMPARE(*result, expected);
    QCOMPARE(*compareDecimalText(b, a), -expected);
}

void TestTableModelSort::sorting_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<Qt::SortOrder>("order");
    QTest::addColumn<QStringList>("expected");

    const auto ids = [](const char *list) { return QString::fromLatin1(list).split(u' '); };
    // Ties keep the arrival order (c2 before c5); unset values go last both ways.
    QTest::newRow("time asc") << u"start_time"_s << Qt::AscendingOrder << ids("c6 c2 c5 c1 c4 c3");
    QTest::newRow("time desc") << u"start_time"_s << Qt::DescendingOrder << ids("c4 c1 c2 c5 c6 c3");
    QTest::newRow("answer asc") << u"answer_time"_s << Qt::AscendingOrder << ids("c5 c1 c4 c2 c3 c6");
    QTest::newRow("answer desc") << u"answer_time"_s << Qt::DescendingOrder << ids("c4 c1 c5 c2 c3 c6");
    QTest::newRow("text asc") << u"caller"_s << Qt::AscendingOrder << ids("c6 c1 c2 c5 c3 c4");
    QTest::newRow("text desc") << u"caller"_s << Qt::DescendingOrder << ids("c3 c2 c5 c1 c6 c4");
    QTest::newRow("decimal asc") << u"amount"_s << Qt::AscendingOrder << ids("c3 c1 c2 c5 c6 c4");
    QTest::newRow("decimal desc") << u"amount"_s << Qt::DescendingOrder << ids("c6 c2 c5 c1 c3 c4");
    QTest::newRow("seconds asc") << u"duration"_s << Qt::AscendingOrder << ids("c6 c3 c1 c5 c4 c2");
    QTest::newRow("seconds desc") << u"duration"_s << Qt::DescendingOrder << ids("c4 c1 c5 c3 c6 c2");
    // A JSON number in a native field sorts as a number: 5 < 64 < 3600.
    QTest::newRow("native number asc") << u"raw.call_duration"_s << Qt::AscendingOrder << ids("c6 c3 c1 c5 c4 c2");
}

void TestTableModelSort::sorting()
{
    QFETCH(QString, key);
    QFETCH(Qt::SortOrder, order);
    QFETCH(QStringList, expected);

    CdrTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    tester.setUseFetchMore(false);
    const ScriptedProvider provider(sortRows(), 10);
    QVERIFY(loadScripted(*m_loopback, model, provider));

    const int column = model.columnForKey(key);
    QVERIFY(column >= 0);
    // A selection must follow its row through the sort.
    const QPersistentModelIndex tracked(model.index(2, column));
    QCOMPARE(model.record(2).id, u"c3"_s);

    QSignalSpy layoutSpy(&model, &QAbstractItemModel::layoutChanged);
    model.sort(column, order);
    QCOMPARE(layoutSpy.count(), 1);
    QCOMPARE(idsOf(model), expected);
    QCOMPARE(model.sortColumn(), column);
    QVERIFY(tracked.isValid());
    QCOMPARE(model.record(tracked.row()).id, u"c3"_s);
    QCOMPARE(tracked.column(), column);
    QVERIFY(!model.sortCoversLoadedRowsOnly());
}

void TestTableModelSort::sortWhilePartiallyLoaded()
{
    CdrTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    tester.setUseFetchMore(false);
    SearchQuery query;
    query.since = simNow.addDays(-10);
    query.until = simNow;
    QSignalSpy finishedSpy(&model, &CdrTableModel::searchFinished);
    model.startSearch(m_loopback->session(m_plivo, query), m_plivo.id());
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 20, waitMs);
    QTRY_VERIFY(!model.isLoading());

    const int column = model.columnForKey(u"amount");
    QSignalSpy serverSortSpy(&model, &CdrTableModel::serverSortRequested);
    QVERIFY(model.headerData(column, Qt::Horizontal, Qt::ToolTipRole).toString().contains(u"loaded rows"_s));
    model.sort(column, Qt::DescendingOrder);
    QCOMPARE(serverSortSpy.count(), 0); // Plivo cannot sort on the server
    QVERIFY(model.sortCoversLoadedRowsOnly());
    QVERIFY(!model.sortedByServer());
    const QPersistentModelIndex top(model.index(0, 0));
    const QString topId = model.record(0).id;

    model.loadAll();
    QTRY_COMPARE_WITH_TIMEOUT(finishedSpy.count(), 1, waitMs);
    QVERIFY(!model.sortCoversLoadedRowsOnly());
    QCOMPARE(qint64(model.rowCount()), model.totalCount().value_or(-1));
    QVERIFY(top.isValid());
    QCOMPARE(model.record(top.row()).id, topId);

    // Rows that arrived while sorted went into place: the whole column is in
    // order, exactly, and equal amounts keep the server's order.
    QStringList serverOrder;
    for (const cdrsim::PlivoCall &call : cdrsim::generatePlivoCalls(1, simNow.toSecsSinceEpoch(), callCount)) {
        if (call.endTime >= query.since.toSecsSinceEpoch() && call.endTime < query.until.toSecsSinceEpoch())
            serverOrder.append(call.uuid);
    }
    QStringList ids = idsOf(model);
    for (int row = 1; row < model.rowCount(); ++row) {
        const QString above = model.record(row - 1).amount;
        const QString below = model.record(row).amount;
        const std::optional<int> c = compareDecimalText(above, below);
        QVERIFY2(c && *c >= 0, qPrintable(u"%1 before %2"_s.arg(above, below)));
        if (*c == 0)
            QVERIFY(serverOrder.indexOf(ids[row - 1]) < serverOrder.indexOf(ids[row]));
    }
    ids.sort();
    serverOrder.sort();
    QCOMPARE(ids, serverOrder);
}

QTEST_GUILESS_MAIN(TestTableModelSort)
#include "tst_tablemodel_sort.moc"
