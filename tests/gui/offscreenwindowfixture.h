#pragma once

// The main window as the user meets it, offscreen, over real HTTP to the
// in-process simulator: one Plivo profile with its secret remembered, and a
// settings file of each test function's own. A base of the test classes.

#include "mainwindow.h"
#include "profile.h"
#include "secretstore.h"
#include "simulator.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>

class OffscreenWindowFixture {
protected:
    // For initTestCase(): test-mode paths and a simulator listening on loopback.
    bool startSimulator(const std::function<void(cdrsim::Simulator &)> &configure = {})
    {
        QStandardPaths::setTestModeEnabled(true);
        if (!m_dir.isValid())
            return false;
        m_simulator = std::make_unique<cdrsim::Simulator>();
        if (configure)
            configure(*m_simulator);
        if (!m_simulator->listen(0))
            return false;
        m_network = std::make_unique<QNetworkAccessManager>();
        return true;
    }

    // For init(): fresh settings holding the simulator's Plivo profile, its secret known for the session.
    void saveProfile(const QString &profileId)
    {
        using namespace Qt::StringLiterals;
        const QString file
            = m_dir.filePath(u"settings-%1.ini"_s.arg(QString::fromLatin1(QTest::currentTestFunction())));
        QFile::remove(file);
        m_settings = std::make_unique<QSettings>(file, QSettings::IniFormat);
        m_secrets = std::make_unique<SecretStore>(*m_settings);
        m_secrets->setServiceName(u"CDR Browser tests"_s);
        Profile profile;
        profile.id = profileId;
        profile.name = u"Simulated Plivo"_s;
        profile.providerId = u"plivo"_s;
        profile.baseUrl = m_simulator->baseUrl();
        profile.user = cdrsim::Simulator::demoAccount().authId;
        ProfileStore(*m_settings).save(profile);
        m_secrets->remember(profileId, cdrsim::Simulator::demoAccount().authToken);
    }

    // A new window on those settings, shown; false when it was never exposed.
    bool showWindow()
    {
        m_window = std::make_unique<MainWindow>(*m_settings, *m_secrets, *m_network);
        m_window->resize(1400, 800);
        m_window->show();
        return QTest::qWaitForWindowExposed(m_window.get());
    }

    // For cleanup(): the window first, then what it used.
    void closeWindow()
    {
        m_window.reset();
        m_secrets.reset();
        m_settings.reset();
    }

    QTemporaryDir m_dir;
    std::unique_ptr<cdrsim::Simulator> m_simulator;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<MainWindow> m_window;
};
