#pragma once

#include <QHash>
#include <QObject>
#include <QString>

#include <optional>

class QSettings;

// Secrets (tokens, passwords) for profiles. The OS keychain through QtKeychain
// first; where no keychain answers, a secret lives in memory for this session,
// or in the settings unencrypted only for a profile whose user opted in.
// Every call is asynchronous: the keychain may ask the user.
class SecretStore final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretStore)
public:
    enum class Storage : quint8 { Keychain, SessionOnly, InsecureSettings };
    Q_ENUM(Storage)

    SecretStore(QSettings &settings, QObject *parent = nullptr);
    ~SecretStore() override;

    static QString defaultServiceName(); // "CDR Browser", the keychain's service for our entries
    // Tests use their own service so they never touch the user's entries.
    void setServiceName(const QString &serviceName);

    // Session cache, then keychain, then the opted-in settings copy. Answers with readFinished().
    void read(const QString &profileId);
    // Keychain; without one, the settings (allowInsecure) or this session only. Answers with writeFinished().
    void write(const QString &profileId, const QString &secret, bool allowInsecure);
    // From the session, the settings and the keychain. Answers with removeFinished().
    void remove(const QString &profileId);
    // Keeps a secret for this session only, touching no storage (e.g. typed at a prompt).
    void remember(const QString &profileId, const QString &secret);
    // Withdraws an opt-in: deletes the unencrypted copy from the settings at once.
    void discardInsecureCopy(const QString &profileId);
    // Asks the keychain whether it answers; keychainAvailabilityChanged() tells a change.
    void checkAvailability();

    // Whether the last keychain operation reached a keychain.
    bool keychainAvailable() const { return m_keychainAvailable; }
    // Why the keychain did not answer (the keychain's own words); empty when it did.
    QString keychainError() const { return m_keychainError; }
    // The secret as remembered for this session (after a read or write), if any.
    std::optional<QString> cached(const QString &profileId) const;

signals:
    void readFinished(
        const QString &profileId, const std::optional<QString> &secret, Storage storage, const QString &errorText);
    void writeFinished(const QString &profileId, Storage storage, const QString &errorText);
    void removeFinished(const QString &profileId, const QString &errorText);
    void keychainAvailabilityChanged(bool available);

private:
    struct Remembered {
        QString secret;
        Storage storage = Storage::SessionOnly;
    };

    void setKeychainAnswered(bool answered, const QString &error);
    std::optional<QString> insecureCopy(const QString &profileId) const;
    void storeInsecureCopy(const QString &profileId, const QString &secret);

    QSettings &m_settings;
    QString m_serviceName;
    QHash<QString, Remembered> m_sessionSecrets;
    // Bumped by remove(), so answers to jobs started before it neither cache nor store anything.
    QHash<QString, quint64> m_epochs;
    bool m_keychainAvailable = true;
    QString m_keychainError;
};
