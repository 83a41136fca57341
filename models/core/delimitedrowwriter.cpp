#include "delimitedrowwriter.h"

#include "cdrrecord.h"
#include "columns.h"

#include <charconv>
#include <cstring>
#include <utility>

// Every cell here takes a fast path for what exports are made of (ASCII and
// BMP text, times in years 1..9999, plain numbers), and hands anything else
// (quoting, surrogates, odd zones or separators) to exportCellText() and
// appendDelimitedField(), so the bytes are theirs by construction. The rules
// themselves (formula guard, plain numbers) are exportformat.cpp's.

namespace {

constexpr int directionCount = 4; // the values of enum class Direction

} // namespace

DelimitedRowWriter::DelimitedRowWriter(const QStringList &columnKeys, QString providerId, ExportFormatOptions options)
    : m_providerId(std::move(providerId))
    , m_options(std::move(options))
    , m_separator(m_options.format == ExportFormat::Tsv ? '\t' : m_options.separator)
    , m_separatorAbove127(uchar(m_separator) < 0x80 ? -1 : int(uchar(m_separator)))
    , m_times(m_options.zone)
{
    m_needsQuotes[uchar('"')] = true;
    m_needsQuotes[uchar('\r')] = true;
    m_needsQuotes[uchar('\n')] = true;
    if (m_separatorAbove127 < 0)
        m_needsQuotes[uchar(m_separator)] = true;
    const QString directionKeyText = columnKey(UnifiedField::Direction);
    for (int value = 0; value < directionCount; ++value) {
        CdrRecord record;
        record.direction = Direction(value);
        m_directions[std::size_t(value)] = slowField(record, directionKeyText);
    }
    m_columns.reserve(std::size_t(columnKeys.size()));
    for (const QString &key : columnKeys)
        m_columns.push_back(columnFor(key));
}

DelimitedRowWriter::Column DelimitedRowWriter::columnFor(const QString &key) const
{
    Column column;
    column.key = key;
    if (key.startsWith(rawPrefix)) {
        column.kind = Kind::Raw;
        column.rawName = key.mid(rawPrefix.size());
        return column;
    }
    const auto field = unifiedFieldFromKey(key);
    if (!field) {
        column.constant = slowField(CdrRecord(), key); // unknown keys: what exportCellText() makes of them
        return column;
    }
    auto text = [&](Kind kind, QString CdrRecord::*member) {
        column.kind = kind;
        column.text = member;
    };
    auto time = [&](QDateTime CdrRecord::*member) {
        column.kind = Kind::Time;
        column.time = member;
    };
    auto seconds = [&](std::optional<qint64> CdrRecord::*member) {
        column.kind = Kind::Seconds;
        column.seconds = member;
    };
    switch (*field) {
    case UnifiedField::Provider:
        column.constant = slowField(CdrRecord(), key); // the same in every row
        break;
    case UnifiedField::Id:
        text(Kind::PhoneOrId, &CdrRecord::id);
        break;
    case UnifiedField::StartTime:
        time(&CdrRecord::startTime);
        break;
    case UnifiedField::AnswerTime:
        time(&CdrRecord::answerTime);
        break;
    case UnifiedField::EndTime:
        time(&CdrRecord::endTime);
        break;
    case UnifiedField::Caller:
        text(Kind::PhoneOrId, &CdrRecord::caller);
        break;
    case UnifiedField::Callee:
        text(Kind::PhoneOrId, &CdrRecord::callee);
        break;
    case UnifiedField::Direction:
        column.kind = Kind::Direction;
        break;
    case UnifiedField::Duration:
        seconds(&CdrRecord::duration);
        break;
    case UnifiedField::BilledDuration:
        seconds(&CdrRecord::billedDuration);
        break;
    case UnifiedField::Amount:
        text(Kind::Decimal, &CdrRecord::amount);
        break;
    case UnifiedField::Rate:
        text(Kind::Decimal, &CdrRecord::rate);
        break;
    case UnifiedField::HangupCause:
        text(Kind::Text, &CdrRecord::hangupCause);
        break;
    case UnifiedField::HangupSource:
        text(Kind::Text, &CdrRecord::hangupSource);
        break;
    case UnifiedField::Trunk:
        text(Kind::Text, &CdrRecord::trunk);
        break;
    }
    return column;
}

void DelimitedRowWriter::appendRow(QByteArray &out, const CdrRecord &record)
{
    bool first = true;
    for (const Column &column : m_columns) {
        if (!first)
            out.append(m_separator);
        first = false;
        appendCell(out, record, column);
    }
    out.append("\r\n", 2);
}

void DelimitedRowWriter::appendCell(QByteArray &out, const CdrRecord &record, const Column &column)
{
    switch (column.kind) {
    case Kind::Constant:
        out.append(column.constant);
        return;
    case Kind::Text:
        appendGuarded(out, record.*column.text, false);
        return;
    case Kind::PhoneOrId:
        appendGuarded(out, record.*column.text, true);
        return;
    case Kind::Decimal: {
        const QString &text = record.*column.text;
        if (isPlainNumber(text))
            appendNumber(out, text);
        else
            appendGuarded(out, text, false);
        return;
    }
    case Kind::Time: {
        const QDateTime &time = record.*column.time;
        if (!time.isValid())
            return; // not set: an empty cell
        char text[IsoTimeWriter::maxLength];
        if (const int size = m_times.write(time, text); size > 0)
            appendAsciiField(out, text, size);
        else
            appendSlowly(out, record, column);
        return;
    }
    case Kind::Seconds: {
        const std::optional<qint64> &value = record.*column.seconds;
        if (!value)
            return;
        // Our own integers: never guarded, so a spreadsheet sums them.
        char text[48];
        char *end = text;
        if (m_options.durations == DurationStyle::Hms) {
            const quint64 total = *value < 0 ? quint64(0) - quint64(*value) : quint64(*value);
            if (*value < 0)
                *end++ = '-';
            end = std::to_chars(end, text + sizeof text, total / 3600).ptr;
            const int minutes = int(total / 60 % 60);
            const int secs = int(total % 60);
            *end++ = ':';
            *end++ = char('0' + minutes / 10);
            *end++ = char('0' + minutes % 10);
            *end++ = ':';
            *end++ = char('0' + secs / 10);
            *end++ = char('0' + secs % 10);
        } else {
            end = std::to_chars(text, text + sizeof text, *value).ptr;
        }
        appendAsciiField(out, text, end - text);
        return;
    }
    case Kind::Direction: {
        const int value = int(record.direction);
        if (value >= 0 && value < directionCount)
            out.append(m_directions[std::size_t(value)]);
        else
            appendSlowly(out, record, column);
        return;
    }
    case Kind::Raw: {
        const NativeValue *value = record.nativeValue(column.rawName);
        const QStringView text = value ? QStringView(value->text) : QStringView();
        if (value && value->kind == NativeValue::Kind::Number && isPlainNumber(text))
            appendNumber(out, text);
        else
            appendGuarded(out, text, false);
        return;
    }
    }
}

void DelimitedRowWriter::appendGuarded(QByteArray &out, QStringView text, bool phoneOrId)
{
    const bool guard = m_options.formulaGuard && needsFormulaGuard(text, phoneOrId);
    appendField(out, guard ? '\'' : '\0', text);
}

// A plain number (ASCII by definition) with the file's decimal point.
void DelimitedRowWriter::appendNumber(QByteArray &out, QStringView text)
{
    if (m_options.decimalPoint == '.') {
        appendField(out, '\0', text);
        return;
    }
    char ascii[64];
    if (uchar(m_options.decimalPoint) < 0x80 && text.size() <= qsizetype(sizeof ascii)) {
        for (qsizetype i = 0; i < text.size(); ++i) {
            const char c = char(text[i].unicode());
            ascii[i] = c == '.' ? m_options.decimalPoint : c;
        }
        appendAsciiField(out, ascii, text.size());
        return;
    }
    QString number = text.toString();
    number.replace(u'.', QChar::fromLatin1(m_options.decimalPoint));
    appendDelimitedField(out, number, m_separator);
}

// UTF-16 to UTF-8 while looking for what needs quotes; a field that needs them,
// or holds a surrogate, is redone by appendDelimitedField() (rare in CDRs).
void DelimitedRowWriter::appendField(QByteArray &out, char prefix, QStringView text)
{
    const qsizetype start = out.size();
    out.resize(start + 1 + 3 * text.size());
    char *d = out.data() + start;
    bool quote = false;
    if (prefix != '\0') {
        *d++ = prefix;
        quote = m_needsQuotes[uchar(prefix) & 0x7f];
    }
    const char16_t *s = text.utf16();
    const char16_t *const end = s + text.size();
    for (; s != end; ++s) {
        const char16_t c = *s;
        if (c < 0x80) {
            *d++ = char(c);
            quote |= m_needsQuotes[c];
            continue;
        }
        if (int(c) == m_separatorAbove127)
            quote = true;
        if (c < 0x800) {
            *d++ = char(0xc0 | (c >> 6));
            *d++ = char(0x80 | (c & 0x3f));
        } else if (QChar::isSurrogate(c)) {
            quote = true; // not really: it only sends the field the slow way
            break;
        } else {
            *d++ = char(0xe0 | (c >> 12));
            *d++ = char(0x80 | ((c >> 6) & 0x3f));
            *d++ = char(0x80 | (c & 0x3f));
        }
    }
    if (!quote) {
        out.resize(d - out.constData());
        return;
    }
    out.resize(start);
    appendDelimitedField(out, prefix != '\0' ? QChar::fromLatin1(prefix) + text.toString() : text.toString(),
        m_separator);
}

void DelimitedRowWriter::appendAsciiField(QByteArray &out, const char *text, qsizetype size)
{
    for (qsizetype i = 0; i < size; ++i) {
        if (m_needsQuotes[uchar(text[i]) & 0x7f]) {
            appendDelimitedField(out, QString::fromLatin1(text, size), m_separator);
            return;
        }
    }
    out.append(text, size);
}

void DelimitedRowWriter::appendSlowly(QByteArray &out, const CdrRecord &record, const Column &column) const
{
    appendDelimitedField(out, exportCellText(record, column.key, m_providerId, m_options), m_separator);
}

QByteArray DelimitedRowWriter::slowField(const CdrRecord &record, const QString &key) const
{
    QByteArray field;
    appendDelimitedField(field, exportCellText(record, key, m_providerId, m_options), m_separator);
    return field;
}
