#pragma once

// SearchSession's paging engine, shared by its two source files:
// searchsession.cpp (the public class and the paging state machine) and
// searchsessionreplies.cpp (sending pages and handling what comes back).
// Internal to cdr_core: include it from nowhere else.

#include "searchsession.h"

#include "adaptiveinflightlimit.h"
#include "httptransport.h"
#include "pagededuplicator.h"
#include "pagestreamparser.h"
#include "slidingwindowlimiter.h"

#include <QFutureWatcher>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QString>
#include <QTimer>

#include <algorithm>
#include <chrono>
#include <functional>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <vector>

class QNetworkReply;

// Offsets and statuses only: URLs may carry filter values, headers carry credentials.
Q_DECLARE_LOGGING_CATEGORY(lcPaging)

// A page the engine has asked for and not yet received.
struct PendingPage {
    QNetworkReply *reply = nullptr; // null while it waits to be sent again or is being parsed
    int retries = 0; // times it was asked for again after a passing failure
    std::chrono::milliseconds lastDelay{0}; // the wait before the latest retry, for the next one's jitter
    std::optional<std::chrono::milliseconds> retryAfterCut; // a Retry-After longer than we wait, for the message
    bool safeToRetry = false; // its request only reads, so sending it again does no harm
    JsonTruncationCheck truncation; // tells a body cut short from a wrong one, if it fails to parse
    bool streamChecked = false; // asked the provider for a stream parser already
    std::shared_ptr<PageStreamParser> parser; // fed while the body arrives, if the provider streams
    QFutureWatcher<PageResult> *parsed = nullptr; // set while the parser finishes off the GUI thread
    QString sentToken; // the access token it went with, to tell the Authenticator which one was rejected
    bool authRetried = false; // sent again once already after a rejected token
    SlidingWindowLimiter::Clock::time_point sentAt{}; // for the round trip the in-flight limit learns from
};

class SearchSession::Private {
public:
    explicit Private(SearchSession *session);

    void setPolicy(const PagingPolicy &newPolicy);
    void setRetry(const RetryPolicy &newRetry);
    bool isBusy() const { return !pending.empty() || waitingForLimiter || waitingForAuth; }
    int inFlightLimit() const { return inFlight.limit(); }

    void fetchMore();
    void fetchAll();
    void cancel();
    void resume();
    void abortAll();
    void authReady(); // these two are in searchsessionreplies.cpp, by the token retry
    void authFailed(const ApiError &failure);

    SearchSession *q;
    PagingPolicy policy;
    RetryPolicy retry;
    QRandomGenerator random; // the jitter of retries; seeded from the policy when it fixes a seed
    HttpTransport::Limits limits;

    qint64 delivered = 0;
    std::optional<qint64> total;
    std::optional<ApiError> error;
    bool done = false;

private:
    static constexpr qint64 noLimit = std::numeric_limits<qint64>::max();
    // How far requests may run ahead of delivery, in windows of maxInFlight pages (the ceiling, not
    // the adaptive limit, so a limit halved after a 429 does not strand pages already asked for).
    // Pages that arrive early wait in memory; this bounds how many can wait.
    static constexpr int lookAheadWindows = 4;

    int pageSize() const { return std::max(1, policy.pageSize); }

    // searchsession.cpp: what to ask for next, and handing rows on in order.
    std::optional<qint64> nextToSend() const;
    void pump();
    void pageParsed(qint64 offset, PageResult page);
    void deliverReady();
    void dropBeyondEnd();
    void complete();
    void fail(const ApiError &failure);
    void updateBusy();

    // searchsessionreplies.cpp: one page's request, its reply and its retries.
    void send(qint64 offset);
    void onReplyData(QNetworkReply *reply, quint64 generation, qint64 offset);
    void onReplyFinished(QNetworkReply *reply, quint64 generation, qint64 offset);
    void parseOffThread(qint64 offset, PendingPage &page, std::function<PageResult()> parse);
    void onParsedOffThread(QFutureWatcher<PageResult> *watcher, quint64 generation, qint64 offset);
    void discard(PendingPage &page);
    bool isPassing(const PendingPage &page, const HttpTransport::Outcome &outcome) const;
    bool retryIfTruncated(std::map<qint64, PendingPage>::iterator it, const PageResult &result);
    void retryLater(qint64 offset, ApiError failure, std::optional<std::chrono::milliseconds> retryAfter);
    bool retryForAuth(std::map<qint64, PendingPage>::iterator it, const ApiError &failure);

    SlidingWindowLimiter limiter;
    AdaptiveInFlightLimit inFlight; // how many pages overlap; climbs on clean replies, halves on a 429 or 5xx
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
    PageDeduplicator deduplicator; // in delivery order, after the end of the rows is judged by page sizes
};
