#include "searchsession.h"

#include "authenticator.h"
#include "httptransport.h"
#include "pagestreamparser.h"
#include "slidingwindowlimiter.h"

#include <QFutureWatcher>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPromise>
#include <QThreadPool>
#include <QTimer>

#include <algorithm>
#include <limits>
#include <map>
#include <utility>

using namespace std::chrono;

namespace {
// Offsets and statuses only: URLs may carry filter values, headers carry credentials.
Q_LOGGING_CATEGORY(lcPaging, "cdr.paging", QtWarningMsg)

constexpr qint64 noLimit = std::numeric_limits<qint64>::max();
// How far requests may run ahead of delivery, in windows of maxInFlight pages.
// Pages that arrive early wait in memory; this bounds how many can wait.
constexpr int lookAheadWindows = 4;
} // namespace

// A page the engine has asked for and not yet received.
struct PendingPage {
    QNetworkReply *reply = nullptr; // null while it waits to be sent again or is being parsed
    int retries = 0; // 429 refusals so far
    bool streamChecked = false; // asked the provider for a stream parser already
    std::shared_ptr<PageStreamParser> parser; // fed while the body arrives, if the provider streams
    QFutureWatcher<PageResult> *parsed = nullptr; // set while the parser finishes off the GUI thread
    QString sentToken; // the access token it went with, to tell the Authenticator which one was rejected
    bool authRetried = false; // sent again once already after a rejected token
};

class SearchSession::Private {
public:
    explicit Private(SearchSession *session);

    void setPolicy(const PagingPolicy &newPolicy);
    bool isBusy() const { return !pending.empty() || waitingForLimiter || waitingForAuth; }

    void fetchMore();
    void fetchAll();
    void cancel();
    void resume();
    void abortAll();
    void authReady();
    void authFailed(const ApiError &failure);

    SearchSession *q;
    PagingPolicy policy;
    RetryPolicy retry;
    milliseconds timeout = HttpTransport::defaultTimeout;

    qint64 delivered = 0;
    std::optional<qint64> total;
    std::optional<ApiError> error;
    bool done = false;

private:
    int pageSize() const { return std::max(1, policy.pageSize); }
    std::optional<qint64> nextToSend() const;
    void pump();
    void send(qint64 offset);
    void onReplyData(QNetworkReply *reply, quint64 generation, qint64 offset);
    void onReplyFinished(QNetworkReply *reply, quint64 generation, qint64 offset);
    void finishOffThread(qint64 offset, PendingPage &page);
    void onStreamParsed(QFutureWatcher<PageResult> *watcher, quint64 generation, qint64 offset);
    void discard(PendingPage &page);
    void retryLater(qint64 offset, const HttpTransport::Outcome &outcome);
    bool retryForAuth(std::map<qint64, PendingPage>::iterator it, const ApiError &failure);
    void pageParsed(qint64 offset, PageResult page);
    void deliverReady();
    void dropBeyondEnd();
    void complete();
    void fail(const ApiError &failure);
    void updateBusy();

    SlidingWindowLimiter limiter;
    QTimer limiterTimer;
    bool waitingForLimiter = false;
    bool waitingForAuth = false; // asked the Authenticator for a token; ready() or failed() follows
    bool busy = false;

    // Bumped whenever in-flight work is abandoned, so anything still on its way
    // from before (a reply, a queued timer) recognises itself as stale.
    quint64 generation = 0;
    bool loadAll = false;
    qint64 target = 0; // pages below this offset are wanted
    qint64 nextDeliver = 0; // offset of the first page not yet handed on
    qint64 nextRequest = 0; // lowest offset not yet asked for in this run
    std::optional<qint64> end; // where the rows end, once known
    std::map<qint64, PendingPage> pending; // by offset
    std::map<qint64, std::vector<CdrRecord>> arrivedEarly; // by offset, waiting for a gap before them
};

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
    // A page refused with 429 already holds a slot and blocks delivery: it goes first.
    for (const auto &[offset, page] : pending) {
        if (!page.reply && !page.parsed)
            return offset;
    }
    // Until the total is known, more pages in parallel could run past the end;
    // a provider that never tells one is asked ahead anyway, and pages past the
    // first short one are dropped.
    const bool parallel = loadAll && (total || !policy.reportsTotal);
    const int capacity = parallel ? std::max(1, policy.maxInFlight) : 1;
    if (int(pending.size()) >= capacity)
        return std::nullopt;
    qint64 offset = nextRequest;
    while (arrivedEarly.contains(offset) || pending.contains(offset))
        offset += pageSize();
    if (offset >= target || (end && offset >= *end))
        return std::nullopt;
    if (offset - nextDeliver >= qint64(pageSize()) * capacity * lookAheadWindows)
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

void SearchSession::Private::send(qint64 offset)
{
    const Connection connection = q->m_authenticator->connection();
    const HttpRequest request = q->m_provider.pageRequest(connection, q->m_query, offset, pageSize());
    QNetworkReply *reply = HttpTransport::send(q->m_authenticator->network(), request, connection, timeout);
    pending[offset].reply = reply;
    pending[offset].sentToken = connection.accessToken;
    nextRequest = std::max(nextRequest, offset + pageSize());
    qCDebug(lcPaging) << "requesting offset" << offset;
    QObject::connect(reply, &QNetworkReply::readyRead, q,
        [this, reply, sent = generation, offset] { onReplyData(reply, sent, offset); });
    QObject::connect(reply, &QNetworkReply::finished, q,
        [this, reply, sent = generation, offset] { onReplyFinished(reply, sent, offset); });
}

void SearchSession::Private::onReplyData(QNetworkReply *reply, quint64 sentGeneration, qint64 offset)
{
    const auto it = pending.find(offset);
    if (sentGeneration != generation || it == pending.end() || it->second.reply != reply)
        return;
    // Only a success is a page; any other body is read whole for errorFromReply.
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status < 200 || status >= 300)
        return;
    PendingPage &page = it->second;
    if (!page.streamChecked) {
        page.streamChecked = true;
        page.parser = q->m_provider.pageStreamParser();
    }
    if (page.parser)
        page.parser->feed(reply->readAll());
}

void SearchSession::Private::onReplyFinished(QNetworkReply *reply, quint64 sentGeneration, qint64 offset)
{
    reply->deleteLater();
    const auto it = pending.find(offset);
    if (sentGeneration != generation || it == pending.end() || it->second.reply != reply)
        return;
    const HttpTransport::Outcome outcome = HttpTransport::read(*reply);
    it->second.reply = nullptr;
    qCDebug(lcPaging) << "offset" << offset << "status" << outcome.httpStatus;
    if (!outcome.isSuccess()) {
        // Whatever was streamed is not a page; a retry starts a fresh parser.
        it->second.parser.reset();
        it->second.streamChecked = false;
        if (q->m_provider.isRateLimitRefusal(outcome.httpStatus, outcome.body)) {
            retryLater(offset, outcome);
            return;
        }
        const ApiError failure = outcome.transportError
            ? *outcome.transportError
            : q->m_provider.errorFromReply(outcome.httpStatus, outcome.body);
        if (retryForAuth(it, failure))
            return;
        pending.erase(it);
        fail(failure);
        return;
    }
    if (!it->second.streamChecked) {
        // The whole body came with finished(), before any readyRead was seen.
        it->second.streamChecked = true;
        it->second.parser = q->m_provider.pageStreamParser();
    }
    if (it->second.parser) {
        it->second.parser->feed(outcome.body); // what readyRead had not taken yet
        finishOffThread(offset, it->second);
        return;
    }
    // Small pages (Plivo: 20 rows) are parsed right here.
    PageResult result = q->m_provider.parsePage(outcome.body);
    // Some providers (Enswitch) reject a token inside a 200 reply.
    if (result.error && retryForAuth(it, *result.error))
        return;
    pending.erase(it);
    pageParsed(offset, std::move(result));
}

void SearchSession::Private::finishOffThread(qint64 offset, PendingPage &page)
{
    // finish() waits for the parser to reach the body's end, so a pool thread
    // waits for it; the result comes back through the watcher, queued to us.
    auto promise = std::make_shared<QPromise<PageResult>>();
    page.parsed = new QFutureWatcher<PageResult>(q);
    QObject::connect(page.parsed, &QFutureWatcherBase::finished, q,
        [this, watcher = page.parsed, sent = generation, offset] { onStreamParsed(watcher, sent, offset); });
    page.parsed->setFuture(promise->future());
    QThreadPool::globalInstance()->start([promise, parser = std::move(page.parser)] {
        promise->start();
        promise->addResult(parser->finish());
        promise->finish();
    });
}

void SearchSession::Private::onStreamParsed(QFutureWatcher<PageResult> *watcher, quint64 sentGeneration, qint64 offset)
{
    watcher->deleteLater();
    const auto it = pending.find(offset);
    // A page abandoned meanwhile (cancel, failure, past the end) is dropped here.
    if (sentGeneration != generation || it == pending.end() || it->second.parsed != watcher)
        return;
    it->second.parsed = nullptr;
    QFuture<PageResult> future = watcher->future();
    if (future.resultCount() == 0) {
        pending.erase(it);
        ApiError broken;
        broken.kind = ApiError::Kind::Parse;
        fail(broken);
        return;
    }
    PageResult result = future.takeResult();
    if (result.error && retryForAuth(it, *result.error))
        return;
    pending.erase(it);
    pageParsed(offset, std::move(result));
}

void SearchSession::Private::discard(PendingPage &page)
{
    if (QNetworkReply *reply = page.reply) {
        // Disconnect first: abort() finishes the reply synchronously.
        QObject::disconnect(reply, nullptr, q, nullptr);
        reply->abort();
        reply->deleteLater();
        page.reply = nullptr;
    }
    if (page.parsed) {
        // The pool thread finishes on its own; nobody listens any more.
        QObject::disconnect(page.parsed, nullptr, q, nullptr);
        page.parsed->deleteLater();
        page.parsed = nullptr;
    }
    // A parser still being fed stops at the end of its current chunk.
    page.parser.reset();
}

void SearchSession::Private::retryLater(qint64 offset, const HttpTransport::Outcome &outcome)
{
    PendingPage &page = pending[offset];
    if (page.retries >= retry.maxRetries) {
        pending.erase(offset);
        ApiError refused = q->m_provider.errorFromReply(outcome.httpStatus, outcome.body);
        refused.kind = ApiError::Kind::RateLimited;
        refused.httpStatus = outcome.httpStatus;
        fail(refused);
        return;
    }
    milliseconds delay = retry.initialDelay;
    for (int i = 0; i < page.retries && delay < retry.maxDelay; ++i)
        delay *= 2;
    delay = std::min(delay, retry.maxDelay);
    if (outcome.retryAfter)
        delay = *outcome.retryAfter;
    ++page.retries;
    // The limit is per account, not per page: everything waits, not only this page.
    limiter.holdUntil(SlidingWindowLimiter::Clock::now() + delay);
    pump();
}

bool SearchSession::Private::retryForAuth(std::map<qint64, PendingPage>::iterator it, const ApiError &failure)
{
    PendingPage &page = it->second;
    // Only a token can go stale; a rejected password, or a page rejected twice, is the user's to see.
    if (failure.kind != ApiError::Kind::Auth || page.sentToken.isEmpty() || page.authRetried)
        return false;
    qCDebug(lcPaging) << "offset" << it->first << "token rejected; signing in again";
    page.authRetried = true;
    page.reply = nullptr;
    page.parsed = nullptr;
    page.parser.reset();
    page.streamChecked = false;
    // The page keeps its slot and goes first once the Authenticator is ready again.
    q->m_authenticator->tokenRejected(std::exchange(page.sentToken, QString()));
    pump();
    return true;
}

void SearchSession::Private::authReady()
{
    if (!waitingForAuth)
        return;
    waitingForAuth = false;
    pump();
}

void SearchSession::Private::authFailed(const ApiError &failure)
{
    if (!waitingForAuth)
        return;
    waitingForAuth = false;
    fail(failure);
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
        const std::vector<CdrRecord> rows = std::move(it->second);
        arrivedEarly.erase(it);
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
    d->retry = policy;
}

void SearchSession::setTransferTimeout(milliseconds timeout)
{
    d->timeout = timeout;
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

std::optional<ApiError> SearchSession::lastError() const
{
    return d->error;
}
