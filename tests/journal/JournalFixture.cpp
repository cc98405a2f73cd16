#include "JournalFixture.hpp"

#include "EntityRegistry.hpp"
#include "LockTerm.hpp"
#include "SiteRegistry.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

namespace asicledger::testing {

std::vector<std::int64_t> JournalFixture::addUnits(const std::vector<std::string>& serials,
                                                   const std::string& declarationNo,
                                                   const std::string& exemptionStart)
{
    const LockTerm lock(requireDate(exemptionStart, "test exemption start"),
                        LockTerm::kStandardYears);
    const auto arrival = isoDate(lock.start() - boost::gregorian::days(5));
    const auto dispatch = isoDate(lock.start() - boost::gregorian::days(20));
    const auto owner = EntityRegistry(*ledger).require("Kazakh Hash LLP").id;
    const auto site = SiteRegistry(*ledger).require("Ekibastuz-1").id;
    return ledger->write(
        finance, Permission::RecordFinance, "recording test units", "import",
        [&](ChangeSet& changes) {
            changes.setSummary(fmt::format("imported {} units", serials.size()));
            const auto shipment = changes.insert("shipment", {{"declaration_no", declarationNo},
                                                              {"declaration_date", arrival},
                                                              {"route", std::string("rail")},
                                                              {"dispatch_date", dispatch},
                                                              {"arrival_date", arrival},
                                                              {"importer_id", owner}});
            std::vector<std::int64_t> ids;
            for (const auto& serial : serials) {
                // status is left to the column default; hashrate comes as text, as a CSV cell
                // would, and the INTEGER column stores it as a number.
                const auto id =
                    changes.insert("unit", {{"serial", serial},
                                            {"shipment_id", shipment},
                                            {"manufacturer", std::string("Bitmain")},
                                            {"model", std::string("Antminer S19 Pro")},
                                            {"hashrate_ghs", std::string("110000")},
                                            {"power_w", std::int64_t{3250}},
                                            {"customs_value_tiyn", std::int64_t{125000000}},
                                            {"customs_currency", std::string("KZT")},
                                            {"customs_value_minor", std::int64_t{125000000}},
                                            {"fx_rate", nullptr},
                                            {"legal_owner_id", owner},
                                            {"site_id", site},
                                            {"vat_rate_bp", std::int64_t{1200}},
                                            {"exemption_start", isoDate(lock.start())},
                                            {"exemption_term_years", std::int64_t{lock.years()}},
                                            {"lock_end", isoDate(lock.lockEnd())},
                                            {"unlock_date", isoDate(lock.unlockDate())},
                                            {"vat_exempted_tiyn", std::int64_t{15000000}}});
                changes.insert("unit_event", {{"unit_id", id},
                                              {"event_date", arrival},
                                              {"kind", std::string("imported")},
                                              {"journal_seq", changes.journalSeq()},
                                              {"site_id", site},
                                              {"legal_owner_id", owner},
                                              {"status", std::string("running")}});
                ids.push_back(id);
            }
            return ids;
        });
}

void JournalFixture::setStatus(std::int64_t unitId, const std::string& status)
{
    ledger->write(finance, Permission::RecordFinance, "changing a status", "unit.status",
                  [&](ChangeSet& changes) {
                      changes.setSummary("status " + status);
                      changes.update("unit", unitId, {{"status", status}});
                      changes.insert("unit_event", {{"unit_id", unitId},
                                                    {"event_date", std::string("2026-11-23")},
                                                    {"kind", std::string("status")},
                                                    {"detail", status},
                                                    {"journal_seq", changes.journalSeq()},
                                                    {"status", status}});
                  });
}

std::int64_t JournalFixture::idOf(const std::string& table, const std::string& column,
                                  const std::string& value)
{
    SQLite::Statement query(ledger->db(),
                            fmt::format("SELECT id FROM {} WHERE {} = ?", table, column));
    query.bind(1, value);
    if (!query.executeStep())
        throw std::logic_error(fmt::format("no {} with {} = {}", table, column, value));
    return query.getColumn(0).getInt64();
}

JournalHead JournalFixture::head()
{
    return Journal(ledger->db()).head();
}

VerificationResult JournalFixture::verify(const std::optional<JournalHead>& expected)
{
    return LedgerVerifier(*ledger).verify(expected);
}

SQLite::Database JournalFixture::raw()
{
    return SQLite::Database(file.path().string(), SQLite::OPEN_READWRITE, 10'000);
}

void JournalFixture::tamper(const std::string& sql)
{
    raw().exec(sql);
}

void JournalFixture::tamperWithJournal(const std::string& sql)
{
    auto db = raw();
    const auto guard =
        db.execAndGet("SELECT sql FROM sqlite_schema WHERE name = 'journal_no_update'").getString();
    db.exec("DROP TRIGGER journal_no_update");
    db.exec(sql);
    db.exec(guard);
}

std::string failureText(const VerificationResult& result)
{
    std::string text;
    for (const auto& failure : result.failures)
        text += failure + "\n";
    return text.empty() ? "(no failures)" : text;
}

bool namesAll(const VerificationResult& result, const std::vector<std::string>& words)
{
    for (const auto& failure : result.failures) {
        bool all = true;
        for (const auto& word : words)
            all = all && failure.find(word) != std::string::npos;
        if (all)
            return true;
    }
    return false;
}

} // namespace asicledger::testing
