#pragma once

#include <QByteArray>
#include <QStringView>

#include <optional>

namespace cdrsim {

// PortSIP's timestamps as microseconds since the epoch, UTC.

// RFC 3339 UTC with six fractional digits ("2024-08-20T06:00:59.457188Z"), or none
// when the instant is a whole second ("2017-07-21T17:32:28Z").
QByteArray formatPortsipTime(qint64 microseconds);

// RFC 3339 with any offset and up to nine fractional digits, truncated to
// microseconds; nullopt when malformed.
std::optional<qint64> parsePortsipTime(QStringView text);

} // namespace cdrsim
