#include "portsipsimulator.h"

#include "portsipquery.h"
#include "portsiptime.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace cdrsim {

namespace {

// Writes the fields in the order of the spec's examples. An unset value is "" or,
// for the records that do so, null: the real server shows both.
QByteArray callToJson(const PortsipCall &call, bool single)
{
    QByteArray out;
    out.reserve(900);
    auto key = [&out](const char *name) {
        out += '"';
        out += name;
        out += "\":";
    };
    auto text = [&](const char *name, const QString &value) {
        key(name);
        out += value.isEmpty() && call.nullForUnset ? QByteArray("null") : portsipJsonString(value);
        out += ',';
    };
    auto time = [&](const char *name, std::optional<qint64> value) {
        key(name);
        out += value ? '"' + formatPortsipTime(*value) + '"' : call.nullForUnset ? QByteArray("null") : "\"\"";
        out += ',';
    };
    auto number = [&](const char *name, qint64 value) {
        key(name);
        out += QByteArray::number(value) + ',';
    };
    out += '{';
    if (!single) // the single-record endpoint leaves the id out
        text("id", call.id);
    text("caller", call.caller);
    text("caller_domain", call.callerDomain);
    text("caller_display_name", call.callerDisplayName);
    text("callee", call.callee);
    text("callee_domain", call.calleeDomain);
    text("callee_display_name", call.calleeDisplayName);
    time("started_at", call.startedAt);
    time("rang_at", call.rangAt);
    time("answered_at", call.answeredAt);
    time("ended_at", call.endedAt);
    text("call_id", call.callId);
    text("direction", call.direction);
    text("end_reason", call.endReason);
    text("reroute_reason", call.rerouteReason);
    number("status_code", call.statusCode);
    text("destination", call.destination);
    text("outbound_caller_id", call.outboundCallerId);
    text("did_cid", call.didCid);
    text("trunk", call.trunk);
    number("duration", call.duration);
    if (single) {
        key("cost"); // written by hand so the decimal stays exact ("0.0125")
        out += formatPortsipCost(call.costUnits) + ',';
        text("billed_account", call.billedAccount);
    }
    text("service_number", call.serviceNumber);
    text("user_data", call.userData);
    out.chop(1);
    out += '}';
    return out;
}

HttpResponse methodNotAllowed(const QByteArray &allow)
{
    HttpResponse response = portsipError(405, u"METHOD_NOT_ALLOWED"_s, u"Method not allowed"_s);
    response.headers.emplaceBack("Allow", allow);
    return response;
}

QString faultMessage(int status)
{
    switch (status) {
    case 400:
        return u"Simulated validation failure"_s;
    case 403:
        return u"Permission denied"_s;
    case 404:
        return u"Resource not found"_s;
    case 503:
        return u"Service unavailable"_s;
    default:
        return u"Simulated server failure"_s;
    }
}

} // namespace

PortsipSimulator::PortsipSimulator()
    : m_now(QDateTime::currentDateTimeUtc())
{
    setRateLimit(5000, m_window);
}

bool PortsipSimulator::ownsPath(const QString &path)
{
    return path.startsWith(u"/api/"_s);
}

HttpResponse PortsipSimulator::handle(const HttpRequest &request)
{
    // One budget for the whole server, sign-in included, as PortSIP's limit is per server.
    if (!m_limiter.tryAcquire(u"server"_s))
        return tooManyRequests(std::chrono::ceil<std::chrono::seconds>(m_window));

    static const QRegularExpression cdrRoute(u"^/api/cdrs(?:/([^/]+))?/?$"_s);
    const QString rawPath = QString::fromLatin1(request.rawPath());
    const bool post = request.method == "POST";
    if (rawPath.startsWith(u"/api/auth/"_s)) {
        const QString action = rawPath.mid(10);
        static const QStringList actions{u"sign_in"_s, u"verify_otp"_s, u"refresh_token"_s, u"sign_out"_s};
        if (!actions.contains(action))
            return portsipError(404, u"NOT_FOUND"_s, u"Resource not found"_s, request.path());
        if (!post)
            return methodNotAllowed("POST");
        if (action == u"sign_in"_s)
            return m_auth.signIn(request.body);
        if (action == u"verify_otp"_s)
            return m_auth.verifyOtp(request.body);
        if (action == u"refresh_token"_s)
            return m_auth.refresh(request.body);
        return m_auth.signOut(request);
    }

    const QRegularExpressionMatch m = cdrRoute.match(rawPath);
    if (!m.hasMatch())
        return portsipError(404, u"NOT_FOUND"_s, u"Resource not found"_s, request.path());
    // The how-to guide lists CDRs with POST and the options in the URL; both methods work.
    if (!post && request.method != "GET")
        return methodNotAllowed("GET, POST");
    if (std::optional<HttpResponse> denied = m_auth.checkBearer(request))
        return *denied;
    if (m_forcedRateLimits > 0) {
        --m_forcedRateLimits;
        return tooManyRequests(std::chrono::seconds(1));
    }
    if (m_failCount > 0) {
        --m_failCount;
        return portsipError(m_failStatus, m_failCode, faultMessage(m_failStatus));
    }
    if (m.hasCaptured(1))
        return get(QString::fromUtf8(QByteArray::fromPercentEncoding(m.captured(1).toLatin1())));
    return list(request);
}

HttpResponse PortsipSimulator::list(const HttpRequest &request)
{
    const QList<QueryItem> items = decodeQuery(request.rawQuery());
    const PortsipQueryParse parsed = parsePortsipListQuery(items, m_skipOneBased);
    if (!parsed.error.isEmpty())
        return portsipError(400, u"VALIDATE_FAILED"_s, parsed.error, parsed.option);
    const PortsipQuery &query = parsed.query;

    QList<const PortsipCall *> matched;
    QString cacheKey;
    if (m_cacheMatches) {
        static const QStringList pageOptions{u"top"_s, u"$top"_s, u"skip"_s, u"$skip"_s, u"count"_s, u"$count"_s};
        cacheKey = u"?"_s;
        for (const QueryItem &item : items) {
            if (!pageOptions.contains(item.key))
                cacheKey += u'\n' + item.key + u'=' + item.value;
        }
    }
    calls(); // regenerates the data, and forgets the cache, after a setting changed
    if (!cacheKey.isEmpty() && cacheKey == m_matchedKey) {
        matched = m_matched;
    } else {
        for (const PortsipCall &call : calls())
            if (portsipCallMatches(query, call))
                matched.append(&call);
        sortPortsipCalls(matched, query.orderBy);
        if (!cacheKey.isEmpty()) {
            m_matchedKey = cacheKey;
            m_matched = matched;
        }
    }

    HttpResponse response;
    response.body = "{";
    if (query.count)
        response.body += "\"count\":" + QByteArray::number(matched.size()) + ',';
    response.body += "\"items\":[";
    const qsizetype first = std::min<qsizetype>(query.offset, matched.size());
    const qsizetype last = std::min<qsizetype>(first + query.top, matched.size());
    for (qsizetype i = first; i < last; ++i) {
        if (i > first)
            response.body += ',';
        response.body += callToJson(*matched.at(i), false);
    }
    response.body += "]}";
    return response;
}

HttpResponse PortsipSimulator::get(const QString &id)
{
    for (const PortsipCall &call : calls()) {
        if (call.id == id) {
            HttpResponse response;
            response.body = "{\"items\":[" + callToJson(call, true) + "]}"; // an array even for one record
            return response;
        }
    }
    return portsipError(404, u"NOT_FOUND"_s, u"CDR not found"_s, id);
}

HttpResponse PortsipSimulator::tooManyRequests(std::chrono::seconds retryAfter) const
{
    HttpResponse response = portsipError(429, u"TOO_MANY_REQUESTS"_s, u"Too many requests, try again later"_s);
    response.headers.emplaceBack("Retry-After", QByteArray::number(qint64(std::max<qint64>(retryAfter.count(), 1))));
    return response;
}

const QList<PortsipCall> &PortsipSimulator::calls()
{
    if (m_stale) {
        m_calls = generatePortsipCalls(m_seed, m_now.toSecsSinceEpoch(), m_callCount);
        m_stale = false;
        m_matchedKey.clear();
        m_matched.clear();
    }
    return m_calls;
}

void PortsipSimulator::setNow(const QDateTime &utcNow)
{
    m_now = utcNow.toUTC();
    m_stale = true;
}

void PortsipSimulator::setCallCount(int count)
{
    m_callCount = std::max(count, 0);
    m_stale = true;
}

void PortsipSimulator::setSeed(quint32 seed)
{
    m_seed = seed;
    m_stale = true;
}

void PortsipSimulator::setRateLimit(int requests, std::chrono::milliseconds window)
{
    m_window = window;
    m_limiter.configure(requests, window);
}

void PortsipSimulator::forceRateLimit(int count)
{
    m_forcedRateLimits = std::max(count, 0);
}

void PortsipSimulator::fail(int count, int httpStatus, const QString &code)
{
    m_failCount = std::max(count, 0);
    m_failStatus = httpStatus;
    m_failCode = code;
}

void PortsipSimulator::setSkipOneBased(bool oneBased)
{
    m_skipOneBased = oneBased;
}

} // namespace cdrsim
