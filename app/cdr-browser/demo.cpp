#include "demo.h"

#include "simulator.h"

using namespace Qt::StringLiterals;

Demo::Demo(QObject *parent)
    : QObject(parent)
{
    m_thread.setObjectName(u"demo-simulator"_s);
}

Demo::~Demo()
{
    if (m_thread.isRunning()) {
        m_thread.quit();
        m_thread.wait();   // at exit only: the simulator must not outlive its thread
    }
}

void Demo::start()
{
    if (isRunning()) {
        emit ready(m_baseUrl);
        return;
    }
    if (m_starting)
        return;
    m_starting = true;
    // The simulator answers on its own thread, so a busy window never slows it down.
    m_simulator = new cdrsim::Simulator;
    m_simulator->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_simulator, &QObject::deleteLater);
    m_thread.start();

    cdrsim::Simulator *simulator = m_simulator;
    QMetaObject::invokeMethod(
        simulator,
        [this, simulator] {
            const bool listening = simulator->listen(0);
            const QUrl url = listening ? simulator->baseUrl() : QUrl();
            // Back to the GUI thread with the answer; nothing waits for it. Were the
            // Demo gone by then, Qt drops the event with it.
            QMetaObject::invokeMethod(this, [this, url] { listened(url); }, Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void Demo::listened(const QUrl &baseUrl)
{
    m_starting = false;
    if (!baseUrl.isValid()) {
        emit failed(tr("The demo server could not start on this computer."));
        return;
    }
    m_baseUrl = baseUrl;
    emit ready(baseUrl);
}

Profile Demo::profile(const QUrl &baseUrl)
{
    Profile demo;
    demo.id = u"demo-simulated-plivo"_s;
    demo.name = tr("Demo (simulated Plivo)");
    demo.providerId = u"plivo"_s;
    demo.baseUrl = baseUrl;
    demo.user = cdrsim::Simulator::demoAccount().authId;
    return demo;
}

QString Demo::secret()
{
    return cdrsim::Simulator::demoAccount().authToken;
}

Profile Demo::enswitchProfile(const QUrl &baseUrl)
{
    Profile demo;
    demo.id = u"demo-simulated-enswitch"_s;
    demo.name = tr("Demo (simulated Enswitch)");
    demo.providerId = u"enswitch"_s;
    demo.baseUrl = baseUrl;
    demo.user = cdrsim::Simulator::enswitchDemoAccount().username;
    return demo;
}

QString Demo::enswitchSecret()
{
    return cdrsim::Simulator::enswitchDemoAccount().password;
}

Profile Demo::portsipProfile(const QUrl &baseUrl)
{
    const cdrsim::PortsipAccount account = cdrsim::Simulator::portsipDemoAccount();
    Profile demo;
    demo.id = u"demo-simulated-portsip"_s;
    demo.name = tr("Demo (simulated PortSIP)");
    demo.providerId = u"portsip"_s;
    demo.baseUrl = baseUrl;
    demo.user = account.username;
    demo.options.insert(u"domain"_s, account.domain);
    return demo;
}

QString Demo::portsipSecret()
{
    return cdrsim::Simulator::portsipDemoAccount().password;
}
