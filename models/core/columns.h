#pragma once

#include <QString>
#include <QStringList>
#include <QTimeZone>

#include <optional>

struct CdrRecord;

// The unified columns, the same keys for every provider. Native fields are
// addressed as "raw.<name>".
enum class UnifiedField : quint8 {
    Provider, Id, StartTime, AnswerTime, EndTime, Caller, Callee, Direction,
    Duration, BilledDuration, Amount, Rate, HangupCause, HangupSource, Trunk
};

inline constexpr QLatin1StringView rawPrefix{"raw."};

QStringList unifiedColumnKeys();
QString columnKey(UnifiedField field);
std::optional<UnifiedField> unifiedFieldFromKey(QStringView key);
QString columnTitle(QStringView key);   // translated header text; raw.x stays raw.x
bool isValidColumnKey(QStringView key); // unified key or raw.<non-empty>

// How a column's values behave, for sorting, alignment and CSV.
enum class ColumnType : quint8 { Text, Time, Seconds, Decimal, Number };
ColumnType columnType(QStringView key);

// How times are written as text.
struct TimeFormat {
    enum class Style : quint8 { Display, Iso8601 };
    Style style = Style::Iso8601;
    QTimeZone zone = QTimeZone::utc();   // Iso8601 in UTC ends in 'Z'; other zones carry their offset
};

// The text of one cell: what the table shows and what CSV writes. Decimal
// text, ids and numbers come out exactly as the provider sent them.
QString columnText(const CdrRecord &record, QStringView key, const QString &providerId, const TimeFormat &format);
