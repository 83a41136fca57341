// The profile dialog's provider options and trusted certificate, offscreen, on a
// machine where no keychain answers; "Test connection" against the simulator over
// HTTPS (trusting its self-signed certificate) and with a two-factor sign-in.
#include "certificatetrustdialog.h"
#include "profile.h"
#include "profiledialog.h"
#include "profileeditor.h"
#include "secretstore.h"
#include "simulator.h"
#include "testenvironment.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCryptographicHash>
#include <QDialogButtonBox>
#include <QDir>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QStyle>
#include <QStyleOptionButton>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using profiletest::TempSettings;

namespace {

constexpr int kWaitMs = 15000;

// A visible top-level window of that type (and name), wherever Qt parented it.
template <typename T> T *shownWindow(const QString &objectName = {})
{
    const QWidgetList windows = QApplication::topLevelWidgets();
    for (QWidget *window : windows) {
        auto *typed = qobject_cast<T *>(window);
        if (typed && typed->isVisible() && (objectName.isEmpty() || typed->objectName() == objectName))
            return typed;
    }
    return nullptr;
}

QByteArray sha256Hex(const QSslCertificate &certificate)
{
    return certificate.digest(QCryptographicHash::Sha256).toHex();
}

// Clicks the box itself: a checkbox in a stretched grid column is wider than its
// text, and a click in the empty part of it does nothing, for a user as for a test.
void clickCheckBox(QCheckBox *box)
{
    QStyleOptionButton option;
    option.initFrom(box);
    const QRect indicator = box->style()->subElementRect(QStyle::SE_CheckBoxIndicator, &option, box);
    QTest::mouseClick(box, Qt::LeftButton, {}, indicator.center());
}

// The option fields the editor shows now, by key.
QStringList shownOptionKeys(const QWidget &dialog)
{
    QStringList keys;
    const QList<QWidget *> widgets = dialog.findChildren<QWidget *>();
    for (const QWidget *widget : widgets) {
        if (widget->objectName().startsWith("option_"_L1) && widget->isVisible())
            keys << widget->objectName().mid(7);
    }
    keys.sort();
    return keys;
}

// One dialog over a settings file of its own, driven the way a user would.
struct DialogFixture {
    TempSettings temp;
    SecretStore secrets{*temp.settings};
    QNetworkAccessManager network;
    std::unique_ptr<ProfileDialog> dialog;

    ProfileDialog &open()
    {
        dialog = std::make_unique<ProfileDialog>(*temp.settings, secrets, network);
        dialog->show();
        if (!QTest::qWaitForWindowExposed(dialog.get()))
            qWarning("the profile dialog was not exposed");
        return *dialog;
    }
    void reopen()
    {
        dialog.reset();
        open();
    }
    template <typename T> T *field(const QString &objectName) const
    {
        T *widget = dialog->findChild<T *>(objectName);
        if (!widget)
            qWarning("no %s named %s", T::staticMetaObject.className(), qPrintable(objectName));
        return widget;
    }
    QLineEdit *edit(const QString &objectName) const { return field<QLineEdit>(objectName); }
    QCheckBox *check(const QString &objectName) const { return field<QCheckBox>(objectName); }
    QPushButton *button(const QString &objectName) const { return field<QPushButton>(objectName); }
    QLabel *label(const QString &objectName) const { return field<QLabel>(objectName); }

    void chooseProvider(const QString &providerId) const
    {
        auto *combo = field<QComboBox>(u"providerCombo"_s);
        combo->setCurrentIndex(combo->findData(providerId));
    }
    // Replaces the text as a user would: select all, type over it.
    void type(const QString &objectName, const QString &text) const
    {
        QLineEdit *lineEdit = edit(objectName);
        lineEdit->setFocus();
        lineEdit->selectAll();
        QTest::keyClick(lineEdit, Qt::Key_Backspace);
        QTest::keyClicks(lineEdit, text);
    }
    void fillCommon(const QString &name, const QString &baseUrl, const QString &user, const QString &secret) const
    {
        type(u"nameEdit"_s, name);
        type(u"baseUrlEdit"_s, baseUrl);
        type(u"userEdit"_s, user);
        type(u"secretEdit"_s, secret);
    }
    void save() const { QTest::mouseClick(button(u"saveButton"_s), Qt::LeftButton); }
    QString storedValue(const QString &profileId, const QString &key) const
    {
        return temp.settings->value(ProfileStore::settingsGroup(profileId) + u'/' + key).toString();
    }
    bool hasStored(const QString &profileId, const QString &key) const
    {
        return temp.settings->contains(ProfileStore::settingsGroup(profileId) + u'/' + key);
    }
};

// The PortSIP demo account as the user would enter it, with its tenant domain.
void fillPortsip(const DialogFixture &f, const QUrl &baseUrl, const cdrsim::PortsipAccount &account)
{
    f.chooseProvider(u"portsip"_s);
    f.fillCommon(u"Office PBX"_s, baseUrl.toString(), account.username, account.password);
    f.type(u"option_domain"_s, account.domain);
}

void saveScreenshot(QWidget &widget, const QString &fileName)
{
    const QPixmap shot = widget.grab();
    QVERIFY(!shot.isNull());
    // Set CDR_SCREENSHOT_DIR to keep the picture (docs, review).
    if (const QString dir = qEnvironmentVariable("CDR_SCREENSHOT_DIR"); !dir.isEmpty()) {
        QVERIFY(QDir().mkpath(dir));
        QVERIFY(shot.save(QDir(dir).filePath(fileName)));
    }
}

} // namespace

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
    void pinnedCertificateShownAndForgotten();
    void testConnectionTrustsCertificate_data();
    void testConnectionTrustsCertificate();
    void testConnectionTrustCancelled();
    void testConnectionAsksForOneTimeCode();
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
    QVERIFY2(optIn->text().contains(u"Auth token"_s), qPrintable(optIn->text()));
    f.chooseProvider(u"portsip"_s);
    QVERIFY2(optIn->text().contains(u"Password"_s), qPrintable(optIn->text()));
    QVERIFY2(!optIn->text().contains(u"token"_s), qPrintable(optIn->text()));
    QVERIFY(optIn->accessibleName().contains(u"Password"_s));
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

void TestProfileOptions::pinnedCertificateShownAndForgotten()
{
    DialogFixture f;
    const QByteArray pin = sha256Hex(cdrsim::Simulator::selfSignedCertificate(0));
    Profile pinned{
        ProfileStore::createId(), u"A pinned PBX"_s, u"portsip"_s, QUrl(u"https://127.0.0.1:8887"_s), u"admin"_s};
    pinned.pinnedCertificateSha256 = pin;
    const Profile plain{
        ProfileStore::createId(), u"B plain PBX"_s, u"portsip"_s, QUrl(u"https://pbx.example.com:8887"_s), u"admin"_s};
    ProfileStore(*f.temp.settings).save(pinned);
    ProfileStore(*f.temp.settings).save(plain);
    ProfileDialog &dialog = f.open();
    QCOMPARE(dialog.currentProfileId(), pinned.id);

    QLabel *row = f.label(u"pinnedCertificate"_s);
    QPushButton *forget = f.button(u"forgetPinnedCertificate"_s);
    QVERIFY(row && forget);
    QVERIFY(row->isVisible());
    QVERIFY(forget->isVisible());
    QVERIFY2(row->text().remove(u'\n').contains(CertificateInfo::formatFingerprint(pin)), qPrintable(row->text()));
    QVERIFY(row->text().contains(u"6C:3F:B8:97:"_s));
    QTRY_VERIFY(f.label(u"keychainNote"_s)->isVisible());
    saveScreenshot(dialog, u"profileeditor-pinned.png"_s);

    // A profile without a pin has no such row.
    dialog.selectProfile(plain.id);
    QCOMPARE(dialog.currentProfileId(), plain.id);
    QVERIFY(!row->isVisible());
    dialog.selectProfile(pinned.id);
    QVERIFY(row->isVisible());

    QTest::mouseClick(forget, Qt::LeftButton);
    QVERIFY(!row->isVisible());
    QVERIFY(!ProfileStore(*f.temp.settings).find(pinned.id)->pinnedCertificateSha256.isEmpty()); // not before Save
    f.save();
    QVERIFY(ProfileStore(*f.temp.settings).find(pinned.id)->pinnedCertificateSha256.isEmpty());
    QVERIFY(!f.hasStored(pinned.id, u"pinnedCertificateSha256"_s));
    f.reopen();
    QVERIFY(!f.label(u"pinnedCertificate"_s)->isVisible());
}

void TestProfileOptions::testConnectionTrustsCertificate_data()
{
    QTest::addColumn<QString>("providerId");
    QTest::newRow("plivo") << u"plivo"_s;
    QTest::newRow("portsip") << u"portsip"_s;
}

void TestProfileOptions::testConnectionTrustsCertificate()
{
    QFETCH(QString, providerId);
    cdrsim::Simulator simulator;
    simulator.setTls(cdrsim::Simulator::selfSignedCertificate(0), cdrsim::Simulator::selfSignedKey(0));
    QVERIFY(simulator.listen(0));
    const QByteArray expected = sha256Hex(cdrsim::Simulator::selfSignedCertificate(0));
    DialogFixture f;
    ProfileDialog &dialog = f.open();
    if (providerId == "portsip"_L1) {
        fillPortsip(f, simulator.baseUrl(), cdrsim::Simulator::portsipDemoAccount());
    } else {
        f.fillCommon(u"Plivo via proxy"_s, simulator.baseUrl().toString(), cdrsim::Simulator::demoAccount().authId,
            cdrsim::Simulator::demoAccount().authToken);
    }
    QLabel *result = f.label(u"testResult"_s);

    QTest::mouseClick(f.button(u"testButton"_s), Qt::LeftButton);
    CertificateTrustDialog *trust = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((trust = shownWindow<CertificateTrustDialog>()), kWaitMs);
    QCOMPARE(trust->mode(), CertificateTrustDialog::Mode::FirstUse);
    QCOMPARE(trust->certificate().sha256, expected);
    QCOMPARE(simulator.requestCount(), 0);
    QTest::mouseClick(trust->findChild<QPushButton *>(u"trustButton"_s), Qt::LeftButton);

    QTRY_VERIFY_WITH_TIMEOUT(result->text().startsWith(u"Connected"_s), kWaitMs);
    QVERIFY(!f.field<QProgressBar>(u"testBusy"_s)->isVisible());
    QCOMPARE(dialog.editor()->profile().pinnedCertificateSha256, expected);
    QVERIFY(f.label(u"pinnedCertificate"_s)->isVisible());
    QVERIFY(f.label(u"pinnedCertificate"_s)->text().remove(u'\n').contains(CertificateInfo::formatFingerprint(expected)));

    // The pin belongs to the profile being edited: saving keeps it.
    f.save();
    QCOMPARE(ProfileStore(*f.temp.settings).find(dialog.currentProfileId())->pinnedCertificateSha256, expected);
}

void TestProfileOptions::testConnectionTrustCancelled()
{
    cdrsim::Simulator simulator;
    simulator.setTls(cdrsim::Simulator::selfSignedCertificate(0), cdrsim::Simulator::selfSignedKey(0));
    QVERIFY(simulator.listen(0));
    DialogFixture f;
    ProfileDialog &dialog = f.open();
    f.fillCommon(u"Plivo via proxy"_s, simulator.baseUrl().toString(), cdrsim::Simulator::demoAccount().authId,
        cdrsim::Simulator::demoAccount().authToken);
    QTest::mouseClick(f.button(u"testButton"_s), Qt::LeftButton);
    CertificateTrustDialog *trust = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((trust = shownWindow<CertificateTrustDialog>()), kWaitMs);
    QTest::mouseClick(trust->findChild<QPushButton *>(u"cancelButton"_s), Qt::LeftButton);
    QTRY_VERIFY(!shownWindow<CertificateTrustDialog>());

    QLabel *result = f.label(u"testResult"_s);
    QVERIFY2(result->text().contains(u"certificate"_s), qPrintable(result->text()));
    QVERIFY(!result->text().contains(cdrsim::Simulator::demoAccount().authToken));
    QVERIFY(!f.field<QProgressBar>(u"testBusy"_s)->isVisible());
    QVERIFY(dialog.editor()->profile().pinnedCertificateSha256.isEmpty());
    QVERIFY(!f.label(u"pinnedCertificate"_s)->isVisible());
    QCOMPARE(simulator.requestCount(), 0);
}

void TestProfileOptions::testConnectionAsksForOneTimeCode()
{
    cdrsim::Simulator simulator;
    QVERIFY(simulator.listen(0));
    DialogFixture f;
    f.open();
    fillPortsip(f, simulator.baseUrl(), cdrsim::Simulator::portsipTwoFactorAccount());
    QTest::mouseClick(f.button(u"testButton"_s), Qt::LeftButton);

    QInputDialog *prompt = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((prompt = shownWindow<QInputDialog>(u"oneTimeCodeDialog"_s)), kWaitMs);
    auto *codeEdit = prompt->findChild<QLineEdit *>();
    QVERIFY(codeEdit);
    QTest::keyClicks(codeEdit, cdrsim::Simulator::portsipOtpCode());
    QTest::mouseClick(prompt->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok), Qt::LeftButton);

    QLabel *result = f.label(u"testResult"_s);
    QTRY_VERIFY_WITH_TIMEOUT(result->text().startsWith(u"Connected"_s), kWaitMs);
    QVERIFY(!result->text().contains(cdrsim::Simulator::portsipTwoFactorAccount().password));
    QCOMPARE(simulator.portsipSignInCount(), 1);
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
