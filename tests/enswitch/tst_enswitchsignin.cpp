// Enswitch token sign-in: the profile option, the user/login request, what the
// token replaces in later requests, and the login reply read (golden files).

#include "providers/enswitch/enswitchprovider.h"

#include <QFile>
#include <QTest>
#include <QTimeZone>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace {

const QDateTime kNow(QDate(2024, 6, 30), QTime(12, 0), QTimeZone::utc());
const QString kPassword = u"p@ss+w&rd;=x"_s;
const QString kToken = u"eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2ln-_"_s;

QByteArray readData(const QString &name)
{
    QFile file(QStringLiteral(CDR_TEST_DATA_DIR "/enswitch/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open %s", qPrintable(file.fileName()));
    return file.readAll();
}

Connection tokenConnection(const QString &accessToken = {})
{
    Connection connection{QUrl(u"https://enswitch.example.com"_s), u"alice"_s, kPassword};
    connection.options.insert(u"tokenSignIn"_s, u"1"_s);
    connection.accessToken = accessToken;
    return connection;
}

QUrlQuery formOf(const HttpRequest &request)
{
    return QUrlQuery(QString::fromLatin1(request.body));
}

} // namespace

class TestEnswitchSignIn final : public QObject {
    Q_OBJECT

private slots:
    void tokenOption();
    void signsIn_data();
    void signsIn();
    void loginRequest();
    void noRefresh();
    void tokenReplacesPassword_data();
    void tokenReplacesPassword();

    void parseLogin_data();
    void parseLogin();
    void loginErrors_data();
    void loginErrors();

private:
    EnswitchProvider m_provider;
};

void TestEnswitchSignIn::tokenOption()
{
    const QList<ProfileOption> options = m_provider.profileFields().options;
    QCOMPARE(options.size(), 1);
    const ProfileOption &option = options.front();
    QCOMPARE(option.key, u"tokenSignIn"_s);
    QCOMPARE(option.kind, ProfileOption::Kind::Flag);
    QVERIFY(option.label.contains(u"token"_s));
    QVERIFY(option.label.contains(u"4.1"_s));
    QVERIFY(option.toolTip.contains(u"password"_s));
}

void TestEnswitchSignIn::signsIn_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("expected");
    QTest::newRow("unset") << QString() << false;
    QTest::newRow("ticked") << u"1"_s << true;
    QTest::newRow("unticked") << u"0"_s << false;
}

void TestEnswitchSignIn::signsIn()
{
    QFETCH(QString, value);
    QFETCH(bool, expected);
    Connection connection{QUrl(u"https://enswitch.example.com"_s), u"alice"_s, kPassword};
    if (!value.isNull())
        connection.options.insert(u"tokenSignIn"_s, value);
    QCOMPARE(m_provider.signsIn(connection), expected);
}

void TestEnswitchSignIn::loginRequest()
{
    // A token already held changes nothing: user/login always takes the password.
    for (const Connection &connection : {tokenConnection(), tokenConnection(kToken)}) {
        const HttpRequest request = m_provider.signInRequest(connection);
        QCOMPARE(request.method, QByteArray("POST"));
        QCOMPARE(request.url.toString(QUrl::FullyEncoded), u"https://enswitch.example.com/api/json/user/login/"_s);
        QVERIFY(!request.url.hasQuery());
        QCOMPARE(request.body, QByteArray("auth_username=alice&auth_password=p%40ss%2Bw%26rd%3B%3Dx&token=1"));
        QCOMPARE(formOf(request).queryItemValue(u"auth_password"_s, QUrl::FullyDecoded), kPassword);
    }
}

void TestEnswitchSignIn::noRefresh()
{
    // Enswitch has no refresh call: the Authenticator signs in again.
    QVERIFY(!m_provider.refreshRequest(tokenConnection(), AuthTokens{kToken, {}, std::nullopt}));
}

void TestEnswitchSignIn::tokenReplacesPassword_data()
{
    QTest::addColumn<bool>("record");
    QTest::newRow("cdrs/list") << false;
    QTest::newRow("cdrs/get") << true;
}

void TestEnswitchSignIn::tokenReplacesPassword()
{
    QFETCH(bool, record);
    SearchQuery query;
    query.filters = {{u"snumber"_s, u"0044"_s}};
    const SearchQuery resolved = query.resolved(kNow, m_provider.timeRange());
    const auto build = [&](const Connection &connection) {
        return record ? m_provider.recordRequest(connection, u"1669000000.100000"_s)
                      : m_provider.pageRequest(connection, resolved, 0, 1000);
    };

    const HttpRequest withToken = build(tokenConnection(kToken));
    const QUrlQuery form = formOf(withToken);
    QCOMPARE(form.queryItemValue(u"auth_token"_s, QUrl::FullyDecoded), kToken);
    QVERIFY(!form.hasQueryItem(u"auth_password"_s));
    QVERIFY(!form.hasQueryItem(u"auth_username"_s));
    QVERIFY(!withToken.body.contains("p%40ss"));
    QVERIFY(!withToken.url.hasQuery());
    // Everything after the credentials is the same request.
    const HttpRequest withPassword = build(tokenConnection());
    const QByteArray credentials = "auth_username=alice&auth_password=p%40ss%2Bw%26rd%3B%3Dx";
    QVERIFY(withPassword.body.startsWith(credentials));
    QVERIFY(withToken.body.startsWith("auth_token="));
    QCOMPARE(withToken.body.mid(withToken.body.indexOf('&')), withPassword.body.mid(credentials.size()));
}

void TestEnswitchSignIn::parseLogin_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("token");
    QTest::addColumn<std::optional<QDateTime>>("expires");

    const QString jwt = u"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJkZW1vIiwiaWF0IjoxNzE5NzQ4ODAwLCJqdGkiOjF9."
                        "c2lnbmF0dXJl"_s;
    QTest::newRow("golden: both fields") << readData(u"login_token.json"_s) << jwt
                                         << std::optional<QDateTime>(kNow.addSecs(3600));
    const auto login = [](const QByteArray &data) {
        return R"({"responses":[{"code":"200","key":"","message":"OK"}],"data":{"auth_token":"a.b.c")" + data + "}}";
    };
    QTest::newRow("expires only") << login(R"(,"auth_token_expires":1719750600)") << u"a.b.c"_s
                                  << std::optional<QDateTime>(kNow.addSecs(1800));
    QTest::newRow("expiry only") << login(R"(,"auth_token_expiry":900)") << u"a.b.c"_s
                                 << std::optional<QDateTime>(kNow.addSecs(900));
    QTest::newRow("expiry as text") << login(R"(,"auth_token_expiry":"900")") << u"a.b.c"_s
                                    << std::optional<QDateTime>(kNow.addSecs(900));
    // Our clock an hour behind the server's: the relative expiry is the one to trust.
    QTest::newRow("clocks apart") << login(R"(,"auth_token_expiry":600,"auth_token_expires":1719755400)") << u"a.b.c"_s
                                  << std::optional<QDateTime>(kNow.addSecs(600));
    QTest::newRow("born expired") << login(R"(,"auth_token_expiry":0,"auth_token_expires":1719748800)") << u"a.b.c"_s
                                  << std::optional<QDateTime>(kNow);
    QTest::newRow("never expires") << login({}) << u"a.b.c"_s << std::optional<QDateTime>();
    QTest::newRow("never expires, expiry 0")
        << login(R"(,"auth_token_expiry":0)") << u"a.b.c"_s << std::optional<QDateTime>();
}

void TestEnswitchSignIn::parseLogin()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, token);
    QFETCH(std::optional<QDateTime>, expires);
    const SignInResult result = m_provider.parseSignIn(SignInStep::SignIn, 200, data, kNow);
    QVERIFY2(!result.error, qPrintable(result.error ? result.error->message() : QString()));
    QVERIFY(result.oneTimeCodeChallenge.isEmpty());
    QVERIFY(result.tokens);
    QCOMPARE(result.tokens->accessToken, token);
    QVERIFY(result.tokens->refreshToken.isEmpty());
    QCOMPARE(result.tokens->expiresAtUtc.has_value(), expires.has_value());
    if (expires)
        QCOMPARE(*result.tokens->expiresAtUtc, *expires);
}

void TestEnswitchSignIn::loginErrors_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<ApiError::Kind>("kind");
    QTest::addColumn<QString>("inMessage");

    QTest::newRow("golden: envelope 401")
        << 200 << readData(u"login_401.json"_s) << ApiError::Kind::Auth << u"Authentication failed"_s;
    QTest::newRow("envelope 402") << 200 << QByteArray(R"({"responses":[{"code":"402","key":"role","message":"No"}]})")
                                  << ApiError::Kind::Http << u"role: No"_s;
    QTest::newRow("HTTP 401") << 401 << readData(u"login_401.json"_s) << ApiError::Kind::Auth << u"HTTP 401"_s;
    QTest::newRow("HTTP 500, no envelope") << 500 << QByteArray("oops") << ApiError::Kind::Http << u"HTTP 500"_s;
    QTest::newRow("old server: no token")
        << 200 << QByteArray(R"({"responses":[{"code":"200","key":"","message":"OK"}],"data":{}})")
        << ApiError::Kind::Parse << u"4.1"_s;
    QTest::newRow("not JSON") << 200 << QByteArray("<html>") << ApiError::Kind::Parse << u"not JSON"_s;
    QTest::newRow("no envelope") << 200 << QByteArray(R"({"data":{"auth_token":"a.b.c"}})") << ApiError::Kind::Parse
                                 << u"no status"_s;
}

void TestEnswitchSignIn::loginErrors()
{
    QFETCH(int, status);
    QFETCH(QByteArray, data);
    QFETCH(ApiError::Kind, kind);
    QFETCH(QString, inMessage);
    const SignInResult result = m_provider.parseSignIn(SignInStep::SignIn, status, data, kNow);
    QVERIFY(!result.tokens);
    QVERIFY(result.oneTimeCodeChallenge.isEmpty());
    QVERIFY(result.error);
    QCOMPARE(result.error->kind, kind);
    QVERIFY2(result.error->message().contains(inMessage), qPrintable(result.error->message()));
}

QTEST_GUILESS_MAIN(TestEnswitchSignIn)
#include "tst_enswitchsignin.moc"
