#pragma once

#include "csvwriter.h"

#include <QObject>
#include <QSaveFile>
#include <QStringList>
#include <QTimer>

#include <optional>
#include <vector>

class CdrTableModel;

// Writes rows of the table to a CSV file a slice at a time, so a million rows
// never freeze the window. The file appears under its name only when complete
// (QSaveFile writes a temporary file and renames it). If the table is reset or
// re-sorted meanwhile, the export stops and leaves no file.
class CsvExport final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CsvExport)
public:
    // `rows` are table rows as shown, written in that order.
    CsvExport(const CdrTableModel &model, QStringList columnKeys, std::vector<int> rows, CsvOptions options,
              const QString &fileName, QObject *parent = nullptr);
    ~CsvExport() override;

    void start();
    void cancel();
    QString fileName() const { return m_file.fileName(); }
    qsizetype rowCount() const { return qsizetype(m_rows.size()); }

signals:
    void progressed(qint64 written, qint64 total);
    void finished(bool ok, const QString &errorText);   // once; errorText is empty on success

private:
    void writeSlice();
    void fail(const QString &errorText);
    void rowsInserted(int first);

    const CdrTableModel &m_model;
    QStringList m_columnKeys;
    std::vector<int> m_rows;
    CsvOptions m_options;
    QSaveFile m_file;
    std::optional<CsvWriter> m_writer;
    size_t m_next = 0;
    int m_highestRow = -1;
    bool m_done = false;
    QTimer m_timer;
};
