// The profile dialog's provider options, offscreen, on a machine where no
// keychain answers.
#include "profiledialogfixture.h"

using namespace Qt::StringLiterals;
using namespace profiletest;


class TestProfileOptions final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();

    void providerShowsItsOptions_data();
    void providerShowsItsOptions();
    void portsipOptionsSaveAndComeBack();
    void emptiedOptionsLeaveTheSettings();
    void typingAddressWarnsOnlyForPlainHttp_data();
    void typingAddressWarnsOnlyForPlainHttp();
    void switchingProviderKeepsTypedOptions();
    void optInNamesTheProvidersSecret();
    void enswitchTokenSignInSaves();
};

void TestProfileOptions::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestProfileOptions::providerShowsItsOptions_data()
{
    QTest::addColumn<QString>("providerId");
    QTest::addColumn<QStringList>("keys");
    QTest::newRow("plivo") << u"plivo"_s << QStringList{};
    QTest::newRow("enswitch") << u"enswitch"_s << QStringList{u"tokenSignIn"_s};
    QTest::newRow("portsip") << u"portsip"_s
                             << QStringList{u"dollarNames"_s, u"domain"_s, u"rateLimit"_s, u"skipOneBased"_s};
}

void TestProfileOptions::providerShowsItsOptions()
{
    QFETCH(QString, providerId);
    QFETCH(QStringList, keys);
    DialogFixture f;
    ProfileDialog &dialog = f.open();
    f.chooseProvider(providerId);
    QCOMPARE(shownOptionKeys(dialog), keys);
    auto *box = f.field<QWidget>(u"providerOptions"_s);
    QVERIFY(box);
    QCOMPARE(box->isVisible(), !keys.isEmpty());
    for (const QString &key : std::as_const(keys)) {
        QWidget *widget = f.field<QWidget>(u"option_"_s + key);
        QVERIFY2(!widget->toolTip().isEmpty(), qPrintable(key)); // every option says what it is for
    }
    if (providerId != "portsip"_L1)
        return;
    // Text fields for values, checkboxes for flags; each text field is labelled.
    QVERIFY(f.edit(u"option_domain"_s));
    QVERIFY(f.edit(u"option_rateLimit"_s));
    QVERIFY(f.check(u"option_skipOneBased"_s));
    QVERIFY(f.check(u"option_dollarNames"_s));
    QVERIFY(!f.edit(u"option_rateLimit"_s)->placeholderText().isEmpty());
    QVERIFY(!f.edit(u"option_domain"_s)->accessibleName().isEmpty());
    bool domainLabelled = false;
    for (const QLabel *label : box->findChildren<QLabel *>())
        domainLabelled = domainLabelled || label->buddy() == f.edit(u"option_domain"_s);
    QVERIFY(domainLabelled);

    f.fillCommon(u"Office PBX"_s, u"https://pbx.example.com:8887"_s, u"admin"_s, u"pw"_s);
    f.type(u"option_domain"_s, u"sip.example.com"_s);
    f.check(u"option_skipOneBased"_s)->setChecked(true);
    QTRY_VERIFY(f.label(u"keychainNote"_s)->isVisible()); // settled: the keychain has answered
    saveScreenshot(dialog, u"profileeditor-portsip.png"_s);
}

void TestProfileOptions::portsipOptionsSaveAndComeBack()
{
    DialogFixture f;
    ProfileDialog &dialog = f.open();
    f.chooseProvider(u"portsip"_s);
    f.fillCommon(u"Office PBX"_s, u"https://pbx.example.com:8887"_s, u"admin"_s, u"pw-1"_s);
    f.type(u"option_domain"_s, u"sip.acme.test"_s);
    f.type(u"option_rateLimit"_s, u"120"_s);
    clickCheckBox(f.check(u"option_skipOneBased"_s));
    QVERIFY(f.check(u"option_skipOneBased"_s)->isChecked());
    f.save();

    const QString id = dialog.currentProfileId();
    const std::optional<Profile> stored = ProfileStore(*f.temp.settings).find(id);
    QVERIFY(stored);
    QCOMPARE(stored->providerId, u"portsip"_s);
    const QMap<QString, QString> expected{
        {u"domain"_s, u"sip.acme.test"_s}, {u"rateLimit"_s, u"120"_s}, {u"skipOneBased"_s, u"1"_s}};
    QCOMPARE(stored->options, expected); // the unticked flag is not stored at all
    QCOMPARE(f.storedValue(id, u"options/skipOneBased"_s), u"1"_s);
    QVERIFY(!f.hasStored(id, u"options/dollarNames"_s));

    // Next time the dialog opens, the fields show what was saved.
    f.reopen();
    QCOMPARE(f.dialog->currentProfileId(), id);
    QCOMPARE(f.edit(u"option_domain"_s)->text(), u"sip.acme.test"_s);
    QCOMPARE(f.edit(u"option_rateLimit"_s)->text(), u"120"_s);
    QVERIFY(f.check(u"option_skipOneBased"_s)->isChecked());
    QVERIFY(!f.check(u"option_dollarNames"_s)->isChecked());
}

void TestProfileOptions::emptiedOptionsLeaveTheSettings()
{
    DialogFixture f;
    Profile profile{
        ProfileStore::createId(), u"Office PBX"_s, u"portsip"_s, QUrl(u"https://pbx.example.com:8887"_s), u"admin"_s};
    profile.options = {{u"domain"_s, u"sip.acme.test"_s}, {u"dollarNames"_s, u"1"_s}, {u"rateLimit"_s, u"60"_s}};
    ProfileStore(*f.temp.settings).save(profile);
    QVERIFY(f.hasStored(profile.id, u"options/domain"_s));
    f.open();
    QCOMPARE(f.edit(u"option_domain"_s)->text(), u"sip.acme.test"_s);
    QVERIFY(f.check(u"option_dollarNames"_s)->isChecked());

    f.type(u"option_domain"_s, QString());
    clickCheckBox(f.check(u"option_dollarNames"_s));
    QVERIFY(!f.check(u"option_dollarNames"_s)->isChecked());
    f.save();

    QVERIFY(!f.hasStored(profile.id, u"options/domain"_s));
    QVERIFY(!f.hasStored(profile.id, u"options/dollarNames"_s));
    QCOMPARE(f.storedValue(profile.id, u"options/rateLimit"_s), u"60"_s);
    const QMap<QString, QString> expected{{u"rateLimit"_s, u"60"_s}};
    QCOMPARE(ProfileStore(*f.temp.settings).find(profile.id)->options, expected);
}

void TestProfileOptions::typingAddressWarnsOnlyForPlainHttp_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<bool>("warnsAtEnd");
    QTest::newRow("https") << u"https://pbx.example.com:8887"_s << false;
    QTest::newRow("http") << u"http://pbx.example.com:8887"_s << true;
    QTest::newRow("http loopback") << u"http://127.0.0.1:8887"_s << false;
}

void TestProfileOptions::typingAddressWarnsOnlyForPlainHttp()
{
    // Key by key: the warning must not flash while "https://" is still being typed.
    QFETCH(QString, address);
    QFETCH(bool, warnsAtEnd);
    DialogFixture f;
    f.open();
    f.chooseProvider(u"portsip"_s);
    f.type(u"baseUrlEdit"_s, QString());
    QLabel *warning = f.label(u"plainHttpWarning"_s);
    QLineEdit *edit = f.edit(u"baseUrlEdit"_s);
    const qsizetype schemeEnd = address.indexOf(u"://"_s) + 3;
    for (qsizetype i = 0; i < address.size(); ++i) {
        QTest::keyClick(edit, address.at(i).toLatin1());
        // An address that is plain http:// may warn once its host begins (even "http://1" on the way to 127.0.0.1).
        if (i + 1 < schemeEnd || address.startsWith("https:"_L1))
            QVERIFY2(!warning->isVisible(), qPrintable(edit->text()));
    }
    QCOMPARE(edit->text(), address);
    QCOMPARE(warning->isVisible(), warnsAtEnd);
}

void TestProfileOptions::switchingProviderKeepsTypedOptions()
{
    DialogFixture f;
    ProfileDialog &dialog = f.open();
    f.chooseProvider(u"portsip"_s);
    f.type(u"option_domain"_s, u"sip.acme.test"_s);
    clickCheckBox(f.check(u"option_dollarNames"_s));

    f.chooseProvider(u"plivo"_s);
    QVERIFY(shownOptionKeys(dialog).isEmpty());
    f.chooseProvider(u"portsip"_s);
    QCOMPARE(f.edit(u"option_domain"_s)->text(), u"sip.acme.test"_s);
    QVERIFY(f.check(u"option_dollarNames"_s)->isChecked());
    QVERIFY(!f.check(u"option_skipOneBased"_s)->isChecked());

    // Saved as Plivo, none of PortSIP's options go with it.
    f.chooseProvider(u"plivo"_s);
    f.fillCommon(u"Acme Plivo"_s, u"https://api.plivo.com"_s, u"MA0123456789ABCDEF01"_s, u"tok"_s);
    f.save();
    const std::optional<Profile> stored = ProfileStore(*f.temp.settings).find(dialog.currentProfileId());
    QVERIFY(stored);
    QCOMPARE(stored->providerId, u"plivo"_s);
    QVERIFY2(stored->options.isEmpty(), qPrintable(QStringList(stored->options.keys()).join(u',')));
}

void TestProfileOptions::optInNamesTheProvidersSecret()
{
    // Without a keychain the opt-in is offered; it names what would be stored.
    DialogFixture f;
    f.open();
    QCheckBox *optIn = f.check(u"insecureCheck"_s);
    QTRY_VERIFY(optIn->isVisible());
    QVERIFY2(optIn->text().contains(u"the auth token"_s), qPrintable(optIn->text()));
    f.chooseProvider(u"portsip"_s);
    // Mid-sentence the word reads as one: "the password", not "the Password".
    QVERIFY2(optIn->text().contains(u"Store the password unencrypted"_s), qPrintable(optIn->text()));
    QVERIFY2(!optIn->text().contains(u"token"_s), qPrintable(optIn->text()));
    QVERIFY(optIn->accessibleName().contains(u"the password"_s));
}

void TestProfileOptions::enswitchTokenSignInSaves()
{
    DialogFixture f;
    ProfileDialog &dialog = f.open();
    f.chooseProvider(u"enswitch"_s);
    f.fillCommon(u"Reseller"_s, u"https://enswitch.example.com"_s, u"demo"_s, u"pw"_s);
    clickCheckBox(f.check(u"option_tokenSignIn"_s));
    f.save();
    QCOMPARE(f.storedValue(dialog.currentProfileId(), u"options/tokenSignIn"_s), u"1"_s);
    f.reopen();
    QVERIFY(f.check(u"option_tokenSignIn"_s)->isChecked());
}

int main(int argc, char *argv[])
{
    QTemporaryDir runtimeDir;
    profiletest::cutOffDBus(runtimeDir);
    QApplication app(argc, argv);
    TestProfileOptions test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_profileoptions.moc"
