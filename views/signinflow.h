#pragma once

#include "provider.h"

#include <QObject>
#include <QPointer>

#include <optional>

class Authenticator;
class MainWindow;
class QNetworkAccessManager;
class SecretStore;
struct ApiError;
struct Profile;

// What stands between Search and the first request: the profile's secret
// (remembered, read from the keychain, or asked for), the sign-in shared by
// searches and refreshes of the same account, its one-time code, and the offer
// to trust a server certificate that did not verify. A child of the window,
// made after its table model: the sign-ins it owns outlive the searches using them.
class SignInFlow final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignInFlow)
public:
    SignInFlow(MainWindow &window, SecretStore &secrets, QNetworkAccessManager &network);
    ~SignInFlow() override;

    void fetchSecret(const Profile &profile, const Provider &provider); // secretReady once it is known
    void cancel(); // the secret on its way is no longer wanted
    // The profile's sign-in, kept while the account stays the same, so searches and refreshes share a token.
    Authenticator &authenticatorFor(const Profile &profile, const QString &secret);
    bool isSignedInAs(const Profile &profile) const; // the current sign-in is for this base URL and user
    // A certificate that did not verify: show it, and on the user's word certificateTrusted.
    void offerToTrustCertificate(const ApiError &error);

signals:
    void secretReady(const QString &profileId, const QString &secret);
    void certificateTrusted(const QString &profileId, const QByteArray &sha256);

private:
    void secretRead(const QString &profileId, const std::optional<QString> &secret, const QString &errorText);
    void askForSecret(const Profile &profile, const QString &reason);
    void askForOneTimeCode(Authenticator *authenticator);

    MainWindow &m_window;
    SecretStore &m_secrets;
    QNetworkAccessManager &m_network;
    std::optional<QString> m_wanted; // the profile whose secret is on its way
    QPointer<Authenticator> m_authenticator;
    Connection m_authenticatorAccount; // the profile's connection it was made for (no token)
};
