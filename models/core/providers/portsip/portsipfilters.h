#pragma once

#include "searchquery.h"

#include <QCoreApplication>

// PortSIP's search form: which filters exist, what is refused before sending,
// and the `filter` expression a query becomes. The API has no parameter per
// field: everything but free-text search goes through the one expression.
class PortSipFilters {
    Q_DECLARE_TR_FUNCTIONS(PortSipFilters)
public:
    static QList<FilterSpec> specs();
    static QList<FieldError> validate(const SearchQuery &query);
    // started_at ge since and lt until, then each filter set, then (and only
    // then) any expression the user passed as the extra parameter filter / $filter.
    static QString expression(const SearchQuery &query);
    static QString searchText(const SearchQuery &query); // the free-text `search`; empty: not sent

    static bool isFilterParam(QStringView name); // "filter" or "$filter"
    static bool isPagingParam(QStringView name); // top, skip, count, with or without '$'
};
