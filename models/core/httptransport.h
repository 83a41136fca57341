#pragma once

#include "apierror.h"

#include <QByteArray>

#include <chrono>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;
struct Connection;
struct HttpRequest;

// Sends what a provider built and reads what came back, the same way for pages
// and single records: a transfer timeout, redirects only within the origin (so
// credentials never follow to another host), no cookies shared between
// accounts, and error texts with no URL query in them.
namespace HttpTransport {

inline constexpr std::chrono::milliseconds defaultTimeout{30000};
inline constexpr qint64 mebibyte = 1024 * 1024;

// What one request may cost before it is given up. Enforced while the reply
// arrives: a reply that announces or reaches more than maxBytes is aborted then,
// not after it has filled memory.
struct Limits {
    std::chrono::milliseconds idleTimeout = defaultTimeout;    // no byte for this long (a server that went quiet)
    std::chrono::milliseconds totalTimeout{300000};           // the whole reply, however slowly it trickles; 0: none
    qint64 maxBytes = 512 * mebibyte;                          // body size; pages are the largest replies; 0: none
};
inline constexpr qint64 signInMaxBytes = 1 * mebibyte;      // a token reply is a few hundred bytes
inline constexpr qint64 recordMaxBytes = 16 * mebibyte;     // one call

// The reply belongs to the caller, who deletes it (deleteLater) once finished.
// `connection` supplies the certificate the user pinned for the profile, if any:
// that one certificate is accepted although it does not verify (self-signed, unknown
// issuer, other host name), nothing else; expiry and other defects stay fatal.
// A certificate that verifies needs no pin. read() reports the rest as Kind::Certificate.
// This form sets the idle timeout only: no size cap, no total deadline (tools that read one reply themselves).
QNetworkReply *send(QNetworkAccessManager &network, const HttpRequest &request, const Connection &connection,
                    std::chrono::milliseconds timeout = defaultTimeout);
// Searches, fetches and sign-ins use this one.
QNetworkReply *send(QNetworkAccessManager &network, const HttpRequest &request, const Connection &connection,
                    const Limits &limits);

struct Outcome {
    int httpStatus = 0;                          // 0 when no HTTP reply arrived
    QByteArray body;
    std::optional<ApiError> transportError;      // failed below HTTP: network, TLS (Kind::Certificate), timeout, cut short, too large
    std::optional<std::chrono::milliseconds> retryAfter;   // the server's Retry-After as asked (seconds or a date), not capped
    bool transient = false;                      // transportError is one that may pass: a reset, a timeout, a body cut short

    bool isSuccess() const { return !transportError && httpStatus >= 200 && httpStatus < 300; }
};

Outcome read(QNetworkReply &reply);   // call once, from the finished handler

} // namespace HttpTransport
