#pragma once

#include "calltotals.h"

#include <QTimer>
#include <QWidget>

class CdrTableModel;
class QItemSelectionModel;
class QBoxLayout;
class QFrame;
class QLabel;

// Under the table: totals of every loaded call and of the selected ones, side
// by side. Loaded totals grow page by page as rows arrive; the selection is
// added up in one pass after its changes settle, so selecting a million rows
// costs one pass, not one per range.
class TotalsBar final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TotalsBar)
public:
    TotalsBar(CdrTableModel &model, QItemSelectionModel &selection, QWidget *parent = nullptr);

    const CallTotals &loadedTotals() const { return m_loaded; }
    const CallTotals &selectedTotals() const { return m_selected; }
    QString loadedText() const; // as shown: "Loaded: 240 calls · duration 1:02:03 · …"
    QString selectedText() const;
    static QString summary(const CallTotals &totals); // the one-line totals, without the group name
    static QString details(const CallTotals &totals); // what the summary leaves out, for the tooltip

signals:
    void loadedTotalsChanged();
    void selectedTotalsChanged();

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void arrange(); // side by side when both fit, one above the other when not
    void addRows(int first, int last);
    void recountLoaded();
    void recountSelected();
    void showLoaded();
    void showSelected();

    CdrTableModel &m_model;
    QItemSelectionModel &m_selection;
    CallTotals m_loaded;
    CallTotals m_selected;
    QLabel *m_loadedLabel = nullptr;
    QLabel *m_selectedLabel = nullptr;
    QFrame *m_divider = nullptr;
    QBoxLayout *m_layout = nullptr;
    // Zero-interval single shots: a burst of changes in one event-loop turn is counted once.
    QTimer m_loadedRecount;
    QTimer m_selectedRecount;
};
