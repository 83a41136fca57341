#pragma once

#include <QDateTime>
#include <QMutex>
#include <QObject>
#include <QSslCertificate>
#include <QSslKey>
#include <QUrl>

#include <atomic>
#include <chrono>
#include <memory>

namespace cdrsim {

class HttpServer;
class PlivoSimulator;
class EnswitchSimulator;
class PortsipSimulator;
class FaultInjection;
struct HttpRequest;
struct HttpResponse;

struct PlivoAccount {
    QString authId;
    QString authToken;
};

struct EnswitchAccount {
    QString username;
    QString password;
};

struct PortsipAccount {
    QString username;
    QString password;
    QString domain; // the tenant's SIP domain; sign_in may leave it out
    bool twoFactor = false; // sign_in then asks for a one-time code (always Simulator::portsipOtpCode())
};

// Provider API simulators behind one loopback HTTP server, for tests and demos.
// It may live on another thread: create it, moveToThread(), then call listen()
// from anywhere (it hops to the object's thread, whose event loop must be running).
// Setters and counters may be used from any thread.
class Simulator final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Simulator)

public:
    explicit Simulator(QObject *parent = nullptr);
    ~Simulator() override;

    bool listen(quint16 port = 0); // 127.0.0.1 only; 0 = free port
    quint16 port() const;
    QUrl baseUrl() const; // http://127.0.0.1:PORT, or https:// after setTls()

    // Serve HTTPS with this certificate and key instead of HTTP; call before listen().
    void setTls(const QSslCertificate &certificate, const QSslKey &key);
    // Two fixed self-signed identities for 127.0.0.1 (variant 0 or 1), built into the
    // library, so tests can pin one and then see the server present the other.
    // Variant 2 is a third one that expired in 2001.
    static QSslCertificate selfSignedCertificate(int variant = 0);
    static QSslKey selfSignedKey(int variant = 0);

    void setLatency(
        std::chrono::milliseconds perResponse); // delay before each response is written (timer, never sleep)
    void setPlivoRateLimit(
        int requests, std::chrono::milliseconds window); // default 300 per 5000 ms; requests <= 0 disables
    void setNow(const QDateTime &utcNow); // the server's "now"; default: the real current time at construction
    void setPlivoCallCount(int count); // synthetic calls (default 2521), spread over the last 120 days
    void setSeed(quint32 seed); // data is deterministic for a seed (default 1)
    static PlivoAccount demoAccount(); // "MADEMO00000000000000" / "demo-token-0000"
    void addPlivoAccount(const PlivoAccount &account); // the demo account exists by default
    // After `afterRequests` more successful list requests, answer the next `count`
    // authenticated requests with `httpStatus` and a Plivo-style error body.
    void failRequests(int afterRequests, int count, int httpStatus);
    void forceRateLimit(int count); // the next `count` authenticated requests get 429 regardless of the window

    using EnswitchAccount = cdrsim::EnswitchAccount;
    static EnswitchAccount enswitchDemoAccount(); // "demo" / "demo-password-0000", customer 1
    void setEnswitchLegCount(int count); // synthetic legs (default 1500), spread over the last 120 days
    void setEnswitchTokenLifetime(std::chrono::seconds lifetime); // user/login tokens: default 3600 s, 0 = born expired
    // The next `count` authenticated Enswitch requests get that envelope code (e.g. "402") with HTTP 200.
    void failEnswitch(int count, const QString &code);
    int enswitchPasswordInUrlCount() const; // Enswitch requests whose URL query carried auth_password

    using PortsipAccount = cdrsim::PortsipAccount;
    static PortsipAccount portsipDemoAccount(); // "admin" / "demo-password-0000", domain "demo.portsip.test"
    static PortsipAccount portsipTwoFactorAccount(); // "auditor" / "demo-password-2fa", same domain, two-factor
    static QString portsipOtpCode(); // "123456", the one-time code of every two-factor account
    void addPortsipAccount(const PortsipAccount &account); // both demo accounts exist by default
    void setPortsipCallCount(int count); // synthetic CDRs (default 2000), spread over the last 120 days
    void setPortsipTokenLifetime(std::chrono::seconds lifetime); // access tokens: default 3600 s, 0 = born expired
    void expirePortsipTokens(); // forget all access and refresh tokens, as a server restart would
    void setPortsipRateLimit(
        int requests, std::chrono::milliseconds window); // per server: default 5000 per 60000 ms; <= 0 disables
    void forcePortsipRateLimit(int count); // the next `count` authenticated CDR requests get 429
    // The next `count` authenticated CDR requests get `httpStatus` with `code` in the error envelope.
    void failPortsip(int count, int httpStatus, const QString &code);
    void setPortsipSkipOneBased(bool oneBased); // skip=1 is the first record (the docs' wording); default 0-based
    int portsipSignInCount() const; // sign_in calls whose credentials were accepted
    int portsipRefreshCount() const; // successful refresh_token calls

    // Enswitch and PortSIP keep the matched, sorted rows of the last list query, so paging
    // through a large set costs one filter and sort (default off; the benchmark turns it on).
    void setCacheListMatches(bool cache);

    FaultInjection &faults(); // planned faults and the log of served requests (faultinjection.h)
    int requestCount() const; // all requests served
    int rateLimitedCount() const; // how many got 429
    int maxConcurrentConnections() const; // peak simultaneous open connections seen

signals:
    // path WITHOUT query string (never log credentials)
    void requestServed(const QString &method, const QString &path, int status);

private:
    HttpResponse handle(const HttpRequest &request);

    mutable QMutex m_mutex; // guards the provider parts: the server thread and test threads both reach them
    std::unique_ptr<PlivoSimulator> m_plivo;
    std::unique_ptr<EnswitchSimulator> m_enswitch;
    std::unique_ptr<PortsipSimulator> m_portsip;
    std::unique_ptr<FaultInjection> m_faults;
    HttpServer *m_server = nullptr;
    std::atomic<quint16> m_port{0};
    std::atomic<qint64> m_latencyMs{0};
    std::atomic<int> m_requests{0};
    std::atomic<int> m_rateLimited{0};
    QSslCertificate m_tlsCertificate; // null: plain HTTP (setTls() before listen())
    QSslKey m_tlsKey;
};

} // namespace cdrsim
