#include "repeatoptions.h"

#include "columns.h"
#include "providerregistry.h"

#include <QCommandLineParser>

#include <algorithm>

using namespace Qt::StringLiterals;

QStringList RepeatCommandLine::fixedOptions()
{
    // Merging them with the sidecar's would leave it unclear which search ran
    // (does --param add to the stored ones or replace them?); editing the
    // sidecar, or a fresh export, says it plainly.
    return {u"provider"_s, u"url"_s, u"user"_s, u"caller"_s, u"callee"_s, u"direction"_s, u"param"_s, u"option"_s,
        u"domain"_s};
}

void RepeatCommandLine::read(const QCommandLineParser &parser, ExportOptions &options, QStringList &errors)
{
    const QString path = parser.value(u"repeat"_s);
    for (const QString &name : fixedOptions()) {
        if (parser.isSet(name))
            errors.append(tr("--%1 cannot be combined with --repeat: the export description decides it.").arg(name));
    }
    QString reason;
    const std::optional<ExportSidecar> sidecar = ExportSidecarFile::read(path, &reason);
    if (!sidecar) {
        errors.append(tr("--repeat: %1").arg(reason));
        return;
    }
    apply(*sidecar, options, errors);
    // A new period replaces the stored window as a whole: an end not given is
    // open and resolved as usual, not taken from the old window.
    if (parser.isSet(u"since"_s) || parser.isSet(u"until"_s)) {
        options.query.since = {};
        options.query.until = {};
    } else {
        // E.g. a window that has since grown older than the API reaches back: say where it came from.
        const QString stored = tr("the window in the export description (give --since/--until for another)");
        options.optionForKey.insert(u"since"_s, stored);
        options.optionForKey.insert(u"until"_s, stored);
    }
}

void RepeatCommandLine::apply(const ExportSidecar &sidecar, ExportOptions &options, QStringList &errors)
{
    options.provider = ProviderRegistry::find(sidecar.providerId);
    if (!options.provider) {
        errors.append(tr("--repeat: the export description names an unknown provider “%1”.").arg(sidecar.providerId));
        return;
    }

    const QUrl &url = sidecar.baseUrl;
    if (url.isEmpty()) {
        options.connection.baseUrl = QUrl(options.provider->profileFields().defaultBaseUrl);
    } else if (!url.isValid() || url.host().isEmpty() || (url.scheme() != "https"_L1 && url.scheme() != "http"_L1)
        || !url.userInfo().isEmpty()) {
        errors.append(tr("--repeat: the export description's base URL must be an http or https URL with a host "
                         "and without credentials."));
    } else {
        options.connection.baseUrl = url;
    }

    options.connection.user = sidecar.user;
    if (options.connection.user.isEmpty())
        errors.append(tr("--repeat: the export description names no user."));

    // Only settings the provider still has; an unknown one would be sent nowhere and hide a mistake.
    const QList<ProfileOption> known = options.provider->profileFields().options;
    for (auto it = sidecar.options.cbegin(); it != sidecar.options.cend(); ++it) {
        const bool exists = std::any_of(
            known.cbegin(), known.cend(), [&it](const ProfileOption &option) { return option.key == it.key(); });
        if (!exists)
            errors.append(tr("--repeat: %1 has no setting “%2”.").arg(options.provider->displayName(), it.key()));
        else if (!it.value().isEmpty())
            options.connection.options.insert(it.key(), it.value());
    }
    options.connection.pinnedCertificateSha256 = sidecar.pinnedCertificateSha256;

    // The window as it was resolved then, so the same rows come back (unless --since/--until say otherwise).
    options.query = sidecar.query;
    for (auto it = sidecar.query.filters.cbegin(); it != sidecar.query.filters.cend(); ++it)
        options.optionForKey.insert(it.key(), tr("the filter “%1” in the export description").arg(it.key()));

    for (const QString &key : sidecar.columns) {
        if (!isValidColumnKey(key))
            errors.append(tr("--repeat: the export description has an unknown column “%1”.").arg(key));
    }
    options.columns = sidecar.columns; // empty: the provider's defaults, as without --columns

    options.format = sidecar.format;
    options.presetKey = sidecar.presetKey;
}
