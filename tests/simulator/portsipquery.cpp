#include "portsipquery.h"

#include "portsipdata.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <functional>

using namespace Qt::StringLiterals;

namespace cdrsim {

namespace {

using Accessor = std::function<PortsipFieldValue(const PortsipCall &)>;

struct FieldSpec {
    PortsipFilterField field;
    Accessor value;
};

const QList<FieldSpec> &fieldSpecs()
{
    auto text = [](const char *name, QString PortsipCall::*member) {
        return FieldSpec{{QString::fromLatin1(name), PortsipFieldType::Text}, [member](const PortsipCall &call) {
                             return PortsipFieldValue{(call.*member).isEmpty(), call.*member, 0};
                         }};
    };
    auto integer = [](const char *name, int PortsipCall::*member) {
        return FieldSpec{{QString::fromLatin1(name), PortsipFieldType::Integer}, [member](const PortsipCall &call) {
                             return PortsipFieldValue{false, QString(), call.*member};
                         }};
    };
    auto time = [](const char *name, qint64 PortsipCall::*member) {
        return FieldSpec{{QString::fromLatin1(name), PortsipFieldType::Time}, [member](const PortsipCall &call) {
                             return PortsipFieldValue{false, QString(), call.*member};
                         }};
    };
    auto optionalTime = [](const char *name, std::optional<qint64> PortsipCall::*member) {
        return FieldSpec{{QString::fromLatin1(name), PortsipFieldType::Time}, [member](const PortsipCall &call) {
                             const std::optional<qint64> &value = call.*member;
                             return PortsipFieldValue{!value, QString(), value.value_or(0)};
                         }};
    };
    static const QList<FieldSpec> specs{
        text("id", &PortsipCall::id),
        text("caller", &PortsipCall::caller),
        text("caller_domain", &PortsipCall::callerDomain),
        text("caller_display_name", &PortsipCall::callerDisplayName),
        text("callee", &PortsipCall::callee),
        text("callee_domain", &PortsipCall::calleeDomain),
        text("callee_display_name", &PortsipCall::calleeDisplayName),
        time("started_at", &PortsipCall::startedAt),
        optionalTime("rang_at", &PortsipCall::rangAt),
        optionalTime("answered_at", &PortsipCall::answeredAt),
        time("ended_at", &PortsipCall::endedAt),
        text("call_id", &PortsipCall::callId),
        text("direction", &PortsipCall::direction),
        text("end_reason", &PortsipCall::endReason),
        text("reroute_reason", &PortsipCall::rerouteReason),
        integer("status_code", &PortsipCall::statusCode),
        text("destination", &PortsipCall::destination),
        text("outbound_caller_id", &PortsipCall::outboundCallerId),
        text("did_cid", &PortsipCall::didCid),
        text("trunk", &PortsipCall::trunk),
        integer("duration", &PortsipCall::duration),
        text("service_number", &PortsipCall::serviceNumber),
        text("user_data", &PortsipCall::userData),
    };
    return specs;
}

int fieldIndex(const QString &name)
{
    const QList<PortsipFilterField> &fields = portsipFields();
    for (int i = 0; i < fields.size(); ++i)
        if (fields.at(i).name == name)
            return i;
    return -1;
}

std::optional<qint64> strictInteger(const QString &text)
{
    static const QRegularExpression digits(u"^[+-]?\\d{1,18}$"_s);
    if (!digits.match(text).hasMatch())
        return std::nullopt;
    return text.toLongLong();
}

// "field [asc|desc]" items separated by commas.
bool parseOrderBy(const QString &text, QList<PortsipSortKey> &keys, QString &error)
{
    keys.clear();
    if (text.trimmed().isEmpty())
        return true;
    static const QRegularExpression spaces(u"\\s+"_s);
    for (const QString &item : text.split(u',')) {
        const QStringList words = item.trimmed().split(spaces, Qt::SkipEmptyParts);
        if (words.isEmpty() || words.size() > 2) {
            error = u"orderby: expected 'field [asc|desc]', found '%1'"_s.arg(item.trimmed());
            return false;
        }
        PortsipSortKey key;
        key.field = fieldIndex(words.at(0));
        if (key.field < 0) {
            error = u"orderby: unknown field '%1'"_s.arg(words.at(0));
            return false;
        }
        if (words.size() == 2) {
            const QString direction = words.at(1).toLower();
            if (direction != u"asc"_s && direction != u"desc"_s) {
                error = u"orderby: expected asc or desc after '%1', found '%2'"_s.arg(words.at(0), words.at(1));
                return false;
            }
            key.descending = direction == u"desc"_s;
        }
        keys.append(key);
    }
    return true;
}

int compareValues(PortsipFieldType type, const PortsipFieldValue &a, const PortsipFieldValue &b)
{
    if (type == PortsipFieldType::Text)
        return QString::compare(a.text, b.text);
    if (a.unset != b.unset)
        return a.unset ? -1 : 1; // an unset time sorts before every set one
    return a.number < b.number ? -1 : b.number < a.number ? 1 : 0;
}

} // namespace

const QList<PortsipFilterField> &portsipFields()
{
    static const QList<PortsipFilterField> fields = [] {
        QList<PortsipFilterField> out;
        for (const FieldSpec &spec : fieldSpecs())
            out.append(spec.field);
        return out;
    }();
    return fields;
}

PortsipFieldValue portsipFieldValue(const PortsipCall &call, int field)
{
    return fieldSpecs().at(field).value(call);
}

PortsipQueryParse parsePortsipListQuery(const QList<QueryItem> &items, bool skipOneBased)
{
    PortsipQueryParse result;
    PortsipQuery &q = result.query;
    auto fail = [&result](const QString &option, const QString &message) {
        result.option = option;
        result.error = message;
        return result;
    };
    QSet<QString> seen;
    for (const QueryItem &item : items) {
        // OData spells system options with '$'; PortSIP's docs mostly without. Both work.
        QString name = item.key.toLower();
        if (name.startsWith(u'$'))
            name.remove(0, 1);
        static const QSet<QString> known{u"filter"_s, u"orderby"_s, u"top"_s, u"skip"_s, u"count"_s, u"search"_s};
        if (!known.contains(name))
            continue; // unknown options are ignored, as the real server does with extra parameters
        if (seen.contains(name))
            return fail(name, u"query option '%1' is given more than once"_s.arg(name));
        seen.insert(name);

        const QString &value = item.value;
        if (name == u"top"_s) {
            const std::optional<qint64> top = strictInteger(value.trimmed());
            if (!top || *top < 1 || *top > 100)
                return fail(name, u"top must be an integer from 1 to 100, got '%1'"_s.arg(value));
            q.top = int(*top);
        } else if (name == u"skip"_s) {
            const std::optional<qint64> skip = strictInteger(value.trimmed());
            const qint64 minimum = skipOneBased ? 1 : 0;
            if (!skip || *skip < minimum)
                return fail(name, u"skip must be an integer of at least %1, got '%2'"_s.arg(minimum).arg(value));
            q.offset = *skip - minimum;
        } else if (name == u"count"_s) {
            const QString flag = value.trimmed().toLower();
            if (flag != u"true"_s && flag != u"false"_s)
                return fail(name, u"count must be true or false, got '%1'"_s.arg(value));
            q.count = flag == u"true"_s;
        } else if (name == u"search"_s) {
            q.search = value.trimmed();
        } else if (name == u"filter"_s) {
            PortsipFilterParse parsed = PortsipFilter::parse(value, portsipFields());
            if (!parsed.error.isEmpty())
                return fail(name, u"filter: "_s + parsed.error);
            q.filter = std::move(parsed.filter);
        } else if (name == u"orderby"_s) {
            QString error;
            if (!parseOrderBy(value, q.orderBy, error))
                return fail(name, error);
        }
    }
    return result;
}

bool portsipCallMatches(const PortsipQuery &query, const PortsipCall &call)
{
    if (!query.search.isEmpty()) {
        // Free text over what a person would type: numbers, names, trunk; case-insensitive.
        const QString *searched[] = {&call.caller, &call.callee, &call.callerDisplayName, &call.calleeDisplayName,
            &call.destination, &call.didCid, &call.outboundCallerId, &call.trunk, &call.serviceNumber, &call.callId};
        const bool found = std::any_of(std::begin(searched), std::end(searched),
            [&query](const QString *field) { return field->contains(query.search, Qt::CaseInsensitive); });
        if (!found)
            return false;
    }
    return query.filter.matches([&call](int field) { return portsipFieldValue(call, field); });
}

void sortPortsipCalls(QList<const PortsipCall *> &calls, const QList<PortsipSortKey> &keys)
{
    static const QList<PortsipSortKey> byNewest{{fieldIndex(u"started_at"_s), true}};
    const QList<PortsipSortKey> &order = keys.isEmpty() ? byNewest : keys;
    const QList<PortsipFilterField> &fields = portsipFields();
    std::stable_sort(calls.begin(), calls.end(), [&order, &fields](const PortsipCall *a, const PortsipCall *b) {
        for (const PortsipSortKey &key : order) {
            const int c = compareValues(
                fields.at(key.field).type, portsipFieldValue(*a, key.field), portsipFieldValue(*b, key.field));
            if (c != 0)
                return key.descending ? c > 0 : c < 0;
        }
        return a->id < b->id;
    });
}

} // namespace cdrsim
