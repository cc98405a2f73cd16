// asicledger-gui-screenshots OUTDIR [UNITS]: builds a demo ledger (core/DemoLedger) in a temporary
// file with a fixed today, drives the real window through every screen as a clerk would, and
// saves each as PNG with QWidget::grab(). The README's screenshots come from here.

#include "CryptoLedger.hpp"
#include "CryptoVenues.hpp"
#include "DashboardPage.hpp"
#include "DemoLedger.hpp"
#include "EntityRegistry.hpp"
#include "ExitDialog.hpp"
#include "ImportCheckPage.hpp"
#include "ImportWizard.hpp"
#include "InspectionsPage.hpp"
#include "JournalPage.hpp"
#include "JournalTableModel.hpp"
#include "Ledger.hpp"
#include "LedgerSession.hpp"
#include "LedgerSetup.hpp"
#include "LoginDialog.hpp"
#include "MainWindow.hpp"
#include "PasswordHasher.hpp"
#include "SiteRegistry.hpp"
#include "TextTableModel.hpp"
#include "UnitActionDialog.hpp"
#include "UnitFilterBar.hpp"
#include "UnitTableModel.hpp"
#include "UnitsPage.hpp"
#include "UserDirectory.hpp"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <filesystem>
#include <fstream>
#include <iostream>

using namespace asicledger;
using namespace asicledger::gui;

namespace {

void settle(int ms = 300)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < ms)
        QApplication::processEvents(QEventLoop::AllEvents, 20);
}

bool waitUntil(const std::function<bool()>& done, int timeoutMs = 120000)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QApplication::processEvents(QEventLoop::AllEvents, 20);
    }
    return true;
}

void save(QWidget* widget, const QDir& dir, const QString& name)
{
    settle();
    const auto path = dir.filePath(name + ".png");
    widget->grab().save(path);
    std::cout << "wrote " << path.toStdString() << "\n";
}

} // namespace

int main(int argc, char* argv[])
{
    QStandardPaths::setTestModeEnabled(true);
    QApplication app(argc, argv);
    QApplication::setOrganizationName("asicledger-screenshots");
    QApplication::setApplicationName("asicledger-gui");
    QSettings().clear();
    if (argc < 2) {
        std::cerr << "usage: asicledger-gui-screenshots OUTDIR [UNITS]\n";
        return 2;
    }
    const QDir out(QString::fromLocal8Bit(argv[1]));
    QDir().mkpath(out.path());
    const std::size_t units = argc > 2 ? std::stoul(argv[2]) : 20000;

    const auto file = std::filesystem::temp_directory_path() / "asicledger-demo-screens.ledger";
    for (const auto* suffix : {"", "-wal", "-shm"})
        std::filesystem::remove(file.string() + suffix);
    auto clock = std::make_shared<FixedClock>(Date(2026, 11, 23));
    std::vector<DemoUser> users;
    {
        Ledger ledger(file, *clock, Ledger::OpenMode::CreateIfMissing);
        const auto admin = LedgerSetup::initialise(ledger, "admin", "demo-admin-password");
        DemoOptions options;
        options.units = units;
        users = DemoLedger::build(ledger, admin, options);
    }
    const auto userOf = [&](const std::string& role) {
        for (const auto& user : users)
            if (user.role == role)
                return user;
        return DemoUser{};
    };

    LedgerSession session(clock);
    MainWindow window(session);
    window.resize(1366, 768);
    window.show();
    session.open(QString::fromStdString(file.string()));
    {
        LoginDialog login(session, &window);
        login.setUserName("aigerim");
        login.setPassword("not-her-password");
        login.show();
        login.trySignIn();
        save(&login, out, "sign-in");
    }
    const auto manager = userOf("manager");
    session.signIn(QString::fromStdString(manager.name), QString::fromStdString(manager.password));

    window.showPage(MainWindow::DashboardPageIndex);
    waitUntil([&] { return window.dashboard()->figures().has_value(); });
    save(&window, out, "dashboard");

    const auto finance = userOf("finance");
    session.signIn(QString::fromStdString(finance.name), QString::fromStdString(finance.password));
    window.showPage(MainWindow::UnitsPageIndex);
    auto* unitsPage = window.units();
    waitUntil([&] { return unitsPage->model()->totalCount().has_value(); });
    unitsPage->view()->setCurrentIndex(unitsPage->model()->index(3, 0));
    unitsPage->selectSerials({unitsPage->model()->serialAt(3), unitsPage->model()->serialAt(4)});
    save(&window, out, "units");

    unitsPage->filterBar()->setUnlockWindow(UnitFilterBar::Next90Days);
    unitsPage->model()->sort(UnitTableModel::UnlockDateColumn);
    waitUntil([&] { return unitsPage->model()->totalCount().has_value(); });
    if (unitsPage->model()->rowCount() > 0)
        unitsPage->view()->setCurrentIndex(unitsPage->model()->index(0, 0));
    save(&window, out, "units-unlocking-90-days");

    // Names as the demo has them: a domestic buyer, an owner and its site for the import file.
    std::string owner, site;
    QString buyer;
    {
        Ledger reader(file, *clock);
        const auto sites = SiteRegistry(reader).list();
        site = sites.front().name;
        owner = sites.front().operatorName;
        for (const auto& entity : EntityRegistry(reader).list())
            if (entity.kind == EntityKind::Domestic && entity.name != owner)
                buyer = QString::fromStdString(entity.name);
    }

    // A sale refused by the lock: the reason and the exit quote.
    QStringList locked;
    unitsPage->filterBar()->clear();
    unitsPage->model()->sort(UnitTableModel::SerialColumn);
    unitsPage->filterBar()->setUnlockWindow(UnitFilterBar::CustomWindow);
    unitsPage->filterBar()->setCustomWindow(QDate(2028, 1, 1), QDate(2029, 12, 31));
    while (unitsPage->model()->canFetchMore({}) && unitsPage->model()->rowCount() < 3)
        unitsPage->model()->fetchMore({});
    for (int row = 0; row < 3 && row < unitsPage->model()->rowCount(); ++row)
        locked.append(unitsPage->model()->serialAt(row));
    {
        UnitActionDialog sale(session, UnitActionDialog::Kind::Sell, locked, &window);
        sale.show();
        sale.setTarget(buyer);
        sale.submit();
        save(&sale, out, "sale-refused");
    }
    {
        ExitDialog exit(session, locked.mid(0, 2), &window);
        exit.show();
        save(&exit, out, "early-exit-quote");
    }

    // The import wizard on a file with mistakes.
    const auto bad = (std::filesystem::temp_directory_path() / "packing-list-bad.csv").string();
    const auto row = [&](const std::string& serial, const std::string& hashrate,
                         const std::string& rowSite, const std::string& start) {
        return serial + ";Bitmain;Antminer S21;" + hashrate + ";3500;2100000.00;KZT;;" + owner +
               ";;" + rowSite + ";" + start +
               ";50109010/141126/0099001;14.11.2026;rail;20.10.2026;10.11.2026\n";
    };
    std::ofstream(bad) << "SN;Vendor;Model;TH/s;Power W;Customs value;Currency;FX rate;Legal "
                          "owner;Beneficial owner;Site;Exemption start;Declaration no;Declaration "
                          "date;Route;Dispatch date;Arrival date\n"
                       << row("KZ-NEW-0001", "200", site, "14.11.2026")
                       << row("KZ-NEW-0002", "200", site + "-9", "14.11.2026")
                       << row("KZ-NEW-0003", "two hundred", site, "14.11.2026")
                       << row("KZ-NEW-0004", "200", site, "31.11.2026")
                       << row("KZ-NEW-0001", "200", site, "14.11.2026");
    {
        ImportWizard wizard(session, &window);
        wizard.show();
        wizard.setFileName(QString::fromStdString(bad));
        wizard.next();
        save(&wizard, out, "import-columns");
        wizard.next();
        waitUntil([&] { return !wizard.checkPage()->isRunning(); });
        save(&wizard, out, "import-problems");
    }

    const auto auditor = userOf("auditor");
    session.signIn(QString::fromStdString(auditor.name), QString::fromStdString(auditor.password));
    window.showPage(MainWindow::InspectionsPageIndex);
    if (window.inspections()->inspections()->rowCount() > 0)
        window.inspections()->selectInspection(
            window.inspections()->inspections()->key(0).toLongLong());
    save(&window, out, "inspections");

    window.showPage(MainWindow::JournalPageIndex);
    auto* journal = window.journal();
    journal->verify();
    waitUntil([&] { return !journal->isVerifying(); });
    settle(300);
    auto* model = journal->model();
    if (model->rowCount() > 0)
        journal->view()->setCurrentIndex(model->index(model->rowCount() - 1, 0));
    save(&window, out, "journal-verify");

    // The demo has no crypto flows yet: a month of them, typed the way finance would.
    {
        Ledger writer(file, *clock);
        if (CryptoVenues(writer).list().empty()) {
            Actor admin = UserDirectory(writer).signIn("admin", "demo-admin-password");
            Actor clerk = UserDirectory(writer).signIn(finance.name, finance.password);
            CryptoVenues(writer).add(admin, "AIX Digital Exchange", true);
            CryptoVenues(writer).add(admin, "Lion City Digital", false);
            std::string domestic, overseas;
            for (const auto& entity : EntityRegistry(writer).list()) {
                if (entity.kind == EntityKind::Domestic && domestic.empty())
                    domestic = entity.name;
                if (entity.kind == EntityKind::Overseas && overseas.empty())
                    overseas = entity.name;
            }
            CryptoLedger crypto(writer);
            crypto.recordMined(clerk, {domestic, Date(2026, 10, 31), Satoshi(312'500'000),
                                       "F2P-2026-10", "F2Pool"});
            crypto.recordTransfer(clerk, {domestic, overseas, Date(2026, 11, 2),
                                          Satoshi(250'000'000), std::string(64, 'c')});
            crypto.recordConversion(clerk,
                                    {overseas, "Lion City Digital", Date(2026, 11, 4),
                                     Satoshi(200'000'000), "181250.00", "USD", "181.25", ""});
            crypto.recordConversion(clerk, {domestic, "AIX Digital Exchange", Date(2026, 11, 5),
                                            Satoshi(50'000'000), "45400.00", "USD", "45.40", ""});
            crypto.recordRemittance(clerk, {overseas, domestic, Date(2026, 11, 12), "150000.00",
                                            "USD", "SWIFT-KZ-88213"});
        }
    }
    session.signIn(QString::fromStdString(finance.name), QString::fromStdString(finance.password));
    window.showPage(MainWindow::CryptoPageIndex);
    save(&window, out, "crypto");
    return 0;
}
