#pragma once

#include <QTimeZone>

#include <vector>

class QDateTime;

// ISO 8601 text of instants in one zone, byte for byte what columnText() gives
// (QDateTime formatting), but written by hand: an export writes millions of
// times, and the zone's offset is asked of QTimeZone once per transition
// interval instead of once per cell.
class IsoTimeWriter {
public:
    static constexpr int maxLength = 32; // "2026-11-25T08:00:00.250+01:00" and room to spare

    explicit IsoTimeWriter(QTimeZone zone);

    // Writes a valid time into out (maxLength chars) and returns its length, or 0
    // where the hand-written form could differ from Qt's (years outside 1..9999,
    // offsets with seconds); the caller then formats it the slow way.
    int write(const QDateTime &time, char *out);

    // The same for an instant in milliseconds since 1970 UTC.
    int writeMSecs(qint64 msecsSinceEpoch, char *out);

private:
    struct Interval {
        qint64 from; // first millisecond with this offset
        qint64 until; // first millisecond after it
        int offset; // seconds ahead of UTC
    };
    int offsetAt(qint64 msecs);

    QTimeZone m_zone;
    bool m_utc;
    std::vector<Interval> m_intervals; // sorted by from, never overlapping
    std::size_t m_lastHit = 0;
};
