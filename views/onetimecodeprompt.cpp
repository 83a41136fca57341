#include "onetimecodeprompt.h"

#include <QCoreApplication>
#include <QInputDialog>
#include <QLineEdit>

using namespace Qt::StringLiterals;

void askForOneTimeCode(QWidget *parent, const std::function<void(const QString &code)> &answer)
{
    auto *dialog = new QInputDialog(parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(u"oneTimeCodeDialog"_s);
    dialog->setWindowTitle(QCoreApplication::translate("OneTimeCodePrompt", "One-time code"));
    dialog->setLabelText(QCoreApplication::translate("OneTimeCodePrompt",
        "This account signs in with two factors. Enter the one-time code from your authenticator app:"));
    dialog->setInputMode(QInputDialog::TextInput);
    dialog->setTextEchoMode(QLineEdit::Normal);
    dialog->setInputMethodHints(Qt::ImhDigitsOnly);
    // Exactly one answer, whichever way the dialog closes.
    auto answered = std::make_shared<bool>(false);
    QObject::connect(dialog, &QInputDialog::textValueSelected, dialog, [answer, answered](const QString &code) {
        if (std::exchange(*answered, true))
            return;
        answer(code.trimmed());
    });
    QObject::connect(dialog, &QDialog::rejected, dialog, [answer, answered] {
        if (std::exchange(*answered, true))
            return;
        answer(QString());
    });
    dialog->open();
}
