#include "sortkeyencoding.h"

#include "columnsortkeys.h"

namespace {

// Beyond this an exponent is not money or a duration; such text sorts as text.
constexpr qint64 maxExponent = 4096;

bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

// A decimal split into comparable digit strings: no leading zeros in `integer`,
// no trailing zeros in `fraction`. Only for the rare exact comparison of values
// beyond the fixed-width keys, so allocating here costs little.
struct DigitDecimal {
    int sign = 0;   // -1, 0, 1
    QString integer;
    QString fraction;
};

// The grammar both parsers accept: [+-] digits with at most one point, at least
// one digit, then an optional exponent of at most maxExponent.
struct DecimalShape {
    bool negative = false;
    qsizetype mantissaStart = 0;
    qsizetype mantissaEnd = 0;
    qsizetype point = 0;   // digits before the point
    qint64 exponent = 0;
};

std::optional<DecimalShape> decimalShape(QStringView text)
{
    DecimalShape shape;
    qsizetype i = 0;
    if (i < text.size() && (text[i] == u'+' || text[i] == u'-'))
        shape.negative = text[i++] == u'-';
    shape.mantissaStart = i;
    qsizetype digits = 0;
    qsizetype point = -1;
    for (; i < text.size(); ++i) {
        if (isAsciiDigit(text[i]))
            ++digits;
        else if (text[i] == u'.' && point < 0)
            point = digits;
        else
            break;
    }
    if (digits == 0)
        return std::nullopt;
    shape.mantissaEnd = i;
    shape.point = point < 0 ? digits : point;
    if (i < text.size() && (text[i] == u'e' || text[i] == u'E')) {
        ++i;
        int exponentSign = 1;
        if (i < text.size() && (text[i] == u'+' || text[i] == u'-'))
            exponentSign = text[i++] == u'-' ? -1 : 1;
        const qsizetype start = i;
        qint64 exponent = 0;
        for (; i < text.size() && isAsciiDigit(text[i]) && exponent <= maxExponent; ++i)
            exponent = exponent * 10 + (text[i].unicode() - u'0');
        if (i == start || exponent > maxExponent)
            return std::nullopt;
        shape.exponent = exponent * exponentSign;
    }
    if (i != text.size())
        return std::nullopt;
    return shape;
}

std::optional<DigitDecimal> digitDecimal(QStringView input)
{
    const QStringView text = input.trimmed();
    const std::optional<DecimalShape> shape = decimalShape(text);
    if (!shape)
        return std::nullopt;
    QString digits;
    for (qsizetype i = shape->mantissaStart; i < shape->mantissaEnd; ++i) {
        if (text[i] != u'.')
            digits.append(text[i]);
    }
    // Move the decimal point by the exponent, padding with zeros where it leaves the digits.
    DigitDecimal result;
    const qint64 shifted = qint64(shape->point) + shape->exponent;
    if (shifted < 0) {
        result.fraction = QString(qsizetype(-shifted), u'0') + digits;
    } else if (shifted > digits.size()) {
        result.integer = digits + QString(qsizetype(shifted - digits.size()), u'0');
    } else {
        result.integer = digits.left(qsizetype(shifted));
        result.fraction = digits.mid(qsizetype(shifted));
    }
    qsizetype leading = 0;
    while (leading < result.integer.size() && result.integer[leading] == u'0')
        ++leading;
    result.integer.remove(0, leading);
    qsizetype kept = result.fraction.size();
    while (kept > 0 && result.fraction[kept - 1] == u'0')
        --kept;
    result.fraction.truncate(kept);
    result.sign = result.integer.isEmpty() && result.fraction.isEmpty() ? 0 : (shape->negative ? -1 : 1);
    return result;
}

// Below 10^37 the product cannot overflow while it is built digit by digit.
constexpr int decimalScale = 18;
constexpr Unsigned128 scaledLimit = [] {
    Unsigned128 limit = 1;
    for (int i = 0; i < 37; ++i)
        limit *= 10;
    return limit;
}();

} // namespace

std::optional<ScaledDecimal> scaledDecimal(QStringView text)
{
    const std::optional<DecimalShape> shape = decimalShape(text);
    if (!shape)
        return std::nullopt;
    ScaledDecimal result;
    result.negative = shape->negative;
    Unsigned128 magnitude = 0;
    bool saturated = false;
    // The place, in powers of ten after scaling, of the next mantissa digit.
    qint64 place = qint64(shape->point) + shape->exponent - 1 + decimalScale;
    for (qsizetype i = shape->mantissaStart; i < shape->mantissaEnd; ++i) {
        if (text[i] == u'.')
            continue;
        const int digit = text[i].unicode() - u'0';
        if (place < 0) {
            result.exact = result.exact && digit == 0;
        } else if (!saturated) {
            magnitude = magnitude * 10 + Unsigned128(digit);
            saturated = magnitude >= scaledLimit;
        }
        --place;
    }
    // Digits that ended above the scale's units still need their zeros.
    for (qint64 zeros = place + 1; zeros > 0 && magnitude != 0 && !saturated; --zeros) {
        magnitude *= 10;
        saturated = magnitude >= scaledLimit;
    }
    if (saturated) {
        magnitude = scaledLimit;
        result.exact = false;
    }
    result.value = shape->negative ? -__int128(magnitude) : __int128(magnitude);
    return result;
}

// Each code unit is written in the UTF-8 pattern (1 to 3 bytes), which keeps the
// order of unit values and needs no look-ahead. A NUL unit would read like the
// padding, so it makes the key partial.
bool textPrefix(QStringView folded, quint64 &high, quint64 &low)
{
    unsigned char bytes[16] = {};
    int used = 0;
    bool whole = true;
    for (const QChar c : folded) {
        const char16_t unit = c.unicode();
        unsigned char encoded[3];
        int length = 0;
        if (unit < 0x80) {
            encoded[length++] = static_cast<unsigned char>(unit);
        } else if (unit < 0x800) {
            encoded[length++] = static_cast<unsigned char>(0xC0 | (unit >> 6));
            encoded[length++] = static_cast<unsigned char>(0x80 | (unit & 0x3F));
        } else {
            encoded[length++] = static_cast<unsigned char>(0xE0 | (unit >> 12));
            encoded[length++] = static_cast<unsigned char>(0x80 | ((unit >> 6) & 0x3F));
            encoded[length++] = static_cast<unsigned char>(0x80 | (unit & 0x3F));
        }
        if (unit == 0)
            whole = false;
        for (int i = 0; i < length; ++i) {
            if (used == 16) {
                whole = false;
                break;
            }
            bytes[used++] = encoded[i];
        }
        if (used == 16 && !whole)
            break;
    }
    high = 0;
    low = 0;
    for (int i = 0; i < 8; ++i) {
        high = high << 8 | bytes[i];
        low = low << 8 | bytes[8 + i];
    }
    return whole;
}

// Only ASCII letters need work for most CDR text; anything else takes Qt's folding.
QString caseFolded(const QString &text)
{
    bool upper = false;
    for (const QChar c : text) {
        if (c.unicode() >= 0x80)
            return text.toCaseFolded();
        upper = upper || (c >= u'A' && c <= u'Z');
    }
    return upper ? text.toLower() : text;
}

std::optional<int> compareDecimalText(QStringView a, QStringView b)
{
    const std::optional<DigitDecimal> left = digitDecimal(a);
    const std::optional<DigitDecimal> right = digitDecimal(b);
    if (!left || !right)
        return std::nullopt;
    if (left->sign != right->sign)
        return left->sign < right->sign ? -1 : 1;
    if (left->sign == 0)
        return 0;
    int magnitude = 0;
    if (left->integer.size() != right->integer.size())
        magnitude = left->integer.size() < right->integer.size() ? -1 : 1;
    else if (const int c = left->integer.compare(right->integer); c != 0)
        magnitude = c;
    else
        magnitude = left->fraction.compare(right->fraction); // no trailing zeros: digit strings order as values
    magnitude = magnitude < 0 ? -1 : (magnitude > 0 ? 1 : 0);
    return left->sign * magnitude;
}
