#pragma once

#include "provider.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <chrono>

class Authenticator;
class QNetworkAccessManager;
class QNetworkReply;

// Fetches one call again from the provider's single-record endpoint, e.g. to
// refresh the detail pane. One request, no retries (but one more after a sign-in
// when the server rejected the token): the user asked and sees the answer.
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
    QString id() const { return m_id; }
    bool isRunning() const { return !m_reply.isNull() || m_waitingForAuth; }

signals:
    void finished(const RecordResult &result); // exactly once per start()

private:
    void sendWhenReady();
    void send();
    void replyFinished();
    void authReady();
    void authFailed(const ApiError &error);

    QPointer<Authenticator> m_authenticator;
    const Provider &m_provider;
    QString m_id;
    std::chrono::milliseconds m_timeout;
    QPointer<QNetworkReply> m_reply;
    QString m_sentToken; // the access token the request went with
    bool m_waitingForAuth = false;
    bool m_authRetried = false;
};
