// SecretStore, the profile dialog and the secret prompt against a real keyring.
// Run inside a private D-Bus session with an unlocked gnome-keyring:
//   dbus-run-session -- sh -c 'echo -n pw | gnome-keyring-daemon --unlock --components=secrets; ctest'
// Without a D-Bus session every test skips.
#include "profile.h"
#include "profiledialog.h"
#include "secretprompt.h"
#include "secretstore.h"
#include "testenvironment.h"

#include <QApplication>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;
using profiletest::TempSettings;

namespace {

const QString secretText = u"Keyring-Token-8b3c1d"_s;

// Entries of their own, so a run on a desktop never touches the user's.
const QString &testService()
{
    static const QString service = u"CDR Browser tests %1"_s.arg(QUuid::createUuid().toString(QUuid::WithoutBraces));
    return service;
}

Profile makeProfile(const QString &name)
{
    return Profile{ProfileStore::createId(), name, u"plivo"_s, QUrl(u"https://api.plivo.com"_s), u"MA1"_s};
}

struct Session {
    explicit Session(QSettings &settings)
        : store(settings)
    {
        store.setServiceName(testService());
    }
    SecretStore store;
};

std::optional<SecretStore::Storage> writeAndWait(
    SecretStore &store, const QString &id, const QString &secret, bool allowInsecure)
{
    QSignalSpy written(&store, &SecretStore::writeFinished);
    store.write(id, secret, allowInsecure);
    if (!written.wait(20000))
        return std::nullopt;
    return written.constFirst().at(1).value<SecretStore::Storage>();
}

std::optional<QList<QVariant>> readAndWait(SecretStore &store, const QString &id)
{
    QSignalSpy read(&store, &SecretStore::readFinished);
    store.read(id);
    if (!read.wait(20000))
        return std::nullopt;
    return read.constFirst();
}

} // namespace

class TestKeychain final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void roundTrip();
    void keychainPreferredOverOptIn();
    void keychainReplacesInsecureCopy();
    void removeDeletesFromKeychain();
    void dialogWithKeychain();
    void promptRemembersInKeychain();
};

void TestKeychain::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        QSKIP("No D-Bus session (DBUS_SESSION_BUS_ADDRESS is not set): run the suite under dbus-run-session "
              "with an unlocked gnome-keyring to test the real keychain.");
    TempSettings temp;
    Session session(*temp.settings);
    QSignalSpy availability(&session.store, &SecretStore::keychainAvailabilityChanged);
    session.store.checkAvailability();
    // Nothing to wait for when it answers (it was assumed available); a failure says so at once.
    availability.wait(3000);
    QVERIFY2(session.store.keychainAvailable(),
        qPrintable(u"A D-Bus session is there but no keychain answered: "_s + session.store.keychainError()));
}

void TestKeychain::roundTrip()
{
    TempSettings temp;
    const Profile profile = makeProfile(u"Acme"_s);
    ProfileStore(*temp.settings).save(profile);
    {
        Session first(*temp.settings);
        QCOMPARE(
            writeAndWait(first.store, profile.id, secretText, false), std::optional(SecretStore::Storage::Keychain));
        QVERIFY(first.store.keychainAvailable());
    }
    QVERIFY(!temp.fileBytes().contains(secretText.toUtf8()));

    // A new session has no cache: the secret comes from the keychain.
    Session next(*temp.settings);
    QVERIFY(!next.store.cached(profile.id));
    const auto read = readAndWait(next.store, profile.id);
    QVERIFY(read);
    QCOMPARE(read->at(1).value<std::optional<QString>>(), std::optional<QString>(secretText));
    QCOMPARE(read->at(2).value<SecretStore::Storage>(), SecretStore::Storage::Keychain);
    next.store.remove(profile.id);
}

void TestKeychain::keychainPreferredOverOptIn()
{
    TempSettings temp;
    const Profile profile = makeProfile(u"Acme"_s);
    ProfileStore(*temp.settings).save(profile);
    Session session(*temp.settings);
    QCOMPARE(writeAndWait(session.store, profile.id, secretText, true), std::optional(SecretStore::Storage::Keychain));
    QVERIFY(!temp.fileBytes().contains(secretText.toUtf8()));
    session.store.remove(profile.id);
}

void TestKeychain::keychainReplacesInsecureCopy()
{
    TempSettings temp;
    ProfileStore profiles(*temp.settings);
    const Profile profile = makeProfile(u"Acme"_s);
    profiles.save(profile);
    // What an earlier session without a keychain left, after the user opted in.
    temp.settings->setValue(u"profiles/%1/insecureSecret"_s.arg(profile.id), secretText);
    temp.settings->setValue(u"profiles/%1/secretStoredInsecurely"_s.arg(profile.id), true);
    QVERIFY(profiles.load().constFirst().secretStoredInsecurely);

    Session session(*temp.settings);
    const auto read = readAndWait(session.store, profile.id); // not in the keychain yet: the copy answers
    QVERIFY(read);
    QCOMPARE(read->at(2).value<SecretStore::Storage>(), SecretStore::Storage::InsecureSettings);
    QCOMPARE(writeAndWait(session.store, profile.id, secretText, true), std::optional(SecretStore::Storage::Keychain));
    QVERIFY(!temp.fileBytes().contains(secretText.toUtf8()));
    QVERIFY(!profiles.load().constFirst().secretStoredInsecurely);
    session.store.remove(profile.id);
}

void TestKeychain::removeDeletesFromKeychain()
{
    TempSettings temp;
    const Profile profile = makeProfile(u"Acme"_s);
    Session session(*temp.settings);
    QCOMPARE(writeAndWait(session.store, profile.id, secretText, false), std::optional(SecretStore::Storage::Keychain));
    QSignalSpy removed(&session.store, &SecretStore::removeFinished);
    session.store.remove(profile.id);
    QVERIFY(removed.wait(20000));
    QVERIFY(removed.constFirst().at(1).toString().isEmpty());

    Session next(*temp.settings);
    const auto read = readAndWait(next.store, profile.id);
    QVERIFY(read);
    QVERIFY(!read->at(1).value<std::optional<QString>>());
    QVERIFY(!read->at(3).toString().isEmpty());
}

void TestKeychain::dialogWithKeychain()
{
    TempSettings temp;
    Session session(*temp.settings);
    QNetworkAccessManager network;
    ProfileDialog dialog(*temp.settings, session.store, network);
    dialog.show();
    QSignalSpy written(&session.store, &SecretStore::writeFinished);
    for (auto [field, text] : {std::pair{u"nameEdit"_s, u"Acme"_s}, std::pair{u"userEdit"_s, u"MA1"_s},
             std::pair{u"secretEdit"_s, secretText}})
        QTest::keyClicks(dialog.findChild<QLineEdit *>(field), text);
    QVERIFY(dialog.findChild<QCheckBox *>(u"insecureCheck"_s)->isHidden());
    QVERIFY(dialog.findChild<QLabel *>(u"keychainNote"_s)->isHidden());
    QTest::mouseClick(dialog.findChild<QPushButton *>(u"saveButton"_s), Qt::LeftButton);
    QVERIFY(written.wait(20000));
    QCOMPARE(written.constFirst().at(1).value<SecretStore::Storage>(), SecretStore::Storage::Keychain);
    QVERIFY(!temp.fileBytes().contains(secretText.toUtf8()));
    session.store.remove(dialog.currentProfileId());
}

void TestKeychain::promptRemembersInKeychain()
{
    TempSettings temp;
    const Profile profile = makeProfile(u"Acme"_s);
    {
        Session session(*temp.settings);
        SecretPrompt prompt(profile, session.store);
        prompt.show();
        auto *remember = prompt.findChild<QCheckBox *>(u"rememberCheck"_s);
        QVERIFY(remember->isVisible());
        QVERIFY(remember->isChecked());
        QSignalSpy written(&session.store, &SecretStore::writeFinished);
        QTest::keyClicks(prompt.findChild<QLineEdit *>(u"secretEdit"_s), secretText);
        prompt.accept();
        QCOMPARE(session.store.cached(profile.id), std::optional<QString>(secretText));
        QVERIFY(written.wait(20000));
        QCOMPARE(written.constFirst().at(1).value<SecretStore::Storage>(), SecretStore::Storage::Keychain);
    }
    Session next(*temp.settings);
    const auto read = readAndWait(next.store, profile.id);
    QVERIFY(read);
    QCOMPARE(read->at(1).value<std::optional<QString>>(), std::optional<QString>(secretText));
    next.store.remove(profile.id);
}

QTEST_MAIN(TestKeychain)
#include "tst_keychain.moc"
