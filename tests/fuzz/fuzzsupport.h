#pragma once

#include "apierror.h"
#include "cdrrecord.h"
#include "provider.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

// Small helpers shared by the fuzz targets. An invariant that does not hold
// aborts, so libFuzzer keeps the input exactly as it would for a crash.

#define FUZZ_CHECK(condition, what)                                                                    \
    do {                                                                                               \
        if (!(condition)) {                                                                            \
            std::fprintf(stderr, "fuzz invariant failed: %s (%s) at %s:%d\n", what, #condition,       \
                __FILE__, __LINE__);                                                                   \
            std::abort();                                                                              \
        }                                                                                              \
    } while (false)

namespace fuzz {

inline QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

// A deterministic generator seeded from the input, for choices the input does not spell out.
class Random {
public:
    explicit Random(QByteArrayView seed)
    {
        for (const char c : seed)
            m_state = (m_state ^ uint8_t(c)) * 0x100000001b3ULL; // FNV-1a
    }
    uint64_t next()
    {
        m_state ^= m_state >> 12;
        m_state ^= m_state << 25;
        m_state ^= m_state >> 27;
        return m_state * 0x2545F4914F6CDD1DULL;
    }
    qsizetype below(qsizetype bound) { return bound <= 0 ? 0 : qsizetype(next() % uint64_t(bound)); }

private:
    uint64_t m_state = 0xcbf29ce484222325ULL;
};

// What every parser promises for any bytes: an error or rows, and each row readable.
inline void touchRecord(const CdrRecord &record)
{
    // Reading every field makes the sanitizers look at every byte the parser produced.
    qsizetype sum = record.id.size() + record.caller.size() + record.callee.size() + record.amount.size()
        + record.rate.size() + record.currency.size() + record.hangupCause.size() + record.hangupSource.size()
        + record.trunk.size();
    for (const NativeField &field : record.native)
        sum += field.name.size() + field.value.toJson().size();
    FUZZ_CHECK(sum >= 0, "record sizes");
    (void)record.nativeJson(false);
}

inline void checkPage(const PageResult &page)
{
    if (page.error) {
        FUZZ_CHECK(!page.error->message().isEmpty(), "a page error has a message");
        return;
    }
    if (page.total)
        FUZZ_CHECK(*page.total >= 0, "a total is never negative");
    for (const CdrRecord &record : page.rows)
        touchRecord(record);
}

inline void checkRecord(const RecordResult &result)
{
    FUZZ_CHECK(result.record.has_value() != result.error.has_value(), "either a record or an error");
    if (result.record)
        touchRecord(*result.record);
    else
        FUZZ_CHECK(!result.error->message().isEmpty(), "a record error has a message");
}

inline void checkError(const ApiError &error, int httpStatus)
{
    FUZZ_CHECK(!error.message().isEmpty(), "an error reply has a message");
    (void)httpStatus;
}

// An HTTP status from the input's length, so every class of status is reached.
inline int statusFor(size_t size)
{
    static constexpr int statuses[] = {200, 400, 401, 403, 404, 409, 422, 429, 500, 502, 503, 504, 0, 302};
    return statuses[size % std::size(statuses)];
}

} // namespace fuzz
