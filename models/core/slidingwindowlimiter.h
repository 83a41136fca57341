#pragma once

#include <chrono>
#include <deque>

// A sliding-window limit on requests: at most `limit` starts within any span of
// `window`. It only answers questions; the caller waits with a timer, so nothing
// ever blocks. Times are passed in, which keeps it deterministic under test.
class SlidingWindowLimiter {
public:
    using Clock = std::chrono::steady_clock;

    SlidingWindowLimiter() = default;
    SlidingWindowLimiter(int limit, std::chrono::milliseconds window);

    bool isLimited() const { return m_limit > 0 && m_window.count() > 0; }
    bool tryAcquire(Clock::time_point now);                  // records a start when allowed
    std::chrono::milliseconds waitTime(Clock::time_point now) const;   // until tryAcquire can succeed
    void holdUntil(Clock::time_point until);                 // the server asked us to pause (429)
    void reset();

private:
    void expire(Clock::time_point now) const;

    int m_limit = 0;
    std::chrono::milliseconds m_window{0};
    mutable std::deque<Clock::time_point> m_starts;   // oldest first
    Clock::time_point m_holdUntil{};
};
