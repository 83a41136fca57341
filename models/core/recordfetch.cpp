#include "recordfetch.h"

#include "authenticator.h"
#include "httptransport.h"

#include <QNetworkReply>

#include <utility>

RecordFetch::RecordFetch(
    QNetworkAccessManager &network, const Provider &provider, Connection connection, QString id, QObject *parent)
    : RecordFetch(*new Authenticator(network, provider, std::move(connection)), std::move(id), parent)
{
    // Its own sign-in: a child, so it goes with the fetch.
    m_authenticator->setParent(this);
}

RecordFetch::RecordFetch(Authenticator &authenticator, QString id, QObject *parent)
    : QObject(parent)
    , m_authenticator(&authenticator)
    , m_provider(authenticator.provider())
    , m_id(std::move(id))
    , m_timeout(HttpTransport::defaultTimeout)
    , m_maxBytes(HttpTransport::recordMaxBytes)
{
    m_retry.initialDelay = std::chrono::milliseconds(250);
    m_retry.maxDelay = std::chrono::milliseconds(2000);
    m_retry.maxRetries = 3;
    m_retry.maxRetryAfter = std::chrono::seconds(10);
    setRetryPolicy(m_retry);
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &RecordFetch::sendWhenReady);
    connect(&authenticator, &Authenticator::ready, this, &RecordFetch::authReady);
    connect(&authenticator, &Authenticator::failed, this, &RecordFetch::authFailed);
}

RecordFetch::~RecordFetch()
{
    if (m_reply) {
        // Nobody listens any more: drop the reply quietly.
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void RecordFetch::setTimeout(std::chrono::milliseconds timeout)
{
    m_timeout = timeout;
}

void RecordFetch::setMaxBytes(qint64 maxBytes)
{
    m_maxBytes = maxBytes;
}

void RecordFetch::setRetryPolicy(const RetryPolicy &policy)
{
    m_retry = policy;
    m_random = policy.seed ? QRandomGenerator(*policy.seed) : QRandomGenerator(QRandomGenerator::global()->generate());
}

void RecordFetch::start()
{
    if (isRunning())
        return;
    if (m_id.isEmpty()) {
        ApiError error;
        error.kind = ApiError::Kind::Invalid;
        error.detail = tr("The call has no ID to fetch it by.");
        // Queued so callers can connect after start() as with a real request.
        QMetaObject::invokeMethod(
            this,
            [this, error] {
                emit finished(RecordResult{std::nullopt, error});
            },
            Qt::QueuedConnection);
        return;
    }
    m_authRetried = false;
    m_retries = 0;
    m_lastDelay = std::chrono::milliseconds::zero();
    sendWhenReady();
}

void RecordFetch::sendWhenReady()
{
    if (!m_authenticator) {
        ApiError gone;
        gone.kind = ApiError::Kind::Cancelled;
        QMetaObject::invokeMethod(
            this,
            [this, gone] {
                emit finished(RecordResult{std::nullopt, gone});
            },
            Qt::QueuedConnection);
        return;
    }
    if (m_authenticator->isReady()) {
        send();
        return;
    }
    m_waitingForAuth = true;
    m_authenticator->ensureReady();
}

void RecordFetch::send()
{
    const Connection connection = m_authenticator->connection();
    const HttpRequest request = m_provider.recordRequest(connection, m_id);
    m_sentToken = connection.accessToken;
    HttpTransport::Limits limits;
    limits.idleTimeout = m_timeout;
    limits.totalTimeout = std::max<std::chrono::milliseconds>(m_timeout, std::chrono::seconds(60));
    limits.maxBytes = m_maxBytes;
    m_safeToRetry = request.isSafeToRetry();
    m_reply = HttpTransport::send(m_authenticator->network(), request, connection, limits);
    connect(m_reply, &QNetworkReply::finished, this, &RecordFetch::replyFinished);
}

void RecordFetch::authReady()
{
    if (!m_waitingForAuth)
        return;
    m_waitingForAuth = false;
    send();
}

void RecordFetch::authFailed(const ApiError &error)
{
    if (!m_waitingForAuth)
        return;
    m_waitingForAuth = false;
    emit finished(RecordResult{std::nullopt, error});
}

void RecordFetch::replyFinished()
{
    QNetworkReply *reply = m_reply;
    m_reply.clear();
    if (!reply)
        return;
    reply->deleteLater();

    const HttpTransport::Outcome outcome = HttpTransport::read(*reply);
    RecordResult result;
    bool passing = false; // a failure a second try may not meet
    if (outcome.transportError) {
        result.error = outcome.transportError;
        passing = m_safeToRetry && outcome.transient;
    } else if (m_provider.isRateLimitRefusal(outcome.httpStatus, outcome.body)) {
        result.error = m_provider.errorFromReply(outcome.httpStatus, outcome.body);
        result.error->kind = ApiError::Kind::RateLimited;
        result.error->httpStatus = outcome.httpStatus;
        passing = true; // refused before it was carried out
    } else if (!outcome.isSuccess()) {
        result.error = m_provider.errorFromReply(outcome.httpStatus, outcome.body);
        passing = m_safeToRetry && RetryPolicy::isServerTrouble(outcome.httpStatus);
    } else {
        result = m_provider.parseRecord(outcome.body);
        if (result.error && result.error->kind == ApiError::Kind::Parse && m_safeToRetry) {
            JsonTruncationCheck truncation;
            truncation.feed(outcome.body);
            passing = truncation.looksTruncated();
        }
        // Some single-record replies leave the id out (PortSIP): it is the one asked for.
        if (result.record && result.record->id.isEmpty())
            result.record->id = m_id;
        if (!result.record && !result.error) {
            ApiError error;
            error.kind = ApiError::Kind::Parse;
            error.httpStatus = outcome.httpStatus;
            result.error = error;
        }
    }
    // A token that went stale: sign in again and ask once more.
    if (result.error && result.error->kind == ApiError::Kind::Auth && !m_sentToken.isEmpty() && !m_authRetried
        && m_authenticator) {
        m_authRetried = true;
        m_authenticator->tokenRejected(std::exchange(m_sentToken, QString()));
        sendWhenReady();
        return;
    }
    if (passing && retryLater(outcome.retryAfter))
        return;
    emit finished(result);
}

bool RecordFetch::retryLater(std::optional<std::chrono::milliseconds> retryAfter)
{
    if (m_retries >= m_retry.maxRetries)
        return false;
    // A server asking for longer than the user would wait gets its answer shown instead.
    if (retryAfter && *retryAfter > m_retry.maxRetryAfter)
        return false;
    m_lastDelay = retryAfter ? m_retry.honoured(*retryAfter) : m_retry.nextDelay(m_lastDelay, m_random);
    ++m_retries;
    m_retryTimer.start(m_lastDelay);
    return true;
}
