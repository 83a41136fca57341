#include "totalsbar.h"

#include "cdrtablemodel.h"

#include <QBoxLayout>
#include <QElapsedTimer>
#include <QFrame>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>

#include <algorithm>
#include <limits>
#include <utility>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

// Work per slice of a count. The event loop must never wait more than 50 ms;
// this leaves room for painting and input in the same turn on a busy machine.
constexpr qint64 sliceNs = 15'000'000;
// Rows added between two looks at the clock: a few hundred microseconds of work.
constexpr int rowsPerClockCheck = 512;

// h:mm:ss with unbounded hours: totals of a month's calls run into hundreds of hours.
QString hoursMinutesSeconds(qint64 seconds)
{
    const QString sign = seconds < 0 ? u"-"_s : QString();
    const qint64 value = seconds < 0 ? -seconds : seconds;
    return u"%1%2:%3:%4"_s.arg(sign)
        .arg(value / 3600)
        .arg(value / 60 % 60, 2, 10, QLatin1Char('0'))
        .arg(value % 60, 2, 10, QLatin1Char('0'));
}

QString minutesSeconds(qint64 seconds)
{
    const QString sign = seconds < 0 ? u"-"_s : QString();
    const qint64 value = seconds < 0 ? -seconds : seconds;
    return u"%1%2:%3"_s.arg(sign).arg(value / 60).arg(value % 60, 2, 10, QLatin1Char('0'));
}

QString signedHoursMinutesSeconds(qint64 seconds)
{
    return seconds > 0 ? u"+"_s + hoursMinutesSeconds(seconds) : hoursMinutesSeconds(seconds);
}

QString amountText(const CallTotals::Amount &amount)
{
    if (amount.overflowed)
        return amount.currency.isEmpty() ? TotalsBar::tr("amount too large to add up")
                                         : TotalsBar::tr("%1 amount too large to add up").arg(amount.currency);
    const QString value = amount.total.toString();
    return amount.currency.isEmpty() ? value : u"%1 %2"_s.arg(value, amount.currency);
}

QLabel *makeLabel(const QString &objectName, const QString &accessibleName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setAccessibleName(accessibleName);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse); // finance copies these numbers
    // Long totals must not widen the window; the tooltip always has them in full.
    label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    label->setMinimumWidth(label->fontMetrics().averageCharWidth() * 20);
    return label;
}

} // namespace

TotalsBar::TotalsBar(CdrTableModel &model, QItemSelectionModel &selection, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_selection(selection)
{
    setObjectName(u"totalsBar"_s);
    setAccessibleName(tr("Totals"));
    m_loadedLabel = makeLabel(u"loadedTotals"_s, tr("Totals of the loaded calls"), this);
    m_selectedLabel = makeLabel(u"selectedTotals"_s, tr("Totals of the selected calls"), this);
    m_divider = new QFrame(this);
    m_divider->setFrameShape(QFrame::VLine);
    m_divider->setFrameShadow(QFrame::Sunken);
    m_layout = new QBoxLayout(QBoxLayout::LeftToRight, this);
    m_layout->setContentsMargins(6, 2, 6, 2);
    m_layout->addWidget(m_loadedLabel, 1);
    m_layout->addWidget(m_divider);
    m_layout->addWidget(m_selectedLabel, 1);

    for (QTimer *timer : {&m_loadedRecount, &m_selectedRecount, &m_loadedSlice, &m_selectedSlice}) {
        timer->setSingleShot(true);
        timer->setInterval(0);
    }
    connect(&m_loadedRecount, &QTimer::timeout, this, &TotalsBar::recountLoaded);
    connect(&m_selectedRecount, &QTimer::timeout, this, &TotalsBar::recountSelected);
    connect(&m_loadedSlice, &QTimer::timeout, this, &TotalsBar::continueLoaded);
    connect(&m_selectedSlice, &QTimer::timeout, this, &TotalsBar::continueSelected);

    connect(&m_model, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &parent, int first, int last) {
        if (!parent.isValid())
            addRows(first, last);
    });
    const auto recountAll = [this] {
        restartLoaded();
        restartSelected();
    };
    connect(&m_model, &QAbstractItemModel::modelReset, this, recountAll);
    connect(&m_model, &QAbstractItemModel::rowsRemoved, this, recountAll);
    // A refreshed call replaces its record; the old values are gone, so count again.
    // A change of display zone only touches DisplayRole and leaves the totals alone.
    connect(&m_model, &QAbstractItemModel::dataChanged, this,
        [recountAll](const QModelIndex &, const QModelIndex &, const QList<int> &roles) {
            if (roles.isEmpty() || roles.contains(CdrTableModel::RawValueRole))
                recountAll();
        });
    connect(&m_selection, &QItemSelectionModel::selectionChanged, this, &TotalsBar::restartSelected);
    // Sorting moves selected rows; the set stays the same, but the ranges are rebuilt.
    // A loaded count half done would now meet rows it has counted, or miss some.
    connect(&m_model, &QAbstractItemModel::layoutChanged, this, [this] {
        if (m_loadedPass.running)
            restartLoaded();
        restartSelected();
    });

    recountLoaded();
    recountSelected();
}

void TotalsBar::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    arrange();
}

void TotalsBar::arrange()
{
    const QMargins margins = m_layout->contentsMargins();
    const int needed = m_loadedLabel->sizeHint().width() + m_selectedLabel->sizeHint().width()
        + m_divider->sizeHint().width() + 2 * m_layout->spacing() + margins.left() + margins.right();
    const bool sideBySide = needed <= width();
    m_layout->setDirection(sideBySide ? QBoxLayout::LeftToRight : QBoxLayout::TopToBottom);
    m_divider->setVisible(sideBySide);
}

// Why slices on the GUI thread and not a worker thread: the rows live in the
// model's std::vector, which the GUI thread appends to (reallocating it),
// re-sorts and resets while a count runs. A worker would need a lock inside the
// model or a snapshot, and copying a million records (or even their amounts) is
// itself a full pass on the GUI thread. Read on the GUI thread, rows only move
// at a signal we see: appended rows land past those counted, and a reset,
// removal, refresh or re-sort restarts the count before the next slice runs.
// A slice adds rows for sliceNs, then yields to the event loop.
bool TotalsBar::step(Pass &pass)
{
    QElapsedTimer clock;
    clock.start();
    const int rowCount = m_model.rowCount();
    int sinceCheck = 0;
    while (pass.span < pass.spans.size()) {
        const int last = std::min(pass.spans[pass.span].second, rowCount - 1);
        for (; pass.row <= last; ++pass.row) {
            pass.totals.add(m_model.record(pass.row, {CallTotals::fieldsRead(), {}}));
            if (++sinceCheck == rowsPerClockCheck) {
                sinceCheck = 0;
                if (clock.nsecsElapsed() >= sliceNs) {
                    ++pass.row;
                    return false;
                }
            }
        }
        if (++pass.span < pass.spans.size())
            pass.row = std::max(pass.row, pass.spans[pass.span].first);
    }
    return true;
}

void TotalsBar::addRows(int first, int last)
{
    // A count under way reaches appended rows itself: its last span is open-ended.
    if (m_loadedPass.running || m_loadedRecount.isActive())
        return;
    for (int row = first; row <= last; ++row)
        m_loaded.add(m_model.record(row, {CallTotals::fieldsRead(), {}}));
    showLoaded();
}

void TotalsBar::restartLoaded()
{
    m_loadedSlice.stop();
    m_loadedPass.running = false;
    m_loadedRecount.start();
}

void TotalsBar::restartSelected()
{
    m_selectedSlice.stop();
    m_selectedPass.running = false;
    m_selectedRecount.start();
}

void TotalsBar::recountLoaded()
{
    m_loadedPass = Pass();
    m_loadedPass.spans.emplace_back(0, std::numeric_limits<int>::max());
    m_loadedPass.rows = m_model.rowCount();
    m_loadedPass.running = true;
    continueLoaded();
}

void TotalsBar::continueLoaded()
{
    if (!step(m_loadedPass)) {
        m_loadedSlice.start();
        if (!std::exchange(m_loadedPass.shown, true))
            showLoaded();
        return;
    }
    m_loaded = std::move(m_loadedPass.totals);
    m_loadedPass = Pass();
    showLoaded();
}

void TotalsBar::recountSelected()
{
    // Rows with any selected cell, each once: ranges may overlap or split a row by columns.
    std::vector<std::pair<int, int>> ranges;
    const int rowCount = m_model.rowCount();
    for (const QItemSelectionRange &range : m_selection.selection()) {
        if (range.isValid() && range.model() == &m_model && !range.parent().isValid())
            ranges.emplace_back(range.top(), std::min(range.bottom(), rowCount - 1));
    }
    std::sort(ranges.begin(), ranges.end());
    Pass pass;
    for (const auto &[top, bottom] : ranges) {
        if (!pass.spans.empty() && top <= pass.spans.back().second + 1) {
            pass.spans.back().second = std::max(pass.spans.back().second, bottom);
        } else if (top <= bottom) {
            pass.spans.emplace_back(top, bottom);
        }
    }
    for (const auto &[top, bottom] : pass.spans)
        pass.rows += bottom - top + 1;
    if (!pass.spans.empty())
        pass.row = pass.spans.front().first;
    pass.running = true;
    m_selectedPass = std::move(pass);
    continueSelected();
}

void TotalsBar::continueSelected()
{
    if (!step(m_selectedPass)) {
        // Timer first: a listener that changes the selection stops it again.
        m_selectedSlice.start();
        if (!std::exchange(m_selectedPass.shown, true)) {
            showSelected();
            emit selectionCountStarted();
        }
        return;
    }
    m_selected = std::move(m_selectedPass.totals);
    m_selectedPass = Pass();
    showSelected();
}

void TotalsBar::showLoaded()
{
    const QString text = loadedText();
    m_loadedLabel->setText(text);
    m_loadedLabel->setToolTip(m_loadedPass.running ? text : u"%1\n\n%2"_s.arg(text, details(m_loaded)));
    m_loadedLabel->setAccessibleDescription(text);
    arrange();
    if (!m_loadedPass.running) // listeners read loadedTotals(), which change only when a count is done
        emit loadedTotalsChanged();
}

void TotalsBar::showSelected()
{
    const QString text = selectedText();
    m_selectedLabel->setText(text);
    if (m_selectedPass.running)
        m_selectedLabel->setToolTip(text);
    else
        m_selectedLabel->setToolTip(m_selected.rows() == 0 ? tr("Select rows to add them up here.")
                                                           : u"%1\n\n%2"_s.arg(text, details(m_selected)));
    m_selectedLabel->setAccessibleDescription(text);
    // Muted while nothing is selected.
    m_selectedLabel->setEnabled(m_selectedPass.running || m_selected.rows() > 0);
    arrange();
    if (!m_selectedPass.running)
        emit selectedTotalsChanged();
}

QString TotalsBar::loadedText() const
{
    if (m_loadedPass.running)
        return tr("Loaded: %Ln call(s), counting…", nullptr, int(m_loadedPass.rows));
    return tr("Loaded: %1").arg(summary(m_loaded));
}

QString TotalsBar::selectedText() const
{
    if (m_selectedPass.running)
        return tr("Selected: %Ln call(s), counting…", nullptr, int(m_selectedPass.rows));
    return m_selected.rows() == 0 ? tr("Selected: none") : tr("Selected: %1").arg(summary(m_selected));
}

QString TotalsBar::summary(const CallTotals &totals)
{
    const QLocale locale;
    QStringList parts;
    parts.append(tr("%Ln call(s)", nullptr, int(totals.rows())));
    if (totals.secondsOverflowed()) {
        parts.append(tr("durations too large to add up"));
    } else {
        if (totals.durationRows() > 0)
            parts.append(tr("duration %1").arg(hoursMinutesSeconds(totals.duration())));
        if (totals.billedRows() > 0) {
            QString billed = tr("billed %1").arg(hoursMinutesSeconds(totals.billed()));
            if (totals.pairedRows() > 0)
                billed += u" ("_s + signedHoursMinutesSeconds(totals.difference()) + u')';
            parts.append(billed);
        }
    }
    for (const CallTotals::Amount &amount : totals.amounts())
        parts.append(amountText(amount));
    if (const std::optional<qint64> average = totals.averageBilled(); average && !totals.secondsOverflowed())
        parts.append(tr("avg billed %1").arg(minutesSeconds(*average)));
    return parts.join(u" · "_s);
}

QString TotalsBar::details(const CallTotals &totals)
{
    const QLocale locale;
    const QString all = locale.toString(totals.rows());
    QStringList lines;
    lines.append(tr("Duration: %1 of %2 calls have one.").arg(locale.toString(totals.durationRows()), all));
    lines.append(tr("Billed duration: %1 of %2 calls have one.").arg(locale.toString(totals.billedRows()), all));
    lines.append(tr("Difference: billed minus duration, over the %1 calls that have both.")
                     .arg(locale.toString(totals.pairedRows())));
    lines.append(tr("Average billed: billed duration divided by the calls that have one, to the second."));
    lines.append(tr("Amount: %1 of %2 calls have one, added up exactly per currency.")
                     .arg(locale.toString(totals.amountRows()), all));
    for (const CallTotals::Amount &amount : totals.amounts())
        lines.append(tr("  %1: %Ln call(s)", nullptr, int(amount.rows))
                         .arg(amount.currency.isEmpty() ? tr("no currency") : amount.currency));
    if (totals.unreadableAmountRows() > 0)
        lines.append(
            tr("%1 amount(s) are not numbers and are left out.").arg(locale.toString(totals.unreadableAmountRows())));
    return lines.join(u'\n');
}
