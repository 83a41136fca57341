#include "cdrtablemodel.h"
#include "demo.h"
#include "mainwindow.h"
#include "searchstatusbar.h"
#include "secretstore.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>
#include <QTranslator>

#include <cstdio>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

void installTranslations(QApplication &app)
{
    // English is in the source; its file only holds the plural forms, which
    // every language without a translation of its own falls back to.
    auto *qtTranslator = new QTranslator(&app);
    if (qtTranslator->load(QLocale(), u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtTranslator);
    auto *appTranslator = new QTranslator(&app);
    if (appTranslator->load(QLocale(), u"cdrbrowser"_s, u"_"_s, u":/i18n"_s)
        || appTranslator->load(u"cdrbrowser_en"_s, u":/i18n"_s))
        QCoreApplication::installTranslator(appTranslator);
}

// For the README: once the first page is in and a row is selected, the window
// draws itself into `file` and the app quits.
void takeScreenshotWhenLoaded(MainWindow &window, const QString &file)
{
    auto *model = window.model();
    auto taken = std::make_shared<bool>(false);
    // Never hang a script: without rows in half a minute, give up.
    QTimer::singleShot(30000, &window, [taken] {
        if (*taken)
            return;
        std::fprintf(stderr, "%s\n", qPrintable(QCoreApplication::translate("main", "No rows arrived; no screenshot taken.")));
        QCoreApplication::exit(1);
    });
    QObject::connect(model, &QAbstractItemModel::rowsInserted, &window, [&window, file, taken] {
        if (*taken)
            return;
        *taken = true;
        QTableView *view = window.tableView();
        view->selectRow(2);
        // Let the detail pane and the header lay themselves out before grabbing.
        QTimer::singleShot(700, &window, [&window, file] {
            const bool saved = window.grab().save(file);
            if (!saved)
                std::fprintf(stderr, "%s\n", qPrintable(QCoreApplication::translate("main", "Could not write %1").arg(file)));
            QCoreApplication::exit(saved ? 0 : 1);
        });
    });
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(u"CDR Browser"_s);
    QApplication::setApplicationName(u"CDR Browser"_s);
    QApplication::setApplicationVersion(QStringLiteral(CDR_VERSION));
    QApplication::setDesktopFileName(u"cdr-browser"_s);
    QApplication::setWindowIcon(QIcon(u":/icons/cdr-browser.svg"_s));
    installTranslations(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("main", "Search, inspect and export call detail records."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demoOption(u"demo"_s,
        QCoreApplication::translate("main", "Start with a simulated Plivo account on this computer."));
    const QCommandLineOption screenshotOption(u"screenshot"_s,
        QCoreApplication::translate("main", "Save a picture of the window to <file> once rows are shown, then quit."),
        QCoreApplication::translate("main", "file"));
    parser.addOption(demoOption);
    parser.addOption(screenshotOption);
    parser.process(app);
    const bool demoMode = parser.isSet(demoOption);

    // The demo keeps its own settings, so it never touches the user's profiles; a
    // screenshot starts from the defaults every time, so it shows what a new user sees.
    const bool screenshot = parser.isSet(screenshotOption);
    QTemporaryDir screenshotHome;
    std::unique_ptr<QSettings> settingsHolder =
        screenshot ? std::make_unique<QSettings>(screenshotHome.filePath(u"settings.ini"_s), QSettings::IniFormat)
                   : std::make_unique<QSettings>(u"CDR Browser"_s, demoMode ? u"CDR Browser Demo"_s : u"CDR Browser"_s);
    QSettings &settings = *settingsHolder;
    QNetworkAccessManager network;
    SecretStore secrets(settings);
    MainWindow window(settings, secrets, network);
    Demo demo;

    QObject::connect(&window, &MainWindow::demoRequested, &demo, &Demo::start);
    QObject::connect(&demo, &Demo::ready, &window, [&window](const QUrl &baseUrl) {
        // Every provider can be tried; the Plivo one is added last, so it is the one shown first.
        window.addSessionProfile(Demo::portsipProfile(baseUrl), Demo::portsipSecret());
        window.addSessionProfile(Demo::enswitchProfile(baseUrl), Demo::enswitchSecret());
        window.addSessionProfile(Demo::profile(baseUrl), Demo::secret());
        window.search();
    });
    QObject::connect(&demo, &Demo::failed, &window,
                     [&window](const QString &errorText) { window.searchStatus()->showNote(errorText); });

    if (screenshot) {
        window.resize(1600, 900);
        takeScreenshotWhenLoaded(window, parser.value(screenshotOption));
    }
    if (demoMode)
        demo.start();
    window.show();
    return QApplication::exec();
}
