#include "enswitchparser.h"

#include "enswitchenvelope.h"

#include <QTimeZone>

#include <algorithm>
#include <array>

using namespace Qt::StringLiterals;
using EnswitchEnvelope::checked;
using EnswitchEnvelope::EnvelopeReader;
using EnswitchEnvelope::FieldMapper;
using EnswitchEnvelope::KnownField;
using EnswitchEnvelope::Json;
using EnswitchEnvelope::pageFrom;
using EnswitchEnvelope::parseError;
using EnswitchEnvelope::Response;
using EnswitchEnvelope::translated;

namespace {

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

// One zone object for every time: QTimeZone::utc() builds a new one on each call.
const QTimeZone &utcZone()
{
    static const QTimeZone zone = QTimeZone::utc();
    return zone;
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

// Reads the body; on failure returns the error to report.
std::optional<ApiError> read(const QByteArray &body, EnvelopeReader &reader)
{
    return checked(Json::sax_parse(body.cbegin(), body.cend(), &reader), reader);
}

} // namespace

namespace EnswitchEnvelope {

// The names the docs' filters and sort fields suggest; everything stays under native as well.
KnownField FieldMapper::knownField(QStringView name)
{
    static constexpr std::array<std::pair<QLatin1StringView, KnownField>, 12> known{{
        {"uniqueid"_L1, KnownField::Id},
        {"start"_L1, KnownField::Start},
        {"end"_L1, KnownField::End},
        {"snumber"_L1, KnownField::Caller},
        {"cnumber"_L1, KnownField::Callee},
        {"direction"_L1, KnownField::Direction},
        {"totaltime"_L1, KnownField::Duration},
        {"talktime"_L1, KnownField::BilledDuration},
        {"cost"_L1, KnownField::Amount},
        {"currency"_L1, KnownField::Currency},
        {"status"_L1, KnownField::HangupCause},
        {"peer"_L1, KnownField::Trunk},
    }};
    for (const auto &[text, field] : known) {
        if (name == text)
            return field;
    }
    return KnownField::None;
}

// Called for each field in the row's order, so a repeated name ends with its last value.
void FieldMapper::map(CdrRecord &record, KnownField field, const NativeValue &value, std::optional<qint64> integer)
{
    if (field == KnownField::None || value.isNull())
        return;
    switch (field) {
    case KnownField::None:
        break;
    case KnownField::Id:
        record.id = value.text;
        break;
    case KnownField::Start:
        record.startTime = timeOf(value, integer, m_start);
        break;
    case KnownField::End:
        record.endTime = timeOf(value, integer, m_end);
        break;
    case KnownField::Caller:
        record.caller = value.text;
        break;
    case KnownField::Callee:
        record.callee = value.text;
        break;
    case KnownField::Direction:
        record.direction = directionOf(value.text);
        break;
    case KnownField::Duration:
        record.duration = integer ? integer : integerOf(value.text);
        break;
    case KnownField::BilledDuration:
        record.billedDuration = integer ? integer : integerOf(value.text);
        break;
    case KnownField::Amount:
        record.amount = value.text;
        break;
    case KnownField::Currency:
        record.currency = value.text;
        break;
    case KnownField::HangupCause:
        record.hangupCause = value.text;
        break;
    case KnownField::Trunk:
        record.trunk = value.text;
        break;
    }
}

QDateTime FieldMapper::timeOf(const NativeValue &value, std::optional<qint64> integer, CachedTime &cache)
{
    const std::optional<qint64> seconds = integer ? integer : integerOf(value.text);
    // 0 is the API's "not set" (e.g. an unanswered leg's end), not 1970.
    if (!seconds || *seconds <= 0)
        return {};
    if (!cache.time.isValid() || cache.seconds != *seconds) {
        cache.seconds = *seconds;
        cache.time = QDateTime::fromSecsSinceEpoch(*seconds, utcZone());
    }
    return cache.time;
}

} // namespace EnswitchEnvelope

namespace EnswitchParser {

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
