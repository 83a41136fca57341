#pragma once

#include "httpmessage.h"
#include "plivodata.h"
#include "ratelimiter.h"

#include <QDateTime>
#include <QHash>

namespace cdrsim {

// The Plivo Zentrunk Call API: routing, Basic auth, the rate limit, fault
// injection and the list/get endpoints. Not thread-safe; the Simulator serialises calls.
class PlivoSimulator {
public:
    PlivoSimulator();

    static bool ownsPath(const QString &path); // anything under /v1/
    HttpResponse handle(const HttpRequest &request);

    void setNow(const QDateTime &utcNow);
    void setCallCount(int count);
    void addCalls(int count) { setCallCount(m_callCount + count); } // late arrivals; earlier calls keep their ids
    void setSeed(quint32 seed);
    void addAccount(const QString &authId, const QString &authToken);
    void setRateLimit(int requests, std::chrono::milliseconds window);
    void failRequests(int afterRequests, int count, int httpStatus);
    void forceRateLimit(int count);

    // The current data set, newest first (regenerated after a setting changed).
    const QList<PlivoCall> &calls();

    static HttpResponse errorResponse(int status, const QString &message);

private:
    enum class Route { List, Get };

    HttpResponse list(const HttpRequest &request);
    HttpResponse get(const QString &callUuid);
    std::optional<HttpResponse> checkAuth(const HttpRequest &request, const QString &urlAuthId) const;
    qint64 nowUs() const;

    QHash<QString, QString> m_accounts; // auth id -> auth token
    RateLimiter m_limiter;
    QDateTime m_now;
    int m_callCount = 2521;
    quint32 m_seed = 1;
    QList<PlivoCall> m_calls;
    bool m_stale = true;

    int m_forcedRateLimits = 0;
    int m_failAfter = 0; // successful list requests still to pass before the failures start
    int m_failCount = 0; // failures still to hand out
    int m_failStatus = 500;
};

} // namespace cdrsim
