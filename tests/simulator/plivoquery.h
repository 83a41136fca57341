#pragma once

#include "httpmessage.h"

#include <QString>

#include <limits>
#include <optional>

namespace cdrsim {

struct PlivoCall;

// The list endpoint's filters after validation. Times are microseconds since the
// epoch (the API accepts fractions of a second); the end-time window is half-open.
struct PlivoQuery {
    int limit = 20;
    int offset = 0;
    std::optional<QString> fromNumber;
    std::optional<QString> toNumber;
    std::optional<bool> outbound;
    qint64 billMin = std::numeric_limits<qint64>::min(); // inclusive
    qint64 billMax = std::numeric_limits<qint64>::max(); // inclusive
    qint64 endFromUs = 0; // inclusive
    qint64 endToUs = std::numeric_limits<qint64>::max(); // exclusive
    std::optional<int> hangupCauseCode;
    std::optional<QString> hangupSource;
    std::optional<QString> stirVerification; // lower case
};

struct PlivoQueryParse {
    PlivoQuery query;
    QString error; // empty when the query is valid; otherwise the 400 message
};

// Window rules: no end_time filter searches the last 30 days; only an upper bound
// searches the 30 days before it; a lower bound more than 90 days back, or an
// explicit range wider than 90 days, is an error; nothing older than 90 days is
// ever returned.
PlivoQueryParse parsePlivoListQuery(const QList<QueryItem> &items, qint64 nowUs);

bool plivoCallMatches(const PlivoQuery &query, const PlivoCall &call);

// Exact or prefix match, ignoring one leading '+' on either side.
bool plivoNumberMatches(const QString &filter, const QString &number);

// "YYYY-MM-DD HH:MM[:ss[.uuuuuu]]" in UTC; precisionUs is the width of the last field given.
std::optional<qint64> parsePlivoTime(const QString &text, qint64 *precisionUs = nullptr);

} // namespace cdrsim
