#include "profiledialog.h"

#include "certificatetrustdialog.h"
#include "connectiontest.h"
#include "onetimecodeprompt.h"
#include "profileeditor.h"
#include "provider.h"
#include "providerregistry.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPixmap>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QStyle>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

constexpr int IdRole = Qt::UserRole;

QPushButton *makeButton(const QString &text, const QString &objectName, const QString &accessibleName, QWidget *parent)
{
    auto *button = new QPushButton(text, parent);
    button->setObjectName(objectName);
    button->setAccessibleName(accessibleName);
    button->setAutoDefault(false); // Enter saves, whatever has focus
    return button;
}

QLabel *makeStatusLabel(const QString &objectName, const QString &accessibleName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setAccessibleName(accessibleName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->hide();
    return label;
}

} // namespace

ProfileDialog::ProfileDialog(QSettings &settings, SecretStore &secrets, QNetworkAccessManager &network, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_secrets(secrets)
    , m_network(network)
    , m_store(settings)
    , m_list(new QListWidget(this))
    , m_addButton(makeButton(tr("&Add"), u"addProfileButton"_s, tr("Add a profile"), this))
    , m_duplicateButton(makeButton(tr("D&uplicate"), u"duplicateProfileButton"_s, tr("Duplicate the profile"), this))
    , m_removeButton(makeButton(tr("&Remove…"), u"removeProfileButton"_s, tr("Remove the profile"), this))
    , m_editor(new ProfileEditor(this))
    , m_testButton(makeButton(tr("&Test connection"), u"testButton"_s, tr("Test connection"), this))
    , m_testBusy(new QProgressBar(this))
    , m_testResult(makeStatusLabel(u"testResult"_s, tr("Connection test result"), this))
    , m_status(makeStatusLabel(u"saveStatus"_s, tr("Save status"), this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Close, this))
{
    setWindowTitle(tr("Profiles"));
    setAccessibleName(tr("Profiles"));

    m_list->setObjectName(u"profileList"_s);
    m_list->setAccessibleName(tr("Profiles"));
    m_list->setMinimumWidth(200);
    m_list->setIconSize(QSize(16, 16));
    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(m_addButton);
    listButtons->addWidget(m_duplicateButton);
    listButtons->addWidget(m_removeButton);
    auto *listPane = new QVBoxLayout;
    listPane->addWidget(m_list, 1);
    listPane->addLayout(listButtons);

    m_testBusy->setObjectName(u"testBusy"_s);
    m_testBusy->setAccessibleName(tr("Testing the connection"));
    m_testBusy->setRange(0, 0); // busy, no known progress
    m_testBusy->setTextVisible(false);
    m_testBusy->setMaximumWidth(120);
    m_testBusy->hide();
    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_testButton);
    testRow->addWidget(m_testBusy);
    testRow->addStretch(1);

    auto *editorPane = new QVBoxLayout;
    editorPane->addWidget(m_editor);
    editorPane->addSpacing(6);
    editorPane->addLayout(testRow);
    editorPane->addWidget(m_testResult);
    editorPane->addWidget(m_status);
    editorPane->addStretch(1);

    auto *columns = new QHBoxLayout;
    columns->addLayout(listPane, 0);
    columns->addSpacing(12);
    columns->addLayout(editorPane, 1);

    m_buttons->setObjectName(u"dialogButtons"_s);
    QPushButton *saveButton = m_buttons->button(QDialogButtonBox::Save);
    saveButton->setObjectName(u"saveButton"_s);
    saveButton->setAccessibleName(tr("Save the profile"));
    saveButton->setDefault(true);
    m_buttons->button(QDialogButtonBox::Close)->setAccessibleName(tr("Close"));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(m_buttons);
    resize(820, 520);

    connect(m_list, &QListWidget::currentRowChanged, this, &ProfileDialog::onRowChanged);
    connect(m_addButton, &QPushButton::clicked, this, [this] { whenEditsSettled([this] { startNewProfile(); }); });
    connect(
        m_duplicateButton, &QPushButton::clicked, this, [this] { whenEditsSettled([this] { duplicateProfile(); }); });
    connect(m_removeButton, &QPushButton::clicked, this, &ProfileDialog::askToRemoveProfile);
    connect(m_testButton, &QPushButton::clicked, this, [this] {
        if (m_test || !m_testAwaitingSecretFor.isEmpty())
            finishTest(tr("Test cancelled."), false);
        else
            testConnection();
    });
    connect(saveButton, &QPushButton::clicked, this, [this] { save(); });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ProfileDialog::reject);
    connect(m_editor, &ProfileEditor::edited, this, [this] { m_dirty = true; });
    connect(m_editor, &ProfileEditor::nameEdited, this, [this](const QString &name) {
        // A new profile shows its name in the list as it is typed.
        if (m_editor->isNew() && m_list->currentItem())
            m_list->currentItem()->setText(name.isEmpty() ? tr("New profile") : name);
    });

    connect(&m_secrets, &SecretStore::keychainAvailabilityChanged, this, &ProfileDialog::updateKeychainState);
    connect(&m_secrets, &SecretStore::writeFinished, this, &ProfileDialog::onSecretWritten);
    connect(&m_secrets, &SecretStore::readFinished, this,
        [this](const QString &profileId, const std::optional<QString> &secret, SecretStore::Storage,
            const QString &errorText) { onSecretRead(profileId, secret, errorText); });

    updateKeychainState();
    m_profiles = m_store.load();
    if (m_profiles.isEmpty()) {
        startNewProfile();
    } else {
        showProfile(m_profiles.constFirst(), false);
        reloadList(m_editingId);
    }
    // Tells whether the opt-in for unencrypted storage has to be offered.
    m_secrets.checkAvailability();
}

ProfileDialog::~ProfileDialog()
{
    cancelTest();
}

void ProfileDialog::selectProfile(const QString &id)
{
    if (id == m_editingId)
        return;
    const auto it = std::find_if(
        m_profiles.cbegin(), m_profiles.cend(), [&](const Profile &profile) { return profile.id == id; });
    if (it == m_profiles.cend())
        return;
    const Profile target = *it;
    whenEditsSettled([this, target] {
        showProfile(target, false); // an unsaved new profile is dropped
        reloadList(target.id);
    });
}

QString ProfileDialog::currentProfileId() const
{
    return m_editingId;
}

void ProfileDialog::reject()
{
    whenEditsSettled([this] {
        cancelTest();
        QDialog::reject();
    });
}

void ProfileDialog::reloadList(const QString &selectId)
{
    m_profiles = m_store.load();
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    const QIcon warning = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    // Names stay aligned whether or not a profile carries the warning.
    QPixmap blank(m_list->iconSize());
    blank.fill(Qt::transparent);
    for (const Profile &profile : std::as_const(m_profiles)) {
        auto *item = new QListWidgetItem(QIcon(blank), profile.name, m_list);
        item->setData(IdRole, profile.id);
        if (profile.secretStoredInsecurely) {
            item->setIcon(warning);
            item->setToolTip(tr("The secret of this profile is stored unencrypted in the settings file."));
        }
    }
    if (m_editor->isNew()) {
        const QString name = m_editor->profile().name;
        auto *item = new QListWidgetItem(QIcon(blank), name.isEmpty() ? tr("New profile") : name, m_list);
        item->setData(IdRole, m_editingId);
        QFont font = item->font();
        font.setItalic(true);
        item->setFont(font);
    }
    for (int row = 0; row < m_list->count(); ++row) {
        if (m_list->item(row)->data(IdRole).toString() == selectId)
            m_list->setCurrentRow(row);
    }
}

void ProfileDialog::showProfile(const Profile &profile, bool isNew)
{
    cancelTest();
    m_editingId = profile.id;
    m_dirty = false;
    m_editor->setProfile(profile, isNew);
    m_duplicateButton->setEnabled(!isNew);
    m_testResult->hide();
    m_status->hide();
}

void ProfileDialog::startNewProfile()
{
    Profile profile;
    profile.id = ProfileStore::createId();
    if (const QList<const Provider *> providers = ProviderRegistry::all(); !providers.isEmpty()) {
        profile.providerId = providers.constFirst()->id();
        profile.baseUrl = QUrl(providers.constFirst()->profileFields().defaultBaseUrl);
    }
    showProfile(profile, true);
    reloadList(profile.id);
    m_editor->setFocus();
}

void ProfileDialog::duplicateProfile()
{
    if (m_editor->isNew())
        return;
    Profile copy = m_editor->profile();
    const QString base = tr("%1 (copy)").arg(copy.name);
    copy.id = ProfileStore::createId();
    copy.secretStoredInsecurely = false;
    copy.name = base;
    const auto taken = [this](const QString &name) {
        return std::any_of(m_profiles.cbegin(), m_profiles.cend(),
            [&](const Profile &p) { return p.name.compare(name, Qt::CaseInsensitive) == 0; });
    };
    for (int n = 2; taken(copy.name); ++n)
        copy.name = tr("%1 %2").arg(base).arg(n);
    showProfile(copy, true);
    reloadList(copy.id);
    m_dirty = true; // a copy exists only once saved: leaving it asks
}

void ProfileDialog::askToRemoveProfile()
{
    if (m_editor->isNew()) {
        // Never saved: nothing to confirm, nothing to delete.
        if (m_profiles.isEmpty()) {
            startNewProfile();
        } else {
            showProfile(m_profiles.constFirst(), false);
            reloadList(m_editingId);
        }
        return;
    }
    const QString id = m_editingId;
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Remove profile"),
        tr("Remove the profile “%1”?").arg(m_editor->profile().name), QMessageBox::Cancel, this);
    box->setObjectName(u"removeProfileBox"_s);
    box->setInformativeText(
        tr("Its stored %1 is deleted as well. This cannot be undone.").arg(m_editor->secretLabel()));
    QPushButton *removeButton = box->addButton(tr("Remove"), QMessageBox::DestructiveRole);
    removeButton->setObjectName(u"confirmRemoveButton"_s);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, removeButton, id] {
        if (box->clickedButton() == removeButton && id == m_editingId)
            removeCurrentProfile();
    });
    box->open();
}

void ProfileDialog::removeCurrentProfile()
{
    const QString id = m_editingId;
    const qsizetype index = std::distance(m_profiles.cbegin(),
        std::find_if(m_profiles.cbegin(), m_profiles.cend(), [&](const Profile &p) { return p.id == id; }));
    cancelTest();
    m_store.remove(id);
    m_secrets.remove(id);
    m_profiles = m_store.load();
    if (m_profiles.isEmpty()) {
        startNewProfile();
    } else {
        showProfile(m_profiles.at(std::min(index, m_profiles.size() - 1)), false);
        reloadList(m_editingId);
    }
    emit profilesChanged();
}

void ProfileDialog::onRowChanged(int row)
{
    const QString id = row >= 0 ? m_list->item(row)->data(IdRole).toString() : QString();
    if (id.isEmpty() || id == m_editingId)
        return;
    // The list keeps showing the edited profile until its edits are settled.
    for (int r = 0; r < m_list->count(); ++r) {
        if (m_list->item(r)->data(IdRole).toString() == m_editingId) {
            const QSignalBlocker blocker(m_list);
            m_list->setCurrentRow(r);
        }
    }
    selectProfile(id);
}

void ProfileDialog::whenEditsSettled(const std::function<void()> &proceed)
{
    if (!m_dirty) {
        proceed();
        return;
    }
    const QString name = m_editor->profile().name;
    auto *box = new QMessageBox(QMessageBox::Question, tr("Unsaved changes"),
        name.isEmpty() ? tr("The new profile is not saved.") : tr("The profile “%1” has unsaved changes.").arg(name),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
    box->setObjectName(u"unsavedChangesBox"_s);
    box->setInformativeText(tr("Save them before going on?"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, proceed] {
        switch (box->standardButton(box->clickedButton())) {
        case QMessageBox::Save:
            if (save())
                proceed();
            break;
        case QMessageBox::Discard:
            m_dirty = false;
            proceed();
            break;
        default:
            break;
        }
    });
    box->open();
}

bool ProfileDialog::save()
{
    QStringList otherNames;
    for (const Profile &p : std::as_const(m_profiles)) {
        if (p.id != m_editingId)
            otherNames << p.name;
    }
    if (!m_editor->validate(true, otherNames))
        return false;
    const Profile profile = m_editor->profile();
    m_store.save(profile);

    const QString secret = m_editor->secret();
    const QString secretLabel = m_editor->secretLabel();
    const bool keychain = m_secrets.keychainAvailable();
    const bool optedIn = !keychain && m_editor->storeInsecurelyChecked();
    QString status = tr("Saved.");
    if (!secret.isEmpty()) {
        m_pendingWrites.insert(profile.id);
        m_secrets.write(profile.id, secret, optedIn);
        status = tr("Saved. Storing the %1…").arg(secretLabel);
    } else if (profile.secretStoredInsecurely && keychain) {
        // A keychain answers again: move the unencrypted copy into it.
        m_pendingMigrations.insert(profile.id);
        m_secrets.read(profile.id);
        status = tr("Saved. Moving the %1 into the keychain…").arg(secretLabel);
    } else if (profile.secretStoredInsecurely && !optedIn) {
        m_secrets.discardInsecureCopy(profile.id);
        status = tr("Saved. The unencrypted %1 was deleted from the settings file.").arg(secretLabel);
    } else if (optedIn && !profile.secretStoredInsecurely) {
        if (const std::optional<QString> known = m_secrets.cached(profile.id)) {
            m_pendingWrites.insert(profile.id);
            m_secrets.write(profile.id, *known, true);
        } else {
            status = tr("Saved. Enter the %1 to store it.").arg(secretLabel);
        }
    }

    // A running test goes on: it tests what was just saved.
    m_dirty = false;
    m_editor->setProfile(m_store.find(profile.id).value_or(profile), false);
    m_duplicateButton->setEnabled(true);
    reloadList(profile.id);
    showStatus(status);
    emit profilesChanged();
    return true;
}

void ProfileDialog::onSecretWritten(const QString &profileId, SecretStore::Storage storage, const QString &errorText)
{
    if (!m_pendingWrites.remove(profileId))
        return;
    // Where the secret went decides the profile's "stored unencrypted" mark.
    reloadList(m_editingId);
    emit profilesChanged();
    if (profileId != m_editingId)
        return;
    if (const std::optional<Profile> stored = m_store.find(profileId))
        m_editor->setStoredInsecurely(stored->secretStoredInsecurely);
    const QString secretLabel = m_editor->secretLabel();
    switch (storage) {
    case SecretStore::Storage::Keychain:
        showStatus(tr("Saved. The %1 is in the keychain.").arg(secretLabel));
        break;
    case SecretStore::Storage::SessionOnly:
        showStatus(!errorText.isEmpty() ? errorText
                                        : tr("Saved. No keychain is available: the %1 is kept until CDR Browser "
                                             "closes and will be asked for again next time.")
                                              .arg(secretLabel));
        break;
    case SecretStore::Storage::InsecureSettings:
        showStatus(tr("Saved. The %1 is stored UNENCRYPTED in the settings file.").arg(secretLabel));
        break;
    }
}

void ProfileDialog::onSecretRead(
    const QString &profileId, const std::optional<QString> &secret, const QString &errorText)
{
    if (m_pendingMigrations.remove(profileId) && secret) {
        // May stay unencrypted should the keychain fail again: the user opted in once.
        m_pendingWrites.insert(profileId);
        m_secrets.write(profileId, *secret, true);
    }
    if (m_testAwaitingSecretFor.isEmpty() || profileId != m_testAwaitingSecretFor)
        return;
    m_testAwaitingSecretFor.clear();
    if (secret) {
        startTest(*secret);
    } else {
        finishTest(tr("Enter the %1 to test the connection.").arg(m_editor->secretLabel()) + u' ' + errorText, false);
        m_editor->focusSecret();
    }
}

void ProfileDialog::updateKeychainState()
{
    m_editor->setKeychainState(m_secrets.keychainAvailable(), m_secrets.keychainError(), m_settings.fileName());
}

void ProfileDialog::showStatus(const QString &text)
{
    m_status->setText(text);
    m_status->setVisible(!text.isEmpty());
}

void ProfileDialog::testConnection()
{
    cancelTest();
    m_testResult->hide();
    if (!m_editor->validate(false, {}))
        return;
    if (const QString typed = m_editor->secret(); !typed.isEmpty()) {
        startTest(typed);
    } else if (const std::optional<QString> known = m_secrets.cached(m_editingId)) {
        startTest(*known);
    } else if (!m_editor->isNew()) {
        m_testAwaitingSecretFor = m_editingId;
        setTestBusy(true);
        m_testResult->setText(tr("Reading the stored %1…").arg(m_editor->secretLabel()));
        m_testResult->show();
        m_secrets.read(m_editingId);
    } else {
        finishTest(tr("Enter the %1 to test the connection.").arg(m_editor->secretLabel()), false);
        m_editor->focusSecret();
    }
}

void ProfileDialog::startTest(const QString &secret)
{
    const Provider *provider = m_editor->provider();
    QString problem;
    const std::optional<QUrl> baseUrl = m_editor->baseUrl(&problem);
    if (!provider || !baseUrl) {
        finishTest(problem, false);
        return;
    }
    Profile edited = m_editor->profile();
    edited.baseUrl = *baseUrl;
    const Connection connection = connectionFor(edited, secret);
    m_test = new ConnectionTest(m_network, *provider, connection, this);
    connect(m_test, &ConnectionTest::succeeded, this, [this](const QString &text) { finishTest(text, true); });
    connect(m_test, &ConnectionTest::failed, this, [this](const QString &text) { finishTest(text, false); });
    connect(m_test, &ConnectionTest::certificateRejected, this, [this](const ApiError &error) {
        if (!error.certificate)
            return;
        CertificateTrustDialog::ask(this, *error.certificate, [this, sha256 = error.certificate->sha256](bool trusted) {
            if (trusted)
                trustCertificate(sha256);
        });
    });
    connect(m_test, &ConnectionTest::oneTimeCodeNeeded, this, [this, test = QPointer<ConnectionTest>(m_test)] {
        askForOneTimeCode(this, [test](const QString &code) {
            if (test)
                test->submitOneTimeCode(code);
        });
    });
    setTestBusy(true);
    m_testResult->setText(tr("Connecting to %1…").arg(baseUrl->host()));
    m_testResult->show();
    m_test->start();
}

void ProfileDialog::finishTest(const QString &text, bool success)
{
    cancelTest();
    m_testResult->setStyleSheet(success ? u"color: #1b5e20;"_s : u"color: #b00020;"_s);
    m_testResult->setText(text);
    m_testResult->setVisible(!text.isEmpty());
}

void ProfileDialog::cancelTest()
{
    m_testAwaitingSecretFor.clear();
    if (ConnectionTest *test = m_test) {
        m_test = nullptr;
        disconnect(test, nullptr, this, nullptr);
        test->cancel();
        test->deleteLater();
    }
    setTestBusy(false);
}

void ProfileDialog::trustCertificate(const QByteArray &sha256)
{
    m_editor->setPinnedCertificate(sha256);
    testConnection();
}

void ProfileDialog::setTestBusy(bool busy)
{
    m_testBusy->setVisible(busy);
    m_testButton->setText(busy ? tr("&Cancel test") : tr("&Test connection"));
    m_testButton->setAccessibleName(busy ? tr("Cancel the connection test") : tr("Test connection"));
    if (busy)
        m_testResult->setStyleSheet(QString());
}
