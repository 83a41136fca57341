#include "portsipe2e.h"

#include "portsipquery.h"
#include "searchsession.h"

#include <QSignalSpy>

#include <algorithm>
#include <limits>
#include <utility>

using namespace Qt::StringLiterals;

namespace portsipe2e {

Outcome runToEnd(SearchSession &session, int timeoutMs)
{
    Outcome outcome;
    QObject context;
    QObject::connect(&session, &SearchSession::rowsArrived, &context, [&outcome](const std::vector<CdrRecord> &rows) {
        outcome.rows.insert(outcome.rows.end(), rows.begin(), rows.end());
    });
    QObject::connect(
        &session, &SearchSession::totalKnown, &context, [&outcome](qint64 total) { outcome.total = total; });
    QSignalSpy finished(&session, &SearchSession::finished);
    QSignalSpy failed(&session, &SearchSession::failed);
    session.fetchAll();
    for (int waited = 0; waited < timeoutMs && finished.isEmpty() && failed.isEmpty(); waited += 100)
        finished.wait(100);
    outcome.finished = !finished.isEmpty();
    outcome.error = session.lastError();
    return outcome;
}

Connection connectionFor(
    const QUrl &baseUrl, const cdrsim::PortsipAccount &account, const QMap<QString, QString> &options)
{
    Connection connection;
    connection.baseUrl = baseUrl;
    connection.user = account.username;
    connection.secret = account.password;
    connection.options.insert(u"domain"_s, account.domain);
    connection.options.insert(options);
    return connection;
}

QList<const cdrsim::PortsipCall *> expectedCalls(const QList<cdrsim::PortsipCall> &calls, const SearchQuery &resolved,
    const CallFilter &keep, const QString &orderBy)
{
    const qint64 since = resolved.since.isValid() ? resolved.since.toMSecsSinceEpoch() * 1000 : 0;
    const qint64 until
        = resolved.until.isValid() ? resolved.until.toMSecsSinceEpoch() * 1000 : std::numeric_limits<qint64>::max();
    QList<const cdrsim::PortsipCall *> matched;
    for (const cdrsim::PortsipCall &call : calls) {
        if (call.startedAt >= since && call.startedAt < until && (!keep || keep(call)))
            matched.append(&call);
    }
    // The simulator's own reading of orderby, so the order is the one it serves.
    const cdrsim::PortsipQueryParse parsed = cdrsim::parsePortsipListQuery({{u"orderby"_s, orderBy}}, false);
    Q_ASSERT(parsed.error.isEmpty());
    cdrsim::sortPortsipCalls(matched, parsed.query.orderBy);
    return matched;
}

QStringList idsOf(const std::vector<CdrRecord> &rows)
{
    QStringList ids;
    ids.reserve(qsizetype(rows.size()));
    for (const CdrRecord &row : rows)
        ids.append(row.id);
    return ids;
}

QStringList idsOf(const QList<const cdrsim::PortsipCall *> &calls)
{
    QStringList ids;
    ids.reserve(calls.size());
    for (const cdrsim::PortsipCall *call : calls)
        ids.append(call->id);
    return ids;
}

qsizetype duplicateCount(const QStringList &ids)
{
    QStringList sorted = ids;
    std::sort(sorted.begin(), sorted.end());
    return sorted.size() - qsizetype(std::distance(sorted.begin(), std::unique(sorted.begin(), sorted.end())));
}

RequestLog::RequestLog(cdrsim::Simulator &simulator, QObject *parent)
    : QObject(parent)
{
    connect(
        &simulator, &cdrsim::Simulator::requestServed, this, [this](const QString &, const QString &path, int status) {
            ++m_statuses[status];
            if (path == "/api/auth/sign_in"_L1)
                ++m_signIn;
            if (path == "/api/auth/refresh_token"_L1)
                ++m_refresh;
            if (path != "/api/cdrs"_L1)
                return;
            ++m_list;
            if (m_action && m_list == m_trigger)
                std::exchange(m_action, {})();
        });
}

void RequestLog::afterListRequest(int n, std::function<void()> action)
{
    m_trigger = n;
    m_action = std::move(action);
}

} // namespace portsipe2e
