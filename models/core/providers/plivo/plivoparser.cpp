#include "plivoparser.h"

#include "plivohangupcodes.h"
#include "plivojson.h"

#include <QCoreApplication>
#include <QHash>
#include <QTimeZone>

#include <cmath>

using namespace Qt::StringLiterals;
using PlivoJson::Json;

namespace {

// Documented names, created once per process: every row of every page shares them.
const QHash<QByteArray, QString> &knownFieldNames()
{
    static const QHash<QByteArray, QString> names = [] {
        QHash<QByteArray, QString> result;
        for (const char *name : {"call_uuid", "from_number", "to_number", "call_direction", "call_duration",
                                 "bill_duration", "billed_duration", "end_time", "hangup_cause_name",
                                 "hangup_cause_code", "hangup_source", "total_rate", "total_amount",
                                 "initiation_time", "answer_time", "trunk_domain", "trunk_id", "from_country",
                                 "to_country", "transport_protocol", "srtp", "secure_trunking",
                                 "secure_trunking_rate", "stir_verification", "attestation_indicator"})
            result.insert(QByteArray(name), QString::fromLatin1(name));
        return result;
    }();
    return names;
}

// Field names are the same in every row, so rows share one QString per name.
class FieldNames {
public:
    QString intern(const std::string &name)
    {
        const auto found = m_names.constFind(QByteArray::fromRawData(name.data(), qsizetype(name.size())));
        if (found != m_names.cend())
            return *found;
        const QString text = QString::fromStdString(name);
        m_names.insert(QByteArray(name.data(), qsizetype(name.size())), text);
        return text;
    }

private:
    QHash<QByteArray, QString> m_names = knownFieldNames();   // shared until an unknown name arrives
};

const Json *member(const Json &object, const char *name)
{
    const auto found = object.find(name);
    return found == object.end() ? nullptr : &*found;
}

// Plivo's examples put "" and even the string "null" where a value is missing.
bool isMissing(const Json *value)
{
    if (!value || value->is_null())
        return true;
    if (!value->is_string())
        return false;
    const auto &text = value->get_ref<const std::string &>();
    return text.empty() || QLatin1StringView(text.data(), qsizetype(text.size())).compare("null"_L1, Qt::CaseInsensitive) == 0;
}

// A scalar as text: strings as they are, numbers exactly as sent.
QString textOf(const Json *value)
{
    if (isMissing(value))
        return {};
    if (value->is_string())
        return QString::fromStdString(value->get_ref<const std::string &>());
    if (PlivoJson::isNumber(*value))
        return PlivoJson::numberText(*value);
    if (value->is_boolean())
        return value->get<bool>() ? u"true"_s : u"false"_s;
    return {};
}

std::optional<qint64> integerOf(const Json *value)
{
    const QString text = textOf(value);
    bool ok = false;
    const qint64 whole = text.toLongLong(&ok);
    if (ok)
        return whole;
    // "4.0" still means four seconds; anything fractional is not a count of seconds.
    const double number = text.toDouble(&ok);
    if (ok && std::isfinite(number) && number == std::floor(number) && std::abs(number) < 9.0e15)
        return qint64(number);
    return std::nullopt;
}

QDateTime timeOf(const Json *value)
{
    if (isMissing(value) || !value->is_string())
        return {};
    return PlivoParser::parseTime(QString::fromStdString(value->get_ref<const std::string &>()));
}

Direction directionOf(const Json *value)
{
    const QString text = textOf(value);
    if (text.compare("inbound"_L1, Qt::CaseInsensitive) == 0)
        return Direction::Inbound;
    if (text.compare("outbound"_L1, Qt::CaseInsensitive) == 0)
        return Direction::Outbound;
    return Direction::Unknown;
}

CdrRecord recordFrom(const Json &object, FieldNames &names)
{
    CdrRecord record;
    record.native.reserve(qsizetype(object.size()));
    for (auto it = object.begin(); it != object.end(); ++it)
        record.native.append(NativeField{names.intern(it.key()), PlivoJson::nativeValue(it.value())});

    record.id = textOf(member(object, "call_uuid"));
    record.startTime = timeOf(member(object, "initiation_time"));
    record.answerTime = timeOf(member(object, "answer_time"));
    record.endTime = timeOf(member(object, "end_time"));
    record.caller = textOf(member(object, "from_number"));
    record.callee = textOf(member(object, "to_number"));
    record.direction = directionOf(member(object, "call_direction"));
    record.duration = integerOf(member(object, "call_duration"));
    record.billedDuration = integerOf(member(object, "bill_duration"));
    if (!record.billedDuration)   // some of Plivo's examples only have this spelling
        record.billedDuration = integerOf(member(object, "billed_duration"));
    record.amount = textOf(member(object, "total_amount"));
    record.rate = textOf(member(object, "total_rate"));
    record.currency = u"USD"_s;   // Zentrunk bills in US dollars and sends no currency field
    record.hangupCause = textOf(member(object, "hangup_cause_name"));
    if (record.hangupCause.isEmpty()) {
        bool ok = false;
        const int code = textOf(member(object, "hangup_cause_code")).toInt(&ok);
        if (const PlivoHangupCode *entry = ok ? PlivoHangupCodes::find(code) : nullptr)
            record.hangupCause = QLatin1StringView(entry->name);
    }
    record.hangupSource = textOf(member(object, "hangup_source"));
    record.trunk = textOf(member(object, "trunk_domain"));
    if (record.trunk.isEmpty())
        record.trunk = textOf(member(object, "trunk_id"));
    return record;
}

ApiError parseError(const QString &detail, const Json *root = nullptr)
{
    ApiError error;
    error.kind = ApiError::Kind::Parse;
    error.detail = detail;
    // A 200 reply that still carries Plivo's error text: show the provider's words.
    if (root && root->is_object())
        error.providerMessage = textOf(member(*root, "error"));
    return error;
}

// Reads the body into `parsed`; the error to report unless it is a JSON object.
std::optional<ApiError> readObject(const QByteArray &body, PlivoJson::Parsed &parsed)
{
    parsed = PlivoJson::parse(body);
    if (!parsed.error.isEmpty())
        return parseError(parsed.error);
    if (!parsed.value.is_object())
        return parseError(QCoreApplication::translate("PlivoParser", "the reply is not a JSON object"));
    return std::nullopt;
}

std::optional<qint64> totalOf(const Json *meta)
{
    const std::optional<qint64> total = meta ? integerOf(member(*meta, "total_count")) : std::nullopt;
    if (total && *total >= 0)
        return total;
    return std::nullopt;
}

// The provider's own words: "error" may be a string or, in some Plivo APIs, an object of field errors.
QString wordsOf(const Json *value)
{
    if (!value || value->is_null())
        return {};
    if (value->is_object() || value->is_array())
        return QString::fromStdString(PlivoJson::compact(*value));
    return textOf(value);
}

bool readDigits(QStringView text, qsizetype from, qsizetype count, int &out)
{
    if (from + count > text.size())
        return false;
    int value = 0;
    for (qsizetype i = from; i < from + count; ++i) {
        const char16_t c = text[i].unicode();
        if (c < u'0' || c > u'9')
            return false;
        value = value * 10 + (c - u'0');
    }
    out = value;
    return true;
}

} // namespace

namespace PlivoParser {

QDateTime parseTime(QStringView text)
{
    if (text.endsWith(u'Z'))
        text.chop(1);
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, msec = 0;
    if (!readDigits(text, 0, 4, year) || text.size() < 16 || text[4] != u'-' || !readDigits(text, 5, 2, month)
        || text[7] != u'-' || !readDigits(text, 8, 2, day) || (text[10] != u' ' && text[10] != u'T')
        || !readDigits(text, 11, 2, hour) || text[13] != u':' || !readDigits(text, 14, 2, minute))
        return {};
    if (text.size() > 16) {
        if (text[16] != u':' || !readDigits(text, 17, 2, second))
            return {};
        if (text.size() > 19) {
            // Up to microseconds are documented; QDateTime keeps milliseconds, so the rest is cut.
            const QStringView fraction = text.sliced(20);
            if (text[19] != u'.' || fraction.isEmpty() || fraction.size() > 9)
                return {};
            for (qsizetype i = 0; i < fraction.size(); ++i) {
                const char16_t c = fraction[i].unicode();
                if (c < u'0' || c > u'9')
                    return {};
                if (i < 3)
                    msec += (c - u'0') * (i == 0 ? 100 : i == 1 ? 10 : 1);
            }
        }
    }
    const QDate date(year, month, day);
    const QTime time(hour, minute, second, msec);
    if (!date.isValid() || !time.isValid())
        return {};
    return QDateTime(date, time, QTimeZone::utc());
}

PageResult parsePage(const QByteArray &body)
{
    PageResult result;
    PlivoJson::Parsed parsed;
    if (std::optional<ApiError> error = readObject(body, parsed)) {
        result.error = std::move(error);
        return result;
    }
    const Json &root = parsed.value;
    const Json *objects = member(root, "objects");
    if (!objects || !objects->is_array()) {
        result.error = parseError(QCoreApplication::translate("PlivoParser", "the reply has no “objects” list"), &root);
        return result;
    }
    // Paging runs against the total, so a page without it cannot be trusted.
    const Json *meta = member(root, "meta");
    if (!meta || !meta->is_object()) {
        result.error = parseError(QCoreApplication::translate("PlivoParser", "the reply has no “meta” object"), &root);
        return result;
    }
    result.total = totalOf(meta);
    if (!result.total) {
        result.error = parseError(
            QCoreApplication::translate("PlivoParser", "the reply's “meta” has no valid “total_count”"), &root);
        return result;
    }

    FieldNames names;
    result.rows.reserve(objects->size());
    for (std::size_t i = 0; i < objects->size(); ++i) {
        const Json &object = (*objects)[i];
        if (!object.is_object()) {
            result.rows.clear();
            result.error = parseError(
                QCoreApplication::translate("PlivoParser", "entry %1 of “objects” is not a call object").arg(i + 1));
            return result;
        }
        result.rows.push_back(recordFrom(object, names));
    }
    return result;
}

RecordResult parseRecord(const QByteArray &body)
{
    RecordResult result;
    PlivoJson::Parsed parsed;
    if (std::optional<ApiError> error = readObject(body, parsed)) {
        result.error = std::move(error);
        return result;
    }
    const Json &root = parsed.value;
    if (isMissing(member(root, "call_uuid"))) {
        result.error = parseError(QCoreApplication::translate("PlivoParser", "the reply holds no call (no “call_uuid”)"), &root);
        return result;
    }
    FieldNames names;
    result.record = recordFrom(root, names);
    return result;
}

ApiError errorFromReply(int httpStatus, const QByteArray &body)
{
    ApiError error;
    error.httpStatus = httpStatus;
    error.kind = httpStatus == 401 ? ApiError::Kind::Auth
        : httpStatus == 429        ? ApiError::Kind::RateLimited
                                   : ApiError::Kind::Http;
    const PlivoJson::Parsed parsed = PlivoJson::parse(body);
    if (!parsed.error.isEmpty() || !parsed.value.is_object())
        return error;   // an HTML error page or nothing: the status says it all
    const QString text = wordsOf(member(parsed.value, "error"));
    const QString message = wordsOf(member(parsed.value, "message"));
    if (text.isEmpty() || message.isEmpty() || text == message)
        error.providerMessage = text.isEmpty() ? message : text;
    else
        error.providerMessage = text + u" — "_s + message;
    return error;
}

} // namespace PlivoParser
