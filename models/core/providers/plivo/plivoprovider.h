#pragma once

#include "provider.h"

#include <QCoreApplication>

// Plivo Zentrunk (SIP trunking): GET /v1/Account/{auth_id}/Zentrunk/Call/,
// HTTP Basic, 20 rows a request, offset paging against meta.total_count.
class PlivoProvider final : public Provider {
    Q_DECLARE_TR_FUNCTIONS(PlivoProvider)
public:
    QString id() const override;
    QString displayName() const override;
    ProfileFieldLabels profileFields() const override;

    QList<FilterSpec> filters() const override;
    TimeRangePolicy timeRange() const override;
    QList<FieldError> validate(const SearchQuery &query, const QDateTime &nowUtc) const override;

    PagingPolicy paging() const override;
    HttpRequest pageRequest(const Connection &connection, const SearchQuery &query, qint64 offset,
                            int limit) const override;
    PageResult parsePage(const QByteArray &body) const override;

    HttpRequest recordRequest(const Connection &connection, const QString &id) const override;
    RecordResult parseRecord(const QByteArray &body) const override;

    ApiError errorFromReply(int httpStatus, const QByteArray &body) const override;

    QList<FieldExplanation> explain(const CdrRecord &record) const override;
    QStringList defaultColumns() const override;
};
