// cdr-benchmark: runs the client against the simulator with injected latency
// and prints each figure beside a simple baseline and the target of issue 6.
// See BENCHMARKS.md at the repository root.

#include "benchmark.h"

#include <QCommandLineParser>
#include <QApplication>
#include <QFile>
#include <QStandardPaths>
#include <QSysInfo>
#include <QTextStream>
#include <QThread>

#include <cstring>

using namespace Qt::StringLiterals;

namespace {

QString cpuModel()
{
    QFile cpuinfo(u"/proc/cpuinfo"_s);
    if (!cpuinfo.open(QIODevice::ReadOnly))
        return {};
    for (const QByteArray &line : cpuinfo.readAll().split('\n')) {
        if (line.startsWith("model name"))
            return QString::fromUtf8(line.mid(line.indexOf(':') + 1).trimmed());
    }
    return {};
}

QString loadAverage()
{
    QFile load(u"/proc/loadavg"_s);
    if (!load.open(QIODevice::ReadOnly))
        return {};
    return QString::fromLatin1(load.readAll().trimmed().split(' ').mid(0, 3).join(' '));
}

} // namespace

int main(int argc, char *argv[])
{
    // The cold-start child must start exactly as the app does: nothing created before it.
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--cold-start-child") == 0)
            return bench::coldStartChild();
    }

    // A QApplication, so scenario d can measure the totals bar (a widget); offscreen unless told otherwise.
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"cdr-benchmark"_s);
    QStandardPaths::setTestModeEnabled(true);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Measures CDR Browser against the simulator and prints each figure beside a baseline and its target."_s);
    parser.addHelpOption();
    const QCommandLineOption quickOption(u"quick"_s, u"Small sizes: a smoke run in seconds."_s);
    const QCommandLineOption onlyOption(
        u"only"_s, u"Run only these scenarios, e.g. a,c (a Plivo, b PortSIP, c Enswitch, d table, e cold start)."_s,
        u"list"_s);
    const QCommandLineOption jsonOption(
        u"json"_s, u"Write the results as JSON to this file (default ./benchmark-results.json)."_s, u"file"_s);
    parser.addOptions({quickOption, onlyOption, jsonOption});
    parser.process(app);

    bench::Options options;
    options.quick = parser.isSet(quickOption);
    if (parser.isSet(onlyOption))
        options.only = parser.value(onlyOption).split(u',', Qt::SkipEmptyParts);
    if (parser.isSet(jsonOption))
        options.jsonPath = parser.value(jsonOption);
    options.selfPath = QCoreApplication::applicationFilePath();

    const QString machine = u"%1 CPUs, %2; %3; load average at start %4"_s.arg(QThread::idealThreadCount())
                                .arg(cpuModel(), QSysInfo::prettyProductName(), loadAverage());
    QTextStream(stderr) << "cdr-benchmark" << (options.quick ? " --quick" : "") << " on " << machine << Qt::endl;

    struct Scenario {
        QString letter;
        void (*run)(const bench::Options &, bench::Report &);
    };
    const QList<Scenario> scenarios{{u"a"_s, bench::runPlivoScenario}, {u"b"_s, bench::runPortsipScenario},
        {u"c"_s, bench::runEnswitchScenario}, {u"d"_s, bench::runTableScenario},
        {u"e"_s, bench::runColdStartScenario}};
    bench::Report report;
    for (const Scenario &scenario : scenarios) {
        if (options.only.isEmpty() || options.only.contains(scenario.letter))
            scenario.run(options, report);
    }

    report.print();
    const QString finalMachine = u"%1; load average at end %2"_s.arg(machine, loadAverage());
    if (!report.writeJson(options.jsonPath, finalMachine)) {
        QTextStream(stderr) << "could not write " << options.jsonPath << Qt::endl;
        return 1;
    }
    QTextStream(stderr) << "results written to " << options.jsonPath << Qt::endl;
    return 0;
}
