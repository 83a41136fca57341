#include "tablemodelfixtures.h"

#include "cdrtablemodel.h"
#include "provider.h"
#include "searchsession.h"
#include "simulator.h"

#include <QNetworkAccessManager>
#include <QTimeZone>

namespace TableModelFixtures {

const QDateTime simNow(QDate(2024, 5, 1), QTime(12, 0), QTimeZone::utc());

std::unique_ptr<cdrsim::Simulator> makeSimulator()
{
    auto simulator = std::make_unique<cdrsim::Simulator>();
    simulator->setNow(simNow);
    simulator->setPlivoCallCount(callCount);
    return simulator;
}

QStringList idsOf(const CdrTableModel &model)
{
    QStringList ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids.append(model.record(row).id);
    return ids;
}

Loopback::Loopback()
    : simulator(makeSimulator())
    , network(std::make_unique<QNetworkAccessManager>())
{
}

Loopback::~Loopback()
{
    network.reset(); // before the server, so no reply outlives it
}

bool Loopback::listen()
{
    return simulator->listen(0);
}

std::unique_ptr<SearchSession> Loopback::session(
    const Provider &provider, const SearchQuery &query, const QString &secret) const
{
    const cdrsim::PlivoAccount account = cdrsim::Simulator::demoAccount();
    const Connection connection{simulator->baseUrl(), account.authId, secret.isEmpty() ? account.authToken : secret};
    return std::make_unique<SearchSession>(
        *network, provider, connection, query.resolved(simNow, provider.timeRange()));
}

std::unique_ptr<SearchSession> Loopback::session(const Provider &provider) const
{
    return session(provider, SearchQuery());
}

} // namespace TableModelFixtures
