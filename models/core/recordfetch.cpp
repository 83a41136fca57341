#include "recordfetch.h"

#include "httptransport.h"

#include <QNetworkReply>

RecordFetch::RecordFetch(
    QNetworkAccessManager &network, const Provider &provider, Connection connection, QString id, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_provider(provider)
    , m_connection(std::move(connection))
    , m_id(std::move(id))
    , m_timeout(HttpTransport::defaultTimeout)
{
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

void RecordFetch::start()
{
    if (m_reply)
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
    const HttpRequest request = m_provider.recordRequest(m_connection, m_id);
    m_reply = HttpTransport::send(m_network, request, m_connection, m_timeout);
    connect(m_reply, &QNetworkReply::finished, this, &RecordFetch::replyFinished);
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
    if (outcome.transportError) {
        result.error = outcome.transportError;
    } else if (!outcome.isSuccess()) {
        result.error = m_provider.errorFromReply(outcome.httpStatus, outcome.body);
    } else {
        result = m_provider.parseRecord(outcome.body);
        if (!result.record && !result.error) {
            ApiError error;
            error.kind = ApiError::Kind::Parse;
            error.httpStatus = outcome.httpStatus;
            result.error = error;
        }
    }
    emit finished(result);
}
