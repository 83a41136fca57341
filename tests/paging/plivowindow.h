#pragma once

#include "plivodata.h"
#include "searchquery.h"

#include <QDateTime>
#include <QStringList>
#include <QTimeZone>

// The Plivo data set the paging tests search, and what a complete search of a
// window must deliver, computed from the simulator's generator without the engine.
namespace plivowindow {

inline const QDateTime simNow(QDate(2024, 5, 1), QTime(12, 0), QTimeZone::utc());
inline constexpr int callCount = 3400; // about 2,500 of them fall in an 89-day window
inline constexpr int waitMs = 30000;

inline SearchQuery daysBack(int days)
{
    SearchQuery query;
    query.since = simNow.addDays(-days);
    query.until = simNow;
    return query;
}

// The simulator's calls in the window, in its order (newest first).
inline QStringList expectedIds(const SearchQuery &query)
{
    QStringList ids;
    const qint64 since = query.since.toSecsSinceEpoch();
    const qint64 until = query.until.toSecsSinceEpoch();
    for (const cdrsim::PlivoCall &call : cdrsim::generatePlivoCalls(1, simNow.toSecsSinceEpoch(), callCount)) {
        if (call.endTime >= since && call.endTime < until)
            ids.append(call.uuid);
    }
    return ids;
}

} // namespace plivowindow
