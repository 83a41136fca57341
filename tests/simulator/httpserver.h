#pragma once

#include "httpmessage.h"

#include <QObject>
#include <QSslConfiguration>

#include <atomic>
#include <functional>
#include <optional>

class QSslCertificate;
class QSslKey;
class QTcpServer;

namespace cdrsim {

class HttpConnection;

// A small HTTP/1.1 server on QTcpServer: parses requests, hands each to one
// handler function and writes the answer after the delay the handler asks for.
// Provider simulators sit behind the handler, so this file knows no API.
class HttpServer final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpServer)

public:
    using Handler = std::function<HttpResponse(const HttpRequest &)>;

    explicit HttpServer(Handler handler, QObject *parent = nullptr);
    ~HttpServer() override;

    // Serve HTTPS only, with this certificate and key; call before listen().
    void setTls(const QSslCertificate &certificate, const QSslKey &key);
    // Binds 127.0.0.1 only: the simulator is never meant to be reachable from outside.
    bool listen(quint16 port = 0);
    quint16 port() const;
    QString errorString() const;

    int openConnections() const { return m_open.load(); }
    int maxConcurrentConnections() const { return m_peak.load(); }

signals:
    // Emitted once the response bytes are queued on the socket.
    void responseWritten(const QByteArray &method, const QString &path, int status);

private:
    friend class HttpConnection;
    HttpResponse dispatch(const HttpRequest &request) const { return m_handler(request); }
    void acceptPending();
    void connectionClosed();

    Handler m_handler;
    QTcpServer *m_server = nullptr; // a QSslServer after setTls()
    std::optional<QSslConfiguration> m_tls;
    std::atomic<int> m_open{0};
    std::atomic<int> m_peak{0};
};

} // namespace cdrsim
