#pragma once

#include "cdrrecord.h"

#include <QTest>

// Two records compared member by member, so a failure names the member that
// differs. QCOMPARE returns from this function only: callers in a loop check
// QTest::currentTestFailed().
inline void compareRecords(const CdrRecord &actual, const CdrRecord &expected)
{
    QCOMPARE(actual.id, expected.id);
    QCOMPARE(actual.startTime, expected.startTime);
    QCOMPARE(actual.answerTime, expected.answerTime);
    QCOMPARE(actual.endTime, expected.endTime);
    QCOMPARE(actual.caller, expected.caller);
    QCOMPARE(actual.callee, expected.callee);
    QCOMPARE(actual.direction, expected.direction);
    QCOMPARE(actual.duration, expected.duration);
    QCOMPARE(actual.billedDuration, expected.billedDuration);
    QCOMPARE(actual.amount, expected.amount);
    QCOMPARE(actual.rate, expected.rate);
    QCOMPARE(actual.currency, expected.currency);
    QCOMPARE(actual.hangupCause, expected.hangupCause);
    QCOMPARE(actual.hangupSource, expected.hangupSource);
    QCOMPARE(actual.trunk, expected.trunk);
    QCOMPARE(actual.native.size(), expected.native.size());
    for (qsizetype i = 0; i < expected.native.size(); ++i) {
        QCOMPARE(actual.native[i].name, expected.native[i].name);
        QCOMPARE(actual.native[i].value.kind, expected.native[i].value.kind);
        QCOMPARE(actual.native[i].value.text, expected.native[i].value.text);
    }
    QCOMPARE(actual.nativeJson(false), expected.nativeJson(false));
}
