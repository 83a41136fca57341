#pragma once

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

namespace cdrsim {

struct EnswitchLeg;

enum class EnswitchMatch { Contains, Start, End, Exact };

struct EnswitchNumberFilter {
    QString value; // empty = any
    EnswitchMatch match = EnswitchMatch::Contains;
};

// cdrs/list parameters after validation. The time window is [start, end).
struct EnswitchQuery {
    qint64 start = 0;
    qint64 end = 0;
    bool archive = false;
    bool callsOnly = false; // detail=call
    QSet<int> customers;
    QString direction; // empty = any
    QString status;
    QString callid;
    QString stype, ctype, dtype;
    EnswitchNumberFilter source, called, destination, callerName;
    int peer = 0; // 0 = any
    int talkMin = 0;
    int talkMax = -1; // -1 = no limit
    QString sort = QStringLiteral("start");
    bool descending = false;
    int limit = 0; // 0 = all
    int offset = 0;
};

struct EnswitchQueryParse {
    EnswitchQuery query;
    QString errorKey; // empty when valid; otherwise the parameter at fault
    QString errorMessage;
};

// `params` are the merged query string and form body; `ownCustomer` is the authenticated user's.
EnswitchQueryParse parseEnswitchListQuery(const QHash<QString, QString> &params, int ownCustomer, qint64 nowSecs);

bool enswitchLegMatches(const EnswitchQuery &query, const EnswitchLeg &leg);

// Sorts by the query's field, ties by uniqueid, both in the query's direction.
void sortEnswitchLegs(QList<const EnswitchLeg *> &legs, const QString &field, bool descending);

// The customers a `customer` value selects for a user of `ownCustomer`; false when the value is invalid.
bool enswitchCustomerSet(const QString &value, bool recurse, int ownCustomer, QSet<int> &out);

} // namespace cdrsim
