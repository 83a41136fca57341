#include "ratelimiter.h"

namespace cdrsim {

RateLimiter::RateLimiter()
{
    m_clock.start();
}

void RateLimiter::configure(int requests, std::chrono::milliseconds window)
{
    m_requests = requests;
    m_windowMs = window.count();
    m_accepted.clear();
}

bool RateLimiter::tryAcquire(const QString &key)
{
    if (m_requests <= 0)
        return true;
    const qint64 now = m_clock.elapsed();
    std::deque<qint64> &times = m_accepted[key];
    while (!times.empty() && times.front() <= now - m_windowMs)
        times.pop_front();
    if (qsizetype(times.size()) >= m_requests)
        return false;
    times.push_back(now);
    return true;
}

} // namespace cdrsim
