#include "tst_simulator.h"
#include "plivodata.h"
#include "rowcheck.h"

#include <algorithm>
#include <set>

void TstSimulator::initTestCase()
{
    m_sim = std::make_unique<cdrsim::Simulator>();
    m_sim->setNow(kNow);
    m_sim->setPlivoRateLimit(0, 5000ms); // most tests page a lot; rateLimit() turns it back on
    QVERIFY(m_sim->listen());
    QVERIFY(m_sim->port() != 0);
    QCOMPARE(m_sim->baseUrl().toString(), u"http://127.0.0.1:%1"_s.arg(m_sim->port()));
    m_client = std::make_unique<TestClient>(m_sim->baseUrl());

    int total = 0;
    walk({}, 20, m_window, total);
    QVERIFY(total > 100);
}

void TstSimulator::cleanup()
{
    m_sim->setLatency(0ms);
    m_sim->setPlivoRateLimit(0, 5000ms);
    m_sim->failRequests(0, 0, 500);
    m_sim->forceRateLimit(0);
}

void TstSimulator::walk(const QByteArray &query, int limit, QJsonArray &rows, int &total)
{
    total = -1;
    for (int offset = 0;; offset += limit) {
        QByteArray q = "limit=" + QByteArray::number(limit) + "&offset=" + QByteArray::number(offset);
        if (!query.isEmpty())
            q += '&' + query;
        const TestClient::Reply reply = m_client->get(TestClient::listPath(q));
        QCOMPARE(reply.status, 200);
        if (total < 0)
            total = reply.totalCount();
        QCOMPARE(reply.totalCount(), total);
        const QJsonArray page = reply.objects();
        QCOMPARE(page.size(), qMin(limit, qMax(0, total - offset)));
        for (const QJsonValue &row : page)
            rows.append(row);
        if (offset + limit >= total)
            break;
    }
}

void TstSimulator::authentication_data()
{
    QTest::addColumn<QByteArray>("user");
    QTest::addColumn<QByteArray>("password");
    QTest::addColumn<QByteArray>("account");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("error");

    const QByteArray demo = "MADEMO00000000000000";
    QTest::newRow("none") << QByteArray() << QByteArray() << demo << 401
                          << u"authentication credentials were not provided"_s;
    QTest::newRow("wrong token") << demo << QByteArray("nope") << demo << 401
                                 << u"authentication credentials invalid"_s;
    QTest::newRow("unknown user") << QByteArray("MAXXXXXXXXXXXXXXXXXX") << QByteArray("demo-token-0000") << demo << 401
                                  << u"authentication credentials invalid"_s;
    QTest::newRow("other account in url") << QByteArray("MAOTHER0000000000000") << QByteArray("other-token") << demo
                                          << 401 << u"authentication credentials invalid"_s;
    QTest::newRow("own account") << QByteArray("MAOTHER0000000000000") << QByteArray("other-token")
                                 << QByteArray("MAOTHER0000000000000") << 200 << QString();
    QTest::newRow("demo") << demo << QByteArray("demo-token-0000") << demo << 200 << QString();
}

void TstSimulator::authentication()
{
    QFETCH(QByteArray, user);
    QFETCH(QByteArray, password);
    QFETCH(QByteArray, account);
    QFETCH(int, status);
    QFETCH(QString, error);
    m_sim->addPlivoAccount({u"MAOTHER0000000000000"_s, u"other-token"_s});

    const TestClient::Reply reply = m_client->get("/v1/Account/" + account + "/Zentrunk/Call/", user, password);
    QCOMPARE(reply.status, status);
    QCOMPARE(reply.error(), error);
    if (status != 200) {
        QVERIFY(!reply.json.value("api_id"_L1).toString().isEmpty());
        QVERIFY(reply.json.value("objects"_L1).isUndefined());
    }
}

void TstSimulator::listParameterErrors_data()
{
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<QString>("mentions");

    QTest::newRow("limit 21") << QByteArray("limit=21") << u"20"_s;
    QTest::newRow("limit 0") << QByteArray("limit=0") << u"limit"_s;
    QTest::newRow("limit text") << QByteArray("limit=ten") << u"limit"_s;
    QTest::newRow("limit blank") << QByteArray("limit=") << u"limit"_s;
    QTest::newRow("offset negative") << QByteArray("offset=-1") << u"offset"_s;
    QTest::newRow("direction") << QByteArray("call_direction=Inbound") << u"call_direction"_s;
    QTest::newRow("bill text") << QByteArray("bill_duration__gt=1m") << u"bill_duration__gt"_s;
    QTest::newRow("end_time format") << QByteArray("end_time__gte=2024-06-01T00:00:00") << u"end_time__gte"_s;
    QTest::newRow("end_time date") << QByteArray("end_time__lt=2024-02-30+00:00") << u"end_time__lt"_s;
    QTest::newRow("hangup code") << QByteArray("hangup_cause_code=busy") << u"hangup_cause_code"_s;
    QTest::newRow("hangup source") << QByteArray("hangup_source=plivo") << u"hangup_source"_s;
    QTest::newRow("stir") << QByteArray("stir_verification=maybe") << u"stir_verification"_s;
}

void TstSimulator::listParameterErrors()
{
    QFETCH(QByteArray, query);
    QFETCH(QString, mentions);
    const TestClient::Reply reply = m_client->get(TestClient::listPath(query));
    QCOMPARE(reply.status, 400);
    QVERIFY2(reply.error().contains(mentions), qPrintable(reply.error()));
}

void TstSimulator::defaultPage()
{
    const TestClient::Reply reply = m_client->get(TestClient::listPath());
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.header("Content-Type"), QByteArray("application/json"));
    const QJsonObject meta = reply.json.value("meta"_L1).toObject();
    QCOMPARE(meta.value("limit"_L1).toInt(), 20);
    QCOMPARE(meta.value("offset"_L1).toInt(), 0);
    QVERIFY(meta.value("previous"_L1).isNull());
    QVERIFY(meta.value("next"_L1).isNull());
    QCOMPARE(reply.objects().size(), 20);

    // The default window is the last 30 days: count it independently from the generator.
    const qint64 from = kNow.addDays(-30).toSecsSinceEpoch();
    const auto calls = cdrsim::generatePlivoCalls(1, kNow.toSecsSinceEpoch(), 2521);
    const auto expected
        = std::count_if(calls.cbegin(), calls.cend(), [from](const cdrsim::PlivoCall &c) { return c.endTime >= from; });
    QCOMPARE(reply.totalCount(), int(expected));
    QCOMPARE(m_window.size(), int(expected));
    QCOMPARE(reply.objects().first().toObject(), m_window.first().toObject());
}

void TstSimulator::offsetWalk_data()
{
    QTest::addColumn<int>("limit");
    QTest::newRow("20") << 20;
    QTest::newRow("7") << 7;
    QTest::newRow("1 over a filter") << 1;
}

void TstSimulator::offsetWalk()
{
    QFETCH(int, limit);
    const QByteArray query = limit == 1 ? QByteArray("hangup_cause_code=4550") : QByteArray();
    QJsonArray rows;
    int total = 0;
    walk(query, limit, rows, total);
    QCOMPARE(rows.size(), total);
    QVERIFY(total > 0);

    std::set<QString> seen;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const QJsonObject row = rows.at(i).toObject();
        QVERIFY2(seen.insert(row.value("call_uuid"_L1).toString()).second, "a call came twice");
        if (i == 0)
            continue;
        // Newest first, ties by call_uuid, so offsets stay stable.
        const QJsonObject prev = rows.at(i - 1).toObject();
        const QString t = row.value("end_time"_L1).toString();
        const QString pt = prev.value("end_time"_L1).toString();
        QVERIFY(pt > t || (pt == t && prev.value("call_uuid"_L1).toString() < row.value("call_uuid"_L1).toString()));
    }
    if (query.isEmpty())
        QCOMPARE(rows, m_window);
}

void TstSimulator::filters_data()
{
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<QString>("conditions");

    QTest::newRow("from prefix without +") << QByteArray("from_number=1202") << u"from_number prefix 1202"_s;
    QTest::newRow("from prefix %2B") << QByteArray("from_number=%2B1202") << u"from_number prefix +1202"_s;
    QTest::newRow("from exact") << QByteArray("from_number=%2B12025550100") << u"from_number eq +12025550100"_s;
    QTest::newRow("to leading zeros") << QByteArray("to_number=00441632960001") << u"to_number eq 00441632960001"_s;
    QTest::newRow("to prefix") << QByteArray("to_number=91") << u"to_number prefix 91"_s;
    QTest::newRow("from formula") << QByteArray("from_number=%3Dcmd") << u"from_number prefix =cmd"_s;
    QTest::newRow("from unicode") << QByteArray("from_number=Zo%C3%AB") << u"from_number prefix Zoë"_s;
    QTest::newRow("from comma, + as space")
        << QByteArray("from_number=Smith%2C+John") << u"from_number eq Smith, John"_s;
    QTest::newRow("inbound") << QByteArray("call_direction=inbound") << u"call_direction eq inbound"_s;
    QTest::newRow("outbound") << QByteArray("call_direction=outbound") << u"call_direction eq outbound"_s;
    QTest::newRow("bill exact") << QByteArray("bill_duration=60") << u"bill_duration eq 60"_s;
    QTest::newRow("bill gt") << QByteArray("bill_duration__gt=7200") << u"bill_duration gt 7200"_s;
    QTest::newRow("bill gte lte") << QByteArray("bill_duration__gte=60&bill_duration__lte=120")
                                  << u"bill_duration ge 60;bill_duration le 120"_s;
    QTest::newRow("bill lt") << QByteArray("bill_duration__lt=1") << u"bill_duration lt 1"_s;
    QTest::newRow("hangup code") << QByteArray("hangup_cause_code=4410") << u"hangup_cause_code eq 4410"_s;
    QTest::newRow("hangup source") << QByteArray("hangup_source=zentrunk") << u"hangup_source eq zentrunk"_s;
    QTest::newRow("stir lower case") << QByteArray("stir_verification=not+applicable")
                                     << u"stir_verification ieq not applicable"_s;
    QTest::newRow("stir upper case") << QByteArray("stir_verification=NOT%20VERIFIED")
                                     << u"stir_verification ieq Not Verified"_s;
    QTest::newRow("combined") << QByteArray("call_direction=outbound&hangup_source=carrier&bill_duration__gt=0")
                              << u"call_direction eq outbound;hangup_source eq carrier;bill_duration gt 0"_s;
    QTest::newRow("unknown parameter ignored") << QByteArray("colour=blue&trunk=x") << QString();
}

void TstSimulator::filters()
{
    QFETCH(QByteArray, query);
    QFETCH(QString, conditions);
    const int expected = countMatching(m_window, conditions);
    QVERIFY2(expected > 0, "the data should exercise this filter");
    if (!conditions.isEmpty())
        QVERIFY(expected < m_window.size());

    QJsonArray rows;
    int total = 0;
    walk(query, 20, rows, total);
    QCOMPARE(total, expected);
    for (const QJsonValue &row : std::as_const(rows))
        QVERIFY2(rowMatches(row.toObject(), conditions), row.toObject().value("call_uuid"_L1).toString().toLatin1());
}

void TstSimulator::rawPlusIsASpace()
{
    // An unencoded '+' decodes to a space, as in any form decoder: clients must send %2B.
    const TestClient::Reply raw = m_client->get(TestClient::listPath("from_number=+1202"));
    QCOMPARE(raw.status, 200);
    QCOMPARE(raw.totalCount(), 0);
    const TestClient::Reply encoded = m_client->get(TestClient::listPath("from_number=%2B1202"));
    QVERIFY(encoded.totalCount() > 0);
}

void TstSimulator::endTimeFilters_data()
{
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<QString>("conditions");

    QTest::newRow("gte lt, %20") << "end_time__gte=" + queryTime(kNow.addDays(-7))
            + "&end_time__lt=" + queryTime(kNow.addDays(-1))
                                 << u"end_time ge %1;end_time lt %2"_s.arg(
                                        plivoTime(kNow.addDays(-7)), plivoTime(kNow.addDays(-1)));
    QTest::newRow("gt lte, + and fraction")
        << QByteArray("end_time__gt=2024-06-01+00:00:00.5&end_time__lte=2024-06-10+23:59:59")
        << u"end_time ge 2024-06-01 00:00:01;end_time le 2024-06-10 23:59:59"_s;
    QTest::newRow("minute form") << QByteArray("end_time__gte=2024-06-14+08:00")
                                 << u"end_time ge 2024-06-14 08:00:00"_s;

    // Equality at the precision given: find the tie group (five calls in one second).
    QString tie;
    for (qsizetype i = 0; i + 4 < m_window.size() && tie.isEmpty(); ++i) {
        const QString t = m_window.at(i).toObject().value("end_time"_L1).toString();
        if (m_window.at(i + 4).toObject().value("end_time"_L1).toString() == t)
            tie = t;
    }
    QVERIFY(!tie.isEmpty());
    QTest::newRow("equal second") << "end_time=" + tie.toLatin1().replace(' ', "%20") << u"end_time eq "_s + tie;
    QTest::newRow("equal minute") << "end_time=" + tie.left(16).toLatin1().replace(' ', '+')
                                  << u"end_time prefix "_s + tie.left(16);
}

void TstSimulator::endTimeFilters()
{
    QFETCH(QByteArray, query);
    QFETCH(QString, conditions);
    const int expected = countMatching(m_window, conditions);
    QVERIFY(expected > 0);
    QVERIFY(expected < m_window.size());
    QJsonArray rows;
    int total = 0;
    walk(query, 20, rows, total);
    QCOMPARE(total, expected);
    for (const QJsonValue &row : std::as_const(rows))
        QVERIFY(rowMatches(row.toObject(), conditions));
    if (QByteArray(QTest::currentDataTag()) == "equal second")
        QCOMPARE(total, 5);
}

void TstSimulator::ninetyDayRule_data()
{
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<int>("status");

    QTest::newRow("lower 91 days back") << "end_time__gte=" + queryTime(kNow.addDays(-91)) << 400;
    QTest::newRow("equality 100 days back") << "end_time=" + queryTime(kNow.addDays(-100)) << 400;
    QTest::newRow("lower exactly 90 days back") << "end_time__gte=" + queryTime(kNow.addDays(-90)) << 200;
    QTest::newRow("lower 90 days and 30 s back") << "end_time__gt=" + queryTime(kNow.addDays(-90).addSecs(-30)) << 200;
    QTest::newRow("span 92 days") << "end_time__gte=" + queryTime(kNow.addDays(-89))
            + "&end_time__lt=" + queryTime(kNow.addDays(3))
                                  << 400;
    QTest::newRow("span 90 days") << "end_time__gte=" + queryTime(kNow.addDays(-89))
            + "&end_time__lte=" + queryTime(kNow.addDays(1))
                                  << 200;
    QTest::newRow("only an old upper bound") << "end_time__lt=" + queryTime(kNow.addDays(-100)) << 200;
}

void TstSimulator::ninetyDayRule()
{
    QFETCH(QByteArray, query);
    QFETCH(int, status);
    const TestClient::Reply reply = m_client->get(TestClient::listPath(query));
    QCOMPARE(reply.status, status);
    if (status == 400) {
        QVERIFY2(reply.error().contains(u"90 days"_s), qPrintable(reply.error()));
        return;
    }
    // Whatever was asked, nothing older than 90 days comes back, though such calls exist.
    const qint64 horizon = kNow.addDays(-90).toSecsSinceEpoch();
    const auto calls = cdrsim::generatePlivoCalls(1, kNow.toSecsSinceEpoch(), 2521);
    QVERIFY(std::any_of(calls.cbegin(), calls.cend(), [horizon](const auto &c) { return c.endTime < horizon; }));
    const auto reachable
        = std::count_if(calls.cbegin(), calls.cend(), [horizon](const auto &c) { return c.endTime >= horizon; });
    const QByteArray tag = QTest::currentDataTag();
    if (tag.startsWith("lower"))
        QCOMPARE(reply.totalCount(), int(reachable));
    else if (tag == "only an old upper bound")
        QCOMPARE(reply.totalCount(), 0);
    else
        QVERIFY(reply.totalCount() > m_window.size());
}

void TstSimulator::singleCall()
{
    const QJsonObject first = m_window.at(3).toObject();
    const QByteArray uuid = first.value("call_uuid"_L1).toString().toLatin1();
    const TestClient::Reply reply = m_client->get(TestClient::listPath() + uuid + '/');
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json, first);
    QVERIFY(reply.json.value("meta"_L1).isUndefined());
    QCOMPARE(m_client->get(TestClient::listPath() + uuid).status, 200);

    const TestClient::Reply missing = m_client->get(TestClient::listPath("") + "00000000-0000-4000-8000-000000000000/");
    QCOMPARE(missing.status, 404);
    QCOMPARE(missing.error(), u"not found"_s);

    const auto calls = cdrsim::generatePlivoCalls(1, kNow.toSecsSinceEpoch(), 2521);
    const cdrsim::PlivoCall &oldest = calls.last();
    QVERIFY(oldest.endTime < kNow.addDays(-90).toSecsSinceEpoch());
    QCOMPARE(m_client->get(TestClient::listPath() + oldest.uuid.toLatin1() + '/').status, 404);
}

void TstSimulator::fieldOrder()
{
    // QJsonObject sorts keys, so look at the raw bytes of a call with both optional fields.
    QString uuid;
    for (const QJsonValue &row : std::as_const(m_window))
        if (row.toObject().contains("trunk_id"_L1) && row.toObject().contains("trunk_domain"_L1))
            uuid = row.toObject().value("call_uuid"_L1).toString();
    QVERIFY(!uuid.isEmpty());
    const TestClient::Reply reply = m_client->get(TestClient::listPath() + uuid.toLatin1() + '/');
    const QList<QByteArray> order{"call_uuid", "from_number", "to_number", "call_direction", "trunk_id",
        "call_duration", "bill_duration", "end_time", "hangup_cause_name", "hangup_source", "total_rate",
        "total_amount", "initiation_time", "answer_time", "trunk_domain", "from_country", "to_country",
        "transport_protocol", "srtp", "hangup_cause_code", "secure_trunking", "secure_trunking_rate",
        "stir_verification", "attestation_indicator"};
    qsizetype last = -1;
    for (const QByteArray &key : order) {
        const qsizetype at = reply.body.indexOf('"' + key + "\":");
        QVERIFY2(at > last, key.constData());
        last = at;
    }
}

void TstSimulator::routing_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<int>("status");

    QTest::newRow("list without slash") << QByteArray("GET") << TestClient::listPath().chopped(1) << 200;
    QTest::newRow("post list") << QByteArray("POST") << TestClient::listPath() << 405;
    QTest::newRow("delete call") << QByteArray("DELETE") << TestClient::listPath() + "abc/" << 405;
    QTest::newRow("other resource") << QByteArray("GET")
                                    << QByteArray("/v1/Account/MADEMO00000000000000/Zentrunk/Trunk/") << 404;
    QTest::newRow("insights") << QByteArray("GET") << TestClient::listPath() + "abc/Insights/" << 404;
    QTest::newRow("elsewhere") << QByteArray("GET") << QByteArray("/elsewhere/cdrs") << 404; // /api/ is PortSIP now
}

void TstSimulator::routing()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, path);
    QFETCH(int, status);
    const TestClient::Reply reply = m_client->get(path, "MADEMO00000000000000", "demo-token-0000", method);
    QCOMPARE(reply.status, status);
    if (status != 200)
        QVERIFY(!reply.error().isEmpty());
}
