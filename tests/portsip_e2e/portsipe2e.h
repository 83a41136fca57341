#pragma once

#include "portsipdata.h"
#include "provider.h"
#include "simulator.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QStringList>
#include <QTimeZone>

#include <functional>
#include <optional>
#include <vector>

class SearchSession;

// What the PortSIP end-to-end tests share: the simulator's fixed "now", a
// session run to its end, and the rows the simulator's data says must come back.
namespace portsipe2e {

inline const QDateTime kNow(QDate(2024, 8, 20), QTime(12, 0), QTimeZone::utc());
constexpr quint32 kSeed = 1; // the simulator's default
constexpr int kCallCount = 2000; // the simulator's default
constexpr int kWaitMs = 60000;

using CallFilter = std::function<bool(const cdrsim::PortsipCall &)>;

struct Outcome {
    std::vector<CdrRecord> rows;
    std::optional<ApiError> error;
    std::optional<qint64> total; // from totalKnown()
    bool finished = false;
};

// Runs fetchAll() until finished() or failed(); the session's rows in arrival order.
Outcome runToEnd(SearchSession &session, int timeoutMs = kWaitMs);

// The account's tenant domain is sent unless `options` sets "domain" itself.
Connection connectionFor(
    const QUrl &baseUrl, const cdrsim::PortsipAccount &account, const QMap<QString, QString> &options = {});

// Every generated call in the query's window that `keep` accepts, in the order
// the simulator sorts by `orderBy` ("field [asc|desc], ..."; ties by id).
QList<const cdrsim::PortsipCall *> expectedCalls(const QList<cdrsim::PortsipCall> &calls, const SearchQuery &resolved,
    const CallFilter &keep = {}, const QString &orderBy = QStringLiteral("started_at asc"));

QStringList idsOf(const std::vector<CdrRecord> &rows);
QStringList idsOf(const QList<const cdrsim::PortsipCall *> &calls);
qsizetype duplicateCount(const QStringList &ids);

// The simulator's requests, by what they were for.
class RequestLog final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RequestLog)
public:
    explicit RequestLog(cdrsim::Simulator &simulator, QObject *parent = nullptr);

    int listRequests() const { return m_list; } // GET or POST /api/cdrs, any status
    int statusCount(int status) const { return m_statuses.value(status); }
    int signInRequests() const { return m_signIn; }
    int refreshRequests() const { return m_refresh; } // accepted or not
    // Called after the `n`th list request was answered (1-based), once.
    void afterListRequest(int n, std::function<void()> action);

private:
    int m_list = 0;
    int m_signIn = 0;
    int m_refresh = 0;
    QHash<int, int> m_statuses;
    int m_trigger = 0;
    std::function<void()> m_action;
};

} // namespace portsipe2e
