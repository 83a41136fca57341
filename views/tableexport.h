#pragma once

#include "exportformat.h"
#include "compactrecordstore.h"
#include "exportsidecar.h"

#include <QObject>
#include <QSaveFile>
#include <QStringList>
#include <QTimer>

#include <memory>
#include <vector>

class CdrTableModel;
class RecordWriter;

// Writes rows of the table to a file a slice at a time, so a million rows never
// freeze the window. The file appears under its name only when complete
// (QSaveFile writes a temporary file and renames it); its sidecar FILE.json
// follows. If the table is reset or re-sorted meanwhile, the export stops and
// leaves no file.
class TableExport final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TableExport)
public:
    // `rows` are table rows as shown, written in that order. `sidecar` says who and what;
    // this class sets columns, format, rowCount and complete.
    TableExport(const CdrTableModel &model, QStringList columnKeys, std::vector<int> rows, ExportFormatOptions format,
        const QString &fileName, ExportSidecar sidecar, QObject *parent = nullptr);
    ~TableExport() override; // an unfinished export leaves no file behind

    void start();
    void cancel();
    QString fileName() const { return m_file.fileName(); }
    qint64 rowCount() const { return qint64(m_rows.size()); }
    QString sidecarError() const { return m_sidecarError; } // after finished(true): why FILE.json is missing

signals:
    void progressed(qint64 written, qint64 total);
    void finished(bool ok, const QString &errorText); // once; errorText is empty on success

private:
    void writeSlice();
    void fail(const QString &errorText);
    void rowsInserted(int first);

    const CdrTableModel &m_model;
    std::vector<int> m_rows;
    ExportSidecar m_sidecar;
    QSaveFile m_file;
    std::unique_ptr<RecordWriter> m_writer;
    RecordSelection m_fields;   // what the writer reads of a row
    size_t m_next = 0;
    int m_highestRow = -1;
    bool m_done = false;
    QString m_sidecarError;
    QTimer m_timer;
};
