// MatchingExport end to end: every matching row from the simulator over real
// HTTP into a file, for all three providers, through failures, resume, keeping
// a partial file, cancelling, and targets that cannot be written.

#include "authenticator.h"
#include "matchingexport.h"
#include "providers/enswitch/enswitchprovider.h"
#include "providers/plivo/plivoprovider.h"
#include "providers/portsip/portsipprovider.h"
#include "searchsession.h"
#include "simulator.h"

#include <QDir>
#include <QFile>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <memory>
#include <set>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

const QDateTime kNow(QDate(2024, 6, 30), QTime(12, 0), QTimeZone::utc());
constexpr int kWaitMs = 60000;

// One provider's account on the simulator, signed in once for the search and the export.
struct Setup {
    std::unique_ptr<Provider> provider;
    std::unique_ptr<Authenticator> authenticator;
    SearchQuery query; // resolved
};

// The rows' ids in file order; the id is the first column and never needs quoting.
QStringList fileIds(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {u"<cannot read %1>"_s.arg(path)};
    QList<QByteArray> lines = file.readAll().split('\n');
    if (!lines.isEmpty() && lines.constLast().isEmpty())
        lines.removeLast();
    if (lines.isEmpty() || !lines.constFirst().startsWith("id,"))
        return {u"<no header>"_s};
    QStringList ids;
    for (qsizetype i = 1; i < lines.size(); ++i)
        ids.append(QString::fromUtf8(lines.at(i).left(lines.at(i).indexOf(','))));
    return ids;
}

qsizetype duplicateCount(const QStringList &ids)
{
    const std::set<QString> unique(ids.begin(), ids.end());
    return ids.size() - qsizetype(unique.size());
}

} // namespace

class TestMatchingExport final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void completeExport_data();
    void completeExport();
    void failureThenResumeOrKeep_data();
    void failureThenResumeOrKeep();
    void keepPartialWhileRunning();
    void stoppingLeavesNothing_data();
    void stoppingLeavesNothing();
    void unwritableTarget_data();
    void unwritableTarget();
    void sidecarFailureIsAWarning();

private:
    Setup setup(const QString &providerName);
    QStringList searchIds(Setup &setup);
    std::unique_ptr<MatchingExport> makeExport(Setup &setup, const QString &fileName);
    void injectFailure(const QString &providerName, const QString &fault);
    void clearFaults();
    // Returns right after the first rows are written, while the export still runs.
    static bool waitForRows(MatchingExport &exporter);
    bool waitForFinished(QSignalSpy &spy) { return !spy.isEmpty() || spy.wait(kWaitMs); }
    QString target() const { return m_dir->filePath(u"calls.csv"_s); }
    QStringList dirEntries() const
    {
        return QDir(m_dir->path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
    }

    cdrsim::Simulator m_simulator;
    QNetworkAccessManager m_network;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestMatchingExport::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_simulator.setNow(kNow);
    m_simulator.setPlivoCallCount(3000); // ~750 in the 30 days below: dozens of pages of 20
    m_simulator.setEnswitchLegCount(8000); // several pages of 1000
    m_simulator.setPortsipCallCount(2000); // 20 pages of 100
    QVERIFY(m_simulator.listen(0));
}

void TestMatchingExport::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestMatchingExport::cleanup()
{
    clearFaults(); // left over from a failed check, they must not reach the next test
    m_dir.reset();
}

void TestMatchingExport::clearFaults()
{
    m_simulator.failRequests(0, 0, 500);
    m_simulator.forceRateLimit(0);
    m_simulator.failPortsip(0, 500, {});
    m_simulator.forcePortsipRateLimit(0);
}

bool TestMatchingExport::waitForRows(MatchingExport &exporter)
{
    QSignalSpy progressed(&exporter, &MatchingExport::progressed);
    while (exporter.writtenRows() == 0) {
        if (!progressed.wait(kWaitMs))
            return false;
    }
    return true;
}

void TestMatchingExport::completeExport_data()
{
    QTest::addColumn<QString>("provider");
    QTest::newRow("plivo") << u"plivo"_s;
    QTest::newRow("enswitch") << u"enswitch"_s;
    QTest::newRow("portsip") << u"portsip"_s;
}

Setup TestMatchingExport::setup(const QString &providerName)
{
    Setup result;
    Connection connection;
    connection.baseUrl = m_simulator.baseUrl();
    SearchQuery query;
    query.until = kNow;
    if (providerName == "plivo"_L1) {
        result.provider = std::make_unique<PlivoProvider>();
        connection.user = cdrsim::Simulator::demoAccount().authId;
        connection.secret = cdrsim::Simulator::demoAccount().authToken;
        query.since = kNow.addDays(-30); // Plivo refuses windows longer than 90 days
    } else if (providerName == "enswitch"_L1) {
        result.provider = std::make_unique<EnswitchProvider>();
        connection.user = cdrsim::Simulator::enswitchDemoAccount().username;
        connection.secret = cdrsim::Simulator::enswitchDemoAccount().password;
        query.since = kNow.addDays(-130); // every generated leg
    } else {
        result.provider = std::make_unique<PortSipProvider>();
        const cdrsim::PortsipAccount account = cdrsim::Simulator::portsipDemoAccount();
        connection.user = account.username;
        connection.secret = account.password;
        connection.options.insert(u"domain"_s, account.domain);
        query.since = kNow.addDays(-130);
    }
    result.authenticator = std::make_unique<Authenticator>(m_network, *result.provider, connection);
    result.query = query.resolved(kNow, result.provider->timeRange());
    return result;
}

// A normal search for the same query: what the export must hold, in this order.
QStringList TestMatchingExport::searchIds(Setup &setup)
{
    SearchSession session(*setup.authenticator, setup.query);
    QStringList ids;
    connect(&session, &SearchSession::rowsArrived, this, [&ids](const std::vector<CdrRecord> &rows) {
        for (const CdrRecord &row : rows)
            ids.append(row.id);
    });
    QSignalSpy finished(&session, &SearchSession::finished);
    session.fetchAll();
    if (!finished.wait(kWaitMs))
        return {u"<search did not finish>"_s};
    return ids;
}

std::unique_ptr<MatchingExport> TestMatchingExport::makeExport(Setup &setup, const QString &fileName)
{
    ExportSidecar sidecar;
    sidecar.providerId = setup.provider->id();
    sidecar.profileName = u"Test profile"_s;
    sidecar.baseUrl = m_simulator.baseUrl();
    sidecar.presetKey = u"rfc4180"_s;
    const QStringList columns{u"id"_s, u"start_time"_s, u"duration"_s};
    return std::make_unique<MatchingExport>(
        *setup.authenticator, setup.query, columns, ExportFormatOptions::rfc4180(), fileName, sidecar);
}

// The next list request fails: an error the engine does not retry (500), or
// refusals (429) beyond what it retries.
void TestMatchingExport::injectFailure(const QString &providerName, const QString &fault)
{
    const bool portsip = providerName == "portsip"_L1;
    if (fault == "429"_L1) {
        if (portsip)
            m_simulator.forcePortsipRateLimit(1000);
        else
            m_simulator.forceRateLimit(1000);
    } else if (portsip) {
        m_simulator.failPortsip(1000, 500, u"INTERNAL_ERROR"_s); // until clearFaults(): one 500 is retried
    } else {
        m_simulator.failRequests(0, 1000, 500);
    }
}

void TestMatchingExport::completeExport()
{
    QFETCH(QString, provider);
    Setup s = setup(provider);
    const QStringList expected = searchIds(s);
    QVERIFY(expected.size() > 3 * s.provider->paging().pageSize);

    auto exporter = makeExport(s, target());
    QSignalSpy finished(exporter.get(), &MatchingExport::finished);
    QSignalSpy progressed(exporter.get(), &MatchingExport::progressed);
    // While it runs, nothing carries the final name (nor the sidecar's). The
    // temporary file may have no name at all (O_TMPFILE on Linux).
    bool finalNameSeen = false;
    connect(exporter.get(), &MatchingExport::progressed, this,
        [&] { finalNameSeen = finalNameSeen || QFile::exists(target()) || QFile::exists(target() + u".json"_s); });
    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
    exporter->start();
    QVERIFY(!QFile::exists(target()));
    QVERIFY(waitForFinished(finished));
    const QDateTime after = QDateTime::currentDateTimeUtc().addSecs(1);

    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(0).toBool(), true);
    QCOMPARE(finished.at(0).at(1).toBool(), true);
    QCOMPARE(finished.at(0).at(2).toString(), QString());
    QVERIFY(!finalNameSeen);
    QVERIFY(progressed.count() > 1);
    QCOMPARE(progressed.constLast().at(0).value<qint64>(), qint64(expected.size()));
    QCOMPARE(exporter->writtenRows(), qint64(expected.size()));

    const QStringList ids = fileIds(target());
    QCOMPARE(ids, expected);
    QCOMPARE(duplicateCount(ids), 0);

    QString error;
    const auto sidecar = ExportSidecarFile::read(ExportSidecarFile::pathFor(target()), &error);
    QVERIFY2(sidecar, qPrintable(error));
    QVERIFY(sidecar->complete);
    QCOMPARE(sidecar->rowCount, qint64(expected.size()));
    QCOMPARE(sidecar->scope, ExportSidecar::Scope::Matching);
    QCOMPARE(sidecar->providerId, s.provider->id());
    QCOMPARE(sidecar->query.since, s.query.since);
    QCOMPARE(sidecar->query.until, s.query.until);
    QCOMPARE(sidecar->columns, (QStringList{u"id"_s, u"start_time"_s, u"duration"_s}));
    QCOMPARE(sidecar->fetchedAt.timeSpec(), Qt::UTC);
    QVERIFY(sidecar->fetchedAt >= before && sidecar->fetchedAt <= after);
    QCOMPARE(dirEntries(), (QStringList{u"calls.csv"_s, u"calls.csv.json"_s}));
}

void TestMatchingExport::failureThenResumeOrKeep_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<QString>("fault");
    QTest::addColumn<bool>("resume"); // or keep the partial file
    for (const QString &provider : {u"plivo"_s, u"enswitch"_s, u"portsip"_s}) {
        QTest::addRow("%s 500, resume", qPrintable(provider)) << provider << u"500"_s << true;
        QTest::addRow("%s 500, keep partial", qPrintable(provider)) << provider << u"500"_s << false;
    }
    QTest::newRow("plivo 429 beyond retries, resume") << u"plivo"_s << u"429"_s << true;
    QTest::newRow("portsip 429 beyond retries, resume") << u"portsip"_s << u"429"_s << true;
}

void TestMatchingExport::failureThenResumeOrKeep()
{
    QFETCH(QString, provider);
    QFETCH(QString, fault);
    QFETCH(bool, resume);
    Setup s = setup(provider);
    const QStringList expected = searchIds(s);

    auto exporter = makeExport(s, target());
    exporter->session()->setRetryPolicy({10ms, 20ms, 1});
    QSignalSpy failed(exporter.get(), &MatchingExport::failed);
    QSignalSpy finished(exporter.get(), &MatchingExport::finished);
    // Once some rows are in the file, the server starts failing.
    bool injected = false;
    connect(exporter.get(), &MatchingExport::progressed, this, [&](qint64 written) {
        if (!injected && written > 0) {
            injected = true;
            injectFailure(provider, fault);
        }
    });
    exporter->start();
    QVERIFY(failed.wait(kWaitMs));
    clearFaults(); // the server is well again
    QVERIFY(finished.isEmpty());

    const ApiError error = failed.at(0).at(0).value<ApiError>();
    QCOMPARE(error.httpStatus, fault.toInt());
    QVERIFY2(!error.providerMessage.isEmpty(), qPrintable(error.message()));
    QVERIFY(error.message().contains(error.providerMessage));
    QVERIFY(exporter->isWaitingAfterFailure());
    const qint64 kept = exporter->writtenRows();
    QVERIFY(kept > 0);
    QVERIFY(kept < expected.size());
    QVERIFY(!QFile::exists(target()));

    if (resume)
        exporter->resume();
    else
        exporter->keepPartial();
    QVERIFY(!exporter->isWaitingAfterFailure());
    QVERIFY(waitForFinished(finished));
    QCOMPARE(failed.count(), 1);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(0).toBool(), true);
    QCOMPARE(finished.at(0).at(1).toBool(), resume);
    // Resumed: every row exactly once, in order. Kept: the rows written before the failure.
    const QStringList ids = fileIds(target());
    QCOMPARE(duplicateCount(ids), 0);
    QCOMPARE(ids, resume ? expected : expected.mid(0, kept));
    QString sidecarError;
    const auto sidecar = ExportSidecarFile::read(ExportSidecarFile::pathFor(target()), &sidecarError);
    QVERIFY2(sidecar, qPrintable(sidecarError));
    QCOMPARE(sidecar->complete, resume);
    QCOMPARE(sidecar->rowCount, qint64(ids.size()));

    exporter->resume(); // after finished(): nothing happens
    QVERIFY(!exporter->session()->isBusy());
    QCOMPARE(finished.count(), 1);
}

void TestMatchingExport::keepPartialWhileRunning()
{
    Setup s = setup(u"plivo"_s);
    const QStringList expected = searchIds(s);
    auto exporter = makeExport(s, target());
    QSignalSpy finished(exporter.get(), &MatchingExport::finished);
    QSignalSpy failed(exporter.get(), &MatchingExport::failed);
    exporter->start();
    QVERIFY(waitForRows(*exporter));
    exporter->keepPartial();
    QVERIFY(waitForFinished(finished));
    QVERIFY(failed.isEmpty());
    QCOMPARE(finished.at(0).at(1).toBool(), false);
    const qint64 kept = exporter->writtenRows();
    QVERIFY(kept < expected.size());
    QCOMPARE(fileIds(target()), expected.mid(0, kept));
    QVERIFY(!exporter->session()->isBusy());
}

void TestMatchingExport::stoppingLeavesNothing_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<bool>("destroy"); // or cancel()
    for (const QString &provider : {u"plivo"_s, u"enswitch"_s, u"portsip"_s}) {
        QTest::addRow("%s cancel", qPrintable(provider)) << provider << false;
        QTest::addRow("%s destroy", qPrintable(provider)) << provider << true;
    }
}

void TestMatchingExport::stoppingLeavesNothing()
{
    QFETCH(QString, provider);
    QFETCH(bool, destroy);
    Setup s = setup(provider);
    auto exporter = makeExport(s, target());
    QSignalSpy finished(exporter.get(), &MatchingExport::finished);
    QSignalSpy failed(exporter.get(), &MatchingExport::failed);
    exporter->start();
    QVERIFY(waitForRows(*exporter));
    QVERIFY(!QFile::exists(target()));

    if (destroy) {
        exporter.reset();
        QVERIFY(finished.isEmpty()); // quietly
    } else {
        exporter->cancel();
        QVERIFY(waitForFinished(finished));
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        QVERIFY(!finished.at(0).at(2).toString().isEmpty());
        QVERIFY(!exporter->session()->isBusy());
        exporter->cancel(); // twice: still one finished()
        exporter->resume(); // and nothing starts again
        QVERIFY(!exporter->session()->isBusy());
    }
    QCOMPARE(dirEntries(), QStringList());
    // Replies still on their way find nobody; the account keeps working.
    QVERIFY(!searchIds(s).isEmpty());
    QCOMPARE(dirEntries(), QStringList());
    QVERIFY(failed.isEmpty());
    QCOMPARE(finished.count(), destroy ? 0 : 1);
}

void TestMatchingExport::unwritableTarget_data()
{
    QTest::addColumn<QString>("relativePath");
    QTest::newRow("missing directory") << u"missing/calls.csv"_s;
    QTest::newRow("target is a directory") << u"folder"_s;
}

void TestMatchingExport::unwritableTarget()
{
    QFETCH(QString, relativePath);
    QVERIFY(QDir(m_dir->path()).mkdir(u"folder"_s));
    const QStringList before = dirEntries();
    Setup s = setup(u"plivo"_s);
    const QString fileName = m_dir->filePath(relativePath);
    auto exporter = makeExport(s, fileName);
    QSignalSpy finished(exporter.get(), &MatchingExport::finished);
    QSignalSpy failed(exporter.get(), &MatchingExport::failed);
    const int requests = m_simulator.requestCount();
    exporter->start();
    QVERIFY(finished.isEmpty()); // answered later, not from inside start()
    QVERIFY(waitForFinished(finished));
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    const QString text = finished.at(0).at(2).toString();
    QVERIFY2(text.contains(QDir::toNativeSeparators(fileName)), qPrintable(text));
    QVERIFY(failed.isEmpty());
    QCOMPARE(m_simulator.requestCount(), requests); // nothing fetched for a file that cannot be written
    QCOMPARE(dirEntries(), before);
}

void TestMatchingExport::sidecarFailureIsAWarning()
{
    // A directory where the sidecar should go: the rows can be saved, the sidecar not.
    QVERIFY(QDir(m_dir->path()).mkdir(u"calls.csv.json"_s));
    Setup s = setup(u"portsip"_s);
    const QStringList expected = searchIds(s);
    auto exporter = makeExport(s, target());
    QSignalSpy finished(exporter.get(), &MatchingExport::finished);
    exporter->start();
    QVERIFY(waitForFinished(finished));
    QCOMPARE(finished.at(0).at(0).toBool(), true);
    QCOMPARE(finished.at(0).at(1).toBool(), true);
    const QString warning = finished.at(0).at(2).toString();
    QVERIFY2(warning.contains(u"calls.csv.json"_s), qPrintable(warning));
    QCOMPARE(fileIds(target()), expected);
}

QTEST_GUILESS_MAIN(TestMatchingExport)
#include "tst_matchingexport.moc"
