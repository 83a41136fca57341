#pragma once

#include <QDateTime>
#include <QFlags>
#include <QList>
#include <QString>

#include <optional>

// Which way a call went, the same for every provider.
enum class Direction : quint8 { Unknown, Inbound, Outbound, Internal };

QString directionKey(Direction direction);           // "inbound", "outbound", "internal", ""
QString directionDisplayName(Direction direction);   // translated

// One field exactly as the provider sent it. Numbers keep their JSON text, so
// nothing is rounded on its way to the screen or a file.
struct NativeValue {
    enum class Kind : quint8 { Null, Bool, Number, String, Object, Array };
    Kind kind = Kind::Null;
    QString text;   // strings unquoted; objects and arrays as compact JSON; empty for null

    bool isNull() const { return kind == Kind::Null; }
    QString toJson() const;  // the value as a JSON fragment again
};

struct NativeField {
    QString name;   // shared between rows by the parser, so keys cost little memory
    NativeValue value;
};

// Members of a CdrRecord, for readers that need only some of them (CompactRecordStore).
enum class RecordField : quint16 {
    Id = 1 << 0,
    StartTime = 1 << 1,
    AnswerTime = 1 << 2,
    EndTime = 1 << 3,
    Caller = 1 << 4,
    Callee = 1 << 5,
    Direction = 1 << 6,
    Duration = 1 << 7,
    BilledDuration = 1 << 8,
    Amount = 1 << 9,
    Rate = 1 << 10,
    Currency = 1 << 11,
    HangupCause = 1 << 12,
    HangupSource = 1 << 13,
    Trunk = 1 << 14,
    Native = 1 << 15,
};
Q_DECLARE_FLAGS(RecordFields, RecordField)
Q_DECLARE_OPERATORS_FOR_FLAGS(RecordFields)

inline constexpr RecordFields allRecordFields = RecordFields::fromInt(0xFFFF);

// One call (or leg) in the unified shape every provider is parsed into.
// Times are UTC; an invalid QDateTime means "not set" (e.g. an unanswered call).
// Money and rates are decimal text as sent: they never pass through a double.
struct CdrRecord {
    QString id;                      // opaque
    QDateTime startTime;
    QDateTime answerTime;
    QDateTime endTime;
    QString caller;                  // text, keeps '+' and leading zeros
    QString callee;
    Direction direction = Direction::Unknown;
    std::optional<qint64> duration;        // seconds
    std::optional<qint64> billedDuration;  // seconds
    QString amount;
    QString rate;
    QString currency;
    QString hangupCause;
    QString hangupSource;
    QString trunk;
    QList<NativeField> native;       // every field the provider sent, in its order

    const NativeValue *nativeValue(QStringView name) const &;
    // A pointer into a temporary record (such as CdrTableModel::record()) would dangle.
    const NativeValue *nativeValue(QStringView name) const && = delete;
    QByteArray nativeJson(bool indented) const;  // the native fields as one JSON object
};
