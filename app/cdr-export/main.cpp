#include "exportoptions.h"
#include "exportrunner.h"

#include <QCoreApplication>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QTimer>
#include <QTranslator>

#include <cstdio>

namespace {

QtMessageHandler qtHandler = nullptr;

// Scripts read stderr as "one line that says what went wrong". Qt's own
// diagnostics (e.g. a warning when parallel requests are aborted after a
// failure) would break that, so they are shown only when asked for.
void messageHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    static const bool verbose = !qEnvironmentVariableIsEmpty("CDR_EXPORT_DEBUG");
    if (verbose || type == QtCriticalMsg || type == QtFatalMsg)
        qtHandler(type, context, message);
}

} // namespace

int main(int argc, char *argv[])
{
    qtHandler = qInstallMessageHandler(messageHandler);
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("cdr-export"));

    // The translations are embedded by translations/CMakeLists.txt; English needs none.
    QTranslator translator;
    // Languages without a file of their own still get the English plural forms.
    if (translator.load(QLocale(), QStringLiteral("cdrbrowser"), QStringLiteral("_"), QStringLiteral(":/i18n"))
        || translator.load(QStringLiteral("cdrbrowser_en"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&translator);

    const ExportArguments arguments = ExportCommandLine::parse(QCoreApplication::arguments());
    switch (arguments.outcome) {
    case ExportArguments::Outcome::Help:
        std::fputs(ExportCommandLine::usage().toLocal8Bit().constData(), stdout);
        return 0;
    case ExportArguments::Outcome::UsageError:
        for (const QString &error : arguments.errors)
            std::fprintf(stderr, "cdr-export: %s\n", error.toLocal8Bit().constData());
        std::fputs(ExportCommandLine::usageHint().toLocal8Bit().constData(), stderr);
        return ExportRunner::UsageError;
    case ExportArguments::Outcome::Run:
        break;
    }

    QNetworkAccessManager network;
    ExportRunner runner(network, arguments.options);
    QObject::connect(&runner, &ExportRunner::finished, &app, [](int exitCode) { QCoreApplication::exit(exitCode); });
    QTimer::singleShot(0, &runner, &ExportRunner::start);
    return app.exec();
}
