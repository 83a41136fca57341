// Server behaviour (limits, latency, faults, connections, threads) and the data's awkward cases.
#include "plivodata.h"
#include "plivohangupcauses.h"
#include "rowcheck.h"
#include "tst_simulator.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QThread>

void TstSimulator::rateLimit()
{
    const int before = m_sim->rateLimitedCount();
    m_sim->setPlivoRateLimit(5, 60000ms);
    for (int i = 0; i < 5; ++i)
        QCOMPARE(m_client->get(TestClient::listPath("limit=1")).status, 200);
    const TestClient::Reply limited = m_client->get(TestClient::listPath("limit=1"));
    QCOMPARE(limited.status, 429);
    QCOMPARE(limited.header("Retry-After"), QByteArray("1"));
    QCOMPARE(limited.error(), u"too many requests"_s);
    QCOMPARE(m_sim->rateLimitedCount(), before + 1);

    // The window slides: once it has passed, requests get through again.
    m_sim->setPlivoRateLimit(3, 300ms);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(m_client->get(TestClient::listPath("limit=1")).status, 200);
    QCOMPARE(m_client->get(TestClient::listPath("limit=1")).status, 429);
    QTRY_COMPARE_WITH_TIMEOUT(m_client->get(TestClient::listPath("limit=1")).status, 200, 5000);
}

void TstSimulator::forcedRateLimit()
{
    const int before = m_sim->rateLimitedCount();
    m_sim->forceRateLimit(2);
    QCOMPARE(m_client->get(TestClient::listPath()).status, 429);
    QCOMPARE(m_client->get(TestClient::listPath() + "abc/").status, 429);
    QCOMPARE(m_client->get(TestClient::listPath()).status, 200);
    QCOMPARE(m_sim->rateLimitedCount(), before + 2);
}

void TstSimulator::latency()
{
    m_sim->setLatency(400ms);
    const TestClient::Reply slow = m_client->get(TestClient::listPath("limit=1"));
    QCOMPARE(slow.status, 200);
    QVERIFY2(slow.elapsedMs >= 400, QByteArray::number(slow.elapsedMs).constData());
    m_sim->setLatency(0ms);
    const TestClient::Reply fast = m_client->get(TestClient::listPath("limit=1"));
    QVERIFY2(fast.elapsedMs < slow.elapsedMs, QByteArray::number(fast.elapsedMs).constData());
}

void TstSimulator::parallelRequests()
{
    // With a delay per response, parallel requests only finish early if they overlap.
    m_sim->setLatency(600ms);
    const int requestsBefore = m_sim->requestCount();
    QList<QByteArray> paths;
    for (int i = 0; i < 6; ++i)
        paths.append(TestClient::listPath("limit=2&offset=" + QByteArray::number(i * 2)));
    const QList<TestClient::Reply> replies = m_client->getParallel(paths);
    for (int i = 0; i < replies.size(); ++i) {
        QCOMPARE(replies.at(i).status, 200);
        QCOMPARE(replies.at(i).objects().at(0).toObject(), m_window.at(i * 2).toObject());
    }
    QVERIFY2(replies.last().elapsedMs < 6 * 600 - 600, QByteArray::number(replies.last().elapsedMs).constData());
    QVERIFY(m_sim->maxConcurrentConnections() >= 2);
    QCOMPARE(m_sim->requestCount(), requestsBefore + 6);
}

void TstSimulator::failRequests()
{
    m_sim->failRequests(2, 2, 503);
    QCOMPARE(m_client->get(TestClient::listPath()).status, 200);
    QCOMPARE(m_client->get(TestClient::listPath("offset=20")).status, 200);
    const TestClient::Reply failed = m_client->get(TestClient::listPath("offset=40"));
    QCOMPARE(failed.status, 503);
    QCOMPARE(failed.error(), u"service unavailable"_s);
    QVERIFY(!failed.json.value("api_id"_L1).toString().isEmpty());
    QCOMPARE(m_client->get(TestClient::listPath("offset=40")).status, 503);
    QCOMPARE(m_client->get(TestClient::listPath("offset=40")).status, 200);

    m_sim->failRequests(0, 1, 500);
    const TestClient::Reply serverError = m_client->get(TestClient::listPath());
    QCOMPARE(serverError.status, 500);
    QCOMPARE(serverError.error(), u"simulated server error"_s);
    QCOMPARE(m_client->get(TestClient::listPath()).status, 200);
}

void TstSimulator::requestServedHasNoQuery()
{
    QSignalSpy served(m_sim.get(), &cdrsim::Simulator::requestServed);
    QCOMPARE(m_client->get(TestClient::listPath("limit=1&from_number=%2B1202")).status, 200);
    QTRY_COMPARE(served.count(), 1);
    QCOMPARE(served.at(0).at(0).toString(), u"GET"_s);
    QCOMPARE(served.at(0).at(1).toString(), QString::fromLatin1(TestClient::listPath()));
    QCOMPARE(served.at(0).at(2).toInt(), 200);
    QCOMPARE(m_client->get(TestClient::listPath(), {}, {}).status, 401);
    QTRY_COMPARE(served.count(), 2);
    QCOMPARE(served.at(1).at(2).toInt(), 401);
}

void TstSimulator::awkwardData()
{
    // Each awkward case must reach a client through the default window.
    const auto has = [this](const QString &conditions) { return countMatching(m_window, conditions) > 0; };
    for (int code : {4410, 4550, 4160})
        QVERIFY(
            countMatching(m_window, u"hangup_cause_code eq %1;call_duration eq 0;bill_duration eq 0"_s.arg(code)) >= 3);
    QVERIFY(has(u"attestation_indicator eq null;stir_verification eq Not Applicable"_s));
    QVERIFY(countMatching(m_window, u"stir_verification eq not applicable"_s) >= 3);
    QVERIFY(has(u"to_number prefix 00"_s));
    QVERIFY(has(u"from_number eq 0044207946000"_s));
    QVERIFY(has(u"to_number eq 00441632960001"_s));
    QVERIFY(has(u"from_number prefix =cmd|"_s));
    QVERIFY(has(u"from_number prefix sip:"_s));
    QVERIFY(has(u"from_number eq PLIVOTEST"_s));

    int unanswered = 0, trunkIdOnly = 0, trunkIdAndDomain = 0, billed = 0, comma = 0, quote = 0, unicode = 0;
    QSet<QString> sources, directions;
    const QRegularExpression money(u"^\\d+\\.\\d{5}$"_s);
    for (const QJsonValue &value : std::as_const(m_window)) {
        const QJsonObject row = value.toObject();
        const QString from = row.value("from_number"_L1).toString();
        unanswered += row.value("answer_time"_L1).isNull() ? 1 : 0;
        const bool trunkId = row.contains("trunk_id"_L1);
        trunkIdOnly += trunkId && !row.contains("trunk_domain"_L1) ? 1 : 0;
        trunkIdAndDomain += trunkId && row.contains("trunk_domain"_L1) ? 1 : 0;
        billed += row.contains("billed_duration"_L1) ? 1 : 0;
        comma += from.contains(u',') ? 1 : 0;
        quote += from.contains(u'"') ? 1 : 0;
        unicode += std::any_of(from.cbegin(), from.cend(), [](QChar c) { return c.unicode() > 0xff; }) ? 1 : 0;
        sources.insert(row.value("hangup_source"_L1).toString());
        directions.insert(row.value("call_direction"_L1).toString());

        const int code = row.value("hangup_cause_code"_L1).toInt();
        const cdrsim::PlivoHangupCause *cause = cdrsim::findPlivoHangupCause(code);
        QVERIFY2(cause, QByteArray::number(code).constData());
        QCOMPARE(row.value("hangup_cause_name"_L1).toString(), QString::fromLatin1(cause->name));

        // Amount = rate per minute * billed seconds / 60, in units of 0.00001, rounded half up.
        const QString rate = row.value("total_rate"_L1).toString();
        const QString amount = row.value("total_amount"_L1).toString();
        QVERIFY(money.match(rate).hasMatch() && money.match(amount).hasMatch());
        const qint64 rateUnits = QString(rate).remove(u'.').toLongLong();
        const qint64 bill = row.value("bill_duration"_L1).toInteger();
        QCOMPARE(QString(amount).remove(u'.').toLongLong(), (rateUnits * bill + 30) / 60);
    }
    QVERIFY(unanswered >= 9);
    QVERIFY(trunkIdOnly >= 3 && trunkIdAndDomain >= 3 && billed >= 3);
    QVERIFY(comma >= 3 && quote >= 3 && unicode >= 2);
    QCOMPARE(sources, (QSet<QString>{u"customer"_s, u"carrier"_s, u"zentrunk"_s}));
    QCOMPARE(directions, (QSet<QString>{u"inbound"_s, u"outbound"_s}));
}

void TstSimulator::deterministicData()
{
    const qint64 now = kNow.toSecsSinceEpoch();
    const auto a = cdrsim::generatePlivoCalls(7, now, 300);
    const auto b = cdrsim::generatePlivoCalls(7, now, 300);
    const auto other = cdrsim::generatePlivoCalls(8, now, 300);
    const auto more = cdrsim::generatePlivoCalls(7, now, 600);
    QCOMPARE(a.size(), 300);
    QSet<QString> moreIds;
    for (const auto &call : more)
        moreIds.insert(call.uuid);
    for (qsizetype i = 0; i < a.size(); ++i) {
        QCOMPARE(a.at(i).uuid, b.at(i).uuid);
        QCOMPARE(a.at(i).fromNumber, b.at(i).fromNumber);
        QCOMPARE(a.at(i).amountUnits, b.at(i).amountUnits);
        QVERIFY(moreIds.contains(a.at(i).uuid)); // growing the count only adds calls
    }
    QVERIFY(a.first().uuid != other.first().uuid);
    QVERIFY(a.last().endTime >= now - 120 * 86400 && a.first().endTime <= now);
}

QByteArray TstSimulator::rawExchange(const QByteArray &request)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_sim->port());
    if (!socket.waitForConnected(5000))
        return {};
    socket.write(request);
    QSignalSpy closed(&socket, &QTcpSocket::disconnected);
    closed.wait(10000);
    return socket.readAll();
}

void TstSimulator::keepAliveAndPipelining()
{
    const QByteArray auth = TestClient::basicAuth("MADEMO00000000000000", "demo-token-0000");
    const QByteArray first
        = "GET " + TestClient::listPath("limit=1") + " HTTP/1.1\r\nHost: t\r\nAuthorization: " + auth + "\r\n\r\n";
    const QByteArray second = "GET /nowhere HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n";
    m_sim->setLatency(100ms); // the second answer must still wait for the first
    const QByteArray answer = rawExchange(first + second);
    const qsizetype ok = answer.indexOf("HTTP/1.1 200 OK\r\n");
    const qsizetype notFound = answer.indexOf("HTTP/1.1 404 Not Found\r\n");
    QVERIFY2(ok == 0 && notFound > ok, answer.left(300).constData());
    QVERIFY(answer.indexOf("Connection: keep-alive") < notFound);
    QVERIFY(answer.indexOf("Connection: close") > notFound);
}

void TstSimulator::malformedRequest()
{
    const QByteArray answer = rawExchange("this is not http\r\n\r\n");
    QVERIFY2(answer.startsWith("HTTP/1.1 400 "), answer.constData());
}

void TstSimulator::runsOnAnotherThread()
{
    QThread thread;
    auto *sim = new cdrsim::Simulator;
    sim->moveToThread(&thread);
    connect(&thread, &QThread::finished, sim, &QObject::deleteLater);
    thread.start();
    sim->setPlivoCallCount(10);
    QVERIFY(sim->listen()); // hops onto the simulator's thread
    TestClient client(sim->baseUrl());
    const TestClient::Reply reply = client.get(TestClient::listPath());
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.totalCount(), 10);
    QCOMPARE(sim->requestCount(), 1);
    thread.quit();
    QVERIFY(thread.wait(5000));
}

QTEST_GUILESS_MAIN(TstSimulator)
