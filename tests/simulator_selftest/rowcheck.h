#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

// Conditions written as "field op value" and joined by ';', e.g.
// "bill_duration ge 60;bill_duration le 120". Ops: eq, ieq (case-insensitive),
// prefix (ignores one leading '+' on both sides, like the API), gt, ge, lt, le
// (numeric when both sides are numbers, else string order, which suits
// "yyyy-MM-dd HH:mm:ss" times).
bool rowMatches(const QJsonObject &row, const QString &conditions);
int countMatching(const QJsonArray &rows, const QString &conditions);
