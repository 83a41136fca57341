#pragma once

#include "apierror.h"
#include "cdrrecord.h"
#include "searchquery.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QUrl>

#include <chrono>
#include <optional>
#include <utility>
#include <vector>

// One HTTP request as a provider wants it sent. The paging engine turns it into
// a QNetworkRequest; the provider never touches the network itself.
// Headers may hold credentials: never log them, and never log the URL's query.
struct HttpRequest {
    QByteArray method = "GET";
    QUrl url;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;
    // Whether sending it twice does no harm (it only reads), so a failure may be
    // retried. None: only GET and HEAD are; a provider that reads by POST says so.
    std::optional<bool> safeToRetry;

    bool isSafeToRetry() const { return safeToRetry.value_or(method == "GET" || method == "HEAD"); }
};

// Where and as whom to connect. Built from a profile plus its secret at the
// moment of use (connectionFor() in profile.h); not stored.
struct Connection {
    QUrl baseUrl;
    QString user;
    QString secret;
    QMap<QString, QString> options;        // the provider's ProfileOption values, by key ("1" = a ticked flag)
    // A certificate the user chose to trust for this profile: lowercase hex SHA-256 of its DER.
    // Empty: the system's trust store only. Verification is never switched off.
    QByteArray pinnedCertificateSha256;
    // Filled by the Authenticator after a sign-in; a provider that signs in sends it instead of the secret.
    QString accessToken;
};

// A setting a provider needs beyond URL, user and secret, e.g. PortSIP's tenant domain.
struct ProfileOption {
    enum class Kind : quint8 { Text, Flag, Count };   // Count: a whole number of at least 1
    QString key;              // stable; stored in the profile's settings
    Kind kind = Kind::Text;
    QString label;            // translated
    QString toolTip;          // translated: what it is for
    QString placeholder;      // translated; Text only
};

// What the profile dialog asks for, per provider.
struct ProfileFieldLabels {
    QString defaultBaseUrl;   // e.g. "https://api.plivo.com"
    QString userLabel;        // translated, e.g. "Auth ID"
    QString secretLabel;      // translated, e.g. "Auth token"
    QList<ProfileOption> options;
    // The same two words as they read inside a sentence ("Enter the password."); empty: the labels.
    QString userNoun;
    QString secretNoun;

    QString userInSentence() const { return userNoun.isEmpty() ? userLabel : userNoun; }
    QString secretInSentence() const { return secretNoun.isEmpty() ? secretLabel : secretNoun; }
};

// Tokens from a sign-in. Kept in memory only, never stored.
struct AuthTokens {
    QString accessToken;
    QString refreshToken;                  // empty: cannot be refreshed; sign in again instead
    std::optional<QDateTime> expiresAtUtc; // none: good until the server rejects it
};

enum class SignInStep : quint8 { SignIn, Refresh, OneTimeCode };

struct SignInResult {
    std::optional<AuthTokens> tokens;
    // Non-empty: the account needs a one-time code; hand this back in oneTimeCodeRequest().
    QString oneTimeCodeChallenge;
    std::optional<ApiError> error;
};

struct PagingPolicy {
    int pageSize = 20;                        // rows a request
    int maxInFlight = 1;                      // requests kept in flight at once
    int rateLimitRequests = 0;                // 0 = no documented limit
    std::chrono::milliseconds rateLimitWindow{0};
    bool reportsTotal = true;                 // the first page tells the total
};

struct PageResult {
    std::vector<CdrRecord> rows;
    std::optional<qint64> total;
    std::optional<ApiError> error;
};

struct RecordResult {
    std::optional<CdrRecord> record;
    std::optional<ApiError> error;
};

// A line the detail pane adds to explain a field, e.g. a hangup code's meaning.
struct FieldExplanation {
    QString key;        // column key it explains, e.g. "raw.hangup_cause_code"
    QString text;       // translated
};

// Everything that differs between providers, and nothing else. Code above this
// interface never knows which provider it talks to.
class Provider {
public:
    virtual ~Provider() = default;

    virtual QString id() const = 0;            // "plivo"; stable, used in settings and files
    virtual QString displayName() const = 0;   // "Plivo Zentrunk"
    virtual ProfileFieldLabels profileFields() const = 0;

    virtual QList<FilterSpec> filters() const = 0;
    virtual TimeRangePolicy timeRange() const = 0;
    // Everything the API would refuse, found before sending. `nowUtc` is passed in so tests are deterministic.
    virtual QList<FieldError> validate(const SearchQuery &query, const QDateTime &nowUtc) const = 0;

    // Sign-in, for providers that trade the password for a token (see Authenticator).
    // A provider that returns false here sends the secret with every request.
    virtual bool signsIn(const Connection &connection) const;   // false by default
    virtual HttpRequest signInRequest(const Connection &connection) const;
    // None: this provider (or these tokens) cannot be refreshed; the Authenticator signs in again.
    virtual std::optional<HttpRequest> refreshRequest(const Connection &connection, const AuthTokens &tokens) const;
    virtual HttpRequest oneTimeCodeRequest(const Connection &connection, const QString &challenge,
                                           const QString &code) const;
    // Reads the reply to any of the three requests above, success or not.
    virtual SignInResult parseSignIn(SignInStep step, int httpStatus, const QByteArray &body,
                                     const QDateTime &nowUtc) const;

    virtual PagingPolicy paging() const = 0;
    // The paging for one profile, when a profile option changes it (e.g. a server's configured rate limit).
    virtual PagingPolicy pagingFor(const Connection &) const { return paging(); }
    // Whether a reply means "too many requests, try later" (the engine backs off and retries).
    virtual bool isRateLimitRefusal(int httpStatus, const QByteArray &) const { return httpStatus == 429; }
    // `query` is already resolved (concrete since/until).
    virtual HttpRequest pageRequest(const Connection &connection, const SearchQuery &query, qint64 offset,
                                    int limit) const = 0;
    virtual PageResult parsePage(const QByteArray &body) const = 0;
    // Optional parser fed as bytes arrive, for large pages (pagestreamparser.h); null: parsePage() is used.
    virtual std::unique_ptr<class PageStreamParser> pageStreamParser() const; // none by default

    virtual HttpRequest recordRequest(const Connection &connection, const QString &id) const = 0;
    virtual RecordResult parseRecord(const QByteArray &body) const = 0;

    // Turns a non-2xx reply into an error carrying the provider's own words.
    virtual ApiError errorFromReply(int httpStatus, const QByteArray &body) const = 0;

    virtual QList<FieldExplanation> explain(const CdrRecord &record) const = 0;
    virtual QStringList defaultColumns() const = 0;
    // Column keys the server can sort all matching calls on (unified keys or "raw.<name>").
    virtual QStringList serverSortableColumns() const { return {}; }
};
