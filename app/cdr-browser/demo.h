#pragma once

#include "profile.h"

#include <QObject>
#include <QThread>
#include <QUrl>

namespace cdrsim {
class Simulator;
}

// The demo: the providers' simulator on its own thread on a free loopback port, and
// a profile per provider that lives in memory only.
class Demo final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Demo)
public:
    explicit Demo(QObject *parent = nullptr);
    ~Demo() override;

    void start();                   // answers with ready() or failed(); once running, ready() again at once
    bool isRunning() const { return m_baseUrl.isValid(); }

    static Profile profile(const QUrl &baseUrl);   // "Demo (simulated Plivo)"
    static QString secret();                       // the simulator's demo token
    static Profile enswitchProfile(const QUrl &baseUrl);   // "Demo (simulated Enswitch)"
    static QString enswitchSecret();                       // the simulator's Enswitch demo password
    static Profile portsipProfile(const QUrl &baseUrl);    // "Demo (simulated PortSIP)"
    static QString portsipSecret();                        // the simulator's PortSIP demo password

signals:
    void ready(const QUrl &baseUrl);
    void failed(const QString &errorText);

private:
    void listened(const QUrl &baseUrl);   // on the GUI thread; invalid when listen() failed

    QThread m_thread;
    cdrsim::Simulator *m_simulator = nullptr;   // lives on m_thread
    QUrl m_baseUrl;
    bool m_starting = false;
};
