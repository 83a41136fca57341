// The Zentrunk hangup-code table and the detail pane's explanations.

#include "providers/plivo/plivohangupcodes.h"
#include "providers/plivo/plivoprovider.h"

#include <QTest>

#include <set>

using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(NativeField)

class TestPlivoExplain final : public QObject {
    Q_OBJECT

private slots:
    void hangupCodeTable();
    void explain_data();
    void explain();

private:
    PlivoProvider m_provider;
};

void TestPlivoExplain::hangupCodeTable()
{
    const auto codes = PlivoHangupCodes::all();
    QCOMPARE(codes.size(), std::size_t(79));   // every code on Plivo's page
    std::set<int> seen;
    for (const PlivoHangupCode &code : codes) {
        QVERIFY2(seen.insert(code.code).second, qPrintable(QString::number(code.code)));
        QCOMPARE(PlivoHangupCodes::find(code.code), &code);
        QVERIFY(!PlivoHangupCodes::groupName(code.group).isEmpty());
    }
    QCOMPARE(QLatin1StringView(PlivoHangupCodes::find(4000)->name), "bad_request"_L1);   // not the Voice API's meaning
    QCOMPARE(QLatin1StringView(PlivoHangupCodes::find(4010)->name), "unauthorized_by_carrier"_L1);
    QCOMPARE(PlivoHangupCodes::find(4160)->group, PlivoHangupGroup::FormatAndMedia);
    QCOMPARE(PlivoHangupCodes::find(5340)->group, PlivoHangupGroup::MidCall);
    QCOMPARE(PlivoHangupCodes::qualifier(*PlivoHangupCodes::find(5340)), u"PBX"_s);
    QCOMPARE(PlivoHangupCodes::groupName(PlivoHangupGroup::Global), u"Global"_s);
    QVERIFY(!PlivoHangupCodes::find(4180));
    QVERIFY(!PlivoHangupCodes::find(0));
    QVERIFY(!PlivoHangupCodes::find(9999));
}

void TestPlivoExplain::explain_data()
{
    QTest::addColumn<QList<NativeField>>("native");
    QTest::addColumn<QStringList>("expected");   // "key|text" per line

    using K = NativeValue::Kind;
    const auto field = [](const char *name, K kind, const char *text) {
        return NativeField{QString::fromLatin1(name), NativeValue{kind, QString::fromUtf8(text)}};
    };

    QTest::newRow("seed call") << QList<NativeField>{field("hangup_cause_name", K::String, "normal_hangup"),
                                                     field("hangup_source", K::String, "carrier"),
                                                     field("hangup_cause_code", K::Number, "3000"),
                                                     field("stir_verification", K::String, "Verified"),
                                                     field("attestation_indicator", K::String, "A")}
                               << QStringList{
                                      u"raw.hangup_cause_code|3000: normal_hangup — Normal (from the carrier)"_s,
                                      u"raw.hangup_source|carrier: the carrier's side ended the call"_s,
                                      u"raw.stir_verification|Verified: the caller ID carried full attestation (A)"_s,
                                      u"raw.attestation_indicator|A: full attestation — the carrier knows the caller and that they may use this number"_s};
    QTest::newRow("old name for the code")
        << QList<NativeField>{field("hangup_cause_code", K::Number, "4010"),
                              field("hangup_cause_name", K::String, "call_rejected_unauthorized_by_carrier")}
        << QStringList{u"raw.hangup_cause_code|4010: unauthorized_by_carrier — Authentication (the reply names it "
                       "“call_rejected_unauthorized_by_carrier”; the code is what counts)"_s};
    QTest::newRow("code as a string, no group qualifier")
        << QList<NativeField>{field("hangup_cause_code", K::String, "4160")}
        << QStringList{u"raw.hangup_cause_code|4160: request_timeout_carrier — Format and media"_s};
    QTest::newRow("unknown code") << QList<NativeField>{field("hangup_cause_code", K::Number, "9999")}
                                  << QStringList{u"raw.hangup_cause_code|9999: not in Zentrunk's hangup-code table"_s};
    QTest::newRow("lower-case stir, null attestation")
        << QList<NativeField>{field("stir_verification", K::String, "not applicable"),
                              field("attestation_indicator", K::String, "null")}
        << QStringList{u"raw.stir_verification|not applicable: STIR/SHAKEN does not apply (a non-US call, or WebRTC/SIP)"_s,
                       u"raw.attestation_indicator|No attestation was recorded for this call"_s};
    QTest::newRow("not verified, C") << QList<NativeField>{field("stir_verification", K::String, "Not Verified"),
                                                           field("attestation_indicator", K::String, "C")}
                                     << QStringList{
                                            u"raw.stir_verification|Not Verified: the caller ID carried partial (B) or gateway (C) attestation"_s,
                                            u"raw.attestation_indicator|C: gateway attestation — the carrier only knows where the call entered its network"_s};
    QTest::newRow("nothing to explain") << QList<NativeField>{field("call_uuid", K::String, "x"),
                                                              field("hangup_cause_code", K::Null, "")}
                                        << QStringList();
}

void TestPlivoExplain::explain()
{
    QFETCH(QList<NativeField>, native);
    QFETCH(QStringList, expected);

    CdrRecord record;
    record.native = native;
    QStringList lines;
    for (const FieldExplanation &line : m_provider.explain(record))
        lines.append(line.key + u'|' + line.text);
    QCOMPARE(lines, expected);
}

QTEST_GUILESS_MAIN(TestPlivoExplain)
#include "tst_plivoexplain.moc"
