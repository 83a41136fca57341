#include "../common/comparerecords.h"
#include "compactrecordstore.h"
#include "provider.h"
#include "providerregistry.h"

#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QByteArray testData(const QString &path)
{
    QFile file(QStringLiteral(CDR_TEST_DATA_DIR) + u'/' + path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing test data %s", qPrintable(path));
    return file.readAll();
}

NativeField field(const QString &name, NativeValue::Kind kind, const QString &text)
{
    return {name, {kind, text}};
}

// A Plivo-like call: a unique id, numbers, and fields that repeat a few values.
CdrRecord typicalCall(int i)
{
    CdrRecord record;
    record.id = u"%1-4a1f-8c2e-%2"_s.arg(i, 8, 16, QLatin1Char('0')).arg(i * 7919, 12, 10, QLatin1Char('0'));
    record.caller = u"+1%1"_s.arg(2025550000 + i);
    record.callee = u"0044%1"_s.arg(7700900000LL + i * 3);
    record.startTime = QDateTime::fromMSecsSinceEpoch(1764000000000 - i * 7000LL, Qt::UTC);
    record.endTime = record.startTime.addSecs(i % 600);
    if (i % 3 != 0)
        record.answerTime = record.startTime.addSecs(5);
    record.duration = i % 600;
    record.billedDuration = (i % 600 + 59) / 60 * 60;
    record.direction = i % 2 ? Direction::Inbound : Direction::Outbound;
    record.amount = u"0.%1"_s.arg(i % 100000, 5, 10, QLatin1Char('0'));
    record.rate = u"0.00300"_s;
    record.currency = u"USD"_s;
    record.hangupCause = i % 4 ? u"normal_hangup"_s : u"user_busy"_s;
    record.trunk = u"trunk%1.zt.plivo.com"_s.arg(i % 40);
    using Kind = NativeValue::Kind;
    record.native = {
        field(u"call_uuid"_s, Kind::String, record.id),
        field(u"from_number"_s, Kind::String, record.caller),
        field(u"to_number"_s, Kind::String, record.callee),
        field(u"call_duration"_s, Kind::Number, QString::number(i % 600)),
        field(u"total_amount"_s, Kind::String, record.amount),
        field(u"total_rate"_s, Kind::String, record.rate),
        field(u"answer_time"_s, i % 3 ? Kind::String : Kind::Null, i % 3 ? u"2025-11-24 10:00:05"_s : QString()),
        field(u"hangup_cause_name"_s, Kind::String, record.hangupCause),
        field(u"trunk_domain"_s, Kind::String, record.trunk),
        field(u"srtp"_s, Kind::Bool, u"false"_s),
        field(u"extra"_s, Kind::Object, u"{\"a\":[1,2.50]}"_s),
    };
    return record;
}

} // namespace

class TestCompactRecordStore final : public QObject {
    Q_OBJECT

private slots:
    void providerPagesComeBackUnchanged_data();
    void providerPagesComeBackUnchanged();
    void manyRowsComeBackUnchanged();
    void awkwardTexts_data();
    void awkwardTexts();
    void packedTexts_data();
    void packedTexts();
    void packedFormsSaveSpace();
    void unsetValuesStayUnset();
    void selectionReadsOnlyWhatIsAsked();
    void replaceAndFindById();
    void referencedTextsAreNotStoredTwice();
    void repeatedValuesAreShared();
};

void TestCompactRecordStore::providerPagesComeBackUnchanged_data()
{
    QTest::addColumn<QString>("providerId");
    QTest::addColumn<QString>("file");
    const QList<std::pair<QString, QString>> pages{
        {u"plivo"_s, u"plivo/list_seed000_quotes_fixed.json"_s},
        {u"plivo"_s, u"plivo/list_awkward.json"_s},
        {u"enswitch"_s, u"enswitch/list_seed002_example.json"_s},
        {u"enswitch"_s, u"enswitch/list_awkward.json"_s},
        {u"portsip"_s, u"portsip/list_seed003_example.json"_s},
        {u"portsip"_s, u"portsip/list_awkward.json"_s},
    };
    for (const auto &[providerId, file] : pages)
        QTest::newRow(qPrintable(file)) << providerId << file;
}

void TestCompactRecordStore::providerPagesComeBackUnchanged()
{
    QFETCH(QString, providerId);
    QFETCH(QString, file);
    const Provider *provider = ProviderRegistry::find(providerId);
    QVERIFY(provider);
    const PageResult page = provider->parsePage(testData(file));
    QVERIFY(!page.error);
    QVERIFY(!page.rows.empty());

    CompactRecordStore store;
    for (const CdrRecord &record : page.rows)
        store.append(record);
    QCOMPARE(store.size(), page.rows.size());
    for (std::size_t i = 0; i < page.rows.size(); ++i)
        compareRecords(store.record(i), page.rows[i]);
}

void TestCompactRecordStore::manyRowsComeBackUnchanged()
{
    // More rows than a row block and than a dictionary's trial, so closed
    // dictionaries, several blocks and several chunks are all read back.
    constexpr int rows = 40000;
    CompactRecordStore store;
    for (int i = 0; i < rows; ++i)
        store.append(typicalCall(i));
    QCOMPARE(store.size(), std::size_t(rows));
    for (int i : {0, 1, 255, 256, 257, 4095, 4096, 16383, 16384, 30000, rows - 1})
        compareRecords(store.record(std::size_t(i)), typicalCall(i));
}

void TestCompactRecordStore::awkwardTexts_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("accents") << u"Müller-Lüdenscheidt, café"_s;
    QTest::newRow("cjk") << u"東京都 発信"_s;
    QTest::newRow("emoji (surrogate pair)") << u"call 📞 ok"_s;
    QTest::newRow("leading zeros") << u"00049301234"_s;
    QTest::newRow("plus") << u"+4930123456"_s;
    QTest::newRow("quotes and backslash") << u"say \"hi\" \\ bye"_s;
    QTest::newRow("control characters") << u"a\tb\nc\u0001"_s;
    QTest::newRow("exactly 48 long") << QString(48, u'x');
    QTest::newRow("49 long") << QString(49, u'y');
    QTest::newRow("longer than a chunk") << QString(700000, u'é');
}

void TestCompactRecordStore::awkwardTexts()
{
    QFETCH(QString, text);
    CompactRecordStore store;
    for (int i = 0; i < 3; ++i) {
        CdrRecord record = typicalCall(i);
        record.caller = text;   // not among the native values: stored in its own right
        record.native.append(field(u"note"_s, NativeValue::Kind::String, text));
        record.hangupSource = text + u"!"_s;
        store.append(record);
    }
    for (int i = 0; i < 3; ++i) {
        CdrRecord expected = typicalCall(i);
        expected.caller = text;
        expected.native.append(field(u"note"_s, NativeValue::Kind::String, text));
        expected.hangupSource = text + u"!"_s;
        compareRecords(store.record(std::size_t(i)), expected);
    }
}

void TestCompactRecordStore::packedTexts_data()
{
    QTest::addColumn<QString>("text");
    // Packed forms, and texts that look like them but must stay as they are.
    for (const QString &text : {u"2025-11-24 10:00:05"_s, u"2025-11-24T10:00:05"_s, u"2025-11-24T10:00:05Z"_s,
             u"2025-11-24 10:00:05+05:30"_s, u"2025-11-24T10:00:05.123456-03:30"_s, u"0001-01-01 00:00:00"_s,
             u"9999-12-31 23:59:60"_s, u"2025-02-30 00:00:00"_s, u"2025-13-01 00:00:00"_s,
             u"2025-00-10 00:00:00"_s, u"2025-11-24 24:00:00"_s, u"2025-11-24 10:00"_s, u"2025/11/24 10:00:05"_s,
             u"2025-11-24 10:00:05 Ümlaut"_s, u"550e8400-e29b-41d4-a716-446655440000"_s,
             u"550E8400-E29B-41D4-A716-446655440000"_s, u"550e8400-E29B-41d4-a716-446655440000"_s,
             u"00000000-0000-0000-0000-000000000000"_s, u"550e8400e29b41d4a716446655440000"_s,
             u"{550e8400-e29b-41d4-a716-446655440000}"_s, u"550e8400-e29b-41d4-a716-44665544000g"_s,
             u"+14155550123"_s, u"004930123456"_s, u"0000"_s, u"0"_s, u"+"_s, u"++1234"_s, u"123456789012345678"_s,
             u"1234567890123456789"_s, u"99999999999999999999"_s, u"+0"_s, u"12a4"_s, u"-1234"_s})
        QTest::newRow(qPrintable(text)) << text;
}

void TestCompactRecordStore::packedTexts()
{
    QFETCH(QString, text);
    // Unique texts first, so the dictionaries close and the text is stored in its own right.
    CompactRecordStore store;
    for (int i = 0; i < 300; ++i) {
        CdrRecord filler;
        filler.caller = u"caller %1"_s.arg(i);
        filler.callee = u"callee %1"_s.arg(i);
        filler.native = {field(u"note"_s, NativeValue::Kind::String, u"note %1"_s.arg(i)),
                         field(u"same"_s, NativeValue::Kind::String, filler.caller)};
        store.append(filler);
    }
    CdrRecord native;   // in a native value, with the caller referring to it
    native.caller = text;
    native.native = {field(u"note"_s, NativeValue::Kind::String, text + u"."_s),
                     field(u"same"_s, NativeValue::Kind::String, text)};
    CdrRecord unified;   // in a unified member that no native value holds
    unified.callee = text;
    unified.native = {field(u"note"_s, NativeValue::Kind::Number, u"1"_s)};
    store.append(native);
    store.append(unified);
    compareRecords(store.record(300), native);
    compareRecords(store.record(301), unified);
    QCOMPARE(store.record(300, RecordSelection::forColumn(u"raw.same")).native.value(0).value.text, text);
    QCOMPARE(store.record(301, RecordSelection::forColumn(u"callee")).callee, text);
}

void TestCompactRecordStore::packedFormsSaveSpace()
{
    // A UUID, a date-time and a phone number that never repeat: 70 bytes as text,
    // 17 + 7 + 8 packed. The same texts after an "x" cannot be packed.
    constexpr int rows = 100000;
    CompactRecordStore packed;
    CompactRecordStore plain;
    for (int i = 0; i < rows; ++i) {
        const QStringList texts{u"%1-e29b-41d4-a716-446655440000"_s.arg(i, 8, 16, QLatin1Char('0')),
            QDateTime::fromSecsSinceEpoch(1764000000 - i * 61, Qt::UTC).toString(u"yyyy-MM-dd HH:mm:ss"),
            u"+1415%1"_s.arg(5550000 + i)};
        CdrRecord record;
        for (const QString &text : texts)
            record.native.append(field(u"f%1"_s.arg(record.native.size()), NativeValue::Kind::String, text));
        packed.append(record);
        for (NativeField &native : record.native)
            native.value.text.prepend(u'x');
        plain.append(record);
        if (i == rows - 1)
            QCOMPARE(packed.record(std::size_t(i)).native[0].value.text, texts[0]);
    }
    const double saved = double(plain.bytesUsed() - packed.bytesUsed()) / rows;
    QVERIFY2(saved > 35, qPrintable(QString::number(saved)));
}

void TestCompactRecordStore::unsetValuesStayUnset()
{
    CdrRecord empty;
    CdrRecord zero;
    zero.duration = 0;
    zero.billedDuration = 0;
    zero.startTime = QDateTime::fromMSecsSinceEpoch(-86400000LL * 365 * 30, Qt::UTC);   // before 1970
    zero.native = {field(u"cost"_s, NativeValue::Kind::String, QString()),
                   field(u"gone"_s, NativeValue::Kind::Null, QString())};

    CompactRecordStore store;
    store.append(empty);
    store.append(zero);
    const CdrRecord first = store.record(0);
    QVERIFY(!first.duration);
    QVERIFY(!first.billedDuration);
    QVERIFY(!first.startTime.isValid());
    QVERIFY(first.native.isEmpty());
    compareRecords(store.record(1), zero);
    QCOMPARE(store.record(1).startTime.timeSpec(), Qt::UTC);
}

void TestCompactRecordStore::selectionReadsOnlyWhatIsAsked()
{
    CompactRecordStore store;
    store.append(typicalCall(5));
    const CdrRecord full = typicalCall(5);

    const CdrRecord caller = store.record(0, RecordSelection::forColumn(u"caller"));
    QCOMPARE(caller.caller, full.caller);
    QVERIFY(caller.id.isEmpty());
    QVERIFY(caller.native.isEmpty());
    QVERIFY(!caller.duration);

    const CdrRecord amount = store.record(0, RecordSelection::forColumn(u"amount"));
    QCOMPARE(amount.amount, full.amount);
    QCOMPARE(amount.currency, u"USD"_s);
    QVERIFY(amount.caller.isEmpty());

    const CdrRecord native = store.record(0, RecordSelection::forColumn(u"raw.trunk_domain"));
    QCOMPARE(native.native.size(), 1);
    QCOMPARE(native.native[0].name, u"trunk_domain"_s);
    QCOMPARE(native.native[0].value.text, full.trunk);
    QVERIFY(native.trunk.isEmpty());

    const CdrRecord time = store.record(0, RecordSelection::forColumn(u"start_time"));
    QCOMPARE(time.startTime, full.startTime);
    QVERIFY(!time.endTime.isValid());

    QVERIFY(store.record(0, RecordSelection::forColumn(u"raw.missing")).native.isEmpty());
    QCOMPARE(store.id(0), full.id);
}

void TestCompactRecordStore::replaceAndFindById()
{
    CompactRecordStore store;
    for (int i = 0; i < 100; ++i)
        store.append(typicalCall(i));
    CdrRecord fresher = typicalCall(42);
    fresher.amount = u"12.34567"_s;
    fresher.hangupCause = u"refreshed"_s;
    store.replace(42, fresher);

    compareRecords(store.record(42), fresher);
    compareRecords(store.record(41), typicalCall(41));
    compareRecords(store.record(43), typicalCall(43));
    QCOMPARE(store.indexOfId(typicalCall(42).id), std::optional<std::size_t>(42));
    QCOMPARE(store.indexOfId(typicalCall(99).id), std::optional<std::size_t>(99));
    QCOMPARE(store.indexOfId(u"no such id"), std::nullopt);
    QCOMPARE(store.indexOfId(u""), std::nullopt);
}

void TestCompactRecordStore::referencedTextsAreNotStoredTwice()
{
    // The same rows, once with the unified id equal to the native call_uuid and
    // once with a different id of the same length: the second must cost about
    // the id's 31 bytes more per row (give or take a 1 MiB chunk spread over the rows).
    constexpr int rows = 100000;
    CompactRecordStore shared;
    CompactRecordStore separate;
    for (int i = 0; i < rows; ++i) {
        CdrRecord record = typicalCall(i);
        shared.append(record);
        record.id = record.id.toUpper();   // hex: same length, different text
        separate.append(record);
    }
    const double extraPerRow = double(separate.bytesUsed() - shared.bytesUsed()) / rows;
    QVERIFY2(extraPerRow >= 30 && extraPerRow <= 45, qPrintable(QString::number(extraPerRow)));
}

void TestCompactRecordStore::repeatedValuesAreShared()
{
    CompactRecordStore store;
    for (int i = 0; i < 1000; ++i)
        store.append(typicalCall(i));
    // A dictionary text comes back as the same shared string every time.
    const QString first = store.record(3).hangupCause;
    const QString second = store.record(7).hangupCause;
    QCOMPARE(first, second);
    QVERIFY(first.constData() == second.constData());
    // A field that never repeats loses its dictionary after a trial, so a later
    // row's id is decoded into a string of its own.
    const QString id = store.record(900).id;
    const QString again = store.record(900).id;
    QCOMPARE(id, again);
    QVERIFY(id.constData() != again.constData());
}

QTEST_GUILESS_MAIN(TestCompactRecordStore)
#include "tst_compactrecordstore.moc"
