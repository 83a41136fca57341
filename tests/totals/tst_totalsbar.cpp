#include "calltotals.h"
#include "cdrtablemodel.h"
#include "../gui/offscreenwindowfixture.h"
#include "searchstatusbar.h"
#include "searchsession.h"
#include "../benchmark/syntheticprovider.h"
#include "totalsbar.h"

#include <QFile>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMap>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <algorithm>
#include <memory>
#include <set>

using namespace Qt::StringLiterals;

namespace {

const QString profileId = u"totals-test-profile"_s;

// Totals worked out here without CallTotals or ExactDecimal: amounts are cut
// apart as text and added as integer hundred-thousandths.
struct Expected {
    qint64 rows = 0;
    qint64 durationRows = 0;
    qint64 duration = 0;
    qint64 billedRows = 0;
    qint64 billed = 0;
    qint64 pairedRows = 0;
    qint64 difference = 0;
    qint64 amountRows = 0;
    QMap<QString, qint64> units;
};

qint64 hundredThousandths(const QString &text)
{
    const bool negative = text.startsWith(u'-');
    const QString body = negative ? text.mid(1) : text;
    const qsizetype dot = body.indexOf(u'.');
    const QString fraction = dot < 0 ? QString() : body.mid(dot + 1);
    Q_ASSERT(fraction.size() <= 5);
    const qint64 value = ((dot < 0 ? body : body.left(dot)) + fraction.leftJustified(5, u'0')).toLongLong();
    return negative ? -value : value;
}

QString fromHundredThousandths(qint64 units)
{
    const QString sign = units < 0 ? u"-"_s : QString();
    QString digits = QString::number(units < 0 ? -units : units).rightJustified(6, u'0');
    digits.insert(digits.size() - 5, u'.');
    return sign + digits;
}

Expected expectedFor(const CdrTableModel &model, const std::set<int> &rows)
{
    Expected e;
    for (int row : rows) {
        const CdrRecord &r = model.record(row);
        ++e.rows;
        if (r.duration) {
            ++e.durationRows;
            e.duration += *r.duration;
        }
        if (r.billedDuration) {
            ++e.billedRows;
            e.billed += *r.billedDuration;
        }
        if (r.duration && r.billedDuration) {
            ++e.pairedRows;
            e.difference += *r.billedDuration - *r.duration;
        }
        if (!r.amount.isEmpty()) {
            ++e.amountRows;
            e.units[r.currency] += hundredThousandths(r.amount);
        }
    }
    return e;
}

std::set<int> allRows(const CdrTableModel &model)
{
    std::set<int> rows;
    for (int row = 0; row < model.rowCount(); ++row)
        rows.insert(row);
    return rows;
}

} // namespace

class TestTotalsBar final : public QObject, private OffscreenWindowFixture {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void loadedTotalsFollowPages();
    void selectionIsAddedUpOncePerChange();
    void newSearchStartsOver();
    void refreshedCallIsCountedAgain();
    void largeSelectionIsCountedInSlices();

private:
    void search();
    void compare(const CallTotals &totals, const Expected &expected);

    TotalsBar *m_bar = nullptr;
};

void TestTotalsBar::initTestCase()
{
    QVERIFY(startSimulator());
}

void TestTotalsBar::init()
{
    saveProfile(profileId);
    QVERIFY(showWindow());
    m_bar = m_window->findChild<TotalsBar *>(u"totalsBar"_s);
    QVERIFY(m_bar);
}

void TestTotalsBar::cleanup()
{
    m_bar = nullptr;
    closeWindow();
}

void TestTotalsBar::search()
{
    m_window->search();
    CdrTableModel *model = m_window->model();
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > 0 && !model->isLoading(), 15000);
}

void TestTotalsBar::compare(const CallTotals &totals, const Expected &expected)
{
    QCOMPARE(totals.rows(), expected.rows);
    QCOMPARE(totals.durationRows(), expected.durationRows);
    QCOMPARE(totals.duration(), expected.duration);
    QCOMPARE(totals.billedRows(), expected.billedRows);
    QCOMPARE(totals.billed(), expected.billed);
    QCOMPARE(totals.pairedRows(), expected.pairedRows);
    QCOMPARE(totals.difference(), expected.difference);
    QCOMPARE(totals.amountRows(), expected.amountRows);
    QCOMPARE(totals.unreadableAmountRows(), 0);
    QCOMPARE(qsizetype(totals.amounts().size()), expected.units.size());
    for (auto it = expected.units.cbegin(); it != expected.units.cend(); ++it) {
        const CallTotals::Amount *amount = totals.amount(it.key());
        QVERIFY2(amount, qPrintable(it.key()));
        QVERIFY(!amount->overflowed);
        QCOMPARE(amount->total.toString(), fromHundredThousandths(it.value()));
    }
}

void TestTotalsBar::loadedTotalsFollowPages()
{
    QVERIFY(!m_bar->isVisible()); // nothing to add up before the first search
    search();
    if (QTest::currentTestFailed())
        return;
    CdrTableModel *model = m_window->model();
    QVERIFY(m_bar->isVisible());
    compare(m_bar->loadedTotals(), expectedFor(*model, allRows(*model)));
    if (QTest::currentTestFailed())
        return;
    const Expected first = expectedFor(*model, allRows(*model));
    const QString text = m_bar->loadedText();
    QVERIFY2(text.startsWith(u"Loaded: %1 call"_s.arg(QLocale().toString(first.rows))), qPrintable(text));
    QVERIFY2(
        text.contains(fromHundredThousandths(first.units.first()) + u' ' + first.units.firstKey()), qPrintable(text));
    QVERIFY2(text.contains(u"avg billed "_s), qPrintable(text));
    auto *label = m_bar->findChild<QLabel *>(u"loadedTotals"_s);
    QVERIFY(label);
    QCOMPARE(label->text(), text);
    QVERIFY(!label->accessibleName().isEmpty());
    QVERIFY(label->toolTip().contains(u"of %1 calls have one"_s.arg(QLocale().toString(first.rows))));

    // The next page adds to the totals as it arrives.
    QVERIFY(model->loadedCount() < *model->totalCount());
    const qint64 before = model->loadedCount();
    QSignalSpy changed(m_bar, &TotalsBar::loadedTotalsChanged);
    m_window->tableView()->scrollToBottom();
    QTRY_VERIFY_WITH_TIMEOUT(model->loadedCount() > before && !model->isLoading(), 15000);
    QVERIFY(changed.count() > 0);
    compare(m_bar->loadedTotals(), expectedFor(*model, allRows(*model)));
    QVERIFY(m_bar->loadedText().startsWith(u"Loaded: %1 call"_s.arg(QLocale().toString(model->loadedCount()))));
    QVERIFY(m_window->grab().save(u"/tmp/mainwindow-totals.png"_s));
}

void TestTotalsBar::selectionIsAddedUpOncePerChange()
{
    search();
    if (QTest::currentTestFailed())
        return;
    CdrTableModel *model = m_window->model();
    QVERIFY(model->rowCount() > 12);
    QItemSelectionModel *selection = m_window->tableView()->selectionModel();
    QCOMPARE(m_bar->selectedTotals().rows(), 0);
    QCOMPARE(m_bar->selectedText(), u"Selected: none"_s);

    QSignalSpy changed(m_bar, &TotalsBar::selectedTotalsChanged);
    const auto rows
        = [model](int top, int bottom) { return QItemSelection(model->index(top, 0), model->index(bottom, 0)); };
    // Three changes in one turn of the event loop, overlapping: one pass, each row once.
    m_window->tableView()->selectRow(1);
    selection->select(rows(3, 7), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    selection->select(rows(5, 9), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    QVERIFY(changed.wait(5000));
    QCOMPARE(changed.count(), 1);
    compare(m_bar->selectedTotals(), expectedFor(*model, {1, 3, 4, 5, 6, 7, 8, 9}));
    if (QTest::currentTestFailed())
        return;
    QVERIFY2(m_bar->selectedText().startsWith(u"Selected: 8 call"_s), qPrintable(m_bar->selectedText()));
    // The status bar's count comes from the same pass.
    const QList<QLabel *> statusLabels = m_window->searchStatus()->findChildren<QLabel *>();
    QVERIFY(std::any_of(statusLabels.cbegin(), statusLabels.cend(), [](const QLabel *label) {
        return label->text() == u"· 8 row(s) selected"_s;
    }));

    // Taking rows out of the selection takes them out of the totals.
    selection->select(rows(4, 5), QItemSelectionModel::Deselect | QItemSelectionModel::Rows);
    QTRY_COMPARE(m_bar->selectedTotals().rows(), 6);
    compare(m_bar->selectedTotals(), expectedFor(*model, {1, 3, 6, 7, 8, 9}));
    if (QTest::currentTestFailed())
        return;

    // Select all: the two groups agree.
    m_window->tableView()->selectAll();
    QTRY_COMPARE(m_bar->selectedTotals().rows(), qint64(model->rowCount()));
    compare(m_bar->selectedTotals(), expectedFor(*model, allRows(*model)));
    QCOMPARE(m_bar->selectedText().mid(u"Selected: "_s.size()), m_bar->loadedText().mid(u"Loaded: "_s.size()));
    QVERIFY(m_window->grab().save(u"/tmp/mainwindow-totals-selected.png"_s));

    m_window->tableView()->clearSelection();
    QTRY_COMPARE(m_bar->selectedText(), u"Selected: none"_s);
}

void TestTotalsBar::newSearchStartsOver()
{
    search();
    if (QTest::currentTestFailed())
        return;
    m_window->tableView()->selectAll();
    QTRY_VERIFY(m_bar->selectedTotals().rows() > 0);
    search();
    if (QTest::currentTestFailed())
        return;
    CdrTableModel *model = m_window->model();
    QTRY_COMPARE(m_bar->loadedTotals().rows(), qint64(model->rowCount()));
    compare(m_bar->loadedTotals(), expectedFor(*model, allRows(*model)));
    QTRY_COMPARE(m_bar->selectedTotals().rows(), 0);
}

void TestTotalsBar::refreshedCallIsCountedAgain()
{
    search();
    if (QTest::currentTestFailed())
        return;
    CdrTableModel *model = m_window->model();
    m_window->tableView()->selectRow(0);
    QTRY_COMPARE(m_bar->selectedTotals().rows(), 1);
    // What the detail pane's Refresh does: a fresher copy of the call replaces the row.
    CdrRecord fresher = model->record(0);
    fresher.amount = u"100.00001"_s;
    fresher.duration = qint64(3600);
    fresher.billedDuration = qint64(3660);
    QVERIFY(model->replaceRecord(fresher));
    QTRY_COMPARE(m_bar->selectedTotals().billed(), 3660);
    compare(m_bar->selectedTotals(), expectedFor(*model, {0}));
    compare(m_bar->loadedTotals(), expectedFor(*model, allRows(*model)));
    QVERIFY(m_bar->selectedText().contains(u"100.00001 USD"_s));
    QVERIFY(m_bar->selectedText().contains(u"(+0:01:00)"_s));

    // A new display zone changes how times read, not what is added up.
    QSignalSpy recounted(m_bar, &TotalsBar::loadedTotalsChanged);
    model->setDisplayTimeZone(QTimeZone("Europe/Berlin"));
    QVERIFY(!recounted.wait(200)); // a recount would run on the next turn of the event loop
}

void TestTotalsBar::largeSelectionIsCountedInSlices()
{
    // 200,000 Plivo rows in pages of 10,000 (the benchmark's synthetic provider), in a model of its own.
    constexpr int total = 200000;
    const SyntheticProvider provider(total, 10000);
    const Connection connection{m_simulator->baseUrl(), cdrsim::Simulator::demoAccount().authId,
        cdrsim::Simulator::demoAccount().authToken};
    SearchQuery query;
    query.since = QDateTime::currentDateTimeUtc().addDays(-10);
    CdrTableModel model;
    QSignalSpy finished(&model, &CdrTableModel::searchFinished);
    model.startSearch(std::make_unique<SearchSession>(*m_network, provider, connection,
                          query.resolved(QDateTime::currentDateTimeUtc(), provider.timeRange())),
        provider.id());
    model.loadAll();
    QVERIFY(finished.wait(240000));
    QCOMPARE(model.rowCount(), total);
    model.sort(model.columnForKey(u"caller"_s)); // the selection then walks the records out of arrival order

    QItemSelectionModel selection(&model);
    TotalsBar bar(model, selection);
    QTRY_VERIFY_WITH_TIMEOUT(!bar.isCountingLoaded(), 60000);
    compare(bar.loadedTotals(), expectedFor(model, allRows(model)));
    if (QTest::currentTestFailed())
        return;

    QSignalSpy changed(&bar, &TotalsBar::selectedTotalsChanged);
    QSignalSpy started(&bar, &TotalsBar::selectionCountStarted);
    QString shownWhileCounting;
    bool loopTurnedWhileCounting = false;
    bool changedMidway = false;
    connect(&bar, &TotalsBar::selectionCountStarted, this, [&] {
        shownWhileCounting = bar.selectedText();
        // Proves the count yields: this zero timer fires between two slices.
        QTimer::singleShot(0, this, [&] { loopTurnedWhileCounting = bar.isCountingSelected(); });
        if (!std::exchange(changedMidway, true)) // a change meanwhile starts the count over
            selection.select(QItemSelection(model.index(0, 0), model.index(999, 0)),
                QItemSelectionModel::Deselect | QItemSelectionModel::Rows);
    });
    selection.select(QItemSelection(model.index(0, 0), model.index(total - 1, model.columnCount() - 1)),
        QItemSelectionModel::Select);
    QVERIFY(bar.selectedText().startsWith(u"Selected: none"_s)); // nothing counted inside the change itself
    QVERIFY(changed.wait(60000));
    QVERIFY(!bar.isCountingSelected());
    QCOMPARE(changed.count(), 1); // the first count was dropped, not finished
    QCOMPARE(started.count(), 2);
    QVERIFY(loopTurnedWhileCounting);
    QVERIFY2(shownWhileCounting.contains(u"counting"_s), qPrintable(shownWhileCounting));
    std::set<int> expectedRows;
    for (int row = 1000; row < total; ++row)
        expectedRows.insert(expectedRows.end(), row);
    compare(bar.selectedTotals(), expectedFor(model, expectedRows));
    if (QTest::currentTestFailed())
        return;
    QVERIFY2(bar.selectedText().startsWith(u"Selected: %1 call"_s.arg(QLocale().toString(total - 1000))),
        qPrintable(bar.selectedText()));

    // A re-sort keeps the selected set: the count runs again and comes to the same totals.
    const QString before = bar.selectedText();
    model.sort(model.columnForKey(u"caller"_s), Qt::DescendingOrder);
    QVERIFY(changed.wait(60000));
    QCOMPARE(bar.selectedText(), before);
}

QTEST_MAIN(TestTotalsBar)
#include "tst_totalsbar.moc"
