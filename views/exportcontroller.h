#pragma once

#include "exportdialog.h"
#include "exportformat.h"
#include "exportsidecar.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <optional>
#include <vector>

class Authenticator;
class MainWindow;
class MatchingExport;
class QMessageBox;
class QProgressDialog;
class QSettings;
class TableExport;
struct ApiError;

// One export as asked for, from the dialog or a test.
struct ExportRequest {
    ExportSidecar::Scope scope = ExportSidecar::Scope::Loaded;
    QString fileName;
    QStringList columns; // in file order; empty: the table's visible columns
    ExportFormatOptions format; // RFC 4180 unless chosen otherwise
    QString presetKey; // recorded in the sidecar
};

// Everything between Ctrl+E and "Exported N rows": the dialog and the choices it
// remembers per provider, running a TableExport (selected or loaded rows) or a
// MatchingExport (every row of the table's search, straight from the provider),
// the progress window with Cancel, and after a failed page the choice between
// Continue, keeping the rows so far, and discarding them. One export at a time.
class ExportController final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportController)
public:
    ExportController(MainWindow &window, QSettings &settings);
    ~ExportController() override; // a running export stops and leaves no file

    void openDialog(); // open(), never exec(); starts the export when accepted
    bool start(const ExportRequest &request); // false when one is running or there is nothing to export
    void cancel(); // the running export, if any
    bool isRunning() const;
    // The window drops its sign-in: delete it now, or once the matching export using it is over.
    void retire(Authenticator *authenticator);

    ExportChoices rememberedChoices(const QString &providerId) const;
    void rememberChoices(const QString &providerId, const ExportChoices &choices);
    MatchingExport *matchingExport() const; // the running export of every matching row, if any
    QProgressDialog *progressDialog() const;
    QMessageBox *failureBox() const; // shown after a matching export failed

signals:
    void runningChanged(bool running);
    void finished(bool ok, const QString &fileOrError); // the file's name, or why there is none

private:
    ExportDialogSetup dialogSetup() const;
    ExportSidecar sidecarBase(const ExportRequest &request) const;
    std::vector<int> selectedRows() const; // table rows, top to bottom
    void showProgress(const QString &fileName);
    void progressed(qint64 written, std::optional<qint64> total);
    void matchingFailed(const ApiError &error);
    void done(bool ok, const QString &fileName, qint64 rows, bool complete, const QString &errorText);

    MainWindow &m_window;
    QSettings &m_settings;
    QDateTime m_searchStartedAt; // when the table's rows were fetched, for the sidecar
    QString m_shownFileName; // of the running export, as the progress window names it
    QPointer<TableExport> m_table;
    QPointer<MatchingExport> m_matching;
    QPointer<Authenticator> m_matchingAuthenticator;
    QList<QPointer<Authenticator>> m_retired; // kept alive for m_matching
    QPointer<QProgressDialog> m_progress;
    QPointer<QMessageBox> m_failureBox;
};
