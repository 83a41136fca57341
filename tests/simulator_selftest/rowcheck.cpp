#include "rowcheck.h"

#include <QStringList>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace {

QString stripPlus(const QString &text)
{
    return text.startsWith(u'+') ? text.mid(1) : text;
}

int compareValues(const QJsonValue &field, const QString &value)
{
    bool ok = false;
    const double number = value.toDouble(&ok);
    if (field.isDouble() && ok)
        return field.toDouble() < number ? -1 : field.toDouble() > number ? 1 : 0;
    return QString::compare(field.toVariant().toString(), value);
}

bool conditionHolds(const QJsonObject &row, const QString &condition)
{
    const qsizetype first = condition.indexOf(u' ');
    const qsizetype second = condition.indexOf(u' ', first + 1);
    const QString field = condition.left(first);
    const QString op = condition.mid(first + 1, second - first - 1);
    const QString value = condition.mid(second + 1);
    const QJsonValue actual = row.value(field);
    const QString text = actual.toVariant().toString();
    if (op == u"eq"_s)
        return text == value;
    if (op == u"ieq"_s)
        return text.compare(value, Qt::CaseInsensitive) == 0;
    if (op == u"prefix"_s)
        return text == value || stripPlus(text).startsWith(stripPlus(value));
    const int order = compareValues(actual, value);
    if (op == u"gt"_s)
        return order > 0;
    if (op == u"ge"_s)
        return order >= 0;
    if (op == u"lt"_s)
        return order < 0;
    if (op == u"le"_s)
        return order <= 0;
    qFatal("unknown condition op %s", qPrintable(op));
}

} // namespace

bool rowMatches(const QJsonObject &row, const QString &conditions)
{
    const QStringList parts = conditions.split(u';', Qt::SkipEmptyParts);
    for (const QString &condition : parts)
        if (!conditionHolds(row, condition))
            return false;
    return true;
}

int countMatching(const QJsonArray &rows, const QString &conditions)
{
    int n = 0;
    for (const QJsonValue &row : rows)
        n += rowMatches(row.toObject(), conditions) ? 1 : 0;
    return n;
}
