#include "portsipdata.h"

#include "splitmix64.h"

#include <QStringList>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace cdrsim {

namespace {

constexpr qint64 kSecond = 1000000;
constexpr qint64 kDay = 86400;
constexpr qint64 kHistory = 120 * kDay;
constexpr qint64 kRecent = 29 * kDay;
constexpr int kTieCalls = 5; // start in the very same microsecond, right after the quirks
constexpr qint64 kTieOffset = 2 * kDay + 5025;
constexpr qint64 kIdEpochMs = 1262304000000; // 2010-01-01: makes 18-digit ids for current dates

const QString kDomain = u"demo.portsip.test"_s;

// The awkward values, one call each, all started in the last 29 days.
enum class Quirk {
    NameComma,
    NameQuote,
    NameNewline,
    NameApostrophe,
    NameInjection,
    NameKeywords,
    NameCjk,
    NameGreek,
    NameCyrillic,
    NameFormula,
    NamePercentPlus,
    CallerLeadingZeros,
    CalleeLeadingZeros,
    EndReasonOutsideEnum,
    RerouteForwarding,
    RerouteQueue,
    Busy,
    NotFound,
    Timeout,
    Unavailable,
    Cancelled,
    NullsForUnset,
    WholeSeconds,
    LongCall,
    PaddedId,
    StructuredUserData,
    InboundOutbound,
    Count
};
constexpr int kQuirkCalls = int(Quirk::Count);

QString digits(SplitMix64 &rng, int n)
{
    QString out;
    for (int i = 0; i < n; ++i)
        out += QChar(u'0' + rng.below(10));
    return out;
}

QString hex(SplitMix64 &rng, int n)
{
    return u"%1"_s.arg(rng.next(), 16, 16, QChar(u'0')).left(n);
}

template <typename T> const T &pick(SplitMix64 &rng, const QList<T> &list)
{
    return list.at(rng.below(int(list.size())));
}

// Numbers from ranges reserved for drama, written the ways PBX users dial them.
QString externalNumber(SplitMix64 &rng)
{
    switch (rng.below(5)) {
    case 0:
        return u"+44207946"_s + digits(rng, 4);
    case 1:
        return u"+447700900"_s + digits(rng, 3);
    case 2:
        return u"+120255501"_s + digits(rng, 2);
    case 3:
        return u"0044163296"_s + digits(rng, 4);
    default:
        return u"07700900"_s + digits(rng, 3);
    }
}

// Per-minute rate in units of 0.0001 by what the number looks like.
qint64 ratePerMinute(const QString &number)
{
    if (number.startsWith(u"+447"_s) || number.startsWith(u"07"_s))
        return 450;
    if (number.startsWith(u"+44"_s) || number.startsWith(u"0044"_s) || number.startsWith(u'0'))
        return 125;
    if (number.startsWith(u"+1"_s) || number.startsWith(u"001"_s))
        return 90;
    return 1200;
}

struct Extension {
    QString number;
    QString name;
};

const Extension &extension(SplitMix64 &rng)
{
    static const QList<Extension> extensions{{u"101"_s, u"Alice Martin"_s}, {u"102"_s, u"Bob Chen"_s},
        {u"103"_s, u"Zoë Brontë"_s}, {u"104"_s, u"Jürgen Groß"_s}, {u"105"_s, u"Front Desk"_s},
        {u"110"_s, u"Priya Nair"_s}, {u"120"_s, u"Support"_s}, {u"1001"_s, u"Warehouse"_s}};
    return pick(rng, extensions);
}

void setReasonAndStatus(PortsipCall &call, SplitMix64 &rng)
{
    static const QList<QString> answeredEnds{u"CALLER_DISCONNECTED"_s, u"CALLEE_DISCONNECTED"_s,
        u"CALLER_DISCONNECTED"_s, u"CALLEE_DISCONNECTED"_s, u"BLIND_TRANSFER_COMPLETED"_s,
        u"CONSULT_TRANSFER_COMPLETED"_s, u"REPLACED"_s, u"REFERRED"_s, u"REDIRECTED"_s, u"CALLER_DISCONNECT"_s};
    static const QList<int> failures{487, 487, 487, 486, 486, 480, 404, 408, 503, 603};
    if (rng.below(100) < 65) {
        call.endReason = pick(rng, answeredEnds);
        call.statusCode = 0;
    } else {
        call.statusCode = pick(rng, failures);
        call.endReason = call.statusCode == 487 ? u"CANCELLED"_s : u"CALLEE_DISCONNECTED"_s;
    }
    static const QList<QString> newReroutes{u"CAPACITY_BLOCKED"_s, u"QUEUE_EXIT"_s, u"QUEUE_ABANDONED"_s, u"REDIRECT"_s,
        u"FORWARDING_UNCONDITIONAL"_s, u"FORWARDING_BUSY"_s, u"FORWARDING_NO_ANSWER"_s, u"FORWARDING_NOT_REACHABLE"_s,
        u"FORWARDING_EXCEPTION"_s, u"FORWARDING_LUNCH"_s, u"FORWARDING_BUSINESS_TRIP"_s, u"FORWARDING_AWAY"_s,
        u"FORWARDING_NIGHT_MODE"_s};
    const int reroute = rng.below(100);
    call.rerouteReason = reroute < 80 ? QString()
        : reroute < 86                ? u"TRANSFER"_s
        : reroute < 90                ? u"OVERFLOW"_s
                                      : pick(rng, newReroutes);
}

void makeParties(PortsipCall &call, SplitMix64 &rng, int directionRoll)
{
    static const QList<QString> trunks{u"UK SIP Trunk"_s, u"US-Carrier (backup)"_s};
    static const QList<QString> trunkHosts{u"sip.uk-trunk.example"_s, u"us.carrier.example"_s};
    static const QList<QString> outsideNames{QString(), QString(), u"WIRELESS CALLER"_s, u"ACME LTD"_s};
    static const QList<QString> services{u"8000"_s, u"8001"_s, u"8100"_s};
    const int trunk = rng.below(2);
    const QString did = u"+4420794601"_s + digits(rng, 2);
    const Extension &own = extension(rng);
    const Extension &other = extension(rng);
    const QString outside = externalNumber(rng);
    if (directionRoll < 35) {
        call.direction = u"INBOUND_CALL"_s;
        call.caller = outside;
        call.callerDomain = trunkHosts.at(trunk);
        call.callerDisplayName = pick(rng, outsideNames);
        call.callee = own.number;
        call.calleeDomain = kDomain;
        call.calleeDisplayName = own.name;
        call.destination = own.number;
        call.didCid = did;
        call.trunk = trunks.at(trunk);
        if (rng.below(100) < 30)
            call.serviceNumber = pick(rng, services);
    } else if (directionRoll < 70) {
        call.direction = u"OUTBOUND_CALL"_s;
        call.caller = own.number;
        call.callerDomain = kDomain;
        call.callerDisplayName = own.name;
        call.callee = outside;
        call.calleeDomain = trunkHosts.at(trunk);
        call.destination = outside;
        call.outboundCallerId = did;
        call.trunk = trunks.at(trunk);
        call.billedAccount = own.number;
    } else if (directionRoll < 90) {
        call.direction = u"EXTENSION_CALL"_s;
        call.caller = own.number;
        call.callerDomain = kDomain;
        call.callerDisplayName = own.name;
        call.callee = other.number;
        call.calleeDomain = kDomain;
        call.calleeDisplayName = other.name;
        call.destination = other.number;
    } else {
        // Inbound on a DID, forwarded back out through a trunk (the webhook's "in2out").
        call.direction = u"INBOUND_OUTBOUND_CALL"_s;
        call.caller = outside;
        call.callerDomain = trunkHosts.at(trunk);
        call.callee = externalNumber(rng);
        call.calleeDomain = trunkHosts.at(1 - trunk);
        call.destination = call.callee;
        call.didCid = did;
        call.outboundCallerId = did;
        call.trunk = trunks.at(1 - trunk);
        call.billedAccount = own.number;
    }
}

void applyQuirk(PortsipCall &call, Quirk quirk)
{
    auto fail = [&call](int status) {
        call.statusCode = status;
        call.endReason = status == 487 ? u"CANCELLED"_s : u"CALLEE_DISCONNECTED"_s;
    };
    switch (quirk) {
    case Quirk::NameComma:
        call.callerDisplayName = u"Smith, John"_s;
        break;
    case Quirk::NameQuote:
        call.callerDisplayName = u"\"Bob\" <sip:bob@example.com>"_s;
        break;
    case Quirk::NameNewline:
        call.callerDisplayName = u"Line one\nLine two"_s;
        break;
    case Quirk::NameApostrophe:
        call.calleeDisplayName = u"Seán O'Brien"_s;
        break;
    case Quirk::NameInjection: // what a filter builder that forgets to double quotes gets wrong
        call.callerDisplayName = u"x' or 'a' eq 'a"_s;
        break;
    case Quirk::NameKeywords:
        call.callerDisplayName = u"Sales and (Support) or not eq"_s;
        break;
    case Quirk::NameCjk:
        call.callerDisplayName = u"東京オフィス"_s;
        break;
    case Quirk::NameGreek:
        call.calleeDisplayName = u"Ελένη Παπαδοπούλου"_s;
        break;
    case Quirk::NameCyrillic:
        call.callerDisplayName = u"Иван Петров"_s;
        break;
    case Quirk::NameFormula:
        call.callerDisplayName = u"=cmd|' /C calc'!A0"_s;
        break;
    case Quirk::NamePercentPlus:
        call.callerDisplayName = u"100% + Co & Sons"_s;
        break;
    case Quirk::CallerLeadingZeros:
        call.caller = u"00441632960001"_s;
        break;
    case Quirk::CalleeLeadingZeros:
        call.callee = u"0016135550123"_s;
        call.destination = call.callee;
        break;
    case Quirk::EndReasonOutsideEnum: // as in the vendor's own example
        call.endReason = u"CALLER_DISCONNECT"_s;
        call.statusCode = 0;
        break;
    case Quirk::RerouteForwarding:
        call.rerouteReason = u"FORWARDING_NO_ANSWER"_s;
        break;
    case Quirk::RerouteQueue:
        call.rerouteReason = u"QUEUE_ABANDONED"_s;
        break;
    case Quirk::Busy:
        fail(486);
        break;
    case Quirk::NotFound:
        fail(404);
        break;
    case Quirk::Timeout:
        fail(408);
        break;
    case Quirk::Unavailable:
        fail(503);
        break;
    case Quirk::Cancelled:
        fail(487);
        break;
    case Quirk::NullsForUnset:
        call.nullForUnset = true;
        fail(480);
        break;
    case Quirk::LongCall:
        call.statusCode = 0;
        call.endReason = u"CALLEE_DISCONNECTED"_s;
        call.duration = 7261;
        break;
    case Quirk::StructuredUserData:
        call.userData = u"{\"ticket\":\"48213\",\"note\":\"call back, \\\"urgent\\\"\"}"_s;
        break;
    case Quirk::WholeSeconds:
    case Quirk::PaddedId:
    case Quirk::InboundOutbound:
    case Quirk::Count:
        break; // handled where the times, the id and the parties are made
    }
}

PortsipCall makeCall(quint32 seed, int index, qint64 nowSecs)
{
    SplitMix64 rng((quint64(seed) << 32) ^ (quint64(index) * 0x9E3779B97F4A7C15ULL) ^ 0x9051B0ULL);
    const bool quirky = index < kQuirkCalls;
    const Quirk quirk = quirky ? Quirk(index) : Quirk::Count;
    PortsipCall call;
    call.callId = hex(rng, 16) + u'-' + hex(rng, 8) + u"@10.20.0."_s + QString::number(rng.between(2, 250));
    int directionRoll = rng.below(100);
    if (quirk == Quirk::InboundOutbound)
        directionRoll = 95;
    else if (quirk == Quirk::CalleeLeadingZeros || quirk == Quirk::LongCall)
        directionRoll = 50; // outbound
    else if (quirky && quirk != Quirk::NameApostrophe && quirk != Quirk::NameGreek)
        directionRoll = 10; // inbound: the odd caller names arrive from outside
    makeParties(call, rng, directionRoll);
    setReasonAndStatus(call, rng);
    call.duration = rng.below(100) < 2 ? rng.between(3600, 7200) : rng.between(1, 900);
    const int userData = rng.below(100);
    if (userData >= 90)
        call.userData = userData < 97 ? u"ticket="_s + digits(rng, 5) : u"crm:"_s + hex(rng, 12);
    call.nullForUnset = !quirky && rng.below(100) < 8;
    if (quirky) {
        call.statusCode = 0; // quirks start answered; the failure quirks override this
        call.endReason = u"CALLER_DISCONNECTED"_s;
        applyQuirk(call, quirk);
    }
    const bool answered = call.statusCode == 0;
    const bool rang = call.statusCode != 404 && call.statusCode != 503;
    if (!answered)
        call.duration = 0;

    const qint64 setupUs = rng.between(80000, 2500000);
    const qint64 ringUs = rng.between(2, 28) * kSecond + rng.below(1000000);
    const qint64 tailUs = rng.below(1000000);
    const qint64 lengthUs = setupUs + (rang ? ringUs : 0) + qint64(call.duration) * kSecond + tailUs;
    const qint64 endOffset = quirky ? 60 + rng.below(int(kRecent - 60)) : 60 + rng.below(int(kHistory - 60));
    if (index >= kQuirkCalls && index < kQuirkCalls + kTieCalls)
        call.startedAt = (nowSecs - kTieOffset) * kSecond + 250000; // the tie calls share their start
    else
        call.startedAt = (nowSecs - endOffset) * kSecond + rng.below(1000000) - lengthUs;
    if (quirk == Quirk::WholeSeconds)
        call.startedAt -= call.startedAt % kSecond;
    const qint64 rangAt = call.startedAt + setupUs;
    if (rang)
        call.rangAt = quirk == Quirk::WholeSeconds ? rangAt - rangAt % kSecond : rangAt;
    if (answered) {
        call.answeredAt = *call.rangAt + ringUs;
        if (quirk == Quirk::WholeSeconds)
            *call.answeredAt -= *call.answeredAt % kSecond;
    }
    call.endedAt = (answered      ? *call.answeredAt
                           : rang ? *call.rangAt + ringUs
                                  : rangAt)
        + qint64(call.duration) * kSecond + (quirk == Quirk::WholeSeconds ? 0 : tailUs);

    if (!call.billedAccount.isEmpty() && answered)
        call.costUnits = ratePerMinute(call.callee) * ((call.duration + 59) / 60);

    const qint64 snowflake = (std::max<qint64>(call.startedAt / 1000 - kIdEpochMs, 0) << 20) | (index & 0xFFFFF);
    const QByteArray decimal = QByteArray::number(snowflake);
    if (quirk == Quirk::PaddedId)
        call.id = QString::fromLatin1((decimal + "01").toBase64()); // 20 bytes: ends in '='
    else
        call.id = QString::fromLatin1(rng.below(3) == 0 ? decimal.toBase64() : decimal);
    return call;
}

} // namespace

QList<PortsipCall> generatePortsipCalls(quint32 seed, qint64 nowSecs, int count)
{
    QList<PortsipCall> calls;
    calls.reserve(std::max(count, 0));
    for (int i = 0; i < count; ++i)
        calls.append(makeCall(seed, i, nowSecs));
    return calls;
}

QByteArray formatPortsipCost(qint64 units)
{
    const QByteArray sign = units < 0 ? "-" : "";
    const qint64 magnitude = units < 0 ? -units : units;
    QByteArray fraction = QByteArray::number(magnitude % 10000).rightJustified(4, '0');
    while (fraction.endsWith('0'))
        fraction.chop(1);
    return sign + QByteArray::number(magnitude / 10000) + (fraction.isEmpty() ? QByteArray() : '.' + fraction);
}

} // namespace cdrsim
