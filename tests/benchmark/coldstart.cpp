// Scenario e: cold start. cdr-browser has no "quit once shown" switch, so this
// binary starts itself again as a child that builds the same MainWindow as
// cdr-browser's main() (offscreen, fresh settings) and reports the first paint.
// The parent times from QProcess::start() to that report: process creation,
// dynamic linking, QApplication, the window, its first paint.

#include "benchmark.h"
#include "mainwindow.h"
#include "secretstore.h"

#include <QApplication>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace bench {

namespace {

// Prints the time of the window's first paint, then quits.
class FirstPaint final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FirstPaint)
public:
    explicit FirstPaint(const QElapsedTimer &sinceMain, QObject *parent = nullptr)
        : QObject(parent)
        , m_sinceMain(sinceMain)
    {
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_seen) {
            m_seen = true;
            std::printf("shown %.3f\n", double(m_sinceMain.nsecsElapsed()) / 1e6);
            std::fflush(stdout);
            QTimer::singleShot(0, qApp, [] { QCoreApplication::quit(); });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    const QElapsedTimer &m_sinceMain;
    bool m_seen = false;
};

void progress(const QString &text)
{
    QTextStream(stderr) << "  " << text << Qt::endl;
}

} // namespace

int coldStartChild()
{
    QElapsedTimer sinceMain;
    sinceMain.start();
    int argc = 1;
    char name[] = "cdr-benchmark";
    char *argv[] = {name, nullptr};
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QTemporaryDir home;
    QSettings settings(home.filePath(u"settings.ini"_s), QSettings::IniFormat);
    QNetworkAccessManager network;
    SecretStore secrets(settings);
    MainWindow window(settings, secrets, network);
    FirstPaint firstPaint(sinceMain);
    window.installEventFilter(&firstPaint);
    window.show();
    return QApplication::exec();
}

void runColdStartScenario(const Options &options, Report &report)
{
    const QString title = u"Cold start: process start to a painted MainWindow (offscreen)"_s;
    const QString e = u"e"_s;
    report.setScenarioStatus(e, title, false);
    progress(u"e: "_s + title);
    const int runs = options.quick ? 1 : 7;
    QList<double> total;
    QList<double> inProcess;
    for (int i = 0; i < runs; ++i) {
        QProcess child;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        child.setProcessEnvironment(environment);
        child.setStandardErrorFile(QProcess::nullDevice());
        Waiter waiter;
        QElapsedTimer clock;
        double shownAt = -1;
        QObject::connect(&child, &QProcess::readyReadStandardOutput, &waiter, [&] {
            while (child.canReadLine()) {
                const QByteArray line = child.readLine().trimmed();
                if (line.startsWith("shown ")) {
                    total.append(double(clock.nsecsElapsed()) / 1e6);
                    shownAt = line.mid(6).toDouble();
                    inProcess.append(shownAt);
                }
            }
        });
        QObject::connect(&child, &QProcess::finished, &waiter, [&] { waiter.done(); });
        clock.start();
        child.start(options.selfPath, {u"--cold-start-child"_s});
        if (!waiter.wait(30000))
            child.kill();
        child.waitForFinished(5000);
        if (shownAt < 0)
            progress(u"run %1: no window shown"_s.arg(i + 1));
    }
    if (total.isEmpty())
        return;
    std::sort(total.begin(), total.end());
    std::sort(inProcess.begin(), inProcess.end());
    const double median = total[total.size() / 2];
    progress(u"median %1 ms over %2 runs (fastest %3 ms)"_s.arg(median, 0, 'f', 0).arg(total.size()).arg(total.first(), 0, 'f', 0));
    Figure start{e, u"process start to first paint, median"_s, median, u"ms"_s};
    start.higherIsBetter = false;
    start.note = u"%1 runs, fastest %2 ms; of which main() to first paint %3 ms (median); no translations loaded"_s
                     .arg(total.size())
                     .arg(total.first(), 0, 'f', 0)
                     .arg(inProcess[inProcess.size() / 2], 0, 'f', 0);
    report.add(atMost(start, 400, u"< 400 ms"_s));
    report.setScenarioStatus(e, title, total.size() == runs);
}

} // namespace bench

#include "coldstart.moc"
