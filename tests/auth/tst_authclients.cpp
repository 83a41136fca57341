// What sits on the Authenticator besides searches: the detail pane's record
// fetch (signs in, retries once after a rejected token) and the profile dialog's
// connection test (one-time codes passed through, certificate failures told apart).

#include "authenticator.h"
#include "connectiontest.h"
#include "fakeproviders.h"
#include "providers/enswitch/enswitchprovider.h"
#include "recordfetch.h"
#include "searchsession.h"
#include "simulator.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

const QDateTime kNow(QDate(2024, 6, 30), QTime(12, 0), QTimeZone::utc());
constexpr int kWaitMs = 20000;

} // namespace

class TestAuthClients final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void recordFetchSignsIn_data();
    void recordFetchSignsIn();
    void recordFetchSharesSignIn();
    void recordFetchRetriesRejectedTokenOnce();
    void recordFetchReportsFailedSignIn();

    void connectionTestWithToken();
    void connectionTestWrongPassword();
    void connectionTestOneTimeCode();
    void connectionTestOneTimeCodeWithoutReceiver();
    void connectionTestCertificate();

private:
    Connection connection(bool tokenSignIn = true, const QString &password = {}) const;
    RecordResult fetch(RecordFetch &fetch);

    cdrsim::Simulator m_simulator;
    QNetworkAccessManager m_network;
    EnswitchProvider m_enswitch;
    int m_logins = 0;
    QString m_id; // a call the demo account can see
};

void TestAuthClients::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_simulator.setNow(kNow);
    QVERIFY(m_simulator.listen(0));
    connect(&m_simulator, &cdrsim::Simulator::requestServed, this, [this](const QString &, const QString &path, int) {
        if (path.endsWith(u"/user/login/"_s))
            ++m_logins;
    });

    SearchQuery query;
    query.since = kNow.addDays(-130);
    SearchSession search(m_network, m_enswitch, connection(false), query.resolved(kNow, m_enswitch.timeRange()));
    connect(&search, &SearchSession::rowsArrived, this, [this](const std::vector<CdrRecord> &rows) {
        if (m_id.isEmpty() && !rows.empty())
            m_id = rows.front().id;
    });
    search.fetchMore();
    QTRY_VERIFY_WITH_TIMEOUT(!search.isBusy(), kWaitMs);
    QVERIFY(!m_id.isEmpty());
}

void TestAuthClients::init()
{
    m_simulator.setEnswitchTokenLifetime(3600s);
    m_simulator.failEnswitch(0, QString());
    m_logins = 0;
}

Connection TestAuthClients::connection(bool tokenSignIn, const QString &password) const
{
    const cdrsim::EnswitchAccount account = cdrsim::Simulator::enswitchDemoAccount();
    Connection result{m_simulator.baseUrl(), account.username, password.isEmpty() ? account.password : password};
    if (tokenSignIn)
        result.options.insert(u"tokenSignIn"_s, u"1"_s);
    return result;
}

RecordResult TestAuthClients::fetch(RecordFetch &fetch)
{
    QSignalSpy finished(&fetch, &RecordFetch::finished);
    fetch.start();
    if (!finished.wait(kWaitMs) || finished.size() != 1)
        return {};
    return finished.front().front().value<RecordResult>();
}

void TestAuthClients::recordFetchSignsIn_data()
{
    QTest::addColumn<bool>("tokenSignIn");
    QTest::addColumn<int>("logins");
    QTest::newRow("password on each request") << false << 0;
    QTest::newRow("token sign-in") << true << 1;
}

void TestAuthClients::recordFetchSignsIn()
{
    QFETCH(bool, tokenSignIn);
    QFETCH(int, logins);
    RecordFetch record(m_network, m_enswitch, connection(tokenSignIn), m_id);
    const RecordResult result = fetch(record);
    QVERIFY2(result.record, qPrintable(result.error ? result.error->message() : u"no answer"_s));
    QCOMPARE(result.record->id, m_id);
    QCOMPARE(m_logins, logins);
    QVERIFY(!record.isRunning());
}

void TestAuthClients::recordFetchSharesSignIn()
{
    Authenticator authenticator(m_network, m_enswitch, connection());
    RecordFetch first(authenticator, m_id);
    RecordFetch second(authenticator, m_id);
    QSignalSpy firstDone(&first, &RecordFetch::finished);
    QSignalSpy secondDone(&second, &RecordFetch::finished);
    first.start();
    second.start();
    QVERIFY(first.isRunning()); // waiting for the sign-in counts
    QTRY_VERIFY_WITH_TIMEOUT(firstDone.size() == 1 && secondDone.size() == 1, kWaitMs);
    QVERIFY(firstDone.front().front().value<RecordResult>().record);
    QVERIFY(secondDone.front().front().value<RecordResult>().record);
    QCOMPARE(m_logins, 1);
}

void TestAuthClients::recordFetchRetriesRejectedTokenOnce()
{
    Authenticator authenticator(m_network, m_enswitch, connection());
    QSignalSpy ready(&authenticator, &Authenticator::ready);
    authenticator.ensureReady();
    QVERIFY(ready.wait(kWaitMs));

    m_simulator.failEnswitch(1, u"401"_s);
    RecordFetch record(authenticator, m_id);
    const RecordResult result = fetch(record);
    QVERIFY2(result.record, qPrintable(result.error ? result.error->message() : u"no answer"_s));
    QCOMPARE(m_logins, 2);

    // Rejected after the new sign-in too (the server hands out expired tokens):
    // the user sees it, there is no third attempt.
    m_simulator.setEnswitchTokenLifetime(0s);
    authenticator.tokenRejected(authenticator.connection().accessToken);
    RecordFetch again(authenticator, m_id);
    const RecordResult refused = fetch(again);
    QVERIFY(refused.error);
    QCOMPARE(refused.error->kind, ApiError::Kind::Auth);
    QCOMPARE(m_logins, 4);

    // The sign-in after a rejection is refused as well: reported as it came.
    m_simulator.setEnswitchTokenLifetime(3600s);
    authenticator.tokenRejected(authenticator.connection().accessToken);
    authenticator.ensureReady();
    QVERIFY(ready.wait(kWaitMs));
    m_simulator.failEnswitch(2, u"401"_s);
    RecordFetch third(authenticator, m_id);
    const RecordResult failedSignIn = fetch(third);
    QVERIFY(failedSignIn.error);
    QCOMPARE(failedSignIn.error->kind, ApiError::Kind::Auth);
    QCOMPARE(m_logins, 6);
}

void TestAuthClients::recordFetchReportsFailedSignIn()
{
    const QString password = u"not-the-password"_s;
    RecordFetch record(m_network, m_enswitch, connection(true, password), m_id);
    const RecordResult result = fetch(record);
    QVERIFY(!result.record);
    QVERIFY(result.error);
    QCOMPARE(result.error->kind, ApiError::Kind::Auth);
    QVERIFY2(result.error->message().contains(u"Authentication failed"_s), qPrintable(result.error->message()));
    QVERIFY(!result.error->message().contains(password));
    QCOMPARE(m_logins, 1);
}

void TestAuthClients::connectionTestWithToken()
{
    ConnectionTest test(m_network, m_enswitch, connection());
    QSignalSpy succeeded(&test, &ConnectionTest::succeeded);
    QSignalSpy failed(&test, &ConnectionTest::failed);
    test.start();
    QTRY_VERIFY_WITH_TIMEOUT(!succeeded.isEmpty() || !failed.isEmpty(), kWaitMs);
    QVERIFY2(failed.isEmpty(), qPrintable(failed.isEmpty() ? QString() : failed.front().front().toString()));
    QVERIFY(succeeded.front().front().toString().startsWith(u"Connected"_s));
    QCOMPARE(m_logins, 1);
}

void TestAuthClients::connectionTestWrongPassword()
{
    const QString password = u"Wr0ng-password"_s;
    ConnectionTest test(m_network, m_enswitch, connection(true, password));
    QSignalSpy failed(&test, &ConnectionTest::failed);
    QSignalSpy certificate(&test, &ConnectionTest::certificateRejected);
    test.start();
    QVERIFY(failed.wait(kWaitMs));
    const QString message = failed.front().front().toString();
    QVERIFY2(message.contains(u"Authentication failed"_s), qPrintable(message));
    QVERIFY(!message.contains(password));
    QVERIFY(certificate.isEmpty());
    QVERIFY(!test.isRunning());
}

void TestAuthClients::connectionTestOneTimeCode()
{
    FakeEnswitch provider;
    provider.askForCode = true;
    ConnectionTest test(m_network, provider, connection());
    QSignalSpy codeNeeded(&test, &ConnectionTest::oneTimeCodeNeeded);
    QSignalSpy succeeded(&test, &ConnectionTest::succeeded);
    QSignalSpy failed(&test, &ConnectionTest::failed);
    test.start();
    QVERIFY(codeNeeded.wait(kWaitMs));
    QVERIFY(test.isRunning());
    test.submitOneTimeCode(u"654321"_s);
    QTRY_VERIFY_WITH_TIMEOUT(!succeeded.isEmpty() || !failed.isEmpty(), kWaitMs);
    QVERIFY2(failed.isEmpty(), qPrintable(failed.isEmpty() ? QString() : failed.front().front().toString()));
    QCOMPARE(provider.codes, QStringList{u"654321"_s});
    QCOMPARE(m_logins, 2);
}

void TestAuthClients::connectionTestOneTimeCodeWithoutReceiver()
{
    FakeEnswitch provider;
    provider.askForCode = true;
    ConnectionTest test(m_network, provider, connection());
    QSignalSpy failed(&test, &ConnectionTest::failed);
    test.start();
    QVERIFY(failed.wait(kWaitMs));
    const QString message = failed.front().front().toString();
    QVERIFY2(message.contains(u"one-time code"_s), qPrintable(message));
    QVERIFY(provider.codes.isEmpty());
}

void TestAuthClients::connectionTestCertificate()
{
    FakeEnswitch provider;
    provider.certificateOnPages = true;
    ConnectionTest test(m_network, provider, connection(false));
    QStringList order;
    connect(&test, &ConnectionTest::certificateRejected, this, [&order](const ApiError &error) {
        QCOMPARE(error.kind, ApiError::Kind::Certificate);
        QVERIFY(error.certificate);
        QCOMPARE(error.certificate->sha256, QByteArray("ab12"));
        order.append(u"certificate"_s);
    });
    connect(&test, &ConnectionTest::failed, this, [&order](const QString &) { order.append(u"failed"_s); });
    test.start();
    QTRY_COMPARE_WITH_TIMEOUT(order.size(), 2, kWaitMs);
    // The dialog stops listening on failed(), so the certificate comes first.
    QCOMPARE(order, (QStringList{u"certificate"_s, u"failed"_s}));
}

QTEST_GUILESS_MAIN(TestAuthClients)
#include "tst_authclients.moc"
