#include "portsipfilterexpression.h"

#include <QTimeZone>

using namespace Qt::StringLiterals;

bool PortSipFilterExpression::compare(const QString &field, Op op, const QString &text)
{
    if (!isFieldName(field))
        return false;
    m_terms.append(field + u' ' + operatorName(op) + u' ' + literal(text));
    return true;
}

bool PortSipFilterExpression::compare(const QString &field, Op op, qint64 number)
{
    if (!isFieldName(field))
        return false;
    m_terms.append(field + u' ' + operatorName(op) + u' ' + QString::number(number));
    return true;
}

bool PortSipFilterExpression::compare(const QString &field, Op op, const QDateTime &time)
{
    if (!isFieldName(field) || !time.isValid())
        return false;
    m_terms.append(field + u' ' + operatorName(op) + u' ' + timeLiteral(time));
    return true;
}

bool PortSipFilterExpression::call(Function function, const QString &field, const QString &text)
{
    if (!isFieldName(field))
        return false;
    m_terms.append(functionName(function) + u'(' + field + u',' + literal(text) + u')');
    return true;
}

bool PortSipFilterExpression::appendUserExpression(const QString &expression)
{
    if (!isSelfContained(expression))
        return false;
    m_userTerms.append(expression.trimmed());
    return true;
}

QString PortSipFilterExpression::toString() const
{
    const QString ours = m_terms.join(" and "_L1);
    if (m_userTerms.isEmpty())
        return ours;
    // Parentheses on both sides: an `or` in the user's expression must not
    // loosen our own terms (the time window above all), nor ours theirs.
    QStringList parts;
    if (!ours.isEmpty())
        parts.append(u'(' + ours + u')');
    for (const QString &theirs : m_userTerms)
        parts.append(u'(' + theirs + u')');
    return parts.join(" and "_L1);
}

QString PortSipFilterExpression::literal(QStringView text)
{
    QString quoted;
    quoted.reserve(text.size() + 2);
    quoted += u'\'';
    for (const QChar c : text) {
        quoted += c;
        if (c == u'\'')
            quoted += u'\'';
    }
    quoted += u'\'';
    return quoted;
}

QString PortSipFilterExpression::timeLiteral(const QDateTime &time)
{
    const QDateTime utc = time.toTimeZone(QTimeZone::utc());
    const bool hasMillis = utc.time().msec() != 0;
    return u'\'' + utc.toString(hasMillis ? u"yyyy-MM-ddTHH:mm:ss.zzzZ"_s : u"yyyy-MM-ddTHH:mm:ssZ"_s) + u'\'';
}

QString PortSipFilterExpression::operatorName(Op op)
{
    switch (op) {
    case Op::Eq:
        return u"eq"_s;
    case Op::Ne:
        return u"ne"_s;
    case Op::Gt:
        return u"gt"_s;
    case Op::Ge:
        return u"ge"_s;
    case Op::Lt:
        return u"lt"_s;
    case Op::Le:
        return u"le"_s;
    }
    return u"eq"_s;
}

QString PortSipFilterExpression::functionName(Function function)
{
    switch (function) {
    case Function::StartsWith:
        return u"startswith"_s;
    case Function::EndsWith:
        return u"endswith"_s;
    case Function::Contains:
        return u"contains"_s;
    }
    return u"contains"_s;
}

bool PortSipFilterExpression::isFieldName(QStringView name)
{
    if (name.isEmpty())
        return false;
    for (qsizetype i = 0; i < name.size(); ++i) {
        const char16_t c = name[i].unicode();
        const bool letter = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || c == u'_';
        const bool digit = c >= u'0' && c <= u'9';
        if (!letter && !(digit && i > 0))
            return false;
    }
    return true;
}

bool PortSipFilterExpression::hasControlCharacters(QStringView text)
{
    for (const QChar c : text) {
        switch (c.category()) {
        case QChar::Other_Control:
        case QChar::Separator_Line:
        case QChar::Separator_Paragraph:
            return true;
        default:
            break;
        }
    }
    return false;
}

bool PortSipFilterExpression::isSelfContained(QStringView expression)
{
    if (expression.trimmed().isEmpty() || hasControlCharacters(expression))
        return false;
    bool inLiteral = false;
    int depth = 0;
    for (qsizetype i = 0; i < expression.size(); ++i) {
        const QChar c = expression[i];
        if (inLiteral) {
            if (c != u'\'')
                continue;
            // A doubled quote is a quote inside the literal, not its end.
            if (i + 1 < expression.size() && expression[i + 1] == u'\'')
                ++i;
            else
                inLiteral = false;
        } else if (c == u'\'') {
            inLiteral = true;
        } else if (c == u'(') {
            ++depth;
        } else if (c == u')' && --depth < 0) {
            return false;
        }
    }
    return !inLiteral && depth == 0;
}
