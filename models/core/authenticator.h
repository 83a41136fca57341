#pragma once

#include "provider.h"

#include <QObject>
#include <QPointer>

#include <chrono>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

// Holds one profile's sign-in for as long as the profile is in use, so every
// search, refresh and export page shares one token. For a provider that does not
// sign in it is always ready and connection() is the profile's own.
//
// Rules: the access token lives in memory only; it is refreshed shortly before it
// expires; when a request is rejected (ApiError::Kind::Auth) with the current
// token, the next ensureReady() refreshes once, and if that fails signs in again
// once; only then is the failure reported.
class Authenticator final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Authenticator)
public:
    Authenticator(QNetworkAccessManager &network, const Provider &provider, Connection connection,
                  QObject *parent = nullptr);
    ~Authenticator() override;

    const Provider &provider() const { return m_provider; }
    QNetworkAccessManager &network() const { return m_network; }
    Connection connection() const;   // the profile's, with the current access token
    bool isReady() const;            // a request may be sent now with connection()

    // Signs in or refreshes if needed. Emits ready() or failed() later, never from
    // inside this call; several callers may wait at once.
    void ensureReady();
    // A request sent with `accessToken` was rejected: forget that token (if still current).
    void tokenRejected(const QString &accessToken);
    // Answers oneTimeCodeNeeded(); an empty code abandons the sign-in (failed(), Kind::Auth).
    void submitOneTimeCode(const QString &code);

    // How long before expiry a token is renewed; 60 s by default (tests shorten it).
    void setRenewMargin(std::chrono::seconds margin);
    void setTimeout(std::chrono::milliseconds timeout);   // per sign-in request

signals:
    void ready();
    void failed(const ApiError &error);   // the provider's words; never the secret
    // The account needs a one-time code. With nothing connected here (cdr-export),
    // the sign-in fails with a message saying so instead.
    void oneTimeCodeNeeded();

private:
    class Private;
    std::unique_ptr<Private> d;
    QNetworkAccessManager &m_network;
    const Provider &m_provider;
};
