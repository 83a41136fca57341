#include "tablebaselines.h"

#include "cdrrecord.h"

#include <QElapsedTimer>
#include <QFile>

#include <algorithm>
#include <charconv>
#include <limits>
#include <numeric>

namespace bench {

namespace {

constexpr qint64 kUnset = std::numeric_limits<qint64>::max();

// "0.01234" -> 1234 (units of 0.00001); kUnset when it is not that simple shape.
qint64 amountUnits(const QString &text)
{
    if (text.isEmpty())
        return kUnset;
    qint64 units = 0;
    int fractionDigits = -1;
    for (const QChar c : text) {
        if (c == u'.') {
            fractionDigits = 0;
            continue;
        }
        if (!c.isDigit())
            return kUnset;
        if (fractionDigits >= 5)
            continue;
        units = units * 10 + (c.unicode() - u'0');
        if (fractionDigits >= 0)
            ++fractionDigits;
    }
    for (int i = std::max(fractionDigits, 0); i < 5; ++i)
        units *= 10;
    return units;
}

template<typename Key>
double sortByKeys(const std::vector<Key> &keys, const QElapsedTimer &clock)
{
    std::vector<quint32> order(keys.size());
    std::iota(order.begin(), order.end(), 0u);
    std::stable_sort(order.begin(), order.end(), [&keys](quint32 a, quint32 b) { return keys[a] < keys[b]; });
    return double(clock.nsecsElapsed()) / 1e6;
}

void appendText(QByteArray &out, const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    if (utf8.contains(',') || utf8.contains('"') || utf8.contains('\n') || utf8.contains('\r')) {
        out += '"';
        out += QByteArray(utf8).replace('"', "\"\"");
        out += '"';
    } else {
        out += utf8;
    }
}

void appendNumber(QByteArray &out, qint64 value)
{
    char text[24];
    const auto result = std::to_chars(text, text + sizeof text, value);
    out.append(text, qsizetype(result.ptr - text));
}

} // namespace

double baselineSortMs(const std::vector<const CdrRecord *> &records, BaselineKey key)
{
    QElapsedTimer clock;
    clock.start();
    switch (key) {
    case BaselineKey::Caller:
    case BaselineKey::Id: {
        std::vector<QString> keys;
        keys.reserve(records.size());
        for (const CdrRecord *record : records)
            keys.push_back((key == BaselineKey::Id ? record->id : record->caller).toCaseFolded());
        return sortByKeys(keys, clock);
    }
    case BaselineKey::Duration:
    case BaselineKey::StartTime:
    case BaselineKey::Amount: {
        std::vector<qint64> keys;
        keys.reserve(records.size());
        for (const CdrRecord *record : records) {
            if (key == BaselineKey::Duration)
                keys.push_back(record->duration.value_or(kUnset));
            else if (key == BaselineKey::StartTime)
                keys.push_back(record->startTime.isValid() ? record->startTime.toMSecsSinceEpoch() : kUnset);
            else
                keys.push_back(amountUnits(record->amount));
        }
        return sortByKeys(keys, clock);
    }
    }
    return 0;
}

double baselineTotalsMs(const std::vector<const CdrRecord *> &records)
{
    QElapsedTimer clock;
    clock.start();
    qint64 duration = 0;
    qint64 billed = 0;
    for (const CdrRecord *record : records) {
        duration += record->duration.value_or(0);
        billed += record->billedDuration.value_or(0);
    }
    const double ms = double(clock.nsecsElapsed()) / 1e6;
    // Keep the sums alive so the loop is not optimised away.
    return duration + billed == -1 ? ms + 1 : ms;
}

BaselineCsv baselineCsvExport(const std::vector<const CdrRecord *> &records, const QString &fileName)
{
    BaselineCsv result;
    result.columns = 9;
    QFile file(fileName);
    if (!file.open(QIODevice::WriteOnly))
        return result;
    QElapsedTimer clock;
    clock.start();
    QByteArray buffer;
    buffer.reserve(1 << 21);
    buffer += "id,caller,callee,start_time,duration,billed_duration,amount,currency,hangup_cause\r\n";
    for (const CdrRecord *record : records) {
        appendText(buffer, record->id);
        buffer += ',';
        appendText(buffer, record->caller);
        buffer += ',';
        appendText(buffer, record->callee);
        buffer += ',';
        if (record->startTime.isValid())
            appendNumber(buffer, record->startTime.toSecsSinceEpoch());
        buffer += ',';
        if (record->duration)
            appendNumber(buffer, *record->duration);
        buffer += ',';
        if (record->billedDuration)
            appendNumber(buffer, *record->billedDuration);
        buffer += ',';
        appendText(buffer, record->amount);
        buffer += ',';
        appendText(buffer, record->currency);
        buffer += ',';
        appendText(buffer, record->hangupCause);
        buffer += "\r\n";
        if (buffer.size() >= (1 << 20)) {
            file.write(buffer);
            result.bytes += buffer.size();
            buffer.truncate(0);
        }
    }
    file.write(buffer);
    result.bytes += buffer.size();
    file.close();
    result.ms = double(clock.nsecsElapsed()) / 1e6;
    return result;
}

} // namespace bench
