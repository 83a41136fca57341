#pragma once

#include "httpmessage.h"
#include "portsipfilter.h"

#include <QList>
#include <QString>

namespace cdrsim {

struct PortsipCall;

struct PortsipSortKey {
    int field = 0; // index into portsipFields()
    bool descending = false;
};

// The list endpoint's query options after validation.
struct PortsipQuery {
    PortsipFilter filter;
    QString search; // empty = none
    QList<PortsipSortKey> orderBy; // ties always go by id ascending
    int top = 100;
    qint64 offset = 0; // 0-based index of the first item, whichever way `skip` counts
    bool count = false;
};

struct PortsipQueryParse {
    PortsipQuery query;
    QString error; // empty when valid; otherwise the 400 message, naming the problem
    QString option; // the query option at fault, e.g. "top"
};

// The CDR fields a filter or orderby may name, in the order the list writes them.
const QList<PortsipFilterField> &portsipFields();
PortsipFieldValue portsipFieldValue(const PortsipCall &call, int field);

// Options come with or without a '$' (filter and $filter); naming one twice is an error.
// With skipOneBased, skip=1 is the first record (the docs' wording) and skip=0 is refused.
PortsipQueryParse parsePortsipListQuery(const QList<QueryItem> &items, bool skipOneBased);

bool portsipCallMatches(const PortsipQuery &query, const PortsipCall &call);

// Stable order by the keys (default: started_at descending), then id ascending.
void sortPortsipCalls(QList<const PortsipCall *> &calls, const QList<PortsipSortKey> &keys);

} // namespace cdrsim
