#include "enswitchsimulator.h"

#include "enswitchquery.h"

#include <QCryptographicHash>
#include <QRegularExpression>

#include <nlohmann/json.hpp>

using namespace Qt::StringLiterals;

namespace cdrsim {

namespace {

// JSON text of a string, escaped by nlohmann so quotes, newlines and UTF-8 come out right.
QByteArray jsonString(const QString &text)
{
    return QByteArray::fromStdString(nlohmann::json(text.toStdString()).dump());
}

HttpResponse envelope(const QByteArray &code, const QString &key, const QString &message, const QByteArray &data = {})
{
    HttpResponse response; // HTTP 200 whatever the code: clients must read the envelope
    response.body = "{\"responses\":[{\"code\":" + jsonString(QString::fromLatin1(code)) + ",\"key\":" + jsonString(key)
        + ",\"message\":" + jsonString(message) + "}]";
    if (!data.isNull())
        response.body += ",\"data\":" + data;
    response.body += '}';
    return response;
}

HttpResponse ok(const QByteArray &data)
{
    return envelope("200", QString(), u"OK"_s, data);
}

QString codeMessage(const QString &code)
{
    if (code == u"400"_s)
        return u"Invalid input parameters"_s;
    if (code == u"401"_s)
        return u"Authentication failed"_s;
    if (code == u"402"_s)
        return u"Your role does not allow this"_s;
    if (code == u"403"_s)
        return u"Your rate plan does not allow this"_s;
    if (code == u"404"_s)
        return u"Not found"_s;
    return u"Internal error"_s;
}

// Written by hand, not through a JSON library, so cost keeps its trailing zeros ("0.0120").
QByteArray legToJson(const EnswitchLeg &leg)
{
    QByteArray out;
    out.reserve(512);
    auto text = [&out](const char *key, const QString &value) {
        out += '"';
        out += key;
        out += "\":" + jsonString(value) + ',';
    };
    auto number = [&out](const char *key, qint64 value) {
        out += '"';
        out += key;
        out += "\":" + QByteArray::number(value) + ',';
    };
    out += '{';
    text("uniqueid", leg.uniqueid);
    text("callid", leg.callid);
    number("start", leg.start);
    number("end", leg.end);
    text("direction", leg.direction);
    number("scustomer", leg.scustomer);
    number("dcustomer", leg.dcustomer);
    text("stype", leg.stype);
    text("snumber", leg.snumber);
    text("ctype", leg.ctype);
    text("cnumber", leg.cnumber);
    text("dtype", leg.dtype);
    text("dnumber", leg.dnumber);
    text("name", leg.name);
    number("peer", leg.peer);
    text("status", leg.status);
    number("talktime", leg.talktime);
    number("totaltime", leg.totaltime);
    out += "\"cost\":" + formatEnswitchMoney(leg.costUnits) + ',';
    text("currency", leg.currency);
    if (!leg.extra.isEmpty())
        text("codec", leg.extra);
    out.chop(1);
    out += '}';
    return out;
}

QByteArray base64Url(const QByteArray &bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

bool isFormBody(const HttpRequest &request)
{
    return request.header("Content-Type").toLower().startsWith("application/x-www-form-urlencoded");
}

} // namespace

EnswitchSimulator::EnswitchSimulator()
    : m_now(QDateTime::currentDateTimeUtc())
{
}

bool EnswitchSimulator::ownsPath(const QString &path)
{
    return path.startsWith(u"/api/json/"_s);
}

HttpResponse EnswitchSimulator::handle(const HttpRequest &request)
{
    static const QRegularExpression route(u"^/api/json/([^/]+)/([^/]+)/?$"_s);
    if (request.method != "GET" && request.method != "POST") {
        HttpResponse response;
        response.status = 405;
        response.contentType = "text/plain";
        response.body = "method not allowed\n";
        response.headers.emplaceBack("Allow", "GET, POST");
        return response;
    }

    // Both the query string and a form body carry parameters; the body wins on a clash.
    QHash<QString, QString> params;
    bool passwordInUrl = false;
    for (const QueryItem &item : decodeQuery(request.rawQuery(), ";&")) {
        passwordInUrl = passwordInUrl || item.key == u"auth_password"_s;
        params.insert(item.key, item.value);
    }
    if (passwordInUrl)
        ++m_passwordInUrl;
    if (request.method == "POST" && isFormBody(request)) {
        for (const QueryItem &item : decodeQuery(request.body, "&;"))
            params.insert(item.key, item.value);
    }

    const QRegularExpressionMatch m = route.match(request.path());
    const QString function = m.hasMatch() ? m.captured(1) + u'/' + m.captured(2) : QString();
    if (function != u"cdrs/list"_s && function != u"cdrs/get"_s && function != u"user/login"_s)
        return envelope("404", QString(), u"Unknown function"_s);

    if (function == u"user/login"_s) {
        // Credentials only: a token cannot be traded for another one.
        const auto account = m_accounts.constFind(params.value(u"auth_username"_s));
        if (account == m_accounts.cend() || account->password != params.value(u"auth_password"_s))
            return envelope("401", QString(), codeMessage(u"401"_s));
    }
    const std::optional<int> customer = function == u"user/login"_s ? std::optional<int>(0) : authenticate(params);
    if (!customer)
        return envelope("401", QString(), codeMessage(u"401"_s));

    if (m_envelopeFailCount > 0) {
        --m_envelopeFailCount;
        return envelope(m_envelopeFailCode.toLatin1(), QString(), codeMessage(m_envelopeFailCode));
    }
    if (m_failCount > 0 && m_failAfter <= 0) {
        --m_failCount;
        HttpResponse response = envelope(QByteArray::number(m_failStatus), QString(), u"Simulated failure"_s);
        response.status = m_failStatus;
        return response;
    }

    if (function == u"user/login"_s)
        return login(params);
    if (function == u"cdrs/get"_s)
        return get(params, *customer);
    HttpResponse response = list(params, *customer);
    if (m_failAfter > 0 && response.body.startsWith("{\"responses\":[{\"code\":\"200\""))
        --m_failAfter;
    return response;
}

std::optional<int> EnswitchSimulator::authenticate(const QHash<QString, QString> &params) const
{
    const QString token = params.value(u"auth_token"_s);
    if (!token.isEmpty()) {
        const auto it = m_tokens.constFind(token);
        if (it == m_tokens.cend() || std::chrono::steady_clock::now() >= it->expires)
            return std::nullopt;
        return it->customer;
    }
    const auto account = m_accounts.constFind(params.value(u"auth_username"_s));
    if (account == m_accounts.cend() || account->password != params.value(u"auth_password"_s))
        return std::nullopt;
    return account->customer;
}

HttpResponse EnswitchSimulator::login(const QHash<QString, QString> &params)
{
    if (params.value(u"token"_s) != u"1"_s)
        return ok("{}");
    const QString username = params.value(u"auth_username"_s);
    const qint64 issued = QDateTime::currentSecsSinceEpoch();
    const QByteArray header = base64Url(R"({"alg":"HS256","typ":"JWT"})");
    const QByteArray payload = base64Url(R"({"sub":)" + jsonString(username) + R"(,"iat":)" + QByteArray::number(issued)
        + R"(,"jti":)" + QByteArray::number(++m_tokenSerial) + '}');
    const QByteArray signature = base64Url(
        QCryptographicHash::hash(header + '.' + payload + QByteArray::number(m_seed), QCryptographicHash::Sha256));
    const QString token = QString::fromLatin1(header + '.' + payload + '.' + signature);
    // Validity runs on the real clock, so a test can shorten it without touching the data's "now".
    m_tokens.insert(token, {m_accounts.value(username).customer, std::chrono::steady_clock::now() + m_tokenLifetime});
    const qint64 lifetime = m_tokenLifetime.count();
    return ok("{\"auth_token\":" + jsonString(token) + ",\"auth_token_expiry\":" + QByteArray::number(lifetime)
        + ",\"auth_token_expires\":" + QByteArray::number(issued + lifetime) + '}');
}

HttpResponse EnswitchSimulator::list(const QHash<QString, QString> &params, int customer)
{
    const EnswitchQueryParse parsed = parseEnswitchListQuery(params, customer, m_now.toSecsSinceEpoch());
    if (!parsed.errorKey.isEmpty())
        return envelope("400", parsed.errorKey, parsed.errorMessage);
    const EnswitchQuery &query = parsed.query;

    QList<const EnswitchLeg *> matched;
    QString cacheKey;
    if (m_cacheMatches) {
        // Everything but the page and the credentials; the customer stands for who asked.
        QStringList names = params.keys();
        names.sort();
        cacheKey = QString::number(customer);
        for (const QString &name : std::as_const(names)) {
            if (name != u"limit"_s && name != u"offset"_s && !name.startsWith(u"auth_"_s))
                cacheKey += u'\n' + name + u'=' + params.value(name);
        }
    }
    legs(); // regenerates the data, and forgets the cache, after a setting changed
    if (!cacheKey.isEmpty() && cacheKey == m_matchedKey) {
        matched = m_matched;
    } else {
        for (const EnswitchLeg &leg : legs())
            if (enswitchLegMatches(query, leg))
                matched.append(&leg);
        sortEnswitchLegs(matched, query.sort, query.descending);
        if (!cacheKey.isEmpty()) {
            m_matchedKey = cacheKey;
            m_matched = matched;
        }
    }

    const qsizetype first = std::min<qsizetype>(query.offset, matched.size());
    const qsizetype last = query.limit == 0 ? matched.size() : std::min<qsizetype>(first + query.limit, matched.size());
    QByteArray data = "[";
    for (qsizetype i = first; i < last; ++i) {
        if (i > first)
            data += ',';
        data += legToJson(*matched.at(i));
    }
    data += ']';
    return ok(data);
}

HttpResponse EnswitchSimulator::get(const QHash<QString, QString> &params, int customer)
{
    const QString uniqueid = params.value(u"uniqueid"_s);
    if (uniqueid.isEmpty())
        return envelope("400", u"uniqueid"_s, u"Missing uniqueid"_s);
    QSet<int> visible;
    if (!enswitchCustomerSet(params.value(u"customer"_s), true, customer, visible))
        return envelope("400", u"customer"_s, u"Invalid customer"_s);
    for (const EnswitchLeg &leg : legs()) {
        if (leg.uniqueid == uniqueid && visible.contains(leg.customer))
            return ok(legToJson(leg));
    }
    return envelope("404", u"uniqueid"_s, u"Call not found"_s);
}

const QList<EnswitchLeg> &EnswitchSimulator::legs()
{
    if (m_stale) {
        m_legs = generateEnswitchLegs(m_seed, m_now.toSecsSinceEpoch(), m_legCount);
        m_stale = false;
        m_matchedKey.clear();
        m_matched.clear();
    }
    return m_legs;
}

void EnswitchSimulator::setNow(const QDateTime &utcNow)
{
    m_now = utcNow.toUTC();
    m_stale = true;
}

void EnswitchSimulator::setLegCount(int count)
{
    m_legCount = std::max(count, 0);
    m_stale = true;
}

void EnswitchSimulator::setSeed(quint32 seed)
{
    m_seed = seed;
    m_stale = true;
}

void EnswitchSimulator::addAccount(const QString &username, const QString &password, int customer)
{
    m_accounts.insert(username, {password, customer});
}

void EnswitchSimulator::setTokenLifetime(std::chrono::seconds lifetime)
{
    m_tokenLifetime = lifetime;
}

void EnswitchSimulator::failEnvelope(int count, const QString &code)
{
    m_envelopeFailCount = std::max(count, 0);
    m_envelopeFailCode = code;
}

void EnswitchSimulator::failRequests(int afterRequests, int count, int httpStatus)
{
    m_failAfter = std::max(afterRequests, 0);
    m_failCount = std::max(count, 0);
    m_failStatus = httpStatus;
}

} // namespace cdrsim
