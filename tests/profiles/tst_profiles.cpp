// ProfileStore and SecretStore on a machine where no keychain answers.
#include "profile.h"
#include "secretstore.h"
#include "testenvironment.h"

#include <QCoreApplication>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using profiletest::TempSettings;

namespace {

const QString secretText = u"s3cr3t-Token-7f1e9a"_s;

Profile makeProfile(const QString &name, const QString &user = u"MAAAAAAAAAAAAAAAAAAA"_s)
{
    Profile profile;
    profile.id = ProfileStore::createId();
    profile.name = name;
    profile.providerId = u"plivo"_s;
    profile.baseUrl = QUrl(u"https://api.plivo.com"_s);
    profile.user = user;
    return profile;
}

// Waits for the next writeFinished() and returns its storage.
std::optional<SecretStore::Storage> writeAndWait(
    SecretStore &store, const QString &id, const QString &secret, bool allowInsecure)
{
    QSignalSpy written(&store, &SecretStore::writeFinished);
    store.write(id, secret, allowInsecure);
    if (!written.wait(10000))
        return std::nullopt;
    return written.constFirst().at(1).value<SecretStore::Storage>();
}

struct ReadResult {
    std::optional<QString> secret;
    SecretStore::Storage storage = SecretStore::Storage::SessionOnly;
    QString errorText;
};

std::optional<ReadResult> readAndWait(SecretStore &store, const QString &id)
{
    QSignalSpy read(&store, &SecretStore::readFinished);
    store.read(id);
    if (!read.wait(10000))
        return std::nullopt;
    const QList<QVariant> args = read.constFirst();
    return ReadResult{
        args.at(1).value<std::optional<QString>>(), args.at(2).value<SecretStore::Storage>(), args.at(3).toString()};
}

} // namespace

class TestProfiles final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();

    void storeRoundTrip();
    void storeSortsByName();
    void storeRemoves();
    void storeDropsCredentialsInUrl();
    void storeSkipsGroupsWithoutName();

    void noKeychainReported();
    void writeWithoutKeychain_data();
    void writeWithoutKeychain();
    void sessionSecretDiesWithSession();
    void insecureCopyReadInNextSession();
    void withdrawingConsentDeletesCopy();
    void removeDeletesEverywhere();
    void sessionCacheComesFirst();
    void errorsNeverCarryTheSecret();
};

void TestProfiles::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"));
}

void TestProfiles::storeRoundTrip()
{
    TempSettings temp;
    ProfileStore store(*temp.settings);
    Profile profile = makeProfile(u"Acme Plivo"_s, u"MA0123456789ABCDEF01"_s);
    profile.baseUrl = QUrl(u"http://127.0.0.1:8080/base"_s);
    store.save(profile);

    // A second store on the same file sees what the first wrote.
    QSettings reopened(temp.settings->fileName(), QSettings::IniFormat);
    const QList<Profile> loaded = ProfileStore(reopened).load();
    QCOMPARE(loaded.size(), 1);
    QCOMPARE(loaded.constFirst().id, profile.id);
    QCOMPARE(loaded.constFirst().name, profile.name);
    QCOMPARE(loaded.constFirst().providerId, u"plivo"_s);
    QCOMPARE(loaded.constFirst().baseUrl, profile.baseUrl);
    QCOMPARE(loaded.constFirst().user, profile.user);
    QCOMPARE(loaded.constFirst().secretStoredInsecurely, false);

    const std::optional<Profile> found = store.find(profile.id);
    QVERIFY(found);
    QCOMPARE(found->name, profile.name);
    QVERIFY(!store.find(u"no-such-id"_s));

    // The layout other tools and the lead's code rely on.
    QCOMPARE(temp.settings->value(u"profiles/%1/name"_s.arg(profile.id)).toString(), profile.name);
    QCOMPARE(temp.settings->value(u"profiles/%1/provider"_s.arg(profile.id)).toString(), u"plivo"_s);
}

void TestProfiles::storeSortsByName()
{
    TempSettings temp;
    ProfileStore store(*temp.settings);
    for (const QString &name : {u"zeta"_s, u"Beta"_s, u"alpha"_s, u"Gamma"_s})
        store.save(makeProfile(name));
    QStringList names;
    for (const Profile &profile : store.load())
        names << profile.name;
    QCOMPARE(names, (QStringList{u"alpha"_s, u"Beta"_s, u"Gamma"_s, u"zeta"_s}));
}

void TestProfiles::storeRemoves()
{
    TempSettings temp;
    ProfileStore store(*temp.settings);
    const Profile keep = makeProfile(u"Keep"_s);
    const Profile drop = makeProfile(u"Drop"_s);
    store.save(keep);
    store.save(drop);
    store.remove(drop.id);
    const QList<Profile> loaded = store.load();
    QCOMPARE(loaded.size(), 1);
    QCOMPARE(loaded.constFirst().id, keep.id);
    QVERIFY(!temp.fileBytes().contains(drop.id.toUtf8()));
}

void TestProfiles::storeDropsCredentialsInUrl()
{
    TempSettings temp;
    ProfileStore store(*temp.settings);
    Profile profile = makeProfile(u"Typed into the URL"_s);
    profile.baseUrl = QUrl(u"https://someone:%1@api.plivo.com"_s.arg(secretText));
    store.save(profile);
    QVERIFY(!temp.fileBytes().contains(secretText.toUtf8()));
    QCOMPARE(store.load().constFirst().baseUrl, QUrl(u"https://api.plivo.com"_s));
}

void TestProfiles::storeSkipsGroupsWithoutName()
{
    TempSettings temp;
    temp.settings->setValue(u"profiles/stray/user"_s, u"x"_s);
    ProfileStore store(*temp.settings);
    store.save(makeProfile(u"Real"_s));
    QCOMPARE(store.load().size(), 1);
}

void TestProfiles::noKeychainReported()
{
    TempSettings temp;
    SecretStore store(*temp.settings);
    QSignalSpy availability(&store, &SecretStore::keychainAvailabilityChanged);
    store.checkAvailability();
    QVERIFY(availability.wait(10000));
    QCOMPARE(availability.size(), 1);
    QCOMPARE(availability.constFirst().at(0).toBool(), false);
    QVERIFY(!store.keychainAvailable());
    QVERIFY2(!store.keychainError().isEmpty(), "the keychain's own reason is kept for the user");
}

void TestProfiles::writeWithoutKeychain_data()
{
    QTest::addColumn<bool>("allowInsecure");
    QTest::addColumn<SecretStore::Storage>("expected");
    QTest::addColumn<bool>("inFile");
    QTest::newRow("not allowed: this session only") << false << SecretStore::Storage::SessionOnly << false;
    QTest::newRow("opted in: settings file") << true << SecretStore::Storage::InsecureSettings << true;
}

void TestProfiles::writeWithoutKeychain()
{
    QFETCH(bool, allowInsecure);
    QFETCH(SecretStore::Storage, expected);
    QFETCH(bool, inFile);

    TempSettings temp;
    ProfileStore profiles(*temp.settings);
    const Profile profile = makeProfile(u"Acme"_s);
    profiles.save(profile);
    SecretStore store(*temp.settings);
    QSignalSpy availability(&store, &SecretStore::keychainAvailabilityChanged);

    const std::optional<SecretStore::Storage> storage = writeAndWait(store, profile.id, secretText, allowInsecure);
    QVERIFY(storage);
    QCOMPARE(*storage, expected);
    QVERIFY(!store.keychainAvailable());
    QCOMPARE(availability.size(), 1);
    QCOMPARE(store.cached(profile.id), std::optional<QString>(secretText));

    QCOMPARE(temp.fileBytes().contains(secretText.toUtf8()), inFile);
    QCOMPARE(profiles.load().constFirst().secretStoredInsecurely, inFile);

    const std::optional<ReadResult> read = readAndWait(store, profile.id);
    QVERIFY(read);
    QCOMPARE(read->secret, std::optional<QString>(secretText));
    QCOMPARE(read->storage, expected);
}

void TestProfiles::sessionSecretDiesWithSession()
{
    TempSettings temp;
    const Profile profile = makeProfile(u"Acme"_s);
    ProfileStore(*temp.settings).save(profile);
    {
        SecretStore session(*temp.settings);
        QCOMPARE(
            writeAndWait(session, profile.id, secretText, false), std::optional(SecretStore::Storage::SessionOnly));
    }
    SecretStore nextSession(*temp.settings);
    const std::optional<ReadResult> read = readAndWait(nextSession, profile.id);
    QVERIFY(read);
    QVERIFY(!read->secret);
    QVERIFY(!read->errorText.isEmpty());
    QVERIFY(!temp.fileBytes().contains(secretText.toUtf8()));
}

void TestProfiles::insecureCopyReadInNextSession()
{
    TempSettings temp;
    const Profile profile = makeProfile(u"Acme"_s);
    ProfileStore(*temp.settings).save(profile);
    {
        SecretStore session(*temp.settings);
        QCOMPARE(
            writeAndWait(session, profile.id, secretText, true), std::optional(SecretStore::Storage::InsecureSettings));
    }
    SecretStore nextSession(*temp.settings);
    const std::optional<ReadResult> read = readAndWait(nextSession, profile.id);
    QVERIFY(read);
    QCOMPARE(read->secret, std::optional<QString>(secretText));
    QCOMPARE(read->storage, SecretStore::Storage::InsecureSettings);
}

void TestProfiles::withdrawingConsentDeletesCopy()
{
    TempSettings temp;
    ProfileStore profiles(*temp.settings);
    const Profile profile = makeProfile(u"Acme"_s);
    profiles.save(profile);
    SecretStore store(*temp.settings);
    QCOMPARE(writeAndWait(store, profile.id, secretText, true), std::optional(SecretStore::Storage::InsecureSettings));

    // A new secret without consent: neither the old nor the new one stays in the file.
    const QString replacement = u"another-Secret-42"_s;
    QCOMPARE(writeAndWait(store, profile.id, replacement, false), std::optional(SecretStore::Storage::SessionOnly));
    QVERIFY(!temp.fileBytes().contains(secretText.toUtf8()));
    QVERIFY(!temp.fileBytes().contains(replacement.toUtf8()));
    QVERIFY(!profiles.load().constFirst().secretStoredInsecurely);
    QCOMPARE(store.cached(profile.id), std::optional<QString>(replacement));

    // Withdrawing consent alone keeps the session's copy.
    QCOMPARE(writeAndWait(store, profile.id, secretText, true), std::optional(SecretStore::Storage::InsecureSettings));
    store.discardInsecureCopy(profile.id);
    QVERIFY(!temp.fileBytes().contains(secretText.toUtf8()));
    QVERIFY(!profiles.load().constFirst().secretStoredInsecurely);
    QCOMPARE(store.cached(profile.id), std::optional<QString>(secretText));
}

void TestProfiles::removeDeletesEverywhere()
{
    TempSettings temp;
    const Profile profile = makeProfile(u"Acme"_s);
    ProfileStore(*temp.settings).save(profile);
    SecretStore store(*temp.settings);
    QCOMPARE(writeAndWait(store, profile.id, secretText, true), std::optional(SecretStore::Storage::InsecureSettings));

    QSignalSpy removed(&store, &SecretStore::removeFinished);
    store.remove(profile.id);
    QVERIFY(!store.cached(profile.id));
    QVERIFY(!temp.fileBytes().contains(secretText.toUtf8()));
    QVERIFY(removed.wait(10000));
    QCOMPARE(removed.constFirst().at(0).toString(), profile.id);

    const std::optional<ReadResult> read = readAndWait(store, profile.id);
    QVERIFY(read);
    QVERIFY(!read->secret);
}

void TestProfiles::sessionCacheComesFirst()
{
    TempSettings temp;
    const Profile profile = makeProfile(u"Acme"_s);
    ProfileStore(*temp.settings).save(profile);
    SecretStore store(*temp.settings);
    QCOMPARE(writeAndWait(store, profile.id, secretText, true), std::optional(SecretStore::Storage::InsecureSettings));

    const QString typed = u"typed-at-a-prompt"_s;
    store.remember(profile.id, typed);
    QVERIFY(!temp.fileBytes().contains(typed.toUtf8()));
    const std::optional<ReadResult> read = readAndWait(store, profile.id);
    QVERIFY(read);
    QCOMPARE(read->secret, std::optional<QString>(typed));
    QCOMPARE(read->storage, SecretStore::Storage::SessionOnly);
}

void TestProfiles::errorsNeverCarryTheSecret()
{
    TempSettings temp;
    const Profile profile = makeProfile(u"Acme"_s);
    SecretStore store(*temp.settings);
    QSignalSpy written(&store, &SecretStore::writeFinished);
    store.write(profile.id, secretText, false);
    QVERIFY(written.wait(10000));
    QVERIFY(!written.constFirst().at(2).toString().contains(secretText));
    QVERIFY(!store.keychainError().contains(secretText));
}

int main(int argc, char *argv[])
{
    QTemporaryDir runtimeDir;
    profiletest::cutOffDBus(runtimeDir);
    QCoreApplication app(argc, argv);
    TestProfiles test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_profiles.moc"
