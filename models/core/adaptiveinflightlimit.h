#pragma once

#include <chrono>

// How many page requests may be in flight at once, learnt while paging: it
// climbs as replies come back clean and halves when the server pushes back
// (429, Retry-After, 5xx). It never climbs past what the documented rate can
// use in one round trip (Little's law: requests in flight = rate x round trip,
// with headroom for jitter; but at least initialLimit), nor past the provider's ceiling. The rate itself
// is kept by SlidingWindowLimiter; this only decides how many may overlap.
// Times are passed in, which keeps it deterministic under test.
class AdaptiveInFlightLimit {
public:
    using Clock = std::chrono::steady_clock;

    // What Little's law is multiplied by: round trips vary, and a reply that is
    // late must not leave the rate unused.
    static constexpr int headroom = 2;
    // Where a search starts once it pages in parallel: the fixed figure this replaced.
    static constexpr int initialLimit = 4;

    AdaptiveInFlightLimit() = default;
    // `ceiling`: PagingPolicy::maxInFlight; `rateRequests` per `rateWindow`: the documented limit (0: none).
    AdaptiveInFlightLimit(int ceiling, int rateRequests, std::chrono::milliseconds rateWindow);

    int limit() const; // requests that may be in flight now, at least 1
    int cap() const; // the most it may climb to with the round trip seen so far
    int ceiling() const { return m_ceiling; }
    std::chrono::milliseconds roundTrip() const; // smoothed; 0 until a reply came back
    int backOffs() const { return m_backOffs; }

    void succeeded(Clock::time_point sentAt, Clock::time_point now); // a clean reply: climb
    void pushedBack(Clock::time_point sentAt, Clock::time_point now); // refused or failing: halve
    void reset(); // a new run: start low again, keep nothing learnt

private:
    int m_ceiling = 1;
    double m_requestsPerSecond = 0; // documented; 0 = no limit
    double m_window = 1; // the limit, with the fraction additive increase adds
    bool m_slowStart = true; // +1 a reply until the first push-back, +1 a round trip after it
    std::chrono::nanoseconds m_roundTrip{0};
    Clock::time_point m_lastBackOff{};
    int m_backOffs = 0;
};
