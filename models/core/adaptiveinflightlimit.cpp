#include "adaptiveinflightlimit.h"

#include <algorithm>
#include <cmath>

using namespace std::chrono;

AdaptiveInFlightLimit::AdaptiveInFlightLimit(int ceiling, int rateRequests, milliseconds rateWindow)
    : m_ceiling(std::max(1, ceiling))
    , m_requestsPerSecond(
          rateRequests > 0 && rateWindow.count() > 0 ? rateRequests * 1000.0 / double(rateWindow.count()) : 0)
{
    reset();
}

int AdaptiveInFlightLimit::cap() const
{
    if (m_requestsPerSecond <= 0 || m_roundTrip.count() <= 0)
        return m_ceiling;
    const double useful = m_requestsPerSecond * duration<double>(m_roundTrip).count() * headroom;
    // The epsilon keeps 9.000000001 (0.15 s is not exact in binary) from becoming 10.
    // Never below the fixed figure this replaced: round trips vary (a few slow
    // pages among fast ones) and a short smoothed one would serialise everything.
    return std::min(std::max(int(std::ceil(useful - 1e-9)), initialLimit), m_ceiling);
}

int AdaptiveInFlightLimit::limit() const
{
    return std::clamp(int(m_window), 1, cap());
}

milliseconds AdaptiveInFlightLimit::roundTrip() const
{
    return duration_cast<milliseconds>(m_roundTrip);
}

void AdaptiveInFlightLimit::succeeded(Clock::time_point sentAt, Clock::time_point now)
{
    const nanoseconds sample = std::max(nanoseconds{0}, now - sentAt);
    // The usual smoothing of round trips (TCP's, an eighth per sample): one slow reply moves it little.
    m_roundTrip = m_roundTrip.count() == 0 ? sample : m_roundTrip + (sample - m_roundTrip) / 8;
    // A reply to a request sent before the last push-back tells nothing about the halved limit.
    if (m_backOffs > 0 && sentAt < m_lastBackOff)
        return;
    m_window += m_slowStart ? 1.0 : 1.0 / std::max(1.0, m_window);
    m_window = std::min(m_window, double(cap()) + 0.999);
}

void AdaptiveInFlightLimit::pushedBack(Clock::time_point sentAt, Clock::time_point now)
{
    // Requests already on their way when the limit was halved meet the same
    // congestion: one halving per episode, not one per refused reply.
    if (m_backOffs > 0 && sentAt < m_lastBackOff)
        return;
    m_window = std::max(1.0, double(limit()) / 2);
    m_slowStart = false;
    m_lastBackOff = now;
    ++m_backOffs;
}

void AdaptiveInFlightLimit::reset()
{
    m_window = std::min(initialLimit, m_ceiling);
    m_slowStart = true;
    m_roundTrip = nanoseconds{0};
    m_lastBackOff = {};
    m_backOffs = 0;
}
