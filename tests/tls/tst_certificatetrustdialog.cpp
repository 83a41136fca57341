// The certificate trust dialog, offscreen: what it shows and what each choice reports.
#include "certificatetrustdialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <optional>

using namespace Qt::StringLiterals;

namespace {

const QByteArray fingerprint0 = "6c3fb897800a0f23e7b3e2ca2b3ed77cc1c7ea6addd1d073bc08ee334f79434d";
const QByteArray fingerprint1 = "43e4fb29f96f39e52175714f1157104cbbbc48f262a6418b00aa02604a6f6fcc";

CertificateInfo sampleInfo()
{
    CertificateInfo info;
    info.subject = u"CN=pbx.example.com, O=Example <b>Telecom</b>"_s;
    info.issuer = u"CN=pbx.example.com, O=Example <b>Telecom</b>"_s;
    info.sha256 = fingerprint0;
    info.pem = "-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n";
    info.problems = {u"The certificate is self-signed, and untrusted"_s};
    return info;
}

QString labelText(const QWidget &dialog, const QString &name)
{
    const auto *label = dialog.findChild<QLabel *>(name);
    return label ? label->text() : u"<missing>"_s;
}

} // namespace

class TestCertificateTrustDialog final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void firstUseShowsCertificate();
    void firstUseChoices_data();
    void firstUseChoices();
    void changedCertificateNeedsConfirmation();
    void changedCertificateCancel();
    void untrustableOffersOnlyClose();
    void formatFingerprint_data();
    void formatFingerprint();

private:
    QWidget m_parent;
};

void TestCertificateTrustDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_parent.show();
}

void TestCertificateTrustDialog::firstUseShowsCertificate()
{
    CertificateTrustDialog dialog(sampleInfo(), &m_parent);
    QCOMPARE(dialog.mode(), CertificateTrustDialog::Mode::FirstUse);
    QCOMPARE(labelText(dialog, u"subject"_s), sampleInfo().subject);
    QCOMPARE(labelText(dialog, u"issuer"_s), sampleInfo().issuer);
    // Two rows of sixteen bytes, uppercase, colon separated.
    QCOMPARE(labelText(dialog, u"fingerprint"_s),
        u"6C:3F:B8:97:80:0A:0F:23:E7:B3:E2:CA:2B:3E:D7:7C\nC1:C7:EA:6A:DD:D1:D0:73:BC:08:EE:33:4F:79:43:4D"_s);
    QVERIFY(labelText(dialog, u"problems"_s).contains(u"self-signed, and untrusted"_s));
    QVERIFY(!dialog.findChild<QLabel *>(u"pinnedFingerprint"_s));
    QVERIFY(!dialog.findChild<QCheckBox *>(u"confirmCheck"_s));

    const auto *fingerprint = dialog.findChild<QLabel *>(u"fingerprint"_s);
    QVERIFY(fingerprint->textInteractionFlags() & Qt::TextSelectableByMouse);
    QCOMPARE(fingerprint->textFormat(), Qt::PlainText); // server-chosen text is never rendered as markup
    QCOMPARE(dialog.findChild<QLabel *>(u"subject"_s)->textFormat(), Qt::PlainText);

    auto *trust = dialog.findChild<QPushButton *>(u"trustButton"_s);
    auto *cancel = dialog.findChild<QPushButton *>(u"cancelButton"_s);
    QVERIFY(trust && cancel);
    QCOMPARE(trust->text(), u"&Trust this certificate"_s);
    QVERIFY(trust->isEnabled());
    QVERIFY(cancel->isDefault()); // Enter never trusts by accident
    QVERIFY(!trust->isDefault());
    QVERIFY(labelText(dialog, u"explanation"_s).contains(u"fingerprint"_s));
    QVERIFY(!dialog.grab().isNull());
}

void TestCertificateTrustDialog::firstUseChoices_data()
{
    QTest::addColumn<QString>("button");
    QTest::addColumn<bool>("trusted");
    QTest::newRow("trust") << u"trustButton"_s << true;
    QTest::newRow("cancel") << u"cancelButton"_s << false;
}

void TestCertificateTrustDialog::firstUseChoices()
{
    QFETCH(QString, button);
    QFETCH(bool, trusted);
    std::optional<bool> answer;
    int calls = 0;
    QPointer<CertificateTrustDialog> dialog = CertificateTrustDialog::ask(&m_parent, sampleInfo(), [&](bool value) {
        answer = value;
        ++calls;
    });
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible()); // open(), so ask() returned at once
    QCOMPARE(dialog->windowModality(), Qt::WindowModal);
    QVERIFY(!answer);

    QTest::mouseClick(dialog->findChild<QPushButton *>(button), Qt::LeftButton);
    QCOMPARE(answer, std::optional<bool>(trusted));
    QCOMPARE(calls, 1);
    QTRY_VERIFY(!dialog); // deletes itself
    QCOMPARE(calls, 1);
}

void TestCertificateTrustDialog::changedCertificateNeedsConfirmation()
{
    CertificateInfo info = sampleInfo();
    info.pinnedSha256 = fingerprint1;
    std::optional<bool> answer;
    QPointer<CertificateTrustDialog> dialog
        = CertificateTrustDialog::ask(&m_parent, info, [&answer](bool value) { answer = value; });
    QCOMPARE(dialog->mode(), CertificateTrustDialog::Mode::Changed);
    QVERIFY(labelText(*dialog, u"fingerprint"_s).startsWith(u"6C:3F:B8"_s));
    QVERIFY(labelText(*dialog, u"pinnedFingerprint"_s).startsWith(u"43:E4:FB"_s));
    QVERIFY(labelText(*dialog, u"headline"_s).contains(u"changed"_s));

    auto *replace = dialog->findChild<QPushButton *>(u"trustButton"_s);
    auto *confirm = dialog->findChild<QCheckBox *>(u"confirmCheck"_s);
    QVERIFY(replace && confirm);
    QCOMPARE(replace->text(), u"&Replace the trusted certificate"_s);
    QVERIFY(!confirm->isChecked());
    QVERIFY(!replace->isEnabled());

    // Neither a click on the disabled button nor a programmatic accept() trusts it.
    QTest::mouseClick(replace, Qt::LeftButton);
    dialog->accept();
    QVERIFY(dialog->isVisible());
    QVERIFY(!answer);

    confirm->setChecked(true);
    QVERIFY(replace->isEnabled());
    QTest::mouseClick(replace, Qt::LeftButton);
    QCOMPARE(answer, std::optional<bool>(true));
    QTRY_VERIFY(!dialog);
}

void TestCertificateTrustDialog::changedCertificateCancel()
{
    CertificateInfo info = sampleInfo();
    info.pinnedSha256 = fingerprint1;
    std::optional<bool> answer;
    QPointer<CertificateTrustDialog> dialog
        = CertificateTrustDialog::ask(&m_parent, info, [&answer](bool value) { answer = value; });
    dialog->findChild<QCheckBox *>(u"confirmCheck"_s)->setChecked(true);
    QTest::keyClick(dialog, Qt::Key_Escape);
    QCOMPARE(answer, std::optional<bool>(false));
    QTRY_VERIFY(!dialog);
}

void TestCertificateTrustDialog::untrustableOffersOnlyClose()
{
    CertificateInfo info = sampleInfo();
    info.problems = {u"The certificate has expired"_s};
    info.pinnable = false;
    std::optional<bool> answer;
    QPointer<CertificateTrustDialog> dialog
        = CertificateTrustDialog::ask(&m_parent, info, [&answer](bool value) { answer = value; });
    QCOMPARE(dialog->mode(), CertificateTrustDialog::Mode::Untrustable);
    QVERIFY(!dialog->findChild<QPushButton *>(u"trustButton"_s));
    QVERIFY(labelText(*dialog, u"problems"_s).contains(u"expired"_s));
    dialog->accept();
    QVERIFY(!answer);
    QTest::mouseClick(dialog->findChild<QPushButton *>(u"cancelButton"_s), Qt::LeftButton);
    QCOMPARE(answer, std::optional<bool>(false));
    QTRY_VERIFY(!dialog);
}

void TestCertificateTrustDialog::formatFingerprint_data()
{
    QTest::addColumn<QByteArray>("hex");
    QTest::addColumn<QString>("grouped");
    QTest::newRow("empty") << QByteArray() << QString();
    QTest::newRow("one byte") << QByteArray("0a") << u"0A"_s;
    QTest::newRow("three bytes") << QByteArray("a1b2c3") << u"A1:B2:C3"_s;
}

void TestCertificateTrustDialog::formatFingerprint()
{
    QFETCH(QByteArray, hex);
    QFETCH(QString, grouped);
    QCOMPARE(CertificateInfo::formatFingerprint(hex), grouped);
}

QTEST_MAIN(TestCertificateTrustDialog)
#include "tst_certificatetrustdialog.moc"
