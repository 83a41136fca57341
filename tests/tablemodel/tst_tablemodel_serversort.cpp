#include "cdrtablemodel.h"
#include "providers/enswitch/enswitchprovider.h"
#include "searchsession.h"
#include "simulator.h"
#include "tablemodelfixtures.h"

#include <QAbstractItemModelTester>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace TableModelFixtures;

// Sorting a partly loaded result by a provider that sorts on the server (Enswitch).
class TestTableModelServerSort final : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void serverSortWhilePartiallyLoaded();

private:
    std::unique_ptr<cdrsim::Simulator> m_simulator;
    std::unique_ptr<QNetworkAccessManager> m_network;
};

void TestTableModelServerSort::init()
{
    m_simulator = makeSimulator();
    QVERIFY(m_simulator->listen(0));
    m_network = std::make_unique<QNetworkAccessManager>();
}

void TestTableModelServerSort::cleanup()
{
    m_network.reset();
    m_simulator.reset();
}

void TestTableModelServerSort::serverSortWhilePartiallyLoaded()
{
    m_simulator->setEnswitchLegCount(4000);
    const EnswitchProvider enswitch;
    const cdrsim::EnswitchAccount account = cdrsim::Simulator::enswitchDemoAccount();
    const Connection connection{m_simulator->baseUrl(), account.username, account.password};
    SearchQuery query;
    query.since = simNow.addDays(-120);
    query.until = simNow;

    CdrTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    tester.setUseFetchMore(false);
    model.startSearch(std::make_unique<SearchSession>(*m_network, enswitch, connection, query), enswitch.id());
    QTRY_VERIFY_WITH_TIMEOUT(model.rowCount() >= 1000 && !model.isLoading(), waitMs);
    QVERIFY(!model.allLoaded());

    const int caller = model.columnForKey(u"caller");
    const auto tooltip = [&model](int column) { return model.headerData(column, Qt::Horizontal, Qt::ToolTipRole).toString(); };
    QVERIFY(tooltip(caller).contains(u"the server sorts all matching calls"_s));
    QVERIFY(tooltip(model.columnForKey(u"rate")).contains(u"loaded rows"_s));

    // The click asks for a server sort and leaves the loaded rows as they are.
    QSignalSpy serverSortSpy(&model, &CdrTableModel::serverSortRequested);
    const QStringList before = idsOf(model);
    model.sort(caller, Qt::AscendingOrder);
    QCOMPARE(serverSortSpy.count(), 1);
    QCOMPARE(serverSortSpy.at(0).at(0).toString(), u"caller"_s);
    QCOMPARE(serverSortSpy.at(0).at(1).value<Qt::SortOrder>(), Qt::AscendingOrder);
    QCOMPARE(idsOf(model), before);
    QCOMPARE(model.sortColumn(), -1);

    // What the main window does: the same search, sorted by the server.
    const auto snumbersInOrder = [&model] {
        for (int row = 1; row < model.rowCount(); ++row) {
            const CdrRecord aboveRecord = model.record(row - 1);
            const CdrRecord belowRecord = model.record(row);
            const NativeValue *above = aboveRecord.nativeValue(u"snumber");
            const NativeValue *below = belowRecord.nativeValue(u"snumber");
            if (!above || !below || QString::compare(above->text, below->text) > 0)
                return false;
        }
        return true;
    };
    SearchQuery sorted = model.session()->query();
    sorted.sortColumn = u"caller"_s;
    model.startSearch(std::make_unique<SearchSession>(*m_network, enswitch, connection, sorted), enswitch.id());
    QTRY_VERIFY_WITH_TIMEOUT(model.rowCount() >= 1000 && !model.isLoading(), waitMs);
    QVERIFY(model.sortedByServer());
    QCOMPARE(model.sortColumn(), caller);
    QCOMPARE(model.sortOrder(), Qt::AscendingOrder);
    QVERIFY(!model.sortCoversLoadedRowsOnly());
    QVERIFY(snumbersInOrder());

    // Paging on keeps the server's order: new rows go after the loaded ones.
    const QStringList firstPages = idsOf(model);
    QVERIFY(model.canFetchMore({}));
    const int loaded = model.rowCount();
    model.fetchMore({});
    QTRY_VERIFY_WITH_TIMEOUT(model.rowCount() > loaded && !model.isLoading(), waitMs);
    QCOMPARE(idsOf(model).mid(0, loaded), firstPages);
    QVERIFY(snumbersInOrder());

    // Once everything is here, a click sorts the loaded rows, as for any provider.
    QSignalSpy finishedSpy(&model, &CdrTableModel::searchFinished);
    model.loadAll();
    QTRY_VERIFY_WITH_TIMEOUT(model.allLoaded(), waitMs);
    QVERIFY(tooltip(caller).contains(u"loaded rows"_s));
    model.sort(caller, Qt::DescendingOrder);
    QCOMPARE(serverSortSpy.count(), 1);
    QVERIFY(!model.sortedByServer());
    QCOMPARE(model.sortOrder(), Qt::DescendingOrder);
    for (int row = 1; row < model.rowCount(); ++row)
        QVERIFY(model.record(row - 1).caller.toCaseFolded() >= model.record(row).caller.toCaseFolded());

    // A raw column the server sorts on gets its index once its first row arrives.
    sorted.sortColumn = u"raw.cnumber"_s;
    sorted.sortDescending = true;
    model.startSearch(std::make_unique<SearchSession>(*m_network, enswitch, connection, sorted), enswitch.id());
    QVERIFY(model.sortedByServer());
    QTRY_VERIFY_WITH_TIMEOUT(model.rowCount() >= 1000 && !model.isLoading(), waitMs);
    QCOMPARE(model.sortColumn(), model.columnForKey(u"raw.cnumber"));
    QCOMPARE(model.sortOrder(), Qt::DescendingOrder);
    for (int row = 1; row < model.rowCount(); ++row) {
        const CdrRecord above = model.record(row - 1);
        const CdrRecord below = model.record(row);
        QVERIFY(QString::compare(above.nativeValue(u"cnumber")->text, below.nativeValue(u"cnumber")->text) >= 0);
    }
}

QTEST_GUILESS_MAIN(TestTableModelServerSort)
#include "tst_tablemodel_serversort.moc"
