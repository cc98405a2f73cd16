#include "RateBook.hpp"

#include "DecimalNumber.hpp"
#include "Ledger.hpp"
#include "LedgerError.hpp"
#include "PlainText.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

namespace asicledger {
namespace {

// A percentage as an administrator types it, to basis points: "16.50" -> 1650.
int percentToBp(const std::string& text, std::string_view what)
{
    const auto number = DecimalNumber::parse(text);
    if (!number)
        throw InvalidInput(fmt::format("'{}' is not a percentage: write the {} as a number such "
                                       "as 16.50",
                                       trim(text), what));
    const auto bp = number->toMinorUnits(2);
    if (!bp)
        throw InvalidInput(fmt::format("{}% has more than two decimals: the {} is kept in "
                                       "hundredths of a percent",
                                       number->text(), what));
    if (*bp < 0 || *bp > 10'000)
        throw InvalidInput(fmt::format("{}% is not a plausible {}: it must be between 0 and 100",
                                       number->text(), what));
    return static_cast<int>(*bp);
}

void requireDay(Date date, std::string_view what)
{
    if (date.is_special())
        throw InvalidInput(fmt::format("the {} needs the date it takes effect", what));
}

// The id and value of the row of `table` in force from exactly `from`, if there is one.
std::optional<std::pair<std::int64_t, std::int64_t>> rowFrom(SQLite::Database& db,
                                                             const std::string& table, Date from)
{
    SQLite::Statement query(
        db, fmt::format("SELECT id, rate_bp FROM {} WHERE effective_from = ?", table));
    query.bind(1, isoDate(from));
    if (!query.executeStep())
        return std::nullopt;
    return std::make_pair(query.getColumn(0).getInt64(), query.getColumn(1).getInt64());
}

} // namespace

void RateBook::setBaseRate(const Actor& actor, Date from, const std::string& percent,
                           const std::string& noteText)
{
    constexpr std::string_view what = "setting a base rate";
    AccessPolicy::require(actor, Permission::ManageReferenceData, what);
    requireDay(from, "base rate");
    const auto rateBp = percentToBp(percent, "National Bank base rate");
    const auto note = trim(noteText);

    m_ledger.write(
        actor, Permission::ManageReferenceData, what, "rate.base.set", [&](ChangeSet& changes) {
            // Typed by an administrator from the Bank's page, so it counts as checked.
            const auto existing = rowFrom(m_ledger.db(), "base_rate", from);
            if (existing) {
                Row columns{{"rate_bp", std::int64_t{rateBp}}, {"confirmed", std::int64_t{1}}};
                if (!note.empty())
                    columns.push_back({"note", note});
                changes.update("base_rate", existing->first, columns);
                changes.setSummary(fmt::format("corrected the base rate from {}: {}% (was {}%)",
                                               isoDate(from), percentText(rateBp),
                                               percentText(static_cast<int>(existing->second))));
            } else {
                changes.insert("base_rate", {{"effective_from", isoDate(from)},
                                             {"rate_bp", std::int64_t{rateBp}},
                                             {"confirmed", std::int64_t{1}},
                                             {"note", note}});
                changes.setSummary(fmt::format("set the base rate from {} to {}%", isoDate(from),
                                               percentText(rateBp)));
            }
            changes.setReason(note);
        });
}

std::size_t RateBook::confirmBaseRates(const Actor& actor, std::optional<Date> from)
{
    constexpr std::string_view what = "confirming base rates";
    AccessPolicy::require(actor, Permission::ManageReferenceData, what);
    if (from && !rowFrom(m_ledger.db(), "base_rate", *from))
        throw NotFound(fmt::format("the base-rate table has no row from {}: 'asicledger rate "
                                   "list' shows the dates it holds",
                                   isoDate(*from)));

    std::vector<std::int64_t> ids;
    SQLite::Statement query(m_ledger.db(), from
                                               ? "SELECT id FROM base_rate WHERE confirmed = 0 AND "
                                                 "effective_from = ?"
                                               : "SELECT id FROM base_rate WHERE confirmed = 0");
    if (from)
        query.bind(1, isoDate(*from));
    while (query.executeStep())
        ids.push_back(query.getColumn(0).getInt64());
    if (ids.empty())
        return 0; // nothing to confirm: no journal entry for a change that did not happen

    m_ledger.write(
        actor, Permission::ManageReferenceData, what, "rate.base.confirm", [&](ChangeSet& changes) {
            for (const auto id : ids)
                changes.update("base_rate", id, {{"confirmed", std::int64_t{1}}});
            changes.setSummary(from ? fmt::format("confirmed the base rate from {}", isoDate(*from))
                                    : fmt::format("confirmed {} base rate{}", ids.size(),
                                                  ids.size() == 1 ? "" : "s"));
        });
    return ids.size();
}

void RateBook::setVatRate(const Actor& actor, Date from, const std::string& percent)
{
    constexpr std::string_view what = "setting a VAT rate";
    AccessPolicy::require(actor, Permission::ManageReferenceData, what);
    requireDay(from, "VAT rate");
    const auto rateBp = percentToBp(percent, "VAT rate");

    m_ledger.write(
        actor, Permission::ManageReferenceData, what, "rate.vat.set", [&](ChangeSet& changes) {
            if (const auto existing = rowFrom(m_ledger.db(), "vat_rate", from)) {
                changes.update("vat_rate", existing->first, {{"rate_bp", std::int64_t{rateBp}}});
                changes.setSummary(fmt::format("corrected the VAT rate from {}: {}% (was {}%)",
                                               isoDate(from), percentText(rateBp),
                                               percentText(static_cast<int>(existing->second))));
            } else {
                changes.insert("vat_rate", {{"effective_from", isoDate(from)},
                                            {"rate_bp", std::int64_t{rateBp}}});
                changes.setSummary(fmt::format("set the VAT rate from {} to {}%", isoDate(from),
                                               percentText(rateBp)));
            }
        });
}

void RateBook::setExitPolicy(const Actor& actor, const ExitPolicyTerms& terms)
{
    constexpr std::string_view what = "setting the early-exit policy";
    AccessPolicy::require(actor, Permission::ManageReferenceData, what);
    requireDay(terms.effectiveFrom, "early-exit policy");
    if (terms.multiplierNum <= 0 || terms.multiplierDen <= 0)
        throw InvalidInput(fmt::format("the penalty multiplier {}/{} must be a positive fraction "
                                       "(1.25 is 125/100)",
                                       terms.multiplierNum, terms.multiplierDen));
    if (terms.dayCount < 360 || terms.dayCount > 366)
        throw InvalidInput(fmt::format("a day count of {} is not a year basis: use 360, 365 or 366",
                                       terms.dayCount));
    if (terms.accrualStart != ExitPolicyTerms::AccrualStart::DayAfterStart &&
        terms.accrualStart != ExitPolicyTerms::AccrualStart::StartDay)
        throw InvalidInput("the accrual start is day_after_start or start_day");

    const Row columns{{"multiplier_num", std::int64_t{terms.multiplierNum}},
                      {"multiplier_den", std::int64_t{terms.multiplierDen}},
                      {"day_count", std::int64_t{terms.dayCount}},
                      {"accrual_start", std::string(toText(terms.accrualStart))}};
    const auto summary = fmt::format(
        "early-exit policy from {}: {}/{} × base rate / {} a day, accruing from the {}",
        isoDate(terms.effectiveFrom), terms.multiplierNum, terms.multiplierDen, terms.dayCount,
        terms.accrualStart == ExitPolicyTerms::AccrualStart::DayAfterStart
            ? "day after the exemption start"
            : "exemption start day");

    m_ledger.write(actor, Permission::ManageReferenceData, what, "policy.set",
                   [&](ChangeSet& changes) {
                       SQLite::Statement existing(
                           m_ledger.db(), "SELECT id FROM exit_policy WHERE effective_from = ?");
                       existing.bind(1, isoDate(terms.effectiveFrom));
                       if (existing.executeStep()) {
                           changes.update("exit_policy", existing.getColumn(0).getInt64(), columns);
                           changes.setSummary("corrected the " + summary);
                       } else {
                           Row row{{"effective_from", isoDate(terms.effectiveFrom)}};
                           row.insert(row.end(), columns.begin(), columns.end());
                           changes.insert("exit_policy", row);
                           changes.setSummary("set the " + summary);
                       }
                   });
}

} // namespace asicledger
