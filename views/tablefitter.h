#pragma once

#include <QObject>
#include <QPointer>
#include <QStringList>

class CdrTableModel;
class ColumnLayout;
class QTableView;

// Two things the table view does not do by itself: it fetches the next page
// while the last row is still in view once the model stops being busy, and it
// fits the columns nobody has sized yet to the first rows of a search.
class TableFitter final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TableFitter)
public:
    TableFitter(QTableView &view, CdrTableModel &model, ColumnLayout &columns);

    void fillViewport();                          // fetches the next page if the last row is visible
    void sizeColumnsToContents(bool firstPage);   // grows the columns being fitted

private:
    QTableView &m_view;
    CdrTableModel &m_model;
    QPointer<ColumnLayout> m_columns;
    QStringList m_fitted;   // keys of the columns fitted to their contents in this search
    bool m_sizing = false;
};
