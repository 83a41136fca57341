#include "csvwriter.h"

#include "cdrrecord.h"
#include "exportformat.h"

#include <QCoreApplication>
#include <QIODevice>

#include <utility>

namespace {

// Big enough that a device sees few writes, small enough that memory stays flat
// whatever the number of rows.
constexpr qsizetype flushThreshold = 16 * 1024;

} // namespace

CsvWriter::CsvWriter(QIODevice &device, QStringList columnKeys, QString providerId, CsvOptions options)
    : m_device(device)
    , m_columnKeys(std::move(columnKeys))
    , m_providerId(std::move(providerId))
    , m_options(std::move(options))
{
    m_buffer.reserve(flushThreshold + 4096);
}

CsvWriter::~CsvWriter()
{
    // A device already closed (committed or abandoned) has nothing more to take.
    if (m_device.isOpen() && m_device.isWritable())
        flush();
}

void CsvWriter::appendField(QByteArray &out, QStringView text, char separator)
{
    // The same quoting as every export format, so both writers agree byte for byte.
    appendDelimitedField(out, text, separator);
}

QByteArray CsvWriter::field(QStringView text, char separator)
{
    QByteArray out;
    appendField(out, text, separator);
    return out;
}

bool CsvWriter::writeHeader()
{
    if (m_failed)
        return false;
    for (qsizetype i = 0; i < m_columnKeys.size(); ++i) {
        if (i > 0)
            m_buffer.append(m_options.separator);
        appendField(m_buffer, m_columnKeys.at(i), m_options.separator);
    }
    return endRow();
}

bool CsvWriter::writeRecord(const CdrRecord &record)
{
    if (m_failed)
        return false;
    for (qsizetype i = 0; i < m_columnKeys.size(); ++i) {
        if (i > 0)
            m_buffer.append(m_options.separator);
        appendField(
            m_buffer, columnText(record, m_columnKeys.at(i), m_providerId, m_options.time), m_options.separator);
    }
    return endRow();
}

bool CsvWriter::endRow()
{
    m_buffer.append("\r\n");
    return m_buffer.size() < flushThreshold || flush();
}

bool CsvWriter::flush()
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
                m_errorString = QCoreApplication::translate("CsvWriter", "The output could not be written.");
            m_buffer.clear();
            return false;
        }
        done += written;
    }
    m_buffer.clear();
    return true;
}

void CsvWriter::discard()
{
    m_buffer.clear();
}

QString CsvWriter::errorString() const
{
    return m_errorString;
}
