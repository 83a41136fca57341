#include "fetchrun.h"

#include "benchmark.h"
#include "cdrtablemodel.h"
#include "searchsession.h"

#include <QPointer>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;

namespace bench {

FetchRun runFetch(ProbeNetwork &network, const FetchSetup &setup)
{
    FetchRun run;
    CdrTableModel model;
    auto session = std::make_unique<SearchSession>(network, *setup.provider, setup.connection,
        setup.query.resolved(QDateTime::currentDateTimeUtc(), setup.provider->timeRange()));
    if (setup.policy)
        session->setPagingPolicy(*setup.policy);
    // The model owns the session from startSearch() on.
    const QPointer<SearchSession> search = session.get();

    Waiter waiter;
    QElapsedTimer clock;
    std::optional<qint64> firstRowsNs;
    QObject::connect(&model, &QAbstractItemModel::rowsInserted, &waiter, [&] {
        if (!firstRowsNs)
            firstRowsNs = clock.nsecsElapsed();
        if (search)
            run.peakInFlightLimit = std::max(run.peakInFlightLimit, search->inFlightLimit());
        if (!setup.loadAll)
            waiter.done();
    });
    QObject::connect(&model, &CdrTableModel::searchFinished, &waiter, [&] {
        run.completed = true;
        waiter.done();
    });
    QObject::connect(&model, &CdrTableModel::searchFailed, &waiter, [&](const ApiError &error) {
        run.error = error.message();
        waiter.done();
    });

    StallProbe probe;
    network.resetCounters();
    probe.start();
    clock.start();
    model.startSearch(std::move(session), setup.provider->id());
    if (setup.loadAll)
        model.loadAll();
    if (!waiter.wait(setup.timeoutMs))
        run.error = u"timed out"_s;
    const qint64 elapsed = clock.nsecsElapsed();
    run.maxStallMs = probe.stop();
    if (!setup.loadAll && firstRowsNs)
        run.completed = true;

    run.finalInFlightLimit = search ? search->inFlightLimit() : 0;
    run.rows = model.loadedCount();
    run.requests = network.requests();
    run.refused = network.refused();
    run.bytes = network.bytesReceived();
    run.seconds = seconds(elapsed);
    run.firstRowsMs = firstRowsNs ? double(*firstRowsNs) / 1e6 : 0;
    // Both clocks start within microseconds of each other, so their readings compare.
    if (const std::optional<qint64> firstByte = network.firstByteNs())
        run.firstByteToLastRowSeconds = seconds(elapsed - *firstByte);
    if (setup.inspect)
        setup.inspect(model);
    model.clear();
    return run;
}

PagingPolicy oneAtATime(const Provider &provider, const Connection &connection)
{
    PagingPolicy policy = provider.pagingFor(connection);
    policy.maxInFlight = 1;
    return policy;
}

} // namespace bench
