#pragma once

#include <QByteArray>
#include <QFile>
#include <QSettings>
#include <QString>
#include <QTemporaryDir>
#include <QtGlobal>

#include <memory>

namespace profiletest {

// Makes every D-Bus client fail as on a machine without a session bus, the way
// QtKeychain fails there ("Cannot autolaunch D-Bus without X11 $DISPLAY").
// Must run before anything opens a D-Bus connection, so before the application
// object: libdbus and GDBus also look for $XDG_RUNTIME_DIR/bus.
inline void cutOffDBus(const QTemporaryDir &emptyRuntimeDir)
{
    qunsetenv("DBUS_SESSION_BUS_ADDRESS");
    qunsetenv("DISPLAY");
    qunsetenv("WAYLAND_DISPLAY");
    qputenv("XDG_RUNTIME_DIR", QFile::encodeName(emptyRuntimeDir.path()));
}

// A settings file of its own in a temporary directory.
struct TempSettings {
    QTemporaryDir dir;
    std::unique_ptr<QSettings> settings
        = std::make_unique<QSettings>(dir.filePath(QStringLiteral("cdr-browser.ini")), QSettings::IniFormat);

    QByteArray fileBytes() const
    {
        settings->sync();
        QFile file(settings->fileName());
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return file.readAll();
    }
};

} // namespace profiletest
