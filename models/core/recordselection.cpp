#include "recordselection.h"

#include "columns.h"

RecordSelection RecordSelection::forColumn(QStringView columnKey)
{
    if (columnKey.startsWith(rawPrefix))
        return {RecordField::Native, columnKey.mid(rawPrefix.size()).toString()};
    const std::optional<UnifiedField> field = unifiedFieldFromKey(columnKey);
    if (!field)
        return {};
    switch (*field) {
    case UnifiedField::Provider:
        return {RecordFields(), {}};
    case UnifiedField::Id:
        return {RecordField::Id, {}};
    case UnifiedField::StartTime:
        return {RecordField::StartTime, {}};
    case UnifiedField::AnswerTime:
        return {RecordField::AnswerTime, {}};
    case UnifiedField::EndTime:
        return {RecordField::EndTime, {}};
    case UnifiedField::Caller:
        return {RecordField::Caller, {}};
    case UnifiedField::Callee:
        return {RecordField::Callee, {}};
    case UnifiedField::Direction:
        return {RecordField::Direction, {}};
    case UnifiedField::Duration:
        return {RecordField::Duration, {}};
    case UnifiedField::BilledDuration:
        return {RecordField::BilledDuration, {}};
    case UnifiedField::Amount:
        return {RecordFields(RecordField::Amount) | RecordField::Currency, {}};
    case UnifiedField::Rate:
        return {RecordFields(RecordField::Rate) | RecordField::Currency, {}};
    case UnifiedField::HangupCause:
        return {RecordField::HangupCause, {}};
    case UnifiedField::HangupSource:
        return {RecordField::HangupSource, {}};
    case UnifiedField::Trunk:
        return {RecordField::Trunk, {}};
    }
    return {};
}

RecordSelection RecordSelection::forColumns(const QStringList &columnKeys)
{
    RecordSelection all{RecordFields(), {}};
    for (const QString &key : columnKeys) {
        const RecordSelection one = forColumn(key);
        if (one.fields.testFlag(RecordField::Native)) {
            // Two native names cannot be asked for separately: read them all.
            if (all.fields.testFlag(RecordField::Native) && all.nativeName != one.nativeName)
                all.nativeName.clear();
            else
                all.nativeName = one.nativeName;
        }
        all.fields |= one.fields;
    }
    return all;
}
