#include "isotimewriter.h"

#include <QDateTime>

#include <algorithm>
#include <limits>
#include <utility>

namespace {

constexpr qint64 msecsPerDay = 86400000;
constexpr qint64 earliest = std::numeric_limits<qint64>::min();
constexpr qint64 latest = std::numeric_limits<qint64>::max();
// Times in an export are mostly a few weeks or years; this only bounds memory
// for a pathological spread over centuries of a zone that changed often.
constexpr std::size_t maxIntervals = 4096;

qint64 floorDiv(qint64 a, qint64 b)
{
    const qint64 q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

struct Civil {
    qint64 year;
    int month;
    int day;
};

// Proleptic Gregorian date of a day count from 1970-01-01, by 400-year eras
// counted from 0000-03-01, so that the leap day ends each era's year.
Civil civilFromDays(qint64 days)
{
    const qint64 shifted = days + 719468; // days from 0000-03-01 to 1970-01-01
    const qint64 era = floorDiv(shifted, 146097);
    const qint64 dayOfEra = shifted - era * 146097; // 0..146096
    const qint64 yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const qint64 dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100); // from March 1st
    const qint64 monthFromMarch = (5 * dayOfYear + 2) / 153;
    const int day = int(dayOfYear - (153 * monthFromMarch + 2) / 5 + 1);
    const int month = int(monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9);
    return {yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day};
}

char *put2(char *out, int value)
{
    out[0] = char('0' + value / 10);
    out[1] = char('0' + value % 10);
    return out + 2;
}

} // namespace

IsoTimeWriter::IsoTimeWriter(QTimeZone zone)
    : m_zone(std::move(zone))
    , m_utc(m_zone == QTimeZone::utc()) // the same test columns.cpp makes for its 'Z'
{
}

int IsoTimeWriter::write(const QDateTime &time, char *out)
{
    return writeMSecs(time.toMSecsSinceEpoch(), out);
}

int IsoTimeWriter::writeMSecs(qint64 msecsSinceEpoch, char *out)
{
    const int offset = m_utc ? 0 : offsetAt(msecsSinceEpoch);
    if (offset % 60 != 0)
        return 0; // Qt drops the seconds of such an offset (local mean time before ~1900)
    const qint64 local = msecsSinceEpoch + qint64(offset) * 1000;
    const qint64 days = floorDiv(local, msecsPerDay);
    const qint64 msecOfDay = local - days * msecsPerDay;
    const Civil date = civilFromDays(days);
    if (date.year < 1 || date.year > 9999)
        return 0; // Qt writes those years differently, or not at all
    char *p = out;
    p = put2(p, int(date.year / 100));
    p = put2(p, int(date.year % 100));
    *p++ = '-';
    p = put2(p, date.month);
    *p++ = '-';
    p = put2(p, date.day);
    *p++ = 'T';
    const int seconds = int(msecOfDay / 1000);
    p = put2(p, seconds / 3600);
    *p++ = ':';
    p = put2(p, seconds / 60 % 60);
    *p++ = ':';
    p = put2(p, seconds % 60);
    // Milliseconds only when there are some, as columnText() does.
    if (const int millis = int(msecOfDay % 1000); millis != 0) {
        *p++ = '.';
        *p++ = char('0' + millis / 100);
        p = put2(p, millis % 100);
    }
    if (m_utc) {
        *p++ = 'Z';
    } else {
        // Any other zone carries its offset, "+00:00" included.
        const int magnitude = offset < 0 ? -offset : offset;
        *p++ = offset < 0 ? '-' : '+';
        p = put2(p, magnitude / 3600);
        *p++ = ':';
        p = put2(p, magnitude / 60 % 60);
    }
    return int(p - out);
}

int IsoTimeWriter::offsetAt(qint64 msecs)
{
    if (m_lastHit < m_intervals.size()) {
        const Interval &last = m_intervals[m_lastHit];
        if (last.from <= msecs && msecs < last.until)
            return last.offset;
    }
    auto after = std::upper_bound(m_intervals.begin(), m_intervals.end(), msecs,
        [](qint64 value, const Interval &interval) { return value < interval.from; });
    if (after != m_intervals.begin() && msecs < std::prev(after)->until) {
        m_lastHit = std::size_t(std::prev(after) - m_intervals.begin());
        return std::prev(after)->offset;
    }

    const QDateTime at = QDateTime::fromMSecsSinceEpoch(msecs, QTimeZone::utc());
    const int offset = m_zone.offsetFromUtc(at);
    // A backend without transitions only knows offsets point by point; cache
    // nothing for it unless its offset never changes.
    if (!m_zone.hasTransitions() && m_zone.hasDaylightTime())
        return offset;
    qint64 from = earliest;
    qint64 until = latest;
    if (m_zone.hasTransitions()) {
        if (const QTimeZone::OffsetData next = m_zone.nextTransition(at); next.atUtc.isValid())
            until = next.atUtc.toMSecsSinceEpoch();
        if (const QTimeZone::OffsetData previous = m_zone.previousTransition(at.addMSecs(1));
            previous.atUtc.isValid())
            from = previous.atUtc.toMSecsSinceEpoch();
    }
    // Trust the interval only when it holds this instant and both its ends
    // have the offset just asked for; otherwise answer without caching.
    auto offsetOf = [this](qint64 instant) {
        return m_zone.offsetFromUtc(QDateTime::fromMSecsSinceEpoch(instant, QTimeZone::utc()));
    };
    if (!(from <= msecs && msecs < until) || (from != earliest && offsetOf(from) != offset)
        || (until != latest && offsetOf(until - 1) != offset))
        return offset;
    if (m_intervals.size() >= maxIntervals)
        m_intervals.clear();
    after = std::upper_bound(m_intervals.begin(), m_intervals.end(), from,
        [](qint64 value, const Interval &interval) { return value < interval.from; });
    after = m_intervals.insert(after, Interval{from, until, offset});
    m_lastHit = std::size_t(after - m_intervals.begin());
    return offset;
}
