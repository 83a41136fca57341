#pragma once

// What the cdr-export tests against the Plivo simulator share: a simulator whose
// "now" is the real clock on a whole second (cdr-export reads the real clock, and
// checks Plivo's 90 days against it), the calls it serves worked out here too,
// the arguments every run starts with, and small readers of what came out.

#include "csvreader.h"
#include "exportprocess.h"
#include "plivodata.h"
#include "simulator.h"

#include <QDateTime>
#include <QFile>
#include <QObject>
#include <QStandardPaths>
#include <QTest>
#include <QTimeZone>

#include <chrono>
#include <functional>
#include <memory>

namespace cdrexporttest {

using namespace Qt::StringLiterals;

using CallFilter = std::function<bool(const cdrsim::PlivoCall &)>;

inline QString isoZ(qint64 secs)
{
    return QDateTime::fromSecsSinceEpoch(secs, QTimeZone::utc()).toString(u"yyyy-MM-ddTHH:mm:ssZ"_s);
}

inline QString isoZ(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODate);
}

inline QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The first column of a plain CSV export, header left out.
inline QStringList firstColumn(const QByteArray &bytes)
{
    QStringList ids;
    const auto table = csvtest::parse(bytes);
    if (!table)
        return {u"<not CSV>"_s};
    for (qsizetype i = 1; i < table->size(); ++i)
        ids.append(table->at(i).constFirst());
    return ids;
}

struct PlivoExportSetup {
    quint32 seed = 1;
    int callCount = 400;
    QString tokenVariable; // where cdr-export finds the secret (--password-env)
    bool rateLimited = true; // false: the simulator does not hold back Plivo's requests per second
    QByteArray locale; // LC_ALL for cdr-export; empty: this process's
};

// tst_cdrexport and tst_cdrexport_usage.
inline const PlivoExportSetup exportSetup{.seed = 1, .callCount = 400, .tokenVariable = u"CDR_EXPORT_TEST_TOKEN"_s};

// tst_cdrexport_sidecar and tst_cdrexport_repeat: the C locale unless a test asks for another.
inline const PlivoExportSetup repeatSetup{.seed = 7,
    .callCount = 400,
    .tokenVariable = u"CDR_EXPORT_TEST_REPEAT_TOKEN"_s,
    .rateLimited = false,
    .locale = "C"};

// The base of the test classes: a fresh simulator for each test function, and
// cdr-export run against it. Its own slots are only the fixture's.
class PlivoExportTest : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlivoExportTest)

protected:
    explicit PlivoExportTest(const PlivoExportSetup &setup)
        : m_tokenVariable(setup.tokenVariable)
        , m_setup(setup)
    {
    }

    // The secret in the variable baseArguments() names (null: unset).
    RunResult run(const QStringList &arguments, const QString &token = cdrsim::Simulator::demoAccount().authToken) const
    {
        return run(arguments, token, m_setup.locale);
    }

    RunResult run(const QStringList &arguments, const QString &token, const QByteArray &locale) const
    {
        QProcessEnvironment environment = exportEnvironment({{m_tokenVariable, token}});
        if (!locale.isEmpty())
            environment.insert(u"LC_ALL"_s, QString::fromLatin1(locale));
        return runExport(arguments, environment);
    }

    // Provider, server, user and the variable holding the secret.
    QStringList baseArguments() const
    {
        return {u"--provider"_s, u"plivo"_s, u"--url"_s, m_simulator->baseUrl().toString(), u"--user"_s,
            cdrsim::Simulator::demoAccount().authId, u"--password-env"_s, m_tokenVariable};
    }

    // The default window, 60 days back to an hour ago.
    QStringList windowArguments() const
    {
        // One end with Z, the other with an offset: both forms must be accepted.
        const QDateTime sinceInBerlinSummer
            = QDateTime::fromSecsSinceEpoch(m_since, QTimeZone::utc()).toOffsetFromUtc(2 * 3600);
        return {u"--since"_s, sinceInBerlinSummer.toString(Qt::ISODate), u"--until"_s, isoZ(m_until)};
    }

    // Another window, both ends in UTC.
    static QStringList window(const QDateTime &since, const QDateTime &until)
    {
        return {u"--since"_s, isoZ(since), u"--until"_s, isoZ(until)};
    }

    // The calls of the default window that `keep` keeps, in the simulator's order:
    // newest end time first, then by id.
    QList<cdrsim::PlivoCall> expectedCalls(const CallFilter &keep = {}) const
    {
        return callsBetween(m_since, m_until, keep);
    }

    QStringList expectedIds(const QDateTime &since, const QDateTime &until, const CallFilter &keep = {}) const
    {
        QStringList ids;
        for (const cdrsim::PlivoCall &call : callsBetween(since.toSecsSinceEpoch(), until.toSecsSinceEpoch(), keep))
            ids.append(call.uuid);
        return ids;
    }

    const QString m_tokenVariable;
    std::unique_ptr<cdrsim::Simulator> m_simulator;
    const QString m_token = cdrsim::Simulator::demoAccount().authToken;
    QDateTime m_now;
    qint64 m_since = 0;
    qint64 m_until = 0;
    QList<cdrsim::PlivoCall> m_calls;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY2(QFile::exists(QStringLiteral(CDR_EXPORT_PATH)), CDR_EXPORT_PATH);
    }

    void init()
    {
        m_now = QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), QTimeZone::utc());
        m_since = m_now.toSecsSinceEpoch() - 60 * 86400;
        m_until = m_now.toSecsSinceEpoch() - 3600;
        m_simulator = std::make_unique<cdrsim::Simulator>();
        m_simulator->setNow(m_now);
        m_simulator->setSeed(m_setup.seed);
        m_simulator->setPlivoCallCount(m_setup.callCount);
        if (!m_setup.rateLimited)
            m_simulator->setPlivoRateLimit(0, std::chrono::milliseconds(0));
        QVERIFY(m_simulator->listen(0));
        m_calls = cdrsim::generatePlivoCalls(m_setup.seed, m_now.toSecsSinceEpoch(), m_setup.callCount);
    }

    void cleanup() { m_simulator.reset(); }

private:
    QList<cdrsim::PlivoCall> callsBetween(qint64 since, qint64 until, const CallFilter &keep) const
    {
        QList<cdrsim::PlivoCall> result;
        for (const cdrsim::PlivoCall &call : m_calls) {
            if (call.endTime >= since && call.endTime < until && (!keep || keep(call)))
                result.append(call);
        }
        return result;
    }

    const PlivoExportSetup m_setup;
};

} // namespace cdrexporttest
