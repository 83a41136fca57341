#include "serversortfields.h"

std::optional<QLatin1StringView> ServerSortFields::fieldFor(QStringView columnKey) const
{
    if (const std::optional<UnifiedField> field = unifiedFieldFromKey(columnKey)) {
        for (const auto &[unified, sortField] : m_unified) {
            if (unified == *field)
                return sortField;
        }
        return std::nullopt;
    }
    if (!columnKey.startsWith(rawPrefix))
        return std::nullopt;
    const QStringView name = columnKey.mid(rawPrefix.size());
    for (const QLatin1StringView sortField : m_native) {
        if (name == sortField)
            return sortField;
    }
    return std::nullopt;
}

QStringList ServerSortFields::columnKeys() const
{
    QStringList keys;
    for (const auto &[unified, sortField] : m_unified)
        keys.append(columnKey(unified));
    for (const QLatin1StringView sortField : m_native)
        keys.append(rawPrefix + sortField);
    return keys;
}
