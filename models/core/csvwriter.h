#pragma once

#include "columns.h"
#include "recordwriter.h"

#include <QByteArray>
#include <QStringList>

class QIODevice;
struct CdrRecord;

// RFC 4180 CSV: UTF-8, comma, CRLF, fields quoted when they hold a comma, a
// quote, CR or LF. Cells are `columnText()` with times in ISO 8601, so amounts,
// ids and numbers are written exactly as the provider sent them.
struct CsvOptions {
    TimeFormat time; // ISO 8601 UTC ("...Z") by default
    char separator = ',';
};

// Presets (Excel, TSV, JSON Lines), zones in the header, h:mm:ss durations
// and the formula guard live in RecordWriter (recordwriter.h); this class
// stays as the plain RFC 4180 writer its callers use today.
// The table's CSV export: RecordWriter with the RFC 4180 preset and bare column
// keys in the header, behind the small API the window and its tests use.
// Rows are buffered and written in chunks; call flush() after the last row to
// write the rest and learn whether it worked.
class CsvWriter {
    Q_DISABLE_COPY_MOVE(CsvWriter)
public:
    CsvWriter(QIODevice &device, QStringList columnKeys, QString providerId, CsvOptions options = {});
    ~CsvWriter(); // flushes what is left; errors are lost, so call flush() first

    bool writeHeader() { return m_writer.writeHeader(); } // the column keys
    bool writeRecord(const CdrRecord &record) { return m_writer.writeRecord(record); }
    bool flush() { return m_writer.flush(); } // writes the buffered rows to the device
    void discard() { m_writer.discard(); } // drops the buffered rows: the output is being abandoned
    bool hasError() const { return m_writer.hasError(); } // a write failed; later writes are refused
    QString errorString() const { return m_writer.errorString(); } // the device's error after a failed write

    static QByteArray field(QStringView text, char separator = ','); // one field, quoted if needed

private:
    RecordWriter m_writer;
};
