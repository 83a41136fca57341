#include "exportcolumnlist.h"

#include "columns.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

constexpr int keyRole = Qt::UserRole;

} // namespace

ExportColumnList::ExportColumnList(QWidget *parent)
    : QWidget(parent)
    , m_list(new QListWidget(this))
    , m_up(new QPushButton(tr("Move &up"), this))
    , m_down(new QPushButton(tr("Move do&wn"), this))
{
    m_list->setAccessibleName(tr("Columns to export, in file order"));
    m_list->setToolTip(tr("Space ticks or unticks a column; Ctrl+Up and Ctrl+Down move it."));
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_up->setAccessibleName(tr("Move the column up"));
    m_up->setObjectName(u"moveUpButton"_s);
    m_down->setAccessibleName(tr("Move the column down"));
    m_down->setObjectName(u"moveDownButton"_s);
    auto *reset = new QPushButton(tr("&Visible columns"), this);
    reset->setAccessibleName(tr("Use the table's visible columns"));
    reset->setObjectName(u"visibleColumnsButton"_s);
    reset->setToolTip(tr("The columns the table shows, in its order"));

    // Keys on the list itself, so the order can be changed without leaving it.
    m_list->installEventFilter(this);

    auto *buttons = new QVBoxLayout;
    buttons->addWidget(m_up);
    buttons->addWidget(m_down);
    buttons->addWidget(reset);
    buttons->addStretch(1);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);

    connect(m_up, &QPushButton::clicked, this, [this] { moveCurrent(-1); });
    connect(m_down, &QPushButton::clicked, this, [this] { moveCurrent(1); });
    connect(reset, &QPushButton::clicked, this, &ExportColumnList::resetToTableColumns);
    connect(m_list, &QListWidget::currentRowChanged, this, &ExportColumnList::updateButtons);
    connect(m_list, &QListWidget::itemChanged, this, &ExportColumnList::changed);
    updateButtons();
}

void ExportColumnList::setColumns(const QStringList &checked, const QStringList &all)
{
    m_all = all;
    QStringList order = checked;
    for (const QString &key : all) {
        if (!order.contains(key))
            order << key;
    }
    {
        const QSignalBlocker blocker(m_list);
        m_list->clear();
        for (const QString &key : std::as_const(order)) {
            const QString title = columnTitle(key);
            auto *item = new QListWidgetItem(title == key ? key : tr("%1 (%2)").arg(title, key), m_list);
            item->setData(keyRole, key);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
            item->setCheckState(checked.contains(key) ? Qt::Checked : Qt::Unchecked);
        }
        m_list->setCurrentRow(0);
    }
    updateButtons();
    emit changed();
}

QStringList ExportColumnList::checkedKeys() const
{
    QStringList keys;
    for (int row = 0; row < m_list->count(); ++row) {
        const QListWidgetItem *item = m_list->item(row);
        if (item->checkState() == Qt::Checked)
            keys << item->data(keyRole).toString();
    }
    return keys;
}

void ExportColumnList::moveCurrent(int steps)
{
    const int from = m_list->currentRow();
    const int to = std::clamp(from + steps, 0, m_list->count() - 1);
    if (from < 0 || to == from)
        return;
    QListWidgetItem *item = m_list->takeItem(from);
    m_list->insertItem(to, item);
    m_list->setCurrentRow(to);
    emit changed();
}

void ExportColumnList::resetToTableColumns()
{
    setColumns(m_tableColumns, m_all);
}

bool ExportColumnList::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_list && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->modifiers() == Qt::ControlModifier && (key->key() == Qt::Key_Up || key->key() == Qt::Key_Down)) {
            moveCurrent(key->key() == Qt::Key_Up ? -1 : 1);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void ExportColumnList::updateButtons()
{
    const int row = m_list->currentRow();
    m_up->setEnabled(row > 0);
    m_down->setEnabled(row >= 0 && row < m_list->count() - 1);
}
