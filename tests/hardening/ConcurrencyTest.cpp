// Several programs on one ledger at once, as in an office: two clerks' command lines writing
// (imports, notes, new entities), an auditor's command line reading (unit lists, verify, reports,
// backups) and the desktop application's unit list refreshing and adding notes, for some seconds.
// Nobody may see "database is locked", no write that was reported done may be missing, and the
// journal must verify.

#include "ChildProcess.hpp"
#include "CommandTally.hpp"
#include "LedgerFixture.hpp"
#include "LedgerInspection.hpp"
#include "LedgerSession.hpp"
#include "ShipmentFile.hpp"
#include "UnitActions.hpp"
#include "UnitTableModel.hpp"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QThread>
#include <atomic>
#include <cstdlib>
#include <fmt/format.h>
#include <iostream>
#include <thread>

namespace asicledger::testing {
namespace {

using SteadyClock = std::chrono::steady_clock;

int runSeconds()
{
    const char* text = std::getenv("ASICLEDGER_CONCURRENCY_SECONDS");
    return text && *text ? std::max(1, std::atoi(text)) : 15;
}

struct ImportedShipment
{
    ShipmentFile file;
    std::string note; // the note added to its first unit afterwards, when that succeeded
};

class ConcurrencyTest : public LedgerFixture
{
protected:
    void SetUp() override
    {
        LedgerFixture::SetUp();
        for (int i = 1; i <= 2; ++i) {
            ShipmentFile base{fmt::format("50109010/021126/000000{}", i), fmt::format("BASE{}X", i),
                              1'000};
            importUnits(base.csv(static_cast<unsigned>(i)));
        }
        baseJournal = LedgerInspection(file.path()).count("SELECT count(*) FROM journal");
        ledger.reset();
    }

    // Clerk A (finance): shipments of 200 units, every fifth one of 5,000 (which holds the write
    // lock for seconds), each followed by a note on its first unit.
    void clerkA(SteadyClock::time_point until)
    {
        for (int i = 1; SteadyClock::now() < until; ++i) {
            ImportedShipment shipment{{fmt::format("50109010/021126/2{:06}", i),
                                       fmt::format("CCA{:04}X", i), i % 5 == 0 ? 5'000 : 200},
                                      {}};
            const auto csv = std::filesystem::temp_directory_path() /
                             fmt::format("asicledger-concurrency-{}-{}.csv", ::getpid(), i);
            shipment.file.write(csv, static_cast<unsigned>(i));
            const bool imported = writerA.run("finance", {"import", csv.string()});
            std::filesystem::remove(csv);
            if (!imported)
                continue;
            const auto note = fmt::format("writer A note {}", i);
            if (writerA.run("finance",
                            {"note", shipment.file.serialPrefix + "0000001", "--text", note}))
                shipment.note = note;
            imports.push_back(std::move(shipment));
        }
    }

    // Clerk B: an administrator adding entities, and finance notes on the base units.
    void clerkB(SteadyClock::time_point until)
    {
        for (int i = 1; SteadyClock::now() < until; ++i) {
            const auto name = fmt::format("Concurrency Hosting {} Pte Ltd", i);
            if (writerB.run("admin", {"entity", "add", "--name", name, "--kind", "overseas",
                                      "--jurisdiction", "SG"}))
                entities.push_back(name);
            const auto note = fmt::format("writer B note {}", i);
            if (writerB.run("finance",
                            {"note", fmt::format("BASE1X{:07}", i % 1'000 + 1), "--text", note}))
                notes.push_back(note);
        }
    }

    // The auditor: lists, verify, reports, the journal head and a backup, round after round.
    void auditor(SteadyClock::time_point until)
    {
        const auto folder = std::filesystem::temp_directory_path();
        for (int i = 1; SteadyClock::now() < until; ++i) {
            const auto backup =
                folder / fmt::format("asicledger-concurrency-{}-{}.backup", ::getpid(), i);
            const auto report =
                folder / fmt::format("asicledger-concurrency-{}-{}.csv", ::getpid(), i);
            reader.run("auditor", {"units", "--format", "csv", "--limit", "3000"});
            reader.run("auditor", {"verify"});
            reader.run("auditor", {"unlocks", "--by", "site"});
            reader.run("auditor", {"report", "liability", "-o", report.string()});
            reader.run("auditor", {"journal", "head"});
            reader.run("auditor", {"backup", backup.string()});
            for (const auto& made : {backup, report})
                std::filesystem::remove(made);
            ++readerRounds;
        }
    }

    CommandTally writerA{"clerk A", file.path()};
    CommandTally writerB{"clerk B", file.path()};
    CommandTally reader{"auditor", file.path()};
    std::vector<ImportedShipment> imports;
    std::vector<std::string> entities;
    std::vector<std::string> notes;
    int readerRounds = 0;
    std::int64_t baseJournal = 0;
};

TEST_F(ConcurrencyTest, TwoWritersAReaderAndTheGuiNeverSeeBusyAndLoseNothing)
{
    const int seconds = runSeconds();
    const auto start = SteadyClock::now();
    const auto until = start + std::chrono::seconds(seconds);
    std::thread a([&] { clerkA(until); });
    std::thread b([&] { clerkB(until); });
    std::thread c([&] { auditor(until); });

    // The desktop application on this thread: the unit list reloaded and paged through, its
    // count on worker connections, and a note now and then through its own long-lived
    // connection, which also serves the list's pages.
    auto sessionClock = std::make_shared<FixedClock>(clock.today());
    gui::LedgerSession session(sessionClock);
    session.open(QString::fromStdString(file.path().string()));
    session.signIn("finance", "finance-password");
    gui::UnitTableModel model(session.ledger(), session.connectionFactory());
    std::vector<std::string> guiFailures, guiNotes;
    int refreshes = 0, pagesRead = 0;
    while (SteadyClock::now() < until) {
        model.reload();
        QElapsedTimer waited;
        waited.start();
        while (!model.totalCount() && model.lastError().isEmpty() && waited.elapsed() < 30'000) {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
            QThread::msleep(2);
        }
        for (int page = 0; page < 5 && model.canFetchMore({}); ++page) {
            model.fetchMore({});
            ++pagesRead;
        }
        for (int row = 0; row < model.rowCount(); row += 97)
            model.data(model.index(row, gui::UnitTableModel::UnlockDateColumn));
        if (!model.lastError().isEmpty())
            guiFailures.push_back("unit list: " + model.lastError().toStdString());
        else if (!model.totalCount())
            guiFailures.push_back("unit list: the count never arrived");
        ++refreshes;
        if (refreshes % 4 == 0) {
            const auto note = fmt::format("gui note {}", refreshes);
            try {
                UnitActions(session.ledger())
                    .addNote(session.actor(), fmt::format("BASE2X{:07}", refreshes % 1'000 + 1),
                             session.today(), note);
                guiNotes.push_back(note);
            } catch (const std::exception& error) {
                guiFailures.push_back(fmt::format("gui note: {}", error.what()));
            }
        }
    }
    a.join();
    b.join();
    c.join();
    const double elapsed = std::chrono::duration<double>(SteadyClock::now() - start).count();
    session.close();

    int guiBusy = 0;
    for (const auto& failure : guiFailures)
        guiBusy += CommandTally::mentionsBusy(failure) ? 1 : 0;
    std::cout << fmt::format("{:.1f} s on one ledger (asked for {} s):\n", elapsed, seconds);
    for (const auto* tally : {&writerA, &writerB, &reader})
        std::cout << fmt::format("  {}: {} commands, {} succeeded, {} busy failures, slowest "
                                 "{:.1f} s\n",
                                 tally->name(), tally->runs(), tally->succeeded(),
                                 tally->busyFailures(), tally->longestSeconds());
    std::cout << fmt::format(
        "  clerk A imported {} shipments ({} units); clerk B added {} "
        "entities and {} notes; auditor finished {} rounds\n",
        imports.size(),
        [&] {
            std::int64_t units = 0;
            for (const auto& shipment : imports)
                units += shipment.file.units;
            return units;
        }(),
        entities.size(), notes.size(), readerRounds);
    std::cout << fmt::format("  desktop: {} refreshes, {} pages read, {} notes, {} failures "
                             "({} busy)\n",
                             refreshes, pagesRead, guiNotes.size(), guiFailures.size(), guiBusy);
    for (const auto* tally : {&writerA, &writerB, &reader})
        for (const auto& failure : tally->failures())
            ADD_FAILURE() << failure;
    for (const auto& failure : guiFailures)
        ADD_FAILURE() << "desktop: " << failure;

    // Every write reported done is in the file, once.
    LedgerInspection inspection(file.path());
    std::int64_t writes = 0;
    for (const auto& shipment : imports) {
        const auto trace =
            inspection.shipment(shipment.file.declarationNo, shipment.file.serialPrefix);
        EXPECT_EQ(trace.units, shipment.file.units) << shipment.file.declarationNo;
        writes += 1 + (shipment.note.empty() ? 0 : 1);
    }
    const auto noted = [&](const std::string& text) {
        return inspection.count(fmt::format(
            "SELECT count(*) FROM unit_event WHERE kind = 'note' AND detail = '{}'", text));
    };
    for (const auto& shipment : imports) {
        if (!shipment.note.empty()) {
            EXPECT_EQ(noted(shipment.note), 1) << shipment.note;
        }
    }
    for (const auto& note : notes)
        EXPECT_EQ(noted(note), 1) << note;
    for (const auto& note : guiNotes)
        EXPECT_EQ(noted(note), 1) << note;
    for (const auto& name : entities)
        EXPECT_EQ(
            inspection.count(fmt::format("SELECT count(*) FROM entity WHERE name = '{}'", name)), 1)
            << name;
    writes += static_cast<std::int64_t>(entities.size() + notes.size() + guiNotes.size());
    EXPECT_EQ(inspection.count("SELECT count(*) FROM journal"), baseJournal + writes)
        << "the journal holds a different number of entries than writes reported done";
    EXPECT_GT(imports.size(), 0u);
    EXPECT_GT(entities.size(), 0u);
    EXPECT_GT(readerRounds, 0);
    EXPECT_GT(refreshes, 0);

    CommandTally last("final check", file.path());
    EXPECT_TRUE(last.run("auditor", {"verify"})) << last.failures().front();
}

} // namespace
} // namespace asicledger::testing
