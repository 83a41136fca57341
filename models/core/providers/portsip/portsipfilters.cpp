#include "portsipfilters.h"

#include "portsipfilterexpression.h"
#include "portsipvocabulary.h"

#include <algorithm>
#include <array>

using namespace Qt::StringLiterals;

namespace {

using Expression = PortSipFilterExpression;

// The declared filters in the order the form shows them and the expression lists them.
constexpr std::array kFilterKeys{"caller"_L1, "caller_match"_L1, "callee"_L1, "callee_match"_L1, "direction"_L1,
    "end_reason"_L1, "status_code"_L1, "trunk"_L1, "destination"_L1, "did_cid"_L1, "search"_L1};

// Free text that goes into a literal (or the search parameter).
constexpr std::array kTextKeys{"caller"_L1, "callee"_L1, "trunk"_L1, "destination"_L1, "did_cid"_L1, "search"_L1};

// Fields matched exactly: PortSIP field name = filter key.
constexpr std::array kExactKeys{"direction"_L1, "end_reason"_L1, "trunk"_L1, "destination"_L1, "did_cid"_L1};

constexpr QLatin1StringView kTimeField{"started_at"};

// A number given alone means a prefix: what provider-neutral callers (cdr-export's
// --caller and --callee) mean. A mode is never sent without its number.
constexpr QLatin1StringView kDefaultMatch{"startswith"};

bool hasError(const QList<FieldError> &errors, const QString &key)
{
    return std::any_of(errors.cbegin(), errors.cend(), [key](const FieldError &error) { return error.key == key; });
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

FilterSpec matchSpec(QLatin1StringView key, const QString &label, const QString &hint)
{
    FilterSpec spec = textSpec(key, label, hint);
    spec.kind = FilterKind::Choice;
    spec.choices = {{u"eq"_s, PortSipFilters::tr("equals")}, {u"startswith"_s, PortSipFilters::tr("starts with")},
        {u"contains"_s, PortSipFilters::tr("contains")}, {u"endswith"_s, PortSipFilters::tr("ends with")}};
    spec.defaultValue = kDefaultMatch;
    return spec;
}

void addMatch(Expression &expression, const SearchQuery &query, QLatin1StringView field, QLatin1StringView matchKey)
{
    const QString value = query.filters.value(field).trimmed();
    if (value.isEmpty())
        return;
    const QString mode = query.filters.value(matchKey).trimmed();
    if (mode == "eq"_L1)
        expression.compare(field, Expression::Op::Eq, value);
    else if (mode == "contains"_L1)
        expression.call(Expression::Function::Contains, field, value);
    else if (mode == "endswith"_L1)
        expression.call(Expression::Function::EndsWith, field, value);
    else
        expression.call(Expression::Function::StartsWith, field, value);
}

} // namespace

QList<FilterSpec> PortSipFilters::specs()
{
    QList<FilterSpec> specs;
    specs.append(textSpec(kFilterKeys[0], tr("Caller"), tr("The calling number or extension, matched as chosen below"),
        FilterRole::Caller));
    specs.append(matchSpec(kFilterKeys[1], tr("Caller match"), tr("How the caller is matched")));
    specs.append(textSpec(kFilterKeys[2], tr("Callee"), tr("The called number or extension, matched as chosen below"),
        FilterRole::Callee));
    specs.append(matchSpec(kFilterKeys[3], tr("Callee match"), tr("How the callee is matched")));

    FilterSpec direction = textSpec(kFilterKeys[4], tr("Direction"),
        tr("Inbound calls came in through a trunk, outbound calls left through one, internal calls stayed on the PBX"),
        FilterRole::Direction);
    direction.kind = FilterKind::Choice;
    direction.choices = PortSipVocabulary::directionChoices();
    specs.append(direction);

    FilterSpec endReason = textSpec(kFilterKeys[5], tr("End reason"), tr("How the call ended"));
    endReason.kind = FilterKind::Choice;
    endReason.choices = PortSipVocabulary::endReasonChoices();
    specs.append(endReason);

    FilterSpec status = textSpec(kFilterKeys[6], tr("SIP status code"),
        tr("The SIP code a failed call ended with, e.g. 486 busy or 404 not found; 0 = no error"));
    status.kind = FilterKind::Integer;
    status.minimum = 0;
    status.maximum = 699;
    specs.append(status);

    specs.append(textSpec(kFilterKeys[7], tr("Trunk"), tr("The trunk's name, exactly")));
    specs.append(textSpec(kFilterKeys[8], tr("Destination"), tr("Where the call was finally sent, exactly")));
    specs.append(textSpec(kFilterKeys[9], tr("DID"), tr("The number dialled in on (DID), exactly")));
    specs.append(textSpec(kFilterKeys[10], tr("Search"), tr("Free text the server looks for in the calls' fields")));
    return specs;
}

QList<FieldError> PortSipFilters::validate(const SearchQuery &query)
{
    QList<FieldError> errors = validateDeclaredFilters(specs(), query);

    for (const QLatin1StringView key : kTextKeys) {
        if (Expression::hasControlCharacters(query.filters.value(key)) && !hasError(errors, key))
            errors.append({key, tr("Remove the line breaks, tabs or other control characters from this value.")});
    }

    bool ok = false;
    const qint64 status = query.filters.value(kFilterKeys[6]).trimmed().toLongLong(&ok);
    if (ok && status > 0 && status < 100 && !hasError(errors, kFilterKeys[6]))
        errors.append({kFilterKeys[6], tr("Enter 0 (no error) or a SIP status code from 100 to 699.")});

    for (const auto &[name, value] : query.extraParams) {
        if (isPagingParam(name)) {
            errors.append({name, tr("“%1” is set by the paging itself; remove it.").arg(name)});
        } else if (isFilterParam(name) && !value.trimmed().isEmpty()) {
            if (Expression::hasControlCharacters(value))
                errors.append({name, tr("Remove the line breaks, tabs or other control characters from the filter.")});
            else if (!Expression::isSelfContained(value))
                errors.append({name,
                    tr("The filter has an unclosed quote or unbalanced parentheses. It is added to the search's own "
                       "conditions with “and”, so it must be complete on its own; write a quote inside a value as "
                       "''.")});
        }
    }
    return errors;
}

QString PortSipFilters::expression(const SearchQuery &query)
{
    Expression expression;
    if (query.since.isValid())
        expression.compare(kTimeField, Expression::Op::Ge, query.since);
    if (query.until.isValid())
        expression.compare(kTimeField, Expression::Op::Lt, query.until);
    addMatch(expression, query, kFilterKeys[0], kFilterKeys[1]);
    addMatch(expression, query, kFilterKeys[2], kFilterKeys[3]);
    for (const QLatin1StringView key : {kExactKeys[0], kExactKeys[1]}) {
        if (const QString value = query.filters.value(key).trimmed(); !value.isEmpty())
            expression.compare(key, Expression::Op::Eq, value);
    }
    bool ok = false;
    const qint64 status = query.filters.value(kFilterKeys[6]).trimmed().toLongLong(&ok);
    if (ok)
        expression.compare(kFilterKeys[6], Expression::Op::Eq, status);
    for (const QLatin1StringView key : {kExactKeys[2], kExactKeys[3], kExactKeys[4]}) {
        if (const QString value = query.filters.value(key).trimmed(); !value.isEmpty())
            expression.compare(key, Expression::Op::Eq, value);
    }
    // The user's own expression narrows ours, never replaces it; one that is
    // not self-contained was refused by validate() and is dropped here.
    for (const auto &[name, value] : query.extraParams) {
        if (isFilterParam(name) && !value.trimmed().isEmpty())
            expression.appendUserExpression(value);
    }
    return expression.toString();
}

QString PortSipFilters::searchText(const SearchQuery &query)
{
    return query.filters.value(kFilterKeys[10]).trimmed();
}

bool PortSipFilters::isFilterParam(QStringView name)
{
    return name == u"filter" || name == u"$filter";
}

bool PortSipFilters::isPagingParam(QStringView name)
{
    const QStringView bare = name.startsWith(u'$') ? name.sliced(1) : name;
    return bare == u"top" || bare == u"skip" || bare == u"count";
}
