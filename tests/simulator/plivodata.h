#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace cdrsim {

// One Zentrunk CDR as the simulator stores it. Money is in units of 0.00001 USD
// so amounts are exact; times are whole seconds since the epoch, UTC.
struct PlivoCall {
    QString uuid;
    QString fromNumber;
    QString toNumber;
    bool outbound = true;
    QString trunkId; // written right after call_direction when not empty
    int callDuration = 0;
    int billDuration = 0;
    qint64 endTime = 0;
    QString hangupCauseName;
    QString hangupSource;
    qint64 rateUnits = 0; // per minute, secure trunking included
    qint64 amountUnits = 0; // rateUnits * billDuration / 60, rounded half up
    std::optional<int> billedDuration; // the undocumented extra field some examples carry
    qint64 initiationTime = 0;
    std::optional<qint64> answerTime; // none for unanswered calls
    QString trunkDomain; // omitted when empty
    QString fromCountry;
    QString toCountry;
    QString transport;
    bool srtp = false;
    int hangupCauseCode = 0;
    bool secureTrunking = false;
    qint64 secureRateUnits = 0;
    QString stirVerification;
    QString attestation;
};

// Calls ending within (now - 120 days, now], newest first (end time descending,
// then call_uuid ascending). The same (seed, now, count) always gives the same
// calls, and call i does not depend on count, so growing count only adds calls.
// The first calls carry the awkward cases (see plivodata.cpp) and all end in the
// last 29 days, inside the default 30-day search window.
QList<PlivoCall> generatePlivoCalls(quint32 seed, qint64 nowSecs, int count);

// Decimal string with five places, e.g. 200 -> "0.00200".
QString formatPlivoMoney(qint64 units);

} // namespace cdrsim
