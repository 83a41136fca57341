// PortSIP's sign-in, tokens and refusals end to end: the Authenticator signs in
// with the tenant domain, refreshes a short-lived token before it runs out,
// recovers once from tokens the server forgot, asks for a one-time code where
// someone can answer (and says so clearly where nobody can), and the paging
// engine rides out rate limits; errors carry the server's words, never a secret.

#include "authenticator.h"
#include "portsipe2e.h"
#include "providers/portsip/portsipprovider.h"
#include "searchsession.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace portsipe2e;

namespace {

constexpr int kCalls = 600; // six pages: enough to page, quick to repeat
const SearchSession::RetryPolicy kShortRetry{50ms, 200ms, 6};

} // namespace

class TestPortSipAuthEndToEnd final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void signInWithDomain_data();
    void signInWithDomain();
    void shortTokenRefreshed();
    void forgottenTokensSignInAgain();
    void wrongPassword();
    void oneTimeCode();
    void wrongOneTimeCode();
    void oneTimeCodeWithNobodyToAsk();
    void rateLimitRetried();
    void rateLimitGivesUp();
    void serverWindowRespected();
    void errorEnvelope_data();
    void errorEnvelope();
    void failureMidSearchResumes();
    void rateLimitOption();

private:
    SearchQuery allCalls() const;
    Connection connection(const cdrsim::PortsipAccount &account = cdrsim::Simulator::portsipDemoAccount(),
        const QMap<QString, QString> &options = {}) const;
    void verifyAllRows(const Outcome &outcome) const;

    std::unique_ptr<cdrsim::Simulator> m_simulator;
    std::unique_ptr<RequestLog> m_log;
    QNetworkAccessManager m_network;
    PortSipProvider m_provider;
    QList<cdrsim::PortsipCall> m_calls;
};

void TestPortSipAuthEndToEnd::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_calls = cdrsim::generatePortsipCalls(kSeed, kNow.toSecsSinceEpoch(), kCalls);
}

void TestPortSipAuthEndToEnd::init()
{
    m_simulator = std::make_unique<cdrsim::Simulator>();
    m_simulator->setNow(kNow);
    m_simulator->setSeed(kSeed);
    m_simulator->setPortsipCallCount(kCalls);
    QVERIFY(m_simulator->listen(0));
    m_log = std::make_unique<RequestLog>(*m_simulator);
}

void TestPortSipAuthEndToEnd::cleanup()
{
    m_log.reset();
    m_simulator.reset();
}

SearchQuery TestPortSipAuthEndToEnd::allCalls() const
{
    SearchQuery query;
    query.since = kNow.addDays(-121);
    return query.resolved(kNow, m_provider.timeRange());
}

Connection TestPortSipAuthEndToEnd::connection(
    const cdrsim::PortsipAccount &account, const QMap<QString, QString> &options) const
{
    return connectionFor(m_simulator->baseUrl(), account, options);
}

void TestPortSipAuthEndToEnd::verifyAllRows(const Outcome &outcome) const
{
    QVERIFY2(outcome.finished, qPrintable(outcome.error ? outcome.error->message() : u"timed out"_s));
    const QStringList ids = idsOf(outcome.rows);
    QCOMPARE(duplicateCount(ids), 0);
    QCOMPARE(ids, idsOf(expectedCalls(m_calls, allCalls())));
}

void TestPortSipAuthEndToEnd::signInWithDomain_data()
{
    QTest::addColumn<QString>("domain");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("the tenant's") << u"demo.portsip.test"_s << true;
    QTest::newRow("other case, spaces") << u" DEMO.PortSIP.test "_s << true;
    QTest::newRow("left out") << QString() << true;
    QTest::newRow("another tenant") << u"other.portsip.test"_s << false;
}

void TestPortSipAuthEndToEnd::signInWithDomain()
{
    QFETCH(QString, domain);
    QFETCH(bool, accepted);
    SearchSession session(m_network, m_provider,
        connection(cdrsim::Simulator::portsipDemoAccount(), {{u"domain"_s, domain}}), allCalls());
    const Outcome outcome = runToEnd(session);
    if (accepted) {
        verifyAllRows(outcome);
        QCOMPARE(m_simulator->portsipSignInCount(), 1);
        QCOMPARE(m_log->signInRequests(), 1);
        return;
    }
    QVERIFY(outcome.error);
    QCOMPARE(outcome.error->kind, ApiError::Kind::Auth);
    QVERIFY2(outcome.error->message().contains(u"Login failed, authentication error"_s),
        qPrintable(outcome.error->message()));
    QCOMPARE(m_log->listRequests(), 0);
}

// expires_in of 2 s: the token is renewed with the refresh token before it runs
// out, so no page is ever refused and the password is sent once.
void TestPortSipAuthEndToEnd::shortTokenRefreshed()
{
    m_simulator->setPortsipTokenLifetime(2s);
    m_simulator->setLatency(150ms);
    SearchSession session(m_network, m_provider, connection(), allCalls());
    PagingPolicy paging = session.pagingPolicy();
    paging.pageSize = 25; // 24 pages one after the other: several seconds
    paging.maxInFlight = 1;
    session.setPagingPolicy(paging);
    QElapsedTimer clock;
    clock.start();
    const Outcome outcome = runToEnd(session);
    verifyAllRows(outcome);
    QVERIFY2(clock.elapsed() > 2500, "the search ended before the first token ran out");
    QVERIFY2(m_simulator->portsipRefreshCount() >= 1, "the token was never refreshed");
    QCOMPARE(m_log->refreshRequests(), m_simulator->portsipRefreshCount()); // every refresh accepted
    QCOMPARE(m_simulator->portsipSignInCount(), 1);
    QCOMPARE(m_log->statusCount(401), 0);
}

// The server forgets every token (a restart) after the second page: the pages
// in flight get 401, the refresh token is refused too, and one new sign-in
// carries the search to its end.
void TestPortSipAuthEndToEnd::forgottenTokensSignInAgain()
{
    cdrsim::Simulator *simulator = m_simulator.get();
    m_log->afterListRequest(2, [simulator] { simulator->expirePortsipTokens(); });
    SearchSession session(m_network, m_provider, connection(), allCalls());
    const Outcome outcome = runToEnd(session);
    verifyAllRows(outcome);
    QVERIFY(m_log->statusCount(401) >= 1);
    QVERIFY(m_log->statusCount(401) <= session.pagingPolicy().maxInFlight);
    // Refresh first (refused: the server forgot it too), then one new sign-in.
    QCOMPARE(m_log->refreshRequests(), 1);
    QCOMPARE(m_simulator->portsipRefreshCount(), 0);
    QCOMPARE(m_simulator->portsipSignInCount(), 2);
}

void TestPortSipAuthEndToEnd::wrongPassword()
{
    const QString wrong = u"wrong-password-5e2b"_s;
    cdrsim::PortsipAccount account = cdrsim::Simulator::portsipDemoAccount();
    account.password = wrong;
    SearchSession session(m_network, m_provider, connection(account), allCalls());
    const Outcome outcome = runToEnd(session);
    QVERIFY(!outcome.finished);
    QVERIFY(outcome.rows.empty());
    QVERIFY(outcome.error);
    QCOMPARE(outcome.error->kind, ApiError::Kind::Auth);
    const QString message = outcome.error->message();
    QVERIFY2(message.contains(u"Login failed, authentication error"_s), qPrintable(message));
    QVERIFY2(message.contains(u"UNAUTHORIZED"_s), qPrintable(message));
    QVERIFY(!message.contains(wrong));
    QVERIFY(!message.contains(cdrsim::Simulator::portsipDemoAccount().password));
    QCOMPARE(m_log->listRequests(), 0);
    QCOMPARE(m_log->signInRequests(), 1); // reported, not retried
}

void TestPortSipAuthEndToEnd::oneTimeCode()
{
    SearchSession session(m_network, m_provider, connection(cdrsim::Simulator::portsipTwoFactorAccount()), allCalls());
    Authenticator &authenticator = session.authenticator();
    int asked = 0;
    connect(&authenticator, &Authenticator::oneTimeCodeNeeded, this, [&authenticator, &asked] {
        ++asked;
        authenticator.submitOneTimeCode(cdrsim::Simulator::portsipOtpCode());
    });
    const Outcome outcome = runToEnd(session);
    verifyAllRows(outcome);
    QCOMPARE(asked, 1);
    QCOMPARE(m_simulator->portsipSignInCount(), 1);
}

void TestPortSipAuthEndToEnd::wrongOneTimeCode()
{
    Authenticator authenticator(m_network, m_provider, connection(cdrsim::Simulator::portsipTwoFactorAccount()));
    connect(&authenticator, &Authenticator::oneTimeCodeNeeded, this,
        [&authenticator] { authenticator.submitOneTimeCode(u"000000"_s); });
    SearchSession session(authenticator, allCalls());
    const Outcome outcome = runToEnd(session);
    QVERIFY(outcome.error);
    QCOMPARE(outcome.error->kind, ApiError::Kind::Auth);
    const QString message = outcome.error->message();
    QVERIFY2(message.contains(u"Verification failed, invalid code"_s), qPrintable(message));
    QVERIFY(!message.contains(cdrsim::Simulator::portsipTwoFactorAccount().password));
    QVERIFY(outcome.rows.empty());
    QCOMPARE(m_log->listRequests(), 0);
}

// As in cdr-export: nobody listens for oneTimeCodeNeeded, so the sign-in fails at once and says why.
void TestPortSipAuthEndToEnd::oneTimeCodeWithNobodyToAsk()
{
    SearchSession session(m_network, m_provider, connection(cdrsim::Simulator::portsipTwoFactorAccount()), allCalls());
    const Outcome outcome = runToEnd(session, 10000);
    QVERIFY(outcome.error);
    QCOMPARE(outcome.error->kind, ApiError::Kind::SignInIncomplete);
    const QString message = outcome.error->message();
    QVERIFY2(message.contains(u"one-time code"_s), qPrintable(message));
    QVERIFY(!message.contains(cdrsim::Simulator::portsipTwoFactorAccount().password));
    QCOMPARE(m_log->listRequests(), 0);
}

// Three refusals with Retry-After: 1; the search waits them out and loses nothing.
void TestPortSipAuthEndToEnd::rateLimitRetried()
{
    m_simulator->forcePortsipRateLimit(3);
    SearchSession session(m_network, m_provider, connection(), allCalls());
    session.setRetryPolicy(kShortRetry);
    QElapsedTimer clock;
    clock.start();
    const Outcome outcome = runToEnd(session);
    verifyAllRows(outcome);
    QCOMPARE(m_simulator->rateLimitedCount(), 3);
    QCOMPARE(m_log->listRequests(), kCalls / 100 + 3);
    QVERIFY2(clock.elapsed() >= 2500, "the server's Retry-After was not waited for");
}

void TestPortSipAuthEndToEnd::rateLimitGivesUp()
{
    m_simulator->forcePortsipRateLimit(100);
    SearchSession session(m_network, m_provider, connection(), allCalls());
    session.setRetryPolicy({50ms, 200ms, 1});
    const Outcome outcome = runToEnd(session);
    QVERIFY(outcome.error);
    QCOMPARE(outcome.error->kind, ApiError::Kind::RateLimited);
    QCOMPARE(outcome.error->httpStatus, 429);
    QVERIFY2(outcome.error->message().contains(u"Too many requests, try again later"_s),
        qPrintable(outcome.error->message()));
    QVERIFY(outcome.rows.empty());
}

// The server's own window (sign-in included) is smaller than the search needs.
void TestPortSipAuthEndToEnd::serverWindowRespected()
{
    m_simulator->setPortsipRateLimit(4, 1000ms);
    SearchSession session(m_network, m_provider, connection(), allCalls());
    session.setRetryPolicy(kShortRetry);
    const Outcome outcome = runToEnd(session);
    verifyAllRows(outcome);
    QVERIFY(m_simulator->rateLimitedCount() >= 1);
}

void TestPortSipAuthEndToEnd::errorEnvelope_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QStringList>("words");

    QTest::newRow("validation") << 400 << u"VALIDATE_FAILED"_s
                                << QStringList{u"VALIDATE_FAILED"_s, u"Simulated validation failure"_s, u"400"_s};
    QTest::newRow("unknown code") << 500 << u"QUOTA_EXCEEDED"_s
                                  << QStringList{u"QUOTA_EXCEEDED"_s, u"UNKNOWN"_s, u"Simulated server failure"_s};
    QTest::newRow("UNKNOWN") << 500 << u"UNKNOWN"_s << QStringList{u"UNKNOWN"_s, u"Simulated server failure"_s};
    QTest::newRow("forbidden") << 403 << u"FORBIDDEN"_s << QStringList{u"FORBIDDEN"_s, u"Permission denied"_s};
    // 503 means "overloaded": retried, not reported.
    QTest::newRow("503 retried") << 503 << u"SERVICE_UNAVAILABLE"_s << QStringList();
}

void TestPortSipAuthEndToEnd::errorEnvelope()
{
    QFETCH(int, status);
    QFETCH(QString, code);
    QFETCH(QStringList, words);
    m_simulator->failPortsip(words.isEmpty() ? 1 : 1000, status, code); // a 500 is retried: it must last
    SearchSession session(m_network, m_provider, connection(), allCalls());
    session.setRetryPolicy(kShortRetry);
    const Outcome outcome = runToEnd(session);
    if (words.isEmpty()) {
        verifyAllRows(outcome);
        return;
    }
    QVERIFY(outcome.error);
    QCOMPARE(outcome.error->kind, ApiError::Kind::Http);
    QCOMPARE(outcome.error->httpStatus, status);
    const QString message = outcome.error->message();
    for (const QString &word : std::as_const(words))
        QVERIFY2(message.contains(word), qPrintable(message));
}

// A server error after two pages: what arrived stays, resume() fetches the rest once.
void TestPortSipAuthEndToEnd::failureMidSearchResumes()
{
    cdrsim::Simulator *simulator = m_simulator.get();
    m_log->afterListRequest(2, [simulator] { simulator->failPortsip(1, 500, u"UNKNOWN"_s); });
    SearchSession session(m_network, m_provider, connection(), allCalls());
    session.setRetryPolicy({50ms, 200ms, 0}); // a 500 is retried by default; here it must surface
    Outcome first = runToEnd(session);
    QVERIFY(first.error);
    QCOMPARE(first.error->httpStatus, 500);
    const QStringList expected = idsOf(expectedCalls(m_calls, allCalls()));
    QCOMPARE(idsOf(first.rows), expected.mid(0, qsizetype(first.rows.size()))); // a prefix, in order
    QVERIFY(first.rows.size() < std::size_t(expected.size()));

    std::vector<CdrRecord> rest;
    connect(&session, &SearchSession::rowsArrived, this,
        [&rest](const std::vector<CdrRecord> &rows) { rest.insert(rest.end(), rows.begin(), rows.end()); });
    QSignalSpy finished(&session, &SearchSession::finished);
    session.resume();
    QVERIFY(finished.wait(kWaitMs));
    first.rows.insert(first.rows.end(), rest.begin(), rest.end());
    QCOMPARE(idsOf(first.rows), expected);
    QCOMPARE(m_simulator->portsipSignInCount(), 1);
}

void TestPortSipAuthEndToEnd::rateLimitOption()
{
    SearchSession configured(m_network, m_provider,
        connection(cdrsim::Simulator::portsipDemoAccount(), {{u"rateLimit"_s, u"5000"_s}}), allCalls());
    QCOMPARE(configured.pagingPolicy().rateLimitRequests, 5000);
    QCOMPARE(qint64(configured.pagingPolicy().rateLimitWindow.count()), qint64(60000));
    SearchSession defaulted(m_network, m_provider, connection(), allCalls());
    QCOMPARE(defaulted.pagingPolicy().rateLimitRequests, PortSipProvider::kDefaultRateLimit);
}

QTEST_GUILESS_MAIN(TestPortSipAuthEndToEnd)
#include "tst_portsip_e2e_auth.moc"
