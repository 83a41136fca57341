#include "authenticator.h"

#include "httptransport.h"

#include <QLoggingCategory>
#include <QMetaMethod>
#include <QNetworkReply>

#include <algorithm>

using namespace std::chrono;
using namespace Qt::StringLiterals;

namespace {
// Steps and statuses only: sign-in bodies carry the secret, replies carry tokens.
Q_LOGGING_CATEGORY(lcAuth, "cdr.auth", QtWarningMsg)

constexpr seconds defaultRenewMargin{60};

// Defence in depth: whatever a server echoes back, no secret or token reaches a message.
void scrub(QString &text, const QStringList &secrets)
{
    for (const QString &secret : secrets) {
        if (!secret.isEmpty())
            text.replace(secret, u"•••"_s);
    }
}
} // namespace

class Authenticator::Private {
public:
    enum class State : quint8 { Idle, Requesting, AwaitingCode };

    explicit Private(Authenticator *authenticator)
        : q(authenticator)
    {
    }

    bool signsIn() const { return q->m_provider.signsIn(connection); }
    bool tokenUsable() const;
    void start(SignInStep step, const HttpRequest &request);
    void signIn();
    void onFinished(QNetworkReply *finished, SignInStep step);
    void accept(AuthTokens received, const QDateTime &receivedUtc);
    void askForCode(const QString &newChallenge);
    void fail(ApiError error);
    void queueReady();
    void abort();

    Authenticator *q;
    Connection connection; // the profile's; never holds a token
    std::optional<AuthTokens> tokens;
    std::optional<steady_clock::time_point> expiresAt; // on our monotonic clock, so wall-clock jumps do not matter
    milliseconds lifetime{0}; // as the server granted it
    seconds renewMargin = defaultRenewMargin;
    milliseconds timeout = HttpTransport::defaultTimeout;
    State state = State::Idle;
    QPointer<QNetworkReply> reply;
    QString challenge;
    bool readyQueued = false;
};

bool Authenticator::Private::tokenUsable() const
{
    if (!tokens || tokens->accessToken.isEmpty())
        return false;
    // A token that came already expired (a very short server setting, or clocks
    // apart) is used until the server rejects it: renewing it at once would loop.
    if (!expiresAt || lifetime <= milliseconds::zero())
        return true;
    // Half the lifetime at most, so a short-lived token is still used a while.
    const milliseconds margin = std::min<milliseconds>(renewMargin, lifetime / 2);
    return steady_clock::now() < *expiresAt - margin;
}

void Authenticator::Private::start(SignInStep step, const HttpRequest &request)
{
    state = State::Requesting;
    qCDebug(lcAuth) << "sign-in step" << int(step);
    HttpTransport::Limits limits;
    limits.idleTimeout = timeout;
    limits.totalTimeout = std::max<milliseconds>(timeout, seconds(60)); // a sign-in that trickles is stuck
    limits.maxBytes = HttpTransport::signInMaxBytes; // a token reply is tiny; anything huge is not one
    reply = HttpTransport::send(q->m_network, request, connection, limits);
    QNetworkReply *sent = reply;
    QObject::connect(sent, &QNetworkReply::finished, q, [this, sent, step] { onFinished(sent, step); });
}

void Authenticator::Private::signIn()
{
    tokens.reset();
    expiresAt.reset();
    start(SignInStep::SignIn, q->m_provider.signInRequest(connection));
}

void Authenticator::Private::onFinished(QNetworkReply *finished, SignInStep step)
{
    finished->deleteLater();
    if (finished != reply)
        return;
    reply.clear();
    state = State::Idle;
    const HttpTransport::Outcome outcome = HttpTransport::read(*finished);
    qCDebug(lcAuth) << "sign-in step" << int(step) << "status" << outcome.httpStatus;

    // One "now" for reading the expiry and for measuring the lifetime from it.
    const QDateTime nowUtc = QDateTime::currentDateTimeUtc();
    SignInResult result;
    if (outcome.transportError)
        result.error = outcome.transportError;
    else
        result = q->m_provider.parseSignIn(step, outcome.httpStatus, outcome.body, nowUtc);

    if (result.tokens && !result.tokens->accessToken.isEmpty()) {
        accept(std::move(*result.tokens), nowUtc);
        emit q->ready();
        return;
    }
    if (step == SignInStep::Refresh) {
        // A refresh token the server no longer takes: the password still may.
        signIn();
        return;
    }
    if (!result.oneTimeCodeChallenge.isEmpty()) {
        askForCode(result.oneTimeCodeChallenge);
        return;
    }
    if (!result.error) {
        ApiError error;
        error.kind = ApiError::Kind::Auth;
        error.httpStatus = outcome.httpStatus;
        result.error = error;
    }
    // Transport errors (a certificate that does not verify among them) are passed on as they are.
    fail(*result.error);
}

void Authenticator::Private::accept(AuthTokens received, const QDateTime &receivedUtc)
{
    // A refresh reply may leave the refresh token out: the old one then stays valid (RFC 6749 §6).
    if (received.refreshToken.isEmpty() && tokens)
        received.refreshToken = tokens->refreshToken;
    expiresAt.reset();
    lifetime = milliseconds::zero();
    if (received.expiresAtUtc) {
        lifetime = milliseconds(receivedUtc.msecsTo(*received.expiresAtUtc));
        expiresAt = steady_clock::now() + lifetime;
    }
    tokens = std::move(received);
}

void Authenticator::Private::askForCode(const QString &newChallenge)
{
    // cdr-export and other unattended callers listen to nobody asking; say so
    // rather than wait for a code that will never come.
    if (!q->isSignalConnected(QMetaMethod::fromSignal(&Authenticator::oneTimeCodeNeeded))) {
        ApiError error;
        error.kind = ApiError::Kind::SignInIncomplete;
        error.detail
            = Authenticator::tr("the account needs a one-time code to sign in, and this tool cannot ask for one");
        fail(error);
        return;
    }
    state = State::AwaitingCode;
    challenge = newChallenge;
    emit q->oneTimeCodeNeeded();
}

void Authenticator::Private::fail(ApiError error)
{
    state = State::Idle;
    challenge.clear();
    tokens.reset();
    expiresAt.reset();
    const QStringList secrets{connection.secret};
    scrub(error.providerMessage, secrets);
    scrub(error.detail, secrets);
    qCDebug(lcAuth) << "sign-in failed, kind" << int(error.kind) << "status" << error.httpStatus;
    emit q->failed(error);
}

void Authenticator::Private::queueReady()
{
    if (readyQueued)
        return;
    readyQueued = true;
    QMetaObject::invokeMethod(
        q,
        [this] {
            readyQueued = false;
            // Something may have changed meanwhile (a rejected token): look again.
            if (q->isReady())
                emit q->ready();
            else
                q->ensureReady();
        },
        Qt::QueuedConnection);
}

void Authenticator::Private::abort()
{
    if (QNetworkReply *pending = reply) {
        reply.clear();
        // Disconnect first: abort() finishes the reply synchronously.
        QObject::disconnect(pending, nullptr, q, nullptr);
        pending->abort();
        pending->deleteLater();
    }
}

Authenticator::Authenticator(
    QNetworkAccessManager &network, const Provider &provider, Connection connection, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this))
    , m_network(network)
    , m_provider(provider)
{
    connection.accessToken.clear();
    d->connection = std::move(connection);
}

Authenticator::~Authenticator()
{
    d->abort();
}

Connection Authenticator::connection() const
{
    Connection current = d->connection;
    if (d->signsIn() && d->tokens)
        current.accessToken = d->tokens->accessToken;
    return current;
}

bool Authenticator::isReady() const
{
    return !d->signsIn() || d->tokenUsable();
}

void Authenticator::ensureReady()
{
    // A request or a one-time code is under way: its outcome reaches every waiter.
    if (d->state != Private::State::Idle)
        return;
    if (isReady()) {
        d->queueReady();
        return;
    }
    if (d->tokens && !d->tokens->refreshToken.isEmpty()) {
        if (const std::optional<HttpRequest> refresh = m_provider.refreshRequest(d->connection, *d->tokens)) {
            d->start(SignInStep::Refresh, *refresh);
            return;
        }
    }
    d->signIn();
}

void Authenticator::tokenRejected(const QString &accessToken)
{
    // A stale token (already replaced by another request's recovery) changes nothing.
    if (accessToken.isEmpty() || !d->tokens || d->tokens->accessToken != accessToken)
        return;
    qCDebug(lcAuth) << "access token rejected";
    // The refresh token is kept: refreshing is tried before signing in again.
    d->tokens->accessToken.clear();
    d->expiresAt.reset();
}

void Authenticator::submitOneTimeCode(const QString &code)
{
    if (d->state != Private::State::AwaitingCode)
        return;
    const QString challenge = std::exchange(d->challenge, QString());
    d->state = Private::State::Idle;
    if (code.isEmpty()) {
        ApiError abandoned;
        abandoned.kind = ApiError::Kind::SignInIncomplete;
        abandoned.detail = tr("no one-time code was entered");
        d->fail(abandoned);
        return;
    }
    d->start(SignInStep::OneTimeCode, m_provider.oneTimeCodeRequest(d->connection, challenge, code));
}

void Authenticator::setRenewMargin(seconds margin)
{
    d->renewMargin = std::max(margin, seconds::zero());
}

void Authenticator::setTimeout(milliseconds timeout)
{
    d->timeout = timeout;
}
