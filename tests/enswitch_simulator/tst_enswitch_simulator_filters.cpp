#include "tst_enswitch_simulator.h"

using namespace Qt::StringLiterals;

void TstEnswitchSimulator::matchModes_data()
{
    QTest::addColumn<QString>("field"); // the row field the filter reads
    QTest::addColumn<QByteArray>("params");
    QTest::addColumn<QString>("mode");
    QTest::addColumn<QString>("value");
    const struct {
        const char *field, *number, *match;
        const char *values[4]; // contains, start, end, exact
    } filters[] = {
        {"snumber", "snumber", "smatch", {"0077", "077", "1", "00441632960001"}},
        {"cnumber", "cnumber", "cmatch", {"0163", "44", "23", "0016135550123"}},
        {"dnumber", "dnumber", "dmatch", {"44", "44", "0", "000123"}},
        {"name", "callername_number", "callername_match", {"o", "j", "E", "jane doe"}},
    };
    const char *modes[] = {"contains", "start", "end", "exact"};
    for (const auto &f : filters) {
        for (int m = 0; m < 4; ++m) {
            const QByteArray value = f.values[m];
            const QByteArray params = QByteArray(f.number) + '=' + value + '&' + f.match + '=' + modes[m];
            QTest::addRow("%s %s", f.field, modes[m]) << QString::fromLatin1(f.field) << params
                                                      << QString::fromLatin1(modes[m]) << QString::fromLatin1(value);
        }
        QTest::addRow("%s default", f.field) << QString::fromLatin1(f.field) << QByteArray(f.number) + '=' + f.values[0]
                                             << u"contains"_s << QString::fromLatin1(f.values[0]);
    }
    QTest::newRow("exact name with comma")
        << u"name"_s << QByteArray("callername_number=smith%2C+john&callername_match=exact") << u"exact"_s
        << u"Smith, John"_s;
    QTest::newRow("exact leading zeros") << u"snumber"_s << QByteArray("snumber=00441632960001&smatch=exact")
                                         << u"exact"_s << u"00441632960001"_s;
}

void TstEnswitchSimulator::matchModes()
{
    QFETCH(QString, field);
    QFETCH(QByteArray, params);
    QFETCH(QString, mode);
    QFETCH(QString, value);
    const std::function<bool(const QString &)> matches = [&]() -> std::function<bool(const QString &)> {
        if (mode == u"start"_s)
            return [value](const QString &s) { return s.startsWith(value, Qt::CaseInsensitive); };
        if (mode == u"end"_s)
            return [value](const QString &s) { return s.endsWith(value, Qt::CaseInsensitive); };
        if (mode == u"exact"_s)
            return [value](const QString &s) { return s.compare(value, Qt::CaseInsensitive) == 0; };
        return [value](const QString &s) { return s.contains(value, Qt::CaseInsensitive); };
    }();
    QStringList expected;
    for (const QJsonValue &row : std::as_const(m_every))
        if (matches(row[field].toString()))
            expected.append(row["uniqueid"_L1].toString());
    QVERIFY2(!expected.isEmpty() && expected.size() < m_every.size(), "the data should exercise this mode");

    const Reply reply = listAll("customer=system&archive=1&" + params);
    QCOMPARE(reply.code(), u"200"_s);
    QCOMPARE(strings(reply.rows(), u"uniqueid"_s), expected);
}

void TstEnswitchSimulator::invalidParameters_data()
{
    QTest::addColumn<QByteArray>("params");
    QTest::addColumn<QString>("key");
    QTest::newRow("smatch") << QByteArray("snumber=1&smatch=regex") << u"smatch"_s;
    QTest::newRow("cmatch") << QByteArray("cmatch=begins") << u"cmatch"_s;
    QTest::newRow("dmatch") << QByteArray("dmatch=EXACT") << u"dmatch"_s;
    QTest::newRow("callername_match") << QByteArray("callername_match=like") << u"callername_match"_s;
    QTest::newRow("direction") << QByteArray("direction=inbound") << u"direction"_s;
    QTest::newRow("sort") << QByteArray("sort=currency") << u"sort"_s;
    QTest::newRow("descending") << QByteArray("descending=yes") << u"descending"_s;
    QTest::newRow("limit") << QByteArray("limit=-1") << u"limit"_s;
    QTest::newRow("offset") << QByteArray("offset=x") << u"offset"_s;
    QTest::newRow("start") << QByteArray("start=yesterday") << u"start"_s;
    QTest::newRow("detail") << QByteArray("detail=both") << u"detail"_s;
    QTest::newRow("customer") << QByteArray("customer=everyone") << u"customer"_s;
    QTest::newRow("talktime_maximum") << QByteArray("talktime_maximum=-5") << u"talktime_maximum"_s;
}

void TstEnswitchSimulator::invalidParameters()
{
    QFETCH(QByteArray, params);
    QFETCH(QString, key);
    const Reply reply = list(params);
    QCOMPARE(reply.http, 200);
    QCOMPARE(reply.code(), u"400"_s);
    QCOMPARE(reply.key(), key);
    QVERIFY(!reply.message().isEmpty());
}

void TstEnswitchSimulator::direction_data()
{
    QTest::addColumn<QString>("direction");
    QTest::newRow("in") << u"in"_s;
    QTest::newRow("out") << u"out"_s;
    QTest::newRow("internal") << u"internal"_s;
}

void TstEnswitchSimulator::direction()
{
    QFETCH(QString, direction);
    const Reply reply = listAll("direction=" + direction.toLatin1());
    qsizetype expected = 0;
    for (const QJsonValue &row : std::as_const(m_own))
        expected += row["direction"_L1].toString() == direction ? 1 : 0;
    QVERIFY(expected > 0);
    QCOMPARE(reply.rows().size(), expected);
    for (const QJsonValue &row : reply.rows())
        QCOMPARE(row["direction"_L1].toString(), direction);
}

void TstEnswitchSimulator::exactFilters()
{
    const QJsonObject sample = m_own.at(7).toObject();
    const struct {
        QByteArray params;
        std::function<bool(const QJsonObject &)> keep;
    } cases[] = {
        {"status=busy", [](const QJsonObject &r) { return r["status"_L1].toString() == u"busy"_s; }},
        {"stype=external", [](const QJsonObject &r) { return r["stype"_L1].toString() == u"external"_s; }},
        {"ctype=ddi", [](const QJsonObject &r) { return r["ctype"_L1].toString() == u"ddi"_s; }},
        {"dtype=voicemail", [](const QJsonObject &r) { return r["dtype"_L1].toString() == u"voicemail"_s; }},
        {"peer=7", [](const QJsonObject &r) { return r["peer"_L1].toInt() == 7; }},
        {"peer=0", [](const QJsonObject &) { return true; }},
        {"talktime_minimum=60&talktime_maximum=120",
            [](const QJsonObject &r) { return r["talktime"_L1].toInt() >= 60 && r["talktime"_L1].toInt() <= 120; }},
        {"talktime_maximum=0", [](const QJsonObject &r) { return r["talktime"_L1].toInt() == 0; }},
        {"callid=" + QUrl::toPercentEncoding(sample["callid"_L1].toString()),
            [&sample](const QJsonObject &r) { return r["callid"_L1] == sample["callid"_L1]; }},
    };
    for (const auto &c : cases) {
        QStringList expected;
        for (const QJsonValue &row : std::as_const(m_own))
            if (c.keep(row.toObject()))
                expected.append(row["uniqueid"_L1].toString());
        QVERIFY2(!expected.isEmpty(), c.params.constData());
        QCOMPARE(strings(listAll(c.params).rows(), u"uniqueid"_s), expected);
    }
}

void TstEnswitchSimulator::customers_data()
{
    QTest::addColumn<QByteArray>("params");
    QTest::addColumn<QList<int>>("customers"); // the customers whose legs come back
    QTest::newRow("own") << QByteArray() << QList<int>{1};
    QTest::newRow("own recursive") << QByteArray("recurse=1") << QList<int>{1, 2, 3, 4};
    QTest::newRow("id") << QByteArray("customer=3") << QList<int>{3};
    QTest::newRow("id recursive") << QByteArray("customer=2&recurse=1") << QList<int>{2, 4};
    QTest::newRow("not visible") << QByteArray("customer=9") << QList<int>{};
    QTest::newRow("all") << QByteArray("customer=all") << QList<int>{1, 2, 3, 4};
    QTest::newRow("external") << QByteArray("customer=external") << QList<int>{4};
    QTest::newRow("postpaid") << QByteArray("customer=postpaid") << QList<int>{1, 3};
    QTest::newRow("prepaid") << QByteArray("customer=prepaid") << QList<int>{2};
    QTest::newRow("system") << QByteArray("customer=system") << QList<int>{1, 2, 3, 4, 9};
}

void TstEnswitchSimulator::customers()
{
    QFETCH(QByteArray, params);
    QFETCH(QList<int>, customers);
    const Reply reply = listAll(params);
    QCOMPARE(reply.code(), u"200"_s);
    QSet<int> seen;
    for (const QJsonValue &row : reply.rows()) {
        // A leg belongs to its source customer, or to its destination customer when inbound.
        const bool inbound = row["direction"_L1].toString() == u"in"_s;
        seen.insert(row[inbound ? "dcustomer"_L1 : "scustomer"_L1].toInt());
    }
    QCOMPARE(seen, QSet<int>(customers.cbegin(), customers.cend()));
}

void TstEnswitchSimulator::archiveAndWindow()
{
    const qsizetype withArchived = listAll("archive=1").rows().size();
    QVERIFY(withArchived > m_own.size());
    QCOMPARE(listAll("archive=0").rows().size(), m_own.size());

    const qint64 from = kNow.toSecsSinceEpoch() - 30 * 86400;
    const qint64 to = kNow.toSecsSinceEpoch() - 10 * 86400;
    qsizetype expected = 0;
    for (const QJsonValue &row : std::as_const(m_own)) {
        const qint64 start = row["start"_L1].toInteger();
        expected += start >= from && start < to ? 1 : 0;
    }
    QVERIFY(expected > 0);
    const Reply window = listAll("start=" + QByteArray::number(from) + "&end=" + QByteArray::number(to));
    QCOMPARE(window.rows().size(), expected);
    QCOMPARE(listAll("start=" + QByteArray::number(to) + "&end=" + QByteArray::number(from)).rows().size(), 0);
}

void TstEnswitchSimulator::pagingWalk()
{
    const int limit = 97;
    QStringList seen;
    for (int offset = 0;; offset += limit) {
        const Reply page = list(
            "customer=system&archive=1&limit=" + QByteArray::number(limit) + "&offset=" + QByteArray::number(offset));
        QCOMPARE(page.code(), u"200"_s);
        seen += strings(page.rows(), u"uniqueid"_s);
        if (page.rows().size() < limit)
            break;
        QVERIFY(offset < 2000);
    }
    QCOMPARE(seen, strings(m_every, u"uniqueid"_s)); // each leg once, in the same order as limit=0
    QCOMPARE(list("customer=system&archive=1&limit=10&offset=1500").rows().size(), 0);
    QCOMPARE(list("customer=system&archive=1&offset=1490").rows().size(), 10); // no limit: the rest
}

void TstEnswitchSimulator::sorting_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<bool>("descending");
    for (const char *field : {"start", "end", "cost", "name", "snumber", "cnumber", "talktime", "uniqueid", "scustomer",
             "status", "direction", "peer"}) {
        QTest::addRow("%s asc", field) << QString::fromLatin1(field) << false;
        QTest::addRow("%s desc", field) << QString::fromLatin1(field) << true;
    }
}

void TstEnswitchSimulator::sorting()
{
    QFETCH(QString, field);
    QFETCH(bool, descending);
    const Reply reply = listAll(
        "customer=system&archive=1&sort=" + field.toLatin1() + (descending ? "&descending=1" : "&descending=0"));
    const QJsonArray rows = reply.rows();
    QCOMPARE(rows.size(), 1500);
    // Numbers compare as numbers (cost via its exact text scaled), text as text; ties by uniqueid.
    auto compare = [&field](const QJsonValue &a, const QJsonValue &b) {
        int c = 0;
        if (a[field].isString())
            c = QString::compare(a[field].toString(), b[field].toString());
        else if (field == u"cost"_s)
            c = qRound64(a[field].toDouble() * 10000) < qRound64(b[field].toDouble() * 10000)   ? -1
                : qRound64(a[field].toDouble() * 10000) > qRound64(b[field].toDouble() * 10000) ? 1
                                                                                                : 0;
        else
            c = a[field].toInteger() < b[field].toInteger() ? -1 : a[field].toInteger() > b[field].toInteger() ? 1 : 0;
        return c != 0 ? c : QString::compare(a["uniqueid"_L1].toString(), b["uniqueid"_L1].toString());
    };
    for (qsizetype i = 1; i < rows.size(); ++i) {
        const int c = compare(rows.at(i - 1), rows.at(i));
        QVERIFY2(descending ? c > 0 : c < 0, qPrintable(u"row %1"_s.arg(i)));
    }
    if (field == u"start"_s && !descending) // start ascending is the default order
        QCOMPARE(strings(rows, u"uniqueid"_s), strings(m_every, u"uniqueid"_s));
}

void TstEnswitchSimulator::detailCall()
{
    const QJsonArray calls = listAll("customer=system&archive=1&detail=call").rows();
    QStringList callIds = strings(calls, u"callid"_s);
    QCOMPARE(QSet<QString>(callIds.cbegin(), callIds.cend()).size(), callIds.size());
    const QStringList legCallIds = strings(m_every, u"callid"_s);
    QCOMPARE(QSet<QString>(legCallIds.cbegin(), legCallIds.cend()), QSet<QString>(callIds.cbegin(), callIds.cend()));
    QVERIFY(calls.size() < m_every.size()); // some calls have several legs
    QCOMPARE(listAll("customer=system&archive=1&detail=leg").rows().size(), m_every.size());
}
