// Scenario c: Enswitch, 200,000 legs, in 1,000-row pages and in one response.
// The simulator runs as a separate process (cdr-simulator) here, so the peak
// memory read from /proc/self is the client's alone, not the server's body too.

#include "benchmark.h"
#include "cdrtablemodel.h"
#include "fetchrun.h"
#include "httptransport.h"
#include "pagestreamparser.h"
#include "providers/enswitch/enswitchprovider.h"
#include "simulator.h"

#include <QCryptographicHash>
#include <QNetworkReply>
#include <QProcess>
#include <QTextStream>
#include <QTimeZone>

#include <nlohmann/json.hpp>

#include <malloc.h>

using namespace Qt::StringLiterals;

namespace bench {

namespace {

void progress(const QString &text)
{
    QTextStream(stderr) << "  " << text << Qt::endl;
}

// The simulator in a child process; its URL comes from its first line of output.
class SimulatorProcess {
public:
    explicit SimulatorProcess(const QStringList &arguments)
    {
        m_process.setProgram(QStringLiteral(CDR_SIMULATOR_PATH));
        m_process.setArguments(arguments);
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        m_process.setStandardErrorFile(QProcess::nullDevice());
        Waiter waiter;
        QObject::connect(&m_process, &QProcess::readyReadStandardOutput, &waiter, [&] {
            while (m_process.canReadLine()) {
                const QByteArray line = m_process.readLine().trimmed();
                if (line.startsWith("listening on ")) {
                    m_baseUrl = QUrl(QString::fromLatin1(line.mid(13)));
                    waiter.done();
                }
            }
        });
        QObject::connect(&m_process, &QProcess::finished, &waiter, [&] { waiter.done(); });
        m_process.start();
        waiter.wait(20000);
    }
    ~SimulatorProcess()
    {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
    QUrl baseUrl() const { return m_baseUrl; }

private:
    QProcess m_process;
    QUrl m_baseUrl;
};

// What a compact row store would hold: numbers, booleans and times as 8 bytes,
// text as its characters plus a 4-byte offset (UTF-16 length stands in for UTF-8).
qint64 compactBytes(const CdrTableModel &model)
{
    qint64 bytes = 0;
    for (int row = 0; row < model.rowCount(); ++row) {
        for (const NativeField &field : model.record(row).native) {
            switch (field.value.kind) {
            case NativeValue::Kind::Null:
                break;
            case NativeValue::Kind::Bool:
            case NativeValue::Kind::Number:
                bytes += 8;
                break;
            default:
                bytes += 4 + field.value.text.size();
            }
        }
    }
    return bytes;
}

// Counts objects and nothing else: how fast nlohmann's SAX parser alone goes.
struct CountingSax : nlohmann::json_sax<nlohmann::json> {
    qint64 objects = 0;
    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(number_integer_t) override { return true; }
    bool number_unsigned(number_unsigned_t) override { return true; }
    bool number_float(number_float_t, const string_t &) override { return true; }
    bool string(string_t &) override { return true; }
    bool binary(binary_t &) override { return true; }
    bool start_object(std::size_t) override
    {
        ++objects;
        return true;
    }
    bool key(string_t &) override { return true; }
    bool end_object() override { return true; }
    bool start_array(std::size_t) override { return true; }
    bool end_array() override { return true; }
    bool parse_error(std::size_t, const std::string &, const nlohmann::detail::exception &) override { return false; }
};

struct MemoryRun {
    FetchRun fetch;
    qint64 peakGrowth = 0;   // VmHWM during the load minus VmRSS before it
    qint64 retained = 0;     // VmRSS with the rows loaded minus VmRSS before
    qint64 compact = 0;
};

MemoryRun measuredFetch(ProbeNetwork &network, FetchSetup setup)
{
    MemoryRun run;
    malloc_trim(0);
    const qint64 before = residentBytes();
    resetPeakResident();
    setup.inspect = [&run, before](const CdrTableModel &model) {
        malloc_trim(0);
        run.retained = residentBytes() - before;
        run.compact = compactBytes(model);
    };
    run.fetch = runFetch(network, setup);
    run.peakGrowth = peakResidentBytes() - before;
    return run;
}

struct BaselineRun {
    QByteArray body;          // kept for the parser-alone pass
    qint64 bytes = 0;
    double seconds = 0;       // first byte to the end of the SAX pass
    double parseSeconds = 0;
    qint64 objects = 0;
};

// Plain download of the whole body, then nlohmann::json::sax_parse over it.
BaselineRun baselineDownloadAndParse(ProbeNetwork &network, const Provider &provider, const FetchSetup &setup)
{
    BaselineRun run;
    const SearchQuery query = setup.query.resolved(QDateTime::currentDateTimeUtc(), provider.timeRange());
    network.resetCounters();
    QElapsedTimer clock;
    clock.start();
    QNetworkReply *reply = HttpTransport::send(network, provider.pageRequest(setup.connection, query, 0, 10000000),
        setup.connection, std::chrono::milliseconds(setup.timeoutMs));
    Waiter waiter;
    QObject::connect(reply, &QNetworkReply::finished, &waiter, [&] { waiter.done(); });
    waiter.wait(setup.timeoutMs);
    const HttpTransport::Outcome outcome = HttpTransport::read(*reply);
    reply->deleteLater();
    QElapsedTimer parse;
    parse.start();
    CountingSax sax;
    nlohmann::json::sax_parse(outcome.body.begin(), outcome.body.end(), &sax);
    run.parseSeconds = seconds(parse.nsecsElapsed());
    run.objects = sax.objects;
    run.bytes = outcome.body.size();
    run.body = outcome.body;
    run.seconds = seconds(clock.nsecsElapsed() - network.firstByteNs().value_or(0));
    return run;
}

// Every field of every row, so a change to the parser can be checked to give the same records.
QByteArray digestOf(const std::vector<CdrRecord> &rows)
{
    QCryptographicHash hash(QCryptographicHash::Sha1);
    auto text = [&hash](const QString &value) {
        hash.addData(QByteArrayView(reinterpret_cast<const char *>(value.utf16()), value.size() * 2));
        hash.addData(QByteArrayView("\0", 1));
    };
    auto time = [&text](const QDateTime &value) {
        text(value.isValid() ? QString::number(value.toMSecsSinceEpoch()) : QString());
        text(QString::number(int(value.timeSpec())) + QString::fromLatin1(value.timeZone().id()));
    };
    auto number = [&text](const std::optional<qint64> &value) { text(value ? QString::number(*value) : u"-"_s); };
    for (const CdrRecord &row : rows) {
        text(row.id);
        time(row.startTime);
        time(row.answerTime);
        time(row.endTime);
        for (const QString *value : {&row.caller, &row.callee, &row.amount, &row.rate, &row.currency,
                 &row.hangupCause, &row.hangupSource, &row.trunk})
            text(*value);
        text(QString::number(int(row.direction)));
        number(row.duration);
        number(row.billedDuration);
        for (const NativeField &field : row.native) {
            text(field.name);
            text(QString::number(int(field.value.kind)));
            text(field.value.text);
        }
    }
    return hash.result().toHex();
}

struct ParserRun {
    double seconds = 0; // bytes in, records out
    qint64 rows = 0;
    QByteArray digest;
};

// Our stream parser alone over a downloaded body, fed in network-sized chunks:
// no network, no paging engine, no model.
ParserRun parserAlone(const Provider &provider, const QByteArray &body)
{
    constexpr qsizetype kChunk = 16 * 1024;
    ParserRun run;
    QElapsedTimer clock;
    clock.start();
    PageResult page;
    if (std::unique_ptr<PageStreamParser> parser = provider.pageStreamParser()) {
        for (qsizetype at = 0; at < body.size(); at += kChunk)
            parser->feed(QByteArrayView(body).sliced(at, std::min(kChunk, body.size() - at)));
        page = parser->finish();
    } else {
        page = provider.parsePage(body);
    }
    run.seconds = seconds(clock.nsecsElapsed());
    run.rows = qint64(page.rows.size());
    run.digest = digestOf(page.rows);
    return run;
}

void addMemoryFigures(Report &report, const QString &mode, const MemoryRun &run)
{
    const QString c = u"c"_s;
    const double limit = 2.0 * double(run.compact) + 100e6;
    Figure peak{c, u"%1: peak memory growth"_s.arg(mode), mb(run.peakGrowth), u"MB"_s};
    peak.higherIsBetter = false;
    peak.note = u"compact rows would be %1 MB, so the target is %2 MB; %3 MB stay with the rows loaded"_s
                    .arg(mb(run.compact), 0, 'f', 0)
                    .arg(limit / 1e6, 0, 'f', 0)
                    .arg(mb(run.retained), 0, 'f', 0);
    report.add(atMost(peak, limit / 1e6, u"< 2x compact + 100"_s));
    Figure stall{c, u"%1: longest event-loop stall"_s.arg(mode), run.fetch.maxStallMs, u"ms"_s};
    stall.higherIsBetter = false;
    report.add(atMost(stall, 50));
}

} // namespace

void runEnswitchScenario(const Options &options, Report &report)
{
    const int legs = options.quick ? 5000 : 200000;
    const QString title = u"Enswitch: %1 legs, in pages of 1,000 and in one response"_s.arg(legs);
    const QString c = u"c"_s;
    report.setScenarioStatus(c, title, false);
    progress(u"c: "_s + title);
    // One filter and sort for all pages, so the server is not the bottleneck.
    SimulatorProcess server(
        {u"--enswitch-legs"_s, QString::number(legs), u"--port"_s, u"0"_s, u"--cache-list-matches"_s});
    if (!server.baseUrl().isValid()) {
        progress(u"cdr-simulator did not start"_s);
        return;
    }

    const EnswitchProvider provider;
    const cdrsim::EnswitchAccount account = cdrsim::Simulator::enswitchDemoAccount();
    FetchSetup setup;
    setup.provider = &provider;
    setup.connection = Connection{server.baseUrl(), account.username, account.password};
    setup.query.since = QDateTime::currentDateTimeUtc().addDays(-121);
    // Every leg: all customers, archived ones too.
    setup.query.extraParams = {{u"customer"_s, u"system"_s}, {u"archive"_s, u"1"_s}};
    setup.timeoutMs = 600000;
    ProbeNetwork network;

    FetchSetup warmUp = setup;
    warmUp.loadAll = false;
    runFetch(network, warmUp);

    const MemoryRun paged = measuredFetch(network, setup);
    progress(u"paged:    %1 rows, %2 MB, %3 s from first byte"_s.arg(paged.fetch.rows)
                 .arg(mb(paged.fetch.bytes), 0, 'f', 1)
                 .arg(paged.fetch.firstByteToLastRowSeconds, 0, 'f', 2));

    FetchSetup whole = setup;
    whole.policy = provider.pagingFor(setup.connection);
    whole.policy->pageSize = 10000000; // larger than the result: the server sends it all at once, as limit=0 would
    whole.policy->maxInFlight = 1;
    const MemoryRun single = measuredFetch(network, whole);
    progress(u"one body: %1 rows, %2 MB, %3 s from first byte"_s.arg(single.fetch.rows)
                 .arg(mb(single.fetch.bytes), 0, 'f', 1)
                 .arg(single.fetch.firstByteToLastRowSeconds, 0, 'f', 2));

    malloc_trim(0);
    const BaselineRun baseline = baselineDownloadAndParse(network, provider, setup);
    progress(u"baseline: %1 MB, %2 objects, %3 s from first byte (SAX pass %4 s)"_s.arg(mb(baseline.bytes), 0, 'f', 1)
                 .arg(baseline.objects)
                 .arg(baseline.seconds, 0, 'f', 2)
                 .arg(baseline.parseSeconds, 0, 'f', 2));
    const double baselineMbs = baseline.seconds > 0 ? mb(baseline.bytes) / baseline.seconds : 0;

    malloc_trim(0);
    const ParserRun alone = parserAlone(provider, baseline.body);
    progress(u"parser:   %1 rows in %2 s, records digest %3"_s.arg(alone.rows)
                 .arg(alone.seconds, 0, 'f', 2)
                 .arg(QString::fromLatin1(alone.digest)));

    for (const auto &[mode, run] : {std::pair{u"paged"_s, &paged}, std::pair{u"one response"_s, &single}}) {
        const double mbs = run->fetch.firstByteToLastRowSeconds > 0
            ? mb(run->fetch.bytes) / run->fetch.firstByteToLastRowSeconds
            : 0;
        Figure speed{c, u"%1: first byte to last row"_s.arg(mode), mbs, u"MB/s"_s, baselineMbs};
        speed.note = u"%1 rows, %2 MB in %3 requests; baseline: download the one body, then a counting SAX pass"_s
                         .arg(run->fetch.rows)
                         .arg(mb(run->fetch.bytes), 0, 'f', 1)
                         .arg(run->fetch.requests);
        report.add(atLeast(speed, 150));
        addMemoryFigures(report, mode, *run);
    }
    Figure parser{c, u"nlohmann SAX pass alone (the ceiling)"_s,
        baseline.parseSeconds > 0 ? mb(baseline.bytes) / baseline.parseSeconds : 0, u"MB/s"_s};
    parser.note = u"reference on this kind of machine: ~195 MB/s (measurements.md)"_s;
    report.add(parser);
    const double saxMbs = parser.value;
    Figure ours{c, u"our parser alone (bytes -> records, no network, no model)"_s,
        alone.seconds > 0 ? mb(baseline.bytes) / alone.seconds : 0, u"MB/s"_s};
    ours.note = u"%1 rows; the streamed parser fed 16 KB chunks of the downloaded body; %2 of the SAX pass alone"_s
                    .arg(alone.rows)
                    .arg(saxMbs > 0 ? ours.value / saxMbs : 0, 0, 'f', 2);
    report.add(ours);
    report.setScenarioStatus(c, title, paged.fetch.completed && single.fetch.completed && baseline.bytes > 0);
}

} // namespace bench
