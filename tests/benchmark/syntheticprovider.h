#pragma once

#include "provider.h"
#include "providers/plivo/plivoprovider.h"

// A provider for the million-row table: each page is a real request to the
// Plivo simulator (which echoes the offset), answered with generated Plivo
// JSON for that offset run through the real Plivo parser. The model receives
// exactly what a Plivo search of that size would give it, without 50,000
// round trips of 20 rows.
class SyntheticProvider final : public Provider {
public:
    SyntheticProvider(qint64 rows, int pageSize);

    // One page of `count` calls starting at call `first`, as Plivo's list would send it.
    static QByteArray pageJson(qint64 first, int count, qint64 total);

    QString id() const override;
    QString displayName() const override;
    ProfileFieldLabels profileFields() const override { return {}; }
    QList<FilterSpec> filters() const override { return {}; }
    TimeRangePolicy timeRange() const override { return m_plivo.timeRange(); }
    QList<FieldError> validate(const SearchQuery &, const QDateTime &) const override { return {}; }
    PagingPolicy paging() const override;
    HttpRequest pageRequest(const Connection &connection, const SearchQuery &query, qint64 offset,
        int limit) const override;
    PageResult parsePage(const QByteArray &body) const override;
    HttpRequest recordRequest(const Connection &connection, const QString &id) const override;
    RecordResult parseRecord(const QByteArray &) const override { return {}; }
    ApiError errorFromReply(int httpStatus, const QByteArray &body) const override;
    QList<FieldExplanation> explain(const CdrRecord &) const override { return {}; }
    QStringList defaultColumns() const override;

private:
    PlivoProvider m_plivo;
    qint64 m_rows;
    int m_pageSize;
};
