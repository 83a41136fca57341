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
#include <QSslConfiguration>
#include <QTest>
#include <QTimeZone>

#include <functional>
#include <memory>

inline const QDateTime kNow(QDate(2026, 11, 20), QTime(12, 0), QTimeZone::utc());

// One answer of the simulator, with the error envelope read out.
struct Reply {
    int http = -1;
    QByteArray body;
    QJsonObject json;
    QByteArray retryAfter;
    QByteArray wwwAuthenticate;

    QJsonObject error() const { return json.value(QLatin1StringView("errors")).toArray().at(0).toObject(); }
    QString code() const { return error().value(QLatin1StringView("code")).toString(); }
    QString message() const { return error().value(QLatin1StringView("message")).toString(); }
    QString detail() const { return error().value(QLatin1StringView("detail")).toString(); }
    QJsonArray items() const { return json.value(QLatin1StringView("items")).toArray(); }
    QString string(const char *key) const { return json.value(QLatin1StringView(key)).toString(); }
};

// Query options in the order given; keys and values are percent-encoded on the way out.
using Options = QList<std::pair<QString, QString>>;
using Predicate = std::function<bool(const QJsonObject &)>;
Q_DECLARE_METATYPE(Predicate)

QStringList ids(const QJsonArray &items);
// A time field as microseconds, or nullopt when unset ("" or null).
std::optional<qint64> instant(const QJsonObject &item, const QString &field);
// Text of a field with "" and null both as "".
QString text(const QJsonObject &item, const QString &field);

// The PortSIP part of the simulator over real HTTP, in three files: sign-in and tokens,
// data and transport, and the query options.
class TstPortsipSimulator final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    // tst_portsip_simulator_auth.cpp
    void signIn_data();
    void signIn();
    void twoFactor();
    void refresh();
    void expiry();
    void unauthorized_data();
    void unauthorized();
    void expireAllAndSignOut();
    // tst_portsip_simulator.cpp
    void itemShape();
    void awkwardData();
    void getOne();
    void routesAndMethods();
    void rateLimitWindow();
    void forcedFaults();
    void overTls();
    void determinism();

    // tst_portsip_simulator_query.cpp
    void filters_data();
    void filters();
    void invalidOptions_data();
    void invalidOptions();
    void orderBy_data();
    void orderBy();
    void paging();
    void dollarNames();
    void skipOneBased();
    void search();
    void postList();

private:
    Reply send(const QByteArray &method, const QString &path, const Options &options = {}, const QByteArray &body = {},
        const QByteArray &authorization = {});
    Reply auth(const QString &action, const QJsonObject &body); // POST /api/auth/<action>
    Reply list(const Options &options, const QByteArray &method = "GET"); // with the shared token
    QJsonArray listAll(const Options &options); // every page of top=100
    QString signInToken(const cdrsim::PortsipAccount &account);
    QByteArray bearer() const { return "Bearer " + m_token.toLatin1(); }

    std::unique_ptr<cdrsim::Simulator> m_sim;
    std::unique_ptr<QNetworkAccessManager> m_manager;
    QString m_token;
    QJsonArray m_all; // every CDR in the default order (started_at descending, then id)
};
