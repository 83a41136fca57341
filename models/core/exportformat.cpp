#include "exportformat.h"

#include "cdrrecord.h"
#include "columns.h"
#include "recordjson.h"

#include <QLocale>

#include <algorithm>

using namespace Qt::StringLiterals;

// Spreadsheet safety, the rules in one place.
//
// Formula guard (ExportFormatOptions::formulaGuard, on in the Excel preset): Excel,
// LibreOffice and Google Sheets evaluate a cell that starts with '=', '+', '-'
// or '@' as a formula, and some do so after a leading tab or CR as well. Such
// a TEXT cell is written with a leading apostrophe ("'=SUM(A1)"), which no
// spreadsheet evaluates. Formulas are never written, not even ="0049..." to
// keep zeros: an export must not contain anything that runs.
//
// Numbers are never touched: durations are our own integers (or h:mm:ss), and
// amount, rate and native values the provider sent as JSON numbers keep their
// exact text, so "-0.0050" stays "-0.0050". Only when such a cell is not a
// plain number at all (a provider sending "=1+1" as an amount) is it guarded
// like text.
//
// Phone numbers and ids: the guard's apostrophe already covers "+4930...".
// Excel would still turn "0049301234" into 49301234 and "4930123456789012"
// into 4.93E+15; in the Excel preset such digit-only text therefore gets the
// apostrophe too: in caller, callee and id always, in other text cells when a
// leading zero or more than 15 digits would be lost. Excel shows the
// apostrophe when it opens a CSV, but the digits arrive intact and as text.

namespace {

bool isDigits(QStringView text)
{
    return !text.isEmpty() && std::all_of(text.begin(), text.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
}

bool startsLikeFormula(QStringView text)
{
    if (text.isEmpty())
        return false;
    switch (text.front().unicode()) {
    case u'=':
    case u'+':
    case u'-':
    case u'@':
    case u'\t':
    case u'\r':
        return true;
    default:
        return false;
    }
}

// Digit-only text that Excel would convert into a number and lose something of.
bool excelWouldMangle(QStringView text, bool phoneOrIdColumn)
{
    if (phoneOrIdColumn)
        return isDigits(text) || (text.startsWith(u'+') && isDigits(text.mid(1)));
    return isDigits(text) && ((text.size() > 1 && text.front() == u'0') || text.size() > 15);
}

QString guardedText(QStringView key, const QString &text, const ExportFormatOptions &options)
{
    if (options.formulaGuard && needsFormulaGuard(text, isPhoneOrIdColumn(key)))
        return u'\'' + text;
    return text;
}

// A plain number with the file's decimal point; the digits are never touched.
QString withDecimalPoint(QString number, const ExportFormatOptions &options)
{
    if (options.decimalPoint != '.')
        number.replace(u'.', QChar::fromLatin1(options.decimalPoint));
    return number;
}

} // namespace

// [+-]digits[.digits][e[+-]digits]: what a spreadsheet reads as a number as it is.
bool isPlainNumber(QStringView text)
{
    qsizetype i = 0;
    const qsizetype n = text.size();
    auto digits = [&] {
        const qsizetype start = i;
        while (i < n && text[i] >= u'0' && text[i] <= u'9')
            ++i;
        return i > start;
    };
    if (i < n && (text[i] == u'+' || text[i] == u'-'))
        ++i;
    if (!digits())
        return false;
    if (i < n && text[i] == u'.') {
        ++i;
        if (!digits())
            return false;
    }
    if (i < n && (text[i] == u'e' || text[i] == u'E')) {
        ++i;
        if (i < n && (text[i] == u'+' || text[i] == u'-'))
            ++i;
        if (!digits())
            return false;
    }
    return i == n;
}

bool isPhoneOrIdColumn(QStringView key)
{
    const auto field = unifiedFieldFromKey(key);
    return field == UnifiedField::Caller || field == UnifiedField::Callee || field == UnifiedField::Id;
}

bool needsFormulaGuard(QStringView text, bool phoneOrIdColumn)
{
    return startsLikeFormula(text) || excelWouldMangle(text, phoneOrIdColumn);
}

ExportFormatOptions ExportFormatOptions::preset(ExportPreset preset, const QLocale &locale)
{
    switch (preset) {
    case ExportPreset::Excel:
        return excel(locale);
    case ExportPreset::Rfc4180:
        return rfc4180();
    case ExportPreset::Tsv:
        return tsv();
    case ExportPreset::JsonLines:
        return jsonLines();
    }
    return rfc4180();
}

ExportFormatOptions ExportFormatOptions::excel(const QLocale &locale)
{
    ExportFormatOptions options;
    // Excel splits a CSV at the list separator of the user's regional settings,
    // which is ';' wherever ',' is the decimal point; there it also reads
    // numbers only with a decimal comma.
    const bool decimalComma = locale.decimalPoint() == u","_s;
    options.separator = decimalComma ? ';' : ',';
    options.decimalPoint = decimalComma ? ',' : '.';
    options.byteOrderMark = true; // without it Excel reads UTF-8 as the ANSI code page
    options.formulaGuard = true;
    return options;
}

ExportFormatOptions ExportFormatOptions::rfc4180()
{
    return {};
}

ExportFormatOptions ExportFormatOptions::tsv()
{
    ExportFormatOptions options;
    options.format = ExportFormat::Tsv;
    options.separator = '\t';
    return options;
}

ExportFormatOptions ExportFormatOptions::jsonLines()
{
    ExportFormatOptions options;
    options.format = ExportFormat::JsonLines;
    return options;
}

std::optional<ExportPreset> exportPresetFromKey(QStringView key)
{
    for (const ExportPreset preset :
        {ExportPreset::Excel, ExportPreset::Rfc4180, ExportPreset::Tsv, ExportPreset::JsonLines}) {
        if (key.compare(exportPresetKey(preset), Qt::CaseInsensitive) == 0)
            return preset;
    }
    return std::nullopt;
}

QString exportPresetKey(ExportPreset preset)
{
    switch (preset) {
    case ExportPreset::Excel:
        return u"excel"_s;
    case ExportPreset::Rfc4180:
        return u"rfc4180"_s;
    case ExportPreset::Tsv:
        return u"tsv"_s;
    case ExportPreset::JsonLines:
        return u"jsonl"_s;
    }
    return {};
}

std::optional<DurationStyle> durationStyleFromKey(QStringView key)
{
    if (key == "seconds"_L1)
        return DurationStyle::Seconds;
    if (key == "hms"_L1)
        return DurationStyle::Hms;
    return std::nullopt;
}

QString zoneName(const QTimeZone &zone)
{
    if (zone == QTimeZone::utc())
        return u"UTC"_s;
    return QString::fromUtf8(zone.id());
}

std::optional<QTimeZone> exportZoneFromKey(QStringView key)
{
    if (key.compare("UTC"_L1, Qt::CaseInsensitive) == 0 || key == "Z"_L1)
        return QTimeZone::utc();
    // The machine's zone by its IANA id, so the header says which one it was.
    if (key.compare("local"_L1, Qt::CaseInsensitive) == 0)
        return QTimeZone::systemTimeZone();
    if (key.isEmpty())
        return std::nullopt; // QTimeZone would take an empty id for the system zone
    const QTimeZone zone(key.toUtf8());
    if (!zone.isValid())
        return std::nullopt;
    return zone;
}

QString hmsText(qint64 seconds)
{
    const bool negative = seconds < 0;
    const quint64 total = negative ? quint64(0) - quint64(seconds) : quint64(seconds);
    const quint64 hours = total / 3600;
    const int minutes = int(total / 60 % 60);
    const int secs = int(total % 60);
    return u"%1%2:%3:%4"_s.arg(negative ? u"-"_s : QString())
        .arg(hours)
        .arg(minutes, 2, 10, QChar(u'0'))
        .arg(secs, 2, 10, QChar(u'0'));
}

QString exportHeaderText(QStringView key, const ExportFormatOptions &options)
{
    QString text = key.toString();
    if (options.zoneInHeader && columnType(key) == ColumnType::Time)
        text += u" ("_s + zoneName(options.zone) + u')';
    // Native field names come from the provider, so they are guarded like any text.
    return guardedText(key, text, options);
}

QString exportCellText(
    const CdrRecord &record, QStringView key, const QString &providerId, const ExportFormatOptions &options)
{
    const TimeFormat time{TimeFormat::Style::Iso8601, options.zone};
    switch (columnType(key)) {
    case ColumnType::Seconds: {
        // Our own integers: never guarded, so a spreadsheet sums them.
        const auto field = unifiedFieldFromKey(key);
        const std::optional<qint64> &value = field == UnifiedField::Duration ? record.duration : record.billedDuration;
        if (!value)
            return {};
        return options.durations == DurationStyle::Hms ? hmsText(*value) : QString::number(*value);
    }
    case ColumnType::Decimal:
    case ColumnType::Number: {
        const QString text = columnText(record, key, providerId, time);
        return isPlainNumber(text) ? withDecimalPoint(text, options) : guardedText(key, text, options);
    }
    case ColumnType::Text:
    case ColumnType::Time:
        break;
    }
    const QString text = columnText(record, key, providerId, time);
    if (key.startsWith(rawPrefix)) {
        const NativeValue *value = record.nativeValue(key.mid(rawPrefix.size()));
        if (value && value->kind == NativeValue::Kind::Number && isPlainNumber(text))
            return withDecimalPoint(text, options);
    }
    return guardedText(key, text, options);
}

void appendDelimitedField(QByteArray &out, QStringView text, char separator)
{
    const bool quote = std::any_of(text.begin(), text.end(), [separator](QChar c) {
        const char16_t u = c.unicode();
        return u == u'"' || u == u'\r' || u == u'\n' || u == char16_t(uchar(separator));
    });
    if (!quote) {
        out.append(text.toUtf8());
        return;
    }
    // RFC 4180 §2.6–2.7: the whole field in quotes, each quote inside doubled.
    out.append('"');
    QByteArray utf8 = text.toUtf8();
    out.append(utf8.replace('"', QByteArrayView("\"\"")));
    out.append('"');
}

QByteArray recordToJsonLine(const CdrRecord &record, const QString &providerId)
{
    // recordToJson() writes the unified object; its whitespace is layout only,
    // because every newline or tab inside a string is escaped, so dropping all
    // whitespace outside strings makes it one line. The native object is taken
    // compact from the record directly: its pretty form re-dumps nested
    // objects through a DOM, which would round their numbers.
    const QString pretty = recordToJson(record, providerId);
    // The top-level key is the first "native" at that indent: unified values
    // hold no raw newline, and native fields are indented deeper.
    const qsizetype nativeAt = pretty.indexOf(u"\n    \"native\": "_s);
    Q_ASSERT(nativeAt > 0);
    const QStringView unified = QStringView(pretty).left(nativeAt);
    QString line;
    line.reserve(unified.size());
    bool inString = false;
    bool escaped = false;
    for (const QChar c : unified) {
        if (inString) {
            line += c;
            if (escaped)
                escaped = false;
            else if (c == u'\\')
                escaped = true;
            else if (c == u'"')
                inString = false;
        } else if (c == u'"') {
            inString = true;
            line += c;
        } else if (!c.isSpace()) {
            line += c;
        }
    }
    QByteArray out = line.toUtf8();
    out += "\"native\":";
    out += record.nativeJson(false);
    out += "}\n";
    return out;
}
