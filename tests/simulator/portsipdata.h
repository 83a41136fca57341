#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace cdrsim {

// One PortSIP CDR as the simulator stores it. Times are microseconds since the
// epoch, UTC; money is in units of 0.0001 so it stays exact. Empty text is an
// unset value, written as "" or, for records with nullForUnset, as null.
struct PortsipCall {
    QString id; // opaque: 18 digits, or those digits in base64
    QString caller;
    QString callerDomain;
    QString callerDisplayName;
    QString callee;
    QString calleeDomain;
    QString calleeDisplayName;
    qint64 startedAt = 0;
    std::optional<qint64> rangAt; // none when the call failed before ringing
    std::optional<qint64> answeredAt; // none for unanswered calls
    qint64 endedAt = 0;
    QString callId;
    QString direction;
    QString endReason;
    QString rerouteReason;
    int statusCode = 0; // SIP status of a failed call; 0 = no error
    QString destination;
    QString outboundCallerId;
    QString didCid;
    QString trunk;
    int duration = 0; // talk time, whole seconds
    QString serviceNumber;
    QString userData;
    qint64 costUnits = 0; // only the single-record endpoint shows it
    QString billedAccount;
    bool nullForUnset = false;
};

// `count` calls starting within (now - 120 days, now - 60 s], in generation order.
// The same (seed, now, count) gives the same calls, and call i does not depend on
// count. The first calls carry the awkward values (portsipdata.cpp).
QList<PortsipCall> generatePortsipCalls(quint32 seed, qint64 nowSecs, int count);

// The shortest exact decimal, as a JSON number: 125 -> "0.0125", 15000 -> "1.5", 0 -> "0".
QByteArray formatPortsipCost(qint64 units);

} // namespace cdrsim
