#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QStringView>

// PortSIP's OData-like `filter` language, written so that no value can change
// the expression's structure: text goes inside a single-quoted literal with its
// quotes doubled, numbers are digits, times are RFC 3339 UTC, and field names
// must be plain identifiers (they come from our own tables, never from a user).
class PortSipFilterExpression {
public:
    enum class Op : quint8 { Eq, Ne, Gt, Ge, Lt, Le };
    enum class Function : quint8 { StartsWith, EndsWith, Contains };

    // Each adds one condition joined to the others by `and`; false, adding nothing, for a bad field name.
    bool compare(const QString &field, Op op, const QString &text); // field op 'text'
    bool compare(const QString &field, Op op, qint64 number); // field op 42
    bool compare(const QString &field, Op op, const QDateTime &time); // field op '2024-08-20T06:00:59Z'
    bool call(Function function, const QString &field, const QString &text); // startswith(field,'text')
    // ANDs an expression the user wrote (--param filter=...); false, adding nothing, unless isSelfContained().
    bool appendUserExpression(const QString &expression);

    bool isEmpty() const { return m_terms.isEmpty() && m_userTerms.isEmpty(); }
    // Our terms joined by " and "; with user expressions: "(ours) and (theirs)".
    QString toString() const;

    static QString literal(QStringView text); // 'it''s'
    static QString timeLiteral(const QDateTime &time); // '2024-08-20T06:00:59Z', milliseconds when set
    static QString operatorName(Op op); // "eq", "ne", ...
    static QString functionName(Function function); // "startswith", ...
    static bool isFieldName(QStringView name); // [A-Za-z_][A-Za-z0-9_]*
    static bool hasControlCharacters(QStringView text); // C0/C1 controls, line and paragraph separators
    // Quotes closed and parentheses balanced outside them, no control characters,
    // not blank: wrapping it in (...) cannot let it escape into our own terms.
    static bool isSelfContained(QStringView expression);

private:
    QStringList m_terms;
    QStringList m_userTerms;
};
