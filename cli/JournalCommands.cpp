// journal, journal head, verify, backup: the tamper-evident record and proof of it.

#include "CommandSet.hpp"
#include "ExitCode.hpp"
#include "JournalQuery.hpp"
#include "LedgerBackup.hpp"
#include "LedgerVerifier.hpp"
#include "Session.hpp"

#include <fmt/format.h>
#include <iostream>
#include <unistd.h>

namespace asicledger {
namespace {

struct JournalOptions
{
    std::string since, user, serial;
    bool changes = false;
};

Json entryJson(const JournalEntry& entry, bool withChanges)
{
    Json row{{"seq", entry.seq},       {"recorded_at", entry.recordedAt}, {"user", entry.userName},
             {"action", entry.action}, {"summary", entry.summary},        {"reason", entry.reason},
             {"hash", entry.hash}};
    if (withChanges)
        row["changes"] = Json::parse(entry.changes, nullptr, /*allow_exceptions=*/false);
    return row;
}

// With --changes a table would be unreadable: each entry becomes a block with its row images.
void printEntryBlock(const JournalEntry& entry)
{
    std::cout << fmt::format("#{}  {}  {}  {}\n  {}\n", entry.seq, entry.recordedAt, entry.userName,
                             entry.action, entry.summary);
    if (!entry.reason.empty())
        std::cout << "  reason: " << entry.reason << '\n';
    const auto changes = Json::parse(entry.changes, nullptr, false);
    std::string text = changes.is_discarded() ? entry.changes : changes.dump(2);
    std::string indented = "  ";
    for (char c : text) {
        indented += c;
        if (c == '\n')
            indented += "  ";
    }
    std::cout << indented << "\n\n";
}

int listJournal(Session& session, const JournalOptions& options)
{
    session.signIn();
    JournalFilter filter;
    if (!options.since.empty())
        filter.since = requireDate(options.since, "--since");
    if (!options.user.empty())
        filter.user = options.user;
    if (!options.serial.empty())
        filter.serial = options.serial;
    const auto format = session.format();
    JournalQuery query(session.open());
    if (format == OutputFormat::Table && options.changes) {
        query.forEach(filter, true, [](const JournalEntry& entry) {
            printEntryBlock(entry);
            return true;
        });
        return 0;
    }
    std::vector<OutputColumn> columns{{"seq", "Seq", CellKind::Number},
                                      {"recorded_at", "Recorded (UTC)"},
                                      {"user", "User"},
                                      {"action", "Action"},
                                      {"summary", "Summary"},
                                      {"reason", "Reason"},
                                      {"hash", "Hash", CellKind::Text, false}};
    if (options.changes)
        columns.push_back({"changes", "Changes", CellKind::Text, false});
    RowWriter out(std::cout, format, columns);
    query.forEach(filter, options.changes, [&](const JournalEntry& entry) {
        out.add(entryJson(entry, options.changes));
        return true;
    });
    out.finish();
    return 0;
}

int printHead(Session& session)
{
    session.signIn();
    const auto head = Journal(session.open().db()).head();
    if (session.format() == OutputFormat::Json)
        writeJson(std::cout, {{"seq", head.seq}, {"hash", head.hash}, {"head", head.text()}});
    else
        std::cout << head.text() << '\n';
    return 0;
}

int verify(Session& session, const std::string& expectHead)
{
    session.signIn();
    std::optional<JournalHead> expected;
    if (!expectHead.empty())
        expected = LedgerVerifier::parseHead(expectHead);
    LedgerVerifier::Progress progress;
    if (::isatty(STDERR_FILENO))
        progress = [](std::int64_t done, std::int64_t total) {
            std::cerr << fmt::format("\rchecked {} of {}...", done, total) << std::flush;
        };
    const auto result = LedgerVerifier(session.open()).verify(expected, progress);
    if (progress)
        std::cerr << "\r\033[K" << std::flush;

    if (session.format() == OutputFormat::Json) {
        writeJson(std::cout, {{"ok", result.ok},
                              {"entries_checked", result.entriesChecked},
                              {"rows_checked", result.rowsChecked},
                              {"head", result.head.text()},
                              {"failures", result.failures}});
    } else if (result.ok) {
        std::cout << fmt::format("OK: the journal's {} entries chain from the first, and the "
                                 "ledger's {} rows are exactly what they record.\n",
                                 result.entriesChecked, result.rowsChecked);
        std::cout << "Journal head: " << result.head.text() << '\n';
        if (expected)
            std::cout << "The journal extends the expected head " << expected->text() << ".\n";
    } else {
        std::cout << "FAILED: the ledger does not match its journal.\n";
        for (const auto& failure : result.failures)
            std::cout << "- " << failure << '\n';
    }
    if (result.ok)
        return exitcode::kSuccess;
    std::cerr << "error: verification failed: the ledger was changed outside asicledger, or is "
                 "damaged\n";
    return exitcode::kVerifyFailed;
}

int backup(Session& session, const std::string& target)
{
    session.signIn();
    LedgerBackup::copyTo(session.open(), target);
    SQLite::Database copy(target, SQLite::OPEN_READONLY);
    std::cout << fmt::format("Backed up {} to {} (journal head {}).\n",
                             session.ledgerFile().string(), target, Journal(copy).head().text());
    return 0;
}

} // namespace

void addJournalCommands(CLI::App& app, CommandSet& commands)
{
    auto& session = commands.session();

    auto options = std::make_shared<JournalOptions>();
    auto* journal = app.add_subcommand("journal", "Who changed what, when and why");
    journal->add_option("--since", options->since, "Entries recorded on or after this day (UTC)");
    journal->add_option("--user", options->user,
                        "Entries by this user (sign in with --user before 'journal', or "
                        "ASICLEDGER_USER)");
    journal->add_option("--serial", options->serial, "Entries that touched this unit");
    journal->add_flag("--changes", options->changes, "Show the rows each entry wrote");
    commands.on(journal, [&session, options] { return listJournal(session, *options); });

    auto* head = journal->add_subcommand("head", "The journal's fingerprint: SEQ:HASH");
    commands.on(head, [&session] { return printHead(session); });

    auto expectHead = std::make_shared<std::string>();
    auto* verifyCommand = app.add_subcommand(
        "verify", "Prove the ledger matches its journal (exit 0 only when everything holds)");
    verifyCommand->add_option("--expect-head", *expectHead,
                              "A fingerprint written down earlier (SEQ:HASH) that the journal "
                              "must still extend");
    commands.on(verifyCommand, [&session, expectHead] { return verify(session, *expectHead); });

    auto target = std::make_shared<std::string>();
    auto* backupCommand =
        app.add_subcommand("backup", "A consistent copy of the ledger, safe while others write");
    backupCommand->add_option("file", *target, "The new file (never overwritten)")->required();
    commands.on(backupCommand, [&session, target] { return backup(session, *target); });
}

} // namespace asicledger
