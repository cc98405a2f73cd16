#include "ActionsFixture.hpp"

#include "EntityRegistry.hpp"
#include "ExactArithmetic.hpp"
#include "LockTerm.hpp"
#include "Serial.hpp"
#include "SiteRegistry.hpp"
#include "UnitRegister.hpp"

#include <SQLiteCpp/Statement.h>

namespace asicledger::testing {

Date ActionsFixture::day(const std::string& iso)
{
    return requireDate(iso, "test date");
}

void ActionsFixture::addUnits(const std::vector<TestUnit>& units)
{
    ledger->write(
        finance, Permission::RecordFinance, "test import", "test.import", [&](ChangeSet& changes) {
            for (const auto& unit : units) {
                const Date arrival =
                    day(unit.arrival.value_or(unit.exemptionStart.value_or("2020-01-10")));
                const auto ownerId = EntityRegistry(*ledger).require(unit.legalOwner).id;
                const auto siteId = SiteRegistry(*ledger).require(unit.site).id;
                const auto shipment = changes.insert(
                    "shipment", {{"declaration_no", "TEST/" + unit.serial},
                                 {"declaration_date", isoDate(arrival)},
                                 {"route", std::string("rail")},
                                 {"dispatch_date", isoDate(arrival - boost::gregorian::days(14))},
                                 {"arrival_date", isoDate(arrival)},
                                 {"importer_id", ownerId}});
                Row row{{"serial", unit.serial},
                        {"shipment_id", shipment},
                        {"manufacturer", std::string("Bitmain")},
                        {"model", std::string("Antminer S19 Pro")},
                        {"hashrate_ghs", std::int64_t{110'000}},
                        {"power_w", std::int64_t{3250}},
                        {"customs_value_tiyn", unit.customsTiyn},
                        {"customs_currency", std::string("KZT")},
                        {"customs_value_minor", unit.customsTiyn},
                        {"legal_owner_id", ownerId},
                        {"site_id", siteId},
                        {"status", std::string("running")},
                        {"vat_rate_bp", std::int64_t{unit.vatRateBp}}};
                if (unit.exemptionStart) {
                    const LockTerm lock(day(*unit.exemptionStart), LockTerm::kStandardYears);
                    row.push_back({"exemption_start", isoDate(lock.start())});
                    row.push_back({"exemption_term_years", std::int64_t{lock.years()}});
                    row.push_back({"lock_end", isoDate(lock.lockEnd())});
                    row.push_back({"unlock_date", isoDate(lock.unlockDate())});
                    row.push_back({"vat_exempted_tiyn",
                                   roundHalfAwayFromZero(BigInt(unit.customsTiyn) * unit.vatRateBp,
                                                         BigInt(10'000))});
                }
                const auto id = changes.insert("unit", row);
                changes.insert("unit_event", {{"unit_id", id},
                                              {"event_date", isoDate(arrival)},
                                              {"kind", std::string("imported")},
                                              {"detail", std::string("test import")},
                                              {"journal_seq", changes.journalSeq()},
                                              {"site_id", siteId},
                                              {"legal_owner_id", ownerId},
                                              {"status", std::string("running")}});
            }
            changes.setSummary("test units");
        });
}

UnitRecord ActionsFixture::unit(const std::string& serial)
{
    return UnitRegister(*ledger).require(Serial(serial));
}

std::int64_t ActionsFixture::journalEntries()
{
    return ledger->db().execAndGet("SELECT count(*) FROM journal").getInt64();
}

std::int64_t ActionsFixture::unitEvents()
{
    return ledger->db().execAndGet("SELECT count(*) FROM unit_event").getInt64();
}

} // namespace asicledger::testing
