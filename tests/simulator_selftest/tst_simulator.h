#pragma once

#include "simulator.h"
#include "testclient.h"

#include <QJsonArray>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

// The server's fixed "now"; all time-window expectations are relative to it.
inline const QDateTime kNow(QDate(2024, 6, 15), QTime(12, 0, 0), Qt::UTC);

inline QString plivoTime(const QDateTime &t)
{
    return t.toString(u"yyyy-MM-dd HH:mm:ss"_s);
}

// Query-string form of a time: the space percent-encoded.
inline QByteArray queryTime(const QDateTime &t)
{
    return t.toString(u"yyyy-MM-dd'%20'HH:mm:ss"_s).toLatin1();
}

class TstSimulator final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();

    void authentication_data();
    void authentication();
    void listParameterErrors_data();
    void listParameterErrors();
    void defaultPage();
    void offsetWalk_data();
    void offsetWalk();
    void filters_data();
    void filters();
    void rawPlusIsASpace();
    void endTimeFilters_data();
    void endTimeFilters();
    void ninetyDayRule_data();
    void ninetyDayRule();
    void singleCall();
    void fieldOrder();
    void routing_data();
    void routing();
    void rateLimit();
    void forcedRateLimit();
    void latency();
    void parallelRequests();
    void failRequests();
    void requestServedHasNoQuery();
    void awkwardData();
    void deterministicData();
    void keepAliveAndPipelining();
    void malformedRequest();
    void runsOnAnotherThread();

private:
    // Every row for a query, paging with `limit`; checks that each page agrees on the total.
    void walk(const QByteArray &query, int limit, QJsonArray &rows, int &total);
    QByteArray rawExchange(const QByteArray &request);

    std::unique_ptr<cdrsim::Simulator> m_sim;
    std::unique_ptr<TestClient> m_client;
    QJsonArray m_window; // every call of the default 30-day window, newest first
};
