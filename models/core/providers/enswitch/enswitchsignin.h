#pragma once

#include "provider.h"

#include <QByteArray>
#include <QDateTime>

// Enswitch's optional token sign-in (4.1 and later): user/login with token=1
// trades the username and password for an auth_token sent instead of them.
namespace EnswitchSignIn {

// Reads a user/login reply, success or not. The expiry comes from
// auth_token_expiry (seconds from `nowUtc`) or auth_token_expires (Unix time); neither: it never expires.
SignInResult parseLogin(int httpStatus, const QByteArray &body, const QDateTime &nowUtc);

} // namespace EnswitchSignIn
