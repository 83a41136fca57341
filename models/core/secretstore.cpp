#include "secretstore.h"

#include "profile.h"

#include <QSettings>

#include <qt6keychain/keychain.h>

using namespace Qt::StringLiterals;

// Where the user opted in, the secret sits in the settings file in CLEAR TEXT,
// under a key that says so. It is not obfuscated: obfuscation would only pretend
// to protect it. The profile shows a warning for as long as the copy exists.
namespace {
constexpr auto InsecureSecretKey = "insecureSecret"_L1;
constexpr auto InsecureFlagKey = "secretStoredInsecurely"_L1;
// A key no profile uses (ids are UUIDs): reading it only tells whether the keychain answers.
constexpr auto ProbeKey = "keychain-availability-probe"_L1;

// Errors that mean "no keychain answered", as opposed to "the keychain said no".
bool meansNoKeychain(QKeychain::Error error)
{
    switch (error) {
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError:
        return true;
    case QKeychain::NoError:
    case QKeychain::EntryNotFound:
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        return false;
    }
    return true;
}
} // namespace

SecretStore::SecretStore(QSettings &settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_serviceName(defaultServiceName())
{
}

// Jobs are not children: QtKeychain backends may still call into a job while it is
// being torn down. They delete themselves when done; the context object `this`
// drops their answers once the store is gone.
SecretStore::~SecretStore() = default;

QString SecretStore::defaultServiceName()
{
    return u"CDR Browser"_s;
}

void SecretStore::setServiceName(const QString &serviceName)
{
    m_serviceName = serviceName;
}

void SecretStore::read(const QString &profileId)
{
    if (const auto it = m_sessionSecrets.constFind(profileId); it != m_sessionSecrets.cend()) {
        // Answer later all the same, so callers see one asynchronous contract.
        const Remembered remembered = *it;
        QMetaObject::invokeMethod(
            this,
            [this, profileId, remembered] {
                emit readFinished(profileId, remembered.secret, remembered.storage, QString());
            },
            Qt::QueuedConnection);
        return;
    }

    auto *job = new QKeychain::ReadPasswordJob(m_serviceName);
    job->setInsecureFallback(false);
    job->setKey(profileId);
    const quint64 epoch = m_epochs.value(profileId);
    connect(job, &QKeychain::Job::finished, this, [this, profileId, epoch](QKeychain::Job *finished) {
        const auto *readJob = static_cast<QKeychain::ReadPasswordJob *>(finished);
        const QKeychain::Error error = readJob->error();
        const bool current = m_epochs.value(profileId) == epoch;

        if (error == QKeychain::NoError) {
            setKeychainAnswered(true, QString());
            const QString secret = readJob->textData();
            if (current)
                m_sessionSecrets.insert(profileId, {secret, Storage::Keychain});
            emit readFinished(profileId, secret, Storage::Keychain, QString());
            return;
        }

        const bool noKeychain = meansNoKeychain(error);
        setKeychainAnswered(!noKeychain, noKeychain ? readJob->errorString() : QString());

        if (const std::optional<QString> copy = current ? insecureCopy(profileId) : std::nullopt) {
            m_sessionSecrets.insert(profileId, {*copy, Storage::InsecureSettings});
            emit readFinished(profileId, copy, Storage::InsecureSettings, QString());
            return;
        }

        QString errorText;
        if (noKeychain) {
            errorText = tr("No keychain is available (%1). The secret has to be entered for this session.")
                            .arg(readJob->errorString());
        } else if (error == QKeychain::EntryNotFound) {
            errorText = tr("No secret is stored for this profile.");
        } else {
            errorText = tr("The keychain refused access to the secret: %1").arg(readJob->errorString());
        }
        emit readFinished(profileId, std::nullopt, noKeychain ? Storage::SessionOnly : Storage::Keychain, errorText);
    });
    job->start();
}

void SecretStore::write(const QString &profileId, const QString &secret, bool allowInsecure)
{
    // Known for this session at once, whatever the keychain answers later.
    m_sessionSecrets.insert(profileId, {secret, Storage::SessionOnly});

    auto *job = new QKeychain::WritePasswordJob(m_serviceName);
    job->setInsecureFallback(false);
    job->setKey(profileId);
    job->setTextData(secret);
    const quint64 epoch = m_epochs.value(profileId);
    connect(job, &QKeychain::Job::finished, this,
        [this, profileId, secret, allowInsecure, epoch](QKeychain::Job *finished) {
            const QKeychain::Error error = finished->error();
            if (m_epochs.value(profileId) != epoch) {
                // Removed meanwhile: store nothing more for it.
                emit writeFinished(
                    profileId, Storage::SessionOnly, tr("The profile was removed before its secret was stored."));
                return;
            }

            if (error == QKeychain::NoError) {
                setKeychainAnswered(true, QString());
                m_sessionSecrets.insert(profileId, {secret, Storage::Keychain});
                // The keychain holds it now; an unencrypted copy would only be a risk.
                discardInsecureCopy(profileId);
                emit writeFinished(profileId, Storage::Keychain, QString());
                return;
            }

            const bool noKeychain = meansNoKeychain(error);
            setKeychainAnswered(!noKeychain, noKeychain ? finished->errorString() : QString());

            if (noKeychain && allowInsecure) {
                storeInsecureCopy(profileId, secret);
                m_sessionSecrets.insert(profileId, {secret, Storage::InsecureSettings});
                emit writeFinished(profileId, Storage::InsecureSettings, QString());
                return;
            }

            // Without consent (or with it withdrawn) no copy may stay in the file,
            // and an older one would be stale anyway.
            discardInsecureCopy(profileId);
            const QString errorText = noKeychain
                ? QString()
                : tr("The keychain refused to store the secret (%1). It is kept for this "
                     "session only.")
                      .arg(finished->errorString());
            emit writeFinished(profileId, Storage::SessionOnly, errorText);
        });
    job->start();
}

void SecretStore::remove(const QString &profileId)
{
    ++m_epochs[profileId];
    m_sessionSecrets.remove(profileId);
    discardInsecureCopy(profileId);

    auto *job = new QKeychain::DeletePasswordJob(m_serviceName);
    job->setInsecureFallback(false);
    job->setKey(profileId);
    connect(job, &QKeychain::Job::finished, this, [this, profileId](QKeychain::Job *finished) {
        const QKeychain::Error error = finished->error();
        if (error == QKeychain::NoError || error == QKeychain::EntryNotFound) {
            setKeychainAnswered(true, QString());
            emit removeFinished(profileId, QString());
            return;
        }
        const bool noKeychain = meansNoKeychain(error);
        setKeychainAnswered(!noKeychain, noKeychain ? finished->errorString() : QString());
        // Without a keychain there is nothing stored in one to delete.
        emit removeFinished(profileId,
            noKeychain ? QString() : tr("The keychain could not delete the secret: %1").arg(finished->errorString()));
    });
    job->start();
}

void SecretStore::remember(const QString &profileId, const QString &secret)
{
    m_sessionSecrets.insert(profileId, {secret, Storage::SessionOnly});
}

void SecretStore::discardInsecureCopy(const QString &profileId)
{
    const QString group = ProfileStore::settingsGroup(profileId);
    m_settings.beginGroup(group);
    const bool present = m_settings.contains(InsecureSecretKey) || m_settings.contains(InsecureFlagKey);
    m_settings.remove(InsecureSecretKey);
    m_settings.remove(InsecureFlagKey);
    m_settings.endGroup();
    if (present)
        m_settings.sync();
}

void SecretStore::checkAvailability()
{
    auto *job = new QKeychain::ReadPasswordJob(m_serviceName);
    job->setInsecureFallback(false);
    job->setKey(ProbeKey);
    connect(job, &QKeychain::Job::finished, this, [this](QKeychain::Job *finished) {
        const bool noKeychain = meansNoKeychain(finished->error());
        setKeychainAnswered(!noKeychain, noKeychain ? finished->errorString() : QString());
    });
    job->start();
}

std::optional<QString> SecretStore::cached(const QString &profileId) const
{
    if (const auto it = m_sessionSecrets.constFind(profileId); it != m_sessionSecrets.cend())
        return it->secret;
    return std::nullopt;
}

void SecretStore::setKeychainAnswered(bool answered, const QString &error)
{
    m_keychainError = error;
    if (m_keychainAvailable == answered)
        return;
    m_keychainAvailable = answered;
    emit keychainAvailabilityChanged(answered);
}

std::optional<QString> SecretStore::insecureCopy(const QString &profileId) const
{
    const QString key = ProfileStore::settingsGroup(profileId) + u'/' + InsecureSecretKey;
    if (!m_settings.contains(key))
        return std::nullopt;
    return m_settings.value(key).toString();
}

void SecretStore::storeInsecureCopy(const QString &profileId, const QString &secret)
{
    m_settings.beginGroup(ProfileStore::settingsGroup(profileId));
    m_settings.setValue(InsecureSecretKey, secret);
    m_settings.setValue(InsecureFlagKey, true);
    m_settings.endGroup();
    m_settings.sync();
}
