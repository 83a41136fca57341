#include "plivodata.h"

#include "plivohangupcauses.h"
#include "splitmix64.h"

#include <QStringList>

#include <algorithm>
#include <array>

using namespace Qt::StringLiterals;

namespace cdrsim {

namespace {

constexpr qint64 kDay = 86400;
constexpr qint64 kHistory = 120 * kDay;
constexpr qint64 kRecent = 29 * kDay;

struct Country {
    QLatin1StringView iso;
    int weight;
    qint64 outboundRate; // units of 0.00001 USD per minute
};

constexpr std::array kCountries{
    Country{"US"_L1, 45, 450},
    Country{"GB"_L1, 15, 1200},
    Country{"IN"_L1, 20, 3000},
    Country{"DE"_L1, 10, 900},
    Country{"AU"_L1, 10, 1500},
};
constexpr qint64 kInboundRate = 300;
constexpr qint64 kSecureRate = 100;

// The account's own numbers: what outbound calls come from and inbound calls go to.
struct OwnNumber {
    QLatin1StringView number;
    QLatin1StringView iso;
};
constexpr std::array kOwnNumbers{
    OwnNumber{"+12025550100"_L1, "US"_L1},
    OwnNumber{"+12025550101"_L1, "US"_L1},
    OwnNumber{"+13125550142"_L1, "US"_L1},
    OwnNumber{"+912235328936"_L1, "IN"_L1},
    OwnNumber{"+442079460018"_L1, "GB"_L1},
};

// The awkward cases. Each kind appears three times, with the variant strings below.
enum class Quirk {
    Busy,
    Cancelled,
    CarrierTimeout,
    StirLowercase,
    StirNotApplicable,
    TrunkIdOnly,
    TrunkIdAndDomain,
    BilledDuration,
    LeadingZeroFrom,
    LeadingZeroTo,
    CallerComma,
    CallerQuote,
    CallerFormula,
    CallerSipUri,
    CallerAlphanumeric,
    CallerUnicode,
    NoPlus,
    LongCall,
    Count
};
constexpr int kQuirkKinds = int(Quirk::Count);
constexpr int kQuirkRepeats = 3;
constexpr int kQuirkCalls = kQuirkKinds * kQuirkRepeats;
constexpr int kTieCalls = 5; // end in the very same second, right after the quirks
constexpr qint64 kTieOffset = 2 * kDay + 11862;

QString digits(SplitMix64 &rng, int n)
{
    QString out;
    for (int i = 0; i < n; ++i)
        out += QChar(u'0' + rng.below(10));
    return out;
}

// Numbers from ranges reserved for fiction or drama where a country has them.
QString externalNumber(SplitMix64 &rng, QLatin1StringView iso)
{
    static const QStringList usAreas{u"202"_s, u"312"_s, u"415"_s, u"646"_s, u"212"_s, u"305"_s};
    if (iso == "US"_L1)
        return u"+1"_s + usAreas.at(rng.below(usAreas.size())) + u"55501"_s + digits(rng, 2);
    if (iso == "GB"_L1)
        return u"+442079460"_s + digits(rng, 3);
    if (iso == "IN"_L1)
        return u"+9122"_s + digits(rng, 8);
    if (iso == "DE"_L1)
        return u"+4930901820"_s + digits(rng, 3);
    return u"+6125550"_s + digits(rng, 4);
}

QLatin1StringView pickCountry(SplitMix64 &rng)
{
    int roll = rng.below(100);
    for (const Country &c : kCountries) {
        if (roll < c.weight)
            return c.iso;
        roll -= c.weight;
    }
    return kCountries.front().iso;
}

qint64 outboundRate(QLatin1StringView iso)
{
    for (const Country &c : kCountries)
        if (c.iso == iso)
            return c.outboundRate;
    return 1000;
}

QString makeUuid(SplitMix64 &rng)
{
    const quint64 hi = (rng.next() & ~0xF000ULL) | 0x4000ULL; // version 4
    const quint64 lo = (rng.next() & ~(3ULL << 62)) | (2ULL << 62); // RFC 4122 variant
    const QString hex = u"%1%2"_s.arg(hi, 16, 16, QChar(u'0')).arg(lo, 16, 16, QChar(u'0'));
    return hex.mid(0, 8) + u'-' + hex.mid(8, 4) + u'-' + hex.mid(12, 4) + u'-' + hex.mid(16, 4) + u'-'
        + hex.mid(20, 12);
}

struct Trunk {
    QString domain;
    QString id;
};

QList<Trunk> makeTrunks(quint32 seed)
{
    SplitMix64 rng(0x7A11C0DEULL ^ seed);
    static const QStringList regions{u"ap-south-1."_s, u""_s, u"eu-west-1."_s};
    QList<Trunk> trunks;
    for (const QString &region : regions) {
        const QString domain = QString::number(1 + rng.below(9)) + digits(rng, 16) + u'.' + region + u"zt.plivo.com"_s;
        trunks.append({domain, makeUuid(rng)});
    }
    return trunks;
}

const PlivoHangupCause &causeFor(int code)
{
    return *findPlivoHangupCause(code);
}

const PlivoHangupCause &pickCause(SplitMix64 &rng)
{
    const int roll = rng.below(100);
    if (roll < 38)
        return causeFor(3000);
    if (roll < 72)
        return causeFor(3010);
    if (roll < 78)
        return causeFor(4410);
    if (roll < 83)
        return causeFor(4550);
    if (roll < 87)
        return causeFor(4160);
    const auto all = plivoHangupCauses();
    return all[std::size_t(rng.below(int(all.size())))];
}

void applyCause(PlivoCall &call, const PlivoHangupCause &cause)
{
    call.hangupCauseCode = cause.code;
    call.hangupCauseName = QString::fromLatin1(cause.name);
    call.hangupSource = QString::fromLatin1(plivoHangupSource(cause.party, call.outbound));
}

// Fills durations, times and money from callDuration, the billing increment and the cause.
void settle(PlivoCall &call, int increment, int ringSeconds, bool answered)
{
    if (!answered) {
        call.callDuration = 0;
        call.billDuration = 0;
        call.answerTime.reset();
        call.initiationTime = call.endTime - ringSeconds;
    } else {
        call.billDuration = (call.callDuration + increment - 1) / increment * increment;
        call.answerTime = call.endTime - call.callDuration;
        call.initiationTime = *call.answerTime - ringSeconds;
    }
    call.amountUnits = (call.rateUnits * call.billDuration + 30) / 60;
}

PlivoCall makeCall(quint32 seed, int index, qint64 nowSecs, const QList<Trunk> &trunks)
{
    // Each call has its own stream, so call i is the same whatever the total count.
    SplitMix64 rng((quint64(seed) << 32) ^ (quint64(index) * 0x2545F4914F6CDD1DULL) ^ 0xC0FFEEULL);
    PlivoCall call;
    call.uuid = makeUuid(rng);
    call.outbound = rng.below(2) == 0;

    const OwnNumber own = kOwnNumbers[std::size_t(rng.below(int(kOwnNumbers.size())))];
    const QLatin1StringView otherIso = pickCountry(rng);
    const QString other = externalNumber(rng, otherIso);
    if (call.outbound) {
        call.fromNumber = own.number;
        call.fromCountry = own.iso;
        call.toNumber = other;
        call.toCountry = otherIso;
        call.rateUnits = outboundRate(otherIso);
    } else {
        call.fromNumber = other;
        call.fromCountry = otherIso;
        call.toNumber = own.number;
        call.toCountry = own.iso;
        call.rateUnits = kInboundRate;
    }

    const Trunk &trunk = trunks.at(rng.below(int(trunks.size())));
    call.trunkDomain = trunk.domain;

    const int transportRoll = rng.below(10);
    call.transport = transportRoll < 6 ? u"udp"_s : transportRoll < 8 ? u"tcp"_s : u"tls"_s;
    call.srtp = call.transport == u"tls"_s && rng.below(2) == 0;
    call.secureTrunking = call.srtp;
    call.secureRateUnits = call.secureTrunking ? kSecureRate : 0;
    call.rateUnits += call.secureRateUnits;

    const int stirRoll = rng.below(100);

    const qint64 offset = index < kQuirkCalls ? 60 + rng.below(int(kRecent - 60))
        : index < kQuirkCalls + kTieCalls     ? kTieOffset
                                              : rng.below(int(kHistory));
    call.endTime = nowSecs - offset;

    const PlivoHangupCause *cause = &pickCause(rng);
    call.callDuration = rng.below(100) < 2 ? rng.between(7200, 10800) : rng.between(1, 600);
    const int incrementRoll = rng.below(100);
    const int increment = incrementRoll < 80 ? 60 : incrementRoll < 95 ? 6 : 1;
    const int ring = rng.between(2, 25);

    if (index < kQuirkCalls) {
        const int variant = index / kQuirkKinds;
        auto pick = [variant](std::initializer_list<QString> options) { return std::data(options)[variant]; };
        auto setCaller = [&call](const QString &caller, const QString &iso) {
            // Odd caller IDs reach us on inbound calls, from whatever the carrier passes on.
            if (call.outbound) {
                call.outbound = false;
                std::swap(call.toNumber, call.fromNumber);
                std::swap(call.toCountry, call.fromCountry);
                call.rateUnits = kInboundRate + call.secureRateUnits;
            }
            call.fromNumber = caller;
            call.fromCountry = iso;
        };
        auto setCallee = [&call](const QString &callee, QLatin1StringView iso) {
            if (!call.outbound) {
                call.outbound = true;
                std::swap(call.toNumber, call.fromNumber);
                std::swap(call.toCountry, call.fromCountry);
            }
            call.toNumber = callee;
            call.toCountry = iso;
            call.rateUnits = outboundRate(iso) + call.secureRateUnits;
        };
        switch (Quirk(index % kQuirkKinds)) {
        case Quirk::Busy:
            cause = &causeFor(4410);
            break;
        case Quirk::Cancelled:
            cause = &causeFor(4550);
            break;
        case Quirk::CarrierTimeout:
            cause = &causeFor(4160);
            break;
        case Quirk::StirLowercase: // non-US so the lowercase form is at least plausible
            setCallee(externalNumber(rng, "IN"_L1), "IN"_L1);
            break;
        case Quirk::StirNotApplicable:
            setCallee(externalNumber(rng, "GB"_L1), "GB"_L1);
            break;
        case Quirk::TrunkIdOnly:
            call.trunkId = trunk.id;
            call.trunkDomain.clear();
            break;
        case Quirk::TrunkIdAndDomain:
            call.trunkId = trunk.id;
            break;
        case Quirk::BilledDuration:
            break; // set after settling, below
        case Quirk::LeadingZeroFrom:
            setCaller(
                pick({u"0044207946000"_s, u"0044207946001"_s, u"004930901820"_s}), pick({u"GB"_s, u"GB"_s, u"DE"_s}));
            break;
        case Quirk::LeadingZeroTo:
            setCallee(
                pick({u"00441632960001"_s, u"00441632960002"_s, u"0061255501234"_s}), variant < 2 ? "GB"_L1 : "AU"_L1);
            break;
        case Quirk::CallerComma:
            setCaller(pick({u"Acme, Inc."_s, u"Smith, John"_s, u"Support, Tier 2"_s}), u"US"_s);
            break;
        case Quirk::CallerQuote:
            setCaller(pick({u"\"Bob\" <sip:bob@example.com>"_s, u"Say \"hi\""_s, u"5\" floppy"_s}), u"US"_s);
            break;
        case Quirk::CallerFormula:
            setCaller(pick({u"=cmd|' /C calc'!A0"_s, u"@SUM(1+1)*cmd|' /C calc'!A0"_s, u"-2+3+cmd|' /C calc'!A0"_s}),
                u"US"_s);
            break;
        case Quirk::CallerSipUri:
            setCaller(pick({u"sip:+14155550123@pbx.example.com"_s, u"sip:alice@example.com;transport=tls"_s,
                          u"sips:bob@[2001:db8::1]:5061"_s}),
                QString());
            break;
        case Quirk::CallerAlphanumeric:
            setCaller(pick({u"PLIVOTEST"_s, u"ANONYMOUS"_s, u"unknown"_s}), QString());
            break;
        case Quirk::CallerUnicode:
            setCaller(pick({u"Zoë Brontë"_s, u"東京オフィス"_s, u"📞 Ελένη"_s}), u"GB"_s);
            break;
        case Quirk::NoPlus:
            setCaller(
                pick({u"12025550199"_s, u"442079460123"_s, u"919876543210"_s}), pick({u"US"_s, u"GB"_s, u"IN"_s}));
            break;
        case Quirk::LongCall:
            cause = &causeFor(3000);
            call.callDuration = 7201 + variant * 1800;
            break;
        case Quirk::Count:
            break;
        }
    }
    // After the quirks, which may have changed the countries; the STIR quirks come back below.
    if (call.fromCountry == u"US"_s && call.toCountry == u"US"_s) {
        call.stirVerification = stirRoll < 60 ? u"Verified"_s : u"Not Verified"_s;
        call.attestation = stirRoll < 60 ? u"A"_s : stirRoll < 85 ? u"B"_s : u"C"_s;
    } else {
        call.stirVerification = u"Not Applicable"_s;
        call.attestation = u"null"_s; // Plivo's own examples send the string, not JSON null
    }
    // Also after the quirks: whether the source is carrier or customer depends on the direction.
    applyCause(call, *cause);
    settle(call, increment, ring, cause->answered);
    const Quirk quirk = index < kQuirkCalls ? Quirk(index % kQuirkKinds) : Quirk::Count;
    if (quirk == Quirk::StirLowercase)
        call.stirVerification = u"not applicable"_s;
    if (quirk == Quirk::BilledDuration)
        call.billedDuration = (call.callDuration + 59) / 60 * 60;
    return call;
}

} // namespace

QList<PlivoCall> generatePlivoCalls(quint32 seed, qint64 nowSecs, int count)
{
    const QList<Trunk> trunks = makeTrunks(seed);
    QList<PlivoCall> calls;
    calls.reserve(std::max(count, 0));
    for (int i = 0; i < count; ++i)
        calls.append(makeCall(seed, i, nowSecs, trunks));
    std::sort(calls.begin(), calls.end(), [](const PlivoCall &a, const PlivoCall &b) {
        return a.endTime != b.endTime ? a.endTime > b.endTime : a.uuid < b.uuid;
    });
    return calls;
}

QString formatPlivoMoney(qint64 units)
{
    const QString sign = units < 0 ? u"-"_s : QString();
    const qint64 magnitude = units < 0 ? -units : units;
    return sign + QString::number(magnitude / 100000) + u'.' + u"%1"_s.arg(magnitude % 100000, 5, 10, QChar(u'0'));
}

} // namespace cdrsim
