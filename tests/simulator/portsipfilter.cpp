#include "portsipfilter.h"

#include "portsiptime.h"

#include <optional>

using namespace Qt::StringLiterals;

namespace cdrsim {

enum class PortsipOp { Eq, Ne, Gt, Ge, Lt, Le, StartsWith, EndsWith, Contains };

struct PortsipFilter::Node {
    enum class Kind { And, Or, Not, Compare };
    Kind kind = Kind::Compare;
    std::shared_ptr<const Node> left; // And, Or, Not
    std::shared_ptr<const Node> right; // And, Or
    int field = -1;
    PortsipFieldType type = PortsipFieldType::Text;
    PortsipOp op = PortsipOp::Eq;
    PortsipFieldValue literal; // unset = the null literal
};

namespace {

using Node = PortsipFilter::Node;
using NodePtr = std::shared_ptr<const Node>;

enum class TokenKind { Word, String, Number, Open, Close, Comma, End };

struct Token {
    TokenKind kind = TokenKind::End;
    QString text; // a String's content with '' already turned into '
    qsizetype position = 0; // 0-based character offset in the filter text
};

bool isWordStart(QChar c)
{
    return c.isLetter() || c == u'_';
}

bool isWordPart(QChar c)
{
    return c.isLetterOrNumber() || c == u'_';
}

// Splits the text into tokens; on failure returns nullopt and sets `error`.
std::optional<QList<Token>> tokenize(QStringView text, QString &error)
{
    QList<Token> tokens;
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n) {
        const QChar c = text.at(i);
        if (c.isSpace()) {
            ++i;
        } else if (c == u'(' || c == u')' || c == u',') {
            const TokenKind kind = c == u'(' ? TokenKind::Open : c == u')' ? TokenKind::Close : TokenKind::Comma;
            tokens.append({kind, QString(c), i});
            ++i;
        } else if (c == u'\'') {
            Token token{TokenKind::String, u""_s, i};
            ++i;
            bool closed = false;
            while (i < n) {
                if (text.at(i) == u'\'') {
                    if (i + 1 < n && text.at(i + 1) == u'\'') { // '' inside a literal is one quote
                        token.text += u'\'';
                        i += 2;
                        continue;
                    }
                    ++i;
                    closed = true;
                    break;
                }
                token.text += text.at(i++);
            }
            if (!closed) {
                error = u"unterminated string literal starting at position %1"_s.arg(token.position);
                return std::nullopt;
            }
            tokens.append(token);
        } else if (c.isDigit() || (c == u'-' && i + 1 < n && text.at(i + 1).isDigit())) {
            // Greedy, so an unquoted time such as 2024-08-20T00:00:00Z stays one token and gets a clear error.
            const qsizetype start = i++;
            while (i < n && (text.at(i).isLetterOrNumber() || QStringView(u".:+-").contains(text.at(i))))
                ++i;
            tokens.append({TokenKind::Number, text.sliced(start, i - start).toString(), start});
        } else if (isWordStart(c)) {
            const qsizetype start = i++;
            while (i < n && isWordPart(text.at(i)))
                ++i;
            tokens.append({TokenKind::Word, text.sliced(start, i - start).toString(), start});
        } else {
            error = u"unexpected character '%1' at position %2"_s.arg(c).arg(i);
            return std::nullopt;
        }
    }
    tokens.append({TokenKind::End, QString(), n});
    return tokens;
}

std::optional<PortsipOp> comparison(const QString &word)
{
    static const QList<std::pair<QString, PortsipOp>> ops{{u"eq"_s, PortsipOp::Eq}, {u"ne"_s, PortsipOp::Ne},
        {u"gt"_s, PortsipOp::Gt}, {u"ge"_s, PortsipOp::Ge}, {u"lt"_s, PortsipOp::Lt}, {u"le"_s, PortsipOp::Le}};
    for (const auto &[name, op] : ops)
        if (word.compare(name, Qt::CaseInsensitive) == 0)
            return op;
    return std::nullopt;
}

std::optional<PortsipOp> function(const QString &word)
{
    if (word.compare(u"startswith"_s, Qt::CaseInsensitive) == 0)
        return PortsipOp::StartsWith;
    if (word.compare(u"endswith"_s, Qt::CaseInsensitive) == 0)
        return PortsipOp::EndsWith;
    if (word.compare(u"contains"_s, Qt::CaseInsensitive) == 0)
        return PortsipOp::Contains;
    return std::nullopt;
}

QString describe(const Token &token)
{
    switch (token.kind) {
    case TokenKind::End:
        return u"the end of the filter"_s;
    case TokenKind::String:
        return u"'%1' at position %2"_s.arg(token.text).arg(token.position);
    default:
        return u"\"%1\" at position %2"_s.arg(token.text).arg(token.position);
    }
}

// Recursive descent over: or := and ('or' and)*; and := unary ('and' unary)*;
// unary := 'not' unary | primary; primary := '(' or ')' | function | field op literal.
class Parser {
public:
    Parser(QList<Token> tokens, const QList<PortsipFilterField> &fields)
        : m_tokens(std::move(tokens))
        , m_fields(fields)
    {
    }

    NodePtr parseAll()
    {
        NodePtr root = parseOr();
        if (root && peek().kind != TokenKind::End)
            return fail(u"expected 'and', 'or' or the end of the filter, found %1"_s.arg(describe(peek())));
        return root;
    }

    QString error() const { return m_error; }

private:
    static constexpr int kMaxDepth = 64; // deep enough for any real filter, shallow enough for the stack

    const Token &peek() const { return m_tokens.at(m_pos); }
    const Token &take() { return m_tokens.at(m_pos++); }
    bool isWord(const Token &token, QLatin1StringView word) const
    {
        return token.kind == TokenKind::Word && token.text.compare(word, Qt::CaseInsensitive) == 0;
    }

    NodePtr fail(const QString &message)
    {
        if (m_error.isEmpty())
            m_error = message;
        return nullptr;
    }

    static NodePtr join(Node::Kind kind, NodePtr left, NodePtr right)
    {
        auto node = std::make_shared<Node>();
        node->kind = kind;
        node->left = std::move(left);
        node->right = std::move(right);
        return node;
    }

    NodePtr parseOr()
    {
        NodePtr left = parseAnd();
        while (left && isWord(peek(), "or"_L1)) {
            take();
            NodePtr right = parseAnd();
            if (!right)
                return nullptr;
            left = join(Node::Kind::Or, left, right);
        }
        return left;
    }

    NodePtr parseAnd()
    {
        NodePtr left = parseUnary();
        while (left && isWord(peek(), "and"_L1)) {
            take();
            NodePtr right = parseUnary();
            if (!right)
                return nullptr;
            left = join(Node::Kind::And, left, right);
        }
        return left;
    }

    NodePtr parseUnary()
    {
        if (++m_depth > kMaxDepth)
            return fail(u"filter nested too deeply at position %1"_s.arg(peek().position));
        NodePtr result;
        if (isWord(peek(), "not"_L1)) {
            take();
            NodePtr operand = parseUnary();
            result = operand ? join(Node::Kind::Not, operand, nullptr) : nullptr;
        } else {
            result = parsePrimary();
        }
        --m_depth;
        return result;
    }

    NodePtr parsePrimary()
    {
        const Token &token = take();
        if (token.kind == TokenKind::Open) {
            NodePtr inner = parseOr();
            if (!inner)
                return nullptr;
            if (peek().kind != TokenKind::Close)
                return fail(u"expected ')' to close the '(' at position %1, found %2"_s.arg(token.position)
                                .arg(describe(peek())));
            take();
            return inner;
        }
        if (token.kind != TokenKind::Word)
            return fail(u"expected a field name, a function or '(', found %1"_s.arg(describe(token)));
        if (const auto op = function(token.text); op && peek().kind == TokenKind::Open)
            return parseFunction(token, *op);
        return parseComparison(token);
    }

    int fieldIndex(const Token &token)
    {
        for (int i = 0; i < m_fields.size(); ++i)
            if (m_fields.at(i).name == token.text)
                return i;
        fail(u"unknown field '%1' at position %2"_s.arg(token.text).arg(token.position));
        return -1;
    }

    NodePtr parseFunction(const Token &name, PortsipOp op)
    {
        take(); // '('
        const Token &fieldToken = take();
        if (fieldToken.kind != TokenKind::Word)
            return fail(u"%1 expects a field name first, found %2"_s.arg(name.text, describe(fieldToken)));
        const int field = fieldIndex(fieldToken);
        if (field < 0)
            return nullptr;
        if (m_fields.at(field).type != PortsipFieldType::Text)
            return fail(u"%1 needs a text field; '%2' at position %3 is not one"_s.arg(name.text, fieldToken.text)
                            .arg(fieldToken.position));
        if (take().kind != TokenKind::Comma)
            return fail(
                u"expected ',' after '%1' in %2 at position %3"_s.arg(fieldToken.text, name.text).arg(name.position));
        const Token &literal = take();
        if (literal.kind != TokenKind::String)
            return fail(
                u"%1 expects a quoted string as its second argument, found %2"_s.arg(name.text, describe(literal)));
        if (take().kind != TokenKind::Close)
            return fail(u"expected ')' to close %1 at position %2"_s.arg(name.text).arg(name.position));
        auto node = std::make_shared<Node>();
        node->field = field;
        node->op = op;
        node->literal.text = literal.text;
        return node;
    }

    NodePtr parseComparison(const Token &fieldToken)
    {
        const int field = fieldIndex(fieldToken);
        if (field < 0)
            return nullptr;
        const Token &opToken = take();
        const std::optional<PortsipOp> op = opToken.kind == TokenKind::Word ? comparison(opToken.text) : std::nullopt;
        if (!op)
            return fail(u"expected a comparison operator (eq, ne, gt, ge, lt, le) after '%1', found %2"_s.arg(
                fieldToken.text, describe(opToken)));
        const Token &literal = take();
        const PortsipFilterField &spec = m_fields.at(field);
        auto node = std::make_shared<Node>();
        node->field = field;
        node->type = spec.type;
        node->op = *op;
        if (isWord(literal, "null"_L1)) {
            node->literal.unset = true;
            return node;
        }
        switch (spec.type) {
        case PortsipFieldType::Text:
            if (literal.kind != TokenKind::String)
                return fail(u"'%1' compares with a quoted string, found %2"_s.arg(spec.name, describe(literal)));
            node->literal.text = literal.text;
            return node;
        case PortsipFieldType::Integer: {
            bool ok = false;
            node->literal.number = literal.text.toLongLong(&ok);
            if (!ok || (literal.kind != TokenKind::Number && literal.kind != TokenKind::String))
                return fail(u"'%1' compares with an integer, found %2"_s.arg(spec.name, describe(literal)));
            return node;
        }
        case PortsipFieldType::Time: {
            const std::optional<qint64> time
                = literal.kind == TokenKind::String ? parsePortsipTime(literal.text) : std::nullopt;
            if (!time)
                return fail(u"'%1' compares with a quoted RFC 3339 time such as '2024-08-20T06:00:59Z', found %2"_s.arg(
                    spec.name, describe(literal)));
            node->literal.number = *time;
            return node;
        }
        }
        return nullptr;
    }

    QList<Token> m_tokens;
    const QList<PortsipFilterField> &m_fields;
    qsizetype m_pos = 0;
    int m_depth = 0;
    QString m_error;
};

template <typename T> bool ordered(PortsipOp op, const T &a, const T &b)
{
    switch (op) {
    case PortsipOp::Eq:
        return a == b;
    case PortsipOp::Ne:
        return !(a == b);
    case PortsipOp::Gt:
        return b < a;
    case PortsipOp::Ge:
        return !(a < b);
    case PortsipOp::Lt:
        return a < b;
    case PortsipOp::Le:
        return !(b < a);
    default:
        return false;
    }
}

bool evaluate(const Node &node, const PortsipFilter::Lookup &lookup)
{
    switch (node.kind) {
    case Node::Kind::And:
        return evaluate(*node.left, lookup) && evaluate(*node.right, lookup);
    case Node::Kind::Or:
        return evaluate(*node.left, lookup) || evaluate(*node.right, lookup);
    case Node::Kind::Not:
        return !evaluate(*node.left, lookup);
    case Node::Kind::Compare:
        break;
    }
    const PortsipFieldValue value = lookup(node.field);
    switch (node.op) {
    case PortsipOp::StartsWith:
        return value.text.startsWith(node.literal.text);
    case PortsipOp::EndsWith:
        return value.text.endsWith(node.literal.text);
    case PortsipOp::Contains:
        return value.text.contains(node.literal.text);
    default:
        break;
    }
    if (node.type == PortsipFieldType::Text) {
        // The server mixes "" and null for unset text, so both behave as "".
        if (node.literal.unset)
            return node.op == PortsipOp::Eq ? value.text.isEmpty() : node.op == PortsipOp::Ne && !value.text.isEmpty();
        return ordered(node.op, value.text, node.literal.text); // a null QString equals ""
    }
    // null equals only an unset value and orders against nothing, as in SQL-backed OData servers.
    if (node.literal.unset || value.unset) {
        const bool same = node.literal.unset == value.unset;
        return node.op == PortsipOp::Eq ? same : node.op == PortsipOp::Ne && !same;
    }
    return ordered(node.op, value.number, node.literal.number);
}

} // namespace

PortsipFilterParse PortsipFilter::parse(QStringView text, const QList<PortsipFilterField> &fields)
{
    PortsipFilterParse result;
    if (text.trimmed().isEmpty())
        return result;
    QString error;
    std::optional<QList<Token>> tokens = tokenize(text, error);
    if (!tokens) {
        result.error = error;
        return result;
    }
    Parser parser(std::move(*tokens), fields);
    NodePtr root = parser.parseAll();
    if (!root)
        result.error = parser.error();
    else
        result.filter.m_root = std::move(root);
    return result;
}

bool PortsipFilter::matches(const Lookup &value) const
{
    return !m_root || evaluate(*m_root, value);
}
} // namespace cdrsim
