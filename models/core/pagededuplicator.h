#pragma once

#include "cdrrecord.h"

#include <QHash>
#include <QString>

#include <deque>
#include <vector>

// Drops rows that a growing data set sends twice. When calls arrive while a search
// pages by offset, the rows after them slide down, and the first rows of the next
// page are ones the previous page already had. Only rows of the last few pages can
// come back that way, so only their ids are kept: memory stays bounded whatever
// the size of the search.
class PageDeduplicator {
public:
    explicit PageDeduplicator(int pagesRemembered = 4);

    // Removes from `rows` (the next page, in delivery order) those seen in the remembered pages;
    // returns how many it removed.
    qsizetype filter(std::vector<CdrRecord> &rows);
    void clear();
    qsizetype rememberedIds() const { return m_seen.size(); } // for tests: the memory it holds

private:
    int m_pagesRemembered;
    std::deque<std::vector<QString>> m_pages; // oldest first
    QHash<QString, int> m_seen; // id -> how many remembered pages hold it
};
