#include "httptransport.h"

#include "provider.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

using namespace Qt::StringLiterals;

namespace HttpTransport {
namespace {

// Qt's error strings sometimes quote the whole URL; the query may carry filter
// values and, with some providers, credentials. Keep only scheme, host and path.
QString withoutUrlDetails(QString text, const QList<QUrl> &urls)
{
    for (const QUrl &url : urls) {
        if (url.isEmpty())
            continue;
        const QString safe
            = url.adjusted(QUrl::RemoveQuery | QUrl::RemoveUserInfo | QUrl::RemoveFragment).toDisplayString();
        for (const QString &form : {url.toString(), url.toDisplayString(), QString::fromLatin1(url.toEncoded())})
            text.replace(form, safe);
    }
    return text;
}

std::optional<std::chrono::milliseconds> parseRetryAfter(const QByteArray &value)
{
    // Only the delta-seconds form; an HTTP date falls back to our own backoff.
    bool ok = false;
    const qint64 seconds = value.trimmed().toLongLong(&ok);
    if (!ok || seconds < 0)
        return std::nullopt;
    // A server asking for hours would leave the user staring at a busy bar; a
    // minute is the most we wait before reporting the refusal.
    return std::chrono::seconds(std::min<qint64>(seconds, 60));
}

} // namespace

QNetworkReply *send(QNetworkAccessManager &network, const HttpRequest &request, const Connection &connection,
    std::chrono::milliseconds timeout)
{
    QNetworkRequest networkRequest(request.url);
    for (const auto &[name, value] : request.headers)
        networkRequest.setRawHeader(name, value);
    if (!networkRequest.hasRawHeader("User-Agent"))
        networkRequest.setRawHeader("User-Agent", "CDR-Browser");
    networkRequest.setTransferTimeout(int(timeout.count()));
    networkRequest.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::SameOriginRedirectPolicy);
    networkRequest.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    networkRequest.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    // Two profiles on the same host must never see each other's session cookies.
    networkRequest.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    networkRequest.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);

    // TODO(pinning): accept connection.pinnedCertificateSha256 on sslErrors; report Kind::Certificate otherwise.
    Q_UNUSED(connection);
    if (request.method == "GET" && request.body.isEmpty())
        return network.get(networkRequest);
    return network.sendCustomRequest(networkRequest, request.method, request.body);
}

Outcome read(QNetworkReply &reply)
{
    Outcome outcome;
    outcome.httpStatus = reply.attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply.isOpen()) // a timed-out reply is closed by the abort
        outcome.body = reply.readAll();
    if (reply.hasRawHeader("Retry-After"))
        outcome.retryAfter = parseRetryAfter(reply.rawHeader("Retry-After"));

    const QNetworkReply::NetworkError error = reply.error();
    const bool successStatus = outcome.httpStatus >= 200 && outcome.httpStatus < 300;
    // A non-2xx status is the provider speaking: its body is read by the
    // provider. A failure with no status, or a 2xx cut short, is ours to report.
    if (outcome.httpStatus != 0 && (!successStatus || error == QNetworkReply::NoError))
        return outcome;

    ApiError apiError;
    apiError.httpStatus = outcome.httpStatus;
    switch (error) {
    case QNetworkReply::OperationCanceledError: // only the transfer timeout aborts a reply we still listen to
    case QNetworkReply::TimeoutError:
        apiError.kind = ApiError::Kind::Timeout;
    {
        const int seconds = reply.request().transferTimeout() / 1000;
        apiError.detail = QCoreApplication::translate("HttpTransport", "No answer within %n second(s).", nullptr, seconds);
        break;
    }
    case QNetworkReply::NoError:
        apiError.kind = ApiError::Kind::Network;
        apiError.detail = QCoreApplication::translate("HttpTransport", "The server sent no HTTP reply.");
        break;
    default:
        apiError.kind = ApiError::Kind::Network;
        apiError.detail = withoutUrlDetails(reply.errorString(), {reply.url(), reply.request().url()});
        break;
    }
    outcome.transportError = apiError;
    return outcome;
}

} // namespace HttpTransport
