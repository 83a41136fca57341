#include "tst_enswitch_simulator.h"

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

Reply TstEnswitchSimulator::send(
    const QByteArray &method, const QByteArray &path, const QByteArray &query, const QByteArray &body)
{
    QUrl url = m_sim->baseUrl();
    url.setPath(QString::fromLatin1(path));
    if (!query.isEmpty())
        url.setQuery(QString::fromLatin1(query), QUrl::StrictMode);
    QNetworkRequest request(url);
    QNetworkReply *reply = nullptr;
    if (method == "POST") {
        request.setHeader(QNetworkRequest::ContentTypeHeader, "application/x-www-form-urlencoded"_ba);
        reply = m_manager->post(request, body);
    } else {
        reply = m_manager->sendCustomRequest(request, method);
    }
    QSignalSpy finished(reply, &QNetworkReply::finished);
    Reply out;
    if (!reply->isFinished() && !finished.wait(20000)) {
        reply->deleteLater();
        return out;
    }
    out.http = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    out.body = reply->readAll();
    out.json = QJsonDocument::fromJson(out.body).object();
    reply->deleteLater();
    return out;
}

Reply TstEnswitchSimulator::list(const QByteArray &params)
{
    return send("POST", "/api/json/cdrs/list/", {}, credentials() + '&' + params);
}

void TstEnswitchSimulator::initTestCase()
{
    m_sim = std::make_unique<cdrsim::Simulator>();
    m_sim->setNow(kNow);
    QVERIFY(m_sim->listen());
    m_manager = std::make_unique<QNetworkAccessManager>();

    const Reply own = listAll({});
    QCOMPARE(own.http, 200);
    QCOMPARE(own.code(), u"200"_s);
    m_own = own.rows();
    QVERIFY(m_own.size() > 500);
    const Reply every = listAll("customer=system&archive=1");
    m_every = every.rows();
    QCOMPARE(m_every.size(), 1500); // the default leg count, all of it
}

void TstEnswitchSimulator::cleanup()
{
    m_sim->failEnswitch(0, u"500"_s);
    m_sim->failRequests(0, 0, 500);
    m_sim->setEnswitchTokenLifetime(3600s);
}

void TstEnswitchSimulator::authentication_data()
{
    QTest::addColumn<QByteArray>("params");
    QTest::addColumn<QString>("code");
    QTest::newRow("none") << QByteArray() << u"401"_s;
    QTest::newRow("wrong password") << QByteArray("auth_username=demo&auth_password=nope") << u"401"_s;
    QTest::newRow("unknown user") << QByteArray("auth_username=eve&auth_password=demo-password-0000") << u"401"_s;
    QTest::newRow("no password") << QByteArray("auth_username=demo") << u"401"_s;
    QTest::newRow("demo") << credentials() << u"200"_s;
}

void TstEnswitchSimulator::authentication()
{
    QFETCH(QByteArray, params);
    QFETCH(QString, code);
    const Reply reply = send("POST", "/api/json/cdrs/list", {}, params + "&limit=3");
    QCOMPARE(reply.http, 200); // errors live in the envelope only
    QCOMPARE(reply.code(), code);
    if (code == u"401"_s) {
        QCOMPARE(reply.message(), u"Authentication failed"_s);
        QVERIFY(!reply.json.contains("data"_L1));
    } else {
        QCOMPARE(reply.rows().size(), 3);
    }
}

void TstEnswitchSimulator::semicolonQuery()
{
    const int before = m_sim->requestCount();
    QByteArray query = credentials().replace('&', ';') + ";limit=4;direction=out";
    const Reply semicolons = send("GET", "/api/json/cdrs/list/", query);
    QCOMPARE(semicolons.code(), u"200"_s);
    QCOMPARE(semicolons.rows().size(), 4);
    for (const QJsonValue &row : semicolons.rows())
        QCOMPARE(row["direction"_L1].toString(), u"out"_s);
    const Reply ampersands = send("GET", "/api/json/cdrs/list", query.replace(';', '&'));
    QCOMPARE(ampersands.body, semicolons.body);
    QCOMPARE(m_sim->requestCount(), before + 2);
}

void TstEnswitchSimulator::postFormAndMixed()
{
    const Reply form = list("limit=5&sort=cost&descending=1");
    QCOMPARE(form.code(), u"200"_s);
    QCOMPARE(form.rows().size(), 5);
    // Credentials in the body, filters in the query string: both count.
    const Reply mixed = send("POST", "/api/json/cdrs/list/", "limit=5;sort=cost;descending=1", credentials());
    QCOMPARE(mixed.body, form.body);
    // A GET body is not a form: only the URL counts, so no credentials here.
    QCOMPARE(send("GET", "/api/json/cdrs/list/", "limit=5", credentials()).code(), u"401"_s);
}

void TstEnswitchSimulator::rowShape()
{
    const Reply reply = listAll("customer=system&archive=1");
    const QStringList expectedKeys{u"uniqueid"_s, u"callid"_s, u"start"_s, u"end"_s, u"direction"_s, u"scustomer"_s,
        u"dcustomer"_s, u"stype"_s, u"snumber"_s, u"ctype"_s, u"cnumber"_s, u"dtype"_s, u"dnumber"_s, u"name"_s,
        u"peer"_s, u"status"_s, u"talktime"_s, u"totaltime"_s, u"cost"_s, u"currency"_s};
    // Field order as written on the wire (QJsonObject sorts keys, so read the text).
    const qsizetype firstRow = reply.body.indexOf("\"data\":[{") + 8;
    const QByteArray row = reply.body.mid(firstRow, reply.body.indexOf('}', firstRow) - firstRow + 1);
    static const QRegularExpression keyPattern(u"\"([a-z]+)\":"_s);
    QStringList keys;
    for (auto it = keyPattern.globalMatch(QString::fromUtf8(row)); it.hasNext();)
        keys.append(it.next().captured(1));
    QCOMPARE(keys.mid(0, expectedKeys.size()), expectedKeys);

    // cost is a JSON number with exactly four decimals, trailing zeros kept.
    static const QRegularExpression cost(u"\"cost\":(-?\\d+\\.\\d{4})[,}]"_s);
    QCOMPARE(QString::fromUtf8(reply.body).count(cost), 1500);
    QVERIFY(QString::fromUtf8(reply.body).contains(QRegularExpression(u"\"cost\":\\d+\\.\\d{3}0[,}]"_s)));

    const QStringList names = strings(reply.rows(), u"name"_s);
    for (const QString &awkward : {u"Smith, John"_s, u"\"Bob\" <bob@example.com>"_s, u"Line one\nLine two"_s,
             u"Zoë Brontë"_s, u"東京オフィス"_s, u"Ελένη Παπαδοπούλου"_s})
        QVERIFY2(names.contains(awkward), qPrintable(awkward));
    QVERIFY(strings(reply.rows(), u"snumber"_s).contains(u"00441632960001"_s));
    QVERIFY(strings(reply.rows(), u"cnumber"_s).contains(u"0016135550123"_s));
    QVERIFY(strings(reply.rows(), u"dnumber"_s).contains(u"000123"_s));

    const QStringList ids = strings(reply.rows(), u"uniqueid"_s);
    QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()).size(), ids.size());
    QVERIFY(std::any_of(ids.cbegin(), ids.cend(), [](const QString &id) { return id.endsWith(u"00000"_s); }));
    for (const QString &id : ids)
        QVERIFY2(QRegularExpression(u"^\\d{10}\\.\\d{6}$"_s).match(id).hasMatch(), qPrintable(id));

    int extra = 0;
    QSet<QString> currencies, statuses;
    for (const QJsonValue &r : reply.rows()) {
        extra += r["codec"_L1].isString() ? 1 : 0;
        currencies.insert(r["currency"_L1].toString());
        statuses.insert(r["status"_L1].toString());
        QVERIFY(r["start"_L1].isDouble() && r["end"_L1].toInteger() >= r["start"_L1].toInteger());
        QVERIFY(r["end"_L1].toInteger() < kNow.toSecsSinceEpoch());
        QCOMPARE(r["totaltime"_L1].toInt() >= r["talktime"_L1].toInt(), true);
    }
    QVERIFY(extra > 0 && extra < 1500);
    QCOMPARE(currencies, (QSet<QString>{u"GBP"_s, u"USD"_s}));
    QCOMPARE(statuses, (QSet<QString>{u"answered"_s, u"busy"_s, u"noanswer"_s, u"failed"_s, u"cancel"_s}));
}

void TstEnswitchSimulator::getOne()
{
    const Reply page = list("limit=1&offset=3");
    const QJsonObject row = page.rows().at(0).toObject();
    const QByteArray id = row["uniqueid"_L1].toString().toLatin1();
    const Reply one = send("POST", "/api/json/cdrs/get/", {}, credentials() + "&uniqueid=" + id);
    QCOMPARE(one.code(), u"200"_s);
    QVERIFY(one.json.value("data"_L1).isObject());
    QCOMPARE(one.object(), row);

    const Reply missing = send("POST", "/api/json/cdrs/get", {}, credentials() + "&uniqueid=1.000001");
    QCOMPARE(missing.http, 200);
    QCOMPARE(missing.code(), u"404"_s);
    QCOMPARE(send("POST", "/api/json/cdrs/get", {}, credentials()).code(), u"400"_s);
    QCOMPARE(send("POST", "/api/json/cdrs/get", {}, "uniqueid=" + id).code(), u"401"_s);
}

void TstEnswitchSimulator::tokens()
{
    const Reply login = send("POST", "/api/json/user/login/", {}, credentials() + "&token=1");
    QCOMPARE(login.code(), u"200"_s);
    const QString token = login.object().value("auth_token"_L1).toString();
    QCOMPARE(token.split(u'.').size(), 3);
    QCOMPARE(login.object().value("auth_token_expiry"_L1).toInteger(), 3600);
    const qint64 expires = login.object().value("auth_token_expires"_L1).toInteger();
    QVERIFY(qAbs(expires - 3600 - QDateTime::currentSecsSinceEpoch()) < 60);

    const QByteArray tokenParam = "auth_token=" + QUrl::toPercentEncoding(token);
    QCOMPARE(send("POST", "/api/json/cdrs/list", {}, tokenParam + "&limit=2").rows().size(), 2);
    QCOMPARE(send("GET", "/api/json/cdrs/list", tokenParam + ";limit=2").rows().size(), 2);
    QCOMPARE(send("POST", "/api/json/cdrs/list", {}, "auth_token=a.b.c&limit=2").code(), u"401"_s);
    QCOMPARE(send("POST", "/api/json/user/login", {}, tokenParam + "&token=1").code(), u"401"_s);
    QCOMPARE(send("POST", "/api/json/user/login", {}, "auth_username=demo&auth_password=x&token=1").code(), u"401"_s);

    m_sim->setEnswitchTokenLifetime(0s); // born expired
    const Reply shortLived = send("POST", "/api/json/user/login/", {}, credentials() + "&token=1");
    QCOMPARE(shortLived.object().value("auth_token_expiry"_L1).toInteger(), 0);
    const QString expired = shortLived.object().value("auth_token"_L1).toString();
    QVERIFY(expired != token);
    const Reply refused = send("POST", "/api/json/cdrs/list", {}, "auth_token=" + QUrl::toPercentEncoding(expired));
    QCOMPARE(refused.http, 200);
    QCOMPARE(refused.code(), u"401"_s);
    QCOMPARE(send("POST", "/api/json/cdrs/list", {}, tokenParam + "&limit=1").code(), u"200"_s); // the old one lives on
}

void TstEnswitchSimulator::forcedEnvelope_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");
    QTest::newRow("402") << u"402"_s << u"Your role does not allow this"_s;
    QTest::newRow("403") << u"403"_s << u"Your rate plan does not allow this"_s;
    QTest::newRow("500") << u"500"_s << u"Internal error"_s;
}

void TstEnswitchSimulator::forcedEnvelope()
{
    QFETCH(QString, code);
    QFETCH(QString, message);
    m_sim->failEnswitch(2, code);
    QCOMPARE(list("limit=1").code(), code);
    const Reply second = send("POST", "/api/json/cdrs/get", {}, credentials() + "&uniqueid=1");
    QCOMPARE(second.http, 200);
    QCOMPARE(second.code(), code);
    QCOMPARE(second.message(), message);
    QVERIFY(!second.json.contains("data"_L1));
    QCOMPARE(list("limit=1").code(), u"200"_s);
    // Bad credentials stay 401 and do not use up a forced failure.
    m_sim->failEnswitch(1, code);
    QCOMPARE(send("POST", "/api/json/cdrs/list", {}, "auth_username=demo&auth_password=x").code(), u"401"_s);
    QCOMPARE(list("limit=1").code(), code);
}

void TstEnswitchSimulator::httpFailures()
{
    m_sim->failRequests(1, 1, 503);
    QCOMPARE(list("limit=1").http, 200);
    const Reply failed = list("limit=1");
    QCOMPARE(failed.http, 503);
    QCOMPARE(failed.code(), u"503"_s);
    QCOMPARE(list("limit=1").http, 200);
    QCOMPARE(send("POST", "/api/json/cdrs/unknown", {}, credentials()).code(), u"404"_s);
    QCOMPARE(send("DELETE", "/api/json/cdrs/list", {}).http, 405);
}

void TstEnswitchSimulator::passwordInUrl()
{
    const int before = m_sim->enswitchPasswordInUrlCount();
    list("limit=1");
    send("POST", "/api/json/user/login", {}, credentials() + "&token=1");
    QCOMPARE(m_sim->enswitchPasswordInUrlCount(), before);
    send("GET", "/api/json/cdrs/list", credentials().replace('&', ';') + ";limit=1");
    send("POST", "/api/json/cdrs/list", "auth_password=x", "auth_username=demo");
    QCOMPARE(m_sim->enswitchPasswordInUrlCount(), before + 2);
}

QTEST_GUILESS_MAIN(TstEnswitchSimulator)
