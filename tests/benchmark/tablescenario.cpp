// Scenario d: the table with a million rows. Memory per row, sorting through the
// model as a header click does, the totals, and CSV export; each against a
// simple baseline, and the event loop's longest stall during each.

#include "benchmark.h"
#include "calltotals.h"
#include "cdrtablemodel.h"
#include "recordwriter.h"
#include "searchsession.h"
#include "simulator.h"
#include "syntheticprovider.h"
#include "tablebaselines.h"
#include "totalsbar.h"

#include <QApplication>
#include <QFile>
#include <QItemSelectionModel>
#include <QTemporaryDir>
#include <QTextStream>

#include <malloc.h>
#include <time.h>

#include <functional>
#include <memory>
#include <utility>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace bench {

namespace {

void progress(const QString &text)
{
    QTextStream(stderr) << "  " << text << Qt::endl;
}

// Runs `work` from the event loop, as a click or a timer would, and reports how
// long it took and the longest time the loop could not turn meanwhile.
struct Timed {
    double ms = 0;
    double cpuMs = 0;    // this thread's CPU time: steadier than wall time on a shared machine
    double stallMs = 0;
};

double threadCpuMs()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

double processCpuMs()
{
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

// A large sort finishes on a worker thread: time it from the click to the layout
// change that shows it, and count the CPU time of every thread.
Timed timedSort(CdrTableModel &model, int column, Qt::SortOrder order)
{
    StallProbe probe;
    Waiter waiter;
    QElapsedTimer clock;
    qint64 elapsed = 0;
    double cpuBefore = 0;
    double cpu = 0;
    QObject::connect(&model, &QAbstractItemModel::layoutChanged, &waiter, [&] {
        elapsed = clock.nsecsElapsed();
        cpu = processCpuMs() - cpuBefore;
        QTimer::singleShot(10, &waiter, [&] { waiter.done(); });
    });
    probe.start();
    QTimer::singleShot(10, &waiter, [&] {
        clock.start();
        cpuBefore = processCpuMs();
        model.sort(column, order);
    });
    waiter.wait(600000);
    const double stall = probe.stop();
    return {double(elapsed) / 1e6, cpu, stall};
}

Timed timedInLoop(const std::function<void()> &work)
{
    StallProbe probe;
    Waiter waiter;
    QElapsedTimer clock;
    qint64 elapsed = 0;
    double cpu = 0;
    probe.start();
    QTimer::singleShot(10, &waiter, [&] {
        clock.start();
        const double cpuBefore = threadCpuMs();
        work();
        elapsed = clock.nsecsElapsed();
        cpu = threadCpuMs() - cpuBefore;
        QTimer::singleShot(10, &waiter, [&] { waiter.done(); });
    });
    waiter.wait(600000);
    const double stall = probe.stop();
    return {double(elapsed) / 1e6, cpu, stall};
}

// Select-all as a user does it, with a TotalsBar under the table: from the
// selection change to the bar's finished totals. The bar is built (and its
// sliced count of the loaded rows awaited) first; that count is timed too.
struct BarTotals {
    Timed loaded;   // the bar's count of every loaded row, as after a reset or refresh
    Timed selected; // select-all to the finished selection totals
    CallTotals totals;
};

// Runs `start` from the event loop; it calls `finish` once the work it began is done.
Timed timedUntil(const std::function<void(const std::function<void()> &finish)> &start)
{
    StallProbe probe;
    Waiter waiter;
    QElapsedTimer clock;
    Timed timed;
    double cpuBefore = 0;
    bool finished = false;
    const std::function<void()> finish = [&] {
        if (std::exchange(finished, true))
            return;
        timed.ms = double(clock.nsecsElapsed()) / 1e6;
        timed.cpuMs = threadCpuMs() - cpuBefore;
        QTimer::singleShot(10, &waiter, [&] { waiter.done(); });
    };
    probe.start();
    QTimer::singleShot(10, &waiter, [&] {
        clock.start();
        cpuBefore = threadCpuMs();
        start(finish);
    });
    waiter.wait(600000);
    timed.stallMs = probe.stop();
    return timed;
}

BarTotals timedBarTotals(CdrTableModel &model)
{
    BarTotals result;
    QItemSelectionModel selection(&model);
    std::unique_ptr<TotalsBar> bar;
    QMetaObject::Connection watch;
    result.loaded = timedUntil([&](const std::function<void()> &finish) {
        bar = std::make_unique<TotalsBar>(model, selection);
        watch = QObject::connect(bar.get(), &TotalsBar::loadedTotalsChanged, bar.get(), [&bar, finish] {
            if (!bar->isCountingLoaded())
                finish();
        });
        if (!bar->isCountingLoaded())
            finish();
    });
    QObject::disconnect(watch);
    result.selected = timedUntil([&](const std::function<void()> &finish) {
        watch = QObject::connect(bar.get(), &TotalsBar::selectedTotalsChanged, bar.get(), [&bar, finish] {
            if (!bar->isCountingSelected() && bar->selectedTotals().rows() > 0)
                finish();
        });
        // What QTableView::selectAll() does.
        selection.select(QItemSelection(model.index(0, 0), model.index(model.rowCount() - 1, model.columnCount() - 1)),
            QItemSelectionModel::Select);
    });
    QObject::disconnect(watch);
    result.totals = bar->selectedTotals();
    return result;
}

qint64 trimmedResident()
{
    malloc_trim(0); // freed parser garbage would otherwise count as table memory
    return residentBytes();
}

} // namespace

void runTableScenario(const Options &options, Report &report)
{
    const qint64 rows = options.quick ? 20000 : 1000000;
    const QString title = u"The table with %1 rows"_s.arg(rows);
    const QString d = u"d"_s;
    report.setScenarioStatus(d, title, false);
    progress(u"d: "_s + title);
    SimulatorThread server([](cdrsim::Simulator &sim) { sim.setPlivoRateLimit(0, 5000ms); });
    if (!server.isListening())
        return;

    const SyntheticProvider provider(rows, options.quick ? 2000 : 10000);
    ProbeNetwork network;
    const Connection connection{server.baseUrl(), cdrsim::Simulator::demoAccount().authId,
        cdrsim::Simulator::demoAccount().authToken};
    CdrTableModel model;

    // Fill the model as a search does.
    const qint64 before = trimmedResident();
    {
        SearchQuery query;
        query.since = QDateTime::currentDateTimeUtc().addDays(-10);
        Waiter waiter;
        QObject::connect(&model, &CdrTableModel::searchFinished, &waiter, [&] { waiter.done(); });
        QObject::connect(&model, &CdrTableModel::searchFailed, &waiter, [&](const ApiError &error) {
            progress(u"load failed: "_s + error.message());
            waiter.done();
        });
        model.startSearch(std::make_unique<SearchSession>(network, provider, connection,
                              query.resolved(QDateTime::currentDateTimeUtc(), provider.timeRange())),
            provider.id());
        model.loadAll();
        waiter.wait(900000);
    }
    if (model.loadedCount() != rows) {
        progress(u"only %1 rows arrived"_s.arg(model.loadedCount()));
        return;
    }
    const qint64 after = trimmedResident();
    const double perRow = double(after - before) / double(rows);
    progress(u"%1 rows loaded, %2 bytes a row"_s.arg(rows).arg(perRow, 0, 'f', 0));
    Figure memory{d, u"memory per row"_s, perRow, u"bytes"_s};
    memory.higherIsBetter = false;
    memory.note = u"RSS growth after malloc_trim over %1 Plivo rows of 25 native fields"_s.arg(rows);
    report.add(atMost(memory, 300));
    Figure stored{d, u"memory per row held by the row store itself"_s, double(model.storedBytes()) / double(rows),
        u"bytes"_s};
    stored.higherIsBetter = false;
    stored.note = u"CompactRecordStore::bytesUsed(); the rest of the RSS growth is the view order and the allocator"_s;
    report.add(stored);

    // Sorting, as a header click calls it: the first sort of a column builds its keys.
    // The baselines work on plain records. The model keeps its rows compact, so
    // they get copies of the unified members they read (after memory was measured).
    const std::vector<CdrRecord> baselineRows = [&] {
        const RecordSelection unified{RecordFields(allRecordFields).setFlag(RecordField::Native, false), {}};
        std::vector<CdrRecord> all;
        all.reserve(size_t(rows));
        for (int row = 0; row < model.rowCount(); ++row)
            all.push_back(model.record(row, unified));
        return all;
    }();
    std::vector<const CdrRecord *> records;
    records.reserve(baselineRows.size());
    for (const CdrRecord &record : baselineRows)
        records.push_back(&record);
    struct SortCase {
        QString key;
        QString what;
        BaselineKey kind;
    };
    const QList<SortCase> sorts{{u"caller"_s, u"text"_s, BaselineKey::Caller},
        {u"id"_s, u"text, 36-char UUID"_s, BaselineKey::Id}, {u"duration"_s, u"number"_s, BaselineKey::Duration},
        {u"start_time"_s, u"time"_s, BaselineKey::StartTime}, {u"amount"_s, u"amount"_s, BaselineKey::Amount}};
    double worstSortStall = 0;
    for (const SortCase &sort : sorts) {
        const int column = model.columnForKey(sort.key);
        const Timed ours = timedSort(model, column, Qt::AscendingOrder);
        const double baseline = baselineSortMs(records, sort.kind);
        progress(u"sort %1: %2 ms (baseline %3 ms)"_s.arg(sort.key).arg(ours.ms, 0, 'f', 0).arg(baseline, 0, 'f', 0));
        Figure figure{d, u"sort by %1 (%2)"_s.arg(sort.key, sort.what), ours.ms, u"ms"_s, baseline};
        figure.higherIsBetter = false;
        figure.note = u"event loop stalled %1 ms; CPU time %2 ms"_s.arg(ours.stallMs, 0, 'f', 0).arg(ours.cpuMs, 0, 'f', 0);
        report.add(atMost(figure, 1000));
        worstSortStall = std::max(worstSortStall, ours.stallMs);
    }
    const Timed resorted = timedSort(model, model.columnForKey(u"caller"_s), Qt::DescendingOrder);
    Figure again{d, u"sort by caller again, descending (keys reused)"_s, resorted.ms, u"ms"_s};
    again.higherIsBetter = false;
    again.note = u"CPU time %1 ms"_s.arg(resorted.cpuMs, 0, 'f', 0);
    report.add(atMost(again, 1000));
    Figure sortStall{d, u"longest stall during a sort"_s, std::max(worstSortStall, resorted.stallMs), u"ms"_s};
    sortStall.higherIsBetter = false;
    report.add(atMost(sortStall, 50));

    // Totals: first the raw CallTotals pass (the cost per row, all in one call),
    // then what the user hits: select-all under a TotalsBar, counted in slices.
    // Sorts finish off the GUI thread now; one landing mid-measurement would stall and restart the counts.
    if (model.isSorting()) {
        Waiter sorted;
        QTimer poll;
        QObject::connect(&poll, &QTimer::timeout, &sorted, [&] {
            if (!model.isSorting())
                sorted.done();
        });
        poll.start(10);
        sorted.wait(600000);
        idle(100);
    }
    CallTotals totals;
    const Timed totalling = timedInLoop([&] {
        for (int row = 0; row < model.rowCount(); ++row)
            totals.add(model.record(row, {CallTotals::fieldsRead(), {}}));
    });
    const double totalsBaseline = baselineTotalsMs(records);
    Figure totalsFigure{d, u"totals, raw CallTotals pass over all rows"_s, totalling.ms, u"ms"_s, totalsBaseline};
    totalsFigure.higherIsBetter = false;
    totalsFigure.note = u"%1 rows in sorted order, %2 currencies, CPU time %3 ms, in one call (the bar never does "
                        "this: it slices); baseline: integer sums of the two durations in arrival order"_s
                            .arg(totals.rows())
                            .arg(totals.amounts().size())
                            .arg(totalling.cpuMs, 0, 'f', 0);
    report.add(totalsFigure);
    progress(u"totals raw pass: %1 ms (CPU %2 ms)"_s.arg(totalling.ms, 0, 'f', 0).arg(totalling.cpuMs, 0, 'f', 0));
    if (qobject_cast<QApplication *>(QCoreApplication::instance())) {
        const BarTotals bar = timedBarTotals(model);
        const bool same = bar.totals.rows() == totals.rows() && bar.totals.amounts().size() == totals.amounts().size()
            && (totals.amounts().empty() || bar.totals.amounts().front().total == totals.amounts().front().total);
        progress(u"totals bar: loaded %1 ms (stall %2), select-all %3 ms (CPU %4 ms, stall %5 ms)%6"_s
                     .arg(bar.loaded.ms, 0, 'f', 0)
                     .arg(bar.loaded.stallMs, 0, 'f', 0)
                     .arg(bar.selected.ms, 0, 'f', 0)
                     .arg(bar.selected.cpuMs, 0, 'f', 0)
                     .arg(bar.selected.stallMs, 0, 'f', 0)
                     .arg(same ? QString() : u" MISMATCH"_s));
        Figure selected{d, u"totals of select-all through the TotalsBar (sliced)"_s, bar.selected.ms, u"ms"_s,
            totalsBaseline};
        selected.higherIsBetter = false;
        selected.note = u"select-all to finished totals; CPU time %1 ms; %2 with the raw pass"_s
                            .arg(bar.selected.cpuMs, 0, 'f', 0)
                            .arg(same ? u"agrees"_s : u"DISAGREES"_s);
        report.add(selected);
        Figure selectStall{d, u"longest stall during select-all totals"_s, bar.selected.stallMs, u"ms"_s};
        selectStall.higherIsBetter = false;
        report.add(atMost(selectStall, 50));
        Figure loaded{d, u"TotalsBar recount of all loaded rows (sliced)"_s, bar.loaded.ms, u"ms"_s};
        loaded.higherIsBetter = false;
        loaded.note = u"as after a reset or a refreshed call; CPU time %1 ms, longest stall %2 ms"_s
                          .arg(bar.loaded.cpuMs, 0, 'f', 0)
                          .arg(bar.loaded.stallMs, 0, 'f', 0);
        report.add(loaded);
    } else {
        progress(u"totals bar: skipped, no QApplication"_s);
    }

    // CSV export of the unified columns, RFC 4180, into a file in /tmp.
    QTemporaryDir dir(u"/tmp/cdr-benchmark-XXXXXX"_s);
    const QStringList columns = unifiedColumnKeys();
    qint64 csvBytes = 0;
    const Timed writing = timedInLoop([&] {
        QFile file(dir.filePath(u"export.csv"_s));
        if (!file.open(QIODevice::WriteOnly))
            return;
        RecordWriter writer(file, columns, provider.id(), ExportFormatOptions::rfc4180());
        writer.writeHeader();
        const RecordSelection fields = RecordSelection::forColumns(columns);
        for (int row = 0; row < model.rowCount(); ++row)
            writer.writeRecord(model.record(row, fields));
        writer.flush();
        csvBytes = file.size();
    });
    const double ourMbs = mb(csvBytes) / (writing.ms / 1000);
    const BaselineCsv baselineCsv = baselineCsvExport(records, dir.filePath(u"baseline.csv"_s));
    progress(u"CSV: %1 MB in %2 ms; baseline %3 MB in %4 ms"_s.arg(mb(csvBytes), 0, 'f', 0)
                 .arg(writing.ms, 0, 'f', 0)
                 .arg(mb(baselineCsv.bytes), 0, 'f', 0)
                 .arg(baselineCsv.ms, 0, 'f', 0));
    Figure csv{d, u"CSV export (RecordWriter, RFC 4180)"_s, ourMbs, u"MB/s"_s,
        mb(baselineCsv.bytes) / (baselineCsv.ms / 1000)};
    csv.note = u"%1 MB, %2 columns, in one call on the GUI thread (stalled %3 ms, CPU time %4 ms); baseline: %5 "
               "columns (start as Unix seconds) with std::to_chars and memcpy into one buffer"_s.arg(mb(csvBytes), 0, 'f', 0)
                   .arg(columns.size())
                   .arg(writing.stallMs, 0, 'f', 0)
                   .arg(writing.cpuMs, 0, 'f', 0)
                   .arg(baselineCsv.columns);
    report.add(atLeast(csv, 300));

    report.setScenarioStatus(d, title, true);
    model.clear();
}

} // namespace bench
