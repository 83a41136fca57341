#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// A strict RFC 4180 reader for tests: CRLF line ends only, quotes only around
// whole fields. Returns nothing when the text breaks the format, so a test can
// tell "parses back" from "looks about right".
namespace csvtest {

inline std::optional<QList<QStringList>> parse(const QByteArray &bytes, char separator = ',')
{
    QList<QStringList> rows;
    QStringList row;
    QByteArray field;
    qsizetype i = 0;
    const qsizetype n = bytes.size();
    if (n == 0)
        return rows;
    while (true) {
        field.clear();
        if (i < n && bytes[i] == '"') {
            ++i;
            while (true) {
                if (i >= n)
                    return std::nullopt; // unterminated quote
                if (bytes[i] == '"') {
                    if (i + 1 < n && bytes[i + 1] == '"') {
                        field.append('"');
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                field.append(bytes[i++]);
            }
        } else {
            while (i < n && bytes[i] != separator && bytes[i] != '\r' && bytes[i] != '\n') {
                if (bytes[i] == '"')
                    return std::nullopt; // a quote inside an unquoted field
                field.append(bytes[i++]);
            }
        }
        row.append(QString::fromUtf8(field));
        if (i < n && bytes[i] == separator) {
            ++i;
            continue;
        }
        if (i + 1 < n && bytes[i] == '\r' && bytes[i + 1] == '\n') {
            i += 2;
            rows.append(row);
            row.clear();
            if (i == n)
                return rows;
            continue;
        }
        return std::nullopt; // bare CR or LF, junk after a quote, or no final CRLF
    }
}

} // namespace csvtest
