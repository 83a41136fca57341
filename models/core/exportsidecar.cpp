#include "exportsidecar.h"

#include "jsonfieldreader.h"

#include <QFile>
#include <QSaveFile>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <limits>
#include <string>

using namespace Qt::StringLiterals;

// The file is read by people and by cdr-export --repeat, possibly years later
// and from another machine: keys keep a fixed order (ordered_json), times are
// ISO 8601 UTC with 'Z', enums are words, and a "format"/"version" marker lets
// a reader refuse what it does not understand instead of guessing.
//
// Reading treats the file as hostile: every value's type is checked before
// use, unknown keys are ignored (a later version 1 writer may add some), and
// nothing in it can make us throw or recurse without bound.

namespace {

using Json = nlohmann::ordered_json;

constexpr auto kFormatMarker = "cdr-browser-export-sidecar";
constexpr int kVersion = 1;
constexpr int kMaxDepth = 16; // the sidecar nests three levels; anything deeper is not ours
constexpr qint64 kMaxFileSize = 4 * 1024 * 1024;

std::string utf8(const QString &text)
{
    return text.toStdString();
}

Json timeJson(const QDateTime &time)
{
    if (!time.isValid())
        return nullptr;
    const QDateTime utc = time.toUTC();
    // Whole seconds are the rule (query windows); milliseconds only when there are some.
    return utf8(utc.toString(utc.time().msec() == 0 ? Qt::ISODate : Qt::ISODateWithMs));
}

// The words the file uses for enums; the first of each is the fallback.
constexpr std::array kScopeWords{std::pair{ExportSidecar::Scope::Matching, "matching"},
    std::pair{ExportSidecar::Scope::Selected, "selected"}, std::pair{ExportSidecar::Scope::Loaded, "loaded"}};
constexpr std::array kFormatWords{std::pair{ExportFormat::Csv, "csv"}, std::pair{ExportFormat::Tsv, "tsv"},
    std::pair{ExportFormat::JsonLines, "jsonl"}};
constexpr std::array kDurationWords{std::pair{DurationStyle::Seconds, "seconds"}, std::pair{DurationStyle::Hms, "hms"}};

template <typename Enum, std::size_t N>
QString wordFor(const std::array<std::pair<Enum, const char *>, N> &words, Enum value)
{
    const auto it
        = std::find_if(words.cbegin(), words.cend(), [value](const auto &word) { return word.first == value; });
    return QLatin1StringView(it == words.cend() ? words.front().second : it->second);
}

template <typename Enum, std::size_t N>
std::optional<Enum> valueFor(const std::array<std::pair<Enum, const char *>, N> &words, QStringView word)
{
    const auto it = std::find_if(
        words.cbegin(), words.cend(), [word](const auto &entry) { return word == QLatin1StringView(entry.second); });
    return it == words.cend() ? std::nullopt : std::optional<Enum>(it->first);
}

// A separator the record writer can use without breaking its own quoting.
bool isUsableSeparator(QStringView text)
{
    if (text.size() != 1)
        return false;
    const char16_t c = text.front().unicode();
    if (c == u'\t')
        return true;
    if (c < 0x20 || c > 0x7e || c == u'"')
        return false;
    return !((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z'));
}

bool isSha256Hex(const QByteArray &text)
{
    return text.size() == 64 && std::all_of(text.cbegin(), text.cend(), [](char c) { return std::isxdigit(uchar(c)); });
}

Json queryJson(const SearchQuery &query)
{
    Json filters = Json::object();
    for (auto it = query.filters.cbegin(); it != query.filters.cend(); ++it)
        filters[utf8(it.key())] = utf8(it.value());
    Json extra = Json::array();
    for (const auto &[name, value] : query.extraParams)
        extra.push_back(Json::array({utf8(name), utf8(value)}));

    Json json = Json::object();
    json["since"] = timeJson(query.since);
    json["until"] = timeJson(query.until);
    json["filters"] = std::move(filters);
    json["extraParams"] = std::move(extra);
    json["sortColumn"] = utf8(query.sortColumn);
    json["sortDescending"] = query.sortDescending;
    return json;
}

Json formatJson(const ExportFormatOptions &format)
{
    Json json = Json::object();
    json["format"] = utf8(wordFor(kFormatWords, format.format));
    json["separator"] = std::string(1, format.separator);
    json["decimalPoint"] = std::string(1, format.decimalPoint);
    json["byteOrderMark"] = format.byteOrderMark;
    json["formulaGuard"] = format.formulaGuard;
    json["zoneInHeader"] = format.zoneInHeader;
    json["durations"] = utf8(wordFor(kDurationWords, format.durations));
    json["zone"] = utf8(zoneName(format.zone));
    return json;
}

void readQuery(JsonFieldReader &reader, const Json &json, SearchQuery &query)
{
    reader.time(json, "since", u"query.since"_s, query.since);
    reader.time(json, "until", u"query.until"_s, query.until);
    reader.textMap(json, "filters", u"query.filters"_s, query.filters);
    reader.pairList(json, "extraParams", u"query.extraParams"_s, query.extraParams);
    reader.text(json, "sortColumn", u"query.sortColumn"_s, query.sortColumn);
    reader.flag(json, "sortDescending", u"query.sortDescending"_s, query.sortDescending);
    if (reader.ok() && query.since.isValid() && query.until.isValid() && query.since >= query.until)
        reader.fail(ExportSidecarFile::tr("“%1” must be later than “query.since”.").arg(u"query.until"_s));
}

void readFormat(JsonFieldReader &reader, const Json &json, ExportFormatOptions &format)
{
    QString key = wordFor(kFormatWords, format.format);
    reader.text(json, "format", u"fileFormat.format"_s, key);
    if (const auto parsed = valueFor(kFormatWords, key))
        format.format = *parsed;
    else
        reader.fail(ExportSidecarFile::tr("“%1” must be “csv”, “tsv” or “jsonl”.").arg(u"fileFormat.format"_s));

    QString separator = QString(QLatin1Char(format.separator));
    reader.text(json, "separator", u"fileFormat.separator"_s, separator);
    if (isUsableSeparator(separator))
        format.separator = char(separator.front().unicode());
    else
        reader.fail(ExportSidecarFile::tr("“%1” must be one punctuation character or a tab.").arg(u"fileFormat.separator"_s));

    QString decimalPoint = QString(QLatin1Char(format.decimalPoint));
    reader.text(json, "decimalPoint", u"fileFormat.decimalPoint"_s, decimalPoint);
    if (decimalPoint == u"."_s || decimalPoint == u","_s)
        format.decimalPoint = char(decimalPoint.front().unicode());
    else
        reader.fail(ExportSidecarFile::tr("“%1” must be “.” or “,”.").arg(u"fileFormat.decimalPoint"_s));

    reader.flag(json, "byteOrderMark", u"fileFormat.byteOrderMark"_s, format.byteOrderMark);
    reader.flag(json, "formulaGuard", u"fileFormat.formulaGuard"_s, format.formulaGuard);
    reader.flag(json, "zoneInHeader", u"fileFormat.zoneInHeader"_s, format.zoneInHeader);

    QString durations = wordFor(kDurationWords, format.durations);
    reader.text(json, "durations", u"fileFormat.durations"_s, durations);
    if (const auto parsed = durationStyleFromKey(durations))
        format.durations = *parsed;
    else
        reader.fail(ExportSidecarFile::tr("“%1” must be “seconds” or “hms”.").arg(u"fileFormat.durations"_s));

    QString zone = zoneName(format.zone);
    reader.text(json, "zone", u"fileFormat.zone"_s, zone);
    if (const auto parsed = exportZoneFromKey(zone))
        format.zone = *parsed;
    else
        reader.fail(ExportSidecarFile::tr("“%1” is not a time zone this system knows.").arg(u"fileFormat.zone"_s));
}

} // namespace

QString ExportSidecarFile::pathFor(const QString &exportPath)
{
    return exportPath + ".json"_L1;
}

QByteArray ExportSidecarFile::toJson(const ExportSidecar &sidecar)
{
    Json options = Json::object();
    for (auto it = sidecar.options.cbegin(); it != sidecar.options.cend(); ++it)
        options[utf8(it.key())] = utf8(it.value());
    Json columns = Json::array();
    for (const QString &column : sidecar.columns)
        columns.push_back(utf8(column));

    Json json = Json::object();
    json["format"] = kFormatMarker;
    json["version"] = kVersion;
    json["provider"] = utf8(sidecar.providerId);
    json["profileName"] = utf8(sidecar.profileName);
    // A password in the URL's user info would be a secret; it never belongs here.
    json["baseUrl"] = utf8(sidecar.baseUrl.adjusted(QUrl::RemovePassword).toString(QUrl::FullyEncoded));
    json["user"] = utf8(sidecar.user);
    json["options"] = std::move(options);
    json["pinnedCertificateSha256"] = sidecar.pinnedCertificateSha256.toLower().toStdString();
    json["scope"] = utf8(wordFor(kScopeWords, sidecar.scope));
    json["query"] = queryJson(sidecar.query);
    json["columns"] = std::move(columns);
    json["fileFormat"] = formatJson(sidecar.format);
    json["preset"] = utf8(sidecar.presetKey);
    json["fetchedAt"] = timeJson(sidecar.fetchedAt);
    json["rowCount"] = sidecar.rowCount;
    json["complete"] = sidecar.complete;
    // replace: a stray invalid UTF-16 surrogate must not throw out of a writer.
    std::string text = json.dump(2, ' ', false, Json::error_handler_t::replace);
    text += '\n';
    return QByteArray::fromStdString(text);
}

std::optional<ExportSidecar> ExportSidecarFile::fromJson(const QByteArray &json, QString *errorText)
{
    auto failWith = [errorText](const QString &reason) -> std::optional<ExportSidecar> {
        if (errorText)
            *errorText = reason;
        return std::nullopt;
    };

    bool tooDeep = false;
    const Json::parser_callback_t depthGuard = [&tooDeep](int depth, Json::parse_event_t, Json &) {
        if (depth > kMaxDepth)
            tooDeep = true;
        return !tooDeep;
    };
    const Json root = Json::parse(json.begin(), json.end(), depthGuard, false);
    if (tooDeep)
        return failWith(tr("This is not an export description: it is nested too deeply."));
    if (root.is_discarded())
        return failWith(tr("This is not an export description: it is not valid JSON."));
    if (!root.is_object())
        return failWith(tr("This is not an export description: it is not a JSON object."));

    const auto marker = root.find("format");
    if (marker == root.end() || !marker->is_string() || marker->get<std::string>() != kFormatMarker)
        return failWith(
            tr("This is not an export description (its “format” is not “%1”).").arg(QLatin1StringView(kFormatMarker)));
    const auto version = root.find("version");
    if (version == root.end() || !version->is_number_integer())
        return failWith(tr("The export description has no valid “version”."));
    if (version->get<qint64>() > kVersion)
        return failWith(tr("The export description was written by a newer version (format version %1); "
                           "this program reads version %2.")
                            .arg(version->get<qint64>())
                            .arg(kVersion));
    if (version->get<qint64>() < 1)
        return failWith(tr("The export description has no valid “version”."));

    JsonFieldReader reader;
    ExportSidecar sidecar;
    reader.text(root, "provider", u"provider"_s, sidecar.providerId);
    if (reader.ok() && sidecar.providerId.isEmpty())
        reader.fail(tr("“%1” must name the provider.").arg(u"provider"_s));
    reader.text(root, "profileName", u"profileName"_s, sidecar.profileName);

    QString baseUrl;
    reader.text(root, "baseUrl", u"baseUrl"_s, baseUrl);
    if (!baseUrl.isEmpty()) {
        sidecar.baseUrl = QUrl(baseUrl, QUrl::StrictMode);
        if (!sidecar.baseUrl.isValid() || sidecar.baseUrl.isRelative())
            reader.fail(tr("“%1” must be an absolute URL.").arg(u"baseUrl"_s));
        sidecar.baseUrl = sidecar.baseUrl.adjusted(QUrl::RemovePassword);
    }
    reader.text(root, "user", u"user"_s, sidecar.user);
    reader.textMap(root, "options", u"options"_s, sidecar.options);

    QString pin;
    reader.text(root, "pinnedCertificateSha256", u"pinnedCertificateSha256"_s, pin);
    if (!pin.isEmpty()) {
        sidecar.pinnedCertificateSha256 = pin.toLatin1().toLower();
        if (!isSha256Hex(sidecar.pinnedCertificateSha256))
            reader.fail(tr("“%1” must be 64 hexadecimal digits.").arg(u"pinnedCertificateSha256"_s));
    }

    QString scope = wordFor(kScopeWords, sidecar.scope);
    reader.text(root, "scope", u"scope"_s, scope);
    if (const auto parsed = valueFor(kScopeWords, scope))
        sidecar.scope = *parsed;
    else
        reader.fail(tr("“%1” must be “selected”, “loaded” or “matching”.").arg(u"scope"_s));

    if (const Json *query = reader.object(root, "query", u"query"_s))
        readQuery(reader, *query, sidecar.query);
    reader.textList(root, "columns", u"columns"_s, sidecar.columns);
    if (const Json *format = reader.object(root, "fileFormat", u"fileFormat"_s))
        readFormat(reader, *format, sidecar.format);

    reader.text(root, "preset", u"preset"_s, sidecar.presetKey);
    if (const auto preset = exportPresetFromKey(sidecar.presetKey))
        sidecar.presetKey = exportPresetKey(*preset); // "Excel" by hand reads as "excel"
    else if (!sidecar.presetKey.isEmpty())
        reader.fail(tr("“%1” must be “excel”, “rfc4180”, “tsv”, “jsonl” or empty.").arg(u"preset"_s));
    reader.time(root, "fetchedAt", u"fetchedAt"_s, sidecar.fetchedAt);

    if (const auto rows = root.find("rowCount"); rows != root.end()) {
        if (rows->is_number_unsigned() && rows->get<quint64>() <= quint64(std::numeric_limits<qint64>::max()))
            sidecar.rowCount = rows->get<qint64>();
        else if (rows->is_number_integer() && !rows->is_number_unsigned())
            reader.fail(tr("“%1” must not be negative.").arg(u"rowCount"_s));
        else
            reader.fail(tr("“%1” must be a whole number.").arg(u"rowCount"_s));
    }
    reader.flag(root, "complete", u"complete"_s, sidecar.complete);

    if (!reader.ok())
        return failWith(tr("The export description is not valid: %1").arg(reader.error));
    return sidecar;
}

bool ExportSidecarFile::write(const ExportSidecar &sidecar, const QString &exportPath, QString *errorText)
{
    return writeFile(sidecar, pathFor(exportPath), errorText);
}

bool ExportSidecarFile::writeFile(const ExportSidecar &sidecar, const QString &sidecarPath, QString *errorText)
{
    const QString &path = sidecarPath;
    QSaveFile file(path);
    const QByteArray text = toJson(sidecar);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size() || !file.commit()) {
        if (errorText)
            *errorText = tr("Cannot write the export description %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

std::optional<ExportSidecar> ExportSidecarFile::read(const QString &sidecarPath, QString *errorText)
{
    QFile file(sidecarPath);
    if (!file.open(QIODevice::ReadOnly)) {
        if (errorText)
            *errorText = tr("Cannot read the export description %1: %2").arg(sidecarPath, file.errorString());
        return std::nullopt;
    }
    // A sidecar is a few kilobytes; reading an arbitrary large file whole is not worth the risk.
    const QByteArray json = file.read(kMaxFileSize + 1);
    if (json.size() > kMaxFileSize) {
        if (errorText)
            *errorText = tr("The export description %1 is too large to be one.").arg(sidecarPath);
        return std::nullopt;
    }
    QString reason;
    auto sidecar = fromJson(json, &reason);
    if (!sidecar && errorText)
        *errorText = tr("%1: %2").arg(sidecarPath, reason);
    return sidecar;
}
