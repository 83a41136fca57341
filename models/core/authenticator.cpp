#include "authenticator.h"

// Placeholder until sign-in lands: every provider is treated as sending its secret.
class Authenticator::Private {
public:
    Connection connection;
};

Authenticator::Authenticator(
    QNetworkAccessManager &network, const Provider &provider, Connection connection, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
    , m_network(network)
    , m_provider(provider)
{
    d->connection = std::move(connection);
}

Authenticator::~Authenticator() = default;

Connection Authenticator::connection() const
{
    return d->connection;
}

bool Authenticator::isReady() const
{
    return true;
}

void Authenticator::ensureReady()
{
    QMetaObject::invokeMethod(this, &Authenticator::ready, Qt::QueuedConnection);
}

void Authenticator::tokenRejected(const QString &) { }

void Authenticator::submitOneTimeCode(const QString &) { }

void Authenticator::setRenewMargin(std::chrono::seconds) { }

void Authenticator::setTimeout(std::chrono::milliseconds) { }
