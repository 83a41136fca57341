#include "tablefitter.h"

#include "cdrtablemodel.h"
#include "columnlayout.h"
#include "searchsession.h"

#include <QHeaderView>
#include <QTableView>
#include <QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

constexpr int widestFittedColumn = 300;
constexpr int rowsToFit = 200;   // later rows no longer widen a column, so nothing jumps while scrolling

} // namespace

TableFitter::TableFitter(QTableView &view, CdrTableModel &model, ColumnLayout &columns)
    : QObject(&view)
    , m_view(view)
    , m_model(model)
    , m_columns(&columns)
{
    connect(&m_model, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &, int first) {
        // After the view has laid out the new rows.
        QTimer::singleShot(0, this, [this, firstPage = first == 0] { sizeColumnsToContents(firstPage); });
    });
    connect(m_view.horizontalHeader(), &QHeaderView::sectionResized, this, [this](int logical) {
        if (!m_sizing)   // the user's width wins from now on
            m_fitted.removeAll(m_model.columnKeys().value(logical));
    });
    // The view asks for more rows when rows arrive, but not when the model stops being busy.
    connect(&m_model, &CdrTableModel::loadingChanged, this, &TableFitter::fillViewport, Qt::QueuedConnection);
}

void TableFitter::fillViewport()
{
    if (!m_model.canFetchMore({}))
        return;
    const int last = m_model.rowCount() - 1;
    const int lastTop = last < 0 ? 0 : m_view.rowViewportPosition(last);
    if (lastTop >= 0 && lastTop < m_view.viewport()->height())
        m_model.fetchMore({});
}

void TableFitter::sizeColumnsToContents(bool firstPage)
{
    if (!m_model.session() || !m_columns)
        return;
    if (firstPage) {
        // Only columns the user never sized; ColumnLayout keeps the width found here.
        m_fitted.clear();
        for (const ColumnLayout::Entry &entry : m_columns->entries()) {
            if (entry.visible && entry.width == 0)
                m_fitted << entry.key;
        }
    }
    if (m_model.rowCount() > rowsToFit + m_model.session()->pagingPolicy().pageSize)
        m_fitted.clear();
    m_sizing = true;
    const int padding = m_view.fontMetrics().horizontalAdvance(u"00"_s);
    const auto *view = static_cast<const QAbstractItemView *>(&m_view);   // sizeHintForColumn is public there
    for (const QString &key : std::as_const(m_fitted)) {
        const int logical = m_model.columnForKey(key);
        if (logical < 0 || m_view.isColumnHidden(logical))
            continue;
        const int wanted = std::max(m_view.horizontalHeader()->sectionSizeHint(logical),
                                    view->sizeHintForColumn(logical) + padding);
        if (wanted > m_view.columnWidth(logical))   // columns only grow, so nothing jumps back
            m_view.setColumnWidth(logical, std::min(wanted, widestFittedColumn));
    }
    m_sizing = false;
}
