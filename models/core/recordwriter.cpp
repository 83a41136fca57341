#include "recordwriter.h"

#include "cdrrecord.h"
#include "delimitedrowwriter.h"

#include <QCoreApplication>
#include <QIODevice>

#include <utility>

namespace {

// Big enough that a device sees few writes, small enough that memory stays
// flat (and that a device is never handed much more than 32 KiB at once).
constexpr qsizetype flushThreshold = 32 * 1024;

} // namespace

RecordWriter::RecordWriter(QIODevice &device, QStringList columnKeys, QString providerId, ExportFormatOptions options)
    : m_device(device)
    , m_columnKeys(std::move(columnKeys))
    , m_providerId(std::move(providerId))
    , m_options(std::move(options))
{
    if (m_options.format != ExportFormat::JsonLines)
        m_rows = std::make_unique<DelimitedRowWriter>(m_columnKeys, m_providerId, m_options);
    m_buffer.reserve(flushThreshold + 4096);
}

RecordWriter::~RecordWriter()
{
    // A device already closed (committed or abandoned) has nothing more to take.
    if (m_device.isOpen() && m_device.isWritable())
        flush();
}

char RecordWriter::separator() const
{
    return m_options.format == ExportFormat::Tsv ? '\t' : m_options.separator;
}

bool RecordWriter::writeHeader()
{
    if (m_failed)
        return false;
    // The BOM belongs to the header so that appending to a file (resuming an
    // export) never puts a second one in the middle.
    if (m_options.byteOrderMark)
        m_buffer.append("\xEF\xBB\xBF");
    if (m_options.format == ExportFormat::JsonLines)
        return true; // every line names its own fields
    for (qsizetype i = 0; i < m_columnKeys.size(); ++i) {
        if (i > 0)
            m_buffer.append(separator());
        appendDelimitedField(m_buffer, exportHeaderText(m_columnKeys.at(i), m_options), separator());
    }
    return endRow();
}

bool RecordWriter::writeRecord(const CdrRecord &record)
{
    if (m_failed)
        return false;
    if (m_options.format == ExportFormat::JsonLines) {
        // The whole record, whatever the columns: JSON Lines is for machines.
        m_buffer.append(recordToJsonLine(record, m_providerId));
        return m_buffer.size() < flushThreshold || flush();
    }
    m_rows->appendRow(m_buffer, record);
    return m_buffer.size() < flushThreshold || flush();
}

bool RecordWriter::endRow()
{
    m_buffer.append("\r\n");
    return m_buffer.size() < flushThreshold || flush();
}

bool RecordWriter::flush()
{
    if (m_failed)
        return false;
    qsizetype done = 0;
    // A device may take less than it was given (pipes, sockets); keep going
    // until all of it went out or the device reports an error.
    while (done < m_buffer.size()) {
        const qint64 written = m_device.write(m_buffer.constData() + done, m_buffer.size() - done);
        if (written <= 0) {
            m_failed = true;
            m_errorString = m_device.errorString();
            if (m_errorString.isEmpty())
                m_errorString = QCoreApplication::translate("RecordWriter", "The output could not be written.");
            m_buffer.clear();
            return false;
        }
        done += written;
    }
    m_buffer.resize(0); // keeps the capacity, unlike clear()
    return true;
}

void RecordWriter::discard()
{
    m_buffer.clear();
}
