#pragma once

#include <QString>

#include <vector>

struct CdrRecord;

namespace bench {

// Simple baselines for the million-row table: what plain code gets out of the
// same records, to set the model's figures against on a noisy machine.
enum class BaselineKey { Caller, Id, Duration, StartTime, Amount };

// Extracts one key per record and stable-sorts an index vector by it; in ms.
double baselineSortMs(const std::vector<const CdrRecord *> &records, BaselineKey key);
// Sums the two durations over all records; in ms.
double baselineTotalsMs(const std::vector<const CdrRecord *> &records);

struct BaselineCsv {
    qint64 bytes = 0;
    double ms = 0;
    int columns = 0;
};
// A few columns written with std::to_chars and memcpy into one buffer, flushed per MB.
BaselineCsv baselineCsvExport(const std::vector<const CdrRecord *> &records, const QString &fileName);

} // namespace bench
