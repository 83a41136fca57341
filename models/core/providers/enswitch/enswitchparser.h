#pragma once

#include "pagestreamparser.h"
#include "provider.h"

#include <QByteArray>

#include <memory>

// Pure functions from Enswitch JSON API reply bytes to records or errors; the
// network lives elsewhere. Every reply is the envelope
// {"responses":[{"code":"200","key":"","message":"OK"}],"data":...}.
namespace EnswitchParser {

PageResult parsePage(const QByteArray &body); // cdrs/list: data is an array of legs (or calls)
// The same as parsePage, fed as bytes arrive and parsed on a thread of its own.
std::unique_ptr<PageStreamParser> pageStreamParser();
RecordResult parseRecord(const QByteArray &body); // cdrs/get: data is one object
ApiError errorFromReply(int httpStatus, const QByteArray &body);

// The error an envelope code other than "200" stands for; `key` and `message` are the server's.
ApiError envelopeError(const QString &code, const QString &key, const QString &message);

} // namespace EnswitchParser
