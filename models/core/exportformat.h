#pragma once

#include <QByteArray>
#include <QString>
#include <QTimeZone>

#include <optional>

class QLocale;
struct CdrRecord;

// What a file export looks like. The presets fill in the details; every field
// can still be changed one by one (e.g. the formula guard without Excel).
enum class ExportFormat : quint8 { Csv, Tsv, JsonLines };
enum class ExportPreset : quint8 { Excel, Rfc4180, Tsv, JsonLines };
enum class DurationStyle : quint8 { Seconds, Hms }; // 3725 or 1:02:05

struct ExportFormatOptions {
    ExportFormat format = ExportFormat::Csv;
    char separator = ','; // CSV only; TSV always uses a tab
    // Of amounts and other numbers with a fraction: ',' for Excel where the locale
    // writes "0,5", since Excel there reads "0.5" as text (or a date), not a number.
    char decimalPoint = '.';
    bool byteOrderMark = false; // UTF-8 BOM first, so Excel reads UTF-8
    bool formulaGuard = false; // see exportformat.cpp for the exact rule
    bool zoneInHeader = true; // "start_time (UTC)" rather than "start_time"
    DurationStyle durations = DurationStyle::Seconds;
    QTimeZone zone = QTimeZone::utc(); // CSV and TSV times; JSON Lines is always UTC

    static ExportFormatOptions preset(ExportPreset preset, const QLocale &locale); // locale: Excel's separator
    static ExportFormatOptions excel(const QLocale &locale); // BOM, CRLF, ';' and "0,5" where decimals use ','
    static ExportFormatOptions rfc4180(); // UTF-8, comma, CRLF, no BOM
    static ExportFormatOptions tsv(); // tab, CRLF, quoted like CSV where needed
    static ExportFormatOptions jsonLines(); // one JSON object per line, LF
};

std::optional<ExportPreset> exportPresetFromKey(QStringView key); // "excel", "rfc4180", "tsv", "jsonl"
QString exportPresetKey(ExportPreset preset);
std::optional<DurationStyle> durationStyleFromKey(QStringView key); // "seconds", "hms"
QString zoneName(const QTimeZone &zone); // "UTC" or the IANA id, as the header shows it
std::optional<QTimeZone> exportZoneFromKey(QStringView key); // "UTC", "local" or an IANA id

QString hmsText(qint64 seconds); // 0:00:00, 25:01:01; hours are not wrapped at 24

// The formula guard's rule (see exportformat.cpp): does this text cell get a leading apostrophe?
bool needsFormulaGuard(QStringView text, bool phoneOrIdColumn);
bool isPhoneOrIdColumn(QStringView key); // caller, callee, id: digits there always stay text in Excel
bool isPlainNumber(QStringView text); // [+-]digits[.digits][e[+-]digits], written as a number

// The pieces a RecordWriter puts together; public so they can be tested alone.
QString exportHeaderText(QStringView key, const ExportFormatOptions &options);
QString exportCellText(
    const CdrRecord &record, QStringView key, const QString &providerId, const ExportFormatOptions &options);
void appendDelimitedField(QByteArray &out, QStringView text, char separator); // quoted if needed
QByteArray recordToJsonLine(const CdrRecord &record, const QString &providerId); // with the final '\n'
