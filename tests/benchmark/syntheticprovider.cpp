#include "syntheticprovider.h"

#include "splitmix64.h"

#include <QDate>
#include <QJsonDocument>
#include <QJsonObject>

#include <array>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kNewestEnd = 1764000000; // 2025-11-24: a fixed "now", so every run has the same data

void appendTime(QByteArray &out, qint64 secs)
{
    const qint64 days = secs / 86400;
    const qint64 rest = secs % 86400;
    const QDate date = QDate::fromJulianDay(2440588 + days);
    char text[24];
    const int n = std::snprintf(text, sizeof text, "\"%04d-%02d-%02d %02d:%02d:%02d\"", date.year(), date.month(),
        date.day(), int(rest / 3600), int(rest / 60 % 60), int(rest % 60));
    out.append(text, n);
}

void appendMoney(QByteArray &out, qint64 units) // five decimals, as Plivo sends them
{
    char text[32];
    const int n = std::snprintf(text, sizeof text, "\"%lld.%05lld\"", units / 100000, units % 100000);
    out.append(text, n);
}

void appendDigits(QByteArray &out, cdrsim::SplitMix64 &random, int count)
{
    for (int i = 0; i < count; ++i)
        out.append(char('0' + random.below(10)));
}

void appendCall(QByteArray &out, qint64 index)
{
    static constexpr std::array<const char *, 6> causes{
        "normal_hangup", "normal_hangup", "normal_hangup", "user_busy", "request_timeout_carrier", "user_cancelled"};
    static constexpr std::array<int, 6> codes{3000, 3010, 3000, 4410, 4160, 4550};
    static constexpr std::array<const char *, 3> sources{"customer", "carrier", "zentrunk"};
    static constexpr std::array<const char *, 5> countries{"US", "GB", "DE", "IN", "AU"};

    cdrsim::SplitMix64 random(0x5EED0000ULL + quint64(index));
    const int cause = random.below(int(causes.size()));
    const bool answered = cause < 3;
    const int duration = answered ? random.between(1, 3600) : 0;
    const int billed = answered ? (duration + 59) / 60 * 60 : 0;
    const qint64 rateUnits = 300 + random.below(1200);
    const qint64 end = kNewestEnd - index * 7 - random.below(7);
    const qint64 start = end - duration - random.between(3, 40);

    out += "{\"call_uuid\":\"";
    const quint64 a = random.next();
    const quint64 b = random.next();
    char uuid[40];
    const int uuidLength = std::snprintf(uuid, sizeof uuid, "%08llx-%04llx-%04llx-%04llx-%012llx",
        (unsigned long long)(a >> 32), (unsigned long long)((a >> 16) & 0xFFFF), (unsigned long long)(a & 0xFFFF),
        (unsigned long long)(b >> 48), (unsigned long long)(b & 0xFFFFFFFFFFFFULL));
    out.append(uuid, uuidLength);
    out += "\",\"from_number\":\"+1";
    appendDigits(out, random, 10);
    out += "\",\"to_number\":\"+44";
    appendDigits(out, random, 10);
    out += random.below(3) == 0 ? "\",\"call_direction\":\"inbound\"" : "\",\"call_direction\":\"outbound\"";
    out += ",\"call_duration\":" + QByteArray::number(duration);
    out += ",\"bill_duration\":" + QByteArray::number(billed);
    out += ",\"end_time\":";
    appendTime(out, end);
    out += ",\"hangup_cause_name\":\"";
    out += causes[size_t(cause)];
    out += "\",\"hangup_source\":\"";
    out += sources[size_t(random.below(int(sources.size())))];
    out += "\",\"total_rate\":";
    appendMoney(out, rateUnits);
    out += ",\"total_amount\":";
    appendMoney(out, (rateUnits * billed + 30) / 60);
    out += ",\"initiation_time\":";
    appendTime(out, start);
    out += ",\"answer_time\":";
    if (answered)
        appendTime(out, end - duration);
    else
        out += "null";
    out += ",\"trunk_domain\":\"trunk";
    out += QByteArray::number(random.below(40));
    out += ".zt.plivo.com\",\"from_country\":\"";
    out += countries[size_t(random.below(int(countries.size())))];
    out += "\",\"to_country\":\"";
    out += countries[size_t(random.below(int(countries.size())))];
    out += "\",\"transport_protocol\":\"udp\",\"srtp\":false,\"hangup_cause_code\":";
    out += QByteArray::number(codes[size_t(cause)]);
    out += ",\"secure_trunking\":false,\"secure_trunking_rate\":\"0.00000\","
           "\"stir_verification\":\"Not Applicable\",\"attestation_indicator\":\"null\"}";
}

} // namespace

SyntheticProvider::SyntheticProvider(qint64 rows, int pageSize)
    : m_rows(rows)
    , m_pageSize(pageSize)
{
}

QByteArray SyntheticProvider::pageJson(qint64 first, int count, qint64 total)
{
    QByteArray out;
    out.reserve(qsizetype(count) * 720 + 200);
    out += "{\"api_id\":\"synthetic\",\"meta\":{\"limit\":" + QByteArray::number(count)
        + ",\"offset\":" + QByteArray::number(first) + ",\"total_count\":" + QByteArray::number(total)
        + ",\"previous\":null,\"next\":null},\"objects\":[";
    for (int i = 0; i < count; ++i) {
        if (i > 0)
            out += ',';
        appendCall(out, first + i);
    }
    out += "]}";
    return out;
}

QString SyntheticProvider::id() const
{
    return m_plivo.id(); // the rows are Plivo rows, shown the way Plivo's are
}

QString SyntheticProvider::displayName() const
{
    return u"Synthetic Plivo"_s;
}

PagingPolicy SyntheticProvider::paging() const
{
    return {m_pageSize, 2, 0, std::chrono::milliseconds(0), true};
}

HttpRequest SyntheticProvider::pageRequest(
    const Connection &connection, const SearchQuery &query, qint64 offset, int) const
{
    // One row is enough: only the offset in the reply's meta is read.
    return m_plivo.pageRequest(connection, query, offset, 1);
}

PageResult SyntheticProvider::parsePage(const QByteArray &body) const
{
    const QJsonObject meta = QJsonDocument::fromJson(body).object().value("meta"_L1).toObject();
    const qint64 offset = meta.value("offset"_L1).toInteger(-1);
    if (offset < 0) {
        PageResult broken;
        broken.error = m_plivo.errorFromReply(200, body);
        broken.error->kind = ApiError::Kind::Parse;
        return broken;
    }
    const int count = int(std::clamp<qint64>(m_rows - offset, 0, m_pageSize));
    PageResult page = m_plivo.parsePage(pageJson(offset, count, m_rows));
    page.total = m_rows;
    return page;
}

HttpRequest SyntheticProvider::recordRequest(const Connection &connection, const QString &id) const
{
    return m_plivo.recordRequest(connection, id);
}

ApiError SyntheticProvider::errorFromReply(int httpStatus, const QByteArray &body) const
{
    return m_plivo.errorFromReply(httpStatus, body);
}

QStringList SyntheticProvider::defaultColumns() const
{
    return m_plivo.defaultColumns();
}
