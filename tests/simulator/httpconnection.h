#pragma once

#include "httpmessage.h"

#include <QObject>

class QTcpSocket;

namespace cdrsim {

class HttpServer;

// One client connection. Requests are answered strictly in order: while an
// answer waits for its delay, later pipelined requests stay in the buffer.
class HttpConnection final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpConnection)

public:
    HttpConnection(QTcpSocket *socket, HttpServer *server);
    ~HttpConnection() override;

private:
    void onReadyRead();
    void processBuffer();
    void writeResponse(const QByteArray &method, const QString &path, const HttpResponse &response, bool keepAlive);

    QTcpSocket *m_socket;
    HttpServer *m_server;
    QByteArray m_buffer;
    bool m_busy = false; // an answer is scheduled but not yet written
    bool m_closing = false; // no more requests are read from this connection
};

} // namespace cdrsim
