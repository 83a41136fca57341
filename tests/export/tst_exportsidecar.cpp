// ExportSidecarFile: every field through JSON and back, the exact text of one
// sidecar, hostile and malformed files refused with a reason, and the paths.

#include "exportsidecar.h"

#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <nlohmann/json.hpp>

#include <limits>

using namespace Qt::StringLiterals;

namespace {

QDateTime utc(int year, int month, int day, int hour, int minute, int second, int msec = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute, second, msec), QTimeZone::utc());
}

// Every field away from its default, so a field the writer or reader forgets shows up.
ExportSidecar fullSidecar()
{
    ExportSidecar sidecar;
    sidecar.providerId = u"portsip"_s;
    sidecar.profileName = u"Büro Köln \"main\""_s;
    sidecar.baseUrl = QUrl(u"https://pbx.example.com:8900/api"_s);
    sidecar.user = u"finance@example.com"_s;
    sidecar.options = {{u"domain"_s, u"sip.example.com"_s}, {u"pageSize"_s, u"50"_s}};
    sidecar.pinnedCertificateSha256 = QByteArray(64, 'a');
    sidecar.query.since = utc(2026, 10, 1, 0, 0, 0);
    sidecar.query.until = utc(2026, 11, 1, 0, 0, 0);
    sidecar.query.filters = {{u"caller"_s, u"+4930"_s}, {u"direction"_s, u"inbound"_s}};
    sidecar.query.extraParams = {{u"tag"_s, u"a=b"_s}, {u"tag"_s, u"second"_s}};
    sidecar.query.sortColumn = u"start_time"_s;
    sidecar.query.sortDescending = true;
    sidecar.scope = ExportSidecar::Scope::Selected;
    sidecar.columns = {u"id"_s, u"start_time"_s, u"caller"_s, u"raw.cost"_s};
    sidecar.format.format = ExportFormat::Csv;
    sidecar.format.separator = ';';
    sidecar.format.decimalPoint = ',';
    sidecar.format.byteOrderMark = true;
    sidecar.format.formulaGuard = true;
    sidecar.format.zoneInHeader = false;
    sidecar.format.durations = DurationStyle::Hms;
    sidecar.format.zone = QTimeZone("Europe/Berlin");
    sidecar.presetKey = u"excel"_s;
    sidecar.fetchedAt = utc(2026, 11, 25, 9, 30, 15, 250);
    sidecar.rowCount = 12345;
    sidecar.complete = true;
    return sidecar;
}

void compareSidecars(const ExportSidecar &actual, const ExportSidecar &expected)
{
    QCOMPARE(actual.providerId, expected.providerId);
    QCOMPARE(actual.profileName, expected.profileName);
    QCOMPARE(actual.baseUrl, expected.baseUrl);
    QCOMPARE(actual.user, expected.user);
    QCOMPARE(actual.options, expected.options);
    QCOMPARE(actual.pinnedCertificateSha256, expected.pinnedCertificateSha256);
    QCOMPARE(actual.query.since, expected.query.since);
    if (actual.query.since.isValid())
        QCOMPARE(actual.query.since.timeSpec(), Qt::UTC);
    QCOMPARE(actual.query.until, expected.query.until);
    QCOMPARE(actual.query.filters, expected.query.filters);
    QCOMPARE(actual.query.extraParams, expected.query.extraParams);
    QCOMPARE(actual.query.sortColumn, expected.query.sortColumn);
    QCOMPARE(actual.query.sortDescending, expected.query.sortDescending);
    QCOMPARE(actual.scope, expected.scope);
    QCOMPARE(actual.columns, expected.columns);
    QCOMPARE(actual.format.format, expected.format.format);
    QCOMPARE(actual.format.separator, expected.format.separator);
    QCOMPARE(actual.format.decimalPoint, expected.format.decimalPoint);
    QCOMPARE(actual.format.byteOrderMark, expected.format.byteOrderMark);
    QCOMPARE(actual.format.formulaGuard, expected.format.formulaGuard);
    QCOMPARE(actual.format.zoneInHeader, expected.format.zoneInHeader);
    QCOMPARE(actual.format.durations, expected.format.durations);
    QCOMPARE(actual.format.zone, expected.format.zone);
    QCOMPARE(actual.presetKey, expected.presetKey);
    QCOMPARE(actual.fetchedAt, expected.fetchedAt);
    QCOMPARE(actual.rowCount, expected.rowCount);
    QCOMPARE(actual.complete, expected.complete);
}

// A valid sidecar's text with the value at `path` ("scope", "query.since") replaced by `jsonValue`.
QByteArray withValue(const std::string &path, const std::string &jsonValue)
{
    auto json = nlohmann::ordered_json::parse(ExportSidecarFile::toJson(fullSidecar()).toStdString());
    const std::size_t dot = path.find('.');
    auto &target = dot == std::string::npos ? json[path] : json[path.substr(0, dot)][path.substr(dot + 1)];
    target = nlohmann::ordered_json::parse(jsonValue);
    return QByteArray::fromStdString(json.dump(2));
}

} // namespace

Q_DECLARE_METATYPE(ExportSidecar)

class TestExportSidecar final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void roundTrip_data();
    void roundTrip();
    void goldenText();
    void minimalFileReadsWithDefaults();
    void unknownKeysIgnored();
    void passwordInUrlNeverWritten();
    void hostile_data();
    void hostile();
    void deeplyNested();
    void pathFor_data();
    void pathFor();
    void writeAndRead();
    void readFailures();
};

void TestExportSidecar::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestExportSidecar::roundTrip_data()
{
    QTest::addColumn<ExportSidecar>("sidecar");
    QTest::newRow("every field") << fullSidecar();
    ExportSidecar defaults;
    defaults.providerId = u"plivo"_s;
    QTest::newRow("defaults") << defaults;

    ExportSidecar jsonl = fullSidecar();
    jsonl.scope = ExportSidecar::Scope::Loaded;
    jsonl.format = ExportFormatOptions::jsonLines();
    jsonl.presetKey = u"jsonl"_s;
    jsonl.query.since = {};
    jsonl.query.sortDescending = false;
    jsonl.pinnedCertificateSha256.clear();
    jsonl.complete = false;
    QTest::newRow("jsonl, open start, incomplete") << jsonl;

    ExportSidecar tsv = fullSidecar();
    tsv.scope = ExportSidecar::Scope::Matching;
    tsv.format = ExportFormatOptions::tsv();
    tsv.presetKey = u"tsv"_s;
    tsv.query.until = {};
    tsv.fetchedAt = {};
    tsv.profileName.clear();
    tsv.rowCount = std::numeric_limits<qint64>::max();
    QTest::newRow("tsv, open end, huge count") << tsv;

    ExportSidecar offsets = fullSidecar();
    // Times arrive in any zone; the file holds them in UTC.
    offsets.query.since = QDateTime(QDate(2026, 10, 1), QTime(2, 0), QTimeZone("Europe/Berlin"));
    offsets.format.zone = QTimeZone::utc();
    QTest::newRow("time in another zone") << offsets;
}

void TestExportSidecar::roundTrip()
{
    QFETCH(ExportSidecar, sidecar);
    const QByteArray json = ExportSidecarFile::toJson(sidecar);
    QString error;
    const std::optional<ExportSidecar> read = ExportSidecarFile::fromJson(json, &error);
    QVERIFY2(read, qPrintable(error));
    QVERIFY(error.isEmpty());
    compareSidecars(*read, sidecar);
    // Written again, the text is the same: nothing drifts between runs.
    QCOMPARE(ExportSidecarFile::toJson(*read), json);
}

void TestExportSidecar::goldenText()
{
    QFile golden(QStringLiteral(CDR_TEST_DATA_DIR "/export/sidecar.json"));
    QVERIFY(golden.open(QIODevice::ReadOnly));
    const QByteArray expected = golden.readAll();
    const QByteArray actual = ExportSidecarFile::toJson(fullSidecar());
    if (actual != expected)
        qWarning().noquote() << QString::fromUtf8(actual);
    QCOMPARE(actual, expected);
    // And the golden text reads back into the same sidecar.
    const std::optional<ExportSidecar> read = ExportSidecarFile::fromJson(expected, nullptr);
    QVERIFY(read);
    compareSidecars(*read, fullSidecar());
}

void TestExportSidecar::minimalFileReadsWithDefaults()
{
    QString error;
    const auto sidecar = ExportSidecarFile::fromJson(
        R"({"format": "cdr-browser-export-sidecar", "version": 1, "provider": "plivo"})", &error);
    QVERIFY2(sidecar, qPrintable(error));
    QCOMPARE(sidecar->providerId, u"plivo"_s);
    QCOMPARE(sidecar->scope, ExportSidecar::Scope::Matching);
    QVERIFY(!sidecar->query.since.isValid());
    QVERIFY(sidecar->columns.isEmpty());
    QCOMPARE(sidecar->format.format, ExportFormat::Csv);
    QCOMPARE(sidecar->format.zone, QTimeZone::utc());
    QCOMPARE(sidecar->rowCount, 0);
    QVERIFY(!sidecar->complete);
}

void TestExportSidecar::unknownKeysIgnored()
{
    QByteArray json = ExportSidecarFile::toJson(fullSidecar());
    json.replace("\"version\": 1,", "\"version\": 1,\n  \"comment\": {\"nested\": [1, 2, 3]},");
    QString error;
    const auto sidecar = ExportSidecarFile::fromJson(json, &error);
    QVERIFY2(sidecar, qPrintable(error));
    compareSidecars(*sidecar, fullSidecar());
}

void TestExportSidecar::passwordInUrlNeverWritten()
{
    ExportSidecar sidecar = fullSidecar();
    sidecar.baseUrl = QUrl(u"https://someone:s3cr3t-pw@pbx.example.com/api"_s);
    const QByteArray json = ExportSidecarFile::toJson(sidecar);
    QVERIFY(!json.contains("s3cr3t-pw"));
    const auto read = ExportSidecarFile::fromJson(json, nullptr);
    QVERIFY(read);
    QCOMPARE(read->baseUrl, QUrl(u"https://someone@pbx.example.com/api"_s));

    // Nor is one taken over from a hand-edited file.
    QByteArray edited = ExportSidecarFile::toJson(fullSidecar());
    edited.replace("https://pbx.example.com", "https://a:s3cr3t-pw@pbx.example.com");
    const auto fromEdited = ExportSidecarFile::fromJson(edited, nullptr);
    QVERIFY(fromEdited);
    QVERIFY(fromEdited->baseUrl.password().isEmpty());
}

void TestExportSidecar::hostile_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("reasonContains");

    QTest::newRow("empty") << QByteArray() << u"not valid JSON"_s;
    QTest::newRow("truncated") << ExportSidecarFile::toJson(fullSidecar()).left(200) << u"not valid JSON"_s;
    QTest::newRow("invalid UTF-8") << QByteArray("{\"format\": \"\xff\xfe\"}") << u"not valid JSON"_s;
    QTest::newRow("array") << QByteArray("[1, 2]") << u"not a JSON object"_s;
    QTest::newRow("string") << QByteArray("\"cdr-browser-export-sidecar\"") << u"not a JSON object"_s;
    QTest::newRow("no marker") << QByteArray(R"({"version": 1, "provider": "plivo"})") << u"“format”"_s;
    QTest::newRow("other marker") << withValue("format", "\"something-else\"") << u"“format”"_s;
    QTest::newRow("marker not text") << withValue("format", "7") << u"“format”"_s;
    QTest::newRow("newer version") << withValue("version", "2") << u"newer version"_s;
    QTest::newRow("version zero") << withValue("version", "0") << u"“version”"_s;
    QTest::newRow("version text") << withValue("version", "\"1\"") << u"“version”"_s;
    QTest::newRow("version float") << withValue("version", "1.5") << u"“version”"_s;
    QTest::newRow("version huge") << withValue("version", "18446744073709551615") << u"“version”"_s;
    QTest::newRow("provider number") << withValue("provider", "3") << u"“provider”"_s;
    QTest::newRow("provider empty") << withValue("provider", "\"\"") << u"“provider”"_s;
    QTest::newRow("profile name object") << withValue("profileName", "{}") << u"“profileName”"_s;
    QTest::newRow("url relative") << withValue("baseUrl", "\"/api\"") << u"“baseUrl”"_s;
    QTest::newRow("user null") << withValue("user", "null") << u"“user”"_s;
    QTest::newRow("options array") << withValue("options", "[]") << u"“options”"_s;
    QTest::newRow("option number") << withValue("options", R"({"domain": 5})") << u"“options.domain”"_s;
    QTest::newRow("pin short") << withValue("pinnedCertificateSha256", "\"abcd\"") << u"“pinnedCertificateSha256”"_s;
    QTest::newRow("pin not hex") << withValue("pinnedCertificateSha256", '"' + std::string(64, 'z') + '"')
                                 << u"“pinnedCertificateSha256”"_s;
    QTest::newRow("scope unknown") << withValue("scope", "\"everything\"") << u"“scope”"_s;
    QTest::newRow("query array") << withValue("query", "[]") << u"“query”"_s;
    QTest::newRow("since number") << withValue("query.since", "1700000000") << u"“query.since”"_s;
    QTest::newRow("since no zone") << withValue("query.since", "\"2026-10-01T00:00:00\"") << u"“query.since”"_s;
    QTest::newRow("since garbage") << withValue("query.since", "\"yesterday\"") << u"“query.since”"_s;
    QTest::newRow("until before since") << withValue("query.until", "\"2026-09-01T00:00:00Z\"") << u"“query.until”"_s;
    QTest::newRow("filter number") << withValue("query.filters", R"({"caller": 4930})") << u"“query.filters.caller”"_s;
    QTest::newRow("extra not pairs") << withValue("query.extraParams", R"([["a"]])") << u"“query.extraParams”"_s;
    QTest::newRow("extra object") << withValue("query.extraParams", R"({"a": "b"})") << u"“query.extraParams”"_s;
    QTest::newRow("sort flag text") << withValue("query.sortDescending", "\"yes\"") << u"“query.sortDescending”"_s;
    QTest::newRow("columns number") << withValue("columns", R"(["id", 3])") << u"“columns”"_s;
    QTest::newRow("file format text") << withValue("fileFormat", "\"csv\"") << u"“fileFormat”"_s;
    QTest::newRow("format xlsx") << withValue("fileFormat.format", "\"xlsx\"") << u"“fileFormat.format”"_s;
    QTest::newRow("separator two") << withValue("fileFormat.separator", "\";;\"") << u"“fileFormat.separator”"_s;
    QTest::newRow("separator quote") << withValue("fileFormat.separator", R"("\"")") << u"“fileFormat.separator”"_s;
    QTest::newRow("separator newline") << withValue("fileFormat.separator", R"("\n")") << u"“fileFormat.separator”"_s;
    QTest::newRow("decimal point") << withValue("fileFormat.decimalPoint", "\";\"") << u"“fileFormat.decimalPoint”"_s;
    QTest::newRow("separator letter") << withValue("fileFormat.separator", "\"x\"") << u"“fileFormat.separator”"_s;
    QTest::newRow("durations minutes") << withValue("fileFormat.durations", "\"minutes\"")
                                       << u"“fileFormat.durations”"_s;
    QTest::newRow("zone unknown") << withValue("fileFormat.zone", "\"Mars/Olympus_Mons\"") << u"“fileFormat.zone”"_s;
    QTest::newRow("zone empty") << withValue("fileFormat.zone", "\"\"") << u"“fileFormat.zone”"_s;
    QTest::newRow("preset pdf") << withValue("preset", "\"pdf\"") << u"“preset”"_s;
    QTest::newRow("fetched number") << withValue("fetchedAt", "0") << u"“fetchedAt”"_s;
    QTest::newRow("rows negative") << withValue("rowCount", "-1") << u"“rowCount”"_s;
    QTest::newRow("rows fraction") << withValue("rowCount", "1.5") << u"“rowCount”"_s;
    QTest::newRow("rows text") << withValue("rowCount", "\"10\"") << u"“rowCount”"_s;
    QTest::newRow("rows too large") << withValue("rowCount", "18446744073709551615") << u"“rowCount”"_s;
    QTest::newRow("complete text") << withValue("complete", "\"yes\"") << u"“complete”"_s;
}

void TestExportSidecar::hostile()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, reasonContains);
    QString error;
    const std::optional<ExportSidecar> sidecar = ExportSidecarFile::fromJson(json, &error);
    QVERIFY(!sidecar);
    QVERIFY2(error.contains(reasonContains), qPrintable(error));
    // The whole reason is one line that a message box or stderr can show.
    QVERIFY(!error.contains(u'\n'));
}

void TestExportSidecar::deeplyNested()
{
    // Deep nesting in an ignored key must neither crash nor be accepted quietly.
    const QByteArray deep = QByteArray(100000, '[') + QByteArray(100000, ']');
    QByteArray json = ExportSidecarFile::toJson(fullSidecar());
    json.replace("\"version\": 1,", "\"version\": 1,\n  \"extra\": " + deep + ',');
    QString error;
    QVERIFY(!ExportSidecarFile::fromJson(json, &error));
    QVERIFY2(error.contains(u"nested too deeply"_s), qPrintable(error));
}

void TestExportSidecar::pathFor_data()
{
    QTest::addColumn<QString>("exportPath");
    QTest::addColumn<QString>("sidecarPath");
    QTest::newRow("csv") << u"/tmp/calls.csv"_s << u"/tmp/calls.csv.json"_s;
    QTest::newRow("jsonl") << u"calls.jsonl"_s << u"calls.jsonl.json"_s;
    QTest::newRow("no extension") << u"/data/export"_s << u"/data/export.json"_s;
    QTest::newRow("spaces and umlauts") << u"/home/ä b/Anrufe Mai.csv"_s << u"/home/ä b/Anrufe Mai.csv.json"_s;
}

void TestExportSidecar::pathFor()
{
    QFETCH(QString, exportPath);
    QFETCH(QString, sidecarPath);
    QCOMPARE(ExportSidecarFile::pathFor(exportPath), sidecarPath);
}

void TestExportSidecar::writeAndRead()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString exportPath = dir.filePath(u"calls.csv"_s);
    QString error;
    QVERIFY2(ExportSidecarFile::write(fullSidecar(), exportPath, &error), qPrintable(error));
    QVERIFY(QFile::exists(dir.filePath(u"calls.csv.json"_s)));
    QVERIFY(!QFile::exists(exportPath)); // the sidecar only, never the export itself

    const std::optional<ExportSidecar> read = ExportSidecarFile::read(ExportSidecarFile::pathFor(exportPath), &error);
    QVERIFY2(read, qPrintable(error));
    compareSidecars(*read, fullSidecar());

    // writeFile puts it exactly where it is told.
    const QString elsewhere = dir.filePath(u"description.json"_s);
    QVERIFY2(ExportSidecarFile::writeFile(fullSidecar(), elsewhere, &error), qPrintable(error));
    QFile file(elsewhere);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), ExportSidecarFile::toJson(fullSidecar()));
    // Only the entries we wrote: QSaveFile left no temporary behind.
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 2);
}

void TestExportSidecar::readFailures()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString error;
    QVERIFY(!ExportSidecarFile::read(dir.filePath(u"missing.json"_s), &error));
    QVERIFY2(error.contains(u"missing.json"_s), qPrintable(error));

    QFile garbage(dir.filePath(u"garbage.json"_s));
    QVERIFY(garbage.open(QIODevice::WriteOnly));
    garbage.write("col1,col2\r\n1,2\r\n");
    garbage.close();
    error.clear();
    QVERIFY(!ExportSidecarFile::read(garbage.fileName(), &error));
    QVERIFY2(error.contains(u"garbage.json"_s) && error.contains(u"not valid JSON"_s), qPrintable(error));

    error.clear();
    QVERIFY(!ExportSidecarFile::write(fullSidecar(), dir.filePath(u"no/such/dir/calls.csv"_s), &error));
    QVERIFY2(error.contains(u"calls.csv.json"_s), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestExportSidecar)
#include "tst_exportsidecar.moc"
