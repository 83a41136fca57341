#pragma once

#include "provider.h"
#include "searchquery.h"

#include <functional>
#include <optional>

class CdrTableModel;

namespace bench {

class ProbeNetwork;

// One search through the real client (SearchSession feeding CdrTableModel), as
// the window runs it: start, then load everything.
struct FetchRun {
    bool completed = false;
    QString error;
    qint64 rows = 0;
    int requests = 0;        // sent by the client, refusals included
    int refused = 0;         // answered 429
    qint64 bytes = 0;        // bodies received
    double seconds = 0;      // from start to the last row in the model
    double firstRowsMs = 0;  // from start to the first rows in the model
    double firstByteToLastRowSeconds = 0;
    double maxStallMs = 0;   // longest gap of the client thread's event loop meanwhile
    int peakInFlightLimit = 0; // highest the adaptive in-flight limit climbed (sampled as rows arrive)
    int finalInFlightLimit = 0; // where it ended

    double rowsPerSecond() const { return seconds > 0 ? double(rows) / seconds : 0; }
    double requestsPerSecond() const { return seconds > 0 ? double(requests) / seconds : 0; }
};

struct FetchSetup {
    const Provider *provider = nullptr;
    Connection connection;
    SearchQuery query;                   // not yet resolved
    std::optional<PagingPolicy> policy;  // overrides the provider's paging (the baseline)
    bool loadAll = true;                 // false: stop at the first rows (a warm-up)
    int timeoutMs = 300000;
    std::function<void(const CdrTableModel &)> inspect; // sees the loaded model before it is cleared
};

FetchRun runFetch(ProbeNetwork &network, const FetchSetup &setup);

// The baseline: the same client asking for one page at a time, each after the previous.
PagingPolicy oneAtATime(const Provider &provider, const Connection &connection);

} // namespace bench
