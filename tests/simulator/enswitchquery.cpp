#include "enswitchquery.h"

#include "enswitchdata.h"

#include <algorithm>
#include <functional>
#include <limits>

using namespace Qt::StringLiterals;

namespace cdrsim {

namespace {

// An integer parameter: absent gives the fallback, anything not an integer is an error.
bool readInt(const QHash<QString, QString> &params, const QString &key, qint64 fallback, qint64 &out)
{
    const auto it = params.constFind(key);
    if (it == params.cend() || it->isEmpty()) {
        out = fallback;
        return true;
    }
    bool ok = false;
    out = it->trimmed().toLongLong(&ok);
    return ok;
}

bool readMatch(const QString &text, EnswitchMatch &out)
{
    if (text.isEmpty() || text == u"contains"_s)
        out = EnswitchMatch::Contains;
    else if (text == u"start"_s)
        out = EnswitchMatch::Start;
    else if (text == u"end"_s)
        out = EnswitchMatch::End;
    else if (text == u"exact"_s)
        out = EnswitchMatch::Exact;
    else
        return false;
    return true;
}

// SQL LIKE under a case-insensitive collation is what the server most likely uses.
bool textMatches(const EnswitchNumberFilter &filter, const QString &value)
{
    if (filter.value.isEmpty())
        return true;
    switch (filter.match) {
    case EnswitchMatch::Contains:
        return value.contains(filter.value, Qt::CaseInsensitive);
    case EnswitchMatch::Start:
        return value.startsWith(filter.value, Qt::CaseInsensitive);
    case EnswitchMatch::End:
        return value.endsWith(filter.value, Qt::CaseInsensitive);
    case EnswitchMatch::Exact:
        return value.compare(filter.value, Qt::CaseInsensitive) == 0;
    }
    return false;
}

using Compare = std::function<int(const EnswitchLeg &, const EnswitchLeg &)>;

template <typename T> int threeWay(const T &a, const T &b)
{
    return a < b ? -1 : b < a ? 1 : 0;
}

Compare comparatorFor(const QString &field)
{
    auto text = [](QString EnswitchLeg::*member) {
        return Compare(
            [member](const EnswitchLeg &a, const EnswitchLeg &b) { return QString::compare(a.*member, b.*member); });
    };
    auto number = [](auto member) {
        return Compare([member](const EnswitchLeg &a, const EnswitchLeg &b) { return threeWay(a.*member, b.*member); });
    };
    static const QHash<QString, Compare> table{
        {u"callid"_s, text(&EnswitchLeg::callid)},
        {u"cnumber"_s, text(&EnswitchLeg::cnumber)},
        {u"cost"_s, number(&EnswitchLeg::costUnits)},
        {u"ctype"_s, text(&EnswitchLeg::ctype)},
        {u"dcustomer"_s, number(&EnswitchLeg::dcustomer)},
        {u"direction"_s, text(&EnswitchLeg::direction)},
        {u"dnumber"_s, text(&EnswitchLeg::dnumber)},
        {u"dtype"_s, text(&EnswitchLeg::dtype)},
        {u"end"_s, number(&EnswitchLeg::end)},
        {u"name"_s, text(&EnswitchLeg::name)},
        {u"peer"_s, number(&EnswitchLeg::peer)},
        {u"scustomer"_s, number(&EnswitchLeg::scustomer)},
        {u"snumber"_s, text(&EnswitchLeg::snumber)},
        {u"start"_s, number(&EnswitchLeg::start)},
        {u"status"_s, text(&EnswitchLeg::status)},
        {u"stype"_s, text(&EnswitchLeg::stype)},
        {u"talktime"_s, number(&EnswitchLeg::talktime)},
        {u"totaltime"_s, number(&EnswitchLeg::totaltime)},
        {u"uniqueid"_s, text(&EnswitchLeg::uniqueid)},
    };
    return table.value(field);
}

} // namespace

bool enswitchCustomerSet(const QString &value, bool recurse, int ownCustomer, QSet<int> &out)
{
    out.clear();
    const auto addUnder = [&out](int root, const std::function<bool(const EnswitchCustomer &)> &keep) {
        for (const EnswitchCustomer &c : enswitchCustomers())
            if (enswitchCustomerUnder(c.id, root) && keep(c))
                out.insert(c.id);
    };
    const auto any = [](const EnswitchCustomer &) { return true; };
    const auto billing
        = [](EnswitchBilling kind) { return [kind](const EnswitchCustomer &c) { return c.billing == kind; }; };
    if (value.isEmpty()) {
        recurse ? addUnder(ownCustomer, any) : void(out.insert(ownCustomer));
    } else if (value == u"all"_s) {
        addUnder(ownCustomer, any);
    } else if (value == u"external"_s) {
        addUnder(ownCustomer, billing(EnswitchBilling::External));
    } else if (value == u"postpaid"_s) {
        addUnder(ownCustomer, billing(EnswitchBilling::Postpaid));
    } else if (value == u"prepaid"_s) {
        addUnder(ownCustomer, billing(EnswitchBilling::Prepaid));
    } else if (value == u"system"_s) {
        for (const EnswitchCustomer &c : enswitchCustomers())
            out.insert(c.id);
    } else {
        bool ok = false;
        const int id = value.toInt(&ok);
        if (!ok || id <= 0)
            return false;
        // A customer outside the user's tree is simply not visible: no rows, no error.
        if (enswitchCustomerUnder(id, ownCustomer))
            recurse ? addUnder(id, any) : void(out.insert(id));
    }
    return true;
}

EnswitchQueryParse parseEnswitchListQuery(const QHash<QString, QString> &params, int ownCustomer, qint64 nowSecs)
{
    EnswitchQueryParse result;
    EnswitchQuery &q = result.query;
    auto fail = [&result](const QString &key, const QString &message) {
        result.errorKey = key;
        result.errorMessage = message;
        return result;
    };
    auto value = [&params](const QString &key) { return params.value(key); };

    struct IntParam {
        QString key;
        qint64 fallback;
        qint64 min;
        qint64 max;
        qint64 value = 0;
    };
    IntParam ints[] = {
        {u"start"_s, 0, 0, std::numeric_limits<qint64>::max()},
        {u"end"_s, nowSecs, 0, std::numeric_limits<qint64>::max()},
        {u"archive"_s, 0, 0, 1},
        {u"recurse"_s, 0, 0, 1},
        {u"peer"_s, 0, 0, std::numeric_limits<int>::max()},
        {u"talktime_minimum"_s, 0, 0, std::numeric_limits<int>::max()},
        {u"talktime_maximum"_s, -1, -1, std::numeric_limits<int>::max()},
        {u"descending"_s, 0, 0, 1},
        {u"limit"_s, 0, 0, std::numeric_limits<int>::max()},
        {u"offset"_s, 0, 0, std::numeric_limits<int>::max()},
    };
    for (IntParam &p : ints) {
        if (!readInt(params, p.key, p.fallback, p.value) || p.value < p.min || p.value > p.max)
            return fail(p.key, u"Invalid %1"_s.arg(p.key));
    }
    q.start = ints[0].value;
    q.end = ints[1].value;
    q.archive = ints[2].value == 1;
    const bool recurse = ints[3].value == 1;
    q.peer = int(ints[4].value);
    q.talkMin = int(ints[5].value);
    q.talkMax = int(ints[6].value);
    q.descending = ints[7].value == 1;
    q.limit = int(ints[8].value);
    q.offset = int(ints[9].value);

    if (!enswitchCustomerSet(value(u"customer"_s), recurse, ownCustomer, q.customers))
        return fail(u"customer"_s, u"Invalid customer"_s);

    q.direction = value(u"direction"_s);
    if (!q.direction.isEmpty() && q.direction != u"in"_s && q.direction != u"out"_s && q.direction != u"internal"_s)
        return fail(u"direction"_s, u"Invalid direction"_s);

    const struct {
        QString number;
        QString match;
        EnswitchNumberFilter *filter;
    } numbers[] = {
        {u"snumber"_s, u"smatch"_s, &q.source},
        {u"cnumber"_s, u"cmatch"_s, &q.called},
        {u"dnumber"_s, u"dmatch"_s, &q.destination},
        {u"callername_number"_s, u"callername_match"_s, &q.callerName},
    };
    for (const auto &n : numbers) {
        n.filter->value = value(n.number);
        if (!readMatch(value(n.match), n.filter->match))
            return fail(n.match, u"Invalid %1"_s.arg(n.match));
    }

    q.status = value(u"status"_s);
    q.callid = value(u"callid"_s);
    q.stype = value(u"stype"_s);
    q.ctype = value(u"ctype"_s);
    q.dtype = value(u"dtype"_s);

    q.sort = value(u"sort"_s);
    if (q.sort.isEmpty())
        q.sort = u"start"_s;
    if (!comparatorFor(q.sort))
        return fail(u"sort"_s, u"Invalid sort"_s);

    const QString detail = value(u"detail"_s);
    if (!detail.isEmpty() && detail != u"call"_s && detail != u"leg"_s)
        return fail(u"detail"_s, u"Invalid detail"_s);
    q.callsOnly = detail == u"call"_s;
    return result;
}

bool enswitchLegMatches(const EnswitchQuery &q, const EnswitchLeg &leg)
{
    if (leg.start < q.start || leg.start >= q.end)
        return false;
    if (leg.archived && !q.archive)
        return false;
    if (q.callsOnly && !leg.firstLeg)
        return false;
    if (!q.customers.contains(leg.customer))
        return false;
    if (!q.direction.isEmpty() && leg.direction != q.direction)
        return false;
    if (!q.status.isEmpty() && leg.status != q.status)
        return false;
    if (!q.callid.isEmpty() && leg.callid != q.callid)
        return false;
    if ((!q.stype.isEmpty() && leg.stype != q.stype) || (!q.ctype.isEmpty() && leg.ctype != q.ctype)
        || (!q.dtype.isEmpty() && leg.dtype != q.dtype))
        return false;
    if (q.peer != 0 && leg.peer != q.peer)
        return false;
    if (leg.talktime < q.talkMin || (q.talkMax >= 0 && leg.talktime > q.talkMax))
        return false;
    return textMatches(q.source, leg.snumber) && textMatches(q.called, leg.cnumber)
        && textMatches(q.destination, leg.dnumber) && textMatches(q.callerName, leg.name);
}

void sortEnswitchLegs(QList<const EnswitchLeg *> &legs, const QString &field, bool descending)
{
    const Compare compare = comparatorFor(field);
    std::sort(legs.begin(), legs.end(), [&compare, descending](const EnswitchLeg *a, const EnswitchLeg *b) {
        int c = compare(*a, *b);
        if (c == 0)
            c = QString::compare(a->uniqueid, b->uniqueid);
        return descending ? c > 0 : c < 0;
    });
}

} // namespace cdrsim
