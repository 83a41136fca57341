#include "cdrtablemodel.h"
#include "columnsortkeys.h"
#include "plivodata.h"
#include "providers/plivo/plivoprovider.h"
#include "searchsession.h"
#include "simulator.h"
#include "tablemodelfixtures.h"

#include <QAbstractItemModelTester>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace TableModelFixtures;

namespace {

QDateTime utc(int y, int mo, int d, int h, int mi, int s = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s), QTimeZone::utc());
}

// A row for the scripted provider: only what the sorting and role tests look at.
struct Row {
    QString id;
    QDateTime start;
    QDateTime answer;
    QString caller;
    QString amount;
    std::optional<qint64> duration;
    QString extraField; // a native field only some rows carry
};

CdrRecord toRecord(const Row &row)
{
    CdrRecord record;
    record.id = row.id;
    record.startTime = row.start;
    record.answerTime = row.answer;
    record.caller = row.caller;
    record.amount = row.amount;
    record.duration = row.duration;
    record.native.append({u"call_uuid"_s, {NativeValue::Kind::String, row.id}});
    record.native.append({u"call_duration"_s,
        row.duration ? NativeValue{NativeValue::Kind::Number, QString::number(*row.duration)} : NativeValue{}});
    if (!row.extraField.isEmpty())
        record.native.append({row.extraField, {NativeValue::Kind::String, u"x"_s}});
    return record;
}

// Sends real Plivo requests to the simulator but answers each page with scripted
// rows, found by the offset the server echoes in meta: the model sees exactly
// the records a test needs, still over real HTTP.
class ScriptedProvider final : public Provider {
public:
    ScriptedProvider(QList<Row> rows, int pageSize)
        : m_pageSize(pageSize)
    {
        for (const Row &row : rows)
            m_rows.push_back(toRecord(row));
    }

    QString id() const override { return u"scripted"_s; }
    QString displayName() const override { return u"Scripted"_s; }
    ProfileFieldLabels profileFields() const override { return {}; }
    QList<FilterSpec> filters() const override { return {}; }
    TimeRangePolicy timeRange() const override { return m_plivo.timeRange(); }
    QList<FieldError> validate(const SearchQuery &, const QDateTime &) const override { return {}; }
    PagingPolicy paging() const override { return {m_pageSize, 4, 0, 0ms, true}; }
    HttpRequest pageRequest(
        const Connection &connection, const SearchQuery &query, qint64 offset, int limit) const override
    {
        return m_plivo.pageRequest(connection, query, offset, limit);
    }
    PageResult parsePage(const QByteArray &body) const override
    {
        const QJsonObject meta = QJsonDocument::fromJson(body).object().value("meta"_L1).toObject();
        const qsizetype offset = qsizetype(meta.value("offset"_L1).toInteger());
        PageResult page;
        page.total = qint64(m_rows.size());
        for (qsizetype i = offset; i < qsizetype(m_rows.size()) && i < offset + m_pageSize; ++i)
            page.rows.push_back(m_rows[size_t(i)]);
        return page;
    }
    HttpRequest recordRequest(const Connection &connection, const QString &id) const override
    {
        return m_plivo.recordRequest(connection, id);
    }
    RecordResult parseRecord(const QByteArray &) const override { return {}; }
    ApiError errorFromReply(int httpStatus, const QByteArray &body) const override
    {
        return m_plivo.errorFromReply(httpStatus, body);
    }
    QList<FieldExplanation> explain(const CdrRecord &) const override { return {}; }
    QStringList defaultColumns() const override { return unifiedColumnKeys(); }

private:
    PlivoProvider m_plivo;
    std::vector<CdrRecord> m_rows;
    int m_pageSize;
};

// Six calls with ties, unset values, mixed case and decimals that a double would blur.
QList<Row> sortRows()
{
    return {
        {u"c1"_s, utc(2024, 1, 1, 10, 0), utc(2024, 1, 1, 10, 0, 5), u"+4915"_s, u"0.00200"_s, 64, {}},
        {u"c2"_s, utc(2024, 1, 1, 9, 0), {}, u"alice"_s, u"0.1"_s, std::nullopt, {}},
        {u"c3"_s, {}, {}, u"Bob"_s, u"-0.5"_s, 5, {}},
        {u"c4"_s, utc(2024, 1, 1, 11, 0), utc(2024, 1, 1, 11, 0, 3), QString(), QString(), 3600, {}},
        {u"c5"_s, utc(2024, 1, 1, 9, 0), utc(2024, 1, 1, 9, 0, 10), u"ALICE"_s, u"0.10000"_s, 64, {}},
        {u"c6"_s, utc(2023, 12, 31, 23, 59, 59), {}, u"+0044"_s, u"10"_s, 0, {}},
    };
}

QList<Row> numberedRows(const QString &prefix, int count, int extraFrom = -1)
{
    QList<Row> rows;
    for (int i = 0; i < count; ++i) {
        rows.append(
            {u"%1-%2"_s.arg(prefix).arg(i, 3, 10, QLatin1Char('0')), utc(2024, 1, 1, 0, 0).addSecs(i * 37 % 1000), {},
                u"+1555%1"_s.arg(i % 7), u"0.%1"_s.arg(i % 5), i % 4 == 0 ? std::nullopt : std::optional<qint64>(i),
                extraFrom >= 0 && i >= extraFrom ? u"brand_new_field"_s : QString()});
    }
    return rows;
}

} // namespace

class TestTableModel final : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void decimalComparison_data();
    void decimalComparison();
    void modelTesterWithScriptedPages();
    void modelTesterWithFetchMore();
    void sorting_data();
    void sorting();
    void sortWhilePartiallyLoaded();
    void rawColumnsAppear();
    void replaceRecordKeepsRowAndSort();
    void roles();
    void newSearchDropsLateRows();
    void failureStopsFetchMore();

private:
    std::unique_ptr<SearchSession> session(const Provider &provider, const SearchQuery &query = {},
        const QString &secret = cdrsim::Simulator::demoAccount().authToken);
    void loadScripted(CdrTableModel &model, const ScriptedProvider &provider);

    std::unique_ptr<cdrsim::Simulator> m_simulator;
    std::unique_ptr<QNetworkAccessManager> m_network;
    PlivoProvider m_plivo;
};

void TestTableModel::init()
{
    m_simulator = makeSimulator();
    QVERIFY(m_simulator->listen(0));
    m_network = std::make_unique<QNetworkAccessManager>();
}

void TestTableModel::cleanup()
{
    m_network.reset();
    m_simulator.reset();
}

std::unique_ptr<SearchSession> TestTableModel::session(
    const Provider &provider, const SearchQuery &query, const QString &secret)
{
    const Connection connection{m_simulator->baseUrl(), cdrsim::Simulator::demoAccount().authId, secret};
    return std::make_unique<SearchSession>(
        *m_network, provider, connection, query.resolved(simNow, provider.timeRange()));
}

void TestTableModel::loadScripted(CdrTableModel &model, const ScriptedProvider &provider)
{
    QSignalSpy finishedSpy(&model, &CdrTableModel::searchFinished);
    model.startSearch(session(provider), provider.id());
    model.loadAll();
    QTRY_COMPARE_WITH_TIMEOUT(finishedSpy.count(), 1, waitMs);
    QVERIFY(model.allLoaded());
}

void TestTableModel::decimalComparison_data()
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

void TestTableModel::decimalComparison()
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

void TestTableModel::modelTesterWithScriptedPages()
{
    CdrTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    tester.setUseFetchMore(false);

    const ScriptedProvider provider(numberedRows(u"r"_s, 45, 30), 10);
    loadScripted(model, provider);
    QCOMPARE(model.rowCount(), 45);
    const QStringList numberedIds = idsOf(model);
    QCOMPARE(numberedIds.first(), u"r-000"_s);
    QCOMPARE(numberedIds.last(), u"r-044"_s);
    QCOMPARE(model.totalCount(), std::optional<qint64>(45));

    for (const QString &key : {u"start_time"_s, u"caller"_s, u"amount"_s, u"duration"_s, u"raw.call_duration"_s}) {
        model.sort(model.columnForKey(key), Qt::AscendingOrder);
        model.sort(model.columnForKey(key), Qt::DescendingOrder);
    }
    QStringList sorted = idsOf(model);
    sorted.sort();
    QCOMPARE(sorted, numberedIds); // still every row once
    model.sort(-1);
    QCOMPARE(idsOf(model), numberedIds); // back in arrival order

    // A second search resets under the tester's eyes; a sort on a native column
    // does not survive it (the columns may differ), a sort on a unified one does.
    model.sort(model.columnForKey(u"raw.brand_new_field"), Qt::AscendingOrder);
    const ScriptedProvider second(numberedRows(u"s"_s, 12), 10);
    loadScripted(model, second);
    QCOMPARE(model.rowCount(), 12);
    QCOMPARE(model.sortColumn(), -1);
    model.sort(model.columnForKey(u"caller"), Qt::DescendingOrder);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), int(unifiedColumnKeys().size()));
    QCOMPARE(model.sortColumn(), model.columnForKey(u"caller"));
    QVERIFY(!model.session());
    QVERIFY(!model.canFetchMore({}));
    loadScripted(model, second);
    QCOMPARE(model.record(0).caller, u"+15556"_s);   // sorted as the rows arrived
}

void TestTableModel::modelTesterWithFetchMore()
{
    CdrTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);

    SearchQuery query;
    query.since = simNow.addDays(-4);
    query.until = simNow;
    model.startSearch(session(m_plivo, query), m_plivo.id());
    QVERIFY(model.isLoading());
    QVERIFY(!model.canFetchMore({})); // page 1 is on its way
    // The tester itself calls fetchMore() after each change, so more than one page may come.
    QTRY_VERIFY_WITH_TIMEOUT(model.rowCount() >= 20, waitMs);
    const qint64 total = model.totalCount().value_or(-1);
    QVERIFY(total > 60);

    // Scroll as a view would, until nothing is left.
    while (!model.allLoaded()) {
        QTRY_VERIFY_WITH_TIMEOUT(model.canFetchMore({}) || model.allLoaded(), waitMs);
        if (model.canFetchMore({}))
            model.fetchMore({});
    }
    QCOMPARE(model.rowCount(), int(total));
    QCOMPARE(m_simulator->requestCount(), int((total + 19) / 20)); // one request a page, none wasted
    QVERIFY(!model.canFetchMore({}));
    QVERIFY(model.columnForKey(u"raw.call_uuid") >= int(unifiedColumnKeys().size()));

    // Every call once, in the server's order.
    QStringList expected;
    for (const cdrsim::PlivoCall &call : cdrsim::generatePlivoCalls(1, simNow.toSecsSinceEpoch(), callCount)) {
        if (call.endTime >= query.since.toSecsSinceEpoch() && call.endTime < query.until.toSecsSinceEpoch())
            expected.append(call.uuid);
    }
    QCOMPARE(idsOf(model), expected);

    model.sort(model.columnForKey(u"end_time"), Qt::AscendingOrder);
    QVERIFY(!model.sortCoversLoadedRowsOnly());
}

void TestTableModel::sorting_data()
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

void TestTableModel::sorting()
{
    QFETCH(QString, key);
    QFETCH(Qt::SortOrder, order);
    QFETCH(QStringList, expected);

    CdrTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    tester.setUseFetchMore(false);
    const ScriptedProvider provider(sortRows(), 10);
    loadScripted(model, provider);

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

void TestTableModel::sortWhilePartiallyLoaded()
{
    CdrTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    tester.setUseFetchMore(false);
    SearchQuery query;
    query.since = simNow.addDays(-10);
    query.until = simNow;
    QSignalSpy finishedSpy(&model, &CdrTableModel::searchFinished);
    model.startSearch(session(m_plivo, query), m_plivo.id());
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

void TestTableModel::rawColumnsAppear()
{
    CdrTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    tester.setUseFetchMore(false);
    const ScriptedProvider provider(numberedRows(u"r"_s, 20, 15), 10);
    QSignalSpy columnsSpy(&model, &CdrTableModel::columnsChanged);

    const int unified = int(unifiedColumnKeys().size());
    model.startSearch(session(provider), provider.id());
    QCOMPARE(model.columnCount(), unified);
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 10, waitMs);
    QCOMPARE(model.columnCount(), unified + 2);
    QCOMPARE(model.columnForKey(u"raw.call_uuid"), unified);
    QCOMPARE(model.columnForKey(u"raw.call_duration"), unified + 1);
    QCOMPARE(model.columnForKey(u"raw.brand_new_field"), -1);
    const int seen = int(columnsSpy.count());
    QVERIFY(seen >= 1);

    QTRY_VERIFY_WITH_TIMEOUT(model.canFetchMore({}), waitMs);
    model.fetchMore({});
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 20, waitMs);
    const int fresh = model.columnForKey(u"raw.brand_new_field");
    QCOMPARE(fresh, unified + 2);
    QCOMPARE(columnsSpy.count(), seen + 1);
    QCOMPARE(
        model.headerData(fresh, Qt::Horizontal, CdrTableModel::ColumnKeyRole).toString(), u"raw.brand_new_field"_s);
    QCOMPARE(model.headerData(fresh, Qt::Horizontal).toString(), u"raw.brand_new_field"_s);
    QCOMPARE(model.data(model.index(0, fresh)).toString(), QString());
    QCOMPARE(model.data(model.index(19, fresh)).toString(), u"x"_s);
    QVERIFY(!model.data(model.index(0, fresh), CdrTableModel::RawValueRole).isValid());
}

void TestTableModel::replaceRecordKeepsRowAndSort()
{
    CdrTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    tester.setUseFetchMore(false);
    const ScriptedProvider provider(sortRows(), 10);
    loadScripted(model, provider);
    const int amount = model.columnForKey(u"amount");
    model.sort(amount, Qt::AscendingOrder);
    const QStringList before = idsOf(model);
    const int row = int(before.indexOf(u"c5"_s));
    QVERIFY(row >= 0);

    CdrRecord fresher = model.record(row);
    fresher.amount = u"99.00000"_s;
    fresher.native.append({u"refreshed_only"_s, {NativeValue::Kind::String, u"yes"_s}});
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(model.replaceRecord(fresher));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().row(), row);
    QCOMPARE(idsOf(model), before);   // the row stays where the user saw it
    QCOMPARE(model.data(model.index(row, amount)).toString(), u"99.00000"_s);
    QVERIFY(model.columnForKey(u"raw.refreshed_only") >= 0);

    // The next sort sees the new amount: c5 now sorts last.
    model.sort(amount, Qt::AscendingOrder);
    QCOMPARE(idsOf(model).indexOf(u"c5"_s), model.rowCount() - 2);   // before c4, whose amount is unset

    CdrRecord unknown;
    unknown.id = u"not-loaded"_s;
    QVERIFY(!model.replaceRecord(unknown));
}

void TestTableModel::roles()
{
    CdrTableModel model;
    const ScriptedProvider provider(sortRows(), 10);
    loadScripted(model, provider);

    const auto cell = [&model](int row, const QString &key, int role = Qt::DisplayRole) {
        return model.data(model.index(row, model.columnForKey(key)), role);
    };
    // Durations read as m:ss, with the seconds in the tooltip and the raw value.
    QCOMPARE(cell(0, u"duration"_s).toString(), u"1:04"_s);
    QCOMPARE(cell(3, u"duration"_s).toString(), u"1:00:00"_s);
    QCOMPARE(cell(5, u"duration"_s).toString(), u"0:00"_s);
    QCOMPARE(cell(1, u"duration"_s).toString(), QString());
    QVERIFY(cell(0, u"duration"_s, Qt::ToolTipRole).toString().contains(u"64"_s));
    QCOMPARE(cell(0, u"duration"_s, CdrTableModel::RawValueRole), QVariant(qint64(64)));
    QVERIFY(!cell(1, u"duration"_s, CdrTableModel::RawValueRole).isValid());

    // Money stays text, exactly as sent.
    QCOMPARE(cell(0, u"amount"_s).toString(), u"0.00200"_s);
    QCOMPARE(cell(0, u"amount"_s, CdrTableModel::RawValueRole), QVariant(u"0.00200"_s));
    QCOMPARE(cell(0, u"amount"_s, Qt::TextAlignmentRole).toInt(), int(Qt::AlignRight | Qt::AlignVCenter));
    QCOMPARE(cell(0, u"caller"_s, Qt::TextAlignmentRole).toInt(), int(Qt::AlignLeft | Qt::AlignVCenter));

    // Times: UTC inside, shown in the chosen zone.
    const QVariant start = cell(0, u"start_time"_s, CdrTableModel::RawValueRole);
    QCOMPARE(start.toDateTime(), utc(2024, 1, 1, 10, 0));
    QCOMPARE(start.toDateTime().offsetFromUtc(), 0);
    QCOMPARE(
        cell(0, u"start_time"_s, CdrTableModel::SortKeyRole).toLongLong(), utc(2024, 1, 1, 10, 0).toMSecsSinceEpoch());
    QCOMPARE(cell(0, u"start_time"_s).toString(), u"2024-01-01 10:00:00"_s);
    QSignalSpy changedSpy(&model, &QAbstractItemModel::dataChanged);
    model.setDisplayTimeZone(QTimeZone("Europe/Berlin"));
    QCOMPARE(changedSpy.count(), 1);
    QCOMPARE(cell(0, u"start_time"_s).toString(), u"2024-01-01 11:00:00"_s);
    model.setDisplayTimeZone(QTimeZone("Europe/Berlin"));
    QCOMPARE(changedSpy.count(), 1); // no change, no signal
    QVERIFY(!cell(2, u"start_time"_s, CdrTableModel::RawValueRole).isValid());

    QCOMPARE(cell(0, u"raw.call_duration"_s, CdrTableModel::RawValueRole), QVariant(qint64(64)));
    QCOMPARE(cell(0, u"caller"_s, CdrTableModel::SortKeyRole).toString(), u"+4915"_s);
    QCOMPARE(cell(4, u"caller"_s, CdrTableModel::SortKeyRole).toString(), u"alice"_s);
    QCOMPARE(cell(0, u"provider"_s).toString(), u"scripted"_s);
    QCOMPARE(cell(0, u"id"_s, CdrTableModel::ColumnKeyRole).toString(), u"id"_s);
    QCOMPARE(model.headerData(model.columnForKey(u"amount"), Qt::Horizontal, CdrTableModel::ColumnKeyRole).toString(),
        u"amount"_s);
}

void TestTableModel::newSearchDropsLateRows()
{
    CdrTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    tester.setUseFetchMore(false);
    m_simulator->setLatency(200ms);

    const ScriptedProvider first(numberedRows(u"old"_s, 30), 10);
    const ScriptedProvider second(numberedRows(u"new"_s, 10), 10);
    QSignalSpy finishedSpy(&model, &CdrTableModel::searchFinished);
    model.startSearch(session(first), first.id());
    model.loadAll();
    QVERIFY(model.isLoading());
    model.startSearch(session(second), second.id());
    QTRY_COMPARE_WITH_TIMEOUT(finishedSpy.count(), 1, waitMs);
    QCOMPARE(model.rowCount(), 10);

    // The first search's replies would have landed by now; none may show up.
    QSignalSpy insertedSpy(&model, &QAbstractItemModel::rowsInserted);
    QVERIFY(!insertedSpy.wait(500));
    const QStringList ids = idsOf(model);
    QCOMPARE(ids.size(), 10);
    for (const QString &id : ids)
        QVERIFY2(id.startsWith(u"new-"_s), qPrintable(id));
}

void TestTableModel::failureStopsFetchMore()
{
    CdrTableModel model;
    QSignalSpy failedSpy(&model, &CdrTableModel::searchFailed);
    QSignalSpy loadingSpy(&model, &CdrTableModel::loadingChanged);
    model.startSearch(session(m_plivo, {}, u"not-the-token"_s), m_plivo.id());
    QTRY_COMPARE_WITH_TIMEOUT(failedSpy.count(), 1, waitMs);
    QCOMPARE(failedSpy.at(0).at(0).value<ApiError>().kind, ApiError::Kind::Auth);
    QCOMPARE(model.lastError()->kind, ApiError::Kind::Auth);
    QVERIFY(!model.canFetchMore({}));
    QVERIFY(!model.isLoading());
    QCOMPARE(loadingSpy.count(), 2);
    QCOMPARE(model.rowCount(), 0);
}

QTEST_GUILESS_MAIN(TestTableModel)
#include "tst_tablemodel.moc"
