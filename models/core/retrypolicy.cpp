#include "retrypolicy.h"

#include <QLocale>
#include <QRandomGenerator>
#include <QTimeZone>

#include <algorithm>

using namespace std::chrono;
using namespace Qt::StringLiterals;

milliseconds RetryPolicy::nextDelay(milliseconds previous, QRandomGenerator &random) const
{
    const qint64 floor = std::max<qint64>(1, initialDelay.count());
    const qint64 cap = std::max(floor, qint64(maxDelay.count()));
    // Each wait is drawn between the floor and three times the last one: on
    // average it grows, but two clients refused together drift apart.
    const qint64 last = std::max(floor, qint64(previous.count()));
    const qint64 upper = std::min(cap, last > cap / 3 ? cap : last * 3);
    if (upper <= floor)
        return milliseconds(floor);
    return milliseconds(floor + qint64(random.bounded(quint64(upper - floor + 1))));
}

milliseconds RetryPolicy::honoured(milliseconds retryAfter) const
{
    return std::clamp(retryAfter, milliseconds::zero(), std::max(milliseconds::zero(), maxRetryAfter));
}

bool RetryPolicy::isServerTrouble(int httpStatus)
{
    return httpStatus == 500 || httpStatus == 502 || httpStatus == 503 || httpStatus == 504;
}

namespace RetryAfter {

std::optional<milliseconds> parse(QByteArrayView value, const QDateTime &nowUtc)
{
    const QByteArray text = value.toByteArray().trimmed();
    if (text.isEmpty())
        return std::nullopt;
    bool isNumber = false;
    const qint64 seconds = text.toLongLong(&isNumber);
    if (isNumber)
        return seconds < 0 ? std::nullopt : std::optional<milliseconds>(std::chrono::seconds(seconds));

    // The preferred form ("Sun, 06 Nov 1994 08:49:37 GMT"), then the two obsolete ones a
    // recipient must still accept: RFC 850 and C's asctime(). The weekday is dropped
    // first: it says nothing the date does not, and a two-digit year would make it
    // disagree with the century the parser assumes.
    QString date = QString::fromLatin1(text).simplified();
    date = date.mid(date.indexOf(QLatin1Char(' ')) + 1);
    const QLocale c = QLocale::c();
    QDateTime when;
    for (const QString &format :
        {u"dd MMM yyyy HH:mm:ss 'GMT'"_s, u"dd-MMM-yy HH:mm:ss 'GMT'"_s, u"MMM d HH:mm:ss yyyy"_s}) {
        when = c.toDateTime(date, format);
        if (when.isValid())
            break;
    }
    if (!when.isValid())
        return std::nullopt;
    when.setTimeZone(QTimeZone::utc());
    if (when.date().year() < 1970)
        when = when.addYears(100); // two-digit years are this century's
    return milliseconds(std::max<qint64>(0, nowUtc.msecsTo(when)));
}

} // namespace RetryAfter

void JsonTruncationCheck::feed(QByteArrayView chunk)
{
    for (const char c : chunk) {
        if (m_inString) {
            if (m_escaped)
                m_escaped = false;
            else if (c == '\\')
                m_escaped = true;
            else if (c == '"')
                m_inString = false;
            continue;
        }
        switch (c) {
        case '"':
            m_inString = true;
            m_sawValue = true;
            break;
        case '{':
        case '[':
            ++m_depth;
            m_sawValue = true;
            break;
        case '}':
        case ']':
            --m_depth;
            break;
        case ' ':
        case '\t':
        case '\r':
        case '\n':
            break;
        default:
            m_sawValue = true;
            break;
        }
    }
}

bool JsonTruncationCheck::looksTruncated() const
{
    return !m_sawValue || m_inString || m_depth > 0;
}
