#pragma once

#include "profile.h"
#include "provider.h"
#include "secretstore.h"

#include <QMainWindow>

#include <memory>
#include <optional>

class CdrTableModel;
class ColumnLayout;
class DetailPane;
class ExportController;
class FilterForm;
class QAction;
class QComboBox;
class QDockWidget;
class QLabel;
class QNetworkAccessManager;
class QSettings;
class QStackedWidget;
class QTableView;
class SearchStatusBar;
class SignInFlow;
class WelcomePage;

// The app's window: profile and actions on top, the filter form on the left,
// the table in the centre, the selected call on the right, the search's state
// at the bottom. It knows providers only through the Provider interface.
class MainWindow final : public QMainWindow {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)
public:
    MainWindow(QSettings &settings, SecretStore &secrets, QNetworkAccessManager &network, QWidget *parent = nullptr);
    ~MainWindow() override;

    // A profile kept in memory only, with its secret for this session (the demo).
    void addSessionProfile(const Profile &profile, const QString &secret);
    void selectProfile(const QString &profileId);
    std::optional<Profile> currentProfile() const;

    void search();                       // validates the form, then starts; nothing is sent while an error stands
    void cancelSearch();
    void loadAll();
    void openProfileDialog();

    FilterForm *filterForm() const { return m_form; }
    CdrTableModel *model() const { return m_model; }
    QTableView *tableView() const { return m_view; }
    DetailPane *detailPane() const { return m_detail; }
    SearchStatusBar *searchStatus() const { return m_status; }
    ExportController *exports() const { return m_exports.get(); }   // the export dialog (Ctrl+E) and running exports
    QStringList visibleColumnKeys() const;   // shown columns, left to right

signals:
    void demoRequested();                    // "Try the demo" on the welcome panel
    void searchStarted();                    // a request is about to go out

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildActions();
    void buildMenus();
    void buildToolBar();
    void reloadProfiles(const QString &selectId);
    bool isSessionProfile(const QString &profileId) const;
    void profileChosen(int index);
    void startSearchWith(const QString &secret);
    // A certificate the user chose to trust: pin it on the profile, then search again.
    void certificateTrusted(const QString &profileId, const QByteArray &sha256);
    void pinCertificate(const QString &profileId, const QByteArray &sha256);
    void rerunSorted(const QString &columnKey, Qt::SortOrder order);   // the server sorts the current search
    void currentRowChanged();
    void updateActions();
    void copySelection(bool withHeader);   // the selected cells to the clipboard, TSV and HTML
    void displayZoneChanged();
    void restoreWindowState();

    QSettings &m_settings;
    SecretStore &m_secrets;
    QNetworkAccessManager &m_network;

    QList<Profile> m_profiles;          // stored ones, then session ones
    QList<Profile> m_sessionProfiles;
    const Provider *m_provider = nullptr;   // of the current profile

    // The search the window is getting a secret for.
    struct PendingSearch {
        QString profileId;
        SearchQuery query;
    };
    std::optional<PendingSearch> m_pending;
    // What the table's rows came from, for the detail pane's Refresh.
    const Provider *m_searchProvider = nullptr;
    SignInFlow *m_signIn = nullptr;   // the secret, the sign-in and certificate trust for searches

    CdrTableModel *m_model = nullptr;
    QTableView *m_view = nullptr;
    ColumnLayout *m_columns = nullptr;
    FilterForm *m_form = nullptr;
    DetailPane *m_detail = nullptr;
    SearchStatusBar *m_status = nullptr;
    QStackedWidget *m_centre = nullptr;
    WelcomePage *m_welcome = nullptr;
    QLabel *m_ready = nullptr;   // before the first search
    bool m_docksHiddenForWelcome = false;
    QComboBox *m_profileCombo = nullptr;
    QDockWidget *m_filterDock = nullptr;
    QDockWidget *m_detailDock = nullptr;
    // Not a child: it goes first, before the model and the sign-in a running export uses.
    std::unique_ptr<ExportController> m_exports;

    QAction *m_searchAction = nullptr;
    QAction *m_cancelAction = nullptr;
    QAction *m_loadAllAction = nullptr;
    QAction *m_continueAction = nullptr;
    QAction *m_exportAction = nullptr;
    QAction *m_copyAction = nullptr;
    QAction *m_copyWithHeaderAction = nullptr;
    QAction *m_columnsAction = nullptr;
    QAction *m_profilesAction = nullptr;
    QAction *m_demoAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_aboutAction = nullptr;
};
