#include "plivoquery.h"

#include "plivodata.h"

#include <QDateTime>
#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace cdrsim {

namespace {

constexpr qint64 kSecondUs = 1000000;
constexpr qint64 kDayUs = 86400 * kSecondUs;
constexpr qint64 kDefaultWindowUs = 30 * kDayUs;
constexpr qint64 kRetentionUs = 90 * kDayUs;
// A client computing "now - 90 days" on its own clock, or truncating to whole
// seconds, lands a little before the server's horizon; that should not be an error.
constexpr qint64 kHorizonSlackUs = 60 * kSecondUs;

// Strict decimal: no spaces, no '+', at most 18 digits so it cannot overflow.
std::optional<qint64> parseInteger(const QString &text)
{
    const qsizetype start = text.startsWith(u'-') ? 1 : 0;
    if (text.size() == start || text.size() - start > 18)
        return std::nullopt;
    qint64 value = 0;
    for (qsizetype i = start; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c < u'0' || c > u'9')
            return std::nullopt;
        value = value * 10 + (c.unicode() - u'0');
    }
    return start ? -value : value;
}

QString invalid(const QString &key, const QString &value, const QString &why)
{
    return u"invalid %1 '%2': %3"_s.arg(key, value, why);
}

QString stripPlus(const QString &text)
{
    return text.startsWith(u'+') ? text.mid(1) : text;
}

} // namespace

std::optional<qint64> parsePlivoTime(const QString &text, qint64 *precisionUs)
{
    static const QRegularExpression pattern(
        u"^(\\d{4})-(\\d{2})-(\\d{2}) (\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,6}))?)?$"_s);
    const QRegularExpressionMatch m = pattern.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    const QDate date(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    const bool hasSeconds = m.hasCaptured(6);
    const QTime time(m.captured(4).toInt(), m.captured(5).toInt(), hasSeconds ? m.captured(6).toInt() : 0);
    if (!date.isValid() || !time.isValid())
        return std::nullopt;

    qint64 fractionUs = 0;
    qint64 precision = hasSeconds ? kSecondUs : 60 * kSecondUs;
    if (m.hasCaptured(7)) {
        const QString fraction = m.captured(7);
        precision = 1;
        for (qsizetype i = fraction.size(); i < 6; ++i)
            precision *= 10;
        fractionUs = fraction.toLongLong() * precision;
    }
    if (precisionUs)
        *precisionUs = precision;
    return QDateTime(date, time, Qt::UTC).toMSecsSinceEpoch() * 1000 + fractionUs;
}

PlivoQueryParse parsePlivoListQuery(const QList<QueryItem> &items, qint64 nowUs)
{
    PlivoQueryParse result;
    PlivoQuery &q = result.query;
    std::optional<qint64> lower; // tightest lower bound given, inclusive
    std::optional<qint64> upper; // tightest upper bound given, exclusive

    auto fail = [&result](QString message) {
        result.error = std::move(message);
        return result;
    };
    auto raiseLower = [&lower](qint64 v) { lower = lower ? std::max(*lower, v) : v; };
    auto dropUpper = [&upper](qint64 v) { upper = upper ? std::min(*upper, v) : v; };

    // Later duplicates win, as with Django's QueryDict, which this API appears to use.
    for (const QueryItem &item : items) {
        const QString &key = item.key;
        const QString &value = item.value;
        if (key == u"limit"_s) {
            const auto v = parseInteger(value);
            if (!v || *v < 1 || *v > 20)
                return fail(invalid(key, value, u"must be an integer from 1 to 20 (the maximum is 20)"_s));
            q.limit = int(*v);
        } else if (key == u"offset"_s) {
            const auto v = parseInteger(value);
            if (!v || *v < 0 || *v > std::numeric_limits<int>::max())
                return fail(invalid(key, value, u"must be an integer of 0 or more"_s));
            q.offset = int(*v);
        } else if (key == u"from_number"_s) {
            q.fromNumber = value;
        } else if (key == u"to_number"_s) {
            q.toNumber = value;
        } else if (key == u"call_direction"_s) {
            if (value != u"inbound"_s && value != u"outbound"_s)
                return fail(invalid(key, value, u"allowed values are inbound, outbound"_s));
            q.outbound = value == u"outbound"_s;
        } else if (key.startsWith(u"bill_duration"_s)) {
            const QString op = key.mid(13);
            if (!op.isEmpty() && op != u"__gt"_s && op != u"__gte"_s && op != u"__lt"_s && op != u"__lte"_s)
                continue; // unknown parameters are ignored
            const auto v = parseInteger(value);
            if (!v)
                return fail(invalid(key, value, u"must be an integer number of seconds"_s));
            if (op.isEmpty()) {
                q.billMin = std::max(q.billMin, *v);
                q.billMax = std::min(q.billMax, *v);
            } else if (op == u"__gt"_s) {
                q.billMin = std::max(q.billMin, *v + 1);
            } else if (op == u"__gte"_s) {
                q.billMin = std::max(q.billMin, *v);
            } else if (op == u"__lt"_s) {
                q.billMax = std::min(q.billMax, *v - 1);
            } else {
                q.billMax = std::min(q.billMax, *v);
            }
        } else if (key.startsWith(u"end_time"_s)) {
            const QString op = key.mid(8);
            if (!op.isEmpty() && op != u"__gt"_s && op != u"__gte"_s && op != u"__lt"_s && op != u"__lte"_s)
                continue;
            qint64 precision = kSecondUs;
            const auto t = parsePlivoTime(value, &precision);
            if (!t)
                return fail(invalid(key, value, u"expected YYYY-MM-DD HH:MM[:ss[.uuuuuu]] in UTC"_s));
            if (op.isEmpty()) {
                // "2021-03-21 11:47" means any moment within that minute.
                raiseLower(*t);
                dropUpper(*t + precision);
            } else if (op == u"__gt"_s) {
                raiseLower(*t + 1);
            } else if (op == u"__gte"_s) {
                raiseLower(*t);
            } else if (op == u"__lt"_s) {
                dropUpper(*t);
            } else {
                dropUpper(*t + 1);
            }
        } else if (key == u"hangup_cause_code"_s) {
            const auto v = parseInteger(value);
            if (!v || *v < std::numeric_limits<int>::min() || *v > std::numeric_limits<int>::max())
                return fail(invalid(key, value, u"must be an integer"_s));
            q.hangupCauseCode = int(*v);
        } else if (key == u"hangup_source"_s) {
            if (value != u"customer"_s && value != u"carrier"_s && value != u"zentrunk"_s)
                return fail(invalid(key, value, u"allowed values are customer, carrier, zentrunk"_s));
            q.hangupSource = value;
        } else if (key == u"stir_verification"_s) {
            const QString folded = value.toLower();
            if (folded != u"verified"_s && folded != u"not verified"_s && folded != u"not applicable"_s)
                return fail(invalid(key, value, u"allowed values are Verified, Not Verified, Not Applicable"_s));
            q.stirVerification = folded;
        }
    }

    const qint64 horizon = nowUs - kRetentionUs;
    if (lower && *lower < horizon - kHorizonSlackUs)
        return fail(u"end_time: only calls from the last 90 days can be retrieved"_s);
    // Measured between the first and last instants searched: "__gte=X&__lte=X+90d" is fine.
    if (lower && upper && *upper - 1 - *lower > kRetentionUs)
        return fail(u"end_time: the search range cannot span more than 90 days"_s);

    if (lower)
        q.endFromUs = *lower;
    else if (upper)
        q.endFromUs = *upper - kDefaultWindowUs;
    else
        q.endFromUs = nowUs - kDefaultWindowUs;
    if (upper)
        q.endToUs = *upper;
    q.endFromUs = std::max(q.endFromUs, horizon);
    return result;
}

bool plivoNumberMatches(const QString &filter, const QString &number)
{
    return number == filter || stripPlus(number).startsWith(stripPlus(filter));
}

bool plivoCallMatches(const PlivoQuery &q, const PlivoCall &call)
{
    const qint64 endUs = call.endTime * kSecondUs;
    if (endUs < q.endFromUs || endUs >= q.endToUs)
        return false;
    if (q.fromNumber && !plivoNumberMatches(*q.fromNumber, call.fromNumber))
        return false;
    if (q.toNumber && !plivoNumberMatches(*q.toNumber, call.toNumber))
        return false;
    if (q.outbound && *q.outbound != call.outbound)
        return false;
    if (call.billDuration < q.billMin || call.billDuration > q.billMax)
        return false;
    if (q.hangupCauseCode && *q.hangupCauseCode != call.hangupCauseCode)
        return false;
    if (q.hangupSource && *q.hangupSource != call.hangupSource)
        return false;
    if (q.stirVerification && *q.stirVerification != call.stirVerification.toLower())
        return false;
    return true;
}

} // namespace cdrsim
