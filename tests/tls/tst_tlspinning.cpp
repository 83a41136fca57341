// Certificate pinning end to end: the simulator serves HTTPS with one of its two
// fixed self-signed certificates and HttpTransport talks to it over loopback.
#include "httptransport.h"
#include "provider.h"
#include "providerregistry.h"
#include "searchsession.h"
#include "simulator.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QStandardPaths>
#include <QTest>
#include <QTimeZone>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

// Taken from `openssl x509 -noout -fingerprint -sha256` on the fixture files, not
// from Qt, so the test checks the fingerprint we compute against an outside source.
const QByteArray fingerprint0 = "6c3fb897800a0f23e7b3e2ca2b3ed77cc1c7ea6addd1d073bc08ee334f79434d";
const QByteArray fingerprint1 = "43e4fb29f96f39e52175714f1157104cbbbc48f262a6418b00aa02604a6f6fcc";
const QString grouped0
    = u"6C:3F:B8:97:80:0A:0F:23:E7:B3:E2:CA:2B:3E:D7:7C:C1:C7:EA:6A:DD:D1:D0:73:BC:08:EE:33:4F:79:43:4D"_s;
const QByteArray fingerprintExpired = "6fe3d33d393967028dc1dbae77fea9cbfbb1fac2e7f3de3e14669b6c741e8740";
const QString grouped1
    = u"43:E4:FB:29:F9:6F:39:E5:21:75:71:4F:11:57:10:4C:BB:BC:48:F2:62:A6:41:8B:00:AA:02:60:4A:6F:6F:CC"_s;

const Provider &plivo()
{
    const Provider *provider = ProviderRegistry::find(u"plivo"_s);
    Q_ASSERT(provider);
    return *provider;
}

} // namespace

class TestTlsPinning final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void fixturesLoad();
    void unpinnedSelfSignedIsRefused();
    void pinnedCertificateLetsRowsThrough_data();
    void pinnedCertificateLetsRowsThrough();
    void otherPinnedCertificateIsRefused();
    void pinCoversHostNameMismatch();
    void pinDoesNotCoverExpiry_data();
    void pinDoesNotCoverExpiry();
    void plainHttpUnaffected_data();
    void plainHttpUnaffected();
    void messageNamesCertificateNeverSecret();
    void reusedConnectionDoesNotBypassPin();
    void verifiedCertificateNeedsNoPin();
    void searchSessionOverTls();

private:
    std::unique_ptr<cdrsim::Simulator> startSimulator(std::optional<int> tlsVariant);
    Connection connection(const cdrsim::Simulator &simulator, const QByteArray &pin = {}) const;
    HttpTransport::Outcome fetchPage(const Connection &connection);

    std::unique_ptr<QNetworkAccessManager> m_network;
    const QDateTime m_now = QDateTime(QDate(2024, 3, 1), QTime(12, 0), QTimeZone::utc());
};

void TestTlsPinning::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestTlsPinning::init()
{
    // A fresh manager per test: an open connection from an earlier test must not hide a handshake.
    m_network = std::make_unique<QNetworkAccessManager>();
}

std::unique_ptr<cdrsim::Simulator> TestTlsPinning::startSimulator(std::optional<int> tlsVariant)
{
    auto simulator = std::make_unique<cdrsim::Simulator>();
    simulator->setNow(m_now);
    simulator->setPlivoRateLimit(0, std::chrono::milliseconds(0));
    simulator->setPlivoCallCount(50);
    if (tlsVariant)
        simulator->setTls(
            cdrsim::Simulator::selfSignedCertificate(*tlsVariant), cdrsim::Simulator::selfSignedKey(*tlsVariant));
    if (!simulator->listen(0))
        return nullptr;
    return simulator;
}

Connection TestTlsPinning::connection(const cdrsim::Simulator &simulator, const QByteArray &pin) const
{
    const cdrsim::PlivoAccount account = cdrsim::Simulator::demoAccount();
    Connection result{simulator.baseUrl(), account.authId, account.authToken};
    result.pinnedCertificateSha256 = pin;
    return result;
}

HttpTransport::Outcome TestTlsPinning::fetchPage(const Connection &connection)
{
    const SearchQuery query = SearchQuery{}.resolved(m_now, plivo().timeRange());
    QNetworkReply *reply = HttpTransport::send(*m_network, plivo().pageRequest(connection, query, 0, 20), connection);
    QSignalSpy done(reply, &QNetworkReply::finished);
    if (!reply->isFinished() && !done.wait(10000))
        qWarning("no reply within 10 s");
    HttpTransport::Outcome outcome = HttpTransport::read(*reply);
    reply->deleteLater();
    return outcome;
}

void TestTlsPinning::fixturesLoad()
{
    for (int variant : {0, 1}) {
        const QSslCertificate certificate = cdrsim::Simulator::selfSignedCertificate(variant);
        QVERIFY(!certificate.isNull());
        QVERIFY(!cdrsim::Simulator::selfSignedKey(variant).isNull());
        QCOMPARE(certificate.digest(QCryptographicHash::Sha256).toHex(), variant == 0 ? fingerprint0 : fingerprint1);
        QVERIFY(certificate.isSelfSigned());
        QVERIFY(certificate.expiryDate() > QDateTime(QDate(2099, 1, 1), QTime(0, 0), QTimeZone::utc()));
    }
    const auto simulator = startSimulator(0);
    QVERIFY(simulator);
    QCOMPARE(simulator->baseUrl().scheme(), u"https"_s);
    QCOMPARE(simulator->baseUrl().host(), u"127.0.0.1"_s);
}

void TestTlsPinning::unpinnedSelfSignedIsRefused()
{
    const auto simulator = startSimulator(0);
    QVERIFY(simulator);
    const HttpTransport::Outcome outcome = fetchPage(connection(*simulator));

    QVERIFY(!outcome.isSuccess());
    QCOMPARE(outcome.httpStatus, 0);
    QVERIFY(outcome.body.isEmpty());
    QVERIFY(outcome.transportError);
    const ApiError &error = *outcome.transportError;
    QCOMPARE(error.kind, ApiError::Kind::Certificate);
    QVERIFY(!error.isRetryable());
    QVERIFY(error.certificate);
    const CertificateInfo &info = *error.certificate;
    QCOMPARE(info.sha256, fingerprint0);
    QCOMPARE(info.subject, u"CN=127.0.0.1, O=CDR Browser test fixture 0"_s);
    QCOMPARE(info.issuer, info.subject);
    QCOMPARE(info.pem, cdrsim::Simulator::selfSignedCertificate(0).toPem());
    QVERIFY(info.pinnedSha256.isEmpty());
    QVERIFY(info.pinnable);
    QVERIFY(!info.problems.isEmpty());
    QVERIFY2(info.problems.join(u' ').contains(u"self signed"_s, Qt::CaseInsensitive)
            || info.problems.join(u' ').contains(u"self-signed"_s, Qt::CaseInsensitive),
        qPrintable(info.problems.join(u" | "_s)));
    // The handshake failed, so no HTTP request (and no credential) reached the server.
    QCOMPARE(simulator->requestCount(), 0);
}

void TestTlsPinning::pinnedCertificateLetsRowsThrough_data()
{
    QTest::addColumn<QByteArray>("pin");
    QTest::newRow("lowercase hex") << fingerprint0;
    QTest::newRow("uppercase hex") << fingerprint0.toUpper();
    QTest::newRow("grouped with colons") << grouped0.toLatin1();
}

void TestTlsPinning::pinnedCertificateLetsRowsThrough()
{
    QFETCH(QByteArray, pin);
    const auto simulator = startSimulator(0);
    QVERIFY(simulator);
    const HttpTransport::Outcome outcome = fetchPage(connection(*simulator, pin));

    QVERIFY2(
        outcome.isSuccess(), outcome.transportError ? qPrintable(outcome.transportError->message()) : "HTTP error");
    QCOMPARE(outcome.httpStatus, 200);
    const PageResult page = plivo().parsePage(outcome.body);
    QVERIFY(!page.error);
    QCOMPARE(page.rows.size(), size_t(20));
    QCOMPARE(simulator->requestCount(), 1);
}

void TestTlsPinning::otherPinnedCertificateIsRefused()
{
    const auto simulator = startSimulator(0);
    QVERIFY(simulator);
    const HttpTransport::Outcome outcome = fetchPage(connection(*simulator, fingerprint1));

    QVERIFY(outcome.transportError);
    QCOMPARE(outcome.transportError->kind, ApiError::Kind::Certificate);
    QVERIFY(outcome.body.isEmpty());
    const CertificateInfo &info = *outcome.transportError->certificate;
    QCOMPARE(info.sha256, fingerprint0);
    QCOMPARE(info.pinnedSha256, fingerprint1);
    QCOMPARE(simulator->requestCount(), 0);
}

void TestTlsPinning::pinCoversHostNameMismatch()
{
    // The certificate names 127.0.0.1 only; "localhost" reaches the same server under
    // another name. The user pinned these exact bytes for the profile, so the name no longer matters.
    const auto simulator = startSimulator(0);
    QVERIFY(simulator);
    Connection unpinned = connection(*simulator);
    unpinned.baseUrl.setHost(u"localhost"_s);
    const HttpTransport::Outcome refused = fetchPage(unpinned);
    QVERIFY(refused.transportError);
    QCOMPARE(refused.transportError->kind, ApiError::Kind::Certificate);
    QVERIFY(refused.transportError->certificate->pinnable);
    QVERIFY2(refused.transportError->certificate->problems.size() >= 2,
        qPrintable(refused.transportError->certificate->problems.join(u" | "_s)));

    m_network = std::make_unique<QNetworkAccessManager>();
    Connection pinned = unpinned;
    pinned.pinnedCertificateSha256 = fingerprint0;
    const HttpTransport::Outcome outcome = fetchPage(pinned);
    QVERIFY2(outcome.isSuccess(), outcome.transportError ? qPrintable(outcome.transportError->message()) : "");
}

void TestTlsPinning::pinDoesNotCoverExpiry_data()
{
    QTest::addColumn<QByteArray>("pin");
    QTest::newRow("no pin") << QByteArray();
    QTest::newRow("pinned, the same certificate") << fingerprintExpired;
}

void TestTlsPinning::pinDoesNotCoverExpiry()
{
    // An expired certificate stays refused even when its own fingerprint is pinned:
    // the server's administrator has to renew it, trusting it again cannot help.
    QFETCH(QByteArray, pin);
    const auto simulator = startSimulator(2);
    QVERIFY(simulator);
    const HttpTransport::Outcome outcome = fetchPage(connection(*simulator, pin));
    QVERIFY(outcome.transportError);
    QCOMPARE(outcome.transportError->kind, ApiError::Kind::Certificate);
    const CertificateInfo &info = *outcome.transportError->certificate;
    QCOMPARE(info.sha256, fingerprintExpired);
    QVERIFY(!info.pinnable);
    QVERIFY(info.pinnedSha256.isEmpty()); // the pin matched: it is not a changed certificate
    QVERIFY2(info.problems.join(u' ').contains(u"expired"_s), qPrintable(info.problems.join(u" | "_s)));
    QVERIFY(outcome.transportError->message().contains(u"expired"_s));
    QCOMPARE(simulator->requestCount(), 0);
}

void TestTlsPinning::plainHttpUnaffected_data()
{
    QTest::addColumn<QByteArray>("pin");
    QTest::newRow("no pin") << QByteArray();
    QTest::newRow("a pin, unused over HTTP") << fingerprint1;
}

void TestTlsPinning::plainHttpUnaffected()
{
    QFETCH(QByteArray, pin);
    const auto simulator = startSimulator(std::nullopt);
    QVERIFY(simulator);
    QCOMPARE(simulator->baseUrl().scheme(), u"http"_s);
    const HttpTransport::Outcome outcome = fetchPage(connection(*simulator, pin));
    QVERIFY(outcome.isSuccess());
    QCOMPARE(plivo().parsePage(outcome.body).rows.size(), size_t(20));
}

void TestTlsPinning::messageNamesCertificateNeverSecret()
{
    const auto simulator = startSimulator(0);
    QVERIFY(simulator);
    const cdrsim::PlivoAccount account = cdrsim::Simulator::demoAccount();

    const HttpTransport::Outcome untrusted = fetchPage(connection(*simulator));
    QVERIFY(untrusted.transportError);
    const QString first = untrusted.transportError->message();
    QVERIFY2(first.contains(grouped0), qPrintable(first));
    QVERIFY2(first.contains(u"CN=127.0.0.1, O=CDR Browser test fixture 0"_s), qPrintable(first));
    QVERIFY2(first.contains(u"not trusted"_s), qPrintable(first));
    QVERIFY(!first.contains(grouped1));
    QVERIFY(!first.contains(account.authToken));
    QVERIFY(!first.contains(u'\n'));

    const HttpTransport::Outcome changed = fetchPage(connection(*simulator, fingerprint1));
    QVERIFY(changed.transportError);
    const QString second = changed.transportError->message();
    QVERIFY2(second.contains(u"changed"_s), qPrintable(second));
    QVERIFY2(second.contains(grouped0), qPrintable(second));
    QVERIFY2(second.contains(grouped1), qPrintable(second));
    QVERIFY(!second.contains(account.authToken));
    QVERIFY(!second.contains(u'\n'));
}

void TestTlsPinning::reusedConnectionDoesNotBypassPin()
{
    // One manager for all three requests, as in the application: the second and third
    // may ride on the connection the first opened without any new handshake.
    const auto simulator = startSimulator(0);
    QVERIFY(simulator);
    QVERIFY(fetchPage(connection(*simulator, fingerprint0)).isSuccess());

    const HttpTransport::Outcome unpinned = fetchPage(connection(*simulator));
    QVERIFY(unpinned.transportError);
    QCOMPARE(unpinned.transportError->kind, ApiError::Kind::Certificate);
    QVERIFY(unpinned.body.isEmpty());
    QCOMPARE(unpinned.transportError->certificate->sha256, fingerprint0);
    QVERIFY(unpinned.transportError->certificate->pinnedSha256.isEmpty());

    const HttpTransport::Outcome otherPin = fetchPage(connection(*simulator, fingerprint1));
    QVERIFY(otherPin.transportError);
    QCOMPARE(otherPin.transportError->kind, ApiError::Kind::Certificate);
    QCOMPARE(otherPin.transportError->certificate->pinnedSha256, fingerprint1);

    QVERIFY(fetchPage(connection(*simulator, fingerprint0)).isSuccess());
}

void TestTlsPinning::verifiedCertificateNeedsNoPin()
{
    // With the fixture in the trust store the certificate verifies: no pin is needed,
    // and a stale pin for another certificate does not get in the way.
    const QSslConfiguration original = QSslConfiguration::defaultConfiguration();
    QSslConfiguration trusting = original;
    trusting.addCaCertificate(cdrsim::Simulator::selfSignedCertificate(0));
    QSslConfiguration::setDefaultConfiguration(trusting);
    const auto restore = qScopeGuard([&original] { QSslConfiguration::setDefaultConfiguration(original); });

    const auto simulator = startSimulator(0);
    QVERIFY(simulator);
    for (const QByteArray &pin : {QByteArray(), fingerprint1}) {
        m_network = std::make_unique<QNetworkAccessManager>();
        const HttpTransport::Outcome outcome = fetchPage(connection(*simulator, pin));
        QVERIFY2(outcome.isSuccess(), outcome.transportError ? qPrintable(outcome.transportError->message()) : "");
    }
}

void TestTlsPinning::searchSessionOverTls()
{
    const auto simulator = startSimulator(0);
    QVERIFY(simulator);
    const SearchQuery query = SearchQuery{}.resolved(m_now, plivo().timeRange());

    SearchSession refused(*m_network, plivo(), connection(*simulator), query);
    QSignalSpy failed(&refused, &SearchSession::failed);
    refused.fetchMore();
    QVERIFY(failed.wait(10000));
    QCOMPARE(failed.first().first().value<ApiError>().kind, ApiError::Kind::Certificate);
    QCOMPARE(refused.deliveredRows(), 0);

    QNetworkAccessManager network; // a new connection, so the pin is checked in a handshake
    SearchSession pinned(network, plivo(), connection(*simulator, fingerprint0), query);
    QSignalSpy finished(&pinned, &SearchSession::finished);
    QSignalSpy pinnedFailed(&pinned, &SearchSession::failed);
    pinned.fetchAll();
    QVERIFY(finished.wait(20000));
    QVERIFY(pinnedFailed.isEmpty());
    QCOMPARE(pinned.deliveredRows(), 50);
}

QTEST_GUILESS_MAIN(TestTlsPinning)
#include "tst_tlspinning.moc"
