#pragma once

#include "provider.h"

#include <QList>
#include <QMap>
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
    QMap<QString, QString> options; // the provider's ProfileOption values by key; "1" = a ticked flag
    // The certificate the user chose to trust for this server (hex SHA-256 of its DER); empty: none.
    // Stored with the profile; a certificate is public, so this is no secret.
    QByteArray pinnedCertificateSha256;
};

// What a request needs from the profile, with the secret fetched for this use.
Connection connectionFor(const Profile &profile, const QString &secret);

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
