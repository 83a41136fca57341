#include "cdrtablemodel.h"
#include "detailpane.h"
#include "exportcontroller.h"
#include "exportdialog.h"
#include "filterform.h"
#include "mainwindow.h"
#include "profile.h"
#include "searchsession.h"
#include "searchstatusbar.h"
#include "secretprompt.h"
#include "secretstore.h"
#include "simulator.h"
#include "timerangeeditor.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QLabel>
#include <QFile>
#include <QHeaderView>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

const QString profileId = u"gui-test-profile"_s;
const QString callerPrefix = u"+1202555010"_s;   // the simulated account's own numbers: outbound calls come from them

} // namespace

class TestGui final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void searchFillsTableWithMatchingRows();
    void invalidValueIsShownInlineAndNothingIsSent();
    void loadAllCancelAndContinue();
    void failureKeepsRowsAndOffersContinue();
    void selectingRowShowsItInDetailPane();
    void exportWritesSelectedRowsWithVisibleColumns();
    void displayZoneChangesTableTimes();
    void customRangeInZoneIsSentInUtc();
    void rangeBeyondHistoryIsRefusedInline();
    void welcomeShownWithoutProfiles();
    void missingSecretIsAskedFor();
    void headerClickWhilePartialSortsOnServer();

private:
    void searchOutboundFromPrefix();
    QLineEdit *lineEdit(const QString &key) const;

    QTemporaryDir m_dir;
    std::unique_ptr<cdrsim::Simulator> m_simulator;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<MainWindow> m_window;
};

void TestGui::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    m_simulator = std::make_unique<cdrsim::Simulator>();
    QVERIFY(m_simulator->listen(0));
    m_network = std::make_unique<QNetworkAccessManager>();
}

void TestGui::init()
{
    const QString file = m_dir.filePath(u"settings-%1.ini"_s.arg(QString::fromLatin1(QTest::currentTestFunction())));
    QFile::remove(file);
    m_settings = std::make_unique<QSettings>(file, QSettings::IniFormat);
    m_secrets = std::make_unique<SecretStore>(*m_settings);
    m_secrets->setServiceName(u"CDR Browser tests"_s);
    if (QByteArray(QTest::currentTestFunction()) != "welcomeShownWithoutProfiles") {
        const bool enswitch = QByteArray(QTest::currentTestFunction()) == "headerClickWhilePartialSortsOnServer";
        Profile profile;
        profile.id = profileId;
        profile.name = enswitch ? u"Simulated Enswitch"_s : u"Simulated Plivo"_s;
        profile.providerId = enswitch ? u"enswitch"_s : u"plivo"_s;
        profile.baseUrl = m_simulator->baseUrl();
        profile.user = enswitch ? cdrsim::Simulator::enswitchDemoAccount().username
                                : cdrsim::Simulator::demoAccount().authId;
        ProfileStore(*m_settings).save(profile);
        // The keychain is not part of these tests: the secret is known for this session.
        if (QByteArray(QTest::currentTestFunction()) != "missingSecretIsAskedFor")
            m_secrets->remember(profileId, enswitch ? cdrsim::Simulator::enswitchDemoAccount().password
                                                    : cdrsim::Simulator::demoAccount().authToken);
    }
    m_window = std::make_unique<MainWindow>(*m_settings, *m_secrets, *m_network);
    m_window->resize(1400, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
}

void TestGui::cleanup()
{
    m_window.reset();
    m_secrets.reset();
    m_settings.reset();
}

QLineEdit *TestGui::lineEdit(const QString &key) const
{
    return qobject_cast<QLineEdit *>(m_window->filterForm()->fieldWidget(key));
}

void TestGui::searchOutboundFromPrefix()
{
    QLineEdit *caller = lineEdit(u"from_number"_s);
    QVERIFY(caller);
    QTest::keyClicks(caller, callerPrefix);
    auto *direction = qobject_cast<QComboBox *>(m_window->filterForm()->fieldWidget(u"call_direction"_s));
    QVERIFY(direction);
    QCOMPARE(direction->itemData(0).toString(), QString());   // "Any" first, which sends nothing
    direction->setCurrentIndex(direction->findData(u"outbound"_s));
    QVERIFY(direction->currentIndex() > 0);

    QSignalSpy started(m_window.get(), &MainWindow::searchStarted);
    QTest::keyClick(caller, Qt::Key_Return);   // Enter in a field searches
    QCOMPARE(started.count(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->model()->rowCount() > 0, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->model()->isLoading(), 15000);
}

void TestGui::searchFillsTableWithMatchingRows()
{
    searchOutboundFromPrefix();
    if (QTest::currentTestFailed())
        return;
    CdrTableModel *model = m_window->model();
    QVERIFY(model->totalCount().has_value());
    QVERIFY(*model->totalCount() > 0);
    for (int row = 0; row < model->rowCount(); ++row) {
        const CdrRecord &record = model->record(row);
        QVERIFY2(record.caller.startsWith(callerPrefix), qPrintable(record.caller));
        QCOMPARE(record.direction, Direction::Outbound);
    }
    // What the table shows agrees with the records.
    const int callerColumn = model->columnForKey(u"caller"_s);
    QVERIFY(callerColumn >= 0);
    QVERIFY(model->index(0, callerColumn).data().toString().startsWith(callerPrefix));

    const QString status = m_window->searchStatus()->loadedText();
    QVERIFY2(status.contains(QLocale().toString(*model->totalCount())), qPrintable(status));
    QVERIFY2(status.contains(QLocale().toString(model->loadedCount())), qPrintable(status));

    // Paging in as the view scrolls: the next page arrives and the count follows.
    if (model->loadedCount() < *model->totalCount()) {
        const qint64 before = model->loadedCount();
        m_window->tableView()->scrollToBottom();
        QTRY_VERIFY_WITH_TIMEOUT(model->loadedCount() > before, 15000);
        QTRY_VERIFY(m_window->searchStatus()->loadedText().contains(QLocale().toString(model->loadedCount())));
    }
    // No sort until asked; a header click sorts, and says it covers the loaded rows only.
    QHeaderView *header = m_window->tableView()->horizontalHeader();
    QCOMPARE(header->sortIndicatorSection(), -1);
    QVERIFY(!m_window->searchStatus()->isSortHintShown());
    const int billed = model->columnForKey(u"billed_duration"_s);
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {},
                      QPoint(header->sectionViewportPosition(billed) + 5, header->height() / 2));
    QCOMPARE(header->sortIndicatorSection(), billed);
    QVERIFY(model->record(0).billedDuration <= model->record(model->rowCount() - 1).billedDuration);
    QCOMPARE(m_window->searchStatus()->isSortHintShown(), model->loadedCount() < *model->totalCount());
    QVERIFY(m_window->grab().save(u"/tmp/mainwindow.png"_s));
}

void TestGui::invalidValueIsShownInlineAndNothingIsSent()
{
    const int requestsBefore = m_simulator->requestCount();
    QLineEdit *billed = lineEdit(u"bill_duration__gte"_s);
    QVERIFY(billed);
    QTest::keyClicks(billed, u"12x"_s);
    QSignalSpy started(m_window.get(), &MainWindow::searchStarted);
    QTest::keyClick(m_window.get(), Qt::Key_F5);

    const QString message = m_window->filterForm()->errorText(u"bill_duration__gte"_s);
    QVERIFY2(message.contains(u"12x"_s), qPrintable(message));
    QCOMPARE(started.count(), 0);
    QVERIFY(!m_window->model()->session());
    QCOMPARE(m_simulator->requestCount(), requestsBefore);
    QTRY_COMPARE(QApplication::focusWidget(), billed);   // the first bad field has the focus
    QVERIFY(m_window->grab().save(u"/tmp/mainwindow-error.png"_s));

    // Fixing the value clears the message, and the search goes out.
    billed->clear();
    QTest::keyClicks(billed, u"30"_s);
    QVERIFY(m_window->filterForm()->errorText(u"bill_duration__gte"_s).isEmpty());
    QTest::keyClick(m_window.get(), Qt::Key_F5);
    QCOMPARE(started.count(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->model()->rowCount() > 0, 15000);
    QVERIFY(m_simulator->requestCount() > requestsBefore);
    for (int row = 0; row < m_window->model()->rowCount(); ++row)
        QVERIFY(m_window->model()->record(row).billedDuration.value_or(-1) >= 30);
}

void TestGui::loadAllCancelAndContinue()
{
    // Slow replies, so the search is still loading when it is cancelled.
    m_simulator->setLatency(std::chrono::milliseconds(150));
    auto restoreLatency = qScopeGuard([this] { m_simulator->setLatency(std::chrono::milliseconds(0)); });
    CdrTableModel *model = m_window->model();
    SearchStatusBar *status = m_window->searchStatus();

    QTest::keyClick(m_window.get(), Qt::Key_F5);
    QTRY_VERIFY_WITH_TIMEOUT(model->totalCount().has_value(), 15000);
    const qint64 total = *model->totalCount();
    QVERIFY(total > 200);
    QTest::keyClick(m_window.get(), Qt::Key_L, Qt::ControlModifier);   // Load all
    QTRY_VERIFY_WITH_TIMEOUT(model->isLoading() && model->loadedCount() >= 40, 15000);
    QVERIFY(m_window->grab().save(u"/tmp/mainwindow-loading.png"_s));

    QTest::keyClick(m_window.get(), Qt::Key_Escape);   // Cancel
    QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading(), 15000);
    const qint64 kept = model->loadedCount();
    QVERIFY(kept > 0);
    QVERIFY(kept < total);
    QVERIFY(status->canResume());
    QVERIFY(!status->errorText().isEmpty());
    QVERIFY(m_window->grab().save(u"/tmp/mainwindow-cancelled.png"_s));

    QTest::keyClick(m_window.get(), Qt::Key_R, Qt::ControlModifier);   // Continue
    QTRY_VERIFY_WITH_TIMEOUT(model->isLoading() || model->loadedCount() > kept, 15000);
    m_window->loadAll();
    QTRY_VERIFY_WITH_TIMEOUT(model->allLoaded(), 30000);
    QCOMPARE(model->loadedCount(), total);
    QVERIFY(status->errorText().isEmpty());
    const QString loaded = QLocale().toString(total);
    QCOMPARE(status->loadedText(), u"Loaded %1 of %2"_s.arg(loaded, loaded));
}

void TestGui::failureKeepsRowsAndOffersContinue()
{
    CdrTableModel *model = m_window->model();
    SearchStatusBar *status = m_window->searchStatus();
    QTest::keyClick(m_window.get(), Qt::Key_F5);
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > 0 && !model->isLoading(), 15000);
    const qint64 total = *model->totalCount();

    // The server refuses a page half-way through "Load all", with its own words
    // (a 400: a 500 would be retried and never reach the user).
    m_simulator->failRequests(3, 1, 400);
    m_window->loadAll();
    QTRY_VERIFY_WITH_TIMEOUT(!status->errorText().isEmpty(), 15000);
    QTRY_VERIFY(!model->isLoading());
    const qint64 kept = model->loadedCount();
    QVERIFY(kept > 0);
    QVERIFY(kept < total);
    QVERIFY2(status->errorText().contains(u"400"_s), qPrintable(status->errorText()));
    QVERIFY(status->canResume());
    QVERIFY(m_window->grab().save(u"/tmp/mainwindow-failed.png"_s));

    auto *continueButton = status->findChild<QPushButton *>(u"continueButton"_s);
    QVERIFY(continueButton && continueButton->isVisible());
    QTest::mouseClick(continueButton, Qt::LeftButton);
    m_window->loadAll();
    QTRY_VERIFY_WITH_TIMEOUT(model->allLoaded(), 30000);
    QCOMPARE(model->loadedCount(), total);
    QVERIFY(status->errorText().isEmpty());
    // Every row once: nothing doubled or skipped around the failure.
    QSet<QString> ids;
    for (int row = 0; row < model->rowCount(); ++row)
        ids.insert(model->record(row).id);
    QCOMPARE(qint64(ids.size()), total);
}

void TestGui::selectingRowShowsItInDetailPane()
{
    searchOutboundFromPrefix();
    if (QTest::currentTestFailed())
        return;
    QVERIFY(m_window->model()->rowCount() > 2);
    QCOMPARE(m_window->detailPane()->record(), nullptr);
    m_window->tableView()->selectRow(2);
    const CdrRecord *shown = m_window->detailPane()->record();
    QVERIFY(shown);
    QCOMPARE(shown->id, m_window->model()->record(2).id);
    m_window->tableView()->selectRow(0);
    QCOMPARE(m_window->detailPane()->record()->id, m_window->model()->record(0).id);
}

void TestGui::exportWritesSelectedRowsWithVisibleColumns()
{
    searchOutboundFromPrefix();
    if (QTest::currentTestFailed())
        return;
    QTableView *view = m_window->tableView();
    CdrTableModel *model = m_window->model();
    // The export follows what the user arranged: move "callee" to the front.
    QHeaderView *header = view->horizontalHeader();
    const int callee = model->columnForKey(u"callee"_s);
    QVERIFY(callee >= 0);
    header->setSectionHidden(callee, false);
    header->moveSection(header->visualIndex(callee), 0);
    const QStringList keys = m_window->visibleColumnKeys();
    QCOMPARE(keys.value(0), u"callee"_s);

    view->selectionModel()->select(QItemSelection(model->index(1, 0), model->index(3, 0)),
                                   QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    const QString file = m_dir.filePath(u"selected.csv"_s);

    QSignalSpy finished(m_window->exports(), &ExportController::finished);
    QTest::keyClick(m_window.get(), Qt::Key_E, Qt::ControlModifier);
    auto *dialog = m_window->findChild<ExportDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    // A selection of several rows is what gets exported by default, with the visible columns.
    QCOMPARE(dialog->scope(), ExportSidecar::Scope::Selected);
    QCOMPARE(dialog->columns(), keys);
    dialog->setPreset(ExportPreset::Rfc4180);
    auto *fileEdit = dialog->findChild<QLineEdit *>(u"exportFile"_s);
    QVERIFY(fileEdit);
    fileEdit->setText(file);
    dialog->accept();
    QVERIFY(finished.count() == 1 || finished.wait(10000));
    QCOMPARE(finished.constFirst().at(0).toBool(), true);

    QFile csv(file);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = csv.readAll().split('\n');
    QStringList titles;
    for (const QString &key : keys)
        titles << exportHeaderText(key, ExportFormatOptions::rfc4180());
    QCOMPARE(lines.value(0), titles.join(u',').toUtf8() + '\r');
    QCOMPARE(lines.size(), 5);   // header, three rows, and the empty piece after the last CRLF
    QVERIFY(lines.value(1).startsWith(model->record(1).callee.toUtf8() + ','));
    QVERIFY(lines.value(3).startsWith(model->record(3).callee.toUtf8() + ','));
    QVERIFY(lines.value(4).isEmpty());
}

void TestGui::displayZoneChangesTableTimes()
{
    searchOutboundFromPrefix();
    if (QTest::currentTestFailed())
        return;
    CdrTableModel *model = m_window->model();
    const int column = model->columnForKey(u"end_time"_s);
    QVERIFY(column >= 0);
    const QDateTime endUtc = model->record(0).endTime;
    QVERIFY(endUtc.isValid());

    m_window->filterForm()->setDisplayZone(QTimeZone("Asia/Kolkata"));
    QCOMPARE(model->displayTimeZone().id(), QByteArray("Asia/Kolkata"));
    const QString shown = model->index(0, column).data().toString();
    QVERIFY2(shown.contains(endUtc.toTimeZone(QTimeZone("Asia/Kolkata")).toString(u"HH:mm"_s)), qPrintable(shown));
    const QString title = model->headerData(column, Qt::Horizontal).toString();
    QVERIFY2(title.contains(u"Asia/Kolkata"_s), qPrintable(title));
    // The choice is remembered for the next start.
    QCOMPARE(m_settings->value(u"filterForm/timeZone"_s).toString(), u"Asia/Kolkata"_s);
}

void TestGui::customRangeInZoneIsSentInUtc()
{
    FilterForm *form = m_window->filterForm();
    const QTimeZone berlin("Europe/Berlin");
    form->setDisplayZone(berlin);
    auto *from = qobject_cast<QDateTimeEdit *>(form->fieldWidget(u"since"_s));
    auto *to = qobject_cast<QDateTimeEdit *>(form->fieldWidget(u"until"_s));
    QVERIFY(from && to);
    // The user enters wall-clock times of the chosen zone: one whole Berlin day.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDate day = now.toTimeZone(berlin).date().addDays(-3);
    from->setDateTime(QDateTime(day, QTime(0, 0), QTimeZone::utc()));
    to->setDateTime(QDateTime(day.addDays(1), QTime(0, 0), QTimeZone::utc()));
    QCOMPARE(form->timeRangeEditor()->preset(), TimeRangeEditor::Preset::Custom);

    const SearchQuery query = form->query(now);
    QCOMPARE(query.since, QDateTime(day, QTime(0, 0), berlin).toUTC());
    QCOMPARE(query.until, QDateTime(day.addDays(1), QTime(0, 0), berlin).toUTC());
    QCOMPARE(query.since.timeSpec(), Qt::UTC);

    QTest::keyClick(m_window.get(), Qt::Key_F5);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->model()->session() && !m_window->model()->isLoading(), 15000);
    CdrTableModel *model = m_window->model();
    QVERIFY(model->rowCount() > 0);
    for (int row = 0; row < model->rowCount(); ++row) {
        const QDateTime end = model->record(row).endTime;
        QVERIFY2(end >= query.since && end < query.until, qPrintable(end.toString(Qt::ISODate)));
    }
    const int column = model->columnForKey(u"end_time"_s);
    QVERIFY(model->headerData(column, Qt::Horizontal).toString().contains(u"Europe/Berlin"_s));
    QVERIFY(m_window->grab().save(u"/tmp/mainwindow-berlin.png"_s));
}

void TestGui::rangeBeyondHistoryIsRefusedInline()
{
    FilterForm *form = m_window->filterForm();
    // The form says up front what it does with ranges the API would refuse.
    bool policyShown = false;
    for (QLabel *label : form->findChildren<QLabel *>()) {
        if (label->isVisible() && label->text().contains(u"refused before sending"_s))
            policyShown = true;
    }
    QVERIFY(policyShown);

    auto *from = qobject_cast<QDateTimeEdit *>(form->fieldWidget(u"since"_s));
    auto *to = qobject_cast<QDateTimeEdit *>(form->fieldWidget(u"until"_s));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    from->setDateTime(now.addDays(-100));
    to->setDateTime(now.addDays(-95));
    const int requestsBefore = m_simulator->requestCount();
    QSignalSpy started(m_window.get(), &MainWindow::searchStarted);
    QTest::keyClick(m_window.get(), Qt::Key_F5);
    QCOMPARE(started.count(), 0);
    QCOMPARE(m_simulator->requestCount(), requestsBefore);
    const QString message = form->errorText(u"since"_s);
    QVERIFY2(message.contains(u"90"_s), qPrintable(message));
    QTRY_COMPARE(QApplication::focusWidget(), from);
    QVERIFY(m_window->grab().save(u"/tmp/mainwindow-range-error.png"_s));
}

void TestGui::welcomeShownWithoutProfiles()
{
    auto *welcome = m_window->findChild<QWidget *>(u"welcomePage"_s);
    QVERIFY(welcome);
    QVERIFY(welcome->isVisible());
    QVERIFY(!m_window->tableView()->isVisible());
    QSignalSpy demo(m_window.get(), &MainWindow::demoRequested);
    auto *button = welcome->findChild<QPushButton *>(u"tryDemoButton"_s);
    QVERIFY(button);
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(demo.count(), 1);
    QVERIFY(m_window->grab().save(u"/tmp/mainwindow-welcome.png"_s));
}

void TestGui::missingSecretIsAskedFor()
{
    // No secret in this session and none in the test keychain service: the window asks.
    QSignalSpy started(m_window.get(), &MainWindow::searchStarted);
    QTest::keyClick(m_window.get(), Qt::Key_F5);
    SecretPrompt *prompt = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((prompt = m_window->findChild<SecretPrompt *>()) && prompt->isVisible(), 20000);
    QCOMPARE(started.count(), 0);
    auto *edit = prompt->findChild<QLineEdit *>();
    QVERIFY(edit);
    QTest::keyClicks(edit, cdrsim::Simulator::demoAccount().authToken);
    // Never into a keychain from a test: a stored secret would keep the next run from asking.
    if (auto *remember = prompt->findChild<QCheckBox *>())
        remember->setChecked(false);
    QVERIFY(!prompt->rememberInKeychain());
    prompt->accept();
    QCOMPARE(started.count(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->model()->rowCount() > 0, 15000);
    QCOMPARE(m_secrets->cached(profileId), std::optional<QString>(cdrsim::Simulator::demoAccount().authToken));
}

QTEST_MAIN(TestGui)
void TestGui::headerClickWhilePartialSortsOnServer()
{
    // Enough calls in the default day that the first page of 1000 is not all of them.
    m_simulator->setEnswitchLegCount(240000);
    auto restoreLegs = qScopeGuard([this] { m_simulator->setEnswitchLegCount(1500); });
    CdrTableModel *model = m_window->model();
    QTest::keyClick(m_window.get(), Qt::Key_F5);
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > 0 && !model->isLoading(), 30000);
    QVERIFY(!model->allLoaded());
    const QDateTime since = model->session()->query().since;
    const QDateTime until = model->session()->query().until;

    const auto clickHeader = [this](int section) {
        QHeaderView *header = m_window->tableView()->horizontalHeader();
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {},
            QPoint(header->sectionViewportPosition(section) + 5, header->height() / 2));
    };
    const auto callersInOrder = [model](Qt::SortOrder order) {
        for (int row = 1; row < model->rowCount(); ++row) {
            const CdrRecord above = model->record(row - 1);
            const CdrRecord below = model->record(row);
            const int c = QString::compare(above.nativeValue(u"snumber")->text, below.nativeValue(u"snumber")->text);
            if (order == Qt::AscendingOrder ? c > 0 : c < 0)
                return false;
        }
        return true;
    };
    const int caller = model->columnForKey(u"caller"_s);
    QVERIFY(model->headerData(caller, Qt::Horizontal, Qt::ToolTipRole).toString().contains(u"server"_s));
    QSignalSpy started(m_window.get(), &MainWindow::searchStarted);
    clickHeader(caller);
    QHeaderView *header = m_window->tableView()->horizontalHeader();
    QCOMPARE(header->sortIndicatorSection(), caller);
    const Qt::SortOrder first = header->sortIndicatorOrder();
    QTRY_COMPARE_WITH_TIMEOUT(started.count(), 1, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(model->sortedByServer() && model->rowCount() > 0 && !model->isLoading(), 30000);
    // The same window, re-run: the server's first page, sorted over every matching call.
    QCOMPARE(model->session()->query().since, since);
    QCOMPARE(model->session()->query().until, until);
    QCOMPARE(model->session()->query().sortColumn, u"caller"_s);
    QCOMPARE(model->sortColumn(), caller);
    QCOMPARE(model->sortOrder(), first);
    QCOMPARE(header->sortIndicatorSection(), caller);
    QVERIFY(callersInOrder(first));
    QVERIFY(!model->sortCoversLoadedRowsOnly());
    QVERIFY(!m_window->searchStatus()->isSortHintShown());

    // Clicking again asks the server for the other direction.
    clickHeader(caller);
    const Qt::SortOrder second = first == Qt::AscendingOrder ? Qt::DescendingOrder : Qt::AscendingOrder;
    QCOMPARE(header->sortIndicatorOrder(), second);
    QTRY_COMPARE_WITH_TIMEOUT(started.count(), 2, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(model->sortOrder() == second && model->rowCount() > 0 && !model->isLoading(), 30000);
    QVERIFY(model->session()->query().sortDescending == (second == Qt::DescendingOrder));
    QVERIFY(callersInOrder(second));
    QCOMPARE(header->sortIndicatorSection(), caller);
}

#include "tst_gui.moc"
