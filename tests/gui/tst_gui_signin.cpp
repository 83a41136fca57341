// The main window signing in the way a user meets it: a one-time code asked for
// by PortSIP's two-factor sign-in, and a self-signed certificate offered for trust,
// against the real simulator over loopback (plain HTTP and HTTPS).
#include "cdrtablemodel.h"
#include "certificatetrustdialog.h"
#include "mainwindow.h"
#include "profile.h"
#include "searchstatusbar.h"
#include "secretstore.h"
#include "simulator.h"

#include <QApplication>
#include <QCheckBox>
#include <QCryptographicHash>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyle>
#include <QStyleOptionButton>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;

namespace {

constexpr int kWaitMs = 15000;
const QString storedProfileId = u"gui-signin-stored"_s;

// The visible top-level window of that type (and name), wherever Qt parented it.
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

QInputDialog *oneTimeCodeDialog()
{
    return shownWindow<QInputDialog>(u"oneTimeCodeDialog"_s);
}

QByteArray sha256Hex(const QSslCertificate &certificate)
{
    return certificate.digest(QCryptographicHash::Sha256).toHex();
}

QString labelText(const QWidget &parent, const QString &objectName)
{
    const auto *label = parent.findChild<QLabel *>(objectName);
    return label ? label->text() : u"<no label %1>"_s.arg(objectName);
}

// A fingerprint label shows two rows of sixteen bytes; read back as one line.
QString fingerprintShown(const QWidget &dialog, const QString &objectName)
{
    return labelText(dialog, objectName).replace(u'\n', u':');
}

// Everything the status bar shows, so a test can say what is never in it.
QString statusBarText(const QMainWindow &window)
{
    QStringList texts;
    const QList<QLabel *> labels = window.statusBar()->findChildren<QLabel *>();
    for (const QLabel *label : labels)
        texts << label->text();
    return texts.join(u'\n');
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

class TestGuiSignIn final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void oneTimeCodeLetsRowsIn();
    void cancelledOneTimeCodeFailsTheSearch();
    void trustingCertificateRerunsSearch_data();
    void trustingCertificateRerunsSearch();
    void cancellingTrustPinsNothing();
    void changedCertificateNeedsConfirmation();

private:
    bool startSimulator(std::optional<int> tlsVariant);
    void openWindow();
    void storeProfile(const QString &providerId, const QByteArray &pin);
    void addTwoFactorSessionProfile();
    void answerOneTimeCode(const QString &code);
    void pressSearchKey();

    QTemporaryDir m_dir;
    std::unique_ptr<cdrsim::Simulator> m_simulator;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<MainWindow> m_window;
};

void TestGuiSignIn::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void TestGuiSignIn::init()
{
    const QString file = m_dir.filePath(u"settings-%1.ini"_s.arg(QString::fromLatin1(QTest::currentTestFunction())));
    QFile::remove(file);
    m_settings = std::make_unique<QSettings>(file, QSettings::IniFormat);
    m_secrets = std::make_unique<SecretStore>(*m_settings);
    m_secrets->setServiceName(u"CDR Browser sign-in tests"_s);
    // A fresh manager per test: a TLS connection kept open by an earlier test must not skip a handshake.
    m_network = std::make_unique<QNetworkAccessManager>();
}

void TestGuiSignIn::cleanup()
{
    m_window.reset();
    m_secrets.reset();
    m_settings.reset();
    m_network.reset();
    m_simulator.reset();
}

bool TestGuiSignIn::startSimulator(std::optional<int> tlsVariant)
{
    m_simulator = std::make_unique<cdrsim::Simulator>();
    m_simulator->setPlivoCallCount(300);
    m_simulator->setPortsipCallCount(300);
    if (tlsVariant) {
        m_simulator->setTls(
            cdrsim::Simulator::selfSignedCertificate(*tlsVariant), cdrsim::Simulator::selfSignedKey(*tlsVariant));
    }
    return m_simulator->listen(0);
}

void TestGuiSignIn::openWindow()
{
    m_window = std::make_unique<MainWindow>(*m_settings, *m_secrets, *m_network);
    m_window->resize(1280, 760);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
}

// A saved profile whose secret is known for this session (no keychain in these tests).
void TestGuiSignIn::storeProfile(const QString &providerId, const QByteArray &pin)
{
    Profile profile;
    profile.id = storedProfileId;
    profile.providerId = providerId;
    profile.baseUrl = m_simulator->baseUrl();
    profile.pinnedCertificateSha256 = pin;
    QString secret;
    if (providerId == "portsip"_L1) {
        const cdrsim::PortsipAccount account = cdrsim::Simulator::portsipDemoAccount();
        profile.name = u"Self-hosted PBX"_s;
        profile.user = account.username;
        profile.options.insert(u"domain"_s, account.domain);
        secret = account.password;
    } else {
        profile.name = u"Plivo behind a proxy"_s;
        profile.user = cdrsim::Simulator::demoAccount().authId;
        secret = cdrsim::Simulator::demoAccount().authToken;
    }
    ProfileStore(*m_settings).save(profile);
    m_secrets->remember(profile.id, secret);
}

void TestGuiSignIn::addTwoFactorSessionProfile()
{
    const cdrsim::PortsipAccount account = cdrsim::Simulator::portsipTwoFactorAccount();
    Profile profile;
    profile.id = u"gui-signin-two-factor"_s;
    profile.name = u"PBX auditor (two factors)"_s;
    profile.providerId = u"portsip"_s;
    profile.baseUrl = m_simulator->baseUrl();
    profile.user = account.username;
    profile.options.insert(u"domain"_s, account.domain);
    m_window->addSessionProfile(profile, account.password);
    QCOMPARE(m_window->currentProfile().value_or(Profile{}).id, profile.id);
}

// F5 in the window, as a user presses it once any dialog has closed.
void TestGuiSignIn::pressSearchKey()
{
    // A window manager hands the activation back to the window when a dialog closes;
    // the offscreen platform leaves no window active, and F5 is a window shortcut.
    if (QApplication::activeWindow() != m_window.get()) {
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    }
    QTest::keyClick(m_window.get(), Qt::Key_F5);
}

// Types `code` into the open one-time code dialog and presses its button (OK, or Cancel when empty).
void TestGuiSignIn::answerOneTimeCode(const QString &code)
{
    QInputDialog *dialog = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((dialog = oneTimeCodeDialog()), kWaitMs);
    QVERIFY2(dialog->labelText().contains(u"one-time code"_s), qPrintable(dialog->labelText()));
    QVERIFY(dialog->isModal());
    auto *edit = dialog->findChild<QLineEdit *>();
    auto *buttons = dialog->findChild<QDialogButtonBox *>();
    QVERIFY(edit && buttons);
    QTest::keyClicks(edit, code);
    QPushButton *button = buttons->button(code.isEmpty() ? QDialogButtonBox::Cancel : QDialogButtonBox::Ok);
    QVERIFY(button);
    QTest::mouseClick(button, Qt::LeftButton);
    QTRY_VERIFY(!oneTimeCodeDialog());
}

void TestGuiSignIn::oneTimeCodeLetsRowsIn()
{
    QVERIFY(startSimulator(std::nullopt));
    openWindow();
    addTwoFactorSessionProfile();
    CdrTableModel *model = m_window->model();
    const int signInsBefore = m_simulator->portsipSignInCount();
    QSignalSpy started(m_window.get(), &MainWindow::searchStarted);

    pressSearchKey();
    QTRY_VERIFY_WITH_TIMEOUT(oneTimeCodeDialog(), kWaitMs);
    saveScreenshot(*oneTimeCodeDialog(), u"onetimecodedialog.png"_s);
    // The password was accepted; nothing is fetched until the code is in.
    QCOMPARE(m_simulator->portsipSignInCount(), signInsBefore + 1);
    QCOMPARE(model->rowCount(), 0);
    answerOneTimeCode(cdrsim::Simulator::portsipOtpCode());
    if (QTest::currentTestFailed())
        return;
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > 0 && !model->isLoading(), kWaitMs);
    QVERIFY2(m_window->searchStatus()->errorText().isEmpty(), qPrintable(m_window->searchStatus()->errorText()));

    // The same profile again: the token from the first sign-in serves, nobody is asked.
    const int signInsAfterFirst = m_simulator->portsipSignInCount();
    const int refreshesAfterFirst = m_simulator->portsipRefreshCount();
    const int requestsAfterFirst = m_simulator->requestCount();
    pressSearchKey();
    QCOMPARE(started.count(), 2);
    QTRY_VERIFY_WITH_TIMEOUT(m_simulator->requestCount() > requestsAfterFirst, kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > 0 && !model->isLoading(), kWaitMs);
    QVERIFY(!oneTimeCodeDialog());
    QCOMPARE(m_simulator->portsipSignInCount(), signInsAfterFirst);
    QCOMPARE(m_simulator->portsipRefreshCount(), refreshesAfterFirst);
    QVERIFY(m_window->searchStatus()->errorText().isEmpty());
}

void TestGuiSignIn::cancelledOneTimeCodeFailsTheSearch()
{
    QVERIFY(startSimulator(std::nullopt));
    openWindow();
    addTwoFactorSessionProfile();
    CdrTableModel *model = m_window->model();
    SearchStatusBar *status = m_window->searchStatus();

    pressSearchKey();
    answerOneTimeCode(QString()); // Cancel
    if (QTest::currentTestFailed())
        return;
    QTRY_VERIFY_WITH_TIMEOUT(!status->errorText().isEmpty(), kWaitMs);
    QTRY_VERIFY(!model->isLoading());
    QCOMPARE(model->rowCount(), 0);
    const QString message = status->errorText();
    QVERIFY2(message.contains(u"sign-in"_s, Qt::CaseInsensitive), qPrintable(message));
    const QString shown = statusBarText(*m_window);
    QVERIFY2(!shown.contains(cdrsim::Simulator::portsipTwoFactorAccount().password), "the password is never shown");
    QVERIFY(!shown.contains(cdrsim::Simulator::portsipOtpCode()));

    // Searching again asks again, and with the code the rows come.
    pressSearchKey();
    answerOneTimeCode(cdrsim::Simulator::portsipOtpCode());
    if (QTest::currentTestFailed())
        return;
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > 0 && !model->isLoading(), kWaitMs);
    QVERIFY(status->errorText().isEmpty());
}

void TestGuiSignIn::trustingCertificateRerunsSearch_data()
{
    // Plivo fails on its first page; PortSIP already on its sign-in request.
    QTest::addColumn<QString>("providerId");
    QTest::newRow("plivo") << u"plivo"_s;
    QTest::newRow("portsip") << u"portsip"_s;
}

void TestGuiSignIn::trustingCertificateRerunsSearch()
{
    QFETCH(QString, providerId);
    QVERIFY(startSimulator(0));
    QCOMPARE(m_simulator->baseUrl().scheme(), u"https"_s);
    storeProfile(providerId, {});
    openWindow();
    CdrTableModel *model = m_window->model();
    const QByteArray expected = sha256Hex(cdrsim::Simulator::selfSignedCertificate(0));
    QSignalSpy started(m_window.get(), &MainWindow::searchStarted);

    pressSearchKey();
    CertificateTrustDialog *dialog = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((dialog = shownWindow<CertificateTrustDialog>()), kWaitMs);
    QCOMPARE(dialog->mode(), CertificateTrustDialog::Mode::FirstUse);
    QCOMPARE(dialog->certificate().sha256, expected);
    QCOMPARE(fingerprintShown(*dialog, u"fingerprint"_s), CertificateInfo::formatFingerprint(expected));
    QVERIFY(labelText(*dialog, u"subject"_s).contains(u"127.0.0.1"_s));
    QCOMPARE(m_simulator->requestCount(), 0); // nothing, the secret least of all, crossed the untrusted line
    QCOMPARE(model->rowCount(), 0);
    QVERIFY(ProfileStore(*m_settings).find(storedProfileId)->pinnedCertificateSha256.isEmpty());
    saveScreenshot(*dialog, u"certificatetrustdialog-%1.png"_s.arg(providerId));

    auto *trust = dialog->findChild<QPushButton *>(u"trustButton"_s);
    QVERIFY(trust && trust->isEnabled());
    QTest::mouseClick(trust, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > 0 && !model->isLoading(), kWaitMs);
    QCOMPARE(started.count(), 2); // the same search, run again by itself
    QVERIFY(m_window->searchStatus()->errorText().isEmpty());
    QCOMPARE(ProfileStore(*m_settings).find(storedProfileId)->pinnedCertificateSha256, expected);
    QCOMPARE(m_window->currentProfile().value_or(Profile{}).pinnedCertificateSha256, expected);
    QVERIFY(!shownWindow<CertificateTrustDialog>());
}

void TestGuiSignIn::cancellingTrustPinsNothing()
{
    QVERIFY(startSimulator(0));
    storeProfile(u"plivo"_s, {});
    openWindow();
    CdrTableModel *model = m_window->model();
    QSignalSpy started(m_window.get(), &MainWindow::searchStarted);

    pressSearchKey();
    CertificateTrustDialog *dialog = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((dialog = shownWindow<CertificateTrustDialog>()), kWaitMs);
    auto *cancel = dialog->findChild<QPushButton *>(u"cancelButton"_s);
    QVERIFY(cancel);
    QVERIFY(cancel->isDefault()); // Enter never trusts by accident
    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_VERIFY(!shownWindow<CertificateTrustDialog>());

    QVERIFY(!model->isLoading());
    QCOMPARE(model->rowCount(), 0);
    QCOMPARE(started.count(), 1); // not run again
    QCOMPARE(m_simulator->requestCount(), 0);
    const QString message = m_window->searchStatus()->errorText();
    QVERIFY2(message.contains(u"certificate"_s), qPrintable(message));
    QVERIFY(!statusBarText(*m_window).contains(cdrsim::Simulator::demoAccount().authToken));
    QVERIFY(ProfileStore(*m_settings).find(storedProfileId)->pinnedCertificateSha256.isEmpty());
    QVERIFY(!m_settings->contains(ProfileStore::settingsGroup(storedProfileId) + u"/pinnedCertificateSha256"_s));
}

void TestGuiSignIn::changedCertificateNeedsConfirmation()
{
    // Variant 1 was trusted; the server now presents variant 0.
    QVERIFY(startSimulator(0));
    const QByteArray trusted = sha256Hex(cdrsim::Simulator::selfSignedCertificate(1));
    const QByteArray presented = sha256Hex(cdrsim::Simulator::selfSignedCertificate(0));
    QVERIFY(trusted != presented);
    storeProfile(u"plivo"_s, trusted);
    openWindow();
    CdrTableModel *model = m_window->model();

    pressSearchKey();
    CertificateTrustDialog *dialog = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((dialog = shownWindow<CertificateTrustDialog>()), kWaitMs);
    QCOMPARE(dialog->mode(), CertificateTrustDialog::Mode::Changed);
    QCOMPARE(dialog->certificate().sha256, presented);
    QCOMPARE(dialog->certificate().pinnedSha256, trusted);
    QCOMPARE(fingerprintShown(*dialog, u"pinnedFingerprint"_s), CertificateInfo::formatFingerprint(trusted));
    QCOMPARE(m_simulator->requestCount(), 0);
    saveScreenshot(*dialog, u"certificatetrustdialog-changed.png"_s);

    // Replacing takes a deliberate second step.
    auto *replace = dialog->findChild<QPushButton *>(u"trustButton"_s);
    auto *confirm = dialog->findChild<QCheckBox *>(u"confirmCheck"_s);
    QVERIFY(replace && confirm);
    QVERIFY(!replace->isEnabled());
    QTest::mouseClick(replace, Qt::LeftButton);
    QVERIFY(dialog->isVisible());
    QCOMPARE(ProfileStore(*m_settings).find(storedProfileId)->pinnedCertificateSha256, trusted);

    QStyleOptionButton option;
    option.initFrom(confirm);
    QTest::mouseClick(confirm, Qt::LeftButton, {},
        confirm->style()->subElementRect(QStyle::SE_CheckBoxIndicator, &option, confirm).center());
    QVERIFY(confirm->isChecked());
    QVERIFY(replace->isEnabled());
    QTest::mouseClick(replace, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > 0 && !model->isLoading(), kWaitMs);
    QCOMPARE(ProfileStore(*m_settings).find(storedProfileId)->pinnedCertificateSha256, presented);
}

QTEST_MAIN(TestGuiSignIn)

#include "tst_gui_signin.moc"
