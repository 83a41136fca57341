#pragma once

#include <QWidget>

// What the window shows before any profile exists: what the app is for, and
// the two ways to begin.
class WelcomePage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WelcomePage)
public:
    explicit WelcomePage(QWidget *parent = nullptr);

signals:
    void addProfileRequested();
    void demoRequested();
};
