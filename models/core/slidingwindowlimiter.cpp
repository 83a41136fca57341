#include "slidingwindowlimiter.h"

#include <algorithm>

using namespace std::chrono;

SlidingWindowLimiter::SlidingWindowLimiter(int limit, milliseconds window)
    : m_limit(std::max(0, limit))
    // The server counts arrivals, we count departures: network jitter can bring
    // two of our requests closer together on its side, so keep a tenth of the
    // window as a margin rather than meeting a 429 at full speed.
    , m_window(window + window / 10)
{
}

void SlidingWindowLimiter::expire(Clock::time_point now) const
{
    while (!m_starts.empty() && now - m_starts.front() >= m_window)
        m_starts.pop_front();
}

bool SlidingWindowLimiter::tryAcquire(Clock::time_point now)
{
    if (now < m_holdUntil)
        return false;
    if (!isLimited())
        return true;
    expire(now);
    if (int(m_starts.size()) >= m_limit)
        return false;
    m_starts.push_back(now);
    return true;
}

milliseconds SlidingWindowLimiter::waitTime(Clock::time_point now) const
{
    milliseconds wait{0};
    if (now < m_holdUntil)
        wait = ceil<milliseconds>(m_holdUntil - now);
    if (isLimited()) {
        expire(now);
        if (int(m_starts.size()) >= m_limit) {
            // Starts never exceed the limit, so the oldest one leaving frees the slot.
            const auto freeAt = m_starts.front() + m_window;
            wait = std::max(wait, ceil<milliseconds>(freeAt - now));
        }
    }
    return std::max(wait, milliseconds{0});
}

void SlidingWindowLimiter::holdUntil(Clock::time_point until)
{
    m_holdUntil = std::max(m_holdUntil, until);
}

void SlidingWindowLimiter::reset()
{
    m_starts.clear();
    m_holdUntil = {};
}
