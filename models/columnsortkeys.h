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

// The sort keys of one column, one per record in arrival order, extracted once
// so that sorting a million rows compares plain values instead of formatting
// cells. Unset values (empty text, no time, no duration) sort last in both
// directions: a support person looks for the calls that have a value.
class ColumnSortKeys {
public:
    ColumnSortKeys() = default;
    ColumnSortKeys(QString columnKey, QString providerId);

    void append(const CdrRecord &record);   // the key of the next record in arrival order
    std::size_t size() const;
    bool less(quint32 a, quint32 b, Qt::SortOrder order) const;   // strict weak order, for stable_sort

private:
    // A decimal split into comparable parts: no leading zeros in `integer`, no
    // trailing zeros in `fraction`, so both compare as plain digit strings.
    struct Decimal {
        enum class Rank : quint8 { Number, NotANumber, Unset };
        Rank rank = Rank::Unset;
        int sign = 0;           // -1, 0, 1
        QString integer;
        QString fraction;
        QString text;           // for NotANumber: compared as case-folded text
    };
    static Decimal parseDecimal(QStringView text);
    static int compareDecimals(const Decimal &a, const Decimal &b);   // both Number
    int compare(quint32 a, quint32 b) const;                          // both set

    bool isUnset(quint32 index) const;

    // Native fields are all Text columns, but a JSON number in one sorts as a
    // number (numbers first, then text), so call_duration or a code sorts 9 < 10.
    enum class Mode : quint8 { Numbers, Decimals, Texts };

    QString m_key;
    QString m_providerId;
    ColumnType m_type = ColumnType::Text;
    Mode m_mode = Mode::Texts;
    bool m_native = false;
    std::vector<std::optional<qint64>> m_numbers;   // Numbers: Time (ms since epoch), Seconds
    std::vector<Decimal> m_decimals;                // Decimals: Decimal, Number, native fields
    std::vector<QString> m_texts;                   // Texts: case-folded; empty = unset

    friend std::optional<int> compareDecimalText(QStringView a, QStringView b);
};
