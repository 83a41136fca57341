#pragma once

// Shared pieces of cdr-benchmark: the results table, the event-loop stall probe,
// process memory, a network manager that counts what the client sends, the
// simulator on its own thread, and waiting for a signal without a test harness.

#include <QElapsedTimer>
#include <QEventLoop>
#include <QList>
#include <QNetworkAccessManager>
#include <QObject>
#include <QString>
#include <QThread>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

namespace cdrsim {
class Simulator;
}

namespace bench {

struct Options {
    bool quick = false; // smaller sizes: a smoke run in seconds
    QStringList only;   // scenario letters; empty = all
    QString jsonPath = QStringLiteral("benchmark-results.json");
    QString selfPath;   // this executable, for the cold-start child
};

// One measured figure, with the baseline it is compared against and its target.
struct Figure {
    QString scenario;   // "a" .. "e"
    QString name;
    double value = 0;
    QString unit;
    std::optional<double> baseline;   // the simple client's figure in the same run
    bool higherIsBetter = true;
    QString target;                   // e.g. ">= 54"; empty: none in the issue
    std::optional<bool> met;
    QString note;

    std::optional<double> ratio() const; // how many times better than the baseline
};

class Report {
public:
    void add(Figure figure);
    void setScenarioStatus(const QString &scenario, const QString &title, bool completed);
    void print() const;
    bool writeJson(const QString &path, const QString &machine) const;

private:
    struct Scenario {
        QString letter;
        QString title;
        bool completed = false;
    };
    QList<Figure> m_figures;
    QList<Scenario> m_scenarios;
};

// Helpers that fill in target text and the met flag.
Figure atLeast(Figure figure, double target, const QString &targetText = {});
Figure atMost(Figure figure, double target, const QString &targetText = {});

// Process memory from /proc/self/status, in bytes.
qint64 residentBytes();
qint64 peakResidentBytes();
bool resetPeakResident(); // writes "5" to /proc/self/clear_refs; false when not allowed

// A 2 ms heartbeat on the calling thread's event loop; the longest gap between
// two beats is the longest time the loop could not run (a stall).
class StallProbe final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StallProbe)
public:
    explicit StallProbe(QObject *parent = nullptr);
    void start();
    double stop(); // the longest gap in ms since start()
    double maxGapMs() const;

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_maxGap = 0;
};

// The client's network access manager, counting every request it sends, the
// 429 answers, the bytes received and when the first body byte arrived.
class ProbeNetwork final : public QNetworkAccessManager {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProbeNetwork)
public:
    explicit ProbeNetwork(QObject *parent = nullptr);
    void resetCounters();
    int requests() const { return m_requests; }
    int refused() const { return m_refused; }
    qint64 bytesReceived() const { return m_bytes; }
    std::optional<qint64> firstByteNs() const { return m_firstByteNs; } // since resetCounters()
    qint64 lastByteNs() const { return m_lastByteNs; }

protected:
    QNetworkReply *createRequest(Operation op, const QNetworkRequest &request, QIODevice *outgoingData) override;

private:
    QElapsedTimer m_clock;
    int m_requests = 0;
    int m_refused = 0;
    qint64 m_bytes = 0;
    std::optional<qint64> m_firstByteNs;
    qint64 m_lastByteNs = 0;
};

// The provider simulator answering on a thread of its own, so a busy client
// thread never slows the server down and the stall probe sees only the client.
class SimulatorThread {
public:
    explicit SimulatorThread(const std::function<void(cdrsim::Simulator &)> &configure);
    ~SimulatorThread();
    bool isListening() const { return m_baseUrl.isValid(); }
    QUrl baseUrl() const { return m_baseUrl; }
    cdrsim::Simulator &simulator() { return *m_simulator; } // setters and counters are thread-safe

private:
    QThread m_thread;
    cdrsim::Simulator *m_simulator = nullptr;
    QUrl m_baseUrl;
};

// Runs the event loop until done() is called or the timeout passes.
// The benchmark drives everything from main(), so this loop is the outermost one.
class Waiter final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Waiter)
public:
    explicit Waiter(QObject *parent = nullptr);
    bool wait(int timeoutMs); // false on timeout
    void done();

private:
    QEventLoop m_loop;
    bool m_done = false;
};

// Lets the event loop run for `ms` (e.g. for a rate-limit window to pass).
void idle(int ms);

double seconds(qint64 ns);
double mb(qint64 bytes); // 10^6 bytes

// The scenarios, one per file.
void runPlivoScenario(const Options &options, Report &report);    // a
void runPortsipScenario(const Options &options, Report &report);  // b
void runEnswitchScenario(const Options &options, Report &report); // c
void runTableScenario(const Options &options, Report &report);    // d
void runColdStartScenario(const Options &options, Report &report); // e
int coldStartChild(); // the child side of e: show the main window, print, quit

} // namespace bench
