#pragma once

#include "enswitchparser.h"
#include "provider.h"

#include <QCoreApplication>

// Enswitch JSON API: POST {base}/api/json/cdrs/list/ with a form body carrying
// auth_username/auth_password, offset paging with no total (a short page ends
// it), and the {"responses":[...],"data":...} envelope checked on every reply.
// The server sorts on the documented `sort` fields (serverSortableColumns).
// With the profile's "tokenSignIn" option, user/login trades the password for an
// auth_token sent instead (4.1 and later); there is no refresh: it signs in again.
class EnswitchProvider final : public Provider {
    Q_DECLARE_TR_FUNCTIONS(EnswitchProvider)
public:
    QString id() const override;
    QString displayName() const override;
    ProfileFieldLabels profileFields() const override;

    QList<FilterSpec> filters() const override;
    TimeRangePolicy timeRange() const override;
    QList<FieldError> validate(const SearchQuery &query, const QDateTime &nowUtc) const override;

    bool signsIn(const Connection &connection) const override;
    HttpRequest signInRequest(const Connection &connection) const override;
    SignInResult parseSignIn(
        SignInStep step, int httpStatus, const QByteArray &body, const QDateTime &nowUtc) const override;

    PagingPolicy paging() const override;
    HttpRequest pageRequest(
        const Connection &connection, const SearchQuery &query, qint64 offset, int limit) const override;
    PageResult parsePage(const QByteArray &body) const override;
    std::unique_ptr<PageStreamParser> pageStreamParser() const override { return EnswitchParser::pageStreamParser(); }

    HttpRequest recordRequest(const Connection &connection, const QString &id) const override;
    RecordResult parseRecord(const QByteArray &body) const override;

    ApiError errorFromReply(int httpStatus, const QByteArray &body) const override;

    QList<FieldExplanation> explain(const CdrRecord &record) const override;
    QStringList defaultColumns() const override;
    QStringList serverSortableColumns() const override;
};
