#pragma once

#include "columns.h"

#include <QDateTime>
#include <QString>
#include <QStringView>

#include <optional>
#include <vector>

struct CdrRecord;

// Compares two decimal texts ("0.00200", "-1.5", "3e-2") exactly, digit by digit:
// money never passes through a double. Returns <0, 0 or >0; nullopt when either
// side is not a decimal number.
std::optional<int> compareDecimalText(QStringView a, QStringView b);

// Typed cell values, shared by sorting and the table model's roles.
QDateTime columnTime(const CdrRecord &record, QStringView key, const QString &providerId);   // invalid: unset
std::optional<qint64> columnSeconds(const CdrRecord &record, QStringView key, const QString &providerId);

// What one record gives a column's sort key, copied out of the record on the
// GUI thread. The QString shares the record's data (copying it is thread-safe),
// so a worker can turn it into a key while the record itself changes or goes.
struct SortKeySource {
    enum class Kind : quint8 { Unset, Integer, Decimal, Text };
    Kind kind = Kind::Unset;
    bool trimmed = false;  // Text: trim before folding (a decimal column's text that is not a number)
    qint64 integer = 0;    // Integer: ms since epoch or seconds
    QString text;          // Decimal: as sent; Text: not yet case-folded
};

// The sort keys of one column, one per record in arrival order, extracted once
// so that sorting a million rows compares fixed-width integers: int64 times and
// seconds, decimals scaled exactly to 10^-18 in an __int128, and the first 16
// bytes of case-folded text. Only keys whose fixed part is equal and does not
// hold the whole value (long text, decimals beyond the scale) compare the full
// value. Unset values (empty text, no time, no duration) sort last in both
// directions: a support person looks for the calls that have a value.
class ColumnSortKeys {
public:
    ColumnSortKeys() = default;
    ColumnSortKeys(QString columnKey, QString providerId);

    QString columnKey() const { return m_key; }
    SortKeySource source(const CdrRecord &record) const;   // reads the record: on the GUI thread
    void append(const SortKeySource &source);              // the key of the next record; any thread
    void append(const CdrRecord &record) { append(source(record)); }
    void replace(quint32 index, const CdrRecord &record);  // a record changed after its key was made
    std::size_t size() const { return m_cells.size(); }
    bool less(quint32 a, quint32 b, Qt::SortOrder order) const;   // strict weak order, for stable_sort
    // `rows` (arrival indexes in their current order) stably sorted: ties keep that order.
    std::vector<quint32> sorted(const std::vector<quint32> &rows, Qt::SortOrder order) const;

private:
    // Ranks order a decimal column: numbers, then text that is not a number; unset last.
    enum Rank : quint8 { Number = 0, Text = 1, Unset = 2 };
    enum Flag : quint8 { Partial = 1, Negative = 2 };   // Partial: the fixed part is not the whole value
    struct Cell {
        quint64 high = 0;   // order-preserving: biased integer, or the first 8 text bytes
        quint64 low = 0;
        quint8 rank = Unset;
        quint8 flags = 0;
    };
    void setCell(quint32 index, const SortKeySource &source);
    void setText(quint32 index, const QString &text);
    int compareEqualCells(quint32 a, quint32 b) const;   // fixed parts equal: the full values decide

    // Native fields are all Text columns, but a JSON number in one sorts as a
    // number (numbers first, then text), so call_duration or a code sorts 9 < 10.
    enum class Mode : quint8 { Numbers, Decimals, Texts };

    QString m_key;
    QString m_providerId;
    std::optional<UnifiedField> m_field;
    QString m_nativeName;   // for raw.<name>
    ColumnType m_type = ColumnType::Text;
    Mode m_mode = Mode::Texts;
    bool m_native = false;
    std::vector<Cell> m_cells;
    // Partial cells only: the case-folded text, or the trimmed decimal text.
    std::vector<QString> m_full;
};
