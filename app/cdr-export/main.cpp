#include "exportoptions.h"
#include "exportrunner.h"

#include <QCoreApplication>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QTimer>
#include <QTranslator>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("cdr-export"));

    // The translations are embedded by translations/CMakeLists.txt; English needs none.
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("cdrbrowser"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&translator);

    const ExportArguments arguments = ExportCommandLine::parse(QCoreApplication::arguments());
    switch (arguments.outcome) {
    case ExportArguments::Outcome::Help:
        std::fputs(ExportCommandLine::usage().toLocal8Bit().constData(), stdout);
        return 0;
    case ExportArguments::Outcome::UsageError:
        for (const QString &error : arguments.errors)
            std::fprintf(stderr, "cdr-export: %s\n", error.toLocal8Bit().constData());
        std::fputs(ExportCommandLine::usage().toLocal8Bit().constData(), stderr);
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
