// Identity, profile fields, declared filters, policies, validation and explanations of the PortSIP PBX provider.

#include "columns.h"
#include "providerregistry.h"
#include "providers/portsip/portsipprovider.h"

#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace {

const QDateTime kNow(QDate(2024, 6, 30), QTime(12, 0), QTimeZone::utc());
const QString kPassword = u"s3cret pass'w&rd"_s;
const QString kToken = u"eyJhbGciOi.tok+en/=="_s;

using Filters = QMap<QString, QString>;
using Params = QList<QPair<QString, QString>>;
using Options = QMap<QString, QString>;

Connection demoConnection(const Options &options = {}, const QString &baseUrl = u"https://pbx.example.com:8887"_s)
{
    Connection connection{QUrl(baseUrl), u"admin"_s, kPassword, options};
    connection.accessToken = kToken;
    return connection;
}

} // namespace

class TestPortSip final : public QObject {
    Q_OBJECT

private slots:
    void identity();
    void registered();
    void profileFields();
    void declaredFilters();
    void policies();
    void rateLimitOption_data();
    void rateLimitOption();
    void serverSortableColumns();
    void validation_data();
    void validation();
    void explanations();

private:
    PortSipProvider m_provider;
};

void TestPortSip::identity()
{
    QCOMPARE(m_provider.id(), u"portsip"_s);
    QCOMPARE(m_provider.displayName(), u"PortSIP PBX"_s);
    QVERIFY(m_provider.signsIn(demoConnection()));
}

void TestPortSip::registered()
{
    const Provider *provider = ProviderRegistry::find(u"portsip"_s);
    QVERIFY(provider);
    QCOMPARE(provider->displayName(), u"PortSIP PBX"_s);
    QVERIFY(ProviderRegistry::find(u"plivo"_s));
    QVERIFY(ProviderRegistry::find(u"enswitch"_s));
}

void TestPortSip::profileFields()
{
    const ProfileFieldLabels labels = m_provider.profileFields();
    QCOMPARE(labels.defaultBaseUrl, u"https://pbx.example.com:8887"_s);
    QCOMPARE(labels.userLabel, u"Username"_s);
    QCOMPARE(labels.secretLabel, u"Password"_s);
    QStringList keys;
    for (const ProfileOption &option : labels.options) {
        keys.append(option.key);
        QVERIFY2(!option.label.isEmpty() && !option.toolTip.isEmpty(), qPrintable(option.key));
    }
    QCOMPARE(keys, (QStringList{u"domain"_s, u"skipOneBased"_s, u"dollarNames"_s, u"rateLimit"_s}));
    QCOMPARE(labels.options[0].kind, ProfileOption::Kind::Text);
    QCOMPARE(labels.options[1].kind, ProfileOption::Kind::Flag);
    QCOMPARE(labels.options[2].kind, ProfileOption::Kind::Flag);
    QCOMPARE(labels.options[3].kind, ProfileOption::Kind::Count);
    QVERIFY(labels.options[1].toolTip.contains(u"from 1"_s));
    QVERIFY(labels.options[2].toolTip.contains(u"$filter"_s));
    QVERIFY(labels.options[3].toolTip.contains(u"1000"_s));
}

void TestPortSip::declaredFilters()
{
    QStringList keys;
    QMap<QString, FilterSpec> byKey;
    for (const FilterSpec &spec : m_provider.filters()) {
        keys.append(spec.key);
        byKey.insert(spec.key, spec);
        QVERIFY2(!spec.label.isEmpty() && !spec.hint.isEmpty(), qPrintable(spec.key));
    }
    QCOMPARE(keys,
        (QStringList{u"caller"_s, u"caller_match"_s, u"callee"_s, u"callee_match"_s, u"direction"_s, u"end_reason"_s,
            u"status_code"_s, u"trunk"_s, u"destination"_s, u"did_cid"_s, u"search"_s}));
    QCOMPARE(byKey[u"caller"_s].role, FilterRole::Caller);
    QCOMPARE(byKey[u"callee"_s].role, FilterRole::Callee);
    QCOMPARE(byKey[u"direction"_s].role, FilterRole::Direction);

    const auto choiceList = [](const FilterSpec &spec) {
        QStringList list;
        for (const FilterChoice &choice : spec.choices)
            list.append(choice.value + u'=' + choice.label);
        return list;
    };
    for (const QString &match : {u"caller_match"_s, u"callee_match"_s}) {
        QCOMPARE(byKey[match].kind, FilterKind::Choice);
        QCOMPARE(byKey[match].defaultValue, u"startswith"_s);
        QCOMPARE(choiceList(byKey[match]),
            (QStringList{
                u"eq=equals"_s, u"startswith=starts with"_s, u"contains=contains"_s, u"endswith=ends with"_s}));
    }
    QCOMPARE(choiceList(byKey[u"direction"_s]),
        (QStringList{u"INBOUND_CALL=Inbound"_s, u"OUTBOUND_CALL=Outbound"_s,
            u"EXTENSION_CALL=Internal (extension to extension)"_s, u"INBOUND_OUTBOUND_CALL=Inbound forwarded out"_s}));
    QCOMPARE(choiceList(byKey[u"end_reason"_s]),
        (QStringList{u"CALLER_DISCONNECTED=Caller hung up"_s, u"CALLEE_DISCONNECTED=Callee hung up"_s,
            u"BLIND_TRANSFER_COMPLETED=Blind transfer"_s, u"CONSULT_TRANSFER_COMPLETED=Consulted transfer"_s,
            u"REPLACED=Replaced"_s, u"REFERRED=Referred"_s, u"REDIRECTED=Redirected"_s, u"CANCELLED=Cancelled"_s}));
    QCOMPARE(byKey[u"status_code"_s].kind, FilterKind::Integer);
    QCOMPARE(byKey[u"status_code"_s].minimum, 0);
    QCOMPARE(byKey[u"status_code"_s].maximum, 699);
    for (const QString &text : {u"trunk"_s, u"destination"_s, u"did_cid"_s, u"search"_s})
        QCOMPARE(byKey[text].kind, FilterKind::Text);
}

void TestPortSip::policies()
{
    const TimeRangePolicy range = m_provider.timeRange();
    QCOMPARE(range.fieldLabel, u"Start time"_s);
    QVERIFY(!range.maxSpan);
    QVERIFY(!range.maxAge);
    QCOMPARE(range.defaultWindow, std::chrono::hours(24 * 30));

    const PagingPolicy paging = m_provider.paging();
    QCOMPARE(paging.pageSize, 100);
    QCOMPARE(paging.maxInFlight, 16); // the ceiling; the session's adaptive limit climbs to what the rate can use
    QCOMPARE(paging.rateLimitRequests, 1000);
    QCOMPARE(paging.rateLimitWindow, std::chrono::milliseconds(60000));
    QVERIFY(paging.reportsTotal);

    QVERIFY(m_provider.isRateLimitRefusal(429, {}));
    QVERIFY(m_provider.isRateLimitRefusal(503, {}));
    QVERIFY(!m_provider.isRateLimitRefusal(500, {}));
    QVERIFY(!m_provider.isRateLimitRefusal(401, {}));

    const QStringList columns = m_provider.defaultColumns();
    QVERIFY(columns.contains(u"start_time"_s));
    QVERIFY(columns.contains(u"hangup_cause"_s));
    QVERIFY(columns.contains(u"raw.status_code"_s));
    for (const QString &key : columns)
        QVERIFY2(isValidColumnKey(key), qPrintable(key));
}

void TestPortSip::rateLimitOption_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<int>("expected");
    QTest::newRow("unset") << QString() << 1000;
    QTest::newRow("5000") << u"5000"_s << 5000;
    QTest::newRow("spaces") << u" 2500 "_s << 2500;
    QTest::newRow("zero") << u"0"_s << 1000;
    QTest::newRow("negative") << u"-5"_s << 1000;
    QTest::newRow("text") << u"fast"_s << 1000;
    QTest::newRow("fraction") << u"12.5"_s << 1000;
    QTest::newRow("exponent") << u"1e3"_s << 1000;
    QTest::newRow("too big") << u"99999999999"_s << 1000;
}

void TestPortSip::rateLimitOption()
{
    QFETCH(QString, value);
    QFETCH(int, expected);
    const Connection connection = demoConnection(value.isNull() ? Options{} : Options{{u"rateLimit"_s, value}});
    QCOMPARE(PortSipProvider::rateLimitOf(connection), expected);
    const PagingPolicy policy = m_provider.pagingFor(connection);
    QCOMPARE(policy.rateLimitRequests, expected);
    QCOMPARE(policy.rateLimitWindow, std::chrono::milliseconds(60000));
    QCOMPARE(policy.pageSize, 100);
}

void TestPortSip::serverSortableColumns()
{
    const QStringList keys = m_provider.serverSortableColumns();
    for (const QString &key : {u"start_time"_s, u"answer_time"_s, u"end_time"_s, u"caller"_s, u"callee"_s,
             u"direction"_s, u"duration"_s, u"hangup_cause"_s, u"trunk"_s, u"id"_s})
        QVERIFY2(keys.contains(key), qPrintable(key));
    for (const QString &field : {u"caller_display_name"_s, u"rang_at"_s, u"call_id"_s, u"reroute_reason"_s,
             u"status_code"_s, u"outbound_caller_id"_s, u"did_cid"_s, u"service_number"_s, u"user_data"_s})
        QVERIFY2(keys.contains(u"raw."_s + field), qPrintable(field));
    QVERIFY(!keys.contains(u"amount"_s));
    QVERIFY(!keys.contains(u"raw.cost"_s));
    QVERIFY(!keys.contains(u"billed_duration"_s));
    for (const QString &key : keys)
        QVERIFY2(isValidColumnKey(key), qPrintable(key));
}

void TestPortSip::validation_data()
{
    QTest::addColumn<Filters>("filters");
    QTest::addColumn<Params>("extra");
    QTest::addColumn<QStringList>("errorKeys");
    QTest::addColumn<bool>("reversed");

    QTest::newRow("nothing") << Filters{} << Params{} << QStringList{} << false;
    QTest::newRow("everything valid") << Filters{{u"caller"_s, u"+44 (0) 1632"_s}, {u"caller_match"_s, u"eq"_s},
        {u"callee"_s, u"O'Brien"_s}, {u"callee_match"_s, u"endswith"_s}, {u"direction"_s, u"OUTBOUND_CALL"_s},
        {u"end_reason"_s, u"REPLACED"_s}, {u"status_code"_s, u"0"_s}, {u"trunk"_s, u"a and b"_s},
        {u"destination"_s, u"x"_s}, {u"did_cid"_s, u"1"_s}, {u"search"_s, u"\u5c71\u7530"_s}}
                                      << Params{{u"filter"_s, u"caller eq 'it''s (fine)'"_s}, {u"foo"_s, u"bar"_s}}
                                      << QStringList{} << false;
    QTest::newRow("unknown direction") << Filters{{u"direction"_s, u"inbound"_s}} << Params{}
                                       << QStringList{u"direction"_s} << false;
    QTest::newRow("unknown end reason") << Filters{{u"end_reason"_s, u"CALLER_DISCONNECT"_s}} << Params{}
                                        << QStringList{u"end_reason"_s} << false;
    QTest::newRow("bad match") << Filters{{u"caller_match"_s, u"like"_s}} << Params{} << QStringList{u"caller_match"_s}
                               << false;
    QTest::newRow("status text") << Filters{{u"status_code"_s, u"busy"_s}} << Params{} << QStringList{u"status_code"_s}
                                 << false;
    QTest::newRow("status 42") << Filters{{u"status_code"_s, u"42"_s}} << Params{} << QStringList{u"status_code"_s}
                               << false;
    QTest::newRow("status 700") << Filters{{u"status_code"_s, u"700"_s}} << Params{} << QStringList{u"status_code"_s}
                                << false;
    QTest::newRow("status negative") << Filters{{u"status_code"_s, u"-1"_s}} << Params{}
                                     << QStringList{u"status_code"_s} << false;
    QTest::newRow("status 100 and 699") << Filters{{u"status_code"_s, u"100"_s}} << Params{} << QStringList{} << false;
    QTest::newRow("control characters") << Filters{{u"caller"_s, u"1\n2"_s}, {u"trunk"_s, u"a\tb"_s},
        {u"search"_s, u"x\u2028"_s}} << Params{}
                                        << QStringList{u"caller"_s, u"trunk"_s, u"search"_s} << false;
    QTest::newRow("undeclared") << Filters{{u"reroute_reason"_s, u"TRANSFER"_s}} << Params{}
                                << QStringList{u"reroute_reason"_s} << false;
    QTest::newRow("user filter escapes") << Filters{} << Params{{u"filter"_s, u"caller eq '1') or (1 eq 1"_s}}
                                         << QStringList{u"filter"_s} << false;
    QTest::newRow("user filter unclosed quote")
        << Filters{} << Params{{u"$filter"_s, u"caller eq 'x"_s}} << QStringList{u"$filter"_s} << false;
    QTest::newRow("user filter newline") << Filters{} << Params{{u"filter"_s, u"a eq '1'\n"_s}}
                                         << QStringList{u"filter"_s} << false;
    QTest::newRow("paging params") << Filters{}
                                   << Params{{u"top"_s, u"5"_s}, {u"$skip"_s, u"1"_s}, {u"count"_s, u"false"_s}}
                                   << QStringList{u"top"_s, u"$skip"_s, u"count"_s} << false;
    QTest::newRow("range reversed") << Filters{} << Params{} << QStringList{u"since"_s} << true;
}

void TestPortSip::validation()
{
    QFETCH(Filters, filters);
    QFETCH(Params, extra);
    QFETCH(QStringList, errorKeys);
    QFETCH(bool, reversed);
    SearchQuery query;
    query.filters = filters;
    query.extraParams = extra;
    if (reversed) {
        query.since = kNow;
        query.until = kNow.addSecs(-1);
    }
    QStringList keys;
    for (const FieldError &error : m_provider.validate(query, kNow)) {
        keys.append(error.key);
        QVERIFY(!error.message.isEmpty());
    }
    QCOMPARE(keys, errorKeys);
}

void TestPortSip::explanations()
{
    CdrRecord record;
    record.native = {{u"direction"_s, {NativeValue::Kind::String, u"EXTENSION_CALL"_s}},
        {u"end_reason"_s, {NativeValue::Kind::String, u"CALLER_DISCONNECT"_s}},
        {u"status_code"_s, {NativeValue::Kind::Number, u"486"_s}},
        {u"reroute_reason"_s, {NativeValue::Kind::String, u"FORWARDING_MOON_PHASE"_s}}};
    QList<FieldExplanation> lines = m_provider.explain(record);
    QCOMPARE(lines.size(), 4);
    QCOMPARE(lines[0].key, u"raw.direction"_s);
    QVERIFY(lines[0].text.startsWith(u"EXTENSION_CALL: "_s));
    QVERIFY(lines[0].text.contains(u"extensions"_s));
    QCOMPARE(lines[1].key, u"raw.end_reason"_s);
    QVERIFY(lines[1].text.contains(u"caller ended"_s));
    QCOMPARE(lines[2].key, u"raw.status_code"_s);
    QVERIFY(lines[2].text.startsWith(u"486: Busy Here"_s));
    QCOMPARE(lines[3].key, u"raw.reroute_reason"_s);
    QVERIFY(lines[3].text.startsWith(u"FORWARDING_MOON_PHASE: "_s));
    QVERIFY(lines[3].text.contains(u"does not know"_s));

    record.native = {{u"status_code"_s, {NativeValue::Kind::Number, u"0"_s}},
        {u"direction"_s, {NativeValue::Kind::String, QString()}}, {u"end_reason"_s, {}},
        {u"reroute_reason"_s, {NativeValue::Kind::String, u"overflow"_s}}};
    lines = m_provider.explain(record);
    QCOMPARE(lines.size(), 2); // "" and null say nothing
    QVERIFY(lines[0].text.startsWith(u"0: no error"_s));
    QVERIFY(lines[1].text.contains(u"overflowed"_s)); // the webhook's lower case is understood

    for (const auto &[code, expected] : {std::pair{404, "Not Found"}, {408, "Request Timeout"},
             {480, "Temporarily Unavailable"}, {487, "Request Terminated"}, {503, "Service Unavailable"},
             {603, "Decline"}, {499, "a SIP request failure"}, {599, "a SIP server failure"}}) {
        CdrRecord one;
        one.native = {{u"status_code"_s, {NativeValue::Kind::Number, QString::number(code)}}};
        const QList<FieldExplanation> explained = m_provider.explain(one);
        QCOMPARE(explained.size(), 1);
        QVERIFY2(explained[0].text.contains(QLatin1StringView(expected)), qPrintable(explained[0].text));
    }
    for (const QString &odd : {u"42"_s, u"busy"_s}) {
        CdrRecord one;
        one.native = {{u"status_code"_s, {NativeValue::Kind::String, odd}}};
        const QList<FieldExplanation> explained = m_provider.explain(one);
        QCOMPARE(explained.size(), 1);
        QCOMPARE(explained[0].text, odd + u": not a SIP status code"_s);
    }
}

QTEST_GUILESS_MAIN(TestPortSip)
#include "tst_portsip.moc"
