#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QTimer>

class CdrTableModel;
class QHeaderView;
class QMenu;
class QSettings;
class QTableView;

// Which columns the table shows, in which order and how wide, remembered per
// provider by column key ("columns/<providerId>"). Keys, not section numbers:
// raw.* columns appear as pages arrive, so positions alone would drift.
// Lives as a child of the view; the QSettings must outlive the view.
class ColumnLayout final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ColumnLayout)
public:
    struct Entry {
        QString key;
        bool visible = true;
        int width = 0; // 0: the header's default
    };

    // Sets `model` on `view` if it is not already there, adds the header's
    // context menu and movable sections, and restores the provider's layout.
    static ColumnLayout *attach(QTableView *view, CdrTableModel *model, QSettings &settings);
    ~ColumnLayout() override;

    QString providerId() const { return m_providerId; }
    QList<Entry> entries() const { return m_entries; } // every known key, in visual order
    QStringList visibleKeys() const; // shown columns, left to right

    void setColumnVisible(const QString &key, bool visible);
    void moveColumn(const QString &key, int steps); // among the shown columns; < 0 is left
    void resetColumns(); // the provider's defaults
    void save(); // now, instead of after the debounce
    QMenu *createContextMenu(int logicalIndex, QWidget *parent); // what a right click on the header shows

private:
    ColumnLayout(QTableView *view, CdrTableModel *model, QSettings &settings);

    void modelColumnsChanged();
    void load();
    void apply();
    void defaultsForNewKeys(const QStringList &present);
    void syncOrderFromHeader();
    void sectionResized(int logicalIndex, int oldSize, int newSize);
    void scheduleSave();
    void showContextMenu(const QPoint &pos);
    int indexOf(const QString &key) const;
    QString keyAt(int logicalIndex) const;
    QString settingsGroup() const;

    QPointer<QTableView> m_view;
    QPointer<QHeaderView> m_header;
    QPointer<CdrTableModel> m_model;
    QSettings &m_settings;
    QString m_providerId;
    QList<Entry> m_entries; // saved and seen keys, visual order; kept current so saving needs no header
    bool m_applying = false;
    bool m_dirty = false;
    QTimer m_saveTimer;
};
