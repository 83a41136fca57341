#pragma once

#include "httptransport.h"
#include "provider.h"
#include "retrypolicy.h"

#include <QObject>
#include <QPointer>

#include <chrono>
#include <memory>
#include <optional>
#include <vector>

class Authenticator;
class QNetworkAccessManager;

// One search against one provider: pages by offset, keeps several requests in
// flight within the provider's rate limit, and hands rows on strictly in order.
// The first page tells the total and the others are planned from it; how many
// overlap is learnt while paging (more while replies come back clean, half as
// many after a 429 or a 5xx), up to PagingPolicy::maxInFlight.
// A page is asked for again, after a jittered backoff or the server's
// Retry-After, when it was refused (429), met a 500/502/503/504, a dropped
// connection, a timeout or a body cut short, and its request is safe to repeat;
// a 4xx or a complete but wrong body fails at once. A failure keeps what arrived
// and can be resumed from the first missing page. The query must already be resolved, so
// its window is fixed for the whole search. Pages wait for the Authenticator to
// be ready; a page refused for its token is sent once more after a new sign-in.
class SearchSession final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SearchSession)
public:
    // How a page is asked for again (retrypolicy.h); after maxRetries the search fails naming the last problem.
    using RetryPolicy = ::RetryPolicy;

    // Signs in (if the provider does) with an Authenticator of its own.
    SearchSession(QNetworkAccessManager &network, const Provider &provider, Connection connection,
                  SearchQuery resolvedQuery, QObject *parent = nullptr);
    // Shares a profile's sign-in with other searches and fetches; `authenticator` must outlive the session.
    SearchSession(Authenticator &authenticator, SearchQuery resolvedQuery, QObject *parent = nullptr);
    ~SearchSession() override;

    Authenticator &authenticator() const;   // e.g. to answer oneTimeCodeNeeded()

    const Provider &provider() const { return m_provider; }
    const SearchQuery &query() const { return m_query; }

    // Overrides the provider's paging (e.g. a tighter rate limit shared with other tools); call before fetching.
    void setPagingPolicy(const PagingPolicy &policy);
    PagingPolicy pagingPolicy() const;
    void setRetryPolicy(const RetryPolicy &policy);
    void setTransferTimeout(std::chrono::milliseconds timeout);   // per request without a byte; 30 s by default
    void setRequestLimits(const HttpTransport::Limits &limits);   // timeouts and the size cap of each page

    void fetchMore();     // the next page, if none is in flight
    void fetchAll();      // keep going until the end, as fast as the limits allow
    void cancel();        // abort what is in flight; rows already delivered stay; lastError() becomes Cancelled
    void resume();        // after a failure or cancel: continue from the first missing page

    qint64 deliveredRows() const;
    std::optional<qint64> total() const;
    bool atEnd() const;
    bool isBusy() const;
    // Page requests allowed to overlap now: climbs on clean replies, halves on a refusal (see AdaptiveInFlightLimit).
    int inFlightLimit() const;
    std::optional<ApiError> lastError() const;

signals:
    void rowsArrived(const std::vector<CdrRecord> &rows);   // in order, each row once
    void totalKnown(qint64 total);
    void busyChanged(bool busy);
    void failed(const ApiError &error);   // also after cancel() (Kind::Cancelled); delivered rows stay; resume() continues
    void finished();                      // every row delivered

private:
    class Private;
    std::unique_ptr<Private> d;   // the paging state machine
    QPointer<Authenticator> m_authenticator;
    const Provider &m_provider;
    SearchQuery m_query;
};
