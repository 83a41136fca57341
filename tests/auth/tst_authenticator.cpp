// The Authenticator against the Enswitch simulator over loopback HTTP: one
// sign-in shared by every waiter and search, renewal before expiry, a rejected
// token traded for a new one once (and not in a loop), failures in the server's
// words without the secret, and one-time codes.

#include "authenticator.h"
#include "fakeproviders.h"
#include "providers/enswitch/enswitchprovider.h"
#include "providers/plivo/plivoprovider.h"
#include "searchsession.h"
#include "simulator.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTest>
#include <QTimeZone>

#include <memory>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

const QDateTime kNow(QDate(2024, 6, 30), QTime(12, 0), QTimeZone::utc());
constexpr int kWaitMs = 20000;
// Small pages, two in flight: several requests per search, some of them at once.
const PagingPolicy kPaging{200, 2, 0, std::chrono::milliseconds(0), false};

struct Outcome {
    qsizetype rows = 0;
    std::optional<ApiError> error;
    bool finished = false;
};

} // namespace

class TestAuthenticator final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void nonSigningProviderReadyAtOnce_data();
    void nonSigningProviderReadyAtOnce();
    void signInSharedByWaiters();
    void signInSharedBySearches();
    void expiredTokenRenewedOnce();
    void bornExpiredTokenNotLooped();
    void rejectedTokenSignsInAgain_data();
    void rejectedTokenSignsInAgain();
    void rejectedTokenThenFailedSignIn();
    void wrongPassword();
    void staleRejectionKeepsToken();
    void transportErrorReportedAsIs();

    void oneTimeCodeWithoutReceiver();
    void oneTimeCode();
    void oneTimeCodeAbandoned();

private:
    Connection connection(bool tokenSignIn = true, const QString &password = {}) const;
    SearchQuery query() const;
    Outcome run(SearchSession &session, bool all = true);

    cdrsim::Simulator m_simulator;
    QNetworkAccessManager m_network;
    EnswitchProvider m_enswitch;
    int m_logins = 0; // user/login requests the simulator answered
    qsizetype m_expectedRows = 0;
};

void TestAuthenticator::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_simulator.setNow(kNow);
    m_simulator.setEnswitchLegCount(1500);
    QVERIFY(m_simulator.listen(0));
    connect(&m_simulator, &cdrsim::Simulator::requestServed, this, [this](const QString &, const QString &path, int) {
        if (path.endsWith(u"/user/login/"_s))
            ++m_logins;
    });

    // What every search below must deliver, fetched with the password on each request.
    SearchSession plain(m_network, m_enswitch, connection(false), query());
    plain.setPagingPolicy(kPaging);
    const Outcome outcome = run(plain);
    QVERIFY(outcome.finished);
    m_expectedRows = outcome.rows;
    QVERIFY2(m_expectedRows > 2 * kPaging.pageSize, "too few rows to page through several pages");
    QCOMPARE(m_logins, 0);
}

void TestAuthenticator::init()
{
    m_simulator.setEnswitchTokenLifetime(3600s);
    m_simulator.failEnswitch(0, QString());
    m_logins = 0;
}

void TestAuthenticator::cleanup()
{
    m_simulator.setEnswitchTokenLifetime(3600s);
    m_simulator.failEnswitch(0, QString());
}

Connection TestAuthenticator::connection(bool tokenSignIn, const QString &password) const
{
    const cdrsim::EnswitchAccount account = cdrsim::Simulator::enswitchDemoAccount();
    Connection result{m_simulator.baseUrl(), account.username, password.isEmpty() ? account.password : password};
    if (tokenSignIn)
        result.options.insert(u"tokenSignIn"_s, u"1"_s);
    return result;
}

SearchQuery TestAuthenticator::query() const
{
    SearchQuery query;
    query.since = kNow.addDays(-130); // every generated leg lies in the last 120 days
    return query.resolved(kNow, m_enswitch.timeRange());
}

Outcome TestAuthenticator::run(SearchSession &session, bool all)
{
    Outcome outcome;
    connect(&session, &SearchSession::rowsArrived, this,
        [&outcome](const std::vector<CdrRecord> &rows) { outcome.rows += qsizetype(rows.size()); });
    QSignalSpy finished(&session, &SearchSession::finished);
    QSignalSpy failed(&session, &SearchSession::failed);
    if (all)
        session.fetchAll();
    else
        session.fetchMore();
    (void)QTest::qWaitFor(
        [&] { return !finished.isEmpty() || !failed.isEmpty() || (!all && !session.isBusy()); }, kWaitMs);
    outcome.finished = !finished.isEmpty();
    outcome.error = session.lastError();
    return outcome;
}

void TestAuthenticator::nonSigningProviderReadyAtOnce_data()
{
    QTest::addColumn<bool>("plivo");
    QTest::newRow("Plivo") << true;
    QTest::newRow("Enswitch without token sign-in") << false;
}

void TestAuthenticator::nonSigningProviderReadyAtOnce()
{
    QFETCH(bool, plivo);
    const PlivoProvider plivoProvider;
    const Provider &provider = plivo ? static_cast<const Provider &>(plivoProvider) : m_enswitch;
    Connection profile = connection(false);
    profile.options.insert(u"somethingElse"_s, u"x"_s);
    Authenticator authenticator(m_network, provider, profile);
    QVERIFY(authenticator.isReady());
    QCOMPARE(authenticator.connection().secret, profile.secret);
    QCOMPARE(authenticator.connection().options, profile.options);
    QVERIFY(authenticator.connection().accessToken.isEmpty());

    QSignalSpy ready(&authenticator, &Authenticator::ready);
    QSignalSpy failed(&authenticator, &Authenticator::failed);
    authenticator.ensureReady();
    QCOMPARE(ready.size(), 0); // never from inside ensureReady()
    QVERIFY(ready.wait(kWaitMs));
    QCOMPARE(failed.size(), 0);
    QCOMPARE(m_logins, 0);
}

void TestAuthenticator::signInSharedByWaiters()
{
    Authenticator authenticator(m_network, m_enswitch, connection());
    QVERIFY(!authenticator.isReady());
    QVERIFY(authenticator.connection().accessToken.isEmpty());
    QSignalSpy ready(&authenticator, &Authenticator::ready);
    QSignalSpy failed(&authenticator, &Authenticator::failed);
    for (int i = 0; i < 3; ++i)
        authenticator.ensureReady();
    QCOMPARE(ready.size(), 0);
    QVERIFY(ready.wait(kWaitMs));
    QCOMPARE(ready.size(), 1); // every waiter hears this one
    QCOMPARE(failed.size(), 0);
    QCOMPARE(m_logins, 1);

    QVERIFY(authenticator.isReady());
    const Connection signedIn = authenticator.connection();
    QCOMPARE(signedIn.accessToken.count(u'.'), 2); // the simulator's JWT
    QCOMPARE(signedIn.user, connection().user);

    // Ready already: no request, ready() still comes later.
    authenticator.ensureReady();
    QCOMPARE(ready.size(), 1);
    QVERIFY(ready.wait(kWaitMs));
    QCOMPARE(m_logins, 1);
    QCOMPARE(authenticator.connection().accessToken, signedIn.accessToken);
}

void TestAuthenticator::signInSharedBySearches()
{
    Authenticator authenticator(m_network, m_enswitch, connection());
    std::vector<std::unique_ptr<SearchSession>> sessions;
    std::vector<qsizetype> rows(3, 0);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        sessions.push_back(std::make_unique<SearchSession>(authenticator, query()));
        SearchSession &session = *sessions.back();
        QCOMPARE(&session.authenticator(), &authenticator);
        session.setPagingPolicy(kPaging);
        connect(&session, &SearchSession::rowsArrived, this,
            [&rows, i](const std::vector<CdrRecord> &arrived) { rows[i] += qsizetype(arrived.size()); });
    }
    for (const auto &session : sessions) {
        session->fetchAll();
        QVERIFY(session->isBusy()); // waiting for the sign-in
    }
    for (const auto &session : sessions)
        QTRY_VERIFY_WITH_TIMEOUT(session->atEnd() || session->lastError(), kWaitMs);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const std::optional<ApiError> error = sessions[i]->lastError();
        QVERIFY2(!error, qPrintable(error ? error->message() : QString()));
        QCOMPARE(rows[i], m_expectedRows);
    }
    QCOMPARE(m_logins, 1);

    // A later search through the same sign-in needs none.
    SearchSession later(authenticator, query());
    later.setPagingPolicy(kPaging);
    const Outcome outcome = run(later);
    QVERIFY(outcome.finished);
    QCOMPARE(outcome.rows, m_expectedRows);
    QCOMPARE(m_logins, 1);
}

void TestAuthenticator::expiredTokenRenewedOnce()
{
    Authenticator authenticator(m_network, m_enswitch, connection());
    authenticator.setRenewMargin(1s);
    m_simulator.setEnswitchTokenLifetime(2s);
    QSignalSpy ready(&authenticator, &Authenticator::ready);
    authenticator.ensureReady();
    QVERIFY(ready.wait(kWaitMs));
    QCOMPARE(m_logins, 1);
    const QString first = authenticator.connection().accessToken;
    // The next token lives long, so the search below cannot outlast it.
    m_simulator.setEnswitchTokenLifetime(3600s);

    QTRY_VERIFY_WITH_TIMEOUT(!authenticator.isReady(), 5000); // inside the margin now
    SearchSession session(authenticator, query());
    session.setPagingPolicy(kPaging);
    const Outcome outcome = run(session);
    QVERIFY2(outcome.finished, qPrintable(outcome.error ? outcome.error->message() : u"timed out"_s));
    QCOMPARE(outcome.rows, m_expectedRows);
    QCOMPARE(m_logins, 2);
    QVERIFY(authenticator.connection().accessToken != first);
}

void TestAuthenticator::bornExpiredTokenNotLooped()
{
    // Every token the server hands out is expired already: one sign-in, one
    // rejection, one sign-in again, one more rejection, then the search stops.
    m_simulator.setEnswitchTokenLifetime(0s);
    Authenticator authenticator(m_network, m_enswitch, connection());
    SearchSession session(authenticator, query());
    const Outcome outcome = run(session, false);
    QVERIFY(!outcome.finished);
    QVERIFY(outcome.error);
    QCOMPARE(outcome.error->kind, ApiError::Kind::Auth);
    QVERIFY2(outcome.error->message().contains(u"Authentication failed"_s), qPrintable(outcome.error->message()));
    QCOMPARE(m_logins, 2);
    QCOMPARE(session.deliveredRows(), 0);
}

void TestAuthenticator::rejectedTokenSignsInAgain_data()
{
    QTest::addColumn<bool>("streamed");
    QTest::newRow("streamed page") << true;
    QTest::newRow("whole page") << false;
}

void TestAuthenticator::rejectedTokenSignsInAgain()
{
    QFETCH(bool, streamed);
    FakeEnswitch provider;
    provider.streamPages = streamed;
    Authenticator authenticator(m_network, provider, connection());
    QSignalSpy ready(&authenticator, &Authenticator::ready);
    authenticator.ensureReady();
    QVERIFY(ready.wait(kWaitMs));
    const QString first = authenticator.connection().accessToken;

    // The server forgets the token: a 401 in the envelope of an HTTP 200 page.
    m_simulator.failEnswitch(1, u"401"_s);
    SearchSession session(authenticator, query());
    session.setPagingPolicy(kPaging);
    const Outcome outcome = run(session);
    QVERIFY2(outcome.finished, qPrintable(outcome.error ? outcome.error->message() : u"timed out"_s));
    QCOMPARE(outcome.rows, m_expectedRows);
    QCOMPARE(m_logins, 2);
    QVERIFY(authenticator.isReady());
    QVERIFY(authenticator.connection().accessToken != first);
}

void TestAuthenticator::rejectedTokenThenFailedSignIn()
{
    Authenticator authenticator(m_network, m_enswitch, connection());
    QSignalSpy ready(&authenticator, &Authenticator::ready);
    QSignalSpy failed(&authenticator, &Authenticator::failed);
    authenticator.ensureReady();
    QVERIFY(ready.wait(kWaitMs));

    // The page is refused, and so is the sign-in after it: reported, not retried again.
    m_simulator.failEnswitch(2, u"401"_s);
    SearchSession session(authenticator, query());
    session.setPagingPolicy(kPaging);
    const Outcome outcome = run(session, false);
    QVERIFY(outcome.error);
    QCOMPARE(outcome.error->kind, ApiError::Kind::Auth);
    QVERIFY2(outcome.error->message().contains(u"Authentication failed"_s), qPrintable(outcome.error->message()));
    QCOMPARE(failed.size(), 1);
    QCOMPARE(m_logins, 2);
    QVERIFY(!authenticator.isReady());
    QVERIFY(authenticator.connection().accessToken.isEmpty());

    // The user tries again once the server is back: a fresh sign-in.
    session.resume();
    QTRY_VERIFY_WITH_TIMEOUT(!session.isBusy(), kWaitMs);
    QVERIFY(!session.lastError());
    QCOMPARE(session.deliveredRows(), qint64(kPaging.pageSize));
    QCOMPARE(m_logins, 3);
}

void TestAuthenticator::wrongPassword()
{
    const QString password = u"wrong-Pa55word"_s;
    Authenticator authenticator(m_network, m_enswitch, connection(true, password));
    QSignalSpy ready(&authenticator, &Authenticator::ready);
    QSignalSpy failed(&authenticator, &Authenticator::failed);
    authenticator.ensureReady();
    QCOMPARE(failed.size(), 0);
    QVERIFY(failed.wait(kWaitMs));
    QCOMPARE(ready.size(), 0);
    const ApiError error = failed.front().front().value<ApiError>();
    QCOMPARE(error.kind, ApiError::Kind::Auth);
    const QString message = error.message();
    QVERIFY2(message.contains(u"Authentication failed"_s), qPrintable(message)); // the server's words
    QVERIFY2(message.contains(u"401"_s), qPrintable(message));
    QVERIFY(!message.contains(password));
    QCOMPARE(m_logins, 1);

    // A search through it reports the same, after one more attempt of its own.
    SearchSession session(authenticator, query());
    const Outcome outcome = run(session, false);
    QVERIFY(outcome.error);
    QCOMPARE(outcome.error->kind, ApiError::Kind::Auth);
    QVERIFY(!outcome.error->message().contains(password));
    QCOMPARE(m_logins, 2);
}

void TestAuthenticator::staleRejectionKeepsToken()
{
    Authenticator authenticator(m_network, m_enswitch, connection());
    QSignalSpy ready(&authenticator, &Authenticator::ready);
    authenticator.ensureReady();
    QVERIFY(ready.wait(kWaitMs));
    const QString token = authenticator.connection().accessToken;

    authenticator.tokenRejected(u"a.token.from-before"_s);
    authenticator.tokenRejected(QString());
    QVERIFY(authenticator.isReady());
    QCOMPARE(authenticator.connection().accessToken, token);

    authenticator.tokenRejected(token);
    QVERIFY(!authenticator.isReady());
    QVERIFY(authenticator.connection().accessToken.isEmpty());
    authenticator.ensureReady();
    QVERIFY(ready.wait(kWaitMs));
    QCOMPARE(m_logins, 2);
}

void TestAuthenticator::transportErrorReportedAsIs()
{
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 port = closed.serverPort();
    closed.close(); // nothing listens there any more

    Connection nowhere = connection();
    nowhere.baseUrl = QUrl(u"http://127.0.0.1:%1"_s.arg(port));
    Authenticator authenticator(m_network, m_enswitch, nowhere);
    QSignalSpy failed(&authenticator, &Authenticator::failed);
    authenticator.ensureReady();
    QVERIFY(failed.wait(kWaitMs));
    const ApiError error = failed.front().front().value<ApiError>();
    QCOMPARE(error.kind, ApiError::Kind::Network);
    QVERIFY(!error.message().contains(nowhere.secret));
}

void TestAuthenticator::oneTimeCodeWithoutReceiver()
{
    FakeEnswitch provider;
    provider.askForCode = true;
    Authenticator authenticator(m_network, provider, connection());
    QSignalSpy failed(&authenticator, &Authenticator::failed);
    authenticator.ensureReady();
    QVERIFY(failed.wait(kWaitMs));
    const ApiError error = failed.front().front().value<ApiError>();
    QCOMPARE(error.kind, ApiError::Kind::SignInIncomplete);
    QVERIFY2(error.message().contains(u"one-time code"_s), qPrintable(error.message()));
    QVERIFY2(error.message().contains(u"cannot ask"_s), qPrintable(error.message()));
    // The password was right: nothing may suggest checking it.
    QVERIFY2(!error.message().contains(u"check the user"_s), qPrintable(error.message()));
    QVERIFY(provider.codes.isEmpty());
    QCOMPARE(m_logins, 1);
}

void TestAuthenticator::oneTimeCode()
{
    FakeEnswitch provider;
    provider.askForCode = true;
    Authenticator authenticator(m_network, provider, connection());
    QSignalSpy codeNeeded(&authenticator, &Authenticator::oneTimeCodeNeeded);
    QSignalSpy ready(&authenticator, &Authenticator::ready);
    QSignalSpy failed(&authenticator, &Authenticator::failed);

    SearchSession session(authenticator, query());
    session.setPagingPolicy(kPaging);
    session.fetchAll();
    QVERIFY(codeNeeded.wait(kWaitMs));
    QVERIFY(!authenticator.isReady());
    QVERIFY(session.isBusy()); // the search waits for the code
    authenticator.ensureReady(); // asking again while the code is awaited changes nothing
    QCOMPARE(m_logins, 1);

    authenticator.submitOneTimeCode(u"123456"_s);
    QVERIFY(ready.wait(kWaitMs));
    QCOMPARE(provider.challenges, QStringList{u"challenge-1"_s});
    QCOMPARE(provider.codes, QStringList{u"123456"_s});
    QCOMPARE(m_logins, 2);
    QTRY_VERIFY_WITH_TIMEOUT(session.atEnd() || session.lastError(), kWaitMs);
    QVERIFY(!session.lastError());
    QCOMPARE(session.deliveredRows(), m_expectedRows);
    QCOMPARE(failed.size(), 0);
    QCOMPARE(codeNeeded.size(), 1);
}

void TestAuthenticator::oneTimeCodeAbandoned()
{
    FakeEnswitch provider;
    provider.askForCode = true;
    Authenticator authenticator(m_network, provider, connection());
    QSignalSpy codeNeeded(&authenticator, &Authenticator::oneTimeCodeNeeded);
    QSignalSpy failed(&authenticator, &Authenticator::failed);
    SearchSession session(authenticator, query());
    QSignalSpy sessionFailed(&session, &SearchSession::failed);
    session.fetchMore();
    QVERIFY(codeNeeded.wait(kWaitMs));

    authenticator.submitOneTimeCode(QString());
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, kWaitMs);
    const ApiError error = failed.front().front().value<ApiError>();
    QCOMPARE(error.kind, ApiError::Kind::SignInIncomplete);
    QVERIFY2(error.message().contains(u"no one-time code was entered"_s), qPrintable(error.message()));
    QVERIFY(error.isRetryable()); // Continue asks for the code again
    QTRY_COMPARE_WITH_TIMEOUT(sessionFailed.size(), 1, kWaitMs);
    QVERIFY(!session.isBusy());
    QVERIFY(provider.codes.isEmpty());
    // A late code for a sign-in no longer waiting does nothing.
    authenticator.submitOneTimeCode(u"123456"_s);
    QVERIFY(provider.codes.isEmpty());
}

QTEST_GUILESS_MAIN(TestAuthenticator)
#include "tst_authenticator.moc"
