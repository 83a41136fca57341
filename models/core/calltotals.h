#pragma once

#include "cdrrecord.h"
#include "exactdecimal.h"

#include <QString>

#include <optional>
#include <vector>

// Running totals over a set of calls: counts, durations and amounts per
// currency. Adding a call is a few integer additions and one exact decimal
// parse, so a pass over a million rows stays well under a frame budget.
class CallTotals {
public:
    struct Amount {
        QString currency; // as the provider sent it; empty when it named none
        ExactDecimal total;
        qint64 rows = 0; // calls that added to total
        bool overflowed = false; // the sum no longer fits; total holds what was added before
    };

    void add(const CdrRecord &record);
    static RecordFields fieldsRead();   // the members add() reads
    void merge(const CallTotals &other); // as if every call of other had been added here
    void clear();

    qint64 rows() const { return m_rows; }
    qint64 durationRows() const { return m_durationRows; } // calls that have a duration
    qint64 duration() const { return m_duration; } // seconds, over durationRows()
    qint64 billedRows() const { return m_billedRows; }
    qint64 billed() const { return m_billed; }
    // Billed minus duration, over the calls that have both (pairedRows()).
    qint64 difference() const { return m_difference; }
    qint64 pairedRows() const { return m_pairedRows; }
    std::optional<qint64> averageBilled() const; // whole seconds, rounded half away from zero
    bool secondsOverflowed() const { return m_secondsOverflowed; }

    const std::vector<Amount> &amounts() const { return m_amounts; } // in the order currencies were first seen
    const Amount *amount(const QString &currency) const;
    qint64 amountRows() const; // calls with a readable amount
    qint64 unreadableAmountRows() const { return m_unreadableAmounts; } // amount text that is not a number

private:
    Amount &amountFor(const QString &currency);
    void addSeconds(qint64 *sum, qint64 value);

    qint64 m_rows = 0;
    qint64 m_durationRows = 0;
    qint64 m_duration = 0;
    qint64 m_billedRows = 0;
    qint64 m_billed = 0;
    qint64 m_pairedRows = 0;
    qint64 m_difference = 0;
    qint64 m_unreadableAmounts = 0;
    bool m_secondsOverflowed = false;
    std::vector<Amount> m_amounts; // a handful at most, so a linear search beats hashing
};
