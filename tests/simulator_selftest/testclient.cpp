#include "testclient.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QSignalSpy>

#include "simulator.h"

using namespace Qt::StringLiterals;

namespace {
constexpr int kTimeoutMs = 15000;
}

QByteArray TestClient::Reply::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers)
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    return {};
}

int TestClient::Reply::totalCount() const
{
    return json.value("meta"_L1).toObject().value("total_count"_L1).toInt(-1);
}

TestClient::TestClient(QUrl base)
    : m_base(std::move(base))
{
}

QByteArray TestClient::listPath(const QByteArray &query)
{
    QByteArray path = "/v1/Account/" + cdrsim::Simulator::demoAccount().authId.toLatin1() + "/Zentrunk/Call/";
    return query.isEmpty() ? path : path + '?' + query;
}

QByteArray TestClient::basicAuth(const QByteArray &user, const QByteArray &password)
{
    return "Basic " + (user + ':' + password).toBase64();
}

QNetworkReply *TestClient::start(
    const QByteArray &pathAndQuery, const QByteArray &authorization, const QByteArray &method)
{
    const QUrl url = QUrl::fromEncoded(m_base.toEncoded() + pathAndQuery, QUrl::StrictMode);
    QNetworkRequest request(url);
    if (!authorization.isEmpty())
        request.setRawHeader("Authorization", authorization);
    return m_manager.sendCustomRequest(request, method);
}

TestClient::Reply TestClient::collect(QNetworkReply *reply, qint64 elapsedMs)
{
    Reply result;
    if (!reply->isFinished())
        return result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.json = QJsonDocument::fromJson(result.body).object();
    result.headers = reply->rawHeaderPairs();
    result.elapsedMs = elapsedMs;
    return result;
}

TestClient::Reply TestClient::get(
    const QByteArray &pathAndQuery, const QByteArray &user, const QByteArray &password, const QByteArray &method)
{
    const QByteArray authorization = user.isEmpty() ? QByteArray() : basicAuth(user, password);
    QElapsedTimer timer;
    timer.start();
    QNetworkReply *reply = start(pathAndQuery, authorization, method);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    finished.wait(kTimeoutMs);
    const Reply result = collect(reply, timer.elapsed());
    reply->deleteLater();
    return result;
}

TestClient::Reply TestClient::get(const QByteArray &pathAndQuery)
{
    const cdrsim::PlivoAccount demo = cdrsim::Simulator::demoAccount();
    return get(pathAndQuery, demo.authId.toLatin1(), demo.authToken.toLatin1());
}

QList<TestClient::Reply> TestClient::getParallel(const QList<QByteArray> &pathsAndQueries)
{
    const cdrsim::PlivoAccount demo = cdrsim::Simulator::demoAccount();
    const QByteArray authorization = basicAuth(demo.authId.toLatin1(), demo.authToken.toLatin1());
    QElapsedTimer timer;
    timer.start();
    QList<QNetworkReply *> replies;
    for (const QByteArray &path : pathsAndQueries)
        replies.append(start(path, authorization, "GET"));
    for (QNetworkReply *reply : std::as_const(replies)) {
        if (!reply->isFinished()) {
            QSignalSpy finished(reply, &QNetworkReply::finished);
            finished.wait(kTimeoutMs);
        }
    }
    QList<Reply> results;
    for (QNetworkReply *reply : std::as_const(replies)) {
        results.append(collect(reply, timer.elapsed()));
        reply->deleteLater();
    }
    return results;
}
