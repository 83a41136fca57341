#pragma once

#include <QStringList>
#include <QWidget>

class QListWidget;
class QPushButton;

// The export dialog's column chooser: a check box per column, in file order,
// with Move up / Move down (also Ctrl+Up / Ctrl+Down in the list) and a
// button that goes back to the table's visible columns.
class ExportColumnList final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportColumnList)
public:
    explicit ExportColumnList(QWidget *parent = nullptr);

    // `checked` first in their order, then the rest of `all` unticked.
    void setColumns(const QStringList &checked, const QStringList &all);
    void setTableColumns(const QStringList &visible) { m_tableColumns = visible; } // what the reset button restores
    QStringList checkedKeys() const; // in file order
    void moveCurrent(int steps); // < 0 is up
    void resetToTableColumns();
    QListWidget *list() const { return m_list; }

signals:
    void changed();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override; // Ctrl+Up / Ctrl+Down in the list

private:
    void updateButtons();

    QListWidget *m_list = nullptr;
    QPushButton *m_up = nullptr;
    QPushButton *m_down = nullptr;
    QStringList m_all;
    QStringList m_tableColumns;
};
