#include "exportcontroller.h"

#include "authenticator.h"
#include "cdrtablemodel.h"
#include "filterform.h"
#include "mainwindow.h"
#include "matchingexport.h"
#include "searchsession.h"
#include "searchstatusbar.h"
#include "tableexport.h"

#include <QDir>
#include <QFileInfo>
#include <QItemSelectionModel>
#include <QLocale>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>

#include <algorithm>
#include <limits>
#include <numeric>

using namespace Qt::StringLiterals;

namespace {

const auto exportFolderKey = "mainWindow/exportFolder"_L1;

QString choicesGroup(const QString &providerId)
{
    return u"export/%1"_s.arg(providerId);
}

int progressValue(qint64 value)
{
    return int(std::min<qint64>(value, std::numeric_limits<int>::max()));
}

} // namespace

ExportController::ExportController(MainWindow &window, QSettings &settings)
    : m_window(window)
    , m_settings(settings)
{
    // Every new search resets the table first: that is when its rows start being fetched.
    connect(m_window.model(), &QAbstractItemModel::modelReset, this,
        [this] { m_searchStartedAt = QDateTime::currentDateTimeUtc(); });
}

ExportController::~ExportController()
{
    delete m_failureBox;
    delete m_progress;
    // The export goes before the sign-in it may still be using.
    delete m_table;
    delete m_matching;
    for (const QPointer<Authenticator> &authenticator : std::as_const(m_retired))
        delete authenticator;
}

bool ExportController::isRunning() const
{
    return m_table || m_matching;
}

MatchingExport *ExportController::matchingExport() const
{
    return m_matching;
}

QProgressDialog *ExportController::progressDialog() const
{
    return m_progress;
}

QMessageBox *ExportController::failureBox() const
{
    return m_failureBox;
}

void ExportController::cancel()
{
    if (m_table)
        m_table->cancel();
    else if (m_matching)
        m_matching->cancel();
}

void ExportController::retire(Authenticator *authenticator)
{
    if (!authenticator)
        return;
    if (m_matching && m_matchingAuthenticator == authenticator) {
        m_retired << authenticator;
        // Deleted after the export, which pages through it until then.
        connect(m_matching, &QObject::destroyed, authenticator, &QObject::deleteLater);
        return;
    }
    authenticator->deleteLater();
}

ExportChoices ExportController::rememberedChoices(const QString &providerId) const
{
    ExportChoices choices;
    const QString group = choicesGroup(providerId);
    choices.columns = m_settings.value(group + u"/columns"_s).toStringList();
    choices.columns.removeIf([](const QString &key) { return !isValidColumnKey(key); });
    choices.preset = exportPresetFromKey(m_settings.value(group + u"/preset"_s).toString()).value_or(choices.preset);
    choices.durations
        = durationStyleFromKey(m_settings.value(group + u"/durations"_s).toString()).value_or(choices.durations);
    choices.zoneKey = m_settings.value(group + u"/zone"_s, choices.zoneKey).toString();
    return choices;
}

void ExportController::rememberChoices(const QString &providerId, const ExportChoices &choices)
{
    const QString group = choicesGroup(providerId);
    m_settings.setValue(group + u"/columns"_s, choices.columns);
    m_settings.setValue(group + u"/preset"_s, exportPresetKey(choices.preset));
    m_settings.setValue(group + u"/durations"_s, choices.durations == DurationStyle::Hms ? u"hms"_s : u"seconds"_s);
    m_settings.setValue(group + u"/zone"_s, choices.zoneKey);
}

std::vector<int> ExportController::selectedRows() const
{
    // Ranges, not selectedRows(): that one builds an index per row and took seconds at a million.
    std::vector<int> rows;
    const QItemSelection selection = m_window.tableView()->selectionModel()->selection();
    for (const QItemSelectionRange &range : selection) {
        for (int row = range.top(); row <= range.bottom(); ++row)
            rows.push_back(row);
    }
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    return rows;
}

ExportDialogSetup ExportController::dialogSetup() const
{
    const CdrTableModel *model = m_window.model();
    ExportDialogSetup setup;
    setup.selectedRows = qint64(selectedRows().size());
    setup.loadedRows = model->loadedCount();
    if (!model->session())
        setup.matchingUnavailable = tr("Search first: this exports every row of the table's search.");
    setup.matchingTotal = model->allLoaded() ? std::optional<qint64>(model->loadedCount()) : model->totalCount();
    setup.visibleColumns = m_window.visibleColumnKeys();
    setup.choices = rememberedChoices(model->providerId());
    setup.allColumns = model->columnKeys();
    for (const QString &key : std::as_const(setup.choices.columns)) {
        if (!setup.allColumns.contains(key))
            setup.allColumns << key; // a native field the next pages may still bring
    }
    setup.displayZone = m_window.filterForm()->displayZone();
    // The last folder used, else Documents; a folder that has gone since (or a
    // home without Documents) falls back to home, so the suggestion can be saved.
    setup.folder = m_settings.value(exportFolderKey).toString();
    if (setup.folder.isEmpty() || !QDir(setup.folder).exists())
        setup.folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (!QDir(setup.folder).exists())
        setup.folder = QDir::homePath();
    setup.baseName = u"cdrs-%1"_s.arg(QDateTime::currentDateTime().toString(u"yyyyMMdd-HHmm"_s));
    return setup;
}

void ExportController::openDialog()
{
    if (isRunning())
        return;
    auto *dialog = new ExportDialog(dialogSetup(), &m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const ExportChoices choices = dialog->choices();
        rememberChoices(m_window.model()->providerId(), choices);
        m_settings.setValue(exportFolderKey, QFileInfo(dialog->fileName()).absolutePath());
        ExportRequest request;
        request.scope = dialog->scope();
        request.fileName = dialog->fileName();
        request.columns = dialog->columns();
        request.format = dialog->formatOptions();
        request.presetKey = exportPresetKey(choices.preset);
        start(request);
    });
    dialog->open();
}

ExportSidecar ExportController::sidecarBase(const ExportRequest &request) const
{
    const CdrTableModel *model = m_window.model();
    ExportSidecar sidecar;
    sidecar.providerId = model->providerId();
    sidecar.scope = request.scope;
    sidecar.presetKey = request.presetKey;
    sidecar.fetchedAt = m_searchStartedAt.isValid() ? m_searchStartedAt : QDateTime::currentDateTimeUtc();
    if (const SearchSession *session = model->session()) {
        // Who and where, from the sign-in the rows came through; its secret and token stay behind.
        const Connection connection = session->authenticator().connection();
        sidecar.baseUrl = connection.baseUrl;
        sidecar.user = connection.user;
        sidecar.options = connection.options;
        sidecar.pinnedCertificateSha256 = connection.pinnedCertificateSha256;
        sidecar.query = session->query();
        const std::optional<Profile> profile = m_window.currentProfile();
        if (profile && profile->providerId == sidecar.providerId && profile->baseUrl == connection.baseUrl
            && profile->user == connection.user)
            sidecar.profileName = profile->name;
    }
    return sidecar;
}

bool ExportController::start(const ExportRequest &request)
{
    CdrTableModel *model = m_window.model();
    if (isRunning() || request.fileName.isEmpty())
        return false;
    const QStringList columns = request.columns.isEmpty() ? m_window.visibleColumnKeys() : request.columns;
    const ExportSidecar sidecar = sidecarBase(request);
    const QString fileName = request.fileName;

    if (request.scope == ExportSidecar::Scope::Matching) {
        SearchSession *session = model->session();
        if (!session)
            return false;
        m_matchingAuthenticator = &session->authenticator();
        m_matching = new MatchingExport(
            session->authenticator(), session->query(), columns, request.format, fileName, sidecar, this);
        connect(m_matching, &MatchingExport::progressed, this, &ExportController::progressed);
        connect(m_matching, &MatchingExport::failed, this, &ExportController::matchingFailed);
        connect(m_matching, &MatchingExport::finished, this,
            [this, fileName](bool ok, bool complete, const QString &errorText) {
                done(ok, fileName, m_matching->writtenRows(), complete, errorText);
            });
        showProgress(fileName);
        progressed(0, model->allLoaded() ? std::optional<qint64>(model->loadedCount()) : model->totalCount());
        emit runningChanged(true);
        m_matching->start();
        return true;
    }

    std::vector<int> rows;
    if (request.scope == ExportSidecar::Scope::Selected) {
        rows = selectedRows();
    } else {
        rows.resize(size_t(model->rowCount()));
        std::iota(rows.begin(), rows.end(), 0);
    }
    if (rows.empty())
        return false;
    m_table = new TableExport(*model, columns, std::move(rows), request.format, fileName, sidecar, this);
    connect(
        m_table, &TableExport::progressed, this, [this](qint64 written, qint64 total) { progressed(written, total); });
    connect(m_table, &TableExport::finished, this, [this, fileName](bool ok, const QString &errorText) {
        const QString sidecarError = m_table->sidecarError();
        done(ok, fileName, m_table->rowCount(), true, ok ? sidecarError : errorText);
    });
    showProgress(fileName);
    emit runningChanged(true);
    m_table->start();
    return true;
}

void ExportController::showProgress(const QString &fileName)
{
    m_progress = new QProgressDialog(&m_window);
    m_progress->setWindowTitle(tr("Exporting"));
    m_progress->setAccessibleName(tr("Export progress"));
    m_progress->setWindowModality(Qt::NonModal); // the window stays usable meanwhile
    m_progress->setAutoClose(false);
    m_progress->setAutoReset(false);
    m_progress->setMinimumDuration(300); // a quick export finishes before anything flashes up
    m_shownFileName = QDir::toNativeSeparators(fileName);
    m_progress->setLabelText(tr("Writing %1…").arg(m_shownFileName));
    connect(m_progress, &QProgressDialog::canceled, this, &ExportController::cancel);
}

void ExportController::progressed(qint64 written, std::optional<qint64> total)
{
    if (!m_progress)
        return;
    const QLocale locale;
    const QString &file = m_shownFileName;
    m_progress->setMaximum(total ? progressValue(std::max(*total, written)) : 0); // 0: busy, size unknown
    m_progress->setValue(total ? progressValue(written) : 0);
    m_progress->setLabelText(total
            ? tr("Writing %1…\n%2 of %3 rows").arg(file, locale.toString(written), locale.toString(*total))
            : tr("Writing %1…\n%2 rows").arg(file, locale.toString(written)));
}

void ExportController::matchingFailed(const ApiError &error)
{
    if (!m_matching)
        return;
    if (m_progress) {
        m_progress->reset(); // also stops its timer, which would show it again meanwhile
        m_progress->hide();
    }
    const qint64 written = m_matching->writtenRows();
    // Non-modal and answered through signals: paging waits, the window does not.
    m_failureBox = new QMessageBox(QMessageBox::Warning, tr("Export interrupted"),
        tr("The provider stopped the export after %Ln row(s):\n%1", "", progressValue(written)).arg(error.message()),
        QMessageBox::NoButton, &m_window);
    m_failureBox->setWindowModality(Qt::NonModal);
    m_failureBox->setAttribute(Qt::WA_DeleteOnClose);
    m_failureBox->setInformativeText(tr("Continue from the first missing page, keep the rows written so far "
                                        "(the sidecar marks the file incomplete), or discard the file."));
    QPushButton *resume = m_failureBox->addButton(tr("&Continue"), QMessageBox::AcceptRole);
    resume->setObjectName(u"continueExport"_s);
    QPushButton *keep
        = m_failureBox->addButton(tr("&Keep %Ln row(s)", "", progressValue(written)), QMessageBox::ActionRole);
    keep->setObjectName(u"keepPartialExport"_s);
    QPushButton *discard = m_failureBox->addButton(tr("&Discard"), QMessageBox::DestructiveRole);
    discard->setObjectName(u"discardExport"_s);
    m_failureBox->setDefaultButton(resume);
    m_failureBox->setEscapeButton(keep); // closing the box keeps the rows rather than losing them
    connect(m_failureBox, &QMessageBox::buttonClicked, this, [this, resume, keep](QAbstractButton *button) {
        if (!m_matching || !m_matching->isWaitingAfterFailure())
            return;
        if (button == resume) {
            if (m_progress)
                m_progress->show();
            m_matching->resume();
        } else if (button == keep) {
            m_matching->keepPartial();
        } else {
            m_matching->cancel();
        }
    });
    m_failureBox->show();
}

void ExportController::done(bool ok, const QString &fileName, qint64 rows, bool complete, const QString &errorText)
{
    if (m_progress) {
        m_progress->disconnect(this); // its close would say "canceled"
        m_progress->deleteLater();
    }
    if (m_failureBox)
        m_failureBox->close();
    if (m_table)
        m_table->deleteLater();
    if (m_matching)
        m_matching->deleteLater();
    m_table.clear();
    m_matching.clear();
    m_matchingAuthenticator.clear();

    const QString file = QDir::toNativeSeparators(fileName);
    QString note;
    if (!ok)
        note = tr("Export failed: %1").arg(errorText);
    else if (!complete)
        note = tr("Exported %Ln row(s) to %1; the export is incomplete, as its sidecar says", "", progressValue(rows))
                   .arg(file);
    else if (!errorText.isEmpty())
        note = tr("Exported %Ln row(s) to %1, but its sidecar could not be written: %2", "", progressValue(rows))
                   .arg(file, errorText);
    else
        note = tr("Exported %Ln row(s) to %1", "", progressValue(rows)).arg(file);
    m_window.searchStatus()->showNote(note);
    emit runningChanged(false);
    emit finished(ok, ok ? fileName : errorText);
}
