#pragma once

#include "provider.h"

#include <QObject>
#include <QPointer>

class QNetworkAccessManager;
class SearchSession;

// "Test connection": one real request for the first page of the provider's
// default window, with the credentials as entered, reported as one line.
class ConnectionTest final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionTest)
public:
    ConnectionTest(
        QNetworkAccessManager &network, const Provider &provider, Connection connection, QObject *parent = nullptr);
    ~ConnectionTest() override;

    void start(); // at most once
    void cancel(); // aborts the request; no signal follows
    void submitOneTimeCode(const QString &code); // answers oneTimeCodeNeeded(); empty gives up
    bool isRunning() const { return m_running; }

signals:
    void succeeded(const QString &message); // e.g. "Connected: 2521 calls in the last 30 days."
    void failed(const QString &message); // the provider's own words; never the secret
    void oneTimeCodeNeeded(); // the account uses two-factor sign-in: ask, then submitOneTimeCode()
    // The server's certificate did not verify (or changed): the dialog may offer to trust it.
    void certificateRejected(const ApiError &error);

private:
    void report();
    void reportFailure(const ApiError &error);
    void stop();

    QNetworkAccessManager &m_network;
    const Provider &m_provider;
    Connection m_connection;
    QPointer<SearchSession> m_session;
    bool m_running = false;
    bool m_reportQueued = false;
};
