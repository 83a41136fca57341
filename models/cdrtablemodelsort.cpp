// CdrTableModel's local sorting: on the GUI thread for small sets, otherwise
// in three steps that each keep the event loop turning: copy out each record's
// key source in short slices, build the keys and sort on a worker thread, then
// apply the order in one layout change.

#include "cdrtablemodel.h"
#include "cdrtablemodelsort.h"
#include "searchsession.h"

#include <QElapsedTimer>
#include <QThread>
#include <QThreadPool>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <numeric>
#include <utility>

namespace {

// One slice of key extraction stays far below the 50 ms the loop may stall.
constexpr qint64 sliceBudgetMs = 8;
// Rows that arrive while a worker sorts get their keys on the GUI thread when
// the result lands; past this many that would stall it, so the sort runs again.
constexpr std::size_t lateRowsLimit = 50000;

} // namespace

void CdrTableModel::setSortKeys(std::shared_ptr<ColumnSortKeys> keys)
{
    std::shared_ptr<ColumnSortKeys> old = std::exchange(m_sortKeys, std::move(keys));
    // A million keys with their texts take ~100 ms to free, too long for the
    // GUI thread. Nothing else reads them once replaced, whoever drops them last.
    if (old && old->size() > 10000)
        QThreadPool::globalInstance()->start([old = std::move(old)]() mutable { old.reset(); });
}

ColumnSortKeys &CdrTableModel::ownSortKeys()
{
    // A job or a worker may still read these keys: change a copy. The acquire
    // fence pairs with the worker's release of its reference, so once the count
    // reads 1 everything the worker read happened before what we write.
    if (m_sortKeys.use_count() > 1)
        m_sortKeys = std::make_shared<ColumnSortKeys>(*m_sortKeys);
    std::atomic_thread_fence(std::memory_order_acquire);
    return *m_sortKeys;
}

void CdrTableModel::noteReplacedForSort(quint32 recordIndex)
{
    if (m_sortJob)
        m_sortJob->replaced.push_back(recordIndex);
}

void CdrTableModel::cancelSortJob()
{
    if (!m_sortJob)
        return;
    // A worker still running finishes on its own; its result no longer matches.
    m_sortJob.reset();
    ++m_sortGeneration;
}

void CdrTableModel::sort(int column, Qt::SortOrder order)
{
    if (column >= 0 && column < columnCount() && serverCanSort(m_columnKeys[column])) {
        // Sorting only the loaded rows would hide the rest; whoever owns the search re-runs it.
        emit serverSortRequested(m_columnKeys[column], order);
        return;
    }
    if (m_sortJob && m_sortJob->column == column && m_sortJob->order == order)
        return; // already on its way
    cancelSortJob();
    if (column < 0 || column >= columnCount()) {
        m_serverSortKey.clear();
        // No sort column: back to the order the provider sent.
        if (m_sortColumn < 0)
            return;
        reorderRows([this] {
            m_sortColumn = -1;
            setSortKeys(std::make_shared<ColumnSortKeys>());
            std::iota(m_order.begin(), m_order.end(), 0u);
        });
        return;
    }
    if (qsizetype(m_records.size()) >= m_backgroundSortThreshold) {
        // The rows keep the server's order (and appendRows its rules) until the result lands.
        startSortJob(column, order);
        return;
    }
    // From here the loaded rows are sorted here, whatever order the server used.
    m_serverSortKey.clear();
    reorderRows([this, column, order] {
        if (column != m_sortColumn || m_sortKeys->size() != m_records.size()
            || m_sortKeys->columnKey() != m_columnKeys[column]) {
            auto keys = std::make_shared<ColumnSortKeys>(m_columnKeys[column], m_providerId);
            for (std::size_t i = 0; i < m_records.size(); ++i)
                keys->append(columnPart(i, column));
            setSortKeys(std::move(keys));
        }
        m_sortColumn = column;
        m_sortOrder = order;
        // Stable on the current order: ties keep what the previous sort made of them.
        m_order = m_sortKeys->sorted(m_order, order);
    });
}

void CdrTableModel::startSortJob(int column, Qt::SortOrder order)
{
    auto job = std::make_unique<SortJob>();
    job->generation = ++m_sortGeneration;
    job->column = column;
    job->order = order;
    const QString &key = m_columnKeys[column];
    job->reusesKeys = column == m_sortColumn && m_serverSortKey.isEmpty() && m_sortKeys->columnKey() == key
                      && m_sortKeys->size() <= m_records.size();
    job->base = job->reusesKeys ? std::shared_ptr<const ColumnSortKeys>(m_sortKeys)
                                : std::make_shared<const ColumnSortKeys>(key, m_providerId);
    job->sources.reserve(m_records.size() - job->base->size());
    m_sortJob = std::move(job);
    extractSortKeys(m_sortJob->generation);
}

void CdrTableModel::extractSortKeys(quint64 generation)
{
    if (!m_sortJob || m_sortJob->generation != generation || m_sortJob->extracted)
        return;
    SortJob &job = *m_sortJob;
    QElapsedTimer clock;
    clock.start();
    // Rows that arrive between slices are taken in too.
    std::size_t next = job.base->size() + job.sources.size();
    while (next < m_records.size()) {
        job.sources.push_back(job.base->source(columnPart(next++, job.column)));
        if (next % 1024 == 0 && clock.elapsed() >= sliceBudgetMs) {
            QTimer::singleShot(0, this, [this, generation] { extractSortKeys(generation); });
            return;
        }
    }
    job.extracted = true;
    job.covered = next;
    startSortWorker();
}

void CdrTableModel::startSortWorker()
{
    if (m_sortWorkerRunning || !m_sortJob || !m_sortJob->extracted)
        return;
    SortJob &job = *m_sortJob;
    auto work = std::make_shared<SortWork>();
    work->generation = job.generation;
    work->order = job.order;
    work->reusesKeys = job.reusesKeys;
    work->base = std::move(job.base);
    work->sources = std::move(job.sources);
    work->rows.reserve(job.covered);
    for (const quint32 row : m_order) {
        if (row < job.covered)
            work->rows.push_back(row);
    }

    QThread *thread = QThread::create([work] {
        std::shared_ptr<ColumnSortKeys> keys;
        if (!work->reusesKeys || !work->sources.empty()) {
            keys = std::make_shared<ColumnSortKeys>(*work->base);
            for (const SortKeySource &source : work->sources)
                keys->append(source);
            work->sources = {};
        }
        work->sorted = (keys ? *keys : *work->base).sorted(work->rows, work->order);
        work->rows = {};
        work->keys = std::move(keys);
        work->base.reset(); // last: see ownSortKeys()
    });
    connect(thread, &QThread::finished, this, [this, work] { finishSortWork(work); });
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    m_sortWorkerRunning = true;
    thread->start();
}

void CdrTableModel::finishSortWork(const std::shared_ptr<SortWork> &work)
{
    m_sortWorkerRunning = false;
    if (!m_sortJob || m_sortJob->generation != work->generation) {
        startSortWorker(); // a newer job may be waiting for the worker
        return;
    }
    const SortJob &job = *m_sortJob;
    const int column = job.column;
    const Qt::SortOrder order = job.order;
    if (m_records.size() - job.covered > lateRowsLimit) {
        cancelSortJob();
        startSortJob(column, order);
        return;
    }
    // With reused keys, appendRows and replaceRecord kept m_sortKeys current for this column.
    std::shared_ptr<ColumnSortKeys> keys = work->keys ? std::move(work->keys) : m_sortKeys;
    if (keys != m_sortKeys) {
        for (std::size_t i = job.covered; i < m_records.size(); ++i)
            keys->append(columnPart(i, column));
        for (const quint32 index : job.replaced)
            keys->replace(index, columnPart(index, column));
    }
    // Rows that arrived during the sort go into place, after equal ones already there.
    std::vector<quint32> rows = std::move(work->sorted);
    const auto settled = std::ptrdiff_t(rows.size());
    for (std::size_t i = job.covered; i < m_records.size(); ++i)
        rows.push_back(quint32(i));
    const auto less = [&keys, order](quint32 a, quint32 b) { return keys->less(a, b, order); };
    std::stable_sort(rows.begin() + settled, rows.end(), less);
    std::inplace_merge(rows.begin(), rows.begin() + settled, rows.end(), less);

    m_sortJob.reset();
    m_serverSortKey.clear();
    reorderRows([&] {
        setSortKeys(std::move(keys));
        m_sortColumn = column;
        m_sortOrder = order;
        m_order = std::move(rows);
    });
}
