#pragma once

#include <QMainWindow>
#include <QStringList>

class QAction;
class QLabel;
class QListWidget;
class QMenu;
class QStackedWidget;

namespace asicledger::gui {

class CryptoPage;
class DashboardPage;
class ImportPage;
class InspectionsPage;
class JournalPage;
class LedgerSession;
class StartPage;
class UnitsPage;

// The application window: navigation on the left (Dashboard, Units, Import, Inspections, Crypto,
// Journal), menus and shortcuts, and the ledger file and user in the status bar. Remembers its
// geometry, the last ledger and the recent files with QSettings.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    enum Page
    {
        DashboardPageIndex,
        UnitsPageIndex,
        ImportPageIndex,
        InspectionsPageIndex,
        CryptoPageIndex,
        JournalPageIndex,
        StartPageIndex
    };

    explicit MainWindow(LedgerSession& session, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Opens `fileName` (or, when empty, the last ledger if it still exists) and asks who signs in.
    void openAtStart(const QString& fileName);
    // Opens a ledger file; `signIn` shows the login dialog (tests sign in themselves).
    bool openLedger(const QString& fileName, bool signIn = true);
    void showPage(Page page);
    Page currentPage() const;
    QStringList recentFiles() const;

    DashboardPage* dashboard() const { return m_dashboard; }
    UnitsPage* units() const { return m_units; }
    ImportPage* imports() const { return m_imports; }
    InspectionsPage* inspections() const { return m_inspections; }
    JournalPage* journal() const { return m_journal; }

public slots:
    void openLedgerDialog();
    void newLedgerDialog();
    void signInAgain();
    void startImport();
    void refresh();
    void focusFilter();
    void backUp();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void buildMenus();
    void addRecentFile(const QString& fileName);
    void updateRecentMenu();
    void updateForSession();
    void exportReport(int kind);

    LedgerSession& m_session;
    QListWidget* m_navigation;
    QStackedWidget* m_pages;
    StartPage* m_start;
    DashboardPage* m_dashboard;
    UnitsPage* m_units;
    ImportPage* m_imports;
    InspectionsPage* m_inspections;
    CryptoPage* m_crypto;
    JournalPage* m_journal;
    QMenu* m_recentMenu = nullptr;
    QLabel* m_fileLabel;
    QLabel* m_userLabel;
    QLabel* m_todayLabel;
    QList<QAction*> m_needsLedger;
    QAction* m_importAction = nullptr;
    QAction* m_signInAction = nullptr;
};

} // namespace asicledger::gui
