#include "enswitchparser.h"

#include <QCoreApplication>
#include <QTimeZone>

#include <algorithm>

#include <nlohmann/json.hpp>

#include <condition_variable>
#include <deque>
#include <iterator>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

using Json = nlohmann::json;

// Deeper than any CDR; a hostile reply must not grow our buffers without bound.
constexpr std::size_t kMaxDepth = 256;

QString translated(const char *text)
{
    return QCoreApplication::translate("EnswitchParser", text);
}

// Field names repeat in every row: rows share one QString per name.
class FieldNames {
public:
    QString intern(const std::string &name)
    {
        const auto found = m_names.find(name);
        if (found != m_names.end())
            return found->second;
        QString text = QString::fromStdString(name);
        m_names.emplace(name, text);
        return text;
    }

private:
    std::unordered_map<std::string, QString> m_names;
};

std::optional<qint64> integerOf(const QString &text)
{
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (ok)
        return value;
    // "12.0" still names whole seconds; the fraction of a second is dropped.
    const qsizetype dot = text.indexOf(u'.');
    if (dot > 0) {
        const qint64 whole = text.left(dot).toLongLong(&ok);
        if (ok)
            return whole;
    }
    return std::nullopt;
}

QDateTime timeOf(const NativeValue &value)
{
    const std::optional<qint64> seconds = integerOf(value.text);
    // 0 is the API's "not set" (e.g. an unanswered leg's end), not 1970.
    if (!seconds || *seconds <= 0)
        return {};
    return QDateTime::fromSecsSinceEpoch(*seconds, QTimeZone::utc());
}

Direction directionOf(const QString &text)
{
    if (text.compare("in"_L1, Qt::CaseInsensitive) == 0 || text.compare("inbound"_L1, Qt::CaseInsensitive) == 0)
        return Direction::Inbound;
    if (text.compare("out"_L1, Qt::CaseInsensitive) == 0 || text.compare("outbound"_L1, Qt::CaseInsensitive) == 0)
        return Direction::Outbound;
    if (text.compare("internal"_L1, Qt::CaseInsensitive) == 0)
        return Direction::Internal;
    return Direction::Unknown;
}

// Maps the names the docs' filters and sort fields suggest; everything stays under native as well.
void mapKnownFields(CdrRecord &record)
{
    for (const NativeField &field : std::as_const(record.native)) {
        const QString &name = field.name;
        const NativeValue &value = field.value;
        if (value.isNull())
            continue;
        if (name == "uniqueid"_L1)
            record.id = value.text;
        else if (name == "start"_L1)
            record.startTime = timeOf(value);
        else if (name == "end"_L1)
            record.endTime = timeOf(value);
        else if (name == "snumber"_L1)
            record.caller = value.text;
        else if (name == "cnumber"_L1)
            record.callee = value.text;
        else if (name == "direction"_L1)
            record.direction = directionOf(value.text);
        else if (name == "totaltime"_L1)
            record.duration = integerOf(value.text);
        else if (name == "talktime"_L1)
            record.billedDuration = integerOf(value.text);
        else if (name == "cost"_L1)
            record.amount = value.text;
        else if (name == "currency"_L1)
            record.currency = value.text;
        else if (name == "status"_L1)
            record.hangupCause = value.text;
        else if (name == "peer"_L1)
            record.trunk = value.text;
    }
}

struct Response {
    QString code;
    QString key;
    QString message;
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

    bool null() { return scalar({NativeValue::Kind::Null, {}}, "null"); }
    bool boolean(bool value)
    {
        return value ? scalar({NativeValue::Kind::Bool, u"true"_s}, "true")
                     : scalar({NativeValue::Kind::Bool, u"false"_s}, "false");
    }
    // The integer callbacks give only the value; its decimal form is the exact JSON text.
    bool number_integer(number_integer_t value) { return number(std::to_string(value)); }
    bool number_unsigned(number_unsigned_t value) { return number(std::to_string(value)); }
    bool number_float(number_float_t, const string_t &token) { return number(token); }
    bool string(string_t &value)
    {
        if (m_captureDepth > 0)
            return scalar({}, Json(value).dump(-1, ' ', false, Json::error_handler_t::replace));
        return scalar({NativeValue::Kind::String, QString::fromStdString(value)}, {});
    }
    bool binary(binary_t &) { return false; } // JSON text has no binary values

    bool start_object(std::size_t) { return open(true); }
    bool start_array(std::size_t) { return open(false); }
    bool end_object() { return close(true); }
    bool end_array() { return close(false); }

    bool key(string_t &name)
    {
        if (m_captureDepth > 0) {
            separate();
            m_capture += Json(name).dump(-1, ' ', false, Json::error_handler_t::replace);
            m_capture += ':';
            m_afterKey = true;
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
    enum class Frame : quint8 { Root, ResponseList, Response, DataList, Record, Ignored };

    std::vector<Frame> m_frames;
    std::string m_key;
    FieldNames m_names;
    CdrRecord m_record;
    Response m_response;
    qsizetype m_dataEntries = 0;

    // A nested object or array inside a record, kept as compact JSON text.
    int m_captureDepth = 0;
    std::string m_capture;
    QString m_captureName;
    NativeValue::Kind m_captureKind = NativeValue::Kind::Object;
    std::vector<bool> m_captureFirst;
    bool m_afterKey = false;

    void separate()
    {
        if (m_afterKey) {
            m_afterKey = false;
            return;
        }
        if (!m_captureFirst.back())
            m_capture += ',';
        m_captureFirst.back() = false;
    }

    bool number(const std::string &text)
    {
        return scalar({NativeValue::Kind::Number, QString::fromStdString(text)}, text);
    }

    // `json` is the value's JSON text, used only inside a captured container.
    bool scalar(NativeValue value, const std::string &json)
    {
        if (m_captureDepth > 0) {
            separate();
            m_capture += json;
            return true;
        }
        if (m_frames.empty())
            return true; // a bare scalar as the whole reply: rootIsObject stays false
        switch (m_frames.back()) {
        case Frame::Record:
            m_record.native.append(NativeField{m_names.intern(m_key), std::move(value)});
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

    bool open(bool isObject)
    {
        if (m_frames.size() + std::size_t(m_captureDepth) >= kMaxDepth) {
            tooDeep = true;
            return false;
        }
        if (m_captureDepth > 0) {
            separate();
            m_capture += isObject ? '{' : '[';
            m_captureFirst.push_back(true);
            ++m_captureDepth;
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
                    m_record = CdrRecord();
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
                m_record = CdrRecord();
                next = Frame::Record;
            } else if (!badEntry) {
                badEntry = m_dataEntries;
            }
            break;
        case Frame::Record:
            m_captureName = m_names.intern(m_key);
            m_captureKind = isObject ? NativeValue::Kind::Object : NativeValue::Kind::Array;
            m_capture.assign(1, isObject ? '{' : '[');
            m_captureFirst.assign(1, true);
            m_afterKey = false;
            m_captureDepth = 1;
            return true;
        case Frame::Response:
        case Frame::Ignored:
            break;
        }
        m_frames.push_back(next);
        return true;
    }

    bool close(bool isObject)
    {
        if (m_captureDepth > 0) {
            m_capture += isObject ? '}' : ']';
            m_captureFirst.pop_back();
            if (--m_captureDepth == 0)
                m_record.native.append(NativeField{m_captureName, {m_captureKind, QString::fromStdString(m_capture)}});
            return true;
        }
        const Frame closed = m_frames.back();
        m_frames.pop_back();
        if (closed == Frame::Record) {
            mapKnownFields(m_record);
            rows.push_back(std::move(m_record));
            m_record = CdrRecord();
        } else if (closed == Frame::Response) {
            responses.push_back(std::move(m_response));
        }
        return true;
    }
};

ApiError parseError(const QString &detail)
{
    ApiError error;
    error.kind = ApiError::Kind::Parse;
    error.detail = detail;
    return error;
}

// Reads the body; on failure returns the error to report.
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

std::optional<ApiError> read(const QByteArray &body, EnvelopeReader &reader)
{
    return checked(Json::sax_parse(body.cbegin(), body.cend(), &reader), reader);
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

// Chunks handed from the reading thread to the parsing thread.
struct ChunkQueue {
    std::mutex mutex;
    std::condition_variable changed;
    std::deque<QByteArray> chunks;
    bool closed = false; // no more bytes will come
    bool aborted = false; // the page is abandoned: stop at the next chunk
};

// What the SAX parser reads from: the current chunk, refilled from the queue.
// It blocks only the parsing thread, never the one feeding.
class ChunkSource {
public:
    explicit ChunkSource(ChunkQueue &queue)
        : m_queue(queue)
    {
    }

    bool hasByte() { return m_pos < m_chunk.size() || refill(); }
    const char &byte() const { return m_chunk.constData()[m_pos]; }
    void advance() { ++m_pos; }

private:
    bool refill()
    {
        std::unique_lock lock(m_queue.mutex);
        for (;;) {
            m_queue.changed.wait(lock, [this] { return m_queue.aborted || m_queue.closed || !m_queue.chunks.empty(); });
            if (m_queue.aborted || m_queue.chunks.empty())
                return false; // end of input: the parser stops on its own
            m_chunk = std::move(m_queue.chunks.front());
            m_queue.chunks.pop_front();
            m_pos = 0;
            if (!m_chunk.isEmpty())
                return true;
        }
    }

    ChunkQueue &m_queue;
    QByteArray m_chunk;
    qsizetype m_pos = 0;
};

// An input iterator over a ChunkSource; the default one is the end.
class ChunkIterator {
public:
    using iterator_category = std::input_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char *;
    using reference = const char &;

    ChunkIterator() = default;
    explicit ChunkIterator(ChunkSource *source)
        : m_source(source)
    {
    }

    reference operator*() const { return m_source->byte(); }
    ChunkIterator &operator++()
    {
        m_source->advance();
        return *this;
    }
    ChunkIterator operator++(int)
    {
        ChunkIterator before = *this;
        m_source->advance();
        return before;
    }
    bool operator==(const ChunkIterator &other) const { return atEnd() == other.atEnd(); }

private:
    bool atEnd() const { return !m_source || !m_source->hasByte(); }

    ChunkSource *m_source = nullptr;
};

// Runs the same SAX reader as parsePage on a thread of its own, pulling the
// body from a queue as the reply delivers it: rows build up while bytes arrive.
class StreamPageParser final : public PageStreamParser {
    static constexpr qsizetype kPieceSize = 64 * 1024;

public:
    StreamPageParser()
        : m_thread([this] { run(); })
    {
    }

    ~StreamPageParser() override
    {
        {
            const std::lock_guard lock(m_queue.mutex);
            m_queue.aborted = true;
            m_queue.chunks.clear();
        }
        m_queue.changed.notify_all();
        // The worker stops at its current chunk's end, so this wait is short.
        if (m_thread.joinable())
            m_thread.join();
    }

    void feed(QByteArrayView chunk) override
    {
        if (chunk.isEmpty())
            return;
        {
            const std::lock_guard lock(m_queue.mutex);
            if (m_queue.closed || m_queue.aborted)
                return;
            // Bounded pieces: an abort is seen within one piece, so the join in
            // the destructor never waits for a whole large chunk to be parsed.
            for (qsizetype at = 0; at < chunk.size(); at += kPieceSize)
                m_queue.chunks.emplace_back(chunk.data() + at, std::min(kPieceSize, chunk.size() - at));
        }
        m_queue.changed.notify_one();
    }

    PageResult finish() override
    {
        {
            const std::lock_guard lock(m_queue.mutex);
            m_queue.closed = true;
        }
        m_queue.changed.notify_all();
        if (m_thread.joinable())
            m_thread.join();
        return pageFrom(m_parsed, m_reader);
    }

private:
    void run()
    {
        ChunkSource source(m_queue);
        m_parsed = Json::sax_parse(ChunkIterator(&source), ChunkIterator(), &m_reader);
    }

    ChunkQueue m_queue;
    EnvelopeReader m_reader;
    bool m_parsed = false; // written by the worker, read after join
    std::thread m_thread; // last: starts once everything it uses exists
};

} // namespace

namespace EnswitchParser {

std::unique_ptr<PageStreamParser> pageStreamParser()
{
    return std::make_unique<StreamPageParser>();
}

ApiError envelopeError(const QString &code, const QString &key, const QString &message)
{
    ApiError error;
    error.kind = code == "401"_L1 ? ApiError::Kind::Auth : ApiError::Kind::Http;
    // The server's own words, key first as the docs tell to look at both.
    if (!key.isEmpty() && !message.isEmpty() && key != message)
        error.providerMessage = key + u": "_s + message;
    else
        error.providerMessage = key.isEmpty() ? message : key;

    QString meaning;
    if (code == "400"_L1)
        meaning = translated(QT_TRANSLATE_NOOP("EnswitchParser", "invalid input parameters"));
    else if (code == "401"_L1)
        meaning = translated(QT_TRANSLATE_NOOP("EnswitchParser", "the username or password is not valid"));
    else if (code == "402"_L1)
        meaning = translated(QT_TRANSLATE_NOOP("EnswitchParser", "your role does not allow this"));
    else if (code == "403"_L1)
        meaning = translated(QT_TRANSLATE_NOOP("EnswitchParser", "your rate plan does not allow this"));
    else if (code == "404"_L1)
        meaning = translated(QT_TRANSLATE_NOOP("EnswitchParser", "the call does not exist or is not visible to you"));
    else if (code == "500"_L1)
        meaning = translated(QT_TRANSLATE_NOOP("EnswitchParser", "an internal error occurred on the server"));
    else if (code.isEmpty())
        meaning = translated(QT_TRANSLATE_NOOP("EnswitchParser", "the reply's status code is missing"));
    else
        meaning = translated(QT_TRANSLATE_NOOP("EnswitchParser", "unexpected status"));
    error.detail = translated(QT_TRANSLATE_NOOP("EnswitchParser", "Enswitch code %1: %2")).arg(code, meaning);
    return error;
}

PageResult parsePage(const QByteArray &body)
{
    EnvelopeReader reader;
    return pageFrom(Json::sax_parse(body.cbegin(), body.cend(), &reader), reader);
}

RecordResult parseRecord(const QByteArray &body)
{
    RecordResult result;
    EnvelopeReader reader;
    if (std::optional<ApiError> error = read(body, reader)) {
        result.error = std::move(error);
        return result;
    }
    // Tolerate a one-element list too; anything else is not the single call asked for.
    if (reader.rows.size() != 1 || (!reader.dataIsObject && reader.badEntry)) {
        result.error = parseError(translated(QT_TRANSLATE_NOOP("EnswitchParser", "the reply holds no call")));
        return result;
    }
    result.record = std::move(reader.rows.front());
    return result;
}

ApiError errorFromReply(int httpStatus, const QByteArray &body)
{
    EnvelopeReader reader;
    const bool envelope
        = Json::sax_parse(body.cbegin(), body.cend(), &reader) && reader.rootIsObject && !reader.responses.empty();
    ApiError error;
    if (envelope) {
        // The envelope's code names the problem better than the status line.
        const Response &first = reader.responses.front();
        const auto failing = std::find_if(reader.responses.cbegin(), reader.responses.cend(),
            [](const Response &response) { return response.code != "200"_L1; });
        const Response &chosen = failing != reader.responses.cend() ? *failing : first;
        error = envelopeError(chosen.code, chosen.key, chosen.message);
    }
    error.httpStatus = httpStatus;
    if (httpStatus == 401)
        error.kind = ApiError::Kind::Auth;
    else if (httpStatus == 429)
        error.kind = ApiError::Kind::RateLimited;
    else if (!envelope || error.kind != ApiError::Kind::Auth)
        error.kind = ApiError::Kind::Http;
    return error;
}

} // namespace EnswitchParser
