#pragma once

#include <QCoreApplication>
#include <QString>

// Errors are values. `message()` is what a user reads: it always carries the
// provider's own words when the provider gave any, and never a secret.
struct ApiError {
    Q_DECLARE_TR_FUNCTIONS(ApiError)
public:
    enum class Kind : quint8 { Network, Http, Auth, RateLimited, Parse, Cancelled, Timeout, Invalid };

    Kind kind = Kind::Network;
    int httpStatus = 0;          // 0 when no HTTP reply arrived
    QString providerMessage;     // the provider's own text, verbatim
    QString detail;              // our own context (e.g. the network error string)

    QString message() const;     // one translated line: what happened, status, provider's words
    bool isRetryable() const;    // worth offering "Continue"
};
