#pragma once

#include <QDateTime>
#include <QStringList>

#include <memory>

class CdrTableModel;
class Provider;
class QNetworkAccessManager;
class SearchSession;
struct SearchQuery;
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

// A simulator listening on loopback and a network to reach it, made afresh for each test.
struct Loopback {
    Loopback();
    ~Loopback();
    Q_DISABLE_COPY_MOVE(Loopback)

    bool listen(); // false if no port could be had
    // A search of the simulator's demo account (or with `secret` instead of its token), resolved at simNow.
    std::unique_ptr<SearchSession> session(const Provider &provider, const SearchQuery &query,
        const QString &secret = QString()) const;
    std::unique_ptr<SearchSession> session(const Provider &provider) const;

    std::unique_ptr<cdrsim::Simulator> simulator;
    std::unique_ptr<QNetworkAccessManager> network;
};

} // namespace TableModelFixtures
