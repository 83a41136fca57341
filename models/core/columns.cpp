#include "columns.h"

#include "cdrrecord.h"

#include <QCoreApplication>

#include <array>

namespace {

struct FieldInfo {
    UnifiedField field;
    QLatin1StringView key;
    ColumnType type;
};

constexpr std::array<FieldInfo, 15> fieldTable{{
    {UnifiedField::Provider, QLatin1StringView("provider"), ColumnType::Text},
    {UnifiedField::Id, QLatin1StringView("id"), ColumnType::Text},
    {UnifiedField::StartTime, QLatin1StringView("start_time"), ColumnType::Time},
    {UnifiedField::AnswerTime, QLatin1StringView("answer_time"), ColumnType::Time},
    {UnifiedField::EndTime, QLatin1StringView("end_time"), ColumnType::Time},
    {UnifiedField::Caller, QLatin1StringView("caller"), ColumnType::Text},
    {UnifiedField::Callee, QLatin1StringView("callee"), ColumnType::Text},
    {UnifiedField::Direction, QLatin1StringView("direction"), ColumnType::Text},
    {UnifiedField::Duration, QLatin1StringView("duration"), ColumnType::Seconds},
    {UnifiedField::BilledDuration, QLatin1StringView("billed_duration"), ColumnType::Seconds},
    {UnifiedField::Amount, QLatin1StringView("amount"), ColumnType::Decimal},
    {UnifiedField::Rate, QLatin1StringView("rate"), ColumnType::Decimal},
    {UnifiedField::HangupCause, QLatin1StringView("hangup_cause"), ColumnType::Text},
    {UnifiedField::HangupSource, QLatin1StringView("hangup_source"), ColumnType::Text},
    {UnifiedField::Trunk, QLatin1StringView("trunk"), ColumnType::Text},
}};

const FieldInfo *infoFor(QStringView key)
{
    for (const FieldInfo &info : fieldTable) {
        if (key == info.key)
            return &info;
    }
    return nullptr;
}

QString timeText(const QDateTime &time, const TimeFormat &format)
{
    if (!time.isValid())
        return {};
    const QDateTime local = time.toTimeZone(format.zone);
    if (format.style == TimeFormat::Style::Display)
        return local.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    const bool hasMillis = time.time().msec() != 0;
    if (format.zone == QTimeZone::utc())
        return local.toString(hasMillis ? QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ") : QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
    return local.toString(hasMillis ? Qt::ISODateWithMs : Qt::ISODate);
}

QString secondsText(const std::optional<qint64> &seconds)
{
    return seconds ? QString::number(*seconds) : QString();
}

} // namespace

QStringList unifiedColumnKeys()
{
    QStringList keys;
    keys.reserve(int(fieldTable.size()));
    for (const FieldInfo &info : fieldTable)
        keys.append(QString(info.key));
    return keys;
}

QString columnKey(UnifiedField field)
{
    for (const FieldInfo &info : fieldTable) {
        if (info.field == field)
            return QString(info.key);
    }
    return {};
}

std::optional<UnifiedField> unifiedFieldFromKey(QStringView key)
{
    if (const FieldInfo *info = infoFor(key))
        return info->field;
    return std::nullopt;
}

QString columnTitle(QStringView key)
{
    const auto field = unifiedFieldFromKey(key);
    if (!field)
        return key.toString();
    switch (*field) {
    case UnifiedField::Provider:
        return QCoreApplication::translate("Columns", "Provider");
    case UnifiedField::Id:
        return QCoreApplication::translate("Columns", "Call ID");
    case UnifiedField::StartTime:
        return QCoreApplication::translate("Columns", "Start time");
    case UnifiedField::AnswerTime:
        return QCoreApplication::translate("Columns", "Answer time");
    case UnifiedField::EndTime:
        return QCoreApplication::translate("Columns", "End time");
    case UnifiedField::Caller:
        return QCoreApplication::translate("Columns", "Caller");
    case UnifiedField::Callee:
        return QCoreApplication::translate("Columns", "Callee");
    case UnifiedField::Direction:
        return QCoreApplication::translate("Columns", "Direction");
    case UnifiedField::Duration:
        return QCoreApplication::translate("Columns", "Duration");
    case UnifiedField::BilledDuration:
        return QCoreApplication::translate("Columns", "Billed");
    case UnifiedField::Amount:
        return QCoreApplication::translate("Columns", "Amount");
    case UnifiedField::Rate:
        return QCoreApplication::translate("Columns", "Rate");
    case UnifiedField::HangupCause:
        return QCoreApplication::translate("Columns", "Hangup cause");
    case UnifiedField::HangupSource:
        return QCoreApplication::translate("Columns", "Hangup source");
    case UnifiedField::Trunk:
        return QCoreApplication::translate("Columns", "Trunk");
    }
    return key.toString();
}

bool isValidColumnKey(QStringView key)
{
    if (infoFor(key))
        return true;
    return key.startsWith(rawPrefix) && key.size() > rawPrefix.size();
}

ColumnType columnType(QStringView key)
{
    if (const FieldInfo *info = infoFor(key))
        return info->type;
    return ColumnType::Text;
}

QString columnText(const CdrRecord &record, QStringView key, const QString &providerId, const TimeFormat &format)
{
    if (key.startsWith(rawPrefix)) {
        const NativeValue *value = record.nativeValue(key.mid(rawPrefix.size()));
        return value ? value->text : QString();
    }
    const auto field = unifiedFieldFromKey(key);
    if (!field)
        return {};
    switch (*field) {
    case UnifiedField::Provider:
        return providerId;
    case UnifiedField::Id:
        return record.id;
    case UnifiedField::StartTime:
        return timeText(record.startTime, format);
    case UnifiedField::AnswerTime:
        return timeText(record.answerTime, format);
    case UnifiedField::EndTime:
        return timeText(record.endTime, format);
    case UnifiedField::Caller:
        return record.caller;
    case UnifiedField::Callee:
        return record.callee;
    case UnifiedField::Direction:
        return format.style == TimeFormat::Style::Display ? directionDisplayName(record.direction)
                                                          : directionKey(record.direction);
    case UnifiedField::Duration:
        return secondsText(record.duration);
    case UnifiedField::BilledDuration:
        return secondsText(record.billedDuration);
    case UnifiedField::Amount:
        return record.amount;
    case UnifiedField::Rate:
        return record.rate;
    case UnifiedField::HangupCause:
        return record.hangupCause;
    case UnifiedField::HangupSource:
        return record.hangupSource;
    case UnifiedField::Trunk:
        return record.trunk;
    }
    return {};
}
