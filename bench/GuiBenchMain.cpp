// asicledger-bench-gui: the desktop application's units page on a generated ledger, offscreen.
// Times the first page of units shown (the real UnitsPage over the real UnitTableModel, from
// creating the page to its first rows painted), a serial-prefix filter typed in the filter bar
// (to the filtered rows painted), and the process's peak RSS (getrusage). Prints human lines and
// "FIGURE <name> <value>" lines for scripts/bench.sh.
//
//   asicledger-bench-gui --ledger FILE

#include "BenchSetup.hpp"
#include "Clock.hpp"
#include "LedgerSession.hpp"
#include "UnitFilterBar.hpp"
#include "UnitTableModel.hpp"
#include "UnitsPage.hpp"

#include <QApplication>
#include <QTableView>
#include <fmt/format.h>
#include <functional>
#include <iostream>
#include <sys/resource.h>

using namespace asicledger;
using namespace asicledger::bench;

namespace {

void figure(std::string_view name, double value)
{
    fmt::print("FIGURE {} {:.3f}\n", name, value);
    std::fflush(stdout);
}

// Runs the event loop until `done`, or fails after `timeoutMs`.
bool waitUntil(const std::function<bool()>& done, double timeoutMs)
{
    const auto started = nowMs();
    while (!done()) {
        if (nowMs() - started > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    return true;
}

double peakRssMb()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0; // ru_maxrss is in KiB on Linux
}

} // namespace

int main(int argc, char** argv)
{
    if (argc != 3 || std::string(argv[1]) != "--ledger") {
        std::cerr << "usage: asicledger-bench-gui --ledger FILE\n";
        return 2;
    }
    const QString file = QString::fromStdString(argv[2]);
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    try {
        gui::LedgerSession session(std::make_shared<FixedClock>(benchToday()));
        session.open(file);
        const auto& finance = benchUser("finance");
        session.signIn(QString::fromStdString(finance.name),
                       QString::fromStdString(finance.password));

        // The first page: the page is built, shown, and its first rows painted.
        auto started = nowMs();
        gui::UnitsPage page(session);
        page.resize(1400, 900);
        page.show();
        auto* model = page.model();
        auto* view = page.view();
        if (!model || !waitUntil([&] { return model->rowCount() > 0; }, 60000)) {
            std::cerr << "the units page showed no unit within a minute\n";
            return 1;
        }
        view->viewport()->repaint();
        const auto firstPage = nowMs() - started;
        const auto firstSerial = model->serialAt(0);
        fmt::print("first page of units shown: {:.0f} ms ({} rows, first {})\n", firstPage,
                   model->rowCount(), firstSerial.toStdString());

        // A serial prefix as a clerk types it: the first eight characters of the first serial
        // shown (a model and the year it was shipped), to the filtered rows painted.
        const auto prefix = firstSerial.left(8);
        started = nowMs();
        page.filterBar()->setSerialPrefix(prefix);
        if (!waitUntil([&] { return model->rowCount() > 0; }, 60000)) {
            std::cerr << "the serial filter " << prefix.toStdString() << " showed no unit\n";
            return 1;
        }
        view->viewport()->repaint();
        const auto filtered = nowMs() - started;
        fmt::print("serial prefix '{}' filtered: {:.0f} ms ({} rows on the first page)\n",
                   prefix.toStdString(), filtered, model->rowCount());

        // The count runs in the background; let it finish so the peak includes it.
        waitUntil([&] { return model->totalCount().has_value(); }, 120000);
        const auto rss = peakRssMb();
        fmt::print("peak RSS: {:.0f} MB\n", rss);
        figure("gui_first_page_ms", firstPage);
        figure("gui_filter_ms", filtered);
        figure("gui_peak_rss_mb", rss);
        return 0;
    } catch (const std::exception& error) {
        std::cerr << "asicledger-bench-gui: " << error.what() << "\n";
        return 1;
    }
}
