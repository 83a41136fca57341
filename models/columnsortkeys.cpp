#include "columnsortkeys.h"

#include "cdrrecord.h"
#include "sortkeyencoding.h"

#include <algorithm>

namespace {

QString plainText(const CdrRecord &record, QStringView key, const QString &providerId)
{
    switch (unifiedFieldFromKey(key).value_or(UnifiedField::Provider)) {
    case UnifiedField::Amount:
        return record.amount;
    case UnifiedField::Rate:
        return record.rate;
    default:
        return columnText(record, key, providerId, TimeFormat{});
    }
}

quint64 biased(qint64 value)
{
    return quint64(value) ^ (quint64(1) << 63);
}

} // namespace

QDateTime columnTime(const CdrRecord &record, QStringView key, const QString &providerId)
{
    if (const std::optional<UnifiedField> field = unifiedFieldFromKey(key)) {
        switch (*field) {
        case UnifiedField::StartTime:
            return record.startTime;
        case UnifiedField::AnswerTime:
            return record.answerTime;
        case UnifiedField::EndTime:
            return record.endTime;
        default:
            break;
        }
    }
    // A native field the provider declared as a time: columnText writes it as ISO 8601.
    const QString text = columnText(record, key, providerId, TimeFormat{});
    return text.isEmpty() ? QDateTime() : QDateTime::fromString(text, Qt::ISODateWithMs);
}

std::optional<qint64> columnSeconds(const CdrRecord &record, QStringView key, const QString &providerId)
{
    if (const std::optional<UnifiedField> field = unifiedFieldFromKey(key)) {
        if (*field == UnifiedField::Duration)
            return record.duration;
        if (*field == UnifiedField::BilledDuration)
            return record.billedDuration;
    }
    bool ok = false;
    const qint64 seconds = columnText(record, key, providerId, TimeFormat{}).trimmed().toLongLong(&ok);
    return ok ? std::optional<qint64>(seconds) : std::nullopt;
}

ColumnSortKeys::ColumnSortKeys(QString columnKey, QString providerId)
    : m_key(std::move(columnKey))
    , m_providerId(std::move(providerId))
    , m_field(unifiedFieldFromKey(m_key))
    , m_type(columnType(m_key))
    , m_native(m_key.startsWith(rawPrefix))
{
    if (m_native)
        m_nativeName = m_key.mid(rawPrefix.size());
    switch (m_type) {
    case ColumnType::Time:
    case ColumnType::Seconds:
        m_mode = Mode::Numbers;
        break;
    case ColumnType::Decimal:
    case ColumnType::Number:
        m_mode = Mode::Decimals;
        break;
    case ColumnType::Text:
        m_mode = m_native ? Mode::Decimals : Mode::Texts;
        break;
    }
}

SortKeySource ColumnSortKeys::source(const CdrRecord &record) const
{
    SortKeySource source;
    switch (m_mode) {
    case Mode::Numbers: {
        std::optional<qint64> number;
        if (m_type == ColumnType::Seconds) {
            if (m_field == UnifiedField::Duration)
                number = record.duration;
            else if (m_field == UnifiedField::BilledDuration)
                number = record.billedDuration;
            else
                number = columnSeconds(record, m_key, m_providerId);
        } else {
            const QDateTime *time = m_field == UnifiedField::StartTime    ? &record.startTime
                                    : m_field == UnifiedField::AnswerTime ? &record.answerTime
                                    : m_field == UnifiedField::EndTime    ? &record.endTime
                                                                          : nullptr;
            const QDateTime other = time ? QDateTime() : columnTime(record, m_key, m_providerId);
            const QDateTime &value = time ? *time : other;
            if (value.isValid())
                number = value.toMSecsSinceEpoch();
        }
        if (number) {
            source.kind = SortKeySource::Kind::Integer;
            source.integer = *number;
        }
        break;
    }
    case Mode::Decimals:
        if (m_native && m_type == ColumnType::Text) {
            const NativeValue *value = record.nativeValue(m_nativeName);
            if (value && value->kind == NativeValue::Kind::Number) {
                source.kind = SortKeySource::Kind::Decimal;
                source.text = value->text;
            } else if (value && !value->isNull() && !value->text.isEmpty()) {
                source.kind = SortKeySource::Kind::Text;
                source.text = value->text;
            }
        } else {
            source.kind = SortKeySource::Kind::Decimal;
            source.text = m_field == UnifiedField::Amount ? record.amount
                          : m_field == UnifiedField::Rate ? record.rate
                                                          : plainText(record, m_key, m_providerId);
        }
        break;
    case Mode::Texts:
        source.kind = SortKeySource::Kind::Text;
        switch (m_field.value_or(UnifiedField::Provider)) {
        case UnifiedField::Id:
            source.text = record.id;
            break;
        case UnifiedField::Caller:
            source.text = record.caller;
            break;
        case UnifiedField::Callee:
            source.text = record.callee;
            break;
        default:
            source.text = plainText(record, m_key, m_providerId);
            break;
        }
        break;
    }
    return source;
}

void ColumnSortKeys::append(const SortKeySource &source)
{
    m_cells.emplace_back();
    m_full.emplace_back();
    setCell(quint32(m_cells.size() - 1), source);
}

void ColumnSortKeys::replace(quint32 index, const CdrRecord &record)
{
    if (index < m_cells.size())
        setCell(index, source(record));
}

void ColumnSortKeys::setText(quint32 index, const QString &text)
{
    Cell &cell = m_cells[index];
    const QString folded = caseFolded(text);
    cell.rank = Rank::Text;
    const bool whole = textPrefix(folded, cell.high, cell.low);
    cell.flags = whole ? 0 : Flag::Partial;
    m_full[index] = whole ? QString() : folded;
}

void ColumnSortKeys::setCell(quint32 index, const SortKeySource &source)
{
    Cell &cell = m_cells[index];
    cell = Cell();
    m_full[index] = QString();
    switch (source.kind) {
    case SortKeySource::Kind::Unset:
        break;
    case SortKeySource::Kind::Integer:
        cell.rank = Rank::Number;
        cell.high = biased(source.integer);
        break;
    case SortKeySource::Kind::Decimal: {
        const QStringView trimmed = QStringView(source.text).trimmed();
        if (trimmed.isEmpty())
            break;
        const std::optional<ScaledDecimal> decimal = scaledDecimal(trimmed);
        if (!decimal) {
            setText(index, trimmed.toString());
            break;
        }
        const Unsigned128 key = Unsigned128(decimal->value) ^ (Unsigned128(1) << 127);
        cell.rank = Rank::Number;
        cell.high = quint64(key >> 64);
        cell.low = quint64(key);
        if (!decimal->exact) {
            cell.flags = Flag::Partial | (decimal->negative ? Flag::Negative : 0);
            m_full[index] = trimmed.toString();
        }
        break;
    }
    case SortKeySource::Kind::Text:
        if (!source.text.isEmpty())
            setText(index, source.text);
        break;
    }
}

int ColumnSortKeys::compareEqualCells(quint32 a, quint32 b) const
{
    const Cell &left = m_cells[a];
    const Cell &right = m_cells[b];
    const bool leftPartial = left.flags & Flag::Partial;
    const bool rightPartial = right.flags & Flag::Partial;
    if (!leftPartial && !rightPartial)
        return 0;
    if (leftPartial && rightPartial) {
        if (left.rank == Rank::Number)
            return compareDecimalText(m_full[a], m_full[b]).value_or(0);
        const int c = m_full[a].compare(m_full[b]);
        return c < 0 ? -1 : (c > 0 ? 1 : 0);
    }
    // A whole text equal to a partial one's prefix is a proper prefix of it.
    if (left.rank == Rank::Text)
        return leftPartial ? 1 : -1;
    // An exact decimal against one truncated toward zero to the same key.
    if (rightPartial)
        return (right.flags & Flag::Negative) ? 1 : -1;
    return (left.flags & Flag::Negative) ? -1 : 1;
}

bool ColumnSortKeys::less(quint32 a, quint32 b, Qt::SortOrder order) const
{
    const Cell &left = m_cells[a];
    const Cell &right = m_cells[b];
    const bool leftUnset = left.rank == Rank::Unset;
    const bool rightUnset = right.rank == Rank::Unset;
    if (leftUnset || rightUnset)
        return !leftUnset && rightUnset;
    int c = 0;
    if (left.rank != right.rank)
        c = left.rank < right.rank ? -1 : 1;
    else if (left.high != right.high)
        c = left.high < right.high ? -1 : 1;
    else if (left.low != right.low)
        c = left.low < right.low ? -1 : 1;
    else
        c = compareEqualCells(a, b);
    return order == Qt::AscendingOrder ? c < 0 : c > 0;
}

std::vector<quint32> ColumnSortKeys::sorted(const std::vector<quint32> &rows, Qt::SortOrder order) const
{
    // The keys are copied next to the row index so that the sort reads memory in
    // sequence; descending flips the keys, so one comparison serves both orders.
    struct Entry {
        quint64 high;
        quint64 low;
        quint32 index;
        quint8 rank;
        quint8 flags;
    };
    const bool descending = order == Qt::DescendingOrder;
    std::vector<Entry> entries;
    entries.reserve(rows.size());
    for (const quint32 row : rows) {
        const Cell &cell = m_cells[row];
        Entry entry{cell.high, cell.low, row, cell.rank, cell.flags};
        if (descending && cell.rank != Rank::Unset) {
            entry.high = ~entry.high;
            entry.low = ~entry.low;
            entry.rank = quint8(Rank::Text - cell.rank);
        }
        entries.push_back(entry);
    }
    const int direction = descending ? -1 : 1;
    std::stable_sort(entries.begin(), entries.end(), [this, direction](const Entry &a, const Entry &b) {
        if (a.rank != b.rank)
            return a.rank < b.rank;
        if (a.high != b.high)
            return a.high < b.high;
        if (a.low != b.low)
            return a.low < b.low;
        if (((a.flags | b.flags) & Flag::Partial) == 0 || a.rank == Rank::Unset)
            return false;
        return direction * compareEqualCells(a.index, b.index) < 0;
    });
    std::vector<quint32> result;
    result.reserve(entries.size());
    for (const Entry &entry : entries)
        result.push_back(entry.index);
    return result;
}
