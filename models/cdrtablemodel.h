#pragma once

#include "columns.h"
#include "cdrrecord.h"
#include "apierror.h"
#include "columnsortkeys.h"
#include "compactrecordstore.h"

#include <QAbstractTableModel>
#include <QSet>
#include <QStringList>
#include <QTimeZone>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

class SearchSession;

// The loaded CDRs of one search, paged in as the view scrolls (canFetchMore /
// fetchMore) or all at once (loadAll). Rows are kept in a CompactRecordStore and
// read back per cell, only the field a column shows. Sorting permutes an index
// vector over the loaded rows; it never copies records. Large sorts run on a worker thread
// and land in one layout change; until then the rows keep their old order. Columns are the unified keys, then
// raw.<name> for each native field seen so far, in the order first seen.
class CdrTableModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CdrTableModel)
public:
    // RawValueRole: QDateTime (UTC), qint64 seconds or integers, decimal text as QString, bool; null when unset.
    // SortKeyRole: what the column sorts by (ms since epoch, seconds, decimal text, case-folded text).
    enum Role { RawValueRole = Qt::UserRole, SortKeyRole, ColumnKeyRole };

    explicit CdrTableModel(QObject *parent = nullptr);
    ~CdrTableModel() override;

    // Drops the old search (its late replies are ignored), resets, and loads the first page.
    void startSearch(std::unique_ptr<SearchSession> session, const QString &providerId);
    void clear();   // drops the search and its rows
    void loadAll();
    void cancel();
    void resume();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    CdrRecord record(int row) const;   // row as shown (after sorting), read back from the store
    CdrRecord record(int row, const RecordSelection &selection) const;   // only the parts asked for
    // Puts a fresher copy of a loaded call (same id) in place, e.g. after the
    // detail pane refreshed it; the row keeps its position. False if not loaded.
    bool replaceRecord(const CdrRecord &record);
    QString providerId() const { return m_providerId; }
    QStringList columnKeys() const { return m_columnKeys; }
    int columnForKey(QStringView key) const;  // -1 when absent
    int sortColumn() const { return m_sortColumn; }   // -1: arrival order
    Qt::SortOrder sortOrder() const { return m_sortOrder; }
    bool isSorting() const { return m_sortJob != nullptr; }   // a sort is being worked on off the GUI thread
    // From this many rows a sort runs off the GUI thread (below it, sort() returns sorted).
    void setBackgroundSortThreshold(qsizetype rows) { m_backgroundSortThreshold = rows; }

    void setDisplayTimeZone(const QTimeZone &zone);
    QTimeZone displayTimeZone() const { return m_zone; }

    qint64 loadedCount() const;
    std::size_t storedBytes() const { return m_records.bytesUsed(); }   // the rows' own memory, for the benchmark
    std::optional<qint64> totalCount() const;
    bool allLoaded() const;
    bool isLoading() const;
    bool sortCoversLoadedRowsOnly() const;   // sorted locally while not every row is loaded
    bool sortedByServer() const { return !m_serverSortKey.isEmpty(); }   // rows are in the server's order
    std::optional<ApiError> lastError() const;
    SearchSession *session() const { return m_session.get(); }

signals:
    void loadingChanged(bool loading);
    void progressChanged(qint64 loaded, std::optional<qint64> total);
    void searchFailed(const ApiError &error);
    void searchFinished();
    void columnsChanged();
    // A header click the server should answer: re-run the search sorted on `columnKey`.
    void serverSortRequested(const QString &columnKey, Qt::SortOrder order);

private:
    struct SortJob;
    struct SortWork;
    void startSortJob(int column, Qt::SortOrder order);
    void extractSortKeys(quint64 generation);   // one time-boxed slice on the GUI thread
    void startSortWorker();
    void finishSortWork(const std::shared_ptr<SortWork> &work);
    void cancelSortJob();
    void setSortKeys(std::shared_ptr<ColumnSortKeys> keys);   // the old ones are freed off the GUI thread
    ColumnSortKeys &ownSortKeys();   // m_sortKeys, copied first if a job or worker still reads it
    void noteReplacedForSort(quint32 recordIndex);   // a pending sort re-reads that record's key
    void appendRows(const std::vector<CdrRecord> &rows);
    void appendColumn(const QString &key);
    CdrRecord columnPart(std::size_t recordIndex, int column) const;   // only what that column reads
    void addRawColumns(const std::vector<CdrRecord> &rows);
    void reorderRows(const std::function<void()> &reorder);   // a layout change keeping persistent indexes
    bool rowLess(quint32 a, quint32 b) const;
    bool serverCanSort(const QString &key) const;   // not all loaded, and the provider sorts on it
    QVariant typedValue(const CdrRecord &rec, int column, bool forSorting) const;
    void dropSession();
    void updateLoading();
    void resetColumns();

    std::unique_ptr<SearchSession> m_session;
    QString m_providerId;
    CompactRecordStore m_records;       // in arrival order
    std::vector<quint32> m_order;       // view row -> index into m_records
    QStringList m_columnKeys;
    std::vector<ColumnType> m_columnTypes;   // parallel to m_columnKeys
    std::vector<RecordSelection> m_columnSelections;   // parallel to m_columnKeys
    QSet<QString> m_rawNames;               // native field names that have a column
    std::shared_ptr<ColumnSortKeys> m_sortKeys = std::make_shared<ColumnSortKeys>();   // of m_sortColumn, by arrival index
    std::unique_ptr<SortJob> m_sortJob;           // the sort asked for last, until it is applied
    quint64 m_sortGeneration = 0;                 // bumped whenever a pending sort becomes stale
    bool m_sortWorkerRunning = false;
    qsizetype m_backgroundSortThreshold = 20000;
    bool m_loading = false;
    QTimeZone m_zone = QTimeZone::utc();
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    // Column key the session's query asked the server to sort on; the rows then
    // stay in arrival order, which already is the sorted order of all matches.
    QString m_serverSortKey;
};
