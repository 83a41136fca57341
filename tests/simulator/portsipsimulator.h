#pragma once

#include "httpmessage.h"
#include "portsipauth.h"
#include "portsipdata.h"
#include "ratelimiter.h"

#include <QDateTime>

#include <chrono>

namespace cdrsim {

// The PortSIP PBX REST API v22 under /api/: auth/sign_in, auth/verify_otp,
// auth/refresh_token, auth/sign_out, cdrs and cdrs/{id} (GET or POST), the error
// envelope, the per-server rate limit and fault injection.
// Not thread-safe; the Simulator serialises calls.
class PortsipSimulator {
public:
    PortsipSimulator();

    static bool ownsPath(const QString &path); // anything under /api/ (route /api/json/ to Enswitch first)
    HttpResponse handle(const HttpRequest &request);

    PortsipAuth &auth() { return m_auth; }
    void setNow(const QDateTime &utcNow);
    void setCallCount(int count);
    void addCalls(int count) { setCallCount(m_callCount + count); } // late arrivals; earlier calls keep their ids
    void setSeed(quint32 seed);
    void setRateLimit(int requests, std::chrono::milliseconds window);
    void forceRateLimit(int count); // the next `count` authenticated CDR requests
    void fail(int count, int httpStatus, const QString &code); // the next `count` authenticated CDR requests
    void setSkipOneBased(bool oneBased);
    // Keeps the matched, sorted CDRs of the last list query, so paging through a large
    // set (the benchmark) costs the server one filter and sort, not one per page.
    void setCacheMatches(bool cache) { m_cacheMatches = cache; }

    // The current data set in generation order (regenerated after a setting changed).
    const QList<PortsipCall> &calls();

private:
    HttpResponse list(const HttpRequest &request);
    HttpResponse get(const QString &id);
    HttpResponse tooManyRequests(std::chrono::seconds retryAfter) const;

    PortsipAuth m_auth;
    RateLimiter m_limiter;
    std::chrono::milliseconds m_window{60000};
    QDateTime m_now;
    int m_callCount = 2000;
    quint32 m_seed = 1;
    QList<PortsipCall> m_calls;
    bool m_stale = true;
    bool m_skipOneBased = false;
    bool m_cacheMatches = false;
    QString m_matchedKey; // the options (without top, skip and count) m_matched answers; empty: none
    QList<const PortsipCall *> m_matched;

    int m_forcedRateLimits = 0;
    int m_failCount = 0;
    int m_failStatus = 500;
    QString m_failCode;
};

} // namespace cdrsim
