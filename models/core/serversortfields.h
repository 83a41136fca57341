#pragma once

#include "columns.h"

#include <QLatin1StringView>
#include <QStringList>

#include <optional>
#include <span>
#include <utility>

// The native fields a provider's server can sort on, and the column keys that
// stand for them: unified columns mapped to a native field, and raw.<name> for
// each native field itself. The tables are the provider's own constants.
class ServerSortFields {
public:
    using UnifiedSort = std::pair<UnifiedField, QLatin1StringView>;

    constexpr ServerSortFields(std::span<const UnifiedSort> unified, std::span<const QLatin1StringView> native)
        : m_unified(unified)
        , m_native(native)
    {
    }

    std::optional<QLatin1StringView> fieldFor(QStringView columnKey) const; // none: the server cannot sort on it
    QStringList columnKeys() const; // what Provider::serverSortableColumns() returns

private:
    std::span<const UnifiedSort> m_unified;
    std::span<const QLatin1StringView> m_native;
};
