#pragma once

#include "profile.h"
#include "secretstore.h"

#include <QDialog>
#include <QPointer>
#include <QSet>

#include <functional>
#include <optional>

class ConnectionTest;
class ProfileEditor;
class QDialogButtonBox;
class QLabel;
class QListWidget;
class QNetworkAccessManager;
class QProgressBar;
class QPushButton;
class QSettings;

// Adds, edits, removes and tests account profiles: the list on the left, the
// editor of the selected one on the right. Secrets go to the SecretStore, never
// to the settings unless the user opted in.
class ProfileDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileDialog)
public:
    ProfileDialog(QSettings &settings, SecretStore &secrets, QNetworkAccessManager &network, QWidget *parent = nullptr);
    ~ProfileDialog() override;

    void selectProfile(const QString &id); // shows that profile in the editor
    QString currentProfileId() const; // the profile in the editor (a fresh id for a new one)
    ProfileEditor *editor() const { return m_editor; }

    void reject() override; // asks about unsaved changes first; cancels a running test

signals:
    void profilesChanged();

private:
    void reloadList(const QString &selectId);
    void showProfile(const Profile &profile, bool isNew);
    void startNewProfile();
    void duplicateProfile();
    void askToRemoveProfile();
    void removeCurrentProfile();
    void onRowChanged(int row);
    void onSecretWritten(const QString &profileId, SecretStore::Storage storage, const QString &errorText);
    void onSecretRead(const QString &profileId, const std::optional<QString> &secret, const QString &errorText);
    bool save();
    void updateKeychainState();
    void showStatus(const QString &text);
    // Runs `proceed` once unsaved edits are saved or discarded; nothing if the user cancels.
    void whenEditsSettled(const std::function<void()> &proceed);

    void testConnection();
    void startTest(const QString &secret);
    void finishTest(const QString &text, bool success);
    void cancelTest();
    void setTestBusy(bool busy);
    void trustCertificate(const QByteArray &sha256); // pins it on the edited profile and tests again

    QSettings &m_settings;
    SecretStore &m_secrets;
    QNetworkAccessManager &m_network;
    ProfileStore m_store;
    QList<Profile> m_profiles; // as saved, sorted by name

    QString m_editingId; // the profile in the editor
    bool m_dirty = false;

    QSet<QString> m_pendingWrites; // secret writes this dialog started
    QSet<QString> m_pendingMigrations; // unencrypted copies to move into a keychain that answers again
    QString m_testAwaitingSecretFor; // the test waits for this profile's stored secret
    QPointer<ConnectionTest> m_test;

    QListWidget *m_list = nullptr;
    QPushButton *m_addButton = nullptr;
    QPushButton *m_duplicateButton = nullptr;
    QPushButton *m_removeButton = nullptr;
    ProfileEditor *m_editor = nullptr;
    QPushButton *m_testButton = nullptr;
    QProgressBar *m_testBusy = nullptr;
    QLabel *m_testResult = nullptr;
    QLabel *m_status = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};
