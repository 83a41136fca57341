#pragma once

#include "calltotals.h"

#include <QTimer>
#include <QWidget>

#include <utility>
#include <vector>

class CdrTableModel;
class QItemSelectionModel;
class QBoxLayout;
class QFrame;
class QLabel;

// Under the table: totals of every loaded call and of the selected ones, side
// by side. Loaded totals grow page by page as rows arrive; the selection is
// added up in one pass after its changes settle, so selecting a million rows
// costs one pass, not one per range. A pass over many rows runs in short
// slices between events and shows "counting…" until it is done.
class TotalsBar final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TotalsBar)
public:
    TotalsBar(CdrTableModel &model, QItemSelectionModel &selection, QWidget *parent = nullptr);

    const CallTotals &loadedTotals() const { return m_loaded; } // of the last finished count
    const CallTotals &selectedTotals() const { return m_selected; } // of the last finished count
    bool isCountingLoaded() const { return m_loadedPass.running; }
    bool isCountingSelected() const { return m_selectedPass.running; }
    QString loadedText() const; // as shown: "Loaded: 240 calls · duration 1:02:03 · …"
    QString selectedText() const;
    static QString summary(const CallTotals &totals); // the one-line totals, without the group name
    static QString details(const CallTotals &totals); // what the summary leaves out, for the tooltip

signals:
    void loadedTotalsChanged();
    void selectedTotalsChanged();
    void selectionCountStarted(); // a selection too large for one slice: "counting…" is shown

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    // A count in progress: the rows still to add, as ascending disjoint spans.
    struct Pass {
        std::vector<std::pair<int, int>> spans; // first and last row; last may lie past the loaded rows
        size_t span = 0;
        int row = 0; // next row to add within spans[span]
        qint64 rows = 0; // rows the pass covers, for "counting…"
        CallTotals totals;
        bool running = false;
        bool shown = false; // "counting…" is on the label
    };

    void arrange(); // side by side when both fit, one above the other when not
    void addRows(int first, int last);
    void recountLoaded();
    void recountSelected();
    bool step(Pass &pass); // adds rows for one slice; true when the pass is done
    void continueLoaded();
    void continueSelected();
    void restartLoaded(); // rows changed under the count: stop it and count again
    void restartSelected();
    void showLoaded();
    void showSelected();

    CdrTableModel &m_model;
    QItemSelectionModel &m_selection;
    CallTotals m_loaded;
    CallTotals m_selected;
    Pass m_loadedPass;
    Pass m_selectedPass;
    QLabel *m_loadedLabel = nullptr;
    QLabel *m_selectedLabel = nullptr;
    QFrame *m_divider = nullptr;
    QBoxLayout *m_layout = nullptr;
    // Zero-interval single shots: a burst of changes in one event-loop turn is counted once.
    QTimer m_loadedRecount;
    QTimer m_selectedRecount;
    // Zero-interval single shots that run the next slice of a pass.
    QTimer m_loadedSlice;
    QTimer m_selectedSlice;
};
