#include "enswitchsignin.h"

#include "enswitchparser.h"

#include <QCoreApplication>
#include <QTimeZone>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

using namespace Qt::StringLiterals;

namespace {

using Json = nlohmann::json;

QString translated(const char *text)
{
    return QCoreApplication::translate("EnswitchSignIn", text);
}

ApiError unreadable(const QString &detail)
{
    ApiError error;
    error.kind = ApiError::Kind::Parse;
    error.detail = detail;
    return error;
}

// Envelope fields come as strings ("200") but a number is read the same way.
QString textOf(const Json &object, const char *key)
{
    const auto it = object.find(key);
    if (it == object.end())
        return {};
    if (it->is_string())
        return QString::fromStdString(it->get<std::string>());
    if (it->is_number_integer())
        return QString::number(it->get<qint64>());
    if (it->is_number_unsigned())
        return QString::number(it->get<quint64>());
    return {};
}

std::optional<qint64> secondsOf(const Json &object, const char *key)
{
    const auto it = object.find(key);
    if (it == object.end())
        return std::nullopt;
    if (it->is_number_integer())
        return it->get<qint64>();
    if (it->is_number_unsigned())
        return qint64(std::min<quint64>(it->get<quint64>(), quint64(std::numeric_limits<qint64>::max())));
    if (it->is_number_float()) {
        const double value = it->get<double>();
        // Whole seconds, rounded towards "sooner": renewing early is harmless, late is not.
        if (std::isfinite(value) && std::abs(value) < 1e15)
            return qint64(std::floor(value));
        return std::nullopt;
    }
    if (it->is_string()) {
        bool ok = false;
        const qint64 value = QString::fromStdString(it->get<std::string>()).trimmed().toLongLong(&ok);
        if (ok)
            return value;
    }
    return std::nullopt;
}

} // namespace

namespace EnswitchSignIn {

SignInResult parseLogin(int httpStatus, const QByteArray &body, const QDateTime &nowUtc)
{
    SignInResult result;
    if (httpStatus < 200 || httpStatus >= 300) {
        result.error = EnswitchParser::errorFromReply(httpStatus, body);
        return result;
    }
    const Json root = Json::parse(body.cbegin(), body.cend(), nullptr, false);
    if (root.is_discarded() || !root.is_object()) {
        result.error = unreadable(translated(QT_TRANSLATE_NOOP("EnswitchSignIn", "the sign-in reply is not JSON")));
        return result;
    }
    // The envelope first, as on every call: a wrong password is a 401 in a 200 reply.
    const auto responses = root.find("responses");
    if (responses == root.end() || !responses->is_array() || responses->empty()) {
        result.error = unreadable(translated(QT_TRANSLATE_NOOP("EnswitchSignIn", "the sign-in reply has no status")));
        return result;
    }
    for (const Json &response : *responses) {
        if (!response.is_object()) {
            result.error = unreadable(
                translated(QT_TRANSLATE_NOOP("EnswitchSignIn", "the sign-in reply's status is malformed")));
            return result;
        }
        const QString code = textOf(response, "code");
        if (code != "200"_L1) {
            result.error = EnswitchParser::envelopeError(code, textOf(response, "key"), textOf(response, "message"));
            return result;
        }
    }

    const auto data = root.find("data");
    const QString token = data != root.end() && data->is_object() ? textOf(*data, "auth_token") : QString();
    if (token.isEmpty()) {
        // Servers before 4.1 answer user/login without a token.
        result.error = unreadable(translated(QT_TRANSLATE_NOOP("EnswitchSignIn",
            "the server sent no sign-in token; token sign-in needs Enswitch 4.1 or later, so untick it in the "
            "profile")));
        return result;
    }
    AuthTokens tokens;
    tokens.accessToken = token;
    const std::optional<qint64> expires = secondsOf(*data, "auth_token_expires"); // absent: tokens never expire
    const std::optional<qint64> expiry = secondsOf(*data, "auth_token_expiry");
    // Both name the same moment; the relative one does not depend on our clock
    // agreeing with the server's, so it wins when both are there.
    if (expiry && (expires || *expiry > 0))
        tokens.expiresAtUtc = nowUtc.toUTC().addSecs(*expiry);
    else if (expires)
        tokens.expiresAtUtc = QDateTime::fromSecsSinceEpoch(*expires, QTimeZone::utc());
    result.tokens = tokens;
    return result;
}

} // namespace EnswitchSignIn
