#include "MainWindow.hpp"

#include "BackgroundWork.hpp"
#include "CoreText.hpp"
#include "CryptoPage.hpp"
#include "DashboardPage.hpp"
#include "FileDialog.hpp"
#include "ImportPage.hpp"
#include "ImportWizard.hpp"
#include "InspectionsPage.hpp"
#include "JournalPage.hpp"
#include "LedgerBackup.hpp"
#include "LedgerSession.hpp"
#include "LoginDialog.hpp"
#include "MessageBox.hpp"
#include "NewLedgerDialog.hpp"
#include "RegisterReport.hpp"
#include "ReportExport.hpp"
#include "ScheduleReports.hpp"
#include "StartPage.hpp"
#include "UnitDetailsPane.hpp"
#include "UnitHistoryReport.hpp"
#include "UnitsPage.hpp"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>

namespace asicledger::gui {
namespace {

constexpr int kRecentFiles = 8;

enum ReportKind
{
    RegisterReportKind,
    UnlocksReportKind,
    LiabilityReportKind,
    UnitHistoryReportKind
};

} // namespace

MainWindow::MainWindow(LedgerSession& session, QWidget* parent)
    : QMainWindow(parent), m_session(session), m_navigation(new QListWidget(this)),
      m_pages(new QStackedWidget(this)), m_start(new StartPage(this)),
      m_dashboard(new DashboardPage(session, this)), m_units(new UnitsPage(session, this)),
      m_imports(new ImportPage(session, this)), m_inspections(new InspectionsPage(session, this)),
      m_crypto(new CryptoPage(session, this)), m_journal(new JournalPage(session, this)),
      m_fileLabel(new QLabel(this)), m_userLabel(new QLabel(this)), m_todayLabel(new QLabel(this))
{
    setWindowTitle(tr("asicledger"));
    m_navigation->setObjectName("navigation");
    const auto* style = QApplication::style();
    const std::pair<QStyle::StandardPixmap, QString> entries[] = {
        {QStyle::SP_ComputerIcon, tr("Dashboard")},
        {QStyle::SP_FileDialogDetailedView, tr("Units")},
        {QStyle::SP_ArrowDown, tr("Import")},
        {QStyle::SP_DialogApplyButton, tr("Inspections")},
        {QStyle::SP_DriveNetIcon, tr("Crypto")},
        {QStyle::SP_FileDialogContentsView, tr("Journal")},
    };
    for (const auto& [icon, text] : entries)
        new QListWidgetItem(style->standardIcon(icon), text, m_navigation);
    m_navigation->setIconSize(QSize(20, 20));
    m_navigation->setSpacing(2);
    const int navigationWidth = m_navigation->fontMetrics().horizontalAdvance("Inspections") + 64;
    m_navigation->setFixedWidth(navigationWidth);

    for (QWidget* page : std::initializer_list<QWidget*>{
             m_dashboard, m_units, m_imports, m_inspections, m_crypto, m_journal, m_start})
        m_pages->addWidget(page);

    auto* central = new QWidget(this);
    auto* layout = new QHBoxLayout(central);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_navigation);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);

    statusBar()->addWidget(m_fileLabel, 1);
    statusBar()->addPermanentWidget(m_userLabel);
    statusBar()->addPermanentWidget(m_todayLabel);

    connect(m_navigation, &QListWidget::currentRowChanged, this,
            [this](int row) { showPage(static_cast<Page>(row)); });
    connect(m_start, &StartPage::openRequested, this, &MainWindow::openLedgerDialog);
    connect(m_start, &StartPage::newRequested, this, &MainWindow::newLedgerDialog);
    connect(m_start, &StartPage::recentRequested, this,
            [this](const QString& file) { openLedger(file); });
    connect(m_imports, &ImportPage::importRequested, this, &MainWindow::startImport);
    connect(&m_session, &LedgerSession::signedIn, this, &MainWindow::updateForSession);
    connect(&m_session, &LedgerSession::closed, this, &MainWindow::updateForSession);

    buildMenus();
    QSettings settings;
    if (!restoreGeometry(settings.value("window/geometry").toByteArray()))
        resize(1280, 720);
    m_units->splitter()->restoreState(settings.value("window/unitsSplitter").toByteArray());
    updateRecentMenu();
    updateForSession();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildMenus()
{
    auto* file = menuBar()->addMenu(tr("&File"));
    auto* open = file->addAction(tr("&Open ledger…"), this, &MainWindow::openLedgerDialog);
    open->setShortcut(QKeySequence::Open);
    auto* create = file->addAction(tr("&New ledger…"), this, &MainWindow::newLedgerDialog);
    create->setShortcut(QKeySequence::New);
    m_recentMenu = file->addMenu(tr("Open &recent"));
    file->addSeparator();
    m_signInAction =
        file->addAction(tr("&Sign in as someone else…"), this, &MainWindow::signInAgain);
    auto* backup = file->addAction(tr("&Back up ledger…"), this, &MainWindow::backUp);
    file->addSeparator();
    auto* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    auto* view = menuBar()->addMenu(tr("&View"));
    const QString names[] = {tr("&Dashboard"),   tr("&Units"),  tr("&Import"),
                             tr("I&nspections"), tr("&Crypto"), tr("&Journal")};
    for (int i = 0; i < 6; ++i) {
        auto* action =
            view->addAction(names[i], this, [this, i] { showPage(static_cast<Page>(i)); });
        action->setShortcut(QKeySequence(Qt::ALT | static_cast<Qt::Key>(Qt::Key_1 + i)));
        m_needsLedger.append(action);
    }
    view->addSeparator();
    auto* refresh = view->addAction(tr("&Refresh"), this, &MainWindow::refresh);
    refresh->setShortcut(QKeySequence::Refresh);

    auto* unitsMenu = menuBar()->addMenu(tr("&Units"));
    m_importAction = unitsMenu->addAction(tr("&Import from CSV…"), this, &MainWindow::startImport);
    m_importAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    auto* find = unitsMenu->addAction(tr("&Find by serial"), this, &MainWindow::focusFilter);
    find->setShortcut(QKeySequence::Find);
    unitsMenu->addSeparator();
    auto* sell = unitsMenu->addAction(tr("&Sell selected…"), m_units, &UnitsPage::sellSelected);
    auto* move = unitsMenu->addAction(tr("&Move selected…"), m_units, &UnitsPage::moveSelected);
    auto* exportUnits =
        unitsMenu->addAction(tr("E&xport selected…"), m_units, &UnitsPage::exportSelected);
    auto* exit =
        unitsMenu->addAction(tr("&Early exit for selected…"), m_units, &UnitsPage::exitSelected);
    auto* approve =
        unitsMenu->addAction(tr("&Approve early exits…"), m_units, &UnitsPage::approveExits);

    auto* reports = menuBar()->addMenu(tr("&Reports"));
    auto* registerReport = reports->addAction(tr("Unit &register today…"), this,
                                              [this] { exportReport(RegisterReportKind); });
    auto* unlocks = reports->addAction(tr("&Unlock schedule, next 24 months…"), this,
                                       [this] { exportReport(UnlocksReportKind); });
    auto* liability = reports->addAction(tr("Contingent exit &liability today…"), this,
                                         [this] { exportReport(LiabilityReportKind); });
    auto* history = reports->addAction(tr("&History of the selected unit…"), this,
                                       [this] { exportReport(UnitHistoryReportKind); });
    auto* inspection = reports->addAction(tr("&Inspection report…"), this, [this] {
        showPage(InspectionsPageIndex);
        m_inspections->exportReport();
    });

    auto* journal = menuBar()->addMenu(tr("&Journal"));
    auto* verify = journal->addAction(tr("&Verify ledger"), this, [this] {
        showPage(JournalPageIndex);
        m_journal->verify();
    });

    auto* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About"), this, [this] {
        MessageBox::information(
            this, tr("About asicledger"),
            tr("asicledger %1\nThe register of imported ASIC miners under the five-year VAT "
               "lock.")
                .arg(QApplication::applicationVersion()));
    });

    m_needsLedger << backup << refresh << m_importAction << find << sell << move << exportUnits
                  << exit << approve << registerReport << unlocks << liability << history
                  << inspection << verify;
}

void MainWindow::openAtStart(const QString& fileName)
{
    auto file = fileName;
    if (file.isEmpty()) {
        file = QSettings().value("lastLedger").toString();
        if (!file.isEmpty() && !QFileInfo::exists(file))
            file.clear();
    }
    if (file.isEmpty()) {
        showPage(StartPageIndex);
        return;
    }
    openLedger(file);
}

bool MainWindow::openLedger(const QString& fileName, bool signIn)
{
    try {
        m_session.open(QFileInfo(fileName).absoluteFilePath());
    } catch (const std::exception& error) {
        MessageBox::critical(this, tr("Open ledger"), toQString(error.what()));
        updateForSession();
        return false;
    }
    addRecentFile(m_session.fileName());
    QSettings().setValue("lastLedger", m_session.fileName());
    updateForSession();
    if (signIn)
        signInAgain();
    return true;
}

void MainWindow::openLedgerDialog()
{
    const auto fileName = FileDialog::getOpenFileName(
        this, tr("Open ledger"),
        QFileInfo(QSettings().value("lastLedger").toString()).absolutePath(),
        tr("Ledgers (*.ledger *.db *.sqlite);;All files (*)"));
    if (!fileName.isEmpty())
        openLedger(fileName);
}

void MainWindow::newLedgerDialog()
{
    auto fileName = FileDialog::getSaveFileName(this, tr("New ledger"),
                                                QDir::home().filePath("asicledger.ledger"),
                                                tr("Ledgers (*.ledger);;All files (*)"));
    if (fileName.isEmpty())
        return;
    if (QFileInfo(fileName).suffix().isEmpty())
        fileName += ".ledger";
    NewLedgerDialog dialog(m_session, QFileInfo(fileName).absoluteFilePath(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    addRecentFile(m_session.fileName());
    QSettings().setValue("lastLedger", m_session.fileName());
    updateForSession();
}

void MainWindow::signInAgain()
{
    if (!m_session.isOpen())
        return;
    LoginDialog dialog(m_session, this);
    dialog.exec();
    updateForSession();
}

void MainWindow::updateForSession()
{
    const bool ready = m_session.isSignedIn();
    m_navigation->setEnabled(ready);
    for (auto* action : m_needsLedger)
        action->setEnabled(ready);
    // Signing in again needs only an open file.
    m_signInAction->setEnabled(m_session.isOpen());
    if (m_importAction)
        m_importAction->setEnabled(ready && m_session.may(Permission::RecordFinance));
    if (m_session.isOpen()) {
        m_fileLabel->setText(QDir::toNativeSeparators(m_session.fileName()));
        setWindowTitle(tr("%1 — asicledger").arg(QFileInfo(m_session.fileName()).fileName()));
    } else {
        m_fileLabel->setText(tr("No ledger open"));
        setWindowTitle(tr("asicledger"));
    }
    m_userLabel->setText(ready ? tr("Signed in: <b>%1</b> (%2)")
                                     .arg(toQString(m_session.actor().name).toHtmlEscaped(),
                                          toQString(toText(m_session.actor().role)))
                               : tr("Not signed in"));
    m_todayLabel->setText(tr("Today: %1").arg(dateText(m_session.today())));
    if (!ready) {
        m_start->setRecentFiles(recentFiles());
        showPage(StartPageIndex);
    } else if (currentPage() == StartPageIndex) {
        showPage(DashboardPageIndex);
    }
}

void MainWindow::showPage(Page page)
{
    m_pages->setCurrentIndex(page);
    const QSignalBlocker block(m_navigation);
    m_navigation->setCurrentRow(page == StartPageIndex ? -1 : page);
}

MainWindow::Page MainWindow::currentPage() const
{
    return static_cast<Page>(m_pages->currentIndex());
}

QStringList MainWindow::recentFiles() const
{
    return QSettings().value("recentLedgers").toStringList();
}

void MainWindow::addRecentFile(const QString& fileName)
{
    auto files = recentFiles();
    files.removeAll(fileName);
    files.prepend(fileName);
    while (files.size() > kRecentFiles)
        files.removeLast();
    QSettings().setValue("recentLedgers", files);
    updateRecentMenu();
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const auto files = recentFiles();
    for (int i = 0; i < files.size(); ++i) {
        const auto file = files[i];
        auto* action = m_recentMenu->addAction(
            QStringLiteral("&%1 %2").arg(i + 1).arg(QDir::toNativeSeparators(file)), this,
            [this, file] { openLedger(file); });
        action->setEnabled(QFileInfo::exists(file));
    }
    m_recentMenu->setEnabled(!files.isEmpty());
    m_start->setRecentFiles(files);
}

void MainWindow::startImport()
{
    if (!m_session.may(Permission::RecordFinance))
        return;
    auto* wizard = new ImportWizard(m_session, this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    wizard->open();
}

void MainWindow::refresh()
{
    if (m_session.isSignedIn())
        m_session.notifyChanged();
}

void MainWindow::focusFilter()
{
    showPage(UnitsPageIndex);
    m_units->focusFilter();
}

void MainWindow::backUp()
{
    if (!m_session.isSignedIn())
        return;
    const QFileInfo current(m_session.fileName());
    const auto target =
        FileDialog::getSaveFileName(this, tr("Back up ledger"),
                                    current.dir().filePath(current.completeBaseName() + "-" +
                                                           dateText(m_session.today()) + ".ledger"),
                                    tr("Ledgers (*.ledger);;All files (*)"));
    if (target.isEmpty())
        return;
    auto control = std::make_shared<WorkControl>();
    auto* watcher = new QFutureWatcher<WorkOutcome<bool>>(this);
    connect(watcher, &QFutureWatcher<WorkOutcome<bool>>::finished, this, [this, watcher, target] {
        const auto outcome = watcher->result();
        watcher->deleteLater();
        statusBar()->clearMessage();
        if (outcome.value) {
            MessageBox::information(this, tr("Back up ledger"),
                                    tr("The ledger was copied to %1.").arg(target));
            return;
        }
        try {
            std::rethrow_exception(outcome.failure);
        } catch (const std::exception& error) {
            MessageBox::critical(this, tr("Back up ledger"), toQString(error.what()));
        }
    });
    statusBar()->showMessage(tr("Backing up to %1…").arg(target));
    const std::filesystem::path file = toStd(target);
    watcher->setFuture(runInWorker<bool>(m_session.connectionFactory(), control,
                                         [file](Ledger& ledger, WorkControl&) {
                                             LedgerBackup::copyTo(ledger, file);
                                             return true;
                                         }));
}

void MainWindow::exportReport(int kind)
{
    if (!m_session.isSignedIn())
        return;
    QString title;
    QString name;
    ReportExport::Build build;
    const auto today = dateText(m_session.today());
    switch (kind) {
    case RegisterReportKind:
        title = tr("Unit register");
        name = QString("register-%1.pdf").arg(today);
        build = [](Ledger& ledger, const std::string& by) {
            return RegisterReport::build(ledger, {}, by);
        };
        break;
    case UnlocksReportKind:
        title = tr("Unlock schedule");
        name = QString("unlocks-%1.pdf").arg(today);
        build = [](Ledger& ledger, const std::string& by) {
            return ScheduleReports::unlocks(ledger, {}, by);
        };
        break;
    case LiabilityReportKind:
        title = tr("Contingent exit liability");
        name = QString("liability-%1.pdf").arg(today);
        build = [](Ledger& ledger, const std::string& by) {
            return ScheduleReports::liability(ledger, {}, by);
        };
        break;
    case UnitHistoryReportKind: {
        const auto unit = m_units->details()->unit();
        if (!unit) {
            showPage(UnitsPageIndex);
            MessageBox::information(this, tr("Unit history"),
                                    tr("Select a unit in the list first."));
            return;
        }
        const auto serial = unit->serial;
        title = tr("Unit history");
        name = QString("unit-%1.pdf").arg(toQString(serial));
        build = [serial](Ledger& ledger, const std::string& by) {
            return UnitHistoryReport::build(ledger, serial, by);
        };
        break;
    }
    default:
        return;
    }
    auto* exporter = new ReportExport(m_session, title, build, this);
    exporter->setAttribute(Qt::WA_DeleteOnClose);
    if (!exporter->chooseFileAndStart(name)) {
        exporter->deleteLater();
        return;
    }
    exporter->open();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    QSettings settings;
    settings.setValue("window/geometry", saveGeometry());
    settings.setValue("window/unitsSplitter", m_units->splitter()->saveState());
    QMainWindow::closeEvent(event);
}

} // namespace asicledger::gui
