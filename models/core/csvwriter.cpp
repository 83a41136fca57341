#include "csvwriter.h"

#include "exportformat.h"

#include <utility>

namespace {

ExportFormatOptions csvFormat(const CsvOptions &options)
{
    ExportFormatOptions format = ExportFormatOptions::rfc4180();
    format.separator = options.separator;
    format.zone = options.time.zone;
    format.zoneInHeader = false; // the header is the bare column keys, as it always was
    return format;
}

} // namespace

CsvWriter::CsvWriter(QIODevice &device, QStringList columnKeys, QString providerId, CsvOptions options)
    : m_writer(device, std::move(columnKeys), std::move(providerId), csvFormat(options))
{
}

CsvWriter::~CsvWriter() = default; // RecordWriter flushes what is left

QByteArray CsvWriter::field(QStringView text, char separator)
{
    QByteArray out;
    appendDelimitedField(out, text, separator);
    return out;
}
