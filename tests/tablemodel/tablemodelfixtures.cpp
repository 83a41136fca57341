#include "tablemodelfixtures.h"

#include "cdrtablemodel.h"
#include "simulator.h"

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

} // namespace TableModelFixtures
