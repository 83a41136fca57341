#pragma once

#include "provider.h"
#include "retrypolicy.h"

#include <QObject>
#include <QPointer>
#include <QRandomGenerator>
#include <QString>
#include <QTimer>

#include <chrono>

class Authenticator;
class QNetworkAccessManager;
class QNetworkReply;

// Fetches one call again from the provider's single-record endpoint, e.g. to
// refresh the detail pane. A refusal (429), a 5xx, a dropped connection, a
// timeout or a body cut short is tried again a few times, quickly (the user is
// waiting); one more after a sign-in when the server rejected the token.
// Deleting the object aborts the request without emitting finished().
class RecordFetch final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecordFetch)
public:
    RecordFetch(QNetworkAccessManager &network, const Provider &provider, Connection connection, QString id,
        QObject *parent = nullptr);
    // Shares a profile's sign-in; `authenticator` must outlive the fetch.
    RecordFetch(Authenticator &authenticator, QString id, QObject *parent = nullptr);
    ~RecordFetch() override;

    void start(); // sends the request (after signing in, if needed); call once
    void setTimeout(std::chrono::milliseconds timeout); // before start(); default HttpTransport's
    void setMaxBytes(qint64 maxBytes); // before start(); default HttpTransport::recordMaxBytes
    void setRetryPolicy(const RetryPolicy &policy); // before start(); default 3 retries within 2 s
    QString id() const { return m_id; }
    bool isRunning() const { return !m_reply.isNull() || m_waitingForAuth || m_retryTimer.isActive(); }

signals:
    void finished(const RecordResult &result); // exactly once per start()

private:
    void sendWhenReady();
    void send();
    void replyFinished();
    void authReady();
    void authFailed(const ApiError &error);
    bool retryLater(std::optional<std::chrono::milliseconds> retryAfter);

    QPointer<Authenticator> m_authenticator;
    const Provider &m_provider;
    QString m_id;
    std::chrono::milliseconds m_timeout;
    qint64 m_maxBytes;
    RetryPolicy m_retry;
    QRandomGenerator m_random;
    QTimer m_retryTimer;
    int m_retries = 0;
    std::chrono::milliseconds m_lastDelay{0};
    QPointer<QNetworkReply> m_reply;
    QString m_sentToken; // the access token the request went with
    bool m_waitingForAuth = false;
    bool m_authRetried = false;
    bool m_safeToRetry = false;
};
