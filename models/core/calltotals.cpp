#include "calltotals.h"

#include "cdrrecord.h"

#include <QtNumeric>

void CallTotals::addSeconds(qint64 *sum, qint64 value)
{
    if (qAddOverflow(*sum, value, sum))
        m_secondsOverflowed = true;
}

CallTotals::Amount &CallTotals::amountFor(const QString &currency)
{
    for (Amount &amount : m_amounts) {
        if (amount.currency == currency)
            return amount;
    }
    m_amounts.push_back(Amount{currency, {}, 0, false});
    return m_amounts.back();
}

RecordFields CallTotals::fieldsRead()
{
    return RecordFields(RecordField::Duration) | RecordField::BilledDuration | RecordField::Amount
        | RecordField::Currency;
}

void CallTotals::add(const CdrRecord &record)
{
    ++m_rows;
    if (record.duration) {
        ++m_durationRows;
        addSeconds(&m_duration, *record.duration);
    }
    if (record.billedDuration) {
        ++m_billedRows;
        addSeconds(&m_billed, *record.billedDuration);
    }
    if (record.duration && record.billedDuration) {
        ++m_pairedRows;
        addSeconds(&m_difference, *record.billedDuration - *record.duration);
    }
    if (record.amount.isEmpty())
        return;
    const std::optional<ExactDecimal> value = ExactDecimal::fromString(record.amount);
    if (!value) {
        ++m_unreadableAmounts;
        return;
    }
    Amount &amount = amountFor(record.currency);
    ++amount.rows;
    if (!amount.overflowed && !amount.total.add(*value))
        amount.overflowed = true;
}

void CallTotals::merge(const CallTotals &other)
{
    m_rows += other.m_rows;
    m_durationRows += other.m_durationRows;
    m_billedRows += other.m_billedRows;
    m_pairedRows += other.m_pairedRows;
    m_unreadableAmounts += other.m_unreadableAmounts;
    m_secondsOverflowed = m_secondsOverflowed || other.m_secondsOverflowed;
    addSeconds(&m_duration, other.m_duration);
    addSeconds(&m_billed, other.m_billed);
    addSeconds(&m_difference, other.m_difference);
    for (const Amount &theirs : other.m_amounts) {
        Amount &mine = amountFor(theirs.currency);
        mine.rows += theirs.rows;
        mine.overflowed = mine.overflowed || theirs.overflowed;
        if (!mine.overflowed && !mine.total.add(theirs.total))
            mine.overflowed = true;
    }
}

void CallTotals::clear()
{
    *this = CallTotals();
}

std::optional<qint64> CallTotals::averageBilled() const
{
    if (m_billedRows == 0)
        return std::nullopt;
    // Integer rounding: a double would do here, but the totals stay exact throughout.
    const qint64 quotient = m_billed / m_billedRows;
    const qint64 remainder = m_billed % m_billedRows;
    const qint64 twice = remainder < 0 ? -remainder * 2 : remainder * 2;
    if (twice >= m_billedRows)
        return m_billed < 0 ? quotient - 1 : quotient + 1;
    return quotient;
}

const CallTotals::Amount *CallTotals::amount(const QString &currency) const
{
    for (const Amount &amount : m_amounts) {
        if (amount.currency == currency)
            return &amount;
    }
    return nullptr;
}

qint64 CallTotals::amountRows() const
{
    qint64 rows = 0;
    for (const Amount &amount : m_amounts)
        rows += amount.rows;
    return rows;
}
