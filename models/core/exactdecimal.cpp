#include "exactdecimal.h"

#include <algorithm>

namespace {

__extension__ using Int128 = __int128;
__extension__ using UInt128 = unsigned __int128;

// 10^38 - 1: the largest mantissa magnitude, so negating never overflows and
// 38 digits always print.
constexpr Int128 maxMantissa()
{
    Int128 value = 1;
    for (int i = 0; i < 38; ++i)
        value *= 10;
    return value - 1;
}
constexpr Int128 largest = maxMantissa(); // computed once, also in unoptimised builds
constexpr int maxDigits = 38;

bool inRange(Int128 value)
{
    return value <= largest && value >= -largest;
}

// 10^0 .. 10^38, so rescaling is one multiplication instead of a loop per digit.
struct PowersOfTen {
    Int128 values[maxDigits + 1] = {};
    constexpr PowersOfTen()
    {
        values[0] = 1;
        for (int i = 1; i <= maxDigits; ++i)
            values[i] = values[i - 1] * 10;
    }
};
constexpr PowersOfTen powersOfTen;

// value * 10^count, false on overflow.
bool timesPowerOfTen(Int128 value, int count, Int128 *out)
{
    if (count == 0) {
        *out = value;
        return true;
    }
    if (count > maxDigits) {
        *out = 0;
        return value == 0;
    }
    if (__builtin_mul_overflow(value, powersOfTen.values[count], &value) || !inRange(value))
        return false;
    *out = value;
    return true;
}

// The shape nearly every amount has: "[-]digits[.digits]" with at most 18
// digits, read straight from the UTF-16 into 64 bits. False for anything
// else, which the general path then reads (or refuses).
bool parsePlain(QStringView text, qint64 *mantissa, int *scale)
{
    const char16_t *p = text.utf16();
    const char16_t *const end = p + text.size();
    const bool negative = p != end && *p == u'-';
    if (negative)
        ++p;
    quint64 value = 0;
    int digits = 0;
    int pointAt = -1; // digits before the '.', when there is one
    for (; p != end; ++p) {
        const unsigned digit = unsigned(*p) - unsigned(u'0');
        if (digit < 10) {
            if (++digits > 18)
                return false;
            value = value * 10 + digit;
        } else if (*p == u'.' && pointAt < 0) {
            pointAt = digits;
        } else {
            return false;
        }
    }
    if (digits == 0)
        return false;
    *mantissa = negative ? -qint64(value) : qint64(value);
    *scale = pointAt < 0 ? 0 : digits - pointAt;
    return true;
}

} // namespace

bool ExactDecimal::rescaled(Int128 mantissa, int fromScale, int toScale, Int128 *out)
{
    Q_ASSERT(toScale >= fromScale);
    return timesPowerOfTen(mantissa, toScale - fromScale, out);
}

std::optional<ExactDecimal> ExactDecimal::fromString(QStringView text)
{
    qint64 plain = 0;
    int plainScale = 0;
    if (parsePlain(text, &plain, &plainScale))
        return ExactDecimal(Int128(plain), plainScale);

    text = text.trimmed();
    qsizetype pos = 0;
    const qsizetype size = text.size();
    bool negative = false;
    if (pos < size && (text[pos] == u'-' || text[pos] == u'+')) {
        negative = text[pos] == u'-';
        ++pos;
    }
    // Digits gather in 64 bits first: amounts rarely have more than 18 of them.
    quint64 head = 0;
    int headDigits = 0;
    Int128 mantissa = 0;
    int digits = 0; // all digits read
    int significant = 0; // from the first non-zero one; at most maxDigits fit
    int fractionDigits = 0;
    bool inFraction = false;
    for (; pos < size; ++pos) {
        const char16_t c = text[pos].unicode();
        if (c == u'.') {
            if (inFraction)
                return std::nullopt;
            inFraction = true;
            continue;
        }
        if (c < u'0' || c > u'9')
            break;
        ++digits;
        if (inFraction)
            ++fractionDigits;
        if (significant == 0 && c == u'0')
            continue;
        if (++significant > maxDigits)
            return std::nullopt;
        if (headDigits < 18) {
            head = head * 10 + (c - u'0');
            ++headDigits;
        } else {
            if (headDigits == 18)
                mantissa = Int128(head);
            mantissa = mantissa * 10 + (c - u'0');
            ++headDigits;
        }
    }
    if (headDigits <= 18)
        mantissa = Int128(head);
    if (digits == 0)
        return std::nullopt;

    // An exponent moves the decimal point; the digits stay as they are.
    int exponent = 0;
    if (pos < size && (text[pos] == u'e' || text[pos] == u'E')) {
        ++pos;
        bool negativeExponent = false;
        if (pos < size && (text[pos] == u'-' || text[pos] == u'+')) {
            negativeExponent = text[pos] == u'-';
            ++pos;
        }
        int expDigits = 0;
        for (; pos < size && text[pos] >= u'0' && text[pos] <= u'9'; ++pos) {
            exponent = exponent * 10 + (text[pos].unicode() - u'0');
            if (exponent > 1000)
                return std::nullopt;
            ++expDigits;
        }
        if (expDigits == 0)
            return std::nullopt;
        if (negativeExponent)
            exponent = -exponent;
    }
    if (pos != size)
        return std::nullopt;

    int scale = fractionDigits - exponent;
    if (scale < 0) {
        if (!timesPowerOfTen(mantissa, -scale, &mantissa))
            return std::nullopt;
        scale = 0;
    }
    if (scale > maxScale)
        return std::nullopt;
    return ExactDecimal(negative ? -mantissa : mantissa, scale);
}

ExactDecimal ExactDecimal::fromInteger(qint64 value)
{
    return ExactDecimal(Int128(value), 0);
}

bool ExactDecimal::add(const ExactDecimal &other)
{
    if (m_scale == other.m_scale) { // the usual case: amounts of one provider share a scale
        Int128 sum = 0;
        if (__builtin_add_overflow(m_mantissa, other.m_mantissa, &sum) || !inRange(sum))
            return false;
        m_mantissa = sum;
        return true;
    }
    const int scale = std::max(m_scale, other.m_scale);
    Int128 a = 0;
    Int128 b = 0;
    Int128 sum = 0;
    if (!rescaled(m_mantissa, m_scale, scale, &a) || !rescaled(other.m_mantissa, other.m_scale, scale, &b)
        || __builtin_add_overflow(a, b, &sum) || !inRange(sum))
        return false;
    m_mantissa = sum;
    m_scale = scale;
    return true;
}

bool ExactDecimal::subtract(const ExactDecimal &other)
{
    // Mantissas are symmetric around zero, so the negation always fits.
    return add(ExactDecimal(-other.m_mantissa, other.m_scale));
}

QString ExactDecimal::toString() const
{
    UInt128 magnitude = m_mantissa < 0 ? UInt128(-m_mantissa) : UInt128(m_mantissa);
    // Digits from the right; at least scale + 1 of them so "0.05" gets its leading zero.
    char16_t buffer[48];
    int length = 0;
    while (magnitude != 0 || length <= m_scale) {
        if (length == m_scale && m_scale > 0)
            buffer[length++] = u'.';
        buffer[length++] = char16_t(u'0' + int(magnitude % 10));
        magnitude /= 10;
    }
    if (m_mantissa < 0)
        buffer[length++] = u'-';
    std::reverse(buffer, buffer + length);
    return QString(reinterpret_cast<const QChar *>(buffer), length);
}

bool operator==(const ExactDecimal &a, const ExactDecimal &b)
{
    const int scale = std::max(a.m_scale, b.m_scale);
    ExactDecimal::Int128 left = 0;
    ExactDecimal::Int128 right = 0;
    if (!ExactDecimal::rescaled(a.m_mantissa, a.m_scale, scale, &left)
        || !ExactDecimal::rescaled(b.m_mantissa, b.m_scale, scale, &right))
        return false; // one side cannot be brought to the other's scale, so they differ
    return left == right;
}
