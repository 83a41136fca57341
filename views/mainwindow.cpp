#include "mainwindow.h"

#include "cdrtablemodel.h"
#include "columnlayout.h"
#include "detailpane.h"
#include "exportcontroller.h"
#include "filterform.h"
#include "profiledialog.h"
#include "providerregistry.h"
#include "searchsession.h"
#include "searchstatusbar.h"
#include "signinflow.h"
#include "tablecopy.h"
#include "tablefitter.h"
#include "welcomepage.h"
#include "totalsbar.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QScrollArea>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

const auto geometryKey = "mainWindow/geometry"_L1;
const auto stateKey = "mainWindow/state"_L1;
const auto lastProfileKey = "mainWindow/lastProfile"_L1;

} // namespace

MainWindow::MainWindow(QSettings &settings, SecretStore &secrets, QNetworkAccessManager &network, QWidget *parent)
    : QMainWindow(parent)
    , m_settings(settings)
    , m_secrets(secrets)
    , m_network(network)
    , m_model(new CdrTableModel(this))
    , m_view(new QTableView(this))
    , m_form(new FilterForm(settings, this))
    , m_detail(new DetailPane(network, this))
    , m_status(new SearchStatusBar(*m_model, this))
    , m_centre(new QStackedWidget(this))
{
    setWindowTitle(tr("CDR Browser"));
    setWindowIcon(QIcon(u":/icons/cdr-browser.svg"_s));
    setAccessibleName(tr("CDR Browser"));

    m_view->setObjectName(u"cdrTable"_s);
    m_view->setAccessibleName(tr("Call detail records"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setHighlightSections(false);
    m_view->setModel(m_model);
    // No sort until the user asks: enabling sorting would otherwise sort column 0 at once.
    m_view->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_view->setSortingEnabled(true);
    m_columns = ColumnLayout::attach(m_view, m_model, m_settings);
    new TableFitter(*m_view, *m_model, *m_columns);

    m_welcome = new WelcomePage(this);
    connect(m_welcome, &WelcomePage::addProfileRequested, this, &MainWindow::openProfileDialog);
    connect(m_welcome, &WelcomePage::demoRequested, this, &MainWindow::demoRequested);
    m_centre->addWidget(m_welcome);
    m_ready = new QLabel(tr("Choose filters on the left, then press Search (F5)."), this);
    m_ready->setObjectName(u"readyPage"_s);
    m_ready->setAlignment(Qt::AlignCenter);
    m_ready->setAccessibleName(tr("No search yet"));
    m_ready->setEnabled(false);   // drawn in the muted colour of a placeholder
    m_centre->addWidget(m_ready);
    m_centre->addWidget(m_view);
    // The totals sit under the table and show only while the table does.
    auto *centre = new QWidget(this);
    auto *centreLayout = new QVBoxLayout(centre);
    centreLayout->setContentsMargins(0, 0, 0, 0);
    centreLayout->setSpacing(0);
    centreLayout->addWidget(m_centre, 1);
    auto *totals = new TotalsBar(*m_model, *m_view->selectionModel(), centre);
    centreLayout->addWidget(totals);
    totals->setVisible(false);
    connect(m_centre, &QStackedWidget::currentChanged, totals,
            [this, totals] { totals->setVisible(m_centre->currentWidget() == m_view); });
    connect(totals, &TotalsBar::selectedTotalsChanged, m_status,
            [this, totals] { m_status->setSelectionCount(int(totals->selectedTotals().rows())); });
    setCentralWidget(centre);

    auto *formScroll = new QScrollArea(this);
    formScroll->setWidget(m_form);
    formScroll->setWidgetResizable(true);
    formScroll->setFrameShape(QFrame::NoFrame);
    formScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_filterDock = new QDockWidget(tr("Filters"), this);
    m_filterDock->setObjectName(u"filterDock"_s);
    m_filterDock->setAccessibleName(tr("Filters"));
    m_filterDock->setWidget(formScroll);
    addDockWidget(Qt::LeftDockWidgetArea, m_filterDock);

    m_detailDock = new QDockWidget(tr("Call details"), this);
    m_detailDock->setObjectName(u"detailDock"_s);
    m_detailDock->setAccessibleName(tr("Call details"));
    m_detailDock->setWidget(m_detail);
    addDockWidget(Qt::RightDockWidgetArea, m_detailDock);
    resizeDocks({m_filterDock, m_detailDock}, {320, 340}, Qt::Horizontal);
    // A refreshed call replaces its row, so table, export and details agree.
    connect(m_detail, &DetailPane::recordRefreshed, m_model,
            [this](const CdrRecord &record) { m_model->replaceRecord(record); });

    statusBar()->addWidget(m_status, 1);
    statusBar()->setSizeGripEnabled(true);

    m_exports = std::make_unique<ExportController>(*this, m_settings);
    connect(m_exports.get(), &ExportController::runningChanged, this, &MainWindow::updateActions);
    m_signIn = new SignInFlow(*this, m_secrets, m_network);
    connect(m_signIn, &SignInFlow::secretReady, this, [this](const QString &profileId, const QString &secret) {
        if (m_pending && m_pending->profileId == profileId)
            startSearchWith(secret);
    });
    connect(m_signIn, &SignInFlow::certificateTrusted, this, &MainWindow::certificateTrusted);

    buildActions();
    buildMenus();
    buildToolBar();

    connect(m_form, &FilterForm::searchRequested, this, &MainWindow::search);
    connect(m_form, &FilterForm::displayZoneChanged, this, &MainWindow::displayZoneChanged);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &MainWindow::currentRowChanged);
    // The selection count comes from the totals bar's one pass (selectedRows() took 1.5 s at a million rows).
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] { updateActions(); });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_detail->showRecord(nullptr, nullptr, QString(), nullptr);
        m_status->setSelectionCount(0);
    });
    connect(m_model, &CdrTableModel::loadingChanged, this, &MainWindow::updateActions);
    connect(m_model, &CdrTableModel::searchFailed, m_signIn, &SignInFlow::offerToTrustCertificate);
    connect(m_detail, &DetailPane::refreshFailed, m_signIn, &SignInFlow::offerToTrustCertificate);
    // Queued: the header is still inside its click when the model asks.
    connect(m_model, &CdrTableModel::serverSortRequested, this, &MainWindow::rerunSorted, Qt::QueuedConnection);
    // A raw column the server sorted on only exists once its first row is in; show its indicator then.
    connect(m_model, &CdrTableModel::columnsChanged, this, [this] {
        QHeaderView *header = m_view->horizontalHeader();
        if (!m_model->sortedByServer() || m_model->sortColumn() < 0 || header->sortIndicatorSection() == m_model->sortColumn())
            return;
        const QSignalBlocker noResort(header);   // the rows already are in this order
        header->setSortIndicator(m_model->sortColumn(), m_model->sortOrder());
    });
    connect(m_model, &CdrTableModel::progressChanged, this, &MainWindow::updateActions);
    connect(m_model, &CdrTableModel::searchFinished, this, &MainWindow::updateActions);
    connect(m_status, &SearchStatusBar::resumableChanged, this, &MainWindow::updateActions);

    displayZoneChanged();
    restoreWindowState();
    reloadProfiles(m_settings.value(lastProfileKey).toString());
    updateActions();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildActions()
{
    auto make = [this](const QString &text, const QKeySequence &shortcut, const QString &tip, auto slot) {
        auto *action = new QAction(text, this);
        action->setShortcut(shortcut);
        action->setToolTip(u"%1 (%2)"_s.arg(tip, shortcut.toString(QKeySequence::NativeText)));
        action->setStatusTip(tip);
        connect(action, &QAction::triggered, this, slot);
        return action;
    };
    m_searchAction = make(tr("&Search"), QKeySequence(Qt::Key_F5), tr("Search with the filters"), &MainWindow::search);
    m_searchAction->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    m_cancelAction = make(tr("&Cancel"), QKeySequence(Qt::Key_Escape), tr("Stop loading; the loaded rows stay"),
                          &MainWindow::cancelSearch);
    m_cancelAction->setIcon(style()->standardIcon(QStyle::SP_BrowserStop));
    m_loadAllAction = make(tr("&Load all"), QKeySequence(Qt::CTRL | Qt::Key_L), tr("Load every row of the search"),
                           &MainWindow::loadAll);
    m_loadAllAction->setIcon(style()->standardIcon(QStyle::SP_ArrowDown));
    m_continueAction = make(tr("C&ontinue"), QKeySequence(Qt::CTRL | Qt::Key_R),
                            tr("Continue loading from the first missing page"), [this] { m_status->resume(); });
    m_exportAction = make(tr("&Export…"), QKeySequence(Qt::CTRL | Qt::Key_E), tr("Write rows to a file"),
                          [this] { m_exports->openDialog(); });
    m_exportAction->setIcon(style()->standardIcon(QStyle::SP_DialogSaveButton));
    m_columnsAction = make(tr("C&olumns…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O),
                           tr("Show, hide and reorder columns"), [this] {
                               QMenu *menu = m_columns->createContextMenu(-1, this);
                               menu->setAttribute(Qt::WA_DeleteOnClose);
                               QWidget *anchor = nullptr;
                               if (auto *bar = findChild<QToolBar *>(u"mainToolBar"_s))
                                   anchor = bar->widgetForAction(m_columnsAction);
                               menu->popup(anchor && anchor->isVisible() ? anchor->mapToGlobal(QPoint(0, anchor->height()))
                                                                         : m_view->mapToGlobal(QPoint(0, 0)));
                           });
    m_columnsAction->setIcon(style()->standardIcon(QStyle::SP_FileDialogDetailedView));
    // In the table only: elsewhere Ctrl+C copies the text of the field being edited.
    m_copyAction = make(tr("&Copy"), QKeySequence::Copy, tr("Copy the selected cells (tab-separated and as a table)"),
        [this] { copySelection(false); });
    m_copyWithHeaderAction = make(tr("Copy with &headers"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C),
        tr("Copy the selected cells with a header row"), [this] { copySelection(true); });
    for (QAction *action : {m_copyAction, m_copyWithHeaderAction}) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        m_view->addAction(action);
    }
    m_profilesAction = make(tr("&Profiles…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P),
                            tr("Add, edit, remove and test account profiles"), &MainWindow::openProfileDialog);
    m_profilesAction->setIcon(style()->standardIcon(QStyle::SP_DirHomeIcon));
    m_demoAction = make(tr("Try the &demo"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D),
                        tr("Browse a simulated account on this computer"), &MainWindow::demoRequested);
    m_quitAction = make(tr("&Quit"), QKeySequence::Quit, tr("Close CDR Browser"), &QWidget::close);
    m_aboutAction = make(tr("&About CDR Browser"), QKeySequence(Qt::Key_F1), tr("What CDR Browser is"), [this] {
        auto *box = new QMessageBox(QMessageBox::Information, tr("About CDR Browser"),
                                    tr("<b>CDR Browser %1</b><br>Search, inspect and export the call detail records "
                                       "of your telephony provider.")
                                        .arg(QApplication::applicationVersion()),
                                    QMessageBox::Close, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_exportAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_copyAction);
    edit->addAction(m_copyWithHeaderAction);

    QMenu *searchMenu = menuBar()->addMenu(tr("&Search"));
    searchMenu->addAction(m_searchAction);
    searchMenu->addAction(m_cancelAction);
    searchMenu->addAction(m_continueAction);
    searchMenu->addAction(m_loadAllAction);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *filters = m_filterDock->toggleViewAction();
    filters->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    QAction *details = m_detailDock->toggleViewAction();
    details->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
    view->addAction(filters);
    view->addAction(details);
    view->addAction(m_columnsAction);

    QMenu *profiles = menuBar()->addMenu(tr("&Profiles"));
    profiles->addAction(m_profilesAction);
    profiles->addAction(m_demoAction);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_aboutAction);
}

void MainWindow::buildToolBar()
{
    QToolBar *bar = addToolBar(tr("Main toolbar"));
    bar->setObjectName(u"mainToolBar"_s);
    bar->setAccessibleName(tr("Main toolbar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->setMovable(false);
    auto *label = new QLabel(tr("Profile:"), bar);
    label->setContentsMargins(4, 0, 4, 0);
    m_profileCombo = new QComboBox(bar);
    m_profileCombo->setAccessibleName(tr("Profile"));
    m_profileCombo->setToolTip(tr("The account to search"));
    m_profileCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_profileCombo->setMinimumContentsLength(16);
    label->setBuddy(m_profileCombo);
    bar->addWidget(label);
    bar->addWidget(m_profileCombo);
    bar->addSeparator();
    bar->addAction(m_searchAction);
    bar->addAction(m_cancelAction);
    bar->addAction(m_loadAllAction);
    bar->addAction(m_exportAction);
    bar->addAction(m_columnsAction);
    bar->addSeparator();
    bar->addAction(m_profilesAction);
    connect(m_profileCombo, &QComboBox::currentIndexChanged, this, &MainWindow::profileChosen);
}

void MainWindow::addSessionProfile(const Profile &profile, const QString &secret)
{
    m_secrets.remember(profile.id, secret);
    m_sessionProfiles.removeIf([&profile](const Profile &p) { return p.id == profile.id; });
    m_sessionProfiles.append(profile);
    reloadProfiles(profile.id);
}

void MainWindow::selectProfile(const QString &profileId)
{
    const int index = m_profileCombo->findData(profileId);
    if (index >= 0)
        m_profileCombo->setCurrentIndex(index);
}

bool MainWindow::isSessionProfile(const QString &profileId) const
{
    return std::any_of(m_sessionProfiles.cbegin(), m_sessionProfiles.cend(),
                       [&profileId](const Profile &p) { return p.id == profileId; });
}

std::optional<Profile> MainWindow::currentProfile() const
{
    const QString id = m_profileCombo->currentData().toString();
    for (const Profile &profile : m_profiles) {
        if (profile.id == id)
            return profile;
    }
    return std::nullopt;
}

void MainWindow::reloadProfiles(const QString &selectId)
{
    const QString keep = selectId.isEmpty() ? m_profileCombo->currentData().toString() : selectId;
    m_profiles = ProfileStore(m_settings).load();
    m_profiles += m_sessionProfiles;
    {
        const QSignalBlocker blocker(m_profileCombo);
        m_profileCombo->clear();
        for (const Profile &profile : std::as_const(m_profiles)) {
            const Provider *provider = ProviderRegistry::find(profile.providerId);
            m_profileCombo->addItem(profile.name, profile.id);
            m_profileCombo->setItemData(m_profileCombo->count() - 1,
                                        tr("%1 at %2").arg(provider ? provider->displayName() : profile.providerId,
                                                           profile.baseUrl.toDisplayString()),
                                        Qt::ToolTipRole);
        }
        m_profileCombo->setCurrentIndex(std::max(0, m_profileCombo->findData(keep)));
    }
    // Without a profile the docks have nothing to offer; the welcome page says what to do.
    const bool welcome = m_profiles.isEmpty();
    if (welcome != m_docksHiddenForWelcome) {
        m_docksHiddenForWelcome = welcome;
        m_filterDock->setVisible(!welcome);
        m_detailDock->setVisible(!welcome);
    }
    m_centre->setCurrentWidget(welcome ? m_welcome : m_model->session() ? static_cast<QWidget *>(m_view) : m_ready);
    profileChosen(m_profileCombo->currentIndex());
}

void MainWindow::profileChosen(int)
{
    const std::optional<Profile> profile = currentProfile();
    const Provider *provider = profile ? ProviderRegistry::find(profile->providerId) : nullptr;
    if (profile && !isSessionProfile(profile->id))
        m_settings.setValue(lastProfileKey, profile->id);
    if (provider != m_provider || !profile) {
        m_provider = provider;
        m_form->setProvider(provider);
    }
    // Rows of another account are not this one's: start over.
    const bool sameAccount = profile && m_signIn->isSignedInAs(*profile);
    if (m_model->session() && !sameAccount) {
        m_model->clear();
        m_searchProvider = nullptr;
        if (m_centre->currentWidget() == m_view)
            m_centre->setCurrentWidget(m_ready);
    }
    m_pending.reset();
    m_signIn->cancel();
    setWindowTitle(profile ? tr("%1 – CDR Browser").arg(profile->name) : tr("CDR Browser"));
    updateActions();
}

void MainWindow::search()
{
    const std::optional<Profile> profile = currentProfile();
    if (!profile || !m_provider) {
        m_status->showNote(profile ? tr("This profile's provider is not known to this version.")
                                   : tr("Add a profile first."));
        if (!profile)
            openProfileDialog();
        return;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (!m_form->checkBeforeSearch(now))
        return;   // the form shows why, next to the field
    m_pending = PendingSearch{profile->id, m_form->query(now)};
    m_signIn->fetchSecret(*profile, *m_provider);
}

void MainWindow::startSearchWith(const QString &secret)
{
    if (!m_pending)
        return;
    const PendingSearch pending = *m_pending;
    m_pending.reset();
    const std::optional<Profile> profile = currentProfile();
    if (!profile || profile->id != pending.profileId || !m_provider)
        return;   // the user switched profiles meanwhile

    Authenticator &authenticator = m_signIn->authenticatorFor(*profile, secret);
    // Fixing "now" here keeps the window still while pages are fetched.
    const SearchQuery resolved = pending.query.resolved(QDateTime::currentDateTimeUtc(), m_provider->timeRange());
    m_searchProvider = m_provider;
    m_centre->setCurrentWidget(m_view);
    m_form->clearErrors();
    emit searchStarted();
    m_model->startSearch(std::make_unique<SearchSession>(authenticator, resolved), m_provider->id());
    m_view->scrollToTop();
    updateActions();
}

void MainWindow::certificateTrusted(const QString &profileId, const QByteArray &sha256)
{
    pinCertificate(profileId, sha256);
    const std::optional<Profile> current = currentProfile();
    if (current && current->id == profileId)
        search();   // the same search again, now through the trusted certificate
}

void MainWindow::pinCertificate(const QString &profileId, const QByteArray &sha256)
{
    if (isSessionProfile(profileId)) {
        for (Profile &profile : m_sessionProfiles) {
            if (profile.id == profileId)
                profile.pinnedCertificateSha256 = sha256;
        }
    } else {
        ProfileStore store(m_settings);
        std::optional<Profile> stored = store.find(profileId);
        if (!stored)
            return;
        stored->pinnedCertificateSha256 = sha256;
        store.save(*stored);
    }
    reloadProfiles(profileId);
}

void MainWindow::rerunSorted(const QString &columnKey, Qt::SortOrder order)
{
    const SearchSession *session = m_model->session();
    if (!session || !m_searchProvider || &session->provider() != m_searchProvider)
        return;
    // Same resolved window and filters, so the sorted rows are the same calls.
    SearchQuery query = session->query();
    query.sortColumn = columnKey;
    query.sortDescending = order == Qt::DescendingOrder;
    emit searchStarted();
    m_model->startSearch(std::make_unique<SearchSession>(session->authenticator(), query), m_searchProvider->id());
    m_view->scrollToTop();
    updateActions();
}

void MainWindow::cancelSearch()
{
    m_pending.reset();
    m_signIn->cancel();
    m_status->cancel();   // an export has its own Cancel
}

void MainWindow::loadAll()
{
    m_model->loadAll();
    updateActions();
}

void MainWindow::currentRowChanged()
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    if (!current.isValid() || current.row() >= m_model->rowCount()) {
        m_detail->showRecord(nullptr, nullptr, QString(), nullptr);
        return;
    }
    // The pane keeps a copy, so later pages moving the model's storage cannot hurt it.
    const SearchSession *session = m_model->session();
    const CdrRecord record = m_model->record(current.row());
    m_detail->showRecord(&record, m_searchProvider, m_model->providerId(),
        session ? &session->authenticator() : nullptr);
}

void MainWindow::updateActions()
{
    const bool hasProfile = currentProfile().has_value();
    const bool hasSearch = m_model->session() != nullptr;
    const bool loading = m_model->isLoading();
    m_searchAction->setEnabled(hasProfile);
    m_cancelAction->setEnabled(loading);
    m_loadAllAction->setEnabled(hasSearch && !m_model->allLoaded());
    m_continueAction->setEnabled(m_status->canResume());
    m_exportAction->setEnabled((hasSearch || m_model->rowCount() > 0) && !m_exports->isRunning());
    m_columnsAction->setEnabled(!m_model->providerId().isEmpty());
    const bool anySelected = m_view->selectionModel()->hasSelection();
    m_copyAction->setEnabled(anySelected);
    m_copyWithHeaderAction->setEnabled(anySelected);
}

void MainWindow::copySelection(bool withHeader)
{
    if (QMimeData *data = selectedCellsMimeData(*m_view, withHeader))
        QGuiApplication::clipboard()->setMimeData(data);   // the clipboard takes ownership
}

void MainWindow::displayZoneChanged()
{
    const QTimeZone zone = m_form->displayZone();
    m_model->setDisplayTimeZone(zone);
    m_detail->setDisplayTimeZone(zone);
}

QStringList MainWindow::visibleColumnKeys() const
{
    const QHeaderView *header = m_view->horizontalHeader();
    const QStringList keys = m_model->columnKeys();
    QStringList shown;
    for (int visual = 0; visual < header->count(); ++visual) {
        const int logical = header->logicalIndex(visual);
        if (logical >= 0 && logical < keys.size() && !header->isSectionHidden(logical))
            shown << keys.at(logical);
    }
    return shown;
}

void MainWindow::openProfileDialog()
{
    auto *dialog = new ProfileDialog(m_settings, m_secrets, m_network, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (const std::optional<Profile> profile = currentProfile(); profile && !isSessionProfile(profile->id))
        dialog->selectProfile(profile->id);
    connect(dialog, &ProfileDialog::profilesChanged, this, [this, dialog] {
        // A profile just added is the one the user wants to search.
        const QString edited = dialog->currentProfileId();
        const QList<Profile> stored = ProfileStore(m_settings).load();
        const bool exists = std::any_of(stored.cbegin(), stored.cend(), [&edited](const Profile &p) { return p.id == edited; });
        reloadProfiles(exists ? edited : QString());
    });
    dialog->open();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_settings.setValue(geometryKey, saveGeometry());
    if (!m_docksHiddenForWelcome)   // then they are hidden for the moment only
        m_settings.setValue(stateKey, saveState());
    m_columns->save();
    QMainWindow::closeEvent(event);
}

void MainWindow::restoreWindowState()
{
    if (!restoreGeometry(m_settings.value(geometryKey).toByteArray()))
        resize(1360, 780);
    restoreState(m_settings.value(stateKey).toByteArray());
}
