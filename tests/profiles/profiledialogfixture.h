#pragma once

// What the profile-dialog tests share: finding the shown dialogs, filling the
// editor, and screenshots.
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


namespace profiletest {

using namespace Qt::StringLiterals;


inline constexpr int kWaitMs = 15000;

// A visible top-level window of that type (and name), wherever Qt parented it.
template <typename T> inline T *shownWindow(const QString &objectName = {})
{
    const QWidgetList windows = QApplication::topLevelWidgets();
    for (QWidget *window : windows) {
        auto *typed = qobject_cast<T *>(window);
        if (typed && typed->isVisible() && (objectName.isEmpty() || typed->objectName() == objectName))
            return typed;
    }
    return nullptr;
}

inline QByteArray sha256Hex(const QSslCertificate &certificate)
{
    return certificate.digest(QCryptographicHash::Sha256).toHex();
}

// Clicks the box itself: a checkbox in a stretched grid column is wider than its
// text, and a click in the empty part of it does nothing, for a user as for a test.
inline void clickCheckBox(QCheckBox *box)
{
    QStyleOptionButton option;
    option.initFrom(box);
    const QRect indicator = box->style()->subElementRect(QStyle::SE_CheckBoxIndicator, &option, box);
    QTest::mouseClick(box, Qt::LeftButton, {}, indicator.center());
}

// The option fields the editor shows now, by key.
inline QStringList shownOptionKeys(const QWidget &dialog)
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
inline void fillPortsip(const DialogFixture &f, const QUrl &baseUrl, const cdrsim::PortsipAccount &account)
{
    f.chooseProvider(u"portsip"_s);
    f.fillCommon(u"Office PBX"_s, baseUrl.toString(), account.username, account.password);
    f.type(u"option_domain"_s, account.domain);
}

inline void saveScreenshot(QWidget &widget, const QString &fileName)
{
    const QPixmap shot = widget.grab();
    QVERIFY(!shot.isNull());
    // Set CDR_SCREENSHOT_DIR to keep the picture (docs, review).
    if (const QString dir = qEnvironmentVariable("CDR_SCREENSHOT_DIR"); !dir.isEmpty()) {
        QVERIFY(QDir().mkpath(dir));
        QVERIFY(shot.save(QDir(dir).filePath(fileName)));
    }
}


} // namespace profiletest
