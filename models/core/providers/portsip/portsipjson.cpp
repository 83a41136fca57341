#include "portsipjson.h"

#include "jsoncapture.h"

#include <QCoreApplication>

#include <nlohmann/json.hpp>

#include <string>
#include <unordered_map>

using namespace Qt::StringLiterals;

namespace {

using Json = nlohmann::json;

// Deeper than any CDR; a hostile reply must not grow our buffers without bound.
constexpr std::size_t kMaxDepth = 128;

std::string jsonQuoted(const std::string &text)
{
    return Json(text).dump(-1, ' ', false, Json::error_handler_t::replace);
}

// nlohmann SAX handler: no DOM is built, and numbers arrive with their text.
class Reader {
public:
    using number_integer_t = Json::number_integer_t;
    using number_unsigned_t = Json::number_unsigned_t;
    using number_float_t = Json::number_float_t;
    using string_t = Json::string_t;
    using binary_t = Json::binary_t;

    PortSipJson::Reply reply;
    bool rootIsObject = false;
    std::size_t errorPosition = 0;
    std::string errorText;
    bool tooDeep = false;

    bool null() { return scalar({NativeValue::Kind::Null, {}}, "null"); }
    bool boolean(bool value)
    {
        return value ? scalar({NativeValue::Kind::Bool, u"true"_s}, "true")
                     : scalar({NativeValue::Kind::Bool, u"false"_s}, "false");
    }
    bool number_integer(number_integer_t value) { return number(std::to_string(value)); }
    bool number_unsigned(number_unsigned_t value) { return number(std::to_string(value)); }
    bool number_float(number_float_t, const string_t &token) { return number(token); }
    bool string(string_t &value)
    {
        if (m_capture.active())
            return scalar({}, jsonQuoted(value));
        return scalar({NativeValue::Kind::String, QString::fromStdString(value)}, {});
    }
    bool binary(binary_t &) { return false; } // JSON text has no binary values

    bool start_object(std::size_t) { return open(true); }
    bool start_array(std::size_t) { return open(false); }
    bool end_object() { return close(true); }
    bool end_array() { return close(false); }

    bool key(string_t &name)
    {
        if (m_capture.active()) {
            m_capture.key(name);
            return true;
        }
        m_key = std::move(name);
        return true;
    }

    bool parse_error(std::size_t position, const std::string &, const nlohmann::detail::exception &error)
    {
        errorPosition = position;
        errorText = error.what();
        return false;
    }

private:
    enum class Frame : quint8 { Root, Items, Record, Errors, Error, Ignored };

    std::vector<Frame> m_frames;
    std::string m_key;
    std::unordered_map<std::string, QString> m_names; // rows share one QString per field name
    CdrRecord m_record;
    PortSipJson::ErrorEntry m_error;
    qsizetype m_itemCount = 0;

    JsonCapture m_capture; // a nested value kept as compact JSON text, for the frame below it

    QString intern(const std::string &name)
    {
        const auto found = m_names.find(name);
        if (found != m_names.end())
            return found->second;
        return m_names.emplace(name, QString::fromStdString(name)).first->second;
    }

    bool number(const std::string &text)
    {
        return scalar({NativeValue::Kind::Number, QString::fromStdString(text)}, text);
    }

    // `json` is the value's JSON text, used only inside a captured container.
    bool scalar(NativeValue value, const std::string &json)
    {
        if (m_capture.active()) {
            m_capture.value(json);
            return true;
        }
        deliver(std::move(value));
        return true;
    }

    // A complete value (scalar or captured container) for the innermost frame.
    void deliver(NativeValue value)
    {
        if (m_frames.empty())
            return; // a bare scalar as the whole reply: rootIsObject stays false
        switch (m_frames.back()) {
        case Frame::Root:
            reply.members.append(NativeField{intern(m_key), std::move(value)});
            break;
        case Frame::Record:
            m_record.native.append(NativeField{intern(m_key), std::move(value)});
            break;
        case Frame::Items:
            ++m_itemCount;
            if (!reply.badItem)
                reply.badItem = m_itemCount;
            break;
        case Frame::Errors:
            // A bare string is still the server's words.
            if (!value.isNull())
                reply.errors.append({QString(), value.text, QString()});
            break;
        case Frame::Error:
            if (m_key == "code")
                m_error.code = value.text.trimmed();
            else if (m_key == "message")
                m_error.message = value.text;
            else if (m_key == "detail")
                m_error.detail = value.text;
            break;
        case Frame::Ignored:
            break;
        }
    }

    bool open(bool isObject)
    {
        if (m_frames.size() + std::size_t(m_capture.depth()) >= kMaxDepth) {
            tooDeep = true;
            return false;
        }
        if (m_capture.active()) {
            m_capture.open(isObject);
            return true;
        }
        if (m_frames.empty()) {
            rootIsObject = isObject;
            m_frames.push_back(isObject ? Frame::Root : Frame::Ignored);
            return true;
        }
        Frame next = Frame::Ignored;
        switch (m_frames.back()) {
        case Frame::Root:
            if (!isObject && m_key == "items") {
                reply.hasItems = true;
                next = Frame::Items;
            } else if (!isObject && m_key == "errors") {
                reply.hasErrors = true;
                next = Frame::Errors;
            } else {
                m_capture.start(isObject);
                return true;
            }
            break;
        case Frame::Items:
            ++m_itemCount;
            if (isObject) {
                m_record = CdrRecord();
                next = Frame::Record;
            } else if (!reply.badItem) {
                reply.badItem = m_itemCount;
            }
            break;
        case Frame::Record:
        case Frame::Error:
            m_capture.start(isObject);
            return true;
        case Frame::Errors:
            if (isObject) {
                m_error = PortSipJson::ErrorEntry();
                next = Frame::Error;
            }
            break;
        case Frame::Ignored:
            break;
        }
        m_frames.push_back(next);
        return true;
    }

    bool close(bool isObject)
    {
        if (m_capture.active()) {
            if (m_capture.close(isObject))
                deliver(m_capture.captured());
            return true;
        }
        const Frame closed = m_frames.back();
        m_frames.pop_back();
        if (closed == Frame::Record) {
            reply.items.push_back(std::move(m_record));
            m_record = CdrRecord();
        } else if (closed == Frame::Error) {
            reply.errors.append(std::move(m_error));
        }
        return true;
    }
};

QString translated(const char *text)
{
    return QCoreApplication::translate("PortSipJson", text);
}

} // namespace

namespace PortSipJson {

const NativeValue *Reply::member(QStringView name) const
{
    for (const NativeField &field : members) {
        if (field.name == name)
            return &field.value;
    }
    return nullptr;
}

Reply read(const QByteArray &body)
{
    Reader reader;
    const bool parsed = Json::sax_parse(body.cbegin(), body.cend(), &reader);
    Reply reply = std::move(reader.reply);
    if (!parsed) {
        reply = Reply();
        if (reader.tooDeep) {
            reply.problem
                = translated(QT_TRANSLATE_NOOP("PortSipJson", "the reply nests deeper than %1 levels")).arg(kMaxDepth);
        } else {
            // nlohmann's text is "[json.exception...] parse error at ...: <reason>; last read: '<bytes>'";
            // keep the reason only: the bytes could be part of a token.
            const std::string &what = reader.errorText;
            const std::size_t colon = what.find(": ");
            std::string reasonText = colon == std::string::npos ? what : what.substr(colon + 2);
            if (const std::size_t lastRead = reasonText.find("; last read"); lastRead != std::string::npos)
                reasonText.erase(lastRead);
            const QString reason = QString::fromUtf8(reasonText).left(200);
            reply.problem = translated(QT_TRANSLATE_NOOP("PortSipJson", "invalid JSON at byte %1: %2"))
                                .arg(reader.errorPosition)
                                .arg(reason);
        }
    } else if (!reader.rootIsObject) {
        reply = Reply();
        reply.problem = translated(QT_TRANSLATE_NOOP("PortSipJson", "the reply is not a JSON object"));
    }
    return reply;
}

} // namespace PortSipJson
