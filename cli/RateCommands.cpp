// rate list/set/confirm, vat list/set, policy list/set: the reference tables quotes rest on.

#include "CommandSet.hpp"
#include "DecimalNumber.hpp"
#include "LedgerError.hpp"
#include "Money.hpp"
#include "RateBook.hpp"
#include "Session.hpp"

#include <fmt/format.h>
#include <iostream>

namespace asicledger {
namespace {

struct RateOptions
{
    std::string from;
    std::string percent;
    std::string note;
    bool all = false;
};

struct PolicyOptions
{
    std::string from, multiplier, accrualStart;
    int dayCount = 0;
};

// "1.25" as the fraction 125/100 the policy table stores.
std::pair<long long, long long> multiplierFraction(const std::string& text)
{
    const auto number = DecimalNumber::parse(text);
    if (!number || number->scale() > 6 || number->mantissa() > 1'000'000'000)
        throw InvalidInput(fmt::format("'{}' is not a multiplier: write it as a number such as "
                                       "1.25",
                                       text));
    long long den = 1;
    for (int i = 0; i < number->scale(); ++i)
        den *= 10;
    return {number->mantissa().convert_to<long long>(), den};
}

std::string multiplierText(long long num, long long den)
{
    // 125/100 reads as 1.25; a fraction with another denominator stays a fraction.
    long long scale = 1;
    int digits = 0;
    while (scale < den && digits < 18) {
        scale *= 10;
        ++digits;
    }
    if (scale != den)
        return fmt::format("{}/{}", num, den);
    return digits == 0 ? std::to_string(num) : formatMinorUnits(num, digits);
}

ExitPolicyTerms::AccrualStart accrualStartFrom(const std::string& text)
{
    if (text == "day_after_start" || text == "day-after-start")
        return ExitPolicyTerms::AccrualStart::DayAfterStart;
    if (text == "start_day" || text == "start-day")
        return ExitPolicyTerms::AccrualStart::StartDay;
    throw InvalidInput(fmt::format("'{}' is not an accrual start: use day_after_start or "
                                   "start_day",
                                   text));
}

void addBaseRateCommands(CLI::App& app, CommandSet& commands)
{
    auto& session = commands.session();
    auto* rate = app.add_subcommand("rate", "The National Bank base-rate table");
    rate->require_subcommand(1);

    auto* list = rate->add_subcommand("list", "The base rates, oldest first");
    commands.on(list, [&session] {
        session.signIn();
        RowWriter out(std::cout, session.format(),
                      {{"effective_from", "From"},
                       {"rate_bp", "Basis points", CellKind::Number, false},
                       {"rate_percent", "Rate, %", CellKind::Number},
                       {"confirmed", "Confirmed", CellKind::Flag},
                       {"note", "Note"}});
        for (const auto& rate : RateTables::baseRates(session.open().db()))
            out.add({{"effective_from", isoDate(rate.effectiveFrom)},
                     {"rate_bp", rate.rateBp},
                     {"rate_percent", percentText(rate.rateBp)},
                     {"confirmed", rate.confirmed},
                     {"note", rate.note}});
        out.finish();
        return 0;
    });

    auto setOptions = std::make_shared<RateOptions>();
    auto* set = rate->add_subcommand("set", "Add or correct the rate in force from a day (admin)");
    set->add_option("--from", setOptions->from, "First day it is in force")->required();
    set->add_option("--percent", setOptions->percent, "The rate, e.g. 16.50")->required();
    set->add_option("--note", setOptions->note, "Where it comes from");
    commands.on(set, [&session, setOptions] {
        const auto& actor = session.signIn();
        const auto from = requireDate(setOptions->from, "--from");
        RateBook(session.open()).setBaseRate(actor, from, setOptions->percent, setOptions->note);
        std::cout << fmt::format("The base rate from {} is {}%.\n", isoDate(from),
                                 setOptions->percent);
        return 0;
    });

    auto confirmOptions = std::make_shared<RateOptions>();
    auto* confirm = rate->add_subcommand(
        "confirm", "Mark base rates as checked against the National Bank's page (admin)");
    auto* which = confirm->add_option_group("which", "One day or all");
    which->add_option("--from", confirmOptions->from, "The row in force from this day");
    which->add_flag("--all", confirmOptions->all, "Every unconfirmed row");
    which->require_option(1);
    commands.on(confirm, [&session, confirmOptions] {
        const auto& actor = session.signIn();
        std::optional<Date> from;
        if (!confirmOptions->all)
            from = requireDate(confirmOptions->from, "--from");
        const auto count = RateBook(session.open()).confirmBaseRates(actor, from);
        std::cout << fmt::format("Confirmed {} base rate{}.\n", count, count == 1 ? "" : "s");
        return 0;
    });
}

void addVatCommands(CLI::App& app, CommandSet& commands)
{
    auto& session = commands.session();
    auto* vat = app.add_subcommand("vat", "The import VAT rates by declaration date");
    vat->require_subcommand(1);

    auto* list = vat->add_subcommand("list", "The VAT rates, oldest first");
    commands.on(list, [&session] {
        session.signIn();
        RowWriter out(std::cout, session.format(),
                      {{"effective_from", "From"},
                       {"rate_bp", "Basis points", CellKind::Number, false},
                       {"rate_percent", "Rate, %", CellKind::Number}});
        for (const auto& rate : RateTables::vatRates(session.open().db()))
            out.add({{"effective_from", isoDate(rate.effectiveFrom)},
                     {"rate_bp", rate.rateBp},
                     {"rate_percent", percentText(rate.rateBp)}});
        out.finish();
        return 0;
    });

    auto options = std::make_shared<RateOptions>();
    auto* set = vat->add_subcommand("set", "Add or correct the VAT rate from a day (admin)");
    set->add_option("--from", options->from, "First declaration date it applies to")->required();
    set->add_option("--percent", options->percent, "The rate, e.g. 16")->required();
    commands.on(set, [&session, options] {
        const auto& actor = session.signIn();
        const auto from = requireDate(options->from, "--from");
        RateBook(session.open()).setVatRate(actor, from, options->percent);
        std::cout << fmt::format("Import VAT from {} is {}%.\n", isoDate(from), options->percent);
        return 0;
    });
}

void addPolicyCommands(CLI::App& app, CommandSet& commands)
{
    auto& session = commands.session();
    auto* policy = app.add_subcommand("policy", "The early-exit penalty policy");
    policy->require_subcommand(1);

    auto* list = policy->add_subcommand("list", "The policies, oldest first");
    commands.on(list, [&session] {
        session.signIn();
        RowWriter out(std::cout, session.format(),
                      {{"effective_from", "From"},
                       {"multiplier", "Multiplier", CellKind::Number},
                       {"multiplier_num", "Numerator", CellKind::Number, false},
                       {"multiplier_den", "Denominator", CellKind::Number, false},
                       {"day_count", "Day count", CellKind::Number},
                       {"accrual_start", "Accrual starts"}});
        for (const auto& terms : RateTables::exitPolicies(session.open().db()))
            out.add({{"effective_from", isoDate(terms.effectiveFrom)},
                     {"multiplier", multiplierText(terms.multiplierNum, terms.multiplierDen)},
                     {"multiplier_num", terms.multiplierNum},
                     {"multiplier_den", terms.multiplierDen},
                     {"day_count", terms.dayCount},
                     {"accrual_start", std::string(toText(terms.accrualStart))}});
        out.finish();
        return 0;
    });

    auto options = std::make_shared<PolicyOptions>();
    auto* set = policy->add_subcommand(
        "set", "Add or correct the policy from a day; terms not given stay as before (admin)");
    set->add_option("--from", options->from, "First day it is in force")->required();
    set->add_option("--multiplier", options->multiplier, "Times the base rate, e.g. 1.25");
    set->add_option("--day-count", options->dayCount, "Days in the year basis, e.g. 365");
    set->add_option("--accrual-start", options->accrualStart, "day_after_start or start_day");
    commands.on(set, [&session, options] {
        const auto& actor = session.signIn();
        auto& ledger = session.open();
        // The law changes one term at a time: start from the latest policy.
        const auto policies = RateTables::exitPolicies(ledger.db());
        ExitPolicyTerms terms = policies.empty() ? ExitPolicyTerms{} : policies.back();
        terms.effectiveFrom = requireDate(options->from, "--from");
        if (!options->multiplier.empty())
            std::tie(terms.multiplierNum, terms.multiplierDen) =
                multiplierFraction(options->multiplier);
        if (options->dayCount != 0)
            terms.dayCount = options->dayCount;
        if (!options->accrualStart.empty())
            terms.accrualStart = accrualStartFrom(options->accrualStart);
        RateBook(ledger).setExitPolicy(actor, terms);
        std::cout << fmt::format("The early-exit policy from {}: {} × base rate / {} a day "
                                 "(accrual start: {}).\n",
                                 isoDate(terms.effectiveFrom),
                                 multiplierText(terms.multiplierNum, terms.multiplierDen),
                                 terms.dayCount, toText(terms.accrualStart));
        return 0;
    });
}

} // namespace

void addRateCommands(CLI::App& app, CommandSet& commands)
{
    addBaseRateCommands(app, commands);
    addVatCommands(app, commands);
    addPolicyCommands(app, commands);
}

} // namespace asicledger
