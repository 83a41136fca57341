#include "portsipauth.h"

#include <QRandomGenerator>

#include <nlohmann/json.hpp>

using namespace Qt::StringLiterals;

namespace cdrsim {

namespace {

constexpr std::chrono::minutes kChallengeLifetime{5};

const QString kLoginFailed = u"Login failed, authentication error"_s;

// Unguessable, so a test cannot pass by inventing a token.
QByteArray randomPart(int bytes)
{
    QByteArray out(bytes, Qt::Uninitialized);
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(out.data()), bytes / 4);
    return out.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

// The body as a JSON object; nullopt when it is not one.
std::optional<nlohmann::json> jsonObject(const QByteArray &body)
{
    nlohmann::json parsed = nlohmann::json::parse(body.constBegin(), body.constEnd(), nullptr, false);
    if (parsed.is_discarded() || !parsed.is_object())
        return std::nullopt;
    return parsed;
}

// A string member; numbers are accepted too, as JSON clients sometimes send a code as one.
std::optional<QString> member(const nlohmann::json &object, const char *key)
{
    const auto it = object.find(key);
    if (it == object.end())
        return std::nullopt;
    if (it->is_string())
        return QString::fromStdString(it->get<std::string>());
    if (it->is_number_integer())
        return QString::number(it->get<qint64>());
    return std::nullopt;
}

HttpResponse jsonOk(const QByteArray &body)
{
    HttpResponse response;
    response.body = body;
    return response;
}

HttpResponse badBody(const QString &message)
{
    return portsipError(400, u"VALIDATE_FAILED"_s, message, u"body"_s);
}

} // namespace

HttpResponse portsipError(int status, const QString &code, const QString &message, const QString &detail)
{
    HttpResponse response;
    response.status = status;
    response.body = "{\"errors\":[{\"code\":" + portsipJsonString(code) + ",\"message\":" + portsipJsonString(message)
        + ",\"detail\":" + portsipJsonString(detail) + "}]}";
    return response;
}

QByteArray portsipJsonString(const QString &text)
{
    return QByteArray::fromStdString(nlohmann::json(text.toStdString()).dump());
}

QString PortsipAuth::otpCode()
{
    return u"123456"_s;
}

void PortsipAuth::addAccount(const QString &username, const QString &password, const QString &domain, bool twoFactor)
{
    m_accounts.insert(username, {password, domain, twoFactor});
}

void PortsipAuth::setTokenLifetime(std::chrono::seconds lifetime)
{
    m_lifetime = std::max(lifetime, std::chrono::seconds(0));
}

void PortsipAuth::expireAll()
{
    m_sessions.clear();
    m_refreshTokens.clear();
    m_challenges.clear();
}

HttpResponse PortsipAuth::signIn(const QByteArray &body)
{
    const std::optional<nlohmann::json> request = jsonObject(body);
    if (!request)
        return badBody(u"The request body must be a JSON object"_s);
    const std::optional<QString> username = member(*request, "username");
    const std::optional<QString> password = member(*request, "password");
    if (!username || !password || username->isEmpty())
        return badBody(u"username and password are required"_s);
    // The tenant's SIP domain is optional; when given it must be the account's.
    const std::optional<QString> domain = member(*request, "domain");
    const auto account = m_accounts.constFind(*username);
    if (account == m_accounts.cend() || account->password != *password
        || (domain && !domain->isEmpty() && domain->compare(account->domain, Qt::CaseInsensitive) != 0))
        return portsipError(400, u"UNAUTHORIZED"_s, kLoginFailed, u"Invalid username, password or domain"_s);

    ++m_signIns;
    if (!account->twoFactor)
        return issueTokens(*username);
    const QString challenge = QString::fromLatin1(randomPart(24));
    m_challenges.insert(challenge, {*username, Clock::now() + kChallengeLifetime});
    return jsonOk("{\"two_factor_enabled\":true,\"token\":" + portsipJsonString(challenge) + '}');
}

HttpResponse PortsipAuth::verifyOtp(const QByteArray &body)
{
    const std::optional<nlohmann::json> request = jsonObject(body);
    if (!request)
        return badBody(u"The request body must be a JSON object"_s);
    const std::optional<QString> token = member(*request, "token");
    const std::optional<QString> code = member(*request, "code");
    if (!token || !code)
        return badBody(u"token and code are required"_s);
    const auto it = m_challenges.find(*token);
    if (it == m_challenges.end() || Clock::now() >= it->expires)
        return portsipError(400, u"UNAUTHORIZED"_s, u"Verification failed, the sign-in has expired"_s,
            u"Sign in again to get a new token"_s);
    if (*code != otpCode()) // a wrong code keeps the challenge, so the user may try again
        return portsipError(400, u"UNAUTHORIZED"_s, u"Verification failed, invalid code"_s, u"code"_s);
    const QString username = it->username;
    m_challenges.erase(it);
    return issueTokens(username);
}

HttpResponse PortsipAuth::refresh(const QByteArray &body)
{
    const std::optional<nlohmann::json> request = jsonObject(body);
    if (!request)
        return badBody(u"The request body must be a JSON object"_s);
    const std::optional<QString> token = member(*request, "refresh_token");
    if (!token)
        return badBody(u"refresh_token is required"_s);
    const auto it = m_refreshTokens.find(*token);
    if (it == m_refreshTokens.end())
        return portsipError(400, u"UNAUTHORIZED"_s, u"Invalid refresh token"_s, u"Sign in again"_s);
    // The old access token stays valid until it expires; the old refresh token is spent.
    const QString username = m_sessions.value(*it).username;
    m_refreshTokens.erase(it);
    ++m_refreshes;
    return issueTokens(username);
}

HttpResponse PortsipAuth::signOut(const HttpRequest &request)
{
    if (std::optional<HttpResponse> denied = checkBearer(request))
        return *denied;
    const Session session = m_sessions.take(bearerToken(request));
    m_refreshTokens.remove(session.refreshToken);
    return jsonOk("{}");
}

std::optional<HttpResponse> PortsipAuth::checkBearer(const HttpRequest &request) const
{
    auto refuse = [](const QString &message) {
        HttpResponse response = portsipError(401, u"UNAUTHORIZED"_s, message);
        response.headers.emplaceBack("WWW-Authenticate", "Bearer realm=\"portsip\"");
        return response;
    };
    const QString token = bearerToken(request);
    if (token.isEmpty())
        return refuse(u"Missing access token"_s);
    const auto it = m_sessions.constFind(token);
    if (it == m_sessions.cend())
        return refuse(u"Invalid access token"_s);
    if (Clock::now() >= it->expires)
        return refuse(u"The access token has expired"_s);
    return std::nullopt;
}

HttpResponse PortsipAuth::issueTokens(const QString &username)
{
    const QByteArray header = QByteArray(R"({"alg":"HS256","typ":"JWT"})")
                                  .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    const QByteArray payload = QByteArray::fromStdString(nlohmann::json{{"sub", username.toStdString()}}.dump())
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    const QString access = QString::fromLatin1(header + '.' + payload + '.' + randomPart(32));
    const QString refreshToken = QString::fromLatin1(randomPart(48));
    m_sessions.insert(access, {username, refreshToken, Clock::now() + m_lifetime});
    m_refreshTokens.insert(refreshToken, access);
    return jsonOk("{\"token_type\":\"Bearer\",\"access_token\":" + portsipJsonString(access) + ",\"refresh_token\":"
        + portsipJsonString(refreshToken) + ",\"expires_in\":" + QByteArray::number(qint64(m_lifetime.count())) + '}');
}

QString PortsipAuth::bearerToken(const HttpRequest &request) const
{
    const QByteArray header = request.header("Authorization").trimmed();
    const qsizetype space = header.indexOf(' ');
    if (space < 0 || header.left(space).compare("Bearer", Qt::CaseInsensitive) != 0)
        return {};
    return QString::fromLatin1(header.mid(space + 1).trimmed());
}

} // namespace cdrsim
