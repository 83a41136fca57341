#include "simulator.h"

#include "enswitchsimulator.h"
#include "faultinjection.h"
#include "httpserver.h"
#include "plivosimulator.h"
#include "portsipsimulator.h"

#include <QThread>

using namespace Qt::StringLiterals;

namespace cdrsim {

Simulator::Simulator(QObject *parent)
    : QObject(parent)
    , m_plivo(std::make_unique<PlivoSimulator>())
    , m_enswitch(std::make_unique<EnswitchSimulator>())
    , m_portsip(std::make_unique<PortsipSimulator>())
    , m_faults(std::make_unique<FaultInjection>())
{
    const PlivoAccount demo = demoAccount();
    m_plivo->addAccount(demo.authId, demo.authToken);
    const EnswitchAccount enswitchDemo = enswitchDemoAccount();
    m_enswitch->addAccount(enswitchDemo.username, enswitchDemo.password, 1);
    for (const PortsipAccount &account : {portsipDemoAccount(), portsipTwoFactorAccount()})
        m_portsip->auth().addAccount(account.username, account.password, account.domain, account.twoFactor);
}

Simulator::~Simulator()
{
    // The server's handler points at this object's members, so it must go before they do.
    delete m_server;
}

bool Simulator::listen(quint16 port)
{
    if (QThread::currentThread() != thread()) {
        // Sockets and timers must be created in the thread that will serve them.
        bool ok = false;
        QMetaObject::invokeMethod(
            this, [this, port, &ok] { ok = listen(port); }, Qt::BlockingQueuedConnection);
        return ok;
    }
    if (!m_server) {
        auto *server = new HttpServer([this](const HttpRequest &request) { return handle(request); }, this);
        if (!m_tlsCertificate.isNull())
            server->setTls(m_tlsCertificate, m_tlsKey);
        connect(server, &HttpServer::responseWritten, this,
            [this](const QByteArray &method, const QString &path, int status) {
                emit requestServed(QString::fromLatin1(method), path, status);
            });
        QMutexLocker lock(&m_mutex); // maxConcurrentConnections() may read it from another thread
        m_server = server;
    }
    if (!m_server->listen(port)) {
        qWarning("cdr-simulator: cannot listen on port %u: %s", unsigned(port), qPrintable(m_server->errorString()));
        return false;
    }
    m_port = m_server->port();
    return true;
}

quint16 Simulator::port() const
{
    return m_port.load();
}

QUrl Simulator::baseUrl() const
{
    QUrl url;
    url.setScheme(m_tlsCertificate.isNull() ? u"http"_s : u"https"_s);
    url.setHost(u"127.0.0.1"_s);
    url.setPort(port());
    return url;
}

HttpResponse Simulator::handle(const HttpRequest &request)
{
    HttpResponse response;
    {
        QMutexLocker lock(&m_mutex);
        if (PlivoSimulator::ownsPath(request.path()))
            response = m_plivo->handle(request);
        else if (EnswitchSimulator::ownsPath(request.path()))
            response = m_enswitch->handle(request);
        else if (PortsipSimulator::ownsPath(request.path())) // after Enswitch: /api/json/ is inside /api/
            response = m_portsip->handle(request);
        else
            response = PlivoSimulator::errorResponse(404, u"not found"_s);
    }
    m_faults->apply(request, response);
    if (const int arriving = m_faults->takeNewCalls()) {
        // Between two pages, so the next request sees the grown data set.
        QMutexLocker lock(&m_mutex);
        if (PlivoSimulator::ownsPath(request.path()))
            m_plivo->addCalls(arriving);
        else if (EnswitchSimulator::ownsPath(request.path()))
            m_enswitch->addLegs(arriving);
        else if (PortsipSimulator::ownsPath(request.path()))
            m_portsip->addCalls(arriving);
    }
    ++m_requests;
    if (response.status == 429)
        ++m_rateLimited;
    response.delay = std::chrono::milliseconds(m_latencyMs.load());
    return response;
}

void Simulator::setLatency(std::chrono::milliseconds perResponse)
{
    m_latencyMs = perResponse.count();
}

void Simulator::setPlivoRateLimit(int requests, std::chrono::milliseconds window)
{
    QMutexLocker lock(&m_mutex);
    m_plivo->setRateLimit(requests, window);
}

void Simulator::setNow(const QDateTime &utcNow)
{
    QMutexLocker lock(&m_mutex);
    m_plivo->setNow(utcNow);
    m_enswitch->setNow(utcNow);
    m_portsip->setNow(utcNow);
}

void Simulator::setPlivoCallCount(int count)
{
    QMutexLocker lock(&m_mutex);
    m_plivo->setCallCount(count);
}

void Simulator::setSeed(quint32 seed)
{
    QMutexLocker lock(&m_mutex);
    m_plivo->setSeed(seed);
    m_enswitch->setSeed(seed);
    m_portsip->setSeed(seed);
}

PlivoAccount Simulator::demoAccount()
{
    return {u"MADEMO00000000000000"_s, u"demo-token-0000"_s};
}

void Simulator::addPlivoAccount(const PlivoAccount &account)
{
    QMutexLocker lock(&m_mutex);
    m_plivo->addAccount(account.authId, account.authToken);
}

void Simulator::failRequests(int afterRequests, int count, int httpStatus)
{
    QMutexLocker lock(&m_mutex);
    m_plivo->failRequests(afterRequests, count, httpStatus);
    m_enswitch->failRequests(afterRequests, count, httpStatus);
}

void Simulator::forceRateLimit(int count)
{
    QMutexLocker lock(&m_mutex);
    m_plivo->forceRateLimit(count);
}

Simulator::EnswitchAccount Simulator::enswitchDemoAccount()
{
    return {u"demo"_s, u"demo-password-0000"_s};
}

void Simulator::setEnswitchLegCount(int count)
{
    QMutexLocker lock(&m_mutex);
    m_enswitch->setLegCount(count);
}

void Simulator::setEnswitchTokenLifetime(std::chrono::seconds lifetime)
{
    QMutexLocker lock(&m_mutex);
    m_enswitch->setTokenLifetime(lifetime);
}

void Simulator::failEnswitch(int count, const QString &code)
{
    QMutexLocker lock(&m_mutex);
    m_enswitch->failEnvelope(count, code);
}

int Simulator::enswitchPasswordInUrlCount() const
{
    QMutexLocker lock(&m_mutex);
    return m_enswitch->passwordInUrlCount();
}

Simulator::PortsipAccount Simulator::portsipDemoAccount()
{
    return {u"admin"_s, u"demo-password-0000"_s, u"demo.portsip.test"_s, false};
}

Simulator::PortsipAccount Simulator::portsipTwoFactorAccount()
{
    return {u"auditor"_s, u"demo-password-2fa"_s, u"demo.portsip.test"_s, true};
}

QString Simulator::portsipOtpCode()
{
    return PortsipAuth::otpCode();
}

void Simulator::addPortsipAccount(const PortsipAccount &account)
{
    QMutexLocker lock(&m_mutex);
    m_portsip->auth().addAccount(account.username, account.password, account.domain, account.twoFactor);
}

void Simulator::setPortsipCallCount(int count)
{
    QMutexLocker lock(&m_mutex);
    m_portsip->setCallCount(count);
}

void Simulator::setPortsipTokenLifetime(std::chrono::seconds lifetime)
{
    QMutexLocker lock(&m_mutex);
    m_portsip->auth().setTokenLifetime(lifetime);
}

void Simulator::expirePortsipTokens()
{
    QMutexLocker lock(&m_mutex);
    m_portsip->auth().expireAll();
}

void Simulator::setPortsipRateLimit(int requests, std::chrono::milliseconds window)
{
    QMutexLocker lock(&m_mutex);
    m_portsip->setRateLimit(requests, window);
}

void Simulator::forcePortsipRateLimit(int count)
{
    QMutexLocker lock(&m_mutex);
    m_portsip->forceRateLimit(count);
}

void Simulator::failPortsip(int count, int httpStatus, const QString &code)
{
    QMutexLocker lock(&m_mutex);
    m_portsip->fail(count, httpStatus, code);
}

void Simulator::setCacheListMatches(bool cache)
{
    QMutexLocker lock(&m_mutex);
    m_enswitch->setCacheMatches(cache);
    m_portsip->setCacheMatches(cache);
}

void Simulator::setPortsipSkipOneBased(bool oneBased)
{
    QMutexLocker lock(&m_mutex);
    m_portsip->setSkipOneBased(oneBased);
}

int Simulator::portsipSignInCount() const
{
    QMutexLocker lock(&m_mutex);
    return m_portsip->auth().signInCount();
}

int Simulator::portsipRefreshCount() const
{
    QMutexLocker lock(&m_mutex);
    return m_portsip->auth().refreshCount();
}

FaultInjection &Simulator::faults()
{
    return *m_faults;
}

int Simulator::requestCount() const
{
    return m_requests.load();
}

int Simulator::rateLimitedCount() const
{
    return m_rateLimited.load();
}

int Simulator::maxConcurrentConnections() const
{
    QMutexLocker lock(&m_mutex);
    return m_server ? m_server->maxConcurrentConnections() : 0;
}

} // namespace cdrsim
