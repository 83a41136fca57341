#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QUrl>

// Talks to the simulator over real loopback HTTP with QNetworkAccessManager.
class TestClient {
public:
    struct Reply {
        int status = -1; // -1: no answer within the timeout
        QByteArray body;
        QJsonObject json;
        QList<QPair<QByteArray, QByteArray>> headers;
        qint64 elapsedMs = 0;

        QByteArray header(const QByteArray &name) const;
        QJsonArray objects() const { return json.value(QLatin1String("objects")).toArray(); }
        int totalCount() const;
        QString error() const { return json.value(QLatin1String("error")).toString(); }
    };

    explicit TestClient(QUrl base);

    // pathAndQuery is sent exactly as written, already percent-encoded.
    Reply get(const QByteArray &pathAndQuery, const QByteArray &user, const QByteArray &password,
        const QByteArray &method = "GET");
    Reply get(const QByteArray &pathAndQuery); // with the demo account
    // Several requests in flight at once; answers in the order given.
    QList<Reply> getParallel(const QList<QByteArray> &pathsAndQueries);

    static QByteArray listPath(const QByteArray &query = {});
    static QByteArray basicAuth(const QByteArray &user, const QByteArray &password);

private:
    QNetworkReply *start(const QByteArray &pathAndQuery, const QByteArray &authorization, const QByteArray &method);
    static Reply collect(QNetworkReply *reply, qint64 elapsedMs);

    QUrl m_base;
    QNetworkAccessManager m_manager;
};
