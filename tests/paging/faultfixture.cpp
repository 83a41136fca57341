#include "faultfixture.h"

#include "faultinjection.h"
#include "searchsession.h"

#include <QNetworkReply>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QTimeZone>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace faultfixture {

const QDateTime simNow(QDate(2024, 5, 1), QTime(12, 0), QTimeZone::utc());
const RetryPolicy fastRetry{10ms, 40ms, 4, 2000ms, 1u};

void record(SearchSession &session, Outcome &outcome)
{
    QObject::connect(&session, &SearchSession::rowsArrived, &session, [&outcome](const std::vector<CdrRecord> &rows) {
        for (const CdrRecord &row : rows)
            outcome.ids.append(row.id);
    });
    QObject::connect(&session, &SearchSession::finished, &session, [&outcome] { outcome.finished = true; });
    QObject::connect(&session, &SearchSession::failed, &session,
        [&outcome](const ApiError &error) { outcome.error = error; });
}

bool runToEnd(SearchSession &session, Outcome &outcome)
{
    outcome.error.reset();
    if (session.lastError())
        session.resume();
    else
        session.fetchAll();
    return QTest::qWaitFor([&outcome] { return outcome.ended(); }, waitMs);
}

qsizetype duplicates(const QStringList &ids)
{
    return ids.size() - QSet<QString>(ids.cbegin(), ids.cend()).size();
}

QList<QNetworkReply *> repliesOf(QNetworkAccessManager &network)
{
    return network.findChildren<QNetworkReply *>(Qt::FindDirectChildrenOnly);
}

bool anyRunning(QNetworkAccessManager &network)
{
    const QList<QNetworkReply *> replies = repliesOf(network);
    return std::any_of(replies.cbegin(), replies.cend(), [](const QNetworkReply *reply) { return reply->isRunning(); });
}

bool Fixture::start()
{
    m_simulator = std::make_unique<cdrsim::Simulator>();
    m_simulator->setNow(simNow);
    m_simulator->setPlivoCallCount(callCount);
    m_simulator->setEnswitchLegCount(callCount);
    m_simulator->setPortsipCallCount(callCount);
    m_network = std::make_unique<QNetworkAccessManager>();
    return m_simulator->listen(0);
}

void Fixture::stop()
{
    m_network.reset();
    m_simulator.reset();
}

const Provider &Fixture::provider(const QString &api) const
{
    if (api == "enswitch"_L1)
        return m_enswitch;
    if (api == "portsip"_L1)
        return m_portsip;
    return m_plivo;
}

Connection Fixture::connection(const QString &api) const
{
    Connection connection;
    connection.baseUrl = m_simulator->baseUrl();
    if (api == "enswitch"_L1) {
        connection.user = cdrsim::Simulator::enswitchDemoAccount().username;
        connection.secret = cdrsim::Simulator::enswitchDemoAccount().password;
    } else if (api == "portsip"_L1) {
        const cdrsim::PortsipAccount account = cdrsim::Simulator::portsipDemoAccount();
        connection.user = account.username;
        connection.secret = account.password;
        connection.options.insert(u"domain"_s, account.domain);
    } else {
        connection.user = cdrsim::Simulator::demoAccount().authId;
        connection.secret = cdrsim::Simulator::demoAccount().authToken;
    }
    return connection;
}

QString Fixture::listPattern(const QString &api)
{
    if (api == "enswitch"_L1)
        return u"cdrs/list"_s;
    if (api == "portsip"_L1)
        return u"^/api/cdrs/?$"_s;
    return u"/Zentrunk/Call/?$"_s;
}

std::unique_ptr<SearchSession> Fixture::session(const QString &api)
{
    const Provider &used = provider(api);
    SearchQuery query;
    query.since = simNow.addDays(-30);
    query.until = simNow;
    auto search
        = std::make_unique<SearchSession>(*m_network, used, connection(api), query.resolved(simNow, used.timeRange()));
    PagingPolicy paging = search->pagingPolicy();
    paging.pageSize = std::min(paging.pageSize, 40); // several pages, so faults land mid-way
    search->setPagingPolicy(paging);
    search->setRetryPolicy(fastRetry);
    HttpTransport::Limits limits;
    limits.idleTimeout = 2000ms;
    limits.totalTimeout = 6000ms;
    search->setRequestLimits(limits);
    return search;
}

QStringList Fixture::cleanRun(const QString &api)
{
    const std::unique_ptr<SearchSession> search = session(api);
    Outcome outcome;
    record(*search, outcome);
    if (!runToEnd(*search, outcome) || !outcome.finished)
        return {};
    return outcome.ids;
}

int Fixture::listRequests(const QString &api) const
{
    const QRegularExpression pattern(listPattern(api));
    const QList<cdrsim::ServedRequest> log = m_simulator->faults().log();
    return int(std::count_if(
        log.cbegin(), log.cend(), [&pattern](const cdrsim::ServedRequest &served) { return served.path.contains(pattern); }));
}

} // namespace faultfixture
