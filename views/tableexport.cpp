#include "tableexport.h"

#include "cdrtablemodel.h"
#include "recordwriter.h"

#include <algorithm>

namespace {

// Rows a slice: large enough to be quick, small enough to keep the window responsive.
constexpr size_t sliceRows = 2000;

} // namespace

TableExport::TableExport(const CdrTableModel &model, QStringList columnKeys, std::vector<int> rows,
    ExportFormatOptions format, const QString &fileName, ExportSidecar sidecar, QObject *parent)
    : QObject(parent)
    , m_model(model)
    , m_rows(std::move(rows))
    , m_sidecar(std::move(sidecar))
    , m_file(fileName)
{
    m_sidecar.columns = std::move(columnKeys);
    m_sidecar.format = format;
    m_sidecar.complete = false;
    m_sidecar.rowCount = 0;
    if (!m_rows.empty())
        m_highestRow = *std::max_element(m_rows.cbegin(), m_rows.cend());
    m_timer.setInterval(0);
    connect(&m_timer, &QTimer::timeout, this, &TableExport::writeSlice);
    connect(&m_model, &QAbstractItemModel::modelAboutToBeReset, this,
        [this] { fail(tr("The table was cleared by a new search.")); });
    connect(&m_model, &QAbstractItemModel::layoutAboutToBeChanged, this,
        [this] { fail(tr("The table was sorted while exporting.")); });
    connect(&m_model, &QAbstractItemModel::rowsAboutToBeInserted, this,
        [this](const QModelIndex &, int first, int) { rowsInserted(first); });
    connect(&m_model, &QAbstractItemModel::rowsAboutToBeRemoved, this,
        [this] { fail(tr("Rows were removed while exporting.")); });
}

TableExport::~TableExport()
{
    if (m_writer)
        m_writer->discard();
    if (!m_done)
        m_file.cancelWriting();
}

void TableExport::start()
{
    if (!m_file.open(QIODevice::WriteOnly)) {
        fail(m_file.errorString());
        return;
    }
    m_writer = std::make_unique<RecordWriter>(m_file, m_sidecar.columns, m_model.providerId(), m_sidecar.format);
    // JSON Lines carries every native field; the other formats only their columns.
    m_fields = m_sidecar.format.format == ExportFormat::JsonLines ? RecordSelection{}
                                                                   : RecordSelection::forColumns(m_sidecar.columns);
    if (!m_writer->writeHeader()) {
        fail(m_writer->errorString());
        return;
    }
    writeSlice();
    if (!m_done)
        m_timer.start();
}

void TableExport::cancel()
{
    fail(tr("Cancelled"));
}

void TableExport::writeSlice()
{
    if (m_done)
        return;
    const size_t end = std::min(m_rows.size(), m_next + sliceRows);
    for (; m_next < end; ++m_next) {
        const int row = m_rows[m_next];
        if (row < 0 || row >= m_model.rowCount()) {
            fail(tr("The table changed while exporting."));
            return;
        }
        if (!m_writer->writeRecord(m_model.record(row, m_fields))) {
            fail(m_writer->errorString());
            return;
        }
    }
    emit progressed(qint64(m_next), qint64(m_rows.size()));
    if (m_next < m_rows.size())
        return;
    // The writer buffers; the last chunk must reach the file before commit().
    if (!m_writer->flush()) {
        fail(m_writer->errorString());
        return;
    }
    m_timer.stop();
    m_done = true;
    if (!m_file.commit()) {
        emit finished(false, m_file.errorString());
        return;
    }
    m_sidecar.rowCount = qint64(m_rows.size());
    m_sidecar.complete = true;
    // The rows are in place either way; a missing sidecar is reported, not fatal.
    ExportSidecarFile::write(m_sidecar, m_file.fileName(), &m_sidecarError);
    emit finished(true, QString());
}

void TableExport::fail(const QString &errorText)
{
    if (m_done)
        return;
    m_done = true;
    m_timer.stop();
    if (m_writer)
        m_writer->discard();
    m_file.cancelWriting();
    emit finished(false, errorText);
}

void TableExport::rowsInserted(int first)
{
    // Rows appended after the exported ones move nothing; rows inserted among them would.
    if (!m_done && first <= m_highestRow)
        fail(tr("The table changed while exporting."));
}
