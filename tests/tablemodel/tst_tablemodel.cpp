#include "cdrtablemodel.h"
#include "columnsortkeys.h"
#include "plivodata.h"
#include "providers/plivo/plivoprovider.h"
#include "searchsession.h"
#include "simulator.h"
#include "scriptedprovider.h"
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


class TestTableModel final : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void modelTesterWithScriptedPages();
    void modelTesterWithFetchMore();
    void rawColumnsAppear();
    void replaceRecordKeepsRowAndSort();
    void roles();
    void newSearchDropsLateRows();
    void failureStopsFetchMore();

private:
    std::unique_ptr<Loopback> m_loopback;
    PlivoProvider m_plivo;
};

void TestTableModel::init()
{
    m_loopback = std::make_unique<Loopback>();
    QVERIFY(m_loopback->listen());
}

void TestTableModel::cleanup()
{
    m_loopback.reset();
}

void TestTableModel::modelTesterWithScriptedPages()
{
    CdrTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    tester.setUseFetchMore(false);

    const ScriptedProvider provider(numberedRows(u"r"_s, 45, 30), 10);
    QVERIFY(loadScripted(*m_loopback, model, provider));
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
    QVERIFY(loadScripted(*m_loopback, model, second));
    QCOMPARE(model.rowCount(), 12);
    QCOMPARE(model.sortColumn(), -1);
    model.sort(model.columnForKey(u"caller"), Qt::DescendingOrder);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), int(unifiedColumnKeys().size()));
    QCOMPARE(model.sortColumn(), model.columnForKey(u"caller"));
    QVERIFY(!model.session());
    QVERIFY(!model.canFetchMore({}));
    QVERIFY(loadScripted(*m_loopback, model, second));
    QCOMPARE(model.record(0).caller, u"+15556"_s);   // sorted as the rows arrived
}

void TestTableModel::modelTesterWithFetchMore()
{
    CdrTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);

    SearchQuery query;
    query.since = simNow.addDays(-4);
    query.until = simNow;
    model.startSearch(m_loopback->session(m_plivo, query), m_plivo.id());
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
    QCOMPARE(m_loopback->simulator->requestCount(), int((total + 19) / 20)); // one request a page, none wasted
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

void TestTableModel::rawColumnsAppear()
{
    CdrTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    tester.setUseFetchMore(false);
    const ScriptedProvider provider(numberedRows(u"r"_s, 20, 15), 10);
    QSignalSpy columnsSpy(&model, &CdrTableModel::columnsChanged);

    const int unified = int(unifiedColumnKeys().size());
    model.startSearch(m_loopback->session(provider), provider.id());
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
    QVERIFY(loadScripted(*m_loopback, model, provider));
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
    QVERIFY(loadScripted(*m_loopback, model, provider));

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
    m_loopback->simulator->setLatency(200ms);

    const ScriptedProvider first(numberedRows(u"old"_s, 30), 10);
    const ScriptedProvider second(numberedRows(u"new"_s, 10), 10);
    QSignalSpy finishedSpy(&model, &CdrTableModel::searchFinished);
    model.startSearch(m_loopback->session(first), first.id());
    model.loadAll();
    QVERIFY(model.isLoading());
    model.startSearch(m_loopback->session(second), second.id());
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
    model.startSearch(m_loopback->session(m_plivo, {}, u"not-the-token"_s), m_plivo.id());
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
