// PortSIP sign-in: the requests (sign_in, refresh_token, verify_otp) and every kind of reply.

#include "providers/portsip/portsipprovider.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace {

const QDateTime kNow(QDate(2024, 6, 30), QTime(12, 0), QTimeZone::utc());

Connection demoConnection(const QMap<QString, QString> &options = {}, const QString &password = u"pw"_s)
{
    return {QUrl(u"https://pbx.example.com:8887"_s), u"admin"_s, password, options};
}

QByteArray header(const HttpRequest &request, const QByteArray &name)
{
    for (const auto &[key, value] : request.headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

} // namespace

Q_DECLARE_METATYPE(ApiError::Kind)

class TestPortSipSignIn final : public QObject {
    Q_OBJECT

private slots:
    void signInRequest_data();
    void signInRequest();
    void awkwardPasswordRoundTrips();
    void refreshRequest();
    void oneTimeCodeRequest();

    void tokens_data();
    void tokens();
    void twoFactorChallenge();
    void failures_data();
    void failures();
    void noSecretInErrors();
    void stepsShareOneShape();
};

void TestPortSipSignIn::signInRequest_data()
{
    QTest::addColumn<QString>("domain");
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("no domain") << QString() << QByteArray(R"({"username":"admin","password":"pw"})");
    QTest::newRow("blank domain") << u"  "_s << QByteArray(R"({"username":"admin","password":"pw"})");
    QTest::newRow("domain") << u" sip.example.com "_s
                            << QByteArray(R"({"username":"admin","password":"pw","domain":"sip.example.com"})");
}

void TestPortSipSignIn::signInRequest()
{
    QFETCH(QString, domain);
    QFETCH(QByteArray, body);
    PortSipProvider provider;
    const HttpRequest request = provider.signInRequest(
        demoConnection(domain.isNull() ? QMap<QString, QString>{} : QMap<QString, QString>{{u"domain"_s, domain}}));
    QCOMPARE(request.method, QByteArray("POST"));
    QCOMPARE(request.url.toString(QUrl::FullyEncoded), u"https://pbx.example.com:8887/api/auth/sign_in"_s);
    QCOMPARE(header(request, "Content-Type"), QByteArray("application/json"));
    QVERIFY(header(request, "Authorization").isEmpty());
    QCOMPARE(request.body, body);
}

void TestPortSipSignIn::awkwardPasswordRoundTrips()
{
    PortSipProvider provider;
    const QString password = u"p\"a\\s's&w=o+r%d \u00e9\u5c71 \U0001F511\n\t"_s;
    const HttpRequest request = provider.signInRequest(demoConnection({}, password));
    const QJsonObject parsed = QJsonDocument::fromJson(request.body).object();
    QCOMPARE(parsed.value(u"password"_s).toString(), password);
    QCOMPARE(parsed.value(u"username"_s).toString(), u"admin"_s);
    const QString url = request.url.toString(QUrl::FullyEncoded | QUrl::FullyDecoded);
    QVERIFY(!request.url.hasQuery());
    QVERIFY(!url.contains(u"admin"_s));
}

void TestPortSipSignIn::refreshRequest()
{
    PortSipProvider provider;
    AuthTokens tokens{u"access"_s, u"refresh\"1"_s, kNow};
    const std::optional<HttpRequest> request = provider.refreshRequest(demoConnection(), tokens);
    QVERIFY(request);
    QCOMPARE(request->method, QByteArray("POST"));
    QCOMPARE(request->url.toString(QUrl::FullyEncoded), u"https://pbx.example.com:8887/api/auth/refresh_token"_s);
    QCOMPARE(request->body, QByteArray(R"({"refresh_token":"refresh\"1"})"));
    QCOMPARE(header(*request, "Content-Type"), QByteArray("application/json"));
    QVERIFY(!request->body.contains("pw"));

    tokens.refreshToken.clear();
    QVERIFY(!provider.refreshRequest(demoConnection(), tokens));
}

void TestPortSipSignIn::oneTimeCodeRequest()
{
    PortSipProvider provider;
    const HttpRequest request = provider.oneTimeCodeRequest(demoConnection(), u"chal-123"_s, u" 654321 "_s);
    QCOMPARE(request.method, QByteArray("POST"));
    QCOMPARE(request.url.toString(QUrl::FullyEncoded), u"https://pbx.example.com:8887/api/auth/verify_otp"_s);
    QCOMPARE(request.body, QByteArray(R"({"token":"chal-123","code":"654321"})"));
}

void TestPortSipSignIn::tokens_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("access");
    QTest::addColumn<QString>("refresh");
    QTest::addColumn<qint64>("expiresIn"); // -1: no expiry known

    QTest::newRow("full") << QByteArray(R"({"token_type":"Bearer","access_token":"a.b.c","refresh_token":"r1",)"
                                        R"("expires_in":3600})")
                          << u"a.b.c"_s << u"r1"_s << qint64(3600);
    QTest::newRow("1800 as text") << QByteArray(R"({"access_token":"x","refresh_token":"y","expires_in":"1800"})")
                                  << u"x"_s << u"y"_s << qint64(1800);
    QTest::newRow("no refresh token") << QByteArray(R"({"access_token":"x","expires_in":60})") << u"x"_s << QString()
                                      << qint64(60);
    QTest::newRow("null refresh token") << QByteArray(R"({"access_token":"x","refresh_token":null})") << u"x"_s
                                        << QString() << qint64(-1);
    QTest::newRow("no expiry") << QByteArray(R"({"access_token":"x","refresh_token":""})") << u"x"_s << QString()
                               << qint64(-1);
    QTest::newRow("zero expiry") << QByteArray(R"({"access_token":"x","expires_in":0})") << u"x"_s << QString()
                                 << qint64(-1);
    QTest::newRow("extra fields") << QByteArray(R"({"access_token":"x","expires_in":5.0,"role":"Admin","u":{"a":1}})")
                                  << u"x"_s << QString() << qint64(5);
    QTest::newRow("tokens win over a 2FA flag")
        << QByteArray(R"({"two_factor_enabled":false,"access_token":"x","token":"t"})") << u"x"_s << QString()
        << qint64(-1);
}

void TestPortSipSignIn::tokens()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, access);
    QFETCH(QString, refresh);
    QFETCH(qint64, expiresIn);
    PortSipProvider provider;
    const SignInResult result = provider.parseSignIn(SignInStep::SignIn, 200, body, kNow);
    QVERIFY(!result.error);
    QVERIFY(result.oneTimeCodeChallenge.isEmpty());
    QVERIFY(result.tokens);
    QCOMPARE(result.tokens->accessToken, access);
    QCOMPARE(result.tokens->refreshToken, refresh);
    if (expiresIn < 0) {
        QVERIFY(!result.tokens->expiresAtUtc);
    } else {
        QVERIFY(result.tokens->expiresAtUtc);
        QCOMPARE(*result.tokens->expiresAtUtc, kNow.addSecs(expiresIn));
        QCOMPARE(result.tokens->expiresAtUtc->timeZone(), QTimeZone::utc());
    }
}

void TestPortSipSignIn::twoFactorChallenge()
{
    PortSipProvider provider;
    SignInResult result
        = provider.parseSignIn(SignInStep::SignIn, 200, R"({"two_factor_enabled":true,"token":"otp-chal"})", kNow);
    QVERIFY(!result.error);
    QVERIFY(!result.tokens);
    QCOMPARE(result.oneTimeCodeChallenge, u"otp-chal"_s);

    // A flag without a token cannot be finished: that is an unreadable reply, not a challenge.
    result = provider.parseSignIn(SignInStep::SignIn, 200, R"({"two_factor_enabled":true,"token":""})", kNow);
    QVERIFY(result.oneTimeCodeChallenge.isEmpty());
    QVERIFY(result.error);
    QCOMPARE(result.error->kind, ApiError::Kind::Parse);
}

void TestPortSipSignIn::failures_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<ApiError::Kind>("kind");
    QTest::addColumn<QString>("providerMessage");

    QTest::newRow("bad password (400)")
        << 400
        << QByteArray(
               R"({"errors":[{"code":"UNAUTHORIZED","message":"Login failed, authentication error","detail":""}]})")
        << ApiError::Kind::Auth << u"UNAUTHORIZED: Login failed, authentication error"_s;
    QTest::newRow("401 empty") << 401 << QByteArray() << ApiError::Kind::Auth << QString();
    QTest::newRow("403 unknown code")
        << 403 << QByteArray(R"({"errors":[{"code":"ACCOUNT_LOCKED","message":"Locked","detail":"10 failures"}]})")
        << ApiError::Kind::Auth << u"ACCOUNT_LOCKED: Locked (10 failures)"_s;
    QTest::newRow("wrong otp") << 400
                               << QByteArray(R"({"errors":[{"code":"VALIDATE_FAILED","message":"Invalid code"}]})")
                               << ApiError::Kind::Auth << u"VALIDATE_FAILED: Invalid code"_s;
    QTest::newRow("envelope on 200") << 200
                                     << QByteArray(R"({"errors":[{"code":"UNKNOWN","message":"Tenant disabled"}]})")
                                     << ApiError::Kind::Auth << u"UNKNOWN: Tenant disabled"_s;
    QTest::newRow("throttled") << 429 << QByteArray() << ApiError::Kind::RateLimited << QString();
    QTest::newRow("unavailable") << 503 << QByteArray("<html>busy</html>") << ApiError::Kind::RateLimited << QString();
    QTest::newRow("server error") << 500 << QByteArray(R"({"errors":[{"code":"UNKNOWN","message":"boom"}]})")
                                  << ApiError::Kind::Http << u"UNKNOWN: boom"_s;
    QTest::newRow("garbage") << 200 << QByteArray("<html>Welcome</html>") << ApiError::Kind::Parse << QString();
    QTest::newRow("empty 200") << 200 << QByteArray() << ApiError::Kind::Parse << QString();
    QTest::newRow("array") << 200 << QByteArray("[1,2]") << ApiError::Kind::Parse << QString();
    QTest::newRow("no token") << 200 << QByteArray(R"({"token_type":"Bearer","expires_in":3600})")
                              << ApiError::Kind::Parse << QString();
    QTest::newRow("token not text") << 200 << QByteArray(R"({"access_token":{"v":1}})") << ApiError::Kind::Parse
                                    << QString();
}

void TestPortSipSignIn::failures()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(ApiError::Kind, kind);
    QFETCH(QString, providerMessage);
    PortSipProvider provider;
    const SignInResult result = provider.parseSignIn(SignInStep::SignIn, status, body, kNow);
    QVERIFY(!result.tokens);
    QVERIFY(result.oneTimeCodeChallenge.isEmpty());
    QVERIFY(result.error);
    QCOMPARE(result.error->kind, kind);
    QCOMPARE(result.error->providerMessage, providerMessage);
    QVERIFY(!result.error->message().isEmpty());
    if (status != 200)
        QCOMPARE(result.error->httpStatus, status);
}

void TestPortSipSignIn::noSecretInErrors()
{
    PortSipProvider provider;
    // Cut off in the middle of a token: the error must not quote what it read.
    const QByteArray body = R"({"access_token":"eyJSECRETTOKENPART","refresh_token":"eyJREFRESH)";
    const SignInResult result = provider.parseSignIn(SignInStep::SignIn, 200, body, kNow);
    QVERIFY(result.error);
    QCOMPARE(result.error->kind, ApiError::Kind::Parse);
    const QString message = result.error->message();
    QVERIFY2(!message.contains(u"SECRET"_s) && !message.contains(u"REFRESH"_s), qPrintable(message));
}

void TestPortSipSignIn::stepsShareOneShape()
{
    PortSipProvider provider;
    const QByteArray body = R"({"access_token":"n","refresh_token":"m","expires_in":1800})";
    for (const SignInStep step : {SignInStep::SignIn, SignInStep::Refresh, SignInStep::OneTimeCode}) {
        const SignInResult result = provider.parseSignIn(step, 200, body, kNow);
        QVERIFY(result.tokens);
        QCOMPARE(result.tokens->refreshToken, u"m"_s);
    }
    // A rejected refresh token is an authentication failure: the Authenticator signs in again.
    const SignInResult refused = provider.parseSignIn(
        SignInStep::Refresh, 401, R"({"errors":[{"code":"UNAUTHORIZED","message":"Invalid refresh token"}]})", kNow);
    QVERIFY(refused.error);
    QCOMPARE(refused.error->kind, ApiError::Kind::Auth);
}

QTEST_GUILESS_MAIN(TestPortSipSignIn)
#include "tst_portsipsignin.moc"
