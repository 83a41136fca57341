#pragma once

#include <QString>

struct CdrRecord;

// One call as pretty JSON: {"unified": {key: value, ...}, "native": {...}}.
// Unified times are ISO 8601 UTC, durations numbers, everything else (money
// included) the exact text as a string, unset values null; the native object
// is the provider's fields with their exact JSON text.
QString recordToJson(const CdrRecord &record, const QString &providerId);
