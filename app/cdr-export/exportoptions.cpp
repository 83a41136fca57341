#include "exportoptions.h"

#include "columns.h"
#include "providerregistry.h"

#include <QCommandLineParser>

#include <algorithm>
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

QStringList choiceValues(const FilterSpec &spec)
{
    QStringList values;
    for (const FilterChoice &choice : spec.choices)
        values.append(choice.value);
    return values;
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

QString ExportCommandLine::synopsis()
{
    return tr("Usage: cdr-export --provider PROVIDER --url BASE_URL --user USER --password-env VAR\n"
              "                  [--since TIME] [--until TIME] [--caller NUMBER] [--callee NUMBER]\n"
              "                  [--direction DIRECTION] [--param KEY=VALUE]... [--columns KEY,KEY,...]\n"
              "                  [--output FILE]\n");
}

QString ExportCommandLine::usageHint()
{
    return synopsis() + tr("Run “cdr-export --help” for every option.\n");
}

QString ExportCommandLine::usage()
{
    QStringList ids;
    for (const Provider *provider : ProviderRegistry::all())
        ids.append(provider->id());
    return synopsis()
        + tr("\n"
             "Exports call detail records as CSV (RFC 4180, UTF-8).\n"
             "\n"
             "  --provider PROVIDER   the provider: %1\n"
             "  --url BASE_URL        the API's base URL (default: the provider's own)\n"
             "  --user USER           the account, e.g. the Plivo auth ID\n"
             "  --password-env VAR    the environment variable holding the secret (auth token)\n"
             "  --since TIME          calls from TIME on (ISO 8601 with Z or an offset, inclusive)\n"
             "  --until TIME          calls before TIME (exclusive; default: now)\n"
             "  --caller NUMBER       calls from numbers starting with NUMBER\n"
             "  --callee NUMBER       calls to numbers starting with NUMBER\n"
             "  --direction DIRECTION the call direction, e.g. inbound or outbound\n"
             "  --param KEY=VALUE     a provider query parameter, passed on unchanged (repeatable)\n"
             "  --columns KEY,...     unified column keys and raw.<field>, in this order\n"
             "  --output FILE         write to FILE (only complete files appear); default: standard output\n"
             "  --help                show this text\n"
             "\n"
             "Exit status: 0 success, 1 provider or network error, 2 bad usage.\n"
             "Set CDR_EXPORT_DEBUG=1 to also see Qt's own diagnostics on standard error.\n")
              .arg(ids.join(u", "_s));
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
    const QCommandLineOption helpOption(QStringList{u"help"_s, u"h"_s});
    parser.addOptions({providerOption, urlOption, userOption, secretOption, sinceOption, untilOption, callerOption,
        calleeOption, directionOption, paramOption, columnsOption, outputOption, helpOption});

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

    // Options given twice would silently lose one value; only --param repeats.
    for (const QCommandLineOption *option : {&providerOption, &urlOption, &userOption, &secretOption, &sinceOption,
             &untilOption, &callerOption, &calleeOption, &directionOption, &columnsOption, &outputOption}) {
        if (parser.values(*option).size() > 1)
            errors.append(tr("--%1 is given more than once.").arg(option->names().constFirst()));
    }

    ExportOptions &options = result.options;

    const QString providerId = parser.value(providerOption);
    if (providerId.isEmpty()) {
        errors.append(tr("--provider is required."));
    } else {
        options.provider = ProviderRegistry::find(providerId);
        if (!options.provider)
            errors.append(tr("Unknown provider “%1”.").arg(providerId));
    }

    options.connection.user = parser.value(userOption);
    if (options.connection.user.isEmpty())
        errors.append(tr("--user is required."));

    // Only the variable's name is ever shown; its value is the secret.
    options.secretVariable = parser.value(secretOption);
    if (options.secretVariable.isEmpty()) {
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
    } else if (options.provider) {
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
    options.optionForKey.insert(u"since"_s, u"--since"_s);
    options.optionForKey.insert(u"until"_s, u"--until"_s);

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
        if (role == FilterRole::Direction && !choiceValues(*spec).contains(value)) {
            errors.append(tr("--direction must be one of: %1.").arg(choiceValues(*spec).join(u", "_s)));
            return;
        }
        if (value.isEmpty()) {
            errors.append(tr("--%1 needs a value.").arg(option.names().constFirst()));
            return;
        }
        options.query.filters.insert(spec->key, value);
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

    if (parser.isSet(columnsOption)) {
        const QStringList keys = parser.value(columnsOption).split(u',');
        for (const QString &rawKey : keys) {
            const QString key = rawKey.trimmed();
            if (!isValidColumnKey(key))
                errors.append(tr("Unknown column “%1”; use one of %2 or raw.<field>.")
                                  .arg(key, unifiedColumnKeys().join(u", "_s)));
            else
                options.columns.append(key);
        }
    } else if (options.provider) {
        // The id first, so every line of a file can be traced back to its call.
        options.columns = options.provider->defaultColumns();
        options.columns.removeAll(columnKey(UnifiedField::Id));
        options.columns.prepend(columnKey(UnifiedField::Id));
    }

    options.outputPath = parser.value(outputOption);
    if (parser.isSet(outputOption) && options.outputPath.isEmpty())
        errors.append(tr("--output needs a file name."));

    if (errors.isEmpty())
        result.outcome = ExportArguments::Outcome::Run;
    return result;
}
