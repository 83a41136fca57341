#pragma once

#include "profile.h"

#include <QWidget>

#include <optional>

class Provider;
class QCheckBox;
class QComboBox;
class QLabel;
class QGridLayout;
class QLineEdit;
class QPushButton;
class QToolButton;

// The fields of one profile, with their labels taken from the provider and
// their problems shown inline. Knows nothing of storage: ProfileDialog decides.
class ProfileEditor final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileEditor)
public:
    explicit ProfileEditor(QWidget *parent = nullptr);
    ~ProfileEditor() override;

    void setProfile(const Profile &profile, bool isNew); // fills the fields; the secret field starts empty
    Profile profile() const; // the stored profile with the fields applied
    bool isNew() const { return m_isNew; }
    QString secret() const; // as typed; empty = keep the stored one
    void clearSecret();
    bool storeInsecurelyChecked() const; // meaningful only without a keychain
    void setStoreInsecurelyChecked(bool checked);
    void setStoredInsecurely(bool stored); // after the secret moved; the warning follows
    void focusSecret();
    void setPinnedCertificate(const QByteArray &sha256); // the user trusted it; saved with the profile

    const Provider *provider() const;
    QString secretLabel() const; // the provider's word as it reads inside a sentence, e.g. "auth token"
    std::optional<QUrl> baseUrl(QString *problem = nullptr) const; // empty field = the provider's default

    // Checks the fields (the name only when `checkName`), shows the messages, focuses the first problem.
    bool validate(bool checkName, const QStringList &otherNames);
    QString errorText(const QString &field) const; // "name", "baseUrl", "user": the message shown

    // The keychain's state decides the opt-in checkbox and the notes.
    void setKeychainState(bool available, const QString &reason, const QString &settingsFile);

signals:
    void edited(); // a field changed by the user
    void nameEdited(const QString &name);

private:
    void onProviderChanged();
    void updateProviderLabels();
    void updatePlainHttpWarning();
    void rebuildOptions();   // the provider's own settings (ProfileOption)
    void alignLabelColumns();
    QMap<QString, QString> optionValues() const;
    void updatePinnedCertificate();
    void updateHints();
    void markEdited();

    Profile m_profile;
    bool m_isNew = false;
    bool m_loading = false; // filling the fields: no change is the user's
    bool m_keychainAvailable = true;
    QString m_keychainReason;
    QString m_settingsFile;
    QString m_providerDefaultUrl; // the default of the provider chosen before the last change

    QLineEdit *m_nameEdit = nullptr;
    QLabel *m_nameError = nullptr;
    QComboBox *m_providerCombo = nullptr;
    QLineEdit *m_baseUrlEdit = nullptr;
    QLabel *m_baseUrlError = nullptr;
    QLabel *m_plainHttpWarning = nullptr;
    QLabel *m_userLabel = nullptr;
    QLineEdit *m_userEdit = nullptr;
    QLabel *m_userError = nullptr;
    QLabel *m_secretLabel = nullptr;
    QLineEdit *m_secretEdit = nullptr;
    QToolButton *m_showSecretButton = nullptr;
    QLabel *m_secretHint = nullptr;
    QLabel *m_keychainNote = nullptr;
    QCheckBox *m_insecureCheck = nullptr;
    QLabel *m_insecureWarning = nullptr;
    QWidget *m_optionsBox = nullptr;
    QGridLayout *m_optionsGrid = nullptr;
    QGridLayout *m_formGrid = nullptr;
    QMap<QString, QWidget *> m_optionFields;   // by ProfileOption::key: QLineEdit or QCheckBox
    QWidget *m_pinnedRow = nullptr;
    QLabel *m_pinnedLabel = nullptr;
    QPushButton *m_forgetPinButton = nullptr;
};
