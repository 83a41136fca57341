#pragma once

#include <QDateTime>
#include <QStringList>

#include <memory>

class CdrTableModel;
namespace cdrsim {
class Simulator;
}

// What the table model tests share: the simulator's clock and size, and how they read the model.
namespace TableModelFixtures {

extern const QDateTime simNow;
inline constexpr int callCount = 3400;
inline constexpr int waitMs = 30000;

// A simulator at simNow with callCount Plivo calls, not yet listening.
std::unique_ptr<cdrsim::Simulator> makeSimulator();
QStringList idsOf(const CdrTableModel &model); // record ids in row order

} // namespace TableModelFixtures
