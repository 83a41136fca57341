#pragma once

#include "jsoncapture.h"
#include "provider.h"

#include <QString>

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
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

// The unified field a native field fills, decided once per field name.
enum class KnownField : quint8 {
    None,
    Id,
    Start,
    End,
    Caller,
    Callee,
    Direction,
    Duration,
    BilledDuration,
    Amount,
    Currency,
    HangupCause,
    Trunk,
};

// Fills a record's unified fields from its native ones as they are read; lives
// in enswitchparser.cpp with the rest of the field mapping.
class FieldMapper {
public:
    static KnownField knownField(QStringView name);
    // `integer` is the value when the JSON held an integer that fits, so its text need not be read again.
    void map(CdrRecord &record, KnownField field, const NativeValue &value, std::optional<qint64> integer);

private:
    // Legs of one call arrive together and share their times: one QDateTime serves them all.
    struct CachedTime {
        qint64 seconds = 0;
        QDateTime time;
    };
    QDateTime timeOf(const NativeValue &value, std::optional<qint64> integer, CachedTime &cache);

    CachedTime m_start;
    CachedTime m_end;
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
    bool null();
    bool boolean(bool value);
    // The integer callbacks give only the value; its decimal form is the exact JSON text.
    bool number_integer(number_integer_t value);
    bool number_unsigned(number_unsigned_t value);
    bool number_float(number_float_t, const string_t &token);
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

    // What the field at one position of a row was in the row before. Rows share
    // their layout, so a name is matched once and a value seen just before (a
    // direction, a status, a currency) is shared rather than converted again.
    struct Slot {
        bool used = false;
        std::string name;
        QString sharedName;
        KnownField known = KnownField::None;
        NativeValue::Kind kind = NativeValue::Kind::Null;
        std::string lastText; // the JSON text (strings unescaped) of the last value
        QString lastValue;
    };

    std::vector<Frame> m_frames;
    std::string m_key;
    FieldNames m_names;
    CdrRecord m_record;
    Response m_response;
    qsizetype m_dataEntries = 0;

    std::vector<Slot> m_slots;
    std::size_t m_field = 0; // position of the current field in its row
    std::size_t m_slot = 0;  // the current field's slot (m_field - 1)
    qsizetype m_lastFieldCount = 0;
    FieldMapper m_mapper;

    // A nested object or array inside a record, kept as compact JSON text.
    JsonCapture m_capture;
    QString m_captureName;
    KnownField m_captureKnown = KnownField::None;

    bool inRecord() const { return !m_capture.active() && !m_frames.empty() && m_frames.back() == Frame::Record; }
    void startRecord();
    void recordField(NativeValue::Kind kind, std::string_view text, std::optional<qint64> integer);
    bool number(const std::string &text);
    bool scalar(NativeValue value, const std::string &json);
    bool open(bool isObject);
    bool close(bool isObject);
};

QString translated(const char *text); // in the "EnswitchParser" context
ApiError parseError(const QString &detail);

// The error to report for a body read by `reader` (sax_parse returned `parsed`), if any.
std::optional<ApiError> checked(bool parsed, const EnvelopeReader &reader);
// A cdrs/list page from a read body; takes the rows out of `reader`.
PageResult pageFrom(bool parsed, EnvelopeReader &reader);

} // namespace EnswitchEnvelope
