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

// The reply belongs to the caller, who deletes it (deleteLater) once finished.
// `connection` supplies the certificate the user pinned for the profile, if any:
// that one certificate is accepted although it does not verify (self-signed, unknown
// issuer, other host name), nothing else; expiry and other defects stay fatal.
// A certificate that verifies needs no pin. read() reports the rest as Kind::Certificate.
QNetworkReply *send(QNetworkAccessManager &network, const HttpRequest &request, const Connection &connection,
                    std::chrono::milliseconds timeout = defaultTimeout);

struct Outcome {
    int httpStatus = 0;                          // 0 when no HTTP reply arrived
    QByteArray body;
    std::optional<ApiError> transportError;      // failed below HTTP: network, TLS (Kind::Certificate), timeout, cut short
    std::optional<std::chrono::milliseconds> retryAfter;   // the server's Retry-After, in seconds form

    bool isSuccess() const { return !transportError && httpStatus >= 200 && httpStatus < 300; }
};

Outcome read(QNetworkReply &reply);   // call once, from the finished handler

} // namespace HttpTransport
