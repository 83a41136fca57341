#include "connectiontest.h"

#include "authenticator.h"
#include "searchsession.h"

#include <QDateTime>
#include <QMetaMethod>

using namespace Qt::StringLiterals;

namespace {
// Defence in depth: whatever a server echoes, the secret is never shown.
QString withoutSecret(QString text, const QString &secret)
{
    if (!secret.isEmpty())
        text.replace(secret, u"•••"_s);
    return text;
}
} // namespace

ConnectionTest::ConnectionTest(
    QNetworkAccessManager &network, const Provider &provider, Connection connection, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_provider(provider)
    , m_connection(std::move(connection))
{
}

ConnectionTest::~ConnectionTest()
{
    stop();
}

void ConnectionTest::start()
{
    if (m_session || m_running)
        return;
    const SearchQuery query = SearchQuery{}.resolved(QDateTime::currentDateTimeUtc(), m_provider.timeRange());
    m_session = new SearchSession(m_network, m_provider, m_connection, query, this);
    m_running = true;

    // Only when someone here can ask for the code; otherwise the sign-in fails saying why.
    if (isSignalConnected(QMetaMethod::fromSignal(&ConnectionTest::oneTimeCodeNeeded)))
        connect(
            &m_session->authenticator(), &Authenticator::oneTimeCodeNeeded, this, &ConnectionTest::oneTimeCodeNeeded);
    connect(m_session, &SearchSession::failed, this, [this](const ApiError &error) { reportFailure(error); });
    // The total and the rows of one reply arrive in separate signals: answer once
    // all of them are in.
    const auto queueReport = [this] {
        if (m_reportQueued)
            return;
        m_reportQueued = true;
        QMetaObject::invokeMethod(
            this, [this] { report(); }, Qt::QueuedConnection);
    };
    connect(m_session, &SearchSession::rowsArrived, this, queueReport);
    connect(m_session, &SearchSession::finished, this, queueReport);
    m_session->fetchMore();
}

void ConnectionTest::cancel()
{
    stop();
}

void ConnectionTest::submitOneTimeCode(const QString &code)
{
    if (m_session)
        m_session->authenticator().submitOneTimeCode(code);
}

void ConnectionTest::report()
{
    m_reportQueued = false;
    if (!m_running || !m_session)
        return;
    if (const std::optional<ApiError> error = m_session->lastError()) {
        reportFailure(*error);
        return;
    }
    QString message;
    if (const std::optional<qint64> total = m_session->total()) {
        const qint64 days = m_provider.timeRange().defaultWindow.count() / 24;
        message = tr("Connected: %n call(s) in the last %1.", "", int(*total)).arg(tr("%n day(s)", "", int(days)));
    } else {
        message = tr("Connected: the first page held %n call(s).", "", int(m_session->deliveredRows()));
    }
    stop();
    emit succeeded(message);
}

void ConnectionTest::reportFailure(const ApiError &error)
{
    const QString message = withoutSecret(error.message(), m_connection.secret);
    stop();
    if (error.kind == ApiError::Kind::Certificate) {
        // First, so a dialog still connected can offer to trust the certificate.
        const QPointer<ConnectionTest> guard(this);
        emit certificateRejected(error);
        if (!guard)
            return;
    }
    emit failed(message);
}

void ConnectionTest::stop()
{
    m_running = false;
    if (!m_session)
        return;
    SearchSession *session = m_session;
    m_session = nullptr;
    disconnect(session, nullptr, this, nullptr);
    session->cancel();
    session->deleteLater();
}
