#include "matchingexport.h"

#include "authenticator.h"
#include "cdrrecord.h"
#include "recordwriter.h"
#include "searchsession.h"

#include <QDir>
#include <QFile>
#include <QTimer>

#include <utility>

MatchingExport::MatchingExport(Authenticator &authenticator, SearchQuery resolvedQuery, QStringList columnKeys,
    ExportFormatOptions format, QString fileName, ExportSidecar sidecar, QObject *parent)
    : QObject(parent)
    , m_session(std::make_unique<SearchSession>(authenticator, std::move(resolvedQuery)))
    , m_columnKeys(std::move(columnKeys))
    , m_format(std::move(format))
    , m_sidecar(std::move(sidecar))
    , m_file(fileName)
{
    // The sidecar describes the file as it is written, whatever the caller put there.
    m_sidecar.query = m_session->query();
    m_sidecar.scope = ExportSidecar::Scope::Matching;
    m_sidecar.columns = m_columnKeys;
    m_sidecar.format = m_format;
    if (m_sidecar.providerId.isEmpty())
        m_sidecar.providerId = m_session->provider().id();

    connect(m_session.get(), &SearchSession::rowsArrived, this, &MatchingExport::writeRows);
    connect(
        m_session.get(), &SearchSession::totalKnown, this, [this](qint64 total) { emit progressed(m_written, total); });
    connect(m_session.get(), &SearchSession::finished, this, [this] { commit(true); });
    connect(m_session.get(), &SearchSession::failed, this, [this](const ApiError &error) {
        // Our own cancel() or keepPartial() stopped it: nothing to report.
        if (m_done || !m_writer)
            return;
        // Rows so far go to the temporary file now, so nothing waits in memory
        // while the user decides; the file stays uncommitted.
        if (!m_writer->flush()) {
            abandon(writeErrorText());
            return;
        }
        m_waiting = true;
        emit failed(error);
    });
}

MatchingExport::~MatchingExport()
{
    // Quietly: nobody listens any more. The session goes first so no reply
    // arrives for a writer that is gone; the temporary file is removed.
    m_done = true;
    m_session.reset();
    if (m_writer)
        m_writer->discard();
    m_writer.reset();
    discardFile();
}

void MatchingExport::start()
{
    if (m_started || m_done)
        return;
    m_started = true;
    m_sidecar.fetchedAt = QDateTime::currentDateTimeUtc();

    // QSaveFile writes beside the target and renames only on commit(): until the
    // export is whole (or kept as partial) no file carries the final name.
    // Unbuffered: RecordWriter already writes in chunks, and a flushed batch
    // should really be on disk.
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Unbuffered)) {
        // Reported later, like the other outcomes, never from inside start().
        abandonLater(tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(fileName()), m_file.errorString()));
        return;
    }
    m_writer = std::make_unique<RecordWriter>(m_file, m_columnKeys, m_sidecar.providerId, m_format);
    if (!m_writer->writeHeader() || !m_writer->flush()) {
        abandonLater(writeErrorText());
        return;
    }
    m_session->fetchAll();
}

void MatchingExport::resume()
{
    if (!m_waiting || m_done)
        return;
    m_waiting = false;
    m_session->resume();
}

void MatchingExport::keepPartial()
{
    if (!m_started || m_done || !m_writer)
        return;
    commit(false);
}

void MatchingExport::cancel()
{
    abandon(tr("Cancelled"));
}

QString MatchingExport::fileName() const
{
    return m_file.fileName();
}

std::optional<qint64> MatchingExport::total() const
{
    return m_session->total();
}

void MatchingExport::writeRows(const std::vector<CdrRecord> &rows)
{
    if (m_done || !m_writer)
        return;
    for (const CdrRecord &row : rows) {
        if (!m_writer->writeRecord(row)) {
            abandon(writeErrorText());
            return;
        }
        ++m_written;
    }
    // One flush a page: what the progress shows is on disk, and memory stays flat.
    if (!m_writer->flush()) {
        abandon(writeErrorText());
        return;
    }
    emit progressed(m_written, m_session->total());
}

void MatchingExport::commit(bool complete)
{
    if (m_done)
        return;
    m_done = true;
    m_waiting = false;
    // keepPartial() while pages are still coming: stop them; the rows already
    // handed on are the ones the file keeps.
    if (m_session->isBusy())
        m_session->cancel();
    if (!m_writer->flush()) {
        failFile(writeErrorText());
        return;
    }
    if (!m_file.commit()) {
        failFile(tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(fileName()), m_file.errorString()));
        return;
    }

    // The rows are in place; a sidecar that cannot be written does not undo
    // them, but the user is told, and an older sidecar (from an export under
    // the same name) is removed so it cannot describe the new file wrongly.
    m_sidecar.rowCount = m_written;
    m_sidecar.complete = complete;
    QString warning;
    QString sidecarError;
    if (!ExportSidecarFile::write(m_sidecar, fileName(), &sidecarError)) {
        const QString sidecarPath = ExportSidecarFile::pathFor(fileName());
        QFile::remove(sidecarPath);
        warning = tr("The rows were saved, but the description file %1 could not be written: %2")
                      .arg(QDir::toNativeSeparators(sidecarPath), sidecarError);
    }
    emit finished(true, complete, warning);
}

void MatchingExport::abandon(const QString &errorText)
{
    if (m_done)
        return;
    m_done = true;
    m_waiting = false;
    m_session->cancel();
    failFile(errorText);
}

void MatchingExport::abandonLater(const QString &errorText)
{
    QTimer::singleShot(0, this, [this, errorText] { abandon(errorText); });
}

void MatchingExport::failFile(const QString &errorText)
{
    if (m_writer)
        m_writer->discard();
    discardFile();
    emit finished(false, false, errorText);
}

void MatchingExport::discardFile()
{
    // cancelWriting() alone keeps the temporary file until the QSaveFile goes;
    // the commit that follows it removes it at once.
    if (!m_file.isOpen())
        return;
    m_file.cancelWriting();
    m_file.commit();
}

QString MatchingExport::writeErrorText() const
{
    const QString reason
        = m_writer && !m_writer->errorString().isEmpty() ? m_writer->errorString() : m_file.errorString();
    return tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(fileName()), reason);
}
