#pragma once

// Private to CdrTableModel: the state of a sort that runs off the GUI thread.

#include "cdrtablemodel.h"

// A sort asked for and not applied yet.
struct CdrTableModel::SortJob {
    quint64 generation = 0;
    int column = -1;
    Qt::SortOrder order = Qt::AscendingOrder;
    bool reusesKeys = false;                      // base is m_sortKeys as it was when the job began
    std::shared_ptr<const ColumnSortKeys> base;   // keys to extend: the column's own, or empty ones
    std::vector<SortKeySource> sources;           // of records base->size() onwards, in arrival order
    bool extracted = false;                       // sources complete; the worker may start
    std::size_t covered = 0;                      // records the worker sorts: arrival indexes below this
    std::vector<quint32> replaced;                // records replaceRecord() changed meanwhile
};

// Everything a worker touches, owned by it: it never reads a record or the
// model. Record fields reach it as QString copies (SortKeySource), whose shared
// data is safe to read from another thread; base is never changed while shared
// (the GUI thread copies m_sortKeys before changing it, see ownSortKeys()).
struct CdrTableModel::SortWork {
    quint64 generation = 0;
    Qt::SortOrder order = Qt::AscendingOrder;
    bool reusesKeys = false;
    std::shared_ptr<const ColumnSortKeys> base;
    std::vector<SortKeySource> sources;
    std::vector<quint32> rows;              // arrival indexes below `covered`, in the order shown
    std::shared_ptr<ColumnSortKeys> keys;   // result: null when base was m_sortKeys, complete
    std::vector<quint32> sorted;            // result
};
