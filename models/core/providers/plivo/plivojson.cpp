#include "plivojson.h"

#include <QCoreApplication>

#include <algorithm>
#include <vector>

namespace PlivoJson {

namespace {

// JSON text never produces binary values, so a binary with this subtype can
// only be a number token we kept verbatim.
constexpr std::uint8_t kNumberTokenSubtype = 0x4e;   // 'N'

// Deeper than any CDR; a guard against a hostile reply exhausting the stack in compact().
constexpr std::size_t kMaxDepth = 256;

// Builds the DOM the way nlohmann's own DOM parser does, except for floats.
class Builder {
public:
    using number_integer_t = Json::number_integer_t;
    using number_unsigned_t = Json::number_unsigned_t;
    using number_float_t = Json::number_float_t;
    using string_t = Json::string_t;
    using binary_t = Json::binary_t;

    Json root;
    std::size_t errorPosition = 0;
    std::string errorText;
    bool tooDeep = false;

    bool null() { return put(Json(nullptr)); }
    bool boolean(bool value) { return put(Json(value)); }
    bool number_integer(number_integer_t value) { return put(Json(value)); }
    bool number_unsigned(number_unsigned_t value) { return put(Json(value)); }
    bool number_float(number_float_t, const string_t &token)
    {
        return put(Json::binary(Json::binary_t::container_type(token.begin(), token.end()), kNumberTokenSubtype));
    }
    bool string(string_t &value) { return put(Json(std::move(value))); }
    bool binary(binary_t &) { return false; }   // JSON text has no binary values

    bool start_object(std::size_t) { return open(Json::object()); }
    bool start_array(std::size_t) { return open(Json::array()); }
    bool end_object() { return close(); }
    bool end_array() { return close(); }

    bool key(string_t &name)
    {
        // A repeated key replaces the earlier value in its place, as nlohmann does.
        m_slot = &(*m_stack.back())[name];
        return true;
    }

    bool parse_error(std::size_t position, const std::string &, const nlohmann::detail::exception &error)
    {
        errorPosition = position;
        errorText = error.what();
        return false;
    }

private:
    std::vector<Json *> m_stack;
    Json *m_slot = nullptr;

    Json *place(Json &&value)
    {
        if (m_stack.empty()) {
            root = std::move(value);
            return &root;
        }
        Json &parent = *m_stack.back();
        if (parent.is_array()) {
            parent.push_back(std::move(value));
            return &parent.back();
        }
        *m_slot = std::move(value);
        return m_slot;
    }

    bool put(Json &&value)
    {
        place(std::move(value));
        return true;
    }

    bool open(Json &&container)
    {
        if (m_stack.size() >= kMaxDepth) {
            tooDeep = true;
            return false;
        }
        m_stack.push_back(place(std::move(container)));
        return true;
    }

    bool close()
    {
        m_stack.pop_back();
        return true;
    }
};

// nlohmann's message is "[json.exception.parse_error.101] parse error at line 1, column 2: <reason>;
// last read: '<bytes>'; <expectation>". We give the position and the text there ourselves (its
// "last read" may end inside a UTF-8 sequence), so keep only the reason and the expectation.
QString reasonOf(const std::string &what)
{
    const std::size_t colon = what.find(": ");
    std::string reason = colon == std::string::npos ? what : what.substr(colon + 2);
    if (const std::size_t lastRead = reason.find("; last read: '"); lastRead != std::string::npos) {
        const std::size_t end = reason.find("'; ", lastRead + 14);
        reason.erase(lastRead, end == std::string::npos ? std::string::npos : end + 1 - lastRead);
    }
    return QString::fromUtf8(reason);
}

void appendCompact(std::string &out, const Json &value)
{
    switch (value.type()) {
    case Json::value_t::object: {
        out += '{';
        bool first = true;
        for (const auto &[name, member] : value.items()) {
            if (!first)
                out += ',';
            first = false;
            out += Json(name).dump();
            out += ':';
            appendCompact(out, member);
        }
        out += '}';
        return;
    }
    case Json::value_t::array: {
        out += '[';
        bool first = true;
        for (const Json &item : value) {
            if (!first)
                out += ',';
            first = false;
            appendCompact(out, item);
        }
        out += ']';
        return;
    }
    case Json::value_t::binary:
        out += numberText(value).toStdString();
        return;
    default:
        out += value.dump(-1, ' ', false, Json::error_handler_t::replace);
        return;
    }
}

} // namespace

Parsed parse(const QByteArray &text)
{
    Builder builder;
    const bool ok = Json::sax_parse(text.cbegin(), text.cend(), &builder);
    if (ok)
        return {std::move(builder.root), {}};

    if (builder.tooDeep)
        return {Json(), QCoreApplication::translate("PlivoJson", "the reply nests deeper than %1 levels").arg(kMaxDepth)};

    // nlohmann counts the position in bytes, 1-based at the offending byte.
    const qsizetype at = std::clamp<qsizetype>(qsizetype(builder.errorPosition) - 1, 0, text.size());
    const qsizetype lineStart = at > 0 ? text.lastIndexOf('\n', at - 1) + 1 : 0;
    const qsizetype line = text.left(at).count('\n') + 1;
    const qsizetype column = QString::fromUtf8(text.mid(lineStart, at - lineStart)).size() + 1;
    const qsizetype lineEnd = text.indexOf('\n', at);
    const QString near = QString::fromUtf8(text.mid(at, lineEnd < 0 ? -1 : lineEnd - at)).left(24).trimmed();
    const QString reason = reasonOf(builder.errorText);
    if (near.isEmpty())
        return {Json(), QCoreApplication::translate("PlivoJson", "invalid JSON at line %1, column %2: %3")
                            .arg(line)
                            .arg(column)
                            .arg(reason)};
    return {Json(), QCoreApplication::translate("PlivoJson", "invalid JSON at line %1, column %2, at “%3”: %4")
                        .arg(line)
                        .arg(column)
                        .arg(near, reason)};
}

bool isNumber(const Json &value)
{
    return value.is_number()
        || (value.is_binary() && value.get_binary().has_subtype()
            && value.get_binary().subtype() == kNumberTokenSubtype);
}

QString numberText(const Json &value)
{
    if (value.is_number_integer())
        return QString::fromStdString(value.dump());
    if (isNumber(value) && value.is_binary()) {
        const auto &bytes = value.get_binary();
        return QString::fromLatin1(reinterpret_cast<const char *>(bytes.data()), qsizetype(bytes.size()));
    }
    if (value.is_number_float())   // not produced by parse(); kept for values built in code
        return QString::fromStdString(value.dump());
    return {};
}

NativeValue nativeValue(const Json &value)
{
    using Kind = NativeValue::Kind;
    switch (value.type()) {
    case Json::value_t::null:
        return {Kind::Null, {}};
    case Json::value_t::boolean:
        return {Kind::Bool, value.get<bool>() ? QStringLiteral("true") : QStringLiteral("false")};
    case Json::value_t::string:
        return {Kind::String, QString::fromStdString(value.get_ref<const std::string &>())};
    case Json::value_t::object:
        return {Kind::Object, QString::fromStdString(compact(value))};
    case Json::value_t::array:
        return {Kind::Array, QString::fromStdString(compact(value))};
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float:
    case Json::value_t::binary:
        return {Kind::Number, numberText(value)};
    case Json::value_t::discarded:
        break;
    }
    return {};
}

std::string compact(const Json &value)
{
    std::string out;
    appendCompact(out, value);
    return out;
}

} // namespace PlivoJson
