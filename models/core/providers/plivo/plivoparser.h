#pragma once

#include "provider.h"

#include <QByteArray>
#include <QDateTime>
#include <QStringView>

// Pure functions from Plivo Zentrunk reply bytes to records or errors; the
// network lives elsewhere.
namespace PlivoParser {

PageResult parsePage(const QByteArray &body);        // {api_id, meta{total_count}, objects[]}
RecordResult parseRecord(const QByteArray &body);    // one bare call object
ApiError errorFromReply(int httpStatus, const QByteArray &body);

// "yyyy-MM-dd HH:mm[:ss[.ffffff]]" read as UTC (Plivo sends no offset); invalid when it is not one.
QDateTime parseTime(QStringView text);

} // namespace PlivoParser
