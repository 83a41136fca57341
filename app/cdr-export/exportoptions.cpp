#include "exportoptions.h"

#include "columns.h"
#include "providerregistry.h"
#include "repeatoptions.h"

#include <QCommandLineParser>
#include <QLocale>

#include <algorithm>
#include <cctype>
#include <optional>

using namespace Qt::StringLiterals;

namespace {

std::optional<FilterSpec> filterWithRole(const Provider &provider, FilterRole role)
{
    const QList<FilterSpec> specs = provider.filters();
    const auto it
        = std::find_if(specs.cbegin(), specs.cend(), [role](const FilterSpec &spec) { return spec.role == role; });
    if (it == specs.cend())
        return std::nullopt;
    return *it;
}

// The wire value of the choice the user named, by its value or one of its aliases.
std::optional<QString> choiceFor(const FilterSpec &spec, const QString &word)
{
    for (const FilterChoice &choice : spec.choices) {
        if (choice.value == word || choice.aliases.contains(word, Qt::CaseInsensitive))
            return choice.value;
    }
    return std::nullopt;
}

// What --help and errors offer: the aliases where there are any (the friendlier words).
QStringList choiceWords(const FilterSpec &spec)
{
    QStringList words;
    for (const FilterChoice &choice : spec.choices) {
        if (choice.aliases.isEmpty())
            words.append(choice.value);
        else
            words += choice.aliases;
    }
    return words;
}

} // namespace

QDateTime ExportCommandLine::parseTime(const QString &text)
{
    const QString trimmed = text.trimmed();
    QDateTime time = QDateTime::fromString(trimmed, Qt::ISODateWithMs);
    if (!time.isValid())
        time = QDateTime::fromString(trimmed, Qt::ISODate);
    // A time without a zone would be read in the local zone of whatever machine
    // runs the job; scheduled exports must not depend on that.
    if (!time.isValid() || time.timeSpec() == Qt::LocalTime)
        return {};
    return time.toUTC();
}

void ExportCommandLine::readFormat(const QString &preset, const QString &format, const QString &zone,
    const QString &duration, ExportOptions &options, QStringList &errors)
{
    ExportFormatOptions &out = options.format;
    // Under --repeat, options.format holds the sidecar's: what is not given here stays as it was.
    if (!preset.isEmpty()) {
        const std::optional<ExportPreset> chosen = exportPresetFromKey(preset);
        if (!chosen || (*chosen != ExportPreset::Excel && *chosen != ExportPreset::Rfc4180)) {
            errors.append(tr("--preset must be excel or rfc4180."));
            return;
        }
        // Excel's separator follows the locale of whoever opens the file: the same as this machine's, usually.
        out = ExportFormatOptions::preset(*chosen, QLocale::system());
        options.presetKey = exportPresetKey(*chosen);
    }
    if (!format.isEmpty()) {
        if (format == "tsv"_L1 || format == "jsonl"_L1) {
            if (!preset.isEmpty()) {
                errors.append(tr("--preset applies to CSV only; leave it out with --format %1.").arg(format));
                return;
            }
            out = format == "tsv"_L1 ? ExportFormatOptions::tsv() : ExportFormatOptions::jsonLines();
            options.presetKey = format;
        } else if (format == "csv"_L1 && out.format != ExportFormat::Csv && preset.isEmpty()) {
            out = ExportOptions::plainCsv(); // a repeated TSV or JSON Lines export asked for as CSV
            options.presetKey.clear();
        } else if (format != "csv"_L1) {
            errors.append(tr("--format must be csv, tsv or jsonl."));
            return;
        }
    }
    if (!zone.isEmpty()) {
        const std::optional<QTimeZone> chosen = exportZoneFromKey(zone);
        if (!chosen) {
            errors.append(tr("--timezone “%1” is not a time zone: give UTC, local, or a name such as Europe/Berlin.")
                              .arg(zone));
            return;
        }
        out.zone = *chosen;
        out.zoneInHeader = true;
    }
    if (!duration.isEmpty()) {
        const std::optional<DurationStyle> style = durationStyleFromKey(duration);
        if (!style) {
            errors.append(tr("--duration must be seconds or hms."));
            return;
        }
        out.durations = *style;
    }
    // A file made for people names the zone of its times; the plain default stays machine-friendly.
    if (!preset.isEmpty() && preset != "rfc4180"_L1)
        out.zoneInHeader = true;
}

void ExportCommandLine::readProfileOptions(const QStringList &pairs, const QString &domain, bool domainGiven,
    ExportOptions &options, QStringList &errors)
{
    if (!options.provider)
        return;
    const QList<ProfileOption> known = options.provider->profileFields().options;
    const auto find = [&known](const QString &key) {
        const auto it = std::find_if(
            known.cbegin(), known.cend(), [&key](const ProfileOption &option) { return option.key == key; });
        return it == known.cend() ? std::optional<ProfileOption>() : std::optional<ProfileOption>(*it);
    };
    QStringList entries = pairs;
    if (domainGiven)
        entries.append(u"domain="_s + domain);
    for (const QString &entry : std::as_const(entries)) {
        const qsizetype equals = entry.indexOf(u'=');
        const QString key = equals > 0 ? entry.left(equals).trimmed() : entry.trimmed();
        const std::optional<ProfileOption> option = find(key);
        if (!option) {
            QStringList keys;
            for (const ProfileOption &candidate : known)
                keys.append(candidate.key);
            errors.append(keys.isEmpty()
                    ? tr("%1 has no setting “%2”.").arg(options.provider->displayName(), key)
                    : tr("%1 has no setting “%2”; it has: %3.")
                          .arg(options.provider->displayName(), key, keys.join(u", "_s)));
            continue;
        }
        QString value = equals > 0 ? entry.mid(equals + 1).trimmed() : QString();
        if (option->kind == ProfileOption::Kind::Flag) {
            // A flag given without a value means "on", as it reads.
            const QString lower = value.toLower();
            if (equals < 0 || lower == "1"_L1 || lower == "true"_L1 || lower == "yes"_L1 || lower == "on"_L1) {
                value = u"1"_s;
            } else if (lower == "0"_L1 || lower == "false"_L1 || lower == "no"_L1 || lower == "off"_L1) {
                value.clear();
            } else {
                errors.append(tr("--option %1 is a yes/no setting: give 1 or 0.").arg(key));
                continue;
            }
        } else if (value.isEmpty()) {
            errors.append(tr("--option %1 needs a value (KEY=VALUE).").arg(key));
            continue;
        } else if (option->kind == ProfileOption::Kind::Count && value.toInt() < 1) {
            errors.append(tr("--option %1 needs a whole number of at least 1.").arg(key));
            continue;
        }
        if (value.isEmpty())
            options.connection.options.remove(key);
        else
            options.connection.options.insert(key, value);
    }
}

ExportArguments ExportCommandLine::parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption providerOption(u"provider"_s, QString(), u"PROVIDER"_s);
    const QCommandLineOption urlOption(u"url"_s, QString(), u"BASE_URL"_s);
    const QCommandLineOption userOption(u"user"_s, QString(), u"USER"_s);
    const QCommandLineOption secretOption(u"password-env"_s, QString(), u"VAR"_s);
    const QCommandLineOption sinceOption(u"since"_s, QString(), u"TIME"_s);
    const QCommandLineOption untilOption(u"until"_s, QString(), u"TIME"_s);
    const QCommandLineOption callerOption(u"caller"_s, QString(), u"NUMBER"_s);
    const QCommandLineOption calleeOption(u"callee"_s, QString(), u"NUMBER"_s);
    const QCommandLineOption directionOption(u"direction"_s, QString(), u"DIRECTION"_s);
    const QCommandLineOption paramOption(u"param"_s, QString(), u"KEY=VALUE"_s);
    const QCommandLineOption columnsOption(u"columns"_s, QString(), u"KEYS"_s);
    const QCommandLineOption outputOption(u"output"_s, QString(), u"FILE"_s);
    const QCommandLineOption profileOption(u"option"_s, QString(), u"KEY=VALUE"_s);
    const QCommandLineOption domainOption(u"domain"_s, QString(), u"DOMAIN"_s);
    const QCommandLineOption trustOption(u"trust-certificate"_s, QString(), u"SHA256"_s);
    const QCommandLineOption presetOption(u"preset"_s, QString(), u"PRESET"_s);
    const QCommandLineOption formatOption(u"format"_s, QString(), u"FORMAT"_s);
    const QCommandLineOption zoneOption(u"timezone"_s, QString(), u"ZONE"_s);
    const QCommandLineOption durationOption(u"duration"_s, QString(), u"STYLE"_s);
    const QCommandLineOption totalsOption(u"totals"_s);
    const QCommandLineOption sidecarOption(u"sidecar"_s, QString(), u"FILE"_s);
    const QCommandLineOption repeatOption(u"repeat"_s, QString(), u"FILE"_s);
    const QCommandLineOption helpOption(QStringList{u"help"_s, u"h"_s});
    parser.addOptions({providerOption, urlOption, userOption, secretOption, sinceOption, untilOption, callerOption,
        calleeOption, directionOption, paramOption, columnsOption, outputOption, profileOption, domainOption,
        trustOption, presetOption, formatOption, zoneOption, durationOption, totalsOption, sidecarOption, repeatOption,
        helpOption});

    ExportArguments result;
    QStringList &errors = result.errors;
    if (!parser.parse(arguments)) {
        errors.append(parser.errorText());
        return result;
    }
    if (parser.isSet(helpOption)) {
        result.outcome = ExportArguments::Outcome::Help;
        return result;
    }
    if (!parser.positionalArguments().isEmpty())
        errors.append(tr("Unexpected argument: %1").arg(parser.positionalArguments().constFirst()));

    // Options given twice would silently lose one value; only --param and --option repeat.
    for (const QCommandLineOption *option : {&providerOption, &urlOption, &userOption, &secretOption, &sinceOption,
             &untilOption, &callerOption, &calleeOption, &directionOption, &columnsOption, &outputOption, &domainOption,
             &trustOption, &presetOption, &formatOption, &zoneOption, &durationOption, &sidecarOption, &repeatOption}) {
        if (parser.values(*option).size() > 1)
            errors.append(tr("--%1 is given more than once.").arg(option->names().constFirst()));
    }

    ExportOptions &options = result.options;

    const bool repeating = parser.isSet(repeatOption);
    const QString providerId = parser.value(providerOption);
    if (repeating) {
        RepeatCommandLine::read(parser, options, errors);
    } else if (providerId.isEmpty()) {
        errors.append(tr("--provider is required."));
    } else {
        options.provider = ProviderRegistry::find(providerId);
        if (!options.provider)
            errors.append(tr("Unknown provider “%1”.").arg(providerId));
    }

    if (!repeating) {
        options.connection.user = parser.value(userOption);
        if (options.connection.user.isEmpty())
            errors.append(tr("--user is required."));
    }

    // Only the variable's name is ever shown; its value is the secret.
    options.secretVariable = parser.value(secretOption);
    if (options.secretVariable.isEmpty() && repeating) {
        errors.append(tr("--password-env is required with --repeat too: the export description never holds the "
                         "secret; name the environment variable that does."));
    } else if (options.secretVariable.isEmpty()) {
        errors.append(tr("--password-env is required: the name of the environment variable holding the secret."));
    } else if (qEnvironmentVariableIsEmpty(options.secretVariable.toLocal8Bit().constData())) {
        errors.append(
            tr("The environment variable %1 (from --password-env) is not set or empty.").arg(options.secretVariable));
    } else {
        options.connection.secret = qEnvironmentVariable(options.secretVariable.toLocal8Bit().constData());
    }

    if (parser.isSet(urlOption)) {
        const QUrl url(parser.value(urlOption), QUrl::StrictMode);
        // The URL is not echoed back: it might carry credentials the user put there.
        if (!url.isValid() || url.host().isEmpty()
            || (url.scheme() != QLatin1StringView("https") && url.scheme() != QLatin1StringView("http"))) {
            errors.append(tr("--url must be an http or https URL with a host."));
        } else if (!url.userInfo().isEmpty()) {
            errors.append(tr("--url must not contain credentials; use --user and --password-env."));
        } else {
            options.connection.baseUrl = url;
        }
    } else if (options.provider && !repeating) {
        options.connection.baseUrl = QUrl(options.provider->profileFields().defaultBaseUrl);
    }

    const auto readTime = [&](const QCommandLineOption &option, QDateTime &target) {
        if (!parser.isSet(option))
            return;
        target = parseTime(parser.value(option));
        if (!target.isValid()) {
            errors.append(tr("--%1 “%2” is not an ISO 8601 time with a zone (e.g. 2024-05-01T00:00:00Z or "
                             "2024-05-01T02:00:00+02:00).")
                              .arg(option.names().constFirst(), parser.value(option)));
        }
    };
    readTime(sinceOption, options.query.since);
    readTime(untilOption, options.query.until);
    if (!options.optionForKey.contains(u"since"_s)) { // --repeat names its stored window itself
        options.optionForKey.insert(u"since"_s, u"--since"_s);
        options.optionForKey.insert(u"until"_s, u"--until"_s);
    }

    const auto setRoleFilter = [&](const QCommandLineOption &option, FilterRole role) {
        if (!parser.isSet(option) || !options.provider)
            return;
        const QString value = parser.value(option).trimmed();
        const std::optional<FilterSpec> spec = filterWithRole(*options.provider, role);
        if (!spec) {
            errors.append(
                tr("--%1 is not supported by %2.").arg(option.names().constFirst(), options.provider->displayName()));
            return;
        }
        QString wire = value;
        if (role == FilterRole::Direction) {
            const std::optional<QString> chosen = choiceFor(*spec, value);
            if (!chosen) {
                errors.append(tr("--direction must be one of: %1.").arg(choiceWords(*spec).join(u", "_s)));
                return;
            }
            wire = *chosen;
        }
        if (value.isEmpty()) {
            errors.append(tr("--%1 needs a value.").arg(option.names().constFirst()));
            return;
        }
        options.query.filters.insert(spec->key, wire);
        options.optionForKey.insert(spec->key, u"--"_s + option.names().constFirst());
    };
    setRoleFilter(callerOption, FilterRole::Caller);
    setRoleFilter(calleeOption, FilterRole::Callee);
    setRoleFilter(directionOption, FilterRole::Direction);

    for (const QString &param : parser.values(paramOption)) {
        const qsizetype equals = param.indexOf(u'=');
        if (equals <= 0) {
            errors.append(tr("--param “%1” is not of the form KEY=VALUE.").arg(param));
            continue;
        }
        options.query.extraParams.append({param.left(equals), param.mid(equals + 1)});
        options.optionForKey.insert(param.left(equals), u"--param "_s + param.left(equals));
    }

    readProfileOptions(parser.values(profileOption), parser.isSet(domainOption) ? parser.value(domainOption) : QString(),
        parser.isSet(domainOption), options, errors);

    if (parser.isSet(trustOption)) {
        // Accepts the fingerprint as browsers and openssl print it: hex, any case, colons or spaces between.
        QByteArray hex = parser.value(trustOption).toLatin1().toLower();
        hex.replace(':', QByteArray()).replace(' ', QByteArray());
        const bool isHex = std::all_of(hex.cbegin(), hex.cend(), [](char c) { return std::isxdigit(uchar(c)); });
        if (hex.size() != 64 || !isHex)
            errors.append(tr("--trust-certificate needs a SHA-256 fingerprint: 64 hexadecimal digits."));
        else
            options.connection.pinnedCertificateSha256 = hex;
    }

    if (parser.isSet(columnsOption)) {
        const QStringList keys = parser.value(columnsOption).split(u',');
        options.columns.clear(); // --repeat's stored columns are replaced, not extended
        for (const QString &rawKey : keys) {
            const QString key = rawKey.trimmed();
            if (!isValidColumnKey(key))
                errors.append(tr("Unknown column “%1”; use one of %2 or raw.<field>.")
                                  .arg(key, unifiedColumnKeys().join(u", "_s)));
            else
                options.columns.append(key);
        }
    } else if (options.provider && options.columns.isEmpty()) {
        // The id first, so every line of a file can be traced back to its call.
        options.columns = options.provider->defaultColumns();
        options.columns.removeAll(columnKey(UnifiedField::Id));
        options.columns.prepend(columnKey(UnifiedField::Id));
    }

    readFormat(parser.value(presetOption), parser.value(formatOption), parser.value(zoneOption),
        parser.value(durationOption), options, errors);

    options.totals = parser.isSet(totalsOption);
    options.outputPath = parser.value(outputOption);
    if (parser.isSet(outputOption) && options.outputPath.isEmpty())
        errors.append(tr("--output needs a file name."));
    options.sidecarPath = parser.value(sidecarOption);
    if (parser.isSet(sidecarOption) && options.sidecarPath.isEmpty())
        errors.append(tr("--sidecar needs a file name."));
    else if (!options.sidecarPath.isEmpty() && options.sidecarPath == options.outputPath)
        errors.append(tr("--sidecar must name another file than --output."));

    if (errors.isEmpty())
        result.outcome = ExportArguments::Outcome::Run;
    return result;
}
