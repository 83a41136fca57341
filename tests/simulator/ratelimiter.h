#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QString>

#include <chrono>
#include <deque>

namespace cdrsim {

// Sliding-window limit per key (an account): at most `requests` accepted requests
// in any `window`. Rejected requests are not counted, so a client that backs off
// gets through again once the window has moved on.
class RateLimiter {
public:
    RateLimiter();

    void configure(int requests, std::chrono::milliseconds window); // requests <= 0 disables
    bool tryAcquire(const QString &key);

private:
    QElapsedTimer m_clock;
    QHash<QString, std::deque<qint64>> m_accepted;
    int m_requests = 300;
    qint64 m_windowMs = 5000;
};

} // namespace cdrsim
