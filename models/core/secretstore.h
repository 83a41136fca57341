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

    void read(const QString &profileId);
    void write(const QString &profileId, const QString &secret, bool allowInsecure);
    void remove(const QString &profileId);

    // Whether the last keychain operation reached a keychain.
    bool keychainAvailable() const { return m_keychainAvailable; }
    // The secret as remembered for this session (after a read or write), if any.
    std::optional<QString> cached(const QString &profileId) const;

signals:
    void readFinished(const QString &profileId, const std::optional<QString> &secret, Storage storage,
                      const QString &errorText);
    void writeFinished(const QString &profileId, Storage storage, const QString &errorText);
    void keychainAvailabilityChanged(bool available);

private:
    QSettings &m_settings;
    QHash<QString, QString> m_sessionSecrets;
    bool m_keychainAvailable = true;
};
