#pragma once

#include "httpmessage.h"

#include <QHash>
#include <QString>

#include <chrono>
#include <optional>

namespace cdrsim {

// PortSIP's error envelope, used for every 4xx and 5xx:
// {"errors":[{"code":…,"message":…,"detail":…}]}.
HttpResponse portsipError(int status, const QString &code, const QString &message, const QString &detail = {});

// JSON text of a string (quotes, newlines and UTF-8 escaped as JSON requires).
QByteArray portsipJsonString(const QString &text);

// Accounts and tokens of the PortSIP simulator: sign_in (with the two-factor step for
// marked accounts), verify_otp, refresh_token, sign_out and the Bearer check.
// Tokens live on the real steady clock; refresh tokens are single-use and do not expire.
// Not thread-safe; the Simulator serialises calls.
class PortsipAuth {
public:
    static QString otpCode(); // the one-time code every two-factor account accepts: "123456"

    void addAccount(const QString &username, const QString &password, const QString &domain, bool twoFactor);
    void setTokenLifetime(std::chrono::seconds lifetime); // 0 = access tokens are born expired
    void expireAll(); // forgets every token and pending sign-in, as a server restart would

    HttpResponse signIn(const QByteArray &body);
    HttpResponse verifyOtp(const QByteArray &body);
    HttpResponse refresh(const QByteArray &body);
    HttpResponse signOut(const HttpRequest &request);

    // The 401 to answer when the request carries no valid, unexpired Bearer token.
    std::optional<HttpResponse> checkBearer(const HttpRequest &request) const;

    int signInCount() const { return m_signIns; } // accepted credentials (tokens or a 2FA challenge)
    int refreshCount() const { return m_refreshes; } // successful refresh_token calls

private:
    using Clock = std::chrono::steady_clock;
    struct Account {
        QString password;
        QString domain;
        bool twoFactor = false;
    };
    struct Session {
        QString username;
        QString refreshToken;
        Clock::time_point expires;
    };
    struct Challenge {
        QString username;
        Clock::time_point expires;
    };

    HttpResponse issueTokens(const QString &username);
    QString bearerToken(const HttpRequest &request) const;

    QHash<QString, Account> m_accounts;
    QHash<QString, Session> m_sessions; // by access token
    QHash<QString, QString> m_refreshTokens; // refresh token -> access token it was issued with
    QHash<QString, Challenge> m_challenges; // by two-factor token
    std::chrono::seconds m_lifetime{3600};
    int m_signIns = 0;
    int m_refreshes = 0;
};

} // namespace cdrsim
