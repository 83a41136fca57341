#include "enswitchprovider.h"

#include "columns.h"
#include "enswitchparser.h"
#include "enswitchsignin.h"
#include "serversortfields.h"

#include <algorithm>
#include <array>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

// The declared filters in the order the form shows them and the request sends them.
constexpr std::array kFilterKeys{"direction"_L1, "snumber"_L1, "smatch"_L1, "cnumber"_L1, "cmatch"_L1, "dnumber"_L1,
    "dmatch"_L1, "callid"_L1, "callername_number"_L1, "callername_match"_L1, "talktime_minimum"_L1,
    "talktime_maximum"_L1, "status"_L1, "customer"_L1, "recurse"_L1, "archive"_L1, "peer"_L1, "detail"_L1};

// Each match mode belongs to the number it qualifies.
constexpr std::array<std::pair<QLatin1StringView, QLatin1StringView>, 4> kMatchOf{{{"smatch"_L1, "snumber"_L1},
    {"cmatch"_L1, "cnumber"_L1}, {"dmatch"_L1, "dnumber"_L1}, {"callername_match"_L1, "callername_number"_L1}}};

// The default match mode when a number is given without one. The API's own
// default is "contains", but provider-neutral callers (cdr-export's --caller and
// --callee) set only the number and mean a prefix, so "start" is sent instead;
// a mode is never sent without its number, where it would mean nothing.
constexpr QLatin1StringView kDefaultMatch{"start"};

constexpr std::array kCustomerWords{"all"_L1, "external"_L1, "postpaid"_L1, "prepaid"_L1, "system"_L1};

constexpr std::chrono::hours kDefaultWindow = 24h;

// The profile option that turns token sign-in on ("1" when ticked).
constexpr QLatin1StringView kTokenSignIn{"tokenSignIn"};

// The documented values of `sort`; each is also sortable as its raw.<name> column.
constexpr std::array kSortFields{"callid"_L1, "cnumber"_L1, "cost"_L1, "ctype"_L1, "dcustomer"_L1, "direction"_L1,
    "dnumber"_L1, "dtype"_L1, "end"_L1, "name"_L1, "peer"_L1, "scustomer"_L1, "snumber"_L1, "start"_L1,
    "status"_L1, "stype"_L1, "talktime"_L1, "totaltime"_L1, "uniqueid"_L1};

// Unified columns the server can sort on, and the field it sorts them by.
constexpr std::array<std::pair<UnifiedField, QLatin1StringView>, 11> kUnifiedSort{{
    {UnifiedField::StartTime, "start"_L1}, {UnifiedField::EndTime, "end"_L1}, {UnifiedField::Caller, "snumber"_L1},
    {UnifiedField::Callee, "cnumber"_L1}, {UnifiedField::Direction, "direction"_L1},
    {UnifiedField::Duration, "totaltime"_L1}, {UnifiedField::BilledDuration, "talktime"_L1},
    {UnifiedField::Amount, "cost"_L1}, {UnifiedField::HangupCause, "status"_L1}, {UnifiedField::Trunk, "peer"_L1},
    {UnifiedField::Id, "uniqueid"_L1}}};

// The start time is the default order: stable, so offsets keep meaning the same rows.
constexpr QLatin1StringView kDefaultSort{"start"};

constexpr ServerSortFields kServerSort{kUnifiedSort, kSortFields};

std::optional<QLatin1StringView> numberOfMatch(QLatin1StringView key)
{
    for (const auto &[match, number] : kMatchOf) {
        if (key == match)
            return number;
    }
    return std::nullopt;
}

// Form-encoding: everything outside RFC 3986's unreserved set is escaped, so
// '+', '&', ';' and '=' in a value can never split or change a parameter.
void addParam(QByteArray &body, QAnyStringView key, QAnyStringView value)
{
    if (!body.isEmpty())
        body += '&';
    body += QUrl::toPercentEncoding(key.toString());
    body += '=';
    body += QUrl::toPercentEncoding(value.toString());
}

// {base}/api/json/{function}/, keeping any path prefix of the base URL (and not
// doubling /api/json when the profile already ends with it). Credentials go in
// the body only: the URL never carries a query. After a token sign-in the token
// replaces username and password, so the password is not sent at all.
HttpRequest formRequest(const Connection &connection, QLatin1StringView function)
{
    QUrl url = connection.baseUrl;
    url.setUserInfo(QString());
    url.setQuery(QString());
    url.setFragment(QString());
    QString path = url.path(QUrl::FullyEncoded);
    while (path.endsWith(u'/'))
        path.chop(1);
    if (!path.endsWith("/api/json"_L1))
        path += "/api/json"_L1;
    path += u'/' + function + u'/';
    url.setPath(path, QUrl::TolerantMode);

    HttpRequest request;
    request.method = QByteArrayLiteral("POST");
    request.url = url;
    request.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/x-www-form-urlencoded")});
    request.headers.append({QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json")});
    if (!connection.accessToken.isEmpty()) {
        addParam(request.body, u"auth_token", connection.accessToken);
    } else {
        addParam(request.body, u"auth_username", connection.user);
        addParam(request.body, u"auth_password", connection.secret);
    }
    return request;
}

// Ceiling division for milliseconds to whole seconds, also below the epoch.
qint64 ceilSeconds(qint64 msecs)
{
    return msecs >= 0 ? (msecs + 999) / 1000 : -((-msecs) / 1000);
}

bool hasError(const QList<FieldError> &errors, QLatin1StringView key)
{
    return std::any_of(errors.cbegin(), errors.cend(), [key](const FieldError &error) { return error.key == key; });
}

FilterSpec matchSpec(QLatin1StringView key, const QString &label, const QString &hint)
{
    FilterSpec spec;
    spec.key = key;
    spec.label = label;
    spec.hint = hint;
    spec.kind = FilterKind::Choice;
    spec.choices
        = {{u"contains"_s, EnswitchProvider::tr("contains")}, {u"start"_s, EnswitchProvider::tr("starts with")},
            {u"end"_s, EnswitchProvider::tr("ends with")}, {u"exact"_s, EnswitchProvider::tr("exact")}};
    spec.defaultValue = kDefaultMatch;
    return spec;
}

FilterSpec textSpec(
    QLatin1StringView key, const QString &label, const QString &hint, FilterRole role = FilterRole::None)
{
    FilterSpec spec;
    spec.key = key;
    spec.label = label;
    spec.hint = hint;
    spec.role = role;
    return spec;
}

} // namespace

QString EnswitchProvider::id() const
{
    return u"enswitch"_s;
}

QString EnswitchProvider::displayName() const
{
    return u"Enswitch"_s;
}

ProfileFieldLabels EnswitchProvider::profileFields() const
{
    ProfileOption token;
    token.key = kTokenSignIn;
    token.kind = ProfileOption::Kind::Flag;
    token.label = tr("Sign in with a token (Enswitch 4.1 or later)");
    token.toolTip = tr("Sign in once per session and send the token the server returns instead of the password, "
                       "so the password travels once per session rather than with every request. "
                       "Older servers do not offer tokens.");
    ProfileFieldLabels labels{u"https://enswitch.example.com"_s, tr("Username"), tr("Password"), {token}};
    labels.userNoun = tr("username", "inside a sentence");
    labels.secretNoun = tr("password", "inside a sentence");
    return labels;
}

QList<FilterSpec> EnswitchProvider::filters() const
{
    QList<FilterSpec> specs;

    FilterSpec direction;
    direction.key = kFilterKeys[0];
    direction.label = tr("Direction");
    direction.hint = tr("Inbound calls came into the system, outbound calls left it, internal calls stayed on it");
    direction.kind = FilterKind::Choice;
    direction.choices = {{u"in"_s, tr("Inbound")}, {u"out"_s, tr("Outbound")}, {u"internal"_s, tr("Internal")}};
    direction.role = FilterRole::Direction;
    specs.append(direction);

    specs.append(textSpec(kFilterKeys[1], tr("Source number"), tr("The calling number, matched as the mode below says"),
        FilterRole::Caller));
    specs.append(matchSpec(kFilterKeys[2], tr("Source match"), tr("How the source number is matched")));
    specs.append(textSpec(kFilterKeys[3], tr("Called number"), tr("The number dialled, matched as the mode below says"),
        FilterRole::Callee));
    specs.append(matchSpec(kFilterKeys[4], tr("Called match"), tr("How the called number is matched")));
    specs.append(textSpec(kFilterKeys[5], tr("Destination number"),
        tr("Where the call was finally sent, matched as the mode below says")));
    specs.append(matchSpec(kFilterKeys[6], tr("Destination match"), tr("How the destination number is matched")));
    specs.append(textSpec(kFilterKeys[7], tr("Call ID"), tr("The SIP Call-ID")));
    specs.append(textSpec(kFilterKeys[8], tr("Caller name"), tr("The caller's name, matched as the mode below says")));
    specs.append(matchSpec(kFilterKeys[9], tr("Caller name match"), tr("How the caller name is matched")));

    FilterSpec talkMin;
    talkMin.key = kFilterKeys[10];
    talkMin.label = tr("Talk time at least (s)");
    talkMin.hint = tr("Only calls talked for this many seconds or more");
    talkMin.kind = FilterKind::Integer;
    talkMin.minimum = 0;
    specs.append(talkMin);

    FilterSpec talkMax = talkMin;
    talkMax.key = kFilterKeys[11];
    talkMax.label = tr("Talk time at most (s)");
    talkMax.hint = tr("Only calls talked for this many seconds or fewer");
    specs.append(talkMax);

    specs.append(textSpec(kFilterKeys[12], tr("Status"),
        tr("The call status exactly as the server names it (the API documents no list of values)")));
    specs.append(textSpec(kFilterKeys[13], tr("Customer"),
        tr("Empty for your own customer; a customer ID; or all, external, postpaid, prepaid or system")));

    FilterSpec recurse;
    recurse.key = kFilterKeys[14];
    recurse.label = tr("Sub-customers");
    recurse.hint = tr("Also search the customers below the chosen one, recursively");
    recurse.kind = FilterKind::Choice;
    recurse.choices = {{u"1"_s, tr("Include sub-customers")}};
    specs.append(recurse);

    FilterSpec archive;
    archive.key = kFilterKeys[15];
    archive.label = tr("Archived calls");
    archive.hint = tr("Also search calls the server has archived");
    archive.kind = FilterKind::Choice;
    archive.choices = {{u"1"_s, tr("Include archived calls")}};
    specs.append(archive);

    FilterSpec peer;
    peer.key = kFilterKeys[16];
    peer.label = tr("Peer");
    peer.hint = tr("The ID of the peer (trunk) the call went through");
    peer.kind = FilterKind::Integer;
    peer.minimum = 0;
    specs.append(peer);

    FilterSpec detail;
    detail.key = kFilterKeys[17];
    detail.label = tr("Rows");
    detail.hint = tr("One row per call or per leg (newer servers; older ones always return legs)");
    detail.kind = FilterKind::Choice;
    detail.choices = {{u"call"_s, tr("Calls")}, {u"leg"_s, tr("Legs")}};
    specs.append(detail);

    return specs;
}

TimeRangePolicy EnswitchProvider::timeRange() const
{
    // No documented limits. Start and end are always sent: the docs warn that
    // leaving them out puts a heavy load on the server's database.
    return {tr("Start time"), std::nullopt, std::nullopt, kDefaultWindow, true};
}

QList<FieldError> EnswitchProvider::validate(const SearchQuery &query, const QDateTime &) const
{
    QList<FieldError> errors = validateDeclaredFilters(filters(), query);

    const QString customer = query.filters.value(kFilterKeys[13]).trimmed();
    if (!customer.isEmpty() && !hasError(errors, kFilterKeys[13])) {
        bool isId = false;
        customer.toLongLong(&isId);
        const bool isWord = std::any_of(kCustomerWords.cbegin(), kCustomerWords.cend(),
            [&customer](QLatin1StringView word) { return customer == word; });
        if (!isId && !isWord)
            errors.append({kFilterKeys[13],
                tr("Enter a customer ID (digits), or one of all, external, postpaid, "
                   "prepaid or system; leave it empty for your own customer.")});
    }

    bool minOk = false;
    bool maxOk = false;
    const qint64 talkMin = query.filters.value(kFilterKeys[10]).trimmed().toLongLong(&minOk);
    const qint64 talkMax = query.filters.value(kFilterKeys[11]).trimmed().toLongLong(&maxOk);
    if (minOk && maxOk && talkMin > talkMax && !hasError(errors, kFilterKeys[11]))
        errors.append({kFilterKeys[11],
            tr("“Talk time at most” is below “Talk time at least”, so no call can match: "
               "raise it or lower the other.")});
    return errors;
}

bool EnswitchProvider::signsIn(const Connection &connection) const
{
    return connection.options.value(kTokenSignIn) == "1"_L1;
}

HttpRequest EnswitchProvider::signInRequest(const Connection &connection) const
{
    // Always with the password: a token cannot be traded for another one.
    Connection credentials = connection;
    credentials.accessToken.clear();
    HttpRequest request = formRequest(credentials, "user/login"_L1);
    addParam(request.body, u"token", u"1");
    return request;
}

SignInResult EnswitchProvider::parseSignIn(
    SignInStep, int httpStatus, const QByteArray &body, const QDateTime &nowUtc) const
{
    // Only SignIn happens here: Enswitch has no refresh and no one-time codes.
    return EnswitchSignIn::parseLogin(httpStatus, body, nowUtc);
}

PagingPolicy EnswitchProvider::paging() const
{
    // Large pages keep the request count low; no total is reported and no rate
    // limit is documented. limit=0 (everything at once) is never sent.
    return {1000, 2, 0, std::chrono::milliseconds(0), false};
}

HttpRequest EnswitchProvider::pageRequest(
    const Connection &connection, const SearchQuery &query, qint64 offset, int limit) const
{
    HttpRequest request = formRequest(connection, "cdrs/list"_L1);
    request.safeToRetry = true; // a POST only to keep credentials out of the URL: it reads, nothing more
    QByteArray &body = request.body;

    // Our range is [since, until) and the server compares whole seconds. The docs
    // do not say whether `end` is inclusive; we send it as exclusive (as our
    // simulator reads it), rounded up so an integer start < end iff start < until.
    // If a real server proves inclusive, a call at exactly `end` would also appear
    // in the next adjacent window: send end - 1 then.
    if (query.since.isValid())
        addParam(body, u"start", QString::number(ceilSeconds(query.since.toMSecsSinceEpoch())));
    if (query.until.isValid())
        addParam(body, u"end", QString::number(ceilSeconds(query.until.toMSecsSinceEpoch())));
    addParam(body, u"limit", QString::number(limit));
    addParam(body, u"offset", QString::number(offset));
    // A stable order is what keeps offsets meaning the same rows from page to page;
    // an unknown column falls back to it rather than sending a field the API refuses.
    addParam(body, u"sort", kServerSort.fieldFor(query.sortColumn).value_or(kDefaultSort));
    addParam(body, u"descending", query.sortDescending ? u"1" : u"0");

    for (const QLatin1StringView key : kFilterKeys) {
        QString value = query.filters.value(key).trimmed();
        if (const std::optional<QLatin1StringView> number = numberOfMatch(key)) {
            if (query.filters.value(*number).trimmed().isEmpty())
                continue;
            if (value.isEmpty())
                value = kDefaultMatch;
        }
        if (!value.isEmpty())
            addParam(body, key, value);
    }
    for (const auto &[key, value] : query.extraParams)
        addParam(body, key, value);
    return request;
}

PageResult EnswitchProvider::parsePage(const QByteArray &body) const
{
    return EnswitchParser::parsePage(body);
}

HttpRequest EnswitchProvider::recordRequest(const Connection &connection, const QString &id) const
{
    HttpRequest request = formRequest(connection, "cdrs/get"_L1);
    request.safeToRetry = true; // reads one call, like cdrs/list
    addParam(request.body, u"uniqueid", id);
    return request;
}

RecordResult EnswitchProvider::parseRecord(const QByteArray &body) const
{
    return EnswitchParser::parseRecord(body);
}

ApiError EnswitchProvider::errorFromReply(int httpStatus, const QByteArray &body) const
{
    return EnswitchParser::errorFromReply(httpStatus, body);
}

QList<FieldExplanation> EnswitchProvider::explain(const CdrRecord &record) const
{
    QList<FieldExplanation> lines;
    if (const NativeValue *direction = record.nativeValue(u"direction"); direction && !direction->isNull()) {
        const QString value = direction->text.toLower();
        QString text;
        if (value == "in"_L1)
            text = tr("in: the call came into the system from outside");
        else if (value == "out"_L1)
            text = tr("out: the call left the system for an outside number");
        else if (value == "internal"_L1)
            text = tr("internal: both ends of the call were on the system");
        if (!text.isEmpty())
            lines.append({rawPrefix + u"direction"_s, text});
    }
    if (const NativeValue *status = record.nativeValue(u"status");
        status && !status->isNull() && !status->text.isEmpty())
        lines.append({rawPrefix + u"status"_s,
            tr("%1: the server's own call status (the API documents no list of values)").arg(status->text)});
    return lines;
}

QStringList EnswitchProvider::defaultColumns() const
{
    return {columnKey(UnifiedField::StartTime), columnKey(UnifiedField::EndTime), columnKey(UnifiedField::Caller),
        columnKey(UnifiedField::Callee), columnKey(UnifiedField::Direction), columnKey(UnifiedField::Duration),
        columnKey(UnifiedField::BilledDuration), columnKey(UnifiedField::Amount), columnKey(UnifiedField::HangupCause),
        columnKey(UnifiedField::Trunk)};
}

QStringList EnswitchProvider::serverSortableColumns() const
{
    return kServerSort.columnKeys();
}
