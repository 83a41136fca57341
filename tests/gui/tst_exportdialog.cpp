// The export dialog (Ctrl+E) and exports run from the window, end to end over
// real HTTP to the in-process Plivo simulator: the dialog's defaults and what it
// remembers per provider, the columns and their order in the file, each scope
// (selected, loaded, every matching row), a matching export that fails mid-way
// and is continued, kept or discarded, and the sidecar beside each file.

#include "cdrtablemodel.h"
#include "exportcolumnlist.h"
#include "exportcontroller.h"
#include "exportdialog.h"
#include "mainwindow.h"
#include "matchingexport.h"
#include "offscreenwindowfixture.h"
#include "searchsession.h"
#include "searchstatusbar.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QProgressDialog>
#include <QPushButton>
#include <QRadioButton>
#include <QScopeGuard>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

const QString profileId = u"export-test-profile"_s;

// The file's lines without their CRLF; the empty piece after the last one dropped.
QList<QByteArray> fileLines(const QString &fileName)
{
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<QByteArray> lines = file.readAll().split('\n');
    if (!lines.isEmpty() && lines.constLast().isEmpty())
        lines.removeLast();
    for (QByteArray &line : lines) {
        if (line.endsWith('\r'))
            line.chop(1);
    }
    return lines;
}

// The passing note in the window's status area, e.g. "Exported 4 rows to …".
bool statusNoteContains(const MainWindow &window, const QString &text)
{
    const QList<QLabel *> labels = window.searchStatus()->findChildren<QLabel *>();
    return std::any_of(labels.cbegin(), labels.cend(),
        [&text](const QLabel *label) { return label->isVisible() && label->text().contains(text); });
}

} // namespace

class TestExportDialog final : public QObject, private OffscreenWindowFixture {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void matchingNeedsASearch();
    void defaultsAndRememberedChoices();
    void suffixFollowsFormatUntilNamed();
    void columnOrderAndUncheckReachTheHeader();
    void scopeWritesTheRightRows_data();
    void scopeWritesTheRightRows();
    void matchingFailureOffersChoices_data();
    void matchingFailureOffersChoices();
    void newSearchOrClosingDuringMatchingExport();

private:
    void createWindow();
    void search();
    ExportDialog *openDialog();
    bool runExport(const ExportRequest &request);
};

void TestExportDialog::initTestCase()
{
    // About 200 calls in the default window: ten pages of 20.
    QVERIFY(startSimulator([](cdrsim::Simulator &simulator) { simulator.setPlivoCallCount(800); }));
}

void TestExportDialog::init()
{
    saveProfile(profileId);
    createWindow();
}

void TestExportDialog::cleanup()
{
    closeWindow();
    m_simulator->setLatency(std::chrono::milliseconds(0));
    m_simulator->failRequests(0, 0, 500);
}

void TestExportDialog::createWindow()
{
    QVERIFY(showWindow());
}

void TestExportDialog::search()
{
    QTest::keyClick(m_window.get(), Qt::Key_F5);
    CdrTableModel *model = m_window->model();
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > 0 && !model->isLoading(), 15000);
    QVERIFY(model->totalCount().has_value());
    QVERIFY2(*model->totalCount() > model->loadedCount(), "the search should have pages left to load");
}

ExportDialog *TestExportDialog::openDialog()
{
    m_window->exports()->openDialog();
    auto *dialog = m_window->findChild<ExportDialog *>();
    return dialog && dialog->isVisible() ? dialog : nullptr;
}

bool TestExportDialog::runExport(const ExportRequest &request)
{
    QSignalSpy finished(m_window->exports(), &ExportController::finished);
    if (!m_window->exports()->start(request))
        return false;
    return (finished.count() == 1 || finished.wait(30000)) && finished.constFirst().at(0).toBool();
}

void TestExportDialog::matchingNeedsASearch()
{
    ExportDialog *dialog = openDialog();
    QVERIFY(dialog);
    auto *matching = dialog->findChild<QRadioButton *>(u"scopeMatching"_s);
    QVERIFY(matching);
    QVERIFY(!matching->isEnabled());
    const QList<QLabel *> labels = dialog->findChildren<QLabel *>();
    QVERIFY(std::any_of(
        labels.cbegin(), labels.cend(), [](const QLabel *label) { return label->text().contains(u"Search first"_s); }));
    dialog->reject();
}

void TestExportDialog::defaultsAndRememberedChoices()
{
    search();
    if (QTest::currentTestFailed())
        return;
    // The defaults follow the table: hide one column, move another to the front.
    QHeaderView *header = m_window->tableView()->horizontalHeader();
    CdrTableModel *model = m_window->model();
    const int callee = model->columnForKey(u"callee"_s);
    header->setSectionHidden(callee, false);
    header->moveSection(header->visualIndex(callee), 0);
    header->setSectionHidden(model->columnForKey(u"direction"_s), true);
    const QStringList visible = m_window->visibleColumnKeys();
    QCOMPARE(visible.value(0), u"callee"_s);
    QVERIFY(!visible.contains(u"direction"_s));

    ExportDialog *dialog = openDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->columns(), visible);
    QCOMPARE(dialog->scope(), ExportSidecar::Scope::Loaded); // nothing selected
    QCOMPARE(dialog->choices().preset, ExportPreset::Excel);
    QVERIFY(dialog->findChild<QRadioButton *>(u"scopeMatching"_s)
                ->text()
                .contains(QLocale().toString(*model->totalCount())));
    // Excel's separator for this locale is named where the format is chosen.
    auto *preset = dialog->findChild<QComboBox *>(u"exportPreset"_s);
    QVERIFY(preset);
    QVERIFY2(preset->itemText(0).contains(QChar::fromLatin1(ExportFormatOptions::excel(QLocale()).separator)),
        qPrintable(preset->itemText(0)));
    QVERIFY(dialog->grab().save(u"/tmp/exportdialog.png"_s));

    // Choose differently, export, and find the choices again in a new window with the same settings.
    dialog->setPreset(ExportPreset::Tsv);
    dialog->setZoneKey(u"Europe/Berlin"_s);
    auto *durations = dialog->findChild<QComboBox *>(u"exportDurations"_s);
    durations->setCurrentIndex(durations->findData(int(DurationStyle::Hms)));
    auto *columns = dialog->findChild<ExportColumnList *>();
    columns->list()->item(0)->setCheckState(Qt::Unchecked); // callee
    const QStringList chosen = dialog->columns();
    QCOMPARE(chosen, visible.mid(1));
    dialog->findChild<QLineEdit *>(u"exportFile"_s)->setText(m_dir.filePath(u"remembered.tsv"_s));
    QSignalSpy finished(m_window->exports(), &ExportController::finished);
    dialog->accept();
    QVERIFY(finished.count() == 1 || finished.wait(15000));
    QVERIFY(finished.constFirst().at(0).toBool());
    QVERIFY(statusNoteContains(*m_window, u"Exported %1 row"_s.arg(model->loadedCount())));

    m_window.reset();
    createWindow();
    search();
    if (QTest::currentTestFailed())
        return;
    dialog = openDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->choices().preset, ExportPreset::Tsv);
    QCOMPARE(dialog->choices().durations, DurationStyle::Hms);
    QCOMPARE(dialog->choices().zoneKey, u"Europe/Berlin"_s);
    QCOMPARE(dialog->columns(), chosen);
    QCOMPARE(dialog->formatOptions().zone.id(), QByteArray("Europe/Berlin"));
    QVERIFY(dialog->fileName().endsWith(u".tsv"_s));
    QVERIFY(dialog->fileName().startsWith(QDir(m_dir.path()).absolutePath())); // the folder is remembered too
    // "Visible columns" goes back to the table's.
    auto *reset = dialog->findChild<QPushButton *>(u"visibleColumnsButton"_s);
    QVERIFY(reset);
    QTest::mouseClick(reset, Qt::LeftButton);
    QCOMPARE(dialog->columns(), m_window->visibleColumnKeys());
    dialog->reject();
}

void TestExportDialog::suffixFollowsFormatUntilNamed()
{
    search();
    if (QTest::currentTestFailed())
        return;
    ExportDialog *dialog = openDialog();
    QVERIFY(dialog);
    QVERIFY(dialog->fileName().endsWith(u".csv"_s));
    dialog->setPreset(ExportPreset::JsonLines);
    QVERIFY(dialog->fileName().endsWith(u".jsonl"_s));
    dialog->setPreset(ExportPreset::Tsv);
    QVERIFY(dialog->fileName().endsWith(u".tsv"_s));
    // Once the user types a name, it is theirs.
    auto *file = dialog->findChild<QLineEdit *>(u"exportFile"_s);
    file->clear();
    QTest::keyClicks(file, m_dir.filePath(u"mine.txt"_s));
    dialog->setPreset(ExportPreset::Rfc4180);
    QCOMPARE(dialog->fileName(), m_dir.filePath(u"mine.txt"_s));
    // A zone this computer does not know is refused with a reason.
    dialog->setZoneKey(u"Mars/Olympus_Mons"_s);
    dialog->accept();
    QVERIFY(dialog->isVisible());
    QVERIFY(dialog->grab().save(u"/tmp/exportdialog-zone.png"_s));
    dialog->reject();
}

void TestExportDialog::columnOrderAndUncheckReachTheHeader()
{
    search();
    if (QTest::currentTestFailed())
        return;
    ExportDialog *dialog = openDialog();
    QVERIFY(dialog);
    dialog->setPreset(ExportPreset::Rfc4180);
    auto *columns = dialog->findChild<ExportColumnList *>();
    QListWidget *list = columns->list();
    const QStringList before = dialog->columns();
    QVERIFY(before.size() >= 4);
    // Keyboard: the third column moves up with Ctrl+Up; the first is unticked with Space.
    list->setFocus();
    list->setCurrentRow(2);
    QTest::keyClick(list, Qt::Key_Up, Qt::ControlModifier);
    QCOMPARE(list->currentRow(), 1);
    list->setCurrentRow(0);
    QTest::keyClick(list, Qt::Key_Space);
    QStringList expected = before;
    expected.move(2, 1);
    expected.removeFirst();
    QCOMPARE(dialog->columns(), expected);
    // And the buttons: the new last ticked column moves down one, past an unticked one.
    auto *down = dialog->findChild<QPushButton *>(u"moveDownButton"_s);
    QVERIFY(down);
    list->setCurrentRow(1);
    QTest::mouseClick(down, Qt::LeftButton);
    expected.move(0, 1);
    QCOMPARE(dialog->columns(), expected);

    const QString file = m_dir.filePath(u"columns.csv"_s);
    dialog->findChild<QLineEdit *>(u"exportFile"_s)->setText(file);
    QSignalSpy finished(m_window->exports(), &ExportController::finished);
    dialog->accept();
    QVERIFY(finished.count() == 1 || finished.wait(15000));
    QStringList header;
    for (const QString &key : std::as_const(expected))
        header << exportHeaderText(key, ExportFormatOptions::rfc4180());
    QCOMPARE(fileLines(file).value(0), header.join(u',').toUtf8());
}

void TestExportDialog::scopeWritesTheRightRows_data()
{
    QTest::addColumn<ExportSidecar::Scope>("scope");
    QTest::newRow("selected") << ExportSidecar::Scope::Selected;
    QTest::newRow("loaded") << ExportSidecar::Scope::Loaded;
    QTest::newRow("matching") << ExportSidecar::Scope::Matching;
}

void TestExportDialog::scopeWritesTheRightRows()
{
    QFETCH(ExportSidecar::Scope, scope);
    search();
    if (QTest::currentTestFailed())
        return;
    CdrTableModel *model = m_window->model();
    QTableView *view = m_window->tableView();
    view->selectionModel()->select(QItemSelection(model->index(1, 0), model->index(3, 0)),
        QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    view->selectionModel()->select(model->index(6, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    const qint64 loadedBefore = model->loadedCount();

    ExportRequest request;
    request.scope = scope;
    request.fileName = m_dir.filePath(u"scope-%1.csv"_s.arg(QString::fromLatin1(QTest::currentDataTag())));
    request.columns = {u"id"_s, u"caller"_s};
    request.format = ExportFormatOptions::rfc4180();
    request.presetKey = u"rfc4180"_s;
    QVERIFY(runExport(request));

    QList<QByteArray> lines = fileLines(request.fileName);
    QCOMPARE(lines.value(0), QByteArray("id,caller"));
    lines.removeFirst();
    QStringList ids;
    for (const QByteArray &line : std::as_const(lines))
        ids << QString::fromUtf8(line.left(line.indexOf(',')));
    QStringList expected;
    if (scope == ExportSidecar::Scope::Selected) {
        for (const int row : {1, 2, 3, 6})
            expected << model->record(row).id;
        QCOMPARE(ids, expected);
    } else if (scope == ExportSidecar::Scope::Loaded) {
        for (int row = 0; row < model->rowCount(); ++row)
            expected << model->record(row).id;
        QCOMPARE(ids, expected);
    } else {
        // Every match, each once, straight from the provider: the table did not load them.
        QCOMPARE(qint64(ids.size()), *model->totalCount());
        QCOMPARE(qsizetype(QSet<QString>(ids.cbegin(), ids.cend()).size()), ids.size());
        for (int row = 0; row < model->rowCount(); ++row)
            QCOMPARE(ids.value(row), model->record(row).id);
        QCOMPARE(model->loadedCount(), loadedBefore);
    }

    QString error;
    const std::optional<ExportSidecar> sidecar
        = ExportSidecarFile::read(ExportSidecarFile::pathFor(request.fileName), &error);
    QVERIFY2(sidecar, qPrintable(error));
    QCOMPARE(sidecar->scope, scope);
    QVERIFY(sidecar->complete);
    QCOMPARE(sidecar->rowCount, qint64(ids.size()));
    QCOMPARE(sidecar->providerId, u"plivo"_s);
    QCOMPARE(sidecar->profileName, u"Simulated Plivo"_s);
    QCOMPARE(sidecar->columns, request.columns);
    QCOMPARE(sidecar->presetKey, u"rfc4180"_s);
    QCOMPARE(sidecar->query.since, model->session()->query().since);
    // Never a secret beside the file.
    QFile json(ExportSidecarFile::pathFor(request.fileName));
    QVERIFY(json.open(QIODevice::ReadOnly));
    QVERIFY(!json.readAll().contains(cdrsim::Simulator::demoAccount().authToken.toUtf8()));
    // (The plural's wording comes from the translation, which a test does not load.)
    QVERIFY(statusNoteContains(*m_window, u"Exported %1 row"_s.arg(ids.size())));
    QVERIFY(statusNoteContains(*m_window, QDir::toNativeSeparators(request.fileName)));
}

void TestExportDialog::matchingFailureOffersChoices_data()
{
    QTest::addColumn<QString>("button");
    QTest::newRow("continue") << u"continueExport"_s;
    QTest::newRow("keep") << u"keepPartialExport"_s;
    QTest::newRow("discard") << u"discardExport"_s;
}

void TestExportDialog::matchingFailureOffersChoices()
{
    QFETCH(QString, button);
    search();
    if (QTest::currentTestFailed())
        return;
    const qint64 total = *m_window->model()->totalCount();
    // The fourth page of the export fails with Plivo's words; a 400, which no retry would mend
    // (a 5xx is asked for again, so it would only slow the export down).
    m_simulator->failRequests(3, 1, 400);

    ExportRequest request;
    request.scope = ExportSidecar::Scope::Matching;
    request.fileName = m_dir.filePath(u"failed-%1.csv"_s.arg(button));
    request.columns = {u"id"_s};
    request.format = ExportFormatOptions::rfc4180();
    QSignalSpy finished(m_window->exports(), &ExportController::finished);
    QVERIFY(m_window->exports()->start(request));
    QTRY_VERIFY_WITH_TIMEOUT(
        m_window->exports()->failureBox() && m_window->exports()->failureBox()->isVisible(), 15000);
    QMessageBox *box = m_window->exports()->failureBox();
    QVERIFY2(box->text().contains(u"400"_s), qPrintable(box->text()));
    QVERIFY(!QFile::exists(request.fileName)); // nothing under the final name yet
    QVERIFY(m_window->isEnabled()); // the window stays usable meanwhile
    QVERIFY(m_window->exports()->matchingExport());
    const qint64 written = m_window->exports()->matchingExport()->writtenRows();
    QVERIFY(written > 0 && written < total);
    if (button == u"continueExport"_s)
        QVERIFY(box->grab().save(u"/tmp/exportfailure.png"_s));

    auto *choice = box->findChild<QPushButton *>(button);
    QVERIFY(choice);
    QTest::mouseClick(choice, Qt::LeftButton);
    QVERIFY(finished.count() == 1 || finished.wait(30000));
    const bool discarded = button == u"discardExport"_s;
    QCOMPARE(finished.constFirst().at(0).toBool(), !discarded);
    QCOMPARE(QFile::exists(request.fileName), !discarded);
    QCOMPARE(QFile::exists(ExportSidecarFile::pathFor(request.fileName)), !discarded);
    QCOMPARE(QDir(m_dir.path()).entryList({u"failed-%1*"_s.arg(button)}, QDir::Files).size(), discarded ? 0 : 2);
    if (discarded)
        return;

    QList<QByteArray> lines = fileLines(request.fileName);
    lines.removeFirst();
    const QSet<QByteArray> unique(lines.cbegin(), lines.cend());
    QCOMPARE(qsizetype(unique.size()), lines.size()); // each row once
    const std::optional<ExportSidecar> sidecar
        = ExportSidecarFile::read(ExportSidecarFile::pathFor(request.fileName), nullptr);
    QVERIFY(sidecar);
    if (button == u"continueExport"_s) {
        QCOMPARE(qint64(lines.size()), total);
        QVERIFY(sidecar->complete);
    } else {
        QCOMPARE(qint64(lines.size()), written);
        QVERIFY(!sidecar->complete);
        QCOMPARE(sidecar->rowCount, written);
    }
}

void TestExportDialog::newSearchOrClosingDuringMatchingExport()
{
    search();
    if (QTest::currentTestFailed())
        return;
    const qint64 total = *m_window->model()->totalCount();
    m_simulator->setLatency(std::chrono::milliseconds(60));
    ExportRequest request;
    request.scope = ExportSidecar::Scope::Matching;
    request.fileName = m_dir.filePath(u"busy.csv"_s);
    request.columns = {u"id"_s};
    request.format = ExportFormatOptions::rfc4180();

    // A new search replaces the table, not the export: it goes on and ends whole.
    QSignalSpy finished(m_window->exports(), &ExportController::finished);
    QVERIFY(m_window->exports()->start(request));
    QVERIFY(!m_window->exports()->start(request)); // one at a time
    QVERIFY(m_window->exports()->progressDialog());
    QCOMPARE(m_window->exports()->progressDialog()->windowModality(), Qt::NonModal); // the window stays usable
    QTRY_VERIFY_WITH_TIMEOUT(m_window->exports()->matchingExport()->writtenRows() > 0, 15000);
    QTest::keyClick(m_window.get(), Qt::Key_F5);
    QVERIFY(finished.count() == 1 || finished.wait(30000));
    QVERIFY(finished.constFirst().at(0).toBool());
    QCOMPARE(qint64(fileLines(request.fileName).size()), total + 1);

    // Closing the window stops it and leaves no file, not even a temporary one.
    request.fileName = m_dir.filePath(u"closed.csv"_s);
    QVERIFY(m_window->exports()->start(request));
    QTRY_VERIFY_WITH_TIMEOUT(m_window->exports()->matchingExport()->writtenRows() > 0, 15000);
    m_window->close();
    m_window.reset();
    QVERIFY(QDir(m_dir.path()).entryList({u"closed*"_s}, QDir::Files).isEmpty());
}

QTEST_MAIN(TestExportDialog)
#include "tst_exportdialog.moc"
