#include "provider.h"

// Most providers send their secret with every request; these defaults say so.

bool Provider::signsIn(const Connection &) const
{
    return false;
}

HttpRequest Provider::signInRequest(const Connection &) const
{
    return {};
}

std::optional<HttpRequest> Provider::refreshRequest(const Connection &, const AuthTokens &) const
{
    return std::nullopt;
}

HttpRequest Provider::oneTimeCodeRequest(const Connection &, const QString &, const QString &) const
{
    return {};
}

SignInResult Provider::parseSignIn(SignInStep, int, const QByteArray &, const QDateTime &) const
{
    SignInResult result;
    ApiError error;
    error.kind = ApiError::Kind::Auth;
    result.error = error;
    return result;
}
