// cdr-export's help: the synopsis and every option, kept apart from the parsing.
#include "exportoptions.h"

#include "providerregistry.h"

using namespace Qt::StringLiterals;

QString ExportCommandLine::synopsis()
{
    return tr("Usage: cdr-export --provider PROVIDER --url BASE_URL --user USER --password-env VAR\n"
              "                  [--since TIME] [--until TIME] [--caller NUMBER] [--callee NUMBER]\n"
              "                  [--direction DIRECTION] [--param KEY=VALUE]... [--columns KEY,KEY,...]\n"
              "                  [--option KEY=VALUE]... [--domain DOMAIN] [--trust-certificate SHA256]\n"
              "                  [--preset excel|rfc4180] [--format csv|tsv|jsonl] [--timezone ZONE]\n"
              "                  [--duration seconds|hms] [--totals]\n"
              "                  [--output FILE] [--sidecar FILE.json]\n"
              "       cdr-export --repeat FILE.json --password-env VAR [--since TIME] [--until TIME]\n"
              "                  [--columns KEY,KEY,...] [--preset ...] [--format ...] [--timezone ZONE]\n"
              "                  [--duration ...] [--trust-certificate SHA256] [--totals]\n"
              "                  [--output FILE] [--sidecar FILE.json]\n");
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
             "Exports call detail records as CSV (RFC 4180, UTF-8), TSV or JSON Lines.\n"
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
             "  --option KEY=VALUE    a profile setting of the provider (repeatable): %2\n"
             "  --domain DOMAIN       the tenant's SIP domain (PortSIP); the same as --option domain=DOMAIN\n"
             "  --trust-certificate SHA256\n"
             "                        accept the server's self-signed certificate with this SHA-256\n"
             "                        fingerprint (hex, colons allowed); any other certificate is refused\n"
             "  --columns KEY,...     unified column keys and raw.<field>, in this order\n"
             "  --preset PRESET       excel: UTF-8 with BOM, the separator your locale's spreadsheet expects,\n"
             "                        text that could be read as a formula or lose a leading 0 made safe;\n"
             "                        rfc4180 (default): UTF-8, comma, CRLF\n"
             "  --format FORMAT       csv (default), tsv, or jsonl (one JSON object per call, every field)\n"
             "  --timezone ZONE       times in UTC (default), local, or a zone such as Europe/Berlin;\n"
             "                        the header then names it, e.g. start_time (Europe/Berlin)\n"
             "  --duration STYLE      seconds (default) or hms (h:mm:ss)\n"
             "  --totals              at the end, one line on standard error: calls, durations and the\n"
             "                        amount per currency, added up exactly\n"
             "  --output FILE         write to FILE (only complete files appear); default: standard output.\n"
             "                        A description of the export goes beside it as FILE.json: provider,\n"
             "                        URL, user, filters, the exact window, columns, format, row count.\n"
             "                        It never holds the secret.\n"
             "  --sidecar FILE.json   write that description to FILE.json instead (also for standard output)\n"
             "  --repeat FILE.json    run the export a description (from cdr-export or CDR Browser) describes:\n"
             "                        the same provider, account, filters, columns and format, and every\n"
             "                        row matching its search. The same window unless --since/--until\n"
             "                        give another (an end left out is open, as usual). --output,\n"
             "                        --columns, --preset, --format, --timezone, --duration and\n"
             "                        --trust-certificate override it; --password-env is still required;\n"
             "                        --provider, --url, --user, --caller, --callee, --direction, --param,\n"
             "                        --option and --domain cannot be combined with it\n"
             "  --help                show this text\n"
             "\n"
             "Exit status: 0 success, 1 provider or network error, 2 bad usage,\n"
             "141 standard output closed early (e.g. by head).\n"
             "Set CDR_EXPORT_DEBUG=1 to also see Qt's own diagnostics on standard error.\n")
              .arg(ids.join(u", "_s), optionSummary());
}

QString ExportCommandLine::optionSummary()
{
    QStringList lines;
    for (const Provider *provider : ProviderRegistry::all()) {
        QStringList keys;
        for (const ProfileOption &option : provider->profileFields().options)
            keys.append(option.kind == ProfileOption::Kind::Flag ? option.key + u"=1"_s : option.key);
        if (!keys.isEmpty())
            lines.append(provider->id() + u": "_s + keys.join(u", "_s));
    }
    return lines.isEmpty() ? tr("none") : lines.join(u"; "_s);
}
