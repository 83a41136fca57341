#include "benchmark.h"

#include "simulator.h"

#include <QFile>
#include <QNetworkReply>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;

namespace bench {

namespace {

qint64 statusField(QByteArrayView name)
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray text = status.readAll();
    for (const QByteArray &line : text.split('\n')) {
        if (!line.startsWith(name))
            continue;
        // "VmHWM:\t  123456 kB"
        const QByteArray digits = line.mid(name.size()).trimmed().split(' ').value(0);
        return digits.toLongLong() * 1024;
    }
    return -1;
}

} // namespace

qint64 residentBytes()
{
    return statusField("VmRSS:");
}

qint64 peakResidentBytes()
{
    return statusField("VmHWM:");
}

bool resetPeakResident()
{
    QFile clear(u"/proc/self/clear_refs"_s);
    if (!clear.open(QIODevice::WriteOnly))
        return false;
    return clear.write("5") == 1;
}

double seconds(qint64 ns)
{
    return double(ns) / 1e9;
}

double mb(qint64 bytes)
{
    return double(bytes) / 1e6;
}

StallProbe::StallProbe(QObject *parent)
    : QObject(parent)
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(2);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        const qint64 now = m_clock.nsecsElapsed();
        m_maxGap = std::max(m_maxGap, now - m_last);
        m_last = now;
    });
}

void StallProbe::start()
{
    m_clock.start();
    m_last = 0;
    m_maxGap = 0;
    m_timer.start();
}

double StallProbe::stop()
{
    // The stretch since the last beat counts too: an operation may end the run.
    const qint64 now = m_clock.nsecsElapsed();
    m_maxGap = std::max(m_maxGap, now - m_last);
    m_timer.stop();
    return maxGapMs();
}

double StallProbe::maxGapMs() const
{
    return double(m_maxGap) / 1e6;
}

ProbeNetwork::ProbeNetwork(QObject *parent)
    : QNetworkAccessManager(parent)
{
    resetCounters();
}

void ProbeNetwork::resetCounters()
{
    m_clock.start();
    m_requests = 0;
    m_refused = 0;
    m_bytes = 0;
    m_firstByteNs.reset();
    m_lastByteNs = 0;
}

QNetworkReply *ProbeNetwork::createRequest(Operation op, const QNetworkRequest &request, QIODevice *outgoingData)
{
    QNetworkReply *reply = QNetworkAccessManager::createRequest(op, request, outgoingData);
    ++m_requests;
    // Connected before the client's own handlers, so these see every byte first.
    auto received = std::make_shared<qint64>(0);
    connect(reply, &QNetworkReply::downloadProgress, this, [this, received](qint64 bytes, qint64) {
        if (!m_firstByteNs && bytes > 0)
            m_firstByteNs = m_clock.nsecsElapsed();
        *received = bytes;
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply, received] {
        m_bytes += *received;
        m_lastByteNs = m_clock.nsecsElapsed();
        if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 429)
            ++m_refused;
    });
    return reply;
}

SimulatorThread::SimulatorThread(const std::function<void(cdrsim::Simulator &)> &configure)
{
    m_thread.setObjectName(u"benchmark-simulator"_s);
    m_simulator = new cdrsim::Simulator;
    configure(*m_simulator);
    m_simulator->moveToThread(&m_thread);
    QObject::connect(&m_thread, &QThread::finished, m_simulator, &QObject::deleteLater);
    m_thread.start();
    // listen() hops to the simulator's thread and waits for it there.
    if (m_simulator->listen(0))
        m_baseUrl = m_simulator->baseUrl();
}

SimulatorThread::~SimulatorThread()
{
    m_thread.quit();
    m_thread.wait();
}

Waiter::Waiter(QObject *parent)
    : QObject(parent)
{
}

bool Waiter::wait(int timeoutMs)
{
    if (m_done)
        return true;
    QTimer timeout;
    timeout.setSingleShot(true);
    connect(&timeout, &QTimer::timeout, &m_loop, &QEventLoop::quit);
    timeout.start(timeoutMs);
    m_loop.exec();
    return m_done;
}

void Waiter::done()
{
    m_done = true;
    m_loop.quit();
}

void idle(int ms)
{
    Waiter waiter;
    waiter.wait(ms);
}

std::optional<double> Figure::ratio() const
{
    if (!baseline || *baseline == 0 || value == 0)
        return std::nullopt;
    return higherIsBetter ? value / *baseline : *baseline / value;
}

Figure atLeast(Figure figure, double target, const QString &targetText)
{
    figure.target = targetText.isEmpty() ? u">= %1"_s.arg(target) : targetText;
    figure.met = figure.value >= target;
    return figure;
}

Figure atMost(Figure figure, double target, const QString &targetText)
{
    figure.target = targetText.isEmpty() ? u"<= %1"_s.arg(target) : targetText;
    figure.met = figure.value <= target;
    return figure;
}

} // namespace bench
