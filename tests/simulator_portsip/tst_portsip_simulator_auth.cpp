#include "tst_portsip_simulator.h"

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

void TstPortsipSimulator::signIn_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("http");
    QTest::addColumn<QString>("code");
    QTest::newRow("with domain")
        << R"({"username":"admin","password":"demo-password-0000","domain":"demo.portsip.test"})"_ba << 200
        << QString();
    QTest::newRow("without domain") << R"({"username":"admin","password":"demo-password-0000"})"_ba << 200 << QString();
    QTest::newRow("domain in capitals")
        << R"({"username":"admin","password":"demo-password-0000","domain":"DEMO.portsip.TEST"})"_ba << 200
        << QString();
    QTest::newRow("wrong password") << R"({"username":"admin","password":"demo-password-0001"})"_ba << 400
                                    << u"UNAUTHORIZED"_s;
    QTest::newRow("unknown user") << R"({"username":"root","password":"demo-password-0000"})"_ba << 400
                                  << u"UNAUTHORIZED"_s;
    QTest::newRow("wrong domain") << R"({"username":"admin","password":"demo-password-0000","domain":"other.test"})"_ba
                                  << 400 << u"UNAUTHORIZED"_s;
    QTest::newRow("user name is case-sensitive")
        << R"({"username":"Admin","password":"demo-password-0000"})"_ba << 400 << u"UNAUTHORIZED"_s;
    QTest::newRow("no password") << R"({"username":"admin"})"_ba << 400 << u"VALIDATE_FAILED"_s;
    QTest::newRow("not JSON") << "username=admin&password=demo-password-0000"_ba << 400 << u"VALIDATE_FAILED"_s;
    QTest::newRow("JSON array") << "[]"_ba << 400 << u"VALIDATE_FAILED"_s;
}

void TstPortsipSimulator::signIn()
{
    QFETCH(QByteArray, body);
    QFETCH(int, http);
    QFETCH(QString, code);
    const int before = m_sim->portsipSignInCount();
    const Reply reply = send("POST", u"/api/auth/sign_in"_s, {}, body);
    QCOMPARE(reply.http, http);
    if (http == 200) {
        QCOMPARE(reply.string("token_type"), u"Bearer"_s);
        QCOMPARE(reply.json.value("expires_in"_L1).toInt(), 3600);
        QVERIFY(!reply.string("refresh_token").isEmpty());
        QVERIFY(!reply.json.contains("two_factor_enabled"_L1));
        const QString token = reply.string("access_token");
        QCOMPARE(token.split(u'.').size(), 3); // JWT-shaped
        QCOMPARE(send("GET", u"/api/cdrs"_s, {{u"top"_s, u"1"_s}}, {}, "Bearer " + token.toLatin1()).http, 200);
        QCOMPARE(m_sim->portsipSignInCount(), before + 1);
        return;
    }
    QCOMPARE(reply.code(), code);
    QCOMPARE(reply.json.value("errors"_L1).toArray().size(), 1);
    QVERIFY(reply.error().contains("detail"_L1));
    if (code == u"UNAUTHORIZED"_s)
        QCOMPARE(reply.message(), u"Login failed, authentication error"_s);
    QVERIFY(!reply.body.contains("demo-password"));
    QCOMPARE(m_sim->portsipSignInCount(), before);
}

void TstPortsipSimulator::twoFactor()
{
    const cdrsim::PortsipAccount account = cdrsim::Simulator::portsipTwoFactorAccount();
    QVERIFY(account.twoFactor);
    const Reply challenge = auth(u"sign_in"_s,
        {{"username"_L1, account.username}, {"password"_L1, account.password}, {"domain"_L1, account.domain}});
    QCOMPARE(challenge.http, 200);
    QCOMPARE(challenge.json.value("two_factor_enabled"_L1).toBool(), true);
    QVERIFY(!challenge.json.contains("access_token"_L1));
    const QString token = challenge.string("token");
    QVERIFY(!token.isEmpty());
    // The challenge token is not an access token.
    QCOMPARE(send("GET", u"/api/cdrs"_s, {}, {}, "Bearer " + token.toLatin1()).http, 401);

    const Reply wrong = auth(u"verify_otp"_s, {{"token"_L1, token}, {"code"_L1, u"654321"_s}});
    QCOMPARE(wrong.http, 400);
    QCOMPARE(wrong.code(), u"UNAUTHORIZED"_s);
    const Reply verified
        = auth(u"verify_otp"_s, {{"token"_L1, token}, {"code"_L1, cdrsim::Simulator::portsipOtpCode()}});
    QCOMPARE(verified.http, 200); // a wrong code does not use the challenge up
    QCOMPARE(verified.string("token_type"), u"Bearer"_s);
    const QByteArray access = "Bearer " + verified.string("access_token").toLatin1();
    QCOMPARE(send("GET", u"/api/cdrs"_s, {{u"top"_s, u"2"_s}}, {}, access).items().size(), 2);

    // Single use, and unknown challenges are refused.
    const Reply again = auth(u"verify_otp"_s, {{"token"_L1, token}, {"code"_L1, cdrsim::Simulator::portsipOtpCode()}});
    QCOMPARE(again.http, 400);
    QCOMPARE(again.code(), u"UNAUTHORIZED"_s);
    QCOMPARE(auth(u"verify_otp"_s, {{"token"_L1, u"nope"_s}, {"code"_L1, u"123456"_s}}).http, 400);
    QCOMPARE(auth(u"verify_otp"_s, {{"token"_L1, token}}).code(), u"VALIDATE_FAILED"_s);

    // An account added later can be two-factor too; a numeric code is accepted.
    m_sim->addPortsipAccount({u"ops"_s, u"ops-password"_s, u"demo.portsip.test"_s, true});
    const Reply ops = auth(u"sign_in"_s, {{"username"_L1, u"ops"_s}, {"password"_L1, u"ops-password"_s}});
    QCOMPARE(ops.json.value("two_factor_enabled"_L1).toBool(), true);
    const Reply numeric = auth(u"verify_otp"_s, {{"token"_L1, ops.string("token")}, {"code"_L1, 123456}});
    QVERIFY(!numeric.string("access_token").isEmpty());
}

void TstPortsipSimulator::refresh()
{
    const Reply first = auth(u"sign_in"_s, {{"username"_L1, u"admin"_s}, {"password"_L1, u"demo-password-0000"_s}});
    const QString oldAccess = first.string("access_token");
    const QString oldRefresh = first.string("refresh_token");
    const int before = m_sim->portsipRefreshCount();
    const int signIns = m_sim->portsipSignInCount();

    const Reply renewed = auth(u"refresh_token"_s, {{"refresh_token"_L1, oldRefresh}});
    QCOMPARE(renewed.http, 200);
    QCOMPARE(renewed.string("token_type"), u"Bearer"_s);
    QCOMPARE(renewed.json.value("expires_in"_L1).toInt(), 3600);
    const QString newAccess = renewed.string("access_token");
    const QString newRefresh = renewed.string("refresh_token");
    QVERIFY(newAccess != oldAccess && newRefresh != oldRefresh);
    QCOMPARE(m_sim->portsipRefreshCount(), before + 1);
    QCOMPARE(m_sim->portsipSignInCount(), signIns);

    QCOMPARE(send("GET", u"/api/cdrs"_s, {{u"top"_s, u"1"_s}}, {}, "Bearer " + newAccess.toLatin1()).http, 200);
    // The old access token lives until it expires; the old refresh token is spent.
    QCOMPARE(send("GET", u"/api/cdrs"_s, {{u"top"_s, u"1"_s}}, {}, "Bearer " + oldAccess.toLatin1()).http, 200);
    const Reply spent = auth(u"refresh_token"_s, {{"refresh_token"_L1, oldRefresh}});
    QCOMPARE(spent.http, 400);
    QCOMPARE(spent.code(), u"UNAUTHORIZED"_s);
    QCOMPARE(m_sim->portsipRefreshCount(), before + 1);
    QCOMPARE(auth(u"refresh_token"_s, {{"refresh_token"_L1, newRefresh}}).http, 200);
    QCOMPARE(auth(u"refresh_token"_s, QJsonObject{}).code(), u"VALIDATE_FAILED"_s);
    // An access token is not a refresh token.
    QCOMPARE(auth(u"refresh_token"_s, {{"refresh_token"_L1, newAccess}}).http, 400);
}

void TstPortsipSimulator::expiry()
{
    m_sim->setPortsipTokenLifetime(0s); // born expired
    const Reply dead = auth(u"sign_in"_s, {{"username"_L1, u"admin"_s}, {"password"_L1, u"demo-password-0000"_s}});
    QCOMPARE(dead.json.value("expires_in"_L1).toInt(), 0);
    const Reply refused = send("GET", u"/api/cdrs"_s, {}, {}, "Bearer " + dead.string("access_token").toLatin1());
    QCOMPARE(refused.http, 401);
    QCOMPARE(refused.code(), u"UNAUTHORIZED"_s);
    QVERIFY(refused.message().contains(u"expired"_s));
    QCOMPARE(list({{u"top"_s, u"1"_s}}).http, 200); // tokens issued before keep their own lifetime

    // The refresh token still works and, with a longer lifetime set, gives a live token.
    m_sim->setPortsipTokenLifetime(1s);
    const Reply renewed = auth(u"refresh_token"_s, {{"refresh_token"_L1, dead.string("refresh_token")}});
    QCOMPARE(renewed.json.value("expires_in"_L1).toInt(), 1);
    const QByteArray access = "Bearer " + renewed.string("access_token").toLatin1();
    QCOMPARE(send("GET", u"/api/cdrs"_s, {{u"top"_s, u"1"_s}}, {}, access).http, 200);
    // Expiry runs on the real clock: one second later the token is refused.
    QTRY_COMPARE_WITH_TIMEOUT(send("GET", u"/api/cdrs"_s, {{u"top"_s, u"1"_s}}, {}, access).http, 401, 5000);
}

void TstPortsipSimulator::unauthorized_data()
{
    QTest::addColumn<QByteArray>("authorization");
    QTest::addColumn<QString>("message");
    QTest::newRow("none") << QByteArray() << u"Missing access token"_s;
    QTest::newRow("basic") << "Basic YWRtaW46ZGVtby1wYXNzd29yZC0wMDAw"_ba << u"Missing access token"_s;
    QTest::newRow("empty bearer") << "Bearer "_ba << u"Missing access token"_s;
    QTest::newRow("unknown") << "Bearer a.b.c"_ba << u"Invalid access token"_s;
}

void TstPortsipSimulator::unauthorized()
{
    QFETCH(QByteArray, authorization);
    QFETCH(QString, message);
    for (const QString &path : {u"/api/cdrs"_s, u"/api/cdrs/"_s + m_all.at(0)["id"_L1].toString()}) {
        for (const QByteArray &method : {"GET"_ba, "POST"_ba}) {
            const Reply reply = send(method, path, {}, {}, authorization);
            QCOMPARE(reply.http, 401);
            QCOMPARE(reply.code(), u"UNAUTHORIZED"_s);
            QCOMPARE(reply.message(), message);
            QVERIFY(reply.wwwAuthenticate.startsWith("Bearer"));
            QVERIFY(!reply.json.contains("items"_L1));
        }
    }
    // The scheme name is case-insensitive.
    QCOMPARE(send("GET", u"/api/cdrs"_s, {{u"top"_s, u"1"_s}}, {}, "bearer " + m_token.toLatin1()).http, 200);
}

void TstPortsipSimulator::expireAllAndSignOut()
{
    const Reply session = auth(u"sign_in"_s, {{"username"_L1, u"admin"_s}, {"password"_L1, u"demo-password-0000"_s}});
    const QByteArray access = "Bearer " + session.string("access_token").toLatin1();
    QCOMPARE(send("POST", u"/api/auth/sign_out"_s, {}, {}, access).http, 200);
    QCOMPARE(send("GET", u"/api/cdrs"_s, {}, {}, access).http, 401);
    QCOMPARE(auth(u"refresh_token"_s, {{"refresh_token"_L1, session.string("refresh_token")}}).http, 400);
    QCOMPARE(send("POST", u"/api/auth/sign_out"_s, {}, {}, access).http, 401);

    const Reply other = auth(u"sign_in"_s, {{"username"_L1, u"admin"_s}, {"password"_L1, u"demo-password-0000"_s}});
    m_sim->expirePortsipTokens(); // as after a server restart
    QCOMPARE(list({}).http, 401);
    QCOMPARE(auth(u"refresh_token"_s, {{"refresh_token"_L1, other.string("refresh_token")}}).http, 400);
    m_token = signInToken(cdrsim::Simulator::portsipDemoAccount());
    QCOMPARE(list({{u"top"_s, u"1"_s}}).http, 200);
}
