#include "tst_portsip_simulator.h"

#include "portsipfilter.h"
#include "portsiptime.h"

#include <QScopeGuard>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

QStringList ids(const QJsonArray &items)
{
    QStringList out;
    for (const QJsonValue &item : items)
        out.append(item["id"_L1].toString());
    return out;
}

std::optional<qint64> instant(const QJsonObject &item, const QString &field)
{
    const QString value = item.value(field).toString();
    if (value.isEmpty())
        return std::nullopt;
    return cdrsim::parsePortsipTime(value); // parsePortsipTime has its own tests in tst_portsip_filter
}

QString text(const QJsonObject &item, const QString &field)
{
    return item.value(field).toString();
}

Reply TstPortsipSimulator::send(const QByteArray &method, const QString &path, const Options &options,
    const QByteArray &body, const QByteArray &authorization)
{
    QUrl url = m_sim->baseUrl();
    url.setPath(path, QUrl::TolerantMode); // a '%' in the path is an escape, as on the wire
    QByteArray query;
    for (const auto &[key, value] : options)
        query += (query.isEmpty() ? "" : "&") + QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value);
    if (!query.isEmpty())
        url.setQuery(QString::fromLatin1(query), QUrl::StrictMode);
    QNetworkRequest request(url);
    if (url.scheme() == u"https"_s) {
        // Trust exactly the simulator's first self-signed identity; verification stays on.
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.addCaCertificate(cdrsim::Simulator::selfSignedCertificate(0));
        request.setSslConfiguration(tls);
    }
    if (!authorization.isEmpty())
        request.setRawHeader("Authorization", authorization);
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
    QNetworkReply *reply = m_manager->sendCustomRequest(request, method, body);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    Reply out;
    if (!reply->isFinished() && !finished.wait(20000)) {
        reply->deleteLater();
        return out;
    }
    out.http = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    out.body = reply->readAll();
    out.json = QJsonDocument::fromJson(out.body).object();
    out.retryAfter = reply->rawHeader("Retry-After");
    out.wwwAuthenticate = reply->rawHeader("WWW-Authenticate");
    reply->deleteLater();
    return out;
}

Reply TstPortsipSimulator::auth(const QString &action, const QJsonObject &body)
{
    return send("POST", u"/api/auth/"_s + action, {}, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

Reply TstPortsipSimulator::list(const Options &options, const QByteArray &method)
{
    return send(method, u"/api/cdrs"_s, options, {}, bearer());
}

QJsonArray TstPortsipSimulator::listAll(const Options &options)
{
    QJsonArray all;
    for (int skip = 0;; skip += 100) {
        const Reply page
            = list(Options(options) << std::pair(u"top"_s, u"100"_s) << std::pair(u"skip"_s, QString::number(skip)));
        if (page.http != 200) {
            qWarning("listAll: HTTP %d %s", page.http, page.body.constData());
            return {};
        }
        for (const QJsonValue &item : page.items())
            all.append(item);
        if (page.items().size() < 100)
            return all;
    }
}

QString TstPortsipSimulator::signInToken(const cdrsim::PortsipAccount &account)
{
    const Reply reply = auth(u"sign_in"_s,
        {{"username"_L1, account.username}, {"password"_L1, account.password}, {"domain"_L1, account.domain}});
    return reply.string("access_token");
}

void TstPortsipSimulator::initTestCase()
{
    m_sim = std::make_unique<cdrsim::Simulator>();
    m_sim->setNow(kNow);
    QVERIFY(m_sim->listen());
    m_manager = std::make_unique<QNetworkAccessManager>();
    m_token = signInToken(cdrsim::Simulator::portsipDemoAccount());
    QVERIFY(!m_token.isEmpty());
    m_all = listAll({});
    QCOMPARE(m_all.size(), 2000); // the default call count
    const QStringList all = ids(m_all);
    QCOMPARE(QSet<QString>(all.cbegin(), all.cend()).size(), all.size());
}

void TstPortsipSimulator::cleanup()
{
    m_sim->setPortsipTokenLifetime(3600s);
    m_sim->setPortsipRateLimit(5000, 60000ms);
    m_sim->forcePortsipRateLimit(0);
    m_sim->failPortsip(0, 500, QString());
    m_sim->setPortsipSkipOneBased(false);
}

void TstPortsipSimulator::itemShape()
{
    const Reply page = list({{u"top"_s, u"100"_s}});
    const QStringList expectedKeys{u"id"_s, u"caller"_s, u"caller_domain"_s, u"caller_display_name"_s, u"callee"_s,
        u"callee_domain"_s, u"callee_display_name"_s, u"started_at"_s, u"rang_at"_s, u"answered_at"_s, u"ended_at"_s,
        u"call_id"_s, u"direction"_s, u"end_reason"_s, u"reroute_reason"_s, u"status_code"_s, u"destination"_s,
        u"outbound_caller_id"_s, u"did_cid"_s, u"trunk"_s, u"duration"_s, u"service_number"_s, u"user_data"_s};
    // Key order as written on the wire (QJsonObject sorts keys, so read the text).
    const qsizetype first = page.body.indexOf("\"items\":[{") + 9;
    const QByteArray item
        = page.body.mid(first, page.body.indexOf('}', page.body.indexOf("\"user_data\"", first)) - first);
    static const QRegularExpression keyPattern(u"\"([a-z_]+)\":(?:\"|null|\\d)"_s);
    QStringList keys;
    for (auto it = keyPattern.globalMatch(QString::fromUtf8(item)); it.hasNext();)
        keys.append(it.next().captured(1));
    QCOMPARE(keys, expectedKeys);
    QVERIFY(page.body.startsWith("{\"items\":[")); // no count unless asked

    static const QRegularExpression time(u"^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{6})?Z$"_s);
    int micro = 0;
    for (const QJsonValue &value : std::as_const(m_all)) {
        const QJsonObject item = value.toObject();
        QCOMPARE(item.size(), expectedKeys.size());
        for (const QString &field : {u"started_at"_s, u"rang_at"_s, u"answered_at"_s, u"ended_at"_s}) {
            const QString stamp = text(item, field);
            QVERIFY2(stamp.isEmpty() || time.match(stamp).hasMatch(), qPrintable(stamp));
            micro += stamp.contains(u'.') ? 1 : 0;
        }
        QVERIFY(item["status_code"_L1].isDouble() && item["duration"_L1].isDouble());
        const qint64 started = *instant(item, u"started_at"_s);
        const qint64 ended = *instant(item, u"ended_at"_s);
        QVERIFY(started <= ended && ended < kNow.toMSecsSinceEpoch() * 1000);
        QVERIFY(started > (kNow.toSecsSinceEpoch() - 121 * 86400) * 1000000);
        const std::optional<qint64> answered = instant(item, u"answered_at"_s);
        QCOMPARE(bool(answered), item["status_code"_L1].toInt() == 0);
        if (answered)
            QCOMPARE((ended - *answered) / 1000000, item["duration"_L1].toInteger());
        else
            QCOMPARE(item["duration"_L1].toInt(), 0);
    }
    QVERIFY(micro > 6000); // nearly all times carry microseconds
}

void TstPortsipSimulator::awkwardData()
{
    QSet<QString> directions, endReasons, reroutes, names;
    QSet<int> statuses;
    QSet<QString> callers, callees;
    int nulls = 0, empties = 0, base64 = 0, decimal = 0;
    for (const QJsonValue &value : std::as_const(m_all)) {
        const QJsonObject item = value.toObject();
        directions.insert(text(item, u"direction"_s));
        endReasons.insert(text(item, u"end_reason"_s));
        reroutes.insert(text(item, u"reroute_reason"_s));
        statuses.insert(item["status_code"_L1].toInt());
        names.insert(text(item, u"caller_display_name"_s));
        names.insert(text(item, u"callee_display_name"_s));
        callers.insert(text(item, u"caller"_s));
        callees.insert(text(item, u"callee"_s));
        nulls += item["did_cid"_L1].isNull() ? 1 : 0;
        empties += item["did_cid"_L1] == ""_L1 ? 1 : 0;
        const QString id = text(item, u"id"_s);
        decimal += QRegularExpression(u"^\\d{18}$"_s).match(id).hasMatch() ? 1 : 0;
        base64 += QRegularExpression(u"^[A-Za-z0-9]{22,}={0,2}$"_s).match(id).hasMatch() && !id.front().isDigit();
    }
    QCOMPARE(directions,
        (QSet<QString>{u"INBOUND_CALL"_s, u"OUTBOUND_CALL"_s, u"EXTENSION_CALL"_s, u"INBOUND_OUTBOUND_CALL"_s}));
    for (const QString &reason : {u"CALLER_DISCONNECTED"_s, u"CALLEE_DISCONNECTED"_s, u"BLIND_TRANSFER_COMPLETED"_s,
             u"CONSULT_TRANSFER_COMPLETED"_s, u"REPLACED"_s, u"REFERRED"_s, u"REDIRECTED"_s, u"CANCELLED"_s,
             u"CALLER_DISCONNECT"_s})
        QVERIFY2(endReasons.contains(reason), qPrintable(reason));
    for (const QString &reason :
        {QString(), u"TRANSFER"_s, u"OVERFLOW"_s, u"QUEUE_ABANDONED"_s, u"FORWARDING_NO_ANSWER"_s})
        QVERIFY2(reroutes.contains(reason), qPrintable(reason));
    QVERIFY(reroutes.size() > 8);
    for (int status : {0, 404, 408, 486, 487, 503})
        QVERIFY2(statuses.contains(status), qPrintable(QString::number(status)));
    for (const QString &name : {u"Smith, John"_s, u"\"Bob\" <sip:bob@example.com>"_s, u"Line one\nLine two"_s,
             u"Seán O'Brien"_s, u"x' or 'a' eq 'a"_s, u"Sales and (Support) or not eq"_s, u"東京オフィス"_s,
             u"Ελένη Παπαδοπούλου"_s, u"Иван Петров"_s, u"=cmd|' /C calc'!A0"_s, u"100% + Co & Sons"_s})
        QVERIFY2(names.contains(name), qPrintable(name));
    QVERIFY(callers.contains(u"00441632960001"_s));
    QVERIFY(callees.contains(u"0016135550123"_s));
    QVERIFY(callees.contains(u"101"_s));
    QVERIFY(std::any_of(callers.cbegin(), callers.cend(), [](const QString &c) { return c.startsWith(u'+'); }));
    QVERIFY(nulls > 0 && empties > 0); // unset values come both ways
    QVERIFY(decimal > 500 && base64 > 300);

    // Five calls start in the very same microsecond.
    QHash<QString, int> starts;
    for (const QJsonValue &value : std::as_const(m_all))
        ++starts[text(value.toObject(), u"started_at"_s)];
    QVERIFY(std::any_of(starts.cbegin(), starts.cend(), [](int n) { return n == 5; }));
}

void TstPortsipSimulator::getOne()
{
    static const QRegularExpression costPattern(u"\"cost\":(0|[1-9]\\d*)(\\.\\d*[1-9])?,"_s);
    int withCost = 0, padded = 0;
    for (int i = 0; i < m_all.size(); i += 37) {
        const QJsonObject listed = m_all.at(i).toObject();
        const QString id = text(listed, u"id"_s);
        padded += id.endsWith(u'=') ? 1 : 0;
        const Reply one = send(i % 2 ? "POST" : "GET",
            u"/api/cdrs/"_s + QString::fromLatin1(QUrl::toPercentEncoding(id)), {}, {}, bearer());
        QCOMPARE(one.http, 200);
        QCOMPARE(one.items().size(), 1); // an array even for one record
        QJsonObject single = one.items().at(0).toObject();
        QVERIFY(!single.contains("id"_L1));
        QVERIFY(single.contains("billed_account"_L1));
        QVERIFY(single["cost"_L1].isDouble());
        QVERIFY2(costPattern.match(QString::fromUtf8(one.body)).hasMatch(), one.body.constData());
        withCost += single["cost"_L1].toDouble() > 0 ? 1 : 0;
        single.remove("cost"_L1);
        single.remove("billed_account"_L1);
        single.insert("id"_L1, id);
        QCOMPARE(single, listed);
    }
    QVERIFY(withCost > 5);

    // An exact decimal cost as text, e.g. 0.0125 for one UK-landline minute.
    bool sawFourDecimals = false;
    for (const QJsonValue &value : std::as_const(m_all)) {
        if (text(value.toObject(), u"direction"_s) != u"OUTBOUND_CALL"_s || value["duration"_L1].toInt() == 0)
            continue;
        const Reply one = send("GET", u"/api/cdrs/"_s + text(value.toObject(), u"id"_s), {}, {}, bearer());
        sawFourDecimals
            = QRegularExpression(u"\"cost\":0\\.\\d{3}[1-9],"_s).match(QString::fromUtf8(one.body)).hasMatch();
        if (sawFourDecimals)
            break;
    }
    QVERIFY(sawFourDecimals);

    // Ids ending in '=' work as path segments, encoded or not.
    const auto paddedId = std::find_if(
        m_all.cbegin(), m_all.cend(), [](const QJsonValue &v) { return v["id"_L1].toString().endsWith(u'='); });
    QVERIFY(paddedId != m_all.cend());
    const QString id = paddedId->toObject()["id"_L1].toString();
    QCOMPARE(send("GET", u"/api/cdrs/"_s + id, {}, {}, bearer()).http, 200);
    QCOMPARE(
        send("GET", u"/api/cdrs/"_s + QString::fromLatin1(QUrl::toPercentEncoding(id)), {}, {}, bearer()).http, 200);

    const Reply missing = send("GET", u"/api/cdrs/000000000000000000"_s, {}, {}, bearer());
    QCOMPARE(missing.http, 404);
    QCOMPARE(missing.code(), u"NOT_FOUND"_s);
    QVERIFY(!missing.message().isEmpty());
    QVERIFY(!missing.json.contains("items"_L1));
}

void TstPortsipSimulator::routesAndMethods()
{
    const Reply unknown = send("GET", u"/api/tenants"_s, {}, {}, bearer());
    QCOMPARE(unknown.http, 404);
    QCOMPARE(unknown.code(), u"NOT_FOUND"_s);
    QCOMPARE(send("POST", u"/api/auth/login"_s, {}, "{}").http, 404);
    const Reply wrongMethod = send("DELETE", u"/api/cdrs"_s, {}, {}, bearer());
    QCOMPARE(wrongMethod.http, 405);
    QCOMPARE(wrongMethod.code(), u"METHOD_NOT_ALLOWED"_s);
    QCOMPARE(send("GET", u"/api/auth/sign_in"_s).http, 405);
    QCOMPARE(send("GET", u"/api/cdrs/"_s, {{u"top"_s, u"1"_s}}, {}, bearer()).items().size(), 1);
    // Enswitch keeps /api/json/ inside the same /api/ prefix.
    const Reply enswitch = send("POST", u"/api/json/cdrs/list/"_s);
    QCOMPARE(enswitch.http, 200);
    QVERIFY(enswitch.json.contains("responses"_L1));
}

void TstPortsipSimulator::rateLimitWindow()
{
    m_sim->setPortsipRateLimit(3, 60000ms);
    QCOMPARE(list({{u"top"_s, u"1"_s}}).http, 200);
    QCOMPARE(auth(u"refresh_token"_s, {{"refresh_token"_L1, u"x"_s}}).http, 400); // counts too: the limit is per server
    QCOMPARE(list({{u"top"_s, u"1"_s}}).http, 200);
    const int limited = m_sim->rateLimitedCount();
    const Reply refused = list({{u"top"_s, u"1"_s}});
    QCOMPARE(refused.http, 429);
    QCOMPARE(refused.code(), u"TOO_MANY_REQUESTS"_s);
    QCOMPARE(refused.retryAfter, "60"_ba);
    QCOMPARE(auth(u"sign_in"_s, {{"username"_L1, u"admin"_s}, {"password"_L1, u"demo-password-0000"_s}}).http, 429);
    QCOMPARE(m_sim->rateLimitedCount(), limited + 2);

    m_sim->setPortsipRateLimit(2, 300ms); // a short window frees up again on the real clock
    QCOMPARE(list({{u"top"_s, u"1"_s}}).http, 200);
    QCOMPARE(list({{u"top"_s, u"1"_s}}).http, 200);
    QCOMPARE(list({{u"top"_s, u"1"_s}}).http, 429);
    // Refused requests do not count; stop asking after the first success so no slot is wasted.
    bool through = false;
    QTRY_VERIFY_WITH_TIMEOUT(through || (through = list({{u"top"_s, u"1"_s}}).http == 200), 5000);
    m_sim->setPortsipRateLimit(0, 1000ms); // disabled
    for (int i = 0; i < 10; ++i)
        QCOMPARE(list({{u"top"_s, u"1"_s}}).http, 200);
}

void TstPortsipSimulator::forcedFaults()
{
    m_sim->forcePortsipRateLimit(2);
    // Sign-in and bad tokens are not what forced refusals aim at.
    QVERIFY(!signInToken(cdrsim::Simulator::portsipDemoAccount()).isEmpty());
    QCOMPARE(send("GET", u"/api/cdrs"_s, {}, {}, "Bearer nope").http, 401);
    const Reply first = list({{u"top"_s, u"1"_s}});
    QCOMPARE(first.http, 429);
    QCOMPARE(first.code(), u"TOO_MANY_REQUESTS"_s);
    QCOMPARE(first.retryAfter, "1"_ba);
    QCOMPARE(send("GET", u"/api/cdrs/"_s + text(m_all.at(0).toObject(), u"id"_s), {}, {}, bearer()).http, 429);
    QCOMPARE(list({{u"top"_s, u"1"_s}}).http, 200);

    m_sim->failPortsip(2, 503, u"SERVICE_UNAVAILABLE"_s);
    const Reply failed = list({{u"top"_s, u"1"_s}});
    QCOMPARE(failed.http, 503);
    QCOMPARE(failed.code(), u"SERVICE_UNAVAILABLE"_s);
    QVERIFY(!failed.message().isEmpty());
    m_sim->failPortsip(1, 403, u"PERMISSION_DENIED"_s); // replaces what was left
    QCOMPARE(list({{u"top"_s, u"1"_s}}).code(), u"PERMISSION_DENIED"_s);
    QCOMPARE(list({{u"top"_s, u"1"_s}}).http, 200);
}

void TstPortsipSimulator::overTls()
{
    // The same API over HTTPS with a self-signed certificate, as self-hosted PBXs serve it.
    std::unique_ptr<cdrsim::Simulator> original = std::exchange(m_sim, std::make_unique<cdrsim::Simulator>());
    const QString originalToken = m_token;
    const auto restore = qScopeGuard([&] {
        m_sim = std::move(original);
        m_token = originalToken;
    });
    m_sim->setNow(kNow);
    m_sim->setTls(cdrsim::Simulator::selfSignedCertificate(0), cdrsim::Simulator::selfSignedKey(0));
    QVERIFY(m_sim->listen());
    QCOMPARE(m_sim->baseUrl().scheme(), u"https"_s);
    m_token = signInToken(cdrsim::Simulator::portsipDemoAccount());
    QVERIFY(!m_token.isEmpty());
    QCOMPARE(ids(list({{u"top"_s, u"5"_s}}).items()), ids(m_all).mid(0, 5));
}

void TstPortsipSimulator::determinism()
{
    // A second server with fewer calls: call i does not depend on the count.
    std::unique_ptr<cdrsim::Simulator> original = std::exchange(m_sim, std::make_unique<cdrsim::Simulator>());
    const QString originalToken = m_token;
    const auto restore = qScopeGuard([&] {
        m_sim = std::move(original);
        m_token = originalToken;
    });
    m_sim->setNow(kNow);
    m_sim->setPortsipCallCount(300);
    QVERIFY(m_sim->listen());
    m_token = signInToken(cdrsim::Simulator::portsipDemoAccount());
    const QJsonArray fewer = listAll({});
    QCOMPARE(fewer.size(), 300);
    QJsonArray expected;
    const QStringList fewerIds = ids(fewer);
    for (const QJsonValue &item : std::as_const(m_all))
        if (fewerIds.contains(item["id"_L1].toString()))
            expected.append(item);
    QCOMPARE(fewer, expected);

    m_sim->setSeed(2);
    const QStringList reseeded = ids(listAll({}));
    QCOMPARE(reseeded.size(), 300);
    QVERIFY(reseeded != fewerIds);
}

QTEST_GUILESS_MAIN(TstPortsipSimulator)
