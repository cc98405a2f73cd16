// asicledger-gui [LEDGER]: the desktop application. Opens LEDGER, or the last ledger used.

#include "LedgerSession.hpp"
#include "MainWindow.hpp"

#include <QApplication>
#include <QCommandLineParser>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName("asicledger");
    QApplication::setApplicationName("asicledger-gui");
    QApplication::setApplicationVersion("0.1.0");

    QCommandLineParser parser;
    parser.setApplicationDescription(
        "The register of imported ASIC miners under the five-year VAT lock.");
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument("ledger", "The ledger file to open (default: the last one).");
    parser.process(app);

    asicledger::gui::LedgerSession session;
    asicledger::gui::MainWindow window(session);
    window.show();
    const auto arguments = parser.positionalArguments();
    window.openAtStart(arguments.isEmpty() ? QString() : arguments.first());
    return app.exec();
}
