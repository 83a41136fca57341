// SearchSession, part two: one page's round trip. Sending a page, reading its
// reply (parsed on a pool thread, streamed into the provider's parser if it has one),
// retries with backoff after a refusal or a passing fault, and the single resend
// after a rejected token, including waiting for the Authenticator. The paging state machine that
// decides which page goes next is in searchsession.cpp.

#include "searchsessionprivate.h"

#include "authenticator.h"

#include <QNetworkReply>
#include <QPromise>
#include <QThreadPool>

#include <utility>

using namespace std::chrono;

void SearchSession::Private::send(qint64 offset)
{
    const Connection connection = q->m_authenticator->connection();
    const HttpRequest request = q->m_provider.pageRequest(connection, q->m_query, offset, pageSize());
    QNetworkReply *reply = HttpTransport::send(q->m_authenticator->network(), request, connection, limits);
    PendingPage &page = pending[offset];
    page.reply = reply;
    page.sentToken = connection.accessToken;
    page.safeToRetry = request.isSafeToRetry();
    page.truncation = JsonTruncationCheck();
    page.sentAt = SlidingWindowLimiter::Clock::now();
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
    if (page.parser) {
        const QByteArray chunk = reply->readAll();
        page.truncation.feed(chunk);
        page.parser->feed(chunk);
    }
}

void SearchSession::Private::onReplyFinished(QNetworkReply *reply, quint64 sentGeneration, qint64 offset)
{
    reply->deleteLater();
    const auto it = pending.find(offset);
    if (sentGeneration != generation || it == pending.end() || it->second.reply != reply)
        return;
    const HttpTransport::Outcome outcome = HttpTransport::read(*reply);
    it->second.reply = nullptr;
    const auto now = SlidingWindowLimiter::Clock::now();
    qCDebug(lcPaging) << "offset" << offset << "status" << outcome.httpStatus;
    if (!outcome.isSuccess()) {
        // Whatever was streamed is not a page; a retry starts a fresh parser.
        it->second.parser.reset();
        it->second.streamChecked = false;
        if (!outcome.transportError && q->m_provider.isRateLimitRefusal(outcome.httpStatus, outcome.body)) {
            // Refused before it was carried out, so even a request that writes may go again.
            ApiError refused = q->m_provider.errorFromReply(outcome.httpStatus, outcome.body);
            refused.kind = ApiError::Kind::RateLimited;
            refused.httpStatus = outcome.httpStatus;
            inFlight.pushedBack(it->second.sentAt, now);
            retryLater(offset, refused, outcome.retryAfter);
            return;
        }
        const ApiError failure = outcome.transportError
            ? *outcome.transportError
            : q->m_provider.errorFromReply(outcome.httpStatus, outcome.body);
        if (retryForAuth(it, failure))
            return;
        if (isPassing(it->second, outcome)) {
            // A failing or overloaded server gets fewer requests at once, not only a pause.
            inFlight.pushedBack(it->second.sentAt, now);
            retryLater(offset, failure, outcome.retryAfter);
            return;
        }
        pending.erase(it);
        fail(failure);
        return;
    }
    inFlight.succeeded(it->second.sentAt, now);
    if (!it->second.streamChecked) {
        // The whole body came with finished(), before any readyRead was seen.
        it->second.streamChecked = true;
        it->second.parser = q->m_provider.pageStreamParser();
    }
    it->second.truncation.feed(outcome.body); // what readyRead had not taken yet
    if (std::shared_ptr<PageStreamParser> parser = std::move(it->second.parser)) {
        parser->feed(outcome.body);
        parseOffThread(offset, it->second, [parser] { return parser->finish(); });
        return;
    }
    // Even a small page is parsed on a pool thread: with many in flight the GUI
    // thread would otherwise spend its time in JSON rather than in the table.
    // Providers outlive their sessions (the registry holds them), and the body is shared, not copied.
    parseOffThread(offset, it->second, [provider = &q->m_provider, body = outcome.body] {
        return provider->parsePage(body);
    });
}

void SearchSession::Private::parseOffThread(qint64 offset, PendingPage &page, std::function<PageResult()> parse)
{
    // One task per page; the result comes back through the watcher, queued to
    // us, and is moved out of the future (takeResult), never copied.
    auto promise = std::make_shared<QPromise<PageResult>>();
    page.parsed = new QFutureWatcher<PageResult>(q);
    QObject::connect(page.parsed, &QFutureWatcherBase::finished, q,
        [this, watcher = page.parsed, sent = generation, offset] { onParsedOffThread(watcher, sent, offset); });
    page.parsed->setFuture(promise->future());
    QThreadPool::globalInstance()->start([promise, parse = std::move(parse)] {
        promise->start();
        promise->addResult(parse());
        promise->finish();
    });
}

void SearchSession::Private::onParsedOffThread(
    QFutureWatcher<PageResult> *watcher, quint64 sentGeneration, qint64 offset)
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
    // Some providers (Enswitch) reject a token inside a 200 reply.
    if (result.error && (retryForAuth(it, *result.error) || retryIfTruncated(it, result)))
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

bool SearchSession::Private::isPassing(const PendingPage &page, const HttpTransport::Outcome &outcome) const
{
    if (!page.safeToRetry)
        return false;
    if (outcome.transportError)
        return outcome.transient;
    // A client error (4xx) stays one however often it is sent.
    return RetryPolicy::isServerTrouble(outcome.httpStatus);
}

bool SearchSession::Private::retryIfTruncated(std::map<qint64, PendingPage>::iterator it, const PageResult &result)
{
    // A body that ends inside a string or an open object was cut off on its way;
    // a complete one that says something unexpected would say it again.
    if (result.error->kind != ApiError::Kind::Parse || !it->second.safeToRetry || !it->second.truncation.looksTruncated())
        return false;
    ApiError cut = *result.error;
    cut.detail = SearchSession::tr("the reply was cut off before its end");
    retryLater(it->first, cut, std::nullopt);
    return true;
}

void SearchSession::Private::retryLater(qint64 offset, ApiError failure, std::optional<milliseconds> retryAfter)
{
    PendingPage &page = pending[offset];
    page.reply = nullptr;
    page.parsed = nullptr;
    page.parser.reset();
    page.streamChecked = false;
    if (page.retries >= retry.maxRetries) {
        // The last problem is what the user reads, with how hard we tried.
        QStringList notes;
        if (!failure.detail.isEmpty())
            notes += failure.detail;
        notes += SearchSession::tr("gave up after %n attempt(s)", nullptr, page.retries + 1);
        if (page.retryAfterCut)
            notes += SearchSession::tr("the server asked to wait %1 s, longer than the %2 s this app waits")
                         .arg(duration_cast<seconds>(*page.retryAfterCut).count())
                         .arg(ceil<seconds>(retry.maxRetryAfter).count());
        failure.detail = notes.join(QLatin1StringView("; "));
        pending.erase(offset);
        fail(failure);
        return;
    }
    milliseconds delay = retry.nextDelay(page.lastDelay, random);
    if (retryAfter) {
        delay = retry.honoured(*retryAfter);
        if (*retryAfter > retry.maxRetryAfter)
            page.retryAfterCut = *retryAfter;
    }
    page.lastDelay = delay;
    ++page.retries;
    qCDebug(lcPaging) << "offset" << offset << "retry" << page.retries << "in" << delay.count() << "ms, kind"
                      << int(failure.kind) << "status" << failure.httpStatus;
    // A refusal is per account and a failing server is failing for every page:
    // everything waits, not only this page.
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
