#include "storedtext.h"

#include <algorithm>
#include <array>

namespace StoredText {
namespace {

enum Kind : quint8 {
    DateTimeSpace,        // "YYYY-MM-DD HH:MM:SS"
    DateTimeT,            // "YYYY-MM-DDTHH:MM:SS"
    DateTimeSpaceSuffix,  // either, followed by ASCII such as ".123Z" or "+05:30"
    DateTimeTSuffix,
    UuidLower,            // 8-4-4-4-12 hex digits
    UuidUpper,
    Digits,               // an optional '+', then 1 to 18 digits
};

constexpr qsizetype kDateTimeLength = 19;
constexpr qsizetype kLongestSuffix = 32;
constexpr qsizetype kUuidLength = 36;
constexpr std::array<qsizetype, 4> kUuidDashes{8, 13, 18, 23};

int digit(QStringView text, qsizetype i)
{
    const char16_t c = text[i].unicode();
    return c >= u'0' && c <= u'9' ? c - u'0' : -1;
}

// The number in text[from, from + count), or -1 if a character is not a digit.
qint64 number(QStringView text, qsizetype from, qsizetype count)
{
    qint64 value = 0;
    for (qsizetype i = from; i < from + count; ++i) {
        const int d = digit(text, i);
        if (d < 0)
            return -1;
        value = value * 10 + d;
    }
    return value;
}

std::size_t varintLength(quint64 value)
{
    std::size_t length = 1;
    while (value >= 0x80) {
        value >>= 7;
        ++length;
    }
    return length;
}

// Date-time fields in one mixed-radix number: every field is kept as written, so
// the text comes back exactly; it needs no calendar (Feb 30 packs and unpacks).
std::optional<quint64> dateTimeValue(QStringView text)
{
    if (text.size() < kDateTimeLength || text[4] != u'-' || text[7] != u'-' || text[13] != u':'
        || text[16] != u':' || (text[10] != u' ' && text[10] != u'T'))
        return std::nullopt;
    const qint64 year = number(text, 0, 4);
    const qint64 month = number(text, 5, 2);
    const qint64 day = number(text, 8, 2);
    const qint64 hour = number(text, 11, 2);
    const qint64 minute = number(text, 14, 2);
    const qint64 second = number(text, 17, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0
        || minute > 59 || second < 0 || second > 60)
        return std::nullopt;
    return ((((quint64(year) * 12 + quint64(month - 1)) * 31 + quint64(day - 1)) * 24 + quint64(hour)) * 60
               + quint64(minute)) * 61 + quint64(second);
}

bool isAsciiSuffix(QStringView suffix)
{
    if (suffix.size() > kLongestSuffix)
        return false;
    for (const QChar c : suffix) {
        if (c.unicode() >= 0x80)
            return false;
    }
    return true;
}

int hexValue(char16_t c)
{
    if (c >= u'0' && c <= u'9')
        return c - u'0';
    if (c >= u'a' && c <= u'f')
        return c - u'a' + 10;
    if (c >= u'A' && c <= u'F')
        return c - u'A' + 10;
    return -1;
}

std::optional<Kind> uuidKind(QStringView text)
{
    if (text.size() != kUuidLength)
        return std::nullopt;
    bool lower = false;
    bool upper = false;
    for (qsizetype i = 0; i < kUuidLength; ++i) {
        const char16_t c = text[i].unicode();
        const bool dash = std::find(kUuidDashes.begin(), kUuidDashes.end(), i) != kUuidDashes.end();
        if (dash != (c == u'-'))
            return std::nullopt;
        if (dash)
            continue;
        if (hexValue(c) < 0)
            return std::nullopt;
        lower = lower || (c >= u'a' && c <= u'f');
        upper = upper || (c >= u'A' && c <= u'F');
    }
    if (lower && upper)
        return std::nullopt;
    return upper ? UuidUpper : UuidLower;
}

void appendDigits(QString &out, quint64 value, qsizetype count)
{
    const qsizetype start = out.size();
    out.resize(start + count);
    for (qsizetype i = start + count - 1; i >= start; --i) {
        out[i] = QChar(char16_t(u'0' + value % 10));
        value /= 10;
    }
}

bool isHighSurrogate(char16_t c) { return c >= 0xD800 && c < 0xDC00; }
bool isLowSurrogate(char16_t c) { return c >= 0xDC00 && c < 0xE000; }

} // namespace

// UTF-8 written by hand, so encoding a row allocates nothing.
std::size_t utf8Length(QStringView text)
{
    std::size_t length = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        if (c < 0x80)
            length += 1;
        else if (c < 0x800)
            length += 2;
        else if (isHighSurrogate(c) && i + 1 < text.size() && isLowSurrogate(text[i + 1].unicode())) {
            length += 4;
            ++i;
        } else
            length += 3;
    }
    return length;
}

void appendUtf8(std::vector<uchar> &out, QStringView text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        char32_t c = text[i].unicode();
        if (c < 0x80) {
            out.push_back(uchar(c));
            continue;
        }
        if (c < 0x800) {
            out.push_back(uchar(0xC0 | (c >> 6)));
            out.push_back(uchar(0x80 | (c & 0x3F)));
            continue;
        }
        if (isHighSurrogate(char16_t(c)) && i + 1 < text.size() && isLowSurrogate(text[i + 1].unicode())) {
            c = 0x10000 + ((c - 0xD800) << 10) + (text[++i].unicode() - 0xDC00);
            out.push_back(uchar(0xF0 | (c >> 18)));
            out.push_back(uchar(0x80 | ((c >> 12) & 0x3F)));
            out.push_back(uchar(0x80 | ((c >> 6) & 0x3F)));
            out.push_back(uchar(0x80 | (c & 0x3F)));
            continue;
        }
        if (isHighSurrogate(char16_t(c)) || isLowSurrogate(char16_t(c)))
            c = 0xFFFD;
        out.push_back(uchar(0xE0 | (c >> 12)));
        out.push_back(uchar(0x80 | ((c >> 6) & 0x3F)));
        out.push_back(uchar(0x80 | (c & 0x3F)));
    }
}

void appendVarint(std::vector<uchar> &out, quint64 value)
{
    while (value >= 0x80) {
        out.push_back(uchar(value | 0x80));
        value >>= 7;
    }
    out.push_back(uchar(value));
}

quint64 readVarint(const uchar *&in)
{
    quint64 value = 0;
    int shift = 0;
    while (*in & 0x80) {
        value |= quint64(*in++ & 0x7F) << shift;
        shift += 7;
    }
    value |= quint64(*in++) << shift;
    return value;
}

std::optional<quint8> kindOf(QStringView text)
{
    if (dateTimeValue(text) && isAsciiSuffix(text.mid(kDateTimeLength))) {
        const bool t = text[10] == u'T';
        if (text.size() == kDateTimeLength)
            return t ? DateTimeT : DateTimeSpace;
        return t ? DateTimeTSuffix : DateTimeSpaceSuffix;
    }
    if (const std::optional<Kind> uuid = uuidKind(text))
        return *uuid;
    const bool plus = text.startsWith(u'+');
    const qsizetype count = text.size() - (plus ? 1 : 0);
    if (count < 1 || count > 18)
        return std::nullopt;
    const qint64 value = number(text, plus ? 1 : 0, count);
    if (value < 0)
        return std::nullopt;
    // The kind's byte, the length's byte and the number, against a length byte and the characters.
    if (2 + varintLength(quint64(value)) >= 1 + std::size_t(text.size()))
        return std::nullopt;
    return Digits;
}

void append(QStringView text, quint8 kind, std::vector<uchar> &out)
{
    switch (Kind(kind)) {
    case DateTimeSpace:
    case DateTimeT:
        appendVarint(out, *dateTimeValue(text));
        return;
    case DateTimeSpaceSuffix:
    case DateTimeTSuffix: {
        appendVarint(out, *dateTimeValue(text));
        const QStringView suffix = text.mid(kDateTimeLength);
        appendVarint(out, quint64(suffix.size()));
        for (const QChar c : suffix)
            out.push_back(uchar(c.unicode()));
        return;
    }
    case UuidLower:
    case UuidUpper:
        for (qsizetype i = 0; i < kUuidLength; ++i) {
            if (text[i] == u'-')
                continue;
            const int high = hexValue(text[i].unicode());
            const int low = hexValue(text[++i].unicode());
            out.push_back(uchar(high << 4 | low));
        }
        return;
    case Digits: {
        const bool plus = text.startsWith(u'+');
        const qsizetype count = text.size() - (plus ? 1 : 0);
        appendVarint(out, quint64(count) * 2 + (plus ? 1 : 0));
        appendVarint(out, quint64(number(text, plus ? 1 : 0, count)));
        return;
    }
    }
}

QString unpack(quint8 kind, const uchar *&in)
{
    QString out;
    switch (Kind(kind)) {
    case DateTimeSpace:
    case DateTimeT:
    case DateTimeSpaceSuffix:
    case DateTimeTSuffix: {
        quint64 value = readVarint(in);
        const quint64 second = value % 61;
        value /= 61;
        const quint64 minute = value % 60;
        value /= 60;
        const quint64 hour = value % 24;
        value /= 24;
        const quint64 day = value % 31 + 1;
        value /= 31;
        const quint64 month = value % 12 + 1;
        const quint64 year = value / 12;
        const bool t = kind == DateTimeT || kind == DateTimeTSuffix;
        out.reserve(kDateTimeLength + kLongestSuffix);
        appendDigits(out, year, 4);
        out += u'-';
        appendDigits(out, month, 2);
        out += u'-';
        appendDigits(out, day, 2);
        out += t ? u'T' : u' ';
        appendDigits(out, hour, 2);
        out += u':';
        appendDigits(out, minute, 2);
        out += u':';
        appendDigits(out, second, 2);
        if (kind == DateTimeSpaceSuffix || kind == DateTimeTSuffix) {
            const quint64 length = readVarint(in);
            for (quint64 i = 0; i < length; ++i)
                out += QChar(char16_t(*in++));
        }
        return out;
    }
    case UuidLower:
    case UuidUpper: {
        const char *hex = kind == UuidUpper ? "0123456789ABCDEF" : "0123456789abcdef";
        out.reserve(kUuidLength);
        for (int byte = 0; byte < 16; ++byte) {
            if (byte == 4 || byte == 6 || byte == 8 || byte == 10)
                out += u'-';
            out += QLatin1Char(hex[*in >> 4]);
            out += QLatin1Char(hex[*in & 0xF]);
            ++in;
        }
        return out;
    }
    case Digits: {
        const quint64 header = readVarint(in);
        if (header & 1)
            out += u'+';
        appendDigits(out, readVarint(in), qsizetype(header >> 1));
        return out;
    }
    }
    return out;
}

void skip(quint8 kind, const uchar *&in)
{
    switch (Kind(kind)) {
    case DateTimeSpace:
    case DateTimeT:
        readVarint(in);
        return;
    case DateTimeSpaceSuffix:
    case DateTimeTSuffix:
        readVarint(in);
        in += readVarint(in);
        return;
    case UuidLower:
    case UuidUpper:
        in += 16;
        return;
    case Digits:
        readVarint(in);
        readVarint(in);
        return;
    }
}

} // namespace StoredText
