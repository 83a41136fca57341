#pragma once

#include "provider.h"

#include <QByteArray>
#include <QDateTime>
#include <QStringView>

// Pure functions from PortSIP PBX reply bytes to records, tokens or errors; the
// network lives elsewhere. Unset values may come as "" or null: both are unset.
namespace PortSipParser {

PageResult parsePage(const QByteArray &body); // GET /api/cdrs: {count, items:[...]}
// GET /api/cdrs/{id}: {"items":[{...}]}, whose item has no id: it gets `requestedId` then.
RecordResult parseRecord(const QByteArray &body, const QString &requestedId = {});
// A non-2xx reply, usually {"errors":[{code, message, detail}]}.
ApiError errorFromReply(int httpStatus, const QByteArray &body);
// The reply to sign_in, refresh_token or verify_otp: tokens, a two-factor challenge, or an error.
SignInResult parseSignIn(int httpStatus, const QByteArray &body, const QDateTime &nowUtc);

// RFC 3339 ("2024-08-20T06:00:59.457188Z", or with an offset) to UTC; invalid when it is not one.
// Sub-millisecond digits are cut: QDateTime keeps milliseconds (the exact text stays in the raw field).
QDateTime parseTime(QStringView text);
CdrRecord recordFrom(QList<NativeField> native); // the unified columns from the fields as sent

} // namespace PortSipParser
