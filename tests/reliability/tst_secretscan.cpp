// Issue 7, point 4: a whole session with a known, unique secret, then every file
// written under the test's own HOME and XDG folders, and every line of output,
// searched for that secret in each form it could leak in. Needs a D-Bus session
// with an unlocked gnome-keyring (/work/runtests.sh, or .ci/run), else it skips.
#include "authenticator.h"
#include "exportformat.h"
#include "exportsidecar.h"
#include "matchingexport.h"
#include "profile.h"
#include "providers/enswitch/enswitchprovider.h"
#include "providers/plivo/plivoprovider.h"
#include "providers/portsip/portsipprovider.h"
#include "searchsession.h"
#include "secretstore.h"
#include "simulator.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QLoggingCategory>
#include <QMutex>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace {

constexpr int kWaitMs = 30000;

// All that reached qDebug and friends while the session ran, forwarded as well.
QMutex outputMutex;
QByteArray capturedOutput;
QtMessageHandler previousHandler = nullptr;

void captureMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker lock(&outputMutex);
        capturedOutput += message.toUtf8() + '\n';
    }
    if (previousHandler)
        previousHandler(type, context, message);
}

// A secret with characters that URL, JSON and form encodings all change.
QString uniqueSecret(const char *prefix)
{
    const QString tail = QUuid::createUuid().toString(QUuid::Id128).left(12);
    return QString::fromLatin1(prefix) + u"+Sc/an&=%"_s + tail;
}

struct Form {
    QString name;
    QByteArray bytes;
};

// Every way `secret` could be written by mistake: as is, URL-encoded, JSON-escaped,
// in a Basic header (base64 of user:secret) and base64 alone.
QList<Form> formsOf(const QString &user, const QString &secret)
{
    const QByteArray plain = secret.toUtf8();
    QByteArray json = plain;
    json.replace("/", "\\/");
    return {{u"plain"_s, plain}, {u"url-encoded"_s, QUrl::toPercentEncoding(secret)}, {u"json-escaped"_s, json},
        {u"basic header"_s, (user.toUtf8() + ':' + plain).toBase64()}, {u"base64"_s, plain.toBase64()}};
}

// "file: form" for each form found in each file under `root`.
QStringList scanTree(const QString &root, const QList<Form> &forms, QStringList *filesScanned)
{
    QStringList hits;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            hits += path + u": unreadable"_s;
            continue;
        }
        filesScanned->append(path.mid(root.size() + 1));
        const QByteArray content = file.readAll();
        for (const Form &form : forms) {
            if (content.contains(form.bytes))
                hits += path + u": "_s + form.name;
        }
    }
    return hits;
}

QStringList scanText(const QString &where, const QByteArray &text, const QList<Form> &forms)
{
    QStringList hits;
    for (const Form &form : forms) {
        if (text.contains(form.bytes))
            hits += where + u": "_s + form.name;
    }
    return hits;
}

} // namespace

class TestSecretScan final : public QObject {
    Q_OBJECT

public:
    explicit TestSecretScan(QString root)
        : m_root(std::move(root))
    {
    }

private slots:
    void initTestCase();
    void cleanupTestCase();
    void scannerFindsAPlantedSecret();
    void wholeSessionLeavesNoSecret();

private:
    bool saveProfile(const Profile &profile, const QString &secret, QString *readBack);
    std::optional<ApiError> search(const Provider &provider, const Connection &connection, int *rows);
    QList<Form> allForms() const;

    QString m_root;
    std::unique_ptr<cdrsim::Simulator> m_simulator;
    QString m_secret;
    QString m_wrongSecret;
    int m_searchesNotEnded = 0;
    QStringList m_messages; // every error message shown to the user in the session
    QByteArray m_processOutput;
    PlivoProvider m_plivo;
    EnswitchProvider m_enswitch;
    PortSipProvider m_portsip;
};

void TestSecretScan::initTestCase()
{
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        QSKIP("no D-Bus session: run through /work/runtests.sh (gnome-keyring)");
    QStandardPaths::setTestModeEnabled(true);
    // Debug output of our own categories too: that is where a careless line would go.
    QLoggingCategory::setFilterRules(u"cdr.*.debug=true"_s);
    previousHandler = qInstallMessageHandler(captureMessage);

    m_secret = uniqueSecret("Rel");
    m_wrongSecret = uniqueSecret("Wrong");
    m_simulator = std::make_unique<cdrsim::Simulator>();
    m_simulator->setPlivoCallCount(300);
    m_simulator->setEnswitchLegCount(300);
    m_simulator->setPortsipCallCount(300);
    m_simulator->addPlivoAccount({u"MASCAN0000000000000A"_s, m_secret});
    m_simulator->addPortsipAccount({u"scanner"_s, m_secret, u"demo.portsip.test"_s, false});
    QVERIFY(m_simulator->listen(0));
}

void TestSecretScan::cleanupTestCase()
{
    qInstallMessageHandler(previousHandler);
}

QList<Form> TestSecretScan::allForms() const
{
    // Enswitch's simulator has one fixed account, so its password is checked as well.
    return formsOf(u"MASCAN0000000000000A"_s, m_secret) + formsOf(u"scanner"_s, m_secret)
        + formsOf(u"MASCAN0000000000000A"_s, m_wrongSecret) + formsOf(u"scanner"_s, m_wrongSecret)
        + formsOf(cdrsim::Simulator::enswitchDemoAccount().username, cdrsim::Simulator::enswitchDemoAccount().password);
}

void TestSecretScan::scannerFindsAPlantedSecret()
{
    // The scan must be able to fail: every form, planted, is found, and nothing else is.
    QTemporaryDir control;
    QVERIFY(control.isValid());
    const QList<Form> forms = formsOf(u"MASCAN0000000000000A"_s, m_secret);
    for (const Form &form : forms) {
        QFile planted(control.filePath(u".hidden-"_s + QString::number(qHash(form.name))));
        QVERIFY(planted.open(QIODevice::WriteOnly));
        planted.write("prefix " + form.bytes + " suffix");
    }
    QStringList files;
    const QStringList hits = scanTree(control.path(), forms, &files);
    QCOMPARE(files.size(), forms.size());
    for (const Form &form : forms)
        QVERIFY2(hits.filter(u": "_s + form.name).size() >= 1, qPrintable(form.name));
    QVERIFY(!scanText(u"output"_s, "Authorization: Basic " + forms.at(3).bytes, forms).isEmpty());
    QVERIFY(scanText(u"output"_s, "nothing to see", forms).isEmpty());
}

bool TestSecretScan::saveProfile(const Profile &profile, const QString &secret, QString *readBack)
{
    QSettings settings;
    ProfileStore(settings).save(profile);
    // Entries of their own, so a run on a desktop never touches the user's.
    const QString service = u"CDR Browser secret scan %1"_s.arg(QUuid::createUuid().toString(QUuid::Id128));
    SecretStore store(settings);
    store.setServiceName(service);
    QSignalSpy written(&store, &SecretStore::writeFinished);
    store.write(profile.id, secret, false);
    if (!written.wait(kWaitMs)
        || written.constFirst().at(1).value<SecretStore::Storage>() != SecretStore::Storage::Keychain)
        return false;
    // A fresh store, as at the next start: the secret comes from the keychain itself.
    SecretStore next(settings);
    next.setServiceName(service);
    QSignalSpy read(&next, &SecretStore::readFinished);
    next.read(profile.id);
    if (!read.wait(kWaitMs) || read.constFirst().at(2).value<SecretStore::Storage>() != SecretStore::Storage::Keychain)
        return false;
    *readBack = read.constFirst().at(1).value<std::optional<QString>>().value_or(QString());
    QSignalSpy removed(&next, &SecretStore::removeFinished);
    next.remove(profile.id);
    removed.wait(kWaitMs);
    settings.sync();
    return true;
}

std::optional<ApiError> TestSecretScan::search(const Provider &provider, const Connection &connection, int *rows)
{
    QNetworkAccessManager network;
    SearchQuery query;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    query.since = now.addDays(-2);
    SearchSession session(network, provider, connection, query.resolved(now, provider.timeRange()));
    QSignalSpy finished(&session, &SearchSession::finished);
    QSignalSpy failed(&session, &SearchSession::failed);
    QObject::connect(&session, &SearchSession::rowsArrived, &session,
        [rows](const std::vector<CdrRecord> &page) { *rows += int(page.size()); });
    session.fetchAll();
    if (!QTest::qWaitFor([&] { return !finished.isEmpty() || !failed.isEmpty(); }, kWaitMs))
        ++m_searchesNotEnded;
    if (failed.isEmpty())
        return std::nullopt;
    const ApiError error = failed.constFirst().at(0).value<ApiError>();
    m_messages += error.message();
    return error;
}

void TestSecretScan::wholeSessionLeavesNoSecret()
{
    const QUrl base = m_simulator->baseUrl();
    // A profile saved, its secret in the real keychain and read back from it.
    Profile plivo{ProfileStore::createId(), u"Scan Plivo"_s, u"plivo"_s, base, u"MASCAN0000000000000A"_s};
    QString secret;
    QVERIFY2(saveProfile(plivo, m_secret, &secret), "the keychain did not store the secret");
    QCOMPARE(secret, m_secret);
    Profile portsip{ProfileStore::createId(), u"Scan PortSIP"_s, u"portsip"_s, base, u"scanner"_s};
    portsip.options.insert(u"domain"_s, u"demo.portsip.test"_s);
    QVERIFY(saveProfile(portsip, m_secret, &secret));
    const auto enswitchAccount = cdrsim::Simulator::enswitchDemoAccount();
    const Profile enswitch{ProfileStore::createId(), u"Scan Enswitch"_s, u"enswitch"_s, base, enswitchAccount.username};
    QVERIFY(saveProfile(enswitch, enswitchAccount.password, &secret));

    // Searches on all three providers.
    int rows = 0;
    QVERIFY(!search(m_plivo, connectionFor(plivo, m_secret), &rows));
    QVERIFY(!search(m_portsip, connectionFor(portsip, m_secret), &rows));
    QVERIFY(!search(m_enswitch, connectionFor(enswitch, enswitchAccount.password), &rows));
    QVERIFY(rows > 0);
    QCOMPARE(m_searchesNotEnded, 0);

    // Failed sign-ins, each with the wrong secret.
    for (const auto &[provider, profile] :
        {std::pair<const Provider *, Profile>{&m_plivo, plivo}, {&m_portsip, portsip}, {&m_enswitch, enswitch}}) {
        int none = 0;
        const std::optional<ApiError> error = search(*provider, connectionFor(profile, m_wrongSecret), &none);
        QVERIFY2(error, qPrintable(profile.name));
        QVERIFY(!error->message().isEmpty());
    }
    QCOMPARE(m_searchesNotEnded, 0);

    // An export of every matching row, with its sidecar.
    QNetworkAccessManager network;
    Authenticator authenticator(network, m_portsip, connectionFor(portsip, m_secret));
    SearchQuery query;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    query.since = now.addDays(-2);
    ExportSidecar sidecar;
    sidecar.providerId = m_portsip.id();
    sidecar.profileName = portsip.name;
    sidecar.baseUrl = base;
    sidecar.user = portsip.user;
    sidecar.options = portsip.options;
    sidecar.presetKey = u"jsonl"_s;
    QVERIFY(QDir(m_root).mkpath(u"exports"_s));
    const QString exportPath = m_root + u"/exports/calls.jsonl"_s;
    MatchingExport exporter(authenticator, query.resolved(now, m_portsip.timeRange()),
        {u"id"_s, u"start"_s, u"caller"_s, u"callee"_s}, ExportFormatOptions::jsonLines(), exportPath, sidecar);
    QSignalSpy exported(&exporter, &MatchingExport::finished);
    exporter.start();
    QVERIFY(exported.wait(kWaitMs));
    QVERIFY2(exported.constFirst().at(0).toBool(), qPrintable(exported.constFirst().at(2).toString()));
    QVERIFY(QFile::exists(ExportSidecarFile::pathFor(exportPath)));

    // cdr-export with a wrong secret, in this test's HOME.
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"CDR_SCAN_SECRET"_s, m_wrongSecret);
    process.setProcessEnvironment(environment);
    QSignalSpy ended(&process, &QProcess::finished);
    process.start(QStringLiteral(CDR_EXPORT_PATH),
        {u"--provider"_s, u"plivo"_s, u"--url"_s, base.toString(), u"--user"_s, plivo.user, u"--password-env"_s,
            u"CDR_SCAN_SECRET"_s, u"--output"_s, m_root + u"/exports/wrong.csv"_s});
    QVERIFY(ended.wait(kWaitMs));
    QCOMPARE(process.exitCode(), 1);
    m_processOutput = process.readAllStandardOutput() + process.readAllStandardError();
    QVERIFY2(!m_processOutput.isEmpty(), "cdr-export said nothing");

    // Now the scan: files, output, messages.
    const QList<Form> forms = allForms();
    QStringList files;
    QStringList hits = scanTree(m_root, forms, &files);
    // The settings with the saved profiles, the export and its sidecar at least.
    QVERIFY2(files.filter(u".conf"_s).size() >= 1, qPrintable(files.join(u", "_s)));
    QVERIFY2(files.contains(u"exports/calls.jsonl"_s) && files.contains(u"exports/calls.jsonl.json"_s),
        qPrintable(files.join(u", "_s)));
    {
        QMutexLocker lock(&outputMutex);
        hits += scanText(u"captured output"_s, capturedOutput, forms);
    }
    hits += scanText(u"cdr-export output"_s, m_processOutput, forms);
    hits += scanText(u"error messages"_s, m_messages.join(u'\n').toUtf8(), forms);
    qInfo("scanned %lld files (%s), %lld bytes of output and %lld messages", qlonglong(files.size()),
        qPrintable(files.join(u", "_s)), qlonglong(capturedOutput.size()), qlonglong(m_messages.size()));
    QVERIFY2(hits.isEmpty(), qPrintable(hits.join(u"; "_s)));
}

int main(int argc, char *argv[])
{
    // A HOME and XDG folders of its own, set before Qt reads them: everything the
    // session writes lands under one root that the scan walks.
    QTemporaryDir root;
    if (!root.isValid())
        return 2;
    for (const char *variable : {"HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"}) {
        const QString path = root.path() + u'/' + QString::fromLatin1(variable).toLower();
        QDir().mkpath(path);
        qputenv(variable, path.toUtf8());
    }
    QCoreApplication app(argc, argv);
    TestSecretScan test(root.path());
    return QTest::qExec(&test, argc, argv);
}

#include "tst_secretscan.moc"
