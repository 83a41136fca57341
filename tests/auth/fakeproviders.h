#pragma once

// Enswitch as it is, with what its simulator cannot do bolted on: a one-time
// code after the password (the code request logs in again for real), and pages
// that fail as if the server's certificate had not verified.

#include "pagestreamparser.h"
#include "providers/enswitch/enswitchprovider.h"

#include <QStringList>

class FakeEnswitch final : public Provider {
public:
    bool askForCode = false; // the password step answers with a challenge
    bool certificateOnPages = false; // every page fails with Kind::Certificate
    bool streamPages = true; // false: whole pages through parsePage()

    // What oneTimeCodeRequest() was handed, in order.
    mutable QStringList challenges;
    mutable QStringList codes;

    QString id() const override { return QStringLiteral("fake-enswitch"); }
    QString displayName() const override { return QStringLiteral("Fake Enswitch"); }
    ProfileFieldLabels profileFields() const override { return m_real.profileFields(); }
    QList<FilterSpec> filters() const override { return m_real.filters(); }
    TimeRangePolicy timeRange() const override { return m_real.timeRange(); }
    QList<FieldError> validate(const SearchQuery &query, const QDateTime &nowUtc) const override
    {
        return m_real.validate(query, nowUtc);
    }

    bool signsIn(const Connection &connection) const override { return m_real.signsIn(connection); }
    HttpRequest signInRequest(const Connection &connection) const override { return m_real.signInRequest(connection); }
    HttpRequest oneTimeCodeRequest(
        const Connection &connection, const QString &challenge, const QString &code) const override
    {
        challenges.append(challenge);
        codes.append(code);
        return m_real.signInRequest(connection);
    }
    SignInResult parseSignIn(
        SignInStep step, int httpStatus, const QByteArray &body, const QDateTime &nowUtc) const override
    {
        SignInResult result = m_real.parseSignIn(step, httpStatus, body, nowUtc);
        if (step == SignInStep::SignIn && askForCode && result.tokens) {
            // The password was right; the token comes only with the code.
            result.tokens.reset();
            result.oneTimeCodeChallenge = QStringLiteral("challenge-%1").arg(challenges.size() + 1);
        }
        return result;
    }

    PagingPolicy paging() const override { return m_real.paging(); }
    HttpRequest pageRequest(
        const Connection &connection, const SearchQuery &query, qint64 offset, int limit) const override
    {
        return m_real.pageRequest(connection, query, offset, limit);
    }
    PageResult parsePage(const QByteArray &body) const override
    {
        if (certificateOnPages) {
            ApiError error;
            error.kind = ApiError::Kind::Certificate;
            CertificateInfo certificate;
            certificate.subject = QStringLiteral("CN=127.0.0.1");
            certificate.sha256 = "ab12";
            error.certificate = certificate;
            return {{}, std::nullopt, error};
        }
        return m_real.parsePage(body);
    }
    std::unique_ptr<PageStreamParser> pageStreamParser() const override
    {
        return certificateOnPages || !streamPages ? nullptr : m_real.pageStreamParser();
    }
    HttpRequest recordRequest(const Connection &connection, const QString &id) const override
    {
        return m_real.recordRequest(connection, id);
    }
    RecordResult parseRecord(const QByteArray &body) const override { return m_real.parseRecord(body); }
    ApiError errorFromReply(int httpStatus, const QByteArray &body) const override
    {
        return m_real.errorFromReply(httpStatus, body);
    }
    QList<FieldExplanation> explain(const CdrRecord &record) const override { return m_real.explain(record); }
    QStringList defaultColumns() const override { return m_real.defaultColumns(); }

private:
    EnswitchProvider m_real;
};
