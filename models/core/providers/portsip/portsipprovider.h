#pragma once

#include "provider.h"

#include <QCoreApplication>

// PortSIP PBX, REST API v22: sign in for a Bearer token (POST /api/auth/sign_in,
// two-factor via verify_otp), then GET /api/cdrs with OData-like top/skip/count,
// orderby and a `filter` expression, and GET /api/cdrs/{id} for one call.
// Where the docs contradict themselves (skip from 0 or 1, $-prefixed names)
// a profile option chooses.
class PortSipProvider final : public Provider {
    Q_DECLARE_TR_FUNCTIONS(PortSipProvider)
public:
    static constexpr int kDefaultRateLimit = 1000; // requests a minute: the lowest PortSIP ships with

    QString id() const override;
    QString displayName() const override;
    ProfileFieldLabels profileFields() const override;

    QList<FilterSpec> filters() const override;
    TimeRangePolicy timeRange() const override;
    QList<FieldError> validate(const SearchQuery &query, const QDateTime &nowUtc) const override;

    bool signsIn(const Connection &connection) const override;
    HttpRequest signInRequest(const Connection &connection) const override;
    std::optional<HttpRequest> refreshRequest(const Connection &connection, const AuthTokens &tokens) const override;
    HttpRequest oneTimeCodeRequest(
        const Connection &connection, const QString &challenge, const QString &code) const override;
    SignInResult parseSignIn(
        SignInStep step, int httpStatus, const QByteArray &body, const QDateTime &nowUtc) const override;

    PagingPolicy paging() const override;
    PagingPolicy pagingFor(const Connection &connection) const override;
    bool isRateLimitRefusal(int httpStatus, const QByteArray &body) const override;
    HttpRequest pageRequest(
        const Connection &connection, const SearchQuery &query, qint64 offset, int limit) const override;
    PageResult parsePage(const QByteArray &body) const override;

    HttpRequest recordRequest(const Connection &connection, const QString &id) const override;
    RecordResult parseRecord(const QByteArray &body) const override;

    ApiError errorFromReply(int httpStatus, const QByteArray &body) const override;

    QList<FieldExplanation> explain(const CdrRecord &record) const override;
    QStringList defaultColumns() const override;
    QStringList serverSortableColumns() const override;

    // The profile's "rateLimit" option as a positive whole number, else kDefaultRateLimit.
    static int rateLimitOf(const Connection &connection);
};
