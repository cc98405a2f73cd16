#include "MainWindow.hpp"

#include "DashboardPage.hpp"
#include "FileDialog.hpp"
#include "GuiFixture.hpp"
#include "LoginDialog.hpp"
#include "MessageBox.hpp"
#include "NewLedgerDialog.hpp"
#include "UnitsPage.hpp"

#include <QAction>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QSettings>
#include <QTest>

namespace asicledger::testing {
namespace {

class MainWindowTest : public GuiFixture
{
protected:
    QAction* action(gui::MainWindow& window, const QString& text)
    {
        for (auto* each : window.findChildren<QAction*>())
            if (each->text() == text)
                return each;
        return nullptr;
    }
};

TEST_F(MainWindowTest, SignInTakesTheCoresAnswerAndRolesDisableWhatTheyMayNotDo)
{
    session->close();
    gui::MainWindow window(*session);
    window.show();
    ASSERT_TRUE(window.openLedger(QString::fromStdString(file.path().string()), false));
    EXPECT_EQ(window.currentPage(), gui::MainWindow::StartPageIndex);

    gui::LoginDialog login(*session);
    login.setUserName("auditor");
    login.setPassword("wrong");
    EXPECT_FALSE(login.trySignIn());
    EXPECT_FALSE(login.errorText().isEmpty());
    EXPECT_FALSE(session->isSignedIn());
    login.setPassword("auditor-password");
    EXPECT_TRUE(login.trySignIn()) << login.errorText().toStdString();

    EXPECT_EQ(window.currentPage(), gui::MainWindow::DashboardPageIndex);
    auto* import = action(window, "&Import from CSV…");
    ASSERT_NE(import, nullptr);
    EXPECT_EQ(import->shortcut(), QKeySequence("Ctrl+I"));
    EXPECT_FALSE(import->isEnabled()); // auditors do not import

    signInAs("finance");
    EXPECT_TRUE(import->isEnabled());
    EXPECT_EQ(QSettings().value("lastLedger").toString().toStdString(), file.path().string());
    EXPECT_TRUE(window.recentFiles().contains(QString::fromStdString(file.path().string())));
    waitUntil([&] { return !window.dashboard()->isRefreshing(); });
}

TEST_F(MainWindowTest, ShortcutsAndALayoutThatFitsALaptop)
{
    gui::MainWindow window(*session);
    window.resize(1366, 768);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    window.updateGeometry();
    EXPECT_LE(window.minimumSizeHint().width(), 1366);
    EXPECT_LE(window.minimumSizeHint().height(), 768);
    for (auto [text, keys] : {std::pair{"&Open ledger…", "Ctrl+O"},
                              {"&New ledger…", "Ctrl+N"},
                              {"&Find by serial", "Ctrl+F"},
                              {"&Refresh", "F5"}}) {
        auto* found = action(window, text);
        ASSERT_NE(found, nullptr) << text;
        EXPECT_EQ(found->shortcut(), QKeySequence(keys)) << text;
    }
    // Ctrl+F goes to the units and their serial filter.
    window.activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
    action(window, "&Find by serial")->trigger();
    EXPECT_EQ(window.currentPage(), gui::MainWindow::UnitsPageIndex);
    auto* serial = window.units()->findChild<QLineEdit*>("serialFilter");
    ASSERT_NE(serial, nullptr);
    EXPECT_TRUE(serial->hasFocus());
    waitUntil([&] { return !window.dashboard()->isRefreshing(); });
}

TEST_F(MainWindowTest, ANewLedgerIsCreatedWithItsAdministratorSignedIn)
{
    TemporaryFile fresh;
    gui::NewLedgerDialog dialog(*session, QString::fromStdString(fresh.path().string()));
    dialog.setAdmin("root", "a-long-enough-password");
    ASSERT_TRUE(dialog.create()) << dialog.errorText().toStdString();
    EXPECT_EQ(session->actor().name, "root");
    EXPECT_EQ(session->actor().role, Role::Admin);
    EXPECT_TRUE(std::filesystem::exists(fresh.path()));

    // Creating over an existing file is refused; nothing is overwritten.
    gui::NewLedgerDialog again(*session, QString::fromStdString(file.path().string()));
    again.setAdmin("root", "a-long-enough-password");
    EXPECT_FALSE(again.create());
    EXPECT_TRUE(again.errorText().contains("already exists"));
}

TEST_F(MainWindowTest, OpeningAFileThatIsNotThereSaysSoThroughTheMessageBoxSeam)
{
    gui::MainWindow window(*session);
    gui::MessageBox::clearLast();
    gui::MessageBox::setNextAnswer(QMessageBox::Ok);
    gui::FileDialog::setNextFileName("/nonexistent/nowhere.ledger");
    window.openLedgerDialog();
    EXPECT_TRUE(gui::MessageBox::lastText().contains("/nonexistent/nowhere.ledger"))
        << gui::MessageBox::lastText().toStdString();
    waitUntil([&] { return !window.dashboard()->isRefreshing(); });
}

} // namespace
} // namespace asicledger::testing
