#include "plivosimulator.h"

#include <QRegularExpression>
#include <QUuid>

#include <nlohmann/json.hpp>

#include "plivoquery.h"

using namespace Qt::StringLiterals;
using Json = nlohmann::ordered_json; // keeps the field order of Plivo's examples

namespace cdrsim {

namespace {

std::string utf8(const QString &text)
{
    return text.toStdString();
}

std::string apiId()
{
    return utf8(QUuid::createUuid().toString(QUuid::WithoutBraces));
}

std::string plivoTime(qint64 secs)
{
    return utf8(QDateTime::fromSecsSinceEpoch(secs, Qt::UTC).toString(u"yyyy-MM-dd HH:mm:ss"_s));
}

Json callToJson(const PlivoCall &call)
{
    Json j;
    j["call_uuid"] = utf8(call.uuid);
    j["from_number"] = utf8(call.fromNumber);
    j["to_number"] = utf8(call.toNumber);
    j["call_direction"] = call.outbound ? "outbound" : "inbound";
    if (!call.trunkId.isEmpty())
        j["trunk_id"] = utf8(call.trunkId); // where the second object of the list example has it
    j["call_duration"] = call.callDuration;
    j["bill_duration"] = call.billDuration;
    j["end_time"] = plivoTime(call.endTime);
    j["hangup_cause_name"] = utf8(call.hangupCauseName);
    j["hangup_source"] = utf8(call.hangupSource);
    j["total_rate"] = utf8(formatPlivoMoney(call.rateUnits));
    j["total_amount"] = utf8(formatPlivoMoney(call.amountUnits));
    if (call.billedDuration)
        j["billed_duration"] = *call.billedDuration;
    j["initiation_time"] = plivoTime(call.initiationTime);
    j["answer_time"] = call.answerTime ? Json(plivoTime(*call.answerTime)) : Json(nullptr);
    if (!call.trunkDomain.isEmpty())
        j["trunk_domain"] = utf8(call.trunkDomain);
    j["from_country"] = utf8(call.fromCountry);
    j["to_country"] = utf8(call.toCountry);
    j["transport_protocol"] = utf8(call.transport);
    j["srtp"] = call.srtp;
    j["hangup_cause_code"] = call.hangupCauseCode;
    j["secure_trunking"] = call.secureTrunking;
    j["secure_trunking_rate"] = utf8(formatPlivoMoney(call.secureRateUnits));
    j["stir_verification"] = utf8(call.stirVerification);
    j["attestation_indicator"] = utf8(call.attestation);
    return j;
}

HttpResponse jsonResponse(int status, const Json &body)
{
    HttpResponse response;
    response.status = status;
    response.body = QByteArray::fromStdString(body.dump());
    return response;
}

QString faultMessage(int status)
{
    switch (status) {
    case 400:
        return u"simulated bad request"_s;
    case 401:
        return u"authentication credentials invalid"_s;
    case 403:
        return u"forbidden"_s;
    case 404:
        return u"not found"_s;
    case 429:
        return u"too many requests"_s;
    case 502:
        return u"bad gateway"_s;
    case 503:
        return u"service unavailable"_s;
    case 504:
        return u"gateway timeout"_s;
    default:
        return u"simulated server error"_s;
    }
}

} // namespace

PlivoSimulator::PlivoSimulator()
    : m_now(QDateTime::currentDateTimeUtc())
{
}

bool PlivoSimulator::ownsPath(const QString &path)
{
    return path.startsWith(u"/v1/"_s);
}

HttpResponse PlivoSimulator::errorResponse(int status, const QString &message)
{
    HttpResponse response = jsonResponse(status, Json{{"api_id", apiId()}, {"error", utf8(message)}});
    if (status == 429)
        response.headers.emplaceBack("Retry-After", "1");
    if (status == 401)
        response.headers.emplaceBack("WWW-Authenticate", "Basic realm=\"plivo\"");
    return response;
}

HttpResponse PlivoSimulator::handle(const HttpRequest &request)
{
    static const QRegularExpression route(u"^/v1/Account/([^/]+)/Zentrunk/Call(?:/([^/]+))?/?$"_s);
    const QRegularExpressionMatch m = route.match(request.path());
    if (!m.hasMatch())
        return errorResponse(404, u"not found"_s);
    if (request.method != "GET") {
        HttpResponse response = errorResponse(405, u"method not allowed"_s);
        response.headers.emplaceBack("Allow", "GET");
        return response;
    }
    const QString authId = m.captured(1);
    const Route kind = m.hasCaptured(2) ? Route::Get : Route::List;

    if (auto denied = checkAuth(request, authId))
        return *denied;

    if (m_forcedRateLimits > 0) {
        --m_forcedRateLimits;
        return errorResponse(429, u"too many requests"_s);
    }
    if (!m_limiter.tryAcquire(authId))
        return errorResponse(429, u"too many requests"_s);

    if (m_failCount > 0 && m_failAfter <= 0) {
        --m_failCount;
        return errorResponse(m_failStatus, faultMessage(m_failStatus));
    }

    HttpResponse response = kind == Route::List ? list(request) : get(m.captured(2));
    if (kind == Route::List && response.status == 200 && m_failAfter > 0)
        --m_failAfter;
    return response;
}

std::optional<HttpResponse> PlivoSimulator::checkAuth(const HttpRequest &request, const QString &urlAuthId) const
{
    const QByteArray header = request.header("Authorization");
    const qsizetype space = header.indexOf(' ');
    if (header.isEmpty() || space < 0 || header.left(space).compare("Basic", Qt::CaseInsensitive) != 0)
        return errorResponse(401, u"authentication credentials were not provided"_s);

    const auto decoded
        = QByteArray::fromBase64Encoding(header.mid(space + 1).trimmed(), QByteArray::AbortOnBase64DecodingErrors);
    const qsizetype colon = decoded.decoded.indexOf(':');
    if (!decoded || colon < 0)
        return errorResponse(401, u"authentication credentials invalid"_s);
    const QString user = QString::fromUtf8(decoded.decoded.left(colon));
    const QString token = QString::fromUtf8(decoded.decoded.mid(colon + 1));
    const auto account = m_accounts.constFind(user);
    if (account == m_accounts.cend() || *account != token || user != urlAuthId)
        return errorResponse(401, u"authentication credentials invalid"_s);
    return std::nullopt;
}

HttpResponse PlivoSimulator::list(const HttpRequest &request)
{
    const PlivoQueryParse parsed = parsePlivoListQuery(decodeQuery(request.rawQuery()), nowUs());
    if (!parsed.error.isEmpty())
        return errorResponse(400, parsed.error);
    const PlivoQuery &query = parsed.query;

    Json objects = Json::array();
    qint64 total = 0;
    for (const PlivoCall &call : calls()) {
        if (!plivoCallMatches(query, call))
            continue;
        if (total >= query.offset && total < qint64(query.offset) + query.limit)
            objects.push_back(callToJson(call));
        ++total;
    }

    Json body;
    body["api_id"] = apiId();
    body["meta"] = Json{{"limit", query.limit}, {"offset", query.offset}, {"total_count", total}, {"previous", nullptr},
        {"next", nullptr}};
    body["objects"] = std::move(objects);
    return jsonResponse(200, body);
}

HttpResponse PlivoSimulator::get(const QString &callUuid)
{
    // Calls past the 90-day retention are gone for this endpoint too.
    const qint64 horizonSecs = nowUs() / 1000000 - 90 * 86400;
    for (const PlivoCall &call : calls()) {
        if (call.uuid == callUuid && call.endTime >= horizonSecs) {
            Json body = callToJson(call);
            return jsonResponse(200, body);
        }
    }
    return errorResponse(404, u"not found"_s);
}

const QList<PlivoCall> &PlivoSimulator::calls()
{
    if (m_stale) {
        m_calls = generatePlivoCalls(m_seed, m_now.toSecsSinceEpoch(), m_callCount);
        m_stale = false;
    }
    return m_calls;
}

qint64 PlivoSimulator::nowUs() const
{
    return m_now.toMSecsSinceEpoch() * 1000;
}

void PlivoSimulator::setNow(const QDateTime &utcNow)
{
    m_now = utcNow.toUTC();
    m_stale = true;
}

void PlivoSimulator::setCallCount(int count)
{
    m_callCount = std::max(count, 0);
    m_stale = true;
}

void PlivoSimulator::setSeed(quint32 seed)
{
    m_seed = seed;
    m_stale = true;
}

void PlivoSimulator::addAccount(const QString &authId, const QString &authToken)
{
    m_accounts.insert(authId, authToken);
}

void PlivoSimulator::setRateLimit(int requests, std::chrono::milliseconds window)
{
    m_limiter.configure(requests, window);
}

void PlivoSimulator::failRequests(int afterRequests, int count, int httpStatus)
{
    m_failAfter = std::max(afterRequests, 0);
    m_failCount = std::max(count, 0);
    m_failStatus = httpStatus;
}

void PlivoSimulator::forceRateLimit(int count)
{
    m_forcedRateLimits = std::max(count, 0);
}

} // namespace cdrsim
