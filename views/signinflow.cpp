#include "signinflow.h"

#include "authenticator.h"
#include "certificatetrustdialog.h"
#include "exportcontroller.h"
#include "mainwindow.h"
#include "onetimecodeprompt.h"
#include "profile.h"
#include "providerregistry.h"
#include "searchstatusbar.h"
#include "secretprompt.h"
#include "secretstore.h"

SignInFlow::SignInFlow(MainWindow &window, SecretStore &secrets, QNetworkAccessManager &network)
    : QObject(&window)
    , m_window(window)
    , m_secrets(secrets)
    , m_network(network)
{
    connect(&m_secrets, &SecretStore::readFinished, this,
            [this](const QString &profileId, const std::optional<QString> &secret, SecretStore::Storage,
                   const QString &errorText) { secretRead(profileId, secret, errorText); });
}

SignInFlow::~SignInFlow() = default;

void SignInFlow::fetchSecret(const Profile &profile, const Provider &provider)
{
    m_wanted = profile.id;
    if (const std::optional<QString> secret = m_secrets.cached(profile.id)) {
        m_wanted.reset();
        emit secretReady(profile.id, *secret);
        return;
    }
    m_window.searchStatus()->showNote(tr("Reading the %1 from the keychain…").arg(provider.profileFields().secretLabel));
    m_secrets.read(profile.id);
}

void SignInFlow::cancel()
{
    m_wanted.reset();
}

void SignInFlow::secretRead(const QString &profileId, const std::optional<QString> &secret, const QString &errorText)
{
    if (m_wanted != profileId)
        return;
    m_window.searchStatus()->showNote({});
    if (secret && !secret->isEmpty()) {
        m_wanted.reset();
        emit secretReady(profileId, *secret);
        return;
    }
    const std::optional<Profile> profile = m_window.currentProfile();
    if (profile && profile->id == profileId)
        askForSecret(*profile, errorText);
}

void SignInFlow::askForSecret(const Profile &profile, const QString &reason)
{
    auto *prompt = new SecretPrompt(profile, m_secrets, &m_window);
    prompt->setAttribute(Qt::WA_DeleteOnClose);
    if (!reason.isEmpty())
        prompt->setReason(reason);
    // The prompt hands the secret to the SecretStore; from there it is known for this session.
    connect(prompt, &QDialog::accepted, this, [this, id = profile.id] {
        const std::optional<QString> secret = m_secrets.cached(id);
        if (secret && m_wanted == id) {
            m_wanted.reset();
            emit secretReady(id, *secret);
        }
    });
    connect(prompt, &QDialog::rejected, this, [this] {
        m_wanted.reset();
        m_window.searchStatus()->showNote(tr("Search not started: no secret was given."));
    });
    prompt->open();
}

Authenticator &SignInFlow::authenticatorFor(const Profile &profile, const QString &secret)
{
    const Connection account = connectionFor(profile, secret);
    const bool same = m_authenticator && ProviderRegistry::find(profile.providerId) == &m_authenticator->provider()
        && account.baseUrl == m_authenticatorAccount.baseUrl && account.user == m_authenticatorAccount.user
        && account.secret == m_authenticatorAccount.secret && account.options == m_authenticatorAccount.options
        && account.pinnedCertificateSha256 == m_authenticatorAccount.pinnedCertificateSha256;
    if (same)
        return *m_authenticator;
    // Later, not now: the current search still holds it until the new one replaces it,
    // and an export of every matching row may page through it for a while yet.
    m_window.exports()->retire(m_authenticator);
    m_authenticator = new Authenticator(m_network, *ProviderRegistry::find(profile.providerId), account, this);
    m_authenticatorAccount = account;
    connect(m_authenticator, &Authenticator::oneTimeCodeNeeded, this,
        [this, authenticator = m_authenticator] { askForOneTimeCode(authenticator); });
    return *m_authenticator;
}

bool SignInFlow::isSignedInAs(const Profile &profile) const
{
    return m_authenticator && m_authenticatorAccount.baseUrl == profile.baseUrl
        && m_authenticatorAccount.user == profile.user;
}

void SignInFlow::askForOneTimeCode(Authenticator *authenticator)
{
    const QPointer<Authenticator> target(authenticator);
    ::askForOneTimeCode(&m_window, [target](const QString &code) {
        if (target)
            target->submitOneTimeCode(code);   // empty: the sign-in is abandoned and the search says so
    });
}

void SignInFlow::offerToTrustCertificate(const ApiError &error)
{
    if (error.kind != ApiError::Kind::Certificate || !error.certificate)
        return;
    const std::optional<Profile> profile = m_window.currentProfile();
    if (!profile)
        return;
    CertificateTrustDialog::ask(&m_window, *error.certificate,
        [this, profileId = profile->id, sha256 = error.certificate->sha256](bool trusted) {
            if (trusted)
                emit certificateTrusted(profileId, sha256);
        });
}
