#include "portsipparser.h"

#include "portsipjson.h"

#include <QCoreApplication>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace {

QString translated(const char *text)
{
    return QCoreApplication::translate("PortSipParser", text);
}

// A scalar as text; "" and null alike come out empty, containers too.
QString textOf(const NativeValue *value)
{
    if (!value || value->isNull() || value->kind == NativeValue::Kind::Object
        || value->kind == NativeValue::Kind::Array)
        return {};
    return value->text;
}

const NativeValue *find(const QList<NativeField> &fields, QStringView name)
{
    for (const NativeField &field : fields) {
        if (field.name == name)
            return &field.value;
    }
    return nullptr;
}

std::optional<qint64> integerOf(const NativeValue *value)
{
    const QString text = textOf(value).trimmed();
    bool ok = false;
    const qint64 whole = text.toLongLong(&ok);
    if (ok)
        return whole;
    // "12.0" still names whole seconds.
    const qsizetype dot = text.indexOf(u'.');
    if (dot > 0 && text.sliced(dot + 1).count(u'0') == text.size() - dot - 1) {
        const qint64 truncated = text.left(dot).toLongLong(&ok);
        if (ok)
            return truncated;
    }
    return std::nullopt;
}

Direction directionOf(const QString &text)
{
    if (text.compare("INBOUND_CALL"_L1, Qt::CaseInsensitive) == 0)
        return Direction::Inbound;
    if (text.compare("OUTBOUND_CALL"_L1, Qt::CaseInsensitive) == 0)
        return Direction::Outbound;
    if (text.compare("EXTENSION_CALL"_L1, Qt::CaseInsensitive) == 0)
        return Direction::Internal;
    // INBOUND_OUTBOUND_CALL (inbound, forwarded out) is neither; it and any
    // value we do not know stay unset here and are shown as sent in raw.direction.
    return Direction::Unknown;
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

ApiError parseError(const QString &detail)
{
    ApiError error;
    error.kind = ApiError::Kind::Parse;
    error.detail = detail;
    return error;
}

// "<code>: <message> (<detail>)" for each entry, in the server's words.
QString wordsOf(const QList<PortSipJson::ErrorEntry> &errors)
{
    QStringList parts;
    for (const PortSipJson::ErrorEntry &entry : errors) {
        QString part = entry.code;
        if (!entry.message.isEmpty())
            part += part.isEmpty() ? entry.message : u": "_s + entry.message;
        if (!entry.detail.isEmpty() && entry.detail != entry.message)
            part += part.isEmpty() ? entry.detail : u" ("_s + entry.detail + u')';
        if (!part.isEmpty())
            parts.append(part);
    }
    return parts.join("; "_L1);
}

// The documented codes are UNKNOWN and VALIDATE_FAILED, and UNAUTHORIZED for a
// failed sign-in; any other code is treated as UNKNOWN but shown as sent.
QString meaningOf(const QString &code)
{
    if (code == "VALIDATE_FAILED"_L1)
        return translated(QT_TRANSLATE_NOOP(
            "PortSipParser", "PortSIP error VALIDATE_FAILED: the server refused a value in the request"));
    if (code == "UNAUTHORIZED"_L1)
        return translated(QT_TRANSLATE_NOOP(
            "PortSipParser", "PortSIP error UNAUTHORIZED: the sign-in or its token was not accepted"));
    if (code.isEmpty() || code == "UNKNOWN"_L1)
        return translated(
            QT_TRANSLATE_NOOP("PortSipParser", "PortSIP error UNKNOWN: the server did not say what kind of error"));
    return translated(
        QT_TRANSLATE_NOOP("PortSipParser", "PortSIP error %1, a code this app does not know (read as UNKNOWN)"))
        .arg(code);
}

// The envelope's errors as one ApiError; the kind is the caller's to settle.
ApiError envelopeError(const PortSipJson::Reply &reply)
{
    ApiError error;
    error.kind = ApiError::Kind::Http;
    error.providerMessage = wordsOf(reply.errors);
    if (!reply.errors.isEmpty()) {
        const QString code = reply.errors.constFirst().code;
        error.detail = meaningOf(code);
        if (code == "UNAUTHORIZED"_L1)
            error.kind = ApiError::Kind::Auth;
    }
    return error;
}

bool isTrue(const NativeValue *value)
{
    const QString text = textOf(value).trimmed();
    return text.compare("true"_L1, Qt::CaseInsensitive) == 0 || text == "1"_L1;
}

} // namespace

namespace PortSipParser {

QDateTime parseTime(QStringView text)
{
    text = text.trimmed();
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, msec = 0;
    if (text.size() < 19 || !readDigits(text, 0, 4, year) || text[4] != u'-' || !readDigits(text, 5, 2, month)
        || text[7] != u'-' || !readDigits(text, 8, 2, day) || (text[10] != u'T' && text[10] != u't' && text[10] != u' ')
        || !readDigits(text, 11, 2, hour) || text[13] != u':' || !readDigits(text, 14, 2, minute) || text[16] != u':'
        || !readDigits(text, 17, 2, second))
        return {};
    qsizetype at = 19;
    if (at < text.size() && text[at] == u'.') {
        const qsizetype first = ++at;
        while (at < text.size() && text[at].isDigit() && text[at].unicode() < 128) {
            if (at - first < 3)
                msec += (text[at].unicode() - u'0') * (at == first ? 100 : at == first + 1 ? 10 : 1);
            ++at;
        }
        if (at == first)
            return {};
    }
    int offsetSeconds = 0;
    const QStringView zone = text.sliced(at);
    // PortSIP always sends 'Z'; no zone at all is read as UTC too.
    if (zone.isEmpty() || zone == u"Z" || zone == u"z") {
        offsetSeconds = 0;
    } else {
        int zoneHours = 0;
        int zoneMinutes = 0;
        if (zone.size() != 6 || (zone[0] != u'+' && zone[0] != u'-') || !readDigits(zone, 1, 2, zoneHours)
            || zone[3] != u':' || !readDigits(zone, 4, 2, zoneMinutes) || zoneHours > 23 || zoneMinutes > 59)
            return {};
        offsetSeconds = (zoneHours * 3600 + zoneMinutes * 60) * (zone[0] == u'-' ? -1 : 1);
    }
    const QDate date(year, month, day);
    const QTime time(hour, minute, second, msec);
    if (!date.isValid() || !time.isValid())
        return {};
    return QDateTime(date, time, QTimeZone::utc()).addSecs(-offsetSeconds);
}

CdrRecord recordFrom(QList<NativeField> native)
{
    CdrRecord record;
    record.native = std::move(native);
    const QList<NativeField> &fields = record.native;
    record.id = textOf(find(fields, u"id"));
    record.startTime = parseTime(textOf(find(fields, u"started_at")));
    record.answerTime = parseTime(textOf(find(fields, u"answered_at")));
    record.endTime = parseTime(textOf(find(fields, u"ended_at")));
    record.caller = textOf(find(fields, u"caller"));
    record.callee = textOf(find(fields, u"callee"));
    record.direction = directionOf(textOf(find(fields, u"direction")));
    record.duration = integerOf(find(fields, u"duration"));
    record.hangupCause = textOf(find(fields, u"end_reason"));
    record.trunk = textOf(find(fields, u"trunk"));
    // Only the single-record reply carries cost; its text is kept exactly as sent.
    record.amount = textOf(find(fields, u"cost"));
    return record;
}

PageResult parsePage(const QByteArray &body)
{
    PageResult result;
    PortSipJson::Reply reply = PortSipJson::read(body);
    if (!reply.problem.isEmpty()) {
        result.error = parseError(reply.problem);
        return result;
    }
    if (reply.hasErrors && !reply.errors.isEmpty()) {
        result.error = envelopeError(reply);
        return result;
    }
    if (!reply.hasItems) {
        result.error = parseError(translated(QT_TRANSLATE_NOOP("PortSipParser", "the reply has no “items” list")));
        return result;
    }
    if (reply.badItem) {
        result.error
            = parseError(translated(QT_TRANSLATE_NOOP("PortSipParser", "entry %1 of “items” is not a call object"))
                             .arg(reply.badItem));
        return result;
    }
    // "count" is the total of all matching calls, not the page's size.
    if (const std::optional<qint64> count = integerOf(reply.member(u"count")); count && *count >= 0)
        result.total = count;
    result.rows.reserve(reply.items.size());
    for (CdrRecord &item : reply.items)
        result.rows.push_back(recordFrom(std::move(item.native)));
    return result;
}

RecordResult parseRecord(const QByteArray &body, const QString &requestedId)
{
    RecordResult result;
    PortSipJson::Reply reply = PortSipJson::read(body);
    if (!reply.problem.isEmpty()) {
        result.error = parseError(reply.problem);
        return result;
    }
    if (reply.hasErrors && !reply.errors.isEmpty()) {
        result.error = envelopeError(reply);
        return result;
    }
    QList<NativeField> native;
    if (reply.hasItems) {
        if (reply.items.empty() || reply.badItem) {
            result.error = parseError(translated(QT_TRANSLATE_NOOP("PortSipParser", "the reply holds no call")));
            return result;
        }
        native = std::move(reply.items.front().native);
    } else if (!reply.members.isEmpty() && !reply.member(u"items")) {
        native = std::move(reply.members); // a bare call object, as some servers may send
    } else {
        result.error = parseError(translated(QT_TRANSLATE_NOOP("PortSipParser", "the reply holds no call")));
        return result;
    }
    CdrRecord record = recordFrom(std::move(native));
    if (record.id.isEmpty())
        record.id = requestedId;
    result.record = std::move(record);
    return result;
}

ApiError errorFromReply(int httpStatus, const QByteArray &body)
{
    const PortSipJson::Reply reply = PortSipJson::read(body);
    ApiError error;
    if (reply.problem.isEmpty() && !reply.errors.isEmpty())
        error = envelopeError(reply);
    error.httpStatus = httpStatus;
    if (httpStatus == 401)
        error.kind = ApiError::Kind::Auth;
    else if (httpStatus == 429)
        error.kind = ApiError::Kind::RateLimited;
    else if (error.kind != ApiError::Kind::Auth)
        error.kind = ApiError::Kind::Http;
    return error;
}

SignInResult parseSignIn(int httpStatus, const QByteArray &body, const QDateTime &nowUtc)
{
    SignInResult result;
    const bool success = httpStatus >= 200 && httpStatus < 300;
    const PortSipJson::Reply reply = PortSipJson::read(body);
    if (!success || (reply.problem.isEmpty() && !reply.errors.isEmpty())) {
        ApiError error = errorFromReply(httpStatus, body);
        // A refused sign-in is an authentication failure whatever the status
        // (PortSIP answers a bad password with 400); overload and outages are not.
        if (httpStatus == 429 || httpStatus == 503)
            error.kind = ApiError::Kind::RateLimited;
        else if (httpStatus < 500)
            error.kind = ApiError::Kind::Auth;
        if (success)
            error.httpStatus = 0;
        result.error = error;
        return result;
    }
    if (!reply.problem.isEmpty()) {
        result.error = parseError(reply.problem);
        return result;
    }
    const QString accessToken = textOf(reply.member(u"access_token"));
    if (!accessToken.isEmpty()) {
        AuthTokens tokens;
        tokens.accessToken = accessToken;
        tokens.refreshToken = textOf(reply.member(u"refresh_token"));
        if (const std::optional<qint64> seconds = integerOf(reply.member(u"expires_in"));
            seconds && *seconds > 0 && nowUtc.isValid())
            tokens.expiresAtUtc = nowUtc.toUTC().addSecs(*seconds);
        result.tokens = tokens;
        return result;
    }
    const QString challenge = textOf(reply.member(u"token"));
    if (isTrue(reply.member(u"two_factor_enabled")) && !challenge.isEmpty()) {
        result.oneTimeCodeChallenge = challenge;
        return result;
    }
    result.error
        = parseError(translated(QT_TRANSLATE_NOOP("PortSipParser", "the sign-in reply holds no access token")));
    return result;
}

} // namespace PortSipParser
