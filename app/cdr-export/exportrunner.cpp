#include "exportrunner.h"

#include "recordwriter.h"
#include "searchsession.h"

#include <QFile>
#include <QSaveFile>

#include <cstdio>
#include <poll.h>
#include <unistd.h>

namespace {

// Qt's networking ignores SIGPIPE, so a reader that stopped reading (`| head`)
// shows up as a failed write. poll() tells that apart from a full disk: the
// write end of a pipe whose readers are all gone reports POLLERR.
bool standardOutputReaderGone()
{
    pollfd out{STDOUT_FILENO, 0, 0};
    return ::poll(&out, 1, 0) == 1 && (out.revents & POLLERR) != 0;
}

} // namespace

using namespace Qt::StringLiterals;

ExportRunner::ExportRunner(QNetworkAccessManager &network, ExportOptions options, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_options(std::move(options))
    , m_progress(::isatty(STDERR_FILENO) == 1)
{
}

ExportRunner::~ExportRunner() = default;

void ExportRunner::start()
{
    const Provider &provider = *m_options.provider;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    // The window's upper end is fixed now, so calls ending while we page
    // cannot shift the offsets.
    const SearchQuery query = m_options.query.resolved(now, provider.timeRange());
    const QList<FieldError> problems = provider.validate(query, now);
    if (!problems.isEmpty()) {
        for (const FieldError &problem : problems)
            printError(problem.key.isEmpty()
                    ? problem.message
                    : u"%1: %2"_s.arg(m_options.optionForKey.value(problem.key, problem.key), problem.message));
        std::fputs(ExportCommandLine::usageHint().toLocal8Bit().constData(), stderr);
        fail(QString(), UsageError);
        return;
    }

    if (m_options.outputPath.isEmpty()) {
        auto out = std::make_unique<QFile>();
        // Unbuffered: RecordWriter already writes in chunks, and a broken pipe
        // should show up at the write that hit it.
        if (!out->open(STDOUT_FILENO, QIODevice::WriteOnly | QIODevice::Unbuffered, QFileDevice::DontCloseHandle)) {
            fail(tr("Cannot write to standard output: %1").arg(out->errorString()), Failure);
            return;
        }
        m_output = std::move(out);
    } else {
        // QSaveFile writes beside the target and renames only on commit(), so
        // the file appears complete or not at all; a failed export leaves nothing.
        auto out = std::make_unique<QSaveFile>(m_options.outputPath);
        if (!out->open(QIODevice::WriteOnly | QIODevice::Unbuffered)) {
            fail(tr("Cannot write %1: %2").arg(m_options.outputPath, out->errorString()), UsageError);
            return;
        }
        m_output = std::move(out);
    }

    if (!m_options.sidecarPath.isEmpty()) {
        // Found out now rather than after the whole export: a trial open that leaves nothing behind.
        QSaveFile trial(m_options.sidecarPath);
        if (!trial.open(QIODevice::WriteOnly)) {
            fail(tr("Cannot write %1: %2").arg(m_options.sidecarPath, trial.errorString()), UsageError);
            return;
        }
        trial.cancelWriting();
    }

    // Who, what and the window actually used: what --repeat needs to run it again. No secret.
    m_sidecar.providerId = provider.id();
    m_sidecar.baseUrl = m_options.connection.baseUrl;
    m_sidecar.user = m_options.connection.user;
    m_sidecar.options = m_options.connection.options;
    m_sidecar.pinnedCertificateSha256 = m_options.connection.pinnedCertificateSha256;
    m_sidecar.query = query;
    m_sidecar.scope = ExportSidecar::Scope::Matching;
    m_sidecar.columns = m_options.columns;
    m_sidecar.format = m_options.format;
    m_sidecar.presetKey = m_options.presetKey;
    m_sidecar.fetchedAt = now;

    m_writer = std::make_unique<RecordWriter>(*m_output, m_options.columns, provider.id(), m_options.format);
    if (!m_writer->writeHeader()) {
        writeFailed();
        return;
    }

    m_session = std::make_unique<SearchSession>(m_network, provider, m_options.connection, query);
    connect(m_session.get(), &SearchSession::rowsArrived, this, &ExportRunner::writeRows);
    connect(m_session.get(), &SearchSession::totalKnown, this, [this] { showProgress(false); });
    connect(m_session.get(), &SearchSession::finished, this, &ExportRunner::complete);
    connect(m_session.get(), &SearchSession::failed, this, [this](const ApiError &error) {
        QString line = error.message();
        // The status is what scripts and people grep for; make sure it is there.
        if (error.httpStatus > 0 && !line.contains(QString::number(error.httpStatus)))
            line = tr("HTTP %1: %2").arg(error.httpStatus).arg(line);
        // Say how to go on, but only where trusting can help (not for an expired certificate).
        if (error.kind == ApiError::Kind::Certificate && error.certificate && error.certificate->pinnable)
            line += u' ' + tr("If the server's administrator confirms this fingerprint, pass it with --trust-certificate.");
        fail(line, Failure);
    });
    m_session->fetchAll();
}

void ExportRunner::writeRows(const std::vector<CdrRecord> &rows)
{
    if (m_done)
        return;
    for (const CdrRecord &row : rows) {
        if (!m_writer->writeRecord(row)) {
            writeFailed();
            return;
        }
        ++m_written;
        if (m_options.totals)
            m_totals.add(row);
    }
    showProgress(false);
}

void ExportRunner::complete()
{
    if (m_done)
        return;
    if (!m_writer->flush()) {
        writeFailed();
        return;
    }
    if (auto *file = qobject_cast<QSaveFile *>(m_output.get()); file && !file->commit()) {
        fail(tr("Cannot write %1: %2").arg(m_options.outputPath, file->errorString()), Failure);
        return;
    }
    showProgress(true);
    if (!writeSidecar())
        return;
    if (m_options.totals)
        printTotals();
    m_done = true;
    emit finished(Success);
}

void ExportRunner::writeFailed()
{
    if (m_options.outputPath.isEmpty() && standardOutputReaderGone()) {
        fail(QString(), ReaderGone);
        return;
    }
    fail(tr("Cannot write the file: %1").arg(m_writer->errorString()), Failure);
}

void ExportRunner::fail(const QString &line, int exitCode)
{
    if (m_done)
        return;
    m_done = true;
    if (m_session)
        m_session->cancel();
    if (m_progress && m_written > 0)
        std::fputc('\n', stderr); // end the progress line before the message
    if (!line.isEmpty())
        printError(line);
    // Rows still buffered are not written: on standard output, a failed export
    // should not end with a header alone, which would read as "no calls".
    if (m_writer)
        m_writer->discard();
    // An uncommitted QSaveFile is deleted, so no partial file appears.
    if (auto *file = qobject_cast<QSaveFile *>(m_output.get()))
        file->cancelWriting();
    emit finished(exitCode);
}

bool ExportRunner::writeSidecar()
{
    QString path = m_options.sidecarPath;
    if (path.isEmpty() && !m_options.outputPath.isEmpty())
        path = ExportSidecarFile::pathFor(m_options.outputPath);
    if (path.isEmpty())
        return true; // standard output without --sidecar: nowhere to put one
    m_sidecar.rowCount = m_written;
    // Only a complete export gets here; a failed one leaves neither file nor description.
    m_sidecar.complete = true;
    QString error;
    if (ExportSidecarFile::writeFile(m_sidecar, path, &error))
        return true;
    // The rows are complete and in place; only their description is missing, and a script must notice.
    fail(tr("The export is complete, but its description could not be written. %1").arg(error), Failure);
    return false;
}

void ExportRunner::showProgress(bool last)
{
    if (!m_progress)
        return;
    // A few updates a second are readable; one per page would flood a slow terminal.
    if (!last && m_progressShown.isValid() && m_progressShown.elapsed() < 100)
        return;
    m_progressShown.start();
    const std::optional<qint64> total = m_session ? m_session->total() : std::nullopt;
    const QString text
        = total ? tr("Fetched %L1 of %Ln row(s)", "", int(*total)).arg(m_written) : tr("Fetched %Ln row(s)", "", int(m_written));
    // \r and erase-to-end keep it on one line of the terminal.
    std::fputs(("\r"_L1 + text + "\x1b[K"_L1).toLocal8Bit().constData(), stderr);
    if (last)
        std::fputc('\n', stderr);
    std::fflush(stderr);
}

void ExportRunner::printTotals() const
{
    // Plain seconds and exact amounts, so a script can read the line as well as a person.
    QStringList parts{tr("%Ln call(s)", "", int(m_totals.rows()))};
    if (m_totals.durationRows() > 0)
        parts.append(tr("duration %1 s").arg(m_totals.duration()));
    if (m_totals.billedRows() > 0)
        parts.append(tr("billed %1 s").arg(m_totals.billed()));
    if (m_totals.pairedRows() > 0)
        parts.append(tr("billed minus duration %1 s").arg(m_totals.difference()));
    for (const CallTotals::Amount &amount : m_totals.amounts()) {
        const QString sum = amount.overflowed ? tr("too large to add up") : amount.total.toString();
        parts.append(amount.currency.isEmpty() ? tr("amount %1").arg(sum) : tr("amount %1 %2").arg(sum, amount.currency));
    }
    if (const std::optional<qint64> average = m_totals.averageBilled())
        parts.append(tr("average billed %1 s").arg(*average));
    if (m_totals.unreadableAmountRows() > 0)
        parts.append(tr("%1 amount(s) not numbers, left out").arg(m_totals.unreadableAmountRows()));
    std::fputs((u"cdr-export: "_s + tr("totals: %1").arg(parts.join(u", "_s)) + u'\n').toLocal8Bit().constData(), stderr);
    std::fflush(stderr);
}

void ExportRunner::printError(const QString &line) const
{
    QString text = line;
    text.replace(u'\r', u' ').replace(u'\n', u' ');
    // A server that echoes the credentials back must not get them printed.
    if (!m_options.connection.secret.isEmpty())
        text.replace(m_options.connection.secret, u"***"_s);
    std::fputs((u"cdr-export: "_s + text + u'\n').toLocal8Bit().constData(), stderr);
    std::fflush(stderr);
}
