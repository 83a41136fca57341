#pragma once

#include <QList>
#include <QString>

namespace cdrsim {

// Customers of the simulated Enswitch system. The demo user belongs to customer 1;
// 2 and 3 are its sub-customers, 4 sits under 2, and 9 belongs to another reseller
// (visible only with customer=system).
enum class EnswitchBilling { Postpaid, Prepaid, External };

struct EnswitchCustomer {
    int id = 0;
    int parent = 0; // 0 = top of the system
    EnswitchBilling billing = EnswitchBilling::Postpaid;
    QLatin1StringView currency;
};

const QList<EnswitchCustomer> &enswitchCustomers();
const EnswitchCustomer *findEnswitchCustomer(int id);
bool enswitchCustomerUnder(int id, int ancestor); // true for id == ancestor too

// One call leg as cdrs/list returns it. Money is in units of 0.0001 of the
// currency so it stays exact; times are whole Unix seconds.
struct EnswitchLeg {
    QString uniqueid; // "<start>.<serial>", e.g. "1669000000.100000"
    QString callid;
    qint64 start = 0;
    qint64 end = 0;
    QString direction; // "in", "out" or "internal"
    int scustomer = 0;
    int dcustomer = 0;
    QString stype;
    QString snumber;
    QString ctype;
    QString cnumber;
    QString dtype;
    QString dnumber;
    QString name; // caller name
    int peer = 0;
    QString status;
    int talktime = 0;
    int totaltime = 0;
    qint64 costUnits = 0;
    QString currency;
    QString extra; // an undocumented field ("codec") some rows carry; empty = absent
    bool archived = false; // hidden unless archive=1
    bool firstLeg = false; // the row detail=call returns for its callid
    int customer = 0; // whose leg it is: scustomer, or dcustomer for inbound legs
};

// `count` legs starting within (now - 120 days, now - 60 s], in generation order
// (call by call). The same (seed, now, count) gives the same legs, and leg i does
// not depend on count. The first legs carry the awkward values (enswitchdata.cpp).
QList<EnswitchLeg> generateEnswitchLegs(quint32 seed, qint64 nowSecs, int count);

// Four decimals, e.g. 120 -> "0.0120".
QByteArray formatEnswitchMoney(qint64 units);

} // namespace cdrsim
