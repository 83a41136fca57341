#include "columnsortkeys.h"

#include "cdrrecord.h"

#include <algorithm>

namespace {

// Beyond this an exponent is not money or a duration; such text sorts as text.
constexpr qint64 maxExponent = 4096;

bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

QString plainText(const CdrRecord &record, QStringView key, const QString &providerId)
{
    switch (unifiedFieldFromKey(key).value_or(UnifiedField::Provider)) {
    case UnifiedField::Amount:
        return record.amount;
    case UnifiedField::Rate:
        return record.rate;
    default:
        return columnText(record, key, providerId, TimeFormat{});
    }
}

} // namespace

QDateTime columnTime(const CdrRecord &record, QStringView key, const QString &providerId)
{
    if (const std::optional<UnifiedField> field = unifiedFieldFromKey(key)) {
        switch (*field) {
        case UnifiedField::StartTime:
            return record.startTime;
        case UnifiedField::AnswerTime:
            return record.answerTime;
        case UnifiedField::EndTime:
            return record.endTime;
        default:
            break;
        }
    }
    // A native field the provider declared as a time: columnText writes it as ISO 8601.
    const QString text = columnText(record, key, providerId, TimeFormat{});
    return text.isEmpty() ? QDateTime() : QDateTime::fromString(text, Qt::ISODateWithMs);
}

std::optional<qint64> columnSeconds(const CdrRecord &record, QStringView key, const QString &providerId)
{
    if (const std::optional<UnifiedField> field = unifiedFieldFromKey(key)) {
        if (*field == UnifiedField::Duration)
            return record.duration;
        if (*field == UnifiedField::BilledDuration)
            return record.billedDuration;
    }
    bool ok = false;
    const qint64 seconds = columnText(record, key, providerId, TimeFormat{}).trimmed().toLongLong(&ok);
    return ok ? std::optional<qint64>(seconds) : std::nullopt;
}

std::optional<int> compareDecimalText(QStringView a, QStringView b)
{
    const ColumnSortKeys::Decimal left = ColumnSortKeys::parseDecimal(a);
    const ColumnSortKeys::Decimal right = ColumnSortKeys::parseDecimal(b);
    if (left.rank != ColumnSortKeys::Decimal::Rank::Number || right.rank != ColumnSortKeys::Decimal::Rank::Number)
        return std::nullopt;
    return ColumnSortKeys::compareDecimals(left, right);
}

ColumnSortKeys::Decimal ColumnSortKeys::parseDecimal(QStringView input)
{
    const QStringView text = input.trimmed();
    Decimal result;
    if (text.isEmpty())
        return result; // Unset
    result.rank = Decimal::Rank::NotANumber;
    result.text = text.toString().toCaseFolded();

    qsizetype i = 0;
    int sign = 1;
    if (text[i] == u'+' || text[i] == u'-')
        sign = text[i++] == u'-' ? -1 : 1;
    QString digits;
    qsizetype point = -1;
    for (; i < text.size(); ++i) {
        if (isAsciiDigit(text[i]))
            digits.append(text[i]);
        else if (text[i] == u'.' && point < 0)
            point = digits.size();
        else
            break;
    }
    if (digits.isEmpty())
        return result;
    if (point < 0)
        point = digits.size();

    qint64 exponent = 0;
    if (i < text.size() && (text[i] == u'e' || text[i] == u'E')) {
        ++i;
        int exponentSign = 1;
        if (i < text.size() && (text[i] == u'+' || text[i] == u'-'))
            exponentSign = text[i++] == u'-' ? -1 : 1;
        const qsizetype start = i;
        for (; i < text.size() && isAsciiDigit(text[i]) && exponent <= maxExponent; ++i)
            exponent = exponent * 10 + (text[i].unicode() - u'0');
        if (i == start || exponent > maxExponent)
            return result;
        exponent *= exponentSign;
    }
    if (i != text.size())
        return result;

    // Move the decimal point by the exponent, padding with zeros where it leaves the digits.
    const qint64 shifted = qint64(point) + exponent;
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

    result.rank = Decimal::Rank::Number;
    result.sign = result.integer.isEmpty() && result.fraction.isEmpty() ? 0 : sign;
    result.text.clear();
    return result;
}

int ColumnSortKeys::compareDecimals(const Decimal &a, const Decimal &b)
{
    if (a.sign != b.sign)
        return a.sign < b.sign ? -1 : 1;
    if (a.sign == 0)
        return 0;
    int magnitude = 0;
    if (a.integer.size() != b.integer.size())
        magnitude = a.integer.size() < b.integer.size() ? -1 : 1;
    else if (const int c = a.integer.compare(b.integer); c != 0)
        magnitude = c;
    else
        magnitude = a.fraction.compare(b.fraction); // no trailing zeros: digit strings order as values
    magnitude = magnitude < 0 ? -1 : (magnitude > 0 ? 1 : 0);
    return a.sign * magnitude;
}

ColumnSortKeys::ColumnSortKeys(QString columnKey, QString providerId)
    : m_key(std::move(columnKey))
    , m_providerId(std::move(providerId))
    , m_type(columnType(m_key))
    , m_native(m_key.startsWith(rawPrefix))
{
    switch (m_type) {
    case ColumnType::Time:
    case ColumnType::Seconds:
        m_mode = Mode::Numbers;
        break;
    case ColumnType::Decimal:
    case ColumnType::Number:
        m_mode = Mode::Decimals;
        break;
    case ColumnType::Text:
        m_mode = m_native ? Mode::Decimals : Mode::Texts;
        break;
    }
}

void ColumnSortKeys::append(const CdrRecord &record)
{
    switch (m_mode) {
    case Mode::Numbers:
        if (m_type == ColumnType::Time) {
            const QDateTime time = columnTime(record, m_key, m_providerId);
            m_numbers.push_back(time.isValid() ? std::optional<qint64>(time.toMSecsSinceEpoch()) : std::nullopt);
        } else {
            m_numbers.push_back(columnSeconds(record, m_key, m_providerId));
        }
        break;
    case Mode::Decimals:
        if (m_native && m_type == ColumnType::Text) {
            const NativeValue *value = record.nativeValue(QStringView(m_key).mid(rawPrefix.size()));
            Decimal key;
            if (value && value->kind == NativeValue::Kind::Number) {
                key = parseDecimal(value->text);
            } else if (value && !value->isNull() && !value->text.isEmpty()) {
                key.rank = Decimal::Rank::NotANumber;
                key.text = value->text.toCaseFolded();
            }
            m_decimals.push_back(std::move(key));
        } else {
            m_decimals.push_back(parseDecimal(plainText(record, m_key, m_providerId)));
        }
        break;
    case Mode::Texts:
        m_texts.push_back(plainText(record, m_key, m_providerId).toCaseFolded());
        break;
    }
}

std::size_t ColumnSortKeys::size() const
{
    return std::max({m_numbers.size(), m_decimals.size(), m_texts.size()});
}

bool ColumnSortKeys::isUnset(quint32 index) const
{
    switch (m_mode) {
    case Mode::Numbers:
        return !m_numbers[index].has_value();
    case Mode::Decimals:
        return m_decimals[index].rank == Decimal::Rank::Unset;
    case Mode::Texts:
        return m_texts[index].isEmpty();
    }
    return true;
}

int ColumnSortKeys::compare(quint32 a, quint32 b) const
{
    switch (m_mode) {
    case Mode::Numbers: {
        const qint64 left = *m_numbers[a];
        const qint64 right = *m_numbers[b];
        return left < right ? -1 : (left > right ? 1 : 0);
    }
    case Mode::Decimals: {
        const Decimal &left = m_decimals[a];
        const Decimal &right = m_decimals[b];
        if (left.rank != right.rank)
            return left.rank < right.rank ? -1 : 1; // numbers before text that is not a number
        if (left.rank == Decimal::Rank::Number)
            return compareDecimals(left, right);
        return left.text.compare(right.text);
    }
    case Mode::Texts:
        return m_texts[a].compare(m_texts[b]);
    }
    return 0;
}

bool ColumnSortKeys::less(quint32 a, quint32 b, Qt::SortOrder order) const
{
    const bool aUnset = isUnset(a);
    const bool bUnset = isUnset(b);
    if (aUnset || bUnset)
        return !aUnset && bUnset;
    const int c = compare(a, b);
    return order == Qt::AscendingOrder ? c < 0 : c > 0;
}
