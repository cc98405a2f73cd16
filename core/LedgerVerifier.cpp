#include "LedgerVerifier.hpp"

#include "EmbeddedText.hpp"
#include "JournalEntryQueue.hpp"
#include "Ledger.hpp"
#include "LedgerError.hpp"
#include "ReplayedState.hpp"
#include "RowImages.hpp"
#include "SchemaMigrator.hpp"
#include "ScopedPragma.hpp"
#include "StoredSums.hpp"
#include "UnlockTallyCheck.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <algorithm>
#include <atomic>
#include <exception>
#include <fmt/format.h>
#include <regex>
#include <thread>

namespace asicledger {
namespace {

// A person reads the first failures; past these, the rest are only counted.
constexpr std::size_t kReportedFailures = 20;
constexpr std::int64_t kProgressEvery = 4096;
// Row images read ahead of the checker at most (one entry, however large, always fits).
constexpr std::size_t kQueuedBytes = std::size_t{64} << 20;
// Table rows read between looks at whether the checker wants more entries.
constexpr std::int64_t kRowsPerTurn = 4096;

// The failures found so far, capped for a person to read.
class FailureList
{
public:
    explicit FailureList(VerificationResult& result) : m_result(result) {}
    void add(std::string message)
    {
        m_result.ok = false;
        if (m_result.failures.size() < kReportedFailures)
            m_result.failures.push_back(std::move(message));
        else
            ++m_unreported;
    }
    void addUnreported(std::int64_t count)
    {
        if (count > 0)
            m_result.ok = false;
        m_unreported += count;
    }
    std::size_t room() const { return kReportedFailures - m_result.failures.size(); }
    void finish()
    {
        if (m_unreported > 0)
            m_result.failures.push_back(
                fmt::format("… and {} more failures not listed", m_unreported));
    }

private:
    VerificationResult& m_result;
    std::int64_t m_unreported = 0;
};

std::string upper(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return text;
}

// A trigger of the schema that refuses UPDATE or DELETE on a history table.
struct AppendOnlyGuard
{
    std::string name;
    std::string event; // UPDATE or DELETE
    std::string table;
    std::string sql; // as the migration created it
};

std::string collapsedBlanks(std::string_view text)
{
    std::string result;
    for (char c : text) {
        const bool blank = c == ' ' || c == '\t' || c == '\n' || c == '\r';
        if (!blank)
            result += c;
        else if (!result.empty() && result.back() != ' ')
            result += ' ';
    }
    while (!result.empty() && result.back() == ' ')
        result.pop_back();
    return result;
}

// The guards the ledger's migrations create (and do not drop again), up to its schema version:
// read from the migrations themselves, so a guard added by a later migration is checked too.
std::vector<AppendOnlyGuard> expectedGuards(int schemaVersion)
{
    static const std::regex statement(
        R"((CREATE\s+TRIGGER\s+(\w+)\s+BEFORE\s+(UPDATE|DELETE)\s+ON\s+(\w+)[\s\S]*?\bEND\b)|(DROP\s+TRIGGER\s+(IF\s+EXISTS\s+)?(\w+)))",
        std::regex::icase);
    std::vector<AppendOnlyGuard> guards;
    const auto& migrations = schemaMigrations();
    for (int i = 0; i < schemaVersion && i < static_cast<int>(migrations.size()); ++i) {
        const std::string text(migrations[i].text);
        for (std::sregex_iterator match(text.begin(), text.end(), statement), end; match != end;
             ++match) {
            const auto dropped = (*match)[7].str();
            std::erase_if(guards, [&](const AppendOnlyGuard& guard) {
                return guard.name == (dropped.empty() ? (*match)[2].str() : dropped);
            });
            if (dropped.empty() &&
                upper((*match)[1].str()).find("RAISE(ABORT") != std::string::npos)
                guards.push_back({(*match)[2], upper((*match)[3]), (*match)[4], (*match)[1]});
        }
    }
    return guards;
}

// The triggers that refuse edits of history must still be there, exactly as created.
void checkGuards(SQLite::Database& db, FailureList& failures)
{
    const auto guards = expectedGuards(SchemaMigrator::currentVersion(db));
    SQLite::Statement query(db,
                            "SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?");
    for (const auto& guard : guards) {
        query.reset();
        query.bind(1, guard.name);
        if (!query.executeStep())
            failures.add(fmt::format("the append-only guard {} has been dropped: {} rows can be "
                                     "{} without a trace",
                                     guard.name, guard.table,
                                     guard.event == "UPDATE" ? "changed" : "deleted"));
        else if (collapsedBlanks(query.getColumn(0).getString()) != collapsedBlanks(guard.sql))
            failures.add(fmt::format("the append-only guard {} has been altered: it is no longer "
                                     "the trigger the schema created to refuse every {} of {} "
                                     "rows",
                                     guard.name, guard.event, guard.table));
    }
}

// Joins the checker on every way out of verify: an error on either side stops both.
class CheckerJoined
{
public:
    CheckerJoined(JournalEntryQueue& queue, std::thread& thread) : m_queue(queue), m_thread(thread)
    {}
    ~CheckerJoined()
    {
        if (m_thread.joinable()) {
            m_queue.abandon();
            m_thread.join();
        }
    }
    CheckerJoined(const CheckerJoined&) = delete;
    CheckerJoined& operator=(const CheckerJoined&) = delete;

private:
    JournalEntryQueue& m_queue;
    std::thread& m_thread;
};

} // namespace

JournalHead LedgerVerifier::parseHead(const std::string& text)
{
    const auto colon = text.find(':');
    const auto bad = [&] {
        return InvalidInput(fmt::format(
            "'{}' is not a journal fingerprint: write it as SEQ:HASH, the entry number and its "
            "64-digit hash, exactly as 'asicledger journal head' prints it",
            text));
    };
    if (colon == std::string::npos || colon == 0 || colon > 18)
        throw bad();
    const auto seqText = text.substr(0, colon);
    auto hash = text.substr(colon + 1);
    std::transform(hash.begin(), hash.end(), hash.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    const auto isDigit = [](char c) { return c >= '0' && c <= '9'; };
    if (!std::all_of(seqText.begin(), seqText.end(), isDigit) || hash.size() != 64 ||
        !std::all_of(hash.begin(), hash.end(),
                     [&](char c) { return isDigit(c) || (c >= 'a' && c <= 'f'); }))
        throw bad();
    JournalHead head{std::stoll(seqText), hash};
    if (head.seq < 1)
        throw bad();
    return head;
}

VerificationResult LedgerVerifier::verify(const std::optional<JournalHead>& expectedHead,
                                          const Progress& progress)
{
    VerificationResult result;
    result.head = {0, Journal::genesisHash()};
    FailureList failures(result);
    auto& db = m_ledger.db();
    // Verify reads the whole file once. Mapped into memory, SQLite reads its pages where the
    // kernel keeps them instead of having each copied out by a system call (at a million units, a
    // tenth of the reading thread's time). SQLite caps the size where its own ceiling is lower.
    const ScopedPragma mapped(db, "mmap_size", 2147418112);
    // One read transaction: every pass sees the same snapshot while others keep writing.
    SQLite::Transaction snapshot(db);

    if (!db.tableExists("journal")) {
        failures.add("the journal table has been dropped: nothing in this ledger can be checked");
        return result;
    }
    ReplayedState state(db, [&](std::string message) { failures.add(std::move(message)); });
    const auto entries = db.execAndGet("SELECT count(*) FROM journal").getInt64();
    const auto total = entries + state.storedRowCount();

    // Each entry's link, hash and row images, in sequence order; failures in the order found.
    bool headSeen = false;
    const auto checkEntry = [&](const JournalEntry& entry) {
        const auto& previous = result.head;
        if (entry.seq != previous.seq + 1)
            failures.add(entry.seq > previous.seq + 1
                             ? fmt::format("journal {} missing: the journal jumps from entry {} "
                                           "to {} — entries were deleted",
                                           entry.seq == previous.seq + 2
                                               ? fmt::format("entry {} is", previous.seq + 1)
                                               : fmt::format("entries {} to {} are",
                                                             previous.seq + 1, entry.seq - 1),
                                           previous.seq, entry.seq)
                             : fmt::format("{}: it is out of sequence after entry {}",
                                           RowImages::describe(entry), previous.seq));
        else if (entry.prevHash != previous.hash)
            failures.add(fmt::format("{}: it does not follow entry {} (its link to the previous "
                                     "hash is broken) — entries were removed, inserted, "
                                     "reordered or rewritten before it",
                                     RowImages::describe(entry), previous.seq));
        if (Journal::entryHash(entry) != entry.hash)
            failures.add(fmt::format("{}: its hash does not match its contents — the entry was "
                                     "edited after it was written",
                                     RowImages::describe(entry)));
        if (expectedHead && entry.seq == expectedHead->seq) {
            headSeen = true;
            if (entry.hash != expectedHead->hash)
                failures.add(fmt::format(
                    "the journal no longer extends the fingerprint {} written down earlier: "
                    "entry {} now has another hash, so it or an entry before it was rewritten "
                    "and the chain hashed again",
                    expectedHead->text(), expectedHead->seq));
        }
        state.apply(entry, entry.changes);
        result.head = {entry.seq, entry.hash};
        ++result.entriesChecked;
    };

    // Two threads: this one reads the journal and the tables out of SQLite (one connection, so
    // one snapshot), the checker hashes and replays each entry. Neither works for the other's
    // results until both are done, so they run side by side: while the checker is behind, this
    // one reads the tables. Until the join, only the checker adds failures.
    StoredSums stored(db, state.shapes(), state.digest());
    JournalEntryQueue queue(kQueuedBytes);
    std::atomic<std::int64_t> entriesDone = 0;
    std::exception_ptr checkerError;
    std::thread checker([&] {
        try {
            while (auto entry = queue.pop()) {
                checkEntry(*entry);
                entriesDone.fetch_add(1, std::memory_order_relaxed);
            }
        } catch (...) {
            checkerError = std::current_exception();
            queue.abandon();
        }
    });
    const CheckerJoined joined(queue, checker);
    std::int64_t reported = 0;
    const auto tick = [&] {
        const auto done = entriesDone.load(std::memory_order_relaxed) + stored.rowsRead();
        if (progress && done - reported >= kProgressEvery) {
            reported = done;
            progress(done, total);
        }
    };

    bool tablesLeft = true;
    Journal(db).forEachEntry([&](const JournalEntry& read, std::string_view changes) {
        while (tablesLeft && !queue.hasRoom()) {
            tablesLeft = stored.read(kRowsPerTurn);
            tick();
        }
        if (queue.abandoned())
            std::rethrow_exception(checkerError); // the checker failed: stop reading
        auto entry = read;
        entry.changes = changes;
        queue.push(std::move(entry));
        tick();
    });
    queue.close();
    while (tablesLeft && !queue.abandoned()) {
        tablesLeft = stored.read(kRowsPerTurn);
        tick();
    }
    checker.join();
    if (checkerError)
        std::rethrow_exception(checkerError);
    if (expectedHead && !headSeen)
        failures.add(fmt::format("the journal no longer extends the fingerprint {} written down "
                                 "earlier: it has no entry {} (it ends at entry {}) — entries "
                                 "were removed",
                                 expectedHead->text(), expectedHead->seq, result.head.seq));

    checkGuards(db, failures);
    const auto tally = UnlockTallyCheck::run(
        db, failures.room(), [&](std::string message) { failures.add(std::move(message)); });
    failures.addUnreported(tally.unreported);
    failures.addUnreported(state.compare(stored, failures.room()));
    result.rowsChecked = stored.rowsRead() + tally.rowsChecked;
    snapshot.commit();
    failures.finish();
    if (progress)
        progress(total, total);
    return result;
}

} // namespace asicledger
