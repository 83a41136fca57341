#pragma once

#include "apierror.h"
#include "exportformat.h"
#include "exportsidecar.h"
#include "searchquery.h"

#include <QObject>
#include <QSaveFile>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

class Authenticator;
class RecordWriter;
class SearchSession;
struct CdrRecord;

// Exports every row matching a search straight from the provider into a file,
// page by page, without going through the table, so memory stays flat.
// The rows go to a temporary file (QSaveFile) that takes the final name only
// when the export is whole (or the user keeps a partial one), with its sidecar
// FILE.json beside it. A failure keeps the rows written so far and waits:
// resume() continues from the first missing page (each row exactly once),
// keepPartial() finishes the file as incomplete, cancel() removes it.
class MatchingExport final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MatchingExport)
public:
    // `resolvedQuery` has a concrete window (SearchQuery::resolved) so the export
    // sees the same calls as the table. `sidecar` is filled in by the caller with
    // who and what (provider, profile, preset); this class sets query, scope,
    // columns, format, fetchedAt (start(), UTC), rowCount and complete. The
    // session pages with the provider's usual paging and rate limit.
    // `authenticator` must outlive this.
    MatchingExport(Authenticator &authenticator, SearchQuery resolvedQuery, QStringList columnKeys,
        ExportFormatOptions format, QString fileName, ExportSidecar sidecar, QObject *parent = nullptr);
    ~MatchingExport() override; // an unfinished export leaves no file behind

    void start(); // opens the file and starts paging; answers with signals
    void resume(); // after failed(): continue from the first missing page
    void keepPartial(); // after failed() (or to stop early): keep the rows written as an incomplete file
    void cancel(); // stop and remove the temporary file; finished(false, false, "Cancelled")

    QString fileName() const;
    qint64 writtenRows() const { return m_written; }
    std::optional<qint64> total() const; // when the provider reports one
    bool isWaitingAfterFailure() const { return m_waiting; }
    SearchSession *session() const { return m_session.get(); } // e.g. for tests and its rate limit

signals:
    void progressed(qint64 written, std::optional<qint64> total);
    // Paging stopped; rows so far are kept in the temporary file. The caller offers resume/keepPartial/cancel.
    void failed(const ApiError &error);
    // Once: from inside cancel() and keepPartial(), otherwise later (never from
    // inside start()). ok: the file has its final name; `complete` false after
    // keepPartial(). ok with a non-empty errorText is a warning: the rows are saved
    // but the sidecar could not be written (an older one is removed). Not ok: no
    // file was left; errorText says why. Delete this object with deleteLater().
    void finished(bool ok, bool complete, const QString &errorText);

private:
    void writeRows(const std::vector<CdrRecord> &rows);
    void commit(bool complete);
    void abandon(const QString &errorText);
    void abandonLater(const QString &errorText);
    void failFile(const QString &errorText);
    void discardFile();
    QString writeErrorText() const;

    std::unique_ptr<SearchSession> m_session;
    QStringList m_columnKeys;
    ExportFormatOptions m_format;
    ExportSidecar m_sidecar;
    QSaveFile m_file;
    std::unique_ptr<RecordWriter> m_writer;
    qint64 m_written = 0;
    bool m_started = false;
    bool m_waiting = false;
    bool m_done = false;
};
