#pragma once

#include "cdrtablemodel.h"
#include "provider.h"
#include "providers/plivo/plivoprovider.h"
#include "tablemodelfixtures.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTimeZone>

#include <optional>
#include <vector>

// A provider whose pages hold exactly the rows a test scripts, for the table
// model tests that sort and read roles.
namespace TableModelFixtures {

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

inline QDateTime utc(int y, int mo, int d, int h, int mi, int s = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s), QTimeZone::utc());
}

// A row for the scripted provider: only what the sorting and role tests look at.
struct Row {
    QString id;
    QDateTime start;
    QDateTime answer;
    QString caller;
    QString amount;
    std::optional<qint64> duration;
    QString extraField; // a native field only some rows carry
};

inline CdrRecord toRecord(const Row &row)
{
    CdrRecord record;
    record.id = row.id;
    record.startTime = row.start;
    record.answerTime = row.answer;
    record.caller = row.caller;
    record.amount = row.amount;
    record.duration = row.duration;
    record.native.append({u"call_uuid"_s, {NativeValue::Kind::String, row.id}});
    record.native.append({u"call_duration"_s,
        row.duration ? NativeValue{NativeValue::Kind::Number, QString::number(*row.duration)} : NativeValue{}});
    if (!row.extraField.isEmpty())
        record.native.append({row.extraField, {NativeValue::Kind::String, u"x"_s}});
    return record;
}

// Sends real Plivo requests to the simulator but answers each page with scripted
// rows, found by the offset the server echoes in meta: the model sees exactly
// the records a test needs, still over real HTTP.
class ScriptedProvider final : public Provider {
public:
    ScriptedProvider(QList<Row> rows, int pageSize)
        : m_pageSize(pageSize)
    {
        for (const Row &row : rows)
            m_rows.push_back(toRecord(row));
    }

    QString id() const override { return u"scripted"_s; }
    QString displayName() const override { return u"Scripted"_s; }
    ProfileFieldLabels profileFields() const override { return {}; }
    QList<FilterSpec> filters() const override { return {}; }
    TimeRangePolicy timeRange() const override { return m_plivo.timeRange(); }
    QList<FieldError> validate(const SearchQuery &, const QDateTime &) const override { return {}; }
    PagingPolicy paging() const override { return {m_pageSize, 4, 0, 0ms, true}; }
    HttpRequest pageRequest(
        const Connection &connection, const SearchQuery &query, qint64 offset, int limit) const override
    {
        return m_plivo.pageRequest(connection, query, offset, limit);
    }
    PageResult parsePage(const QByteArray &body) const override
    {
        const QJsonObject meta = QJsonDocument::fromJson(body).object().value("meta"_L1).toObject();
        const qsizetype offset = qsizetype(meta.value("offset"_L1).toInteger());
        PageResult page;
        page.total = qint64(m_rows.size());
        for (qsizetype i = offset; i < qsizetype(m_rows.size()) && i < offset + m_pageSize; ++i)
            page.rows.push_back(m_rows[size_t(i)]);
        return page;
    }
    HttpRequest recordRequest(const Connection &connection, const QString &id) const override
    {
        return m_plivo.recordRequest(connection, id);
    }
    RecordResult parseRecord(const QByteArray &) const override { return {}; }
    ApiError errorFromReply(int httpStatus, const QByteArray &body) const override
    {
        return m_plivo.errorFromReply(httpStatus, body);
    }
    QList<FieldExplanation> explain(const CdrRecord &) const override { return {}; }
    QStringList defaultColumns() const override { return unifiedColumnKeys(); }

private:
    PlivoProvider m_plivo;
    std::vector<CdrRecord> m_rows;
    int m_pageSize;
};

// Six calls with ties, unset values, mixed case and decimals that a double would blur.
inline QList<Row> sortRows()
{
    return {
        {u"c1"_s, utc(2024, 1, 1, 10, 0), utc(2024, 1, 1, 10, 0, 5), u"+4915"_s, u"0.00200"_s, 64, {}},
        {u"c2"_s, utc(2024, 1, 1, 9, 0), {}, u"alice"_s, u"0.1"_s, std::nullopt, {}},
        {u"c3"_s, {}, {}, u"Bob"_s, u"-0.5"_s, 5, {}},
        {u"c4"_s, utc(2024, 1, 1, 11, 0), utc(2024, 1, 1, 11, 0, 3), QString(), QString(), 3600, {}},
        {u"c5"_s, utc(2024, 1, 1, 9, 0), utc(2024, 1, 1, 9, 0, 10), u"ALICE"_s, u"0.10000"_s, 64, {}},
        {u"c6"_s, utc(2023, 12, 31, 23, 59, 59), {}, u"+0044"_s, u"10"_s, 0, {}},
    };
}

inline QList<Row> numberedRows(const QString &prefix, int count, int extraFrom = -1)
{
    QList<Row> rows;
    for (int i = 0; i < count; ++i) {
        rows.append(
            {u"%1-%2"_s.arg(prefix).arg(i, 3, 10, QLatin1Char('0')), utc(2024, 1, 1, 0, 0).addSecs(i * 37 % 1000), {},
                u"+1555%1"_s.arg(i % 7), u"0.%1"_s.arg(i % 5), i % 4 == 0 ? std::nullopt : std::optional<qint64>(i),
                extraFrom >= 0 && i >= extraFrom ? u"brand_new_field"_s : QString()});
    }
    return rows;
}


// Loads every scripted page into `model` over loopback; false if it did not finish in time.
inline bool loadScripted(Loopback &loopback, CdrTableModel &model, const ScriptedProvider &provider)
{
    QSignalSpy finished(&model, &CdrTableModel::searchFinished);
    model.startSearch(loopback.session(provider), provider.id());
    model.loadAll();
    return (!finished.isEmpty() || finished.wait(waitMs)) && model.allLoaded();
}

} // namespace TableModelFixtures
