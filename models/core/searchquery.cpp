#include "searchquery.h"

#include <QCoreApplication>

#include <algorithm>

SearchQuery SearchQuery::resolved(const QDateTime &nowUtc, const TimeRangePolicy &policy) const
{
    SearchQuery result = *this;
    const QDateTime now = nowUtc.toUTC();
    if (!result.until.isValid() || result.until > now)
        result.until = now;
    if (!result.since.isValid()) {
        const auto window = std::chrono::duration_cast<std::chrono::seconds>(policy.defaultWindow);
        result.since = result.until.addSecs(-window.count());
    }
    result.since = result.since.toUTC();
    result.until = result.until.toUTC();
    return result;
}

namespace {

QString translated(const char *text)
{
    return QCoreApplication::translate("SearchQuery", text);
}

} // namespace

QList<FieldError> validateDeclaredFilters(const QList<FilterSpec> &specs, const SearchQuery &query)
{
    QList<FieldError> errors;
    if (query.since.isValid() && query.until.isValid() && query.since >= query.until)
        errors.append({QStringLiteral("since"), translated(QT_TRANSLATE_NOOP("SearchQuery", "The start of the range must be before its end."))});

    for (const FilterSpec &spec : specs) {
        const QString value = query.filters.value(spec.key).trimmed();
        if (value.isEmpty())
            continue;
        switch (spec.kind) {
        case FilterKind::Text:
            break;
        case FilterKind::Integer: {
            bool ok = false;
            const qint64 number = value.toLongLong(&ok);
            if (!ok) {
                errors.append({spec.key, translated(QT_TRANSLATE_NOOP("SearchQuery", "“%1” is not a whole number.")).arg(value)});
            } else if (spec.minimum && number < *spec.minimum) {
                errors.append({spec.key, translated(QT_TRANSLATE_NOOP("SearchQuery", "Must be at least %1.")).arg(*spec.minimum)});
            } else if (spec.maximum && number > *spec.maximum) {
                errors.append({spec.key, translated(QT_TRANSLATE_NOOP("SearchQuery", "Must be at most %1.")).arg(*spec.maximum)});
            }
            break;
        }
        case FilterKind::Choice: {
            const bool allowed = std::any_of(spec.choices.cbegin(), spec.choices.cend(),
                                             [&value](const FilterChoice &choice) { return choice.value == value; });
            if (!allowed)
                errors.append({spec.key, translated(QT_TRANSLATE_NOOP("SearchQuery", "“%1” is not one of the allowed values.")).arg(value)});
            break;
        }
        }
    }
    for (auto it = query.filters.cbegin(); it != query.filters.cend(); ++it) {
        const bool declared = std::any_of(specs.cbegin(), specs.cend(),
                                          [&it](const FilterSpec &spec) { return spec.key == it.key(); });
        if (!declared && !it.value().isEmpty())
            errors.append({it.key(), translated(QT_TRANSLATE_NOOP("SearchQuery", "“%1” is not a filter of this provider.")).arg(it.key())});
    }
    return errors;
}
