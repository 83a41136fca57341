#pragma once

#include <QByteArrayView>
#include <QDateTime>
#include <QtGlobal>

#include <chrono>
#include <optional>

class QRandomGenerator;

// How a request that failed for a passing reason (a refusal, a 5xx, a dropped
// connection, a timeout, a body cut short) is asked for again. The waits grow
// with "decorrelated jitter": random, so that many clients refused together do
// not all come back in the same instant, but never shorter than initialDelay.
struct RetryPolicy {
    std::chrono::milliseconds initialDelay{500};        // the first wait, and the shortest
    std::chrono::milliseconds maxDelay{8000};           // no wait of our own is longer
    int maxRetries = 6;                                 // per request; then it fails naming the last problem
    std::chrono::milliseconds maxRetryAfter{60000};     // a server's Retry-After is cut to this
    std::optional<quint32> seed;                        // fixed: the same waits every run (tests); none: random

    // The wait after one that lasted `previous` (zero before the first retry).
    std::chrono::milliseconds nextDelay(std::chrono::milliseconds previous, QRandomGenerator &random) const;
    // How long to wait when the server named a time: its wish, within maxRetryAfter.
    std::chrono::milliseconds honoured(std::chrono::milliseconds retryAfter) const;
    // 500, 502, 503, 504: the server or a gateway in front of it in trouble, not the request at fault.
    static bool isServerTrouble(int httpStatus);
};

namespace RetryAfter {
// A Retry-After value, either delay-seconds or an HTTP-date (RFC 9110 §10.2.3),
// as a wait from `nowUtc`; none when it is neither. A date in the past is zero.
std::optional<std::chrono::milliseconds> parse(QByteArrayView value, const QDateTime &nowUtc);
} // namespace RetryAfter

// Tells a JSON text that stopped before its end (a reply cut off mid-way, worth
// asking for again) from one that is complete but not what was expected (not
// worth it). Fed the body in chunks as it arrives, so nothing is kept.
class JsonTruncationCheck {
public:
    void feed(QByteArrayView chunk);
    bool looksTruncated() const;   // nothing at all, an open string, or an unclosed object or array

private:
    qint64 m_depth = 0;
    bool m_inString = false;
    bool m_escaped = false;
    bool m_sawValue = false;
};
