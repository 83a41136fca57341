#include "plivoprovider.h"

#include "columns.h"
#include "plivohangupcodes.h"
#include "plivoparser.h"

#include <algorithm>
#include <array>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

// The declared filters in the order the form shows them and the query sends them.
constexpr std::array kFilterKeys{"from_number"_L1, "to_number"_L1, "call_direction"_L1, "bill_duration__gte"_L1,
                                 "bill_duration__lte"_L1, "hangup_cause_code"_L1, "hangup_source"_L1,
                                 "stir_verification"_L1};

constexpr std::chrono::hours kMaxAge = 24h * 90;
constexpr std::chrono::hours kMaxSpan = 24h * 90;
constexpr std::chrono::hours kDefaultWindow = 24h * 30;

qint64 seconds(std::chrono::hours hours)
{
    return std::chrono::duration_cast<std::chrono::seconds>(hours).count();
}

bool isPhoneNumber(QStringView text)
{
    if (text.startsWith(u'+'))
        text = text.sliced(1);
    if (text.isEmpty())
        return false;
    for (const QChar c : text) {
        if (c < u'0' || c > u'9')
            return false;
    }
    return true;
}

// Plivo's wire format, UTC without offset; sub-second digits only when there are any.
QString wireTime(const QDateTime &time)
{
    const QDateTime utc = time.toUTC();
    QString text = utc.toString(u"yyyy-MM-dd HH:mm:ss");
    if (const int msec = utc.time().msec(); msec != 0)
        text += u'.' + QString::number(msec * 1000).rightJustified(6, u'0');
    return text;
}

// Times in messages: to the minute, rounded up so the time shown is itself allowed.
QString messageTime(const QDateTime &time)
{
    QDateTime utc = time.toUTC();
    if (utc.time().second() != 0 || utc.time().msec() != 0)
        utc = utc.addSecs(60 - utc.time().second()).addMSecs(-utc.time().msec());
    return utc.toString(u"yyyy-MM-dd HH:mm");
}

// Everything outside RFC 3986's unreserved set is escaped, so '+' goes as %2B
// (a bare '+' would reach the server as a space) and a space as %20.
void addParam(QByteArray &query, const QString &key, const QString &value)
{
    if (!query.isEmpty())
        query += '&';
    query += QUrl::toPercentEncoding(key);
    query += '=';
    query += QUrl::toPercentEncoding(value);
}

// {baseUrl}/v1/Account/{auth_id}/Zentrunk/Call/{tail}, keeping any path prefix of the base URL.
HttpRequest callsRequest(const Connection &connection, const QString &tail)
{
    QUrl url = connection.baseUrl;
    url.setUserInfo(QString());
    url.setQuery(QString());
    url.setFragment(QString());
    QString path = url.path(QUrl::FullyEncoded);
    while (path.endsWith(u'/'))
        path.chop(1);
    path += u"/v1/Account/"_s + QString::fromLatin1(QUrl::toPercentEncoding(connection.user)) + u"/Zentrunk/Call/"_s;
    if (!tail.isEmpty())
        path += QString::fromLatin1(QUrl::toPercentEncoding(tail)) + u'/';
    url.setPath(path, QUrl::TolerantMode);

    HttpRequest request;
    request.url = url;
    const QByteArray credentials = (connection.user + u':' + connection.secret).toUtf8();
    request.headers.append({QByteArrayLiteral("Authorization"), "Basic " + credentials.toBase64()});
    request.headers.append({QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json")});
    return request;
}

bool hasError(const QList<FieldError> &errors, const QString &key)
{
    return std::any_of(errors.cbegin(), errors.cend(), [key](const FieldError &error) { return error.key == key; });
}

} // namespace

QString PlivoProvider::id() const
{
    return u"plivo"_s;
}

QString PlivoProvider::displayName() const
{
    return u"Plivo Zentrunk"_s;
}

ProfileFieldLabels PlivoProvider::profileFields() const
{
    ProfileFieldLabels labels{u"https://api.plivo.com"_s, tr("Auth ID"), tr("Auth token"), {}};
    labels.secretNoun = tr("auth token", "inside a sentence");
    return labels;
}

QList<FilterSpec> PlivoProvider::filters() const
{
    QList<FilterSpec> specs;

    FilterSpec from;
    from.key = kFilterKeys[0];
    from.label = tr("From number");
    from.hint = tr("The exact number or its beginning (prefix), e.g. +1202 or +12025551111");
    from.role = FilterRole::Caller;
    specs.append(from);

    FilterSpec to;
    to.key = kFilterKeys[1];
    to.label = tr("To number");
    to.hint = tr("The exact number or its beginning (prefix), e.g. +1312 or +13125550100");
    to.role = FilterRole::Callee;
    specs.append(to);

    FilterSpec direction;
    direction.key = kFilterKeys[2];
    direction.label = tr("Direction");
    direction.hint = tr("Inbound calls came in through the trunk; outbound calls left through it");
    direction.kind = FilterKind::Choice;
    direction.choices = {{u"inbound"_s, tr("Inbound")}, {u"outbound"_s, tr("Outbound")}};
    direction.role = FilterRole::Direction;
    specs.append(direction);

    FilterSpec billedMin;
    billedMin.key = kFilterKeys[3];
    billedMin.label = tr("Billed at least (s)");
    billedMin.hint = tr("Only calls billed for this many seconds or more");
    billedMin.kind = FilterKind::Integer;
    billedMin.minimum = 0;
    specs.append(billedMin);

    FilterSpec billedMax;
    billedMax.key = kFilterKeys[4];
    billedMax.label = tr("Billed at most (s)");
    billedMax.hint = tr("Only calls billed for this many seconds or fewer");
    billedMax.kind = FilterKind::Integer;
    billedMax.minimum = 0;
    specs.append(billedMax);

    FilterSpec cause;
    cause.key = kFilterKeys[5];
    cause.label = tr("Hangup cause");
    cause.hint = tr("Zentrunk's own hangup codes (they differ from the Voice API's)");
    cause.kind = FilterKind::Choice;
    for (const PlivoHangupCode &code : PlivoHangupCodes::all())
        cause.choices.append({QString::number(code.code), PlivoHangupCodes::choiceLabel(code)});
    specs.append(cause);

    FilterSpec source;
    source.key = kFilterKeys[6];
    source.label = tr("Hangup source");
    source.hint = tr("Who ended the call");
    source.kind = FilterKind::Choice;
    source.choices = {{u"customer"_s, tr("Customer")}, {u"carrier"_s, tr("Carrier")}, {u"zentrunk"_s, tr("Zentrunk")}};
    specs.append(source);

    FilterSpec stir;
    stir.key = kFilterKeys[7];
    stir.label = tr("STIR verification");
    stir.hint = tr("Verified: attestation A; Not Verified: B or C; Not Applicable: non-US calls, WebRTC or SIP");
    stir.kind = FilterKind::Choice;
    stir.choices = {{u"Verified"_s, tr("Verified")},
                    {u"Not Verified"_s, tr("Not Verified")},
                    {u"Not Applicable"_s, tr("Not Applicable")}};
    specs.append(stir);

    return specs;
}

TimeRangePolicy PlivoProvider::timeRange() const
{
    return {tr("End time"), kMaxSpan, kMaxAge, kDefaultWindow};
}

QList<FieldError> PlivoProvider::validate(const SearchQuery &query, const QDateTime &nowUtc) const
{
    QList<FieldError> errors = validateDeclaredFilters(filters(), query);

    for (const QLatin1StringView key : {kFilterKeys[0], kFilterKeys[1]}) {
        const QString value = query.filters.value(key).trimmed();
        if (!value.isEmpty() && !isPhoneNumber(value) && !hasError(errors, key))
            errors.append({key, tr("Enter digits only, with an optional leading '+' (no spaces, dashes or letters), "
                                   "e.g. +12025551111 or the prefix +1202.")});
    }

    const QString minText = query.filters.value(kFilterKeys[3]).trimmed();
    const QString maxText = query.filters.value(kFilterKeys[4]).trimmed();
    bool minOk = false;
    bool maxOk = false;
    const qint64 billedMin = minText.toLongLong(&minOk);
    const qint64 billedMax = maxText.toLongLong(&maxOk);
    if (minOk && maxOk && billedMin > billedMax && !hasError(errors, kFilterKeys[4]))
        errors.append({kFilterKeys[4], tr("“Billed at most” is below “Billed at least”, so no call can match: "
                                          "raise it or lower the other.")});

    // The range as it will go on the wire (see SearchQuery::resolved): an end in
    // the future becomes now, a missing start the default window before the end.
    QDateTime until = query.until.isValid() ? query.until : nowUtc;
    if (nowUtc.isValid() && until.isValid() && until > nowUtc)
        until = nowUtc;
    const QDateTime since = query.since.isValid() ? query.since
        : until.isValid()                         ? until.addSecs(-seconds(kDefaultWindow))
                                                  : QDateTime();
    if (hasError(errors, u"since"_s) || !since.isValid())
        return errors;

    const QDateTime earliest = nowUtc.isValid() ? nowUtc.addSecs(-seconds(kMaxAge)) : QDateTime();
    if (nowUtc.isValid() && query.since.isValid() && query.since > nowUtc) {
        errors.append({u"since"_s, tr("The start is in the future, when no call has ended yet: choose a start before now.")});
    } else if (earliest.isValid() && since < earliest) {
        if (query.since.isValid())
            errors.append({u"since"_s, tr("Plivo keeps only the last 90 days: choose a start at or after %1 UTC.")
                                           .arg(messageTime(earliest))});
        else
            errors.append({u"since"_s, tr("With no start given the search covers the 30 days before its end, which reaches "
                                          "back beyond the last 90 days Plivo keeps: choose a start at or after %1 UTC, "
                                          "or a later end.")
                                           .arg(messageTime(earliest))});
    } else if (until.isValid() && since < until && since.secsTo(until) > seconds(kMaxSpan)) {
        errors.append({u"since"_s, tr("The range is longer than the 90 days Plivo accepts in one search: choose a start "
                                      "at or after %1 UTC, or an earlier end.")
                                       .arg(messageTime(until.addSecs(-seconds(kMaxSpan))))});
    }
    return errors;
}

PagingPolicy PlivoProvider::paging() const
{
    // 20 is the API's maximum; 300 requests per 5 s is Plivo's documented account limit.
    // Up to 20 in flight: 60 requests/s at a 150 ms round trip needs 9, and the
    // adaptive limit climbs only as far as the rate and the round trip make useful.
    return {20, 20, 300, std::chrono::milliseconds(5000), true};
}

HttpRequest PlivoProvider::pageRequest(const Connection &connection, const SearchQuery &query, qint64 offset,
                                       int limit) const
{
    HttpRequest request = callsRequest(connection, {});

    QByteArray params;
    addParam(params, u"limit"_s, QString::number(limit));
    addParam(params, u"offset"_s, QString::number(offset));
    if (query.since.isValid())
        addParam(params, u"end_time__gte"_s, wireTime(query.since));
    if (query.until.isValid())
        addParam(params, u"end_time__lt"_s, wireTime(query.until));
    // Trimmed as validateDeclaredFilters() checks them; undeclared keys never pass validation.
    for (const QLatin1StringView key : kFilterKeys) {
        const QString value = query.filters.value(key).trimmed();
        if (!value.isEmpty())
            addParam(params, key, value);
    }
    for (const auto &[key, value] : query.extraParams)
        addParam(params, key, value);

    request.url.setQuery(QString::fromLatin1(params), QUrl::StrictMode);
    return request;
}

PageResult PlivoProvider::parsePage(const QByteArray &body) const
{
    return PlivoParser::parsePage(body);
}

HttpRequest PlivoProvider::recordRequest(const Connection &connection, const QString &id) const
{
    return callsRequest(connection, id);
}

RecordResult PlivoProvider::parseRecord(const QByteArray &body) const
{
    return PlivoParser::parseRecord(body);
}

ApiError PlivoProvider::errorFromReply(int httpStatus, const QByteArray &body) const
{
    return PlivoParser::errorFromReply(httpStatus, body);
}

QList<FieldExplanation> PlivoProvider::explain(const CdrRecord &record) const
{
    QList<FieldExplanation> lines;

    if (const NativeValue *code = record.nativeValue(u"hangup_cause_code"); code && !code->isNull()) {
        bool ok = false;
        const int number = code->text.toInt(&ok);
        const PlivoHangupCode *entry = ok ? PlivoHangupCodes::find(number) : nullptr;
        QString text;
        if (!entry) {
            text = tr("%1: not in Zentrunk's hangup-code table").arg(code->text);
        } else {
            const QString name = QLatin1StringView(entry->name);
            const QString qualifier = PlivoHangupCodes::qualifier(*entry);
            text = qualifier.isEmpty()
                ? tr("%1: %2 — %3").arg(code->text, name, PlivoHangupCodes::groupName(entry->group))
                : tr("%1: %2 — %3 (%4)").arg(code->text, name, PlivoHangupCodes::groupName(entry->group), qualifier);
            const NativeValue *sent = record.nativeValue(u"hangup_cause_name");
            if (sent && sent->kind == NativeValue::Kind::String && !sent->text.isEmpty() && sent->text != name)
                text += u' ' + tr("(the reply names it “%1”; the code is what counts)").arg(sent->text);
        }
        lines.append({rawPrefix + u"hangup_cause_code"_s, text});
    }

    if (const NativeValue *source = record.nativeValue(u"hangup_source"); source && !source->isNull()) {
        const QString value = source->text.toLower();
        QString text;
        if (value == "customer"_L1)
            text = tr("customer: your side of the trunk (your PBX or SIP endpoint) ended the call");
        else if (value == "carrier"_L1)
            text = tr("carrier: the carrier's side ended the call");
        else if (value == "zentrunk"_L1)
            text = tr("zentrunk: Plivo's trunk itself ended the call");
        if (!text.isEmpty())
            lines.append({rawPrefix + u"hangup_source"_s, text});
    }

    if (const NativeValue *stir = record.nativeValue(u"stir_verification"); stir && !stir->isNull()) {
        const QString value = stir->text.toLower();
        QString text;
        if (value == "verified"_L1)
            text = tr("%1: the caller ID carried full attestation (A)").arg(stir->text);
        else if (value == "not verified"_L1)
            text = tr("%1: the caller ID carried partial (B) or gateway (C) attestation").arg(stir->text);
        else if (value == "not applicable"_L1)
            text = tr("%1: STIR/SHAKEN does not apply (a non-US call, or WebRTC/SIP)").arg(stir->text);
        if (!text.isEmpty())
            lines.append({rawPrefix + u"stir_verification"_s, text});
    }

    if (const NativeValue *attestation = record.nativeValue(u"attestation_indicator")) {
        const QString value = attestation->text.trimmed().toUpper();
        QString text;
        if (value == "A"_L1)
            text = tr("A: full attestation — the carrier knows the caller and that they may use this number");
        else if (value == "B"_L1)
            text = tr("B: partial attestation — the carrier knows the caller but not that they may use this number");
        else if (value == "C"_L1)
            text = tr("C: gateway attestation — the carrier only knows where the call entered its network");
        else if (attestation->isNull() || value.isEmpty() || value == "NULL"_L1)
            text = tr("No attestation was recorded for this call");
        if (!text.isEmpty())
            lines.append({rawPrefix + u"attestation_indicator"_s, text});
    }
    return lines;
}

QStringList PlivoProvider::defaultColumns() const
{
    return {columnKey(UnifiedField::StartTime),      columnKey(UnifiedField::EndTime),
            columnKey(UnifiedField::Caller),         columnKey(UnifiedField::Callee),
            columnKey(UnifiedField::Direction),      columnKey(UnifiedField::Duration),
            columnKey(UnifiedField::BilledDuration), columnKey(UnifiedField::Amount),
            columnKey(UnifiedField::HangupCause),    columnKey(UnifiedField::HangupSource)};
}
