#pragma once

#include "exportformat.h"

#include <QByteArray>
#include <QStringList>

#include <memory>

class DelimitedRowWriter;
class QIODevice;
struct CdrRecord;

// Streams records into a device as CSV, TSV or JSON Lines (see ExportFormatOptions).
// Rows are collected in a small buffer and written in chunks, so memory stays
// flat however many rows go out; call flush() after the last row.
class RecordWriter {
    Q_DISABLE_COPY_MOVE(RecordWriter)
public:
    RecordWriter(QIODevice &device, QStringList columnKeys, QString providerId, ExportFormatOptions options = {});
    ~RecordWriter(); // flushes what is left; errors are lost, so call flush() first

    bool writeHeader(); // BOM if wanted, then the header row; nothing for JSON Lines
    bool writeRecord(const CdrRecord &record);
    bool flush(); // writes the buffered rows to the device
    void discard(); // drops the buffered rows: the output is being abandoned
    bool hasError() const { return m_failed; } // a write failed; later writes are refused
    QString errorString() const { return m_errorString; } // the device's error after a failed write
    const ExportFormatOptions &options() const { return m_options; }

private:
    bool endRow();
    char separator() const;

    QIODevice &m_device;
    QStringList m_columnKeys;
    QString m_providerId;
    ExportFormatOptions m_options;
    std::unique_ptr<DelimitedRowWriter> m_rows; // CSV and TSV; null for JSON Lines
    QByteArray m_buffer;
    bool m_failed = false;
    QString m_errorString;
};
