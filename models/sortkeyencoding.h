#pragma once

#include <QString>
#include <QStringView>

#include <optional>

// Fixed-width, order-preserving forms of cell values, for ColumnSortKeys.

using Unsigned128 = unsigned __int128;

// A decimal as value * 10^18, truncated toward zero: exact for money and rates
// (up to 18 decimals, 19 integer digits); beyond that `exact` is false and only
// the order between different keys holds, so equal keys compare the text.
struct ScaledDecimal {
    __int128 value = 0;
    bool exact = true;       // false: digits below 10^-18, or saturated at +-10^19
    bool negative = false;   // the text's sign, kept for values truncated to zero
};
std::optional<ScaledDecimal> scaledDecimal(QStringView trimmed);   // nullopt: not a decimal number

// The first 16 bytes of `folded`, in an encoding whose byte order is the order
// of its UTF-16 code units. True when they hold the whole text.
bool textPrefix(QStringView folded, quint64 &high, quint64 &low);

QString caseFolded(const QString &text);   // QString::toCaseFolded, without a copy for folded ASCII
