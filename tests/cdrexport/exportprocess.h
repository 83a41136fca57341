#pragma once

// Runs the built cdr-export binary (CDR_EXPORT_PATH, set by CMake) the way the
// tests in this folder need it: with a chosen environment, to its end, its
// exit code and both output streams kept.

#include <QByteArray>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSignalSpy>
#include <QString>
#include <QStringList>

#include <initializer_list>
#include <utility>

namespace cdrexporttest {

struct RunResult {
    int exitCode = -1; // -1: it crashed or did not end in time
    QByteArray out;
    QByteArray err;
};

// This process's environment with `variables` set; a null value removes the variable.
inline QProcessEnvironment exportEnvironment(std::initializer_list<std::pair<QString, QString>> variables)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const auto &[name, value] : variables) {
        environment.remove(name);
        if (!value.isNull())
            environment.insert(name, value);
    }
    return environment;
}

inline RunResult runExport(const QStringList &arguments, const QProcessEnvironment &environment, int timeoutMs = 120000)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(QStringLiteral(CDR_EXPORT_PATH), arguments);
    // The simulator answers on this thread: waiting on the spy keeps it serving.
    if (!finished.wait(timeoutMs)) {
        process.kill();
        finished.wait(5000);
        return {};
    }
    RunResult result;
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

} // namespace cdrexporttest
