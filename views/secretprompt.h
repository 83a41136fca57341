#pragma once

#include "profile.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class SecretStore;

// Asks for a profile's secret when none is stored (SecretStore::read() found
// nothing). On accept the secret is known to the SecretStore for this session,
// and goes to the keychain too when the user ticks "Remember in keychain".
// Open it with open(), never exec(): the GUI thread must not block.
class SecretPrompt final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretPrompt)
public:
    SecretPrompt(const Profile &profile, SecretStore &secrets, QWidget *parent = nullptr);
    ~SecretPrompt() override;

    void setReason(const QString &text); // why it asks, e.g. SecretStore's error text
    QString profileId() const { return m_profile.id; }
    QString secret() const; // as typed; cleared on accept (then ask SecretStore::cached())
    bool rememberInKeychain() const; // false when no keychain answers

    void accept() override; // hands the secret to the SecretStore, then closes

private:
    Profile m_profile;
    SecretStore &m_secrets;
    QLabel *m_reason = nullptr;
    QLineEdit *m_secretEdit = nullptr;
    QCheckBox *m_rememberCheck = nullptr;
};
