#pragma once

#include <QString>
#include <QStringView>

#include <optional>

// A decimal number kept exactly: an integer mantissa and a count of decimal
// places, so "0.00200" stays 200 at scale 5. Money is added up here and never
// in a double. Sums that would not fit are refused, never wrapped.
class ExactDecimal {
public:
    // Mantissas stay within +/-(10^38 - 1); fractions within maxScale digits.
    static constexpr int maxScale = 30;

    ExactDecimal() = default; // zero at scale 0

    // Plain decimal text ("12", "-0.0050", "+.5") and exponent forms ("1e-3",
    // "2.5E+2") converted exactly; surrounding spaces are ignored. Empty,
    // malformed or out-of-range text gives nullopt.
    static std::optional<ExactDecimal> fromString(QStringView text);
    static ExactDecimal fromInteger(qint64 value);

    [[nodiscard]] bool add(const ExactDecimal &other); // false, and unchanged, when the sum would not fit
    [[nodiscard]] bool subtract(const ExactDecimal &other); // false, and unchanged, when the result would not fit

    int scale() const { return m_scale; }
    bool isZero() const { return m_mantissa == 0; }
    bool isNegative() const { return m_mantissa < 0; }
    QString toString() const; // at scale(): "12.34500", "-0.0050", "0"

    friend bool operator==(const ExactDecimal &a, const ExactDecimal &b); // by value: 1.50 == 1.5

private:
    __extension__ using Int128 = __int128;
    ExactDecimal(Int128 mantissa, int scale)
        : m_mantissa(mantissa)
        , m_scale(scale)
    {
    }
    static bool rescaled(Int128 mantissa, int fromScale, int toScale, Int128 *out);

    Int128 m_mantissa = 0;
    int m_scale = 0;
};
