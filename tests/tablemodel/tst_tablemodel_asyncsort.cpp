#include "cdrtablemodel.h"
#include "columnsortkeys.h"
#include "scriptedprovider.h"
#include "searchsession.h"
#include "simulator.h"
#include "tablemodelfixtures.h"

#include <QAbstractItemModelTester>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <limits>
#include <memory>
#include <numeric>

using namespace Qt::StringLiterals;
using namespace TableModelFixtures;

namespace {

constexpr qsizetype alwaysInBackground = 0;
constexpr qsizetype neverInBackground = std::numeric_limits<qsizetype>::max();

// What a column sorts by, computed here the plain way, for a reference stable_sort.
struct ReferenceKey {
    enum Rank { Number, Text, Unset };
    Rank rank = Unset;
    qint64 number = 0;
    QString decimal;   // exact comparison through compareDecimalText
    QString text;      // case-folded
};

ReferenceKey decimalKey(const QString &input)
{
    ReferenceKey key;
    const QString trimmed = input.trimmed();
    if (trimmed.isEmpty())
        return key;
    if (compareDecimalText(trimmed, u"0")) {
        key.rank = ReferenceKey::Number;
        key.decimal = trimmed;
    } else {
        key.rank = ReferenceKey::Text;
        key.text = trimmed.toCaseFolded();
    }
    return key;
}

ReferenceKey referenceKey(const Row &row, const QString &column)
{
    ReferenceKey key;
    if (column == "caller"_L1 || column == "id"_L1 || column == "raw.call_uuid"_L1) {
        const QString text = column == "caller"_L1 ? row.caller : row.id;
        if (!text.isEmpty()) {
            key.rank = ReferenceKey::Text;
            key.text = text.toCaseFolded();
        }
    } else if (column == "start_time"_L1) {
        if (row.start.isValid()) {
            key.rank = ReferenceKey::Number;
            key.number = row.start.toMSecsSinceEpoch();
        }
    } else if (column == "duration"_L1) {
        if (row.duration) {
            key.rank = ReferenceKey::Number;
            key.number = *row.duration;
        }
    } else if (column == "raw.call_duration"_L1) {
        if (row.duration)
            key = decimalKey(QString::number(*row.duration));
    } else if (column == "amount"_L1) {
        key = decimalKey(row.amount);
    }
    return key;
}

int compareKeys(const ReferenceKey &a, const ReferenceKey &b)
{
    if (a.rank != b.rank)
        return a.rank < b.rank ? -1 : 1;
    if (a.rank == ReferenceKey::Text)
        return a.text.compare(b.text);
    if (!a.decimal.isEmpty())
        return *compareDecimalText(a.decimal, b.decimal);
    return a.number < b.number ? -1 : (a.number > b.number ? 1 : 0);
}

// Each row's place among the distinct values of `column` (-1: unset), so that
// the reference sorts compare integers.
std::vector<int> referenceRanks(const QList<Row> &rows, const QString &column)
{
    std::vector<ReferenceKey> keys;
    keys.reserve(size_t(rows.size()));
    for (const Row &row : rows)
        keys.push_back(referenceKey(row, column));
    std::vector<int> set;
    for (int i = 0; i < int(keys.size()); ++i) {
        if (keys[size_t(i)].rank != ReferenceKey::Unset)
            set.push_back(i);
    }
    std::sort(set.begin(), set.end(), [&](int a, int b) { return compareKeys(keys[size_t(a)], keys[size_t(b)]) < 0; });
    std::vector<int> ranks(keys.size(), -1);
    int rank = 0;
    for (size_t i = 0; i < set.size(); ++i) {
        if (i > 0 && compareKeys(keys[size_t(set[i - 1])], keys[size_t(set[i])]) != 0)
            ++rank;
        ranks[size_t(set[i])] = rank;
    }
    return ranks;
}

// `current` (indexes into rows) stably sorted the way the model must: unset last both ways.
std::vector<int> referenceSort(const std::vector<int> &ranks, std::vector<int> current, Qt::SortOrder order)
{
    std::stable_sort(current.begin(), current.end(), [&](int a, int b) {
        const int left = ranks[size_t(a)];
        const int right = ranks[size_t(b)];
        if (left < 0 || right < 0)
            return left >= 0 && right < 0;
        return order == Qt::AscendingOrder ? left < right : left > right;
    });
    return current;
}

// Rows that stress every key: ties, unset values, case, text beyond the fixed
// 16-byte prefix, non-ASCII, NUL, and decimals beyond the exact fixed-width range.
QList<Row> generatedRows(int count)
{
    QRandomGenerator random(20261125);
    const QStringList words{u"alice"_s, u"ALICE"_s, u"Bob"_s, u"\u00c4rger"_s, u"\u00e4rger"_s, u"stra\u00dfe"_s,
        u"STRASSE"_s, u"\u03a9mega"_s, u"\u03c9mega"_s, u"\u65e5\u672c"_s, u"\U0001F600smile"_s, u"0123456789abcdef"_s,
        u"0123456789ABCDEF0"_s, u"customer-account-"_s, QStringView(u"a\0b", 3).toString()};
    const QStringList amounts{u"0.00200"_s, u"0.002"_s, u"-0.000"_s, u"1e3"_s, u"25E-3"_s, u"0.1"_s,
        u"0.10000000000000000001"_s, u"0.1000000000000000000001"_s, u"-0.0000000000000000000001"_s,
        u"0.0000000000000000000001"_s, u"12345678901234567890.1"_s, u"12345678901234567890.09"_s,
        u"-98765432109876543210987"_s, u"+3"_s, u" 0.5 "_s, u"n/a"_s, u"Free"_s, u" FREE "_s, u"1.2.3"_s, QString()};
    const QDateTime base = utc(2024, 1, 1, 0, 0);
    QList<Row> rows;
    rows.reserve(count);
    for (int i = 0; i < count; ++i) {
        Row row;
        row.id = u"%1-%2-4%3"_s.arg(random.bounded(1 << 20), 5, 16, QLatin1Char('0'))
                     .arg(random.bounded(4096), 3, 16, QLatin1Char('0'))
                     .arg(i, 12, 16, QLatin1Char('0'));
        if (random.bounded(20) != 0)
            row.start = base.addMSecs(qint64(random.bounded(30 * 86400)) * 1000 + random.bounded(3) * 250);
        switch (random.bounded(4)) {
        case 0:
            row.caller = u"+1555%1"_s.arg(random.bounded(100000));
            break;
        case 1:
            row.caller = words[random.bounded(int(words.size()))];
            break;
        case 2:
            row.caller = words[random.bounded(int(words.size()))] + QString::number(random.bounded(50));
            break;
        default:
            row.caller = random.bounded(3) == 0 ? QString() : u"Customer-Account-%1"_s.arg(random.bounded(1000));
            break;
        }
        if (random.bounded(3) == 0)
            row.amount = amounts[random.bounded(int(amounts.size()))];
        else
            row.amount = u"%1%2.%3"_s.arg(random.bounded(10) == 0 ? u"-"_s : QString())
                             .arg(random.bounded(1000))
                             .arg(random.bounded(100000), random.bounded(1, 6), 10, QLatin1Char('0'));
        if (random.bounded(10) != 0)
            row.duration = qint64(random.bounded(-5, 5000));
        rows.append(row);
    }
    return rows;
}

std::vector<CdrRecord> recordsOf(const QList<Row> &rows)
{
    std::vector<CdrRecord> records;
    records.reserve(size_t(rows.size()));
    for (const Row &row : rows)
        records.push_back(toRecord(row));
    return records;
}

QStringList idsAt(const QList<Row> &rows, const std::vector<int> &order)
{
    QStringList ids;
    for (const int index : order)
        ids.append(rows[index].id);
    return ids;
}

} // namespace

// Sorting on a worker thread: it lands in one layout change, gives way to a
// reset or a newer sort, takes in rows that arrived meanwhile, and orders every
// column type exactly like a plain stable_sort of the plain values.
class TestTableModelAsyncSort final : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void backgroundSortCompletes();
    void resetDiscardsRunningSort();
    void newerSortWins();
    void rowsArrivingDuringSortGoIntoPlace_data();
    void rowsArrivingDuringSortGoIntoPlace();
    void matchesReferenceSort_data();
    void matchesReferenceSort();

private:
    // Starts a search over `initial` (only its first page loaded) and returns when it is in the model.
    bool startWith(CdrTableModel &model, const ScriptedProvider &provider, int expectedRows);
    static void deliver(CdrTableModel &model, const std::vector<CdrRecord> &rows);

    std::unique_ptr<Loopback> m_loopback;
};

void TestTableModelAsyncSort::init()
{
    m_loopback = std::make_unique<Loopback>();
    QVERIFY(m_loopback->listen());
}

void TestTableModelAsyncSort::cleanup()
{
    m_loopback.reset();
}

bool TestTableModelAsyncSort::startWith(CdrTableModel &model, const ScriptedProvider &provider, int expectedRows)
{
    model.startSearch(m_loopback->session(provider), provider.id());
    QSignalSpy rows(&model, &QAbstractItemModel::rowsInserted);
    while (model.rowCount() < expectedRows) {
        if (!rows.wait(waitMs))
            return false;
    }
    return model.rowCount() == expectedRows;
}

// Rows as the session delivers a page, without a round trip, so a test decides
// exactly when they arrive relative to the worker.
void TestTableModelAsyncSort::deliver(CdrTableModel &model, const std::vector<CdrRecord> &rows)
{
    emit model.session()->rowsArrived(rows);
}

void TestTableModelAsyncSort::backgroundSortCompletes()
{
    CdrTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    tester.setUseFetchMore(false);
    model.setBackgroundSortThreshold(alwaysInBackground);
    const ScriptedProvider provider(sortRows(), 10);
    QVERIFY(loadScripted(*m_loopback, model, provider));

    const int column = model.columnForKey(u"caller");
    const QPersistentModelIndex tracked(model.index(2, column));
    QSignalSpy layoutSpy(&model, &QAbstractItemModel::layoutChanged);
    model.sort(column, Qt::AscendingOrder);
    // Nothing moves until the worker is done; the view keeps working meanwhile.
    QVERIFY(model.isSorting());
    QCOMPARE(layoutSpy.count(), 0);
    QCOMPARE(model.sortColumn(), -1);
    QCOMPARE(idsOf(model), QStringList({u"c1"_s, u"c2"_s, u"c3"_s, u"c4"_s, u"c5"_s, u"c6"_s}));

    QVERIFY(layoutSpy.wait(waitMs));
    QCOMPARE(layoutSpy.count(), 1);
    QVERIFY(!model.isSorting());
    QCOMPARE(idsOf(model), QString::fromLatin1("c6 c1 c2 c5 c3 c4").split(u' '));
    QCOMPARE(model.sortColumn(), column);
    QCOMPARE(model.sortOrder(), Qt::AscendingOrder);
    QVERIFY(tracked.isValid());
    QCOMPARE(model.record(tracked.row()).id, u"c3"_s);

    // The same column the other way reuses the keys; ties keep the current order.
    model.sort(column, Qt::DescendingOrder);
    QVERIFY(layoutSpy.wait(waitMs));
    QCOMPARE(idsOf(model), QString::fromLatin1("c3 c2 c5 c1 c6 c4").split(u' '));
    QCOMPARE(model.record(tracked.row()).id, u"c3"_s);
}

void TestTableModelAsyncSort::resetDiscardsRunningSort()
{
    CdrTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    tester.setUseFetchMore(false);
    model.setBackgroundSortThreshold(alwaysInBackground);
    const ScriptedProvider first(sortRows(), 10);
    QVERIFY(loadScripted(*m_loopback, model, first));

    QSignalSpy layoutSpy(&model, &QAbstractItemModel::layoutChanged);
    model.sort(model.columnForKey(u"amount"), Qt::DescendingOrder);
    QVERIFY(model.isSorting());
    model.clear();
    QVERIFY(!model.isSorting());
    QCOMPARE(model.rowCount(), 0);

    // A new search and sort: the old result, finished or not, never lands on these rows.
    const ScriptedProvider second(numberedRows(u"n"_s, 30), 10);
    QVERIFY(loadScripted(*m_loopback, model, second));
    const int column = model.columnForKey(u"duration");
    model.sort(column, Qt::DescendingOrder);
    QVERIFY(layoutSpy.wait(waitMs));
    QCOMPARE(layoutSpy.count(), 1);
    QCOMPARE(model.rowCount(), 30);
    QCOMPARE(model.sortColumn(), column);
    QCOMPARE(model.record(0).id, u"n-029"_s);
    QVERIFY(!model.record(29).duration); // unset last
}

void TestTableModelAsyncSort::newerSortWins()
{
    CdrTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    tester.setUseFetchMore(false);
    model.setBackgroundSortThreshold(alwaysInBackground);
    const ScriptedProvider provider(sortRows(), 10);
    QVERIFY(loadScripted(*m_loopback, model, provider));

    QSignalSpy layoutSpy(&model, &QAbstractItemModel::layoutChanged);
    model.sort(model.columnForKey(u"caller"), Qt::AscendingOrder);
    model.sort(model.columnForKey(u"start_time"), Qt::DescendingOrder);
    QVERIFY(layoutSpy.wait(waitMs));
    QCOMPARE(model.sortColumn(), model.columnForKey(u"start_time"));
    QCOMPARE(idsOf(model), QString::fromLatin1("c4 c1 c2 c5 c6 c3").split(u' '));
    QVERIFY(!model.isSorting());
    // Back to arrival order cancels nothing more and moves everything back.
    model.sort(-1);
    QCOMPARE(idsOf(model), QString::fromLatin1("c1 c2 c3 c4 c5 c6").split(u' '));
    QCOMPARE(layoutSpy.count(), 2);
}

void TestTableModelAsyncSort::rowsArrivingDuringSortGoIntoPlace_data()
{
    QTest::addColumn<int>("late");
    QTest::addColumn<bool>("sortedBefore");
    QTest::newRow("a page") << 25 << false;
    QTest::newRow("a page, same column again") << 25 << true;
    // More than the GUI thread should key when the result lands: the sort runs again.
    QTest::newRow("many rows") << 60000 << false;
}

void TestTableModelAsyncSort::rowsArrivingDuringSortGoIntoPlace()
{
    QFETCH(int, late);
    QFETCH(bool, sortedBefore);

    CdrTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    tester.setUseFetchMore(false);
    const QList<Row> all = generatedRows(20 + late);
    // Only the first page of 20 comes over HTTP; the rest is delivered below.
    const ScriptedProvider provider(all.mid(0, 20) + QList<Row>(10, Row{u"never"_s}), 20);
    QVERIFY(startWith(model, provider, 20));
    QTRY_VERIFY(!model.isLoading());

    const int column = model.columnForKey(u"amount");
    QSignalSpy layoutSpy(&model, &QAbstractItemModel::layoutChanged);
    if (sortedBefore) {
        model.sort(column, Qt::AscendingOrder); // below the threshold: sorted at once
        QCOMPARE(layoutSpy.count(), 1);
        layoutSpy.clear();
    }
    model.setBackgroundSortThreshold(alwaysInBackground);
    model.sort(column, Qt::DescendingOrder);
    QVERIFY(model.isSorting());
    deliver(model, recordsOf(all.mid(20)));
    QCOMPARE(model.rowCount(), 20 + late);
    QTRY_VERIFY_WITH_TIMEOUT(!model.isSorting(), waitMs);
    QCOMPARE(model.sortColumn(), column);
    QCOMPARE(model.sortOrder(), Qt::DescendingOrder);

    std::vector<int> arrival(size_t(all.size()));
    std::iota(arrival.begin(), arrival.end(), 0);
    const std::vector<int> ranks = referenceRanks(all, u"amount"_s);
    if (sortedBefore) {
        // The first 20 were in ascending order; late rows came after them.
        std::vector<int> first(arrival.begin(), arrival.begin() + 20);
        first = referenceSort(ranks, first, Qt::AscendingOrder);
        std::copy(first.begin(), first.end(), arrival.begin());
    }
    QCOMPARE(idsOf(model), idsAt(all, referenceSort(ranks, arrival, Qt::DescendingOrder)));
}

void TestTableModelAsyncSort::matchesReferenceSort_data()
{
    QTest::addColumn<qsizetype>("threshold");
    QTest::newRow("in the background") << alwaysInBackground;
    QTest::newRow("on the GUI thread") << neverInBackground;
}

void TestTableModelAsyncSort::matchesReferenceSort()
{
    QFETCH(qsizetype, threshold);

    CdrTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    tester.setUseFetchMore(false);
    model.setBackgroundSortThreshold(threshold);
    const ScriptedProvider provider({Row{u"first"_s}}, 10);
    QVERIFY(startWith(model, provider, 1));
    QTRY_VERIFY(model.allLoaded());
    QList<Row> all = generatedRows(100000);
    deliver(model, recordsOf(all));
    all.prepend(Row{u"first"_s});
    QCOMPARE(model.rowCount(), 100001);

    std::vector<int> expected(size_t(all.size()));
    std::iota(expected.begin(), expected.end(), 0);
    const QStringList keys{u"caller"_s, u"id"_s, u"start_time"_s, u"duration"_s, u"amount"_s,
        u"raw.call_duration"_s, u"raw.call_uuid"_s};
    // Each column ascending, then descending with its keys reused; each sort is stable on the last.
    for (const QString &key : keys) {
        const int column = model.columnForKey(key);
        QVERIFY(column >= 0);
        const std::vector<int> ranks = referenceRanks(all, key);
        for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
            model.sort(column, order);
            QTRY_VERIFY_WITH_TIMEOUT(!model.isSorting(), waitMs);
            expected = referenceSort(ranks, expected, order);
            QVERIFY2(idsOf(model) == idsAt(all, expected), qPrintable(key));
        }
    }
}

QTEST_GUILESS_MAIN(TestTableModelAsyncSort)
#include "tst_tablemodel_asyncsort.moc"
