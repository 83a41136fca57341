#pragma once

#include "simulator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

#include <functional>
#include <memory>

inline const QDateTime kNow(QDate(2026, 11, 20), QTime(12, 0), QTimeZone::utc());

// One answer of the simulator, with the envelope read out.
struct Reply {
    int http = -1;
    QByteArray body;
    QJsonObject json;

    QJsonObject response() const { return json.value(QLatin1StringView("responses")).toArray().at(0).toObject(); }
    QString code() const { return response().value(QLatin1StringView("code")).toString(); }
    QString key() const { return response().value(QLatin1StringView("key")).toString(); }
    QString message() const { return response().value(QLatin1StringView("message")).toString(); }
    QJsonArray rows() const { return json.value(QLatin1StringView("data")).toArray(); }
    QJsonObject object() const { return json.value(QLatin1StringView("data")).toObject(); }
};

inline QByteArray credentials()
{
    const cdrsim::EnswitchAccount demo = cdrsim::Simulator::enswitchDemoAccount();
    return "auth_username=" + QUrl::toPercentEncoding(demo.username)
        + "&auth_password=" + QUrl::toPercentEncoding(demo.password);
}

inline QStringList strings(const QJsonArray &rows, const QString &field)
{
    QStringList out;
    for (const QJsonValue &row : rows)
        out.append(row[field].isString() ? row[field].toString() : QString::number(row[field].toInteger()));
    return out;
}

// The Enswitch part of the simulator over real HTTP; filter, sort and paging tests live in
// tst_enswitch_simulator_filters.cpp.
class TstEnswitchSimulator final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void authentication_data();
    void authentication();
    void semicolonQuery();
    void postFormAndMixed();
    void rowShape();
    void matchModes_data();
    void matchModes();
    void invalidParameters_data();
    void invalidParameters();
    void direction_data();
    void direction();
    void exactFilters();
    void customers_data();
    void customers();
    void archiveAndWindow();
    void pagingWalk();
    void sorting_data();
    void sorting();
    void detailCall();
    void getOne();
    void tokens();
    void forcedEnvelope_data();
    void forcedEnvelope();
    void httpFailures();
    void passwordInUrl();

private:
    Reply send(const QByteArray &method, const QByteArray &path, const QByteArray &query, const QByteArray &body = {});
    Reply list(const QByteArray &params); // POST form with the demo credentials
    Reply listAll(const QByteArray &params) { return list("limit=0&" + params); }

    std::unique_ptr<cdrsim::Simulator> m_sim;
    std::unique_ptr<QNetworkAccessManager> m_manager;
    QJsonArray m_own; // every leg of the demo customer, default filters
    QJsonArray m_every; // customer=system, archive=1
};
