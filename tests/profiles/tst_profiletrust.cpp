// The profile dialog's trusted certificate, offscreen, on a machine where no
// keychain answers; "Test connection" against the simulator over HTTPS
// (trusting its self-signed certificate) and with a two-factor sign-in.
#include "profiledialogfixture.h"

using namespace Qt::StringLiterals;
using namespace profiletest;

class TestProfileTrust final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();

    void pinnedCertificateShownAndForgotten();
    void testConnectionTrustsCertificate_data();
    void testConnectionTrustsCertificate();
    void testConnectionTrustCancelled();
    void testConnectionAsksForOneTimeCode();
};

void TestProfileTrust::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestProfileTrust::pinnedCertificateShownAndForgotten()
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

void TestProfileTrust::testConnectionTrustsCertificate_data()
{
    QTest::addColumn<QString>("providerId");
    QTest::newRow("plivo") << u"plivo"_s;
    QTest::newRow("portsip") << u"portsip"_s;
}

void TestProfileTrust::testConnectionTrustsCertificate()
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

void TestProfileTrust::testConnectionTrustCancelled()
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

void TestProfileTrust::testConnectionAsksForOneTimeCode()
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
    TestProfileTrust test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_profiletrust.moc"
