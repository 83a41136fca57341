#pragma once

#include <QList>
#include <QString>

// One cell as a spreadsheet program understood it.
struct SpreadsheetCell {
    QString type;   // office:value-type: "float", "string", "date", ... empty for an empty cell
    QString value;  // office:value (or date-value) for non-strings
    QString text;   // what the cell shows
    bool formula = false;
};

using SpreadsheetRow = QList<SpreadsheetCell>;

// The first sheet of a flat OpenDocument spreadsheet (.fods), row by row,
// repeated cells expanded; empty trailing rows dropped.
QList<SpreadsheetRow> readFlatOds(const QString &fileName, QString *errorText);
