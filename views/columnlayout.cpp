#include "columnlayout.h"

#include "cdrtablemodel.h"
#include "columns.h"
#include "provider.h"
#include "providerregistry.h"

#include <QHeaderView>
#include <QMenu>
#include <QSettings>
#include <QTableView>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {
constexpr int saveDelayMs = 500;
}

ColumnLayout *ColumnLayout::attach(QTableView *view, CdrTableModel *model, QSettings &settings)
{
    Q_ASSERT(view && model);
    // Attaching twice must not leave two menus fighting over one header.
    delete view->findChild<ColumnLayout *>(QString(), Qt::FindDirectChildrenOnly);
    if (view->model() != model)
        view->setModel(model);
    return new ColumnLayout(view, model, settings);
}

ColumnLayout::ColumnLayout(QTableView *view, CdrTableModel *model, QSettings &settings)
    : QObject(view)
    , m_view(view)
    , m_header(view->horizontalHeader())
    , m_model(model)
    , m_settings(settings)
{
    m_saveTimer.setSingleShot(true);
    m_saveTimer.setInterval(saveDelayMs);
    connect(&m_saveTimer, &QTimer::timeout, this, &ColumnLayout::save);

    m_header->setSectionsMovable(true);
    m_header->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_header, &QHeaderView::customContextMenuRequested, this, &ColumnLayout::showContextMenu);
    connect(m_header, &QHeaderView::sectionMoved, this, [this] {
        if (!m_applying) {
            syncOrderFromHeader();
            scheduleSave();
        }
    });
    connect(m_header, &QHeaderView::sectionResized, this, &ColumnLayout::sectionResized);

    // Connected after the header's own handlers, so the header has already
    // reset its sections when the layout is put back.
    connect(model, &CdrTableModel::modelReset, this, &ColumnLayout::modelColumnsChanged);
    connect(model, &CdrTableModel::columnsInserted, this, &ColumnLayout::modelColumnsChanged);
    connect(model, &CdrTableModel::columnsRemoved, this, &ColumnLayout::modelColumnsChanged);
    connect(model, &CdrTableModel::columnsChanged, this, &ColumnLayout::modelColumnsChanged);
    modelColumnsChanged();
}

ColumnLayout::~ColumnLayout()
{
    // Only m_entries is read here: the view and its header may already be half destroyed.
    if (m_dirty)
        save();
}

QStringList ColumnLayout::visibleKeys() const
{
    QStringList keys;
    if (!m_header || !m_model)
        return keys;
    for (int visual = 0; visual < m_header->count(); ++visual) {
        const int logical = m_header->logicalIndex(visual);
        if (!m_header->isSectionHidden(logical))
            keys.append(keyAt(logical));
    }
    return keys;
}

QString ColumnLayout::keyAt(int logicalIndex) const
{
    return m_model ? m_model->columnKeys().value(logicalIndex) : QString();
}

int ColumnLayout::indexOf(const QString &key) const
{
    const auto it = std::find_if(m_entries.cbegin(), m_entries.cend(), [&key](const Entry &e) { return e.key == key; });
    return it == m_entries.cend() ? -1 : int(it - m_entries.cbegin());
}

QString ColumnLayout::settingsGroup() const
{
    return u"columns/"_s + m_providerId;
}

void ColumnLayout::modelColumnsChanged()
{
    if (!m_model || !m_header)
        return;
    const QString providerId = m_model->providerId();
    // A cleared model has no provider; it keeps the layout it had.
    if (!providerId.isEmpty() && providerId != m_providerId) {
        if (m_dirty)
            save();
        m_providerId = providerId;
        load();
    }
    if (!m_providerId.isEmpty())
        apply();
}

void ColumnLayout::load()
{
    m_entries.clear();
    m_dirty = false;
    struct Saved {
        Entry entry;
        int position;
    };
    QList<Saved> saved;
    const int size = m_settings.beginReadArray(settingsGroup());
    for (int i = 0; i < size; ++i) {
        m_settings.setArrayIndex(i);
        Saved item;
        item.entry.key = m_settings.value(u"key"_s).toString();
        item.entry.visible = m_settings.value(u"visible"_s, true).toBool();
        item.entry.width = std::max(0, m_settings.value(u"width"_s, 0).toInt());
        item.position = m_settings.value(u"position"_s, i).toInt();
        saved.append(item);
    }
    m_settings.endArray();
    std::stable_sort(
        saved.begin(), saved.end(), [](const Saved &a, const Saved &b) { return a.position < b.position; });
    for (const Saved &item : std::as_const(saved)) {
        // A hand-edited or older file must not break the table.
        if (isValidColumnKey(item.entry.key) && indexOf(item.entry.key) < 0)
            m_entries.append(item.entry);
    }
}

void ColumnLayout::defaultsForNewKeys(const QStringList &present)
{
    const Provider *provider = ProviderRegistry::find(m_providerId);
    const QStringList defaults = provider ? provider->defaultColumns() : unifiedColumnKeys();
    if (m_entries.isEmpty()) {
        // First use: the provider's choice, in its order, even for raw columns
        // that have not arrived yet, so they land in their place when they do.
        for (const QString &key : defaults) {
            if (indexOf(key) < 0)
                m_entries.append({key, true, 0});
        }
    }
    // Columns seen for the first time go to the end, shown only if the provider suggests them.
    for (const QString &key : present) {
        if (indexOf(key) < 0)
            m_entries.append({key, defaults.contains(key), 0});
    }
}

void ColumnLayout::apply()
{
    const QStringList present = m_model->columnKeys();
    defaultsForNewKeys(present);

    m_applying = true;
    int visual = 0;
    int shown = 0;
    for (const Entry &entry : std::as_const(m_entries)) {
        const int logical = present.indexOf(entry.key);
        if (logical < 0)
            continue;
        const int from = m_header->visualIndex(logical);
        if (from != visual)
            m_header->moveSection(from, visual);
        ++visual;
        // A hidden section keeps the size for when it is shown again.
        m_header->resizeSection(logical, entry.width > 0 ? entry.width : m_header->defaultSectionSize());
        m_header->setSectionHidden(logical, !entry.visible);
        shown += entry.visible ? 1 : 0;
    }
    // A table with every column hidden would look empty and offer no header to right-click.
    if (shown == 0 && !present.isEmpty()) {
        const int logical = m_header->logicalIndex(0);
        m_header->setSectionHidden(logical, false);
        m_entries[indexOf(present.at(logical))].visible = true;
    }
    m_applying = false;
}

void ColumnLayout::syncOrderFromHeader()
{
    if (!m_header || !m_model)
        return;
    QList<Entry> ordered;
    for (int visual = 0; visual < m_header->count(); ++visual) {
        const int index = indexOf(keyAt(m_header->logicalIndex(visual)));
        if (index >= 0)
            ordered.append(m_entries.at(index));
    }
    // Keys of columns this search does not have keep their place after the
    // key they followed, so the next search that has them finds them there.
    QString previous;
    for (const Entry &entry : std::as_const(m_entries)) {
        const bool present
            = std::any_of(ordered.cbegin(), ordered.cend(), [&entry](const Entry &e) { return e.key == entry.key; });
        if (!present) {
            const auto after = std::find_if(
                ordered.cbegin(), ordered.cend(), [&previous](const Entry &e) { return e.key == previous; });
            ordered.insert(after == ordered.cend() ? 0 : int(after - ordered.cbegin()) + 1, entry);
        }
        previous = entry.key;
    }
    m_entries = ordered;
}

void ColumnLayout::sectionResized(int logicalIndex, int, int newSize)
{
    // Hiding reports size 0; the width to remember is the one before.
    if (m_applying || newSize <= 0)
        return;
    const int index = indexOf(keyAt(logicalIndex));
    if (index < 0 || m_entries.at(index).width == newSize)
        return;
    m_entries[index].width = newSize;
    scheduleSave();
}

void ColumnLayout::setColumnVisible(const QString &key, bool visible)
{
    if (!m_model || m_providerId.isEmpty() || !isValidColumnKey(key))
        return;
    if (!visible && visibleKeys() == QStringList{key})
        return; // keep at least one column
    int index = indexOf(key);
    if (index < 0) {
        m_entries.append({key, visible, 0});
        index = int(m_entries.size()) - 1;
    }
    if (m_entries.at(index).visible == visible)
        return;
    m_entries[index].visible = visible;
    const int logical = m_model->columnForKey(key);
    if (logical >= 0 && m_header) {
        m_applying = true;
        m_header->setSectionHidden(logical, !visible);
        m_applying = false;
    }
    scheduleSave();
}

void ColumnLayout::moveColumn(const QString &key, int steps)
{
    if (!m_model || !m_header || steps == 0)
        return;
    const QStringList shown = visibleKeys();
    const int from = int(shown.indexOf(key));
    if (from < 0)
        return;
    const int to = std::clamp(from + steps, 0, int(shown.size()) - 1);
    if (to == from)
        return;
    const int fromVisual = m_header->visualIndex(m_model->columnForKey(key));
    const int toVisual = m_header->visualIndex(m_model->columnForKey(shown.at(to)));
    m_header->moveSection(fromVisual, toVisual); // sectionMoved records it
}

void ColumnLayout::resetColumns()
{
    if (m_providerId.isEmpty())
        return;
    m_settings.remove(settingsGroup());
    m_entries.clear();
    m_dirty = false;
    m_saveTimer.stop();
    if (m_model && m_header)
        apply();
}

void ColumnLayout::scheduleSave()
{
    m_dirty = true;
    m_saveTimer.start();
}

void ColumnLayout::save()
{
    m_saveTimer.stop();
    if (m_providerId.isEmpty())
        return;
    m_settings.remove(settingsGroup());
    m_settings.beginWriteArray(settingsGroup(), int(m_entries.size()));
    for (int i = 0; i < m_entries.size(); ++i) {
        const Entry &entry = m_entries.at(i);
        m_settings.setArrayIndex(i);
        m_settings.setValue(u"key"_s, entry.key);
        m_settings.setValue(u"visible"_s, entry.visible);
        m_settings.setValue(u"width"_s, entry.width);
        m_settings.setValue(u"position"_s, i);
    }
    m_settings.endArray();
    m_dirty = false;
}

QMenu *ColumnLayout::createContextMenu(int logicalIndex, QWidget *parent)
{
    auto *menu = new QMenu(parent);
    menu->setAccessibleName(tr("Columns"));
    if (!m_model || !m_header)
        return menu;

    const QStringList shown = visibleKeys();
    const QString clicked = keyAt(logicalIndex);
    if (!clicked.isEmpty() && shown.contains(clicked)) {
        const QString title = columnTitle(clicked);
        QAction *left
            = menu->addAction(tr("Move “%1” left").arg(title), this, [this, clicked] { moveColumn(clicked, -1); });
        left->setObjectName(u"moveLeft"_s);
        left->setEnabled(shown.first() != clicked);
        QAction *right
            = menu->addAction(tr("Move “%1” right").arg(title), this, [this, clicked] { moveColumn(clicked, 1); });
        right->setObjectName(u"moveRight"_s);
        right->setEnabled(shown.last() != clicked);
        QAction *hide
            = menu->addAction(tr("Hide “%1”").arg(title), this, [this, clicked] { setColumnVisible(clicked, false); });
        hide->setObjectName(u"hide"_s);
        hide->setEnabled(shown.size() > 1);
        menu->addSeparator();
    }

    // Native fields can run to dozens; they get their own submenu.
    QMenu *nativeMenu = nullptr;
    for (int visual = 0; visual < m_header->count(); ++visual) {
        const QString key = keyAt(m_header->logicalIndex(visual));
        if (key.isEmpty())
            continue;
        QMenu *target = menu;
        if (key.startsWith(rawPrefix)) {
            if (!nativeMenu)
                nativeMenu = new QMenu(tr("Provider fields"), menu);
            target = nativeMenu;
        }
        const QString title = columnTitle(key);
        // The key sits where a shortcut would: it is what cdr-export --columns takes.
        QAction *action = target->addAction(title == key ? key : title + u'\t' + key);
        action->setObjectName(u"column:"_s + key);
        action->setData(key);
        action->setCheckable(true);
        action->setChecked(shown.contains(key));
        action->setEnabled(!(shown.size() == 1 && shown.contains(key)));
        connect(action, &QAction::toggled, this, [this, key](bool on) { setColumnVisible(key, on); });
    }
    if (nativeMenu) {
        menu->addMenu(nativeMenu);
        nativeMenu->menuAction()->setObjectName(u"nativeFields"_s);
    }
    menu->addSeparator();
    QAction *reset = menu->addAction(tr("Reset columns"), this, &ColumnLayout::resetColumns);
    reset->setObjectName(u"resetColumns"_s);
    return menu;
}

void ColumnLayout::showContextMenu(const QPoint &pos)
{
    if (!m_header)
        return;
    QMenu *menu = createContextMenu(m_header->logicalIndexAt(pos), m_header);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->popup(m_header->viewport()->mapToGlobal(pos)); // popup, not exec: no nested event loop
}
