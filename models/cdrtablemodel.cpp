#include "cdrtablemodel.h"
#include "cdrtablemodelsort.h"

#include "searchsession.h"

#include <algorithm>
#include <limits>
#include <numeric>

using namespace Qt::StringLiterals;

namespace {

bool isNumeric(ColumnType type)
{
    return type == ColumnType::Seconds || type == ColumnType::Number || type == ColumnType::Decimal;
}

// "0:04", "1:04", "1:02:03": how long a call took reads faster than a count of seconds.
QString formatDuration(qint64 seconds)
{
    const QString sign = seconds < 0 ? u"-"_s : QString();
    const qint64 value = seconds < 0 ? -seconds : seconds;
    const qint64 hours = value / 3600;
    const qint64 minutes = value / 60 % 60;
    const qint64 rest = value % 60;
    if (hours > 0)
        return u"%1%2:%3:%4"_s.arg(sign)
            .arg(hours)
            .arg(minutes, 2, 10, QLatin1Char('0'))
            .arg(rest, 2, 10, QLatin1Char('0'));
    return u"%1%2:%3"_s.arg(sign).arg(minutes).arg(rest, 2, 10, QLatin1Char('0'));
}

QVariant nativeTyped(const NativeValue &value)
{
    switch (value.kind) {
    case NativeValue::Kind::Null:
        return {};
    case NativeValue::Kind::Bool:
        return value.text == "true"_L1;
    case NativeValue::Kind::Number: {
        bool ok = false;
        const qint64 integer = value.text.toLongLong(&ok);
        return ok ? QVariant(integer) : QVariant(value.text); // fractions stay decimal text
    }
    case NativeValue::Kind::String:
    case NativeValue::Kind::Object:
    case NativeValue::Kind::Array:
        return value.text;
    }
    return {};
}

} // namespace

CdrTableModel::CdrTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    resetColumns();
}

CdrTableModel::~CdrTableModel() = default;

void CdrTableModel::resetColumns()
{
    m_columnKeys.clear();
    m_columnTypes.clear();
    m_columnSelections.clear();
    for (const QString &key : unifiedColumnKeys())
        appendColumn(key);
    m_rawNames.clear();
}

void CdrTableModel::appendColumn(const QString &key)
{
    m_columnKeys.append(key);
    m_columnTypes.push_back(columnType(key));
    m_columnSelections.push_back(RecordSelection::forColumn(key));
}

CdrRecord CdrTableModel::columnPart(std::size_t recordIndex, int column) const
{
    return m_records.record(recordIndex, m_columnSelections[size_t(column)]);
}

void CdrTableModel::dropSession()
{
    if (!m_session)
        return;
    // Destroying the session aborts its replies; nothing from it arrives later.
    m_session->disconnect(this);
    m_session.reset();
}

void CdrTableModel::startSearch(std::unique_ptr<SearchSession> session, const QString &providerId)
{
    const int oldColumns = columnCount();
    beginResetModel();
    cancelSortJob();
    dropSession();
    m_records.clear();
    m_order.clear();
    resetColumns();
    m_providerId = providerId;
    m_session = std::move(session);
    m_serverSortKey.clear();
    if (m_session && !m_session->query().sortColumn.isEmpty()) {
        // The server sorts; a raw column gets its index once its first row arrives.
        m_serverSortKey = m_session->query().sortColumn;
        m_sortColumn = columnForKey(m_serverSortKey);
        m_sortOrder = m_session->query().sortDescending ? Qt::DescendingOrder : Qt::AscendingOrder;
    }
    // Keep a sort on a unified column for the next search; raw columns may differ.
    if (m_sortColumn >= columnCount())
        m_sortColumn = -1;
    setSortKeys(m_sortColumn >= 0 && m_serverSortKey.isEmpty()
                    ? std::make_shared<ColumnSortKeys>(m_columnKeys[m_sortColumn], m_providerId)
                    : std::make_shared<ColumnSortKeys>());
    endResetModel();

    if (oldColumns != columnCount())
        emit columnsChanged();
    emit progressChanged(0, std::nullopt);
    if (!m_session) {
        updateLoading();
        return;
    }
    SearchSession *s = m_session.get();
    connect(s, &SearchSession::rowsArrived, this, &CdrTableModel::appendRows);
    connect(s, &SearchSession::totalKnown, this, [this] { emit progressChanged(loadedCount(), totalCount()); });
    connect(s, &SearchSession::busyChanged, this, [this] { updateLoading(); });
    connect(s, &SearchSession::failed, this, [this](const ApiError &error) { emit searchFailed(error); });
    connect(s, &SearchSession::finished, this, [this] { emit searchFinished(); });
    s->fetchMore();
    updateLoading();
}

void CdrTableModel::clear()
{
    startSearch(nullptr, QString());
}

void CdrTableModel::loadAll()
{
    if (m_session)
        m_session->fetchAll();
}

void CdrTableModel::cancel()
{
    if (m_session)
        m_session->cancel();
}

void CdrTableModel::resume()
{
    if (m_session)
        m_session->resume();
}

void CdrTableModel::updateLoading()
{
    const bool loading = isLoading();
    if (loading == m_loading)
        return;
    m_loading = loading;
    emit loadingChanged(loading);
}

int CdrTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_order.size());
}

int CdrTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columnKeys.size());
}

QVariant CdrTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QString &key = m_columnKeys[index.column()];
    const ColumnType type = m_columnTypes[size_t(index.column())];
    switch (role) {
    case Qt::TextAlignmentRole:
        return int(isNumeric(type) ? Qt::AlignRight | Qt::AlignVCenter : Qt::AlignLeft | Qt::AlignVCenter);
    case ColumnKeyRole:
        return key;
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
    case RawValueRole:
    case SortKeyRole:
        break;
    default:
        return {};   // a view asks for many roles per cell: only these read the row
    }

    const CdrRecord rec = columnPart(m_order[size_t(index.row())], index.column());
    switch (role) {
    case Qt::DisplayRole:
        if (type == ColumnType::Seconds) {
            const std::optional<qint64> seconds = columnSeconds(rec, key, m_providerId);
            return seconds ? formatDuration(*seconds) : QString();
        }
        return columnText(rec, key, m_providerId, {TimeFormat::Style::Display, m_zone});
    case Qt::ToolTipRole:
        if (type == ColumnType::Seconds) {
            if (const std::optional<qint64> seconds = columnSeconds(rec, key, m_providerId))
                return tr("%n second(s)", nullptr,
                    int(std::clamp<qint64>(
                        *seconds, std::numeric_limits<int>::min(), std::numeric_limits<int>::max())));
        } else if (type == ColumnType::Time) {
            // The table shows the chosen zone; the tooltip gives the UTC instant as stored.
            const QString utc = columnText(rec, key, m_providerId, TimeFormat{});
            if (!utc.isEmpty())
                return utc;
        }
        return {};
    default:
        return typedValue(rec, index.column(), role == SortKeyRole);
    }
}

QVariant CdrTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount())
        return QAbstractTableModel::headerData(section, orientation, role);
    const QString &key = m_columnKeys[section];
    switch (role) {
    case Qt::DisplayRole:
        // Times are shown in the display zone; the header names it.
        if (m_columnTypes[size_t(section)] == ColumnType::Time)
            return u"%1 (%2)"_s.arg(columnTitle(key), m_zone == QTimeZone::utc() ? u"UTC"_s : QString::fromLatin1(m_zone.id()));
        return columnTitle(key);
    case Qt::ToolTipRole:
        return u"%1\n%2"_s.arg(key, serverCanSort(key) ? tr("Click to sort: the server sorts all matching calls")
                                                      : tr("Click to sort the loaded rows"));
    case ColumnKeyRole:
        return key;
    case Qt::TextAlignmentRole:
        return int(isNumeric(m_columnTypes[size_t(section)]) ? Qt::AlignRight | Qt::AlignVCenter
                                                             : Qt::AlignLeft | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant CdrTableModel::typedValue(const CdrRecord &rec, int column, bool forSorting) const
{
    const QString &key = m_columnKeys[column];
    const ColumnType type = m_columnTypes[size_t(column)];
    if (type == ColumnType::Time) {
        const QDateTime time = columnTime(rec, key, m_providerId);
        if (!time.isValid())
            return {};
        return forSorting ? QVariant(time.toMSecsSinceEpoch()) : QVariant(time);
    }
    if (type == ColumnType::Seconds) {
        const std::optional<qint64> seconds = columnSeconds(rec, key, m_providerId);
        return seconds ? QVariant(*seconds) : QVariant();
    }
    QVariant value;
    if (key.startsWith(rawPrefix)) {
        const NativeValue *native = rec.nativeValue(QStringView(key).mid(rawPrefix.size()));
        if (native)
            value = nativeTyped(*native);
    } else if (QString text = columnText(rec, key, m_providerId, TimeFormat{}); !text.isEmpty()) {
        value = std::move(text);
    }
    if (forSorting && type == ColumnType::Text && value.typeId() == QMetaType::QString)
        return value.toString().toCaseFolded();
    return value;
}

bool CdrTableModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_session && !m_session->atEnd() && !m_session->isBusy() && !m_session->lastError();
}

void CdrTableModel::fetchMore(const QModelIndex &parent)
{
    if (!parent.isValid() && m_session)
        m_session->fetchMore();
}

bool CdrTableModel::rowLess(quint32 a, quint32 b) const
{
    return m_sortKeys->less(a, b, m_sortOrder);
}

void CdrTableModel::reorderRows(const std::function<void()> &reorder)
{
    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    std::vector<quint32> recordOf;
    recordOf.reserve(size_t(before.size()));
    for (const QModelIndex &index : before)
        recordOf.push_back(m_order[size_t(index.row())]);

    reorder();

    if (!before.isEmpty()) {
        std::vector<int> rowOf(m_records.size());
        for (size_t row = 0; row < m_order.size(); ++row)
            rowOf[m_order[row]] = int(row);
        QModelIndexList after;
        after.reserve(before.size());
        for (qsizetype i = 0; i < before.size(); ++i)
            after.append(index(rowOf[recordOf[size_t(i)]], before[i].column()));
        changePersistentIndexList(before, after);
    }
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

bool CdrTableModel::serverCanSort(const QString &key) const
{
    return m_session && !m_session->atEnd() && m_session->provider().serverSortableColumns().contains(key);
}

void CdrTableModel::addRawColumns(const std::vector<CdrRecord> &rows)
{
    QStringList added;
    for (const CdrRecord &record : rows) {
        for (const NativeField &field : record.native) {
            if (field.name.isEmpty() || m_rawNames.contains(field.name))
                continue;
            m_rawNames.insert(field.name);
            added.append(rawPrefix + field.name);
        }
    }
    if (added.isEmpty())
        return;
    const int first = columnCount();
    beginInsertColumns({}, first, first + int(added.size()) - 1);
    for (const QString &key : std::as_const(added))
        appendColumn(key);
    endInsertColumns();
    if (!m_serverSortKey.isEmpty() && m_sortColumn < 0)
        m_sortColumn = columnForKey(m_serverSortKey);
    emit columnsChanged();
}

void CdrTableModel::appendRows(const std::vector<CdrRecord> &rows)
{
    if (rows.empty())
        return;
    addRawColumns(rows);

    const size_t first = m_records.size();
    const bool sorted = m_sortColumn >= 0 && m_serverSortKey.isEmpty();
    beginInsertRows({}, int(first), int(first + rows.size()) - 1);
    ColumnSortKeys *keys = sorted ? &ownSortKeys() : nullptr;
    for (const CdrRecord &row : rows) {
        m_order.push_back(quint32(m_records.size()));
        m_records.append(row);
        if (keys)
            keys->append(row);
    }
    // The new rows are not visible yet, so their order among themselves is free.
    const auto less = [this](quint32 a, quint32 b) { return rowLess(a, b); };
    const auto tail = m_order.begin() + std::ptrdiff_t(first);
    if (sorted)
        std::stable_sort(tail, m_order.end(), less);
    endInsertRows();

    // Then move them into place among the rows already shown, in one layout change.
    if (sorted && first > 0 && less(*tail, *(tail - 1)))
        reorderRows([this, first, less] {
            std::inplace_merge(m_order.begin(), m_order.begin() + std::ptrdiff_t(first), m_order.end(), less);
        });

    emit progressChanged(loadedCount(), totalCount());
}

CdrRecord CdrTableModel::record(int row) const
{
    Q_ASSERT(row >= 0 && size_t(row) < m_order.size());
    return m_records.record(m_order[size_t(row)]);
}

CdrRecord CdrTableModel::record(int row, const RecordSelection &selection) const
{
    Q_ASSERT(row >= 0 && size_t(row) < m_order.size());
    return m_records.record(m_order[size_t(row)], selection);
}

bool CdrTableModel::replaceRecord(const CdrRecord &record)
{
    const std::optional<std::size_t> found = m_records.indexOfId(record.id);
    if (!found)
        return false;
    addRawColumns({record});
    m_records.replace(*found, record);
    const auto recordIndex = quint32(*found);
    // The row stays where the user saw it; only its sort keys are brought up to date.
    if (m_sortColumn >= 0 && m_serverSortKey.isEmpty())
        ownSortKeys().replace(recordIndex, record);
    noteReplacedForSort(recordIndex);
    const auto row = int(std::find(m_order.begin(), m_order.end(), recordIndex) - m_order.begin());
    emit dataChanged(index(row, 0), index(row, columnCount() - 1));
    return true;
}

int CdrTableModel::columnForKey(QStringView key) const
{
    return int(m_columnKeys.indexOf(key));
}

void CdrTableModel::setDisplayTimeZone(const QTimeZone &zone)
{
    if (zone == m_zone)
        return;
    m_zone = zone;
    if (columnCount() > 0)
        emit headerDataChanged(Qt::Horizontal, 0, columnCount() - 1);
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1), {Qt::DisplayRole});
}

qint64 CdrTableModel::loadedCount() const
{
    return qint64(m_records.size());
}

std::optional<qint64> CdrTableModel::totalCount() const
{
    return m_session ? m_session->total() : std::nullopt;
}

bool CdrTableModel::allLoaded() const
{
    return m_session && m_session->atEnd();
}

bool CdrTableModel::isLoading() const
{
    return m_session && m_session->isBusy();
}

bool CdrTableModel::sortCoversLoadedRowsOnly() const
{
    return m_sortColumn >= 0 && m_serverSortKey.isEmpty() && m_session && !m_session->atEnd();
}

std::optional<ApiError> CdrTableModel::lastError() const
{
    return m_session ? m_session->lastError() : std::nullopt;
}
