#include "pagededuplicator.h"

#include <algorithm>

PageDeduplicator::PageDeduplicator(int pagesRemembered)
    : m_pagesRemembered(std::max(1, pagesRemembered))
{
}

qsizetype PageDeduplicator::filter(std::vector<CdrRecord> &rows)
{
    // Only earlier pages count: a shift never repeats a row inside one page, and a
    // provider whose ids repeat within a page (several legs of one call) keeps them.
    const auto seenBefore = [this](const CdrRecord &row) { return !row.id.isEmpty() && m_seen.contains(row.id); };
    const auto removed = std::remove_if(rows.begin(), rows.end(), seenBefore);
    const qsizetype dropped = qsizetype(rows.end() - removed);
    rows.erase(removed, rows.end());

    std::vector<QString> ids;
    ids.reserve(rows.size());
    for (const CdrRecord &row : rows) {
        if (!row.id.isEmpty()) {
            ids.push_back(row.id);
            ++m_seen[row.id];
        }
    }
    m_pages.push_back(std::move(ids));
    while (int(m_pages.size()) > m_pagesRemembered) {
        for (const QString &id : m_pages.front()) {
            const auto it = m_seen.find(id);
            if (it != m_seen.end() && --it.value() <= 0)
                m_seen.erase(it);
        }
        m_pages.pop_front();
    }
    return dropped;
}

void PageDeduplicator::clear()
{
    m_pages.clear();
    m_seen.clear();
}
