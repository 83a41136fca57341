// Scenarios a (Plivo) and b (PortSIP): paging through a rate-limited API with
// injected latency, our client against the same client one page at a time.

#include "benchmark.h"
#include "fetchrun.h"
#include "providers/plivo/plivoprovider.h"
#include "providers/portsip/portsipprovider.h"
#include "simulator.h"

#include <QTextStream>

#include <chrono>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace bench {

namespace {

void progress(const QString &text)
{
    QTextStream(stderr) << "  " << text << Qt::endl;
}

QString describe(const FetchRun &run)
{
    return u"%1 rows, %2 requests (%3 refused) in %4 s%5"_s.arg(run.rows)
        .arg(run.requests)
        .arg(run.refused)
        .arg(run.seconds, 0, 'f', 2)
        .arg(run.error.isEmpty() ? QString() : u", error: "_s + run.error);
}

// The figures both paging scenarios print.
void addPagingFigures(Report &report, const QString &scenario, const FetchRun &ours, const FetchRun &baseline,
    double rowsTarget, double requestsTarget, const QString &limitNote)
{
    Figure rows{scenario, u"rows/s"_s, ours.rowsPerSecond(), u"rows/s"_s, baseline.rowsPerSecond()};
    rows.note = u"%1 rows; baseline %2 rows"_s.arg(ours.rows).arg(baseline.rows);
    report.add(rowsTarget > 0 ? atLeast(rows, rowsTarget) : rows);

    Figure requests{scenario, u"requests/s"_s, ours.requestsPerSecond(), u"req/s"_s, baseline.requestsPerSecond()};
    requests.note = limitNote;
    report.add(requestsTarget > 0 ? atLeast(requests, requestsTarget) : requests);

    Figure refusals{scenario, u"429 refusals"_s, double(ours.refused), u"count"_s, double(baseline.refused)};
    refusals.higherIsBetter = false;
    report.add(refusals);
}

// How far the adaptive in-flight limit climbed, beside the connections the server saw at
// once: Qt 6.4 opens at most 6 HTTP/1.1 connections per host and queues the rest.
void addInFlightFigures(Report &report, const QString &scenario, const FetchRun &ours, int peakConnections)
{
    Figure limit{scenario, u"adaptive in-flight limit (peak / at the end)"_s, double(ours.peakInFlightLimit),
        u"requests"_s};
    limit.note = u"%1 at the end; the cap is 2 x rate x round trip, at most PagingPolicy::maxInFlight"_s.arg(
        ours.finalInFlightLimit);
    report.add(limit);
    Figure connections{scenario, u"connections open at once (server side, peak)"_s, double(peakConnections),
        u"connections"_s};
    connections.note = u"QNetworkAccessManager in Qt 6.4: at most 6 per host over HTTP/1.1"_s;
    report.add(connections);
}

} // namespace

void runPlivoScenario(const Options &options, Report &report)
{
    // Calls are spread over 120 days and Plivo reaches back 90: ask for 89 days.
    const int wanted = options.quick ? 400 : 10000;
    const QString title = u"Plivo: %1 calls, 150 ms a response, 300 requests / 5 s"_s.arg(wanted);
    report.setScenarioStatus(u"a"_s, title, false);
    progress(u"a: "_s + title);
    const auto latency = 150ms;
    const int generated = wanted * 120 / 89 + 1;
    SimulatorThread server([&](cdrsim::Simulator &sim) {
        sim.setLatency(latency);
        sim.setPlivoCallCount(generated);
        sim.setPlivoRateLimit(300, 5000ms);
    });
    if (!server.isListening())
        return;

    const PlivoProvider provider;
    FetchSetup setup;
    setup.provider = &provider;
    setup.connection = Connection{server.baseUrl(), cdrsim::Simulator::demoAccount().authId,
        cdrsim::Simulator::demoAccount().authToken};
    // A fixed window: every run asks for the same calls.
    setup.query.until = QDateTime::currentDateTimeUtc();
    setup.query.since = setup.query.until.addDays(-89);
    ProbeNetwork network;

    // The first request makes the simulator generate its calls: not part of any run.
    FetchSetup warmUp = setup;
    warmUp.loadAll = false;
    runFetch(network, warmUp);
    if (!options.quick)
        idle(5100); // an empty rate-limit window for the run

    const FetchRun ours = runFetch(network, setup);
    const int oursConnections = server.simulator().maxConcurrentConnections();
    progress(u"client:   "_s + describe(ours));
    if (ours.requests > 100)
        idle(5100); // the baseline starts with an empty window too
    setup.policy = oneAtATime(provider, setup.connection);
    const FetchRun baseline = runFetch(network, setup);
    progress(u"baseline: "_s + describe(baseline));

    const QString a = u"a"_s;
    addPagingFigures(report, a, ours, baseline, 1080, 54,
        u"the documented limit is 60 requests/s (300 per 5 s); target 90% of it"_s);
    const double perThousand = ours.requests > 0 ? 1000.0 * ours.refused / ours.requests : 0;
    Figure refusalRate{a, u"429 per 1,000 requests"_s, perThousand, u"per 1000"_s};
    refusalRate.higherIsBetter = false;
    refusalRate.target = u"< 1"_s;
    refusalRate.met = perThousand < 1;
    report.add(refusalRate);
    Figure speedUp{a, u"speed-up over one at a time"_s,
        baseline.rowsPerSecond() > 0 ? ours.rowsPerSecond() / baseline.rowsPerSecond() : 0, u"x"_s};
    report.add(atLeast(speedUp, 8));
    Figure firstRows{a, u"Search to first rows in the model"_s, ours.firstRowsMs, u"ms"_s, baseline.firstRowsMs};
    firstRows.higherIsBetter = false;
    firstRows.note = u"one round trip is %1 ms here; rows reaching the model, not yet painted"_s.arg(latency.count());
    report.add(atMost(firstRows, double(latency.count()) + 20, u"<= RTT + 20 ms"_s));
    Figure stall{a, u"longest event-loop stall while loading"_s, ours.maxStallMs, u"ms"_s, baseline.maxStallMs};
    stall.higherIsBetter = false;
    report.add(atMost(stall, 50));
    addInFlightFigures(report, a, ours, oursConnections);
    report.setScenarioStatus(a, title, ours.completed && baseline.completed);
}

void runPortsipScenario(const Options &options, Report &report)
{
    const int count = options.quick ? 2000 : 50000;
    const QString title = u"PortSIP: %1 CDRs, top=100, 50 ms a response, 5,000 requests / min"_s.arg(count);
    report.setScenarioStatus(u"b"_s, title, false);
    progress(u"b: "_s + title);
    const auto latency = 50ms;
    SimulatorThread server([&](cdrsim::Simulator &sim) {
        sim.setLatency(latency);
        sim.setPortsipCallCount(count);
        sim.setPortsipRateLimit(5000, 60000ms);
        sim.setCacheListMatches(true); // one filter and sort for all pages: the server is not the bottleneck
    });
    if (!server.isListening())
        return;

    const PortSipProvider provider;
    const cdrsim::PortsipAccount account = cdrsim::Simulator::portsipDemoAccount();
    FetchSetup setup;
    setup.provider = &provider;
    setup.connection = Connection{server.baseUrl(), account.username, account.password};
    setup.connection.options.insert(u"domain"_s, account.domain);
    // The profile says what the server allows, as a user of this PBX would set it (default 1,000).
    setup.connection.options.insert(u"rateLimit"_s, u"5000"_s);
    // All of the simulator's 120 days, the same window in every run: the warm-up then also
    // leaves the server's matches cached (setCacheListMatches), so the first page of a timed run
    // costs the server what every later page costs, and "Search to first rows" measures the client.
    setup.query.until = QDateTime::currentDateTimeUtc();
    setup.query.since = setup.query.until.addDays(-121);
    ProbeNetwork network;

    FetchSetup warmUp = setup;
    warmUp.loadAll = false;
    runFetch(network, warmUp);

    const FetchRun ours = runFetch(network, setup);
    const int oursConnections = server.simulator().maxConcurrentConnections();
    progress(u"client:   "_s + describe(ours));
    setup.policy = oneAtATime(provider, setup.connection);
    const FetchRun baseline = runFetch(network, setup);
    progress(u"baseline: "_s + describe(baseline));

    const QString b = u"b"_s;
    addPagingFigures(report, b, ours, baseline, 0, 0,
        u"the server's limit is 5,000 requests/min (83/s); requests include the sign-in"_s);
    const double ratio = baseline.rowsPerSecond() > 0 ? ours.rowsPerSecond() / baseline.rowsPerSecond() : 0;
    Figure speedUp{b, u"speed-up over one at a time"_s, ratio, u"x"_s};
    speedUp.target = u">= 8, no 429"_s;
    speedUp.met = ratio >= 8 && ours.refused == 0;
    report.add(speedUp);
    Figure firstRows{b, u"Search to first rows in the model"_s, ours.firstRowsMs, u"ms"_s, baseline.firstRowsMs};
    firstRows.higherIsBetter = false;
    firstRows.note = u"includes the sign-in: two round trips of %1 ms"_s.arg(latency.count());
    report.add(atMost(firstRows, 2.0 * double(latency.count()) + 20, u"<= 2 RTT + 20 ms"_s));
    Figure stall{b, u"longest event-loop stall while loading"_s, ours.maxStallMs, u"ms"_s, baseline.maxStallMs};
    stall.higherIsBetter = false;
    report.add(atMost(stall, 50));
    addInFlightFigures(report, b, ours, oursConnections);
    report.setScenarioStatus(b, title, ours.completed && baseline.completed);
}

} // namespace bench
