#include "enswitchenvelope.h"

#include "enswitchparser.h"

#include <QCoreApplication>

#include <charconv>
#include <limits>

using namespace Qt::StringLiterals;

namespace {

// Deeper than any CDR; a hostile reply must not grow our buffers without bound.
constexpr std::size_t kMaxDepth = 256;

} // namespace

namespace EnswitchEnvelope {

QString FieldNames::intern(const std::string &name)
{
    const auto found = m_names.find(name);
    if (found != m_names.end())
        return found->second;
    QString text = QString::fromStdString(name);
    m_names.emplace(name, text);
    return text;
}

bool EnvelopeReader::null()
{
    if (inRecord()) {
        recordField(NativeValue::Kind::Null, {}, std::nullopt);
        return true;
    }
    return scalar({NativeValue::Kind::Null, {}}, "null");
}

bool EnvelopeReader::boolean(bool value)
{
    if (inRecord()) {
        recordField(NativeValue::Kind::Bool, value ? "true" : "false", std::nullopt);
        return true;
    }
    return value ? scalar({NativeValue::Kind::Bool, u"true"_s}, "true")
                 : scalar({NativeValue::Kind::Bool, u"false"_s}, "false");
}

bool EnvelopeReader::number_integer(number_integer_t value)
{
    if (!inRecord())
        return number(std::to_string(value));
    char digits[24];
    const std::to_chars_result written = std::to_chars(std::begin(digits), std::end(digits), value);
    recordField(NativeValue::Kind::Number, std::string_view(digits, written.ptr), qint64(value));
    return true;
}

bool EnvelopeReader::number_unsigned(number_unsigned_t value)
{
    if (!inRecord())
        return number(std::to_string(value));
    char digits[24];
    const std::to_chars_result written = std::to_chars(std::begin(digits), std::end(digits), value);
    std::optional<qint64> integer;
    if (value <= number_unsigned_t(std::numeric_limits<qint64>::max()))
        integer = qint64(value);
    recordField(NativeValue::Kind::Number, std::string_view(digits, written.ptr), integer);
    return true;
}

bool EnvelopeReader::number_float(number_float_t, const string_t &token)
{
    if (!inRecord())
        return number(token);
    recordField(NativeValue::Kind::Number, token, std::nullopt);
    return true;
}

bool EnvelopeReader::string(string_t &value)
{
    if (m_capture.active())
        return scalar({}, Json(value).dump(-1, ' ', false, Json::error_handler_t::replace));
    if (inRecord()) {
        recordField(NativeValue::Kind::String, value, std::nullopt);
        return true;
    }
    return scalar({NativeValue::Kind::String, QString::fromStdString(value)}, {});
}

bool EnvelopeReader::key(string_t &name)
{
    if (m_capture.active()) {
        m_capture.key(name);
        return true;
    }
    if (!inRecord()) {
        m_key.assign(name); // copied, not moved: the lexer keeps its buffer for the next token
        return true;
    }
    if (m_field == m_slots.size())
        m_slots.emplace_back();
    Slot &slot = m_slots[m_field];
    if (!slot.used || slot.name != name) {
        // A row laid out unlike the one before: this position starts afresh.
        slot.used = true;
        slot.name.assign(name);
        slot.sharedName = m_names.intern(name);
        slot.known = FieldMapper::knownField(slot.sharedName);
        slot.kind = NativeValue::Kind::Null;
        slot.lastText.clear();
        slot.lastValue = QString();
    }
    m_slot = m_field++;
    return true;
}

// A scalar value of the current record field; `text` is its JSON text (strings unescaped).
void EnvelopeReader::recordField(NativeValue::Kind kind, std::string_view text, std::optional<qint64> integer)
{
    Slot &slot = m_slots[m_slot];
    NativeValue value;
    value.kind = kind;
    if (kind != NativeValue::Kind::Null) {
        if (slot.kind == kind && slot.lastText == text) {
            value.text = slot.lastValue;
        } else {
            value.text = QString::fromUtf8(text.data(), qsizetype(text.size()));
            slot.kind = kind;
            slot.lastText.assign(text);
            slot.lastValue = value.text;
        }
    }
    m_mapper.map(m_record, slot.known, value, integer);
    m_record.native.append(NativeField{slot.sharedName, std::move(value)});
}

bool EnvelopeReader::parse_error(std::size_t position, const std::string &, const nlohmann::detail::exception &error)
{
    errorPosition = position;
    errorText = error.what();
    return false;
}

bool EnvelopeReader::number(const std::string &text)
{
    return scalar({NativeValue::Kind::Number, QString::fromStdString(text)}, text);
}

// `json` is the value's JSON text, used only inside a captured container.
bool EnvelopeReader::scalar(NativeValue value, const std::string &json)
{
    if (m_capture.active()) {
        m_capture.value(json);
        return true;
    }
    if (m_frames.empty())
        return true; // a bare scalar as the whole reply: rootIsObject stays false
    switch (m_frames.back()) {
    case Frame::Record: // read by recordField
        break;
    case Frame::Response:
        if (m_key == "code")
            m_response.code = value.text.trimmed();
        else if (m_key == "key")
            m_response.key = value.text;
        else if (m_key == "message")
            m_response.message = value.text;
        break;
    case Frame::Root:
        if (m_key == "data")
            sawData = true; // e.g. "data": null beside an error code
        break;
    case Frame::DataList:
        badEntry = badEntry ? badEntry : m_dataEntries + 1;
        ++m_dataEntries;
        break;
    case Frame::ResponseList:
    case Frame::Ignored:
        break;
    }
    return true;
}

bool EnvelopeReader::open(bool isObject)
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
        if (m_key == "responses" && !isObject) {
            sawResponses = true;
            next = Frame::ResponseList;
        } else if (m_key == "data") {
            sawData = true;
            dataIsObject = isObject;
            if (isObject) {
                startRecord();
                next = Frame::Record;
            } else {
                next = Frame::DataList;
            }
        }
        break;
    case Frame::ResponseList:
        if (isObject) {
            m_response = Response();
            next = Frame::Response;
        }
        break;
    case Frame::DataList:
        ++m_dataEntries;
        if (isObject) {
            startRecord();
            next = Frame::Record;
        } else if (!badEntry) {
            badEntry = m_dataEntries;
        }
        break;
    case Frame::Record:
        m_captureName = m_slots[m_slot].sharedName;
        m_captureKnown = m_slots[m_slot].known;
        m_capture.start(isObject);
        return true;
    case Frame::Response:
    case Frame::Ignored:
        break;
    }
    m_frames.push_back(next);
    return true;
}

void EnvelopeReader::startRecord()
{
    m_record = CdrRecord();
    m_record.native.reserve(m_lastFieldCount); // rows share their layout
    m_field = 0;
}

bool EnvelopeReader::close(bool isObject)
{
    if (m_capture.active()) {
        if (m_capture.close(isObject)) {
            NativeValue value = m_capture.captured();
            m_mapper.map(m_record, m_captureKnown, value, std::nullopt);
            m_record.native.append(NativeField{m_captureName, std::move(value)});
        }
        return true;
    }
    const Frame closed = m_frames.back();
    m_frames.pop_back();
    if (closed == Frame::Record) {
        m_lastFieldCount = m_record.native.size();
        rows.push_back(std::move(m_record));
        m_record = CdrRecord();
    } else if (closed == Frame::Response) {
        responses.push_back(std::move(m_response));
    }
    return true;
}

QString translated(const char *text)
{
    return QCoreApplication::translate("EnswitchParser", text);
}

ApiError parseError(const QString &detail)
{
    ApiError error;
    error.kind = ApiError::Kind::Parse;
    error.detail = detail;
    return error;
}

std::optional<ApiError> checked(bool parsed, const EnvelopeReader &reader)
{
    if (!parsed) {
        if (reader.tooDeep)
            return parseError(translated(QT_TRANSLATE_NOOP("EnswitchParser", "the reply nests deeper than %1 levels"))
                                  .arg(kMaxDepth));
        const std::string &what = reader.errorText;
        const std::size_t colon = what.find(": ");
        const QString reason = QString::fromUtf8(colon == std::string::npos ? what : what.substr(colon + 2)).left(200);
        return parseError(translated(QT_TRANSLATE_NOOP("EnswitchParser", "invalid JSON at byte %1: %2"))
                              .arg(reader.errorPosition)
                              .arg(reason));
    }
    if (!reader.rootIsObject)
        return parseError(translated(QT_TRANSLATE_NOOP("EnswitchParser", "the reply is not a JSON object")));
    if (!reader.sawResponses || reader.responses.empty())
        return parseError(translated(QT_TRANSLATE_NOOP("EnswitchParser", "the reply has no “responses” list")));
    // The HTTP status may be 200 whatever happened: the envelope's code is what counts.
    for (const Response &response : reader.responses) {
        if (response.code != "200"_L1)
            return EnswitchParser::envelopeError(response.code, response.key, response.message);
    }
    return std::nullopt;
}

PageResult pageFrom(bool parsed, EnvelopeReader &reader)
{
    PageResult result;
    if (std::optional<ApiError> error = checked(parsed, reader)) {
        result.error = std::move(error);
        return result;
    }
    if (!reader.sawData || reader.dataIsObject) {
        result.error = parseError(translated(QT_TRANSLATE_NOOP("EnswitchParser", "the reply has no “data” list")));
        return result;
    }
    if (reader.badEntry) {
        result.error
            = parseError(translated(QT_TRANSLATE_NOOP("EnswitchParser", "entry %1 of “data” is not a call object"))
                             .arg(reader.badEntry));
        return result;
    }
    // Enswitch reports no total: the paging engine stops at the first short page.
    result.rows = std::move(reader.rows);
    return result;
}

} // namespace EnswitchEnvelope
