#pragma once

#include <QList>
#include <QString>
#include <QUrl>

#include <optional>

class QSettings;

// An account at one provider. The secret is not here: it lives in the OS
// keychain (see SecretStore), or, only after the user opted in, in the settings.
struct Profile {
    QString id; // stable key (a UUID) for settings and the keychain
    QString name; // shown
    QString providerId; // Provider::id()
    QUrl baseUrl;
    QString user; // Plivo auth ID, Enswitch username, ...
    // The user opted in to an unencrypted secret and it is in the settings file.
    // SecretStore sets and clears it together with the secret; ProfileStore::save() leaves it alone.
    bool secretStoredInsecurely = false;
};

// Profiles kept with QSettings (group "profiles/<id>"). Never writes a secret.
class ProfileStore {
public:
    explicit ProfileStore(QSettings &settings);

    static QString createId(); // a fresh id for a new profile
    static QString settingsGroup(const QString &profileId); // "profiles/<id>"

    QList<Profile> load() const; // sorted by name
    std::optional<Profile> find(const QString &profileId) const;
    void save(const Profile &profile); // the id must be set (createId())
    void remove(const QString &profileId);

private:
    QSettings &m_settings;
};
