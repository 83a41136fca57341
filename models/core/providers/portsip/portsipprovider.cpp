#include "portsipprovider.h"

#include "columns.h"
#include "portsipfilters.h"
#include "portsipparser.h"
#include "portsipvocabulary.h"
#include "serversortfields.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

constexpr QLatin1StringView kDomainOption{"domain"};
constexpr QLatin1StringView kSkipOneBasedOption{"skipOneBased"};
constexpr QLatin1StringView kDollarNamesOption{"dollarNames"};
constexpr QLatin1StringView kRateLimitOption{"rateLimit"};

constexpr int kMaxTop = 100; // the API's declared maximum page size

// The list's fields (all of them; PortSIP sorts on any). cost and billed_account
// come only with a single record, so they cannot sort a list.
constexpr std::array kSortFields{"id"_L1, "caller"_L1, "caller_domain"_L1, "caller_display_name"_L1, "callee"_L1,
    "callee_domain"_L1, "callee_display_name"_L1, "started_at"_L1, "rang_at"_L1, "answered_at"_L1, "ended_at"_L1,
    "call_id"_L1, "direction"_L1, "end_reason"_L1, "reroute_reason"_L1, "status_code"_L1, "destination"_L1,
    "outbound_caller_id"_L1, "did_cid"_L1, "trunk"_L1, "duration"_L1, "service_number"_L1, "user_data"_L1};

// Unified columns the server can sort on, and the field it sorts them by.
constexpr std::array<std::pair<UnifiedField, QLatin1StringView>, 10> kUnifiedSort{
    {{UnifiedField::StartTime, "started_at"_L1}, {UnifiedField::AnswerTime, "answered_at"_L1},
        {UnifiedField::EndTime, "ended_at"_L1}, {UnifiedField::Caller, "caller"_L1},
        {UnifiedField::Callee, "callee"_L1}, {UnifiedField::Direction, "direction"_L1},
        {UnifiedField::Duration, "duration"_L1}, {UnifiedField::HangupCause, "end_reason"_L1},
        {UnifiedField::Trunk, "trunk"_L1}, {UnifiedField::Id, "id"_L1}}};

// The start time is the default order: stable, so skip keeps meaning the same rows.
constexpr QLatin1StringView kDefaultSort{"started_at"};

constexpr ServerSortFields kServerSort{kUnifiedSort, kSortFields};

bool isSet(const Connection &connection, QLatin1StringView option)
{
    return connection.options.value(option) == "1"_L1;
}

// Everything outside RFC 3986's unreserved set is escaped, so quotes, '&', '+'
// and '#' in the expression reach the server as written. '$' may stay in a name.
void addParam(QByteArray &query, const QString &key, const QString &value)
{
    if (!query.isEmpty())
        query += '&';
    query += QUrl::toPercentEncoding(key, "$");
    query += '=';
    query += QUrl::toPercentEncoding(value);
}

// {base}/api/{tail}, keeping any path prefix of the base URL and not doubling
// /api when the profile already ends with it (the spec's server is .../api).
HttpRequest apiRequest(const Connection &connection, const QString &tail)
{
    QUrl url = connection.baseUrl;
    url.setUserInfo(QString());
    url.setQuery(QString());
    url.setFragment(QString());
    QString path = url.path(QUrl::FullyEncoded);
    while (path.endsWith(u'/'))
        path.chop(1);
    if (!path.endsWith("/api"_L1))
        path += "/api"_L1;
    path += u'/' + tail;
    url.setPath(path, QUrl::TolerantMode);

    HttpRequest request;
    request.url = url;
    request.headers.append({QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json")});
    return request;
}

// A data request: the access token from the sign-in, never the password.
HttpRequest authorizedRequest(const Connection &connection, const QString &tail)
{
    HttpRequest request = apiRequest(connection, tail);
    if (!connection.accessToken.isEmpty())
        request.headers.append({QByteArrayLiteral("Authorization"), "Bearer " + connection.accessToken.toUtf8()});
    return request;
}

// The auth endpoints take JSON bodies; credentials go there, never in the URL.
HttpRequest authRequest(const Connection &connection, const QString &action, const nlohmann::ordered_json &body)
{
    HttpRequest request = apiRequest(connection, u"auth/"_s + action);
    request.method = QByteArrayLiteral("POST");
    request.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
    request.body
        = QByteArray::fromStdString(body.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
    return request;
}

} // namespace

QString PortSipProvider::id() const
{
    return u"portsip"_s;
}

QString PortSipProvider::displayName() const
{
    return u"PortSIP PBX"_s;
}

ProfileFieldLabels PortSipProvider::profileFields() const
{
    ProfileFieldLabels labels{u"https://pbx.example.com:8887"_s, tr("Username"), tr("Password"), {}};
    labels.userNoun = tr("username", "inside a sentence");
    labels.secretNoun = tr("password", "inside a sentence");
    labels.options = {
        {kDomainOption, ProfileOption::Kind::Text, tr("Tenant SIP domain"),
            tr("The tenant's SIP domain, needed by tenant users of a multi-tenant PBX; leave it empty otherwise"),
            tr("optional, e.g. sip.example.com")},
        {kSkipOneBasedOption, ProfileOption::Kind::Flag, tr("Count “skip” from 1"),
            tr("Some servers count skip from 1 rather than 0 (PortSIP's documentation says both). Tick this if "
               "the first call of every page after the first is missing or repeated."),
            {}},
        {kDollarNamesOption, ProfileOption::Kind::Flag, tr("OData parameter names ($filter, $top…)"),
            tr("Send $filter, $top, $skip, $orderby and $count instead of the plain names, for servers "
               "that want them in OData style"),
            {}},
        {kRateLimitOption, ProfileOption::Kind::Count, tr("Rate limit (requests a minute)"),
            tr("How many API requests a minute the server allows (access_limit in its system.ini). "
               "Empty: %1, the lowest PortSIP ships with.")
                .arg(kDefaultRateLimit),
            QString::number(kDefaultRateLimit)},
    };
    return labels;
}

QList<FilterSpec> PortSipProvider::filters() const
{
    return PortSipFilters::specs();
}

TimeRangePolicy PortSipProvider::timeRange() const
{
    // No documented limits. A window is always sent, so rows arriving during
    // paging cannot shift the skip offsets.
    return {tr("Start time"), std::nullopt, std::nullopt, 24h * 30, true};
}

QList<FieldError> PortSipProvider::validate(const SearchQuery &query, const QDateTime &) const
{
    return PortSipFilters::validate(query);
}

bool PortSipProvider::signsIn(const Connection &) const
{
    return true;
}

HttpRequest PortSipProvider::signInRequest(const Connection &connection) const
{
    nlohmann::ordered_json body;
    body["username"] = connection.user.toStdString();
    body["password"] = connection.secret.toStdString();
    if (const QString domain = connection.options.value(kDomainOption).trimmed(); !domain.isEmpty())
        body["domain"] = domain.toStdString();
    return authRequest(connection, u"sign_in"_s, body);
}

std::optional<HttpRequest> PortSipProvider::refreshRequest(const Connection &connection, const AuthTokens &tokens) const
{
    if (tokens.refreshToken.isEmpty())
        return std::nullopt;
    nlohmann::ordered_json body;
    body["refresh_token"] = tokens.refreshToken.toStdString();
    return authRequest(connection, u"refresh_token"_s, body);
}

HttpRequest PortSipProvider::oneTimeCodeRequest(
    const Connection &connection, const QString &challenge, const QString &code) const
{
    nlohmann::ordered_json body;
    body["token"] = challenge.toStdString();
    body["code"] = code.trimmed().toStdString();
    return authRequest(connection, u"verify_otp"_s, body);
}

SignInResult PortSipProvider::parseSignIn(
    SignInStep, int httpStatus, const QByteArray &body, const QDateTime &nowUtc) const
{
    // The three replies share one shape, so the step changes nothing here.
    return PortSipParser::parseSignIn(httpStatus, body, nowUtc);
}

PagingPolicy PortSipProvider::paging() const
{
    // Up to 16 in flight; the adaptive limit climbs only as far as the rate and the round trip make useful.
    return {kMaxTop, 16, kDefaultRateLimit, std::chrono::milliseconds(60s), true};
}

PagingPolicy PortSipProvider::pagingFor(const Connection &connection) const
{
    PagingPolicy policy = paging();
    policy.rateLimitRequests = rateLimitOf(connection);
    return policy;
}

bool PortSipProvider::isRateLimitRefusal(int httpStatus, const QByteArray &) const
{
    // The throttling status is undocumented; an API gateway may answer either.
    return httpStatus == 429 || httpStatus == 503;
}

HttpRequest PortSipProvider::pageRequest(
    const Connection &connection, const SearchQuery &query, qint64 offset, int limit) const
{
    HttpRequest request = authorizedRequest(connection, u"cdrs"_s);
    const bool dollar = isSet(connection, kDollarNamesOption);
    const auto name = [dollar](QLatin1StringView plain) { return dollar ? u'$' + plain : QString(plain); };

    // The user's own orderby (an extra parameter) replaces ours; a filter is ANDed in by expression().
    QString orderBy;
    for (const auto &[key, value] : query.extraParams) {
        if (key == "orderby"_L1 || key == "$orderby"_L1)
            orderBy = value;
    }
    if (orderBy.isEmpty()) {
        const QLatin1StringView field = kServerSort.fieldFor(query.sortColumn).value_or(kDefaultSort);
        orderBy = field + (query.sortDescending ? " desc"_L1 : " asc"_L1);
        // Ties keep one order from page to page, so skip cannot repeat or miss a row.
        if (field != kDefaultSort)
            orderBy += u", "_s + kDefaultSort + " asc"_L1;
    }

    QByteArray params;
    addParam(params, name("top"_L1), QString::number(std::clamp(limit, 1, kMaxTop)));
    addParam(params, name("skip"_L1),
        QString::number(std::max<qint64>(0, offset) + (isSet(connection, kSkipOneBasedOption) ? 1 : 0)));
    addParam(params, name("count"_L1), u"true"_s);
    addParam(params, name("orderby"_L1), orderBy);
    if (const QString filter = PortSipFilters::expression(query); !filter.isEmpty())
        addParam(params, name("filter"_L1), filter);
    if (const QString search = PortSipFilters::searchText(query); !search.isEmpty())
        addParam(params, u"search"_s, search);
    for (const auto &[key, value] : query.extraParams) {
        if (!PortSipFilters::isFilterParam(key) && key != "orderby"_L1 && key != "$orderby"_L1)
            addParam(params, key, value);
    }
    request.url.setQuery(QString::fromLatin1(params), QUrl::StrictMode);
    return request;
}

PageResult PortSipProvider::parsePage(const QByteArray &body) const
{
    return PortSipParser::parsePage(body);
}

HttpRequest PortSipProvider::recordRequest(const Connection &connection, const QString &id) const
{
    return authorizedRequest(connection, u"cdrs/"_s + QString::fromLatin1(QUrl::toPercentEncoding(id)));
}

RecordResult PortSipProvider::parseRecord(const QByteArray &body) const
{
    // The reply's item has no id; the caller knows which one it asked for.
    return PortSipParser::parseRecord(body);
}

ApiError PortSipProvider::errorFromReply(int httpStatus, const QByteArray &body) const
{
    return PortSipParser::errorFromReply(httpStatus, body);
}

QList<FieldExplanation> PortSipProvider::explain(const CdrRecord &record) const
{
    return PortSipVocabulary::explain(record);
}

QStringList PortSipProvider::defaultColumns() const
{
    return {columnKey(UnifiedField::StartTime), columnKey(UnifiedField::EndTime), columnKey(UnifiedField::Caller),
        columnKey(UnifiedField::Callee), columnKey(UnifiedField::Direction), columnKey(UnifiedField::Duration),
        columnKey(UnifiedField::HangupCause), rawPrefix + u"status_code"_s, columnKey(UnifiedField::Trunk)};
}

QStringList PortSipProvider::serverSortableColumns() const
{
    return kServerSort.columnKeys();
}

int PortSipProvider::rateLimitOf(const Connection &connection)
{
    bool ok = false;
    const int perMinute = connection.options.value(kRateLimitOption).trimmed().toInt(&ok);
    return ok && perMinute > 0 ? perMinute : kDefaultRateLimit;
}
