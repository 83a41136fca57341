#pragma once

#include "calltotals.h"
#include "exportoptions.h"
#include "exportsidecar.h"

#include <QElapsedTimer>
#include <QObject>

#include <memory>

class RecordWriter;
class QFileDevice;
class QNetworkAccessManager;
class SearchSession;

// One export: checks the search with the provider, pages through every row
// and streams them into CSV as they arrive, so memory stays flat however many
// rows there are. Reports through finished(exitCode); messages go to stderr.
class ExportRunner final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportRunner)
public:
    // ReaderGone: standard output's reader closed early (e.g. `| head`); the
    // status a tool killed by SIGPIPE reports, without a message.
    enum ExitCode : int { Success = 0, Failure = 1, UsageError = 2, ReaderGone = 128 + 13 };

    ExportRunner(QNetworkAccessManager &network, ExportOptions options, QObject *parent = nullptr);
    ~ExportRunner() override;

    void start(); // returns at once; the work runs on the event loop

signals:
    void finished(int exitCode);

private:
    void writeRows(const std::vector<CdrRecord> &rows);
    void complete();
    void fail(const QString &line, int exitCode);
    void writeFailed(); // the output refused rows: a closed pipe ends quietly, anything else is an error
    void showProgress(bool last);
    void printError(const QString &line) const; // one line, the secret masked if a server echoed it
    void printTotals() const;
    bool writeSidecar(); // after a complete export: FILE.json beside --output, or at --sidecar

    QNetworkAccessManager &m_network;
    ExportOptions m_options;
    std::unique_ptr<QFileDevice> m_output;
    std::unique_ptr<RecordWriter> m_writer;
    std::unique_ptr<SearchSession> m_session;
    ExportSidecar m_sidecar; // what start() resolved; completed and written at the end
    qint64 m_written = 0;
    CallTotals m_totals; // only with --totals
    bool m_progress = false; // stderr is a terminal
    QElapsedTimer m_progressShown;
    bool m_done = false;
};
