// SearchSession, part one: the public class and the paging state machine.
// Which offset goes out next (rate limit, pages in flight, look-ahead), and
// handing pages on strictly in order, to the end or to a failure. Sending a
// page and handling its reply are in searchsessionreplies.cpp; the shared
// declarations are in searchsessionprivate.h.

#include "searchsessionprivate.h"

#include "authenticator.h"

#include <QPointer>

#include <utility>

using namespace std::chrono;

Q_LOGGING_CATEGORY(lcPaging, "cdr.paging", QtWarningMsg)

SearchSession::Private::Private(SearchSession *session)
    : q(session)
{
    limiterTimer.setSingleShot(true);
    limiterTimer.setTimerType(Qt::PreciseTimer);
    QObject::connect(&limiterTimer, &QTimer::timeout, q, [this] { pump(); });
}

void SearchSession::Private::setPolicy(const PagingPolicy &newPolicy)
{
    policy = newPolicy;
    limiter = SlidingWindowLimiter(policy.rateLimitRequests, policy.rateLimitWindow);
    inFlight = AdaptiveInFlightLimit(policy.maxInFlight, policy.rateLimitRequests, policy.rateLimitWindow);
}

void SearchSession::Private::setRetry(const RetryPolicy &newRetry)
{
    retry = newRetry;
    random = retry.seed ? QRandomGenerator(*retry.seed) : QRandomGenerator(QRandomGenerator::global()->generate());
}

void SearchSession::Private::fetchMore()
{
    if (error || done || isBusy())
        return;
    target = std::max(target, nextDeliver + pageSize());
    pump();
}

void SearchSession::Private::fetchAll()
{
    if (error || done)
        return;
    loadAll = true;
    target = noLimit;
    pump();
}

void SearchSession::Private::cancel()
{
    if (!isBusy())
        return;
    ApiError cancelled;
    cancelled.kind = ApiError::Kind::Cancelled;
    fail(cancelled);
}

void SearchSession::Private::resume()
{
    if (done)
        return;
    if (!error) {
        if (isBusy())
            return;
        if (loadAll)
            pump();
        else
            fetchMore();
        return;
    }
    error.reset();
    // Pages that arrived before the failure are kept; everything from the first
    // missing page on is asked for again.
    nextRequest = nextDeliver;
    target = loadAll ? noLimit : nextDeliver + pageSize();
    pump();
}

std::optional<qint64> SearchSession::Private::nextToSend() const
{
    // A page waiting to be asked for again already holds a slot and blocks delivery: it goes first.
    for (const auto &[offset, page] : pending) {
        if (!page.reply && !page.parsed)
            return offset;
    }
    // The first page goes alone and tells the total; the rest are planned from
    // it (never past the end) and overlap as far as the adaptive limit allows.
    // A provider that never tells one is asked ahead anyway, and pages past the
    // first short one are dropped.
    const bool parallel = loadAll && (total || !policy.reportsTotal);
    const int capacity = parallel ? inFlight.limit() : 1;
    // A page already back and being parsed off the GUI thread no longer holds a request slot,
    // unless there is no total: then any page may be the last, and counting it keeps the
    // requests sent past the end below maxInFlight.
    const bool knowsEnd = total.has_value();
    const auto onTheWire = std::count_if(pending.begin(), pending.end(), [knowsEnd](const auto &entry) {
        return entry.second.parsed == nullptr || !knowsEnd;
    });
    if (onTheWire >= capacity)
        return std::nullopt;
    qint64 offset = nextRequest;
    while (arrivedEarly.contains(offset) || pending.contains(offset))
        offset += pageSize();
    if (offset >= target || (end && offset >= *end))
        return std::nullopt;
    const int ahead = parallel ? std::max(1, policy.maxInFlight) : 1;
    if (offset - nextDeliver >= qint64(pageSize()) * ahead * lookAheadWindows)
        return std::nullopt;
    return offset;
}

void SearchSession::Private::pump()
{
    waitingForLimiter = false;
    if (!error && !done) {
        while (const std::optional<qint64> offset = nextToSend()) {
            Authenticator *authenticator = q->m_authenticator;
            if (!authenticator) {
                // Its owner dropped the sign-in this search relied on.
                ApiError gone;
                gone.kind = ApiError::Kind::Cancelled;
                fail(gone);
                return;
            }
            if (!authenticator->isReady()) {
                // Sign-in first; the pages go out on ready().
                if (!waitingForAuth) {
                    waitingForAuth = true;
                    authenticator->ensureReady();
                }
                break;
            }
            const auto now = SlidingWindowLimiter::Clock::now();
            if (!limiter.tryAcquire(now)) {
                waitingForLimiter = true;
                limiterTimer.start(std::max(limiter.waitTime(now), milliseconds{1}));
                break;
            }
            send(*offset);
        }
    }
    updateBusy();
}

void SearchSession::Private::pageParsed(qint64 offset, PageResult page)
{
    if (page.error) {
        fail(*page.error);
        return;
    }
    const qint64 size = pageSize();
    if (qint64(page.rows.size()) > size)
        page.rows.resize(size_t(size)); // the rest belongs to the next offset and comes with it
    if (qint64(page.rows.size()) < size)
        end = std::min(end.value_or(noLimit), offset + qint64(page.rows.size()));
    arrivedEarly[offset] = std::move(page.rows);

    if (!total && page.total) {
        total = std::max<qint64>(0, *page.total);
        end = std::min(end.value_or(noLimit), *total);
        const QPointer<SearchSession> guard(q);
        const quint64 current = generation;
        emit q->totalKnown(*total);
        if (!guard || current != generation)
            return;
    }
    dropBeyondEnd();
    deliverReady();
}

void SearchSession::Private::dropBeyondEnd()
{
    if (!end)
        return;
    for (auto it = pending.lower_bound(*end); it != pending.end(); it = pending.erase(it))
        discard(it->second);
    arrivedEarly.erase(arrivedEarly.lower_bound(*end), arrivedEarly.end());
}

void SearchSession::Private::deliverReady()
{
    const QPointer<SearchSession> guard(q);
    const quint64 current = generation;
    for (auto it = arrivedEarly.find(nextDeliver); it != arrivedEarly.end(); it = arrivedEarly.find(nextDeliver)) {
        std::vector<CdrRecord> rows = std::move(it->second);
        arrivedEarly.erase(it);
        deduplicator.filter(rows); // calls that arrived meanwhile shift rows into the next page
        nextDeliver += pageSize();
        delivered += qint64(rows.size());
        if (!rows.empty()) {
            emit q->rowsArrived(rows);
            // A slot may have cancelled, or dropped the whole search.
            if (!guard || current != generation || done)
                return;
        }
    }
    if (end && nextDeliver >= *end) {
        complete();
        return;
    }
    pump();
}

void SearchSession::Private::complete()
{
    done = true;
    loadAll = false;
    abortAll();
    arrivedEarly.clear();
    updateBusy();
    emit q->finished();
}

void SearchSession::Private::fail(const ApiError &failure)
{
    ++generation;
    abortAll();
    error = failure;
    qCDebug(lcPaging) << "stopped at offset" << nextDeliver << "kind" << int(failure.kind);
    updateBusy();
    emit q->failed(failure);
}

void SearchSession::Private::abortAll()
{
    limiterTimer.stop();
    waitingForLimiter = false;
    waitingForAuth = false; // a ready() or failed() still on its way finds nobody waiting
    for (auto &[offset, page] : pending)
        discard(page);
    pending.clear();
}

void SearchSession::Private::updateBusy()
{
    const bool now = isBusy();
    if (now == busy)
        return;
    busy = now;
    emit q->busyChanged(busy);
}

SearchSession::SearchSession(QNetworkAccessManager &network, const Provider &provider, Connection connection,
    SearchQuery resolvedQuery, QObject *parent)
    : SearchSession(*new Authenticator(network, provider, std::move(connection)), std::move(resolvedQuery), parent)
{
    // Its own sign-in: a child, so it goes with the session.
    m_authenticator->setParent(this);
}

SearchSession::SearchSession(Authenticator &authenticator, SearchQuery resolvedQuery, QObject *parent)
    : QObject(parent)
    , m_authenticator(&authenticator)
    , m_provider(authenticator.provider())
    , m_query(std::move(resolvedQuery))
{
    d = std::make_unique<Private>(this);
    d->setPolicy(m_provider.pagingFor(authenticator.connection()));
    d->setRetry(RetryPolicy());
    connect(&authenticator, &Authenticator::ready, this, [this] { d->authReady(); });
    connect(&authenticator, &Authenticator::failed, this, [this](const ApiError &error) { d->authFailed(error); });
}

SearchSession::~SearchSession()
{
    d->abortAll();
}

Authenticator &SearchSession::authenticator() const
{
    return *m_authenticator;
}

void SearchSession::setPagingPolicy(const PagingPolicy &policy)
{
    d->setPolicy(policy);
}

PagingPolicy SearchSession::pagingPolicy() const
{
    return d->policy;
}

void SearchSession::setRetryPolicy(const RetryPolicy &policy)
{
    d->setRetry(policy);
}

void SearchSession::setTransferTimeout(milliseconds timeout)
{
    d->limits.idleTimeout = timeout;
}

void SearchSession::setRequestLimits(const HttpTransport::Limits &limits)
{
    d->limits = limits;
}

void SearchSession::fetchMore()
{
    d->fetchMore();
}

void SearchSession::fetchAll()
{
    d->fetchAll();
}

void SearchSession::cancel()
{
    d->cancel();
}

void SearchSession::resume()
{
    d->resume();
}

qint64 SearchSession::deliveredRows() const
{
    return d->delivered;
}

std::optional<qint64> SearchSession::total() const
{
    return d->total;
}

bool SearchSession::atEnd() const
{
    return d->done;
}

bool SearchSession::isBusy() const
{
    return d->isBusy();
}

int SearchSession::inFlightLimit() const
{
    return d->inFlightLimit();
}

std::optional<ApiError> SearchSession::lastError() const
{
    return d->error;
}
