#pragma once

#include <QString>

#include <functional>

class QWidget;

// Asks for the one-time code of an account that signs in with two factors.
// Window-modal and non-blocking: `answer` gets the code, or an empty string when
// the user cancels (which abandons the sign-in).
void askForOneTimeCode(QWidget *parent, const std::function<void(const QString &code)> &answer);
