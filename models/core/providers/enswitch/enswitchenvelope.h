#pragma once

#include "jsoncapture.h"
#include "provider.h"

#include <QString>

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

// Private to the Enswitch provider: the SAX reader behind EnswitchParser and its
// stream parser, shared so both read replies the same way.
namespace EnswitchEnvelope {

using Json = nlohmann::json;

// One entry of the envelope's "responses" list.
struct Response {
    QString code;
    QString key;
    QString message;
};

// Field names repeat in every row: rows share one QString per name.
class FieldNames {
public:
    QString intern(const std::string &name);

private:
    std::unordered_map<std::string, QString> m_names;
};

// nlohmann SAX handler reading the envelope straight into records: no DOM of the
// body is built, so memory follows the rows. Numbers keep their JSON text.
class EnvelopeReader {
public:
    using number_integer_t = Json::number_integer_t;
    using number_unsigned_t = Json::number_unsigned_t;
    using number_float_t = Json::number_float_t;
    using string_t = Json::string_t;
    using binary_t = Json::binary_t;

    std::vector<CdrRecord> rows;
    std::vector<Response> responses;
    bool rootIsObject = false;
    bool sawResponses = false;
    bool sawData = false;
    bool dataIsObject = false; // cdrs/get
    qsizetype badEntry = 0; // 1-based index of a data entry that is not an object
    std::size_t errorPosition = 0;
    std::string errorText;
    bool tooDeep = false;

    // The SAX interface nlohmann::json::sax_parse calls.
    bool null() { return scalar({NativeValue::Kind::Null, {}}, "null"); }
    bool boolean(bool value);
    // The integer callbacks give only the value; its decimal form is the exact JSON text.
    bool number_integer(number_integer_t value) { return number(std::to_string(value)); }
    bool number_unsigned(number_unsigned_t value) { return number(std::to_string(value)); }
    bool number_float(number_float_t, const string_t &token) { return number(token); }
    bool string(string_t &value);
    bool binary(binary_t &) { return false; } // JSON text has no binary values
    bool start_object(std::size_t) { return open(true); }
    bool start_array(std::size_t) { return open(false); }
    bool end_object() { return close(true); }
    bool end_array() { return close(false); }
    bool key(string_t &name);
    bool parse_error(std::size_t position, const std::string &, const nlohmann::detail::exception &error);

private:
    enum class Frame : quint8 { Root, ResponseList, Response, DataList, Record, Ignored };

    std::vector<Frame> m_frames;
    std::string m_key;
    FieldNames m_names;
    CdrRecord m_record;
    Response m_response;
    qsizetype m_dataEntries = 0;

    // A nested object or array inside a record, kept as compact JSON text.
    JsonCapture m_capture;
    QString m_captureName;

    bool number(const std::string &text);
    bool scalar(NativeValue value, const std::string &json);
    bool open(bool isObject);
    bool close(bool isObject);
};

// Fills a record's unified fields from its native ones; lives in enswitchparser.cpp
// with the rest of the field mapping, called as each record closes.
void mapKnownFields(CdrRecord &record);

QString translated(const char *text); // in the "EnswitchParser" context
ApiError parseError(const QString &detail);

// The error to report for a body read by `reader` (sax_parse returned `parsed`), if any.
std::optional<ApiError> checked(bool parsed, const EnvelopeReader &reader);
// A cdrs/list page from a read body; takes the rows out of `reader`.
PageResult pageFrom(bool parsed, EnvelopeReader &reader);

} // namespace EnswitchEnvelope
