#include "tst_portsip_simulator.h"

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kUs = 1000000;

QJsonArray select(const QJsonArray &items, const Predicate &keep)
{
    QJsonArray out;
    for (const QJsonValue &item : items)
        if (keep(item.toObject()))
            out.append(item);
    return out;
}

Predicate textIs(const QString &field, const QString &value)
{
    return [field, value](const QJsonObject &item) { return text(item, field) == value; };
}

Predicate statusIn(int low, int high) // inclusive
{
    return [low, high](const QJsonObject &item) {
        const int status = item["status_code"_L1].toInt();
        return status >= low && status <= high;
    };
}

// How the server orders a field: numbers as numbers, times as instants (unset first), text by code unit.
int compareField(const QJsonObject &a, const QJsonObject &b, const QString &field)
{
    if (field == u"status_code"_s || field == u"duration"_s)
        return a[field].toInt() - b[field].toInt();
    if (field.endsWith(u"_at"_s)) {
        const std::optional<qint64> x = instant(a, field);
        const std::optional<qint64> y = instant(b, field);
        if (bool(x) != bool(y))
            return x ? 1 : -1;
        return !x || *x == *y ? 0 : *x < *y ? -1 : 1;
    }
    return QString::compare(text(a, field), text(b, field));
}

} // namespace

void TstPortsipSimulator::filters_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<Predicate>("expected");
    auto add = [](const char *tag, const QString &filter, const Predicate &expected) {
        QTest::newRow(tag) << filter << expected;
    };
    add("caller eq", u"caller eq '00441632960001'"_s, textIs(u"caller"_s, u"00441632960001"_s));
    add("extension", u"callee eq '101'"_s, textIs(u"callee"_s, u"101"_s));
    add("startswith plus", u"startswith(callee,'+44')"_s,
        [](const QJsonObject &i) { return text(i, u"callee"_s).startsWith(u"+44"_s); });
    add("endswith", u"endswith(caller, '01')"_s,
        [](const QJsonObject &i) { return text(i, u"caller"_s).endsWith(u"01"_s); });
    add("contains escaped quote", u"contains(callee_display_name,'O''Brien')"_s,
        [](const QJsonObject &i) { return text(i, u"callee_display_name"_s).contains(u"O'Brien"_s); });
    add("injection is a literal", u"caller_display_name eq 'x'' or ''a'' eq ''a'"_s,
        textIs(u"caller_display_name"_s, u"x' or 'a' eq 'a"_s));
    add("keywords in a literal", u"caller_display_name eq 'Sales and (Support) or not eq'"_s,
        textIs(u"caller_display_name"_s, u"Sales and (Support) or not eq"_s));
    add("non-Latin", u"contains(caller_display_name,'東京')"_s,
        [](const QJsonObject &i) { return text(i, u"caller_display_name"_s).contains(u"東京"_s); });
    add("or", u"direction eq 'EXTENSION_CALL' or direction eq 'INBOUND_OUTBOUND_CALL'"_s, [](const QJsonObject &i) {
        return text(i, u"direction"_s) == u"EXTENSION_CALL"_s || text(i, u"direction"_s) == u"INBOUND_OUTBOUND_CALL"_s;
    });
    add("parentheses", u"(direction eq 'INBOUND_CALL' or direction eq 'OUTBOUND_CALL') and status_code eq 486"_s,
        [](const QJsonObject &i) {
            return (text(i, u"direction"_s) == u"INBOUND_CALL"_s || text(i, u"direction"_s) == u"OUTBOUND_CALL"_s)
                && i["status_code"_L1].toInt() == 486;
        });
    add("and before or", u"status_code eq 404 or status_code eq 486 and direction eq 'OUTBOUND_CALL'"_s,
        [](const QJsonObject &i) {
            const int status = i["status_code"_L1].toInt();
            return status == 404 || (status == 486 && text(i, u"direction"_s) == u"OUTBOUND_CALL"_s);
        });
    add("not", u"not (status_code eq 0)"_s, [](const QJsonObject &i) { return i["status_code"_L1].toInt() != 0; });
    add("range of codes", u"status_code ge 400 and status_code lt 500"_s, statusIn(400, 499));
    add("quoted number", u"status_code eq '404'"_s, statusIn(404, 404));
    add("long calls", u"duration gt 3600"_s, [](const QJsonObject &i) { return i["duration"_L1].toInt() > 3600; });
    const qint64 from = (kNow.toSecsSinceEpoch() - 7 * 86400) * kUs + 123456;
    const qint64 to = (kNow.toSecsSinceEpoch() - 2 * 86400) * kUs;
    add("time range, fraction and offset",
        u"started_at ge '2026-11-13T12:00:00.123456Z' and started_at lt '2026-11-18T14:00:00+02:00'"_s,
        [from, to](const QJsonObject &i) {
            const qint64 started = *instant(i, u"started_at"_s);
            return started >= from && started < to;
        });
    const QJsonObject pivot = m_all.at(100).toObject();
    const qint64 pivotEnd = *instant(pivot, u"ended_at"_s);
    add("time to the microsecond", u"ended_at gt '%1'"_s.arg(text(pivot, u"ended_at"_s)),
        [pivotEnd](const QJsonObject &i) { return *instant(i, u"ended_at"_s) > pivotEnd; });
    QHash<QString, int> starts;
    for (const QJsonValue &item : std::as_const(m_all))
        ++starts[text(item.toObject(), u"started_at"_s)];
    const QString tie = starts.key(5);
    add("same instant", u"started_at eq '%1'"_s.arg(tie), textIs(u"started_at"_s, tie));
    add("answered_at null", u"answered_at eq null"_s,
        [](const QJsonObject &i) { return !instant(i, u"answered_at"_s); });
    add("rang_at set", u"rang_at ne null"_s, [](const QJsonObject &i) { return bool(instant(i, u"rang_at"_s)); });
    add("empty text is unset", u"did_cid eq ''"_s, textIs(u"did_cid"_s, QString()));
    add("null text is unset", u"did_cid eq null"_s, textIs(u"did_cid"_s, QString()));
    add("outside the enum", u"end_reason eq 'CALLER_DISCONNECT'"_s, textIs(u"end_reason"_s, u"CALLER_DISCONNECT"_s));
    add("any reroute", u"reroute_reason ne ''"_s,
        [](const QJsonObject &i) { return !text(i, u"reroute_reason"_s).isEmpty(); });
    add("parentheses in a value", u"trunk eq 'US-Carrier (backup)'"_s, textIs(u"trunk"_s, u"US-Carrier (backup)"_s));
    add("one id", u"id eq '%1'"_s.arg(text(m_all.at(7).toObject(), u"id"_s)),
        textIs(u"id"_s, text(m_all.at(7).toObject(), u"id"_s)));
    add("blank", u"  "_s, [](const QJsonObject &) { return true; });
}

void TstPortsipSimulator::filters()
{
    QFETCH(QString, filter);
    QFETCH(Predicate, expected);
    const QJsonArray want = select(m_all, expected);
    if (QByteArrayView(QTest::currentDataTag()) != "blank")
        QVERIFY2(!want.isEmpty() && want.size() < m_all.size(), "the data should exercise this filter");
    const Reply counted = list({{u"filter"_s, filter}, {u"count"_s, u"true"_s}, {u"top"_s, u"100"_s}});
    QCOMPARE(counted.http, 200);
    QCOMPARE(counted.json.value("count"_L1).toInteger(), want.size());
    QCOMPARE(ids(listAll({{u"filter"_s, filter}})), ids(want));
}

void TstPortsipSimulator::invalidOptions_data()
{
    QTest::addColumn<Options>("options");
    QTest::addColumn<QString>("option"); // the detail
    QTest::addColumn<QString>("message"); // a part of the message
    QTest::newRow("top 0") << Options{{u"top"_s, u"0"_s}} << u"top"_s << u"from 1 to 100"_s;
    QTest::newRow("top 101") << Options{{u"top"_s, u"101"_s}} << u"top"_s << u"from 1 to 100"_s;
    QTest::newRow("top text") << Options{{u"top"_s, u"ten"_s}} << u"top"_s << u"'ten'"_s;
    QTest::newRow("$top 0") << Options{{u"$top"_s, u"0"_s}} << u"top"_s << u"from 1 to 100"_s;
    QTest::newRow("skip negative") << Options{{u"skip"_s, u"-1"_s}} << u"skip"_s << u"at least 0"_s;
    QTest::newRow("skip text") << Options{{u"skip"_s, u"1.5"_s}} << u"skip"_s << u"at least 0"_s;
    QTest::newRow("count") << Options{{u"count"_s, u"yes"_s}} << u"count"_s << u"true or false"_s;
    QTest::newRow("unknown field") << Options{{u"filter"_s, u"callr eq '1'"_s}} << u"filter"_s
                                   << u"unknown field 'callr'"_s;
    QTest::newRow("unterminated") << Options{{u"$filter"_s, u"caller eq '1"_s}} << u"filter"_s
                                  << u"unterminated string literal"_s;
    QTest::newRow("syntax") << Options{{u"filter"_s, u"caller eq '1' and"_s}} << u"filter"_s
                            << u"expected a field name"_s;
    QTest::newRow("bad time") << Options{{u"filter"_s, u"started_at gt '2026-11-31T00:00:00Z'"_s}} << u"filter"_s
                              << u"RFC 3339"_s;
    QTest::newRow("unquoted text") << Options{{u"filter"_s, u"callee eq 101"_s}} << u"filter"_s << u"quoted string"_s;
    QTest::newRow("orderby field") << Options{{u"orderby"_s, u"cost desc"_s}} << u"orderby"_s
                                   << u"unknown field 'cost'"_s;
    QTest::newRow("orderby direction") << Options{{u"orderby"_s, u"caller up"_s}} << u"orderby"_s << u"asc or desc"_s;
    QTest::newRow("orderby empty item") << Options{{u"$orderby"_s, u"caller,,duration"_s}} << u"orderby"_s
                                        << u"field [asc|desc]"_s;
    QTest::newRow("filter twice") << Options{{u"filter"_s, u"duration gt 1"_s}, {u"$filter"_s, u"duration gt 2"_s}}
                                  << u"filter"_s << u"more than once"_s;
    QTest::newRow("top twice") << Options{{u"top"_s, u"5"_s}, {u"top"_s, u"5"_s}} << u"top"_s << u"more than once"_s;
}

void TstPortsipSimulator::invalidOptions()
{
    QFETCH(Options, options);
    QFETCH(QString, option);
    QFETCH(QString, message);
    for (const QByteArray &method : {"GET"_ba, "POST"_ba}) {
        const Reply reply = list(options, method);
        QCOMPARE(reply.http, 400);
        QCOMPARE(reply.code(), u"VALIDATE_FAILED"_s);
        QCOMPARE(reply.detail(), option);
        QVERIFY2(reply.message().contains(message), qPrintable(reply.message()));
    }
}

void TstPortsipSimulator::orderBy_data()
{
    QTest::addColumn<QString>("orderby");
    QTest::addColumn<QStringList>("fields");
    QTest::addColumn<QList<bool>>("descending");
    QTest::newRow("duration desc") << u"duration desc"_s << QStringList{u"duration"_s} << QList<bool>{true};
    QTest::newRow("two keys") << u"caller asc, started_at desc"_s << QStringList{u"caller"_s, u"started_at"_s}
                              << QList<bool>{false, true};
    QTest::newRow("ascending by default") << u"started_at"_s << QStringList{u"started_at"_s} << QList<bool>{false};
    QTest::newRow("no spaces, any case") << u"status_code DESC,id"_s << QStringList{u"status_code"_s, u"id"_s}
                                         << QList<bool>{true, false};
    QTest::newRow("unset times first") << u"answered_at asc"_s << QStringList{u"answered_at"_s} << QList<bool>{false};
    QTest::newRow("display names") << u"caller_display_name desc"_s << QStringList{u"caller_display_name"_s}
                                   << QList<bool>{true};
    QTest::newRow("ended_at") << u"ended_at desc"_s << QStringList{u"ended_at"_s} << QList<bool>{true};
}

void TstPortsipSimulator::orderBy()
{
    QFETCH(QString, orderby);
    QFETCH(QStringList, fields);
    QFETCH(QList<bool>, descending);
    QList<QJsonObject> want;
    for (const QJsonValue &item : std::as_const(m_all))
        want.append(item.toObject());
    std::stable_sort(want.begin(), want.end(), [&](const QJsonObject &a, const QJsonObject &b) {
        for (int k = 0; k < fields.size(); ++k) {
            const int c = compareField(a, b, fields.at(k));
            if (c != 0)
                return descending.at(k) ? c > 0 : c < 0;
        }
        return text(a, u"id"_s) < text(b, u"id"_s); // ties: id ascending
    });
    QStringList wantIds;
    for (const QJsonObject &item : want)
        wantIds.append(text(item, u"id"_s));
    QCOMPARE(ids(listAll({{u"orderby"_s, orderby}})), wantIds);
}

void TstPortsipSimulator::paging()
{
    const auto slice = [this](qsizetype from, qsizetype n) { return ids(m_all).mid(from, n); };
    QCOMPARE(ids(list({{u"top"_s, u"7"_s}}).items()), slice(0, 7));
    QCOMPARE(ids(list({{u"skip"_s, u"13"_s}, {u"top"_s, u"50"_s}}).items()), slice(13, 50));
    QCOMPARE(ids(list({}).items()), slice(0, 100)); // top defaults to 100
    QCOMPARE(ids(list({{u"skip"_s, u"1995"_s}}).items()), slice(1995, 5));
    const Reply beyond = list({{u"skip"_s, u"5000"_s}, {u"count"_s, u"true"_s}});
    QCOMPARE(beyond.http, 200);
    QVERIFY(beyond.items().isEmpty());
    QCOMPARE(beyond.json.value("count"_L1).toInteger(), 2000);

    // count is the total of the filtered set, not the page size, and only there when asked.
    const Reply counted = list({{u"filter"_s, u"status_code eq 0"_s}, {u"top"_s, u"3"_s}, {u"count"_s, u"TRUE"_s}});
    QCOMPARE(counted.items().size(), 3);
    QCOMPARE(counted.json.value("count"_L1).toInteger(), select(m_all, statusIn(0, 0)).size());
    QVERIFY(counted.body.startsWith("{\"count\":"));
    QVERIFY(!list({{u"count"_s, u"false"_s}, {u"top"_s, u"1"_s}}).json.contains("count"_L1));
    QVERIFY(!list({{u"top"_s, u"1"_s}}).json.contains("count"_L1));
    // Unknown options are ignored, as extra parameters are on the real server.
    QCOMPARE(list({{u"top"_s, u"2"_s}, {u"pageSize"_s, u"9"_s}}).items().size(), 2);
}

void TstPortsipSimulator::dollarNames()
{
    const Options plain{{u"filter"_s, u"status_code ne 0"_s}, {u"orderby"_s, u"duration desc, started_at"_s},
        {u"top"_s, u"9"_s}, {u"skip"_s, u"4"_s}, {u"count"_s, u"true"_s}};
    Options dollars;
    for (const auto &[key, value] : plain)
        dollars.append({u'$' + key, value});
    const Reply a = list(plain);
    QCOMPARE(a.http, 200);
    QCOMPARE(a.items().size(), 9);
    QCOMPARE(list(dollars).body, a.body);
    const Options mixed{dollars.at(0), plain.at(1), dollars.at(2), plain.at(3), dollars.at(4)};
    QCOMPARE(list(mixed).body, a.body);
}

void TstPortsipSimulator::skipOneBased()
{
    m_sim->setPortsipSkipOneBased(true);
    const QStringList all = ids(m_all);
    QCOMPARE(ids(list({{u"skip"_s, u"1"_s}, {u"top"_s, u"5"_s}}).items()), all.mid(0, 5));
    QCOMPARE(ids(list({{u"$skip"_s, u"3"_s}, {u"top"_s, u"5"_s}}).items()), all.mid(2, 5));
    QCOMPARE(ids(list({{u"top"_s, u"5"_s}}).items()), all.mid(0, 5)); // no skip: the first page either way
    const Reply zero = list({{u"skip"_s, u"0"_s}});
    QCOMPARE(zero.http, 400);
    QCOMPARE(zero.code(), u"VALIDATE_FAILED"_s);
    QVERIFY(zero.message().contains(u"at least 1"_s));
    m_sim->setPortsipSkipOneBased(false);
    QCOMPARE(ids(list({{u"skip"_s, u"1"_s}, {u"top"_s, u"5"_s}}).items()), all.mid(1, 5));
}

void TstPortsipSimulator::search()
{
    const QStringList searched{u"caller"_s, u"callee"_s, u"caller_display_name"_s, u"callee_display_name"_s,
        u"destination"_s, u"did_cid"_s, u"outbound_caller_id"_s, u"trunk"_s, u"service_number"_s, u"call_id"_s};
    const auto matches = [searched](const QString &needle) {
        return [searched, needle](const QJsonObject &item) {
            return std::any_of(searched.cbegin(), searched.cend(),
                [&](const QString &field) { return text(item, field).contains(needle, Qt::CaseInsensitive); });
        };
    };
    for (const QString &needle : {u"o'brien"_s, u"+4420794601"_s, u"backup"_s, u"ΕΛΈΝΗ"_s, u"8001"_s}) {
        const QJsonArray want = select(m_all, matches(needle));
        QVERIFY2(!want.isEmpty() && want.size() < m_all.size(), qPrintable(needle));
        QCOMPARE(ids(listAll({{u"search"_s, needle}})), ids(want));
    }
    // With a filter, a record must match both.
    const QJsonArray both = select(m_all,
        [&](const QJsonObject &item) { return matches(u"uk sip"_s)(item) && item["status_code"_L1].toInt() == 486; });
    QVERIFY(!both.isEmpty());
    QCOMPARE(ids(listAll({{u"$search"_s, u"uk sip"_s}, {u"filter"_s, u"status_code eq 486"_s}})), ids(both));
    QCOMPARE(list({{u"search"_s, u""_s}, {u"top"_s, u"3"_s}}).items().size(), 3);
}

void TstPortsipSimulator::postList()
{
    const Options options{{u"filter"_s, u"startswith(caller,'+') or contains(caller_display_name,',')"_s},
        {u"orderby"_s, u"ended_at desc"_s}, {u"top"_s, u"20"_s}, {u"skip"_s, u"3"_s}, {u"count"_s, u"true"_s}};
    const Reply get = list(options, "GET");
    QCOMPARE(get.http, 200);
    QCOMPARE(get.items().size(), 20);
    QCOMPARE(list(options, "POST").body, get.body);
    // A POST body is not where the options go: it is ignored.
    QCOMPARE(send("POST", u"/api/cdrs"_s, options, R"({"top":1})"_ba, bearer()).body, get.body);
}
