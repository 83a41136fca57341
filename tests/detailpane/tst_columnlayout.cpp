#include "cdrtablemodel.h"
#include "columnlayout.h"
#include "columns.h"
#include "provider.h"
#include "providerregistry.h"
#include "searchsession.h"
#include "simulator.h"

#include <QHeaderView>
#include <QMenu>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

const Provider &plivo()
{
    const Provider *provider = ProviderRegistry::find(u"plivo"_s);
    Q_ASSERT(provider);
    return *provider;
}

QAction *findAction(QMenu *menu, const QString &name)
{
    return menu->findChild<QAction *>(name);
}

} // namespace

class TestColumnLayout final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void firstUseShowsProviderDefaults();
    void menuActions();
    void lastColumnCannotBeHidden();
    void layoutSurvivesReattach();
    void userDragIsRemembered();
    void savesAfterDelay();
    void layoutIsPerProvider();
    void reattachReplacesOldLayout();

private:
    std::unique_ptr<SearchSession> newSession();
    void loadRows(CdrTableModel &model);

    std::unique_ptr<cdrsim::Simulator> m_simulator;
    QNetworkAccessManager m_network;
    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;
    int m_settingsCount = 0;
    const QDateTime m_now = QDateTime(QDate(2024, 3, 1), QTime(12, 0), QTimeZone::utc());
};

void TestColumnLayout::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    m_simulator = std::make_unique<cdrsim::Simulator>();
    m_simulator->setNow(m_now);
    QVERIFY(m_simulator->listen(0));
}

void TestColumnLayout::init()
{
    // A fresh settings file for each test: nothing saved yet.
    m_settings = std::make_unique<QSettings>(
        m_dir.filePath(u"settings-%1.ini"_s.arg(++m_settingsCount)), QSettings::IniFormat);
}

std::unique_ptr<SearchSession> TestColumnLayout::newSession()
{
    const cdrsim::PlivoAccount account = cdrsim::Simulator::demoAccount();
    const Connection connection{m_simulator->baseUrl(), account.authId, account.authToken};
    const SearchQuery query = SearchQuery{}.resolved(m_now, plivo().timeRange());
    return std::make_unique<SearchSession>(m_network, plivo(), connection, query);
}

void TestColumnLayout::loadRows(CdrTableModel &model)
{
    model.startSearch(newSession(), u"plivo"_s);
    QTRY_VERIFY_WITH_TIMEOUT(model.rowCount() > 0, 10000);
    QVERIFY(model.columnForKey(u"raw.call_uuid") >= 0);
}

void TestColumnLayout::firstUseShowsProviderDefaults()
{
    QTableView view;
    CdrTableModel model;
    model.startSearch(nullptr, u"plivo"_s);
    ColumnLayout *layout = ColumnLayout::attach(&view, &model, *m_settings);
    QCOMPARE(view.model(), &model);
    QVERIFY(view.horizontalHeader()->sectionsMovable());
    QCOMPARE(layout->visibleKeys(), plivo().defaultColumns());

    // Native columns arrive with the first page: they come in hidden, at the end.
    loadRows(model);
    QCOMPARE(layout->visibleKeys(), plivo().defaultColumns());
    const QHeaderView *header = view.horizontalHeader();
    const int uuid = model.columnForKey(u"raw.call_uuid");
    QVERIFY(header->isSectionHidden(uuid));
    QCOMPARE(layout->entries().size(), model.columnCount());
}

void TestColumnLayout::menuActions()
{
    QTableView view;
    CdrTableModel model;
    ColumnLayout *layout = ColumnLayout::attach(&view, &model, *m_settings);
    loadRows(model);
    const QStringList defaults = plivo().defaultColumns();
    QCOMPARE(layout->visibleKeys(), defaults);

    // "Move left" on the callee column puts it before the caller.
    std::unique_ptr<QMenu> menu(layout->createContextMenu(model.columnForKey(u"callee"), &view));
    QAction *left = findAction(menu.get(), u"moveLeft"_s);
    QVERIFY(left && left->isEnabled());
    left->trigger();
    QStringList expected = defaults;
    expected.move(expected.indexOf(u"callee"_s), expected.indexOf(u"caller"_s));
    QCOMPARE(layout->visibleKeys(), expected);

    // A native column is shown from its checkable entry, at its place (the end).
    menu.reset(layout->createContextMenu(model.columnForKey(u"callee"), &view));
    QAction *uuid = findAction(menu.get(), u"column:raw.call_uuid"_s);
    QVERIFY(uuid && uuid->isCheckable() && !uuid->isChecked());
    QCOMPARE(uuid->data().toString(), u"raw.call_uuid"_s);
    uuid->trigger();
    expected.append(u"raw.call_uuid"_s);
    QCOMPARE(layout->visibleKeys(), expected);

    // "Move right" is disabled on the last shown column; "Move left" moves over hidden ones.
    menu.reset(layout->createContextMenu(model.columnForKey(u"raw.call_uuid"), &view));
    QVERIFY(!findAction(menu.get(), u"moveRight"_s)->isEnabled());
    findAction(menu.get(), u"moveLeft"_s)->trigger();
    expected.move(expected.size() - 1, expected.size() - 2);
    QCOMPARE(layout->visibleKeys(), expected);

    // Unchecking hides; so does "Hide".
    menu.reset(layout->createContextMenu(-1, &view));
    QVERIFY(!findAction(menu.get(), u"moveLeft"_s)); // no column was clicked
    QAction *caller = findAction(menu.get(), u"column:caller"_s);
    QVERIFY(caller->isChecked());
    caller->trigger();
    expected.removeOne(u"caller"_s);
    QCOMPARE(layout->visibleKeys(), expected);
    menu.reset(layout->createContextMenu(model.columnForKey(u"amount"), &view));
    findAction(menu.get(), u"hide"_s)->trigger();
    expected.removeOne(u"amount"_s);
    QCOMPARE(layout->visibleKeys(), expected);

    // The API does the same.
    layout->setColumnVisible(u"trunk"_s, true);
    layout->moveColumn(u"trunk"_s, -100);
    expected.prepend(u"trunk"_s);
    QCOMPARE(layout->visibleKeys(), expected);

    menu.reset(layout->createContextMenu(model.columnForKey(u"callee"), &view));
    if (const QByteArray path = qgetenv("CDR_COLUMNMENU_SCREENSHOT"); !path.isEmpty()) {
        menu->popup(view.mapToGlobal(QPoint(0, 0)));
        QVERIFY(QTest::qWaitForWindowExposed(menu.get()));
        QVERIFY(menu->grab().save(QString::fromLocal8Bit(path)));
        menu->hide();
    }
    findAction(menu.get(), u"resetColumns"_s)->trigger();
    QCOMPARE(layout->visibleKeys(), defaults);
    for (int column = 0; column < model.columnCount(); ++column) {
        if (!view.horizontalHeader()->isSectionHidden(column))
            QCOMPARE(view.horizontalHeader()->sectionSize(column), view.horizontalHeader()->defaultSectionSize());
    }
}

void TestColumnLayout::lastColumnCannotBeHidden()
{
    QTableView view;
    CdrTableModel model;
    model.startSearch(nullptr, u"plivo"_s);
    ColumnLayout *layout = ColumnLayout::attach(&view, &model, *m_settings);
    const QStringList defaults = plivo().defaultColumns();
    for (qsizetype i = 1; i < defaults.size(); ++i)
        layout->setColumnVisible(defaults.at(i), false);
    QCOMPARE(layout->visibleKeys(), QStringList{defaults.first()});
    layout->setColumnVisible(defaults.first(), false);
    QCOMPARE(layout->visibleKeys(), QStringList{defaults.first()});
    std::unique_ptr<QMenu> menu(layout->createContextMenu(model.columnForKey(defaults.first()), &view));
    QVERIFY(!findAction(menu.get(), u"column:"_s + defaults.first())->isEnabled());
    QVERIFY(!findAction(menu.get(), u"hide"_s)->isEnabled());
}

void TestColumnLayout::layoutSurvivesReattach()
{
    QStringList expected;
    {
        auto view = std::make_unique<QTableView>();
        CdrTableModel model;
        ColumnLayout *layout = ColumnLayout::attach(view.get(), &model, *m_settings);
        loadRows(model);
        layout->setColumnVisible(u"caller"_s, false);
        layout->setColumnVisible(u"raw.call_uuid"_s, true);
        layout->moveColumn(u"raw.call_uuid"_s, -100);
        layout->moveColumn(u"end_time"_s, 2);
        view->horizontalHeader()->resizeSection(model.columnForKey(u"amount"), 123); // as a drag would
        view->horizontalHeader()->resizeSection(model.columnForKey(u"raw.call_uuid"), 77);
        expected = layout->visibleKeys();
        QCOMPARE(expected.first(), u"raw.call_uuid"_s);
        QVERIFY(!expected.contains(u"caller"_s));
        // The view goes first, as when a window closes: its layout saves on the way out.
        view.reset();
    }
    QVERIFY(m_settings->contains(u"columns/plivo/size"_s));

    QTableView view;
    CdrTableModel model;
    model.startSearch(nullptr, u"plivo"_s); // unified columns only, so far
    ColumnLayout *layout = ColumnLayout::attach(&view, &model, *m_settings);
    QStringList unifiedOnly = expected;
    unifiedOnly.removeOne(u"raw.call_uuid"_s);
    QCOMPARE(layout->visibleKeys(), unifiedOnly);
    QCOMPARE(view.horizontalHeader()->sectionSize(model.columnForKey(u"amount")), 123);

    // The native columns appear with the rows: the known one goes back to its place.
    loadRows(model);
    QCOMPARE(layout->visibleKeys(), expected);
    QCOMPARE(view.horizontalHeader()->sectionSize(model.columnForKey(u"amount")), 123);
    QCOMPARE(view.horizontalHeader()->sectionSize(model.columnForKey(u"raw.call_uuid")), 77);
    QVERIFY(view.horizontalHeader()->isSectionHidden(model.columnForKey(u"raw.to_country")));

    // A new search resets the model; the layout is put back again.
    loadRows(model);
    QCOMPARE(layout->visibleKeys(), expected);
}

void TestColumnLayout::userDragIsRemembered()
{
    QStringList expected;
    {
        QTableView view;
        CdrTableModel model;
        model.startSearch(nullptr, u"plivo"_s);
        ColumnLayout *layout = ColumnLayout::attach(&view, &model, *m_settings);
        QHeaderView *header = view.horizontalHeader();
        // What dragging the direction column to the far left does.
        header->moveSection(header->visualIndex(model.columnForKey(u"direction")), 0);
        expected = layout->visibleKeys();
        QCOMPARE(expected.first(), u"direction"_s);
    }
    QTableView view;
    CdrTableModel model;
    model.startSearch(nullptr, u"plivo"_s);
    QCOMPARE(ColumnLayout::attach(&view, &model, *m_settings)->visibleKeys(), expected);
}

void TestColumnLayout::savesAfterDelay()
{
    QTableView view;
    CdrTableModel model;
    model.startSearch(nullptr, u"plivo"_s);
    ColumnLayout *layout = ColumnLayout::attach(&view, &model, *m_settings);
    QVERIFY(!m_settings->contains(u"columns/plivo/size"_s)); // nothing changed yet
    layout->setColumnVisible(u"trunk"_s, true);
    QTRY_VERIFY(m_settings->contains(u"columns/plivo/size"_s));
    const int size = m_settings->beginReadArray(u"columns/plivo"_s);
    bool found = false;
    for (int i = 0; i < size; ++i) {
        m_settings->setArrayIndex(i);
        if (m_settings->value(u"key"_s).toString() == u"trunk"_s) {
            found = true;
            QVERIFY(m_settings->value(u"visible"_s).toBool());
            QVERIFY(m_settings->contains(u"width"_s));
            QVERIFY(m_settings->contains(u"position"_s));
        }
    }
    m_settings->endArray();
    QVERIFY(found);
}

void TestColumnLayout::layoutIsPerProvider()
{
    QTableView view;
    CdrTableModel model;
    model.startSearch(nullptr, u"plivo"_s);
    ColumnLayout *layout = ColumnLayout::attach(&view, &model, *m_settings);
    layout->setColumnVisible(u"direction"_s, false);
    const QStringList plivoKeys = layout->visibleKeys();

    // A provider the registry does not know shows every unified column.
    model.startSearch(nullptr, u"other"_s);
    QCOMPARE(layout->providerId(), u"other"_s);
    QCOMPARE(layout->visibleKeys(), unifiedColumnKeys());
    layout->setColumnVisible(u"provider"_s, false);

    model.startSearch(nullptr, u"plivo"_s);
    QCOMPARE(layout->visibleKeys(), plivoKeys);
    model.startSearch(nullptr, u"other"_s);
    QVERIFY(!layout->visibleKeys().contains(u"provider"_s));

    // A cleared model (no provider) keeps what was shown.
    const QStringList before = layout->visibleKeys();
    model.clear();
    QCOMPARE(layout->visibleKeys(), before);
}

void TestColumnLayout::reattachReplacesOldLayout()
{
    QTableView view;
    CdrTableModel model;
    model.startSearch(nullptr, u"plivo"_s);
    ColumnLayout::attach(&view, &model, *m_settings)->setColumnVisible(u"trunk"_s, true);
    ColumnLayout *second = ColumnLayout::attach(&view, &model, *m_settings);
    QCOMPARE(view.findChildren<ColumnLayout *>().size(), 1);
    QVERIFY(second->visibleKeys().contains(u"trunk"_s)); // the first one saved on its way out
}

QTEST_MAIN(TestColumnLayout)
#include "tst_columnlayout.moc"
