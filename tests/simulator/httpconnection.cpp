#include "httpconnection.h"

#include "faultinjection.h"
#include "httprequestparser.h"
#include "httpserver.h"

#include <QTcpSocket>
#include <QTimer>

namespace cdrsim {

HttpConnection::HttpConnection(QTcpSocket *socket, HttpServer *server)
    : QObject(server)
    , m_socket(socket)
    , m_server(server)
{
    m_socket->setParent(this);
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::disconnected, this, &QObject::deleteLater);
    // Bytes may have arrived before the signal was connected.
    if (m_socket->bytesAvailable() > 0)
        QTimer::singleShot(0, this, &HttpConnection::onReadyRead);
}

HttpConnection::~HttpConnection()
{
    m_server->connectionClosed();
}

void HttpConnection::onReadyRead()
{
    m_buffer += m_socket->readAll();
    processBuffer();
}

void HttpConnection::processBuffer()
{
    if (m_busy || m_closing)
        return;

    HttpRequestParser::Result parsed = HttpRequestParser::parse(m_buffer);
    switch (parsed.state) {
    case HttpRequestParser::State::NeedMore:
        return;
    case HttpRequestParser::State::Error: {
        // After a framing error the rest of the stream cannot be trusted: answer and close.
        m_closing = true;
        m_buffer.clear();
        HttpResponse response;
        response.status = parsed.errorStatus;
        response.contentType = "text/plain";
        response.body = parsed.errorText + '\n';
        writeResponse(QByteArray(), QString(), response, false);
        return;
    }
    case HttpRequestParser::State::Complete:
        break;
    }

    const HttpRequest &request = parsed.request;
    const HttpResponse response = m_server->dispatch(request);
    const bool keepAlive = request.keepAlive();
    const QByteArray method = request.method;
    const QString path = request.path();
    m_busy = true;
    if (!keepAlive)
        m_closing = true;

    if (response.delay.count() <= 0) {
        writeResponse(method, path, response, keepAlive);
        return;
    }
    // A timer, not a sleep: other connections keep being served meanwhile. The timer
    // is owned by this connection, so a client that hangs up cancels it.
    // Precise: a coarse timer may fire up to 5% early, and tests measure the delay.
    QTimer::singleShot(response.delay, Qt::PreciseTimer, this,
        [this, method, path, response, keepAlive] { writeResponse(method, path, response, keepAlive); });
}

void HttpConnection::writeResponse(
    const QByteArray &method, const QString &path, const HttpResponse &response, bool keepAlive)
{
    m_busy = false;
    if (m_socket->state() != QAbstractSocket::ConnectedState)
        return;
    if (response.wire != WireFault::None) {
        m_closing = true; // the connection is spoilt: nothing more is read from it
        writeWithFault(m_socket, serializeResponse(response, false, method == "HEAD"), response, this);
        emit m_server->responseWritten(method, path, response.status);
        return;
    }
    m_socket->write(serializeResponse(response, keepAlive, method == "HEAD"));
    emit m_server->responseWritten(method, path, response.status);
    if (!keepAlive) {
        // Lets the queued bytes go out before the FIN.
        m_socket->disconnectFromHost();
        return;
    }
    processBuffer();
}

} // namespace cdrsim
