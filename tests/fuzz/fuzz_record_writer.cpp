// The export writers in every preset, with records built from the input. The
// file read back must hold the rows and cells that went in: CSV and TSV re-parse
// to one field per column in every row, each equal to the cell's text; in the
// Excel preset no cell could start a formula; every JSON Lines line is a JSON object.
#include "fuzzsupport.h"

#include "columns.h"
#include "exportformat.h"
#include "recordwriter.h"

#include <fuzzer/FuzzedDataProvider.h>
#include <nlohmann/json.hpp>

#include <QBuffer>
#include <QLocale>
#include <QRegularExpression>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace {

const QString providerId = u"fuzz"_s;

// Values that sit on the guard's edges, mixed with whatever the fuzzer makes.
const char *const awkward[] = {"-0.0050", "=1+1", "+4930123", "0049301234", "1e5", "4930123456789012", "@SUM(A1)",
    "\t=1", "\r=1", "-", "+", "1.", ".5", "-1e-5", "\"", "a,b", "a;b", "line\r\nbreak", "'", "", " =1"};

QString text(FuzzedDataProvider &input)
{
    switch (input.ConsumeIntegralInRange(0, 3)) {
    case 0:
        return QString::fromUtf8(awkward[input.ConsumeIntegralInRange<size_t>(0, std::size(awkward) - 1)]);
    case 1: {
        // UTF-16 straight from the bytes: lone surrogates and controls included.
        const std::string raw = input.ConsumeRandomLengthString(32);
        return QString(reinterpret_cast<const QChar *>(raw.data()), qsizetype(raw.size() / 2));
    }
    default: {
        const std::string raw = input.ConsumeRandomLengthString(32);
        return QString::fromUtf8(raw.data(), qsizetype(raw.size()));
    }
    }
}

QDateTime time(FuzzedDataProvider &input)
{
    if (input.ConsumeBool())
        return {};
    return QDateTime::fromSecsSinceEpoch(input.ConsumeIntegralInRange<qint64>(-62135596800LL, 253402300799LL),
        QTimeZone::utc());
}

std::optional<qint64> seconds(FuzzedDataProvider &input)
{
    if (input.ConsumeBool())
        return std::nullopt;
    return input.ConsumeIntegral<qint64>();
}

// What a parser can make: numbers, booleans and nested values are valid JSON
// text (the parsers take them from a JSON reader), strings are anything.
NativeValue nativeValue(FuzzedDataProvider &input)
{
    static const char *const numbers[] = {"0", "-0.0050", "1e5", "12345678901234567890", "1.5E-7", "-1", "0.1"};
    NativeValue value;
    value.kind = NativeValue::Kind(input.ConsumeIntegralInRange(0, 5));
    switch (value.kind) {
    case NativeValue::Kind::Null:
        break;
    case NativeValue::Kind::Bool:
        value.text = input.ConsumeBool() ? u"true"_s : u"false"_s;
        break;
    case NativeValue::Kind::Number:
        value.text = input.ConsumeBool()
            ? QString::fromLatin1(numbers[input.ConsumeIntegralInRange<size_t>(0, std::size(numbers) - 1)])
            : QString::number(input.ConsumeIntegral<qint64>());
        break;
    case NativeValue::Kind::String:
        value.text = text(input);
        break;
    case NativeValue::Kind::Object:
    case NativeValue::Kind::Array: {
        nlohmann::json nested = nlohmann::json::array({text(input).toStdString(), input.ConsumeIntegral<int>()});
        if (value.kind == NativeValue::Kind::Object)
            nested = {{text(input).toStdString(), nested}};
        value.text = QString::fromStdString(nested.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
        break;
    }
    }
    return value;
}

CdrRecord record(FuzzedDataProvider &input, QStringList &rawNames)
{
    CdrRecord record;
    record.id = text(input);
    record.startTime = time(input);
    record.answerTime = time(input);
    record.endTime = time(input);
    record.caller = text(input);
    record.callee = text(input);
    record.direction = Direction(input.ConsumeIntegralInRange(0, 3));
    record.duration = seconds(input);
    record.billedDuration = seconds(input);
    record.amount = text(input);
    record.rate = text(input);
    record.currency = text(input);
    record.hangupCause = text(input);
    record.hangupSource = text(input);
    record.trunk = text(input);
    const int fields = input.ConsumeIntegralInRange(0, 4);
    for (int i = 0; i < fields; ++i) {
        NativeField field;
        field.name = text(input);
        field.value = nativeValue(input);
        if (!field.name.isEmpty() && !rawNames.contains(field.name))
            rawNames.append(field.name);
        record.native.append(field);
    }
    return record;
}

// RFC 4180 read back: rows of fields, each row ended by CRLF; nullopt if malformed.
std::optional<QList<QStringList>> parseDelimited(QByteArrayView bytes, char separator)
{
    QList<QStringList> rows;
    QStringList row;
    QByteArray field;
    qsizetype i = 0;
    auto endField = [&] {
        row.append(QString::fromUtf8(field));
        field.clear();
    };
    while (i < bytes.size()) {
        if (bytes[i] == '"' && field.isEmpty()) {
            for (++i;; ++i) {
                if (i >= bytes.size())
                    return std::nullopt;
                if (bytes[i] == '"') {
                    if (i + 1 < bytes.size() && bytes[i + 1] == '"') {
                        field.append('"');
                        ++i;
                        continue;
                    }
                    ++i;
                    break;
                }
                field.append(bytes[i]);
            }
            if (i < bytes.size() && bytes[i] != separator && bytes[i] != '\r')
                return std::nullopt; // text after the closing quote
        }
        if (i >= bytes.size())
            return std::nullopt; // every row ends with CRLF
        if (bytes[i] == separator) {
            endField();
            ++i;
        } else if (bytes[i] == '\r' && i + 1 < bytes.size() && bytes[i + 1] == '\n') {
            endField();
            rows.append(row);
            row.clear();
            i += 2;
        } else if (bytes[i] == '"' || bytes[i] == '\n' || bytes[i] == '\r') {
            return std::nullopt; // a quote, CR or LF in an unquoted field
        } else {
            field.append(bytes[i++]);
        }
    }
    if (!row.isEmpty() || !field.isEmpty())
        return std::nullopt;
    return rows;
}

bool isNumberLike(QStringView cell, char decimalPoint)
{
    // [+-]digits[<point>digits][e[+-]digits] or [-]h:mm:ss: what the writer leaves unguarded on purpose.
    static const QRegularExpression dot(
        u"^[+-]?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?$|^-?[0-9]+:[0-9]{2}:[0-9]{2}$"_s);
    static const QRegularExpression comma(u"^[+-]?[0-9]+(,[0-9]+)?([eE][+-]?[0-9]+)?$|^-?[0-9]+:[0-9]{2}:[0-9]{2}$"_s);
    return (decimalPoint == ',' ? comma : dot).match(cell).hasMatch();
}

void checkDelimited(const QByteArray &out, const QStringList &keys, const std::vector<CdrRecord> &records,
    const ExportFormatOptions &options)
{
    QByteArrayView body(out);
    if (options.byteOrderMark) {
        FUZZ_CHECK(body.startsWith("\xEF\xBB\xBF"), "the BOM comes first");
        body = body.sliced(3);
    }
    const char separator = options.format == ExportFormat::Tsv ? '\t' : options.separator;
    const auto rows = parseDelimited(body, separator);
    FUZZ_CHECK(rows.has_value(), "the output re-parses as RFC 4180");
    FUZZ_CHECK(rows->size() == qsizetype(records.size()) + 1, "one row per record after the header");
    for (qsizetype r = 0; r < rows->size(); ++r) {
        const QStringList &row = rows->at(r);
        FUZZ_CHECK(row.size() == keys.size(), "every row has one field per column");
        for (qsizetype c = 0; c < row.size(); ++c) {
            const QString expected = r == 0 ? exportHeaderText(keys[c], options)
                                            : exportCellText(records[size_t(r - 1)], keys[c], providerId, options);
            FUZZ_CHECK(row[c] == QString::fromUtf8(expected.toUtf8()), "a cell reads back as written");
            if (!options.formulaGuard || row[c].isEmpty())
                continue;
            const char16_t first = row[c].front().unicode();
            const bool formulaStart
                = first == u'=' || first == u'+' || first == u'-' || first == u'@' || first == u'\t' || first == u'\r';
            FUZZ_CHECK(!formulaStart || isNumberLike(row[c], options.decimalPoint), "no cell can start a formula");
        }
    }
}

void checkJsonLines(const QByteArray &out, const std::vector<CdrRecord> &records)
{
    FUZZ_CHECK(out.isEmpty() || out.endsWith('\n'), "the last line ends with LF");
    const QList<QByteArray> lines = out.isEmpty() ? QList<QByteArray>{} : out.chopped(1).split('\n');
    FUZZ_CHECK(lines.size() == qsizetype(records.size()), "one line per record");
    for (const QByteArray &line : lines) {
        const nlohmann::json value = nlohmann::json::parse(line.cbegin(), line.cend(), nullptr, false);
        FUZZ_CHECK(!value.is_discarded(), "every line parses as JSON");
        FUZZ_CHECK(value.is_object(), "every line is one object");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FuzzedDataProvider input(data, size);
    QStringList rawNames;
    std::vector<CdrRecord> records(input.ConsumeIntegralInRange<size_t>(0, 4));
    for (CdrRecord &each : records)
        each = record(input, rawNames);

    QStringList keys = unifiedColumnKeys();
    for (const QString &name : std::as_const(rawNames))
        keys.append(rawPrefix + name);
    if (input.ConsumeBool())
        keys.append(u"raw.missing"_s);

    // Built once: a locale and a zone cost more to make than a small export.
    static const ExportFormatOptions presets[] = {ExportFormatOptions::excel(QLocale::c()),
        ExportFormatOptions::excel(QLocale(QLocale::German, QLocale::Germany)), ExportFormatOptions::rfc4180(),
        ExportFormatOptions::tsv(), ExportFormatOptions::jsonLines()};
    static const QTimeZone berlinZone("Europe/Berlin");
    const bool hms = input.ConsumeBool();
    const bool berlin = input.ConsumeBool();
    for (ExportFormatOptions options : presets) {
        if (hms)
            options.durations = DurationStyle::Hms;
        if (berlin)
            options.zone = berlinZone;
        QByteArray out;
        QBuffer buffer(&out);
        buffer.open(QIODevice::WriteOnly);
        {
            RecordWriter writer(buffer, keys, providerId, options);
            FUZZ_CHECK(writer.writeHeader(), "the header is written");
            for (const CdrRecord &each : records)
                FUZZ_CHECK(writer.writeRecord(each), "a record is written");
            FUZZ_CHECK(writer.flush(), "the rows are flushed");
        }
        if (options.format == ExportFormat::JsonLines)
            checkJsonLines(out, records);
        else
            checkDelimited(out, keys, records, options);
    }
    return 0;
}
