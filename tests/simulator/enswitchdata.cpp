#include "enswitchdata.h"

#include "splitmix64.h"

#include <QStringList>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace cdrsim {

namespace {

constexpr qint64 kDay = 86400;
constexpr qint64 kHistory = 120 * kDay;
constexpr qint64 kRecent = 29 * kDay;
constexpr int kTieCalls = 4; // calls starting in the very same second, right after the quirks
constexpr qint64 kTieOffset = 3 * kDay + 4321;

// The awkward values, one single-leg call each, all in the last 29 days and never archived.
enum class Quirk {
    NameComma,
    NameQuote,
    NameNewline,
    NameAccents,
    NameCjk,
    NameGreek,
    NameFormula,
    SourceLeadingZeros,
    CalledLeadingZeros,
    DestinationLeadingZeros,
    Anonymous,
    ExtraField,
    Busy,
    NoAnswer,
    Failed,
    Cancel,
    LongCall,
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

int pickCustomer(SplitMix64 &rng)
{
    const int roll = rng.below(100);
    return roll < 60 ? 1 : roll < 75 ? 2 : roll < 85 ? 3 : roll < 93 ? 4 : 9;
}

// Numbers from UK ranges reserved for drama, written the way Enswitch stores them:
// national with a leading 0, international with 00, or E.164 without the '+'.
QString externalNumber(SplitMix64 &rng)
{
    switch (rng.below(4)) {
    case 0:
        return u"07700900"_s + digits(rng, 3);
    case 1:
        return u"01632960"_s + digits(rng, 3);
    case 2:
        return u"0012025550"_s + digits(rng, 3);
    default:
        return u"44207946"_s + digits(rng, 4);
    }
}

QString normalised(const QString &number)
{
    if (number.startsWith(u"00"_s))
        return number.mid(2);
    if (number.startsWith(u'0'))
        return u"44"_s + number.mid(1);
    return number;
}

QString ddi(SplitMix64 &rng, int customer)
{
    return u"441632960"_s + QString::number(customer % 10) + digits(rng, 2);
}

QString extension(SplitMix64 &rng, int customer)
{
    return QString::number(customer % 10) + u"0"_s + digits(rng, 2);
}

QString pickStatus(SplitMix64 &rng)
{
    const int roll = rng.below(100);
    return roll < 62 ? u"answered"_s
        : roll < 76  ? u"noanswer"_s
        : roll < 86  ? u"busy"_s
        : roll < 94  ? u"cancel"_s
                     : u"failed"_s;
}

// Per-minute rate in units of 0.0001, by what the called number looks like.
qint64 outboundRate(const QString &number)
{
    if (number.startsWith(u"077"_s))
        return 450;
    if (number.startsWith(u"00"_s))
        return 825;
    return 120;
}

void applyQuirk(EnswitchLeg &leg, Quirk quirk, SplitMix64 &rng)
{
    auto inbound = [&leg, &rng] {
        if (leg.direction == u"in"_s)
            return;
        leg.direction = u"in"_s;
        leg.stype = u"external"_s;
        leg.snumber = externalNumber(rng);
        leg.ctype = u"ddi"_s;
        leg.cnumber = ddi(rng, leg.customer);
        leg.dtype = u"phone"_s;
        leg.dnumber = extension(rng, leg.customer);
        leg.scustomer = 0;
        leg.dcustomer = leg.customer;
        leg.peer = 3;
    };
    switch (quirk) {
    case Quirk::NameComma:
        inbound();
        leg.name = u"Smith, John"_s;
        break;
    case Quirk::NameQuote:
        inbound();
        leg.name = u"\"Bob\" <bob@example.com>"_s;
        break;
    case Quirk::NameNewline:
        inbound();
        leg.name = u"Line one\nLine two"_s;
        break;
    case Quirk::NameAccents:
        inbound();
        leg.name = u"Zoë Brontë"_s;
        break;
    case Quirk::NameCjk:
        inbound();
        leg.name = u"東京オフィス"_s;
        break;
    case Quirk::NameGreek:
        inbound();
        leg.name = u"Ελένη Παπαδοπούλου"_s;
        break;
    case Quirk::NameFormula:
        inbound();
        leg.name = u"=cmd|' /C calc'!A0"_s;
        break;
    case Quirk::SourceLeadingZeros:
        inbound();
        leg.snumber = u"00441632960001"_s;
        break;
    case Quirk::CalledLeadingZeros:
        leg.cnumber = u"0016135550123"_s;
        leg.dnumber = u"0016135550123"_s;
        break;
    case Quirk::DestinationLeadingZeros:
        leg.dnumber = u"000123"_s;
        break;
    case Quirk::Anonymous:
        inbound();
        leg.snumber = u"anonymous"_s;
        leg.name.clear();
        break;
    case Quirk::ExtraField:
        leg.extra = u"G.711a"_s;
        break;
    case Quirk::Busy:
        leg.status = u"busy"_s;
        break;
    case Quirk::NoAnswer:
        leg.status = u"noanswer"_s;
        break;
    case Quirk::Failed:
        leg.status = u"failed"_s;
        break;
    case Quirk::Cancel:
        leg.status = u"cancel"_s;
        break;
    case Quirk::LongCall:
        leg.status = u"answered"_s;
        leg.talktime = 7261;
        break;
    case Quirk::Count:
        break;
    }
}

// The legs of call `index`; each call has its own random stream so it does not depend on the total.
QList<EnswitchLeg> makeCall(quint32 seed, int index, qint64 nowSecs)
{
    SplitMix64 rng((quint64(seed) << 32) ^ (quint64(index) * 0x9E3779B97F4A7C15ULL) ^ 0xE5517C4ULL);
    static const QStringList outNames{u"Reception"_s, u"Sales desk"_s, u"J. O'Brien"_s, u"Accounts"_s};
    static const QStringList inNames{
        QString(), u"WIRELESS CALLER"_s, u"Jane Doe"_s, u"ACME LTD"_s, u"Dr. Müller"_s, u"O'Neil & Sons"_s};
    static const QList<int> peers{3, 7, 12};

    EnswitchLeg leg;
    leg.customer = pickCustomer(rng);
    leg.callid = hex(rng, 16) + u'-' + hex(rng, 8) + u"@sim.enswitch.example"_s;
    const int directionRoll = rng.below(100);
    if (directionRoll < 45) {
        leg.direction = u"out"_s;
        leg.scustomer = leg.customer;
        leg.stype = u"phone"_s;
        leg.snumber = extension(rng, leg.customer);
        leg.ctype = u"external"_s;
        leg.cnumber = externalNumber(rng);
        leg.dtype = u"external"_s;
        leg.dnumber = normalised(leg.cnumber);
        leg.name = outNames.at(rng.below(outNames.size()));
        leg.peer = peers.at(rng.below(peers.size()));
    } else if (directionRoll < 85) {
        leg.direction = u"in"_s;
        leg.dcustomer = leg.customer;
        leg.stype = u"external"_s;
        leg.snumber = externalNumber(rng);
        leg.ctype = u"ddi"_s;
        leg.cnumber = ddi(rng, leg.customer);
        static const QStringList destinations{u"phone"_s, u"phone"_s, u"queue"_s, u"ivr"_s, u"voicemail"_s};
        leg.dtype = destinations.at(rng.below(destinations.size()));
        leg.dnumber = extension(rng, leg.customer);
        leg.name = inNames.at(rng.below(inNames.size()));
        leg.peer = peers.at(rng.below(peers.size()));
    } else {
        leg.direction = u"internal"_s;
        leg.scustomer = leg.customer;
        leg.dcustomer = leg.customer;
        leg.stype = u"phone"_s;
        leg.snumber = extension(rng, leg.customer);
        leg.ctype = u"phone"_s;
        leg.cnumber = extension(rng, leg.customer);
        leg.dtype = u"phone"_s;
        leg.dnumber = leg.cnumber;
        leg.name = outNames.at(rng.below(outNames.size()));
    }
    leg.currency = findEnswitchCustomer(leg.customer)->currency;
    leg.status = pickStatus(rng);
    leg.talktime = rng.below(100) < 2 ? rng.between(3600, 7200) : rng.between(1, 900);
    const int ring = rng.between(2, 30);
    const qint64 endOffset = index < kQuirkCalls ? 60 + rng.below(int(kRecent - 60))
        : index < kQuirkCalls + kTieCalls        ? kTieOffset
                                                 : 60 + rng.below(int(kHistory - 60));
    leg.archived = index >= kQuirkCalls && rng.below(100) < 10;
    const int legRoll = rng.below(100);
    const int legCount = index < kQuirkCalls + kTieCalls ? 1 : legRoll < 60 ? 1 : legRoll < 90 ? 2 : 3;
    if (leg.extra.isEmpty() && rng.below(100) < 3)
        leg.extra = u"G.722"_s;

    if (index < kQuirkCalls)
        applyQuirk(leg, Quirk(index), rng);
    if (leg.status != u"answered"_s)
        leg.talktime = 0;
    leg.totaltime = leg.talktime + ring;
    if (index < kQuirkCalls + kTieCalls && index >= kQuirkCalls)
        leg.start = nowSecs - kTieOffset; // the tie calls share their start second
    else
        leg.start = nowSecs - endOffset - leg.totaltime;
    leg.end = leg.start + leg.totaltime;
    const qint64 minutes = (leg.talktime + 59) / 60;
    leg.costUnits = leg.direction == u"out"_s ? outboundRate(leg.cnumber) * minutes
        : leg.direction == u"in"_s            ? 10 * minutes // a small DDI charge
                                              : 0;
    leg.firstLeg = true;

    QList<EnswitchLeg> legs{leg};
    for (int k = 1; k < legCount; ++k) {
        // A forwarded or hunted leg of the same call: same callid, starting a moment later.
        EnswitchLeg next = leg;
        next.firstLeg = false;
        next.start = leg.start + rng.below(4);
        next.dtype = k == 1 ? u"phone"_s : u"voicemail"_s;
        next.dnumber = extension(rng, leg.customer);
        next.status = pickStatus(rng);
        next.talktime = next.status == u"answered"_s ? rng.between(1, 300) : 0;
        next.totaltime = next.talktime + rng.between(2, 20);
        next.end = next.start + next.totaltime;
        if (next.end > nowSecs - 1) {
            next.start -= next.end - (nowSecs - 1);
            next.end = nowSecs - 1;
        }
        next.costUnits = leg.direction == u"out"_s ? outboundRate(next.cnumber) * ((next.talktime + 59) / 60) : 0;
        next.extra.clear();
        legs.append(next);
    }
    return legs;
}

} // namespace

const QList<EnswitchCustomer> &enswitchCustomers()
{
    static const QList<EnswitchCustomer> customers{
        {1, 0, EnswitchBilling::Postpaid, "GBP"_L1},
        {2, 1, EnswitchBilling::Prepaid, "GBP"_L1},
        {3, 1, EnswitchBilling::Postpaid, "USD"_L1},
        {4, 2, EnswitchBilling::External, "USD"_L1},
        {9, 0, EnswitchBilling::Prepaid, "GBP"_L1},
    };
    return customers;
}

const EnswitchCustomer *findEnswitchCustomer(int id)
{
    for (const EnswitchCustomer &c : enswitchCustomers())
        if (c.id == id)
            return &c;
    return nullptr;
}

bool enswitchCustomerUnder(int id, int ancestor)
{
    for (const EnswitchCustomer *c = findEnswitchCustomer(id); c; c = findEnswitchCustomer(c->parent)) {
        if (c->id == ancestor)
            return true;
    }
    return false;
}

QList<EnswitchLeg> generateEnswitchLegs(quint32 seed, qint64 nowSecs, int count)
{
    QList<EnswitchLeg> legs;
    legs.reserve(std::max(count, 0) + 2);
    for (int call = 0; legs.size() < count; ++call)
        legs.append(makeCall(seed, call, nowSecs));
    legs.resize(std::max(count, 0));
    for (int i = 0; i < legs.size(); ++i) {
        // Serials from 100000 give uniqueids with trailing zeros ("….100000", "….100100").
        legs[i].uniqueid = QString::number(legs[i].start) + u'.' + QString::number(100000 + i);
    }
    return legs;
}

QByteArray formatEnswitchMoney(qint64 units)
{
    const QByteArray sign = units < 0 ? "-" : "";
    const qint64 magnitude = units < 0 ? -units : units;
    return sign + QByteArray::number(magnitude / 10000) + '.'
        + QByteArray::number(magnitude % 10000).rightJustified(4, '0');
}

} // namespace cdrsim
