#include "httpserver.h"

#include "httpconnection.h"

#include <QHostAddress>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>

namespace cdrsim {

HttpServer::HttpServer(Handler handler, QObject *parent)
    : QObject(parent)
    , m_handler(std::move(handler))
{
}

HttpServer::~HttpServer()
{
    // Connections report back on destruction, so they must go while the counters still exist.
    qDeleteAll(findChildren<HttpConnection *>(Qt::FindDirectChildrenOnly));
}

void HttpServer::setTls(const QSslCertificate &certificate, const QSslKey &key)
{
    Q_ASSERT(!m_server); // the kind of server is chosen once, when listen() creates it
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificate(certificate);
    configuration.setPrivateKey(key);
    m_tls = configuration;
}

bool HttpServer::listen(quint16 port)
{
    if (!m_server) {
        if (m_tls) {
            // QSslServer hands out a socket only once its handshake succeeded, so
            // HttpConnection reads plain HTTP either way. A client that refuses the
            // certificate simply never becomes a connection.
            auto *server = new QSslServer(this);
            server->setSslConfiguration(*m_tls);
            m_server = server;
        } else {
            m_server = new QTcpServer(this);
        }
        // API clients open several connections at once; the default backlog of 30 is fine
        // but the accept loop must drain all of them per signal.
        connect(m_server, &QTcpServer::newConnection, this, &HttpServer::acceptPending);
        // QSslServer emits newConnection when the TCP connection arrives, before its handshake;
        // the socket becomes pending (and this signal fires) only once it is encrypted.
        connect(m_server, &QTcpServer::pendingConnectionAvailable, this, &HttpServer::acceptPending);
    }
    if (m_server->isListening())
        return true;
    return m_server->listen(QHostAddress::LocalHost, port);
}

quint16 HttpServer::port() const
{
    return m_server && m_server->isListening() ? m_server->serverPort() : 0;
}

QString HttpServer::errorString() const
{
    return m_server ? m_server->errorString() : QString();
}

void HttpServer::acceptPending()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        const int open = ++m_open;
        int peak = m_peak.load();
        while (open > peak && !m_peak.compare_exchange_weak(peak, open)) { }
        new HttpConnection(socket, this);
    }
}

void HttpServer::connectionClosed()
{
    --m_open;
}

} // namespace cdrsim
