#pragma once

#include "exportformat.h"
#include "isotimewriter.h"

#include <QByteArray>
#include <QStringList>

#include <array>
#include <optional>
#include <vector>

class QDateTime;
struct CdrRecord;

// CSV and TSV rows written straight as UTF-8: the same bytes as
// exportCellText() and appendDelimitedField() cell by cell, without a QString
// per cell. How each column is written is decided once, in the constructor.
class DelimitedRowWriter {
public:
    DelimitedRowWriter(const QStringList &columnKeys, QString providerId, ExportFormatOptions options);

    void appendRow(QByteArray &out, const CdrRecord &record); // the cells, separators and CRLF

private:
    enum class Kind : quint8 { Constant, Text, PhoneOrId, Decimal, Time, Seconds, Direction, Raw };
    struct Column {
        Kind kind = Kind::Constant;
        QString key;
        QString rawName; // Raw: the native field's name
        QString CdrRecord::*text = nullptr; // Text, PhoneOrId, Decimal
        QDateTime CdrRecord::*time = nullptr; // Time
        std::optional<qint64> CdrRecord::*seconds = nullptr; // Seconds
        QByteArray constant; // Constant: the finished field
    };

    Column columnFor(const QString &key) const;
    void appendCell(QByteArray &out, const CdrRecord &record, const Column &column);
    void appendGuarded(QByteArray &out, QStringView text, bool phoneOrId);
    void appendNumber(QByteArray &out, QStringView text);
    void appendField(QByteArray &out, char prefix, QStringView text);
    void appendAsciiField(QByteArray &out, const char *text, qsizetype size);
    void appendSlowly(QByteArray &out, const CdrRecord &record, const Column &column) const;
    QByteArray slowField(const CdrRecord &record, const QString &key) const;

    QString m_providerId;
    ExportFormatOptions m_options;
    char m_separator;
    int m_separatorAbove127; // the separator as a UTF-16 unit when not ASCII, else -1
    std::array<bool, 128> m_needsQuotes{}; // ASCII units that make a field quoted
    std::vector<Column> m_columns;
    std::array<QByteArray, 4> m_directions; // the finished field per Direction value
    IsoTimeWriter m_times;
};
