#pragma once

#include "httptransport.h"
#include "providers/enswitch/enswitchprovider.h"
#include "providers/plivo/plivoprovider.h"
#include "providers/portsip/portsipprovider.h"
#include "retrypolicy.h"
#include "simulator.h"

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QStringList>

#include <memory>
#include <optional>

class QNetworkReply;
class SearchSession;

// What the fault tests share: the simulator with the same calls for every
// provider, a session set up to fail fast, and ways to look at what happened.
namespace faultfixture {

extern const QDateTime simNow;
constexpr int callCount = 700; // per provider; about 170 fall in the 30-day window
constexpr int waitMs = 60000;
extern const RetryPolicy fastRetry; // quick retries, always the same jitter
inline constexpr const char *apis[] = {"plivo", "enswitch", "portsip"};

// What a search delivered, and how it ended.
struct Outcome {
    QStringList ids;
    std::optional<ApiError> error;
    bool finished = false;
    bool ended() const { return finished || error.has_value(); }
};

void record(SearchSession &session, Outcome &outcome);   // fills `outcome` from the session's signals
bool runToEnd(SearchSession &session, Outcome &outcome); // fetchAll() or resume(), until it ends
qsizetype duplicates(const QStringList &ids);
QList<QNetworkReply *> repliesOf(QNetworkAccessManager &network);
bool anyRunning(QNetworkAccessManager &network);

class Fixture {
public:
    bool start(); // a fresh simulator and network; call from init()
    void stop();

    cdrsim::Simulator &simulator() { return *m_simulator; }
    QNetworkAccessManager &network() { return *m_network; }
    const Provider &provider(const QString &api) const;
    Connection connection(const QString &api) const;
    static QString listPattern(const QString &api); // the provider's list path, for FaultPlan::pathPattern
    std::unique_ptr<SearchSession> session(const QString &api);
    QStringList cleanRun(const QString &api); // the rows of a search with no fault, in order
    int listRequests(const QString &api) const; // as the simulator's log saw them

private:
    std::unique_ptr<cdrsim::Simulator> m_simulator;
    std::unique_ptr<QNetworkAccessManager> m_network;
    PlivoProvider m_plivo;
    EnswitchProvider m_enswitch;
    PortSipProvider m_portsip;
};

} // namespace faultfixture
