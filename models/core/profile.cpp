#include "profile.h"

#include <QCollator>
#include <QSettings>
#include <QUuid>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {
constexpr auto ProfilesGroup = "profiles"_L1;
constexpr auto NameKey = "name"_L1;
constexpr auto ProviderKey = "provider"_L1;
constexpr auto BaseUrlKey = "baseUrl"_L1;
constexpr auto UserKey = "user"_L1;
constexpr auto InsecureFlagKey = "secretStoredInsecurely"_L1;
constexpr auto OptionsGroup = "options"_L1;
constexpr auto PinnedCertificateKey = "pinnedCertificateSha256"_L1;

// A settings group name must not nest or escape: an id is a single path segment.
bool isUsableId(const QString &id)
{
    return !id.isEmpty() && !id.contains(u'/') && !id.contains(u'\\');
}
} // namespace

Connection connectionFor(const Profile &profile, const QString &secret)
{
    Connection connection;
    connection.baseUrl = profile.baseUrl;
    connection.user = profile.user;
    connection.secret = secret;
    connection.options = profile.options;
    connection.pinnedCertificateSha256 = profile.pinnedCertificateSha256;
    return connection;
}

ProfileStore::ProfileStore(QSettings &settings)
    : m_settings(settings)
{
}

QString ProfileStore::createId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString ProfileStore::settingsGroup(const QString &profileId)
{
    return QString(ProfilesGroup) + u'/' + profileId;
}

QList<Profile> ProfileStore::load() const
{
    QList<Profile> profiles;
    m_settings.beginGroup(ProfilesGroup);
    const QStringList ids = m_settings.childGroups();
    for (const QString &id : ids) {
        m_settings.beginGroup(id);
        // A group without a name is no profile (e.g. a stray key left by an older version).
        if (!m_settings.contains(NameKey)) {
            m_settings.endGroup();
            continue;
        }
        Profile profile;
        profile.id = id;
        profile.name = m_settings.value(NameKey).toString();
        profile.providerId = m_settings.value(ProviderKey).toString();
        profile.baseUrl = QUrl(m_settings.value(BaseUrlKey).toString(), QUrl::StrictMode);
        profile.user = m_settings.value(UserKey).toString();
        profile.secretStoredInsecurely = m_settings.value(InsecureFlagKey, false).toBool();
        profile.pinnedCertificateSha256 = m_settings.value(PinnedCertificateKey).toByteArray();
        m_settings.beginGroup(OptionsGroup);
        const QStringList optionKeys = m_settings.childKeys();
        for (const QString &key : optionKeys)
            profile.options.insert(key, m_settings.value(key).toString());
        m_settings.endGroup();
        m_settings.endGroup();
        profiles.append(profile);
    }
    m_settings.endGroup();

    // As people read names: "alpha" before "Beta", "Profile 9" before "Profile 10".
    QCollator collator;
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    collator.setNumericMode(true);
    std::sort(profiles.begin(), profiles.end(), [&collator](const Profile &a, const Profile &b) {
        int order = collator.compare(a.name, b.name);
        if (order == 0)
            order = a.name.compare(b.name, Qt::CaseInsensitive);
        return order != 0 ? order < 0 : a.id < b.id;
    });
    return profiles;
}

std::optional<Profile> ProfileStore::find(const QString &profileId) const
{
    const QList<Profile> profiles = load();
    const auto it = std::find_if(
        profiles.cbegin(), profiles.cend(), [&](const Profile &profile) { return profile.id == profileId; });
    if (it == profiles.cend())
        return std::nullopt;
    return *it;
}

void ProfileStore::save(const Profile &profile)
{
    Q_ASSERT(isUsableId(profile.id));
    if (!isUsableId(profile.id))
        return;
    m_settings.beginGroup(settingsGroup(profile.id));
    m_settings.setValue(NameKey, profile.name);
    m_settings.setValue(ProviderKey, profile.providerId);
    // Credentials typed into the URL would land in the file in clear text.
    m_settings.setValue(BaseUrlKey, profile.baseUrl.toString(QUrl::RemoveUserInfo));
    m_settings.setValue(UserKey, profile.user);
    if (profile.pinnedCertificateSha256.isEmpty())
        m_settings.remove(PinnedCertificateKey);
    else
        m_settings.setValue(PinnedCertificateKey, profile.pinnedCertificateSha256);
    // Replaced whole, so an option cleared in the editor does not linger.
    m_settings.remove(OptionsGroup);
    m_settings.beginGroup(OptionsGroup);
    for (auto it = profile.options.cbegin(); it != profile.options.cend(); ++it) {
        if (!it.value().isEmpty())
            m_settings.setValue(it.key(), it.value());
    }
    m_settings.endGroup();
    m_settings.endGroup();
    m_settings.sync();
}

void ProfileStore::remove(const QString &profileId)
{
    if (!isUsableId(profileId))
        return;
    m_settings.remove(settingsGroup(profileId));
    m_settings.sync();
}
