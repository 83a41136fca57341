#include "apierror.h"

#include <QLatin1StringView>

namespace {

// What a user compares with the server's administrator: who the certificate names,
// who signed it and its fingerprint, so cdr-export's single line is enough to check.
QString certificateDetails(const CertificateInfo &info)
{
    QString text = ApiError::tr("certificate for “%1” issued by “%2”, SHA-256 fingerprint %3")
                       .arg(info.subject, info.issuer, CertificateInfo::formatFingerprint(info.sha256));
    if (!info.pinnedSha256.isEmpty())
        text += QLatin1StringView("; ")
            + ApiError::tr("the trusted certificate had %1").arg(CertificateInfo::formatFingerprint(info.pinnedSha256));
    if (!info.problems.isEmpty())
        text += QLatin1StringView(" (") + info.problems.join(QLatin1StringView("; ")) + QLatin1StringView(")");
    return text;
}

} // namespace

QString CertificateInfo::formatFingerprint(const QByteArray &sha256Hex)
{
    const QByteArray hex = sha256Hex.toUpper();
    QString grouped;
    grouped.reserve(hex.size() * 3 / 2);
    for (qsizetype i = 0; i < hex.size(); i += 2) {
        if (i > 0)
            grouped += QLatin1Char(':');
        grouped += QLatin1StringView(hex.mid(i, 2));
    }
    return grouped;
}

QString ApiError::message() const
{
    QString what;
    switch (kind) {
    case Kind::Network:
        what = tr("Network error");
        break;
    case Kind::Http:
        what = tr("The server refused the request");
        break;
    case Kind::Auth:
        what = tr("Authentication failed: check the user and secret");
        break;
    case Kind::RateLimited:
        what = tr("Too many requests: the provider's rate limit was reached");
        break;
    case Kind::Parse:
        what = tr("The server's reply could not be read");
        break;
    case Kind::Cancelled:
        what = tr("Cancelled");
        break;
    case Kind::Timeout:
        what = tr("The server did not answer in time");
        break;
    case Kind::Invalid:
        what = tr("Invalid search");
        break;
    case Kind::Certificate:
        what = certificate && !certificate->pinnedSha256.isEmpty()
            ? tr("The server's certificate has changed since you trusted it; the connection was refused")
            : tr("The server's certificate is not trusted");
        break;
    case Kind::SignInIncomplete:
        what = tr("Sign-in was not completed");
        break;
    case Kind::TooLarge:
        what = tr("The server's reply is too large to read");
        break;
    }
    if (kind == Kind::Certificate && certificate)
        what += QLatin1StringView(": ") + certificateDetails(*certificate);
    if (httpStatus > 0)
        what += QLatin1StringView(" ") + tr("(HTTP %1)").arg(httpStatus);
    if (!providerMessage.isEmpty())
        what += QLatin1StringView(": ") + tr("the provider says “%1”").arg(providerMessage);
    if (!detail.isEmpty())
        what += QLatin1StringView(" (") + detail + QLatin1StringView(")");
    return what;
}

bool ApiError::isRetryable() const
{
    switch (kind) {
    case Kind::Network:
    case Kind::Http:
    case Kind::RateLimited:
    case Kind::Cancelled:
    case Kind::Timeout:
    case Kind::SignInIncomplete:   // continuing asks for the code again
        return true;
    case Kind::Auth:
    case Kind::Parse:
    case Kind::Invalid:
    case Kind::Certificate:
    case Kind::TooLarge:   // it would be just as large again
        return false;
    }
    return false;
}
