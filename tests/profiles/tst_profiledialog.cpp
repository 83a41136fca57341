// The profile dialog and the secret prompt, offscreen, on a machine where no
// keychain answers; "Test connection" against the Plivo simulator over loopback HTTP.
#include "connectiontest.h"
#include "profile.h"
#include "profiledialog.h"
#include "profileeditor.h"
#include "secretprompt.h"
#include "secretstore.h"
#include "simulator.h"
#include "testenvironment.h"

#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using profiletest::TempSettings;

namespace {

const QString demoSecretMarker = u"wrong-Token-5c2d9e"_s;

template <typename T> T *child(const QWidget &parent, const QString &name)
{
    T *widget = parent.findChild<T *>(name);
    if (!widget)
        qWarning("no child %s", qPrintable(name));
    return widget;
}

// Everything a test needs around one dialog.
struct Fixture {
    TempSettings temp;
    SecretStore secrets{*temp.settings};
    QNetworkAccessManager network;
    std::unique_ptr<ProfileDialog> dialog;

    ProfileDialog &open()
    {
        dialog = std::make_unique<ProfileDialog>(*temp.settings, secrets, network);
        dialog->show();
        dialog->activateWindow();
        if (!QTest::qWaitForWindowActive(dialog.get()))
            qWarning("the dialog did not become active; focus checks will fail");
        return *dialog;
    }
    QLineEdit *edit(const QString &name) const { return child<QLineEdit>(*dialog, name); }
    QLabel *label(const QString &name) const { return child<QLabel>(*dialog, name); }
    QPushButton *button(const QString &name) const { return child<QPushButton>(*dialog, name); }

    void fill(const QString &name, const QString &baseUrl, const QString &user, const QString &secret)
    {
        for (auto [field, text] : {std::pair{u"nameEdit"_s, name}, std::pair{u"baseUrlEdit"_s, baseUrl},
                 std::pair{u"userEdit"_s, user}, std::pair{u"secretEdit"_s, secret}}) {
            QLineEdit *lineEdit = edit(field);
            lineEdit->selectAll();
            QTest::keyClick(lineEdit, Qt::Key_Backspace);
            QTest::keyClicks(lineEdit, text);
        }
    }
};

} // namespace

class TestProfileDialog final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();

    void firstStartOffersNewProfile();
    void addProfile();
    void baseUrlDefaultsPerProvider();
    void plainHttpWarns_data();
    void plainHttpWarns();
    void invalidFieldsShowInlineMessages_data();
    void invalidFieldsShowInlineMessages();
    void duplicateNameRefused();
    void optInStoresUnencryptedWithWarning();
    void removeAsksFirst();
    void duplicateMakesUnsavedCopy();
    void switchingWithUnsavedEditsAsks();
    void testConnection_data();
    void testConnection();
    void testConnectionUsesSessionSecret();
    void closingCancelsTest();
    void secretPromptWithoutKeychain();
    void screenshot();
};

void TestProfileDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestProfileDialog::firstStartOffersNewProfile()
{
    Fixture f;
    ProfileDialog &dialog = f.open();
    auto *list = child<QListWidget>(dialog, u"profileList"_s);
    QCOMPARE(list->count(), 1); // the new, unsaved profile
    QCOMPARE(f.edit(u"baseUrlEdit"_s)->text(), u"https://api.plivo.com"_s);
    // Without a keychain the dialog says so and offers the opt-in.
    QTRY_VERIFY(f.label(u"keychainNote"_s)->isVisible());
    QVERIFY(child<QCheckBox>(dialog, u"insecureCheck"_s)->isVisible());
    QVERIFY(!f.label(u"insecureWarning"_s)->isVisible());
    QVERIFY(!dialog.accessibleName().isEmpty());
    QVERIFY(!f.edit(u"userEdit"_s)->accessibleName().isEmpty());
    QVERIFY(!f.edit(u"secretEdit"_s)->accessibleName().isEmpty());
}

void TestProfileDialog::addProfile()
{
    Fixture f;
    ProfileDialog &dialog = f.open();
    QSignalSpy changed(&dialog, &ProfileDialog::profilesChanged);
    QSignalSpy written(&f.secrets, &SecretStore::writeFinished);
    const QString secret = u"Token-For-Acme-1234"_s;
    f.fill(u"Acme Plivo"_s, u"https://api.plivo.com"_s, u"MA0123456789ABCDEF01"_s, secret);
    QCOMPARE(f.edit(u"secretEdit"_s)->echoMode(), QLineEdit::Password);
    QTest::mouseClick(f.button(u"saveButton"_s), Qt::LeftButton);

    QVERIFY(changed.size() >= 1);
    const QList<Profile> profiles = ProfileStore(*f.temp.settings).load();
    QCOMPARE(profiles.size(), 1);
    QCOMPARE(profiles.constFirst().name, u"Acme Plivo"_s);
    QCOMPARE(profiles.constFirst().providerId, u"plivo"_s);
    QCOMPARE(profiles.constFirst().baseUrl, QUrl(u"https://api.plivo.com"_s));
    QCOMPARE(profiles.constFirst().user, u"MA0123456789ABCDEF01"_s);
    QCOMPARE(dialog.currentProfileId(), profiles.constFirst().id);

    QVERIFY(written.wait(10000));
    QCOMPARE(written.constFirst().at(1).value<SecretStore::Storage>(), SecretStore::Storage::SessionOnly);
    QCOMPARE(f.secrets.cached(profiles.constFirst().id), std::optional<QString>(secret));
    QVERIFY2(!f.temp.fileBytes().contains(secret.toUtf8()), "no opt-in: the secret must not be in the file");
    QVERIFY(f.edit(u"secretEdit"_s)->text().isEmpty());
    QVERIFY(f.label(u"saveStatus"_s)->isVisible());
    QVERIFY(!f.label(u"saveStatus"_s)->text().contains(secret));
}

void TestProfileDialog::baseUrlDefaultsPerProvider()
{
    Fixture f;
    f.open();
    ProfileEditor *editor = f.dialog->editor();
    // An emptied field means the provider's default.
    f.edit(u"baseUrlEdit"_s)->clear();
    QCOMPARE(editor->baseUrl(), std::optional(QUrl(u"https://api.plivo.com"_s)));
    QCOMPARE(f.edit(u"baseUrlEdit"_s)->placeholderText(), u"https://api.plivo.com"_s);
}

void TestProfileDialog::plainHttpWarns_data()
{
    QTest::addColumn<QString>("baseUrl");
    QTest::addColumn<bool>("warns");
    QTest::newRow("https") << u"https://api.plivo.com"_s << false;
    QTest::newRow("http") << u"http://cdr.example.com"_s << true;
    QTest::newRow("HTTP upper case") << u"HTTP://cdr.example.com:8080/"_s << true;
    QTest::newRow("loopback") << u"http://127.0.0.1:8080"_s << false;
    QTest::newRow("localhost") << u"http://localhost:8080"_s << false;
}

void TestProfileDialog::plainHttpWarns()
{
    QFETCH(QString, baseUrl);
    QFETCH(bool, warns);
    Fixture f;
    f.open();
    f.fill(u"A"_s, baseUrl, u"MA1"_s, u"token"_s);
    QLabel *warning = f.label(u"plainHttpWarning"_s);
    QCOMPARE(warning->isVisible(), warns);
    if (warns) {
        QVERIFY(warning->text().contains(u"http://"_s));
        QVERIFY(warning->text().contains(u"sends the auth token"_s));   // names the provider's secret
    }
}

void TestProfileDialog::invalidFieldsShowInlineMessages_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("baseUrl");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("field");
    QTest::newRow("no scheme") << u"A"_s << u"api.plivo.com"_s << u"MA1"_s << u"baseUrl"_s;
    QTest::newRow("ftp") << u"A"_s << u"ftp://api.plivo.com"_s << u"MA1"_s << u"baseUrl"_s;
    QTest::newRow("no host") << u"A"_s << u"https://"_s << u"MA1"_s << u"baseUrl"_s;
    QTest::newRow("words") << u"A"_s << u"not a url"_s << u"MA1"_s << u"baseUrl"_s;
    QTest::newRow("credentials in url") << u"A"_s << u"https://MA1:tok@api.plivo.com"_s << u"MA1"_s << u"baseUrl"_s;
    QTest::newRow("no name") << u"  "_s << u"https://api.plivo.com"_s << u"MA1"_s << u"name"_s;
    QTest::newRow("no user") << u"A"_s << u"https://api.plivo.com"_s << u""_s << u"user"_s;
}

void TestProfileDialog::invalidFieldsShowInlineMessages()
{
    QFETCH(QString, name);
    QFETCH(QString, baseUrl);
    QFETCH(QString, user);
    QFETCH(QString, field);

    Fixture f;
    f.open();
    f.fill(name, baseUrl, user, u"tok"_s);
    QTest::mouseClick(f.button(u"saveButton"_s), Qt::LeftButton);

    QVERIFY(ProfileStore(*f.temp.settings).load().isEmpty());
    const QString message = f.dialog->editor()->errorText(field);
    QVERIFY2(!message.isEmpty(), qPrintable(field));
    QLabel *label = f.label(field + u"Error"_s);
    QVERIFY(label->isVisible());
    QCOMPARE(label->text(), message);
    QLineEdit *edit = f.edit(field + u"Edit"_s);
    QCOMPARE(edit->accessibleDescription(), message);
    QVERIFY(edit->hasFocus());
    QVERIFY(!message.contains(u"tok"_s));

    // Editing the field clears its message.
    QTest::keyClick(edit, Qt::Key_End);
    QTest::keyClicks(edit, u"x"_s);
    QVERIFY(!label->isVisible());
}

void TestProfileDialog::duplicateNameRefused()
{
    Fixture f;
    Profile existing{ProfileStore::createId(), u"Acme"_s, u"plivo"_s, QUrl(u"https://api.plivo.com"_s), u"MA1"_s};
    ProfileStore(*f.temp.settings).save(existing);
    f.open();
    QTest::mouseClick(f.button(u"addProfileButton"_s), Qt::LeftButton);
    f.fill(u"acme"_s, u"https://api.plivo.com"_s, u"MA2"_s, QString());
    QTest::mouseClick(f.button(u"saveButton"_s), Qt::LeftButton);
    QVERIFY(!f.dialog->editor()->errorText(u"name"_s).isEmpty());
    QCOMPARE(ProfileStore(*f.temp.settings).load().size(), 1);
}

void TestProfileDialog::optInStoresUnencryptedWithWarning()
{
    Fixture f;
    ProfileDialog &dialog = f.open();
    auto *optIn = child<QCheckBox>(dialog, u"insecureCheck"_s);
    QTRY_VERIFY(optIn->isVisible());
    const QString secret = u"Opted-In-Token-99"_s;
    f.fill(u"Lab"_s, u"https://api.plivo.com"_s, u"MA1"_s, secret);
    optIn->setChecked(true);
    QSignalSpy written(&f.secrets, &SecretStore::writeFinished);
    QTest::mouseClick(f.button(u"saveButton"_s), Qt::LeftButton);
    QVERIFY(written.wait(10000));
    QCOMPARE(written.constFirst().at(1).value<SecretStore::Storage>(), SecretStore::Storage::InsecureSettings);

    QVERIFY(f.temp.fileBytes().contains(secret.toUtf8()));
    QVERIFY(ProfileStore(*f.temp.settings).load().constFirst().secretStoredInsecurely);
    QLabel *warning = f.label(u"insecureWarning"_s);
    QVERIFY(warning->isVisible());
    QVERIFY(warning->text().contains(QDir::toNativeSeparators(f.temp.settings->fileName())));
    auto *list = child<QListWidget>(dialog, u"profileList"_s);
    QVERIFY(!list->currentItem()->toolTip().isEmpty());

    // Unticking withdraws the consent: the copy leaves the file on save.
    optIn->setChecked(false);
    QTest::mouseClick(f.button(u"saveButton"_s), Qt::LeftButton);
    QVERIFY(!f.temp.fileBytes().contains(secret.toUtf8()));
    QVERIFY(!warning->isVisible());
}

void TestProfileDialog::removeAsksFirst()
{
    Fixture f;
    ProfileStore store(*f.temp.settings);
    const Profile first{ProfileStore::createId(), u"First"_s, u"plivo"_s, QUrl(u"https://api.plivo.com"_s), u"MA1"_s};
    const Profile second{ProfileStore::createId(), u"Second"_s, u"plivo"_s, QUrl(u"https://api.plivo.com"_s), u"MA2"_s};
    store.save(first);
    store.save(second);
    f.secrets.remember(second.id, u"Second-Token"_s);
    ProfileDialog &dialog = f.open();
    dialog.selectProfile(second.id);
    QCOMPARE(dialog.currentProfileId(), second.id);

    QTest::mouseClick(f.button(u"removeProfileButton"_s), Qt::LeftButton);
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = dialog.findChild<QMessageBox *>(u"removeProfileBox"_s)) && box->isVisible());
    QCOMPARE(store.load().size(), 2); // nothing removed before the answer
    QTest::mouseClick(box->findChild<QPushButton *>(u"confirmRemoveButton"_s), Qt::LeftButton);

    QTRY_COMPARE(store.load().size(), 1);
    QCOMPARE(store.load().constFirst().id, first.id);
    QCOMPARE(dialog.currentProfileId(), first.id);
    QVERIFY(!f.secrets.cached(second.id));
}

void TestProfileDialog::duplicateMakesUnsavedCopy()
{
    Fixture f;
    const Profile acme{ProfileStore::createId(), u"Acme"_s, u"plivo"_s, QUrl(u"https://api.plivo.com"_s), u"MA1"_s};
    ProfileStore(*f.temp.settings).save(acme);
    f.open();
    QTest::mouseClick(f.button(u"duplicateProfileButton"_s), Qt::LeftButton);
    QCOMPARE(f.edit(u"nameEdit"_s)->text(), u"Acme (copy)"_s);
    QCOMPARE(f.edit(u"userEdit"_s)->text(), u"MA1"_s);
    QVERIFY(f.dialog->currentProfileId() != acme.id);
    QCOMPARE(ProfileStore(*f.temp.settings).load().size(), 1); // not before it is saved
    QTest::mouseClick(f.button(u"saveButton"_s), Qt::LeftButton);
    QCOMPARE(ProfileStore(*f.temp.settings).load().size(), 2);
}

void TestProfileDialog::switchingWithUnsavedEditsAsks()
{
    Fixture f;
    ProfileStore store(*f.temp.settings);
    const Profile first{ProfileStore::createId(), u"First"_s, u"plivo"_s, QUrl(u"https://api.plivo.com"_s), u"MA1"_s};
    const Profile second{ProfileStore::createId(), u"Second"_s, u"plivo"_s, QUrl(u"https://api.plivo.com"_s), u"MA2"_s};
    store.save(first);
    store.save(second);
    ProfileDialog &dialog = f.open();
    QCOMPARE(dialog.currentProfileId(), first.id);
    QTest::keyClicks(f.edit(u"nameEdit"_s), u" edited"_s);

    auto *list = child<QListWidget>(dialog, u"profileList"_s);
    list->setCurrentRow(1);
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = dialog.findChild<QMessageBox *>(u"unsavedChangesBox"_s)) && box->isVisible());
    QCOMPARE(dialog.currentProfileId(), first.id); // nothing switched while the question is open
    QCOMPARE(list->currentRow(), 0);
    QTest::mouseClick(box->button(QMessageBox::Discard), Qt::LeftButton);
    QTRY_COMPARE(dialog.currentProfileId(), second.id);
    QCOMPARE(store.find(first.id)->name, u"First"_s);
}

void TestProfileDialog::testConnection_data()
{
    QTest::addColumn<int>("callCount");
    QTest::addColumn<QString>("token");
    QTest::addColumn<bool>("succeeds");
    QTest::addColumn<QString>("expected");
    const QString demoToken = cdrsim::Simulator::demoAccount().authToken;
    QTest::newRow("demo account") << -1 << demoToken << true << u"^Connected: ([1-9][0-9]*) call"_s;
    QTest::newRow("no calls") << 0 << demoToken << true << u"^Connected: 0 call"_s;
    QTest::newRow("wrong token") << -1 << demoSecretMarker << false << u"(?i)authentication"_s;
}

void TestProfileDialog::testConnection()
{
    QFETCH(int, callCount);
    QFETCH(QString, token);
    QFETCH(bool, succeeds);
    QFETCH(QString, expected);

    cdrsim::Simulator simulator;
    if (callCount >= 0)
        simulator.setPlivoCallCount(callCount);
    QVERIFY(simulator.listen(0));
    Fixture f;
    f.open();
    f.fill(u"Demo"_s, simulator.baseUrl().toString(), cdrsim::Simulator::demoAccount().authId, token);

    QLabel *result = f.label(u"testResult"_s);
    auto *busy = child<QProgressBar>(*f.dialog, u"testBusy"_s);
    QTest::mouseClick(f.button(u"testButton"_s), Qt::LeftButton);
    QVERIFY(busy->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(!busy->isVisible(), 15000);

    const QRegularExpression pattern(expected);
    QVERIFY2(pattern.match(result->text()).hasMatch(), qPrintable(result->text()));
    QVERIFY(result->text().startsWith(u"Connected"_s) == succeeds);
    QVERIFY2(!result->text().contains(token), "the result never shows the secret");
    // "30 day(s)" without a translator installed, "30 days" with the English plural forms.
    QVERIFY(result->text().contains(u"30 day"_s) == succeeds);
    QCOMPARE(simulator.requestCount(), 1); // one real request
}

void TestProfileDialog::testConnectionUsesSessionSecret()
{
    cdrsim::Simulator simulator;
    QVERIFY(simulator.listen(0));
    Fixture f;
    const Profile demo{
        ProfileStore::createId(), u"Demo"_s, u"plivo"_s, simulator.baseUrl(), cdrsim::Simulator::demoAccount().authId};
    ProfileStore(*f.temp.settings).save(demo);
    f.secrets.remember(demo.id, cdrsim::Simulator::demoAccount().authToken);
    f.open();
    QVERIFY(f.edit(u"secretEdit"_s)->text().isEmpty());
    QTest::mouseClick(f.button(u"testButton"_s), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(f.label(u"testResult"_s)->text().startsWith(u"Connected"_s), 15000);
}

void TestProfileDialog::closingCancelsTest()
{
    cdrsim::Simulator simulator;
    simulator.setLatency(std::chrono::seconds(3));
    QVERIFY(simulator.listen(0));
    Fixture f;
    ProfileDialog &dialog = f.open();
    f.fill(u"Slow"_s, simulator.baseUrl().toString(), cdrsim::Simulator::demoAccount().authId,
        cdrsim::Simulator::demoAccount().authToken);
    QTest::mouseClick(f.button(u"testButton"_s), Qt::LeftButton);
    QVERIFY(dialog.findChild<ConnectionTest *>());
    QTest::mouseClick(f.button(u"saveButton"_s), Qt::LeftButton); // nothing unsaved: closing asks nothing
    dialog.reject();
    QVERIFY(!dialog.isVisible());
    QVERIFY(!child<QProgressBar>(dialog, u"testBusy"_s)->isVisible());
    QTRY_VERIFY(!dialog.findChild<ConnectionTest *>());
    QVERIFY(!f.label(u"testResult"_s)->text().startsWith(u"Connected"_s));
}

void TestProfileDialog::secretPromptWithoutKeychain()
{
    TempSettings temp;
    SecretStore secrets(*temp.settings);
    QSignalSpy availability(&secrets, &SecretStore::keychainAvailabilityChanged);
    secrets.checkAvailability();
    QVERIFY(availability.wait(10000));

    const Profile profile{ProfileStore::createId(), u"Acme"_s, u"plivo"_s, QUrl(u"https://api.plivo.com"_s), u"MA1"_s};
    SecretPrompt prompt(profile, secrets);
    prompt.setReason(u"No secret is stored for this profile."_s);
    prompt.show();
    QVERIFY(prompt.windowTitle().contains(u"Auth token"_s));
    QVERIFY(child<QCheckBox>(prompt, u"rememberCheck"_s)->isHidden());
    QVERIFY(child<QLabel>(prompt, u"sessionNote"_s)->isVisible());
    QSignalSpy accepted(&prompt, &QDialog::accepted);
    const QString typed = u"Typed-Token-321"_s;
    QTest::keyClicks(child<QLineEdit>(prompt, u"secretEdit"_s), typed);
    QTest::keyClick(child<QLineEdit>(prompt, u"secretEdit"_s), Qt::Key_Return);
    QCOMPARE(accepted.size(), 1);
    QCOMPARE(secrets.cached(profile.id), std::optional<QString>(typed));
    QVERIFY(!temp.fileBytes().contains(typed.toUtf8()));
}

void TestProfileDialog::screenshot()
{
    Fixture f;
    const Profile insecure{ProfileStore::createId(), u"Lab (no keychain)"_s, u"plivo"_s,
        QUrl(u"https://api.plivo.com"_s), u"MAL4B0000000000000000"_s, true};
    ProfileStore(*f.temp.settings).save(insecure);
    f.temp.settings->setValue(u"profiles/%1/secretStoredInsecurely"_s.arg(insecure.id), true);
    const Profile acme{ProfileStore::createId(), u"Acme Plivo"_s, u"plivo"_s, QUrl(u"https://api.plivo.com"_s),
        u"MA0123456789ABCDEF01"_s};
    ProfileStore(*f.temp.settings).save(acme);
    ProfileDialog &dialog = f.open();
    dialog.selectProfile(insecure.id);
    QTRY_VERIFY(f.label(u"keychainNote"_s)->isVisible());
    QVERIFY(f.label(u"insecureWarning"_s)->isVisible());

    const QPixmap shot = dialog.grab();
    QVERIFY(!shot.isNull());
    // Set CDR_SCREENSHOT_DIR to keep the picture (docs, review).
    if (const QString dir = qEnvironmentVariable("CDR_SCREENSHOT_DIR"); !dir.isEmpty())
        QVERIFY(shot.save(QDir(dir).filePath(u"profiledialog.png"_s)));
}

int main(int argc, char *argv[])
{
    QTemporaryDir runtimeDir;
    profiletest::cutOffDBus(runtimeDir);
    QApplication app(argc, argv);
    TestProfileDialog test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_profiledialog.moc"
