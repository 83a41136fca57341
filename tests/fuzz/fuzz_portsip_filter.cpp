// PortSIP's filter expression: whatever values (and user expressions) go in,
// the expression read back by a tokenizer of its own must hold exactly the terms
// that were added, each value as one literal equal to the value, and every user
// expression inside its own parentheses. Then the whole search form: a query
// that passes validate() must give an expression without control characters.
#include "fuzzsupport.h"

#include "providers/portsip/portsipfilterexpression.h"
#include "providers/portsip/portsipfilters.h"
#include "searchquery.h"

#include <fuzzer/FuzzedDataProvider.h>

#include <QTimeZone>

using namespace Qt::StringLiterals;
using Expression = PortSipFilterExpression;

namespace {

struct Token {
    enum class Kind : quint8 { Word, Number, Literal, Open, Close, Comma, Other };
    Kind kind;
    QString text;
    bool operator==(const Token &) const = default;
};

// The grammar the expression is written in; nullopt for an unclosed literal.
std::optional<QList<Token>> tokenize(QStringView text)
{
    QList<Token> tokens;
    auto isWordChar = [](QChar c, bool first) {
        const char16_t u = c.unicode();
        return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || u == u'_' || (!first && u >= u'0' && u <= u'9');
    };
    auto isDigit = [](QChar c) { return c >= u'0' && c <= u'9'; };
    for (qsizetype i = 0; i < text.size();) {
        const QChar c = text[i];
        if (c.isSpace()) {
            ++i;
        } else if (c == u'\'') {
            QString value;
            for (++i;; ++i) {
                if (i >= text.size())
                    return std::nullopt;
                if (text[i] == u'\'') {
                    if (i + 1 < text.size() && text[i + 1] == u'\'') {
                        value += u'\'';
                        ++i;
                        continue;
                    }
                    ++i;
                    break;
                }
                value += text[i];
            }
            tokens.append({Token::Kind::Literal, value});
        } else if (isWordChar(c, true)) {
            const qsizetype start = i;
            while (i < text.size() && isWordChar(text[i], false))
                ++i;
            tokens.append({Token::Kind::Word, text.sliced(start, i - start).toString()});
        } else if (isDigit(c) || (c == u'-' && i + 1 < text.size() && isDigit(text[i + 1]))) {
            const qsizetype start = i++;
            while (i < text.size() && isDigit(text[i]))
                ++i;
            tokens.append({Token::Kind::Number, text.sliced(start, i - start).toString()});
        } else {
            const Token::Kind kind = c == u'(' ? Token::Kind::Open
                : c == u')'                    ? Token::Kind::Close
                : c == u','                    ? Token::Kind::Comma
                                               : Token::Kind::Other;
            tokens.append({kind, QString(c)});
            ++i;
        }
    }
    return tokens;
}

// Parentheses outside literals never go below zero and end at zero.
bool balanced(const QList<Token> &tokens)
{
    int depth = 0;
    for (const Token &token : tokens) {
        if (token.kind == Token::Kind::Open)
            ++depth;
        else if (token.kind == Token::Kind::Close && --depth < 0)
            return false;
    }
    return depth == 0;
}

QString text(FuzzedDataProvider &input)
{
    // Sometimes UTF-16 straight from the bytes: lone surrogates, U+2028, C1 controls.
    const std::string raw = input.ConsumeRandomLengthString(64);
    if (input.ConsumeBool())
        return QString::fromUtf8(raw.data(), qsizetype(raw.size()));
    return QString(reinterpret_cast<const QChar *>(raw.data()), qsizetype(raw.size() / 2));
}

const QString fields[] = {u"started_at"_s, u"caller"_s, u"callee"_s, u"status_code"_s, u"_x9"_s};

QString fieldName(FuzzedDataProvider &input)
{
    if (input.ConsumeBool())
        return text(input); // not from our tables: must be refused unless it is a plain identifier
    return fields[input.ConsumeIntegralInRange<size_t>(0, std::size(fields) - 1)];
}

void buildExpression(FuzzedDataProvider &input)
{
    Expression expression;
    QList<Token> ours;
    QList<QList<Token>> theirs;
    auto word = [](const QString &text) { return Token{Token::Kind::Word, text}; };
    const int steps = input.ConsumeIntegralInRange(0, 8);
    for (int step = 0; step < steps; ++step) {
        const QString field = fieldName(input);
        const auto op = Expression::Op(input.ConsumeIntegralInRange(0, 5));
        QList<Token> term;
        bool added = false;
        switch (input.ConsumeIntegralInRange(0, 4)) {
        case 0: {
            const QString value = text(input);
            added = expression.compare(field, op, value);
            term = {word(field), word(Expression::operatorName(op)), {Token::Kind::Literal, value}};
            break;
        }
        case 1: {
            const auto number = input.ConsumeIntegral<qint64>();
            added = expression.compare(field, op, number);
            term = {word(field), word(Expression::operatorName(op)), {Token::Kind::Number, QString::number(number)}};
            break;
        }
        case 2: {
            const QDateTime time = QDateTime::fromMSecsSinceEpoch(
                input.ConsumeIntegralInRange<qint64>(-62135596800000LL, 253402300799999LL), QTimeZone::utc());
            added = expression.compare(field, op, time);
            term = {word(field), word(Expression::operatorName(op)),
                {Token::Kind::Literal, Expression::timeLiteral(time).mid(1).chopped(1)}};
            break;
        }
        case 3: {
            const auto function = Expression::Function(input.ConsumeIntegralInRange(0, 2));
            const QString value = text(input);
            added = expression.call(function, field, value);
            term = {word(Expression::functionName(function)), {Token::Kind::Open, u"("_s}, word(field),
                {Token::Kind::Comma, u","_s}, {Token::Kind::Literal, value}, {Token::Kind::Close, u")"_s}};
            break;
        }
        default: {
            const QString user = text(input);
            if (expression.appendUserExpression(user)) {
                FUZZ_CHECK(!Expression::hasControlCharacters(user), "a user expression with controls is refused");
                const auto tokens = tokenize(user.trimmed());
                FUZZ_CHECK(tokens && balanced(*tokens), "an accepted user expression is self-contained");
                theirs.append(*tokens);
            }
            continue;
        }
        }
        FUZZ_CHECK(added == Expression::isFieldName(field), "a term is added exactly when its field is an identifier");
        if (!added)
            continue;
        if (!ours.isEmpty())
            ours.append(word(u"and"_s));
        ours.append(term);
    }

    QList<Token> expected;
    if (theirs.isEmpty()) {
        expected = ours;
    } else {
        const Token open{Token::Kind::Open, u"("_s};
        const Token close{Token::Kind::Close, u")"_s};
        if (!ours.isEmpty())
            expected << open << ours << close;
        for (const QList<Token> &user : theirs) {
            if (!expected.isEmpty())
                expected.append(word(u"and"_s));
            expected << open << user << close;
        }
    }
    const QString written = expression.toString();
    FUZZ_CHECK(expression.isEmpty() == written.isEmpty(), "empty exactly when nothing was added");
    const auto tokens = tokenize(written);
    FUZZ_CHECK(tokens.has_value(), "every literal is closed");
    FUZZ_CHECK(balanced(*tokens), "parentheses balance");
    FUZZ_CHECK(*tokens == expected, "the expression reads back as the terms that were added");
}

void buildFromQuery(FuzzedDataProvider &input)
{
    static const QString keys[] = {u"caller"_s, u"caller_match"_s, u"callee"_s, u"callee_match"_s, u"direction"_s,
        u"end_reason"_s, u"status_code"_s, u"trunk"_s, u"destination"_s, u"did_cid"_s, u"search"_s};
    static const QString matches[] = {u"eq"_s, u"startswith"_s, u"contains"_s, u"endswith"_s};
    SearchQuery query;
    query.since = QDateTime(QDate(2026, 1, 1), QTime(0, 0), QTimeZone::utc());
    query.until = query.since.addDays(1);
    for (const QString &key : keys) {
        if (!input.ConsumeBool())
            continue;
        const bool match = key.endsWith("_match"_L1);
        query.filters.insert(key,
            match && input.ConsumeBool() ? matches[input.ConsumeIntegralInRange<size_t>(0, 3)] : text(input));
    }
    if (input.ConsumeBool())
        query.extraParams.append({input.ConsumeBool() ? u"filter"_s : u"$filter"_s, text(input)});

    if (!PortSipFilters::validate(query).isEmpty())
        return;
    const QString written = PortSipFilters::expression(query);
    FUZZ_CHECK(!Expression::hasControlCharacters(written), "a valid query sends no control characters");
    const auto tokens = tokenize(written);
    FUZZ_CHECK(tokens && balanced(*tokens), "a valid query gives a well-formed expression");
    // The window is ours and comes first, in parentheses when a user expression follows.
    FUZZ_CHECK(written.startsWith("started_at ge '2026-01-01T00:00:00Z' and started_at lt "_L1)
            || written.startsWith("(started_at ge '2026-01-01T00:00:00Z' and started_at lt "_L1),
        "the time window comes first");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FuzzedDataProvider input(data, size);
    if (input.ConsumeBool())
        buildExpression(input);
    else
        buildFromQuery(input);
    return 0;
}
