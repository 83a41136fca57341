#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

// A server certificate that did not verify, as the user needs to judge it.
struct CertificateInfo {
    QString subject;             // e.g. "CN=pbx.example.com, O=Example"
    QString issuer;
    QByteArray sha256;           // lowercase hex of SHA-256 over the DER
    QByteArray pem;              // the certificate itself, to pin after the user agrees
    QStringList problems;        // Qt's verification errors, translated
    QByteArray pinnedSha256;     // set when a different certificate was pinned: the server's changed
    // False when a problem is one no pin covers (expired, not yet valid, revoked, bad
    // signature...): trusting this certificate would not help, the server must be fixed.
    bool pinnable = true;

    static QString formatFingerprint(const QByteArray &sha256Hex); // "AA:BB:CC:…", as browsers show it
};

// Errors are values. `message()` is what a user reads: it always carries the
// provider's own words when the provider gave any, and never a secret.
struct ApiError {
    Q_DECLARE_TR_FUNCTIONS(ApiError)
public:
    enum class Kind : quint8 { Network, Http, Auth, RateLimited, Parse, Cancelled, Timeout, Invalid, Certificate,
        SignInIncomplete,     // the password was fine, but a one-time code was not given
        TooLarge };           // the reply passed the size this kind of request may have

    Kind kind = Kind::Network;
    int httpStatus = 0;          // 0 when no HTTP reply arrived
    QString providerMessage;     // the provider's own text, verbatim
    QString detail;              // our own context (e.g. the network error string)
    std::optional<CertificateInfo> certificate;   // Kind::Certificate: what the server presented

    QString message() const;     // one translated line: what happened, status, provider's words
    bool isRetryable() const;    // worth offering "Continue"
};
