#pragma once

#include "cdrrecord.h"
#include "exportformat.h"

#include <QDateTime>
#include <QStringList>

// Records and shortcuts shared by the export format tests.
namespace exporttest {

using namespace Qt::StringLiterals;

inline NativeField native(const QString &name, NativeValue::Kind kind, const QString &text)
{
    return NativeField{name, NativeValue{kind, text}};
}

inline QDateTime utc(int y, int mo, int d, int h, int mi, int s)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s), QTimeZone::utc());
}

inline CdrRecord sampleRecord()
{
    CdrRecord record;
    record.id = u"0a1b-0001"_s;
    record.startTime = utc(2026, 11, 25, 7, 0, 0);
    record.endTime = utc(2026, 11, 25, 7, 2, 5);
    record.caller = u"+4930123456"_s;
    record.callee = u"00441632960000"_s;
    record.direction = Direction::Outbound;
    record.duration = 125;
    record.billedDuration = 180;
    record.amount = u"-0.0050"_s;
    record.rate = u"0.00100"_s;
    record.currency = u"EUR"_s;
    record.hangupCause = u"normal_hangup"_s;
    record.trunk = u"Zoë, main"_s;
    record.native = {
        native(u"call_uuid"_s, NativeValue::Kind::String, record.id),
        native(u"total_amount"_s, NativeValue::Kind::Number, u"-0.00500"_s),
        native(u"answer_time"_s, NativeValue::Kind::Null, QString()),
        native(u"srtp"_s, NativeValue::Kind::Bool, u"false"_s),
        native(u"legs"_s, NativeValue::Kind::Array, u"[{\"cost\":0.10,\"to\":\"0049\"}]"_s),
    };
    return record;
}

inline const QStringList sampleColumns{
    u"id"_s, u"start_time"_s, u"caller"_s, u"callee"_s, u"duration"_s, u"amount"_s, u"trunk"_s, u"raw.total_amount"_s};

inline QString cell(const CdrRecord &record, const QString &key, const ExportFormatOptions &options)
{
    return exportCellText(record, key, u"plivo"_s, options);
}

} // namespace exporttest
