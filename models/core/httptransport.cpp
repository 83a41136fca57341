#include "httptransport.h"

#include "provider.h"
#include "retrypolicy.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QMutex>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSet>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslError>
#include <QTimer>

#include <algorithm>

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

// Why send() aborted a reply itself, left on the reply for read().
constexpr char abortReasonProperty[] = "cdr_abortReason"; // QByteArray: "tooLarge" or "deadline"
constexpr char maxBytesProperty[] = "cdr_maxBytes";
constexpr char totalTimeoutProperty[] = "cdr_totalTimeoutMs";

void abortFor(QNetworkReply *reply, const char *reason)
{
    // A reply whose last bytes came together with its end is refused all the same:
    // read() looks at this mark, not at whether abort() had anything left to stop.
    reply->setProperty(abortReasonProperty, QByteArray(reason));
    if (reply->isRunning())
        reply->abort();
}

// Stops a reply as soon as it announces or reaches more than it may, and one that
// still has not finished when its time is up (a server dripping a byte at a time
// never trips the idle timeout).
void enforce(QNetworkReply *reply, const Limits &limits)
{
    reply->setProperty(maxBytesProperty, limits.maxBytes);
    reply->setProperty(totalTimeoutProperty, qint64(limits.totalTimeout.count()));
    if (const qint64 maxBytes = limits.maxBytes; maxBytes > 0) {
        QObject::connect(reply, &QNetworkReply::metaDataChanged, reply, [reply, maxBytes] {
            bool known = false;
            const qint64 announced = reply->header(QNetworkRequest::ContentLengthHeader).toLongLong(&known);
            if (known && announced > maxBytes)
                abortFor(reply, "tooLarge");
        });
        QObject::connect(reply, &QNetworkReply::downloadProgress, reply,
            [reply, maxBytes](qint64 received, qint64 total) {
                if (received > maxBytes || total > maxBytes)
                    abortFor(reply, "tooLarge");
            });
    }
    if (limits.totalTimeout > std::chrono::milliseconds::zero()) {
        auto *deadline = new QTimer(reply);
        deadline->setSingleShot(true);
        QObject::connect(deadline, &QTimer::timeout, reply, [reply] {
            if (reply->isRunning())
                abortFor(reply, "deadline");
        });
        QObject::connect(reply, &QNetworkReply::finished, deadline, &QTimer::stop);
        deadline->start(limits.totalTimeout);
    }
}

// Failures below HTTP that a second try may not meet again.
bool isTransient(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::NoError: // the server hung up without a reply
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::UnknownNetworkError:
    case QNetworkReply::ProtocolFailure: // e.g. a chunked body cut mid-chunk
        return true;
    default:
        return false;
    }
}

// What send() learnt from sslErrors, left on the reply for read(), which only gets the reply.
constexpr char certificateErrorsProperty[] = "cdr_certificateErrors"; // QList<QSslError> not ignored
constexpr char peerCertificateProperty[] = "cdr_peerCertificate"; // QSslCertificate
constexpr char pinProperty[] = "cdr_pinnedSha256"; // QByteArray, normalised

QByteArray sha256Of(const QSslCertificate &certificate)
{
    return certificate.digest(QCryptographicHash::Sha256).toHex();
}

// Profiles and cdr-export may hold a pin as "AA:BB:..."; compare in one form.
QByteArray normalisedPin(const QByteArray &pin)
{
    QByteArray hex = pin.trimmed();
    hex.replace(':', QByteArray());
    return hex.toLower();
}

// Problems a pin answers: the user has looked at these exact bytes and said they
// are the server's, so who signed them and which name they carry no longer matter.
// Expiry, revocation, a broken signature or a wrong purpose stay fatal: the key may
// be compromised or the certificate malformed, and the server's administrator has to
// fix those, not the user's trust.
bool pinCovers(QSslError::SslError error)
{
    switch (error) {
    case QSslError::SelfSignedCertificate:
    case QSslError::SelfSignedCertificateInChain:
    case QSslError::UnableToGetIssuerCertificate:
    case QSslError::UnableToGetLocalIssuerCertificate:
    case QSslError::UnableToVerifyFirstCertificate:
    case QSslError::CertificateUntrusted:
    case QSslError::HostNameMismatch:
        return true;
    default:
        return false;
    }
}

// Each error must be about the certificate chain this server presented, never another.
bool concernsPeer(const QSslError &error, const QList<QSslCertificate> &chain)
{
    return error.certificate().isNull() || chain.contains(error.certificate());
}

// Certificates that were accepted through a pin. QNetworkAccessManager reuses an open
// connection without verifying again, so a request from another profile (no pin, or
// another pin) could ride on it; read() refuses such a reply when it meets one of these.
struct PinnedCertificates {
    QMutex mutex;
    QSet<QByteArray> sha256;
};

PinnedCertificates &acceptedThroughPin()
{
    static PinnedCertificates accepted;
    return accepted;
}

void onSslErrors(QNetworkReply *reply, const QByteArray &pin, const QList<QSslError> &errors)
{
    const QSslConfiguration configuration = reply->sslConfiguration();
    QList<QSslCertificate> chain = configuration.peerCertificateChain();
    QSslCertificate peer = configuration.peerCertificate();
    if (peer.isNull() && !errors.isEmpty())
        peer = errors.constFirst().certificate();
    if (!peer.isNull() && !chain.contains(peer))
        chain.prepend(peer);

    const bool pinMatches = !pin.isEmpty() && !peer.isNull() && sha256Of(peer) == pin;
    const bool allCovered = std::all_of(errors.cbegin(), errors.cend(),
        [&chain](const QSslError &error) { return pinCovers(error.error()) && concernsPeer(error, chain); });
    if (pinMatches && allCovered) {
        {
            QMutexLocker lock(&acceptedThroughPin().mutex);
            acceptedThroughPin().sha256.insert(pin);
        }
        // The list form: only these errors, for this certificate, on this reply.
        reply->ignoreSslErrors(errors);
        return;
    }
    reply->setProperty(certificateErrorsProperty, QVariant::fromValue(errors));
    reply->setProperty(peerCertificateProperty, QVariant::fromValue(peer));
}

// The server chooses these texts: keep them on one line for cdr-export's message.
QString printable(QString text)
{
    for (QChar &c : text) {
        if (c.category() == QChar::Other_Control || c == QChar::LineSeparator || c == QChar::ParagraphSeparator)
            c = QLatin1Char(' ');
    }
    return text;
}

// "CN=pbx.example.com, O=Example, C=DE": the attributes a person recognises first.
QString distinguishedName(const QSslCertificate &certificate, bool issuer)
{
    static const QList<QByteArray> order{"CN", "OU", "O", "L", "ST", "C", "emailAddress"};
    QList<QByteArray> attributes = issuer ? certificate.issuerInfoAttributes() : certificate.subjectInfoAttributes();
    std::stable_sort(attributes.begin(), attributes.end(), [](const QByteArray &a, const QByteArray &b) {
        const auto rank = [](const QByteArray &name) {
            const qsizetype index = order.indexOf(name);
            return index < 0 ? order.size() : index;
        };
        return rank(a) < rank(b);
    });
    QStringList parts;
    for (const QByteArray &attribute : std::as_const(attributes)) {
        const QStringList values = issuer ? certificate.issuerInfo(attribute) : certificate.subjectInfo(attribute);
        for (const QString &value : values)
            parts += QString::fromLatin1(attribute) + QLatin1Char('=') + printable(value);
    }
    return parts.join(QLatin1StringView(", "));
}

CertificateInfo certificateInfo(
    const QSslCertificate &certificate, const QList<QSslError> &errors, const QByteArray &pin)
{
    CertificateInfo info;
    info.subject = distinguishedName(certificate, false);
    info.issuer = distinguishedName(certificate, true);
    info.sha256 = sha256Of(certificate);
    info.pem = certificate.toPem();
    for (const QSslError &error : errors) {
        if (!info.problems.contains(error.errorString()))
            info.problems += error.errorString();
        info.pinnable = info.pinnable && pinCovers(error.error());
    }
    if (!pin.isEmpty() && pin != info.sha256)
        info.pinnedSha256 = pin;
    return info;
}

std::optional<ApiError> certificateError(QNetworkReply &reply)
{
    const QByteArray pin = reply.property(pinProperty).toByteArray();
    const QVariant errors = reply.property(certificateErrorsProperty);
    if (errors.isValid()) {
        if (reply.error() == QNetworkReply::NoError)
            return std::nullopt; // someone else ignored them: not our call to overrule
        ApiError error;
        error.kind = ApiError::Kind::Certificate;
        error.certificate = certificateInfo(
            reply.property(peerCertificateProperty).value<QSslCertificate>(), errors.value<QList<QSslError>>(), pin);
        return error;
    }
    // No sslErrors on this reply: either the certificate verified, or the reply rode on
    // a connection opened earlier. Only a certificate once let in by a pin needs a look.
    const QSslCertificate peer = reply.sslConfiguration().peerCertificate();
    if (peer.isNull())
        return std::nullopt;
    const QByteArray sha256 = sha256Of(peer);
    if (sha256 == pin)
        return std::nullopt;
    {
        QMutexLocker lock(&acceptedThroughPin().mutex);
        if (!acceptedThroughPin().sha256.contains(sha256))
            return std::nullopt;
    }
    // Verify it as a fresh connection would have, to report the same problems.
    const QList<QSslError> problems
        = QSslCertificate::verify(reply.sslConfiguration().peerCertificateChain(), reply.url().host());
    if (problems.isEmpty())
        return std::nullopt; // it verifies today (e.g. its issuer was added to the trust store)
    ApiError error;
    error.kind = ApiError::Kind::Certificate;
    error.certificate = certificateInfo(peer, problems, pin);
    return error;
}

} // namespace

QNetworkReply *send(QNetworkAccessManager &network, const HttpRequest &request, const Connection &connection,
    std::chrono::milliseconds timeout)
{
    // As before limits existed: an idle timeout only, for callers that read a reply of their own.
    return send(network, request, connection, Limits{timeout, std::chrono::milliseconds::zero(), 0});
}

QNetworkReply *send(QNetworkAccessManager &network, const HttpRequest &request, const Connection &connection,
    const Limits &limits)
{
    QNetworkRequest networkRequest(request.url);
    for (const auto &[name, value] : request.headers)
        networkRequest.setRawHeader(name, value);
    if (!networkRequest.hasRawHeader("User-Agent"))
        networkRequest.setRawHeader("User-Agent", "CDR-Browser");
    networkRequest.setTransferTimeout(int(limits.idleTimeout.count()));
    networkRequest.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::SameOriginRedirectPolicy);
    networkRequest.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    networkRequest.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    // Two profiles on the same host must never see each other's session cookies.
    networkRequest.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    networkRequest.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);

    QNetworkReply *reply = request.method == "GET" && request.body.isEmpty()
        ? network.get(networkRequest)
        : network.sendCustomRequest(networkRequest, request.method, request.body);
    // Verification stays on: sslErrors only lets through the one certificate the user
    // pinned, and read() turns every other failure into Kind::Certificate.
    const QByteArray pin = normalisedPin(connection.pinnedCertificateSha256);
    reply->setProperty(pinProperty, pin);
    QObject::connect(reply, &QNetworkReply::sslErrors, reply,
        [reply, pin](const QList<QSslError> &errors) { onSslErrors(reply, pin, errors); });
    enforce(reply, limits);
    return reply;
}

Outcome read(QNetworkReply &reply)
{
    Outcome outcome;
    outcome.httpStatus = reply.attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply.isOpen()) // a timed-out reply is closed by the abort
        outcome.body = reply.readAll();
    if (reply.hasRawHeader("Retry-After"))
        outcome.retryAfter = RetryAfter::parse(reply.rawHeader("Retry-After"), QDateTime::currentDateTimeUtc());

    const QByteArray abortReason = reply.property(abortReasonProperty).toByteArray();
    if (abortReason == "tooLarge") {
        outcome.body.clear(); // only the start of it, and no use to anyone
        ApiError tooLarge;
        tooLarge.kind = ApiError::Kind::TooLarge;
        tooLarge.httpStatus = outcome.httpStatus;
        const qint64 maxMiB = std::max<qint64>(1, reply.property(maxBytesProperty).toLongLong() / mebibyte);
        tooLarge.detail = QCoreApplication::translate("HttpTransport", "more than %n MiB", nullptr, int(maxMiB));
        outcome.transportError = tooLarge;
        return outcome;
    }
    if (abortReason == "deadline") {
        ApiError late;
        late.kind = ApiError::Kind::Timeout;
        late.httpStatus = outcome.httpStatus;
        const int seconds = int(reply.property(totalTimeoutProperty).toLongLong() / 1000);
        late.detail = QCoreApplication::translate(
            "HttpTransport", "The reply was still not complete after %n second(s).", nullptr, seconds);
        outcome.transportError = late;
        outcome.transient = true;
        return outcome;
    }

    if (std::optional<ApiError> certificate = certificateError(reply)) {
        outcome.httpStatus = 0;
        outcome.body.clear(); // from a server this profile does not trust
        outcome.transportError = std::move(certificate);
        return outcome;
    }

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
    outcome.transient = isTransient(error);
    return outcome;
}

} // namespace HttpTransport
